/* td-certificates.h — issuing, reissuing and verifying certificates in the store.
 *
 * Centre settings (td_settings_get; defaults and documentation in data/settings.json):
 *   certificate-number-pattern  tokens {prefix}, {roc_year}, {year} (Gregorian), {seq} or
 *                               {seq:NN} (zero-padded to NN); default "{prefix}{roc_year}{seq:05}"
 *   certificate-prefix          the {prefix}
 *   verify-url-template         the URL a QR code opens, "{number}" replaced
 *   pass-mark                   lowest passing exam score (courses with an exam)
 *
 * Numbers are handed out from a sequence per prefix and year (year 0 when the pattern has
 * no year) inside the issuing transaction: never a gap, never a number twice.
 * Every issue, reissue and replacement is one transaction, appends certificate events,
 * writes the audit log and, when something is voided, a new signed revocation list.
 */
#pragma once

#include "td-certificate-code.h"
#include "td-certificate.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_SETTING_CERTIFICATE_NUMBER_PATTERN "certificate-number-pattern"
#define TD_SETTING_VERIFY_URL_TEMPLATE        "verify-url-template"

/* Expands a number pattern. @uses_year (optional) tells whether the pattern has a year
 * token, i.e. whether its sequence restarts each year. TD_ERROR_INVALID for an unknown
 * token, a missing or repeated {seq}, or a width outside 1–12. */
char          *td_certificate_number_format (const char *pattern, const char *prefix,
                                             int year, gint64 seq, gboolean *uses_year,
                                             GError **error);

/* Whether @enrolment may get a certificate for @course: not dismissed, status passed or
 * completed, where the course has an exam a latest score ≥ the pass mark, and no
 * refusal from the rule engine's certificate.eligibility check of the course's regime
 * (absence ≥ 1/5, an in-service course not fully attended; judged as of today or the
 * day after the course ended, whichever is later). Returns FALSE only on an error;
 * *@eligible says the answer and *@reason (optional) why not. Issuing asks the same
 * questions, loading the rule check once for the whole roster. */
gboolean       td_certificates_check_eligibility (TdStore *store, TdCourse *course,
                                                  TdEnrolment *enrolment, gboolean *eligible,
                                                  char **reason, GError **error);

/* One roster entry's answer from td_certificates_check_roster(). */
typedef struct {
  TdEnrolment *enrolment;    /* the roster entry (a reference) */
  gint64 enrolment_id;
  gint64 trainee_id;
  gboolean eligible;
  char *reason;              /* why not; NULL when eligible */
} TdEligibility;

void           td_eligibility_free (TdEligibility *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdEligibility, td_eligibility_free)

/* td_certificates_check_eligibility() for every enrolment of @course in one pass: the
 * rule check is loaded and run once for the whole roster. Returns TdEligibility* in
 * roster order, the same answers the one-trainee call gives; NULL only on an error. */
GPtrArray     *td_certificates_check_roster (TdStore *store, TdCourse *course,
                                             GError **error);

/* Issues a certificate to every eligible trainee of the course who has no valid one for
 * it yet, dated @issued_on (ISO; NULL = today). Returns the new TdCertificate*, in roster
 * order (possibly none); @skipped (optional) receives "name: reason" lines. */
GPtrArray     *td_certificates_issue (TdStore *store, gint64 course_id, const char *issued_on,
                                      GPtrArray **skipped, GError **error);

/* Lost or damaged (補發): same number, reissue count + 1, the old version voided.
 * Changed (換發): a new number for the person's current data, the old certificate voided.
 * Returns the certificate now valid. TD_ERROR_CONFLICT when @number is already void. */
TdCertificate *td_certificates_reissue (TdStore *store, const char *number, TdVoidReason reason,
                                        const char *issued_on, GError **error);

TdCertificate *td_certificates_get (TdStore *store, const char *number, GError **error);
TdCertificate *td_certificates_get_by_id (TdStore *store, gint64 id, GError **error);

/* TdCertificate* of the course in roster order; @valid_only leaves out voided ones. */
GPtrArray     *td_certificates_list_for_course (TdStore *store, gint64 course_id,
                                                gboolean valid_only, GError **error);

/* TdCertificateEvent* of the certificate and of those it replaced, oldest first. */
GPtrArray     *td_certificates_list_history (TdStore *store, gint64 certificate_id,
                                             GError **error);

/* The newest revocation list, its signature checked. NULL without error when nothing
 * was ever voided. */
TdRevocationList *td_certificates_load_revocation_list (TdStore *store, GError **error);

/* The centre's current public key as "ed25519:…"; TD_ERROR_NOT_FOUND before the first
 * certificate was issued. */
char          *td_certificates_dup_public_key (TdStore *store, GError **error);

/* td_verify_code() with the centre's keys and revocation list, offline, then the
 * holder's name from the store. A version the store knows is void is reported voided
 * even when the code predates the list. */
TdVerifyResult *td_certificates_verify (TdStore *store, const char *code, GError **error);

G_END_DECLS
