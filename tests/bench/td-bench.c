/* td-bench.c — ten years of a busy training centre, and how fast the store is on it.
 *
 * Generates 5,000 courses (10 sessions each), 200,000 trainees, 200,000 enrolments and
 * 2,000,000 attendance events in a fresh database, then times what the screens do
 * first: opening the store, the first page of the course list, and trainee searches.
 * Every figure is the median of several runs. Run it with `meson test --benchmark`
 * or directly: td-bench [--scale F] [--keep PATH] [--runs N]. See README.md.
 *
 * Bulk rows go in through one plain SQLite connection (the store API's per-call
 * validation would dominate the generation time); the last 1 % of attendance goes
 * through td_store_record_attendance so both insert rates are reported.
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

#include "td-store.h"

#define SESSIONS_PER_COURSE 10
#define ROSTER_SIZE 40
#define YEARS 10

typedef struct {
  guint courses;
  guint trainees;          /* = courses × ROSTER_SIZE: every trainee enrolled once */
  guint api_courses;       /* the last courses, whose attendance goes through the API */
  guint runs;
} Plan;

typedef struct {
  sqlite3 *db;
  GRand *rand;
  const Plan *plan;
  guint trainee_step;      /* enrolment k → trainee (k × step) mod trainees */
} Gen;

static const char *const surnames[] = {
  "陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "洪", "郭",
  "邱", "曾", "廖", "賴", "徐", "周", "葉", "蘇", "莊", "呂", "江", "何", "蕭", "羅", "高",
};
static const char *const given[] = {
  "志", "建", "俊", "明", "文", "家", "宗", "承", "冠", "宇", "柏", "彥", "哲", "凱", "偉",
  "淑", "美", "怡", "雅", "婷", "佩", "欣", "惠", "玲", "君", "芳", "萍", "珊", "琪", "芬",
};
static const struct {
  const char *regime, *category, *title;
} kinds[] = {
  { "osh", "first-aid", "急救人員安全衛生教育訓練" },
  { "osh", "general-safety", "一般安全衛生教育訓練" },
  { "osh", "forklift", "堆高機操作人員安全衛生教育訓練" },
  { "health", "health-doctor", "從事勞工健康服務之醫師專業訓練" },
  { "health", "health-nurse", "從事勞工健康服務之護理人員專業訓練" },
};
/* Two-hour periods: four a day, so a course's ten sessions take three days. */
static const char *const slot_start[] = { "08:00", "10:00", "13:00", "15:00" };
static const char *const slot_end[] = { "10:00", "12:00", "15:00", "17:00" };

/* --- timing ------------------------------------------------------------------- */

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
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);
  return (g_array_index (samples, double, samples->len / 2 - 1)
          + g_array_index (samples, double, samples->len / 2)) / 2;
}

/* --- raw SQLite helpers ------------------------------------------------------ */

static void
die_sqlite (sqlite3 *db, const char *what)
{
  g_printerr ("td-bench: %s: %s\n", what, sqlite3_errmsg (db));
  exit (1);
}

static void
exec_sql (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    die_sqlite (db, sql);
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    die_sqlite (db, sql);
  return stmt;
}

static void
step_done (sqlite3 *db, sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    die_sqlite (db, sqlite3_sql (stmt));
  sqlite3_reset (stmt);
}

static void
bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

/* The audit triggers call these; the store registers them on its own connections. */
static void
sql_now (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (ctx, "2025-01-01T00:00:00Z", -1, SQLITE_STATIC);
}

static void
sql_actor (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (ctx, "td-bench", -1, SQLITE_STATIC);
}

/* --- generated values ---------------------------------------------------------- */

/* The ISO date @days after 2015-01-05. */
static char *
day_after_base (int days)
{
  g_autoptr (GDateTime) base = g_date_time_new_utc (2015, 1, 5, 0, 0, 0);
  g_autoptr (GDateTime) day = g_date_time_add_days (base, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* Unique, checksum-correct national IDs: letter and sex from @index, the serial a
 * bijective scramble of the rest. */
static char *
national_id (guint index)
{
  static const int letter_values[26] = { 10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
                                         22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33 };
  static const int weights[] = { 7, 6, 5, 4, 3, 2, 1 };
  char letter = 'A' + index % 26;
  int sex = 1 + (index / 26) % 2;
  guint serial = (guint) (((guint64) (index / 52) * 3000017u) % 10000000u);
  int value = letter_values[letter - 'A'];
  int sum = value / 10 + (value % 10) * 9 + sex * 8;
  char digits[8];

  g_snprintf (digits, sizeof digits, "%07u", serial);
  for (int i = 0; i < 7; i++)
    sum += (digits[i] - '0') * weights[i];
  return g_strdup_printf ("%c%d%s%d", letter, sex, digits, (10 - sum % 10) % 10);
}

static char *
person_name (GRand *rand)
{
  return g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                      given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                      given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))], NULL);
}

/* The trainee on row @seat (0-based) of course @course; every trainee sits once. */
static gint64
seat_trainee (Gen *gen, guint course, guint seat)
{
  guint64 k = (guint64) course * ROSTER_SIZE + seat;
  return (gint64) ((k * gen->trainee_step) % gen->plan->trainees) + 1;
}

static gint64
session_id (guint course, guint index)
{
  return (gint64) course * SESSIONS_PER_COURSE + index + 1;
}

/* --- bulk generation ------------------------------------------------------------ */

static void
gen_lecturers (Gen *gen)
{
  sqlite3_stmt *stmt = prepare (gen->db,
    "INSERT INTO lecturer (id, name, education, post, experience, created_at, updated_at) "
    "VALUES (?1, ?2, '大學', '職業安全管理師', '實務經驗十年', ?3, ?3)");

  for (int i = 1; i <= 40; i++)
    {
      g_autofree char *name = person_name (gen->rand);
      sqlite3_bind_int (stmt, 1, i);
      bind_text (stmt, 2, name);
      bind_text (stmt, 3, "2015-01-01T00:00:00Z");
      step_done (gen->db, stmt);
    }
  sqlite3_finalize (stmt);
}

static void
gen_course_row (Gen *gen, sqlite3_stmt *stmt, guint c, const char *start, const char *end)
{
  g_autofree char *period = g_strdup_printf ("%d-%02u", atoi (start) - 1911, c % 40 + 1);
  g_autofree char *external = g_strdup_printf ("C%u", c + 1);

  sqlite3_bind_int64 (stmt, 1, c + 1);
  bind_text (stmt, 2, external);
  bind_text (stmt, 3, kinds[c % G_N_ELEMENTS (kinds)].regime);
  bind_text (stmt, 4, kinds[c % G_N_ELEMENTS (kinds)].category);
  bind_text (stmt, 5, kinds[c % G_N_ELEMENTS (kinds)].title);
  bind_text (stmt, 6, period);
  bind_text (stmt, 7, start);
  bind_text (stmt, 8, end);
  bind_text (stmt, 9, c + gen->plan->api_courses >= gen->plan->courses ? "running" : "closed");
  step_done (gen->db, stmt);
}

static void
gen_courses (Gen *gen)
{
  sqlite3_stmt *course = prepare (gen->db,
    "INSERT INTO course (id, external_id, regime, category, kind, title, period, start_date, "
    "end_date, venue_name, classroom, counsellor_name, capacity, status, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, 'professional', ?5, ?6, ?7, ?8, '本中心訓練大樓', '第1教室', "
    "'葉秀娟', 40, ?9, ?7, ?7)");
  sqlite3_stmt *session = prepare (gen->db,
    "INSERT INTO session (id, course_id, date, start_time, end_time, subject, mode, minutes, "
    "lecturer_id, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 120, ?8, ?9)");

  for (guint c = 0; c < gen->plan->courses; c++)
    {
      int first_day = (int) ((guint64) c * YEARS * 365 / gen->plan->courses);
      g_autofree char *start = day_after_base (first_day);
      g_autofree char *end = day_after_base (first_day + (SESSIONS_PER_COURSE - 1) / 4);

      gen_course_row (gen, course, c, start, end);
      for (guint i = 0; i < SESSIONS_PER_COURSE; i++)
        {
          g_autofree char *date = day_after_base (first_day + i / 4);
          g_autofree char *subject = g_strdup_printf ("第%u單元", i + 1);
          sqlite3_bind_int64 (session, 1, session_id (c, i));
          sqlite3_bind_int64 (session, 2, c + 1);
          bind_text (session, 3, date);
          bind_text (session, 4, slot_start[i % 4]);
          bind_text (session, 5, slot_end[i % 4]);
          bind_text (session, 6, subject);
          bind_text (session, 7, i >= 8 ? "practical" : "theory");
          sqlite3_bind_int (session, 8, 1 + (c * 3 + i % 3) % 40);
          sqlite3_bind_int (session, 9, i);
          step_done (gen->db, session);
        }
    }
  sqlite3_finalize (course);
  sqlite3_finalize (session);
}

static void
gen_trainees (Gen *gen)
{
  sqlite3_stmt *stmt = prepare (gen->db,
    "INSERT INTO trainee (id, national_id, name, birth_date, household_address, contact_address, "
    "phone, education, employer, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, '高職', ?7, '2015-01-01T00:00:00Z', "
    "'2015-01-01T00:00:00Z')");

  for (guint i = 0; i < gen->plan->trainees; i++)
    {
      g_autofree char *id = national_id (i);
      g_autofree char *name = person_name (gen->rand);
      g_autofree char *birth =
        g_strdup_printf ("%d-%02d-%02d", g_rand_int_range (gen->rand, 1955, 2004),
                         g_rand_int_range (gen->rand, 1, 13), g_rand_int_range (gen->rand, 1, 29));
      g_autofree char *address = g_strdup_printf ("臺中市西屯區中山路%d號",
                                                  g_rand_int_range (gen->rand, 1, 900));
      g_autofree char *phone =
        g_strdup_printf ("09%08d", g_rand_int_range (gen->rand, 0, 99999999));
      g_autofree char *employer = g_strdup_printf ("第%d精密機械股份有限公司",
                                                   g_rand_int_range (gen->rand, 1, 3000));
      sqlite3_bind_int64 (stmt, 1, i + 1);
      bind_text (stmt, 2, id);
      bind_text (stmt, 3, name);
      bind_text (stmt, 4, birth);
      bind_text (stmt, 5, address);
      bind_text (stmt, 6, phone);
      bind_text (stmt, 7, employer);
      step_done (gen->db, stmt);
    }
  sqlite3_finalize (stmt);
}

static void
gen_enrolments (Gen *gen)
{
  sqlite3_stmt *stmt = prepare (gen->db,
    "INSERT INTO enrolment (course_id, trainee_id, seq, status, created_at) "
    "VALUES (?1, ?2, ?3, 'passed', '2015-01-01T00:00:00Z')");

  for (guint c = 0; c < gen->plan->courses; c++)
    for (guint seat = 0; seat < ROSTER_SIZE; seat++)
      {
        sqlite3_bind_int64 (stmt, 1, c + 1);
        sqlite3_bind_int64 (stmt, 2, seat_trainee (gen, c, seat));
        sqlite3_bind_int (stmt, 3, seat + 1);
        step_done (gen->db, stmt);
      }
  sqlite3_finalize (stmt);
}

/* 90 % present (sign-in up to 20 minutes either side of the start), 5 % leave,
 * 5 % absent. */
static void
bind_attendance (Gen *gen, sqlite3_stmt *stmt, guint c, guint i, guint seat)
{
  int roll = g_rand_int_range (gen->rand, 0, 100);
  int start = atoi (slot_start[i % 4]) * 60 + g_rand_int_range (gen->rand, -20, 21);
  char in_time[6];

  g_snprintf (in_time, sizeof in_time, "%02d:%02d", start / 60, start % 60);
  sqlite3_bind_int64 (stmt, 1, session_id (c, i));
  sqlite3_bind_int64 (stmt, 2, seat_trainee (gen, c, seat));
  bind_text (stmt, 3, roll < 90 ? "present" : roll < 95 ? "leave" : "absent");
  if (roll < 90)
    {
      bind_text (stmt, 4, in_time);
      bind_text (stmt, 5, slot_end[i % 4]);
    }
  if (roll >= 90 && roll < 95)
    bind_text (stmt, 6, roll % 2 ? "sick" : "personal");
  bind_text (stmt, 7, roll % 3 ? "scan" : "desk");
}

static guint64
gen_attendance (Gen *gen)
{
  sqlite3_stmt *stmt = prepare (gen->db,
    "INSERT INTO attendance_event (session_id, trainee_id, status, in_time, out_time, "
    "leave_kind, source, recorded_by, recorded_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'counsellor', '2015-01-01T00:00:00Z')");
  guint64 events = 0;

  for (guint c = 0; c + gen->plan->api_courses < gen->plan->courses; c++)
    for (guint i = 0; i < SESSIONS_PER_COURSE; i++)
      for (guint seat = 0; seat < ROSTER_SIZE; seat++)
        {
          bind_attendance (gen, stmt, c, i, seat);
          step_done (gen->db, stmt);
          sqlite3_clear_bindings (stmt);
          events++;
        }
  sqlite3_finalize (stmt);
  return events;
}

static guint
gcd (guint a, guint b)
{
  while (b != 0)
    {
      guint t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/* Everything but the API share of attendance, through one connection with the journal
 * off: a crash during generation only loses a throw-away database. */
static void
generate_bulk (const char *path, const Plan *plan, GRand *rand, double *attendance_ms,
               guint64 *events)
{
  Gen gen = { .rand = rand, .plan = plan, .trainee_step = 7919 };
  double start;

  while (gcd (gen.trainee_step, plan->trainees) != 1)
    gen.trainee_step += 2;
  if (sqlite3_open (path, &gen.db) != SQLITE_OK)
    die_sqlite (gen.db, path);
  sqlite3_create_function (gen.db, "td_now", 0, SQLITE_UTF8, NULL, sql_now, NULL, NULL);
  sqlite3_create_function (gen.db, "td_actor", 0, SQLITE_UTF8, NULL, sql_actor, NULL, NULL);
  exec_sql (gen.db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                    "PRAGMA cache_size = -262144; PRAGMA foreign_keys = ON; BEGIN");
  gen_lecturers (&gen);
  gen_courses (&gen);
  gen_trainees (&gen);
  gen_enrolments (&gen);
  start = now_ms ();
  *events = gen_attendance (&gen);
  *attendance_ms = now_ms () - start;
  exec_sql (gen.db, "COMMIT; PRAGMA journal_mode = WAL");
  sqlite3_close (gen.db);
}

/* The last api_courses' attendance, one td_store_record_attendance per event, in one
 * transaction as an import would do it. */
static guint64
record_through_store (TdStore *store, const Plan *plan, GRand *rand, double *elapsed_ms)
{
  Gen gen = { .rand = rand, .plan = plan, .trainee_step = 7919 };
  g_autoptr (GError) error = NULL;
  guint64 events = 0;
  double start = now_ms ();

  while (gcd (gen.trainee_step, plan->trainees) != 1)
    gen.trainee_step += 2;
  if (!td_store_begin (store, &error))
    g_error ("td-bench: %s", error->message);
  for (guint c = plan->courses - plan->api_courses; c < plan->courses; c++)
    for (guint i = 0; i < SESSIONS_PER_COURSE; i++)
      for (guint seat = 0; seat < ROSTER_SIZE; seat++)
        {
          g_autoptr (TdAttendance) a =
            td_attendance_new (session_id (c, i), seat_trainee (&gen, c, seat),
                               TD_ATTENDANCE_PRESENT);
          a->in_time = g_strdup (slot_start[i % 4]);
          a->out_time = g_strdup (slot_end[i % 4]);
          a->source = TD_ATTENDANCE_SOURCE_SCAN;
          if (!td_store_record_attendance (store, a, &error))
            g_error ("td-bench: %s", error->message);
          events++;
        }
  if (!td_store_commit (store, &error))
    g_error ("td-bench: %s", error->message);
  *elapsed_ms = now_ms () - start;
  return events;
}

/* --- measurements ---------------------------------------------------------------- */

typedef struct {
  TdStore *store;
  const char *path;
  const char *search;
  gint64 course_id;
  guint found;             /* what the last run found, to print beside the time */
} Probe;

typedef void (*ProbeFunc) (Probe *probe);

static void
probe_open (Probe *probe)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (probe->path, &error);

  if (store == NULL)
    g_error ("td-bench: %s", error->message);
  probe->found = td_store_get_schema_version (store);
}

/* What a list screen does first: the count for the scrollbar and the first page. */
static void
probe_courses (Probe *probe)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = NULL;

  probe->found = td_store_count_courses (probe->store, probe->search, &error);
  if (error == NULL)
    page = td_store_list_courses (probe->store, probe->search, 0, 100, &error);
  if (error != NULL)
    g_error ("td-bench: %s", error->message);
  g_assert (page->len == MIN (probe->found, 100));
}

static void
probe_trainees (Probe *probe)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = NULL;

  probe->found = td_store_count_trainees (probe->store, probe->search, &error);
  if (error == NULL)
    page = td_store_list_trainees (probe->store, probe->search, 0, 100, &error);
  if (error != NULL)
    g_error ("td-bench: %s", error->message);
  g_assert (page->len == MIN (probe->found, 100));
}

/* What a course's sign-in grid loads: its roster and the current attendance. */
static void
probe_course_grid (Probe *probe)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (probe->store, probe->course_id, &error);
  g_autoptr (GPtrArray) cells = NULL;

  if (roster != NULL)
    cells = td_store_list_attendance (probe->store, probe->course_id, &error);
  if (error != NULL)
    g_error ("td-bench: %s", error->message);
  probe->found = cells->len;
}

static void
measure (const char *label, ProbeFunc func, Probe *probe, guint runs)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double start = now_ms ();
      func (probe);
      double elapsed = now_ms () - start;
      g_array_append_val (samples, elapsed);
    }
  g_print ("  %-40s %9.2f ms   (found %u%s%s%s)\n", label, median (samples), probe->found,
           probe->search != NULL ? " for “" : "", probe->search != NULL ? probe->search : "",
           probe->search != NULL ? "”" : "");
}

static void
measure_all (const char *path, const Plan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  Probe probe = { .path = path };

  g_print ("\nmedian of %u runs:\n", plan->runs);
  measure ("store open", probe_open, &probe, plan->runs);

  store = td_store_open (path, &error);
  if (store == NULL)
    g_error ("td-bench: %s", error->message);
  probe.store = store;
  measure ("course list, first page (count + 100)", probe_courses, &probe, plan->runs);
  probe.search = "急救";
  measure ("course search (count + 100)", probe_courses, &probe, plan->runs);
  probe.search = "A12";
  measure ("trainee search by ID prefix", probe_trainees, &probe, plan->runs);
  probe.search = "陳怡";
  measure ("trainee search by name", probe_trainees, &probe, plan->runs);
  probe.search = NULL;
  probe.course_id = plan->courses / 2;
  measure ("one course's roster + attendance", probe_course_grid, &probe, plan->runs);
}

/* --- main ---------------------------------------------------------------------------- */

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
}

static void
print_rate (const char *label, guint64 events, double ms)
{
  g_print ("  %-40s %9" G_GUINT64_FORMAT " events in %8.2f s  (%.0f events/s)\n", label, events,
           ms / 1000, ms > 0 ? events / (ms / 1000) : 0);
}

static void
run (const char *path, const Plan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20150105);
  TdStore *store;
  double total = now_ms (), bulk_ms = 0, api_ms = 0, create_ms;
  guint64 bulk_events = 0, api_events;
  GStatBuf st;

  create_ms = now_ms ();
  store = td_store_open (path, &error);   /* creates the schema */
  if (store == NULL)
    g_error ("td-bench: %s", error->message);
  g_object_unref (store);
  create_ms = now_ms () - create_ms;

  generate_bulk (path, plan, rand, &bulk_ms, &bulk_events);
  store = td_store_open (path, &error);
  if (store == NULL)
    g_error ("td-bench: %s", error->message);
  api_events = record_through_store (store, plan, rand, &api_ms);
  g_object_unref (store);
  total = now_ms () - total;

  g_print ("database: %s\n  %u courses, %u sessions, %u trainees, %u enrolments, %"
           G_GUINT64_FORMAT " attendance events\n", path, plan->courses,
           plan->courses * SESSIONS_PER_COURSE, plan->trainees, plan->courses * ROSTER_SIZE,
           bulk_events + api_events);
  g_print ("  %-40s %9.2f s\n", "generation, total", total / 1000);
  g_print ("  %-40s %9.2f ms\n", "create + migrate an empty store", create_ms);
  print_rate ("attendance, bulk SQL", bulk_events, bulk_ms);
  print_rate ("attendance, td_store_record_attendance", api_events, api_ms);
  if (g_stat (path, &st) == 0)
    g_print ("  %-40s %9.1f MB\n", "database file", st.st_size / 1048576.0);
  measure_all (path, plan);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *keep = NULL;
  g_autofree char *path = NULL;
  double scale = 1.0;
  int runs = 7;
  Plan plan = { 0 };
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Generate the database at PATH and keep it",
      "PATH" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Multiply every count by F (default 1)", "F" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (default 7)", "N" },
    { NULL },
  };

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Generates ten years of a busy training centre and "
                                         "times the store on it.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || scale <= 0 || scale > 10
      || runs < 1)
    {
      g_printerr ("td-bench: %s\n", error != NULL ? error->message
                                                   : "--scale must be in (0, 10], --runs ≥ 1");
      return 2;
    }

  plan.courses = MAX (1, (guint) lround (5000 * scale));
  plan.trainees = plan.courses * ROSTER_SIZE;
  plan.api_courses = MAX (1, plan.courses / 100);
  plan.runs = runs;

  if (keep != NULL && g_file_test (keep, G_FILE_TEST_EXISTS))
    {
      g_printerr ("td-bench: %s exists; --keep writes a new database.\n", keep);
      return 2;
    }
  if (keep == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("td-bench-XXXXXX", &error);
      if (dir == NULL)
        g_error ("td-bench: %s", error->message);
      path = g_build_filename (dir, "bench.db", NULL);
    }
  run (keep != NULL ? keep : path, &plan);
  if (keep == NULL)
    remove_database (path);
  return 0;
}
