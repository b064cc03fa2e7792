/* test-rules-cache.c — the centre check's findings cache gives what a full check gives */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "td-attendance-desk.h"
#include "td-demo.h"
#include "td-rules-private.h"
#include "td-store-qualifications.h"
#include "td-store-private.h"

#define TODAY "2024-11-20"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  GPtrArray *courses;   /* TdCourse*, as the demo made them */
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("td-rules-cache-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = td_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (td_demo_populate (f->store, TODAY, &error));
  g_assert_no_error (error);
  f->courses = td_store_list_courses (f->store, NULL, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->courses->len, >, 3);
  td_rules_cache_clear ();
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  td_rules_cache_clear ();
  g_clear_pointer (&f->courses, g_ptr_array_unref);
  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
  g_free (f->path);
}

/* Every field of every finding, in order. */
static char *
describe (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (findings, i);
      g_string_append_printf (out, "%s|%d|%" G_GINT64_FORMAT "|%s|%" G_GINT64_FORMAT "|%s|%"
                              G_GINT64_FORMAT "|%s|%s|%s|%s|%s\n", f->rule, f->severity,
                              f->course_id, f->course_ref, f->session_id, f->session_ref,
                              f->trainee_id, f->trainee_ref, f->article, f->message, f->action,
                              f->due);
    }
  return g_string_free (out, FALSE);
}

/* Checks the centre with the cache and without, asserts both found the same, and
 * returns what they found. @recomputed: how many courses the cached check must have
 * checked again, or -1 for any number. */
static char *
check_both (Fixture *f, const char *today, int recomputed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cached = td_rules_check_centre_cached (f->store, today, NULL, &error);
  g_autoptr (GPtrArray) full = NULL;
  g_autofree char *want = NULL;
  char *got;
  TdRulesCacheStats stats;

  g_assert_no_error (error);
  td_rules_cache_get_stats (&stats);
  full = td_rules_check_centre (f->store, today, NULL, &error);
  g_assert_no_error (error);
  want = describe (full);
  got = describe (cached);
  g_assert_cmpstr (got, ==, want);
  g_assert_true (td_findings_equal (cached, full));
  g_assert_cmpuint (stats.courses, ==, f->courses->len);
  if (recomputed >= 0)
    g_assert_cmpuint (stats.recomputed, ==, recomputed);
  return got;
}

/* The @skip + 1st course (newest first) with two sessions or more that ended before
 * TODAY, and its sessions. */
static TdCourse *
course_with_sessions (Fixture *f, guint skip, GPtrArray **sessions)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < f->courses->len; i++)
    {
      TdCourse *c = g_ptr_array_index (f->courses, i);
      g_autoptr (GPtrArray) list = td_store_list_sessions (f->store, c->id, &error);

      g_assert_no_error (error);
      if (list->len >= 2 && strcmp (c->end_date, TODAY) < 0 && skip-- == 0)
        {
          *sessions = g_steal_pointer (&list);
          return c;
        }
    }
  g_assert_not_reached ();
}

static gint64
first_trainee (Fixture *f, gint64 course_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (f->store, course_id, &error);
  TdEnrolment *e;

  g_assert_no_error (error);
  g_assert_cmpuint (roster->len, >, 0);
  e = g_ptr_array_index (roster, 0);
  return e->trainee->id;
}

static void
test_unchanged (Fixture *f, gconstpointer data)
{
  g_autofree char *cold = check_both (f, TODAY, f->courses->len);
  g_autofree char *warm = check_both (f, TODAY, 0);

  g_assert_cmpstr (warm, ==, cold);
  g_assert_cmpuint (strlen (cold), >, 0);
}

/* td_findings_equal, which the Checks page relies on to skip rebuilding its list,
 * tells apart findings that differ in any one field. */
static void
test_findings_equal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) a = td_rules_check_centre (f->store, TODAY, NULL, &error);
  g_autoptr (GPtrArray) b = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  TdFinding *last;

  g_assert_no_error (error);
  for (guint i = 0; i < a->len; i++)
    g_ptr_array_add (b, td_finding_copy (g_ptr_array_index (a, i)));
  g_assert_true (td_findings_equal (a, b));
  last = g_ptr_array_index (b, b->len - 1);
  g_free (last->due);
  last->due = g_strdup ("1999-01-01");
  g_assert_false (td_findings_equal (a, b));
  g_ptr_array_remove_index (b, b->len - 1);
  g_assert_false (td_findings_equal (a, b));
}

/* A trainee signs in half an hour late to the first session of a course that ended: one
 * course changes, and its findings with it. */
static void
test_attendance_added (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (TdAttendance) a = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_auto (GStrv) first = NULL;
  TdCourse *c = course_with_sessions (f, 0, &sessions);
  TdSession *s = g_ptr_array_index (sessions, 0);
  int h = 0, m = 0;

  before = check_both (f, "2026-01-01", f->courses->len);
  g_assert_cmpint (sscanf (s->start_time, "%d:%d", &h, &m), ==, 2);
  a = td_attendance_new (s->id, first_trainee (f, c->id), TD_ATTENDANCE_PRESENT);
  m += h * 60 + 30;
  a->in_time = g_strdup_printf ("%02d:%02d", m / 60, m % 60);
  a->out_time = g_strdup (s->end_time);
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  g_assert_no_error (error);
  after = check_both (f, "2026-01-01", 1);
  g_assert_false (g_str_equal (after, before));
}

/* A leave record alone (a new one with other minutes) changes what the rules count, and
 * the course's revision with it. */
static void
test_leave_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autofree char *before = NULL, *after = NULL, *sql = NULL;
  TdCourse *c = course_with_sessions (f, 0, &sessions);
  TdSession *s = g_ptr_array_index (sessions, 0);
  gint64 trainee = first_trainee (f, c->id);

  g_free (check_both (f, "2026-01-01", f->courses->len));
  g_assert_true (td_store_record_leave (f->store, s->id, trainee, "personal",
                                        td_session_span_minutes (s), NULL, &error));
  g_assert_no_error (error);
  before = check_both (f, "2026-01-01", 1);
  /* One minute of leave: the rest of the session, with no sign-in, is truant. */
  sql = g_strdup_printf ("INSERT INTO leave_record (session_id, trainee_id, kind, minutes,"
                         " recorded_by, recorded_at) VALUES (%" G_GINT64_FORMAT ", %"
                         G_GINT64_FORMAT ", 'personal', 1, 'tester', '2025-12-31T10:00:00')",
                         s->id, trainee);
  g_assert_cmpint (sqlite3_exec (td_store_get_db (f->store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  after = check_both (f, "2026-01-01", 1);
  g_assert_false (g_str_equal (after, before));
}

/* A session that was held moves after today, so it no longer counts; and a make-up held in another
 * course's session changes the missed course too when that session moves. */
static void
test_session_moved (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = NULL, other = NULL;
  g_autofree char *before = NULL, *after = NULL, *sql = NULL;
  TdCourse *c = course_with_sessions (f, 0, &sessions);
  TdCourse *d = course_with_sessions (f, 1, &other);
  TdSession *s = g_ptr_array_index (sessions, sessions->len - 1);
  TdSession *held = g_ptr_array_index (other, 0);
  sqlite3 *db = td_store_get_db (f->store);

  g_assert_cmpint (c->id, !=, d->id);
  before = check_both (f, TODAY, f->courses->len);
  g_free (s->date);
  s->date = g_strdup ("2025-01-15");
  g_assert_true (td_store_save_session (f->store, s, &error));
  g_assert_no_error (error);
  after = check_both (f, TODAY, 1);
  g_assert_false (g_str_equal (after, before));

  sql = g_strdup_printf ("INSERT INTO makeup (trainee_id, missed_session_id, makeup_session_id,"
                         " minutes, recorded_by, recorded_at) VALUES (%" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 60, 't', 'now')",
                         first_trainee (f, c->id), s->id, held->id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (check_both (f, TODAY, 1));
  g_free (held->date);
  held->date = g_strdup ("2027-03-01");
  g_assert_true (td_store_save_session (f->store, held, &error));
  g_assert_no_error (error);
  g_free (check_both (f, TODAY, 2));
}

static void
test_settings_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_free (check_both (f, TODAY, f->courses->len));
  g_assert_true (td_store_set_setting (f->store, "evening-start", "17:00", &error));
  g_assert_no_error (error);
  g_free (check_both (f, TODAY, f->courses->len));
  g_free (check_both (f, TODAY, 0));
}

/* Today moves a day at a time past the demo's deadlines, then back: a course is
 * checked again only when a comparison with today would come out differently, and
 * the findings are the full check's every day. */
static void
test_today_moved (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) start = g_date_time_new_utc (2024, 11, 20, 0, 0, 0);
  guint recomputed = 0;
  g_autofree char *first = check_both (f, TODAY, f->courses->len);

  for (int day = 1; day <= 120; day++)
    {
      g_autoptr (GDateTime) dt = g_date_time_add_days (start, day);
      g_autofree char *today = g_date_time_format (dt, "%Y-%m-%d");
      TdRulesCacheStats stats;

      g_free (check_both (f, today, -1));
      td_rules_cache_get_stats (&stats);
      recomputed += stats.recomputed;
    }
  /* Some days changed nothing in any course. */
  g_assert_cmpuint (recomputed, <, 120 * f->courses->len);
  g_assert_cmpuint (recomputed, >, 0);
  /* Long after every deadline, the findings hold for good. */
  g_free (check_both (f, "2040-01-01", -1));
  g_free (check_both (f, "2041-06-30", 0));
  /* Findings are never taken for a today before the one they were computed for. */
  g_free (check_both (f, "2024-11-19", f->courses->len));
}

static void
test_courses_added_and_removed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();
  TdCourse *first = g_ptr_array_index (f->courses, 0);

  g_free (check_both (f, TODAY, f->courses->len));
  c->category = g_strdup (first->category);
  c->regime = first->regime;
  c->kind = first->kind;
  c->title = g_strdup ("新開班");
  c->start_date = g_strdup ("2024-12-02");
  c->end_date = g_strdup ("2024-12-03");
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  g_ptr_array_add (f->courses, g_object_ref (c));
  g_free (check_both (f, TODAY, 1));
  g_assert_true (td_store_delete_course (f->store, c->id, &error));
  g_assert_no_error (error);
  g_ptr_array_remove (f->courses, c);
  g_free (check_both (f, TODAY, 0));
}

/* Person-level findings come first, as in the full check, and are not cached: a
 * person's role recorded after a check shows at the next one. */
static void
test_people_first (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autoptr (GPtrArray) sessions = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_auto (GStrv) first = NULL;
  TdCourse *c = course_with_sessions (f, 0, &sessions);

  before = check_both (f, TODAY, f->courses->len);
  q->trainee_id = first_trainee (f, c->id);
  q->kind = TD_QUALIFICATION_INSERVICE_ROLE;
  q->role = 1;
  q->since = g_strdup ("2019-01-01");
  g_assert_true (td_store_add_qualification (f->store, q, &error));
  g_assert_no_error (error);
  after = check_both (f, TODAY, 0);
  g_assert_false (g_str_equal (after, before));
  /* The first finding is the person's: about no course (id 0). */
  first = g_strsplit (after, "|", 4);
  g_assert_cmpstr (first[2], ==, "0");
  g_assert_true (g_str_has_prefix (first[0], "inservice."));
}

/* A database from before the revisions (user_version 4) gets one for every course it
 * has when it is opened, and its triggers from then on. */
static void
test_revisions_migrated (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                       " AND name LIKE 'course_revision_%'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (triggers->len, >, 10);
  for (guint i = 0; i < triggers->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER %s",
                                              (char *) g_ptr_array_index (triggers, i));
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE course_revision; PRAGMA user_version = 4",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = td_store_open (f->path, &error);
  g_assert_no_error (error);
  db = td_store_get_db (f->store);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), count(DISTINCT r.revision) FROM course c"
                                       " JOIN course_revision r ON r.course_id = c.id", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, f->courses->len);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, f->courses->len);
  sqlite3_finalize (stmt);
  g_free (check_both (f, TODAY, f->courses->len));
  g_free (check_both (f, TODAY, 0));
  /* The triggers are there: a course renamed is one course to check again. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE course SET title = title || '（二）'"
                                 " WHERE id = (SELECT max(id) FROM course)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_free (check_both (f, TODAY, 1));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add (name, Fixture, NULL, set_up, func, tear_down)
  ADD ("/rules-cache/unchanged", test_unchanged);
  ADD ("/rules-cache/findings-equal", test_findings_equal);
  ADD ("/rules-cache/attendance-added", test_attendance_added);
  ADD ("/rules-cache/leave-changed", test_leave_changed);
  ADD ("/rules-cache/session-moved", test_session_moved);
  ADD ("/rules-cache/settings-changed", test_settings_changed);
  ADD ("/rules-cache/today-moved", test_today_moved);
  ADD ("/rules-cache/people-first", test_people_first);
  ADD ("/rules-cache/courses-added-and-removed", test_courses_added_and_removed);
  ADD ("/rules-cache/revisions-migrated", test_revisions_migrated);
#undef ADD
  return g_test_run ();
}
