/* td-attendance.h — attendance and score records as the store hands them out.
 *
 * The store keeps attendance as an append-only event log; a TdAttendance is the
 * current state of one trainee in one session (the latest event). Corrections
 * append a new event; nothing is overwritten.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TD_ATTENDANCE_PRESENT,   /* signed in (and possibly out); lateness is derived from the times */
  TD_ATTENDANCE_LEAVE,     /* 請假 */
  TD_ATTENDANCE_ABSENT,    /* recorded as absent (曠課) */
} TdAttendanceStatus;

typedef enum {
  TD_ATTENDANCE_SOURCE_DESK,
  TD_ATTENDANCE_SOURCE_SCAN,
  TD_ATTENDANCE_SOURCE_IMPORT,
} TdAttendanceSource;

typedef struct _TdAttendance {
  gint64 session_id;
  gint64 trainee_id;
  TdAttendanceStatus status;
  char *in_time;           /* "HH:MM" or NULL */
  char *out_time;          /* "HH:MM" or NULL */
  char *leave_kind;        /* "personal" (事假), "sick" (病假), other text, or NULL */
  TdAttendanceSource source;
  char *recorded_by;       /* filled by the store */
  char *recorded_at;       /* ISO date-time, filled by the store */
  char *reason;            /* why a correction was made, or NULL */
  /* In a course snapshot (td_course_snapshot_load): the minutes of the leave still in
   * force for the cell, from its latest leave record, even when the trainee signed in
   * for the rest of the session afterwards; 0 when there is none. A cell of status
   * leave with 0 here (built by hand, or imported without minutes) is leave for the
   * whole session. The store's own lists leave it 0. */
  int leave_minutes;
} TdAttendance;

#define TD_TYPE_ATTENDANCE (td_attendance_get_type ())
GType         td_attendance_get_type (void) G_GNUC_CONST;
TdAttendance *td_attendance_new (gint64 session_id, gint64 trainee_id, TdAttendanceStatus status);
TdAttendance *td_attendance_copy (const TdAttendance *a);
void          td_attendance_free (TdAttendance *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAttendance, td_attendance_free)

const char *td_attendance_status_to_string (TdAttendanceStatus status);
gboolean    td_attendance_status_from_string (const char *text, TdAttendanceStatus *out);
const char *td_attendance_source_to_string (TdAttendanceSource source);

typedef struct _TdScore {
  gint64 course_id;
  gint64 trainee_id;
  double score;
} TdScore;

G_END_DECLS
