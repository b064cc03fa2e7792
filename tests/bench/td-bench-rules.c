/* td-bench-rules.c — how fast the rule checks are.
 *
 *   - one course of 120 trainees × 40 sessions with a record in every cell (some late,
 *     some on leave, some leaving early, some corrected once), in a database of its own:
 *     td_rules_check_course, median of --runs-course runs after one warm-up; the load
 *     (the snapshot reader, as the check uses it) and the rules (td_rules_check_snapshot)
 *     are also timed apart;
 *   - the whole ten-year centre of td-bench (5,000 courses, 200,000 enrolments,
 *     2,000,000 attendance events): td_rules_check_centre, median of --runs runs after
 *     one warm-up, and how much of it is loading the snapshots; then
 *     td_rules_check_centre_cached: cold (the first check, nothing cached), warm (the
 *     same check again, nothing changed), after one attendance event was added to one
 *     course (in a transaction rolled back afterwards), and on the next day; each a
 *     median of --runs runs, and compared with td_rules_check_centre finding by finding;
 *     the heap the cache holds; and what telling two results apart costs the Checks
 *     page (as JSON, as it was, and with td_findings_equal).
 * Times are CPU time of the checking thread (the checks are single-threaded), so a
 * busy machine does not blur them; the wall time of the whole check is printed too.
 * The big database is generated with td-bench --keep (found through TD_BENCH, as
 * td-bench-attendance does), or an existing one is used with --db PATH (opening it
 * brings its schema up to date; the benchmark changes no data in it).
 * It is a benchmark, not a test: it prints figures and never fails on them.
 * Usage: td-bench-rules [--db PATH] [--scale F] [--runs N] [--runs-course N]
 */
#include "config.h"

#define G_LOG_DOMAIN "td-bench"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "td-rules-private.h"
#include "td-store-private.h"

#define COURSE_TRAINEES 120
#define COURSE_SESSIONS 40
#define TODAY "2024-06-30"

/* CPU time of this thread: the checks are single-threaded, and the figures should
 * not depend on what else the machine is running. Wall time is printed beside it. */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
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
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* The fastest run: on a shared machine, the closest to what the code itself costs. */
static double
fastest (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, 0);
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("td-bench-rules: %s", error ? error->message : "failed");
}

static void
exec_sql (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("td-bench-rules: %s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("td-bench-rules: %s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step_done (sqlite3 *db, sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("td-bench-rules: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static int
compare_names (const void *a, const void *b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* How many findings of each rule: what the checks spent their time reporting. */
static void
print_rule_counts (GPtrArray *findings)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *rules = NULL;
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const char *rule = ((TdFinding *) g_ptr_array_index (findings, i))->rule;
      g_hash_table_insert (counts, (gpointer) rule,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, rule)) + 1));
    }
  rules = g_hash_table_get_keys_as_array (counts, &n);
  qsort (rules, n, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n; i++)
    g_print ("      %-42s %9u\n", (const char *) rules[i],
             GPOINTER_TO_UINT (g_hash_table_lookup (counts, rules[i])));
}

/* --- one big course ------------------------------------------------------------------ */

/* Two three-hour sessions a weekday for four weeks from Monday 2024-03-04. */
static void
add_sessions (sqlite3 *db)
{
  sqlite3_stmt *stmt = prepare (db,
    "INSERT INTO session (id, course_id, date, start_time, end_time, subject, mode, minutes,"
    " position) VALUES (?1, 1, date ('2024-03-04', ?2), ?3, ?4, ?5, ?6, 180, ?7)");

  for (int i = 0; i < COURSE_SESSIONS; i++)
    {
      int day = i / 2, offset = day / 5 * 7 + day % 5;
      g_autofree char *modifier = g_strdup_printf ("+%d days", offset);
      g_autofree char *subject = g_strdup_printf ("第%d單元", i + 1);

      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, modifier, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, i % 2 ? "13:00" : "09:00", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, i % 2 ? "16:00" : "12:00", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, subject, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, i >= 30 ? "practical" : "theory", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, i);
      step_done (db, stmt);
    }
  sqlite3_finalize (stmt);
}

static void
add_people (sqlite3 *db)
{
  sqlite3_stmt *person = prepare (db,
    "INSERT INTO trainee (id, national_id, name, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
  sqlite3_stmt *enrol = prepare (db,
    "INSERT INTO enrolment (course_id, trainee_id, seq, created_at)"
    " VALUES (1, ?1, ?1, '2024-01-01T00:00:00Z')");

  for (int t = 1; t <= COURSE_TRAINEES; t++)
    {
      g_autofree char *id = g_strdup_printf ("BENCH%05d", t);
      g_autofree char *name = g_strdup_printf ("學員%d", t);

      sqlite3_bind_int (person, 1, t);
      sqlite3_bind_text (person, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 3, name, -1, SQLITE_TRANSIENT);
      step_done (db, person);
      sqlite3_bind_int (enrol, 1, t);
      step_done (db, enrol);
    }
  sqlite3_finalize (person);
  sqlite3_finalize (enrol);
}

/* One cell: 85 % on time, 5 % late, 4 % on leave, 3 % leaving early, 3 % absent. */
static void
bind_cell (sqlite3_stmt *stmt, GRand *rand, int session, int trainee)
{
  int roll = g_rand_int_range (rand, 0, 100), start = (session - 1) % 2 ? 13 * 60 : 9 * 60;
  int in = start + (roll < 85 ? g_rand_int_range (rand, -15, 10)
                              : roll < 90 ? g_rand_int_range (rand, 20, 90) : 0);
  int out = start + (roll >= 94 && roll < 97 ? 120 : 180);
  char in_time[6], out_time[6];

  g_snprintf (in_time, sizeof in_time, "%02d:%02d", in / 60, in % 60);
  g_snprintf (out_time, sizeof out_time, "%02d:%02d", out / 60, out % 60);
  sqlite3_bind_int (stmt, 1, session);
  sqlite3_bind_int (stmt, 2, trainee);
  sqlite3_bind_text (stmt, 3, roll < 90 || (roll >= 94 && roll < 97) ? "present"
                              : roll < 94 ? "leave" : "absent", -1, SQLITE_STATIC);
  if (roll < 90 || (roll >= 94 && roll < 97))
    {
      sqlite3_bind_text (stmt, 4, in_time, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, out_time, -1, SQLITE_TRANSIENT);
    }
  if (roll >= 90 && roll < 94)
    sqlite3_bind_text (stmt, 6, roll % 2 ? "sick" : "personal", -1, SQLITE_STATIC);
}

/* A record in every cell; one cell in twenty is corrected once (a second event). */
static void
add_attendance (sqlite3 *db)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (2024);
  sqlite3_stmt *stmt = prepare (db,
    "INSERT INTO attendance_event (session_id, trainee_id, status, in_time, out_time,"
    " leave_kind, source, recorded_by, recorded_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'scan', 'counsellor', '2024-03-04T09:00:00Z')");

  for (int s = 1; s <= COURSE_SESSIONS; s++)
    for (int t = 1; t <= COURSE_TRAINEES; t++)
      for (int k = g_rand_int_range (rand, 0, 20) == 0 ? 2 : 1; k > 0; k--)
        {
          bind_cell (stmt, rand, s, t);
          step_done (db, stmt);
        }
  sqlite3_finalize (stmt);
}

static TdStore *
make_course_db (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (path, &error);
  sqlite3 *db;

  check (store != NULL, error);
  db = td_store_get_db (store);
  exec_sql (db, "BEGIN");
  exec_sql (db,
    "INSERT INTO course (id, external_id, regime, category, kind, title, start_date, end_date,"
    " counsellor_name, counsellor_qualified, capacity, status, filed_on, created_at, updated_at)"
    " VALUES (1, 'C-BENCH', 'osh', 'first-aid', 'professional', '急救人員安全衛生教育訓練',"
    " '2024-03-04', '2024-03-29', '葉秀娟', 1, 120, 'ended', '2024-02-01',"
    " '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
  add_sessions (db);
  add_people (db);
  add_attendance (db);
  exec_sql (db, "COMMIT");
  return g_steal_pointer (&store);
}

/* The snapshot as td_rules_check_course reads it. */
static TdCourseSnapshot *
load_course (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSnapshotReader) reader = td_snapshot_reader_new (store, 1, TRUE, &error);
  TdCourseSnapshot *snap;

  check (reader != NULL, error);
  snap = td_snapshot_reader_next (reader, &error);
  check (snap != NULL, error);
  return snap;
}

static void
bench_course (const char *dir, guint runs)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "course.db", NULL);
  g_autoptr (TdStore) store = make_course_db (path);
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rules = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (TdRulePack) pack = td_rule_pack_load_for_regime (TD_REGIME_OSH, &error);
  guint n_findings = 0;

  check (pack != NULL, error);
  g_print ("\none course, %d trainees × %d sessions, every cell recorded:\n", COURSE_TRAINEES,
           COURSE_SESSIONS);
  for (guint r = 0; r <= runs; r++)
    {
      double w0 = wall_ms (), t0 = now_ms (), t1, t2, t3, w1;
      g_autoptr (GPtrArray) findings = td_rules_check_course (store, 1, TODAY, NULL, &error);
      g_autoptr (TdCourseSnapshot) snap = NULL;
      g_autoptr (GPtrArray) again = NULL;

      check (findings != NULL, error);
      t1 = now_ms ();
      w1 = wall_ms ();
      snap = load_course (store);
      t2 = now_ms ();
      again = td_rules_check_snapshot (snap, pack, NULL, TODAY, &error);
      check (again != NULL, error);
      t3 = now_ms ();
      n_findings = findings->len;
      if (r == 0)
        print_rule_counts (findings);
      if (r == 0)
        continue;   /* the warm-up */
      g_array_append_vals (total, (double[]) { t1 - t0 }, 1);
      g_array_append_vals (wall, (double[]) { w1 - w0 }, 1);
      g_array_append_vals (load, (double[]) { t2 - t1 }, 1);
      g_array_append_vals (rules, (double[]) { t3 - t2 }, 1);
    }
  g_print ("  %-44s %9.2f ms CPU, %.2f ms wall  (%u findings, median of %u; fastest %.2f ms)\n",
           "td_rules_check_course", median (total), median (wall), n_findings, runs,
           fastest (total));
  g_print ("  %-44s %9.2f ms  (fastest %.2f ms)\n", "  loading the snapshot", median (load),
           fastest (load));
  g_print ("  %-44s %9.2f ms  (fastest %.2f ms)\n", "  running the rules on it", median (rules),
           fastest (rules));
}

/* --- the ten-year centre --------------------------------------------------------------- */

/* Loading alone: every course's snapshot, as the centre check reads them. */
static double
time_centre_load (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  double t0 = now_ms ();
  g_autoptr (TdSnapshotReader) reader = td_snapshot_reader_new (store, 0, TRUE, &error);
  TdCourseSnapshot *snap;

  check (reader != NULL, error);
  while ((snap = td_snapshot_reader_next (reader, &error)) != NULL)
    td_course_snapshot_free (snap);
  check (error == NULL, error);
  return now_ms () - t0;
}

static void
bench_centre (const char *path, guint runs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (path, &error);
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_findings = 0;

  check (store != NULL, error);
  g_print ("\nthe whole centre, %s:\n", path);
  for (guint r = 0; r <= runs; r++)
    {
      double w0 = wall_ms (), t0 = now_ms (), t1, w1;
      g_autoptr (GPtrArray) findings = td_rules_check_centre (store, TODAY, NULL, &error);

      check (findings != NULL, error);
      t1 = now_ms ();
      w1 = wall_ms ();
      n_findings = findings->len;
      if (r == 0)
        print_rule_counts (findings);
      if (r == 0)
        continue;
      g_array_append_vals (total, (double[]) { t1 - t0 }, 1);
      g_array_append_vals (wall, (double[]) { w1 - w0 }, 1);
      g_array_append_vals (load, (double[]) { time_centre_load (store) }, 1);
    }
  g_print ("  %-44s %9.1f ms CPU, %.1f ms wall  (%u findings, median of %u; fastest %.1f ms)\n",
           "td_rules_check_centre", median (total), median (wall), n_findings, runs,
           fastest (total));
  g_print ("  %-44s %9.1f ms  (fastest %.1f ms)\n", "  loading every snapshot", median (load),
           fastest (load));
  g_print ("  %-44s %9.1f ms\n", "  running the rules (the rest, medians)",
           median (total) - median (load));
}

/* --- the findings cache ---------------------------------------------------------------- */

/* One cached check: its CPU time, the courses it checked again, and whether it found
 * what the full check finds. */
static double
time_cached (TdStore *store, const char *today, guint *recomputed, gboolean *same)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = NULL, full = NULL;
  TdRulesCacheStats stats;
  double t0 = now_ms (), t1;

  findings = td_rules_check_centre_cached (store, today, NULL, &error);
  t1 = now_ms ();
  check (findings != NULL, error);
  td_rules_cache_get_stats (&stats);
  *recomputed = stats.recomputed;
  if (same != NULL)
    {
      full = td_rules_check_centre (store, today, NULL, &error);
      check (full != NULL, error);
      *same = *same && td_findings_equal (findings, full);
    }
  return t1 - t0;
}

/* Adds one attendance event to the last session of the newest course with a roster,
 * inside a transaction the caller rolls back. */
static void
touch_one_course (TdStore *store)
{
  exec_sql (td_store_get_db (store), "BEGIN");
  exec_sql (td_store_get_db (store),
    "INSERT INTO attendance_event (session_id, trainee_id, status, source, recorded_by,"
    " recorded_at) SELECT s.id, e.trainee_id, 'absent', 'desk', 'bench', '2024-06-30T09:00:00Z'"
    " FROM session s JOIN enrolment e ON e.course_id = s.course_id"
    " ORDER BY s.course_id DESC, s.date DESC, e.seq LIMIT 1");
}

typedef enum { CACHE_COLD, CACHE_WARM, CACHE_TOUCHED, CACHE_NEXT_DAY, N_CACHE_CASES } CacheCase;

static double
run_cache_case (TdStore *store, CacheCase which, guint *recomputed, gboolean *same)
{
  double ms;

  switch (which)
    {
    case CACHE_COLD:
      td_rules_cache_clear ();
      return time_cached (store, TODAY, recomputed, same);
    case CACHE_WARM:
      time_cached (store, TODAY, recomputed, NULL);
      return time_cached (store, TODAY, recomputed, same);
    case CACHE_TOUCHED:
      time_cached (store, TODAY, recomputed, NULL);
      touch_one_course (store);
      ms = time_cached (store, TODAY, recomputed, same);
      exec_sql (td_store_get_db (store), "ROLLBACK");
      return ms;
    case CACHE_NEXT_DAY:
      time_cached (store, TODAY, recomputed, NULL);
      return time_cached (store, "2024-07-01", recomputed, same);
    case N_CACHE_CASES:
    default:
      g_assert_not_reached ();
    }
}

/* Heap in use, in MB (glibc's count): what the cache keeps is the difference
 * before and after a check whose result has been freed. */
static double
heap_mb (void)
{
  struct mallinfo2 info = mallinfo2 ();
  return info.uordblks / 1048576.0;
}

static void
print_cache_size (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *findings;
  double before;

  td_rules_cache_clear ();
  before = heap_mb ();
  findings = td_rules_check_centre_cached (store, TODAY, NULL, &error);
  check (findings != NULL, error);
  g_ptr_array_unref (findings);
  g_print ("  %-44s %9.1f MB\n", "heap the cache holds", heap_mb () - before);
}

/* What the Checks page does with a result to see whether anything changed: it wrote
 * every finding out as JSON, and now compares the arrays. */
static void
print_change_test (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) a = td_rules_check_centre_cached (store, TODAY, NULL, &error);
  g_autoptr (GPtrArray) b = td_rules_check_centre_cached (store, TODAY, NULL, &error);
  g_autofree char *json = NULL;
  double t0, t1, t2;
  gboolean same;

  check (a != NULL && b != NULL, error);
  t0 = now_ms ();
  json = td_findings_to_json_string (a, FALSE);
  t1 = now_ms ();
  same = td_findings_equal (a, b);
  t2 = now_ms ();
  g_print ("  %-44s %9.1f ms CPU  (%.0f MB)\n", "findings as JSON (the Checks page before)",
           t1 - t0, strlen (json) / 1048576.0);
  g_print ("  %-44s %9.1f ms CPU  (%s)\n", "td_findings_equal (the Checks page now)", t2 - t1,
           same ? "equal" : "DIFFERENT");
}

static void
bench_cache (const char *path, guint runs)
{
  static const char *const names[] = {
    "cold (nothing cached)", "warm (nothing changed)", "one attendance event added",
    "the next day",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (path, &error);

  check (store != NULL, error);
  g_print ("\nthe whole centre, td_rules_check_centre_cached:\n");
  for (CacheCase which = 0; which < N_CACHE_CASES; which++)
    {
      g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      gboolean same = TRUE;
      guint recomputed = 0;

      for (guint r = 0; r < runs; r++)
        {
          double ms = run_cache_case (store, which, &recomputed, r == 0 ? &same : NULL);
          g_array_append_val (times, ms);
        }
      g_print ("  %-44s %9.1f ms CPU  (%u courses checked again; fastest %.1f ms; %s)\n",
               names[which], median (times), recomputed, fastest (times),
               same ? "same findings as td_rules_check_centre" : "FINDINGS DIFFER");
    }
  print_cache_size (store);
  print_change_test (store);
}

/* --- main -------------------------------------------------------------------------------- */

static char *
find_td_bench (const char *argv0)
{
  const char *env = g_getenv ("TD_BENCH");
  g_autofree char *dir = g_path_get_dirname (argv0);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (dir, "td-bench", NULL);
}

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

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *db = NULL, *dir = NULL, *big = NULL;
  g_autofree char *td_bench = find_td_bench (argv[0]);
  double scale = 1.0;
  int runs = 5, runs_course = 25;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Check this td-bench database instead of "
      "generating one", "PATH" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Size of the generated database, as td-bench "
      "(default 1)", "F" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed centre checks (default 5)", "N" },
    { "runs-course", 0, 0, G_OPTION_ARG_INT, &runs_course, "Timed course checks (default 25)",
      "N" },
    { NULL },
  };

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times the rule checks of one big course and of ten "
                                         "years of a busy training centre.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || scale <= 0 || scale > 10 ||
      runs < 1 || runs_course < 1)
    {
      g_printerr ("td-bench-rules: %s\n",
                  error ? error->message : "--scale in (0, 10], --runs ≥ 1, --runs-course ≥ 1");
      return 2;
    }
  dir = g_dir_make_tmp ("td-bench-rules-XXXXXX", &error);
  check (dir != NULL, error);
  big = db != NULL ? g_strdup (db) : g_build_filename (dir, "bench.db", NULL);
  if (db == NULL)
    generate (td_bench, big, scale);

  bench_course (dir, (guint) runs_course);
  bench_centre (big, (guint) runs);
  bench_cache (big, (guint) runs);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("td-bench-rules: could not remove %s\n", dir);
  }
  return 0;
}
