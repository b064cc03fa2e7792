/* test-certificates.c — numbering, eligibility, issue, reissue, replacement, signed
 * codes, revocation lists and verification */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "signing-key-fixture.h"
#include "td-certificates.h"
#include "td-settings.h"
#include "td-store.h"

typedef struct {
  char *dir;
  TdStore *store;
  gint64 course_id;
} Fixture;

static const Row roster[] = { SIGNING_KEY_FIXTURE_ROSTER };

static gint64
add_course (TdStore *store, const char *title, TdExamMode exam, const Row *rows, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();

  c->title = g_strdup (title);
  c->category = g_strdup ("first-aid");
  c->start_date = g_strdup ("2025-02-10");
  c->end_date = g_strdup ("2025-02-12");
  c->exam_mode = exam;
  g_assert_true (td_store_save_course (store, c, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdTrainee) t = td_trainee_new ();
      g_autoptr (TdEnrolment) e = NULL;
      t->name = g_strdup (rows[i].name);
      t->national_id = g_strdup (rows[i].id);
      t->birth_date = g_strdup ("1980-01-02");
      g_assert_true (td_store_enrol (store, c->id, t, NULL, &e, &error));
      g_assert_no_error (error);
      g_assert_true (td_store_set_enrolment_status (store, e->id, rows[i].status, &error));
      if (rows[i].score >= 0)
        g_assert_true (td_store_record_score (store, c->id, t->id, rows[i].score, &error));
      g_assert_no_error (error);
    }
  return c->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = signing_key_fixture_open_store ("td-certificates-XXXXXX", "centre.db", "tester",
                                             &f->dir);
  f->course_id = add_course (f->store, "急救人員安全衛生教育訓練", TD_EXAM_MODE_OWN, roster,
                             G_N_ELEMENTS (roster));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static GPtrArray *
issue (Fixture *f, gint64 course_id, GPtrArray **skipped)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *issued = td_certificates_issue (f->store, course_id, "2025-02-20", skipped, &error);

  g_assert_no_error (error);
  g_assert_nonnull (issued);
  return issued;
}

static const char *
number_at (GPtrArray *list, guint i)
{
  return ((TdCertificate *) g_ptr_array_index (list, i))->number;
}

static TdVerifyResult *
verify (Fixture *f, const char *code)
{
  g_autoptr (GError) error = NULL;
  TdVerifyResult *result = td_certificates_verify (f->store, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* --- numbering ----------------------------------------------------------------------- */

static void
test_number_pattern (void)
{
  g_autoptr (GError) error = NULL;
  gboolean uses_year = FALSE;
  g_autofree char *a = td_certificate_number_format ("{prefix}{roc_year}{seq:05}", "TD", 114, 7,
                                                     &uses_year, &error);
  g_autofree char *b = td_certificate_number_format ("勞安-{year}-{seq}", "TD", 114, 123, NULL,
                                                     &error);
  g_autofree char *c = td_certificate_number_format ("{prefix}{seq:8}", "HS", 114, 42, &uses_year,
                                                     &error);
  g_autofree char *bad = NULL;
  g_autofree char *default_pattern = td_settings_get_default (TD_SETTING_CERTIFICATE_NUMBER_PATTERN);
  g_autofree char *default_prefix = td_settings_get_default (TD_SETTING_CERTIFICATE_PREFIX);
  g_autofree char *by_default = td_certificate_number_format (default_pattern, default_prefix, 114,
                                                              7, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (by_default, ==, "11400007");   /* settings.json: no prefix, ROC year, 5 digits */
  g_assert_cmpstr (a, ==, "TD11400007");
  g_assert_cmpstr (b, ==, "勞安-2025-123");
  g_assert_cmpstr (c, ==, "HS00000042");
  g_assert_false (uses_year);

  bad = td_certificate_number_format ("{prefix}{roc_year}", "TD", 114, 1, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  bad = td_certificate_number_format ("{prefix}{seq}{seq}", "TD", 114, 1, NULL, &error);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  bad = td_certificate_number_format ("{month}{seq}", "TD", 114, 1, NULL, &error);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "{month"));
  g_clear_error (&error);
  bad = td_certificate_number_format ("{seq:0}", "TD", 114, 1, NULL, &error);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

/* Issue, reissue, replacement, a failed issue and a second course draw from one series
 * with no gap and no number twice. */
static void
test_numbering_no_gaps (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first = issue (f, f->course_id, NULL);
  g_autoptr (TdCertificate) reissued = NULL;
  g_autoptr (TdCertificate) replaced = NULL;
  g_autoptr (GPtrArray) failed = NULL;
  g_autoptr (GPtrArray) second = NULL;
  static const Row other[] = { { "周杰", "B223456700", TD_ENROLMENT_COMPLETED, -1 } };
  gint64 other_course = add_course (f->store, "一般安全衛生教育訓練", TD_EXAM_MODE_NONE, other, 1);

  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpstr (number_at (first, 0), ==, "TD11400001");
  g_assert_cmpstr (number_at (first, 1), ==, "TD11400002");

  reissued = td_certificates_reissue (f->store, "TD11400001", TD_VOID_REASON_LOST, "2025-03-01",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reissued->number, ==, "TD11400001");      /* 補發 keeps the number */
  g_assert_cmpint (reissued->reissue_count, ==, 1);

  replaced = td_certificates_reissue (f->store, "TD11400002", TD_VOID_REASON_CHANGED, "2025-03-01",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (replaced->number, ==, "TD11400003");      /* 換發 takes a new one */
  g_assert_cmpint (replaced->reissue_count, ==, 0);

  /* A failed issue rolls its numbers back with it. */
  g_assert_true (td_store_set_setting (f->store, "verify-url-template", "https://x.example/",
                                       &error));
  failed = td_certificates_issue (f->store, other_course, "2025-03-02", NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (td_store_set_setting (f->store, "verify-url-template", NULL, &error));

  second = issue (f, other_course, NULL);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpstr (number_at (second, 0), ==, "TD11400004");
}

static void
test_numbering_new_year_and_pattern_clash (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first = issue (f, f->course_id, NULL);
  g_autoptr (TdCertificate) next_year = NULL;
  g_autoptr (TdCertificate) clash = NULL;

  /* A reissue in the next ROC year keeps its number; a replacement starts the new series. */
  next_year = td_certificates_reissue (f->store, "TD11400002", TD_VOID_REASON_CHANGED,
                                       "2026-01-05", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next_year->number, ==, "TD11500001");

  /* A pattern without the year would hand out TD00001 … — fine — but one that repeats
   * an existing number is refused, and nothing is written. */
  g_assert_true (td_store_set_setting (f->store, "certificate-number-pattern",
                                       "{prefix}115{seq:05}", &error));
  g_assert_true (td_store_set_setting (f->store, "certificate-prefix", "TD", &error));
  clash = td_certificates_reissue (f->store, "TD11400001", TD_VOID_REASON_CHANGED, "2026-01-06",
                                   &error);
  g_assert_null (clash);
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_clear_error (&error);
  clash = td_certificates_get (f->store, "TD11400001", &error);
  g_assert_no_error (error);
  g_assert_true (td_certificate_is_valid (clash));
}

/* --- eligibility ---------------------------------------------------------------------------- */

static void
test_eligibility (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GPtrArray) issued = issue (f, f->course_id, &skipped);
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (TdCourse) course = td_store_get_course (f->store, f->course_id, &error);
  g_autoptr (GPtrArray) rows = td_store_list_enrolments (f->store, f->course_id, &error);
  gboolean eligible = TRUE;
  g_autofree char *reason = NULL;

  g_assert_cmpuint (issued->len, ==, 2);
  g_assert_cmpstr (((TdCertificate *) g_ptr_array_index (issued, 0))->holder_name, ==, "王小明");
  g_assert_cmpstr (((TdCertificate *) g_ptr_array_index (issued, 1))->holder_name, ==, "李小華");
  g_assert_cmpuint (skipped->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "陳大文"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "59"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 1), "林美玲"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 2), "張志強"));
  g_assert_cmpstr (course->certificates_issued_on, ==, "2025-02-20");

  /* Issuing again gives nobody a second certificate. */
  again = issue (f, f->course_id, NULL);
  g_assert_cmpuint (again->len, ==, 0);

  /* A raised pass mark makes the 60 fail; a course without an exam needs no score. */
  g_assert_true (td_store_set_setting (f->store, "pass-mark", "70", &error));
  g_assert_true (td_certificates_check_eligibility (f->store, course,
                                                    g_ptr_array_index (rows, 1), &eligible,
                                                    &reason, &error));
  g_assert_false (eligible);
  g_assert_nonnull (strstr (reason, "70"));
  g_clear_pointer (&reason, g_free);
  course->exam_mode = TD_EXAM_MODE_NONE;
  g_assert_true (td_certificates_check_eligibility (f->store, course,
                                                    g_ptr_array_index (rows, 2), &eligible,
                                                    &reason, &error));
  g_assert_true (eligible);
  g_assert_null (reason);

  g_assert_true (td_store_set_setting (f->store, "pass-mark", "sixty", &error));
  course->exam_mode = TD_EXAM_MODE_OWN;
  g_assert_false (td_certificates_check_eligibility (f->store, course,
                                                     g_ptr_array_index (rows, 0), &eligible,
                                                     NULL, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

/* The rule engine's certificate.eligibility: absence of 1/5 or more bars a certificate
 * even with a completed roster status. */
static void
test_eligibility_absence (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  static const Row pair[] = {
    { "周杰", "B223456700", TD_ENROLMENT_COMPLETED, -1 },
    { "吳美", "F223456704", TD_ENROLMENT_COMPLETED, -1 },
  };
  gint64 course_id = add_course (f->store, "一般安全衛生教育訓練", TD_EXAM_MODE_NONE, pair, 2);
  g_autoptr (TdSession) session = td_session_new ();
  g_autoptr (GPtrArray) rows = td_store_list_enrolments (f->store, course_id, &error);
  g_autoptr (TdAttendance) present = NULL;
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GPtrArray) issued = NULL;
  g_autoptr (TdCourse) course = td_store_get_course (f->store, course_id, &error);
  g_autofree char *reason = NULL;
  gboolean eligible = TRUE;

  session->course_id = course_id;
  session->date = g_strdup ("2025-02-10");
  session->start_time = g_strdup ("09:00");
  session->end_time = g_strdup ("14:00");
  session->subject = g_strdup ("安全衛生概論");
  g_assert_true (td_store_save_session (f->store, session, &error));
  g_assert_no_error (error);
  /* 周杰 attended all five hours; 吳美 has no attendance at all. */
  present = td_attendance_new (session->id,
                               ((TdEnrolment *) g_ptr_array_index (rows, 0))->trainee->id,
                               TD_ATTENDANCE_PRESENT);
  present->in_time = g_strdup ("08:55");
  present->out_time = g_strdup ("14:00");
  g_assert_true (td_store_record_attendance (f->store, present, &error));
  g_assert_no_error (error);

  issued = issue (f, course_id, &skipped);
  g_assert_cmpuint (issued->len, ==, 1);
  g_assert_cmpstr (((TdCertificate *) g_ptr_array_index (issued, 0))->holder_name, ==, "周杰");
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "吳美"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "1/5"));

  g_assert_true (td_certificates_check_eligibility (f->store, course, g_ptr_array_index (rows, 1),
                                                    &eligible, &reason, &error));
  g_assert_no_error (error);
  g_assert_false (eligible);
  g_assert_nonnull (strstr (reason, "1/5"));
}

/* Attendance for one five-hour session: everyone present but @absent_seq (roster
 * number, 1-based), who has none and so missed over 1/5 of the course. */
static void
attend_all_but (Fixture *f, gint64 course_id, int absent_seq)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdSession) session = td_session_new ();
  g_autoptr (GPtrArray) rows = td_store_list_enrolments (f->store, course_id, &error);

  g_assert_no_error (error);
  session->course_id = course_id;
  session->date = g_strdup ("2025-02-10");
  session->start_time = g_strdup ("09:00");
  session->end_time = g_strdup ("14:00");
  session->subject = g_strdup ("急救概論");
  g_assert_true (td_store_save_session (f->store, session, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (rows, i);
      g_autoptr (TdAttendance) present = NULL;

      if (e->seq == absent_seq)
        continue;
      present = td_attendance_new (session->id, e->trainee->id, TD_ATTENDANCE_PRESENT);
      present->in_time = g_strdup ("08:55");
      present->out_time = g_strdup ("14:00");
      g_assert_true (td_store_record_attendance (f->store, present, &error));
      g_assert_no_error (error);
    }
}

/* The roster answers are the one-trainee answers, entry by entry, in roster order. */
static void
test_eligibility_roster (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  static const Row mixed[] = {
    { "王小明", "A123456789", TD_ENROLMENT_PASSED, 80 },    /* eligible */
    { "李小華", "B123456780", TD_ENROLMENT_COMPLETED, 60 }, /* eligible, at the mark */
    { "陳大文", "F123456784", TD_ENROLMENT_PASSED, 50 },    /* failing score */
    { "林美玲", "H123456786", TD_ENROLMENT_DISMISSED, 90 }, /* dismissed */
    { "周杰", "B223456700", TD_ENROLMENT_COMPLETED, 85 },   /* absent ≥ 1/5 */
    { "張志強", "A223456709", TD_ENROLMENT_ENROLLED, 75 },  /* status not final */
  };
  gint64 course_id = add_course (f->store, "急救人員訓練（名冊）", TD_EXAM_MODE_OWN, mixed,
                                 G_N_ELEMENTS (mixed));
  g_autoptr (TdCourse) course = td_store_get_course (f->store, course_id, &error);
  g_autoptr (GPtrArray) rows = td_store_list_enrolments (f->store, course_id, &error);
  g_autoptr (GPtrArray) answers = NULL;
  static const gboolean expected[] = { TRUE, TRUE, FALSE, FALSE, FALSE, FALSE };
  static const char *const expected_reason[] = { NULL, NULL, "50", "dismissed", "1/5",
                                                 "roster status" };

  g_assert_no_error (error);
  attend_all_but (f, course_id, 5);
  answers = td_certificates_check_roster (f->store, course, &error);
  g_assert_no_error (error);
  g_assert_nonnull (answers);
  g_assert_cmpuint (answers->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (rows, i);
      TdEligibility *answer = g_ptr_array_index (answers, i);
      g_autofree char *reason = NULL;
      gboolean eligible = !answer->eligible;

      g_assert_true (td_certificates_check_eligibility (f->store, course, e, &eligible, &reason,
                                                        &error));
      g_assert_no_error (error);
      g_assert_cmpint (answer->enrolment_id, ==, e->id);
      g_assert_cmpint (answer->trainee_id, ==, e->trainee->id);
      g_assert_cmpint (answer->enrolment->id, ==, e->id);
      g_assert_cmpint (answer->eligible, ==, eligible);
      g_assert_cmpstr (answer->reason, ==, reason);
      g_assert_cmpint (answer->eligible, ==, expected[i]);
      if (expected_reason[i] == NULL)
        g_assert_null (answer->reason);
      else
        g_assert_nonnull (strstr (answer->reason, expected_reason[i]));
    }

  /* A bad pass mark is an error for the roster as it is for one trainee. */
  g_assert_true (td_store_set_setting (f->store, "pass-mark", "sixty", &error));
  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = td_certificates_check_roster (f->store, course, &error);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_null (answers);
}

/* --- reissue and verification ----------------------------------------------------------------- */

static void
test_reissue_voids_old (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issued = issue (f, f->course_id, NULL);
  g_autofree char *old_code = g_strdup (((TdCertificate *) g_ptr_array_index (issued, 0))->code);
  g_autofree char *changed_code = g_strdup (((TdCertificate *) g_ptr_array_index (issued, 1))->code);
  g_autoptr (TdCertificate) reissued = NULL;
  g_autoptr (TdCertificate) replaced = NULL;
  g_autoptr (TdCertificate) old = NULL;
  g_autoptr (TdCertificate) refused = NULL;
  g_autoptr (TdVerifyResult) r_old = NULL;
  g_autoptr (TdVerifyResult) r_new = NULL;
  g_autoptr (TdVerifyResult) r_changed = NULL;
  g_autoptr (TdVerifyResult) r_replacement = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) valid = NULL;

  g_assert_true (g_str_has_prefix (old_code, "https://registry.example/verify/TD11400001#"));
  reissued = td_certificates_reissue (f->store, "TD11400001", TD_VOID_REASON_DAMAGED, "2025-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reissued->code, !=, old_code);

  r_old = verify (f, old_code);
  g_assert_cmpint (r_old->status, ==, TD_VERIFY_VOIDED);
  g_assert_cmpstr (r_old->void_reason, ==, "damaged");
  g_assert_cmpstr (r_old->holder_name, ==, "王小明");
  r_new = verify (f, reissued->code);
  g_assert_cmpint (r_new->status, ==, TD_VERIFY_VALID);
  g_assert_cmpuint (r_new->version, ==, 1);

  replaced = td_certificates_reissue (f->store, "TD11400002", TD_VOID_REASON_CHANGED, "2025-03-01",
                                      &error);
  g_assert_no_error (error);
  old = td_certificates_get (f->store, "TD11400002", &error);
  g_assert_false (td_certificate_is_valid (old));
  g_assert_cmpstr (old->void_reason, ==, "changed");
  r_changed = verify (f, changed_code);
  g_assert_cmpint (r_changed->status, ==, TD_VERIFY_VOIDED);
  g_assert_cmpstr (r_changed->void_reason, ==, "changed");
  r_replacement = verify (f, replaced->code);
  g_assert_cmpint (r_replacement->status, ==, TD_VERIFY_VALID);
  g_assert_cmpstr (r_replacement->number, ==, "TD11400003");

  /* A void certificate cannot be reissued; the message names its replacement. */
  refused = td_certificates_reissue (f->store, "TD11400002", TD_VOID_REASON_LOST, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, TD_ERROR, TD_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "TD11400003"));
  g_clear_error (&error);

  /* The replacement's history goes back through the old number. */
  history = td_certificates_list_history (f->store, replaced->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);   /* issued, voided (old); issued (new); replaced */
  g_assert_cmpint (((TdCertificateEvent *) g_ptr_array_index (history, 1))->kind, ==,
                   TD_CERTIFICATE_EVENT_VOIDED);
  g_assert_cmpint (((TdCertificateEvent *) g_ptr_array_index (history, 2))->certificate_id, ==,
                   replaced->id);
  g_assert_cmpstr (((TdCertificateEvent *) g_ptr_array_index (history, 3))->related_number, ==,
                   "TD11400003");

  valid = td_certificates_list_for_course (f->store, f->course_id, TRUE, &error);
  g_assert_cmpuint (valid->len, ==, 2);
}

static char *
flip_payload_byte (const char *code, gsize index)
{
  g_autofree char *url = NULL;
  g_autofree char *payload = td_certificate_code_split (code, &url);
  g_autoptr (GBytes) bytes = td_base64url_decode (payload, NULL);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *encoded = NULL;

  data[index] ^= 0x01;
  encoded = td_base64url_encode (data, g_bytes_get_size (bytes));
  return g_strconcat (url, "#", encoded, NULL);
}

static void
test_verify_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issued = issue (f, f->course_id, NULL);
  const char *code = ((TdCertificate *) g_ptr_array_index (issued, 0))->code;
  const char *code2 = ((TdCertificate *) g_ptr_array_index (issued, 1))->code;
  g_autofree char *public_text = td_certificates_dup_public_key (f->store, &error);
  guint8 public_key[TD_PUBLIC_KEY_BYTES], wrong_key[TD_PUBLIC_KEY_BYTES];
  guint8 wrong_secret[64];
  g_autofree char *payload = td_certificate_code_split (code, NULL);
  g_autofree char *payload2 = td_certificate_code_split (code2, NULL);
  g_autofree char *swapped = g_strconcat ("https://registry.example/verify/TD11400002#", payload,
                                          NULL);
  gsize n_bytes = strlen (payload) * 3 / 4;

  g_assert_no_error (error);
  g_assert_true (td_public_key_from_string (public_text, public_key, &error));

  /* Every single flipped byte, in the fields or in the signature, is caught. */
  for (gsize i = 0; i < n_bytes; i++)
    {
      g_autofree char *tampered = flip_payload_byte (code, i);
      g_autoptr (TdVerifyResult) r = td_verify_code (tampered, public_key, NULL);
      g_assert_cmpint (r->status, ==, TD_VERIFY_INVALID);
      g_assert_nonnull (r->message);
    }
  {
    g_autoptr (TdVerifyResult) good = td_verify_code (code, public_key, NULL);
    g_autoptr (TdVerifyResult) bare = td_verify_code (payload2, public_key, NULL);
    g_autoptr (TdVerifyResult) other_url = td_verify_code (swapped, public_key, NULL);
    g_autoptr (TdVerifyResult) garbage = td_verify_code ("https://x/verify/1#!!", public_key, NULL);
    g_autoptr (TdVerifyResult) wrong = NULL;

    g_assert_cmpint (good->status, ==, TD_VERIFY_VALID);
    g_assert_cmpstr (good->payload->start_date, ==, "2025-02-10");
    g_assert_cmpstr (good->payload->end_date, ==, "2025-02-12");
    g_assert_cmpstr (good->payload->issued_on, ==, "2025-02-20");
    g_assert_cmpint (bare->status, ==, TD_VERIFY_VALID);
    g_assert_cmpstr (bare->number, ==, "TD11400002");
    g_assert_cmpint (other_url->status, ==, TD_VERIFY_INVALID);
    g_assert_cmpint (garbage->status, ==, TD_VERIFY_INVALID);

    /* Another key pair: a code checked with the wrong public key is invalid. */
    crypto_sign_keypair (wrong_key, wrong_secret);
    wrong = td_verify_code (code, wrong_key, NULL);
    g_assert_cmpint (wrong->status, ==, TD_VERIFY_INVALID);
  }
  /* The ID is not in the code: neither as text nor as its bytes in the payload. */
  g_assert_null (strstr (code, "A123456789"));
}

/* A code signed by another centre is invalid here. */
static void
test_verify_other_centre (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *other_key = g_build_filename (f->dir, "other.key", NULL);
  g_autofree char *own_key = g_strdup (g_getenv (TD_SIGNING_KEY_FILE_ENV));
  g_autoptr (TdStore) other = NULL;
  g_autoptr (GPtrArray) theirs = NULL;
  g_autoptr (GPtrArray) ours = issue (f, f->course_id, NULL);
  g_autoptr (TdVerifyResult) result = NULL;
  gint64 course;

  g_setenv (TD_SIGNING_KEY_FILE_ENV, other_key, TRUE);
  other = td_store_open (other_db, &error);
  g_assert_no_error (error);
  g_assert_true (td_store_set_setting (other, TD_SETTING_CERTIFICATE_PREFIX, "TD", &error));
  course = add_course (other, "急救人員安全衛生教育訓練", TD_EXAM_MODE_OWN, roster, 1);
  theirs = td_certificates_issue (other, course, "2025-02-20", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (number_at (theirs, 0), ==, "TD11400001");   /* same number as ours… */
  g_setenv (TD_SIGNING_KEY_FILE_ENV, own_key, TRUE);

  result = verify (f, ((TdCertificate *) g_ptr_array_index (theirs, 0))->code);
  g_assert_cmpint (result->status, ==, TD_VERIFY_INVALID);     /* …but not our signature */
}

/* --- storage: keys, append-only history, revocation list ------------------------------------------ */

static void
test_key_and_history_storage (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issued = issue (f, f->course_id, NULL);
  g_autoptr (TdCertificate) reissued =
    td_certificates_reissue (f->store, "TD11400001", TD_VOID_REASON_LOST, NULL, &error);
  g_autoptr (TdRevocationList) list = td_certificates_load_revocation_list (f->store, &error);
  g_autofree char *key_text = NULL;
  g_autofree char *path = g_strdup (td_store_get_path (f->store));
  sqlite3 *db = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (td_revocation_list_get_version (list), ==, 1);
  g_assert_nonnull (td_revocation_list_lookup (list, "TD11400001", 0));
  g_assert_null (td_revocation_list_lookup (list, "TD11400001", 1));

  /* The secret is in the key file (0600), not in the database. */
  g_assert_cmpint (g_stat (g_getenv (TD_SIGNING_KEY_FILE_ENV), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (g_getenv (TD_SIGNING_KEY_FILE_ENV), &key_text, NULL, &error);
  g_assert_no_error (error);
  g_strstrip (key_text);
  g_assert_cmpuint (strlen (key_text), ==, 64);

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE certificate_event SET reason = 'lost'", NULL, NULL,
                                 NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM certificate", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM revocation_list", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM signing_key WHERE "
                                            "instr (hex (public_key), upper ('%s')) > 0",
                                            key_text);
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
  /* A revocation list body altered behind the signature's back is refused. Triggers
   * stop UPDATE, so drop them the way an attacker with the file would. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER revocation_list_no_update; "
                                 "UPDATE revocation_list SET body = replace (body, "
                                 "'TD11400001', 'TD11400002')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->store = td_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, td_revocation_list_free);
  list = td_certificates_load_revocation_list (f->store, &error);
  g_assert_null (list);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

static void
test_missing_key_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issued = issue (f, f->course_id, NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "no-such.key", NULL);
  g_autoptr (TdCertificate) none = NULL;
  g_autoptr (TdVerifyResult) still = NULL;
  g_autofree char *own = g_strdup (g_getenv (TD_SIGNING_KEY_FILE_ENV));

  /* Without its secret the desk cannot reissue, and says why; it still verifies. */
  g_setenv (TD_SIGNING_KEY_FILE_ENV, elsewhere, TRUE);
  none = td_certificates_reissue (f->store, "TD11400001", TD_VOID_REASON_LOST, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, TD_SIGNING_KEY_FILE_ENV));
  still = verify (f, ((TdCertificate *) g_ptr_array_index (issued, 0))->code);
  g_assert_cmpint (still->status, ==, TD_VERIFY_VALID);
  g_setenv (TD_SIGNING_KEY_FILE_ENV, own, TRUE);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/certificates/number-pattern", test_number_pattern);
  ADD ("/certificates/numbering-no-gaps", test_numbering_no_gaps);
  ADD ("/certificates/numbering-new-year-and-clash", test_numbering_new_year_and_pattern_clash);
  ADD ("/certificates/eligibility", test_eligibility);
  ADD ("/certificates/eligibility-absence", test_eligibility_absence);
  ADD ("/certificates/eligibility-roster", test_eligibility_roster);
  ADD ("/certificates/reissue-voids-old", test_reissue_voids_old);
  ADD ("/certificates/verify-invalid", test_verify_invalid);
  ADD ("/certificates/verify-other-centre", test_verify_other_centre);
  ADD ("/certificates/key-and-history-storage", test_key_and_history_storage);
  ADD ("/certificates/missing-key-file", test_missing_key_file);
  return g_test_run ();
}
