/* td-hours-awards-view.h — the "Hours Awards" tab of an `hours` course (seed 004): its
 * activities, scanning personal codes to award an activity's hours, and the awarded
 * list as CSV for upload (td-hours-csv.h). */
#pragma once

#include <adwaita.h>

#include "td-course-section.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_HOURS_AWARDS_VIEW (td_hours_awards_view_get_type ())
G_DECLARE_FINAL_TYPE (TdHoursAwardsView, td_hours_awards_view, TD, HOURS_AWARDS_VIEW, TdCourseSection)

GtkWidget *td_hours_awards_view_new (TdStore *store, gint64 course_id);
/* Opens @activity_id (one of the course's) for scanning; FALSE when it is not listed. */
gboolean   td_hours_awards_view_open_activity (TdHoursAwardsView *self, gint64 activity_id);
/* Writes the course's awarded list to @file, as "Export CSV…" does. */
gboolean   td_hours_awards_view_export (TdHoursAwardsView *self, GFile *file, GError **error);

G_END_DECLS
