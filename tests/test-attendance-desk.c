/* test-attendance-desk.c — leave, make-up, roll call and hours activities in the store */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "attendance-fixture.h"
#include "td-attendance-desk.h"

static void
test_leave_kind (void)
{
  g_autofree char *personal = td_leave_kind_normalize (" 事假 ");
  g_autofree char *sick = td_leave_kind_normalize ("病假");
  g_autofree char *english = td_leave_kind_normalize ("Sick");
  g_autofree char *other = td_leave_kind_normalize ("公假");

  g_assert_cmpstr (personal, ==, "personal");
  g_assert_cmpstr (sick, ==, "sick");
  g_assert_cmpstr (english, ==, "sick");
  g_assert_cmpstr (other, ==, "公假");
  g_assert_null (td_leave_kind_normalize ("  "));
  g_assert_null (td_leave_kind_normalize (NULL));
}

static void
test_record_leave (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) leave = NULL;
  g_autoptr (GPtrArray) events = NULL;
  TdLeave *l;
  TdAttendance *a;

  g_assert_true (td_store_record_leave (f->store, f->session[0], f->trainee[0], "病假", 180,
                                        "診斷證明", &error));
  g_assert_no_error (error);
  leave = td_store_list_leave (f->store, f->course_id, &error);
  g_assert_cmpuint (leave->len, ==, 1);
  l = g_ptr_array_index (leave, 0);
  g_assert_cmpstr (l->kind, ==, "sick");
  g_assert_cmpint (l->minutes, ==, 180);
  g_assert_cmpstr (l->proof_note, ==, "診斷證明");
  g_assert_cmpstr (l->recorded_by, ==, "counsellor");

  events = td_store_list_attendance_history (f->store, f->session[0], f->trainee[0], &error);
  g_assert_cmpuint (events->len, ==, 1);
  a = g_ptr_array_index (events, 0);
  g_assert_cmpint (a->status, ==, TD_ATTENDANCE_LEAVE);
  g_assert_cmpstr (a->leave_kind, ==, "sick");
}

static void
test_leave_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (td_store_record_leave (f->store, f->session[0], f->trainee[0], "事假", 181,
                                         NULL, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_store_record_leave (f->store, f->session[0], f->trainee[0], "事假", 0, NULL,
                                         &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_store_record_leave (f->store, f->session[0], f->trainee[0], "", 60, NULL,
                                         &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_store_record_leave (f->store, f->session[0], f->outsider, "事假", 60, NULL,
                                         &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_store_record_leave (f->store, 999, f->trainee[0], "事假", 60, NULL, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM leave_record"), ==, 0);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM attendance_event"), ==, 0);
}

/* A correction appends: the cell's history shows the leave and then the presence. */
static void
test_leave_corrected (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdAttendance) present = td_attendance_new (f->session[1], f->trainee[1],
                                                        TD_ATTENDANCE_PRESENT);
  g_autoptr (GPtrArray) events = NULL;
  sqlite3 *db = NULL;

  g_assert_true (td_store_record_leave (f->store, f->session[1], f->trainee[1], "事假", 60, NULL,
                                        &error));
  present->in_time = g_strdup ("13:00");
  present->reason = g_strdup ("leave cancelled");
  g_assert_true (td_store_record_attendance (f->store, present, &error));
  events = td_store_list_attendance_history (f->store, f->session[1], f->trainee[1], &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (((TdAttendance *) g_ptr_array_index (events, 0))->status, ==,
                   TD_ATTENDANCE_LEAVE);
  g_assert_cmpint (((TdAttendance *) g_ptr_array_index (events, 1))->status, ==,
                   TD_ATTENDANCE_PRESENT);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM leave_record", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE leave_record SET minutes = 1", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
later_run (Fixture *f, const char *category, const char *start, gint64 *session)
{
  gint64 course = fixture_add_course (f, TD_REGIME_OSH, category, start, start);

  *session = fixture_add_session (f, course, start, "09:00", "11:00");
  return course;
}

static void
test_makeup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) makeups = NULL;
  gint64 later_session;
  TdMakeup *m;

  later_run (f, "first-aid", "2024-08-01", &later_session);
  g_assert_true (td_store_record_makeup (f->store, f->trainee[0], f->session[0], later_session,
                                         120, &error));
  g_assert_no_error (error);
  makeups = td_store_list_makeups (f->store, f->course_id, &error);
  g_assert_cmpuint (makeups->len, ==, 1);
  m = g_ptr_array_index (makeups, 0);
  g_assert_cmpint (m->trainee_id, ==, f->trainee[0]);
  g_assert_cmpint (m->missed_session_id, ==, f->session[0]);
  g_assert_cmpint (m->makeup_session_id, ==, later_session);
  g_assert_cmpint (m->minutes, ==, 120);
}

static void
test_makeup_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 other_category, earlier, later;

  later_run (f, "forklift", "2024-08-01", &other_category);
  later_run (f, "first-aid", "2024-01-01", &earlier);
  later_run (f, "first-aid", "2024-08-01", &later);

  g_assert_false (td_store_record_makeup (f->store, f->trainee[0], f->session[0], other_category,
                                          60, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "forklift"));
  g_clear_error (&error);
  g_assert_false (td_store_record_makeup (f->store, f->trainee[0], f->session[0], earlier, 60,
                                          &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_store_record_makeup (f->store, f->trainee[0], f->session[0], f->session[2],
                                          60, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_store_record_makeup (f->store, f->trainee[0], f->session[0], later, 121,
                                          &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_store_record_makeup (f->store, f->outsider, f->session[0], later, 60,
                                          &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM makeup"), ==, 0);
}

static void
test_rollcall (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  TdRollcall first = { .session_id = f->session[0], .taken_at = "2024-05-06T09:20",
                       .taken_by = g_strdup ("李輔導"), .present = 2, .absent = 1 };
  TdRollcall corrected = { .session_id = f->session[0], .taken_at = "2024-05-06T09:25:00",
                           .taken_by = g_strdup ("李輔導"), .present = 3, .absent = 0,
                           .note = "林志豪 arrived 09:22" };
  TdRollcall *last;

  g_assert_true (td_store_record_rollcall (f->store, &first, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_record_rollcall (f->store, &corrected, &error));
  g_assert_cmpint (corrected.id, >, first.id);
  list = td_store_list_rollcalls (f->store, f->course_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  last = g_ptr_array_index (list, 1);
  g_assert_cmpint (last->present, ==, 3);
  g_assert_cmpstr (last->note, ==, "林志豪 arrived 09:22");
  g_assert_cmpstr (last->taken_at, ==, "2024-05-06T09:25:00");
  g_free (first.taken_by);
  g_free (corrected.taken_by);
}

static void
test_rollcall_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TdRollcall wrong_day = { .session_id = f->session[0], .taken_at = "2024-05-07T09:20",
                           .taken_by = g_strdup ("李輔導") };
  TdRollcall bad_time = { .session_id = f->session[0], .taken_at = "2024-05-06T25:20",
                          .taken_by = g_strdup ("李輔導") };
  TdRollcall nobody = { .session_id = f->session[0], .taken_at = "2024-05-06T09:20",
                        .taken_by = g_strdup ("  ") };
  TdRollcall negative = { .session_id = f->session[0], .taken_at = "2024-05-06T09:20",
                          .taken_by = g_strdup ("李輔導"), .absent = -1 };
  TdRollcall *cases[] = { &wrong_day, &bad_time, &nobody, &negative };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (td_store_record_rollcall (f->store, cases[i], &error));
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      g_clear_error (&error);
      g_free (cases[i]->taken_by);
    }
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM rollcall"), ==, 0);
}

static void
test_hours_activity (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 course = fixture_add_course (f, TD_REGIME_HOURS, "environment-education", "2024-06-01",
                                      "2024-06-01");
  gint64 session = fixture_add_session (f, course, "2024-06-01", "09:00", "11:00");
  TdHoursActivity a = { .course_id = course, .session_id = session, .title = g_strdup ("淨灘"),
                        .date = g_strdup ("2024-06-01"), .physical_minutes = 120,
                        .digital_minutes = 30 };
  g_autoptr (TdHoursActivity) found = NULL;
  g_autoptr (TdHoursActivity) by_id = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_assert_true (td_store_create_hours_activity (f->store, &a, &error));
  g_assert_no_error (error);
  found = td_store_find_session_hours_activity (f->store, session, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, a.id);
  g_assert_cmpint (found->digital_minutes, ==, 30);
  by_id = td_store_get_hours_activity (f->store, a.id, &error);
  g_assert_cmpstr (by_id->title, ==, "淨灘");
  list = td_store_list_hours_activities (f->store, course, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (td_store_find_session_hours_activity (f->store, f->session[0], &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* An activity is a record to keep: it pins its session and its course. */
  g_assert_false (td_store_delete_session (f->store, session, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (td_store_delete_course (f->store, course, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_free (a.title);
  g_free (a.date);
}

static void
test_hours_activity_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 hours = fixture_add_course (f, TD_REGIME_HOURS, "environment-education", "2024-06-01",
                                     "2024-06-01");
  TdHoursActivity cases[] = {
    { .course_id = f->course_id, .title = "淨灘", .date = "2024-06-01", .physical_minutes = 60 },
    { .course_id = hours, .title = "", .date = "2024-06-01", .physical_minutes = 60 },
    { .course_id = hours, .title = "淨灘", .date = "113/06/01", .physical_minutes = 60 },
    { .course_id = hours, .title = "淨灘", .date = "2024-06-01" },
    { .course_id = hours, .title = "淨灘", .date = "2024-06-01", .physical_minutes = -60,
      .digital_minutes = 120 },
    { .course_id = hours, .session_id = f->session[0], .title = "淨灘", .date = "2024-06-01",
      .physical_minutes = 60 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TdHoursActivity a = cases[i];

      a.title = g_strdup (a.title);
      a.date = g_strdup (a.date);
      g_assert_false (td_store_create_hours_activity (f->store, &a, &error));
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      g_clear_error (&error);
      g_free (a.title);
      g_free (a.date);
    }
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM hours_activity"), ==, 0);
}

static void
test_sessions_on_date (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) day = NULL;
  g_autoptr (GPtrArray) empty = NULL;
  gint64 other = fixture_add_course (f, TD_REGIME_OSH, "first-aid", "2024-05-06", "2024-05-06");
  gint64 early = fixture_add_session (f, other, "2024-05-06", "08:00", "10:00");
  TdSession *s;

  day = td_store_list_sessions_on_date (f->store, "2024-05-06", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 3);
  /* By start time across courses: the other course's 08:00 first. */
  s = g_ptr_array_index (day, 0);
  g_assert_cmpint (s->id, ==, early);
  g_assert_cmpint (s->course_id, ==, other);
  s = g_ptr_array_index (day, 1);
  g_assert_cmpint (s->id, ==, f->session[0]);
  g_assert_cmpstr (s->start_time, ==, "09:00");
  s = g_ptr_array_index (day, 2);
  g_assert_cmpint (s->id, ==, f->session[1]);

  empty = td_store_list_sessions_on_date (f->store, "2024-05-08", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);

  g_assert_null (td_store_list_sessions_on_date (f->store, "113/05/06", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attendance-desk/leave-kind", test_leave_kind);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/attendance-desk/sessions-on-date", test_sessions_on_date);
  ADD ("/attendance-desk/leave", test_record_leave);
  ADD ("/attendance-desk/leave-refused", test_leave_refused);
  ADD ("/attendance-desk/leave-corrected", test_leave_corrected);
  ADD ("/attendance-desk/makeup", test_makeup);
  ADD ("/attendance-desk/makeup-refused", test_makeup_refused);
  ADD ("/attendance-desk/rollcall", test_rollcall);
  ADD ("/attendance-desk/rollcall-refused", test_rollcall_refused);
  ADD ("/attendance-desk/hours-activity", test_hours_activity);
  ADD ("/attendance-desk/hours-activity-refused", test_hours_activity_refused);
  return g_test_run ();
}
