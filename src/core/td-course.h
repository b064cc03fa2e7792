/* td-course.h — a course (訓練班, one 期別) as a plain value object.
 *
 * Fields are public: a course is data that editors copy (original + edited copy),
 * the store saves and the rules read. The few GObject properties exist so list
 * views can bind to them with <lookup> expressions.
 */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

struct _TdCourseChange {
  char *filed_on;          /* ISO date the change was filed */
  gboolean force_majeure;  /* 天災、事變或其他不可抗力 */
  char *note;
};

#define TD_TYPE_COURSE_CHANGE (td_course_change_get_type ())
GType           td_course_change_get_type (void) G_GNUC_CONST;
TdCourseChange *td_course_change_new (const char *filed_on, gboolean force_majeure, const char *note);
TdCourseChange *td_course_change_copy (const TdCourseChange *change);
void            td_course_change_free (TdCourseChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCourseChange, td_course_change_free)

#define TD_TYPE_COURSE (td_course_get_type ())
G_DECLARE_FINAL_TYPE (TdCourse, td_course, TD, COURSE, GObject)

struct _TdCourse {
  GObject parent_instance;

  gint64 id;                    /* 0 until stored */
  char *external_id;            /* id in the exchange file it came from, or NULL */
  TdRegime regime;
  char *category;               /* catalogue slug, e.g. "first-aid" */
  TdCourseKind kind;
  char *title;
  char *period;                 /* 期別 */
  char *start_date;             /* ISO 8601 dates */
  char *end_date;
  char *venue_name;
  char *venue_address;
  char *classroom;
  char *counsellor_name;
  gboolean counsellor_qualified;
  char *materials;
  int capacity;
  int fee;                      /* NT$ */
  gboolean group_discussion;
  TdExamMode exam_mode;
  char *filing_ref;             /* 備查文號 */
  char *filed_on;               /* ISO date the plan was filed, or NULL */
  TdCourseStatus status;
  char *records_archived_on;
  char *certificates_issued_on;
  GPtrArray *changes;           /* TdCourseChange*, filed changes in order */

  /* Aggregates filled by list queries; not saved. */
  guint n_sessions;
  guint n_trainees;
};

TdCourse *td_course_new (void);
TdCourse *td_course_copy (TdCourse *self);
gboolean  td_course_equal (TdCourse *a, TdCourse *b);
char     *td_course_dup_display_title (TdCourse *self);

G_END_DECLS
