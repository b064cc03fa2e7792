/* test-gui-people.c — the trainees and lecturers pages and the preferences window,
 * driven through their widgets on a temporary database.
 *
 * With TD_TEST_SNAPSHOT_DIR set, the screens are also rendered to PNG files there so
 * their layout can be looked at. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "gui-fixture.h"
#include "td-catalogue.h"
#include "td-lecturers-page.h"
#include "td-lecturer-editor.h"
#include "td-preferences-window.h"
#include "td-trainee-editor.h"
#include "td-trainees-page.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
} Fixture;

/* --- helpers ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->store = gui_temp_store_open ("td-gui-people-XXXXXX", "desk.db", "tester",
                                       &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gui_temp_store_close (fixture->store, &fixture->dir, &fixture->path);
}

static void
type_into (gpointer widget, GType type, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, type, name)), text);
  pump ();
}

static gint64
query_int (const char *path, const char *sql, gint64 id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog;

  settle ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pump ();
}

static gint64
enrol_on_new_course (TdStore *store, TdTrainee *trainee)
{
  g_autoptr (TdCourse) course = td_course_new ();
  g_autoptr (GError) error = NULL;

  course->title = g_strdup ("急救人員安全衛生教育訓練");
  course->category = g_strdup ("first-aid");
  course->period = g_strdup ("3");
  course->start_date = g_strdup ("2024-12-02");
  course->end_date = g_strdup ("2024-12-06");
  g_assert_true (td_store_save_course (store, course, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_enrol (store, course->id, trainee, NULL, NULL, &error));
  g_assert_no_error (error);
  return course->id;
}

/* --- trainees ----------------------------------------------------------------- */

static void
test_trainee_create (Fixture *fixture, gconstpointer data)
{
  GtkWidget *page = td_trainees_page_new (fixture->store);
  GtkWindow *window = show_in_window (page, 900, 700);
  GType P = TD_TYPE_TRAINEES_PAGE, E = TD_TYPE_TRAINEE_EDITOR;
  TdTraineeEditor *editor = child (page, P, "editor");
  GtkWidget *save_button = child (editor, E, "save_button");
  GtkWidget *id_error = child (editor, E, "national_id_error_label");
  g_autofree char *screen = NULL;
  g_autoptr (TdTrainee) listed = NULL;
  GListModel *model;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "list_stack")), ==, "empty");
  save_snapshot (page, "trainees-empty");

  g_assert_true (gtk_widget_activate_action (page, "trainees.new", NULL));
  pump ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "stack")), ==, "editor");
  g_assert_false (gtk_widget_is_sensitive (save_button));

  type_into (editor, E, "name_row", "王小明");
  type_into (editor, E, "birth_date_row", "79/05/01");
  type_into (editor, E, "employer_row", "台灣電力公司");
  /* Wrong checksum: the reason shows as typed and saving stays off. */
  type_into (editor, E, "national_id_row", "A123456780");
  g_assert_true (gtk_widget_get_visible (id_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (id_error)), "National ID"));
  g_assert_true (gtk_widget_has_css_class (child (editor, E, "national_id_row"), "error"));
  g_assert_false (gtk_widget_is_sensitive (save_button));
  save_snapshot (page, "trainee-editor-invalid");

  type_into (editor, E, "national_id_row", "a123456789");
  g_assert_false (gtk_widget_get_visible (id_error));
  g_assert_true (gtk_widget_is_sensitive (save_button));

  g_signal_emit_by_name (save_button, "clicked");
  pump ();
  g_assert_false (gtk_widget_is_sensitive (save_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL));
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "stack")), ==, "list");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "list_stack")), ==, "list");

  model = G_LIST_MODEL (gtk_column_view_get_model (child (page, P, "column_view")));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  listed = g_list_model_get_item (model, 0);
  g_assert_cmpstr (listed->national_id, ==, "A123456789");
  g_assert_cmpstr (listed->birth_date, ==, "1990-05-01");

  /* What the list shows: the masked ID and the ROC birth date, never the full ID. */
  screen = dup_screen_text (page);
  g_assert_nonnull (strstr (screen, "王小明"));
  g_assert_nonnull (strstr (screen, "A12****789"));
  g_assert_nonnull (strstr (screen, "079/05/01"));
  g_assert_null (strstr (screen, "A123456789"));
  save_snapshot (page, "trainees-list");

  destroy_window (window, page);
}

static TdTrainee *
add_trainee (TdStore *store, const char *name, const char *id)
{
  TdTrainee *trainee = td_trainee_new ();
  g_autoptr (GError) error = NULL;

  trainee->name = g_strdup (name);
  trainee->national_id = g_strdup (id);
  trainee->birth_date = g_strdup ("1985-03-04");
  g_assert_true (td_store_save_trainee (store, trainee, &error));
  g_assert_no_error (error);
  return trainee;
}

static void
test_trainee_reveal_and_leave (Fixture *fixture, gconstpointer data)
{
  g_autoptr (TdTrainee) stored = add_trainee (fixture->store, "陳美玲", "B223456782");
  GtkWidget *page = td_trainees_page_new (fixture->store);
  GtkWindow *window = show_in_window (page, 900, 1500);
  GType P = TD_TYPE_TRAINEES_PAGE, E = TD_TYPE_TRAINEE_EDITOR;
  TdTraineeEditor *editor = child (page, P, "editor");
  GtkEditable *id_row = child (editor, E, "national_id_row");
  const char *audit_sql = "SELECT count(*) FROM audit_log WHERE action = 'reveal-id' AND "
                          "entity = 'trainee' AND entity_id = ?1";

  enrol_on_new_course (fixture->store, stored);
  g_signal_emit_by_name (child (page, P, "column_view"), "activate", 0);
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "stack")), ==, "editor");

  /* Masked on opening, and not editable while masked. */
  g_assert_cmpstr (gtk_editable_get_text (id_row), ==, "B22****782");
  g_assert_false (gtk_editable_get_editable (id_row));
  g_assert_false (td_trainee_form_is_dirty (td_trainee_editor_get_form (editor)));
  g_assert_cmpint (query_int (fixture->path, audit_sql, stored->id), ==, 0);
  save_snapshot (page, "trainee-editor-existing");

  gtk_toggle_button_set_active (child (editor, E, "reveal_button"), TRUE);
  pump ();
  g_assert_cmpstr (gtk_editable_get_text (id_row), ==, "B223456782");
  g_assert_true (gtk_editable_get_editable (id_row));
  g_assert_cmpint (query_int (fixture->path, audit_sql, stored->id), ==, 1);
  g_assert_false (td_trainee_form_is_dirty (td_trainee_editor_get_form (editor)));

  /* The course history lists the roster the person is on. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (child (editor, E, "history_list"), 0));

  /* Unsaved changes: leaving asks first; Discard leaves and keeps the stored record. */
  type_into (editor, E, "phone_row", "02-2345-6789");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL));
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "stack")), ==, "editor");
  answer_dialog ("discard");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "stack")), ==, "list");

  /* On a roster: the store refuses and the page says why. */
  g_assert_true (gtk_widget_activate_action (page, "trainees.delete", NULL));
  answer_dialog ("delete");
  settle ();
  {
    AdwMessageDialog *refusal = find_dialog ();
    g_assert_nonnull (refusal);
    g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "Cannot Delete Trainee");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "roster"));
    gtk_window_destroy (GTK_WINDOW (refusal));
  }
  g_assert_cmpuint (td_store_count_trainees (fixture->store, NULL, NULL), ==, 1);

  destroy_window (window, page);
}

static void
test_trainee_search_and_delete (Fixture *fixture, gconstpointer data)
{
  g_autoptr (TdTrainee) a = add_trainee (fixture->store, "王小明", "A123456789");
  g_autoptr (TdTrainee) b = add_trainee (fixture->store, "林志玲", "F234567898");
  GtkWidget *page = td_trainees_page_new (fixture->store);
  GtkWindow *window = show_in_window (page, 900, 700);
  GType P = TD_TYPE_TRAINEES_PAGE;
  GtkEditable *search = child (page, P, "search_entry");
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (child (page, P, "column_view")));
  g_autoptr (TdTrainee) found = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_editable_set_text (search, "f23");
  g_signal_emit_by_name (search, "search-changed");
  pump ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  found = g_list_model_get_item (model, 0);
  g_assert_cmpstr (found->name, ==, "林志玲");

  gtk_editable_set_text (search, "nobody");
  g_signal_emit_by_name (search, "search-changed");
  pump ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "list_stack")), ==,
                   "no-results");

  gtk_editable_set_text (search, "林");
  g_signal_emit_by_name (search, "search-changed");
  pump ();
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  g_assert_true (gtk_widget_activate_action (page, "trainees.delete", NULL));
  answer_dialog ("cancel");
  g_assert_cmpuint (td_store_count_trainees (fixture->store, NULL, NULL), ==, 2);
  g_assert_true (gtk_widget_activate_action (page, "trainees.delete", NULL));
  answer_dialog ("delete");
  g_assert_null (find_dialog ());
  g_assert_cmpuint (td_store_count_trainees (fixture->store, NULL, NULL), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "list_stack")), ==,
                   "no-results");

  destroy_window (window, page);
}

/* National IDs with a valid check digit: letter A, gender digit 1, serial @n. */
static char *
dup_valid_id (guint n)
{
  static const int weights[] = { 8, 7, 6, 5, 4, 3, 2, 1 };
  g_autofree char *digits = g_strdup_printf ("1%07u", n);
  int sum = 1 * 1 + 0 * 9;   /* A = 10: 1 × 1 + 0 × 9 */

  for (guint i = 0; i < 8; i++)
    sum += (digits[i] - '0') * weights[i];
  return g_strdup_printf ("A%s%d", digits, (10 - sum % 10) % 10);
}

static void
test_trainee_large_directory (Fixture *fixture, gconstpointer data)
{
  const guint n = 200000;
  GtkWidget *page = NULL;
  GtkWindow *window = NULL;
  GType P = TD_TYPE_TRAINEES_PAGE;
  GtkEditable *search;
  GListModel *model;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) found = NULL;
  g_autofree char *wanted = dup_valid_id (123457);

  g_assert_true (td_store_begin (fixture->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdTrainee) trainee = td_trainee_new ();
      trainee->name = g_strdup_printf ("學員%06u", i);
      trainee->national_id = dup_valid_id (i);
      g_assert_true (td_store_save_trainee (fixture->store, trainee, &error));
    }
  g_assert_true (td_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  page = td_trainees_page_new (fixture->store);
  window = show_in_window (page, 900, 700);
  model = G_LIST_MODEL (gtk_column_view_get_model (child (page, P, "column_view")));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  search = child (page, P, "search_entry");
  gtk_editable_set_text (search, wanted);
  g_signal_emit_by_name (search, "search-changed");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  found = g_list_model_get_item (model, 0);
  g_assert_cmpstr (found->name, ==, "學員123457");

  destroy_window (window, page);
}

static void
test_trainee_photo (Fixture *fixture, gconstpointer data)
{
  g_autoptr (TdTrainee) stored = add_trainee (fixture->store, "王小明", "A123456789");
  GtkWidget *editor = td_trainee_editor_new (fixture->store);
  GtkWindow *window = show_in_window (editor, 800, 900);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GBytes) not_image = g_bytes_new_static ("GIF89a....", 10);
  g_autoptr (GBytes) photo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *mime_type = NULL;
  guchar pixels[26 * 30 * 4];

  memset (pixels, 0x80, sizeof pixels);
  {
    g_autoptr (GBytes) raw = g_bytes_new (pixels, sizeof pixels);
    texture = gdk_memory_texture_new (26, 30, GDK_MEMORY_R8G8B8A8, raw, 26 * 4);
  }
  png = gdk_texture_save_to_png_bytes (texture);
  td_trainee_editor_load (TD_TRAINEE_EDITOR (editor), stored);

  g_assert_false (td_trainee_editor_set_photo (TD_TRAINEE_EDITOR (editor), not_image, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (td_trainee_editor_set_photo (TD_TRAINEE_EDITOR (editor), png, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (editor, TD_TYPE_TRAINEE_EDITOR,
                                                            "photo_stack")), ==, "photo");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  pump ();
  photo = td_store_get_trainee_photo (fixture->store, stored->id, &mime_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "image/png");
  g_assert_true (g_bytes_equal (photo, png));
  save_snapshot (editor, "trainee-editor-photo");

  destroy_window (window, editor);
}

/* --- lecturers ---------------------------------------------------------------- */

static void
set_view_text (gpointer widget, const char *name, const char *text)
{
  GtkTextView *view = child (widget, TD_TYPE_LECTURER_EDITOR, name);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  pump ();
}

static void
test_lecturer_create_edit (Fixture *fixture, gconstpointer data)
{
  GtkWidget *page = td_lecturers_page_new (fixture->store);
  GtkWindow *window = show_in_window (page, 900, 1100);
  GType P = TD_TYPE_LECTURERS_PAGE, E = TD_TYPE_LECTURER_EDITOR;
  TdLecturerEditor *editor = child (page, P, "editor");
  GtkWidget *save_button = child (editor, E, "save_button");
  GtkWidget *id_error = child (editor, E, "national_id_error_label");
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (child (page, P, "column_view")));
  g_autoptr (GPtrArray) lecturers = NULL;
  g_autoptr (TdLecturer) lecturer = NULL;
  g_autofree char *screen = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "list_stack")), ==, "empty");
  g_assert_true (gtk_widget_activate_action (page, "lecturers.new", NULL));
  pump ();
  type_into (editor, E, "name_row", "林老師");
  type_into (editor, E, "post_row", "職業安全衛生管理師");
  type_into (editor, E, "education_row", "國立台灣大學公共衛生碩士");
  set_view_text (editor, "qualifications_view", "附表十五 第一款\n附表十五 第三款");
  /* The ID is optional, but one that is given must be valid. */
  type_into (editor, E, "national_id_row", "B12345678");
  g_assert_true (gtk_widget_get_visible (id_error));
  g_assert_false (gtk_widget_is_sensitive (save_button));
  save_snapshot (page, "lecturer-editor-invalid");
  type_into (editor, E, "national_id_row", "");
  g_assert_false (gtk_widget_get_visible (id_error));
  g_assert_true (gtk_widget_is_sensitive (save_button));
  g_signal_emit_by_name (save_button, "clicked");
  pump ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  screen = dup_screen_text (page);
  g_assert_nonnull (strstr (screen, "職業安全衛生管理師"));
  save_snapshot (page, "lecturers-list");

  /* Edit: a new post and an ID, which shows masked when reopened. */
  g_signal_emit_by_name (child (page, P, "column_view"), "activate", 0);
  settle ();
  g_assert_false (gtk_widget_is_sensitive (save_button));
  type_into (editor, E, "post_row", "職業衛生管理師");
  type_into (editor, E, "national_id_row", "a123456789");
  g_signal_emit_by_name (save_button, "clicked");
  pump ();
  lecturers = td_store_list_lecturers (fixture->store, NULL, NULL);
  g_assert_cmpuint (lecturers->len, ==, 1);
  lecturer = g_object_ref (g_ptr_array_index (lecturers, 0));
  g_assert_cmpstr (lecturer->post, ==, "職業衛生管理師");
  g_assert_cmpstr (lecturer->national_id, ==, "A123456789");
  g_assert_cmpstr (lecturer->qualifications, ==, "附表十五 第一款\n附表十五 第三款");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, E, "national_id_row")), ==, "A12****789");
  save_snapshot (page, "lecturer-editor");

  destroy_window (window, page);
}

static void
test_lecturer_delete (Fixture *fixture, gconstpointer data)
{
  g_autoptr (TdLecturer) lecturer = td_lecturer_new ();
  g_autoptr (TdSession) session = td_session_new ();
  g_autoptr (TdCourse) course = td_course_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *page = NULL;
  GtkWindow *window = NULL;
  GType P = TD_TYPE_LECTURERS_PAGE;
  GListModel *model;

  lecturer->name = g_strdup ("張講師");
  g_assert_true (td_store_save_lecturer (fixture->store, lecturer, &error));
  course->title = g_strdup ("急救人員安全衛生教育訓練");
  course->category = g_strdup ("first-aid");
  course->start_date = g_strdup ("2024-12-02");
  course->end_date = g_strdup ("2024-12-02");
  g_assert_true (td_store_save_course (fixture->store, course, &error));
  session->course_id = course->id;
  session->date = g_strdup ("2024-12-02");
  session->start_time = g_strdup ("09:00");
  session->end_time = g_strdup ("12:00");
  session->subject = g_strdup ("急救概論");
  session->lecturer_id = lecturer->id;
  g_assert_true (td_store_save_session (fixture->store, session, &error));
  g_assert_no_error (error);

  page = td_lecturers_page_new (fixture->store);
  window = show_in_window (page, 900, 700);
  model = G_LIST_MODEL (gtk_column_view_get_model (child (page, P, "column_view")));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);

  /* Named in a timetable: the store refuses and the page says why. */
  g_assert_true (gtk_widget_activate_action (page, "lecturers.delete", NULL));
  answer_dialog ("delete");
  settle ();
  {
    AdwMessageDialog *refusal = find_dialog ();
    g_assert_nonnull (refusal);
    g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "Cannot Delete Lecturer");
    gtk_window_destroy (GTK_WINDOW (refusal));
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  g_assert_true (td_store_delete_session (fixture->store, session->id, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (page, "lecturers.delete", NULL));
  answer_dialog ("delete");
  g_assert_null (find_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, P, "list_stack")), ==, "empty");

  destroy_window (window, page);
}

/* --- preferences -------------------------------------------------------------- */

static void
test_preferences (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window = td_preferences_window_new (NULL, fixture->store);
  GType W = TD_TYPE_PREFERENCES_WINDOW;
  GtkWidget *evening_error = child (window, W, "evening_start_error_label");
  g_autoptr (TdUnit) unit = NULL;
  g_autofree char *evening = NULL;
  g_autofree char *stored_evening = NULL;
  g_autofree char *pass_mark = NULL;

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (child (window, W, "evening_start_row")), ==, "18:00");
  g_assert_cmpstr (gtk_editable_get_text (child (window, W, "pass_mark_row")), ==, "60");

  type_into (window, W, "title_row", "財團法人台灣安全衛生訓練中心");
  g_signal_emit_by_name (child (window, W, "title_row"), "apply");
  unit = td_store_get_unit (fixture->store, NULL);
  g_assert_cmpstr (unit->title, ==, "財團法人台灣安全衛生訓練中心");

  type_into (window, W, "evening_start_row", "25:00");
  g_assert_true (gtk_widget_get_visible (evening_error));
  g_signal_emit_by_name (child (window, W, "evening_start_row"), "apply");
  stored_evening = td_store_get_setting (fixture->store, "evening-start", NULL);
  g_assert_null (stored_evening);
  save_snapshot (window, "preferences-unit");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "centre");
  save_snapshot (window, "preferences-invalid");

  type_into (window, W, "pass_mark_row", "101");
  g_assert_true (gtk_widget_get_visible (child (window, W, "pass_mark_error_label")));
  type_into (window, W, "pass_mark_row", "70");
  g_assert_false (gtk_widget_get_visible (child (window, W, "pass_mark_error_label")));
  type_into (window, W, "evening_start_row", "18:30");
  g_assert_false (gtk_widget_get_visible (evening_error));

  /* Closing saves what changed and is valid. */
  gtk_window_close (GTK_WINDOW (window));
  pump ();
  evening = td_store_get_setting (fixture->store, "evening-start", NULL);
  pass_mark = td_store_get_setting (fixture->store, "pass-mark", NULL);
  g_assert_cmpstr (evening, ==, "18:30");
  g_assert_cmpstr (pass_mark, ==, "70");
  g_assert_finalize_object (window);
}

/* The widget named @name under @widget (the hours rows are named by their slug). */
static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolls the page so @widget, and what follows it, are in the snapshot. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  settle ();
  g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                            gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (scrolled))) + point.y - 200);
}

static char *
dup_hours_setting (TdStore *store, const char *slug)
{
  g_autofree char *key = td_catalogue_hours_setting_key (slug);

  return td_store_get_setting (store, key, NULL);
}

/* Applies @text in the row of @slug; returns what the store then keeps for it. */
static char *
apply_hours (GtkWidget *window, TdStore *store, const char *slug, const char *text)
{
  GtkWidget *row = find_named (window, slug);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  pump ();
  return dup_hours_setting (store, slug);
}

static void
test_preferences_hours (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window;
  GtkWidget *row, *label;
  g_autoptr (GError) error = NULL;
  g_autofree char *first_aid = NULL;

  /* A correction kept from before shows in its row. */
  g_assert_true (td_store_set_setting (fixture->store, "catalogue.hours.first-aid", "1110",
                                       &error));
  g_assert_no_error (error);
  window = td_preferences_window_new (NULL, fixture->store);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "hours");
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (window, "first-aid"))), ==,
                   "18.5");
  row = find_named (window, "forklift");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "職業安全衛生教育訓練規則第"));
  label = g_object_get_data (G_OBJECT (row), "error-label");
  g_assert_nonnull (label);

  for (guint i = 0; i < 3; i++)
    {
      const char *bad[] = { "abc", "-1", "1.234" };
      g_autofree char *stored = apply_hours (window, fixture->store, "forklift", bad[i]);

      g_assert_null (stored);
      g_assert_true (gtk_widget_get_visible (label));
      g_assert_true (gtk_widget_has_css_class (row, "error"));
    }
  scroll_to (row);
  save_snapshot (window, "preferences-hours-invalid");
  scroll_to (label);
  save_snapshot (window, "preferences-hours-group-end");
  {
    g_autofree char *stored = apply_hours (window, fixture->store, "forklift", "12");
    g_assert_cmpstr (stored, ==, "720");
    g_assert_false (gtk_widget_get_visible (label));
    g_assert_false (gtk_widget_has_css_class (row, "error"));
  }
  {
    g_autofree char *stored = apply_hours (window, fixture->store, "forklift", "1000.01");
    g_assert_cmpstr (stored, ==, "720");
    g_assert_true (gtk_widget_get_visible (label));
  }
  {
    g_autofree char *stored = apply_hours (window, fixture->store, "forklift", "１２．２５");
    g_assert_cmpstr (stored, ==, "735");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "12.25");
  }
  {
    g_autofree char *stored = apply_hours (window, fixture->store, "forklift", "1.5");
    g_assert_cmpstr (stored, ==, "90");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "1.5");
  }
  {
    g_autofree char *stored = apply_hours (window, fixture->store, "forklift", "");
    g_assert_cmpstr (stored, ==, "0");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  }
  gtk_editable_set_text (GTK_EDITABLE (find_named (window, "small-fixed-crane-operator")), "3");
  scroll_to (find_named (window, "small-fixed-crane-operator"));
  save_snapshot (window, "preferences-hours");
  gtk_editable_set_text (GTK_EDITABLE (find_named (window, "small-fixed-crane-operator")), "");

  /* Closing saves a row that was typed into but not applied. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (window, "first-aid")), "0.25");
  gtk_window_close (GTK_WINDOW (window));
  pump ();
  first_aid = dup_hours_setting (fixture->store, "first-aid");
  g_assert_cmpstr (first_aid, ==, "15");
  g_assert_finalize_object (window);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui-people/trainee/create", test_trainee_create);
  ADD ("/gui-people/trainee/reveal-and-leave", test_trainee_reveal_and_leave);
  ADD ("/gui-people/trainee/search-and-delete", test_trainee_search_and_delete);
  ADD ("/gui-people/trainee/photo", test_trainee_photo);
  ADD ("/gui-people/trainee/large-directory", test_trainee_large_directory);
  ADD ("/gui-people/lecturer/create-edit", test_lecturer_create_edit);
  ADD ("/gui-people/lecturer/delete", test_lecturer_delete);
  ADD ("/gui-people/preferences", test_preferences);
  ADD ("/gui-people/preferences/hours", test_preferences_hours);
#undef ADD
  return g_test_run ();
}
