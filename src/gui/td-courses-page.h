/* td-courses-page.h — the Courses tab: searchable list of every course and its editor */
#pragma once

#include <gtk/gtk.h>

#include "td-course-editor.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_COURSES_PAGE (td_courses_page_get_type ())
G_DECLARE_FINAL_TYPE (TdCoursesPage, td_courses_page, TD, COURSES_PAGE, GtkWidget)

TdCoursesPage  *td_courses_page_new (TdStore *store);
TdStore        *td_courses_page_get_store (TdCoursesPage *self);

/* The course open in the editor, else the one selected in the list; 0 when none. */
gint64          td_courses_page_get_current_course_id (TdCoursesPage *self);

/* Opens the editor on a new course / on a stored one; returns the editor shown. */
TdCourseEditor *td_courses_page_new_course (TdCoursesPage *self);
TdCourseEditor *td_courses_page_open_course (TdCoursesPage *self, gint64 course_id);
/* The editor shown, or NULL while the list is shown. */
TdCourseEditor *td_courses_page_get_editor (TdCoursesPage *self);
/* Re-reads the list (after an import or a change elsewhere). */
void            td_courses_page_reload (TdCoursesPage *self);

/* TRUE when nothing unsaved stands in the way; otherwise asks the person (save,
 * discard or cancel) and calls @func(@data) later only if they chose to go on. */
gboolean        td_courses_page_request_leave (TdCoursesPage *self, TdLeaveFunc func,
                                               gpointer data);

/* Ask for a file, then import it / export the current course to it. */
void            td_courses_page_import_course_file (TdCoursesPage *self);
void            td_courses_page_export_course_file (TdCoursesPage *self);

/* What the file dialogs do once a file is chosen: errors are shown in a dialog.
 * Import opens the new course and returns its id (0 on failure). */
gint64          td_courses_page_import_course_from (TdCoursesPage *self, GFile *file);
gboolean        td_courses_page_export_course_to (TdCoursesPage *self, gint64 course_id,
                                                  GFile *file);

G_END_DECLS
