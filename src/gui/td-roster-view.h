/* td-roster-view.h — a course's roster: enrolled trainees, enrol, remove, CSV in and out */
#pragma once

#include <gtk/gtk.h>

#include "td-preview-window.h"
#include "td-course-section.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_ROSTER_VIEW (td_roster_view_get_type ())
G_DECLARE_FINAL_TYPE (TdRosterView, td_roster_view, TD, ROSTER_VIEW, TdCourseSection)

TdRosterView *td_roster_view_new (TdStore *store, gint64 course_id);
/* The enrolments shown (TdEnrolment), by roster number. */
GListModel   *td_roster_view_get_enrolments (TdRosterView *self);
void          td_roster_view_reload (TdRosterView *self);

/* What the file dialogs do once a file is chosen; problems are shown in a dialog.
 * Import returns the number of rows enrolled, or -1. */
int           td_roster_view_import_from (TdRosterView *self, GFile *file);
gboolean      td_roster_view_export_to (TdRosterView *self, GFile *file);
/* "Print Badges…": a preview window rendering the roster's badge sheet (not yet shown). */
TdPreviewWindow *td_roster_view_print_badges (TdRosterView *self);

G_END_DECLS
