/* td-certificates.c — certificate numbering, issue, reissue, history and verification
 * over the store
 *
 * The signing key is loaded before a transaction starts: reading the keyring can wait
 * on the user (an unlock prompt), and the database must not stay locked meanwhile.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-certificates"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "td-certificates.h"
#include "td-roc-date.h"
#include "td-rules.h"
#include "td-settings.h"
#include "td-store-private.h"

#define CERTIFICATE_COLUMNS                                                                  \
  "c.id, c.number, c.course_id, c.trainee_id, c.reissue_count, c.issued_on, "               \
  "c.replaces_id, c.voided_at, c.void_reason, c.code, t.name, co.title "                   \
  "FROM certificate c JOIN trainee t ON t.id = c.trainee_id "                              \
  "JOIN course co ON co.id = c.course_id "

/* --- numbering ------------------------------------------------------------------------ */

static gboolean
expand_token (GString *out, const char *token, const char *prefix, int year, gint64 seq,
              int *n_seq, gboolean *uses_year)
{
  if (g_str_equal (token, "prefix"))
    g_string_append (out, prefix);
  else if (g_str_equal (token, "roc_year") || g_str_equal (token, "year"))
    {
      g_string_append_printf (out, "%d", g_str_equal (token, "year") ? year + 1911 : year);
      *uses_year = TRUE;
    }
  else if (g_str_equal (token, "seq"))
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, seq);
      (*n_seq)++;
    }
  else if (g_str_has_prefix (token, "seq:"))
    {
      char *end = NULL;
      gint64 width = g_ascii_strtoll (token + 4, &end, 10);
      if (end == token + 4 || *end != '\0' || width < 1 || width > 12)
        return FALSE;
      g_string_append_printf (out, "%0*" G_GINT64_FORMAT, (int) width, seq);
      (*n_seq)++;
    }
  else
    return FALSE;
  return TRUE;
}

char *
td_certificate_number_format (const char *pattern, const char *prefix, int year, gint64 seq,
                              gboolean *uses_year, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean has_year = FALSE;
  int n_seq = 0;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      const char *close;
      g_autofree char *token = NULL;

      if (*p != '{')
        {
          g_string_append_c (out, *p);
          continue;
        }
      close = strchr (p, '}');
      token = close ? g_strndup (p + 1, close - p - 1) : g_strdup (p + 1);
      if (close == NULL || !expand_token (out, token, prefix, year, seq, &n_seq, &has_year))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _("The certificate number pattern “%s” has an unknown part “{%s”; use "
                         "{prefix}, {roc_year}, {year}, {seq} or {seq:5}."), pattern, token);
          return NULL;
        }
      p = close;
    }
  if (n_seq != 1)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The certificate number pattern “%s” must contain {seq} (or {seq:NN}) "
                     "exactly once."), pattern);
      return NULL;
    }
  if (uses_year != NULL)
    *uses_year = has_year;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
number_taken (TdStore *store, const char *number)
{
  sqlite3_stmt *stmt = td_store_prepare (store, "SELECT 1 FROM certificate WHERE number = ?1",
                                         NULL);
  gboolean taken;

  /* Unreadable: say taken, so the INSERT's UNIQUE constraint is not the only guard. */
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  taken = sqlite3_step (stmt) != SQLITE_DONE;
  sqlite3_reset (stmt);
  return taken;
}

/* Takes the next number of the series within the current transaction. */
static char *
next_number (TdStore *store, const char *issued_on, GError **error)
{
  g_autofree char *pattern = td_settings_get (store, TD_SETTING_CERTIFICATE_NUMBER_PATTERN);
  g_autofree char *prefix = td_settings_get (store, TD_SETTING_CERTIFICATE_PREFIX);
  int year = (int) g_ascii_strtoll (issued_on, NULL, 10) - 1911;
  gboolean uses_year = FALSE;
  g_autofree char *probe = td_certificate_number_format (pattern, prefix, year, 1, &uses_year,
                                                         error);
  sqlite3_stmt *stmt;
  char *number;
  gint64 seq;

  if (probe == NULL)
    return NULL;
  stmt = td_store_prepare (store,
                           "INSERT INTO certificate_sequence (prefix, year, last_seq) "
                           "VALUES (?1, ?2, 1) ON CONFLICT (prefix, year) DO UPDATE "
                           "SET last_seq = last_seq + 1 RETURNING last_seq",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, uses_year ? year : 0);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      td_store_set_sqlite_error (store, error, _("Could not take a certificate number"));
      sqlite3_reset (stmt);
      return NULL;
    }
  seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  number = td_certificate_number_format (pattern, prefix, year, seq, NULL, error);
  if (number != NULL && number_taken (store, number))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                   _("Certificate number %s was given before; the setting "
                     "certificate-number-pattern was changed so that it repeats earlier "
                     "numbers. Change the pattern or the prefix."), number);
      g_clear_pointer (&number, g_free);
    }
  return number;
}

/* --- reading ------------------------------------------------------------------------------ */

static TdCertificate *
certificate_from_row (sqlite3_stmt *stmt)
{
  TdCertificate *c = td_certificate_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->number = td_col_dup (stmt, 1);
  c->course_id = sqlite3_column_int64 (stmt, 2);
  c->trainee_id = sqlite3_column_int64 (stmt, 3);
  c->reissue_count = sqlite3_column_int (stmt, 4);
  c->issued_on = td_col_dup (stmt, 5);
  c->replaces_id = sqlite3_column_int64 (stmt, 6);
  c->voided_at = td_col_dup (stmt, 7);
  c->void_reason = td_col_dup (stmt, 8);
  c->code = td_col_dup (stmt, 9);
  c->holder_name = td_col_dup (stmt, 10);
  c->course_title = td_col_dup (stmt, 11);
  return c;
}

/* Runs @stmt (bound) and returns every row, or NULL with @error. */
static GPtrArray *
collect_certificates (TdStore *store, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, certificate_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (store, error, _("Could not read the certificates"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static TdCertificate *
single_certificate (TdStore *store, sqlite3_stmt *stmt, const char *what, GError **error)
{
  g_autoptr (GPtrArray) list = collect_certificates (store, stmt, error);

  return td_store_first_object (list, error, _("There is no certificate %s."), what);
}

TdCertificate *
td_certificates_get (TdStore *store, const char *number, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT " CERTIFICATE_COLUMNS "WHERE c.number = ?1",
                                         error);
  g_autofree char *trimmed = g_strstrip (g_strdup (number ? number : ""));

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  return single_certificate (store, stmt, trimmed, error);
}

TdCertificate *
td_certificates_get_by_id (TdStore *store, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store, "SELECT " CERTIFICATE_COLUMNS "WHERE c.id = ?1",
                                         error);
  g_autofree char *what = g_strdup_printf ("#%" G_GINT64_FORMAT, id);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return single_certificate (store, stmt, what, error);
}

GPtrArray *
td_certificates_list_for_course (TdStore *store, gint64 course_id, gboolean valid_only,
                                 GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT " CERTIFICATE_COLUMNS
                                         "LEFT JOIN enrolment e ON e.course_id = c.course_id "
                                         "AND e.trainee_id = c.trainee_id "
                                         "WHERE c.course_id = ?1 AND (?2 = 0 OR c.voided_at IS NULL) "
                                         "ORDER BY e.seq, c.id",
                                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int (stmt, 2, valid_only ? 1 : 0);
  return collect_certificates (store, stmt, error);
}

static TdCertificateEvent *
event_from_row (sqlite3_stmt *stmt)
{
  TdCertificateEvent *e = td_certificate_event_new ();
  g_autofree char *kind = td_col_dup (stmt, 4);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->certificate_id = sqlite3_column_int64 (stmt, 1);
  e->number = td_col_dup (stmt, 2);
  e->version = sqlite3_column_int (stmt, 3);
  td_certificate_event_kind_from_string (kind, &e->kind);
  e->reason = td_col_dup (stmt, 5);
  e->related_id = sqlite3_column_int64 (stmt, 6);
  e->related_number = td_col_dup (stmt, 7);
  e->at = td_col_dup (stmt, 8);
  e->actor = td_col_dup (stmt, 9);
  return e;
}

GPtrArray *
td_certificates_list_history (TdStore *store, gint64 certificate_id, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) td_certificate_event_free);
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "WITH RECURSIVE chain (id, replaces_id) AS ("
                                         " SELECT id, replaces_id FROM certificate WHERE id = ?1"
                                         " UNION ALL SELECT c.id, c.replaces_id FROM certificate c"
                                         " JOIN chain ON c.id = chain.replaces_id) "
                                         "SELECT e.id, e.certificate_id, e.number, e.version, "
                                         "e.kind, e.reason, e.related_id, r.number, e.at, e.actor "
                                         "FROM certificate_event e "
                                         "LEFT JOIN certificate r ON r.id = e.related_id "
                                         "WHERE e.certificate_id IN (SELECT id FROM chain) "
                                         "ORDER BY e.id",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, certificate_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, event_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (store, error, _("Could not read the certificate history"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* --- eligibility ------------------------------------------------------------------------------ */

static gboolean
latest_score (TdStore *store, gint64 course_id, gint64 trainee_id, double *score,
              gboolean *found, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT score FROM score WHERE course_id = ?1 AND "
                                         "trainee_id = ?2 ORDER BY id DESC LIMIT 1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    *score = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (store, error, _("Could not read the scores"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_pass_mark (TdStore *store, double *pass_mark, GError **error)
{
  g_autofree char *text = td_settings_get (store, TD_SETTING_PASS_MARK);
  char *end = NULL;

  *pass_mark = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || *pass_mark < 0 || *pass_mark > 100)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The setting pass-mark (“%s”) must be a number from 0 to 100."), text);
      return FALSE;
    }
  return TRUE;
}

/* Trainee id → why the rule engine's certificate.eligibility check of the course's
 * regime pack (absence ≥ 1/5, an in-service course not fully attended, …) refuses a
 * certificate, judged as on @issued_on or the day after the course ended, whichever
 * is later, so every session counts. */
static GHashTable *
rule_refusals (TdStore *store, TdCourse *course, const char *issued_on, GError **error)
{
  g_autoptr (TdCourseSnapshot) snapshot = td_course_snapshot_load (store, course->id, error);
  g_autoptr (TdRulePack) pack = snapshot ? td_rule_pack_load_for_regime (course->regime, error)
                                         : NULL;
  g_autofree char *after_end = td_iso_date_add_days (course->end_date, 1);
  const char *as_of = g_strcmp0 (issued_on, after_end) > 0 ? issued_on : after_end;
  g_autoptr (GPtrArray) findings = NULL;
  GHashTable *refusals;

  if (pack == NULL ||
      (findings = td_rules_check_snapshot (snapshot, pack, "certificate.eligibility", as_of,
                                           error)) == NULL)
    return NULL;
  refusals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < findings->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (findings, i);
      if (f->trainee_id > 0 && !g_hash_table_contains (refusals, &f->trainee_id))
        g_hash_table_insert (refusals, g_memdup2 (&f->trainee_id, sizeof (gint64)),
                             g_strdup (f->message));
    }
  return refusals;
}

/* What a roster's answers share: the rule engine's refusals, loaded once, and the pass
 * mark, read on first need so that a course nobody needs it for is not refused over a
 * bad setting. */
typedef struct {
  GHashTable *refusals;
  double pass_mark;
  gboolean has_pass_mark;
} Judge;

static void
judge_clear (Judge *judge)
{
  g_clear_pointer (&judge->refusals, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Judge, judge_clear)

static gboolean
judge_init (Judge *judge, TdStore *store, TdCourse *course, const char *as_of, GError **error)
{
  judge->refusals = rule_refusals (store, course, as_of, error);
  judge->has_pass_mark = FALSE;
  return judge->refusals != NULL;
}

/* Why the exam bars @trainee_id, or NULL when it does not. */
static gboolean
exam_refusal (Judge *judge, TdStore *store, TdCourse *course, gint64 trainee_id, char **why,
              GError **error)
{
  double score = 0;
  gboolean found = FALSE;

  if (!judge->has_pass_mark)
    {
      if (!read_pass_mark (store, &judge->pass_mark, error))
        return FALSE;
      judge->has_pass_mark = TRUE;
    }
  if (!latest_score (store, course->id, trainee_id, &score, &found, error))
    return FALSE;
  if (!found)
    *why = g_strdup (_("no exam score is recorded"));
  else if (score < judge->pass_mark)
    *why = g_strdup_printf (_("the exam score %g is below the pass mark %g"), score,
                            judge->pass_mark);
  return TRUE;
}

/* The roster status and the exam score first, then what the rule engine found. */
static gboolean
judge_enrolment (Judge *judge, TdStore *store, TdCourse *course, TdEnrolment *enrolment,
                 gboolean *eligible, char **reason, GError **error)
{
  const char *refusal = g_hash_table_lookup (judge->refusals, &enrolment->trainee->id);
  char *why = NULL;

  if (enrolment->status == TD_ENROLMENT_DISMISSED)
    why = g_strdup (_("dismissed from the course (退訓)"));
  else if (enrolment->status != TD_ENROLMENT_PASSED && enrolment->status != TD_ENROLMENT_COMPLETED)
    why = g_strdup_printf (_("the roster status is “%s”, not passed or completed"),
                           td_enrolment_status_label (enrolment->status));
  else if (course->exam_mode != TD_EXAM_MODE_NONE &&
           !exam_refusal (judge, store, course, enrolment->trainee->id, &why, error))
    return FALSE;
  if (why == NULL && refusal != NULL)
    why = g_strdup (refusal);
  *eligible = why == NULL;
  if (reason != NULL)
    *reason = why;
  else
    g_free (why);
  return TRUE;
}

void
td_eligibility_free (TdEligibility *answer)
{
  if (answer == NULL)
    return;
  g_clear_object (&answer->enrolment);
  g_free (answer->reason);
  g_free (answer);
}

/* One answer per entry of @enrolments, judged as of today; the rule check runs once. */
static GPtrArray *
judge_enrolments (TdStore *store, TdCourse *course, GPtrArray *enrolments, GError **error)
{
  g_autoptr (GPtrArray) answers =
    g_ptr_array_new_with_free_func ((GDestroyNotify) td_eligibility_free);
  g_autofree char *today = td_iso_date_today ();
  g_auto (Judge) judge = { NULL, 0, FALSE };

  if (!judge_init (&judge, store, course, today, error))
    return NULL;
  for (guint i = 0; i < enrolments->len; i++)
    {
      TdEnrolment *enrolment = g_ptr_array_index (enrolments, i);
      g_autoptr (TdEligibility) answer = g_new0 (TdEligibility, 1);

      if (!judge_enrolment (&judge, store, course, enrolment, &answer->eligible, &answer->reason,
                            error))
        return NULL;
      answer->enrolment = g_object_ref (enrolment);
      answer->enrolment_id = enrolment->id;
      answer->trainee_id = enrolment->trainee->id;
      g_ptr_array_add (answers, g_steal_pointer (&answer));
    }
  return g_steal_pointer (&answers);
}

GPtrArray *
td_certificates_check_roster (TdStore *store, TdCourse *course, GError **error)
{
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (store, course->id, error);

  return roster ? judge_enrolments (store, course, roster, error) : NULL;
}

gboolean
td_certificates_check_eligibility (TdStore *store, TdCourse *course, TdEnrolment *enrolment,
                                   gboolean *eligible, char **reason, GError **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autoptr (GPtrArray) answers = NULL;
  TdEligibility *answer;

  g_ptr_array_add (one, enrolment);
  if ((answers = judge_enrolments (store, course, one, error)) == NULL)
    return FALSE;
  answer = g_ptr_array_index (answers, 0);
  *eligible = answer->eligible;
  if (reason != NULL)
    *reason = g_steal_pointer (&answer->reason);
  return TRUE;
}

/* --- writing --------------------------------------------------------------------------------- */

static gboolean
append_event (TdStore *store, gint64 certificate_id, const char *number, int version,
              TdCertificateEventKind kind, const char *reason, gint64 related_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "INSERT INTO certificate_event (certificate_id, number, "
                                         "version, kind, reason, related_id, at, actor) VALUES "
                                         "(?1, ?2, ?3, ?4, ?5, ?6, td_now (), td_actor ())",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, certificate_id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, version);
  sqlite3_bind_text (stmt, 4, td_certificate_event_kind_to_string (kind), -1, SQLITE_STATIC);
  td_bind_text (stmt, 5, reason);
  if (related_id > 0)
    sqlite3_bind_int64 (stmt, 6, related_id);
  return td_store_step_done (store, stmt, _("Could not record the certificate history"), error);
}

static GPtrArray *
list_voided_versions (TdStore *store, GError **error)
{
  g_autoptr (GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) td_revocation_entry_free);
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT number, version, reason, at FROM "
                                         "certificate_event WHERE kind = 'voided' ORDER BY id",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdRevocationEntry *e = g_new0 (TdRevocationEntry, 1);
      e->number = td_col_dup (stmt, 0);
      e->version = (guint) sqlite3_column_int (stmt, 1);
      e->reason = td_col_dup (stmt, 2);
      e->voided_at = td_col_dup (stmt, 3);
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (store, error, _("Could not read the voided certificates"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* Signs and stores the next revocation list: every voided version so far. */
static gboolean
publish_revocations (TdStore *store, TdSigningKey *key, GError **error)
{
  g_autoptr (GPtrArray) entries = list_voided_versions (store, error);
  g_autofree char *now = td_store_now ();
  g_autofree char *key_id = td_signing_key_dup_id_hex (key);
  g_autofree char *body = NULL;
  guint8 signature[TD_SIGNATURE_BYTES];
  gint64 version;
  sqlite3_stmt *stmt;

  if (entries == NULL ||
      (version = td_store_query_int (store, "SELECT coalesce (max (version), 0) + ?1 FROM "
                                     "revocation_list", 1, error)) < 0)
    return FALSE;
  body = td_revocation_list_build_body ((guint) version, now, key_id, entries);
  td_signing_key_sign (key, (const guint8 *) body, strlen (body), signature);
  stmt = td_store_prepare (store,
                           "INSERT INTO revocation_list (version, issued_at, key_id, body, "
                           "signature) VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, key_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 5, signature, sizeof signature, SQLITE_TRANSIENT);
  return td_store_step_done (store, stmt, _("Could not save the revocation list"), error);
}

/* The signed QR content of @cert's current version for its holder. */
static char *
make_code (TdStore *store, TdSigningKey *key, TdCertificate *cert, TdCourse *course,
           TdTrainee *trainee, GError **error)
{
  g_autoptr (TdCertificatePayload) payload = g_new0 (TdCertificatePayload, 1);
  g_autofree char *url = td_settings_get (store, TD_SETTING_VERIFY_URL_TEMPLATE);
  g_autofree char *text = NULL;

  payload->number = g_strdup (cert->number);
  payload->course_ref = g_strdup_printf ("%" G_GINT64_FORMAT, course->id);
  payload->start_date = g_strdup (course->start_date);
  payload->end_date = g_strdup (course->end_date);
  payload->issued_on = g_strdup (cert->issued_on);
  payload->version = (guint) cert->reissue_count;
  td_signing_key_hash_holder (key, trainee->national_id, payload->holder_hash);
  text = td_certificate_payload_sign (payload, key, error);
  return text ? td_certificate_code_build (url, cert->number, text, error) : NULL;
}

static gboolean
insert_certificate (TdStore *store, TdCertificate *cert, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "INSERT INTO certificate (number, course_id, trainee_id, "
                                         "reissue_count, issued_on, replaces_id, code) VALUES "
                                         "(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cert->number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, cert->course_id);
  sqlite3_bind_int64 (stmt, 3, cert->trainee_id);
  sqlite3_bind_int (stmt, 4, cert->reissue_count);
  sqlite3_bind_text (stmt, 5, cert->issued_on, -1, SQLITE_TRANSIENT);
  if (cert->replaces_id > 0)
    sqlite3_bind_int64 (stmt, 6, cert->replaces_id);
  sqlite3_bind_text (stmt, 7, cert->code, -1, SQLITE_TRANSIENT);
  if (!td_store_step_done (store, stmt, _("Could not save the certificate"), error))
    return FALSE;
  cert->id = sqlite3_last_insert_rowid (td_store_get_db (store));
  return TRUE;
}

/* Numbers, signs and stores a new certificate (first issue or replacement). */
static TdCertificate *
create_certificate (TdStore *store, TdSigningKey *key, TdCourse *course, TdTrainee *trainee,
                    const char *issued_on, gint64 replaces_id, GError **error)
{
  g_autoptr (TdCertificate) cert = td_certificate_new ();

  cert->course_id = course->id;
  cert->trainee_id = trainee->id;
  cert->issued_on = g_strdup (issued_on);
  cert->replaces_id = replaces_id;
  cert->holder_name = g_strdup (trainee->name);
  cert->course_title = g_strdup (course->title);
  if ((cert->number = next_number (store, issued_on, error)) == NULL ||
      (cert->code = make_code (store, key, cert, course, trainee, error)) == NULL ||
      !insert_certificate (store, cert, error) ||
      !append_event (store, cert->id, cert->number, 0, TD_CERTIFICATE_EVENT_ISSUED, NULL, 0,
                     error) ||
      !td_store_audit (store, replaces_id ? "replace" : "issue", "certificate", cert->id,
                       cert->number, error))
    return NULL;
  return g_steal_pointer (&cert);
}

static char *
resolve_issue_date (const char *issued_on, GError **error)
{
  if (issued_on == NULL)
    return td_iso_date_today ();
  if (!td_iso_date_is_valid (issued_on))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The issue date “%s” is not a date written YYYY-MM-DD."), issued_on);
      return NULL;
    }
  return g_strdup (issued_on);
}

static gboolean
has_valid_certificate (TdStore *store, gint64 course_id, gint64 trainee_id, gboolean *has,
                       GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT 1 FROM certificate WHERE course_id = ?1 AND "
                                         "trainee_id = ?2 AND voided_at IS NULL",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  *has = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (store, error, _("Could not read the certificates"));
      return FALSE;
    }
  return TRUE;
}

/* One roster row: skipped (with why), already done, or a new certificate in @issued. */
static gboolean
issue_one (TdStore *store, TdSigningKey *key, TdCourse *course, TdEnrolment *enrolment,
           Judge *judge, const char *issued_on, GPtrArray *issued, GPtrArray *skipped,
           GError **error)
{
  g_autofree char *reason = NULL;
  gboolean eligible = FALSE, has = FALSE;
  TdCertificate *cert;

  if (!has_valid_certificate (store, course->id, enrolment->trainee->id, &has, error))
    return FALSE;
  if (has)
    return TRUE;
  if (!judge_enrolment (judge, store, course, enrolment, &eligible, &reason, error))
    return FALSE;
  if (!eligible)
    {
      g_ptr_array_add (skipped, g_strdup_printf ("%s: %s", enrolment->trainee->name, reason));
      return TRUE;
    }
  cert = create_certificate (store, key, course, enrolment->trainee, issued_on, 0, error);
  if (cert == NULL)
    return FALSE;
  g_ptr_array_add (issued, cert);
  return TRUE;
}

static gboolean
issue_all (TdStore *store, TdSigningKey *key, TdCourse *course, const char *issued_on,
           GPtrArray *issued, GPtrArray *skipped, GError **error)
{
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (store, course->id, error);
  g_auto (Judge) judge = { NULL, 0, FALSE };
  sqlite3_stmt *stmt;

  if (roster == NULL || !judge_init (&judge, store, course, issued_on, error))
    return FALSE;
  for (guint i = 0; i < roster->len; i++)
    if (!issue_one (store, key, course, g_ptr_array_index (roster, i), &judge, issued_on, issued,
                    skipped, error))
      return FALSE;
  if (issued->len == 0)
    return TRUE;
  /* certificate.issue-deadline looks at the first issue date. */
  stmt = td_store_prepare (store,
                           "UPDATE course SET certificates_issued_on = ?2 WHERE id = ?1 AND "
                           "certificates_issued_on IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course->id);
  sqlite3_bind_text (stmt, 2, issued_on, -1, SQLITE_TRANSIENT);
  return td_store_step_done (store, stmt, _("Could not save the course"), error);
}

GPtrArray *
td_certificates_issue (TdStore *store, gint64 course_id, const char *issued_on,
                       GPtrArray **skipped, GError **error)
{
  g_autoptr (GPtrArray) issued = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) not_issued = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (TdCourse) course = td_store_get_course (store, course_id, error);
  g_autofree char *date = NULL;
  g_autoptr (TdSigningKey) key = NULL;

  if (course == NULL || (date = resolve_issue_date (issued_on, error)) == NULL ||
      (key = td_signing_key_load (store, TRUE, error)) == NULL)
    return NULL;
  if (!td_store_begin (store, error))
    return NULL;
  if (!issue_all (store, key, course, date, issued, not_issued, error))
    {
      td_store_rollback (store);
      return NULL;
    }
  if (!td_store_commit (store, error))
    return NULL;
  if (skipped != NULL)
    *skipped = g_steal_pointer (&not_issued);
  return g_steal_pointer (&issued);
}

/* --- reissue and replacement ---------------------------------------------------------------- */

/* 補發: the same number, one more reissue; the version it had is voided. */
static gboolean
reissue_same_number (TdStore *store, TdSigningKey *key, TdCertificate *cert, TdCourse *course,
                     TdTrainee *trainee, TdVoidReason reason, const char *issued_on,
                     GError **error)
{
  int old_version = cert->reissue_count;
  sqlite3_stmt *stmt;

  cert->reissue_count++;
  g_free (cert->issued_on);
  cert->issued_on = g_strdup (issued_on);
  g_free (cert->code);
  if ((cert->code = make_code (store, key, cert, course, trainee, error)) == NULL)
    return FALSE;
  stmt = td_store_prepare (store,
                           "UPDATE certificate SET reissue_count = ?2, issued_on = ?3, code = ?4 "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cert->id);
  sqlite3_bind_int (stmt, 2, cert->reissue_count);
  sqlite3_bind_text (stmt, 3, cert->issued_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, cert->code, -1, SQLITE_TRANSIENT);
  return td_store_step_done (store, stmt, _("Could not save the certificate"), error) &&
         append_event (store, cert->id, cert->number, old_version, TD_CERTIFICATE_EVENT_VOIDED,
                       td_void_reason_to_string (reason), 0, error) &&
         append_event (store, cert->id, cert->number, cert->reissue_count,
                       TD_CERTIFICATE_EVENT_REISSUED, NULL, 0, error) &&
         td_store_audit (store, "reissue", "certificate", cert->id, cert->number, error);
}

/* 換發: a new number for the holder's current data; the old certificate is voided. */
static TdCertificate *
replace_certificate (TdStore *store, TdSigningKey *key, TdCertificate *old, TdCourse *course,
                     TdTrainee *trainee, const char *issued_on, GError **error)
{
  g_autoptr (TdCertificate) cert = NULL;
  sqlite3_stmt *stmt;

  /* History reads: old voided, new issued, old replaced by new. */
  if (!append_event (store, old->id, old->number, old->reissue_count, TD_CERTIFICATE_EVENT_VOIDED,
                     "changed", 0, error) ||
      (cert = create_certificate (store, key, course, trainee, issued_on, old->id, error)) == NULL)
    return NULL;
  stmt = td_store_prepare (store,
                           "UPDATE certificate SET voided_at = td_now (), void_reason = 'changed' "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, old->id);
  if (!td_store_step_done (store, stmt, _("Could not void the certificate"), error) ||
      !append_event (store, old->id, old->number, old->reissue_count,
                     TD_CERTIFICATE_EVENT_REPLACED, NULL, cert->id, error))
    return NULL;
  return g_steal_pointer (&cert);
}

static gboolean
check_reissuable (TdStore *store, TdCertificate *cert, GError **error)
{
  g_autoptr (GPtrArray) history = NULL;
  const char *successor = NULL;

  if (td_certificate_is_valid (cert))
    return TRUE;
  history = td_certificates_list_history (store, cert->id, NULL);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      TdCertificateEvent *e = g_ptr_array_index (history, i);
      if (e->kind == TD_CERTIFICATE_EVENT_REPLACED && e->certificate_id == cert->id)
        successor = e->related_number;
    }
  if (successor != NULL)
    g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                 _("Certificate %s is void (%s) and was replaced by %s; reissue that one "
                   "instead."),
                 cert->number, td_void_reason_label_for_string (cert->void_reason), successor);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                 _("Certificate %s is void (%s); only a valid certificate can be reissued."),
                 cert->number, td_void_reason_label_for_string (cert->void_reason));
  return FALSE;
}

static TdCertificate *
reissue_in_transaction (TdStore *store, TdSigningKey *key, TdCertificate *cert,
                        TdVoidReason reason, const char *issued_on, GError **error)
{
  g_autoptr (TdCourse) course = td_store_get_course (store, cert->course_id, error);
  g_autoptr (TdTrainee) trainee = course ? td_store_get_trainee (store, cert->trainee_id, error)
                                         : NULL;
  g_autoptr (TdCertificate) result = NULL;

  if (trainee == NULL)
    return NULL;
  if (reason == TD_VOID_REASON_CHANGED)
    result = replace_certificate (store, key, cert, course, trainee, issued_on, error);
  else if (reissue_same_number (store, key, cert, course, trainee, reason, issued_on, error))
    result = g_object_ref (cert);
  if (result == NULL || !publish_revocations (store, key, error))
    return NULL;
  g_free (result->holder_name);
  result->holder_name = g_strdup (trainee->name);
  return g_steal_pointer (&result);
}

TdCertificate *
td_certificates_reissue (TdStore *store, const char *number, TdVoidReason reason,
                         const char *issued_on, GError **error)
{
  g_autoptr (TdCertificate) cert = td_certificates_get (store, number, error);
  g_autofree char *date = NULL;
  g_autoptr (TdSigningKey) key = NULL;
  TdCertificate *result;

  if (cert == NULL || !check_reissuable (store, cert, error) ||
      (date = resolve_issue_date (issued_on, error)) == NULL ||
      (key = td_signing_key_load (store, FALSE, error)) == NULL)
    return NULL;
  if (!td_store_begin (store, error))
    return NULL;
  result = reissue_in_transaction (store, key, cert, reason, date, error);
  if (result == NULL)
    {
      td_store_rollback (store);
      return NULL;
    }
  if (!td_store_commit (store, error))
    {
      g_object_unref (result);
      return NULL;
    }
  return result;
}

/* --- keys, revocation lists, verification -------------------------------------------------- */

/* The public key with hex id @key_id; FALSE without error when the centre has none. */
static gboolean
find_public_key (TdStore *store, const char *key_id, guint8 *public_key, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT public_key FROM signing_key WHERE "
                                         "(?1 IS NULL AND retired_at IS NULL) OR key_id = ?1 "
                                         "ORDER BY id DESC LIMIT 1",
                                         error);
  int rc;
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  td_bind_text (stmt, 1, key_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == TD_PUBLIC_KEY_BYTES)
    {
      memcpy (public_key, sqlite3_column_blob (stmt, 0), TD_PUBLIC_KEY_BYTES);
      found = TRUE;
    }
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not read the signing keys"));
  sqlite3_reset (stmt);
  return found;
}

char *
td_certificates_dup_public_key (TdStore *store, GError **error)
{
  guint8 public_key[TD_PUBLIC_KEY_BYTES];
  GError *local_error = NULL;

  if (find_public_key (store, NULL, public_key, &local_error))
    return td_public_key_to_string (public_key);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                 _("This centre has no certificate signing key yet; issuing the first "
                   "certificate creates one."));
  return NULL;
}

TdRevocationList *
td_certificates_load_revocation_list (TdStore *store, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT key_id, body, signature FROM revocation_list "
                                         "ORDER BY version DESC LIMIT 1",
                                         error);
  g_autofree char *key_id = NULL;
  g_autofree char *body = NULL;
  g_autoptr (GBytes) signature = NULL;
  guint8 public_key[TD_PUBLIC_KEY_BYTES];
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      key_id = td_col_dup (stmt, 0);
      body = td_col_dup (stmt, 1);
      signature = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not read the revocation list"));
  sqlite3_reset (stmt);
  if (body == NULL)
    return NULL;
  if (!find_public_key (store, key_id, public_key, NULL))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The revocation list is signed with key %s, which this centre does not "
                     "have."), key_id);
      return NULL;
    }
  return td_revocation_list_load (body, signature, public_key, error);
}

/* The version the store knows is void for @number, with the reason, if any. */
static char *
stored_void_reason (TdStore *store, const char *number, guint version)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT reason FROM certificate_event WHERE number = ?1 "
                                         "AND version = ?2 AND kind = 'voided' LIMIT 1",
                                         NULL);
  char *reason = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) version);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    reason = td_col_dup (stmt, 0);
  sqlite3_reset (stmt);
  return reason;
}

/* The key named in the code, else the current one: a code from another centre then
 * fails on its signature rather than on a missing key. */
static gboolean
key_for_code (TdStore *store, const char *code, guint8 *public_key, GError **error)
{
  g_autofree char *text = td_certificate_code_split (code, NULL);
  g_autoptr (GBytes) signed_part = NULL;
  g_autoptr (GBytes) signature = NULL;
  g_autoptr (TdCertificatePayload) payload =
    td_certificate_payload_parse (text, &signed_part, &signature, NULL);
  GError *local_error = NULL;

  if (payload != NULL)
    {
      char hex[TD_KEY_ID_BYTES * 2 + 1];
      sodium_bin2hex (hex, sizeof hex, payload->key_id, TD_KEY_ID_BYTES);
      if (find_public_key (store, hex, public_key, &local_error))
        return TRUE;
    }
  if (local_error == NULL && find_public_key (store, NULL, public_key, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                 _("This centre has issued no certificates, so it has no key to check codes "
                   "against."));
  return FALSE;
}

TdVerifyResult *
td_certificates_verify (TdStore *store, const char *code, GError **error)
{
  guint8 public_key[TD_PUBLIC_KEY_BYTES];
  g_autoptr (TdRevocationList) list = NULL;
  g_autoptr (TdCertificate) cert = NULL;
  GError *local_error = NULL;
  TdVerifyResult *result;
  g_autofree char *reason = NULL;

  if (!td_sodium_ensure (error) || !key_for_code (store, code, public_key, error))
    return NULL;
  list = td_certificates_load_revocation_list (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  result = td_verify_code (code, public_key, list);
  if (result->status == TD_VERIFY_INVALID)
    return result;
  if (result->status == TD_VERIFY_VALID &&
      (reason = stored_void_reason (store, result->number, result->version)) != NULL)
    {
      result->status = TD_VERIFY_VOIDED;
      result->void_reason = g_strdup (reason);
      result->message = g_strdup (td_void_reason_label_for_string (reason));
    }
  cert = td_certificates_get (store, result->number, NULL);
  if (cert != NULL)
    result->holder_name = g_strdup (cert->holder_name);
  return result;
}
