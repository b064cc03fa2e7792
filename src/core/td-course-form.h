/* td-course-form.h — the course editor's form: the original course and an edited copy.
 *
 * The course editor's widgets only bind to this object: they push what a person typed
 * with td_course_form_set_text()/set_bool()/set_enum() and show the per-field messages
 * of td_course_form_get_error(). Dates are entered and shown in the ROC calendar
 * (113/05/06) and kept as ISO in the course. No GTK here, so the form is tested
 * without a display.
 */
#pragma once

#include <glib-object.h>

#include "td-course.h"
#include "td-store.h"

G_BEGIN_DECLS

typedef enum {
  TD_COURSE_FIELD_REGIME,
  TD_COURSE_FIELD_CATEGORY,
  TD_COURSE_FIELD_KIND,
  TD_COURSE_FIELD_TITLE,
  TD_COURSE_FIELD_PERIOD,
  TD_COURSE_FIELD_START_DATE,
  TD_COURSE_FIELD_END_DATE,
  TD_COURSE_FIELD_VENUE_NAME,
  TD_COURSE_FIELD_VENUE_ADDRESS,
  TD_COURSE_FIELD_CLASSROOM,
  TD_COURSE_FIELD_COUNSELLOR_NAME,
  TD_COURSE_FIELD_COUNSELLOR_QUALIFIED,
  TD_COURSE_FIELD_CAPACITY,
  TD_COURSE_FIELD_FEE,
  TD_COURSE_FIELD_GROUP_DISCUSSION,
  TD_COURSE_FIELD_EXAM_MODE,
  TD_COURSE_FIELD_FILING_REF,
  TD_COURSE_FIELD_FILED_ON,
  TD_COURSE_FIELD_STATUS,
  TD_COURSE_N_FIELDS
} TdCourseField;

#define TD_TYPE_COURSE_FORM (td_course_form_get_type ())
G_DECLARE_FINAL_TYPE (TdCourseForm, td_course_form, TD, COURSE_FORM, GObject)

/* @course (may be NULL for a new course) is copied; the form never changes it. */
TdCourseForm *td_course_form_new (TdCourse *course);

/* The edited copy (owned by the form). */
TdCourse     *td_course_form_get_course (TdCourseForm *self);
TdCourse     *td_course_form_get_original (TdCourseForm *self);
gboolean      td_course_form_is_new (TdCourseForm *self);
/* TRUE when the edited copy differs from the original or a field holds text that
 * could not be read (e.g. a half-typed date). */
gboolean      td_course_form_is_modified (TdCourseForm *self);
/* TRUE when no field has a message. */
gboolean      td_course_form_is_valid (TdCourseForm *self);

/* Text fields, dates (ROC or ISO as td_roc_date_parse reads) and numbers. */
void          td_course_form_set_text (TdCourseForm *self, TdCourseField field, const char *text);
/* What an entry shows: dates in ROC slash form, numbers in decimal; the raw text when
 * it could not be read. Never NULL. */
char         *td_course_form_dup_text (TdCourseForm *self, TdCourseField field);
void          td_course_form_set_bool (TdCourseForm *self, TdCourseField field, gboolean value);
gboolean      td_course_form_get_bool (TdCourseForm *self, TdCourseField field);
/* Regime, kind, exam mode and status. */
void          td_course_form_set_enum (TdCourseForm *self, TdCourseField field, int value);
int           td_course_form_get_enum (TdCourseForm *self, TdCourseField field);

/* The message for a field, or NULL when it is fine. */
const char   *td_course_form_get_error (TdCourseForm *self, TdCourseField field);
/* Every message as "Field: message" lines, or NULL when valid. */
char         *td_course_form_dup_errors (TdCourseForm *self);

/* Validates, then saves the edited copy in one transaction; afterwards the saved
 * course is the new original. On a validation failure nothing is written and
 * TD_ERROR_INVALID lists the messages. */
gboolean      td_course_form_save (TdCourseForm *self, TdStore *store, GError **error);
/* Drops every edit. */
void          td_course_form_revert (TdCourseForm *self);

const char   *td_course_field_label (TdCourseField field);

G_END_DECLS
