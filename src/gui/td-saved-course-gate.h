/* td-saved-course-gate.h — a course editor tab that waits for the course to be saved,
 * then shows its TdCourseSection */
#pragma once

#include <gtk/gtk.h>

#include "td-course-section.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_SAVED_COURSE_GATE (td_saved_course_gate_get_type ())
G_DECLARE_FINAL_TYPE (TdSavedCourseGate, td_saved_course_gate, TD, SAVED_COURSE_GATE, GtkWidget)

/* Builds the section of "section-type" for the stored course @course_id and shows it in
 * place of the "Save the Course First" page; nothing happens once it is built. */
void             td_saved_course_gate_open        (TdSavedCourseGate *self, TdStore *store,
                                                   gint64 course_id);
/* The section, or NULL while the course is not saved. */
TdCourseSection *td_saved_course_gate_get_section (TdSavedCourseGate *self);

G_END_DECLS
