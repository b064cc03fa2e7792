/* test-gui-preview.c — the preview window: a real form rendered in its worker thread,
 * pages, zoom, Save As and printing (exported through GtkPrintOperation), read back with
 * poppler; a renderer that fails, cancelling and closing while rendering.
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "gui-fixture.h"
#include "signing-key-fixture.h"
#include "td-card-renderer.h"
#include "td-certificates.h"
#include "td-demo.h"
#include "td-signing-key.h"
#include "td-forms.h"
#include "td-preview-window-private.h"

#define TODAY "2026-11-23"
/* 85 × 55 mm, the certificate card, in points */
#define CARD_WIDTH (85 / 25.4 * 72)
#define CARD_HEIGHT (55 / 25.4 * 72)

typedef struct {
  char *dir;
  char *db_path;
  TdStore *store;
  gint64 course_id;      /* an OSH demo course with sessions */
} Fixture;

/* What the blocking renderer of the cancel tests shares with the test. */
typedef struct {
  gboolean started;      /* it has reported progress */
  gboolean finished;     /* its user data was freed: the worker let go */
  gboolean saw_cancel;   /* it stopped because it was cancelled */
} Blocker;

/* --- helpers ---------------------------------------------------------------- */

static void
wait_for_render (TdPreviewWindow *window)
{
  while (td_preview_window_get_state (window) == TD_PREVIEW_STATE_RENDERING)
    g_main_context_iteration (NULL, TRUE);
  pump ();
}

static PopplerDocument *
open_pdf (GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
get_page_size (PopplerDocument *document, int index, double *width, double *height)
{
  PopplerPage *page = poppler_document_get_page (document, index);

  g_assert_nonnull (page);
  poppler_page_get_size (page, width, height);
  g_object_unref (page);
}

/* Same number of pages, each of the same size to a hundredth of a point. */
static void
assert_same_pages (GFile *expected, GFile *actual)
{
  PopplerDocument *a = open_pdf (expected);
  PopplerDocument *b = open_pdf (actual);
  int n = poppler_document_get_n_pages (a);

  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (poppler_document_get_n_pages (b), ==, n);
  for (int i = 0; i < n; i++)
    {
      double wa, ha, wb, hb;

      get_page_size (a, i, &wa, &ha);
      get_page_size (b, i, &wb, &hb);
      g_assert_cmpfloat_with_epsilon (wb, wa, 0.01);
      g_assert_cmpfloat_with_epsilon (hb, ha, 0.01);
    }
  g_object_unref (a);
  g_object_unref (b);
}

/* The text of @file's first page, white space removed as test-forms does. */
static char *
first_page_text (GFile *file)
{
  PopplerDocument *document = open_pdf (file);
  PopplerPage *page = poppler_document_get_page (document, 0);
  g_autofree char *text = poppler_page_get_text (page);
  GString *compact = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (compact, g_utf8_get_char (p));
  g_object_unref (page);
  g_object_unref (document);
  return g_string_free (compact, FALSE);
}

static GFile *
fixture_file (Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

/* Whether the header bar's button @name can be used: a disabled action makes it grey. */
static gboolean
button_enabled (TdPreviewWindow *window, const char *name)
{
  GObject *button =
    gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_PREVIEW_WINDOW, name);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (GTK_WIDGET (button));
}

static void
close_window (TdPreviewWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
  g_assert_finalize_object (window);
}

/* --- render functions --------------------------------------------------------- */

static gboolean
render_signin_sheet (const char *db_path, GFile *output, TdPreviewProgress *progress,
                     gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_autoptr (TdStore) store = td_store_open (db_path, error);
  gint64 course_id = *(gint64 *) user_data;

  if (store == NULL)
    return FALSE;
  td_preview_progress_set (progress, 0.5, "signin");
  return td_form_render_signin_sheet (store, course_id, output, error);
}

static gboolean
render_cards (const char *db_path, GFile *output, TdPreviewProgress *progress,
              gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_autoptr (TdStore) store = td_store_open (db_path, error);
  gint64 course_id = *(gint64 *) user_data;

  return store != NULL &&
         td_card_render_course (store, course_id, TD_CARD_LAYOUT_CARD, output, error);
}

/* A card page and a landscape A4 page, as cairo writes them. */
static gboolean
render_mixed_sizes (const char *db_path, GFile *output, TdPreviewProgress *progress,
                    gpointer user_data, GCancellable *cancellable, GError **error)
{
  cairo_surface_t *surface =
    cairo_pdf_surface_create (g_file_peek_path (output), CARD_WIDTH, CARD_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_rectangle (cr, 10, 10, 50, 30);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_pdf_surface_set_size (surface, 841.89, 595.28);
  cairo_rectangle (cr, 100, 100, 50, 30);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return TRUE;
}

static gboolean
render_failing (const char *db_path, GFile *output, TdPreviewProgress *progress,
                gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                       "No Chinese font is installed: install fonts-noto-cjk.");
  return FALSE;
}

/* Reports progress, then writes a little until it is cancelled. */
static gboolean
render_blocking (const char *db_path, GFile *output, TdPreviewProgress *progress,
                 gpointer user_data, GCancellable *cancellable, GError **error)
{
  Blocker *blocker = user_data;

  td_preview_progress_set (progress, 0.25, "page 1 of 4");
  while (!g_cancellable_is_cancelled (cancellable))
    {
      if (!g_file_replace_contents (output, "%PDF-", 5, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                    NULL, error))
        return FALSE;
      g_usleep (2000);
    }
  g_atomic_int_set (&blocker->saw_cancel, TRUE);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
blocker_finished (gpointer data)
{
  Blocker *blocker = data;

  g_atomic_int_set (&blocker->finished, TRUE);
}

/* --- fixture ------------------------------------------------------------------ */

static gint64
find_course_with_sessions (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = td_store_list_courses (store, NULL, 0, 100, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < courses->len; i++)
    {
      TdCourse *course = g_ptr_array_index (courses, i);
      g_autoptr (GPtrArray) sessions = td_store_list_sessions (store, course->id, &error);

      g_assert_no_error (error);
      if (course->regime == TD_REGIME_OSH && sessions->len > 0)
        return course->id;
    }
  g_error ("the demo centre has no OSH course with sessions");
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = gui_temp_store_open ("td-gui-preview-XXXXXX", "desk.db", "tester", &f->dir,
                                 &f->db_path);
  signing_key_fixture_use_dir (f->dir);
  g_assert_true (td_demo_populate (f->store, TODAY, &error));
  g_assert_no_error (error);
  f->course_id = find_course_with_sessions (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  gui_temp_dir_remove (&f->dir);
  g_free (f->db_path);
}

static TdPreviewWindow *
render_in_window (Fixture *f, TdPreviewRenderFunc func, gpointer user_data,
                  GDestroyNotify destroy)
{
  /* The test's own reference, so close_window can see it finalized. */
  TdPreviewWindow *window =
    g_object_ref (td_preview_window_new (NULL, "簽到表 — test", "signin-sheet.pdf"));

  gtk_window_present (GTK_WINDOW (window));
  td_preview_window_render (window, f->db_path, func, user_data, destroy);
  g_assert_cmpint (td_preview_window_get_state (window), ==, TD_PREVIEW_STATE_RENDERING);
  return window;
}

/* --- tests -------------------------------------------------------------------- */

static void
test_form (Fixture *f, gconstpointer data)
{
  gint64 *course_id = g_memdup2 (&f->course_id, sizeof f->course_id);
  TdPreviewWindow *window = render_in_window (f, render_signin_sheet, course_id, g_free);
  g_autoptr (GFile) temporary = NULL;
  g_autoptr (GFile) saved = fixture_file (f, "saved.pdf");
  g_autoptr (GFile) printed = fixture_file (f, "printed.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  TdPdfView *view = td_preview_window_get_view (window);

  g_assert_false (td_preview_window_save_to (window, saved, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_clear_error (&error);
  wait_for_render (window);
  g_assert_cmpint (td_preview_window_get_state (window), ==, TD_PREVIEW_STATE_DOCUMENT);
  g_assert_cmpint (td_pdf_view_get_n_pages (view), >, 0);
  g_assert_true (button_enabled (window, "print_button"));
  g_assert_true (button_enabled (window, "save_button"));
  temporary = g_object_ref (td_preview_window_get_file (window));
  g_assert_true (g_file_query_exists (temporary, NULL));

  g_assert_true (td_preview_window_save_to (window, saved, &error));
  g_assert_no_error (error);
  assert_same_pages (temporary, saved);
  g_assert_true (td_preview_window_export_via_print (window, printed, &error));
  g_assert_no_error (error);
  assert_same_pages (temporary, printed);
  /* The printed pages carry the form, not blank sheets of the right size. */
  text = first_page_text (printed);
  g_assert_nonnull (strstr (text, "學員簽到紀錄"));

  close_window (window);
  g_assert_false (g_file_query_exists (temporary, NULL));
  g_assert_true (g_file_query_exists (saved, NULL));
}

static void
test_navigation (Fixture *f, gconstpointer data)
{
  TdPreviewWindow *window = render_in_window (f, render_mixed_sizes, NULL, NULL);
  TdPdfView *view = td_preview_window_get_view (window);
  GtkWidget *widget = GTK_WIDGET (window);
  double fitted;

  wait_for_render (window);
  g_assert_cmpint (td_pdf_view_get_n_pages (view), ==, 2);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 0);
  g_assert_false (button_enabled (window, "previous_button"));
  g_assert_true (button_enabled (window, "next_button"));
  g_assert_true (gtk_widget_activate_action (widget, "preview.next", NULL));
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 1);
  /* The last page: next is off. */
  g_assert_false (button_enabled (window, "next_button"));
  g_assert_true (button_enabled (window, "previous_button"));
  gtk_widget_activate_action (widget, "preview.next", NULL);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 1);
  g_assert_true (gtk_widget_activate_action (widget, "preview.previous", NULL));
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 0);

  g_assert_true (td_pdf_view_get_fit_width (view));
  pump ();
  fitted = td_pdf_view_get_zoom (view);
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-in", NULL));
  g_assert_false (td_pdf_view_get_fit_width (view));
  g_assert_cmpfloat_with_epsilon (td_pdf_view_get_zoom (view), fitted * 1.25, 1e-9);
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (td_pdf_view_get_zoom (view), fitted / 1.25, 1e-9);
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (widget, "preview.zoom-out", NULL);
  g_assert_cmpfloat (td_pdf_view_get_zoom (view), ==, TD_PDF_VIEW_MIN_ZOOM);
  pump ();
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-fit", NULL));
  g_assert_true (td_pdf_view_get_fit_width (view));
  close_window (window);
}

/* The card and the landscape A4 page keep their sizes through the print operation. */
static void
test_print_sizes (Fixture *f, gconstpointer data)
{
  TdPreviewWindow *window = render_in_window (f, render_mixed_sizes, NULL, NULL);
  g_autoptr (GFile) printed = fixture_file (f, "printed.pdf");
  g_autoptr (GError) error = NULL;
  PopplerDocument *document;
  double width, height;

  wait_for_render (window);
  g_assert_true (td_preview_window_export_via_print (window, printed, &error));
  g_assert_no_error (error);
  assert_same_pages (td_preview_window_get_file (window), printed);
  document = open_pdf (printed);
  get_page_size (document, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, CARD_WIDTH, 0.01);
  g_assert_cmpfloat_with_epsilon (height, CARD_HEIGHT, 0.01);
  get_page_size (document, 1, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.01);
  g_object_unref (document);
  close_window (window);
}

/* The first demo course, oldest first, that certificates can be issued for. */
static gint64
issue_certificates (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = td_store_list_courses (store, NULL, 0, 100, &error);

  g_assert_no_error (error);
  for (guint i = courses->len; i-- > 0;)
    {
      TdCourse *course = g_ptr_array_index (courses, i);
      g_autoptr (GPtrArray) issued =
        td_certificates_issue (store, course->id, TODAY, NULL, &error);

      g_assert_no_error (error);
      if (issued->len > 0)
        return course->id;
    }
  g_error ("no demo course has certificates to issue");
}

/* Real certificate cards: every printed sheet is 85 × 55 mm, as the PDF's pages are. */
static void
test_print_cards (Fixture *f, gconstpointer data)
{
  gint64 course_id = issue_certificates (f->store);
  TdPreviewWindow *window =
    render_in_window (f, render_cards, g_memdup2 (&course_id, sizeof course_id), g_free);
  g_autoptr (GFile) printed = fixture_file (f, "cards.pdf");
  g_autoptr (GError) error = NULL;
  PopplerDocument *document;
  double width, height;

  wait_for_render (window);
  g_assert_cmpint (td_preview_window_get_state (window), ==, TD_PREVIEW_STATE_DOCUMENT);
  g_assert_true (td_preview_window_export_via_print (window, printed, &error));
  g_assert_no_error (error);
  assert_same_pages (td_preview_window_get_file (window), printed);
  document = open_pdf (printed);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      get_page_size (document, i, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, CARD_WIDTH, 0.01);
      g_assert_cmpfloat_with_epsilon (height, CARD_HEIGHT, 0.01);
    }
  g_object_unref (document);
  close_window (window);
}

static void
test_error (Fixture *f, gconstpointer data)
{
  TdPreviewWindow *window = render_in_window (f, render_failing, NULL, NULL);
  g_autoptr (GFile) temporary = g_object_ref (td_preview_window_get_file (window));
  g_autoptr (GFile) saved = fixture_file (f, "saved.pdf");
  g_autoptr (GError) error = NULL;

  wait_for_render (window);
  g_assert_cmpint (td_preview_window_get_state (window), ==, TD_PREVIEW_STATE_ERROR);
  g_assert_cmpstr (td_preview_window_get_error (window), ==,
                   "No Chinese font is installed: install fonts-noto-cjk.");
  g_assert_false (g_file_query_exists (temporary, NULL));
  g_assert_false (button_enabled (window, "print_button"));
  g_assert_false (button_enabled (window, "save_button"));
  g_assert_false (td_preview_window_save_to (window, saved, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_assert_false (g_file_query_exists (saved, NULL));
  close_window (window);
}

static void
test_not_a_pdf (Fixture *f, gconstpointer data)
{
  TdPreviewWindow *window = g_object_ref (td_preview_window_new (NULL, "test", "x.pdf"));
  g_autoptr (GFile) file = fixture_file (f, "not.pdf");

  g_assert_true (g_file_replace_contents (file, "hello", 5, NULL, FALSE, 0, NULL, NULL, NULL));
  td_preview_window_show_file (window, file);
  g_assert_cmpint (td_preview_window_get_state (window), ==, TD_PREVIEW_STATE_ERROR);
  g_assert_nonnull (td_preview_window_get_error (window));
  close_window (window);
  /* A file the person chose is never deleted with the window. */
  g_assert_true (g_file_query_exists (file, NULL));
}

static void
wait_for_blocker (Blocker *blocker, TdPreviewWindow *window, GtkProgressBar *bar)
{
  while (g_strcmp0 (gtk_progress_bar_get_text (bar), "page 1 of 4") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 0.25);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree Blocker *blocker = g_new0 (Blocker, 1);
  TdPreviewWindow *window = render_in_window (f, render_blocking, blocker, blocker_finished);
  GtkProgressBar *bar = GTK_PROGRESS_BAR (
    gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_PREVIEW_WINDOW, "progress_bar"));
  g_autoptr (GFile) temporary = g_object_ref (td_preview_window_get_file (window));

  wait_for_blocker (blocker, window, bar);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "preview.cancel", NULL));
  pump ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  while (!g_atomic_int_get (&blocker->finished))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (blocker->saw_cancel);
  g_assert_false (g_file_query_exists (temporary, NULL));
  g_assert_finalize_object (window);
}

static void
test_close_while_rendering (Fixture *f, gconstpointer data)
{
  g_autofree Blocker *blocker = g_new0 (Blocker, 1);
  TdPreviewWindow *window = render_in_window (f, render_blocking, blocker, blocker_finished);
  GtkProgressBar *bar = GTK_PROGRESS_BAR (
    gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_PREVIEW_WINDOW, "progress_bar"));
  g_autoptr (GFile) temporary = g_object_ref (td_preview_window_get_file (window));

  wait_for_blocker (blocker, window, bar);
  close_window (window);
  while (!g_atomic_int_get (&blocker->finished))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (blocker->saw_cancel);
  g_assert_false (g_file_query_exists (temporary, NULL));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/preview/form", Fixture, NULL, fixture_set_up, test_form, fixture_tear_down);
  g_test_add ("/gui/preview/navigation", Fixture, NULL, fixture_set_up, test_navigation,
              fixture_tear_down);
  g_test_add ("/gui/preview/print-sizes", Fixture, NULL, fixture_set_up, test_print_sizes,
              fixture_tear_down);
  g_test_add ("/gui/preview/print-cards", Fixture, NULL, fixture_set_up, test_print_cards,
              fixture_tear_down);
  g_test_add ("/gui/preview/error", Fixture, NULL, fixture_set_up, test_error,
              fixture_tear_down);
  g_test_add ("/gui/preview/not-a-pdf", Fixture, NULL, fixture_set_up, test_not_a_pdf,
              fixture_tear_down);
  g_test_add ("/gui/preview/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/gui/preview/close-while-rendering", Fixture, NULL, fixture_set_up,
              test_close_while_rendering, fixture_tear_down);
  return g_test_run ();
}
