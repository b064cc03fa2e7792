/* test-cli-attendance.c — `tdesk trainee code` and `tdesk attendance scan|import|export`,
 * run as a separate process the way a desk script or an administrator runs them.
 *
 * The binary's path comes from $TDESK (set by tests/meson.build). Every test works in
 * its own temporary folder with XDG_DATA_HOME pointing there.
 */
#include "config.h"

#include "tdesk-runner.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef TdTestFixture Fixture;

/* A course whose attendance is still empty: two sessions on one day, two trainees. */
static char *
course_json (const char *id, const char *regime, const char *category, const char *kind,
             const char *third_id)
{
  return g_strdup_printf (
    "{ \"format\": \"training-desk/course@1\",\n"
    "  \"course\": { \"id\": \"%s\", \"regime\": \"%s\", \"category\": \"%s\",\n"
    "    \"kind\": \"%s\", \"title\": \"急救人員安全衛生教育訓練\",\n"
    "    \"period\": \"113-05\", \"start\": \"2024-05-06\", \"end\": \"2024-05-06\" },\n"
    "  \"lecturers\": [ {\"id\": \"L1\", \"name\": \"林怡君\"} ],\n"
    "  \"sessions\": [\n"
    "    {\"id\": \"S1\", \"date\": \"2024-05-06\", \"start\": \"09:00\", \"end\": \"12:00\",\n"
    "     \"subject\": \"急救概論\", \"lecturer\": \"L1\", \"mode\": \"theory\", \"hours\": 3},\n"
    "    {\"id\": \"S2\", \"date\": \"2024-05-06\", \"start\": \"13:00\", \"end\": \"15:00\",\n"
    "     \"subject\": \"CPR實作\", \"lecturer\": \"L1\", \"mode\": \"theory\", \"hours\": 2} ],\n"
    "  \"trainees\": [\n"
    "    {\"id\": \"T1\", \"name\": \"王小明\", \"national_id\": \"A123456789\",\n"
    "     \"employer\": \"瑞峰精密機械股份有限公司\"},\n"
    "    {\"id\": \"T2\", \"name\": \"陳美玲\", \"national_id\": \"%s\"} ] }\n",
    id, regime, category, kind, third_id);
}

/* Creates the database and imports a course on @date; returns the course's database id. */
static char *
import_course_on (Fixture *f, const char *date, const char *id, const char *regime,
                  const char *category, const char *kind, const char *second_id)
{
  g_autofree char *template = course_json (id, regime, category, kind, second_id);
  g_autoptr (GString) json = g_string_new (template);
  g_autofree char *name = g_strdup_printf ("%s.json", id);
  g_autofree char *path = td_test_fixture_path (f, name);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test (f->db, G_FILE_TEST_EXISTS))
    g_assert_cmpint (run_tdesk (f, NULL, NULL, "init", "--db", f->db), ==, 0);
  g_string_replace (json, "2024-05-06", date, 0);
  td_test_write_file (path, json->str);
  g_assert_cmpint (run_tdesk (f, &out, &err, "course", "import", path, "--db", f->db), ==, 0);
  return g_strstrip (g_steal_pointer (&out));
}

static char *
import_course (Fixture *f, const char *id, const char *regime, const char *category,
               const char *kind, const char *second_id)
{
  return import_course_on (f, "2024-05-06", id, regime, category, kind, second_id);
}

static char *
code_of (Fixture *f, const char *trainee, const char *course, gboolean regenerate)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "trainee", "code", trainee, "--db", f->db, NULL, NULL, NULL, NULL };
  guint n = 5;

  if (course != NULL)
    {
      argv[n++] = "--course";
      argv[n++] = course;
    }
  if (regenerate)
    argv[n++] = "--regenerate";
  g_assert_cmpint (td_test_fixture_run_v (f, argv, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return g_strstrip (g_steal_pointer (&out));
}

/* Runs a scan and checks the outcome word that starts the line and the exit status. */
static void
assert_scan (Fixture *f, const char *course, const char *session, const char *code,
             const char *at, const char *word, int status)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = g_strconcat (word, "\t", NULL);

  g_assert_cmpint (run_tdesk (f, &out, &err, "attendance", "scan", "--db", f->db, "--course",
                              course, "--session", session, "--at", at, code), ==, status);
  if (!g_str_has_prefix (out, prefix))
    g_error ("scan %s at %s: expected “%s”, got “%s” (%s)", code, at, word, out, err);
  g_assert_cmpstr (err, ==, "");
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* --- tests ---------------------------------------------------------------------- */

static void
test_trainee_code (Fixture *f, gconstpointer data)
{
  g_autofree char *course = import_course (f, "C1", "osh", "first-aid", "professional",
                                           "B223456782");
  g_autofree char *by_exchange_id = code_of (f, "T1", "C1", FALSE);
  g_autofree char *by_national_id = code_of (f, "a123456789", NULL, FALSE);
  g_autofree char *fresh = code_of (f, "A123456789", NULL, TRUE);
  g_autofree char *err = NULL;

  g_assert_true (g_str_has_prefix (by_exchange_id, "TD1:"));
  g_assert_cmpuint (strlen (by_exchange_id), ==, 36);
  g_assert_cmpstr (by_exchange_id, ==, by_national_id);
  g_assert_cmpstr (fresh, !=, by_exchange_id);
  g_assert_null (strstr (fresh, "A123456789"));

  g_assert_cmpint (run_tdesk (f, NULL, &err, "trainee", "code", "9999", "--db", f->db), ==, 2);
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "trainee", "code", "T9", "--course", "C1", "--db",
                              f->db), ==, 2);
  g_assert_nonnull (strstr (err, "T9"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "trainee", "code", "--db", f->db), ==, 2);
}

/* The counsellor's morning: sign in, a second scan, sign out, a lost badge regenerated,
 * the old badge refused, a stranger's code. */
static void
test_scanner_flow (Fixture *f, gconstpointer data)
{
  g_autofree char *course = import_course (f, "C1", "osh", "first-aid", "professional",
                                           "B223456782");
  g_autofree char *other = import_course (f, "C2", "osh", "first-aid", "professional",
                                          "C187654325");
  g_autofree char *code = code_of (f, "T1", "C1", FALSE);
  g_autofree char *fresh = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (run_tdesk (f, &out, NULL, "attendance", "scan", "--db", f->db, "--course",
                              "C1", "--session", "S1", "--at", "08:58", code), ==, 0);
  g_assert_cmpstr (out, ==, "signed-in\t王小明\tSigned in at 08:58.\n");
  assert_scan (f, "C1", "S1", code, "09:03", "duplicate", 1);
  assert_scan (f, "C1", "S1", code, "12:01", "signed-out", 0);
  assert_scan (f, "C1", "S1", code, "12:30", "duplicate", 1);

  fresh = code_of (f, "T1", "C1", TRUE);
  assert_scan (f, "C1", "S2", code, "12:55", "voided", 1);
  lower = g_ascii_strdown (fresh, -1);
  assert_scan (f, "C1", "S2", lower, "12:56", "signed-in", 0);

  assert_scan (f, "C1", "S2", "TD1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "12:57", "unknown", 1);
  assert_scan (f, "C1", "S2", "E122222229", "12:57", "unknown", 1);
  /* On the other course's roster, not on this one. */
  assert_scan (f, "C1", "S2", "C187654325", "12:58", "not-enrolled", 1);
  /* Typed by hand instead of scanned. */
  assert_scan (f, "C1", "S1", "b223456782", "09:30", "signed-in", 0);
  assert_scan (f, course, "1", "B223456782", "09:31", "duplicate", 1);
}

static void
test_scan_usage (Fixture *f, gconstpointer data)
{
  g_autofree char *course = import_course (f, "C1", "osh", "first-aid", "professional",
                                           "B223456782");
  const char *const *cases[] = {
    (const char *const[]) { "attendance", "scan", "--course", "C1", "A123456789", NULL },
    (const char *const[]) { "attendance", "scan", "--session", "S1", "A123456789", NULL },
    (const char *const[]) { "attendance", "scan", "--course", "C1", "--session", "S1", NULL },
    (const char *const[]) { "attendance", "scan", "--course", "C1", "--session", "S9",
                            "A123456789", NULL },
    (const char *const[]) { "attendance", "scan", "--course", "C9", "--session", "S1",
                            "A123456789", NULL },
    (const char *const[]) { "attendance", "scan", "--course", "C1", "--session", "S1", "--at",
                            "25:00", "A123456789", NULL },
    (const char *const[]) { "attendance", "frobnicate", NULL },
    (const char *const[]) { "attendance", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i][j]);
      g_ptr_array_add (argv, "--db");
      g_ptr_array_add (argv, f->db);
      g_ptr_array_add (argv, NULL);
      g_assert_cmpint (td_test_fixture_run_v (f, (const char *const *) argv->pdata, &out, &err),
                       ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, !=, "");
    }
}

static void
test_evrs_import_export (Fixture *f, gconstpointer data)
{
  g_autofree char *course = import_course (f, "C1", "vr-ce", "vr-case-manager", "continuing",
                                           "B223456782");
  g_autofree char *good = td_test_fixture_path (f, "good.csv");
  g_autofree char *bad = td_test_fixture_path (f, "bad.csv");
  g_autofree char *exported = td_test_fixture_path (f, "out.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *header = "上課日期,學員姓名,學員身分證字號(或居留證號),時數,離島地區,國際性質,授課者\r\n"
                       "2015/1/1,王小明,A100000001,2,是,是,否\r\n";
  g_autofree char *good_csv = g_strconcat (header, "2024/5/6,王小明,A123456789,5,否,否,否\r\n"
                                                   "2024/5/6,陳美玲,B223456782,3,是,否,否\r\n",
                                           NULL);
  g_autofree char *bad_csv = g_strconcat (header, "2024/5/6,陳美玲,B223456782,5,否,否,否\r\n"
                                                  "2024/5/32,王小明,A123456789,5,否,否,否\r\n",
                                          NULL);

  td_test_write_file (good, good_csv);
  td_test_write_file (bad, bad_csv);

  /* A bad file changes nothing: the export afterwards has no data rows. */
  g_assert_cmpint (run_tdesk (f, &out, &err, "attendance", "import", "--course", "C1", bad,
                              "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "bad.csv:4: 上課日期: “2024/5/32” is not a date"));
  g_assert_cmpint (run_tdesk (f, NULL, NULL, "attendance", "export", "--course", "C1",
                              "--format", "evrs", "-o", exported, "--db", f->db), ==, 0);
  text = read_text (exported);
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBF" "上課日期,學員姓名,學員身分證字號(或居留證號),時數,"
                             "離島地區,國際性質,授課者\r\n2015/1/1,王小明,A100000001,2,是,是,否\r\n");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_tdesk (f, &out, NULL, "attendance", "import", "--course", course, good,
                              "--db", f->db), ==, 0);
  g_assert_cmpstr (out, ==, "2\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_tdesk (f, &out, NULL, "attendance", "export", "--course", "C1",
                              "--format", "evrs", "--db", f->db), ==, 0);
  g_assert_cmpstr (out, ==, "\xEF\xBB\xBF" "上課日期,學員姓名,學員身分證字號(或居留證號),時數,"
                            "離島地區,國際性質,授課者\r\n2015/1/1,王小明,A100000001,2,是,是,否\r\n"
                            "2024/5/6,王小明,A123456789,5,否,否,否\r\n"
                            "2024/5/6,陳美玲,B223456782,3,是,否,否\r\n");

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "attendance", "export", "--course", "C1",
                              "--format", "pdf", "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "evrs"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "attendance", "export", "--course", "C1",
                              "--format", "hours", "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "hours"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "attendance", "import", "--course", "C1",
                              "--db", f->db), ==, 2);
}

/* An hours course (seed 004): each session is an activity; a scan awards its hours once. */
static void
test_hours_flow (Fixture *f, gconstpointer data)
{
  g_autofree char *course = import_course (f, "H1", "hours", "learning-hours", "continuing",
                                           "B223456782");
  g_autofree char *code = code_of (f, "T1", "H1", FALSE);
  g_autofree char *old = code_of (f, "T2", "H1", FALSE);
  g_autofree char *fresh = code_of (f, "T2", "H1", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *path = td_test_fixture_path (f, "hours.csv");
  g_autofree char *text = NULL;

  assert_scan (f, "H1", "S2", code, "15:00", "awarded", 0);
  assert_scan (f, "H1", "S2", code, "15:01", "duplicate", 1);
  assert_scan (f, "H1", "S2", old, "15:02", "voided", 1);
  assert_scan (f, "H1", "S2", fresh, "15:03", "awarded", 0);

  g_assert_cmpint (run_tdesk (f, &out, NULL, "attendance", "export", "--course", "H1",
                              "--format", "hours", "-o", path, "--db", f->db), ==, 0);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBF" "活動名稱,活動日期,姓名,身分證統一編號,服務機關,"
                             "實體時數,數位時數,核發時間\r\n"
                             "CPR實作,2024/05/06,王小明,A123456789,瑞峰精密機械股份有限公司,2,0,"
                             "2024-05-06 15:00:00\r\n"
                             "CPR實作,2024/05/06,陳美玲,B223456782,,2,0,2024-05-06 15:03:00\r\n");
}

/* Leave, a correction seen in the cell's history, roll call and make-up, as a clerk
 * enters them after the day. */
static void
test_desk_records (Fixture *f, gconstpointer data)
{
  g_autofree char *course = import_course (f, "C1", "osh", "first-aid", "professional",
                                           "B223456782");
  g_autofree char *later = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run_tdesk (f, NULL, &err, "attendance", "leave", "--course", "C1",
                              "--session", "S2", "T2", "--kind", "病假", "--minutes", "60",
                              "--proof", "診斷證明", "--db", f->db), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_scan (f, "C1", "S2", "B223456782", "13:40", "signed-in", 0);
  g_assert_cmpint (run_tdesk (f, &out, NULL, "attendance", "history", "--course", "C1",
                              "--session", "S2", "T2", "--db", f->db), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "\tdesk\tleave\t-\t-\tsick\t"));
  g_assert_nonnull (strstr (lines[1], "\tscan\tpresent\t13:40\t-\t"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "attendance", "leave", "--course", "C1",
                              "--session", "S2", "T2", "--kind", "事假", "--minutes", "121",
                              "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "between 1 and 120 minutes"));

  g_assert_cmpint (run_tdesk (f, NULL, NULL, "attendance", "rollcall", "--course", "C1",
                              "--session", "S1", "--at", "09:20", "--by", "葉秀娟", "--present",
                              "1", "--absent", "1", "--db", f->db), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "attendance", "rollcall", "--course", "C1",
                              "--session", "S1", "--at", "09:20", "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "who took the roll call"));

  later = import_course_on (f, "2024-08-01", "C2", "osh", "first-aid", "professional",
                            "C187654325");
  g_clear_pointer (&err, g_free);
  /* The same course cannot make itself up; a later run can. */
  g_assert_cmpint (run_tdesk (f, NULL, &err, "attendance", "makeup", "--course", "C1",
                              "--session", "S2", "T1", "--makeup-course", "C1",
                              "--makeup-session", "S2", "--db", f->db), ==, 2);
  g_assert_nonnull (strstr (err, "later run"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_tdesk (f, NULL, &err, "attendance", "makeup", "--course", "C1",
                              "--session", "S2", "T1", "--makeup-course", "C2",
                              "--makeup-session", "S2", "--db", f->db), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, td_test_fixture_set_up, fn, td_test_fixture_tear_down)
  ADD ("/cli/trainee/code", test_trainee_code);
  ADD ("/cli/attendance/scanner-flow", test_scanner_flow);
  ADD ("/cli/attendance/scan-usage", test_scan_usage);
  ADD ("/cli/attendance/evrs", test_evrs_import_export);
  ADD ("/cli/attendance/hours", test_hours_flow);
  ADD ("/cli/attendance/desk-records", test_desk_records);
  return g_test_run ();
}
