/* test-gui-attendance-grid.c — a course's attendance grid: cells and totals from the
 * records, corrections with their history, dismissal and make-up shown as soon as they
 * change, the keyboard cursor, the frozen no. and name columns lining up with the
 * scrolled ones, and the roll call taken at the desk and listed.
 *
 * The course has six three-hour sessions (18 hours; 1/5 is 3.6 hours); the grid counts
 * up to 2024-05-07, after the last. With TD_TEST_SNAPSHOT_DIR set the grid is saved as PNG. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "td-attendance-desk.h"
#include "td-attendance-grid.h"
#include "td-attendance-page.h"
#include "td-course-editor.h"
#include "td-roc-date.h"
#include "td-store-private.h"

#define TODAY "2024-05-07"
#define N_SESSIONS 6

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 course_id;
  gint64 session[N_SESSIONS];   /* 2024-05-01 … 05-06, 09:00–12:00 */
  gint64 trainee[3];
} Fixture;

/* --- fixture -------------------------------------------------------------------- */

static gint64
add_course (Fixture *f, const char *title, const char *category, const char *start,
            const char *end)
{
  g_autoptr (TdCourse) c = td_course_new ();
  g_autoptr (GError) error = NULL;

  c->regime = TD_REGIME_OSH;
  c->title = g_strdup (title);
  c->category = g_strdup (category);
  c->start_date = g_strdup (start);
  c->end_date = g_strdup (end);
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static gint64
add_session (Fixture *f, gint64 course_id, const char *date)
{
  g_autoptr (TdSession) s = td_session_new ();
  g_autoptr (GError) error = NULL;

  s->course_id = course_id;
  s->date = g_strdup (date);
  s->start_time = g_strdup ("09:00");
  s->end_time = g_strdup ("12:00");
  s->subject = g_strdup ("急救概論");
  g_assert_true (td_store_save_session (f->store, s, &error));
  g_assert_no_error (error);
  return s->id;
}

static void
record_present (Fixture *f, gint64 session, gint64 trainee, const char *in_time)
{
  g_autoptr (TdAttendance) a = td_attendance_new (session, trainee, TD_ATTENDANCE_PRESENT);
  g_autoptr (GError) error = NULL;

  a->in_time = g_strdup (in_time);
  a->out_time = g_strdup ("12:00");
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  g_assert_no_error (error);
}

/* 王小明 came to everything; 陳美玲 signed in 20 minutes late to the second session (one
 * truant period: make-up required); 林志豪 was on personal leave for the third (three
 * hours, within the limit: no make-up). */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = gui_temp_store_open ("td-gui-grid-XXXXXX", "grid.db", "counsellor",
                                 &f->dir, &f->path);

  f->course_id = add_course (f, "急救人員安全衛生教育訓練", "first-aid", "2024-05-01", "2024-05-06");
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-05-%02u", i + 1);
      f->session[i] = add_session (f, f->course_id, date);
    }
  f->trainee[0] = gui_enrol (f->store, f->course_id, "王小明", "A123456789");
  f->trainee[1] = gui_enrol (f->store, f->course_id, "陳美玲", "B223456782");
  f->trainee[2] = gui_enrol (f->store, f->course_id, "林志豪", "C187654325");
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      record_present (f, f->session[i], f->trainee[0], "08:50");
      record_present (f, f->session[i], f->trainee[1], i == 1 ? "09:20" : "08:55");
      if (i != 2)
        record_present (f, f->session[i], f->trainee[2], "08:58");
    }
  g_assert_true (td_store_record_leave (f->store, f->session[2], f->trainee[2], "personal", 180,
                                        "家中有事", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gui_temp_store_close (f->store, &f->dir, &f->path);
}

/* --- helpers -------------------------------------------------------------------- */

static TdAttendanceGrid *
open_grid (Fixture *f, GtkWindow **window)
{
  TdAttendanceGrid *grid = td_attendance_grid_new (f->store, f->course_id);

  td_attendance_grid_set_today (grid, TODAY);
  *window = show_in_window (GTK_WIDGET (grid), 1100, 600);
  return grid;
}

static void
assert_cell (TdAttendanceGrid *grid, gint64 session, gint64 trainee, const char *expected)
{
  g_autofree char *text = td_attendance_grid_dup_cell_text (grid, session, trainee);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_total (TdAttendanceGrid *grid, gint64 trainee, TdGridTotal total, const char *expected)
{
  g_autofree char *text = td_attendance_grid_dup_total_text (grid, trainee, total);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
status_has (TdAttendanceGrid *grid, gint64 trainee, const char *part)
{
  g_autofree char *text = td_attendance_grid_dup_total_text (grid, trainee, TD_GRID_TOTAL_STATUS);

  return strstr (text, part) != NULL;
}

static guint
count_events (Fixture *f, gint64 session, gint64 trainee)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = td_store_list_attendance_history (f->store, session, trainee,
                                                                   &error);

  g_assert_no_error (error);
  return events->len;
}

static gboolean
has_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* --- tests ---------------------------------------------------------------------- */

static void
test_statuses_and_totals (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  TdAttendanceGrid *grid = open_grid (f, &window);

  g_assert_cmpuint (td_attendance_grid_get_n_sessions (grid), ==, N_SESSIONS);
  assert_cell (grid, f->session[0], f->trainee[0], "✓");
  assert_cell (grid, f->session[1], f->trainee[1], "Late 1 h");
  assert_cell (grid, f->session[2], f->trainee[2], "Leave 3 h");
  assert_total (grid, f->trainee[0], TD_GRID_TOTAL_ATTENDED, "18");
  assert_total (grid, f->trainee[0], TD_GRID_TOTAL_ABSENT, "0");
  assert_total (grid, f->trainee[1], TD_GRID_TOTAL_ATTENDED, "17");
  assert_total (grid, f->trainee[1], TD_GRID_TOTAL_ABSENT, "1");
  assert_total (grid, f->trainee[2], TD_GRID_TOTAL_ABSENT, "3");
  assert_total (grid, f->trainee[0], TD_GRID_TOTAL_STATUS, "");
  g_assert_true (status_has (grid, f->trainee[1], "Make-up required"));
  /* Three hours of leave are within the limit. */
  assert_total (grid, f->trainee[2], TD_GRID_TOTAL_STATUS, "");
  /* Shown in the widgets, not just kept. */
  g_assert_true (has_label (GTK_WIDGET (grid), "陳美玲"));
  g_assert_true (has_label (GTK_WIDGET (grid), "Late 1 h"));
  g_assert_true (has_label (GTK_WIDGET (grid), "Make-up required"));
  /* Not in the grid. */
  g_assert_null (td_attendance_grid_dup_cell_text (grid, f->session[0], 999999));
  save_snapshot (GTK_WIDGET (grid), "attendance-grid");

  destroy_window (window, grid);
}

/* Leave counts the hours recorded for it, in the cell and in the totals. */
static void
test_partial_leave (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  TdAttendanceGrid *grid = open_grid (f, &window);
  g_autoptr (GError) error = NULL;

  /* 林志豪's leave is corrected to 2 hours; he did not sign in for the third. */
  g_assert_true (td_attendance_grid_record_leave (grid, f->session[2], f->trainee[2], "personal",
                                                  120, NULL, &error));
  g_assert_no_error (error);
  assert_cell (grid, f->session[2], f->trainee[2], "Leave 2 h, truant 1 h");
  assert_total (grid, f->trainee[2], TD_GRID_TOTAL_ATTENDED, "15");
  assert_total (grid, f->trainee[2], TD_GRID_TOTAL_ABSENT, "3");
  g_assert_true (status_has (grid, f->trainee[2], "Make-up required"));

  /* 陳美玲 takes the first 2 hours of the fifth day off and signs in at 11:00. */
  g_assert_true (td_attendance_grid_record_leave (grid, f->session[4], f->trainee[1], "sick",
                                                  120, "診斷證明", &error));
  g_assert_no_error (error);
  record_present (f, f->session[4], f->trainee[1], "11:00");
  td_attendance_grid_reload (grid);
  assert_cell (grid, f->session[4], f->trainee[1], "Leave 2 h");
  assert_total (grid, f->trainee[1], TD_GRID_TOTAL_ATTENDED, "15");
  assert_total (grid, f->trainee[1], TD_GRID_TOTAL_ABSENT, "3");
  g_assert_true (has_label (GTK_WIDGET (grid), "Leave 2 h, truant 1 h"));
  save_snapshot (GTK_WIDGET (grid), "attendance-grid-leave");

  /* A correction replaces the leave. */
  g_assert_true (td_attendance_grid_set_cell (grid, f->session[4], f->trainee[1],
                                              TD_ATTENDANCE_PRESENT, "09:00", "12:00",
                                              "the leave was not taken", &error));
  g_assert_no_error (error);
  assert_cell (grid, f->session[4], f->trainee[1], "✓");
  assert_total (grid, f->trainee[1], TD_GRID_TOTAL_ABSENT, "1");

  destroy_window (window, grid);
}

static void
test_correction_and_dismissal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *history = NULL;
  GtkWindow *window;
  TdAttendanceGrid *grid = open_grid (f, &window);

  /* A recorded cell is only corrected with a reason: refused, nothing appended. */
  g_assert_false (td_attendance_grid_set_cell (grid, f->session[0], f->trainee[0],
                                               TD_ATTENDANCE_ABSENT, NULL, NULL, "  ", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_events (f, f->session[0], f->trainee[0]), ==, 1);
  g_assert_false (td_attendance_grid_set_cell (grid, f->session[0], f->trainee[0],
                                               TD_ATTENDANCE_PRESENT, "9 o'clock", NULL,
                                               "typo", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_events (f, f->session[0], f->trainee[0]), ==, 1);

  g_assert_true (td_attendance_grid_set_cell (grid, f->session[0], f->trainee[0],
                                              TD_ATTENDANCE_ABSENT, NULL, NULL,
                                              "signed on the wrong row", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (f, f->session[0], f->trainee[0]), ==, 2);
  assert_cell (grid, f->session[0], f->trainee[0], "Absent");
  assert_total (grid, f->trainee[0], TD_GRID_TOTAL_ABSENT, "3");
  g_assert_false (status_has (grid, f->trainee[0], "Dismissal"));
  /* Six hours absent of eighteen reaches 1/5: dismissal at once. */
  g_assert_true (td_attendance_grid_set_cell (grid, f->session[1], f->trainee[0],
                                              TD_ATTENDANCE_ABSENT, NULL, NULL,
                                              "left before the first period", &error));
  g_assert_no_error (error);
  assert_total (grid, f->trainee[0], TD_GRID_TOTAL_ABSENT, "6");
  assert_total (grid, f->trainee[0], TD_GRID_TOTAL_ATTENDED, "12");
  g_assert_true (status_has (grid, f->trainee[0], "Dismissal (1/5)"));
  settle ();
  g_assert_true (has_label (GTK_WIDGET (grid), "Dismissal (1/5)"));

  history = td_attendance_grid_dup_history_text (grid, f->session[0], f->trainee[0]);
  g_assert_nonnull (strstr (history, "王小明"));
  g_assert_nonnull (strstr (history, "present, in 08:50, out 12:00"));
  g_assert_nonnull (strstr (history, "Absent"));
  g_assert_nonnull (strstr (history, "desk, counsellor"));
  g_assert_nonnull (strstr (history, "corrected: signed on the wrong row"));
  g_assert_true (strstr (history, "present") < strstr (history, "Absent"));

  /* Corrected back: the dismissal goes as it came. */
  g_assert_true (td_attendance_grid_set_cell (grid, f->session[0], f->trainee[0],
                                              TD_ATTENDANCE_PRESENT, "08:50", "12:00",
                                              "the first record was right", &error));
  g_assert_no_error (error);
  g_assert_false (status_has (grid, f->trainee[0], "Dismissal"));
  assert_cell (grid, f->session[0], f->trainee[0], "✓");

  destroy_window (window, grid);
}

static void
test_makeup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) choices = NULL;
  gint64 next_run, other_kind, later_session, other_session, earlier_run;
  GtkWindow *window;
  TdAttendanceGrid *grid;

  earlier_run = add_course (f, "急救人員（上一期）", "first-aid", "2024-04-01", "2024-04-05");
  add_session (f, earlier_run, "2024-05-10");
  next_run = add_course (f, "急救人員（下一期）", "first-aid", "2024-06-01", "2024-06-05");
  later_session = add_session (f, next_run, "2024-06-03");
  other_kind = add_course (f, "堆高機操作人員", "forklift", "2024-06-01", "2024-06-05");
  other_session = add_session (f, other_kind, "2024-06-03");
  grid = open_grid (f, &window);

  /* Only later runs of the same category. */
  choices = td_attendance_grid_list_makeup_sessions (grid, f->session[1], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 1);
  g_assert_cmpint (((TdSession *) g_ptr_array_index (choices, 0))->id, ==, later_session);
  g_assert_false (td_attendance_grid_record_makeup (grid, f->trainee[1], f->session[1],
                                                    other_session, 60, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (status_has (grid, f->trainee[1], "Make-up required"));

  g_assert_true (td_attendance_grid_record_makeup (grid, f->trainee[1], f->session[1],
                                                   later_session, 60, &error));
  g_assert_no_error (error);
  assert_cell (grid, f->session[1], f->trainee[1], "Made up");
  g_assert_false (status_has (grid, f->trainee[1], "Make-up required"));
  g_assert_true (status_has (grid, f->trainee[1], "Made up"));
  settle ();
  g_assert_true (has_label (GTK_WIDGET (grid), "Made up"));

  destroy_window (window, grid);
}

static GtkEventController *
key_controller (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c)
          && gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        return c;
    }
  return NULL;
}

static void
press (GtkEventController *keys, guint keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
  pump ();
}

static GtkWidget *
grid_child (TdAttendanceGrid *grid, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (grid), TD_TYPE_ATTENDANCE_GRID, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
test_keyboard (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  TdAttendanceGrid *grid = open_grid (f, &window);
  GtkEventController *keys = key_controller (grid_child (grid, "column_view"));
  gint64 session = 0, trainee = 0;

  g_assert_nonnull (keys);
  g_assert_true (td_attendance_grid_get_cursor (grid, &session, &trainee));
  g_assert_cmpint (session, ==, f->session[0]);
  g_assert_cmpint (trainee, ==, f->trainee[0]);
  press (keys, GDK_KEY_Right);
  press (keys, GDK_KEY_Down);
  g_assert_true (td_attendance_grid_get_cursor (grid, &session, &trainee));
  g_assert_cmpint (session, ==, f->session[1]);
  g_assert_cmpint (trainee, ==, f->trainee[1]);
  /* The focus follows the cursor: the cell under it shows that cell's status. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "Late 1 h");
  }
  press (keys, GDK_KEY_End);
  press (keys, GDK_KEY_Down);
  press (keys, GDK_KEY_Down);
  g_assert_true (td_attendance_grid_get_cursor (grid, &session, &trainee));
  g_assert_cmpint (session, ==, f->session[N_SESSIONS - 1]);
  g_assert_cmpint (trainee, ==, f->trainee[2]);
  press (keys, GDK_KEY_Home);
  g_assert_true (td_attendance_grid_get_cursor (grid, &session, NULL));
  g_assert_cmpint (session, ==, f->session[0]);

  destroy_window (window, grid);
}

static void
test_rollcall (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_local (2024, 5, 5, 9, 25, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rollcalls = NULL;
  g_autofree char *listed = NULL;
  GtkWidget *page = g_object_new (TD_TYPE_ATTENDANCE_PAGE, "store", f->store, "now", now, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *label;
  TdAttendanceGrid *grid;
  AdwMessageDialog *dialog;

  gtk_window_set_default_size (window, 1100, 720);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  settle ();
  g_assert_cmpint (td_attendance_page_get_session_id (TD_ATTENDANCE_PAGE (page)), ==,
                   f->session[4]);
  label = GTK_WIDGET (gtk_widget_get_template_child (page, TD_TYPE_ATTENDANCE_PAGE, "rollcall_label"));
  /* The pack's rule: 20 minutes into the first period. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "due at 09:20"));

  g_assert_true (gtk_widget_activate_action (page, "desk.rollcall", NULL));
  pump ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  save_snapshot (GTK_WIDGET (dialog), "attendance-rollcall");
  /* What the Record button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  rollcalls = td_store_list_rollcalls (f->store, f->course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rollcalls->len, ==, 1);
  g_assert_cmpstr (((TdRollcall *) g_ptr_array_index (rollcalls, 0))->taken_at, ==,
                   "2024-05-05T09:25:00");
  g_assert_cmpstr (((TdRollcall *) g_ptr_array_index (rollcalls, 0))->taken_by, ==, "counsellor");
  /* Everyone had signed in by 09:25. */
  g_assert_cmpint (((TdRollcall *) g_ptr_array_index (rollcalls, 0))->present, ==, 3);
  g_assert_cmpint (((TdRollcall *) g_ptr_array_index (rollcalls, 0))->absent, ==, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                            "09:25 by counsellor: 3 present, 0 absent"));
  destroy_window (window, page);

  grid = open_grid (f, &window);
  listed = td_attendance_grid_dup_rollcalls_text (grid);
  g_assert_nonnull (strstr (listed, "113/05/05 09:00  09:25 by counsellor: 3 present, 0 absent"));
  destroy_window (window, grid);
}

/* The roll-call dialog's field in @row of its grid (0 time, 1 present, 2 absent, 3 taken
 * by, 4 note, 5 the hint). */
static GtkWidget *
rollcall_field (AdwMessageDialog *dialog, int row)
{
  GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *field = gtk_grid_get_child_at (GTK_GRID (grid), row == 5 ? 0 : 1, row);

  g_assert_nonnull (field);
  return field;
}

/* The store refuses: the dialog comes back with everything typed and says why; once the
 * store accepts, what was typed is recorded. */
static void
test_rollcall_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_local (2024, 5, 5, 9, 25, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rollcalls = NULL;
  GtkWidget *page = g_object_new (TD_TYPE_ATTENDANCE_PAGE, "store", f->store, "now", now, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwMessageDialog *dialog, *again;
  TdRollcall *r;

  gtk_window_set_default_size (window, 1100, 720);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  settle ();
  g_assert_true (gtk_widget_activate_action (page, "desk.rollcall", NULL));
  pump ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (rollcall_field (dialog, 0)), "09:22");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rollcall_field (dialog, 1)), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rollcall_field (dialog, 2)), 1);
  gtk_editable_set_text (GTK_EDITABLE (rollcall_field (dialog, 3)), "輔導員");
  gtk_editable_set_text (GTK_EDITABLE (rollcall_field (dialog, 4)), "one on the late bus");

  /* A database that takes no writes. */
  g_assert_true (td_store_exec (f->store, "PRAGMA query_only = ON", &error));
  g_assert_no_error (error);
  adw_message_dialog_response (dialog, "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  again = find_dialog ();
  g_assert_nonnull (again);
  g_assert_true (again != dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rollcall_field (again, 0))), ==, "09:22");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (rollcall_field (again, 1))),
                   ==, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (rollcall_field (again, 2))),
                   ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rollcall_field (again, 3))), ==, "輔導員");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rollcall_field (again, 4))), ==,
                   "one on the late bus");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (rollcall_field (again, 5))),
                            "The roll call was not recorded"));
  g_assert_true (adw_message_dialog_get_response_enabled (again, "record"));
  save_snapshot (GTK_WIDGET (again), "attendance-rollcall-refused");
  rollcalls = td_store_list_rollcalls (f->store, f->course_id, &error);
  g_assert_cmpuint (rollcalls->len, ==, 0);
  g_clear_pointer (&rollcalls, g_ptr_array_unref);

  g_assert_true (td_store_exec (f->store, "PRAGMA query_only = OFF", &error));
  adw_message_dialog_response (again, "record");
  gtk_window_destroy (GTK_WINDOW (again));
  settle ();
  g_assert_null (find_dialog ());
  rollcalls = td_store_list_rollcalls (f->store, f->course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rollcalls->len, ==, 1);
  r = g_ptr_array_index (rollcalls, 0);
  g_assert_cmpstr (r->taken_at, ==, "2024-05-05T09:22:00");
  g_assert_cmpstr (r->taken_by, ==, "輔導員");
  g_assert_cmpint (r->present, ==, 2);
  g_assert_cmpint (r->absent, ==, 1);
  g_assert_cmpstr (r->note, ==, "one on the late bus");
  destroy_window (window, page);
}

/* 40 sessions do not fit: the grid scrolls sideways and keeps the cursor in view. */
static void
test_long_course (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  TdAttendanceGrid *grid;
  GtkAdjustment *h;
  GtkEventController *keys;

  /* Sessions still to come, one a day after the fixture's. */
  for (int i = 0; i < 34; i++)
    {
      g_autofree char *date = td_iso_date_add_days ("2024-05-08", i);
      add_session (f, f->course_id, date);
    }
  grid = open_grid (f, &window);
  g_assert_cmpuint (td_attendance_grid_get_n_sessions (grid), ==, 40);
  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid_child (grid, "column_view")));
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h));
  g_assert_cmpfloat (gtk_adjustment_get_value (h), ==, 0);
  keys = key_controller (grid_child (grid, "column_view"));
  press (keys, GDK_KEY_Right);
  press (keys, GDK_KEY_End);
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (h), >, 0);
  save_snapshot (GTK_WIDGET (grid), "attendance-grid-long");

  destroy_window (window, grid);
}

/* A valid national ID: letter A (10), sex digit 1, then @n in seven digits and a check. */
static char *
make_national_id (guint n)
{
  static const int weights[] = { 7, 6, 5, 4, 3, 2, 1 };
  g_autofree char *digits = g_strdup_printf ("1%07u", n);
  int sum = 1 * 1 + 0 * 9;

  sum += (digits[0] - '0') * 8;
  for (guint i = 0; i < 7; i++)
    sum += (digits[i + 1] - '0') * weights[i];
  return g_strdup_printf ("A%s%d", digits, (10 - sum % 10) % 10);
}

/* The mapped label showing exactly @text under @widget, or NULL. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped cell button of row @row, first session, under @widget, or NULL. */
static GtkWidget *
find_cell (GtkWidget *widget, guint row)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "grid-cell"))
    return gtk_widget_get_mapped (widget)
               && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "td-row")) == row
               && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "td-col")) == 0
             ? widget : NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_cell (c, row);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The bounds, in @grid's coordinates, of the list row holding @widget. */
static graphene_rect_t
row_bounds (GtkWidget *widget, TdAttendanceGrid *grid)
{
  graphene_rect_t b;

  while (widget != NULL && g_strcmp0 (gtk_widget_get_css_name (widget), "row") != 0)
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (grid), &b));
  return b;
}

/* Every row of @names shown in both views has the same top and height in both. */
static guint
assert_rows_line_up (TdAttendanceGrid *grid, GPtrArray *names)
{
  guint n_checked = 0;

  for (guint i = 0; i < names->len; i++)
    {
      GtkWidget *name = find_label (grid_child (grid, "name_view"), g_ptr_array_index (names, i));
      GtkWidget *cell = find_cell (grid_child (grid, "column_view"), i);
      graphene_rect_t left, right;

      if (name == NULL || cell == NULL)
        continue;
      left = row_bounds (name, grid);
      right = row_bounds (cell, grid);
      g_assert_cmpfloat (left.origin.y, ==, right.origin.y);
      g_assert_cmpfloat (left.size.height, ==, right.size.height);
      n_checked++;
    }
  return n_checked;
}

/* No. and name stay where they are while the sessions scroll sideways, and the rows of
 * both views line up, also scrolled down. */
static void
test_frozen_names (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;
  TdAttendanceGrid *grid;
  GtkAdjustment *h, *v;
  GtkWidget *name;
  graphene_rect_t before, after;

  for (int i = 0; i < 34; i++)
    {
      g_autofree char *date = td_iso_date_add_days ("2024-05-08", i);
      add_session (f, f->course_id, date);
    }
  g_ptr_array_add (names, g_strdup ("王小明"));
  g_ptr_array_add (names, g_strdup ("陳美玲"));
  g_ptr_array_add (names, g_strdup ("林志豪"));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = make_national_id (4712000 + i);
      g_ptr_array_add (names, g_strdup_printf ("學員%02u號", i + 4));
      gui_enrol (f->store, f->course_id, g_ptr_array_index (names, names->len - 1), id);
    }
  grid = open_grid (f, &window);
  settle ();
  g_assert_cmpuint (assert_rows_line_up (grid, names), >, 5);
  name = find_label (grid_child (grid, "name_view"), "陳美玲");
  g_assert_nonnull (name);
  g_assert_true (gtk_widget_compute_bounds (name, GTK_WIDGET (grid), &before));

  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid_child (grid, "column_view")));
  gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h));
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (h), >, 0);
  /* The first session's cells have gone out of view to the left, the name has not. */
  {
    graphene_rect_t cell;
    g_assert_true (gtk_widget_compute_bounds (find_cell (grid_child (grid, "column_view"), 1),
                                              grid_child (grid, "scroller"), &cell));
    g_assert_cmpfloat (cell.origin.x + cell.size.width, <=, 0);
  }
  g_assert_true (gtk_widget_get_mapped (name));
  g_assert_true (gtk_widget_compute_bounds (name, GTK_WIDGET (grid), &after));
  g_assert_cmpfloat (after.origin.x, ==, before.origin.x);
  g_assert_cmpfloat (after.origin.y, ==, before.origin.y);

  /* Down: both views move together. */
  gtk_adjustment_set_value (h, 0);
  v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid_child (grid, "column_view")));
  g_assert_true (v == gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid_child (grid, "name_view"))));
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, gtk_adjustment_get_page_size (v));
  gtk_adjustment_set_value (v, (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)) / 2);
  settle ();
  g_assert_null (find_label (grid_child (grid, "name_view"), "王小明"));
  g_assert_cmpuint (assert_rows_line_up (grid, names), >, 5);
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
  settle ();
  g_assert_nonnull (find_label (grid_child (grid, "name_view"), g_ptr_array_index (names, names->len - 1)));
  g_assert_cmpuint (assert_rows_line_up (grid, names), >, 5);
  save_snapshot (GTK_WIDGET (grid), "attendance-grid-frozen");

  destroy_window (window, grid);
}

/* The course editor's Attendance tab: the grid for a stored course, a request to
 * save first for a new one. */
static void
test_editor_tab (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) stored = td_store_get_course (f->store, f->course_id, &error);
  g_autoptr (TdCourse) fresh = td_course_new ();
  TdCourseEditor *editor;
  GtkStack *stack;
  GtkWindow *window;

  g_assert_no_error (error);
  editor = td_course_editor_new (f->store, stored);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 700);
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  stack = child (editor, TD_TYPE_COURSE_EDITOR, "section_stack");
  gtk_stack_set_visible_child_name (stack, "attendance");
  settle ();
  g_assert_cmpstr (editor_tab_state (editor, "attendance"), ==, "editor");
  g_assert_true (TD_IS_ATTENDANCE_GRID (td_course_editor_get_section (editor, "attendance")));
  g_assert_true (has_label (GTK_WIDGET (editor), "林志豪"));
  g_assert_true (has_label (GTK_WIDGET (editor), "Make-up required"));
  destroy_window (window, editor);

  fresh->regime = TD_REGIME_OSH;
  editor = td_course_editor_new (f->store, fresh);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  settle ();
  g_assert_cmpstr (editor_tab_state (editor, "attendance"), ==, "unsaved");
  g_assert_null (td_course_editor_get_section (editor, "attendance"));
  destroy_window (window, editor);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui-attendance-grid/statuses-and-totals", test_statuses_and_totals);
  ADD ("/gui-attendance-grid/partial-leave", test_partial_leave);
  ADD ("/gui-attendance-grid/correction-and-dismissal", test_correction_and_dismissal);
  ADD ("/gui-attendance-grid/makeup", test_makeup);
  ADD ("/gui-attendance-grid/keyboard", test_keyboard);
  ADD ("/gui-attendance-grid/rollcall", test_rollcall);
  ADD ("/gui-attendance-grid/rollcall-refused", test_rollcall_refused);
  ADD ("/gui-attendance-grid/long-course", test_long_course);
  ADD ("/gui-attendance-grid/frozen-names", test_frozen_names);
  ADD ("/gui-attendance-grid/editor-tab", test_editor_tab);
#undef ADD
  return g_test_run ();
}
