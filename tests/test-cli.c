/* test-cli.c — the `tdesk` command line, run as a user or script would run it.
 *
 * The binary's path comes from $TDESK (set by tests/meson.build). Every test works in
 * its own temporary folder, with XDG_DATA_HOME pointing there, so the user's real
 * database is never touched.
 */
#include "config.h"

#include "tdesk-runner.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef TdTestFixture Fixture;

/* `course list --json` of @db, parsed. */
static JsonArray *
list_courses (Fixture *f, const char *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonNode *root;

  g_assert_cmpint (run_tdesk (f, &out, &err, "course", "list", "--json", "--db", db), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static gint64
course_trainees (JsonArray *courses, guint index)
{
  return json_object_get_int_member (json_array_get_object_element (courses, index), "trainees");
}

static void
init_db (Fixture *f, const char *db)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tdesk (f, NULL, &err, "init", "--db", db), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

/* A course exchange file as DESIGN.md shows it. */
static const char course_json[] =
  "{ \"format\": \"training-desk/course@1\",\n"
  "  \"course\": { \"id\": \"C1\", \"regime\": \"osh\", \"category\": \"first-aid\",\n"
  "    \"kind\": \"professional\", \"title\": \"急救人員安全衛生教育訓練\",\n"
  "    \"period\": \"113-05\", \"start\": \"2024-05-06\", \"end\": \"2024-05-08\",\n"
  "    \"venue\": {\"name\": \"本中心訓練大樓\",\n"
  "              \"address\": \"臺中市西屯區工業區三十八路168號\"},\n"
  "    \"classroom\": \"第1教室\", \"counsellor\": {\"name\": \"葉秀娟\", \"qualified\": true},\n"
  "    \"capacity\": 40, \"group_discussion\": false, \"filed_on\": \"2024-04-19\",\n"
  "    \"changes\": [{\"filed_on\": \"2024-05-05\", \"force_majeure\": false}],\n"
  "    \"records_archived_on\": null, \"certificates_issued_on\": null },\n"
  "  \"lecturers\": [ {\"id\": \"L1\", \"name\": \"林怡君\"} ],\n"
  "  \"sessions\": [\n"
  "    {\"id\": \"S1\", \"date\": \"2024-05-06\", \"start\": \"09:00\", \"end\": \"12:00\",\n"
  "     \"subject\": \"急救概論\", \"lecturer\": \"L1\", \"mode\": \"theory\", \"hours\": 3},\n"
  "    {\"id\": \"S2\", \"date\": \"2024-05-06\", \"start\": \"13:00\", \"end\": \"16:00\",\n"
  "     \"subject\": \"CPR實作\", \"lecturer\": \"L1\", \"mode\": \"practical\", \"hours\": 3} ],\n"
  "  \"trainees\": [\n"
  "    {\"id\": \"T1\", \"name\": \"王小明\", \"national_id\": \"A123456789\",\n"
  "     \"birth_date\": \"1980-01-02\", \"employer\": \"瑞峰精密機械股份有限公司\"},\n"
  "    {\"id\": \"T2\", \"name\": \"陳美玲\", \"national_id\": \"B234567894\",\n"
  "     \"birth_date\": \"1985-07-30\", \"employer\": \"待業中\"} ],\n"
  "  \"attendance\": [\n"
  "    {\"trainee\": \"T1\", \"session\": \"S1\", \"in\": \"09:05\", \"out\": \"12:00\"},\n"
  "    {\"trainee\": \"T2\", \"session\": \"S1\", \"status\": \"leave\",\n"
  "     \"leave_kind\": \"sick\"} ],\n"
  "  \"scores\": [ {\"trainee\": \"T1\", \"score\": 82} ] }\n";

static const char roster_header[] =
  "序號,姓名,出生年月日,身分證統一編號,戶籍地址,連絡地址,電話,電子郵件信箱,學歷,服務單位,"
  "資格證書字號,備註\r\n";

/* --- tests ---------------------------------------------------------------------- */

static void
test_usage (Fixture *f, gconstpointer data)
{
  const char *const *cases[] = {
    (const char *const[]) { NULL },
    (const char *const[]) { "help", NULL },
    (const char *const[]) { "--help", NULL },
    (const char *const[]) { "frobnicate", NULL },
    (const char *const[]) { "course", NULL },
    (const char *const[]) { "course", "frobnicate", NULL },
    (const char *const[]) { "course", "list", "--frobnicate", NULL },
    (const char *const[]) { "validate-id", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (td_test_fixture_run_v (f, cases[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, !=, "");
    }
  {
    g_autofree char *err = NULL;
    g_assert_cmpint (run_tdesk (f, NULL, &err, "frobnicate"), ==, 2);
    g_assert_nonnull (strstr (err, "frobnicate"));
    g_assert_nonnull (strstr (err, "course import"));
  }
}

static void
test_init (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = td_test_fixture_path (f, "missing.db");
  g_autofree char *err = NULL;
  g_autoptr (JsonArray) courses = NULL;

  init_db (f, f->db);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));
  /* Running it again migrates nothing and keeps the file. */
  init_db (f, f->db);
  courses = list_courses (f, f->db);
  g_assert_cmpuint (json_array_get_length (courses), ==, 0);

  /* Only init creates a database: a mistyped path is an error, not a new file. */
  g_assert_cmpint (run_tdesk (f, NULL, &err, "course", "list", "--db", missing), ==, 2);
  g_assert_nonnull (strstr (err, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static gboolean
has_regime (JsonArray *courses, const char *regime)
{
  for (guint i = 0; i < json_array_get_length (courses); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (courses, i),
                                                    "regime"),
                     regime))
      return TRUE;
  return FALSE;
}

static void
test_init_demo (Fixture *f, gconstpointer data)
{
  g_autofree char *other = td_test_fixture_path (f, "other.db");
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonArray) courses = NULL;
  gint64 enrolled = 0;

  g_assert_cmpint (run_tdesk (f, NULL, NULL, "init", "--demo", "--today", "2024-05-20", "--db",
                              f->db), ==, 0);
  courses = list_courses (f, f->db);
  g_assert_cmpuint (json_array_get_length (courses), ==, 11);
  for (guint i = 0; i < json_array_get_length (courses); i++)
    {
      JsonObject *course = json_array_get_object_element (courses, i);
      g_assert_cmpint (json_object_get_int_member (course, "sessions"), >, 0);
      enrolled += course_trainees (courses, i);
    }
  g_assert_cmpint (enrolled, >=, 280);
  g_assert_cmpint (enrolled, <=, 360);
  g_assert_true (has_regime (courses, "osh") && has_regime (courses, "health")
                 && has_regime (courses, "vr-ce") && has_regime (courses, "hours"));

  /* A second --demo on a centre that has courses is refused and changes nothing. */
  g_assert_cmpint (run_tdesk (f, NULL, &err, "init", "--demo", "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "--demo"));
  g_clear_pointer (&courses, json_array_unref);
  courses = list_courses (f, f->db);
  g_assert_cmpuint (json_array_get_length (courses), ==, 11);

  /* The same day gives the same centre. */
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "init", "--demo", "--today", "2024-05-20", "--db",
                              other), ==, 0);
  g_assert_cmpint (run_tdesk (f, &out1, NULL, "course", "list", "--db", f->db), ==, 0);
  g_assert_cmpint (run_tdesk (f, &out2, NULL, "course", "list", "--db", other), ==, 0);
  g_assert_cmpstr (out1, ==, out2);

  /* Its people hold roles and certificates the checks report on. */
  g_clear_pointer (&out1, g_free);
  g_assert_cmpint (run_tdesk (f, &out1, NULL, "check", "--today", "2024-05-20", "--db", f->db),
                   ==, 1);
  g_assert_nonnull (strstr (out1, "inservice.periodic-hours"));
  g_assert_nonnull (strstr (out1, "ce.renewal-window"));
  g_assert_nonnull (strstr (out1, "ce.cycle-hours"));
  g_assert_nonnull (strstr (out1, "ce.initial-training"));
}

static void
test_validate_id (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_tdesk (f, &out, &err, "validate-id", "A123456789", "a123456789",
                              "A800000014", "AC01234567", "A123456788", "hello"), ==, 1);
  g_assert_cmpstr (out, ==,
                   "A123456789\tvalid\tnational\n"
                   "a123456789\tvalid\tnational\n"
                   "A800000014\tvalid\tarc\n"
                   "AC01234567\tvalid\tarc-old\n"
                   "A123456788\tinvalid\t-\n"
                   "hello\tinvalid\t-\n");
  /* Each invalid ID gets its reason on stderr. */
  g_assert_nonnull (strstr (err, "A123456788"));
  g_assert_nonnull (strstr (err, "hello"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_tdesk (f, &out, NULL, "validate-id", "F131104093", "a900000016"), ==, 0);
  g_assert_cmpstr (out, ==, "F131104093\tvalid\tnational\na900000016\tvalid\tarc\n");
}

static JsonNode *
parse_json_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_course_roundtrip (Fixture *f, gconstpointer data)
{
  g_autofree char *source = td_test_fixture_path (f, "course.json");
  g_autofree char *second_db = td_test_fixture_path (f, "second.db");
  g_autofree char *export1 = td_test_fixture_path (f, "export1.json");
  g_autofree char *export2 = td_test_fixture_path (f, "export2.json");
  g_autofree char *id_text = NULL;
  g_autofree char *stdout_export = NULL;
  g_autofree char *file_export = NULL;
  g_autofree char *table = NULL;
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) second = NULL;
  g_autoptr (JsonArray) courses = NULL;

  td_test_write_file (source, course_json);
  init_db (f, f->db);
  init_db (f, second_db);
  g_assert_cmpint (run_tdesk (f, &id_text, NULL, "course", "import", source, "--db", f->db), ==, 0);
  g_assert_cmpint (g_ascii_strtoll (id_text, NULL, 10), >, 0);

  /* By exchange id to a file, by database id to stdout: the same document. */
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "course", "export", "C1", "-o", export1, "--db",
                              f->db), ==, 0);
  g_strstrip (id_text);
  g_assert_cmpint (run_tdesk (f, &stdout_export, NULL, "course", "export", id_text, "--db",
                              f->db), ==, 0);
  g_assert_true (g_file_get_contents (export1, &file_export, NULL, NULL));
  g_assert_cmpstr (stdout_export, ==, file_export);

  g_assert_cmpint (run_tdesk (f, NULL, NULL, "course", "import", export1, "--db", second_db),
                   ==, 0);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "course", "export", "C1", "-o", export2, "--db",
                              second_db), ==, 0);
  first = parse_json_file (export1);
  second = parse_json_file (export2);
  g_assert_true (json_node_equal (first, second));

  /* The table shows ROC dates and the exchange id. */
  g_assert_cmpint (run_tdesk (f, &table, NULL, "course", "list", "--db", second_db), ==, 0);
  g_assert_nonnull (strstr (table, "113/05/06–113/05/08"));
  g_assert_nonnull (strstr (table, "C1"));
  g_assert_nonnull (strstr (table, "急救人員安全衛生教育訓練"));

  courses = list_courses (f, second_db);
  g_assert_cmpuint (json_array_get_length (courses), ==, 1);
  g_assert_cmpint (course_trainees (courses, 0), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (courses, 0),
                                                  "external_id"), ==, "C1");
}

static void
test_course_import_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = td_test_fixture_path (f, "bad-course.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JsonArray) courses = NULL;
  g_autoptr (GString) broken = g_string_new (course_json);

  /* An invalid checksum in the second trainee's ID. */
  g_string_replace (broken, "B234567894", "B234567895", 1);
  td_test_write_file (bad, broken->str);
  init_db (f, f->db);
  g_assert_cmpint (run_tdesk (f, &out, &err, "course", "import", bad, "--db", f->db), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "bad-course.json"));
  g_assert_nonnull (strstr (err, "national_id"));

  courses = list_courses (f, f->db);
  g_assert_cmpuint (json_array_get_length (courses), ==, 0);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "course", "export", "C9", "--db", f->db), ==, 2);
  g_assert_cmpstr (err, !=, "");
}

static void
test_roster (Fixture *f, gconstpointer data)
{
  g_autofree char *source = td_test_fixture_path (f, "course.json");
  g_autofree char *good = td_test_fixture_path (f, "good.csv");
  g_autofree char *bad = td_test_fixture_path (f, "bad.csv");
  g_autofree char *exported = td_test_fixture_path (f, "roster.csv");
  g_autofree char *good_csv = NULL;
  g_autofree char *bad_csv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = NULL;
  g_autoptr (JsonArray) courses = NULL;

  good_csv = g_strconcat (roster_header,
                          "1,林志明,69/03/15,F131104093,臺中市西屯區文心路三段12號,,0912-345-678,"
                          ",大學,瑞峰精密機械股份有限公司,,\r\n"
                          "2,張淑芬,1990-11-02,A800000014,\"臺中市北屯區崇德路一段5號, 3樓\",,,"
                          ",高職,待業中,,\r\n",
                          NULL);
  bad_csv = g_strconcat (roster_header,
                         "1,黃建宏,70/01/01,A900000016,,,,,大學,聚鼎物流有限公司,,\r\n"
                         "2,吳佩珊,1988-02-30,B234567895,,,,,大學,益新電子有限公司,,\r\n",
                         NULL);
  td_test_write_file (source, course_json);
  td_test_write_file (good, good_csv);
  td_test_write_file (bad, bad_csv);
  init_db (f, f->db);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "course", "import", source, "--db", f->db), ==, 0);

  g_assert_cmpint (run_tdesk (f, &out, &err, "roster", "import", "--course", "C1", good, "--db",
                              f->db), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "2");
  courses = list_courses (f, f->db);
  g_assert_cmpint (course_trainees (courses, 0), ==, 4);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, &out, &err, "roster", "import", "--course", "C1", bad, "--db",
                              f->db), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_regex_match_simple ("bad\\.csv:3: [^:\\n]+: ", err, 0, 0));
  g_clear_pointer (&courses, json_array_unref);
  courses = list_courses (f, f->db);
  g_assert_cmpint (course_trainees (courses, 0), ==, 4);

  g_assert_cmpint (run_tdesk (f, NULL, NULL, "roster", "export", "--course", "C1", "-o",
                              exported, "--db", f->db), ==, 0);
  g_assert_true (g_file_get_contents (exported, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "林志明"));
  g_assert_nonnull (strstr (csv, "A800000014"));
  g_assert_null (strstr (csv, "黃建宏"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "roster", "import", good, "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "--course"));
}

static void
test_db_selection (Fixture *f, gconstpointer data)
{
  g_autofree char *env_db = td_test_fixture_path (f, "from-env.db");
  g_autofree char *source = td_test_fixture_path (f, "course.json");
  g_autofree char *default_db = g_build_filename (f->dir, "training-desk", "training-desk.db",
                                                  NULL);
  g_autoptr (JsonArray) in_env = NULL;
  g_autoptr (JsonArray) in_option = NULL;

  td_test_write_file (source, course_json);

  /* Neither: the default database in XDG_DATA_HOME. */
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "init"), ==, 0);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));

  /* TRAINING_DESK_DB when there is no --db ... */
  f->env_db = g_strdup (env_db);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "init"), ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));

  /* ... and --db wins over it. */
  init_db (f, f->db);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "course", "import", source, "--db", f->db), ==, 0);
  in_option = list_courses (f, f->db);
  g_assert_cmpuint (json_array_get_length (in_option), ==, 1);
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autofree char *out = NULL;

    g_assert_cmpint (run_tdesk (f, &out, NULL, "course", "list", "--json"), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
    in_env = json_array_ref (json_node_get_array (json_parser_get_root (parser)));
  }
  g_assert_cmpuint (json_array_get_length (in_env), ==, 0);
}

static void
test_check (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *file = td_test_fixture_path (f, "course.json");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *rules = NULL;
  g_autoptr (GString) seen = g_string_new (NULL);
  JsonArray *findings;

  init_db (f, f->db);
  td_test_write_file (file, course_json);
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "course", "import", file, "--db", f->db), ==, 0);

  /* Two days after the end: T2 missed both sessions, T1 the second one — 1/5 reached. */
  g_assert_cmpint (run_tdesk (f, &out, &err, "check", "--db", f->db, "--json",
                              "--today", "2024-05-10"), ==, 1);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  findings = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *o = json_array_get_object_element (findings, i);
      g_assert_cmpstr (json_object_get_string_member (o, "course"), ==, "C1");
      if (g_str_equal (json_object_get_string_member (o, "rule"), "attendance.dismissal"))
        g_string_append_printf (seen, "%s ", json_object_get_string_member (o, "trainee"));
    }
  g_assert_cmpstr (seen->str, ==, "T1 T2 ");

  /* One line per finding; only one trainee's with --trainee. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_tdesk (f, &out, NULL, "check", "--db", f->db, "--course", "C1",
                              "--trainee", "B234567894", "--today", "2024-05-10"), ==, 1);
  g_assert_true (g_str_has_prefix (out, "error\tattendance.dismissal\tC1\t"
                                        "職業安全衛生教育訓練規則第33條第2項\t[trainee T2] "));
  g_assert_null (strstr (out, "T1"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "check", "--db", f->db, "--today", "10 May"), ==, 2);
  g_assert_nonnull (strstr (err, "--today"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "check", "--db", f->db, "--course", "C2"), ==, 2);
  g_assert_nonnull (strstr (err, "C2"));
}

static void
test_check_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL;
  int rc;

  /* The demo centre checks cleanly as far as the command goes: findings, not failures. */
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "init", "--demo", "--db", f->db), ==, 0);
  rc = run_tdesk (f, &out, &err, "check", "--db", f->db, "--json");
  g_assert_true (rc == 0 || rc == 1);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, td_test_fixture_set_up, func, td_test_fixture_tear_down)
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/init", test_init);
  ADD ("/cli/init-demo", test_init_demo);
  ADD ("/cli/validate-id", test_validate_id);
  ADD ("/cli/course/roundtrip", test_course_roundtrip);
  ADD ("/cli/course/import-bad", test_course_import_bad);
  ADD ("/cli/roster", test_roster);
  ADD ("/cli/db-selection", test_db_selection);
  ADD ("/cli/check", test_check);
  ADD ("/cli/check-demo", test_check_demo);
#undef ADD

  return g_test_run ();
}
