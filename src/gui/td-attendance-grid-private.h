/* td-attendance-grid-private.h — what the attendance grid's source files share: the
 * widget's struct, a trainee's row (TdGridRow) with its cells, the records a reload
 * reads, and the functions one part of the grid calls in another.
 *
 *   td-attendance-grid.c          the widget: loading, writing, public API
 *   td-attendance-grid-cells.c    what each cell, total and status shows
 *   td-attendance-grid-columns.c  the two column views, their columns and cells
 *   td-attendance-grid-cursor.c   the keyboard cursor and the cells' menu
 *   td-attendance-grid-dialogs.c  the cell's actions and their dialogs */
#pragma once

#include <adwaita.h>

#include "td-attendance-desk.h"
#include "td-attendance-grid.h"
#include "td-rules.h"

G_BEGIN_DECLS

/* --- one trainee's row ----------------------------------------------------------- */

typedef struct {
  char *text;
  char *tooltip;
  const char *css;          /* static: "success", "warning", "error", "dim-label" or NULL */
  gboolean recorded;        /* the cell has an attendance event */
} TdGridCell;

#define TD_TYPE_GRID_ROW (td_grid_row_get_type ())
G_DECLARE_FINAL_TYPE (TdGridRow, td_grid_row, TD, GRID_ROW, GObject)

struct _TdGridRow {
  GObject parent_instance;

  gint64 trainee_id;
  char *seq;
  char *name;
  TdGridCell *cells;        /* one per session */
  guint n_cells;
  char *totals[3];          /* TdGridTotal */
  char *status_tooltip;
  const char *status_css;
};

/* --- the grid -------------------------------------------------------------------- */

struct _TdAttendanceGrid {
  TdCourseSection parent_instance;

  TdStore *store;                  /* TdCourseSection's, borrowed */
  gint64 course_id;
  char *today;               /* NULL: the current date */
  TdCourse *course;
  TdRulePack *pack;          /* of the course's regime with a time model, or NULL */
  GPtrArray *sessions;       /* TdSession*, by date and start */
  GListStore *rows;          /* TdGridRow */
  GPtrArray *session_columns; /* GtkColumnViewColumn*, one per session */
  guint cursor_row;
  guint cursor_col;
  GtkWidget *menu;           /* GtkPopoverMenu, the cells' menu */

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *summary_label;
  GtkColumnView *name_view;         /* no. and name, frozen */
  GtkScrolledWindow *name_scroller;
  GtkColumnView *column_view;       /* sessions and totals, scrolled under */
  GtkScrolledWindow *scroller;
  GtkExpander *rollcall_expander;
  GtkLabel *rollcall_label;
};

/* What one reload reads besides the snapshot, to fill every row from. */
typedef struct {
  const TdCourseSnapshot *snapshot;
  GPtrArray *ones;            /* TdCourseSnapshot* per session */
  GHashTable *cells;          /* "session:trainee" → TdAttendance* */
  GPtrArray *makeups;         /* TdMakeup* */
  GPtrArray *leave;           /* TdLeave* */
  GHashTable *findings;       /* trainee id → GPtrArray of TdFinding* (borrowed) */
  GPtrArray *all_findings;
  char *today;
} TdGridData;

void _td_grid_data_clear (TdGridData *d);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TdGridData, _td_grid_data_clear)

/* td-attendance-grid.c */
TdSession *_td_attendance_grid_session_at (TdAttendanceGrid *self, guint col);
int        _td_attendance_grid_session_index (TdAttendanceGrid *self, gint64 session_id);
gboolean   _td_attendance_grid_has_cursor (TdAttendanceGrid *self);

/* td-attendance-grid-cells.c */
gboolean   _td_attendance_grid_load_data (TdAttendanceGrid *self,
                                          const TdCourseSnapshot *snapshot, TdGridData *d,
                                          GError **error);
TdGridRow *_td_attendance_grid_new_row (TdAttendanceGrid *self, TdGridData *d,
                                        TdEnrolment *e);

/* td-attendance-grid-columns.c */
void       _td_attendance_grid_init_columns (TdAttendanceGrid *self);
void       _td_attendance_grid_build_columns (TdAttendanceGrid *self);

/* td-attendance-grid-cursor.c */
void       _td_attendance_grid_init_cursor (TdAttendanceGrid *self);
gboolean   _td_attendance_grid_cell_has_focus (TdAttendanceGrid *self);
void       _td_attendance_grid_refocus_later (TdAttendanceGrid *self);
void       _td_attendance_grid_open_cell_menu (TdAttendanceGrid *self, GtkWidget *cell);

/* td-attendance-grid-dialogs.c */
void       _td_attendance_grid_cell_action (GtkWidget *widget, const char *action_name,
                                            GVariant *parameter);

G_END_DECLS
