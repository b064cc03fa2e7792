/* test-gui.c — the main window, driven through its widgets under Xvfb
 *
 * Creates a course with two sessions and a trainee through the course editor's own
 * widgets and actions, closes everything, reopens the database in a new window and
 * finds it all again.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "td-course-editor.h"
#include "td-courses-page.h"
#include "td-roster-view.h"
#include "td-sessions-editor.h"
#include "td-window.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
type_into (gpointer widget, GType type, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, type, name)), text);
}

static TdWindow *
open_window (TdStore *store)
{
  TdWindow *window = g_object_ref (td_window_new (NULL, store));

  gtk_window_present (GTK_WINDOW (window));
  pump ();
  return window;
}

static void
close_window (TdWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
  g_assert_finalize_object (window);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_assert_null (found);
          found = ADW_MESSAGE_DIALOG (window);
        }
    }
  return found;
}

/* What a click on a response button does: emit the response, then close. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pump ();
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("td-gui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "desk.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gui_temp_dir_remove (&f->dir);
  g_free (f->path);
}

/* Every key the shortcuts window lists is a key GTK knows: a misspelt name would show
 * as a blank key cap. */
static void
assert_shortcuts_parse (GtkBuilder *builder)
{
  g_autoptr (GSList) objects = gtk_builder_get_objects (builder);
  guint n = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto (GStrv) keys = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      keys = g_strsplit (accelerator, " ", -1);
      g_assert_cmpuint (g_strv_length (keys), >, 0);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          guint keyval = 0;

          if (!gtk_accelerator_parse (keys[i], &keyval, NULL) || keyval == 0)
            g_error ("The shortcuts window lists an unknown key “%s”", keys[i]);
        }
      n++;
    }
  /* General, courses, the course editor, checks, the desk, the grid and the preview. */
  g_assert_cmpuint (n, >=, 38);
}

static void
test_visit_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TdStore *store = td_store_open (f->path, &error);
  TdWindow *window;
  AdwViewStack *stack;
  g_autoptr (GtkSelectionModel) pages = NULL;
  int width, height;

  g_assert_no_error (error);
  window = open_window (store);
  stack = ADW_VIEW_STACK (child (window, TD_TYPE_WINDOW, "stack"));
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, 1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_name (page);

      td_window_show_page (window, name);
      pump ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, name);
      g_assert_true (gtk_widget_get_mapped (adw_view_stack_page_get_child (page)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 5);
  g_assert_nonnull (td_window_get_page (window, "courses"));
  g_assert_nonnull (td_window_get_page (window, "attendance"));
  g_assert_nonnull (td_window_get_page (window, "trainees"));
  g_assert_nonnull (td_window_get_page (window, "lecturers"));
  g_assert_nonnull (td_window_get_page (window, "checks"));

  /* An empty desk shows the empty state, not an empty table. */
  td_window_show_page (window, "courses");
  pump ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (child (td_window_get_page (window, "courses"),
                                       TD_TYPE_COURSES_PAGE, "list_stack"))), ==, "empty");

  /* The shortcuts window of the main menu builds from its template. */
  {
    g_autoptr (GtkBuilder) builder =
      gtk_builder_new_from_resource ("/io/github/trainingdesk/TrainingDesk/ui/"
                                     "td-shortcuts-window.ui");
    GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
    assert_shortcuts_parse (builder);
    gtk_window_set_transient_for (shortcuts, GTK_WINDOW (window));
    gtk_window_present (shortcuts);
    pump ();
    gtk_window_destroy (shortcuts);
  }

  /* The window size is kept in GSettings for the next start. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  close_window (window);
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
    window = open_window (store);
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
    close_window (window);
  }
  g_assert_finalize_object (store);
}

static void
add_session (TdSessionsEditor *sessions, const char *date, const char *start, const char *end,
             const char *subject)
{
  type_into (sessions, TD_TYPE_SESSIONS_EDITOR, "date_entry", date);
  type_into (sessions, TD_TYPE_SESSIONS_EDITOR, "start_entry", start);
  type_into (sessions, TD_TYPE_SESSIONS_EDITOR, "end_entry", end);
  type_into (sessions, TD_TYPE_SESSIONS_EDITOR, "subject_entry", subject);
  gtk_widget_activate_action (GTK_WIDGET (sessions), "sessions.save", NULL);
  pump ();
}

static gint64
create_course (TdCoursesPage *page)
{
  TdCourseEditor *editor = td_courses_page_new_course (page);
  AdwComboRow *category;

  pump ();
  g_assert_true (td_courses_page_get_editor (page) == editor);

  /* Saving an empty form is refused, and the fields say why. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_cmpint (td_course_editor_get_course_id (editor), ==, 0);
  g_assert_true (gtk_widget_has_css_class (child (editor, TD_TYPE_COURSE_EDITOR, "title_row"),
                                           "error"));

  type_into (editor, TD_TYPE_COURSE_EDITOR, "title_row", "急救人員安全衛生教育訓練");
  type_into (editor, TD_TYPE_COURSE_EDITOR, "period_row", "113-05");
  type_into (editor, TD_TYPE_COURSE_EDITOR, "start_row", "113/05/06");
  type_into (editor, TD_TYPE_COURSE_EDITOR, "end_row", "1130508");
  type_into (editor, TD_TYPE_COURSE_EDITOR, "capacity_row", "40");
  type_into (editor, TD_TYPE_COURSE_EDITOR, "venue_name_row", "臺北訓練中心");
  category = ADW_COMBO_ROW (child (editor, TD_TYPE_COURSE_EDITOR, "category_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (category)), >, 0);
  adw_combo_row_set_selected (category, 0);
  gtk_switch_set_active (GTK_SWITCH (child (editor, TD_TYPE_COURSE_EDITOR, "group_switch")), TRUE);
  g_assert_true (td_course_form_is_valid (td_course_editor_get_form (editor)));
  g_assert_false (gtk_widget_has_css_class (child (editor, TD_TYPE_COURSE_EDITOR, "title_row"),
                                            "error"));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  pump ();
  g_assert_cmpint (td_course_editor_get_course_id (editor), >, 0);
  g_assert_false (td_course_form_is_modified (td_course_editor_get_form (editor)));
  return td_course_editor_get_course_id (editor);
}

static void
fill_timetable (TdCourseEditor *editor)
{
  TdSessionsEditor *sessions = TD_SESSIONS_EDITOR (td_course_editor_get_section (editor,
                                                                                "sessions"));
  GListModel *list = td_sessions_editor_get_sessions (sessions);
  g_autoptr (TdSession) first = NULL;
  AdwMessageDialog *dialog;

  add_session (sessions, "113/05/06", "09:00", "12:00", "急救概論");
  /* The second one is practical and taught by the directory's lecturer. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (sessions, TD_TYPE_SESSIONS_EDITOR,
                                                    "mode_dropdown")), TD_SESSION_MODE_PRACTICAL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (sessions, TD_TYPE_SESSIONS_EDITOR,
                                                    "lecturer_dropdown")), 1);
  add_session (sessions, "113/05/06", "13:00", "16:30", "心肺復甦術");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (first->minutes, ==, 180);
  g_assert_cmpstr (first->date, ==, "2024-05-06");

  /* A bad date is refused in place: nothing stored, the entry marked. */
  add_session (sessions, "113/13/01", "09:00", "12:00", "實作");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (gtk_widget_has_css_class (child (sessions, TD_TYPE_SESSIONS_EDITOR, "date_entry"),
                                           "error"));

  /* Duplicate the day (a dialog asks for the date), then delete the copies again. */
  gtk_single_selection_set_selected (
    GTK_SINGLE_SELECTION (child (sessions, TD_TYPE_SESSIONS_EDITOR, "selection")), 0);
  gtk_widget_activate_action (GTK_WIDGET (sessions), "sessions.duplicate-day", NULL);
  pump ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "113/05/07");
  respond (dialog, "duplicate");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  for (guint n = 4; n > 2; n--)
    {
      g_autoptr (TdSession) copy = g_list_model_get_item (list, n - 1);

      g_assert_cmpstr (copy->date, ==, "2024-05-07");
      gtk_single_selection_set_selected (
        GTK_SINGLE_SELECTION (child (sessions, TD_TYPE_SESSIONS_EDITOR, "selection")),
        n - 1);
      gtk_widget_activate_action (GTK_WIDGET (sessions), "sessions.delete", NULL);
      pump ();
      respond (find_message_dialog (), "accept");
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n - 1);
    }
}

static void
enrol_trainee (TdCourseEditor *editor)
{
  TdRosterView *roster = TD_ROSTER_VIEW (td_course_editor_get_section (editor, "roster"));
  GListModel *list = td_roster_view_get_enrolments (roster);

  /* An invalid ID is refused with the reason. */
  type_into (roster, TD_TYPE_ROSTER_VIEW, "id_entry", "A123456788");
  type_into (roster, TD_TYPE_ROSTER_VIEW, "name_entry", "王小明");
  gtk_widget_activate_action (GTK_WIDGET (roster), "roster.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  type_into (roster, TD_TYPE_ROSTER_VIEW, "id_entry", "a123456789");
  type_into (roster, TD_TYPE_ROSTER_VIEW, "name_entry", "王小明");
  type_into (roster, TD_TYPE_ROSTER_VIEW, "employer_entry", "臺灣電力公司");
  gtk_widget_activate_action (GTK_WIDGET (roster), "roster.add", NULL);
  pump ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* The same person again is refused by the store, and the reason is shown. */
  type_into (roster, TD_TYPE_ROSTER_VIEW, "id_entry", "A123456789");
  gtk_widget_activate_action (GTK_WIDGET (roster), "roster.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (gtk_widget_has_css_class (child (roster, TD_TYPE_ROSTER_VIEW, "hint_label"),
                                           "error"));
}

static void
pick_and_remove (TdCourseEditor *editor, TdStore *store)
{
  TdRosterView *roster = TD_ROSTER_VIEW (td_course_editor_get_section (editor, "roster"));
  GListModel *list = td_roster_view_get_enrolments (roster);
  g_autoptr (TdTrainee) other = td_trainee_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *search = child (roster, TD_TYPE_ROSTER_VIEW, "person_search");

  /* Someone already in the directory, picked by name from the find popover. */
  other->national_id = g_strdup ("B120000008");
  other->name = g_strdup ("李大同");
  other->employer = g_strdup ("中華郵政");
  g_assert_true (td_store_save_trainee (store, other, &error));
  gtk_menu_button_popup (GTK_MENU_BUTTON (child (roster, TD_TYPE_ROSTER_VIEW, "find_button")));
  pump ();
  gtk_editable_set_text (GTK_EDITABLE (search), "李");
  g_signal_emit_by_name (search, "search-changed");
  g_signal_emit_by_name (search, "activate");
  pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (roster, TD_TYPE_ROSTER_VIEW,
                                                               "id_entry"))), ==, "B120000008");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (roster, TD_TYPE_ROSTER_VIEW,
                                                               "employer_entry"))), ==, "中華郵政");
  gtk_widget_activate_action (GTK_WIDGET (roster), "roster.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Sorted by roster number, newest first, from the column header's sorter. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (child (roster, TD_TYPE_ROSTER_VIEW, "column_view"));
    g_autoptr (GtkColumnViewColumn) seq_column =
      g_list_model_get_item (gtk_column_view_get_columns (view), 0);
    g_autoptr (TdEnrolment) first = NULL;

    gtk_column_view_sort_by_column (view, seq_column, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (G_LIST_MODEL (child (roster, TD_TYPE_ROSTER_VIEW,
                                                                  "selection")), 0);
    g_assert_cmpint (first->seq, ==, 2);
    g_assert_cmpstr (first->trainee->name, ==, "李大同");
  }

  /* Removing asks first; the person stays in the directory. */
  gtk_single_selection_set_selected (
    GTK_SINGLE_SELECTION (child (roster, TD_TYPE_ROSTER_VIEW, "selection")), 0);
  gtk_widget_activate_action (GTK_WIDGET (roster), "roster.remove", NULL);
  pump ();
  respond (find_message_dialog (), "accept");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (td_store_count_trainees (store, NULL, NULL), ==, 2);
}

static void
leave_with_unsaved_changes (TdCoursesPage *page, TdCourseEditor *editor)
{
  type_into (editor, TD_TYPE_COURSE_EDITOR, "classroom_row", "第1教室");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL);
  pump ();
  /* Asked first; cancelling stays, saving leaves. */
  respond (find_message_dialog (), "cancel");
  g_assert_true (td_courses_page_get_editor (page) == editor);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL);
  pump ();
  respond (find_message_dialog (), "save");
  g_assert_null (td_courses_page_get_editor (page));
}

static void
test_course_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TdStore *store = td_store_open (f->path, &error);
  TdWindow *window;
  TdCoursesPage *page;
  TdCourseEditor *editor;
  g_autoptr (TdLecturer) lecturer = NULL;
  gint64 id;

  g_assert_no_error (error);
  lecturer = td_lecturer_new ();
  lecturer->name = g_strdup ("陳大文");
  g_assert_true (td_store_save_lecturer (store, lecturer, &error));
  window = open_window (store);
  page = TD_COURSES_PAGE (td_window_get_page (window, "courses"));
  id = create_course (page);
  editor = td_courses_page_get_editor (page);
  fill_timetable (editor);
  enrol_trainee (editor);
  pick_and_remove (editor, store);
  leave_with_unsaved_changes (page, editor);
  close_window (window);
  g_assert_finalize_object (store);

  /* A new store and a new window on the same file find everything again. */
  store = td_store_open (f->path, &error);
  g_assert_no_error (error);
  window = open_window (store);
  page = TD_COURSES_PAGE (td_window_get_page (window, "courses"));
  {
    GtkSingleSelection *selection =
      GTK_SINGLE_SELECTION (child (page, TD_TYPE_COURSES_PAGE, "selection"));
    GListModel *courses = gtk_single_selection_get_model (selection);
    g_autoptr (TdCourse) listed = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (courses), ==, 1);
    listed = g_list_model_get_item (courses, 0);
    g_assert_cmpint (listed->id, ==, id);
    g_assert_cmpstr (listed->classroom, ==, "第1教室");
    g_assert_cmpstr (listed->end_date, ==, "2024-05-08");
    g_assert_true (listed->group_discussion);
  }
  editor = td_courses_page_open_course (page, id);
  pump ();
  {
    GListModel *sessions = td_sessions_editor_get_sessions (
      TD_SESSIONS_EDITOR (td_course_editor_get_section (editor, "sessions")));
    GListModel *roster = td_roster_view_get_enrolments (
      TD_ROSTER_VIEW (td_course_editor_get_section (editor, "roster")));
    g_autoptr (TdSession) second = g_list_model_get_item (sessions, 1);
    g_autoptr (TdEnrolment) enrolment = g_list_model_get_item (roster, 0);

    g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
    g_assert_cmpstr (second->subject, ==, "心肺復甦術");
    g_assert_cmpint (second->minutes, ==, 210);
    g_assert_cmpint (second->mode, ==, TD_SESSION_MODE_PRACTICAL);
    g_assert_cmpint (second->lecturer_id, ==, lecturer->id);
    g_assert_cmpuint (g_list_model_get_n_items (roster), ==, 1);
    g_assert_cmpstr (enrolment->trainee->name, ==, "王小明");
    g_assert_cmpstr (enrolment->trainee->national_id, ==, "A123456789");
  }
  close_window (window);
  g_assert_finalize_object (store);
}

static void
test_search_and_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TdStore *store = td_store_open (f->path, &error);
  const char *titles[] = { "急救人員安全衛生教育訓練", "一般安全衛生教育訓練" };
  TdWindow *window;
  GtkWidget *page, *entry;
  GtkStack *list_stack;
  GtkSingleSelection *selection;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr (TdCourse) course = td_course_new ();

      course->title = g_strdup (titles[i]);
      course->category = g_strdup ("first-aid");
      course->start_date = g_strdup ("2024-05-06");
      course->end_date = g_strdup ("2024-05-06");
      g_assert_true (td_store_save_course (store, course, &error));
    }
  window = open_window (store);
  page = td_window_get_page (window, "courses");
  entry = child (page, TD_TYPE_COURSES_PAGE, "search_entry");
  list_stack = GTK_STACK (child (page, TD_TYPE_COURSES_PAGE, "list_stack"));
  selection = GTK_SINGLE_SELECTION (child (page, TD_TYPE_COURSES_PAGE, "selection"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "急救");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such course");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 2);

  /* Delete asks first. */
  gtk_single_selection_set_selected (selection, 0);
  gtk_widget_activate_action (page, "courses.delete", NULL);
  pump ();
  respond (find_message_dialog (), "accept");
  g_assert_cmpuint (td_store_count_courses (store, NULL, &error), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);

  close_window (window);
  g_assert_finalize_object (store);
}

static gint64
store_course_with_roster (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = td_course_new ();
  g_autoptr (TdSession) session = td_session_new ();
  g_autoptr (TdTrainee) trainee = td_trainee_new ();

  course->title = g_strdup ("一般安全衛生教育訓練");
  course->category = g_strdup ("general-safety");
  course->start_date = g_strdup ("2024-06-03");
  course->end_date = g_strdup ("2024-06-03");
  g_assert_true (td_store_save_course (store, course, &error));
  session->course_id = course->id;
  session->date = g_strdup ("2024-06-03");
  session->start_time = g_strdup ("09:00");
  session->end_time = g_strdup ("12:00");
  session->subject = g_strdup ("職業安全衛生法規");
  g_assert_true (td_store_save_session (store, session, &error));
  trainee->national_id = g_strdup ("A123456789");
  trainee->name = g_strdup ("王小明");
  g_assert_true (td_store_enrol (store, course->id, trainee, NULL, NULL, &error));
  g_assert_no_error (error);
  return course->id;
}

static void
write_file (GFile *file, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                           NULL, &error);
  g_assert_no_error (error);
}

static TdRosterView *
editor_roster (TdCourseEditor *editor)
{
  return TD_ROSTER_VIEW (td_course_editor_get_section (editor, "roster"));
}

static void
test_files (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *json_path = g_build_filename (f->dir, "course.json", NULL);
  g_autofree char *broken_path = g_build_filename (f->dir, "broken.json", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "roster.csv", NULL);
  g_autoptr (GFile) json = g_file_new_for_path (json_path);
  g_autoptr (GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr (GFile) csv = g_file_new_for_path (csv_path);
  const char *header = "序號,姓名,出生年月日,身分證統一編號,戶籍地址,連絡地址,電話,"
                       "電子郵件信箱,學歷,服務單位,資格證書字號,備註\n";
  g_autofree char *bad_csv = g_strconcat (header, "1,李大同,70/01/02,A123456788,,,,,,,,\n", NULL);
  g_autofree char *good_csv = g_strconcat (header, "1,李大同,70/01/02,B120000008,,,,,,,,\n", NULL);
  TdStore *store = td_store_open (f->path, &error);
  TdWindow *window;
  TdCoursesPage *page;
  TdCourseEditor *editor;
  AdwMessageDialog *dialog;
  gint64 id;

  g_assert_no_error (error);
  id = store_course_with_roster (store);
  window = open_window (store);
  page = TD_COURSES_PAGE (td_window_get_page (window, "courses"));

  g_assert_true (td_courses_page_export_course_to (page, id, json));
  g_assert_true (g_file_query_exists (json, NULL));

  /* A broken file changes nothing and the dialog says why. */
  write_file (broken, "{\"format\": \"training-desk/course@1\"}");
  g_assert_cmpint (td_courses_page_import_course_from (page, broken), ==, 0);
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.json"));
  respond (dialog, "close");
  g_assert_cmpuint (td_store_count_courses (store, NULL, NULL), ==, 1);
  close_window (window);
  g_assert_finalize_object (store);

  /* Another desk imports the file and gets the course with its timetable and roster. */
  store = td_store_open (other_path, &error);
  g_assert_no_error (error);
  window = open_window (store);
  page = TD_COURSES_PAGE (td_window_get_page (window, "courses"));
  g_assert_cmpint (td_courses_page_import_course_from (page, json), >, 0);
  pump ();
  editor = td_courses_page_get_editor (page);
  g_assert_nonnull (editor);
  g_assert_cmpuint (g_list_model_get_n_items (td_sessions_editor_get_sessions (TD_SESSIONS_EDITOR (
                      td_course_editor_get_section (editor, "sessions")))), ==, 1);

  /* A roster CSV with a bad ID is refused whole, with the line and the field. */
  write_file (csv, bad_csv);
  g_assert_cmpint (td_roster_view_import_from (editor_roster (editor), csv), ==, -1);
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "roster.csv:2"));
  respond (dialog, "close");
  g_assert_cmpuint (g_list_model_get_n_items (td_roster_view_get_enrolments (editor_roster (editor))),
                    ==, 1);
  /* Eight IDs with a wrong check digit: every problem, in a scrolled list under a
   * one-line summary. */
  {
    g_autoptr (GString) many = g_string_new (header);

    for (guint i = 1; i <= 8; i++)
      g_string_append_printf (many, "%u,某甲,70/01/02,A12345678%u,,,,,,,,\n", i, i - 1);
    write_file (csv, many->str);
    g_assert_cmpint (td_roster_view_import_from (editor_roster (editor), csv), ==, -1);
    dialog = find_message_dialog ();
    g_assert_nonnull (adw_message_dialog_get_extra_child (dialog));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "8 problems"));
    respond (dialog, "close");
  }
  write_file (csv, good_csv);
  g_assert_cmpint (td_roster_view_import_from (editor_roster (editor), csv), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (td_roster_view_get_enrolments (editor_roster (editor))),
                    ==, 2);
  g_assert_true (td_roster_view_export_to (editor_roster (editor), csv));

  close_window (window);
  g_assert_finalize_object (store);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/visit-pages", Fixture, NULL, fixture_set_up, test_visit_pages,
              fixture_tear_down);
  g_test_add ("/gui/course-round-trip", Fixture, NULL, fixture_set_up, test_course_round_trip,
              fixture_tear_down);
  g_test_add ("/gui/search-and-delete", Fixture, NULL, fixture_set_up, test_search_and_delete,
              fixture_tear_down);

  g_test_add ("/gui/files", Fixture, NULL, fixture_set_up, test_files, fixture_tear_down);

  return g_test_run ();
}
