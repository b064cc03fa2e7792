/* td-bench-attendance.c — how fast the attendance desk is on ten years of data.
 *
 * Builds the big database with td-bench (--keep, same generator and scale), gives every
 * person in it a personal code, then times:
 *   - scans: a new course on that database, 100 people × 10 sessions × (sign-in,
 *     sign-out) = 2,000 scans through td_scan_session, each timed from the typed text
 *     to the committed record; p50 and p99 are printed;
 *   - an eVRS attendance CSV of 100,000 rows (1,000 people × 100 days) imported with
 *     td_evrs_csv_import_data, against inserting the same 100,000 attendance events
 *     through one bare prepared INSERT in one transaction on the same connection, the
 *     two taking turns --import-runs times; the medians and their ratio are printed.
 * It is a benchmark, not a test: it prints figures and never fails on them.
 * Usage: td-bench-attendance [--scale F] [--scans N] [--rows N] [--import-runs N]
 *                            [--keep PATH]
 */
#include "config.h"

#define G_LOG_DOMAIN "td-bench"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "td-evrs-csv.h"
#include "td-scan.h"
#include "td-store-private.h"
#include "td-trainee-code.h"

#define SCAN_PEOPLE 100
#define IMPORT_PEOPLE 1000

typedef struct {
  TdStore *store;
  char *path;
  GPtrArray *ids;          /* national IDs of people in the directory, by trainee id */
} Bench;

/* --- helpers ----------------------------------------------------------------------- */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted, double p)
{
  guint i = (guint) ceil (p * sorted->len) - 1;
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("td-bench-attendance: %s", error ? error->message : "failed");
}

static void
exec_sql (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("td-bench-attendance: %s: %s", sql, sqlite3_errmsg (db));
}

/* --- the big database ---------------------------------------------------------------- */

static void
generate (const char *td_bench, const char *path, double scale)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *scale_text = g_strdup_printf ("%g", scale);
  const char *argv[] = { td_bench, "--keep", path, "--scale", scale_text, "--runs", "1", NULL };
  int status = 0;

  g_print ("generating with %s --scale %s …\n", td_bench, scale_text);
  check (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                       NULL, NULL, &status, &error),
         error);
  check (g_spawn_check_wait_status (status, &error), error);
}

/* Every person gets a code, as if each had been shown theirs once: the code index is
 * as big as the directory. Bulk SQL; tokens from the same generator as the desk's. */
static void
issue_codes (Bench *b)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double t = now_ms ();
  guint n = 0;

  g_assert (sqlite3_open (b->path, &db) == SQLITE_OK);
  exec_sql (db, "BEGIN");
  sqlite3_prepare_v2 (db, "INSERT INTO trainee_code (trainee_id, token, created_at) SELECT id, "
                          "?1, '2024-01-01T00:00:00Z' FROM trainee WHERE id = ?2 AND NOT "
                          "EXISTS (SELECT 1 FROM trainee_code WHERE trainee_id = ?2)",
                      -1, &stmt, NULL);
  for (guint id = 1; id < b->ids->len; id++)
    {
      g_autofree char *token = td_trainee_code_generate (NULL);

      sqlite3_bind_text (stmt, 1, token, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("td-bench-attendance: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
      n++;
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT");
  sqlite3_close (db);
  g_print ("  %-44s %9u in %8.2f s\n", "personal codes issued (bulk SQL)", n,
           (now_ms () - t) / 1000);
}

static void
load_ids (Bench *b)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  b->ids = g_ptr_array_new_with_free_func (g_free);
  g_assert (sqlite3_open (b->path, &db) == SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT id, national_id FROM trainee ORDER BY id", -1, &stmt, NULL);
  g_ptr_array_add (b->ids, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      while (b->ids->len < id)
        g_ptr_array_add (b->ids, NULL);
      g_ptr_array_add (b->ids, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64
add_course (Bench *b, TdRegime regime, const char *category, const char *start, const char *end)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();

  c->regime = regime;
  c->kind = regime == TD_REGIME_VR_CE ? TD_COURSE_KIND_CONTINUING : TD_COURSE_KIND_PROFESSIONAL;
  c->category = g_strdup (category);
  c->title = g_strdup ("bench");
  c->start_date = g_strdup (start);
  c->end_date = g_strdup (end);
  check (td_store_save_course (b->store, c, &error), error);
  return c->id;
}

static gint64
add_session (Bench *b, gint64 course, const char *date, const char *start, const char *end)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSession) s = td_session_new ();

  s->course_id = course;
  s->date = g_strdup (date);
  s->start_time = g_strdup (start);
  s->end_time = g_strdup (end);
  s->subject = g_strdup ("bench");
  check (td_store_save_session (b->store, s, &error), error);
  return s->id;
}

/* Enrols @n people starting at trainee id @first (in one transaction). */
static void
enrol (Bench *b, gint64 course, guint first, guint n)
{
  g_autoptr (GError) error = NULL;

  check (td_store_begin (b->store, &error), error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdTrainee) t = td_store_get_trainee (b->store, first + i, &error);

      check (t != NULL, error);
      check (td_store_enrol (b->store, course, t, NULL, NULL, &error), error);
    }
  check (td_store_commit (b->store, &error), error);
}

/* --- scans ----------------------------------------------------------------------------- */

/* What one durable commit costs on this disk: the floor under any write. */
static void
bench_commit_floor (Bench *b)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = td_store_get_db (b->store);

  for (int i = 0; i < 200; i++)
    {
      double t = now_ms ();

      exec_sql (db, "BEGIN IMMEDIATE; INSERT INTO setting (key, value) VALUES ('bench', 'x') "
                    "ON CONFLICT DO UPDATE SET value = value || 'x'; COMMIT");
      t = now_ms () - t;
      g_array_append_val (samples, t);
    }
  exec_sql (db, "DELETE FROM setting WHERE key = 'bench'");
  g_array_sort (samples, compare_doubles);
  g_print ("  %-44s p50 %.3f ms   p99 %.3f ms\n", "one-row commit (the disk's fsync floor)",
           percentile (samples, 0.5), percentile (samples, 0.99));
}

static void
bench_scans (Bench *b, guint n_scans, const char *label, int year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint sessions = MAX (1, n_scans / (2 * SCAN_PEOPLE));
  g_autofree char *start = g_strdup_printf ("%d-01-01", year);
  g_autofree char *end = g_strdup_printf ("%d-12-31", year);
  gint64 course = add_course (b, TD_REGIME_OSH, "first-aid", start, end);
  guint first = b->ids->len / 2 + (year % 2) * SCAN_PEOPLE;
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  guint counts[TD_SCAN_UNKNOWN + 1] = { 0 };

  enrol (b, course, first, SCAN_PEOPLE);
  for (guint i = 0; i < SCAN_PEOPLE; i++)
    g_ptr_array_add (codes, td_trainee_code_get (b->store, first + i, &error));

  for (guint s = 0; s < sessions; s++)
    {
      g_autofree char *date = g_strdup_printf ("%d-%02u-%02u", year, 1 + s / 28 % 12, 1 + s % 28);
      gint64 session = add_session (b, course, date, s % 2 ? "13:00" : "08:00",
                                    s % 2 ? "17:00" : "12:00");

      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < SCAN_PEOPLE; i++)
          {
            g_autoptr (GDateTime) now = NULL;
            g_autoptr (TdScanResult) r = NULL;
            int y, m, d;
            double t;

            sscanf (date, "%d-%d-%d", &y, &m, &d);
            now = g_date_time_new_local (y, m, d, (s % 2 ? 13 : 8) + pass * 3, i % 60, 0);
            t = now_ms ();
            r = td_scan_session (b->store, session, g_ptr_array_index (codes, i), now, &error);
            t = now_ms () - t;
            check (r != NULL, error);
            counts[r->outcome]++;
            g_array_append_val (samples, t);
          }
    }
  g_array_sort (samples, compare_doubles);
  g_print ("  %-44s %9u scans (%u signed in, %u signed out, %u other)\n", label, samples->len, counts[TD_SCAN_SIGNED_IN],
           counts[TD_SCAN_SIGNED_OUT],
           samples->len - counts[TD_SCAN_SIGNED_IN] - counts[TD_SCAN_SIGNED_OUT]);
  g_print ("  %-44s p50 %.3f ms   p99 %.3f ms   max %.3f ms\n", "", percentile (samples, 0.5),
           percentile (samples, 0.99), g_array_index (samples, double, samples->len - 1));
}

/* --- eVRS import against bare inserts ------------------------------------------------------ */

typedef struct {
  gint64 course;
  GArray *sessions;        /* gint64, one per day */
  guint first;             /* first trainee id on the roster */
  guint people;
  guint days;
} ImportPlan;

static char *
make_csv (Bench *b, const ImportPlan *p)
{
  GString *csv = g_string_new ("上課日期,學員姓名,學員身分證字號(或居留證號),時數,離島地區,"
                               "國際性質,授課者\r\n2015/1/1,王小明,A100000001,2,是,是,否\r\n");
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) first_day = g_date_time_new_utc (2031, 1, 1, 0, 0, 0);

  for (guint i = 0; i < p->people; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TdTrainee) t = td_store_get_trainee (b->store, p->first + i, &error);

      check (t != NULL, error);
      g_ptr_array_add (names, g_strdup (t->name));
    }
  for (guint d = 0; d < p->days; d++)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (first_day, d);
      g_autofree char *text = g_date_time_format (date, "%Y/%-m/%-d");

      for (guint i = 0; i < p->people; i++)
        g_string_append_printf (csv, "%s,%s,%s,3,否,否,否\r\n", text,
                                (const char *) g_ptr_array_index (names, i),
                                (const char *) g_ptr_array_index (b->ids, p->first + i));
    }
  return g_string_free (csv, FALSE);
}

static ImportPlan
plan_import (Bench *b, guint rows)
{
  ImportPlan p = { 0 };
  g_autoptr (GDateTime) first_day = g_date_time_new_utc (2031, 1, 1, 0, 0, 0);

  p.people = MIN (IMPORT_PEOPLE, rows);
  p.days = MAX (1, rows / p.people);
  p.first = 1;
  p.course = add_course (b, TD_REGIME_VR_CE, "vr-case-manager", "2031-01-01", "2031-12-31");
  p.sessions = g_array_new (FALSE, FALSE, sizeof (gint64));
  enrol (b, p.course, p.first, p.people);
  for (guint d = 0; d < p.days; d++)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (first_day, d);
      g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
      gint64 id = add_session (b, p.course, iso, "09:00", "12:00");

      g_array_append_val (p.sessions, id);
    }
  return p;
}

/* The same events as the import writes, through one prepared INSERT in one transaction
 * on the store's own connection: the same pragmas and the same page cache as the
 * import, so the two differ only in what the import does per row. */
static double
bare_inserts (Bench *b, const ImportPlan *p)
{
  sqlite3 *db = td_store_get_db (b->store);
  sqlite3_stmt *stmt = NULL;
  double t;

  t = now_ms ();
  exec_sql (db, "BEGIN IMMEDIATE");
  sqlite3_prepare_v2 (db, "INSERT INTO attendance_event (session_id, trainee_id, status, source, "
                          "recorded_by, recorded_at) VALUES (?1, ?2, 'present', 'import', "
                          "'bench', '2031-12-31T00:00:00Z')",
                      -1, &stmt, NULL);
  for (guint d = 0; d < p->days; d++)
    for (guint i = 0; i < p->people; i++)
      {
        sqlite3_bind_int64 (stmt, 1, g_array_index (p->sessions, gint64, d));
        sqlite3_bind_int64 (stmt, 2, p->first + i);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          g_error ("td-bench-attendance: %s", sqlite3_errmsg (db));
        sqlite3_reset (stmt);
      }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT");
  return now_ms () - t;
}

/* With an even count, the mean of the middle two: the runs alternate which side goes
 * first, and the median should not take one order's value. */
static double
median_of (GArray *values)
{
  g_autoptr (GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
time_import (Bench *b, const ImportPlan *p, const char *csv, int *imported)
{
  g_autoptr (GError) error = NULL;
  double t = now_ms ();

  *imported = td_evrs_csv_import_data (b->store, p->course, csv, strlen (csv), "bench.csv",
                                       &error);
  t = now_ms () - t;
  check (*imported >= 0, error);
  return t;
}

/* One import and its bare inserts, on a course of their own; which goes first
 * alternates from run to run. Each side starts on an empty write-ahead log and pays
 * for checkpointing only what it wrote itself. */
static void
import_once (Bench *b, guint rows, gboolean bare_first, double *import_ms, double *bare_ms,
             int *imported)
{
  ImportPlan p = plan_import (b, rows);
  g_autofree char *csv = make_csv (b, &p);
  sqlite3 *db = td_store_get_db (b->store);

  exec_sql (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  if (bare_first)
    {
      *bare_ms = bare_inserts (b, &p);
      exec_sql (db, "PRAGMA wal_checkpoint(TRUNCATE)");
    }
  *import_ms = time_import (b, &p, csv, imported);
  if (!bare_first)
    {
      exec_sql (db, "PRAGMA wal_checkpoint(TRUNCATE)");
      *bare_ms = bare_inserts (b, &p);
    }
  g_array_unref (p.sessions);
}

/* The two sides take turns, each run on a new course, so that what the machine does
 * meanwhile and the tables' growth fall on both alike; the medians are compared. */
static void
bench_import (Bench *b, guint rows, guint runs)
{
  g_autoptr (GArray) imports = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bares = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  double import_ms, bare_ms, ratio;
  int imported = 0;

  for (guint i = 0; i < runs; i++)
    {
      import_once (b, rows, i % 2 == 1, &import_ms, &bare_ms, &imported);
      ratio = bare_ms / import_ms;
      g_array_append_val (imports, import_ms);
      g_array_append_val (bares, bare_ms);
      g_array_append_val (ratios, ratio);
      g_print ("  run %-40u import %8.3f s   bare %8.3f s   %5.1f %%\n", i + 1,
               import_ms / 1000, bare_ms / 1000, 100 * ratio);
    }
  import_ms = median_of (imports);
  bare_ms = median_of (bares);
  g_print ("median of %u runs:\n", runs);
  g_print ("  %-44s %9d rows in %8.3f s  (%.0f rows/s)\n", "eVRS CSV import, td_evrs_csv_import",
           imported, import_ms / 1000, imported / (import_ms / 1000));
  g_print ("  %-44s %9d rows in %8.3f s  (%.0f rows/s)\n", "same events, bare prepared INSERT",
           imported, bare_ms / 1000, imported / (bare_ms / 1000));
  g_print ("  %-44s %9.1f %%  (median of the runs' ratios %.1f %%)\n",
           "import speed / bare insert speed", 100 * bare_ms / import_ms,
           100 * median_of (ratios));
}

/* --- main ------------------------------------------------------------------------------------ */

static char *
find_td_bench (const char *argv0)
{
  const char *env = g_getenv ("TD_BENCH");
  g_autofree char *dir = g_path_get_dirname (argv0);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (dir, "td-bench", NULL);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *keep = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *td_bench = find_td_bench (argv[0]);
  double scale = 1.0;
  int scans = 2000, rows = 100000, import_runs = 6;
  Bench b = { 0 };
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Generate the database at PATH and keep it",
      "PATH" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Size of the database, as td-bench (default 1)",
      "F" },
    { "scans", 0, 0, G_OPTION_ARG_INT, &scans, "Scans to time (default 2000)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows of the eVRS CSV (default 100000)", "N" },
    { "import-runs", 0, 0, G_OPTION_ARG_INT, &import_runs,
      "Imports and bare inserts to time, taking turns (default 6)", "N" },
    { NULL },
  };

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times scans and the eVRS import on ten years of a "
                                         "busy training centre.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || scale <= 0 || scale > 10 ||
      scans < 2 || rows < 1 || import_runs < 1)
    {
      g_printerr ("td-bench-attendance: %s\n",
                  error ? error->message : "--scale in (0, 10], --scans ≥ 2, --rows ≥ 1, "
                                         "--import-runs ≥ 1");
      return 2;
    }
  if (keep != NULL && g_file_test (keep, G_FILE_TEST_EXISTS))
    {
      g_printerr ("td-bench-attendance: %s exists; --keep writes a new database.\n", keep);
      return 2;
    }
  if (keep == NULL)
    {
      dir = g_dir_make_tmp ("td-bench-attendance-XXXXXX", &error);
      check (dir != NULL, error);
    }
  b.path = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "bench.db", NULL);

  generate (td_bench, b.path, scale);
  load_ids (&b);
  issue_codes (&b);
  b.store = td_store_open (b.path, &error);
  check (b.store != NULL, error);
  td_store_set_actor (b.store, "bench");

  g_print ("\nattendance desk on %s:\n", b.path);
  bench_commit_floor (&b);
  bench_scans (&b, (guint) scans, "scan → committed, td_scan_session", 2030);
  /* The same without waiting for the disk: what the scan itself costs. */
  exec_sql (td_store_get_db (b.store), "PRAGMA synchronous = NORMAL");
  bench_scans (&b, (guint) scans, "… with synchronous=NORMAL (no fsync)", 2029);
  exec_sql (td_store_get_db (b.store), "PRAGMA synchronous = FULL");
  bench_import (&b, (guint) rows, (guint) import_runs);

  g_clear_object (&b.store);
  g_ptr_array_unref (b.ids);
  if (keep == NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
      if (system (cmd) != 0)
        g_printerr ("td-bench-attendance: could not remove %s\n", dir);
    }
  g_free (b.path);
  return 0;
}
