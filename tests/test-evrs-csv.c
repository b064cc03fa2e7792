/* test-evrs-csv.c — eVRS attendance CSV: import into a course, export for upload, and
 * every kind of bad input leaving the database untouched */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "attendance-fixture.h"
#include "td-attendance-desk.h"
#include "td-evrs-csv.h"
#include "td-store-private.h"

#define HEADER "上課日期,學員姓名,學員身分證字號(或居留證號),時數,離島地區,國際性質,授課者\r\n"
#define EXAMPLE "2015/1/1,王小明,A100000001,2,是,是,否\r\n"

static int
import (Fixture *f, const char *csv, GError **error)
{
  return td_evrs_csv_import_data (f->store, f->course_id, csv, strlen (csv), "evrs.csv", error);
}

static TdAttendanceStatus
cell_status (Fixture *f, int session, gint64 trainee_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = td_store_list_attendance_history (f->store, f->session[session],
                                                                   trainee_id, &error);
  TdAttendance *last;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (last->source, ==, TD_ATTENDANCE_SOURCE_IMPORT);
  return last->status;
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *csv = HEADER EXAMPLE
    "2024/5/6,王小明,A123456789,6,否,否,否\r\n"
    "2024/5/6,陳美玲,b223456782,3,是,否,否\r\n"
    "2024/05/07,王小明,A123456789,3,否,否,是\r\n";

  g_assert_cmpint (import (f, csv, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (cell_status (f, 0, f->trainee[0]), ==, TD_ATTENDANCE_PRESENT);
  g_assert_cmpint (cell_status (f, 1, f->trainee[0]), ==, TD_ATTENDANCE_PRESENT);
  g_assert_cmpint (cell_status (f, 2, f->trainee[0]), ==, TD_ATTENDANCE_PRESENT);
  /* 3 hours on a day of two 3-hour sessions: the first one. */
  g_assert_cmpint (cell_status (f, 0, f->trainee[1]), ==, TD_ATTENDANCE_PRESENT);
  g_assert_cmpint (cell_status (f, 1, f->trainee[1]), ==, TD_ATTENDANCE_ABSENT);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM attendance_event"), ==, 5);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM evrs_flag"), ==, 2);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *rows =
    "2024/5/6,王小明,A123456789,6,否,否,否\r\n"
    "2024/5/6,陳美玲,B223456782,3,是,否,否\r\n"
    "2024/5/7,王小明,A123456789,3,否,是,是\r\n";
  g_autofree char *csv = g_strconcat (HEADER, EXAMPLE, rows, NULL);
  g_autofree char *expected = g_strconcat ("\xEF\xBB\xBF", HEADER, EXAMPLE, rows, NULL);
  g_autofree char *exported = NULL;

  g_assert_cmpint (import (f, csv, &error), ==, 3);
  exported = td_evrs_csv_export_data (f->store, f->course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, expected);

  /* What was exported imports again, and changes no current state. */
  g_assert_cmpint (td_evrs_csv_import_data (f->store, f->course_id, exported, strlen (exported),
                                            "again.csv", &error), ==, 3);
  g_assert_no_error (error);
  g_clear_pointer (&exported, g_free);
  exported = td_evrs_csv_export_data (f->store, f->course_id, &error);
  g_assert_cmpstr (exported, ==, expected);
}

static void
sign_in (Fixture *f, int session, gint64 trainee_id, const char *in_time)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdAttendance) a = td_attendance_new (f->session[session], trainee_id,
                                                  TD_ATTENDANCE_PRESENT);

  a->in_time = g_strdup (in_time);
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  g_assert_no_error (error);
}

/* Leave is not attended: a trainee who signs in after 2 hours of leave attended 1 hour of
 * that session; leave without a sign-in after it is not a day attended at all. */
static void
test_export_partial_leave (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *exported = NULL;

  sign_in (f, 0, f->trainee[0], "09:00");
  g_assert_true (td_store_record_leave (f->store, f->session[1], f->trainee[0], "personal", 120,
                                        NULL, &error));
  sign_in (f, 1, f->trainee[0], "15:00");
  g_assert_true (td_store_record_leave (f->store, f->session[0], f->trainee[1], "sick", 60,
                                        NULL, &error));
  g_assert_no_error (error);
  exported = td_evrs_csv_export_data (f->store, f->course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, "\xEF\xBB\xBF" HEADER EXAMPLE "2024/5/6,王小明,A123456789,4,否,否,否\r\n");
}

static void
test_export_empty_course (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *exported = td_evrs_csv_export_data (f->store, f->course_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, "\xEF\xBB\xBF" HEADER EXAMPLE);
  g_assert_null (td_evrs_csv_export_data (f->store, 999, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
}

/* BOM, LF line ends, quoted fields, the template's note column, spaces around cells,
 * blank and trailing-comma lines, hours with a fraction. */
static void
test_spreadsheet_variants (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *csv =
    "\xEF\xBB\xBF上課日期,學員姓名,學員身分證字號 （或居留證號）,時數,離島地區,國際性質,授課者,"
    "※表頭以及範例部分請勿刪除，資料內容請勿斷行\n"
    "2015/1/1,王小明,A100000001,2,是,是,否,\"第一筆不能刪、不能刪、不能刪\"\n"
    "\"2024/5/6\", 王小明 ,A123456789,\"3.0\",否,否,否,,\n"
    ",,,,,,,\n"
    "2024/5/7,林志豪,C187654325,3,否 ,否,否,\n";

  g_assert_cmpint (import (f, csv, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (cell_status (f, 2, f->trainee[2]), ==, TD_ATTENDANCE_PRESENT);
}

static void
test_big5 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *utf8 = HEADER EXAMPLE "2024/5/6,陳美玲,B223456782,6,否,否,否\r\n";
  gsize length = 0;
  g_autofree char *big5 = g_convert (utf8, -1, "CP950", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  g_assert_cmpint (td_evrs_csv_import_data (f->store, f->course_id, big5, length, "big5.csv",
                                            &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (cell_status (f, 1, f->trainee[1]), ==, TD_ATTENDANCE_PRESENT);
}

/* Each bad file: the import fails, the message names file, line and column, and
 * nothing is written. */
typedef struct {
  const char *name;
  const char *csv;
  const char *expected;  /* a fragment of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "too-few-columns", HEADER EXAMPLE "2024/5/6,王小明,A123456789,6,否,否\r\n",
    "evrs.csv:3: row: the row has 6 fields" },
  { "too-many-columns", HEADER EXAMPLE "2024/5/6,王小明,A123456789,6,否,否,否,多\r\n",
    "evrs.csv:3: row: the row has 8 fields" },
  { "bad-date", HEADER EXAMPLE "2024/2/30,王小明,A123456789,6,否,否,否\r\n",
    "evrs.csv:3: 上課日期: “2024/2/30” is not a date" },
  { "mixed-separators", HEADER EXAMPLE "2024/5-6,王小明,A123456789,6,否,否,否\r\n",
    "evrs.csv:3: 上課日期: “2024/5-6” is not a date" },
  { "five-digit-year", HEADER EXAMPLE "20240/5/6,王小明,A123456789,6,否,否,否\r\n",
    "evrs.csv:3: 上課日期: “20240/5/6” is not a date" },
  { "roc-date", HEADER EXAMPLE "113/5/6,王小明,A123456789,6,否,否,否\r\n",
    "evrs.csv:3: 上課日期: “113/5/6” is not a date" },
  { "bad-id", HEADER EXAMPLE "2024/5/6,王小明,A123456788,6,否,否,否\r\n",
    "evrs.csv:3: 學員身分證字號(或居留證號): “A123456788” is not a valid ID" },
  { "bad-yes-no", HEADER EXAMPLE "2024/5/6,王小明,A123456789,6,否,Y,否\r\n",
    "evrs.csv:3: 國際性質: “Y” is neither 是 nor 否." },
  { "empty-yes-no", HEADER EXAMPLE "2024/5/6,王小明,A123456789,6,否,否,\r\n",
    "evrs.csv:3: 授課者: “” is neither 是 nor 否." },
  { "missing-example", HEADER "2024/5/6,王小明,A123456789,6,否,否,否\r\n",
    "evrs.csv:2: row: the template's example row" },
  { "missing-header", EXAMPLE "2024/5/6,王小明,A123456789,6,否,否,否\r\n",
    "evrs.csv:1: 上課日期: column 1 of the header is “2015/1/1”" },
  { "not-on-roster", HEADER EXAMPLE "2024/5/6,張大同,D211111118,6,否,否,否\r\n",
    "evrs.csv:3: 學員身分證字號(或居留證號): D211111118 is not on this course's roster." },
  { "name-mismatch", HEADER EXAMPLE "2024/5/6,王大明,A123456789,6,否,否,否\r\n",
    "evrs.csv:3: 學員姓名: “王大明” does not match the roster" },
  { "no-session", HEADER EXAMPLE "2024/5/8,王小明,A123456789,3,否,否,否\r\n",
    "evrs.csv:3: 上課日期: the course has no session on 2024/5/8." },
  { "hours-off-boundary", HEADER EXAMPLE "2024/5/6,王小明,A123456789,2,否,否,否\r\n",
    "evrs.csv:3: 時數: 2 hours do not end where a session ends on 2024/5/6" },
  { "hours-too-many", HEADER EXAMPLE "2024/5/6,王小明,A123456789,7,否,否,否\r\n",
    "evrs.csv:3: 時數: 7 hours do not end" },
  { "hours-zero", HEADER EXAMPLE "2024/5/6,王小明,A123456789,0,否,否,否\r\n",
    "evrs.csv:3: 時數: “0” is not a number of hours" },
  { "duplicate-row", HEADER EXAMPLE "2024/5/6,王小明,A123456789,3,否,否,否\r\n"
                                    "2024/5/6,王小明,A123456789,3,否,否,否\r\n",
    "evrs.csv:4: 學員身分證字號(或居留證號): A123456789 has a row for 2024-05-06 already, on line 3." },
  { "line-break", HEADER EXAMPLE "2024/5/6,\"王小明\n\",A123456789,3,否,否,否\r\n",
    "evrs.csv:3: 學員姓名: the field holds a line break" },
  { "no-rows", HEADER EXAMPLE, "evrs.csv: the file has the header and the example row but no "
                               "attendance rows." },
  { "empty", "", "evrs.csv: the file is empty" },
  /* A good row before a bad one: all-or-nothing. */
  { "good-then-bad", HEADER EXAMPLE "2024/5/6,陳美玲,B223456782,6,否,否,否\r\n"
                                    "2024/5/7,王小明,A123456789,3,否,否,不\r\n",
    "evrs.csv:4: 授課者: “不” is neither 是 nor 否." },
};

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (import (f, c->csv, &error), ==, -1);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  if (strstr (error->message, c->expected) == NULL)
    g_error ("%s: “%s” lacks “%s”", c->name, error->message, c->expected);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM attendance_event"), ==, 0);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM evrs_flag"), ==, 0);
}

static void
test_all_problems_listed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *csv = HEADER EXAMPLE
    "2024/13/1,王小明,A123456789,3,否,否,否\r\n"
    "2024/5/6,王小明,A123456788,3,否,否,否\r\n"
    "2024/5/6,陳美玲,B223456782,3,有,否,否\r\n";
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (import (f, csv, &error), ==, -1);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "evrs.csv:3: 上課日期:"));
  g_assert_true (g_str_has_prefix (lines[1], "evrs.csv:4: 學員身分證字號(或居留證號):"));
  g_assert_true (g_str_has_prefix (lines[2], "evrs.csv:5: 離島地區:"));
}

static void
test_many_problems_capped (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) csv = g_string_new (HEADER EXAMPLE);
  g_auto (GStrv) lines = NULL;

  for (int i = 0; i < 200; i++)
    g_string_append (csv, "2024/5/6,王小明,A123456789,3,否,否,X\r\n");
  g_assert_cmpint (import (f, csv->str, &error), ==, -1);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 51);
  g_assert_cmpstr (lines[50], ==, "evrs.csv: … and 150 more problems.");
}

static void
test_import_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "課程紀錄.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent/evrs.csv");

  g_assert_true (g_file_set_contents (path, HEADER EXAMPLE "2024/5/7,王小明,A123456789,3,否,否,X\r\n",
                                      -1, &error));
  g_assert_cmpint (td_evrs_csv_import (f->store, f->course_id, file, &error), ==, -1);
  g_assert_nonnull (strstr (error->message, "課程紀錄.csv:3: 授課者:"));
  g_clear_error (&error);
  g_assert_cmpint (td_evrs_csv_import (f->store, f->course_id, missing, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A re-import sets, changes and clears the flags row by row: an all-否 row removes the
 * cell's flag row, and only that one. */
static void
test_reimport_flags (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (import (f, HEADER EXAMPLE
                           "2024/5/6,王小明,A123456789,3,是,否,否\r\n"
                           "2024/5/6,陳美玲,B223456782,3,否,否,否\r\n"
                           "2024/5/7,王小明,A123456789,3,否,是,是\r\n", &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM evrs_flag"), ==, 2);
  g_assert_cmpint (import (f, HEADER EXAMPLE
                           "2024/5/6,王小明,A123456789,3,否,否,否\r\n"
                           "2024/5/6,陳美玲,B223456782,3,否,是,否\r\n"
                           "2024/5/7,王小明,A123456789,3,否,否,是\r\n", &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM evrs_flag"), ==, 2);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM evrs_flag f JOIN trainee t ON "
                                     "t.id = f.trainee_id WHERE t.national_id = 'B223456782' "
                                     "AND f.date = '2024-05-06' AND offshore = 0 AND "
                                     "international = 1 AND lecturer = 0"), ==, 1);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM evrs_flag f JOIN trainee t ON "
                                     "t.id = f.trainee_id WHERE t.national_id = 'A123456789' "
                                     "AND f.date = '2024-05-07' AND offshore = 0 AND "
                                     "international = 0 AND lecturer = 1"), ==, 1);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM attendance_event"), ==, 10);
}

/* A write that fails on the file's last row takes back every row before it: events and
 * flags are as they were. */
static void
test_write_failure_rolls_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *trigger = NULL;

  g_assert_cmpint (import (f, HEADER EXAMPLE "2024/5/6,王小明,A123456789,3,是,否,否\r\n",
                           &error), ==, 1);
  g_assert_no_error (error);
  trigger = g_strdup_printf ("CREATE TEMP TRIGGER refuse AFTER INSERT ON attendance_event "
                             "WHEN NEW.session_id = %" G_GINT64_FORMAT " BEGIN SELECT RAISE "
                             "(ABORT, 'refused for the test'); END",
                             f->session[2]);
  g_assert_cmpint (sqlite3_exec (td_store_get_db (f->store), trigger, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (import (f, HEADER EXAMPLE
                           "2024/5/6,王小明,A123456789,6,否,否,否\r\n"
                           "2024/5/6,陳美玲,B223456782,3,否,是,否\r\n"
                           "2024/5/7,王小明,A123456789,3,否,否,是\r\n", &error), ==, -1);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "evrs.csv:5: "));
  g_assert_nonnull (strstr (error->message, "refused for the test"));
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM attendance_event"), ==, 2);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM evrs_flag WHERE offshore = 1"), ==, 1);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM evrs_flag"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/evrs-csv/import", test_import);
  ADD ("/evrs-csv/round-trip", test_round_trip);
  ADD ("/evrs-csv/export-empty-course", test_export_empty_course);
  ADD ("/evrs-csv/export-partial-leave", test_export_partial_leave);
  ADD ("/evrs-csv/spreadsheet-variants", test_spreadsheet_variants);
  ADD ("/evrs-csv/big5", test_big5);
  ADD ("/evrs-csv/all-problems-listed", test_all_problems_listed);
  ADD ("/evrs-csv/many-problems-capped", test_many_problems_capped);
  ADD ("/evrs-csv/import-file", test_import_file);
  ADD ("/evrs-csv/reimport-flags", test_reimport_flags);
  ADD ("/evrs-csv/write-failure-rolls-back", test_write_failure_rolls_back);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/evrs-csv/bad/%s", bad_cases[i].name);
      g_test_add (path, Fixture, &bad_cases[i], fixture_set_up, test_bad_input,
                  fixture_tear_down);
    }
  return g_test_run ();
}
