/* attendance-fixture.h — a small centre for the attendance desk's tests: one course of
 * two days with three sessions, three trainees on its roster and one person who is
 * not. Shared by test-trainee-code.c, test-scan.c, test-evrs-csv.c and
 * test-attendance-desk.c. */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "td-store.h"

#define ID_ON_ROSTER_1 "A123456789"
#define ID_ON_ROSTER_2 "B223456782"
#define ID_ON_ROSTER_3 "C187654325"
#define ID_OFF_ROSTER "D211111118"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 course_id;
  gint64 session[3];       /* 2024-05-06 09–12, 2024-05-06 13–16, 2024-05-07 09–12 */
  gint64 trainee[3];       /* on the roster */
  gint64 outsider;         /* in the directory, not on the roster */
} Fixture;

static inline TdSession *
fixture_make_session (gint64 course_id, const char *date, const char *start, const char *end)
{
  TdSession *s = td_session_new ();

  s->course_id = course_id;
  s->date = g_strdup (date);
  s->start_time = g_strdup (start);
  s->end_time = g_strdup (end);
  s->subject = g_strdup ("急救概論");
  return s;
}

static inline gint64
fixture_add_course (Fixture *f, TdRegime regime, const char *category, const char *start,
                    const char *end)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();

  c->regime = regime;
  c->title = g_strdup ("急救人員安全衛生教育訓練");
  c->category = g_strdup (category);
  c->start_date = g_strdup (start);
  c->end_date = g_strdup (end);
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static inline gint64
fixture_add_session (Fixture *f, gint64 course_id, const char *date, const char *start,
                     const char *end)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSession) s = fixture_make_session (course_id, date, start, end);

  g_assert_true (td_store_save_session (f->store, s, &error));
  g_assert_no_error (error);
  return s->id;
}

static inline gint64
fixture_enrol (Fixture *f, gint64 course_id, const char *name, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) t = td_trainee_new ();

  t->name = g_strdup (name);
  t->national_id = g_strdup (id);
  g_assert_true (td_store_enrol (f->store, course_id, t, NULL, NULL, &error));
  g_assert_no_error (error);
  return t->id;
}

static inline void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) outsider = td_trainee_new ();

  f->dir = g_dir_make_tmp ("td-attendance-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = td_store_open (f->path, &error);
  g_assert_no_error (error);
  td_store_set_actor (f->store, "counsellor");

  f->course_id = fixture_add_course (f, TD_REGIME_OSH, "first-aid", "2024-05-06", "2024-05-07");
  f->session[0] = fixture_add_session (f, f->course_id, "2024-05-06", "09:00", "12:00");
  f->session[1] = fixture_add_session (f, f->course_id, "2024-05-06", "13:00", "16:00");
  f->session[2] = fixture_add_session (f, f->course_id, "2024-05-07", "09:00", "12:00");
  f->trainee[0] = fixture_enrol (f, f->course_id, "王小明", ID_ON_ROSTER_1);
  f->trainee[1] = fixture_enrol (f, f->course_id, "陳美玲", ID_ON_ROSTER_2);
  f->trainee[2] = fixture_enrol (f, f->course_id, "林志豪", ID_ON_ROSTER_3);

  outsider->name = g_strdup ("張大同");
  outsider->national_id = g_strdup (ID_OFF_ROSTER);
  g_assert_true (td_store_save_trainee (f->store, outsider, &error));
  g_assert_no_error (error);
  f->outsider = outsider->id;
}

static inline void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

/* A count read through a separate connection, so it sees only committed rows. */
static inline gint64
fixture_count (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A local date-time on @date ("YYYY-MM-DD") at @hh:@mm. */
static inline GDateTime *
fixture_at (const char *date, int hh, int mm)
{
  int y, m, d;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
  return g_date_time_new_local (y, m, d, hh, mm, 0);
}
