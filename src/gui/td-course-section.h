/* td-course-section.h — base class of the course editor's tabs that show one stored
 * course's records (sessions, roster, attendance, hours, certificates, documents) */
#pragma once

#include <gtk/gtk.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_COURSE_SECTION (td_course_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (TdCourseSection, td_course_section, TD, COURSE_SECTION, GtkWidget)

/**
 * TdCourseSectionClass:
 * @refresh: called each time the section is mapped, after the widget is: while its tab
 *   was hidden, other pages, dialogs or tdesk may have changed the course's records.
 *   Optional.
 *
 * A section holds its store and course as the construct-only properties "store" and
 * "course-id" and lays out its one child (its template's) with a #GtkBinLayout.
 */
struct _TdCourseSectionClass {
  GtkWidgetClass parent_class;

  void (*refresh) (TdCourseSection *self);

  gpointer padding[4];
};

TdStore *td_course_section_get_store     (TdCourseSection *self);
gint64   td_course_section_get_course_id (TdCourseSection *self);

G_END_DECLS
