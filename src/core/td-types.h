/* td-types.h — forward declarations and shared enumerations of Training Desk's core.
 *
 * Every type of the core is declared here once so headers can refer to each other
 * without include cycles. Enumerations carry their stable string names (used in the
 * database, the course exchange file and the CLI) through td_*_to_string/from_string.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TdStore TdStore;
typedef struct _TdCourse TdCourse;
typedef struct _TdCourseChange TdCourseChange;
typedef struct _TdSession TdSession;
typedef struct _TdLecturer TdLecturer;
typedef struct _TdTrainee TdTrainee;
typedef struct _TdEnrolment TdEnrolment;
typedef struct _TdUnit TdUnit;
typedef struct _TdCatalogue TdCatalogue;
typedef struct _TdCategory TdCategory;
typedef struct _TdPagedList TdPagedList;

/* Errors raised by the core. Messages are complete sentences a user can act on. */
#define TD_ERROR (td_error_quark ())
GQuark td_error_quark (void);

typedef enum {
  TD_ERROR_INVALID,     /* bad input: a field value, a file, a reference */
  TD_ERROR_NOT_FOUND,   /* no object with that id */
  TD_ERROR_CONFLICT,    /* the change would break integrity (duplicate, in use) */
  TD_ERROR_STORE,       /* the database failed */
} TdErrorCode;

/* Makes sure the core's compiled-in resources (migrations, catalogue, rule packs)
 * are registered. A static library only links the resource object when something
 * refers to it, so every module that reads a core resource calls this first. */
void td_core_ensure_resources (void);

/* Training regime — which rule pack applies (DOMAIN §3). */
typedef enum {
  TD_REGIME_OSH,
  TD_REGIME_HEALTH,
  TD_REGIME_VR_CE,
  TD_REGIME_HOURS,
} TdRegime;

/* Course kind (DOMAIN §2). */
typedef enum {
  TD_COURSE_KIND_PROFESSIONAL,   /* 專業訓練 (pre-service) */
  TD_COURSE_KIND_IN_SERVICE,     /* 在職教育訓練 */
  TD_COURSE_KIND_CONTINUING,     /* 繼續教育 */
} TdCourseKind;

/* How the course ends in a test (OSH art. 27–28). */
typedef enum {
  TD_EXAM_MODE_NONE,
  TD_EXAM_MODE_TEST_SITE,        /* computer test at a recognised test site */
  TD_EXAM_MODE_OWN,              /* the unit's own test */
  TD_EXAM_MODE_SKILLS,           /* skills certification */
} TdExamMode;

typedef enum {
  TD_COURSE_STATUS_DRAFT,
  TD_COURSE_STATUS_FILED,
  TD_COURSE_STATUS_RUNNING,
  TD_COURSE_STATUS_ENDED,
  TD_COURSE_STATUS_CLOSED,
} TdCourseStatus;

/* Session mode: 學科 / 術科 / 實習 */
typedef enum {
  TD_SESSION_MODE_THEORY,
  TD_SESSION_MODE_PRACTICAL,
  TD_SESSION_MODE_PRACTICUM,
} TdSessionMode;

typedef enum {
  TD_ENROLMENT_ENROLLED,
  TD_ENROLMENT_DISMISSED,        /* 退訓 */
  TD_ENROLMENT_COMPLETED,
  TD_ENROLMENT_PASSED,
  TD_ENROLMENT_FAILED,
} TdEnrolmentStatus;

/* String equality for model fields, where "not set" may be NULL or "". */
static inline gboolean
td_str_equal0 (const char *a, const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

const char *td_regime_to_string (TdRegime regime);
gboolean    td_regime_from_string (const char *text, TdRegime *out);
const char *td_regime_label (TdRegime regime);            /* translated */

const char *td_course_kind_to_string (TdCourseKind kind);
gboolean    td_course_kind_from_string (const char *text, TdCourseKind *out);
const char *td_course_kind_label (TdCourseKind kind);

const char *td_exam_mode_to_string (TdExamMode mode);
gboolean    td_exam_mode_from_string (const char *text, TdExamMode *out);
const char *td_exam_mode_label (TdExamMode mode);

const char *td_course_status_to_string (TdCourseStatus status);
gboolean    td_course_status_from_string (const char *text, TdCourseStatus *out);
const char *td_course_status_label (TdCourseStatus status);

const char *td_session_mode_to_string (TdSessionMode mode);
gboolean    td_session_mode_from_string (const char *text, TdSessionMode *out);
const char *td_session_mode_label (TdSessionMode mode);

const char *td_enrolment_status_to_string (TdEnrolmentStatus status);
gboolean    td_enrolment_status_from_string (const char *text, TdEnrolmentStatus *out);
const char *td_enrolment_status_label (TdEnrolmentStatus status);

G_END_DECLS
