/* test-cli-certificates.c — `tdesk certificate …`, `tdesk verify` and
 * `tdesk print certificates`, run as a separate process on the demo centre.
 *
 * The binary's path comes from $TDESK. Each test has its own folder, database and test
 * signing key file ($TRAINING_DESK_SIGNING_KEY_FILE), so no keyring is needed.
 */
#include "config.h"

#include "tdesk-runner.h"

#include <gio/gio.h>
#include <string.h>

typedef TdTestFixture Fixture;

/* The demo centre, reached through TRAINING_DESK_DB, with a test signing key file. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *key = NULL;

  g_assert_nonnull (g_getenv ("TDESK"));
  td_test_fixture_set_up (f, data);
  key = td_test_fixture_path (f, "signing.key");
  f->env_db = g_strdup (f->db);
  td_test_fixture_setenv (f, "TRAINING_DESK_SIGNING_KEY_FILE", key);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "init", "--demo"), ==, 0);
}

/* The value of a "Label:\tvalue" line of `certificate show`. */
static char *
show_field (Fixture *f, const char *number, const char *label)
{
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *prefix = g_strconcat (label, "\t", NULL);

  g_assert_cmpint (run_tdesk (f, &out, NULL, "certificate", "show", number), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  g_assert_not_reached ();
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* Demo course 1 has passed and failed trainees: the passed get consecutive numbers, the
 * others are named on stderr; together they are the whole roster. */
static void
test_issue (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *again = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *roster = NULL;
  g_auto (GStrv) numbers = NULL;
  guint issued;

  /* The roster CSV: a header, then one line per trainee. */
  g_assert_cmpint (run_tdesk (f, &roster, NULL, "roster", "export", "--course", "1"), ==, 0);

  g_assert_cmpint (run_tdesk (f, &out, &err, "certificate", "issue", "--course", "1", "--date",
                              "2025-03-01"), ==, 0);
  issued = count_lines (out);
  g_assert_cmpuint (issued, >, 10);
  g_assert_cmpuint (issued + count_lines (err), ==, count_lines (roster) - 1);
  g_assert_nonnull (strstr (err, "not issued"));
  numbers = g_strsplit (out, "\n", -1);
  for (guint i = 0; i < issued; i++)
    {
      g_autofree char *expected = g_strdup_printf ("114%05u", i + 1);
      g_assert_cmpstr (numbers[i], ==, expected);
    }

  g_assert_cmpint (run_tdesk (f, &again, NULL, "certificate", "issue", "--course", "1"), ==, 0);
  g_assert_cmpstr (again, ==, "");

  g_assert_cmpint (run_tdesk (f, NULL, &usage, "certificate", "issue"), ==, 2);
  g_assert_nonnull (strstr (usage, "--course"));
  g_clear_pointer (&usage, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &usage, "certificate", "issue", "--course", "C99"), ==, 2);
  g_clear_pointer (&usage, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &usage, "certificate", "issue", "--course", "2", "--date",
                              "2025-02-30"), ==, 2);
  g_assert_nonnull (strstr (usage, "2025-02-30"));
}

static void
test_reissue_show_verify (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *old_code = NULL;
  g_autofree char *new_code = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *line = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  g_auto (GStrv) holder_parts = NULL;

  g_assert_cmpint (run_tdesk (f, &out, NULL, "certificate", "issue", "--course", "1", "--date",
                              "2025-03-01"), ==, 0);
  old_code = show_field (f, "11400001", "QR code:");
  holder = show_field (f, "11400001", "Holder:");
  holder_parts = g_strsplit (holder, " (", 2);      /* "name (A12****789)" */
  g_assert_nonnull (strstr (holder, "****"));       /* show masks the ID */

  g_assert_cmpint (run_tdesk (f, &line, NULL, "verify", old_code), ==, 0);
  expected = g_strdup_printf ("valid\t11400001\t%s\t-\n", holder_parts[0]);
  g_assert_cmpstr (line, ==, expected);
  g_clear_pointer (&line, g_free);

  /* Bad reason: usage error, nothing changed. */
  g_assert_cmpint (run_tdesk (f, NULL, &err, "certificate", "reissue", "11400001", "--reason",
                              "stolen"), ==, 2);
  g_assert_nonnull (strstr (err, "lost, damaged or changed"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_tdesk (f, &out, NULL, "certificate", "reissue", "11400001", "--reason",
                              "lost"), ==, 0);
  g_assert_cmpstr (out, ==, "11400001\t1\n");

  g_assert_cmpint (run_tdesk (f, &line, NULL, "verify", old_code), ==, 1);
  g_assert_true (g_str_has_prefix (line, "voided\t11400001\t"));
  g_assert_true (g_str_has_suffix (line, "\tlost\n"));
  g_clear_pointer (&line, g_free);
  new_code = show_field (f, "11400001", "QR code:");
  g_assert_cmpint (run_tdesk (f, &line, NULL, "verify", new_code), ==, 0);
  g_assert_true (g_str_has_prefix (line, "valid\t11400001\t"));
  g_clear_pointer (&line, g_free);

  /* One character of the payload changed. */
  new_code[strlen (new_code) - 5] = new_code[strlen (new_code) - 5] == 'A' ? 'B' : 'A';
  g_assert_cmpint (run_tdesk (f, &line, NULL, "verify", new_code), ==, 1);
  g_assert_true (g_str_has_prefix (line, "invalid\t"));
  g_clear_pointer (&line, g_free);
  g_assert_cmpint (run_tdesk (f, &line, NULL, "verify", "not a code"), ==, 1);
  g_assert_true (g_str_has_prefix (line, "invalid\t-\t-\t"));

  g_assert_cmpint (run_tdesk (f, &shown, NULL, "certificate", "show", "11400001"), ==, 0);
  g_assert_nonnull (strstr (shown, "History:"));
  g_assert_nonnull (strstr (shown, "voided (lost)"));
  g_assert_nonnull (strstr (shown, "reissued"));
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "certificate", "show", "99999999"), ==, 2);
}

static void
test_replace (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *status = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  guint issued;

  g_assert_cmpint (run_tdesk (f, &out, NULL, "certificate", "issue", "--course", "1", "--date",
                              "2025-03-01"), ==, 0);
  issued = count_lines (out);
  g_assert_cmpint (run_tdesk (f, &replaced, NULL, "certificate", "reissue", "11400002",
                              "--reason", "changed", "--date", "2025-03-05"), ==, 0);
  expected = g_strdup_printf ("114%05u\t0\n", issued + 1);   /* the next number, no gap */
  g_assert_cmpstr (replaced, ==, expected);
  status = show_field (f, "11400002", "Status:");
  g_assert_cmpstr (status, ==, "voided (personal data changed)");
  g_assert_cmpint (run_tdesk (f, NULL, &err, "certificate", "reissue", "11400002", "--reason",
                              "lost"), ==, 2);
  g_assert_nonnull (strstr (err, "void"));
}

static void
test_print_and_key (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "cards.pdf", NULL);
  g_autofree char *a4 = g_build_filename (f->dir, "a4.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *list = NULL;
  g_autofree char *key = NULL;
  g_autofree char *err = NULL;
  gsize length = 0;

  /* Nothing issued yet: nothing to print, and no key yet either. */
  g_assert_cmpint (run_tdesk (f, NULL, &err, "print", "certificates", "--course", "1", "-o", pdf),
                   ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "certificate", "public-key"), ==, 2);

  g_assert_cmpint (run_tdesk (f, NULL, NULL, "certificate", "issue", "--course", "1"), ==, 0);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "print", "certificates", "--course", "1", "-o", pdf),
                   ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "print", "certificates", "--course", "1", "-o", a4,
                              "--layout", "a4"), ==, 0);
  g_assert_true (g_file_test (a4, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "print", "certificates", "--course", "1", "-o", a4,
                              "--layout", "a5"), ==, 2);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "print", "diplomas", "--course", "1", "-o", a4), ==, 2);
  g_assert_cmpint (run_tdesk (f, &list, NULL, "print", "--list"), ==, 0);
  g_assert_true (g_str_has_prefix (list, "certificates"));

  g_assert_cmpint (run_tdesk (f, &key, NULL, "certificate", "public-key"), ==, 0);
  g_assert_true (g_str_has_prefix (key, "ed25519:"));
  g_assert_cmpuint (strlen (key), ==, strlen ("ed25519:") + 43 + 1);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, td_test_fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/cli/certificate/issue", test_issue);
  ADD ("/cli/certificate/reissue-show-verify", test_reissue_show_verify);
  ADD ("/cli/certificate/replace", test_replace);
  ADD ("/cli/certificate/print-and-key", test_print_and_key);
  return g_test_run ();
}
