/* test-roster-csv.c — 附表八 roster CSV import and export */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "td-csv.h"
#include "td-roster-csv.h"
#include "td-store.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 course_id;
} Fixture;

static gint64
add_course (TdStore *store, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();

  c->title = g_strdup (title);
  c->category = g_strdup ("first-aid");
  c->start_date = g_strdup ("2024-05-06");
  c->end_date = g_strdup ("2024-05-08");
  g_assert_true (td_store_save_course (store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("td-roster-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = td_store_open (f->path, &error);
  g_assert_no_error (error);
  td_store_set_actor (f->store, "tester");
  f->course_id = add_course (f->store, "急救人員安全衛生教育訓練");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

/* Row counts of the tables an import may touch, as one comparable string. */
static char *
snapshot (Fixture *f)
{
  const char *tables[] = { "trainee", "enrolment", "audit_log", "course" };
  g_autoptr (GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (out, "%s=%lld ", tables[i], (long long) sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
load_data (const char *name, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, &error));
  g_assert_no_error (error);
  return data;
}

static int
import_file (Fixture *f, gint64 course_id, const char *name, GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return td_roster_csv_import (f->store, course_id, file, error);
}

static void
assert_valid_roster (Fixture *f, gint64 course_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = td_store_list_enrolments (f->store, course_id, &error);
  TdTrainee *t;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);

  t = ((TdEnrolment *) g_ptr_array_index (rows, 0))->trainee;
  g_assert_cmpstr (t->name, ==, "王小明");
  g_assert_cmpstr (t->national_id, ==, "A123456789");
  g_assert_cmpstr (t->birth_date, ==, "1980-01-02");
  g_assert_cmpstr (t->contact_address, ==, "臺北市大安區\n復興南路一段1號, 5樓");
  g_assert_cmpstr (t->employer, ==, "待業中");
  g_assert_cmpstr (t->email, ==, "ming@example.com.tw");

  t = ((TdEnrolment *) g_ptr_array_index (rows, 1))->trainee;
  g_assert_cmpstr (t->national_id, ==, "B223456782");
  g_assert_cmpstr (t->birth_date, ==, "1985-03-04");
  g_assert_cmpstr (t->employer, ==, "大安營造 \"南區\" 工務所");
  g_assert_cmpstr (t->qualification_ref, ==, "勞安字第123號");
  g_assert_cmpstr (t->remark, ==, "1");

  t = ((TdEnrolment *) g_ptr_array_index (rows, 2))->trainee;
  g_assert_cmpstr (t->name, ==, "阮氏芳");
  g_assert_cmpstr (t->national_id, ==, "A800000014");
  g_assert_cmpstr (t->birth_date, ==, "1990-07-08");
  g_assert_cmpint (((TdEnrolment *) g_ptr_array_index (rows, 2))->seq, ==, 3);
}

static void
test_import_utf8 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  int n = import_file (f, f->course_id, "roster-valid.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);
  assert_valid_roster (f, f->course_id);
}

/* The same roster as Excel in Taiwan saves it: Big5, no BOM. */
static void
test_import_big5 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  g_autofree char *utf8 = load_data ("roster-valid.csv", &length);
  g_autofree char *big5 = g_convert (utf8 + 3, length - 3, "BIG5", "UTF-8", NULL, &length, &error);
  int n;

  g_assert_no_error (error);
  n = td_roster_csv_import_data (f->store, f->course_id, big5, length, "big5.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);
  assert_valid_roster (f, f->course_id);
}

static void
assert_has_line (const char *message, const char *line)
{
  g_auto (GStrv) lines = g_strsplit (message, "\n", -1);

  if (!g_strv_contains ((const char * const *) lines, line))
    g_error ("missing line “%s” in:\n%s", line, message);
}

static void
test_all_problems (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_auto (GStrv) lines = NULL;
  int n = import_file (f, f->course_id, "roster-bad.csv", &error);

  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  assert_has_line (error->message, "roster-bad.csv:3: 姓名: the name is required.");
  assert_has_line (error->message, "roster-bad.csv:4: 身分證統一編號: “A123456788” is not a "
                                   "valid ID: the check digit does not match.");
  assert_has_line (error->message, "roster-bad.csv:4: 出生年月日: “113/02/30” is not a date: "
                                   "Month 2 has no day 30.");
  assert_has_line (error->message, "roster-bad.csv:4: 電子郵件信箱: “chen@” is not an e-mail "
                                   "address.");
  assert_has_line (error->message, "roster-bad.csv:5: 序號: “x” is not a whole number from 1 up.");
  assert_has_line (error->message, "roster-bad.csv:5: 身分證統一編號: A123456789 is listed "
                                   "twice, on lines 2 and 5.");
  assert_has_line (error->message, "roster-bad.csv:6: row: the row has 6 fields but the header "
                                   "names 5 columns.");
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_true (g_str_has_prefix (lines[7], "roster-bad.csv:6: 出生年月日: “abc” is not a date"));

  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_missing_column (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;

  g_assert_cmpint (import_file (f, f->course_id, "roster-missing-column.csv", &error), ==, -1);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "roster-missing-column.csv:1: the header lacks the required columns: "
                   "出生年月日, 身分證統一編號. The first line must name the 附表八 columns.");
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  const char *header_only = "序號,姓名,出生年月日,身分證統一編號\r\n,,,\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;

  g_assert_cmpint (td_roster_csv_import_data (f->store, f->course_id, header_only,
                                              strlen (header_only), "h.csv", &error), ==, -1);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "h.csv: the file names the columns but has no trainee rows.");
  g_assert_cmpint (td_roster_csv_import_data (f->store, f->course_id, "", 0, "e.csv", &error2),
                   ==, -1);
  g_assert_error (error2, TD_ERROR, TD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error2->message, "e.csv: the file is empty"));
}

/* A second import that repeats a person changes nothing, not even the new rows. */
static void
test_already_enrolled (Fixture *f, gconstpointer data)
{
  const char *second = "姓名,出生年月日,身分證統一編號\n"
                       "新同學,1970-05-06,E200111229\n"
                       "王小明,,A123456789\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (import_file (f, f->course_id, "roster-valid.csv", &error), ==, 3);
  g_assert_no_error (error);
  before = snapshot (f);

  g_assert_cmpint (td_roster_csv_import_data (f->store, f->course_id, second, strlen (second),
                                              "second.csv", &error), ==, -1);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "second.csv:3: 身分證統一編號: A123456789 is already on this course's roster.");
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* A store failure on the last row undoes the rows before it. */
static void
test_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER test_refuse BEFORE INSERT ON enrolment "
                                     "WHEN (SELECT national_id FROM trainee WHERE id = "
                                     "NEW.trainee_id) = 'A800000014' BEGIN SELECT RAISE (ABORT, "
                                     "'refused by the test'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = snapshot (f);

  g_assert_cmpint (import_file (f, f->course_id, "roster-valid.csv", &error), ==, -1);
  g_assert_nonnull (error);
  /* Row 3 starts on physical line 6: row 1 spans lines 2–3 and line 4 is blank. */
  g_assert_true (g_str_has_prefix (error->message, "roster-valid.csv:6: 身分證統一編號: "));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* Rows are enrolled in 序號 order whatever their order in the file. */
static void
test_seq_order (Fixture *f, gconstpointer data)
{
  const char *csv = "序號,姓名,出生年月日,身分證統一編號\n"
                    "3,丙,,F130987650\n"
                    "1,甲,,E200111229\n"
                    "2,乙,,P122333449\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_cmpint (td_roster_csv_import_data (f->store, f->course_id, csv, strlen (csv), NULL,
                                              &error), ==, 3);
  g_assert_no_error (error);
  rows = td_store_list_enrolments (f->store, f->course_id, &error);
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (rows, 0))->trainee->name, ==, "甲");
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (rows, 1))->trainee->name, ==, "乙");
  g_assert_cmpstr (((TdEnrolment *) g_ptr_array_index (rows, 2))->trainee->name, ==, "丙");
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  g_autoptr (GPtrArray) records = NULL;
  gint64 other;
  TdCsvRecord *r;

  g_assert_cmpint (import_file (f, f->course_id, "roster-valid.csv", &error), ==, 3);
  csv = td_roster_csv_export_data (f->store, f->course_id, &error);
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (csv, TD_CSV_UTF8_BOM "序號,姓名,出生年月日,身分證統一編號,戶籍地址,"
                                        "連絡地址,電話,電子郵件信箱,學歷,服務單位,資格證書字號,備註\r\n"
                                        "1,王小明,069/01/02,A123456789,"));
  g_assert_nonnull (strstr (csv, "\r\n2,陳美玲,074/03/04,B223456782,"));
  g_assert_nonnull (strstr (csv, ",\"大安營造 \"\"南區\"\" 工務所\","));

  records = td_csv_parse (csv, strlen (csv), "export.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 4);
  r = g_ptr_array_index (records, 1);
  g_assert_cmpuint (r->n_fields, ==, 12);
  g_assert_cmpstr (r->fields[5], ==, "臺北市大安區\n復興南路一段1號, 5樓");
  g_assert_cmpuint (((TdCsvRecord *) g_ptr_array_index (records, 2))->line, ==, 4);

  /* What we write, we read back to the same roster. */
  other = add_course (f->store, "另一班");
  g_assert_cmpint (td_roster_csv_import_data (f->store, other, csv, strlen (csv), "export.csv",
                                              &error), ==, 3);
  g_assert_no_error (error);
  again = td_roster_csv_export_data (f->store, other, &error);
  g_assert_cmpstr (again, ==, csv);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/roster-csv/import-utf8", test_import_utf8);
  ADD ("/roster-csv/import-big5", test_import_big5);
  ADD ("/roster-csv/all-problems", test_all_problems);
  ADD ("/roster-csv/missing-column", test_missing_column);
  ADD ("/roster-csv/empty", test_empty);
  ADD ("/roster-csv/already-enrolled", test_already_enrolled);
  ADD ("/roster-csv/rollback", test_rollback);
  ADD ("/roster-csv/seq-order", test_seq_order);
  ADD ("/roster-csv/export", test_export);
#undef ADD

  return g_test_run ();
}
