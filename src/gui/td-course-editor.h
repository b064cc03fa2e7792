/* td-course-editor.h — one course: details, sessions timetable and roster */
#pragma once

#include <gtk/gtk.h>

#include "td-course-form.h"
#include "td-course-section.h"
#include "td-store.h"

G_BEGIN_DECLS

/* Called once leaving an editor with unsaved changes was confirmed. */
typedef void (*TdLeaveFunc) (gpointer data);

#define TD_TYPE_COURSE_EDITOR (td_course_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdCourseEditor, td_course_editor, TD, COURSE_EDITOR, GtkWidget)

/* @course NULL starts a new course. */
TdCourseEditor *td_course_editor_new (TdStore *store, TdCourse *course);
TdCourseForm   *td_course_editor_get_form (TdCourseEditor *self);
/* The stored course's id, 0 until the new course is saved. */
gint64          td_course_editor_get_course_id (TdCourseEditor *self);
/* The section of the tab @name ("sessions", "roster", "attendance", "hours",
 * "certificates", "documents"); NULL until the course is saved. */
TdCourseSection *td_course_editor_get_section (TdCourseEditor *self, const char *name);

/* Saves the form; on failure shows the messages next to the fields and returns FALSE. */
gboolean        td_course_editor_save (TdCourseEditor *self);

/* See td_courses_page_request_leave(). */
gboolean        td_course_editor_request_leave (TdCourseEditor *self, TdLeaveFunc func,
                                                gpointer data);

G_END_DECLS
