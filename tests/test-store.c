/* test-store.c — the SQLite store: migrations, integrity, transactions, audit */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "td-paged-list.h"
#include "td-store.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("td-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "test.db", NULL);
  f->store = td_store_open (f->path, &error);
  g_assert_no_error (error);
  td_store_set_actor (f->store, "tester");
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

static gint64
count_rows (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static TdCourse *
make_course (const char *title, const char *start)
{
  TdCourse *c = td_course_new ();
  c->title = g_strdup (title);
  c->category = g_strdup ("first-aid");
  c->start_date = g_strdup (start);
  c->end_date = g_strdup (start);
  c->period = g_strdup ("113-05");
  c->capacity = 40;
  return c;
}

static TdSession *
make_session (gint64 course_id, const char *date, const char *start, const char *end)
{
  TdSession *s = td_session_new ();
  s->course_id = course_id;
  s->date = g_strdup (date);
  s->start_time = g_strdup (start);
  s->end_time = g_strdup (end);
  s->subject = g_strdup ("急救概論");
  return s;
}

static TdTrainee *
make_trainee (const char *name, const char *id)
{
  TdTrainee *t = td_trainee_new ();
  t->name = g_strdup (name);
  t->national_id = g_strdup (id);
  return t;
}

static void
test_open_migrates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) again = NULL;

  g_assert_cmpint (td_store_get_schema_version (f->store), ==,
                   td_store_get_latest_schema_version ());
  g_assert_cmpint (td_store_get_latest_schema_version (), >=, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM pragma_journal_mode "
                                        "WHERE journal_mode = 'wal'"), ==, 1);
  g_clear_object (&f->store);
  again = td_store_open (f->path, &error); /* reopening applies nothing twice */
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM unit"), ==, 1);
}

static void
test_refuses_newer_schema (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) newer = NULL;
  sqlite3 *db;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, 0);
  sqlite3_close (db);
  newer = td_store_open (f->path, &error);
  g_assert_null (newer);
  g_assert_error (error, TD_ERROR, TD_ERROR_STORE);
}

static void
test_course_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = make_course ("急救人員安全衛生教育訓練", "2024-05-06");
  g_autoptr (TdCourse) loaded = NULL;
  g_autoptr (TdCourse) by_external = NULL;

  course->external_id = g_strdup ("C1");
  course->regime = TD_REGIME_HEALTH;
  course->group_discussion = TRUE;
  course->exam_mode = TD_EXAM_MODE_OWN;
  course->filed_on = g_strdup ("2024-04-19");
  g_ptr_array_add (course->changes, td_course_change_new ("2024-05-05", FALSE, "換講師"));
  g_assert_true (td_store_save_course (f->store, course, &error));
  g_assert_no_error (error);
  g_assert_cmpint (course->id, >, 0);

  loaded = td_store_get_course (f->store, course->id, &error);
  g_assert_no_error (error);
  g_assert_true (td_course_equal (course, loaded));
  by_external = td_store_find_course (f->store, "C1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_external->id, ==, course->id);
  g_assert_null (td_store_find_course (f->store, "C404", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
}

static void
test_course_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = make_course ("課程", "2024-05-06");

  g_free (course->end_date);
  course->end_date = g_strdup ("2024-05-01");
  g_assert_false (td_store_save_course (f->store, course, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_cmpint (course->id, ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM course"), ==, 0);
}

static void
test_sessions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = make_course ("課程", "2024-05-06");
  g_autoptr (TdSession) s1 = NULL;
  g_autoptr (TdSession) bad = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_assert_true (td_store_save_course (f->store, course, &error));
  s1 = make_session (course->id, "2024-05-06", "9:00", "12:00");
  g_assert_true (td_store_save_session (f->store, s1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s1->start_time, ==, "09:00");
  g_assert_cmpint (s1->minutes, ==, 180);

  bad = make_session (course->id, "2024-05-06", "13:00", "12:00");
  g_assert_false (td_store_save_session (f->store, bad, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (td_store_duplicate_day (f->store, course->id, "2024-05-06", "2024-05-07", &error));
  g_assert_no_error (error);
  list = td_store_list_sessions (f->store, course->id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TdSession *) list->pdata[1])->date, ==, "2024-05-07");
}

static void
test_trainee_validation_and_audit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) bad = make_trainee ("王小明", "A123456788");
  g_autoptr (TdTrainee) good = make_trainee ("王小明", " a123456789 ");
  g_autoptr (TdTrainee) twin = make_trainee ("王大明", "A123456789");

  g_assert_false (td_store_save_trainee (f->store, bad, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM trainee"), ==, 0);

  g_assert_true (td_store_save_trainee (f->store, good, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (good->national_id, ==, "A123456789");
  g_assert_false (td_store_save_trainee (f->store, twin, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_clear_error (&error);

  g_free (good->phone);
  good->phone = g_strdup ("0912345678");
  g_assert_true (td_store_save_trainee (f->store, good, &error));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = "
                                        "'trainee' AND actor = 'tester'"), ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = "
                                        "'update' AND json_extract (detail, '$.after.phone') = "
                                        "'0912345678'"), ==, 1);
  g_assert_true (td_store_audit (f->store, "reveal-id", "trainee", good->id, NULL, &error));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, 3);
}

static void
test_enrol_and_records (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = make_course ("課程", "2024-05-06");
  g_autoptr (TdSession) session = NULL;
  g_autoptr (TdTrainee) t = make_trainee ("陳美玲", "B234567894");
  g_autoptr (TdTrainee) again = make_trainee ("陳美玲", "B234567894");
  g_autoptr (TdEnrolment) row = NULL;
  g_autoptr (TdEnrolment) found = NULL;
  g_autoptr (TdAttendance) a = NULL;
  g_autoptr (GPtrArray) state = NULL;

  g_assert_true (td_store_save_course (f->store, course, &error));
  session = make_session (course->id, "2024-05-06", "09:00", "12:00");
  g_assert_true (td_store_save_session (f->store, session, &error));
  t->employer = g_strdup ("台灣電力公司");
  g_assert_true (td_store_enrol (f->store, course->id, t, "T1", &row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row->seq, ==, 1);
  g_assert_cmpstr (row->trainee->employer, ==, "台灣電力公司");
  g_assert_false (td_store_enrol (f->store, course->id, again, "T2", NULL, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_clear_error (&error);
  found = td_store_find_enrolment (f->store, course->id, "T1", &error);
  g_assert_nonnull (found);
  g_clear_object (&found);
  found = td_store_find_enrolment (f->store, course->id, "b234567894", &error);
  g_assert_nonnull (found);

  a = td_attendance_new (session->id, t->id, TD_ATTENDANCE_PRESENT);
  a->in_time = g_strdup ("09:05");
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  g_free (a->out_time);
  a->out_time = g_strdup ("12:00");
  a->reason = g_strdup ("簽退");
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  state = td_store_list_attendance (f->store, course->id, &error);
  g_assert_cmpuint (state->len, ==, 1);
  g_assert_cmpstr (((TdAttendance *) state->pdata[0])->out_time, ==, "12:00");
  g_assert_cmpstr (((TdAttendance *) state->pdata[0])->recorded_by, ==, "tester");

  /* Records pin the roster row, the session and the course. */
  g_assert_false (td_store_unenrol (f->store, row->id, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (td_store_delete_session (f->store, session->id, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (td_store_delete_course (f->store, course->id, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
}

static void
test_history_is_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) t = make_trainee ("林志豪", "A123456789");
  sqlite3 *db;
  char *message = NULL;

  g_assert_true (td_store_save_trainee (f->store, t, &error));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  sqlite3_close (db);
}

static void
test_nested_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) a = make_course ("A", "2024-01-01");
  g_autoptr (TdCourse) b = make_course ("B", "2024-01-02");

  g_assert_true (td_store_begin (f->store, &error));
  g_assert_true (td_store_save_course (f->store, a, &error));
  g_assert_true (td_store_save_course (f->store, b, &error));
  td_store_rollback (f->store);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM course"), ==, 0);
}

static void
test_delete_course (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = make_course ("草稿", "2024-05-06");
  g_autoptr (TdTrainee) t = make_trainee ("王小明", "A123456789");

  g_assert_true (td_store_save_course (f->store, course, &error));
  g_autoptr (TdTrainee) other = make_trainee ("陳美玲", "B234567894");
  g_autoptr (TdEnrolment) row = NULL;
  g_autoptr (GPtrArray) roster = NULL;

  g_assert_true (td_store_enrol (f->store, course->id, t, NULL, NULL, &error));
  g_assert_true (td_store_enrol (f->store, course->id, other, NULL, &row, &error));
  g_assert_true (td_store_unenrol (f->store, row->id, &error));
  g_assert_no_error (error);
  roster = td_store_list_enrolments (f->store, course->id, &error);
  g_assert_cmpuint (roster->len, ==, 1);
  g_assert_true (td_store_delete_course (f->store, course->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM enrolment"), ==, 0);
  /* The person stays in the directory. */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM trainee"), ==, 2);
}

static void
test_paged_search (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPagedList) courses = NULL;
  g_autoptr (TdPagedList) trainees = NULL;
  const char *ids[] = { "A123456789", "B234567894", "F131104093", "A800000014", "AC01234567" };
  const char *names[] = { "王小明", "陳美玲", "王大同", "John Smith", "李四" };

  g_assert_true (td_store_begin (f->store, &error));
  for (int i = 0; i < 250; i++)
    {
      g_autofree char *title = g_strdup_printf ("課程 %03d", i);
      g_autoptr (TdCourse) c = make_course (title, "2024-05-06");
      g_assert_true (td_store_save_course (f->store, c, &error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (TdTrainee) t = make_trainee (names[i], ids[i]);
      g_assert_true (td_store_save_trainee (f->store, t, &error));
    }
  g_assert_true (td_store_commit (f->store, &error));

  courses = td_paged_list_new_courses (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (courses)), ==, 250);
  {
    g_autoptr (TdCourse) last = g_list_model_get_item (G_LIST_MODEL (courses), 249);
    g_assert_nonnull (last);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (courses), 250));
  }
  {
    /* Rows deleted behind the list's back still give an item until the reload. */
    g_autoptr (TdPagedList) fresh = td_paged_list_new_courses (f->store);
    g_autoptr (TdCourse) first = g_list_model_get_item (G_LIST_MODEL (fresh), 0);
    g_autoptr (TdCourse) stale = NULL;
    g_assert_true (td_store_delete_course (f->store, first->id, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, 250);
    stale = g_list_model_get_item (G_LIST_MODEL (fresh), 249);
    g_assert_nonnull (stale);
    g_assert_cmpint (stale->id, ==, 0);
    td_paged_list_reload (courses);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (courses)), ==, 249);
  }
  td_paged_list_set_search (courses, "課程 12");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (courses)), ==, 10);

  trainees = td_paged_list_new_trainees (f->store);
  td_paged_list_set_search (trainees, "a1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainees)), ==, 1);
  td_paged_list_set_search (trainees, "ac0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainees)), ==, 1);
  td_paged_list_set_search (trainees, "王");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainees)), ==, 2);
  td_paged_list_set_search (trainees, "王大");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainees)), ==, 1);
  /* Names match from their start, as written on the roster. */
  td_paged_list_set_search (trainees, "John");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainees)), ==, 1);
  td_paged_list_set_search (trainees, "Smith");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainees)), ==, 0);
}

static void
test_settings_and_unit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdUnit) unit = td_store_get_unit (f->store, &error);
  g_autoptr (TdUnit) loaded = NULL;
  g_autofree char *evening = NULL;
  g_autofree char *fallback = NULL;

  g_free (unit->title);
  unit->title = g_strdup ("社團法人台灣職業安全衛生協會");
  g_assert_true (td_store_save_unit (f->store, unit, &error));
  loaded = td_store_get_unit (f->store, &error);
  g_assert_cmpstr (loaded->title, ==, "社團法人台灣職業安全衛生協會");
  g_assert_true (td_store_set_setting (f->store, "evening-start", "18:30", &error));
  evening = td_store_get_setting (f->store, "evening-start", "18:00");
  fallback = td_store_get_setting (f->store, "missing", "x");
  g_assert_cmpstr (evening, ==, "18:30");
  g_assert_cmpstr (fallback, ==, "x");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/open-migrates", test_open_migrates);
  ADD ("/store/refuses-newer-schema", test_refuses_newer_schema);
  ADD ("/store/course-round-trip", test_course_round_trip);
  ADD ("/store/course-validation", test_course_validation);
  ADD ("/store/sessions", test_sessions);
  ADD ("/store/trainee-validation-and-audit", test_trainee_validation_and_audit);
  ADD ("/store/enrol-and-records", test_enrol_and_records);
  ADD ("/store/history-is-append-only", test_history_is_append_only);
  ADD ("/store/nested-rollback", test_nested_rollback);
  ADD ("/store/delete-course", test_delete_course);
  ADD ("/store/paged-search", test_paged_search);
  ADD ("/store/settings-and-unit", test_settings_and_unit);
#undef ADD
  return g_test_run ();
}
