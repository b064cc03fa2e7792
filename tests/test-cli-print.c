/* test-cli-print.c — `tdesk print` and `tdesk pdf merge`, run as a user would run them.
 *
 * As tests/test-cli.c: tdesk's path comes in $TDESK and every test works in its own
 * temporary folder. The demo centre is made once and copied per test.
 */
#include "config.h"

#include "tdesk-runner.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef TdTestFixture Fixture;

static char *demo_db;      /* made once by main */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  td_test_fixture_set_up (f, data);
  g_assert_true (g_file_get_contents (demo_db, &contents, &length, &error));
  g_assert_true (g_file_set_contents (f->db, contents, length, &error));
}

static void
assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* --- print ------------------------------------------------------------------- */

static void
test_list (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "signin-sheet", "rollcall", "roster", "scores",
                                       "issuance-list", "plan", "schedule", "lecturers",
                                       "inservice-record", "practicum" };
  g_autofree char *out = NULL;

  g_assert_cmpint (run_tdesk (f, &out, NULL, "print", "--list"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s ", names[i]);
      g_autofree char *text = g_strdup_printf ("\n%s", out);
      g_assert_nonnull (strstr (text, line));
    }
}

static void
test_print_every_form (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "signin-sheet", "rollcall", "roster", "scores",
                                       "issuance-list", "plan", "schedule", "lecturers",
                                       "inservice-record", "practicum" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", names[i]);
      g_autofree char *path = td_test_fixture_path (f, name);
      g_autofree char *err = NULL;

      g_assert_cmpint (run_tdesk (f, NULL, &err, "print", names[i], "--course", "1", "-o", path,
                                  "--db", f->db), ==, 0);
      g_assert_cmpstr (err, ==, "");
      assert_pdf (path);
    }
}

static void
test_print_bad_usage (Fixture *f, gconstpointer data)
{
  g_autofree char *path = td_test_fixture_path (f, "out.pdf");
  char *err = NULL;

  g_assert_cmpint (run_tdesk (f, NULL, &err, "print", "certificate-of-nothing", "--course", "1",
                              "-o", path, "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "“certificate-of-nothing” is not a form"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "print", "roster", "-o", path, "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "--course ID is required"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "print", "roster", "--course", "1", "--db", f->db),
                   ==, 2);
  g_assert_nonnull (strstr (err, "-o FILE.pdf is required"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "print", "roster", "--course", "C404", "-o", path,
                              "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "C404"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "print", "--course", "1", "-o", path, "--db", f->db),
                   ==, 2);
  g_assert_nonnull (strstr (err, "exactly one FORM"));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_tdesk (f, NULL, &err, "print", "roster", "--course", "1", "-o",
                              "/nonexistent-folder/roster.pdf", "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent-folder/roster.pdf"));
  g_clear_pointer (&err, g_free);
}

/* Without a Chinese font nothing is printed: a clear error instead of boxes. */
static void
test_print_no_font (Fixture *f, gconstpointer data)
{
  g_autofree char *path = td_test_fixture_path (f, "out.pdf");
  g_autofree char *fonts = td_test_fixture_path (f, "fonts.conf");
  g_autofree char *err = NULL;

  td_test_fixture_setenv (f, "FONTCONFIG_FILE", fonts);
  g_assert_true (g_file_set_contents (fonts,
                                      "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n", -1,
                                      NULL));
  g_assert_cmpint (run_tdesk (f, NULL, &err, "print", "signin-sheet", "--course", "1", "-o", path,
                              "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "No Chinese font is installed (install fonts-noto-cjk)"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- pdf merge ----------------------------------------------------------------- */

static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autofree char *a = td_test_fixture_path (f, "plan.pdf");
  g_autofree char *b = td_test_fixture_path (f, "schedule.pdf");
  g_autofree char *out_path = td_test_fixture_path (f, "merged.pdf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (run_tdesk (f, NULL, NULL, "print", "plan", "--course", "1", "-o", a, "--db",
                              f->db), ==, 0);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "print", "schedule", "--course", "1", "-o", b, "--db",
                              f->db), ==, 0);
  g_assert_cmpint (run_tdesk (f, &out, &err, "pdf", "merge", "-o", out_path, a, b), ==, 0);
  assert_pdf (out_path);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\n", file_size (out_path));
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
}

static void
test_merge_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = td_test_fixture_path (f, "scan.pdf");
  g_autofree char *out_path = td_test_fixture_path (f, "merged.pdf");
  char *err = NULL;

  g_assert_true (g_file_set_contents (bad, "GIF89a", -1, NULL));
  g_assert_cmpint (run_tdesk (f, NULL, &err, "pdf", "merge", "-o", out_path, bad), ==, 2);
  g_assert_nonnull (strstr (err, "scan.pdf"));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_tdesk (f, NULL, &err, "pdf", "merge", "-o", out_path), ==, 2);
  g_assert_nonnull (strstr (err, "at least one IN.pdf"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "pdf", "merge", bad), ==, 2);
  g_assert_nonnull (strstr (err, "-o OUT.pdf is required"));
  g_clear_pointer (&err, g_free);
}

/* A page holding a photo-sized image of noise, which no compression shrinks. */
static void
write_noise_pdf (const char *path, int width, int height, guint32 seed)
{
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image) / 4;
  GRand *rand = g_rand_new_with_seed (seed);
  cairo_t *cr = cairo_create (pdf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      pixels[y * stride + x] = g_rand_int (rand) & 0xffffff;
  cairo_surface_mark_dirty (image);
  cairo_scale (cr, 595.0 / width, 842.0 / height);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (image);
  g_rand_free (rand);
}

/* Over 10 MB the file is still written, with a warning naming the upload limit. Both
 * inputs keep their image in the same PDF object number: the merged file must carry
 * two images, not one image shown twice. */
static void
test_merge_over_limit (Fixture *f, gconstpointer data)
{
  g_autofree char *a = td_test_fixture_path (f, "scan1.pdf");
  g_autofree char *b = td_test_fixture_path (f, "scan2.pdf");
  g_autofree char *out_path = td_test_fixture_path (f, "merged.pdf");
  g_autofree char *err = NULL;

  write_noise_pdf (a, 1400, 1400, 1);
  write_noise_pdf (b, 1400, 1400, 2);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "pdf", "merge", "-o", out_path, a, b), ==, 0);
  g_assert_cmpint (file_size (out_path), >, 10 * 1024 * 1024);
  g_assert_nonnull (strstr (err, "larger than 10 MB"));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("test-cli-print-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo_db = g_build_filename (dir, "demo.db", NULL);
  g_assert_cmpint (run_tdesk (NULL, NULL, NULL, "init", "--demo", "--today", "2026-11-23", "--db",
                              demo_db), ==, 0);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, td_test_fixture_tear_down)
  ADD ("/cli/print/list", test_list);
  ADD ("/cli/print/every-form", test_print_every_form);
  ADD ("/cli/print/bad-usage", test_print_bad_usage);
  ADD ("/cli/print/no-font", test_print_no_font);
  ADD ("/cli/pdf/merge", test_merge);
  ADD ("/cli/pdf/merge-bad", test_merge_bad);
  ADD ("/cli/pdf/merge-over-limit", test_merge_over_limit);
#undef ADD

  status = g_test_run ();
  td_test_remove_tree (dir);
  g_free (demo_db);
  return status;
}
