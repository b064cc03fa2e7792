/* td-attendance-desk.h — what the counsellor records besides sign-in: leave (請假),
 * make-up (補課), roll call (點名, 附表十四), and hours activities (regime `hours`, seed 004).
 *
 * Every record here is history: the tables are append-only and a correction is a new
 * row (the latest row is the current state). Every write is one transaction.
 */
#pragma once

#include "td-store.h"

G_BEGIN_DECLS

/* --- the desk's day ----------------------------------------------------------- */

/* Every session held on @date (ISO), across courses (TdSession*), by start time then
 * course. TD_ERROR_INVALID when @date is not an ISO date. */
GPtrArray *td_store_list_sessions_on_date (TdStore *self, const char *date, GError **error);

/* --- leave ------------------------------------------------------------------ */

typedef struct {
  gint64 id;
  gint64 session_id;
  gint64 trainee_id;
  char *kind;          /* "personal" (事假), "sick" (病假) or the centre's own word */
  int minutes;
  char *proof_note;    /* e.g. "診斷證明 2024-05-06" (附表十三 備註三: sick leave needs proof) */
  char *recorded_by;
  char *recorded_at;
} TdLeave;

void     td_leave_free (TdLeave *leave);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdLeave, td_leave_free)

/* "事假" → "personal", "病假" → "sick"; other non-empty words are kept as they are.
 * NULL when @text is empty. */
char    *td_leave_kind_normalize (const char *text);

/* Records leave for a trainee on the roster of the session's course: a leave row and an
 * attendance event with status leave, in one transaction. @minutes: 1 … the session's
 * length. */
gboolean td_store_record_leave (TdStore *self, gint64 session_id, gint64 trainee_id,
                                const char *kind, int minutes, const char *proof_note,
                                GError **error);

/* Every leave row of a course (TdLeave*), by session then oldest first. */
GPtrArray *td_store_list_leave (TdStore *self, gint64 course_id, GError **error);

/* --- make-up ------------------------------------------------------------------ */

typedef struct {
  gint64 id;
  gint64 trainee_id;
  gint64 missed_session_id;
  gint64 makeup_session_id;
  int minutes;
  char *recorded_by;
  char *recorded_at;
} TdMakeup;

void     td_makeup_free (TdMakeup *makeup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdMakeup, td_makeup_free)

/* The trainee, on the roster of the missed session's course, made that session up by
 * attending @makeup_session_id of a later run (a course starting later) of the same
 * category, on or after the missed day. @minutes (credited): 1 … the shorter of the two
 * sessions. */
gboolean td_store_record_makeup (TdStore *self, gint64 trainee_id, gint64 missed_session_id,
                                 gint64 makeup_session_id, int minutes, GError **error);

/* Make-ups of sessions of @course_id (TdMakeup*), oldest first. */
GPtrArray *td_store_list_makeups (TdStore *self, gint64 course_id, GError **error);

/* --- roll call ------------------------------------------------------------------ */

typedef struct {
  gint64 id;
  gint64 session_id;
  char *taken_at;      /* ISO instant "YYYY-MM-DDTHH:MM:SS" (local time at the venue) */
  char *taken_by;
  int present;
  int absent;
  char *note;
} TdRollcall;

void     td_rollcall_free (TdRollcall *rollcall);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRollcall, td_rollcall_free)

/* Appends a roll call of @rollcall->session_id (its id is set). taken_at must be on
 * the session's day; taken_by non-empty; counts ≥ 0. */
gboolean td_store_record_rollcall (TdStore *self, TdRollcall *rollcall, GError **error);

/* Roll calls of a course's sessions (TdRollcall*), by session then oldest first. */
GPtrArray *td_store_list_rollcalls (TdStore *self, gint64 course_id, GError **error);

/* --- hours activities (regime `hours`) ------------------------------------------ */

typedef struct {
  gint64 id;
  gint64 course_id;
  gint64 session_id;        /* 0 when not opened for one session */
  char *title;
  char *date;               /* ISO */
  int physical_minutes;     /* 實體 */
  int digital_minutes;      /* 數位 */
} TdHoursActivity;

void     td_hours_activity_free (TdHoursActivity *activity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdHoursActivity, td_hours_activity_free)

typedef struct {
  gint64 activity_id;
  gint64 trainee_id;
  int physical_minutes;
  int digital_minutes;
  char *awarded_by;
  char *awarded_at;
  TdTrainee *trainee;       /* the person (owned) */
} TdHoursAward;

void     td_hours_award_free (TdHoursAward *award);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdHoursAward, td_hours_award_free)

/* Creates an activity of an `hours` course (its id is set). Validates: title, ISO
 * date, minutes ≥ 0 with some hours to award, the session (when set) in the course. */
gboolean td_store_create_hours_activity (TdStore *self, TdHoursActivity *activity,
                                         GError **error);
TdHoursActivity *td_store_get_hours_activity (TdStore *self, gint64 id, GError **error);
/* The activity opened for @session_id; TD_ERROR_NOT_FOUND when none was. */
TdHoursActivity *td_store_find_session_hours_activity (TdStore *self, gint64 session_id,
                                                       GError **error);
/* TdHoursActivity* of a course, by date. */
GPtrArray *td_store_list_hours_activities (TdStore *self, gint64 course_id, GError **error);

/* TdHoursAward* of an activity, in the order they were awarded. */
GPtrArray *td_store_list_hours_awards (TdStore *self, gint64 activity_id, GError **error);

G_END_DECLS
