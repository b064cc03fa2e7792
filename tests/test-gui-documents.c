/* test-gui-documents.c — the Documents tab of the course editor: one row per form the
 * course's regime files, Preview opening a rendering preview window, merging proof
 * documents with the size reported and a preview offered; unsaved courses wait.
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "gui-fixture.h"
#include "td-course-editor.h"
#include "td-demo.h"
#include "td-documents-view.h"
#include "td-form-catalog.h"
#include "td-preview-window-private.h"

#define TODAY "2026-11-23"

typedef struct {
  char *dir;
  char *db_path;
  TdStore *store;
  gint64 osh_id;
  gint64 health_id;
  GtkWindow *window;     /* holds the view, so dialogs have a parent */
  TdDocumentsView *view;
} Fixture;

/* --- helpers ---------------------------------------------------------------- */

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The toplevel of @type other than the fixture's window, or NULL. */
static GtkWindow *
find_toplevel (Fixture *f, GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (w != f->window && G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
    }
  return NULL;
}

static gint64
find_course (TdStore *store, TdRegime regime)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = td_store_list_courses (store, NULL, 0, 100, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < courses->len; i++)
    {
      TdCourse *course = g_ptr_array_index (courses, i);
      if (course->regime == regime)
        return course->id;
    }
  g_error ("the demo centre has no course of regime %d", regime);
}

static int
count_pages (GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  int n;

  g_assert_no_error (error);
  n = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

static GFile *
render_to (Fixture *f, TdFormRenderFunc func, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (func (f->store, f->osh_id, file, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

/* A page holding a photo-sized image of noise, which no compression shrinks (as
 * test-cli-print does). */
static GFile *
write_noise_pdf (Fixture *f, const char *name, int size, guint32 seed)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image) / 4;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  cairo_t *cr = cairo_create (pdf);

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      pixels[y * stride + x] = g_rand_int (rand) & 0xffffff;
  cairo_surface_mark_dirty (image);
  cairo_scale (cr, 595.0 / size, 842.0 / size);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (image);
  return g_file_new_for_path (path);
}

/* --- fixture ------------------------------------------------------------------ */

static void
show_view (Fixture *f, gint64 course_id)
{
  f->view = td_documents_view_new (f->store, course_id);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  pump ();
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = gui_temp_store_open ("td-gui-documents-XXXXXX", "desk.db", "tester", &f->dir,
                                 &f->db_path);
  g_assert_true (td_demo_populate (f->store, TODAY, &error));
  g_assert_no_error (error);
  f->osh_id = find_course (f->store, TD_REGIME_OSH);
  f->health_id = find_course (f->store, TD_REGIME_HEALTH);
  f->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  pump ();
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->store);
  gui_temp_dir_remove (&f->dir);
  g_free (f->db_path);
}

/* --- tests -------------------------------------------------------------------- */

static void
test_rows (Fixture *f, gconstpointer data)
{
  gboolean health = GPOINTER_TO_INT (data);

  show_view (f, health ? f->health_id : f->osh_id);
  for (const TdFormEntry *e = td_form_catalog_get (); e->id != NULL; e++)
    {
      GtkWidget *row = find_named (GTK_WIDGET (f->view), e->id);
      const char *number = td_form_entry_get_number (e, health ? TD_REGIME_HEALTH
                                                                : TD_REGIME_OSH);

      if (number == NULL)
        {
          g_assert_null (row);
          continue;
        }
      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, number);
    }
  /* 附表九 is a health form only. */
  g_assert_true ((find_named (GTK_WIDGET (f->view), "practicum") != NULL) == health);
}

static void
test_preview (Fixture *f, gconstpointer data)
{
  TdPreviewWindow *window;

  show_view (f, f->osh_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.preview", "s",
                                             "roster"));
  window = TD_PREVIEW_WINDOW (find_toplevel (f, TD_TYPE_PREVIEW_WINDOW));
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == f->window);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Roster"));
  while (td_preview_window_get_state (window) == TD_PREVIEW_STATE_RENDERING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (td_preview_window_get_state (window), ==, TD_PREVIEW_STATE_DOCUMENT);
  g_assert_cmpint (td_pdf_view_get_n_pages (td_preview_window_get_view (window)), >, 0);
  destroy_window (GTK_WINDOW (window), window);
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *out_path = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autoptr (GFile) output = g_file_new_for_path (out_path);
  AdwMessageDialog *dialog;
  TdPreviewWindow *window;
  int expected;

  show_view (f, f->osh_id);
  g_ptr_array_add (inputs, render_to (f, td_form_render_plan, "plan.pdf"));
  g_ptr_array_add (inputs, render_to (f, td_form_render_schedule, "schedule.pdf"));
  expected = count_pages (inputs->pdata[0]) + count_pages (inputs->pdata[1]);
  td_documents_view_merge (f->view, inputs, output);
  g_assert_true (td_documents_view_get_busy (f->view));
  while (td_documents_view_get_busy (f->view))
    g_main_context_iteration (NULL, TRUE);
  pump ();
  g_assert_cmpint (count_pages (output), ==, expected);

  dialog = ADW_MESSAGE_DIALOG (find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "PDF Files Merged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "merged.pdf"));
  adw_message_dialog_response (dialog, "preview");
  pump ();
  window = TD_PREVIEW_WINDOW (find_toplevel (f, TD_TYPE_PREVIEW_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpint (td_preview_window_get_state (window), ==, TD_PREVIEW_STATE_DOCUMENT);
  g_assert_cmpint (td_pdf_view_get_n_pages (td_preview_window_get_view (window)), ==,
                   expected);
  destroy_window (GTK_WINDOW (window), window);
  /* The person's file stays when its preview closes. */
  g_assert_true (g_file_query_exists (output, NULL));
}

/* Over 10 MB the file is still written, and the dialog names the upload limit. */
static void
test_merge_over_limit (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *out_path = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autoptr (GFile) output = g_file_new_for_path (out_path);
  g_autoptr (GFileInfo) info = NULL;
  AdwMessageDialog *dialog;

  show_view (f, f->osh_id);
  g_ptr_array_add (inputs, write_noise_pdf (f, "scan1.pdf", 1400, 1));
  g_ptr_array_add (inputs, write_noise_pdf (f, "scan2.pdf", 1400, 2));
  td_documents_view_merge (f->view, inputs, output);
  while (td_documents_view_get_busy (f->view))
    g_main_context_iteration (NULL, TRUE);
  pump ();
  info = g_file_query_info (output, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpint (g_file_info_get_size (info), >, 10 * 1024 * 1024);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Merged PDF Is Too Large to Upload");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "larger than 10 MB"));
  destroy_window (GTK_WINDOW (dialog), dialog);
}

static void
test_merge_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *bad_path = g_build_filename (f->dir, "notes.pdf", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autoptr (GFile) output = g_file_new_for_path (out_path);
  GtkWindow *dialog;

  show_view (f, f->osh_id);
  g_assert_true (g_file_set_contents (bad_path, "not a pdf", -1, NULL));
  g_ptr_array_add (inputs, render_to (f, td_form_render_plan, "plan.pdf"));
  g_ptr_array_add (inputs, g_file_new_for_path (bad_path));
  td_documents_view_merge (f->view, inputs, output);
  while (td_documents_view_get_busy (f->view))
    g_main_context_iteration (NULL, TRUE);
  pump ();
  g_assert_false (g_file_query_exists (output, NULL));
  dialog = find_toplevel (f, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Merge the PDF Files");
  destroy_window (dialog, dialog);
}

static void
test_unsaved (Fixture *f, gconstpointer data)
{
  TdCourseEditor *editor = td_course_editor_new (f->store, NULL);

  gtk_window_set_child (f->window, GTK_WIDGET (editor));
  pump ();
  g_assert_cmpstr (editor_tab_state (editor, "documents"), ==, "unsaved");
  g_assert_null (td_course_editor_get_section (editor, "documents"));
  gtk_window_set_child (f->window, NULL);
}

static void
test_saved_course (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = td_store_get_course (f->store, f->osh_id, &error);
  TdCourseEditor *editor = td_course_editor_new (f->store, course);

  gtk_window_set_child (f->window, GTK_WIDGET (editor));
  pump ();
  g_assert_cmpstr (editor_tab_state (editor, "documents"), ==, "editor");
  g_assert_true (TD_IS_DOCUMENTS_VIEW (td_course_editor_get_section (editor, "documents")));
  g_assert_nonnull (find_named (GTK_WIDGET (editor), "signin-sheet"));
  gtk_window_set_child (f->window, NULL);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/documents/rows/osh", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_rows, fixture_tear_down);
  g_test_add ("/gui/documents/rows/health", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_rows, fixture_tear_down);
  g_test_add ("/gui/documents/preview", Fixture, NULL, fixture_set_up, test_preview,
              fixture_tear_down);
  g_test_add ("/gui/documents/merge", Fixture, NULL, fixture_set_up, test_merge,
              fixture_tear_down);
  g_test_add ("/gui/documents/merge-over-limit", Fixture, NULL, fixture_set_up,
              test_merge_over_limit, fixture_tear_down);
  g_test_add ("/gui/documents/merge-bad-input", Fixture, NULL, fixture_set_up,
              test_merge_bad_input, fixture_tear_down);
  g_test_add ("/gui/documents/unsaved", Fixture, NULL, fixture_set_up, test_unsaved,
              fixture_tear_down);
  g_test_add ("/gui/documents/saved-course", Fixture, NULL, fixture_set_up, test_saved_course,
              fixture_tear_down);
  return g_test_run ();
}
