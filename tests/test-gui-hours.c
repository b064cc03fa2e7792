/* test-gui-hours.c — the "Hours Awards" tab of an `hours` course and the personal code
 * view, driven through their widgets: an activity made with "New Activity…", codes
 * scanned as a keyboard-wedge scanner types them (a voided code, a duplicate, a person
 * not on the roster, nonsense), the banners, the awards and the exported CSV; the tab
 * only for `hours` courses; a regenerated code voiding the old one at once; the
 * roster's "Print Badges…" rendering the badge sheet in the preview window.
 *
 * With TD_TEST_SNAPSHOT_DIR set the screens are also saved as PNG. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "td-attendance-desk.h"
#include "td-course-editor.h"
#include "td-hours-awards-view.h"
#include "td-hours-csv.h"
#include "td-pdf-view.h"
#include "td-personal-code-view.h"
#include "td-preview-window-private.h"
#include "td-roster-view.h"
#include "td-scan-banner.h"
#include "td-trainee-code.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 course_id;
  gint64 session_id;
  gint64 trainee[3];
  gint64 outsider;
} Fixture;

/* --- fixture -------------------------------------------------------------------- */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();
  g_autoptr (TdSession) s = td_session_new ();
  g_autoptr (TdTrainee) outsider = td_trainee_new ();

  f->store = gui_temp_store_open ("td-gui-hours-XXXXXX", "hours.db", "organiser",
                                 &f->dir, &f->path);

  c->regime = TD_REGIME_HOURS;
  c->title = g_strdup ("環境教育講座");
  c->category = g_strdup ("environment-education");
  c->start_date = g_strdup ("2024-05-06");
  c->end_date = g_strdup ("2024-05-06");
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  f->course_id = c->id;
  s->course_id = c->id;
  s->date = g_strdup ("2024-05-06");
  s->start_time = g_strdup ("09:00");
  s->end_time = g_strdup ("12:00");
  s->subject = g_strdup ("淨灘與海洋廢棄物");
  g_assert_true (td_store_save_session (f->store, s, &error));
  g_assert_no_error (error);
  f->session_id = s->id;
  f->trainee[0] = gui_enrol (f->store, f->course_id, "王小明", "A123456789");
  f->trainee[1] = gui_enrol (f->store, f->course_id, "陳美玲", "B223456782");
  f->trainee[2] = gui_enrol (f->store, f->course_id, "林志豪", "C187654325");

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
view_child (GtkWidget *view, const char *name)
{
  return child (view, TD_TYPE_HOURS_AWARDS_VIEW, name);
}

static gpointer
banner_child (GtkWidget *view, const char *name)
{
  return child (view_child (view, "scan_banner"), TD_TYPE_SCAN_BANNER, name);
}

static void
assert_scan_has_focus (GtkWidget *view)
{
  GtkWidget *entry = banner_child (view, "scan_entry");
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));

  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* What the scanner does: the code one character at a time, then Enter. */
static void
scan (GtkWidget *view, const char *text)
{
  GtkEditable *entry = banner_child (view, "scan_entry");

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = g_utf8_strlen (gtk_editable_get_text (entry), -1);
      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
    }
  g_signal_emit_by_name (entry, "activate");
  pump ();
}

static void
assert_banner (GtkWidget *view, const char *style, const char *title, const char *name,
               const char *message_part)
{
  g_assert_true (gtk_widget_has_css_class (banner_child (view, "banner"), style));
  g_assert_cmpstr (gtk_label_get_text (banner_child (view, "banner_title")), ==, title);
  if (name != NULL)
    g_assert_cmpstr (gtk_label_get_text (banner_child (view, "banner_name")), ==, name);
  else
    g_assert_false (gtk_widget_get_visible (banner_child (view, "banner_name")));
  if (message_part != NULL)
    g_assert_nonnull (strstr (gtk_label_get_text (banner_child (view, "banner_message")),
                              message_part));
  g_assert_cmpstr (gtk_editable_get_text (banner_child (view, "scan_entry")), ==, "");
  assert_scan_has_focus (view);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    n += ADW_IS_ACTION_ROW (c);
  return n;
}

/* Fills "New Activity…" and presses Create. */
static void
create_activity (GtkWidget *view, const char *title, const char *date, double physical,
                 double digital, guint session)
{
  gtk_popover_popup (view_child (view, "new_popover"));
  pump ();
  gtk_editable_set_text (view_child (view, "title_entry"), title);
  gtk_editable_set_text (view_child (view, "date_entry"), date);
  gtk_spin_button_set_value (view_child (view, "physical_spin"), physical);
  gtk_spin_button_set_value (view_child (view, "digital_spin"), digital);
  gtk_drop_down_set_selected (view_child (view, "session_drop"), session);
  g_assert_true (gtk_widget_activate_action (view, "hours.create", NULL));
  pump ();
}

/* --- tests ---------------------------------------------------------------------- */

static void
test_new_activity_refuses_bad_input (Fixture *f, gconstpointer data)
{
  GtkWidget *view = td_hours_awards_view_new (f->store, f->course_id);
  GtkWindow *window = show_in_window (view, 900, 700);
  g_autoptr (GPtrArray) activities = NULL;
  GtkWidget *error_label = view_child (view, "new_error_label");

  /* A date that is not one, and an activity with no hours: the form says why and
   * nothing is stored. */
  create_activity (view, "淨灘", "113/02/30", 2, 0, 0);
  g_assert_true (gtk_widget_get_visible (error_label));
  create_activity (view, "淨灘", "113/05/06", 0, 0, 0);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (view, "mode_stack")), ==,
                   "activities");
  activities = td_store_list_hours_activities (f->store, f->course_id, NULL);
  g_assert_cmpuint (activities->len, ==, 0);
  gtk_popover_popdown (view_child (view, "new_popover"));
  destroy_window (window, view);
}

static void
test_scan_awards (Fixture *f, gconstpointer data)
{
  GtkWidget *view = td_hours_awards_view_new (f->store, f->course_id);
  GtkWindow *window = show_in_window (view, 900, 700);
  g_autofree char *code0 = gui_trainee_code (f->store, f->trainee[0]);
  g_autofree char *old1 = gui_trainee_code (f->store, f->trainee[1]);
  g_autofree char *new1 = td_trainee_code_regenerate (f->store, f->trainee[1], NULL);
  g_autofree char *code2 = gui_trainee_code (f->store, f->trainee[2]);
  g_autofree char *outsider = gui_trainee_code (f->store, f->outsider);
  g_autofree char *lower = g_ascii_strdown (code2, -1);
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GPtrArray) awards = NULL;
  TdHoursActivity *a;

  g_assert_nonnull (new1);
  create_activity (view, "淨灘", "113/05/06", 2, 0.5, 1);
  activities = td_store_list_hours_activities (f->store, f->course_id, NULL);
  g_assert_cmpuint (activities->len, ==, 1);
  a = g_ptr_array_index (activities, 0);
  g_assert_cmpstr (a->title, ==, "淨灘");
  g_assert_cmpstr (a->date, ==, "2024-05-06");
  g_assert_cmpint (a->physical_minutes, ==, 120);
  g_assert_cmpint (a->digital_minutes, ==, 30);
  g_assert_cmpint (a->session_id, ==, f->session_id);
  /* Made, it opens for scanning at once. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (view, "mode_stack")), ==,
                   "scanning");
  settle ();
  assert_scan_has_focus (view);

  scan (view, code0);
  assert_banner (view, "signed-in", "Hours Awarded", "王小明", "physical 2 h · digital 0.5 h");
  scan (view, code0);
  assert_banner (view, "duplicate", "Already Recorded", "王小明", NULL);
  scan (view, old1);
  assert_banner (view, "voided", "Code Voided", "陳美玲", "voided");
  scan (view, new1);
  assert_banner (view, "signed-in", "Hours Awarded", "陳美玲", NULL);
  scan (view, outsider);
  assert_banner (view, "refused", "Not on This Roster", "張大同", NULL);
  scan (view, "TD1:NOTAREALCODE");
  assert_banner (view, "refused", "Unknown Code", NULL, NULL);
  /* Caps Lock on: still the person's code. */
  scan (view, lower);
  assert_banner (view, "signed-in", "Hours Awarded", "林志豪", NULL);
  save_snapshot (view, "hours-scanning");

  awards = td_store_list_hours_awards (f->store, a->id, NULL);
  g_assert_cmpuint (awards->len, ==, 3);
  for (guint i = 0; i < awards->len; i++)
    {
      TdHoursAward *award = g_ptr_array_index (awards, i);
      g_assert_cmpint (award->physical_minutes, ==, 120);
      g_assert_cmpint (award->digital_minutes, ==, 30);
    }
  g_assert_cmpuint (count_rows (view_child (view, "award_list")), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (view_child (view, "awards_label")), ==, "3 Awarded");

  /* Back to the list: the activity shows its count. */
  g_assert_true (gtk_widget_activate_action (view, "hours.back", NULL));
  pump ();
  g_assert_cmpuint (count_rows (view_child (view, "activity_list")), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (view_child (view, "summary_label")), ==, "3 awards in all");
  save_snapshot (view, "hours-activities");
  g_assert_true (td_hours_awards_view_open_activity (TD_HOURS_AWARDS_VIEW (view), a->id));
  g_assert_false (td_hours_awards_view_open_activity (TD_HOURS_AWARDS_VIEW (view), a->id + 99));
  destroy_window (window, view);
}

static void
test_export (Fixture *f, gconstpointer data)
{
  GtkWidget *view = td_hours_awards_view_new (f->store, f->course_id);
  GtkWindow *window = show_in_window (view, 900, 700);
  g_autofree char *code0 = gui_trainee_code (f->store, f->trainee[0]);
  g_autofree char *code2 = gui_trainee_code (f->store, f->trainee[2]);
  g_autofree char *path = g_build_filename (f->dir, "hours.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_auto (GStrv) lines = NULL;

  create_activity (view, "淨灘", "113/05/06", 1.5, 0, 0);
  scan (view, code0);
  scan (view, code2);
  scan (view, code2);
  g_assert_true (td_hours_awards_view_export (TD_HOURS_AWARDS_VIEW (view), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  expected = td_hours_csv_export_data (f->store, f->course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  /* Header and one row per award: the duplicate scan added none. */
  lines = g_strsplit (written, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_nonnull (strstr (lines[1], "王小明"));
  g_assert_nonnull (strstr (lines[1], "淨灘"));
  g_assert_nonnull (strstr (lines[1], "2024/05/06"));
  g_assert_nonnull (strstr (lines[1], ",1.5,0,"));
  g_assert_nonnull (strstr (lines[2], "林志豪"));
  g_remove (path);
  destroy_window (window, view);
}

/* The tab is there for `hours` courses only. */
static void
test_tab_only_for_hours (Fixture *f, gconstpointer data)
{
  g_autoptr (TdCourse) hours = td_store_get_course (f->store, f->course_id, NULL);
  g_autoptr (TdCourse) osh = td_course_new ();
  g_autoptr (GError) error = NULL;

  osh->regime = TD_REGIME_OSH;
  osh->title = g_strdup ("急救人員安全衛生教育訓練");
  osh->category = g_strdup ("first-aid");
  osh->start_date = g_strdup ("2024-05-06");
  osh->end_date = g_strdup ("2024-05-08");
  g_assert_true (td_store_save_course (f->store, osh, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      TdCourseEditor *editor = td_course_editor_new (f->store, i == 0 ? hours : osh);
      GtkWindow *window = show_in_window (GTK_WIDGET (editor), 1000, 760);
      GtkStack *sections = child (editor, TD_TYPE_COURSE_EDITOR, "section_stack");
      GtkStackPage *page = child (editor, TD_TYPE_COURSE_EDITOR, "hours_page");

      g_assert_cmpint (gtk_stack_page_get_visible (page), ==, i == 0);
      if (i == 0)
        {
          g_assert_cmpstr (editor_tab_state (editor, "hours"), ==, "editor");
          g_assert_true (TD_IS_HOURS_AWARDS_VIEW (td_course_editor_get_section (editor,
                                                                                "hours")));
          gtk_stack_set_visible_child_name (sections, "hours");
          save_snapshot (GTK_WIDGET (editor), "hours-tab");
        }
      destroy_window (window, GTK_WIDGET (editor));
    }
}

static void
test_personal_code (Fixture *f, gconstpointer data)
{
  GtkWidget *view = td_personal_code_view_new ();
  GtkWindow *window = show_in_window (view, 600, 500);
  g_autofree char *old = NULL;
  g_autofree char *current = NULL;
  GdkPaintable *qr;
  TdTraineeCodeState state;

  /* Not saved yet: no code, nothing to regenerate. */
  td_personal_code_view_load (TD_PERSONAL_CODE_VIEW (view), f->store, 0);
  g_assert_null (td_personal_code_view_get_code (TD_PERSONAL_CODE_VIEW (view)));
  g_assert_false (gtk_widget_activate_action (view, "code.regenerate", NULL) &&
                  find_dialog () != NULL);

  /* A stored person without a code: viewing issues none; "Create Code" does. */
  g_assert_null (td_trainee_code_find (f->store, f->trainee[0], NULL));
  td_personal_code_view_load (TD_PERSONAL_CODE_VIEW (view), f->store, f->trainee[0]);
  g_assert_null (td_personal_code_view_get_code (TD_PERSONAL_CODE_VIEW (view)));
  g_assert_null (td_trainee_code_find (f->store, f->trainee[0], NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     child (view, TD_TYPE_PERSONAL_CODE_VIEW, "code_stack")), ==, "missing");
  g_assert_false (gtk_widget_activate_action (view, "code.regenerate", NULL) &&
                  find_dialog () != NULL);
  save_snapshot (view, "personal-code-missing");
  g_assert_true (gtk_widget_activate_action (view, "code.create", NULL));
  pump ();
  g_assert_null (find_dialog ());
  old = g_strdup (td_personal_code_view_get_code (TD_PERSONAL_CODE_VIEW (view)));
  g_assert_nonnull (old);
  current = td_trainee_code_find (f->store, f->trainee[0], NULL);
  g_assert_cmpstr (old, ==, current);
  /* Once there is a code, "Create Code" is disabled: it issues nothing more. */
  gtk_widget_activate_action (view, "code.create", NULL);
  pump ();
  g_clear_pointer (&current, g_free);
  current = td_trainee_code_find (f->store, f->trainee[0], NULL);
  g_assert_cmpstr (old, ==, current);
  g_clear_pointer (&current, g_free);
  td_personal_code_view_load (TD_PERSONAL_CODE_VIEW (view), f->store, f->trainee[0]);
  g_assert_cmpstr (td_personal_code_view_get_code (TD_PERSONAL_CODE_VIEW (view)), ==, old);
  qr = gtk_picture_get_paintable (child (view, TD_TYPE_PERSONAL_CODE_VIEW, "qr_picture"));
  g_assert_nonnull (qr);
  /* Whole modules, a quiet zone of four: (25 + 8) × 6 pixels for a version-2 symbol. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (qr) % 6, ==, 0);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (qr), >=, (21 + 8) * 6);
  save_snapshot (view, "personal-code");

  /* Cancel keeps the code; Regenerate voids it at once. */
  g_assert_true (gtk_widget_activate_action (view, "code.regenerate", NULL));
  pump ();
  g_assert_nonnull (find_dialog ());
  adw_message_dialog_response (find_dialog (), "cancel");
  gtk_window_destroy (GTK_WINDOW (find_dialog ()));
  pump ();
  g_assert_cmpstr (td_personal_code_view_get_code (TD_PERSONAL_CODE_VIEW (view)), ==, old);
  g_assert_true (gtk_widget_activate_action (view, "code.regenerate", NULL));
  pump ();
  adw_message_dialog_response (find_dialog (), "accept");
  gtk_window_destroy (GTK_WINDOW (find_dialog ()));
  pump ();
  current = gui_trainee_code (f->store, f->trainee[0]);
  g_assert_cmpstr (td_personal_code_view_get_code (TD_PERSONAL_CODE_VIEW (view)), ==, current);
  g_assert_cmpstr (current, !=, old);
  g_assert_true (td_trainee_code_lookup (f->store, old, &state, NULL, NULL, NULL));
  g_assert_cmpint (state, ==, TD_TRAINEE_CODE_VOIDED);
  destroy_window (window, view);
}

static void
test_print_badges (Fixture *f, gconstpointer data)
{
  TdRosterView *roster = td_roster_view_new (f->store, f->course_id);
  GtkWindow *window = show_in_window (GTK_WIDGET (roster), 900, 600);
  TdPreviewWindow *preview;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster), "roster.print-badges", NULL));
  pump ();
  preview = td_roster_view_print_badges (roster);
  g_assert_nonnull (preview);
  g_object_ref (preview);
  gtk_window_present (GTK_WINDOW (preview));
  while (td_preview_window_get_state (preview) == TD_PREVIEW_STATE_RENDERING)
    g_main_context_iteration (NULL, TRUE);
  pump ();
  g_assert_cmpint (td_preview_window_get_state (preview), ==, TD_PREVIEW_STATE_DOCUMENT);
  /* Three trainees: one page. */
  g_assert_cmpint (td_pdf_view_get_n_pages (td_preview_window_get_view (preview)), ==, 1);
  /* Rendering issued everyone a code. */
  for (guint i = 0; i < G_N_ELEMENTS (f->trainee); i++)
    {
      gint64 owner = 0;
      TdTraineeCodeState state = TD_TRAINEE_CODE_UNKNOWN;
      g_autofree char *code = gui_trainee_code (f->store, f->trainee[i]);

      g_assert_true (td_trainee_code_lookup (f->store, code, &state, &owner, NULL, NULL));
      g_assert_cmpint (owner, ==, f->trainee[i]);
    }
  gtk_window_set_default_size (GTK_WINDOW (preview), 900, 1000);
  save_snapshot (GTK_WIDGET (preview), "badges-preview");
  gtk_window_destroy (GTK_WINDOW (preview));
  pump ();
  g_assert_finalize_object (preview);
  /* The action's own window. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr (GObject) other = g_list_model_get_item (toplevels, i - 1);
        if (TD_IS_PREVIEW_WINDOW (other))
          {
            while (td_preview_window_get_state (TD_PREVIEW_WINDOW (other)) == TD_PREVIEW_STATE_RENDERING)
              g_main_context_iteration (NULL, TRUE);
            gtk_window_destroy (GTK_WINDOW (other));
          }
      }
    pump ();
  }
  destroy_window (window, GTK_WIDGET (roster));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui-hours/new-activity-refuses-bad-input", test_new_activity_refuses_bad_input);
  ADD ("/gui-hours/scan-awards", test_scan_awards);
  ADD ("/gui-hours/export", test_export);
  ADD ("/gui-hours/tab-only-for-hours", test_tab_only_for_hours);
  ADD ("/gui-hours/personal-code", test_personal_code);
  ADD ("/gui-hours/print-badges", test_print_badges);
#undef ADD
  return g_test_run ();
}
