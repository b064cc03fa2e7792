/* td-sessions-editor.h — a course's timetable: sessions with date, times, subject, lecturer */
#pragma once

#include <gtk/gtk.h>

#include "td-course-section.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_SESSIONS_EDITOR (td_sessions_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdSessionsEditor, td_sessions_editor, TD, SESSIONS_EDITOR, TdCourseSection)

TdSessionsEditor *td_sessions_editor_new (TdStore *store, gint64 course_id);
/* The sessions shown (TdSession), in timetable order. */
GListModel       *td_sessions_editor_get_sessions (TdSessionsEditor *self);
void              td_sessions_editor_reload (TdSessionsEditor *self);

G_END_DECLS
