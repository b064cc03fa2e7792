/* test-rules.c — the rule packs and every course-level rule, at their boundaries */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "td-attendance-desk.h"
#include "td-course-file.h"
#include "td-demo.h"
#include "td-national-id.h"
#include "td-rules.h"
#include "td-store.h"

/* --- building snapshots ------------------------------------------------------- */

static TdCourseSnapshot *
make_snapshot (TdRegime regime, const char *category, TdCourseKind kind, const char *start,
               const char *end)
{
  g_autoptr (TdCourse) c = td_course_new ();

  c->id = 7;
  c->external_id = g_strdup ("C1");
  c->regime = regime;
  c->category = g_strdup (category);
  c->kind = kind;
  c->title = g_strdup ("Test course");
  c->start_date = g_strdup (start);
  c->end_date = g_strdup (end);
  c->counsellor_name = g_strdup ("王輔導");
  c->counsellor_qualified = TRUE;
  return td_course_snapshot_new (c);
}

static TdCourseSnapshot *
osh_snapshot (void)
{
  return make_snapshot (TD_REGIME_OSH, "first-aid", TD_COURSE_KIND_PROFESSIONAL, "2024-05-16",
                        "2024-05-18");
}

static TdSession *
add_session (TdCourseSnapshot *snap, gint64 id, const char *date, const char *start,
             const char *end, TdSessionMode mode)
{
  TdSession *s = td_session_new ();

  s->id = id;
  s->course_id = snap->course->id;
  s->external_id = g_strdup_printf ("S%" G_GINT64_FORMAT, id);
  s->date = g_strdup (date);
  s->start_time = g_strdup (start);
  s->end_time = g_strdup (end);
  s->subject = g_strdup ("subject");
  s->mode = mode;
  s->minutes = td_session_span_minutes (s);
  g_ptr_array_add (snap->sessions, s);
  return s;
}

static TdEnrolment *
add_trainee (TdCourseSnapshot *snap, gint64 id)
{
  g_autoptr (TdTrainee) t = td_trainee_new ();
  TdEnrolment *e;

  t->id = id;
  t->name = g_strdup_printf ("trainee %" G_GINT64_FORMAT, id);
  e = td_enrolment_new (t);
  e->id = 100 + id;
  e->course_id = snap->course->id;
  e->external_id = g_strdup_printf ("T%" G_GINT64_FORMAT, id);
  e->seq = snap->enrolments->len + 1;
  g_ptr_array_add (snap->enrolments, e);
  return e;
}

static void
add_trainees (TdCourseSnapshot *snap, guint n)
{
  for (guint i = 1; i <= n; i++)
    add_trainee (snap, i);
}

static void
attend (TdCourseSnapshot *snap, gint64 session, gint64 trainee, TdAttendanceStatus status,
        const char *in, const char *out)
{
  TdAttendance *a = td_attendance_new (session, trainee, status);

  a->in_time = g_strdup (in);
  a->out_time = g_strdup (out);
  g_ptr_array_add (snap->attendance, a);
}

/* A cell with leave of @minutes in force, as a loaded snapshot has it: status leave
 * when nothing was signed after it, present with the times of a sign-in after it. */
static void
attend_leave (TdCourseSnapshot *snap, gint64 session, gint64 trainee, int minutes,
              const char *in, const char *out)
{
  attend (snap, session, trainee, in != NULL ? TD_ATTENDANCE_PRESENT : TD_ATTENDANCE_LEAVE, in,
          out);
  ((TdAttendance *) g_ptr_array_index (snap->attendance, snap->attendance->len - 1))
    ->leave_minutes = minutes;
}

static TdRulePack *
pack_for (TdRegime regime)
{
  g_autoptr (GError) error = NULL;
  TdRulePack *pack = td_rule_pack_load_for_regime (regime, &error);

  g_assert_no_error (error);
  return pack;
}

/* Findings of one rule for the snapshot's regime pack. */
static GPtrArray *
check (TdCourseSnapshot *snap, const char *rule, const char *today)
{
  g_autoptr (TdRulePack) pack = pack_for (snap->course->regime);
  g_autoptr (GError) error = NULL;
  GPtrArray *findings = td_rules_check_snapshot (snap, pack, rule, today, &error);

  g_assert_no_error (error);
  return findings;
}

static guint
count_rule (TdCourseSnapshot *snap, const char *rule, const char *today, TdSeverity severity)
{
  g_autoptr (GPtrArray) findings = check (snap, rule, today);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      g_assert_cmpstr (f->rule, ==, rule);
      g_assert_nonnull (f->article);
      g_assert_nonnull (f->message);
      if (f->severity == severity)
        n++;
    }
  return n;
}

static guint
count_all (TdCourseSnapshot *snap, const char *rule, const char *today)
{
  g_autoptr (GPtrArray) findings = check (snap, rule, today);
  return findings->len;
}

#define N_ERRORS(snap, rule, today) count_rule ((snap), (rule), (today), TD_SEVERITY_ERROR)
#define N_WARNINGS(snap, rule, today) count_rule ((snap), (rule), (today), TD_SEVERITY_WARNING)
#define N_INFOS(snap, rule, today) count_rule ((snap), (rule), (today), TD_SEVERITY_INFO)

static TdAttendanceSummary
summarise (TdCourseSnapshot *snap, gint64 trainee, const char *today)
{
  g_autoptr (TdRulePack) pack = pack_for (snap->course->regime);
  g_autoptr (GError) error = NULL;
  TdAttendanceSummary sum;

  g_assert_true (td_rules_summarise_attendance (snap, pack, trainee, today, &sum, &error));
  g_assert_no_error (error);
  return sum;
}

/* --- packs ------------------------------------------------------------------------ */

static void
test_packs_shipped (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *const *known = td_rule_pack_known_rules ();

  for (TdRegime r = TD_REGIME_OSH; r <= TD_REGIME_HOURS; r++)
    {
      g_autoptr (TdRulePack) pack = pack_for (r);
      GPtrArray *entries = td_rule_pack_get_entries (pack);

      g_assert_cmpint (td_rule_pack_get_regime (pack), ==, r);
      for (guint i = 0; i < entries->len; i++)
        {
          TdRuleEntry *e = g_ptr_array_index (entries, i);
          GHashTableIter iter;
          TdRuleParam *p;

          g_hash_table_add (seen, g_strdup (e->id));
          g_assert_true (g_str_has_prefix (e->article, "職業安全衛生教育訓練規則")
                         || g_str_has_prefix (e->article, "從事勞工健康服務")
                         || g_str_has_prefix (e->article, "身心障礙者"));
          g_hash_table_iter_init (&iter, e->params);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
            g_assert_true (p->citation != NULL && *p->citation != '\0');
        }
    }
  /* Every rule the engine implements is used by a shipped pack. */
  for (guint i = 0; known[i] != NULL; i++)
    g_assert_true (g_hash_table_contains (seen, known[i]));
}

static void
assert_pack_error (const char *json, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdRulePack) pack = td_rule_pack_new_from_data (json, -1, "test.json", &error);

  g_assert_null (pack);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name %s", error->message, path);
}

#define HEAD "{\"format\":\"training-desk/rule-pack@1\",\"regime\":\"osh\",\"source\":\"x\","
#define TM "\"time-model\":{\"period\":{\"value\":60,\"unit\":\"minutes\",\"citation\":\"c\"}," \
           "\"late-after\":{\"value\":15,\"unit\":\"minutes\",\"citation\":\"c\"}},"

static void
test_packs_strict (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdRulePack) ok = NULL;

  assert_pack_error ("[", "test.json");
  assert_pack_error (HEAD "\"rules\":[],\"bogus\":1}", "$.bogus");
  assert_pack_error ("{\"format\":\"other\",\"regime\":\"osh\",\"source\":\"x\",\"rules\":[]}",
                     "$.format");
  assert_pack_error (HEAD "\"rules\":[{\"id\":\"no.such\",\"severity\":\"error\",\"article\":\"a\"}]}",
                     "$.rules[0].id");
  assert_pack_error (HEAD "\"rules\":[{\"id\":\"staff.counsellor\",\"severity\":\"fatal\",\"article\":\"a\"}]}",
                     "$.rules[0].severity");
  assert_pack_error (HEAD TM "\"rules\":[{\"id\":\"attendance.dismissal\",\"severity\":\"error\",\"article\":\"a\"}]}",
                     "$.rules[0].params.fraction");
  assert_pack_error (HEAD TM "\"rules\":[{\"id\":\"attendance.dismissal\",\"severity\":\"error\",\"article\":\"a\","
                     "\"params\":{\"fraction\":{\"value\":\"6/5\",\"unit\":\"fraction\",\"citation\":\"c\"}}}]}",
                     "$.rules[0].params.fraction.value");
  assert_pack_error (HEAD "\"rules\":[{\"id\":\"schedule.daily-hours\",\"severity\":\"error\",\"article\":\"a\","
                     "\"params\":{\"max\":{\"value\":8,\"unit\":\"days\",\"citation\":\"c\"}}}]}",
                     "$.rules[0].params.max.unit");
  assert_pack_error (HEAD "\"rules\":[{\"id\":\"schedule.daily-hours\",\"severity\":\"error\",\"article\":\"a\","
                     "\"params\":{\"max\":{\"value\":8,\"unit\":\"hours\"}}}]}",
                     "$.rules[0].params.max.citation");
  assert_pack_error (HEAD "\"rules\":[{\"id\":\"schedule.daily-hours\",\"severity\":\"error\",\"article\":\"a\","
                     "\"params\":{\"max\":{\"value\":8,\"unit\":\"hours\",\"citation\":\"c\",\"extra\":1}}}]}",
                     "$.rules[0].params.max.extra");
  assert_pack_error (HEAD "\"rules\":[{\"id\":\"staff.counsellor\",\"severity\":\"error\",\"article\":\"a\","
                     "\"applies\":{\"kinds\":[\"weekly\"]}}]}",
                     "$.rules[0].applies.kinds[0]");
  /* Attendance rules cannot run without the time model. */
  assert_pack_error (HEAD "\"rules\":[{\"id\":\"attendance.late-is-truancy\",\"severity\":\"error\",\"article\":\"a\"}]}",
                     "$.rules[0]");

  ok = td_rule_pack_new_from_data (HEAD "\"rules\":[{\"id\":\"staff.counsellor\",\"severity\":\"error\",\"article\":\"a\"}]}",
                                   -1, "test.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (td_rule_pack_get_entries (ok)->len, ==, 1);
}

static void
test_setting_overrides (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  g_autoptr (TdRulePack) pack = pack_for (TD_REGIME_OSH);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = NULL;

  add_session (snap, 1, "2024-05-16", "14:00", "18:30", TD_SESSION_MODE_PRACTICAL);
  g_assert_cmpuint (N_ERRORS (snap, "schedule.practical-daytime", "2024-05-01"), ==, 1);
  g_hash_table_insert (snap->settings, g_strdup ("evening-start"), g_strdup ("19:00"));
  g_assert_cmpuint (N_ERRORS (snap, "schedule.practical-daytime", "2024-05-01"), ==, 0);

  g_hash_table_insert (snap->settings, g_strdup ("evening-start"), g_strdup ("7pm"));
  findings = td_rules_check_snapshot (snap, pack, NULL, "2024-05-01", &error);
  g_assert_null (findings);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "evening-start"));
}

static void
test_bad_today (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  g_autoptr (TdRulePack) pack = pack_for (TD_REGIME_OSH);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = td_rules_check_snapshot (snap, pack, NULL, "2024-02-30", &error);

  g_assert_null (findings);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

/* --- attendance ---------------------------------------------------------------------- */

static void
test_late_boundary (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  TdAttendanceSummary sum;

  add_session (snap, 1, "2024-05-16", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 2, "2024-05-17", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_trainee (snap, 1);
  add_trainee (snap, 2);
  attend (snap, 1, 1, TD_ATTENDANCE_PRESENT, "09:15", "12:00");   /* 15 min: not late */
  attend (snap, 2, 1, TD_ATTENDANCE_PRESENT, "09:00", "12:00");
  attend (snap, 1, 2, TD_ATTENDANCE_PRESENT, "09:16", "12:00");   /* 16 min: late */
  attend (snap, 2, 2, TD_ATTENDANCE_PRESENT, "10:16", "12:00");   /* two periods lost */

  sum = summarise (snap, 1, "2024-05-20");
  g_assert_cmpint (sum.truant_minutes, ==, 0);
  sum = summarise (snap, 2, "2024-05-20");
  g_assert_cmpint (sum.late_minutes, ==, 180);
  g_assert_cmpint (sum.truant_minutes, ==, 180);
  g_assert_cmpint (sum.absent_minutes, ==, 180);
  g_assert_cmpint (sum.course_minutes, ==, 360);
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.late-is-truancy", "2024-05-20"), ==, 2);
}

static void
test_leaving_early (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  TdAttendanceSummary sum;

  add_session (snap, 1, "2024-05-16", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_trainee (snap, 1);
  add_trainee (snap, 2);
  attend (snap, 1, 1, TD_ATTENDANCE_PRESENT, "08:50", "11:59");
  attend (snap, 1, 2, TD_ATTENDANCE_PRESENT, "09:00", "11:00");
  sum = summarise (snap, 1, "2024-05-20");
  g_assert_cmpint (sum.truant_minutes, ==, 60);
  g_assert_cmpint (sum.late_minutes, ==, 0);
  sum = summarise (snap, 2, "2024-05-20");
  g_assert_cmpint (sum.truant_minutes, ==, 60);
}

static void
test_time_model_details (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  TdSession *day;
  TdAttendanceSummary sum;

  /* A 09:00–17:00 day counted as 7 statutory hours: seven periods from 09:00. */
  day = add_session (snap, 1, "2024-05-16", "09:00", "17:00", TD_SESSION_MODE_THEORY);
  day->minutes = 7 * 60;
  add_session (snap, 2, "2024-05-30", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_trainees (snap, 3);
  attend (snap, 1, 1, TD_ATTENDANCE_PRESENT, "09:00", NULL);      /* no sign-out: stayed */
  attend (snap, 1, 2, TD_ATTENDANCE_PRESENT, NULL, "14:30");      /* left in the 6th period */
  attend (snap, 1, 3, TD_ATTENDANCE_PRESENT, "09:00", "16:00");   /* the 7th period ends 16:00 */
  attend (snap, 2, 3, TD_ATTENDANCE_LEAVE, NULL, NULL);            /* a future session */

  sum = summarise (snap, 1, "2024-05-20");
  g_assert_cmpint (sum.course_minutes, ==, 600);
  g_assert_cmpint (sum.counted_minutes, ==, 420);
  g_assert_cmpint (sum.absent_minutes, ==, 0);
  sum = summarise (snap, 2, "2024-05-20");
  g_assert_cmpint (sum.truant_minutes, ==, 120);
  sum = summarise (snap, 3, "2024-05-20");
  g_assert_cmpint (sum.absent_minutes, ==, 0);   /* the recorded leave is still ahead */
  g_assert_cmpint (summarise (snap, 3, "2024-05-30").leave_minutes, ==, 180);
  g_assert_cmpuint (N_ERRORS (snap, "schedule.daily-hours", "2024-05-20"), ==, 0);
}

/* Ten one-hour sessions on consecutive days. */
static TdCourseSnapshot *
ten_hour_course (TdRegime regime, const char *category)
{
  TdCourseSnapshot *snap = make_snapshot (regime, category, TD_COURSE_KIND_PROFESSIONAL,
                                          "2024-05-01", "2024-05-10");

  for (int d = 1; d <= 10; d++)
    {
      g_autofree char *date = g_strdup_printf ("2024-05-%02d", d);
      add_session (snap, d, date, "09:00", "10:00", TD_SESSION_MODE_THEORY);
    }
  return snap;
}

static void
test_dismissal_boundary (void)
{
  g_autoptr (TdCourseSnapshot) snap = ten_hour_course (TD_REGIME_OSH, "first-aid");
  TdEnrolment *dismissed;

  add_trainees (snap, 3);
  for (int d = 1; d <= 10; d++)
    {
      if (d != 3)   /* trainee 1: no record for day 3 = absent 1 h of 10 */
        attend (snap, d, 1, TD_ATTENDANCE_PRESENT, "09:00", "10:00");
      if (d != 3 && d != 4)   /* trainee 2: absent 2 h of 10 = exactly 1/5 */
        attend (snap, d, 2, TD_ATTENDANCE_PRESENT, "09:00", "10:00");
    }
  attend (snap, 4, 2, TD_ATTENDANCE_LEAVE, NULL, NULL);
  g_assert_cmpuint (N_ERRORS (snap, "attendance.dismissal", "2024-05-20"), ==, 2);   /* 2 and 3 */

  /* Before day 3 nobody is absent yet; on day 3 itself the missing row does not count. */
  g_assert_cmpuint (N_ERRORS (snap, "attendance.dismissal", "2024-05-03"), ==, 1);   /* 3: days 1, 2 */
  g_assert_cmpint (summarise (snap, 1, "2024-05-03").absent_minutes, ==, 0);
  g_assert_cmpint (summarise (snap, 1, "2024-05-04").absent_minutes, ==, 60);
  g_assert_cmpint (summarise (snap, 2, "2024-05-04").leave_minutes, ==, 60);

  /* Already dismissed: nothing more to notify. */
  dismissed = g_ptr_array_index (snap->enrolments, 2);
  dismissed->status = TD_ENROLMENT_DISMISSED;
  g_assert_cmpuint (N_ERRORS (snap, "attendance.dismissal", "2024-05-20"), ==, 1);
}

static void
test_makeup_boundary (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  TdMakeupRecord *m;

  add_session (snap, 1, "2024-05-16", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 2, "2024-05-16", "13:00", "14:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 3, "2024-05-17", "09:00", "17:00", TD_SESSION_MODE_THEORY);
  add_trainees (snap, 3);
  for (int t = 1; t <= 3; t++)
    attend (snap, 3, t, TD_ATTENDANCE_PRESENT, "09:00", "17:00");
  /* 1: exactly 3 h of leave — no make-up. */
  attend (snap, 1, 1, TD_ATTENDANCE_LEAVE, NULL, NULL);
  attend (snap, 2, 1, TD_ATTENDANCE_PRESENT, "13:00", "14:00");
  /* 2: 4 h of leave — make-up. */
  attend (snap, 1, 2, TD_ATTENDANCE_LEAVE, NULL, NULL);
  attend (snap, 2, 2, TD_ATTENDANCE_LEAVE, NULL, NULL);
  /* 3: one truant hour — make-up. */
  attend (snap, 1, 3, TD_ATTENDANCE_PRESENT, "09:00", "12:00");
  attend (snap, 2, 3, TD_ATTENDANCE_ABSENT, NULL, NULL);
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.makeup-required", "2024-05-20"), ==, 2);

  /* A recorded make-up covers the missed session. */
  m = g_new0 (TdMakeupRecord, 1);
  m->trainee_id = 3;
  m->missed_session_id = 2;
  m->makeup_date = g_strdup ("2024-06-01");
  g_ptr_array_add (snap->makeups, m);
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.makeup-required", "2024-06-02"), ==, 1);
}

/* Leave counts the minutes recorded for it; the rest of the session counts as the
 * sign-in says, and is truant without one. */
static void
test_partial_leave (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  TdAttendanceSummary sum;

  add_session (snap, 1, "2024-05-16", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_trainees (snap, 5);
  attend_leave (snap, 1, 1, 120, NULL, NULL);          /* no sign-in for the third hour */
  attend_leave (snap, 1, 2, 120, "11:00", NULL);       /* came for the third hour */
  attend_leave (snap, 1, 3, 90, "10:30", "12:00");     /* missed two periods, 1.5 h excused */
  attend_leave (snap, 1, 4, 60, "09:00", "11:00");     /* left with leave for the last hour */
  attend (snap, 1, 5, TD_ATTENDANCE_LEAVE, NULL, NULL);   /* no minutes known: all of it */

  sum = summarise (snap, 1, "2024-05-20");
  g_assert_cmpint (sum.leave_minutes, ==, 120);
  g_assert_cmpint (sum.truant_minutes, ==, 60);
  g_assert_cmpint (sum.absent_minutes, ==, 180);
  sum = summarise (snap, 2, "2024-05-20");
  g_assert_cmpint (sum.leave_minutes, ==, 120);
  g_assert_cmpint (sum.truant_minutes, ==, 0);
  g_assert_cmpint (sum.late_minutes, ==, 0);
  g_assert_cmpint (sum.absent_minutes, ==, 120);
  sum = summarise (snap, 3, "2024-05-20");
  g_assert_cmpint (sum.leave_minutes, ==, 90);
  g_assert_cmpint (sum.truant_minutes, ==, 30);
  g_assert_cmpint (sum.late_minutes, ==, 30);
  sum = summarise (snap, 4, "2024-05-20");
  g_assert_cmpint (sum.leave_minutes, ==, 60);
  g_assert_cmpint (sum.truant_minutes, ==, 0);
  g_assert_cmpint (summarise (snap, 5, "2024-05-20").leave_minutes, ==, 180);
  /* Only trainee 3 has a late period the leave does not cover. */
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.late-is-truancy", "2024-05-20"), ==, 1);
}

/* The make-up limit in minutes: 3 h of partial leave is within it, 3 h 1 min is not. */
static void
test_partial_leave_makeup_boundary (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();

  add_session (snap, 1, "2024-05-16", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 2, "2024-05-17", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_trainees (snap, 2);
  /* 1: 2 h, then 1 h (signed in at 10:00 for the rest) = exactly 3 h. */
  attend_leave (snap, 1, 1, 120, "11:00", NULL);
  attend_leave (snap, 2, 1, 60, "10:00", NULL);
  /* 2: 2 h, then 61 minutes (signed in at 10:01, not late for the second period). */
  attend_leave (snap, 1, 2, 120, "11:00", NULL);
  attend_leave (snap, 2, 2, 61, "10:01", NULL);
  g_assert_cmpint (summarise (snap, 1, "2024-05-20").leave_minutes, ==, 180);
  g_assert_cmpint (summarise (snap, 2, "2024-05-20").leave_minutes, ==, 181);
  g_assert_cmpint (summarise (snap, 2, "2024-05-20").truant_minutes, ==, 0);
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.makeup-required", "2024-05-20"), ==, 1);
  g_assert_cmpuint (count_all (snap, "attendance.late-is-truancy", "2024-05-20"), ==, 0);
}

/* 1/5 of a 15-hour course is 3 h: reached with partial leave, not a minute short of it. */
static void
test_partial_leave_dismissal (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();

  for (int d = 1; d <= 5; d++)
    {
      g_autofree char *date = g_strdup_printf ("2024-05-%02d", 15 + d);
      add_session (snap, d, date, "09:00", "12:00", TD_SESSION_MODE_THEORY);
    }
  add_trainees (snap, 2);
  attend_leave (snap, 1, 1, 120, "11:00", NULL);
  attend_leave (snap, 1, 2, 120, "11:00", NULL);
  attend_leave (snap, 2, 1, 60, "10:00", "12:00");
  attend_leave (snap, 2, 2, 59, "09:00", "12:00");   /* leave asked for, but present throughout */
  for (int d = 3; d <= 5; d++)
    for (int t = 1; t <= 2; t++)
      attend (snap, d, t, TD_ATTENDANCE_PRESENT, "09:00", "12:00");
  g_assert_cmpint (summarise (snap, 1, "2024-05-30").absent_minutes, ==, 180);
  g_assert_cmpint (summarise (snap, 2, "2024-05-30").absent_minutes, ==, 179);
  g_assert_cmpuint (N_ERRORS (snap, "attendance.dismissal", "2024-05-30"), ==, 1);
}

static void
test_makeup_deadline (void)
{
  g_autoptr (TdCourseSnapshot) snap = make_snapshot (TD_REGIME_HEALTH, "health-nurse",
                                                     TD_COURSE_KIND_PROFESSIONAL, "2024-05-06",
                                                     "2024-05-08");
  TdMakeupRecord *m;

  add_session (snap, 1, "2024-05-06", "09:00", "10:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 2, "2024-05-08", "09:00", "10:00", TD_SESSION_MODE_THEORY);
  add_trainees (snap, 2);
  attend (snap, 2, 1, TD_ATTENDANCE_PRESENT, "09:00", "10:00");   /* 1 misses S1 */
  attend (snap, 2, 2, TD_ATTENDANCE_PRESENT, "09:00", "10:00");   /* 2 misses S1, made up late */
  m = g_new0 (TdMakeupRecord, 1);
  m->trainee_id = 2;
  m->missed_session_id = 1;
  m->makeup_date = g_strdup ("2025-05-09");
  g_ptr_array_add (snap->makeups, m);

  g_assert_cmpuint (N_WARNINGS (snap, "attendance.makeup-deadline", "2024-06-01"), ==, 0);
  /* Due 2025-05-08 (one year from the end): on the day, a reminder; the day after, late. */
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.makeup-deadline", "2025-05-08"), ==, 1);
  g_assert_cmpuint (N_ERRORS (snap, "attendance.makeup-deadline", "2025-05-08"), ==, 1);
  g_assert_cmpuint (N_ERRORS (snap, "attendance.makeup-deadline", "2025-05-09"), ==, 2);
  g_free (m->makeup_date);
  m->makeup_date = g_strdup ("2025-05-08");
  g_assert_cmpuint (N_ERRORS (snap, "attendance.makeup-deadline", "2025-05-09"), ==, 1);
}

static void
add_rollcall (TdCourseSnapshot *snap, gint64 session, const char *at)
{
  TdRollcallRecord *r = g_new0 (TdRollcallRecord, 1);

  r->session_id = session;
  r->taken_at = g_strdup (at);
  g_ptr_array_add (snap->rollcalls, r);
}

static void
test_rollcall (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();

  add_session (snap, 1, "2024-05-16", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 2, "2024-05-16", "13:00", "16:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 3, "2024-05-17", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 4, "2024-05-18", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  /* No roll-call data at all: not checked. */
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.rollcall", "2024-05-20"), ==, 0);

  add_rollcall (snap, 1, "2024-05-16T09:20:00Z");   /* exactly 20 min in: fine */
  add_rollcall (snap, 4, "2024-05-18T09:19:00Z");   /* too early */
  /* 17th has none; the 18th is today and not checked yet. */
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.rollcall", "2024-05-18"), ==, 1);
  g_assert_cmpuint (N_WARNINGS (snap, "attendance.rollcall", "2024-05-19"), ==, 2);
}

static void
add_certificate (TdCourseSnapshot *snap, gint64 trainee, gboolean voided)
{
  TdCertificateRecord *c = g_new0 (TdCertificateRecord, 1);

  c->trainee_id = trainee;
  c->voided = voided;
  g_ptr_array_add (snap->certificates, c);
}

static void
test_certificate_eligibility (void)
{
  g_autoptr (TdCourseSnapshot) snap = ten_hour_course (TD_REGIME_OSH, "first-aid");
  g_autoptr (TdCourseSnapshot) inservice = make_snapshot (TD_REGIME_HEALTH, "health-inservice",
                                                          TD_COURSE_KIND_IN_SERVICE, "2024-05-01",
                                                          "2024-05-01");
  TdEnrolment *e;

  add_trainees (snap, 4);
  for (int d = 1; d <= 10; d++)
    for (int t = 1; t <= 4; t++)
      if (!(t == 3 && d <= 2))   /* 3: absent 1/5 */
        attend (snap, d, t, TD_ATTENDANCE_PRESENT, "09:00", "10:00");
  e = g_ptr_array_index (snap->enrolments, 0);
  e->status = TD_ENROLMENT_DISMISSED;
  e = g_ptr_array_index (snap->enrolments, 1);
  e->status = TD_ENROLMENT_FAILED;
  add_certificate (snap, 1, FALSE);   /* dismissed yet certified: error */
  add_certificate (snap, 3, TRUE);    /* voided: fine */
  add_certificate (snap, 4, FALSE);   /* eligible */
  g_assert_cmpuint (N_ERRORS (snap, "certificate.eligibility", "2024-05-20"), ==, 1);
  g_assert_cmpuint (N_INFOS (snap, "certificate.eligibility", "2024-05-20"), ==, 2);
  g_assert_cmpuint (N_INFOS (snap, "certificate.eligibility", "2024-05-05"), ==, 0);

  /* In-service (health): missing one period of any session is enough. */
  add_session (inservice, 1, "2024-05-01", "09:00", "11:00", TD_SESSION_MODE_THEORY);
  add_trainees (inservice, 2);
  attend (inservice, 1, 1, TD_ATTENDANCE_PRESENT, "09:00", "11:00");
  attend (inservice, 1, 2, TD_ATTENDANCE_PRESENT, "09:00", "10:30");
  g_assert_cmpuint (N_INFOS (inservice, "certificate.eligibility", "2024-05-02"), ==, 1);
}

/* --- timetable ----------------------------------------------------------------------- */

static void
test_daily_hours_boundary (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();

  add_session (snap, 1, "2024-05-16", "08:00", "12:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 2, "2024-05-16", "13:00", "17:00", TD_SESSION_MODE_PRACTICAL);
  add_session (snap, 3, "2024-05-17", "08:00", "12:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 4, "2024-05-17", "13:00", "17:01", TD_SESSION_MODE_THEORY);
  g_assert_cmpuint (N_ERRORS (snap, "schedule.daily-hours", "2024-05-01"), ==, 1);
}

static void
test_evening_end_boundary (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  g_autoptr (GPtrArray) findings = NULL;
  TdFinding *f;

  add_session (snap, 1, "2024-05-16", "19:00", "22:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 2, "2024-05-17", "19:00", "22:01", TD_SESSION_MODE_THEORY);
  findings = check (snap, "schedule.evening-end", "2024-05-01");
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->severity, ==, TD_SEVERITY_ERROR);
  g_assert_cmpstr (f->session_ref, ==, "S2");
  g_assert_cmpstr (f->article, ==, "職業安全衛生教育訓練規則第25條第2項");
}

static void
test_evening_hours (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();

  add_session (snap, 1, "2024-05-16", "18:00", "21:00", TD_SESSION_MODE_THEORY);   /* 3 h */
  add_session (snap, 2, "2024-05-17", "17:00", "21:01", TD_SESSION_MODE_THEORY);   /* 3 h 1 min */
  g_assert_cmpuint (N_WARNINGS (snap, "schedule.evening-hours", "2024-05-01"), ==, 1);
  g_hash_table_insert (snap->settings, g_strdup ("evening-start"), g_strdup ("18:30"));
  g_assert_cmpuint (N_WARNINGS (snap, "schedule.evening-hours", "2024-05-01"), ==, 0);
}

static void
test_practical_daytime (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();

  add_session (snap, 1, "2024-05-16", "14:00", "18:00", TD_SESSION_MODE_PRACTICAL);
  add_session (snap, 2, "2024-05-16", "18:00", "20:00", TD_SESSION_MODE_THEORY);
  add_session (snap, 3, "2024-05-17", "17:00", "19:00", TD_SESSION_MODE_PRACTICUM);
  g_assert_cmpuint (N_ERRORS (snap, "schedule.practical-daytime", "2024-05-01"), ==, 1);
}

/* --- deadlines ----------------------------------------------------------------------- */

static void
test_plan_deadline (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();   /* starts 2024-05-16 */
  TdCourse *c = snap->course;
  g_autoptr (GPtrArray) findings = NULL;

  c->filed_on = g_strdup ("2024-05-01");   /* exactly 15 days before */
  g_assert_cmpuint (N_ERRORS (snap, "filing.plan-deadline", "2024-05-20"), ==, 0);
  g_free (c->filed_on);
  c->filed_on = g_strdup ("2024-05-02");   /* 14 days */
  g_assert_cmpuint (N_ERRORS (snap, "filing.plan-deadline", "2024-05-20"), ==, 1);

  g_clear_pointer (&c->filed_on, g_free);
  g_assert_cmpuint (N_WARNINGS (snap, "filing.plan-deadline", "2024-04-23"), ==, 0);
  g_assert_cmpuint (N_WARNINGS (snap, "filing.plan-deadline", "2024-04-24"), ==, 1);
  findings = check (snap, "filing.plan-deadline", "2024-05-01");
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((TdFinding *) g_ptr_array_index (findings, 0))->due, ==, "2024-05-01");
  g_assert_cmpuint (N_ERRORS (snap, "filing.plan-deadline", "2024-05-02"), ==, 1);

  /* Art. 17 general training is not filed. */
  g_free (c->category);
  c->category = g_strdup ("general-safety");
  g_assert_cmpuint (count_all (snap, "filing.plan-deadline", "2024-05-02"), ==, 0);
}

static void
test_vr_ce_plan_deadline (void)
{
  g_autoptr (TdCourseSnapshot) snap = make_snapshot (TD_REGIME_VR_CE, "vr-case-manager",
                                                     TD_COURSE_KIND_CONTINUING, "2024-05-16",
                                                     "2024-05-16");

  snap->course->filed_on = g_strdup ("2024-04-16");   /* one month before */
  g_assert_cmpuint (count_all (snap, NULL, "2024-05-20"), ==, 0);
  g_free (snap->course->filed_on);
  snap->course->filed_on = g_strdup ("2024-04-17");
  g_assert_cmpuint (N_WARNINGS (snap, "filing.plan-deadline", "2024-05-20"), ==, 1);
}

static void
test_change_deadline (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();   /* starts 2024-05-16 */
  g_autoptr (TdCourseSnapshot) health = make_snapshot (TD_REGIME_HEALTH, "health-nurse",
                                                       TD_COURSE_KIND_PROFESSIONAL, "2024-05-16",
                                                       "2024-05-18");

  g_ptr_array_add (snap->course->changes, td_course_change_new ("2024-05-15", FALSE, NULL));
  g_assert_cmpuint (N_ERRORS (snap, "filing.change-deadline", "2024-05-20"), ==, 0);
  g_ptr_array_add (snap->course->changes, td_course_change_new ("2024-05-16", FALSE, NULL));
  g_assert_cmpuint (N_ERRORS (snap, "filing.change-deadline", "2024-05-20"), ==, 1);
  /* The OSH rules know no force-majeure exception. */
  g_ptr_array_add (snap->course->changes, td_course_change_new ("2024-05-17", TRUE, NULL));
  g_assert_cmpuint (N_ERRORS (snap, "filing.change-deadline", "2024-05-20"), ==, 2);

  g_ptr_array_add (health->course->changes, td_course_change_new ("2024-05-17", TRUE, NULL));
  g_ptr_array_add (health->course->changes, td_course_change_new ("2024-05-16", FALSE, NULL));
  g_assert_cmpuint (N_ERRORS (health, "filing.change-deadline", "2024-05-20"), ==, 1);
  g_assert_cmpuint (N_INFOS (health, "filing.change-deadline", "2024-05-20"), ==, 1);
}

static void
test_after_end_deadlines (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();   /* ends 2024-05-18 */
  TdCourse *c = snap->course;

  add_trainees (snap, 1);
  /* Records: within 10 days, due 2024-05-28. */
  g_assert_cmpuint (count_all (snap, "records.archive-deadline", "2024-05-24"), ==, 0);
  g_assert_cmpuint (N_WARNINGS (snap, "records.archive-deadline", "2024-05-25"), ==, 1);
  g_assert_cmpuint (N_ERRORS (snap, "records.archive-deadline", "2024-05-29"), ==, 1);
  c->records_archived_on = g_strdup ("2024-05-28");
  g_assert_cmpuint (count_all (snap, "records.archive-deadline", "2024-06-30"), ==, 0);
  g_free (c->records_archived_on);
  c->records_archived_on = g_strdup ("2024-05-29");
  g_assert_cmpuint (N_ERRORS (snap, "records.archive-deadline", "2024-06-30"), ==, 1);

  /* Certificates: within 15 days, due 2024-06-02. */
  c->certificates_issued_on = g_strdup ("2024-06-02");
  g_assert_cmpuint (count_all (snap, "certificate.issue-deadline", "2024-06-30"), ==, 0);
  g_free (c->certificates_issued_on);
  c->certificates_issued_on = g_strdup ("2024-06-03");
  g_assert_cmpuint (N_ERRORS (snap, "certificate.issue-deadline", "2024-06-30"), ==, 1);
  g_clear_pointer (&c->certificates_issued_on, g_free);
  g_assert_cmpuint (N_WARNINGS (snap, "certificate.issue-deadline", "2024-05-29"), ==, 1);
  g_assert_cmpuint (N_ERRORS (snap, "certificate.issue-deadline", "2024-06-03"), ==, 1);
}

static void
test_health_deadlines (void)
{
  g_autoptr (TdCourseSnapshot) snap = make_snapshot (TD_REGIME_HEALTH, "health-doctor",
                                                     TD_COURSE_KIND_PROFESSIONAL, "2024-05-06",
                                                     "2024-05-08");

  add_trainees (snap, 1);
  /* Certificates for doctors: 20 days, due 2024-05-28; records: 20 days. */
  snap->course->certificates_issued_on = g_strdup ("2024-05-28");
  snap->course->records_archived_on = g_strdup ("2024-05-29");
  g_assert_cmpuint (count_all (snap, "certificate.issue-deadline", "2024-06-30"), ==, 0);
  g_assert_cmpuint (N_ERRORS (snap, "records.archive-deadline", "2024-06-30"), ==, 1);
  /* Registration within 10 days: a reminder while open, silent after. */
  g_assert_cmpuint (count_all (snap, "records.registration-deadline", "2024-05-08"), ==, 0);
  g_assert_cmpuint (N_WARNINGS (snap, "records.registration-deadline", "2024-05-09"), ==, 1);
  g_assert_cmpuint (N_WARNINGS (snap, "records.registration-deadline", "2024-05-18"), ==, 1);
  g_assert_cmpuint (count_all (snap, "records.registration-deadline", "2024-05-19"), ==, 0);
}

/* --- class, staff, exam -------------------------------------------------------------- */

static void
test_class_sizes (void)
{
  g_autoptr (TdCourseSnapshot) prof = make_snapshot (TD_REGIME_HEALTH, "health-nurse",
                                                     TD_COURSE_KIND_PROFESSIONAL, "2024-05-16",
                                                     "2024-05-18");
  g_autoptr (TdCourseSnapshot) group = make_snapshot (TD_REGIME_HEALTH, "health-inservice",
                                                      TD_COURSE_KIND_IN_SERVICE, "2024-05-16",
                                                      "2024-05-16");

  add_trainees (prof, 14);
  g_assert_cmpuint (N_ERRORS (prof, "class.minimum-size", "2024-05-01"), ==, 1);
  add_trainee (prof, 15);
  g_assert_cmpuint (N_ERRORS (prof, "class.minimum-size", "2024-05-01"), ==, 0);
  for (int i = 16; i <= 80; i++)
    add_trainee (prof, i);
  g_assert_cmpuint (N_ERRORS (prof, "class.maximum-size", "2024-05-01"), ==, 0);
  add_trainee (prof, 81);
  g_assert_cmpuint (N_ERRORS (prof, "class.maximum-size", "2024-05-01"), ==, 1);

  add_trainees (group, 61);
  g_assert_cmpuint (N_ERRORS (group, "class.maximum-size", "2024-05-01"), ==, 0);   /* ≤ 120 */
  group->course->group_discussion = TRUE;
  g_assert_cmpuint (N_ERRORS (group, "class.maximum-size", "2024-05-01"), ==, 1);   /* > 60 */
  group->course->group_discussion = FALSE;
  for (int i = 62; i <= 121; i++)
    add_trainee (group, i);
  g_assert_cmpuint (N_WARNINGS (group, "class.maximum-size", "2024-05-01"), ==, 1);
}

static void
test_counsellor (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();

  g_assert_cmpuint (N_ERRORS (snap, "staff.counsellor", "2024-05-01"), ==, 0);
  snap->course->counsellor_qualified = FALSE;
  g_assert_cmpuint (N_ERRORS (snap, "staff.counsellor", "2024-05-01"), ==, 1);
  g_free (snap->course->counsellor_name);
  snap->course->counsellor_name = g_strdup ("  ");
  g_assert_cmpuint (N_ERRORS (snap, "staff.counsellor", "2024-05-01"), ==, 1);
}

static void
test_exam_retake (void)
{
  g_autoptr (TdCourseSnapshot) snap = make_snapshot (TD_REGIME_HEALTH, "health-doctor",
                                                     TD_COURSE_KIND_PROFESSIONAL, "2024-05-06",
                                                     "2024-05-08");
  TdEnrolment *e;

  add_trainees (snap, 2);
  e = g_ptr_array_index (snap->enrolments, 1);
  e->status = TD_ENROLMENT_FAILED;
  g_assert_cmpuint (count_all (snap, "exam.retake", "2024-05-08"), ==, 0);
  g_assert_cmpuint (N_INFOS (snap, "exam.retake", "2024-05-09"), ==, 1);
  g_assert_cmpuint (N_WARNINGS (snap, "exam.retake", "2025-05-08"), ==, 1);
  g_assert_cmpuint (N_ERRORS (snap, "exam.retake", "2025-05-09"), ==, 1);
}

/* --- findings ------------------------------------------------------------------------ */

static void
test_finding_json (void)
{
  g_autoptr (TdCourseSnapshot) snap = osh_snapshot ();
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *obj;
  TdEnrolment *e;

  add_session (snap, 1, "2024-05-16", "09:00", "12:00", TD_SESSION_MODE_THEORY);
  e = add_trainee (snap, 1);
  g_clear_pointer (&e->external_id, g_free);   /* no exchange id: the database id is used */
  attend (snap, 1, 1, TD_ATTENDANCE_PRESENT, "09:30", "12:00");
  findings = check (snap, "attendance.late-is-truancy", "2024-05-20");
  g_assert_cmpuint (findings->len, ==, 1);
  json = td_findings_to_json_string (findings, FALSE);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  obj = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (obj, "rule"), ==, "attendance.late-is-truancy");
  g_assert_cmpstr (json_object_get_string_member (obj, "severity"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (obj, "course"), ==, "C1");
  g_assert_cmpstr (json_object_get_string_member (obj, "session"), ==, "S1");
  g_assert_cmpstr (json_object_get_string_member (obj, "trainee"), ==, "1");
  g_assert_nonnull (json_object_get_string_member (obj, "article"));
  g_assert_nonnull (json_object_get_string_member (obj, "message"));
  g_assert_true (json_object_has_member (obj, "action"));
  g_assert_true (json_object_get_null_member (obj, "due"));
  g_assert_false (td_findings_have_errors (findings));
}

/* --- through the store ------------------------------------------------------------------ */

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 course_id;
  gint64 session_id;
  gint64 trainee_id;
} StoreFixture;

static void
store_set_up (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();
  g_autoptr (TdSession) s = td_session_new ();
  g_autoptr (TdTrainee) t = td_trainee_new ();
  g_autoptr (TdAttendance) a = NULL;

  f->dir = g_dir_make_tmp ("td-rules-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = td_store_open (f->path, &error);
  g_assert_no_error (error);

  c->external_id = g_strdup ("C9");
  c->category = g_strdup ("first-aid");
  c->title = g_strdup ("急救人員安全衛生教育訓練");
  c->start_date = g_strdup ("2024-05-06");
  c->end_date = g_strdup ("2024-05-06");
  c->filed_on = g_strdup ("2024-04-01");
  c->counsellor_name = g_strdup ("王輔導");
  c->counsellor_qualified = TRUE;
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  f->course_id = c->id;

  s->course_id = c->id;
  s->date = g_strdup ("2024-05-06");
  s->start_time = g_strdup ("09:00");
  s->end_time = g_strdup ("17:00");
  s->subject = g_strdup ("急救概論");
  g_assert_true (td_store_save_session (f->store, s, &error));
  g_assert_no_error (error);
  f->session_id = s->id;

  t->name = g_strdup ("王小明");
  t->national_id = g_strdup ("A123456789");
  g_assert_true (td_store_enrol (f->store, c->id, t, "T1", NULL, &error));
  g_assert_no_error (error);
  f->trainee_id = t->id;

  a = td_attendance_new (s->id, t->id, TD_ATTENDANCE_PRESENT);
  a->in_time = g_strdup ("09:40");   /* late: one period of eight truant, make-up needed */
  a->out_time = g_strdup ("17:00");
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  g_assert_no_error (error);
}

static void
store_tear_down (StoreFixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
  g_free (f->path);
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static char *
rule_ids (GPtrArray *findings)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      if (!g_ptr_array_find_with_equal_func (ids, f->rule, g_str_equal, NULL))
        g_ptr_array_add (ids, f->rule);
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static void
test_store_course (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = td_rules_check_course (f->store, f->course_id, "2024-05-08",
                                                          NULL, &error);
  g_autofree char *ids = NULL;
  TdFinding *first;

  g_assert_no_error (error);
  ids = rule_ids (findings);
  g_assert_cmpstr (ids, ==, "attendance.late-is-truancy attendance.makeup-required");
  first = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (first->course_ref, ==, "C9");
  g_assert_cmpstr (first->trainee_ref, ==, "T1");
  g_assert_cmpint (first->trainee_id, ==, f->trainee_id);

  /* Centre settings reach the rules: a malformed evening start is reported, not
   * silently replaced by the default. */
  g_assert_true (td_store_set_setting (f->store, "evening-start", "25:99", &error));
  g_assert_no_error (error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = td_rules_check_course (f->store, f->course_id, "2024-05-08", NULL, &error);
  g_assert_null (findings);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

/* Rows of tables the store API does not write yet, as the features that own them will. */
static void
exec_sql (StoreFixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_store_extra_tables (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourseSnapshot) snap = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (TdEnrolment) e = td_store_find_enrolment (f->store, f->course_id, "T1", &error);
  g_autofree char *sql = NULL;
  g_autofree char *ids = NULL;

  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO rollcall (session_id, taken_at, taken_by) VALUES"
                         " (%" G_GINT64_FORMAT ", '2024-05-06T09:10:00Z', 'tester');"
                         "INSERT INTO makeup (trainee_id, missed_session_id, makeup_session_id,"
                         " minutes, recorded_by, recorded_at) VALUES (%" G_GINT64_FORMAT ","
                         " %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 60, 'tester', 'now');"
                         "INSERT INTO certificate (number, course_id, trainee_id, issued_on)"
                         " VALUES ('N1', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2024-05-10');",
                         f->session_id, f->trainee_id, f->session_id, f->session_id,
                         f->course_id, f->trainee_id);
  exec_sql (f, sql);
  g_assert_true (td_store_set_enrolment_status (f->store, e->id, TD_ENROLMENT_DISMISSED, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_set_setting (f->store, "evening-start", "19:00", &error));
  g_assert_no_error (error);

  snap = td_course_snapshot_load (f->store, f->course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snap->sessions->len, ==, 1);
  g_assert_cmpuint (snap->enrolments->len, ==, 1);
  g_assert_cmpuint (snap->attendance->len, ==, 1);
  g_assert_cmpuint (snap->rollcalls->len, ==, 1);
  g_assert_cmpuint (snap->makeups->len, ==, 1);
  g_assert_cmpstr (((TdMakeupRecord *) g_ptr_array_index (snap->makeups, 0))->makeup_date, ==,
                   "2024-05-06");
  g_assert_cmpuint (snap->certificates->len, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (snap->settings, "evening-start"), ==, "19:00");

  /* The roll call came 10 minutes into the first period; the make-up covers the
   * truant period; the dismissed trainee holds a certificate. */
  findings = td_rules_check_course (f->store, f->course_id, "2024-05-08", NULL, &error);
  g_assert_no_error (error);
  ids = rule_ids (findings);
  g_assert_cmpstr (ids, ==, "attendance.late-is-truancy attendance.rollcall certificate.eligibility");
  g_assert_true (td_findings_have_errors (findings));
}

/* The fixture's 8-hour session, as loaded after the events so far: the cell and the
 * rule ids of the checks (which read lean snapshots). */
static void
assert_loaded_leave (StoreFixture *f, TdAttendanceStatus status, const char *in_time,
                     int leave_minutes, const char *rule_ids_expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourseSnapshot) snap = td_course_snapshot_load (f->store, f->course_id, &error);
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *ids = NULL;
  TdAttendance *a;

  g_assert_no_error (error);
  g_assert_cmpuint (snap->attendance->len, ==, 1);
  a = g_ptr_array_index (snap->attendance, 0);
  g_assert_cmpint (a->status, ==, status);
  g_assert_cmpstr (a->in_time, ==, in_time);
  g_assert_cmpint (a->leave_minutes, ==, leave_minutes);
  findings = td_rules_check_course (f->store, f->course_id, "2024-05-08", NULL, &error);
  g_assert_no_error (error);
  ids = rule_ids (findings);
  g_assert_cmpstr (ids, ==, rule_ids_expected);
}

static void
record_event (StoreFixture *f, TdAttendanceStatus status, const char *in, const char *out,
              const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdAttendance) a = td_attendance_new (f->session_id, f->trainee_id, status);

  a->in_time = g_strdup (in);
  a->out_time = g_strdup (out);
  a->reason = g_strdup (reason);
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  g_assert_no_error (error);
}

static void
record_leave (StoreFixture *f, int minutes)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_store_record_leave (f->store, f->session_id, f->trainee_id, "personal",
                                        minutes, NULL, &error));
  g_assert_no_error (error);
}

/* How the events and leave records of a cell make what the rules count: the latest
 * leave record's minutes, kept over a sign-in after it, dropped by a correction. */
static void
test_store_leave (StoreFixture *f, gconstpointer data)
{
  const char *dismissed = "attendance.dismissal certificate.eligibility";

  /* Signed in at 09:40 (the first period truant), then leave for 2 hours: the leave
   * covers the late period, and the sign-in stays. 2 h of the course's 8 reach 1/5. */
  record_leave (f, 120);
  assert_loaded_leave (f, TD_ATTENDANCE_LEAVE, "09:40", 120, dismissed);
  /* Signed in again at 11:00 for the rest: two periods missed, both on leave. */
  record_event (f, TD_ATTENDANCE_PRESENT, "11:00", NULL, NULL);
  assert_loaded_leave (f, TD_ATTENDANCE_PRESENT, "11:00", 120, dismissed);
  /* A new leave record replaces the old: exactly 3 h needs no make-up, 3 h 1 min does. */
  record_leave (f, 180);
  assert_loaded_leave (f, TD_ATTENDANCE_LEAVE, "11:00", 180, dismissed);
  record_leave (f, 181);
  assert_loaded_leave (f, TD_ATTENDANCE_LEAVE, "11:00", 181,
                       "attendance.dismissal attendance.makeup-required certificate.eligibility");
  /* A correction replaces the cell, leave and all. */
  record_event (f, TD_ATTENDANCE_PRESENT, "09:00", "17:00", "was in class all day");
  assert_loaded_leave (f, TD_ATTENDANCE_PRESENT, "09:00", 0, "");
  record_event (f, TD_ATTENDANCE_PRESENT, "09:00", "17:00", NULL);
  assert_loaded_leave (f, TD_ATTENDANCE_PRESENT, "09:00", 0, "");
  record_leave (f, 60);
  record_event (f, TD_ATTENDANCE_ABSENT, NULL, NULL, "did not come");
  assert_loaded_leave (f, TD_ATTENDANCE_ABSENT, NULL, 0,
                       "attendance.dismissal attendance.makeup-required certificate.eligibility");
}

static void
test_store_trainee_and_centre (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mine = td_rules_check_trainee (f->store, f->trainee_id, "2024-05-08",
                                                       NULL, &error);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  /* Before the start with nothing filed late: the plan was filed in time. */
  all = td_rules_check_centre (f->store, "2024-05-28", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (td_findings_have_errors (all));   /* records and certificates overdue */

  g_cancellable_cancel (cancellable);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = td_rules_check_centre (f->store, "2024-05-28", cancellable, &error);
  g_assert_null (all);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
centre_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = td_rules_check_centre_finish (TD_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_store_async (StoreFixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) direct = NULL;
  g_autoptr (GError) error = NULL;

  td_rules_check_centre_async (f->store, "2024-05-08", NULL, centre_checked_cb, &findings);
  while (findings == NULL)
    g_main_context_iteration (NULL, TRUE);
  direct = td_rules_check_centre (f->store, "2024-05-08", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, direct->len);
  g_assert_cmpuint (findings->len, ==, 2);
}

/* --- the centre check reads all courses at once: same findings as course by course --- */

/* Rows the public store API has no reader for, read as the first version of the
 * engine read them, one course at a time. */
static void
reference_rows (sqlite3 *db, const char *sql, gint64 course_id, TdCourseSnapshot *s, int kind)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, course_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      if (kind == 0)
        {
          TdRollcallRecord *r = g_new0 (TdRollcallRecord, 1);
          r->session_id = sqlite3_column_int64 (stmt, 0);
          r->taken_at = g_strdup (text);
          g_ptr_array_add (s->rollcalls, r);
        }
      else if (kind == 1)
        {
          TdMakeupRecord *m = g_new0 (TdMakeupRecord, 1);
          m->trainee_id = sqlite3_column_int64 (stmt, 0);
          m->missed_session_id = sqlite3_column_int64 (stmt, 1);
          m->makeup_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          g_ptr_array_add (s->makeups, m);
        }
      else if (kind == 2)
        {
          TdCertificateRecord *c = g_new0 (TdCertificateRecord, 1);
          c->trainee_id = sqlite3_column_int64 (stmt, 0);
          c->voided = sqlite3_column_int (stmt, 1) != 0;
          g_ptr_array_add (s->certificates, c);
        }
      else
        g_hash_table_insert (s->settings, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             g_strdup (text));
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
}

static void
move_all (GPtrArray *dst, GPtrArray *src)
{
  for (guint i = 0; i < src->len; i++)
    g_ptr_array_add (dst, g_ptr_array_steal_index (src, i--));
}

/* One course through the store's per-course queries. */
static TdCourseSnapshot *
reference_snapshot (TdStore *store, sqlite3 *db, gint64 course_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = td_store_get_course (store, course_id, &error);
  TdCourseSnapshot *s;
  GPtrArray *lists[4];

  g_assert_no_error (error);
  s = td_course_snapshot_new (course);
  lists[0] = td_store_list_sessions (store, course_id, &error);
  lists[1] = td_store_list_enrolments (store, course_id, &error);
  lists[2] = td_store_list_attendance (store, course_id, &error);
  lists[3] = td_store_list_scores (store, course_id, &error);
  g_assert_no_error (error);
  move_all (s->sessions, lists[0]);
  move_all (s->enrolments, lists[1]);
  move_all (s->attendance, lists[2]);
  move_all (s->scores, lists[3]);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_ptr_array_unref (lists[i]);
  reference_rows (db, "SELECT r.session_id, r.taken_at FROM rollcall r JOIN session s"
                      " ON s.id = r.session_id WHERE s.course_id = ?1 ORDER BY r.taken_at",
                  course_id, s, 0);
  reference_rows (db, "SELECT m.trainee_id, m.missed_session_id, ms.date FROM makeup m"
                      " JOIN session s ON s.id = m.missed_session_id"
                      " JOIN session ms ON ms.id = m.makeup_session_id"
                      " WHERE s.course_id = ?1 ORDER BY m.id", course_id, s, 1);
  reference_rows (db, "SELECT trainee_id, voided_at IS NOT NULL FROM certificate"
                      " WHERE course_id = ?1", course_id, s, 2);
  reference_rows (db, "SELECT key, value FROM setting WHERE ?1 IS NOT NULL", course_id, s, 3);
  return s;
}

/* Every field of every finding, one line each. */
static char *
describe_findings (GPtrArray *findings)
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

/* A valid national ID: "B1" and seven digits from @n, with whichever check digit fits. */
static char *
make_national_id (guint n)
{
  for (int check = 0; check < 10; check++)
    {
      g_autofree char *id = g_strdup_printf ("B1%07u%d", n % 10000000, check);
      char *ok = td_national_id_check (id, NULL, NULL);
      if (ok != NULL)
        return ok;
    }
  g_assert_not_reached ();
}

static void
record_cell (TdStore *store, const TdSession *s, gint64 trainee_id, const char *in_time)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdAttendance) a = td_attendance_new (s->id, trainee_id, TD_ATTENDANCE_PRESENT);

  a->in_time = g_strdup (in_time);
  a->out_time = g_strdup (s->end_time);
  g_assert_true (td_store_record_attendance (store, a, &error));
  g_assert_no_error (error);
}

/* More than the demo writes, in every other course: a newcomer signed in late to the
 * first session, then corrected to on time; scored twice; dismissed but holding a
 * certificate (and a voided one); two roll calls; a make-up. So every table the
 * reader merges has rows in several courses, and reading the wrong row changes the
 * findings. */
static void
add_history (TdStore *store, const char *path, GPtrArray *courses)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < courses->len; i += 2)
    {
      TdCourse *c = g_ptr_array_index (courses, i);
      g_autoptr (GPtrArray) sessions = td_store_list_sessions (store, c->id, &error);
      g_autoptr (TdTrainee) t = td_trainee_new ();
      g_autoptr (TdEnrolment) e = NULL;
      g_autofree char *national_id = make_national_id (4711000 + i);
      g_autofree char *sql = NULL;
      TdSession *first, *last;
      sqlite3 *db = NULL;

      g_assert_no_error (error);
      if (sessions->len < 2)
        continue;
      first = g_ptr_array_index (sessions, 0);
      last = g_ptr_array_index (sessions, sessions->len - 1);
      t->name = g_strdup ("林新生");
      t->national_id = g_strdup (national_id);
      g_assert_true (td_store_enrol (store, c->id, t, NULL, &e, &error));
      g_assert_no_error (error);
      int h = 0, m = 0;
      char late[6];

      g_assert_cmpint (sscanf (first->start_time, "%d:%d", &h, &m), ==, 2);
      g_snprintf (late, sizeof late, "%02d:%02d", h + 1, m);
      record_cell (store, first, t->id, late);
      record_cell (store, first, t->id, first->start_time);
      g_assert_true (td_store_record_score (store, c->id, t->id, 80, &error));
      g_assert_true (td_store_record_score (store, c->id, t->id, 35, &error));
      g_assert_true (td_store_set_enrolment_status (store, e->id, TD_ENROLMENT_DISMISSED, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sql = g_strdup_printf (
        "INSERT INTO rollcall (session_id, taken_at, taken_by) VALUES (%1$" G_GINT64_FORMAT
        ", '%2$sT%3$s:00', 't'), (%1$" G_GINT64_FORMAT ", '%2$sT08:00:00', 't');"
        "INSERT INTO makeup (trainee_id, missed_session_id, makeup_session_id, minutes,"
        " recorded_by, recorded_at) VALUES (%4$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT
        ", %5$" G_GINT64_FORMAT ", 60, 't', 'now');"
        "INSERT INTO certificate (number, course_id, trainee_id, issued_on, voided_at) VALUES"
        " ('N%6$" G_GINT64_FORMAT "a', %6$" G_GINT64_FORMAT ", %4$" G_GINT64_FORMAT
        ", '2024-01-01', '2024-02-01'), ('N%6$" G_GINT64_FORMAT "b', %6$" G_GINT64_FORMAT
        ", %4$" G_GINT64_FORMAT ", '2024-01-01', NULL);",
        first->id, first->date, first->start_time, t->id, last->id, c->id);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
}

static void
test_centre_matches_courses (StoreFixture *f, gconstpointer data)
{
  const char *today = "2024-11-20";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = NULL, centre = NULL;
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  g_autofree char *want = NULL, *got = NULL;
  sqlite3 *db = NULL;

  g_assert_true (td_demo_populate (f->store, today, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_set_setting (f->store, "evening-start", "19:00", &error));
  courses = td_store_list_courses (f->store, NULL, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, >, 3);
  add_history (f->store, f->path, courses);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < courses->len; i++)
    {
      TdCourse *c = g_ptr_array_index (courses, i);
      g_autoptr (TdCourseSnapshot) snap = reference_snapshot (f->store, db, c->id);
      g_autoptr (TdRulePack) pack = td_rule_pack_load_for_regime (c->regime, &error);
      g_autoptr (GPtrArray) one = td_rules_check_snapshot (snap, pack, NULL, today, &error);
      g_autoptr (GPtrArray) direct = td_rules_check_course (f->store, c->id, today, NULL, &error);
      g_autofree char *one_text = NULL, *direct_text = NULL;

      g_assert_no_error (error);
      one_text = describe_findings (one);
      direct_text = describe_findings (direct);
      g_assert_cmpstr (direct_text, ==, one_text);
      move_all (expected, one);
    }
  sqlite3_close (db);
  g_ptr_array_sort (expected, td_finding_compare);
  centre = td_rules_check_centre (f->store, today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centre->len, >, 0);
  want = describe_findings (expected);
  got = describe_findings (centre);
  g_assert_cmpstr (got, ==, want);
}

/* --- scenarios: exchange files built to break rules ---------------------------------- */

typedef struct {
  const char *file;
  const char *today;
  const char *rules;   /* the exact set of rule ids expected, sorted, space-separated */
} Scenario;

static const Scenario scenarios[] = {
  { "osh-clean.json", "2024-07-01", "" },
  { "osh-violations.json", "2024-07-01",
    "attendance.dismissal attendance.late-is-truancy attendance.makeup-required "
    "certificate.eligibility certificate.issue-deadline filing.change-deadline "
    "filing.plan-deadline records.archive-deadline schedule.daily-hours schedule.evening-end "
    "schedule.evening-hours schedule.practical-daytime staff.counsellor" },
  { "health-violations.json", "2025-06-01",
    "attendance.makeup-deadline attendance.makeup-required certificate.eligibility "
    "class.minimum-size exam.retake filing.change-deadline" },
  { "health-inservice-large.json", "2024-09-05",
    "class.maximum-size records.registration-deadline" },
};

static void
test_scenario (StoreFixture *f, gconstpointer data)
{
  const Scenario *sc = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", sc->file, NULL);
  g_autofree char *json = NULL;
  g_autofree char *ids = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  gint64 id;

  g_assert_true (g_file_get_contents (path, &json, &length, &error));
  g_assert_no_error (error);
  id = td_course_file_import_data (f->store, json, length, sc->file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  findings = td_rules_check_course (f->store, id, sc->today, NULL, &error);
  g_assert_no_error (error);
  ids = rule_ids (findings);
  g_assert_cmpstr (ids, ==, sc->rules);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/packs/shipped", test_packs_shipped);
  g_test_add_func ("/rules/packs/strict", test_packs_strict);
  g_test_add_func ("/rules/packs/setting-overrides", test_setting_overrides);
  g_test_add_func ("/rules/bad-today", test_bad_today);
  g_test_add_func ("/rules/attendance/late-boundary", test_late_boundary);
  g_test_add_func ("/rules/attendance/leaving-early", test_leaving_early);
  g_test_add_func ("/rules/attendance/time-model-details", test_time_model_details);
  g_test_add_func ("/rules/attendance/dismissal-boundary", test_dismissal_boundary);
  g_test_add_func ("/rules/attendance/makeup-boundary", test_makeup_boundary);
  g_test_add_func ("/rules/attendance/makeup-deadline", test_makeup_deadline);
  g_test_add_func ("/rules/attendance/partial-leave", test_partial_leave);
  g_test_add_func ("/rules/attendance/partial-leave-makeup-boundary",
                   test_partial_leave_makeup_boundary);
  g_test_add_func ("/rules/attendance/partial-leave-dismissal", test_partial_leave_dismissal);
  g_test_add_func ("/rules/attendance/rollcall", test_rollcall);
  g_test_add_func ("/rules/certificate/eligibility", test_certificate_eligibility);
  g_test_add_func ("/rules/schedule/daily-hours-boundary", test_daily_hours_boundary);
  g_test_add_func ("/rules/schedule/evening-end-boundary", test_evening_end_boundary);
  g_test_add_func ("/rules/schedule/evening-hours", test_evening_hours);
  g_test_add_func ("/rules/schedule/practical-daytime", test_practical_daytime);
  g_test_add_func ("/rules/filing/plan-deadline", test_plan_deadline);
  g_test_add_func ("/rules/filing/vr-ce-plan-deadline", test_vr_ce_plan_deadline);
  g_test_add_func ("/rules/filing/change-deadline", test_change_deadline);
  g_test_add_func ("/rules/deadlines/after-end", test_after_end_deadlines);
  g_test_add_func ("/rules/deadlines/health", test_health_deadlines);
  g_test_add_func ("/rules/class/sizes", test_class_sizes);
  g_test_add_func ("/rules/staff/counsellor", test_counsellor);
  g_test_add_func ("/rules/exam/retake", test_exam_retake);
  g_test_add_func ("/rules/finding/json", test_finding_json);
  g_test_add ("/rules/store/course", StoreFixture, NULL, store_set_up, test_store_course,
              store_tear_down);
  g_test_add ("/rules/store/extra-tables", StoreFixture, NULL, store_set_up,
              test_store_extra_tables, store_tear_down);
  g_test_add ("/rules/store/leave", StoreFixture, NULL, store_set_up, test_store_leave,
              store_tear_down);
  g_test_add ("/rules/store/trainee-and-centre", StoreFixture, NULL, store_set_up,
              test_store_trainee_and_centre, store_tear_down);
  g_test_add ("/rules/store/async", StoreFixture, NULL, store_set_up, test_store_async,
              store_tear_down);
  g_test_add ("/rules/store/centre-matches-courses", StoreFixture, NULL, store_set_up,
              test_centre_matches_courses, store_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *name = g_strdup_printf ("/rules/scenario/%s", scenarios[i].file);
      g_test_add (name, StoreFixture, &scenarios[i], store_set_up, test_scenario,
                  store_tear_down);
    }
  return g_test_run ();
}
