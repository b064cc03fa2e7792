/* test-store-qualifications.c — a person's roles, cycles and hours in the store:
 * validation, voids instead of deletes, the audit log, centre courses counted from
 * completed enrolments, and the all-or-nothing CSV import. */
#include "config.h"

#include <sqlite3.h>

#include "td-course.h"
#include "td-enrolment.h"
#include "td-rules-person.h"
#include "td-rules.h"
#include "td-session.h"
#include "td-store-qualifications.h"
#include "td-trainee.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 trainee_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) t = td_trainee_new ();

  f->dir = g_dir_make_tmp ("td-quals-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = td_store_open (f->path, &error);
  g_assert_no_error (error);
  td_store_set_actor (f->store, "tester");
  t->name = g_strdup ("王小明");
  t->national_id = g_strdup ("A123456789");
  g_assert_true (td_store_save_trainee (f->store, t, &error));
  g_assert_no_error (error);
  f->trainee_id = t->id;
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
count_rows (Fixture *f, const char *sql)
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

static TdQualification *
vr_qualification (Fixture *f, const char *slug, const char *since)
{
  g_autoptr (GError) error = NULL;
  TdQualification *q = td_qualification_new ();

  q->trainee_id = f->trainee_id;
  q->kind = TD_QUALIFICATION_VR_CE;
  q->qualification = g_strdup (slug);
  q->since = g_strdup (since);
  g_assert_true (td_store_add_qualification (f->store, q, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q->id, >, 0);
  return q;
}

static TdHoursRecord *
hours (Fixture *f, const char *date, int minutes, TdHoursCategory category, int role)
{
  TdHoursRecord *h = td_hours_record_new ();

  h->trainee_id = f->trainee_id;
  h->date = g_strdup (date);
  h->title = g_strdup ("職業重建專業倫理");
  h->provider = g_strdup ("某協會");
  h->minutes = minutes;
  h->category = category;
  h->role = role;
  return h;
}

static void
test_records_and_voids (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdQualification) q = vr_qualification (f, "vr-case-manager", "2020-01-01");
  g_autoptr (TdCertificateCycle) c = td_certificate_cycle_new ();
  g_autoptr (TdCycleLeave) l = td_cycle_leave_new ();
  g_autoptr (TdHoursRecord) h = hours (f, "2025-01-02", 90, TD_HOURS_CE_ETHICS, 0);
  g_autoptr (TdPersonHistory) p = NULL;

  c->trainee_id = f->trainee_id;
  c->qualification_id = q->id;
  c->start = g_strdup ("2024-04-01");
  c->end = g_strdup ("2027-03-31");
  g_assert_true (td_store_add_certificate_cycle (f->store, c, &error));
  g_assert_no_error (error);
  l->cycle_id = c->id;
  l->start = g_strdup ("2025-01-01");
  l->end = g_strdup ("2025-03-31");
  l->approval = g_strdup ("勞動發特字第1號");
  g_assert_true (td_store_add_cycle_leave (f->store, l, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_add_hours (f->store, h, &error));
  g_assert_no_error (error);

  p = td_store_load_person_history (f->store, f->trainee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->trainee_name, ==, "王小明");
  g_assert_cmpuint (p->qualifications->len, ==, 1);
  g_assert_cmpuint (p->cycles->len, ==, 1);
  g_assert_cmpuint (((TdCertificateCycle *) g_ptr_array_index (p->cycles, 0))->leaves->len, ==, 1);
  g_assert_cmpuint (p->hours->len, ==, 1);
  g_assert_cmpint (((TdHoursRecord *) g_ptr_array_index (p->hours, 0))->minutes, ==, 90);
  g_clear_pointer (&p, td_person_history_free);

  /* Removing appends a void; the row stays, the history no longer has it. */
  g_assert_true (td_store_void_person_record (f->store, f->trainee_id, "hours", h->id, "typo",
                                              &error));
  g_assert_no_error (error);
  g_assert_false (td_store_void_person_record (f->store, f->trainee_id, "hours", h->id, NULL,
                                               &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Another person's record cannot be voided through this one. */
  g_assert_false (td_store_void_person_record (f->store, f->trainee_id + 1, "cycle", c->id, NULL,
                                               &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  p = td_store_load_person_history (f->store, f->trainee_id, &error);
  g_assert_cmpuint (p->hours->len, ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM person_hours"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit_log WHERE entity = 'trainee' AND "
                                  "action IN ('qualification', 'cycle', 'cycle-leave', 'hours', "
                                  "'void-hours')"), ==, 5);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM person_record_void WHERE "
                                  "voided_by = 'tester' AND reason = 'typo'"), ==, 1);

  /* Voiding the qualification takes its cycles out of the history too. */
  g_clear_pointer (&p, td_person_history_free);
  g_assert_true (td_store_void_person_record (f->store, f->trainee_id, "qualification", q->id,
                                              NULL, &error));
  g_assert_no_error (error);
  p = td_store_load_person_history (f->store, f->trainee_id, &error);
  g_assert_cmpuint (p->qualifications->len, ==, 0);
  g_assert_cmpuint (p->cycles->len, ==, 0);

  /* A person with records is kept. */
  g_assert_false (td_store_delete_trainee (f->store, f->trainee_id, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
}

static void
test_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr (TdQualification) q = vr_qualification (f, "vr-evaluator", "2024-03-01");
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE person_qualification SET since = '2020-01-01'", NULL,
                                 NULL, &message), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM person_qualification", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
test_invalid_input (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autoptr (TdHoursRecord) h = hours (f, "2025-02-30", 60, TD_HOURS_CE_ETHICS, 0);
  g_autoptr (TdCertificateCycle) c = td_certificate_cycle_new ();

  q->trainee_id = f->trainee_id;
  q->kind = TD_QUALIFICATION_INSERVICE_ROLE;
  q->role = 15;
  q->since = g_strdup ("2024-01-01");
  g_assert_false (td_store_add_qualification (f->store, q, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  q->kind = TD_QUALIFICATION_VR_CE;
  q->qualification = g_strdup ("first-aid");
  g_assert_false (td_store_add_qualification (f->store, q, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (td_store_add_hours (f->store, h, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  g_free (h->date), h->date = g_strdup ("2025-02-28");
  h->category = TD_HOURS_INSERVICE;
  g_assert_false (td_store_add_hours (f->store, h, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  h->category = TD_HOURS_CE_ETHICS;
  h->trainee_id = 999;
  g_assert_false (td_store_add_hours (f->store, h, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A cycle needs a vr-ce qualification of the same person. */
  c->trainee_id = f->trainee_id;
  c->qualification_id = 42;
  c->start = g_strdup ("2024-04-01");
  c->end = g_strdup ("2027-03-31");
  g_assert_false (td_store_add_certificate_cycle (f->store, c, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (c->end), c->end = g_strdup ("2024-04-01");
  g_assert_false (td_store_add_certificate_cycle (f->store, c, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_cmpint (count_rows (f, "SELECT (SELECT count(*) FROM person_qualification) + "
                                  "(SELECT count(*) FROM person_hours) + "
                                  "(SELECT count(*) FROM person_cycle)"), ==, 0);
}

static void
test_parse_minutes (void)
{
  int m = 0;

  g_assert_true (td_hours_parse_minutes ("3", &m) && m == 180);
  g_assert_true (td_hours_parse_minutes (" 1.5 ", &m) && m == 90);
  g_assert_true (td_hours_parse_minutes ("0.25", &m) && m == 15);
  g_assert_true (td_hours_parse_minutes ("53.9", &m) && m == 3234);
  g_assert_false (td_hours_parse_minutes ("0.01", &m));
  g_assert_false (td_hours_parse_minutes ("0", &m));
  g_assert_false (td_hours_parse_minutes ("-1", &m));
  g_assert_false (td_hours_parse_minutes ("1.", &m));
  g_assert_false (td_hours_parse_minutes ("abc", &m));
  g_assert_false (td_hours_parse_minutes ("", &m));
}

/* Completed in-service courses of a role's category count for that role. */
static void
test_centre_courses (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = td_course_new ();
  g_autoptr (TdSession) s = td_session_new ();
  g_autoptr (TdTrainee) t = NULL;
  g_autoptr (TdEnrolment) e = NULL;
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (TdPersonHistory) p = NULL;

  course->regime = TD_REGIME_OSH;
  course->kind = TD_COURSE_KIND_IN_SERVICE;
  course->category = g_strdup ("inservice-osh-supervisor");
  course->title = g_strdup ("職業安全衛生業務主管在職教育訓練");
  course->start_date = g_strdup ("2025-03-03");
  course->end_date = g_strdup ("2025-03-03");
  g_assert_true (td_store_save_course (f->store, course, &error));
  g_assert_no_error (error);
  s->course_id = course->id;
  s->date = g_strdup ("2025-03-03");
  s->start_time = g_strdup ("09:00");
  s->end_time = g_strdup ("15:00");
  s->subject = g_strdup ("法規");
  s->minutes = 360;
  g_assert_true (td_store_save_session (f->store, s, &error));
  g_assert_no_error (error);
  t = td_store_get_trainee (f->store, f->trainee_id, &error);
  g_assert_true (td_store_enrol (f->store, course->id, t, NULL, &e, &error));
  g_assert_no_error (error);

  q->trainee_id = f->trainee_id;
  q->kind = TD_QUALIFICATION_INSERVICE_ROLE;
  q->role = 1;
  q->since = g_strdup ("2024-01-01");
  g_assert_true (td_store_add_qualification (f->store, q, &error));

  /* Enrolled, not completed: the 6 h do not count yet. */
  found = td_rules_check_person (f->store, f->trainee_id, "2026-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_assert_true (td_store_set_enrolment_status (f->store, e->id, TD_ENROLMENT_COMPLETED, &error));
  p = td_store_load_person_history (f->store, f->trainee_id, &error);
  g_assert_cmpuint (p->hours->len, ==, 1);
  g_assert_cmpint (((TdHoursRecord *) g_ptr_array_index (p->hours, 0))->role, ==, 1);
  g_assert_cmpint (((TdHoursRecord *) g_ptr_array_index (p->hours, 0))->course_id, ==, course->id);
  found = td_rules_check_person (f->store, f->trainee_id, "2026-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((TdFinding *) g_ptr_array_index (found, 0))->severity, ==, TD_SEVERITY_INFO);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The trainee check and the centre check include the person's findings. */
  found = td_rules_check_trainee (f->store, f->trainee_id, "2026-01-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (found->len >= 1);
  g_assert_cmpstr (((TdFinding *) g_ptr_array_index (found, 0))->rule, ==,
                   "inservice.periodic-hours");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = td_rules_check_centre (f->store, "2026-01-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((TdFinding *) g_ptr_array_index (found, 0))->rule, ==,
                   "inservice.periodic-hours");
  g_assert_cmpint (((TdFinding *) g_ptr_array_index (found, 0))->trainee_id, ==, f->trainee_id);
}

static GPtrArray *
parse_csv (Fixture *f, const char *text, GStrv *lines, GError **error)
{
  return td_store_parse_hours_csv (f->store, text, strlen (text), "hours.csv", lines, error);
}

static void
test_csv_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) records = NULL;
  const char *good = "national_id,date,title,provider,hours,category,role\r\n"
                     "A123456789,2025-01-02,專業倫理,某協會,3,ce-ethics,\r\n"
                     ",,,,,,\r\n"
                     "a123456789,2025-02-03,\"堆高機, 在職\",某中心,1.5,inservice,8\r\n";

  records = parse_csv (f, good, &lines, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (lines[1], ==, "hours.csv:4");
  g_assert_cmpint (((TdHoursRecord *) g_ptr_array_index (records, 1))->minutes, ==, 90);
  g_assert_cmpstr (((TdHoursRecord *) g_ptr_array_index (records, 1))->title, ==, "堆高機, 在職");
  g_assert_true (td_store_import_hours (f->store, records, (const char *const *) lines, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM person_hours WHERE source = 'import'"),
                   ==, 2);
}

static void
test_csv_errors (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "national_id,date,title\r\n", "hours.csv:1: header: expected the columns" },
    { "national_id,date,title,provider,hours,category,role\n"
      "B123456780,2025-01-02,x,y,3,ce-ethics,\n", "hours.csv:2: national_id: " },
    { "national_id,date,title,provider,hours,category,role\n"
      "A123456789,2025-01-02,x,y,3,ce-ethics,\n"
      "A123456789,2025-01-02,x,y,0.01,ce-ethics,\n", "hours.csv:3: hours: " },
    { "national_id,date,title,provider,hours,category,role\n"
      "A123456789,2025-01-02,x,y,3,ethics,\n", "hours.csv:2: category: " },
    { "national_id,date,title,provider,hours,category,role\n"
      "A123456789,2025/01/02,x,y,3,ce-ethics,\n", "hours.csv:2: date: " },
    { "national_id,date,title,provider,hours,category,role\n"
      "A123456789,2025-01-02,x,y,3,inservice,\n", "hours.csv:2: role: " },
    { "national_id,date,title,provider,hours,category,role\n"
      "A123456789,2025-01-02,x,y,3,inservice,15\n", "hours.csv:2: role: " },
    { "national_id,date,title,provider,hours,category,role\n"
      "A123456789,2025-01-02,,y,3,ce-ethics,\n", "hours.csv:2: title: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) records = parse_csv (f, cases[i].text, NULL, &error);

      g_assert_null (records);
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM person_hours"), ==, 0);
}

/* A store failure on the second record leaves the first out too. */
static void
test_import_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records
      = g_ptr_array_new_with_free_func ((GDestroyNotify) td_hours_record_free);
  const char *where[] = { "a.csv:2", "a.csv:3", NULL };

  g_ptr_array_add (records, hours (f, "2025-01-02", 60, TD_HOURS_CE_ETHICS, 0));
  g_ptr_array_add (records, hours (f, "2025-01-02", 60, TD_HOURS_CE_ETHICS, 0));
  ((TdHoursRecord *) g_ptr_array_index (records, 1))->trainee_id = 4242;
  g_assert_false (td_store_import_hours (f->store, records, where, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "a.csv:3: "));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM person_hours"), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store-qualifications/records-and-voids", test_records_and_voids);
  ADD ("/store-qualifications/append-only", test_append_only);
  ADD ("/store-qualifications/invalid-input", test_invalid_input);
  ADD ("/store-qualifications/centre-courses", test_centre_courses);
  ADD ("/store-qualifications/csv-import", test_csv_import);
  ADD ("/store-qualifications/csv-errors", test_csv_errors);
  ADD ("/store-qualifications/import-all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/store-qualifications/parse-minutes", test_parse_minutes);
  return g_test_run ();
}
