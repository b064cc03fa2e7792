/* td-scan.h — what a keyboard-wedge scanner typed at the desk, and what it did.
 *
 * The input is a personal code (td-trainee-code.h) or a national / resident ID typed
 * or scanned from a card; both are normalised first (white space, the scanner's Enter,
 * full-width characters, Caps Lock).
 *
 * For a session: the first scan signs the trainee in at @now; the next scan at least
 * the centre's minimum interval later (setting "scan-min-interval-minutes", default
 * 10) signs them out; a scan within the interval, or after sign-out, is a duplicate
 * and records nothing. For an hours activity (regime `hours`, seed 004): the first
 * scan awards the activity's hours, any later one is a duplicate.
 *
 * Attendance and awards change only on SIGNED_IN, SIGNED_OUT and AWARDED. Every scan,
 * whatever its outcome, is appended to the scan log (without what was typed).
 */
#pragma once

#include "td-store.h"

G_BEGIN_DECLS

typedef enum {
  TD_SCAN_SIGNED_IN,
  TD_SCAN_SIGNED_OUT,
  TD_SCAN_AWARDED,          /* hours activities only */
  TD_SCAN_DUPLICATE,
  TD_SCAN_VOIDED,           /* a code that was replaced by a newer one */
  TD_SCAN_NOT_ENROLLED,     /* a known person not (or no longer) on the roster */
  TD_SCAN_UNKNOWN,          /* neither a known code nor a known person's ID */
} TdScanOutcome;

#define TD_SCAN_MIN_INTERVAL_SETTING "scan-min-interval-minutes"
#define TD_SCAN_MIN_INTERVAL_DEFAULT 10

typedef struct {
  TdScanOutcome outcome;
  gint64 trainee_id;        /* 0 when the person is not known */
  char *trainee_name;       /* NULL when not known */
  char *time;               /* "HH:MM" recorded (or already recorded, for a duplicate) */
  char *message;            /* one translated sentence for the counsellor */
} TdScanResult;

void          td_scan_result_free (TdScanResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdScanResult, td_scan_result_free)

/* "signed-in", "signed-out", "awarded", "duplicate", "voided", "not-enrolled", "unknown" */
const char   *td_scan_outcome_to_string (TdScanOutcome outcome);

/* TRUE for the outcomes that recorded something. */
gboolean      td_scan_outcome_is_success (TdScanOutcome outcome);

/* Scans @input for @session_id at @now (the desk's local time; its day must be the
 * session's day, else TD_ERROR_INVALID). NULL with @error only when the session does
 * not exist, the day is wrong or the database fails — an unknown code is an outcome,
 * not an error. */
TdScanResult *td_scan_session (TdStore *store, gint64 session_id, const char *input,
                               GDateTime *now, GError **error);

/* Scans @input for an hours activity: awards its hours once per person. */
TdScanResult *td_scan_activity (TdStore *store, gint64 activity_id, const char *input,
                                GDateTime *now, GError **error);

/* The minimum interval between sign-in and sign-out, in minutes (the setting, or the
 * default when it is unset or not a whole number ≥ 0). */
int           td_scan_get_min_interval (TdStore *store);

G_END_DECLS
