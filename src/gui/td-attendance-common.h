/* td-attendance-common.h — what the attendance desk (one session) and the attendance
 * grid (a whole course) both show: hours, leave words, a cell's history, roll calls
 * and the roll-call dialog. */
#pragma once

#include <adwaita.h>

#include "td-attendance-desk.h"
#include "td-rule-pack.h"

G_BEGIN_DECLS

/* Hours as the forms write them: "3", "1.5". */
char *td_attendance_format_hours (gint64 minutes);

/* "Leave (sick)", "Leave (personal)", "Leave (<kind>)" or "Leave". */
char *td_attendance_dup_leave_label (const char *kind);

/* The store's UTC instant as the local ROC date and time, "113/05/06 09:20:00". */
char *td_attendance_dup_local_instant (const char *instant);

/* One event of a cell's history: when, what, how, who and, for a correction, why. */
char *td_attendance_dup_event_line (const TdAttendance *a);

/* @name on the first line, then every event of the cell, oldest first. */
char *td_attendance_dup_history_text (TdStore *store, gint64 session_id, gint64 trainee_id,
                                      const char *name);

/* "09:20 by 輔導員: 28 present, 2 absent — note" */
char *td_attendance_dup_rollcall_line (const TdRollcall *rollcall);

/* The minutes after the first period's start by which the roll call is due
 * (the pack's attendance.rollcall rule), or -1 when the pack has none. */
int   td_attendance_rollcall_delay (TdRulePack *pack);

/* --- the roll-call dialog ------------------------------------------------------- */

/* Present and absent at @time ("HH:MM") from the session's current records. */
typedef void (*TdRollcallCountFunc) (const char *time, int *present, int *absent, gpointer data);
/* Records the filled-in roll call; FALSE with @error: the dialog comes back with what
 * was typed and the error, so nothing has to be typed again. */
typedef gboolean (*TdRollcallRecordFunc) (TdRollcall *rollcall, gpointer data, GError **error);

/* A dialog over @parent's window for a roll call of @session taken at @time, counted by
 * @count, recorded by @record; @due ("HH:MM" or NULL) is shown. @data is kept alive
 * (g_object_ref) while the dialog is up. */
GtkWidget *td_rollcall_dialog_new (GtkWidget *parent, TdSession *session, const char *time,
                                   const char *due, const char *taken_by,
                                   TdRollcallCountFunc count, TdRollcallRecordFunc record,
                                   gpointer data);

G_END_DECLS
