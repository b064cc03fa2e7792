/* test-gui-attendance.c — the attendance desk page driven through its widgets: scans
 * arriving as a keyboard-wedge scanner types them, the outcome banner, the roster's
 * times and findings, one-key marking, leave, history and sign out everyone.
 *
 * The page's clock is fixed ("now" property) at 2024-05-06, the day of the course's
 * second session. With TD_TEST_SNAPSHOT_DIR set the desk is also saved as PNG. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "td-attendance-desk.h"
#include "td-attendance-page.h"
#include "td-scan-banner.h"
#include "td-trainee-code.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 course_id;
  gint64 earlier;          /* 2024-05-03 09:00–12:00 */
  gint64 today;            /* 2024-05-06 09:00–12:00 */
  gint64 trainee[3];
  gint64 outsider;
} Fixture;

#define TODAY "2024-05-06"

/* --- fixture -------------------------------------------------------------------- */

static gint64
add_session (Fixture *f, const char *date)
{
  g_autoptr (TdSession) s = td_session_new ();
  g_autoptr (GError) error = NULL;

  s->course_id = f->course_id;
  s->date = g_strdup (date);
  s->start_time = g_strdup ("09:00");
  s->end_time = g_strdup ("12:00");
  s->subject = g_strdup ("急救概論");
  g_assert_true (td_store_save_session (f->store, s, &error));
  g_assert_no_error (error);
  return s->id;
}

static void
record_present (Fixture *f, gint64 session, gint64 trainee)
{
  g_autoptr (TdAttendance) a = td_attendance_new (session, trainee, TD_ATTENDANCE_PRESENT);
  g_autoptr (GError) error = NULL;

  a->in_time = g_strdup ("08:50");
  a->out_time = g_strdup ("12:00");
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();
  g_autoptr (TdTrainee) outsider = td_trainee_new ();

  f->store = gui_temp_store_open ("td-gui-attendance-XXXXXX", "desk.db", "counsellor",
                                 &f->dir, &f->path);

  c->regime = TD_REGIME_OSH;
  c->title = g_strdup ("急救人員安全衛生教育訓練");
  c->category = g_strdup ("first-aid");
  c->start_date = g_strdup ("2024-05-03");
  c->end_date = g_strdup (TODAY);
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  f->course_id = c->id;
  f->earlier = add_session (f, "2024-05-03");
  f->today = add_session (f, TODAY);
  f->trainee[0] = gui_enrol (f->store, f->course_id, "王小明", "A123456789");
  f->trainee[1] = gui_enrol (f->store, f->course_id, "陳美玲", "B223456782");
  f->trainee[2] = gui_enrol (f->store, f->course_id, "林志豪", "C187654325");
  /* The first two came to the earlier session; the third did not, so half of the
   * course's hours are already missed: past the dismissal fraction. */
  record_present (f, f->earlier, f->trainee[0]);
  record_present (f, f->earlier, f->trainee[1]);

  outsider->name = g_strdup ("張大同");
  outsider->national_id = g_strdup ("D211111118");
  g_assert_true (td_store_save_trainee (f->store, outsider, &error));
  g_assert_no_error (error);
  f->outsider = outsider->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gui_temp_store_close (f->store, &f->dir, &f->path);
}

/* --- helpers -------------------------------------------------------------------- */

static gpointer
page_child (gpointer widget, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), TD_TYPE_ATTENDANCE_PAGE,
                                                   name);

  /* The scan field and the banner are the shared TdScanBanner's. */
  if (object == NULL)
    object = gtk_widget_get_template_child (
      GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), TD_TYPE_ATTENDANCE_PAGE,
                                                 "scan_banner")),
      TD_TYPE_SCAN_BANNER, name);
  g_assert_nonnull (object);
  return object;
}

static GDateTime *
at (int hh, int mm)
{
  return g_date_time_new_local (2024, 5, 6, hh, mm, 0);
}

static void
set_now (GtkWidget *page, int hh, int mm)
{
  g_autoptr (GDateTime) now = at (hh, mm);

  td_attendance_page_set_now (TD_ATTENDANCE_PAGE (page), now);
  pump ();
}

static char *
dup_roster_text (GtkWidget *page)
{
  GString *out = g_string_new (NULL);

  collect_labels (page_child (page, "roster_view"), out);
  return g_string_free (out, FALSE);
}

/* The label showing @text in the roster, or NULL. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_scan_has_focus (GtkWidget *page)
{
  GtkWidget *entry = page_child (page, "scan_entry");
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (page));

  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
assert_banner (GtkWidget *page, const char *css_class, const char *title_part, const char *name)
{
  GtkWidget *banner = page_child (page, "banner");

  g_assert_true (gtk_widget_has_css_class (banner, css_class));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (page, "banner_title")), title_part));
  if (name != NULL)
    g_assert_cmpstr (gtk_label_get_text (page_child (page, "banner_name")), ==, name);
  /* Ready for the next scan at once. */
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "scan_entry")), ==, "");
  assert_scan_has_focus (page);
}

/* What the scanner does: the whole code at once, then Enter. */
static void
scan (GtkWidget *page, const char *text)
{
  GtkEditable *entry = page_child (page, "scan_entry");

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  pump ();
}

/* The same, one character at a time with no pause between: faster than any person. */
static void
scan_typed (GtkWidget *page, const char *text)
{
  GtkEditable *entry = page_child (page, "scan_entry");

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      position = g_utf8_strlen (gtk_editable_get_text (entry), -1);
      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
    }
  g_signal_emit_by_name (entry, "activate");
  pump ();
}

static TdAttendance *
history_last (Fixture *f, gint64 trainee_id, guint *n_events)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = td_store_list_attendance_history (f->store, f->today, trainee_id,
                                                                   &error);

  g_assert_no_error (error);
  *n_events = events->len;
  return events->len > 0 ? td_attendance_copy (g_ptr_array_index (events, events->len - 1)) : NULL;
}

static GtkWidget *
open_page (Fixture *f, GtkWindow **window, int hh, int mm)
{
  g_autoptr (GDateTime) now = at (hh, mm);
  GtkWidget *page = g_object_new (TD_TYPE_ATTENDANCE_PAGE, "store", f->store, "now", now, NULL);

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1100, 720);
  gtk_window_set_child (*window, page);
  gtk_window_present (*window);
  settle ();
  return page;
}

static void
select_row (GtkWidget *page, guint position)
{
  GtkSelectionModel *model = gtk_column_view_get_model (page_child (page, "roster_view"));

  gtk_selection_model_select_item (model, position, TRUE);
  pump ();
}

/* --- tests ---------------------------------------------------------------------- */

static void
test_opens_on_today (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  GtkWidget *page = open_page (f, &window, 8, 40);
  TdAttendancePage *desk = TD_ATTENDANCE_PAGE (page);
  g_autofree char *roster = NULL;
  GtkWidget *label;

  g_assert_cmpstr (td_attendance_page_get_date (desk), ==, TODAY);
  g_assert_cmpint (td_attendance_page_get_session_id (desk), ==, f->today);
  g_assert_nonnull (gtk_list_box_get_row_at_index (page_child (page, "session_list"), 0));
  g_assert_null (gtk_list_box_get_row_at_index (page_child (page, "session_list"), 1));
  g_assert_cmpstr (gtk_menu_button_get_label (page_child (page, "date_button")), ==,
                   "民國113年5月6日");
  assert_scan_has_focus (page);

  roster = dup_roster_text (page);
  g_assert_nonnull (strstr (roster, "王小明"));
  g_assert_nonnull (strstr (roster, "A12****789"));
  g_assert_null (strstr (roster, "A123456789"));
  g_assert_nonnull (strstr (roster, "Not signed in"));

  /* Absence past the pack's dismissal fraction turns the row red, and only that row. */
  label = find_label (page_child (page, "roster_view"), "林志豪");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (label), "dismissed"));
  label = find_label (page_child (page, "roster_view"), "王小明");
  g_assert_false (gtk_widget_has_css_class (label, "error"));
  save_snapshot (page, "attendance-ready");

  /* Another day: no sessions; back to today with one click. */
  g_assert_true (gtk_widget_activate_action (page, "desk.previous-day", NULL));
  pump ();
  g_assert_cmpstr (td_attendance_page_get_date (desk), ==, "2024-05-05");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "sessions_stack")), ==,
                   "empty");
  g_assert_cmpint (td_attendance_page_get_session_id (desk), ==, 0);
  g_assert_true (td_attendance_page_set_date (desk, "2024-05-03"));
  pump ();
  g_assert_cmpint (td_attendance_page_get_session_id (desk), ==, f->earlier);
  /* Not today: scans are refused, sign-in at the desk too. */
  g_assert_false (gtk_widget_is_sensitive (page_child (page, "scan_entry")));
  g_assert_false (td_attendance_page_set_date (desk, "113/05/03"));
  g_assert_true (gtk_widget_activate_action (page, "desk.today", NULL));
  pump ();
  g_assert_cmpint (td_attendance_page_get_session_id (desk), ==, f->today);

  destroy_window (window, page);
}

static void
test_scans (Fixture *f, gconstpointer data)
{
  g_autofree char *code1 = gui_trainee_code (f->store, f->trainee[0]);
  g_autofree char *code2 = gui_trainee_code (f->store, f->trainee[1]);
  g_autofree char *code3 = gui_trainee_code (f->store, f->trainee[2]);
  g_autofree char *new_code2 = NULL;
  g_autofree char *sloppy = NULL;
  g_autofree char *roster = NULL;
  g_autoptr (TdAttendance) last = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *window;
  GtkWidget *page = open_page (f, &window, 8, 55);
  guint n;

  /* The first trainee has a photo: the banner shows it with the name. */
  {
    static const guchar pixels[] = { 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 9, 9, 9, 255 };
    g_autoptr (GBytes) data = g_bytes_new_static (pixels, sizeof pixels);
    g_autoptr (GdkTexture) texture = gdk_memory_texture_new (2, 2, GDK_MEMORY_R8G8B8A8, data, 8);
    g_autoptr (GBytes) png = gdk_texture_save_to_png_bytes (texture);

    g_assert_true (td_store_set_trainee_photo (f->store, f->trainee[0], png, "image/png", &error));
    g_assert_no_error (error);
  }

  /* Three scans in a row: whole, typed char by char, and with Caps Lock off and the
   * scanner's trailing Enter still in the text. */
  scan (page, code1);
  assert_banner (page, "signed-in", "08:55", "王小明");
  g_assert_true (gtk_widget_get_visible (page_child (page, "banner_photo")));
  g_assert_nonnull (gtk_picture_get_paintable (page_child (page, "banner_photo")));
  scan_typed (page, code2);
  assert_banner (page, "signed-in", "08:55", "陳美玲");
  g_assert_false (gtk_widget_get_visible (page_child (page, "banner_photo")));
  roster = dup_roster_text (page);
  g_assert_nonnull (strstr (roster, "08:55"));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (page, "count_label")), "2 of 3"));
  save_snapshot (page, "attendance-signed-in");

  /* Again within the minimum interval: recorded once only. */
  scan (page, code1);
  assert_banner (page, "duplicate", "Already Recorded", "王小明");
  last = history_last (f, f->trainee[0], &n);
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&last, td_attendance_free);

  /* 25 minutes into the session: late, so its first period is truant. */
  set_now (page, 9, 20);
  sloppy = g_strdup_printf ("  %s\n", code3);
  for (char *p = sloppy; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  scan (page, sloppy);
  assert_banner (page, "signed-in", "09:20", "林志豪");
  roster = (g_free (roster), dup_roster_text (page));
  g_assert_nonnull (strstr (roster, "Late → 1 truant hour(s)"));

  /* After the interval the next scan signs out. */
  scan (page, code1);
  assert_banner (page, "signed-out", "09:20", "王小明");
  last = history_last (f, f->trainee[0], &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (last->in_time, ==, "08:55");
  g_assert_cmpstr (last->out_time, ==, "09:20");
  g_assert_cmpint (last->source, ==, TD_ATTENDANCE_SOURCE_SCAN);
  roster = (g_free (roster), dup_roster_text (page));
  g_assert_nonnull (strstr (roster, "09:20"));
  g_assert_nonnull (strstr (roster, "Left early → 3 truant hour(s)"));

  /* A replaced code is refused, saying so. */
  new_code2 = td_trainee_code_regenerate (f->store, f->trainee[1], &error);
  g_assert_no_error (error);
  scan (page, code2);
  assert_banner (page, "voided", "Code Voided", NULL);

  /* A code never issued here, and a person not on this roster. */
  scan (page, "TD1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  assert_banner (page, "refused", "Unknown Code", NULL);
  scan (page, "D211111118");
  assert_banner (page, "refused", "Not on This Roster", "張大同");
  save_snapshot (page, "attendance-refused");

  /* Nothing typed records nothing and leaves the banner as it was. */
  scan (page, "   ");
  assert_banner (page, "refused", "Not on This Roster", "張大同");

  destroy_window (window, page);
}

static void
test_marking (Fixture *f, gconstpointer data)
{
  g_autoptr (TdAttendance) last = NULL;
  g_autoptr (GPtrArray) leave = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *roster = NULL;
  GtkWindow *window;
  GtkWidget *page = open_page (f, &window, 9, 5);
  const char *history;
  TdLeave *l;
  guint n;

  /* Nothing selected: the row marks are off. */
  gtk_widget_activate_action (page, "desk.sign-in", NULL);
  pump ();
  last = history_last (f, f->trainee[0], &n);
  g_assert_null (last);

  /* I: sign in now, from the desk. */
  select_row (page, 0);
  g_assert_true (gtk_widget_activate_action (page, "desk.sign-in", NULL));
  pump ();
  assert_banner (page, "signed-in", "09:05", "王小明");
  last = history_last (f, f->trainee[0], &n);
  g_assert_cmpint (last->source, ==, TD_ATTENDANCE_SOURCE_DESK);
  g_assert_cmpstr (last->in_time, ==, "09:05");
  g_assert_null (last->out_time);
  g_clear_pointer (&last, td_attendance_free);

  /* O on someone who never signed in: refused on the banner, nothing written. */
  select_row (page, 1);
  g_assert_true (gtk_widget_activate_action (page, "desk.sign-out", NULL));
  pump ();
  assert_banner (page, "refused", "Not Signed In", "陳美玲");
  last = history_last (f, f->trainee[1], &n);
  g_assert_cmpuint (n, ==, 0);

  /* L: leave, defaulting to the whole session; here 1.5 hours of sick leave. */
  g_assert_true (gtk_widget_activate_action (page, "desk.leave", NULL));
  settle ();
  g_assert_true (gtk_widget_get_visible (page_child (page, "leave_popover")));
  g_assert_cmpfloat (gtk_spin_button_get_value (page_child (page, "leave_hours")), ==, 3.0);
  gtk_drop_down_set_selected (page_child (page, "leave_kind"), 1);
  gtk_spin_button_set_value (page_child (page, "leave_hours"), 1.5);
  gtk_editable_set_text (page_child (page, "leave_proof"), "診斷證明");
  g_assert_true (gtk_widget_activate_action (page, "desk.record-leave", NULL));
  settle ();
  g_assert_false (gtk_widget_get_visible (page_child (page, "leave_popover")));
  assert_banner (page, "duplicate", "Leave (sick)", "陳美玲");
  leave = td_store_list_leave (f->store, f->course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leave->len, ==, 1);
  l = g_ptr_array_index (leave, 0);
  g_assert_cmpstr (l->kind, ==, "sick");
  g_assert_cmpint (l->minutes, ==, 90);
  g_assert_cmpstr (l->proof_note, ==, "診斷證明");

  /* A: absent. */
  select_row (page, 2);
  g_assert_true (gtk_widget_activate_action (page, "desk.absent", NULL));
  pump ();
  last = history_last (f, f->trainee[2], &n);
  g_assert_cmpint (last->status, ==, TD_ATTENDANCE_ABSENT);
  g_clear_pointer (&last, td_attendance_free);
  roster = dup_roster_text (page);
  g_assert_nonnull (strstr (roster, "Absent"));
  /* The 1.5 hours recorded; the rest of the session, without a sign-in, truant. */
  g_assert_nonnull (strstr (roster, "Leave (sick): 1.5 hour(s), 1.5 truant hour(s)"));

  /* Then they arrive after all: the correction is a new event; H shows both. */
  g_assert_true (gtk_widget_activate_action (page, "desk.sign-in", NULL));
  pump ();
  g_assert_true (gtk_widget_activate_action (page, "desk.history", NULL));
  settle ();
  g_assert_true (gtk_widget_get_visible (page_child (page, "history_popover")));
  history = gtk_label_get_text (page_child (page, "history_label"));
  g_assert_nonnull (strstr (history, "林志豪"));
  g_assert_nonnull (strstr (history, "Absent"));
  g_assert_nonnull (strstr (history, "in 09:05"));
  g_assert_nonnull (strstr (history, "desk, counsellor"));
  gtk_popover_popdown (page_child (page, "history_popover"));
  settle ();
  assert_scan_has_focus (page);

  /* Sign out everyone: asks first; Cancel changes nothing, Sign Out signs out the two
   * who are in, not the one on leave. */
  set_now (page, 12, 0);
  g_assert_true (gtk_widget_activate_action (page, "desk.sign-out-all", NULL));
  settle ();
  g_assert_nonnull (find_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ()), "2 trainees"));
  adw_message_dialog_response (find_dialog (), "cancel");
  gtk_window_destroy (GTK_WINDOW (find_dialog ()));
  pump ();
  last = history_last (f, f->trainee[0], &n);
  g_assert_null (last->out_time);
  g_clear_pointer (&last, td_attendance_free);

  g_assert_true (gtk_widget_activate_action (page, "desk.sign-out-all", NULL));
  settle ();
  adw_message_dialog_response (find_dialog (), "sign-out");
  gtk_window_destroy (GTK_WINDOW (find_dialog ()));
  pump ();
  assert_banner (page, "signed-out", "2 Trainees Signed Out at 12:00", NULL);
  last = history_last (f, f->trainee[0], &n);
  g_assert_cmpstr (last->in_time, ==, "09:05");
  g_assert_cmpstr (last->out_time, ==, "12:00");
  g_clear_pointer (&last, td_attendance_free);
  last = history_last (f, f->trainee[2], &n);
  g_assert_cmpstr (last->out_time, ==, "12:00");
  g_clear_pointer (&last, td_attendance_free);
  last = history_last (f, f->trainee[1], &n);
  g_assert_cmpint (last->status, ==, TD_ATTENDANCE_LEAVE);
  save_snapshot (page, "attendance-marked");

  destroy_window (window, page);
}

static void
test_hours_activity (Fixture *f, gconstpointer data)
{
  g_autoptr (TdCourse) c = td_course_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) awards = NULL;
  g_autofree char *code = NULL;
  TdHoursActivity a = { 0 };
  GtkWindow *window;
  GtkWidget *page;
  gint64 session;

  c->regime = TD_REGIME_HOURS;
  c->title = g_strdup ("環境教育講座");
  c->category = g_strdup ("environment-education");
  c->start_date = g_strdup (TODAY);
  c->end_date = g_strdup (TODAY);
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  f->course_id = c->id;
  session = add_session (f, TODAY);
  f->trainee[0] = gui_enrol (f->store, f->course_id, "王小明", "A123456789");
  a.course_id = c->id;
  a.session_id = session;
  a.title = g_strdup ("淨灘");
  a.date = g_strdup (TODAY);
  a.physical_minutes = 120;
  g_assert_true (td_store_create_hours_activity (f->store, &a, &error));
  g_assert_no_error (error);
  g_free (a.title);
  g_free (a.date);

  page = open_page (f, &window, 9, 0);
  g_assert_true (td_attendance_page_select_session (TD_ATTENDANCE_PAGE (page), session));
  pump ();
  code = gui_trainee_code (f->store, f->trainee[0]);
  scan (page, code);
  assert_banner (page, "signed-in", "Hours Awarded", "王小明");
  scan (page, code);
  assert_banner (page, "duplicate", "Already Recorded", "王小明");
  awards = td_store_list_hours_awards (f->store, a.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awards->len, ==, 1);
  g_assert_false (td_attendance_page_select_session (TD_ATTENDANCE_PAGE (page), f->earlier));

  destroy_window (window, page);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui-attendance/opens-on-today", test_opens_on_today);
  ADD ("/gui-attendance/scans", test_scans);
  ADD ("/gui-attendance/marking", test_marking);
  ADD ("/gui-attendance/hours-activity", test_hours_activity);
#undef ADD
  return g_test_run ();
}
