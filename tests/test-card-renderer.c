/* test-card-renderer.c — certificate cards as PDF, read back with poppler and zbarimg */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "signing-key-fixture.h"
#include "td-card-renderer.h"
#include "td-certificates.h"
#include "td-settings.h"

#define MM_TO_PT (72.0 / 25.4)

/* poppler-glib 22.02 (Debian 12) declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  char *dir;
  TdStore *store;
  gint64 course_id;
  GPtrArray *certificates;
} Fixture;

static cairo_status_t
append_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png_photo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 52, 60);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GByteArray) png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_cb, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static TdCourse *
save_course (TdStore *store, const char *title, TdCourseKind kind, const char *start,
             const char *end)
{
  g_autoptr (GError) error = NULL;
  TdCourse *c = td_course_new ();

  c->title = g_strdup (title);
  c->category = g_strdup ("first-aid");
  c->kind = kind;
  c->start_date = g_strdup (start);
  c->end_date = g_strdup (end);
  c->filing_ref = g_strdup ("勞職授字第1140201234號");
  g_assert_true (td_store_save_course (store, c, &error));
  g_assert_no_error (error);
  return c;
}

static TdTrainee *
enrol (TdStore *store, gint64 course_id, const char *name, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdEnrolment) e = NULL;
  TdTrainee *t = td_trainee_new ();

  t->name = g_strdup (name);
  t->national_id = g_strdup (id);
  t->birth_date = g_strdup ("1985-07-28");
  g_assert_true (td_store_enrol (store, course_id, t, NULL, &e, &error));
  g_assert_true (td_store_set_enrolment_status (store, e->id, TD_ENROLMENT_PASSED, &error));
  g_assert_no_error (error);
  return t;
}

/* Two passed trainees; 王小明 has a photo and later took an in-service course, which
 * the back of his card records. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (TdCourse) later = NULL;
  g_autoptr (TdTrainee) a = NULL;
  g_autoptr (TdTrainee) b = NULL;
  g_autoptr (TdTrainee) again = NULL;
  g_autoptr (TdSession) session = td_session_new ();
  g_autoptr (GBytes) photo = make_png_photo ();
  g_autoptr (TdUnit) unit = td_unit_new ();

  f->store = signing_key_fixture_open_store ("td-card-XXXXXX", "centre.db", NULL, &f->dir);
  unit->title = g_strdup ("財團法人臺灣安全衛生教育訓練基金會");
  g_assert_true (td_store_save_unit (f->store, unit, &error));

  course = save_course (f->store, "急救人員安全衛生教育訓練", TD_COURSE_KIND_PROFESSIONAL,
                        "2025-02-10", "2025-02-12");
  f->course_id = course->id;
  a = enrol (f->store, course->id, "王小明", "A123456789");
  b = enrol (f->store, course->id, "李小華", "B123456780");
  g_assert_true (td_store_set_trainee_photo (f->store, a->id, photo, "image/png", &error));
  g_assert_no_error (error);

  later = save_course (f->store, "急救人員在職教育訓練", TD_COURSE_KIND_IN_SERVICE, "2026-03-02",
                       "2026-03-02");
  session->course_id = later->id;
  session->date = g_strdup ("2026-03-02");
  session->start_time = g_strdup ("09:00");
  session->end_time = g_strdup ("12:00");
  session->subject = g_strdup ("急救新知");
  g_assert_true (td_store_save_session (f->store, session, &error));
  again = enrol (f->store, later->id, "王小明", "A123456789");
  g_assert_no_error (error);

  f->certificates = td_certificates_issue (f->store, course->id, "2025-02-20", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->certificates->len, ==, 2);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_pointer (&f->certificates, g_ptr_array_unref);
  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static PopplerDocument *
render (Fixture *f, TdCardLayout layout, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *doc;

  g_assert_true (td_card_render_course (f->store, f->course_id, layout, file, &error));
  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

static char *
page_text (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  return poppler_page_get_text (page);
}

static void
assert_page_size (PopplerDocument *doc, int index, double w_mm, double h_mm)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  double w, h;

  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w / MM_TO_PT, w_mm, 0.5);
  g_assert_cmpfloat_with_epsilon (h / MM_TO_PT, h_mm, 0.5);
}

static void
test_card_layout (Fixture *f, gconstpointer data)
{
  g_autoptr (PopplerDocument) doc = render (f, TD_CARD_LAYOUT_CARD, "cards.pdf");
  g_autofree char *front = NULL;
  g_autofree char *back = NULL;
  g_autofree char *back2 = NULL;
  g_autofree char *front2 = NULL;

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 4);   /* two cards, two sides */
  for (int i = 0; i < 4; i++)
    assert_page_size (doc, i, 85, 55);

  front = page_text (doc, 0);
  {
    const char *labels[] = { "證字號", "姓名", "訓練日期", "補次", "出生日期",
                             "身分證統一編號", "主管機關備查文號", "發證日期" };
    for (guint j = 0; j < G_N_ELEMENTS (labels); j++)
      g_assert_nonnull (strstr (front, labels[j]));
  }
  g_assert_nonnull (strstr (front, "王小明"));
  g_assert_nonnull (strstr (front, "A123456789"));          /* 附表十 prints the ID in full */
  g_assert_nonnull (strstr (front, "TD11400001"));
  g_assert_nonnull (strstr (front, "114年2月10日至114年2月12日"));
  g_assert_nonnull (strstr (front, "74年7月28日"));
  g_assert_nonnull (strstr (front, "勞職授字第1140201234號"));
  g_assert_nonnull (strstr (front, "財團法人臺灣安全衛生教育訓練基金會"));
  g_assert_null (strstr (front, "相片黏貼處"));              /* his photo fills the box */

  back = page_text (doc, 1);
  g_assert_nonnull (strstr (back, "在職教育訓練紀錄欄"));
  g_assert_nonnull (strstr (back, "章戳"));
  g_assert_nonnull (strstr (back, "急救人員在職教育訓練(3)"));
  g_assert_nonnull (strstr (back, "115"));

  front2 = page_text (doc, 2);
  g_assert_nonnull (strstr (front2, "李小華"));
  g_assert_nonnull (strstr (front2, "相片黏貼處"));
  back2 = page_text (doc, 3);
  g_assert_null (strstr (back2, "急救人員在職教育訓練"));
}

/* x (mm from the left) of the first place @text is found on page @index. */
static double
find_x_mm (PopplerDocument *doc, int index, const char *text)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  GList *found = poppler_page_find_text (page, text);
  double x;

  g_assert_nonnull (found);
  x = ((PopplerRectangle *) found->data)->x1 / MM_TO_PT;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return x;
}

static void
test_a4_layout (Fixture *f, gconstpointer data)
{
  g_autoptr (PopplerDocument) doc = render (f, TD_CARD_LAYOUT_A4, "a4.pdf");
  g_autofree char *front = page_text (doc, 0);
  g_autofree char *back = page_text (doc, 1);

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);   /* one sheet, both sides */
  assert_page_size (doc, 0, 210, 297);
  assert_page_size (doc, 1, 210, 297);
  g_assert_nonnull (strstr (front, "王小明"));
  g_assert_nonnull (strstr (front, "李小華"));
  g_assert_nonnull (strstr (back, "在職教育訓練紀錄欄"));

  /* 王小明's card is the first slot, on the left of the fronts; after a long-edge flip
   * its back must be on the right, where his in-service record is. */
  g_assert_cmpfloat (find_x_mm (doc, 0, "王小明"), <, 105);
  g_assert_cmpfloat (find_x_mm (doc, 1, "急救人員在職教育訓練"), >, 105);
}

/* x of the first character on page @index, in points. */
static double
first_char_x (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  PopplerRectangle *rects = NULL;
  guint n = 0;
  double x;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  g_assert_cmpuint (n, >, 0);
  x = rects[0].x1;
  g_free (rects);
  return x;
}

static void
test_printer_offset (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) plain = render (f, TD_CARD_LAYOUT_CARD, "plain.pdf");
  g_autoptr (PopplerDocument) shifted = NULL;
  g_autofree char *path = g_build_filename (f->dir, "bad.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (td_store_set_setting (f->store, "print-offset-x-mm", "2", &error));
  g_assert_true (td_store_set_setting (f->store, "print-offset-y-mm", "-1.5", &error));
  shifted = render (f, TD_CARD_LAYOUT_CARD, "shifted.pdf");
  g_assert_cmpfloat_with_epsilon (first_char_x (shifted, 0) - first_char_x (plain, 0),
                                  2 * MM_TO_PT, 0.2);

  g_assert_true (td_store_set_setting (f->store, "print-offset-x-mm", "2cm", &error));
  g_assert_false (td_card_render_course (f->store, f->course_id, TD_CARD_LAYOUT_CARD, file,
                                         &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "print-offset-x-mm"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_qr_decodes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = render (f, TD_CARD_LAYOUT_CARD, "qr.pdf");
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  const double scale = 300.0 / 72.0;

  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      return;
    }
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i * 2);
      g_autofree char *png = g_strdup_printf ("%s/front-%d.png", f->dir, i);
      g_autofree char *out = NULL;
      const char *argv[] = { zbarimg, "--raw", "-q", png, NULL };
      const char *code = ((TdCertificate *) g_ptr_array_index (f->certificates, i))->code;
      int status = -1;
      double w, h;
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &w, &h);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w * scale, h * scale);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                    NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_strchomp (out);
      g_assert_cmpstr (out, ==, code);
    }
}

static void
test_nothing_to_print (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) empty = save_course (f->store, "空班", TD_COURSE_KIND_PROFESSIONAL,
                                            "2025-05-01", "2025-05-01");
  g_autofree char *path = g_build_filename (f->dir, "none.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_false (td_card_render_course (f->store, empty->id, TD_CARD_LAYOUT_CARD, file, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_font_check (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_card_check_font (TD_CARD_FONT_FAMILY, &error));
  g_assert_no_error (error);
  /* fontconfig answers an unknown family with a substitute: refused, not boxes. */
  g_assert_false (td_card_check_font ("No Such Family Training Desk", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "No Such Family Training Desk"));
}

static void
test_layout_names (void)
{
  TdCardLayout layout = TD_CARD_LAYOUT_CARD;

  g_assert_true (td_card_layout_from_string ("a4", &layout));
  g_assert_cmpint (layout, ==, TD_CARD_LAYOUT_A4);
  g_assert_true (td_card_layout_from_string ("card", &layout));
  g_assert_cmpint (layout, ==, TD_CARD_LAYOUT_CARD);
  g_assert_false (td_card_layout_from_string ("A5", &layout));
}

typedef struct {
  GString *log;              /* "c1/2 c2/2 d1/2 d2/2 " */
  GCancellable *cancel_at_drawing;
} Progress;

static void
progress_cb (TdCardStage stage, guint done, guint total, gpointer user_data)
{
  Progress *p = user_data;

  g_string_append_printf (p->log, "%c%u/%u ", stage == TD_CARD_STAGE_COLLECTING ? 'c' : 'd',
                          done, total);
  if (stage == TD_CARD_STAGE_DRAWING && p->cancel_at_drawing != NULL)
    g_cancellable_cancel (p->cancel_at_drawing);
}

/* Every card is reported while collected and while drawn, in both layouts, and the
 * result is the same document td_card_render_course() writes. */
static void
test_progress (Fixture *f, gconstpointer data)
{
  const TdCardLayout layouts[] = { TD_CARD_LAYOUT_CARD, TD_CARD_LAYOUT_A4 };
  const int pages[] = { 4, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, "progress.pdf", NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr (GString) log = g_string_new (NULL);
      Progress p = { log, NULL };
      g_autoptr (PopplerDocument) doc = NULL;

      g_assert_true (td_card_render_course_full (f->store, f->course_id, layouts[i], file,
                                                 progress_cb, &p, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (log->str, ==, "c1/2 c2/2 d1/2 d2/2 ");
      doc = poppler_document_new_from_file (uri, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (doc), ==, pages[i]);
    }
}

/* Cancelled after the first card is drawn: the batch stops, nothing is written. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GString) log = g_string_new (NULL);
  Progress p = { log, cancellable };

  g_assert_false (td_card_render_course_full (f->store, f->course_id, TD_CARD_LAYOUT_CARD, file,
                                              progress_cb, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (log->str, ==, "c1/2 c2/2 d1/2 ");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card-renderer/font-check", test_font_check);
  g_test_add_func ("/card-renderer/layout-names", test_layout_names);
  ADD ("/card-renderer/card-layout", test_card_layout);
  ADD ("/card-renderer/a4-layout", test_a4_layout);
  ADD ("/card-renderer/printer-offset", test_printer_offset);
  ADD ("/card-renderer/qr-decodes", test_qr_decodes);
  ADD ("/card-renderer/nothing-to-print", test_nothing_to_print);
  ADD ("/card-renderer/progress", test_progress);
  ADD ("/card-renderer/cancel", test_cancel);
  return g_test_run ();
}
