/* td-scan.c — scans at the desk: sign-in, sign-out and hours awards
 *
 * A scan is one transaction: the reads that decide the outcome and the writes it makes
 * run under BEGIN IMMEDIATE, so two desks scanning the same person cannot both sign
 * them in. Every query is an indexed lookup through the store's cached statements:
 * a scan stays well under a millisecond however many years the database holds.
 */
#define G_LOG_DOMAIN "td-scan"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "td-national-id.h"
#include "td-scan.h"
#include "td-store-private.h"
#include "td-trainee-code.h"

/* Who the input names, before anything is decided about the session. */
typedef struct {
  const char *input_kind;   /* scan_log.input_kind */
  TdTraineeCodeState state;
  gint64 trainee_id;
  gint64 code_id;
  char *name;
} Identity;

static void
identity_clear (Identity *id)
{
  g_clear_pointer (&id->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Identity, identity_clear)

/* Where the scan happens: a session or an activity, and the course it belongs to. */
typedef struct {
  gint64 session_id;
  gint64 activity_id;
  gint64 course_id;
  char *now_time;           /* "HH:MM" */
  char *now_instant;        /* "YYYY-MM-DDTHH:MM:SS", local */
} Place;

static void
place_clear (Place *p)
{
  g_clear_pointer (&p->now_time, g_free);
  g_clear_pointer (&p->now_instant, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Place, place_clear)

static const char *const outcome_names[] = {
  "signed-in", "signed-out", "awarded", "duplicate", "voided", "not-enrolled", "unknown",
};

/* --- results ------------------------------------------------------------------- */

void
td_scan_result_free (TdScanResult *result)
{
  if (result == NULL)
    return;
  g_free (result->trainee_name);
  g_free (result->time);
  g_free (result->message);
  g_free (result);
}

const char *
td_scan_outcome_to_string (TdScanOutcome outcome)
{
  g_return_val_if_fail (outcome <= TD_SCAN_UNKNOWN, NULL);
  return outcome_names[outcome];
}

gboolean
td_scan_outcome_is_success (TdScanOutcome outcome)
{
  return outcome == TD_SCAN_SIGNED_IN || outcome == TD_SCAN_SIGNED_OUT ||
         outcome == TD_SCAN_AWARDED;
}

static TdScanResult *
result_new (TdScanOutcome outcome, const Identity *id, const char *time, char *message)
{
  TdScanResult *r = g_new0 (TdScanResult, 1);

  r->outcome = outcome;
  r->trainee_id = id->name != NULL ? id->trainee_id : 0;
  r->trainee_name = g_strdup (id->name);
  r->time = g_strdup (time);
  r->message = message;
  return r;
}

/* --- settings -------------------------------------------------------------------- */

int
td_scan_get_min_interval (TdStore *store)
{
  g_autofree char *text = td_store_get_setting (store, TD_SCAN_MIN_INTERVAL_SETTING, NULL);
  char *end = NULL;
  gint64 value;

  if (text == NULL)
    return TD_SCAN_MIN_INTERVAL_DEFAULT;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || value < 0 || value > 24 * 60)
    {
      g_warning ("Setting %s = “%s” is not a number of minutes; using %d",
                 TD_SCAN_MIN_INTERVAL_SETTING, text, TD_SCAN_MIN_INTERVAL_DEFAULT);
      return TD_SCAN_MIN_INTERVAL_DEFAULT;
    }
  return (int) value;
}

/* --- identifying the person -------------------------------------------------------- */

static gboolean
find_by_national_id (TdStore *store, const char *id, gint64 *trainee_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store, "SELECT id FROM trainee WHERE national_id = ?1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  td_bind_text0 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *trainee_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not look the ID up"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
load_name (TdStore *store, Identity *id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store, "SELECT name FROM trainee WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id->trainee_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id->name = td_col_dup (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Fills @id from what was typed; an input naming nobody leaves trainee_id at 0. */
static gboolean
identify (TdStore *store, const char *input, Identity *id, GError **error)
{
  g_autofree char *text = td_trainee_code_normalize (input);
  g_autofree char *national_id = NULL;

  id->input_kind = "unknown";
  id->state = TD_TRAINEE_CODE_UNKNOWN;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (g_str_has_prefix (text, TD_TRAINEE_CODE_PREFIX))
    {
      id->input_kind = "code";
      if (td_trainee_code_is_well_formed (text) &&
          !td_trainee_code_lookup (store, text, &id->state, &id->trainee_id, &id->code_id, error))
        return FALSE;
    }
  else if ((national_id = td_national_id_check (text, NULL, NULL)) != NULL)
    {
      id->input_kind = "national-id";
      if (!find_by_national_id (store, national_id, &id->trainee_id, error))
        return FALSE;
      if (id->trainee_id != 0)
        id->state = TD_TRAINEE_CODE_VALID;
    }
  return id->trainee_id == 0 || load_name (store, id, error);
}

/* "enrolled", "dismissed", … or NULL when the person is not on the roster. */
static gboolean
enrolment_status (TdStore *store, gint64 course_id, gint64 trainee_id, char **status,
                  GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT status FROM enrolment WHERE course_id = ?1 AND "
                                         "trainee_id = ?2",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  rc = sqlite3_step (stmt);
  *status = rc == SQLITE_ROW ? td_col_dup (stmt, 0) : NULL;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not read the roster"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The outcomes every kind of scan shares: unknown, voided, not on the roster. Returns
 * NULL when the person may go on, or when @error is set. */
static TdScanResult *
screen_person (TdStore *store, const Place *place, const Identity *id, GError **error)
{
  g_autofree char *status = NULL;

  if (id->trainee_id == 0 || id->name == NULL)
    return result_new (TD_SCAN_UNKNOWN, id, NULL,
                       g_strdup (_("Not a personal code or ID known here.")));
  if (id->state == TD_TRAINEE_CODE_VOIDED)
    return result_new (TD_SCAN_VOIDED, id, NULL,
                       g_strdup (_("QR code voided, generate a new one.")));
  if (!enrolment_status (store, place->course_id, id->trainee_id, &status, error))
    return NULL;
  if (status == NULL)
    return result_new (TD_SCAN_NOT_ENROLLED, id, NULL,
                       g_strdup (_("Not on this course's roster.")));
  if (g_str_equal (status, "dismissed"))
    return result_new (TD_SCAN_NOT_ENROLLED, id, NULL,
                       g_strdup (_("Dismissed from this course (退訓).")));
  return NULL;
}

/* --- the scan log -------------------------------------------------------------------- */

static gboolean
log_scan (TdStore *store, const Place *place, const Identity *id, TdScanOutcome outcome,
          GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "INSERT INTO scan_log (session_id, activity_id, "
                                         "trainee_id, code_id, input_kind, outcome, scanned_at, "
                                         "recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                         "td_actor ())",
                                         error);
  if (stmt == NULL)
    return FALSE;
  if (place->session_id != 0)
    sqlite3_bind_int64 (stmt, 1, place->session_id);
  if (place->activity_id != 0)
    sqlite3_bind_int64 (stmt, 2, place->activity_id);
  if (id->trainee_id != 0 && id->name != NULL)
    sqlite3_bind_int64 (stmt, 3, id->trainee_id);
  if (id->code_id != 0)
    sqlite3_bind_int64 (stmt, 4, id->code_id);
  td_bind_text0 (stmt, 5, id->input_kind);
  td_bind_text0 (stmt, 6, td_scan_outcome_to_string (outcome));
  td_bind_text0 (stmt, 7, place->now_instant);
  return td_store_step_done (store, stmt, _("Could not log the scan"), error);
}

/* --- sessions ------------------------------------------------------------------------ */

static gboolean
load_session_place (TdStore *store, gint64 session_id, GDateTime *now, Place *place,
                    GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store, "SELECT course_id, date FROM session WHERE id = ?1",
                                         error);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *date = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      place->course_id = sqlite3_column_int64 (stmt, 0);
      date = td_col_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (date == NULL)
    return g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                        _("There is no session with id %" PRId64 "."), session_id),
           FALSE;
  if (!g_str_equal (date, today))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The session is on %s, not today (%s): scans sign in only for the "
                          "day's sessions."),
                        date, today),
           FALSE;
  place->session_id = session_id;
  return TRUE;
}

/* The latest event of the trainee's cell: its status and times (NULL when none). */
static gboolean
load_cell (TdStore *store, const Place *place, gint64 trainee_id, char **status, char **in_time,
           char **out_time, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT status, in_time, out_time FROM attendance_event "
                                         "WHERE session_id = ?1 AND trainee_id = ?2 ORDER BY id "
                                         "DESC LIMIT 1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, place->session_id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *status = td_col_dup (stmt, 0);
      *in_time = td_col_dup (stmt, 1);
      *out_time = td_col_dup (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not read the attendance"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
record_scan_event (TdStore *store, const Place *place, gint64 trainee_id, const char *in_time,
                   const char *out_time, GError **error)
{
  g_autoptr (TdAttendance) event = td_attendance_new (place->session_id, trainee_id,
                                                      TD_ATTENDANCE_PRESENT);

  event->in_time = g_strdup (in_time);
  event->out_time = g_strdup (out_time);
  event->source = TD_ATTENDANCE_SOURCE_SCAN;
  return td_store_record_attendance (store, event, error);
}

/* Signed in and out already, or signed in too recently: nothing to record. */
static TdScanResult *
duplicate_result (const Identity *id, const char *in_time, const char *out_time, int interval)
{
  if (out_time != NULL)
    return result_new (TD_SCAN_DUPLICATE, id, out_time,
                       g_strdup_printf (_("Already signed out at %s."), out_time));
  return result_new (TD_SCAN_DUPLICATE, id, in_time,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Already signed in at %s; signing out is "
                                                   "possible %d minute after signing in.",
                                                   "Already signed in at %s; signing out is "
                                                   "possible %d minutes after signing in.",
                                                   interval),
                                      in_time, interval));
}

static TdScanResult *
decide_session (TdStore *store, const Place *place, const Identity *id, GError **error)
{
  g_autofree char *status = NULL;
  g_autofree char *in_time = NULL;
  g_autofree char *out_time = NULL;
  int interval;

  if (!load_cell (store, place, id->trainee_id, &status, &in_time, &out_time, error))
    return NULL;
  /* No event, leave, absent, or present without a time: this scan is the arrival. */
  if (g_strcmp0 (status, "present") != 0 || in_time == NULL)
    {
      if (!record_scan_event (store, place, id->trainee_id, place->now_time, NULL, error))
        return NULL;
      return result_new (TD_SCAN_SIGNED_IN, id, place->now_time,
                         g_strdup_printf (_("Signed in at %s."), place->now_time));
    }
  interval = td_scan_get_min_interval (store);
  if (out_time != NULL ||
      td_time_parse_minutes (place->now_time) - td_time_parse_minutes (in_time) < interval)
    return duplicate_result (id, in_time, out_time, interval);
  if (!record_scan_event (store, place, id->trainee_id, in_time, place->now_time, error))
    return NULL;
  return result_new (TD_SCAN_SIGNED_OUT, id, place->now_time,
                     g_strdup_printf (_("Signed out at %s (signed in at %s)."), place->now_time,
                                      in_time));
}

/* Runs @decide inside one transaction with the shared screening and the scan log. */
static TdScanResult *
run_scan (TdStore *store, const Place *place, const char *input,
          TdScanResult *(*decide) (TdStore *, const Place *, const Identity *, GError **),
          GError **error)
{
  g_auto (Identity) id = { 0 };
  g_autoptr (TdScanResult) result = NULL;
  GError *local_error = NULL;

  if (!identify (store, input, &id, error))
    return NULL;
  result = screen_person (store, place, &id, &local_error);
  if (result == NULL && local_error == NULL)
    result = decide (store, place, &id, &local_error);
  if (result == NULL || !log_scan (store, place, &id, result->outcome, &local_error))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

static void
place_set_now (Place *place, GDateTime *now)
{
  place->now_time = g_date_time_format (now, "%H:%M");
  place->now_instant = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

TdScanResult *
td_scan_session (TdStore *store, gint64 session_id, const char *input, GDateTime *now,
                 GError **error)
{
  g_auto (Place) place = { 0 };
  TdScanResult *result;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  place_set_now (&place, now);
  if (!td_store_begin (store, error))
    return NULL;
  if (!load_session_place (store, session_id, now, &place, error) ||
      (result = run_scan (store, &place, input, decide_session, error)) == NULL)
    {
      td_store_rollback (store);
      return NULL;
    }
  if (!td_store_commit (store, error))
    {
      td_scan_result_free (result);
      return NULL;
    }
  return result;
}

/* --- hours activities ------------------------------------------------------------------ */

static gboolean
load_activity_place (TdStore *store, gint64 activity_id, Place *place, GError **error)
{
  gint64 course_id = td_store_query_int (store,
                                         "SELECT coalesce ((SELECT course_id FROM hours_activity "
                                         "WHERE id = ?1), 0)",
                                         activity_id, error);
  if (course_id < 0)
    return FALSE;
  if (course_id == 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                        _("There is no activity with id %" PRId64 "."), activity_id),
           FALSE;
  place->course_id = course_id;
  place->activity_id = activity_id;
  return TRUE;
}

static gboolean
insert_award (TdStore *store, const Place *place, const Identity *id, gboolean *inserted,
              GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "INSERT INTO hours_award (activity_id, trainee_id, "
                                         "code_id, physical_minutes, digital_minutes, "
                                         "awarded_by, awarded_at) SELECT id, ?2, ?3, "
                                         "physical_minutes, digital_minutes, td_actor (), ?4 "
                                         "FROM hours_activity WHERE id = ?1 ON CONFLICT "
                                         "(activity_id, trainee_id) DO NOTHING",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, place->activity_id);
  sqlite3_bind_int64 (stmt, 2, id->trainee_id);
  if (id->code_id != 0)
    sqlite3_bind_int64 (stmt, 3, id->code_id);
  td_bind_text0 (stmt, 4, place->now_instant);
  if (!td_store_step_done (store, stmt, _("Could not award the hours"), error))
    return FALSE;
  *inserted = sqlite3_changes (td_store_get_db (store)) > 0;
  return TRUE;
}

static TdScanResult *
decide_activity (TdStore *store, const Place *place, const Identity *id, GError **error)
{
  gboolean inserted = FALSE;

  if (!insert_award (store, place, id, &inserted, error))
    return NULL;
  if (!inserted)
    return result_new (TD_SCAN_DUPLICATE, id, NULL,
                       g_strdup (_("Hours already awarded for this activity; one award per "
                                   "person.")));
  return result_new (TD_SCAN_AWARDED, id, place->now_time,
                     g_strdup_printf (_("Hours awarded at %s."), place->now_time));
}

TdScanResult *
td_scan_activity (TdStore *store, gint64 activity_id, const char *input, GDateTime *now,
                  GError **error)
{
  g_auto (Place) place = { 0 };
  TdScanResult *result;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  place_set_now (&place, now);
  if (!td_store_begin (store, error))
    return NULL;
  if (!load_activity_place (store, activity_id, &place, error) ||
      (result = run_scan (store, &place, input, decide_activity, error)) == NULL)
    {
      td_store_rollback (store);
      return NULL;
    }
  if (!td_store_commit (store, error))
    {
      td_scan_result_free (result);
      return NULL;
    }
  return result;
}
