/* test-badges.c — the badge sheet (td_form_render_badges) read back with poppler for its
 * pages and text and with zbarimg (zbar-tools) for its QR codes. */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "td-demo.h"
#include "td-forms.h"
#include "td-trainee-code.h"

/* poppler-glib 22.02 (Debian 12) declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define TODAY "2026-11-23"

typedef struct {
  char *dir;
  TdStore *store;
  gint64 course_id;          /* a demo course with more than one page of badges */
  GPtrArray *enrolments;     /* its TdEnrolment* */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr (GPtrArray) courses = NULL;

  f->dir = g_dir_make_tmp ("test-badges-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "demo.db", NULL);
  f->store = td_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (td_demo_populate (f->store, TODAY, &error));
  g_assert_no_error (error);
  courses = td_store_list_courses (f->store, NULL, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < courses->len && f->course_id == 0; i++)
    {
      TdCourse *c = g_ptr_array_index (courses, i);
      g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (f->store, c->id, &error);

      g_assert_no_error (error);
      if (enrolments->len > 10 && enrolments->len % 10 != 0)
        {
          f->course_id = c->id;
          f->enrolments = g_steal_pointer (&enrolments);
        }
    }
  g_assert_cmpint (f->course_id, >, 0);
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->enrolments, g_ptr_array_unref);
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

/* --- helpers -------------------------------------------------------------------- */

static PopplerDocument *
render (Fixture *f, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  PopplerDocument *doc;

  g_assert_true (td_form_render_badges (f->store, f->course_id, file, &error));
  g_assert_no_error (error);
  doc = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

/* The text of every page with white space removed: a wrapped line still matches. */
static char *
document_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_len (all, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (all, FALSE);
}

static char *
code_of (Fixture *f, gint64 trainee_id)
{
  g_autoptr (GError) error = NULL;
  char *code = td_trainee_code_get (f->store, trainee_id, &error);

  g_assert_no_error (error);
  return code;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Every QR code zbarimg finds on page @index at 300 dpi, one per line, sorted. */
static GStrv
decode_page (Fixture *f, PopplerDocument *doc, int index, const char *zbarimg)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  g_autofree char *png = g_strdup_printf ("%s/page-%d.png", f->dir, index);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png, NULL };
  const double scale = 300.0 / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;
  int status = -1;
  GStrv lines;

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
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  qsort (lines, g_strv_length (lines), sizeof (char *), compare_strings);
  return lines;
}

/* --- tests ---------------------------------------------------------------------- */

static void
test_pages_and_text (Fixture *f, gconstpointer data)
{
  g_autoptr (PopplerDocument) doc = render (f, "badges.pdf");
  g_autofree char *text = document_text (doc);
  g_autoptr (TdCourse) course = td_store_get_course (f->store, f->course_id, NULL);
  int pages = poppler_document_get_n_pages (doc);

  /* Ten a page, the last one partly filled. */
  g_assert_cmpint (pages, ==, (int) (f->enrolments->len + 9) / 10);
  for (int i = 0; i < pages; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 595.28, 1.0);
      g_assert_cmpfloat_with_epsilon (h, 841.89, 1.0);
    }
  g_assert_nonnull (strstr (text, course->title));
  for (guint i = 0; i < f->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (f->enrolments, i);
      g_autofree char *seq = g_strdup_printf ("序號%d", e->seq);

      if (strstr (text, e->trainee->name) == NULL)
        g_error ("%s is not on the badge sheet", e->trainee->name);
      g_assert_nonnull (strstr (text, seq));
      /* Not the ID, not even its digits without the letter. */
      g_assert_nonnull (e->trainee->national_id);
      g_assert_null (strstr (text, e->trainee->national_id));
      g_assert_null (strstr (text, e->trainee->national_id + 1));
    }
}

/* Rendering issues the missing codes (in the store, before drawing) and keeps existing
 * ones; the QR codes decode to each trainee's current code. */
static void
test_qr_codes (Fixture *f, gconstpointer data)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  TdEnrolment *first = g_ptr_array_index (f->enrolments, 0);
  TdEnrolment *second = g_ptr_array_index (f->enrolments, 1);
  g_autofree char *kept = code_of (f, first->trainee->id);
  g_autofree char *voided = code_of (f, second->trainee->id);
  g_autofree char *current = td_trainee_code_regenerate (f->store, second->trainee->id, NULL);
  g_autoptr (PopplerDocument) doc = render (f, "badges.pdf");
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) found = NULL;

  g_assert_nonnull (current);
  for (guint i = 0; i < f->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (f->enrolments, i);
      TdTraineeCodeState state = TD_TRAINEE_CODE_UNKNOWN;
      char *code = code_of (f, e->trainee->id);
      gint64 owner = 0;

      g_assert_true (td_trainee_code_lookup (f->store, code, &state, &owner, NULL, NULL));
      g_assert_cmpint (state, ==, TD_TRAINEE_CODE_VALID);
      g_assert_cmpint (owner, ==, e->trainee->id);
      if (i < 10)
        g_ptr_array_add (expected, code);
      else
        g_free (code);
    }
  g_assert_cmpstr (g_ptr_array_index (expected, 0), ==, kept);
  g_assert_cmpstr (g_ptr_array_index (expected, 1), ==, current);
  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      return;
    }
  found = decode_page (f, doc, 0, zbarimg);
  g_ptr_array_sort (expected, compare_strings);
  g_assert_cmpuint (g_strv_length (found), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (found[i], ==, g_ptr_array_index (expected, i));
  g_assert_false (g_strv_contains ((const char *const *) found, voided));
}

static void
test_empty_roster (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();
  g_autofree char *path = g_build_filename (f->dir, "none.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  c->title = g_strdup ("空班");
  c->category = g_strdup ("first-aid");
  c->start_date = g_strdup ("2026-12-01");
  c->end_date = g_strdup ("2026-12-01");
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_false (td_form_render_badges (f->store, c->id, file, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/badges/pages-and-text", Fixture, NULL, fixture_set_up, test_pages_and_text,
              fixture_tear_down);
  g_test_add ("/badges/qr-codes", Fixture, NULL, fixture_set_up, test_qr_codes,
              fixture_tear_down);
  g_test_add ("/badges/empty-roster", Fixture, NULL, fixture_set_up, test_empty_roster,
              fixture_tear_down);
  return g_test_run ();
}
