/* test-cli-check.c — `tdesk check`: output, JSON, filters, exit codes, bad usage */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "td-cli-check.h"
#include "td-course-file.h"
#include "td-store.h"
#include "tdesk-runner.h"

typedef struct {
  TdTestFixture cli;
  char *out;
  char *err;
} Fixture;

static void
import_file (TdStore *store, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", name, NULL);
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &json, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_course_file_import_data (store, json, length, name, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;

  td_test_fixture_set_up (&f->cli, data);
  store = td_store_open (f->cli.db, &error);
  g_assert_no_error (error);
  import_file (store, "osh-clean.json");
  import_file (store, "osh-violations.json");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  td_test_fixture_tear_down (&f->cli, data);
  g_free (f->out);
  g_free (f->err);
}

/* Points file descriptor @fd at a new temporary file; returns the saved descriptor. */
static int
redirect (int fd, char **name)
{
  g_autoptr (GError) error = NULL;
  int saved = dup (fd);
  int tmp = g_file_open_tmp ("td-cli-check-out-XXXXXX", name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (dup2 (tmp, fd), ==, fd);
  close (tmp);
  return saved;
}

static char *
restore (int fd, int saved, char *name)
{
  char *text = NULL;

  g_assert_cmpint (dup2 (saved, fd), ==, fd);
  close (saved);
  g_assert_true (g_file_get_contents (name, &text, NULL, NULL));
  g_unlink (name);
  g_free (name);
  return text;
}

/* Runs `tdesk check --db DB ARGS…` in process; stdout and stderr go to f->out/f->err. */
static int
run (Fixture *f, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  char *out_name = NULL, *err_name = NULL;
  int saved_out, saved_err, rc;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) "check");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->cli.db);
  va_start (args, f);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  fflush (stdout);
  fflush (stderr);
  saved_out = redirect (STDOUT_FILENO, &out_name);
  saved_err = redirect (STDERR_FILENO, &err_name);
  rc = td_cli_check ((int) argv->len - 1, (char **) argv->pdata);
  fflush (stdout);
  fflush (stderr);
  g_free (f->out);
  g_free (f->err);
  f->out = restore (STDOUT_FILENO, saved_out, out_name);
  f->err = restore (STDERR_FILENO, saved_err, err_name);
  return rc;
}

static void
test_text (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) lines = NULL;
  guint n;

  g_assert_cmpint (run (f, "--today", "2024-07-01", NULL), ==, 1);
  lines = g_strsplit (f->out, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 13);
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_cmpstr (fields[2], ==, "BAD1");   /* the clean course has nothing */
    }
  g_assert_nonnull (strstr (f->out, "error\tfiling.plan-deadline\tBAD1\t職業安全衛生教育訓練規則第25條第1項\t"));
  g_assert_nonnull (strstr (f->out, "\t[session S6] "));
  g_assert_nonnull (strstr (f->out, "\t[trainee T3] "));
  g_assert_cmpstr (f->err, ==, "");
}

static void
test_json (Fixture *f, gconstpointer data)
{
  static const char *const keys[] = { "rule", "severity", "course", "session", "trainee",
                                      "article", "message" };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  gboolean saw_session = FALSE;
  JsonArray *array;

  g_assert_cmpint (run (f, "--course", "BAD1", "--json", "--today", "2024-07-01", NULL), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >, 13);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (o, keys[k]));
      g_assert_cmpstr (json_object_get_string_member (o, "course"), ==, "BAD1");
      if (g_strcmp0 (json_object_get_string_member (o, "rule"), "schedule.evening-end") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (o, "session"), ==, "S6");
          saw_session = TRUE;
        }
    }
  g_assert_true (saw_session);
}

static void
test_clean (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (run (f, "--course", "OK1", "--today", "2024-07-01", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (run (f, "--course", "OK1", "--json", "--today", "2024-07-01", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (f->out), ==, "[]");
}

static void
test_warnings_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (f->cli.db, &error);
  g_autoptr (TdCourse) course = td_store_find_course (store, "OK1", &error);

  /* Certificates not issued yet (the course ended 2024-05-21; due 2024-06-05): a
   * reminder is a warning and exits 0, the missed deadline an error and exits 1. */
  g_assert_no_error (error);
  g_clear_pointer (&course->certificates_issued_on, g_free);
  g_assert_true (td_store_save_course (store, course, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run (f, "--course", "OK1", "--today", "2024-06-01", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "warning\tcertificate.issue-deadline\tOK1\t"));
  g_assert_cmpint (run (f, "--course", "OK1", "--today", "2024-06-06", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->out, "error\tcertificate.issue-deadline\tOK1\t"));
}

static void
test_trainee (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (f->cli.db, &error);
  g_autoptr (TdCourse) course = td_store_find_course (store, "BAD1", &error);
  g_autoptr (TdEnrolment) t3 = td_store_find_enrolment (store, course->id, "T3", &error);
  g_autofree char *by_exchange_id = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (run (f, "--course", "BAD1", "--trainee", "T3", "--today", "2024-07-01", NULL),
                   ==, 1);
  lines = g_strsplit (f->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_nonnull (strstr (lines[i], "[trainee T3] "));
  g_assert_nonnull (strstr (f->out, "attendance.dismissal"));
  by_exchange_id = g_strdup (f->out);

  /* By national ID, across every course the person is on. */
  g_assert_cmpint (run (f, "--trainee", t3->trainee->national_id, "--today", "2024-07-01", NULL),
                   ==, 1);
  g_assert_cmpstr (f->out, ==, by_exchange_id);
}

static void
test_bad_usage (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = td_test_fixture_path (&f->cli, "nope.db");
  char *argv[] = { (char *) "check", (char *) "--db", missing, NULL };

  g_assert_cmpint (run (f, "--today", "2024-13-01", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "--today"));
  g_assert_cmpint (run (f, "--course", "NOPE", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "NOPE"));
  g_assert_cmpint (run (f, "--trainee", "someone", NULL), ==, 2);
  g_assert_cmpint (run (f, "--course", "BAD1", "--trainee", "T99", NULL), ==, 2);
  g_assert_cmpint (run (f, "--bogus", NULL), ==, 2);
  g_assert_cmpint (run (f, "extra", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "extra"));
  g_assert_cmpstr (f->out, ==, "");

  /* A mistyped --db is reported and no empty database appears there. */
  fflush (stdout);
  {
    char *err_name = NULL;
    int saved = redirect (STDERR_FILENO, &err_name);
    g_autofree char *err = NULL;
    int rc = td_cli_check (3, argv);
    fflush (stderr);
    err = restore (STDERR_FILENO, saved, err_name);
    g_assert_cmpint (rc, ==, 2);
    g_assert_nonnull (strstr (err, missing));
  }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/cli/check/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("text", test_text);
  ADD ("json", test_json);
  ADD ("clean", test_clean);
  ADD ("warnings-only", test_warnings_only);
  ADD ("trainee", test_trainee);
  ADD ("bad-usage", test_bad_usage);
#undef ADD
  return g_test_run ();
}
