/* test-scan.c — scans at the desk: sign-in, sign-out, duplicates, voided and unknown
 * codes, people not on the roster, hours awards */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "attendance-fixture.h"
#include "td-attendance-desk.h"
#include "td-scan.h"
#include "td-trainee-code.h"

static TdScanResult *
scan (Fixture *f, int session, const char *input, int hh, int mm)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = fixture_at (session == 2 ? "2024-05-07" : "2024-05-06", hh, mm);
  TdScanResult *result = td_scan_session (f->store, f->session[session], input, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static GPtrArray *
history (Fixture *f, int session, gint64 trainee_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *events = td_store_list_attendance_history (f->store, f->session[session],
                                                        trainee_id, &error);
  g_assert_no_error (error);
  return events;
}

static char *
code_of (Fixture *f, gint64 trainee_id)
{
  g_autoptr (GError) error = NULL;
  char *code = td_trainee_code_get (f->store, trainee_id, &error);

  g_assert_no_error (error);
  return code;
}

static void
test_sign_in_then_out (Fixture *f, gconstpointer data)
{
  g_autofree char *code = code_of (f, f->trainee[0]);
  g_autoptr (TdScanResult) in = scan (f, 0, code, 8, 55);
  g_autoptr (TdScanResult) out = NULL;
  g_autoptr (GPtrArray) events = NULL;
  TdAttendance *last;

  g_assert_cmpint (in->outcome, ==, TD_SCAN_SIGNED_IN);
  g_assert_cmpint (in->trainee_id, ==, f->trainee[0]);
  g_assert_cmpstr (in->trainee_name, ==, "王小明");
  g_assert_cmpstr (in->time, ==, "08:55");
  g_assert_true (td_scan_outcome_is_success (in->outcome));

  out = scan (f, 0, code, 12, 1);
  g_assert_cmpint (out->outcome, ==, TD_SCAN_SIGNED_OUT);
  g_assert_cmpstr (out->time, ==, "12:01");

  events = history (f, 0, f->trainee[0]);
  g_assert_cmpuint (events->len, ==, 2);
  last = g_ptr_array_index (events, 1);
  g_assert_cmpint (last->status, ==, TD_ATTENDANCE_PRESENT);
  g_assert_cmpstr (last->in_time, ==, "08:55");
  g_assert_cmpstr (last->out_time, ==, "12:01");
  g_assert_cmpint (last->source, ==, TD_ATTENDANCE_SOURCE_SCAN);
  g_assert_cmpstr (last->recorded_by, ==, "counsellor");
}

static void
test_duplicate_within_interval (Fixture *f, gconstpointer data)
{
  g_autofree char *code = code_of (f, f->trainee[0]);
  g_autoptr (TdScanResult) in = scan (f, 0, code, 9, 0);
  g_autoptr (TdScanResult) again = scan (f, 0, code, 9, 9);
  g_autoptr (TdScanResult) out = NULL;
  g_autoptr (TdScanResult) after = NULL;
  g_autoptr (GPtrArray) events = NULL;

  g_assert_cmpint (again->outcome, ==, TD_SCAN_DUPLICATE);
  g_assert_cmpstr (again->time, ==, "09:00");
  g_assert_false (td_scan_outcome_is_success (again->outcome));
  events = history (f, 0, f->trainee[0]);
  g_assert_cmpuint (events->len, ==, 1);

  /* Exactly the interval (default 10 minutes) later signs out. */
  out = scan (f, 0, code, 9, 10);
  g_assert_cmpint (out->outcome, ==, TD_SCAN_SIGNED_OUT);
  after = scan (f, 0, code, 12, 0);
  g_assert_cmpint (after->outcome, ==, TD_SCAN_DUPLICATE);
  g_assert_cmpstr (after->time, ==, "09:10");
  g_clear_pointer (&events, g_ptr_array_unref);
  events = history (f, 0, f->trainee[0]);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM scan_log"), ==, 4);
}

static void
test_interval_setting (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = code_of (f, f->trainee[1]);
  g_autoptr (TdScanResult) in = NULL;
  g_autoptr (TdScanResult) early = NULL;
  g_autoptr (TdScanResult) out = NULL;

  g_assert_cmpint (td_scan_get_min_interval (f->store), ==, TD_SCAN_MIN_INTERVAL_DEFAULT);
  g_assert_true (td_store_set_setting (f->store, TD_SCAN_MIN_INTERVAL_SETTING, "60", &error));
  g_assert_cmpint (td_scan_get_min_interval (f->store), ==, 60);
  in = scan (f, 1, code, 13, 0);
  early = scan (f, 1, code, 13, 59);
  out = scan (f, 1, code, 14, 0);
  g_assert_cmpint (in->outcome, ==, TD_SCAN_SIGNED_IN);
  g_assert_cmpint (early->outcome, ==, TD_SCAN_DUPLICATE);
  g_assert_cmpint (out->outcome, ==, TD_SCAN_SIGNED_OUT);

  /* A setting that is not a number of minutes falls back to the default. */
  g_assert_true (td_store_set_setting (f->store, TD_SCAN_MIN_INTERVAL_SETTING, "ten", &error));
  g_test_expect_message ("td-scan", G_LOG_LEVEL_WARNING, "*not a number of minutes*");
  g_assert_cmpint (td_scan_get_min_interval (f->store), ==, TD_SCAN_MIN_INTERVAL_DEFAULT);
  g_test_assert_expected_messages ();
}

static void
test_voided_code (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old = code_of (f, f->trainee[0]);
  g_autofree char *fresh = td_trainee_code_regenerate (f->store, f->trainee[0], &error);
  g_autoptr (TdScanResult) refused = scan (f, 0, old, 9, 0);
  g_autoptr (TdScanResult) accepted = scan (f, 0, fresh, 9, 1);
  g_autoptr (GPtrArray) events = NULL;

  g_assert_cmpint (refused->outcome, ==, TD_SCAN_VOIDED);
  g_assert_cmpint (refused->trainee_id, ==, f->trainee[0]);
  g_assert_cmpstr (refused->message, ==, "QR code voided, generate a new one.");
  g_assert_cmpint (accepted->outcome, ==, TD_SCAN_SIGNED_IN);
  g_assert_cmpstr (accepted->time, ==, "09:01");
  events = history (f, 0, f->trainee[0]);
  g_assert_cmpuint (events->len, ==, 1);
}

static void
test_unknown_input (Fixture *f, gconstpointer data)
{
  const char *inputs[] = {
    "TD1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /* well formed, never issued */
    "TD1:SHORT",
    "A123456788",                           /* bad check digit */
    "E122222229",                           /* valid ID, nobody here */
    "hello",
    "",
    "   \r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (TdScanResult) r = scan (f, 0, inputs[i], 9, 0);

      g_assert_cmpint (r->outcome, ==, TD_SCAN_UNKNOWN);
      g_assert_cmpint (r->trainee_id, ==, 0);
      g_assert_null (r->trainee_name);
    }
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM attendance_event"), ==, 0);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM scan_log WHERE outcome = 'unknown'"),
                   ==, G_N_ELEMENTS (inputs));
}

static void
test_national_id_input (Fixture *f, gconstpointer data)
{
  /* Typed with Caps Lock off, full-width digits from an input method, and the Enter. */
  g_autoptr (TdScanResult) r = scan (f, 0, "b２２３４５６７８２\n", 9, 3);

  g_assert_cmpint (r->outcome, ==, TD_SCAN_SIGNED_IN);
  g_assert_cmpint (r->trainee_id, ==, f->trainee[1]);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM scan_log WHERE input_kind = "
                                     "'national-id'"), ==, 1);
}

static void
test_code_variants (Fixture *f, gconstpointer data)
{
  g_autofree char *code = code_of (f, f->trainee[2]);
  g_autofree char *lower = g_ascii_strdown (code, -1);
  g_autofree char *padded = g_strdup_printf ("  %s\r\n", lower);
  g_autoptr (TdScanResult) r = scan (f, 0, padded, 9, 0);

  g_assert_cmpint (r->outcome, ==, TD_SCAN_SIGNED_IN);
  g_assert_cmpint (r->trainee_id, ==, f->trainee[2]);
}

static void
test_not_enrolled (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = code_of (f, f->outsider);
  g_autoptr (TdScanResult) by_code = scan (f, 0, code, 9, 0);
  g_autoptr (TdScanResult) by_id = scan (f, 0, ID_OFF_ROSTER, 9, 0);
  g_autoptr (TdEnrolment) e = td_store_find_enrolment (f->store, f->course_id, ID_ON_ROSTER_3,
                                                       &error);
  g_autoptr (TdScanResult) dismissed = NULL;

  g_assert_cmpint (by_code->outcome, ==, TD_SCAN_NOT_ENROLLED);
  g_assert_cmpstr (by_code->trainee_name, ==, "張大同");
  g_assert_cmpint (by_id->outcome, ==, TD_SCAN_NOT_ENROLLED);
  g_assert_true (td_store_set_enrolment_status (f->store, e->id, TD_ENROLMENT_DISMISSED, &error));
  dismissed = scan (f, 0, ID_ON_ROSTER_3, 9, 0);
  g_assert_cmpint (dismissed->outcome, ==, TD_SCAN_NOT_ENROLLED);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM attendance_event"), ==, 0);
}

static void
test_after_leave_or_absent (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdAttendance) absent = td_attendance_new (f->session[0], f->trainee[0],
                                                       TD_ATTENDANCE_ABSENT);
  g_autoptr (TdScanResult) r = NULL;

  g_assert_true (td_store_record_attendance (f->store, absent, &error));
  r = scan (f, 0, ID_ON_ROSTER_1, 9, 20);
  g_assert_cmpint (r->outcome, ==, TD_SCAN_SIGNED_IN);
  g_assert_cmpstr (r->time, ==, "09:20");
}

static void
test_wrong_day_or_session (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) tomorrow = fixture_at ("2024-05-07", 9, 0);
  TdScanResult *r = td_scan_session (f->store, f->session[0], ID_ON_ROSTER_1, tomorrow, &error);

  g_assert_null (r);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-05-06"));
  g_clear_error (&error);
  r = td_scan_session (f->store, 4242, ID_ON_ROSTER_1, tomorrow, &error);
  g_assert_null (r);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM scan_log"), ==, 0);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM attendance_event"), ==, 0);
}

/* --- hours activities ------------------------------------------------------------ */

static gint64
make_activity (Fixture *f, gint64 *course_out)
{
  g_autoptr (GError) error = NULL;
  gint64 course = fixture_add_course (f, TD_REGIME_HOURS, "environment-education",
                                      "2024-06-01", "2024-06-01");
  TdHoursActivity activity = {
    .course_id = course,
    .title = g_strdup ("測試活動001"),
    .date = g_strdup ("2024-06-01"),
    .physical_minutes = 120,
  };

  fixture_enrol (f, course, "王小明", ID_ON_ROSTER_1);
  fixture_enrol (f, course, "陳美玲", ID_ON_ROSTER_2);
  g_assert_true (td_store_create_hours_activity (f->store, &activity, &error));
  g_assert_no_error (error);
  g_free (activity.title);
  g_free (activity.date);
  *course_out = course;
  return activity.id;
}

static TdScanResult *
scan_activity (Fixture *f, gint64 activity, const char *input)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = fixture_at ("2024-06-01", 16, 0);
  TdScanResult *r = td_scan_activity (f->store, activity, input, now, &error);

  g_assert_no_error (error);
  return r;
}

static void
test_award_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 course;
  gint64 activity = make_activity (f, &course);
  g_autofree char *code = code_of (f, f->trainee[0]);
  g_autoptr (TdScanResult) first = scan_activity (f, activity, code);
  g_autoptr (TdScanResult) second = scan_activity (f, activity, code);
  g_autoptr (TdScanResult) by_id = scan_activity (f, activity, ID_ON_ROSTER_1);
  g_autoptr (TdScanResult) other = scan_activity (f, activity, ID_ON_ROSTER_2);
  g_autoptr (TdScanResult) outsider = scan_activity (f, activity, ID_OFF_ROSTER);
  g_autoptr (GPtrArray) awards = td_store_list_hours_awards (f->store, activity, &error);
  TdHoursAward *award;

  g_assert_cmpint (first->outcome, ==, TD_SCAN_AWARDED);
  g_assert_cmpint (second->outcome, ==, TD_SCAN_DUPLICATE);
  g_assert_cmpint (by_id->outcome, ==, TD_SCAN_DUPLICATE);
  g_assert_cmpint (other->outcome, ==, TD_SCAN_AWARDED);
  g_assert_cmpint (outsider->outcome, ==, TD_SCAN_NOT_ENROLLED);
  g_assert_no_error (error);
  g_assert_cmpuint (awards->len, ==, 2);
  award = g_ptr_array_index (awards, 0);
  g_assert_cmpint (award->trainee_id, ==, f->trainee[0]);
  g_assert_cmpint (award->physical_minutes, ==, 120);
  g_assert_cmpint (award->digital_minutes, ==, 0);
  g_assert_cmpstr (award->trainee->name, ==, "王小明");
  g_assert_cmpstr (award->awarded_at, ==, "2024-06-01T16:00:00");
}

static void
test_award_voided (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 course;
  gint64 activity = make_activity (f, &course);
  g_autofree char *old = code_of (f, f->trainee[1]);
  g_autofree char *fresh = td_trainee_code_regenerate (f->store, f->trainee[1], &error);
  g_autoptr (TdScanResult) refused = scan_activity (f, activity, old);
  g_autoptr (TdScanResult) unknown = scan_activity (f, activity, "TD1:NOPE");

  g_assert_cmpint (refused->outcome, ==, TD_SCAN_VOIDED);
  g_assert_cmpstr (refused->message, ==, "QR code voided, generate a new one.");
  g_assert_cmpint (unknown->outcome, ==, TD_SCAN_UNKNOWN);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM hours_award"), ==, 0);
}

static void
test_outcome_names (void)
{
  g_assert_cmpstr (td_scan_outcome_to_string (TD_SCAN_SIGNED_IN), ==, "signed-in");
  g_assert_cmpstr (td_scan_outcome_to_string (TD_SCAN_SIGNED_OUT), ==, "signed-out");
  g_assert_cmpstr (td_scan_outcome_to_string (TD_SCAN_AWARDED), ==, "awarded");
  g_assert_cmpstr (td_scan_outcome_to_string (TD_SCAN_DUPLICATE), ==, "duplicate");
  g_assert_cmpstr (td_scan_outcome_to_string (TD_SCAN_VOIDED), ==, "voided");
  g_assert_cmpstr (td_scan_outcome_to_string (TD_SCAN_NOT_ENROLLED), ==, "not-enrolled");
  g_assert_cmpstr (td_scan_outcome_to_string (TD_SCAN_UNKNOWN), ==, "unknown");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan/outcome-names", test_outcome_names);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/scan/sign-in-then-out", test_sign_in_then_out);
  ADD ("/scan/duplicate-within-interval", test_duplicate_within_interval);
  ADD ("/scan/interval-setting", test_interval_setting);
  ADD ("/scan/voided-code", test_voided_code);
  ADD ("/scan/unknown-input", test_unknown_input);
  ADD ("/scan/national-id-input", test_national_id_input);
  ADD ("/scan/code-variants", test_code_variants);
  ADD ("/scan/not-enrolled", test_not_enrolled);
  ADD ("/scan/after-absent", test_after_leave_or_absent);
  ADD ("/scan/wrong-day-or-session", test_wrong_day_or_session);
  ADD ("/scan/hours/award-once", test_award_once);
  ADD ("/scan/hours/voided", test_award_voided);
  return g_test_run ();
}
