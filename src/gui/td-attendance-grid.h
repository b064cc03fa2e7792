/* td-attendance-grid.h — a course's attendance as a grid: trainees × sessions, with hours
 * attended, absent hours and the attendance rules' findings, kept live as cells change.
 *
 * Keyboard first: the arrow keys move between cells, Enter (or a right click) opens the
 * cell's menu: present, late, absent, leave, make-up, correction and history. Every
 * change appends an event; a change to a cell that already has a record is a
 * correction and needs a reason. */
#pragma once

#include <gtk/gtk.h>

#include "td-course-section.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_ATTENDANCE_GRID (td_attendance_grid_get_type ())
G_DECLARE_FINAL_TYPE (TdAttendanceGrid, td_attendance_grid, TD, ATTENDANCE_GRID, TdCourseSection)

typedef enum {
  TD_GRID_TOTAL_ATTENDED,   /* hours attended so far */
  TD_GRID_TOTAL_ABSENT,     /* leave + truant hours */
  TD_GRID_TOTAL_STATUS,     /* dismissal, make-up required, made up */
} TdGridTotal;

TdAttendanceGrid *td_attendance_grid_new (TdStore *store, gint64 course_id);

/* The day the rules count up to (ISO); NULL (the default) is the current date. */
void      td_attendance_grid_set_today (TdAttendanceGrid *self, const char *today);
/* Re-reads the course, its sessions, roster, attendance and findings. */
void      td_attendance_grid_reload (TdAttendanceGrid *self);

guint     td_attendance_grid_get_n_sessions (TdAttendanceGrid *self);
/* What a cell or a total column shows; NULL when the trainee or session is not in it. */
char     *td_attendance_grid_dup_cell_text (TdAttendanceGrid *self, gint64 session_id,
                                            gint64 trainee_id);
char     *td_attendance_grid_dup_total_text (TdAttendanceGrid *self, gint64 trainee_id,
                                             TdGridTotal total);
/* The cell with the keyboard cursor; FALSE when the grid is empty. */
gboolean  td_attendance_grid_get_cursor (TdAttendanceGrid *self, gint64 *session_id,
                                         gint64 *trainee_id);

/* Appends an attendance event for the cell. PRESENT needs @in_time ("HH:MM"; @out_time
 * optional). A cell that already has a record is corrected: @reason is required. */
gboolean  td_attendance_grid_set_cell (TdAttendanceGrid *self, gint64 session_id,
                                       gint64 trainee_id, TdAttendanceStatus status,
                                       const char *in_time, const char *out_time,
                                       const char *reason, GError **error);
/* td_store_record_leave, then the grid is updated. */
gboolean  td_attendance_grid_record_leave (TdAttendanceGrid *self, gint64 session_id,
                                           gint64 trainee_id, const char *kind, int minutes,
                                           const char *proof_note, GError **error);
/* Sessions (TdSession*) a missed session can be made up in: sessions of later runs
 * (courses starting later) of the course's category, on or after the missed day. */
GPtrArray *td_attendance_grid_list_makeup_sessions (TdAttendanceGrid *self,
                                                    gint64 missed_session_id, GError **error);
/* td_store_record_makeup, then the grid is updated. */
gboolean  td_attendance_grid_record_makeup (TdAttendanceGrid *self, gint64 trainee_id,
                                            gint64 missed_session_id, gint64 makeup_session_id,
                                            int minutes, GError **error);

/* Every event of a cell, oldest first, with who, when and why. */
char     *td_attendance_grid_dup_history_text (TdAttendanceGrid *self, gint64 session_id,
                                               gint64 trainee_id);
/* The roll calls of the course's sessions as the grid lists them. */
char     *td_attendance_grid_dup_rollcalls_text (TdAttendanceGrid *self);

G_END_DECLS
