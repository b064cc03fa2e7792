/* test-cli-person.c — `tdesk trainee hours add | list | remove | import` and the
 * person findings of `tdesk check --trainee` and the whole-centre check, run as a
 * user runs them. The person's qualification is set up through the core. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "td-store-qualifications.h"
#include "td-trainee.h"
#include "tdesk-runner.h"

typedef struct {
  TdTestFixture cli;
  char *out;
  char *err;
  gint64 trainee_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdTrainee) t = td_trainee_new ();
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autoptr (TdCertificateCycle) c = td_certificate_cycle_new ();

  td_test_fixture_set_up (&f->cli, data);
  store = td_store_open (f->cli.db, &error);
  g_assert_no_error (error);
  t->name = g_strdup ("陳怡君");
  t->national_id = g_strdup ("A123456789");
  g_assert_true (td_store_save_trainee (store, t, &error));
  f->trainee_id = t->id;
  q->trainee_id = t->id;
  q->kind = TD_QUALIFICATION_VR_CE;
  q->qualification = g_strdup ("vr-case-manager");
  q->since = g_strdup ("2020-01-01");
  g_assert_true (td_store_add_qualification (store, q, &error));
  c->trainee_id = t->id;
  c->qualification_id = q->id;
  c->start = g_strdup ("2024-04-01");
  c->end = g_strdup ("2027-03-31");
  g_assert_true (td_store_add_certificate_cycle (store, c, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  td_test_fixture_tear_down (&f->cli, data);
  g_free (f->out);
  g_free (f->err);
}

/* Runs `tdesk ARGS… --db DB`. */
static int
run (Fixture *f, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  va_start (args, f);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->cli.db);
  g_ptr_array_add (argv, NULL);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  return td_test_fixture_run_v (&f->cli, (const char *const *) argv->pdata, &f->out, &f->err);
}

static char *
write_file (Fixture *f, const char *name, const char *text)
{
  char *path = td_test_fixture_path (&f->cli, name);

  td_test_write_file (path, text);
  return path;
}

/* The findings of `check --json` with @rule. */
static guint
count_rule (const char *json, const char *rule, const char *severity)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *array;
  guint n = 0;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member (o, "rule"), rule) == 0
          && g_strcmp0 (json_object_get_string_member (o, "severity"), severity) == 0)
        {
          g_assert_true (json_object_get_null_member (o, "course"));
          g_assert_true (json_object_has_member (o, "session"));
          g_assert_nonnull (json_object_get_string_member (o, "trainee"));
          g_assert_nonnull (json_object_get_string_member (o, "article"));
          g_assert_nonnull (json_object_get_string_member (o, "message"));
          n++;
        }
    }
  return n;
}

static void
test_check_trainee (Fixture *f, gconstpointer data)
{
  /* No hours: within 6 months of the end a warning, after it an error (exit 1). */
  g_assert_cmpint (run (f, "check", "--trainee", "A123456789", "--json", "--today", "2026-10-01",
                        NULL), ==, 0);
  g_assert_cmpuint (count_rule (f->out, "ce.cycle-hours", "warning"), ==, 1);
  g_assert_nonnull (strstr (f->out, "54 h of professional + regulations, 6 h of ethics + quality"));
  g_assert_cmpint (run (f, "check", "--trainee", "1", "--json", "--today", "2027-04-01", NULL),
                   ==, 1);
  g_assert_cmpuint (count_rule (f->out, "ce.cycle-hours", "error"), ==, 1);
  g_assert_cmpuint (count_rule (f->out, "ce.renewal-window", "error"), ==, 1);
  /* The whole centre includes the person; the text output names no course. */
  g_assert_cmpint (run (f, "check", "--today", "2027-04-01", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->out, "error\tce.cycle-hours\t-\t"));
  g_assert_nonnull (strstr (f->out, "[trainee 1] "));
}

static void
test_hours_import_clears (Fixture *f, gconstpointer data)
{
  g_autofree char *good
      = write_file (f, "hours.csv",
                    "national_id,date,title,provider,hours,category,role\r\n"
                    "A123456789,2024-05-01,專業課程,某協會,53.9,ce-professional,\r\n"
                    "A123456789,2024-06-01,專業倫理,某協會,6.1,ce-ethics,\r\n");
  g_autofree char *bad = write_file (f, "bad.csv",
                                     "national_id,date,title,provider,hours,category,role\n"
                                     "A123456789,2024-05-01,x,y,1,ce-quality,\n"
                                     "A123456789,2024-05-01,x,y,1,quality,\n");

  g_assert_cmpint (run (f, "trainee", "hours", "import", bad, NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "bad.csv:3: category: "));
  g_assert_cmpint (run (f, "trainee", "hours", "list", "1", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");

  g_assert_cmpint (run (f, "trainee", "hours", "import", good, NULL), ==, 0);
  g_assert_cmpint (run (f, "check", "--trainee", "1", "--json", "--today", "2026-01-01", NULL),
                   ==, 0);
  /* 53.9 + 6.1: 60 h, but short of the 54 h part. */
  g_assert_nonnull (strstr (f->out, "0.1 h of professional + regulations by 2027-03-31"));
  g_assert_cmpint (run (f, "trainee", "hours", "add", "A123456789", "--date", "2026-01-01",
                        "--title", "法規", "--hours", "0.01", "--category", "ce-regulations",
                        NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "--hours"));
  g_assert_cmpint (run (f, "trainee", "hours", "add", "A123456789", "--date", "2026-01-01",
                        "--title", "法規", "--hours", "0.5", "--category", "ce-regulations",
                        NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "3\n");
  g_assert_cmpint (run (f, "check", "--trainee", "1", "--json", "--today", "2026-01-01", NULL),
                   ==, 0);
  g_assert_cmpuint (count_rule (f->out, "ce.cycle-hours", "info"), ==, 0);

  /* Removing the record brings the finding back; the list no longer shows it. */
  g_assert_cmpint (run (f, "trainee", "hours", "remove", "1", "3", "--reason", "wrong", NULL),
                   ==, 0);
  g_assert_cmpint (run (f, "trainee", "hours", "list", "1", NULL), ==, 0);
  g_assert_null (strstr (f->out, "法規"));
  g_assert_nonnull (strstr (f->out, "2\t2024-06-01\t6.10\tce-ethics\t專業倫理\t某協會\n"));
  g_assert_cmpint (run (f, "check", "--trainee", "1", "--json", "--today", "2026-01-01", NULL),
                   ==, 0);
  g_assert_cmpuint (count_rule (f->out, "ce.cycle-hours", "info"), ==, 1);
  g_assert_cmpint (run (f, "trainee", "hours", "remove", "1", "3", NULL), ==, 2);
}

/* Roles, cycles and leave recorded from the command line. */
static void
test_roles_and_cycles (Fixture *f, gconstpointer data)
{
  /* The fixture's cycle (2024-04-01 – 2027-03-31) has lapsed by 2027-05-01. */
  g_assert_cmpint (run (f, "check", "--trainee", "1", "--json", "--today", "2027-05-01", NULL),
                   ==, 1);
  g_assert_cmpuint (count_rule (f->out, "ce.renewal-window", "error"), ==, 1);
  /* Approved leave of exactly 3 months moves the end to 2027-06-29. */
  g_assert_cmpint (run (f, "trainee", "cycle", "leave", "A123456789", "1", "--from", "2025-01-01",
                        "--until", "2025-03-31", "--approval", "勞動發特字第1號", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "1\n");
  g_assert_cmpint (run (f, "check", "--trainee", "1", "--json", "--today", "2027-05-01", NULL),
                   ==, 0);
  g_assert_cmpuint (count_rule (f->out, "ce.renewal-window", "warning"), ==, 1);
  g_assert_cmpuint (count_rule (f->out, "ce.cycle-hours", "warning"), ==, 1);

  /* A renewed cycle: no renewal finding any more. */
  g_assert_cmpint (run (f, "trainee", "cycle", "add", "1", "--qualification", "1", "--from",
                        "2027-04-01", "--until", "2030-03-31", NULL), ==, 0);
  g_assert_cmpint (run (f, "check", "--trainee", "1", "--json", "--today", "2027-05-01", NULL),
                   ==, 0);
  g_assert_cmpuint (count_rule (f->out, "ce.renewal-window", "warning"), ==, 0);
  g_assert_cmpuint (count_rule (f->out, "ce.renewal-window", "error"), ==, 0);

  g_assert_cmpint (run (f, "trainee", "role", "add", "1", "--role", "13", "--since", "2027-01-01",
                        NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "2\n");
  g_assert_cmpint (run (f, "trainee", "role", "list", "1", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "1\tvr-case-manager\t2020-01-01\n"
                   "\tcycle 1\t2024-04-01\t2027-03-31\n"
                   "\t\tleave 1\t2025-01-01\t2025-03-31\t勞動發特字第1號\n"
                   "\tcycle 2\t2027-04-01\t2030-03-31\n"
                   "2\trole:13\t2027-01-01\n");

  /* Bad input changes nothing. */
  g_assert_cmpint (run (f, "trainee", "role", "add", "1", "--role", "15", "--since", "2027-01-01",
                        NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "role: "));
  g_assert_cmpint (run (f, "trainee", "role", "add", "1", "--qualification", "first-aid",
                        "--since", "2027-01-01", NULL), ==, 2);
  g_assert_cmpint (run (f, "trainee", "cycle", "add", "1", "--qualification", "2", "--from",
                        "2027-04-01", "--until", "2030-03-31", NULL), ==, 2);
  g_assert_cmpint (run (f, "trainee", "cycle", "leave", "1", "1", "--from", "2025-01-01",
                        "--until", "2024-12-31", NULL), ==, 2);
  g_assert_cmpint (run (f, "trainee", "role", "remove", "1", "2", NULL), ==, 0);
  g_assert_cmpint (run (f, "trainee", "role", "remove", "1", "2", NULL), ==, 2);
  g_assert_cmpint (run (f, "trainee", "role", "list", "1", NULL), ==, 0);
  g_assert_null (strstr (f->out, "role:13"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/cli/person/check-trainee", test_check_trainee);
  ADD ("/cli/person/hours-import", test_hours_import_clears);
  ADD ("/cli/person/roles-and-cycles", test_roles_and_cycles);
  return g_test_run ();
}
