/* td-attendance-page.h — the counsellor's desk: the day's sessions, the scan field and
 * the roster of the chosen session with its sign-in and sign-out times. */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_ATTENDANCE_PAGE (td_attendance_page_get_type ())
G_DECLARE_FINAL_TYPE (TdAttendancePage, td_attendance_page, TD, ATTENDANCE_PAGE, AdwBin)

GtkWidget *td_attendance_page_new (TdStore *store);

/* The desk's clock: NULL (the default) follows the real time; tests and replays set a
 * fixed instant. The page opens on the day of its clock. */
void       td_attendance_page_set_now (TdAttendancePage *self, GDateTime *now);

/* Shows the sessions of @date (ISO). FALSE when it is not a date. */
gboolean   td_attendance_page_set_date (TdAttendancePage *self, const char *date);
const char *td_attendance_page_get_date (TdAttendancePage *self);

/* Chooses a session of the shown day; FALSE when it is not among them. */
gboolean   td_attendance_page_select_session (TdAttendancePage *self, gint64 session_id);
gint64     td_attendance_page_get_session_id (TdAttendancePage *self);

/* Re-reads the day and the roster, e.g. after another page changed attendance. */
void       td_attendance_page_reload (TdAttendancePage *self);

G_END_DECLS
