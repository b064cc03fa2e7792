/* test-demo.c — the sample centre of `tdesk init --demo`: realistic, valid, deterministic */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "td-attendance-desk.h"
#include "td-catalogue.h"
#include "td-demo.h"
#include "td-national-id.h"
#include "td-roc-date.h"
#include "td-rules-person.h"
#include "td-rules.h"
#include "td-store-qualifications.h"
#include "td-store.h"

#define TODAY "2024-05-20"

typedef struct {
  char *dir;
  TdStore *store;
} Fixture;

static TdStore *
open_store (Fixture *f, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  TdStore *store = td_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("td-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f, "demo.db");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
populate (TdStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (td_demo_populate (store, TODAY, &error));
  g_assert_no_error (error);
}

static GPtrArray *
all_courses (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *courses = td_store_list_courses (store, NULL, 0, 1000, &error);

  g_assert_no_error (error);
  return courses;
}

static gboolean
is_sunday (const char *iso)
{
  int days = 0;

  /* 2024-05-19 was a Sunday. */
  g_assert_true (td_iso_date_diff_days ("2024-05-19", iso, &days));
  return ((days % 7) + 7) % 7 == 0;
}

/* Every session is a real one: lecturer, no lunch-break overlap, no Sunday, ≤ 8 h a day
 * (OSH art. 25(2)). */
static void
check_sessions (TdStore *store, TdCourse *course)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = td_store_list_sessions (store, course->id, &error);
  g_autoptr (GHashTable) per_day = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 0);
  for (guint i = 0; i < sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (sessions, i);
      int start = td_time_parse_minutes (s->start_time);
      int end = td_time_parse_minutes (s->end_time);
      int day = GPOINTER_TO_INT (g_hash_table_lookup (per_day, s->date)) + s->minutes;

      g_assert_cmpint (s->lecturer_id, >, 0);
      g_assert_cmpint (end - start, ==, s->minutes);
      g_assert_true (end <= 12 * 60 || start >= 13 * 60);
      g_assert_false (is_sunday (s->date));
      g_assert_cmpstr (s->date, >=, course->start_date);
      g_assert_cmpstr (s->date, <=, course->end_date);
      g_hash_table_insert (per_day, s->date, GINT_TO_POINTER (day));
      g_assert_cmpint (day, <=, 8 * 60);
    }
}

/* Every trainee has a valid ID; returns how many are resident certificates. */
static guint
check_roster (TdStore *store, TdCourse *course)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (store, course->id, &error);
  guint residents = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (roster->len, ==, course->n_trainees);
  for (guint i = 0; i < roster->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (roster, i);
      g_autofree char *id = NULL;
      TdIdKind kind = TD_ID_KIND_INVALID;

      id = td_national_id_check (e->trainee->national_id, &kind, &error);
      g_assert_no_error (error);
      g_assert_true (kind == TD_ID_KIND_NATIONAL || kind == TD_ID_KIND_ARC);
      residents += kind == TD_ID_KIND_ARC;
      g_assert_cmpuint (strlen (e->trainee->name), >, 0);
      g_assert_true (td_iso_date_is_valid (e->trainee->birth_date));
      g_assert_cmpuint (strlen (e->trainee->household_address), >, 0);
    }
  return residents;
}

/* Attendance exists exactly for the sessions before today; most of it is present. */
static void
check_attendance (TdStore *store, TdCourse *course, guint *present, guint *total)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = td_store_list_sessions (store, course->id, &error);
  g_autoptr (GPtrArray) cells = td_store_list_attendance (store, course->id, &error);
  g_autoptr (GHashTable) dates = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean any_past = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (sessions, i);
      g_hash_table_insert (dates, &s->id, s->date);
      any_past |= strcmp (s->date, TODAY) < 0;
    }
  for (guint i = 0; i < cells->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (cells, i);
      const char *date = g_hash_table_lookup (dates, &a->session_id);
      g_assert_nonnull (date);
      g_assert_cmpstr (date, <, TODAY);
      *present += a->status == TD_ATTENDANCE_PRESENT;
    }
  g_assert_true (any_past == (cells->len > 0));
  *total += cells->len;
}

static void
check_status (TdCourse *course)
{
  if (strcmp (course->end_date, TODAY) < 0)
    g_assert_true (course->status == TD_COURSE_STATUS_ENDED
                   || course->status == TD_COURSE_STATUS_CLOSED);
  else if (strcmp (course->start_date, TODAY) <= 0)
    g_assert_cmpint (course->status, ==, TD_COURSE_STATUS_RUNNING);
  else
    g_assert_true (course->status == TD_COURSE_STATUS_FILED
                   || course->status == TD_COURSE_STATUS_DRAFT);
}

/* Courses use the catalogue's categories, in the right regime. */
static void
check_category (TdCatalogue *catalogue, TdCourse *course)
{
  const TdCategory *category = td_catalogue_lookup (catalogue, course->category);

  g_assert_nonnull (category);
  g_assert_cmpint (category->regime, ==, course->regime);
  g_assert_cmpint (category->default_kind, ==, course->kind);
}

static void
test_populate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GPtrArray) lecturers = NULL;
  g_autoptr (TdUnit) unit = NULL;
  g_autoptr (TdCatalogue) catalogue = td_catalogue_load_default (&error);
  guint residents = 0, present = 0, total = 0;
  guint regimes = 0;

  g_assert_no_error (error);
  populate (f->store);
  g_assert_cmpuint (td_store_count_trainees (f->store, NULL, NULL), ==, 300);
  courses = all_courses (f->store);
  g_assert_cmpuint (courses->len, ==, 11);
  for (guint i = 0; i < courses->len; i++)
    {
      TdCourse *course = g_ptr_array_index (courses, i);
      check_status (course);
      check_category (catalogue, course);
      check_sessions (f->store, course);
      residents += check_roster (f->store, course);
      check_attendance (f->store, course, &present, &total);
      regimes |= 1u << course->regime;
    }
  g_assert_cmpuint (regimes, ==, 0xf);   /* osh, health, vr-ce and hours */
  g_assert_cmpuint (residents, >, 0);
  g_assert_cmpuint (total, >, 500);
  g_assert_cmpuint (present * 100, >=, total * 85);
  g_assert_cmpuint (present, <, total);

  lecturers = td_store_list_lecturers (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lecturers->len, ==, 12);
  unit = td_store_get_unit (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (unit->title), >, 0);
}

static void
test_deterministic (Fixture *f, gconstpointer data)
{
  g_autoptr (TdStore) other = open_store (f, "other.db");
  g_autoptr (GPtrArray) a = NULL;
  g_autoptr (GPtrArray) b = NULL;
  g_autoptr (GPtrArray) people_a = NULL;
  g_autoptr (GPtrArray) people_b = NULL;

  populate (f->store);
  populate (other);
  a = all_courses (f->store);
  b = all_courses (other);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      TdCourse *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->period, ==, y->period);
      g_assert_cmpstr (x->start_date, ==, y->start_date);
      g_assert_cmpuint (x->n_trainees, ==, y->n_trainees);
    }
  people_a = td_store_list_trainees (f->store, NULL, 0, 1000, NULL);
  people_b = td_store_list_trainees (other, NULL, 0, 1000, NULL);
  g_assert_cmpuint (people_a->len, ==, people_b->len);
  for (guint i = 0; i < people_a->len; i++)
    {
      TdTrainee *x = g_ptr_array_index (people_a, i), *y = g_ptr_array_index (people_b, i);
      g_assert_cmpstr (x->national_id, ==, y->national_id);
      g_assert_cmpstr (x->name, ==, y->name);
    }
}

/* The @nth run (0 = the earliest) of @category, or NULL. */
static TdCourse *
find_course (GPtrArray *courses, const char *category, guint nth)
{
  TdCourse *found = NULL;

  for (guint n = 0; n <= nth; n++)
    {
      const char *after = found != NULL ? found->start_date : "";
      found = NULL;
      for (guint i = 0; i < courses->len; i++)
        {
          TdCourse *c = g_ptr_array_index (courses, i);
          if (g_str_equal (c->category, category) && strcmp (c->start_date, after) > 0
              && (found == NULL || strcmp (c->start_date, found->start_date) < 0))
            found = c;
        }
      if (found == NULL)
        return NULL;
    }
  return found;
}

/* Roll calls once a day in the OSH and health courses, leave with proof, a make-up in
 * the next run of the same category. */
static void
test_desk_records (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GPtrArray) makeups = NULL;
  guint rollcalls = 0, leaves = 0, sick_with_proof = 0, sick = 0;
  TdCourse *missed, *later;

  populate (f->store);
  courses = all_courses (f->store);
  for (guint i = 0; i < courses->len; i++)
    {
      TdCourse *c = g_ptr_array_index (courses, i);
      g_autoptr (GPtrArray) calls = td_store_list_rollcalls (f->store, c->id, &error);
      g_autoptr (GPtrArray) leave = td_store_list_leave (f->store, c->id, &error);

      g_assert_no_error (error);
      if (c->regime != TD_REGIME_OSH && c->regime != TD_REGIME_HEALTH)
        g_assert_cmpuint (calls->len, ==, 0);
      for (guint j = 0; j < calls->len; j++)
        {
          TdRollcall *r = g_ptr_array_index (calls, j);
          g_assert_cmpint (r->present, >, 0);
          g_assert_cmpint (r->present + r->absent, ==, c->n_trainees);
          g_assert_cmpuint (strlen (r->taken_by), >, 0);
        }
      rollcalls += calls->len;
      for (guint j = 0; j < leave->len; j++)
        {
          TdLeave *l = g_ptr_array_index (leave, j);
          gboolean is_sick = g_str_equal (l->kind, "sick");
          sick += is_sick;
          sick_with_proof += is_sick && l->proof_note != NULL
                             && strstr (l->proof_note, "診斷證明書") != NULL;
        }
      leaves += leave->len;
    }
  g_assert_cmpuint (rollcalls, >, 10);
  g_assert_cmpuint (leaves, >, 10);
  g_assert_cmpuint (sick, >, 0);
  g_assert_cmpuint (sick_with_proof, ==, sick);

  missed = find_course (courses, "general-safety", 0);
  later = find_course (courses, "general-safety", 1);
  g_assert_nonnull (missed);
  g_assert_nonnull (later);
  g_assert_cmpstr (missed->start_date, <, later->start_date);
  g_assert_cmpstr (later->start_date, <, TODAY);
  makeups = td_store_list_makeups (f->store, missed->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (makeups->len, ==, 1);
}

/* The hours course: the lecture scanned at sign-in, an online part scanned on leaving. */
static void
test_hours_activities (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  TdCourse *course;
  int physical = 0, digital = 0, for_session = 0;

  populate (f->store);
  courses = all_courses (f->store);
  course = find_course (courses, "learning-hours", 0);
  g_assert_nonnull (course);
  g_assert_cmpint (course->regime, ==, TD_REGIME_HOURS);
  activities = td_store_list_hours_activities (f->store, course->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 2);
  for (guint i = 0; i < activities->len; i++)
    {
      TdHoursActivity *a = g_ptr_array_index (activities, i);
      g_autoptr (GPtrArray) awards = td_store_list_hours_awards (f->store, a->id, &error);

      g_assert_no_error (error);
      physical += a->physical_minutes;
      digital += a->digital_minutes;
      for_session += a->session_id > 0;
      g_assert_cmpstr (a->date, <, TODAY);
      g_assert_cmpuint (awards->len, >=, course->n_trainees * 7 / 10);
      g_assert_cmpuint (awards->len, <=, course->n_trainees);
      for (guint j = 0; j < awards->len; j++)
        {
          TdHoursAward *w = g_ptr_array_index (awards, j);
          g_assert_cmpint (w->physical_minutes, ==, a->physical_minutes);
          g_assert_cmpint (w->digital_minutes, ==, a->digital_minutes);
          g_assert_true (g_str_has_prefix (w->awarded_at, a->date));
        }
    }
  g_assert_cmpint (physical, ==, 120);
  g_assert_cmpint (digital, ==, 60);
  g_assert_cmpint (for_session, ==, 1);
}

/* Whether a finding of @rule and @severity mentions @text (NULL: any). */
static gboolean
has_finding_about (GPtrArray *findings, const char *rule, TdSeverity severity, const char *text)
{
  for (guint i = 0; i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      if (g_str_equal (f->rule, rule) && f->severity == severity && f->trainee_id > 0
          && (text == NULL || strstr (f->message, text) != NULL))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_finding (GPtrArray *findings, const char *rule, TdSeverity severity)
{
  return has_finding_about (findings, rule, severity, NULL);
}

/* People with OSH roles and vr-ce certificates, whose records produce the person
 * findings of the Checks page. */
static void
test_person_findings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) people = NULL;
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  guint leaves = 0, outside_hours = 0;

  populate (f->store);
  people = td_store_list_qualified_trainees (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 9);
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr (TdPersonHistory) h
          = td_store_load_person_history (f->store, g_array_index (people, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (h->qualifications->len, ==, 1);
      for (guint j = 0; j < h->cycles->len; j++)
        leaves += ((TdCertificateCycle *) g_ptr_array_index (h->cycles, j))->leaves->len;
      for (guint j = 0; j < h->hours->len; j++)
        outside_hours += g_str_equal (((TdHoursRecord *) g_ptr_array_index (h->hours, j))->source,
                                      "manual");
    }
  g_assert_cmpuint (leaves, ==, 1);
  g_assert_cmpuint (outside_hours, >, 20);

  g_assert_true (td_rules_append_person_findings (f->store, TODAY, NULL, findings, &error));
  g_assert_no_error (error);
  /* A first-aider whose last period ended short, a supervisor due soon. */
  g_assert_true (has_finding (findings, "inservice.periodic-hours", TD_SEVERITY_ERROR));
  g_assert_true (has_finding (findings, "inservice.periodic-hours", TD_SEVERITY_WARNING));
  /* Renewal due soon; the leave keeps a cycle that ended three weeks ago open; missing
   * ethics hours; a new hire's initial training. */
  g_assert_true (has_finding (findings, "ce.renewal-window", TD_SEVERITY_WARNING));
  g_assert_false (has_finding (findings, "ce.renewal-window", TD_SEVERITY_ERROR));
  g_assert_true (has_finding_about (findings, "ce.cycle-hours", TD_SEVERITY_WARNING,
                                    "職業重建個案管理員"));
  g_assert_true (has_finding_about (findings, "ce.cycle-hours", TD_SEVERITY_WARNING,
                                    "職業輔導評量員"));
  g_assert_true (has_finding (findings, "ce.initial-training", TD_SEVERITY_WARNING));
}

/* Another day gives the same people and the same kinds of finding: the records are
 * placed relative to today. */
static void
test_person_findings_other_day (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);

  g_assert_true (td_demo_populate (f->store, "2026-02-28", &error));
  g_assert_no_error (error);
  g_assert_true (td_rules_append_person_findings (f->store, "2026-02-28", NULL, findings, &error));
  g_assert_no_error (error);
  g_assert_true (has_finding (findings, "inservice.periodic-hours", TD_SEVERITY_ERROR));
  g_assert_true (has_finding (findings, "ce.renewal-window", TD_SEVERITY_WARNING));
  g_assert_true (has_finding (findings, "ce.cycle-hours", TD_SEVERITY_WARNING));
  g_assert_true (has_finding (findings, "ce.initial-training", TD_SEVERITY_WARNING));
}

static void
test_bad_date (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (td_demo_populate (f->store, "2024-13-01", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_cmpuint (td_store_count_courses (f->store, NULL, NULL), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/demo/populate", test_populate);
  ADD ("/demo/deterministic", test_deterministic);
  ADD ("/demo/desk-records", test_desk_records);
  ADD ("/demo/hours-activities", test_hours_activities);
  ADD ("/demo/person-findings", test_person_findings);
  ADD ("/demo/person-findings-other-day", test_person_findings_other_day);
  ADD ("/demo/bad-date", test_bad_date);
#undef ADD
  return g_test_run ();
}
