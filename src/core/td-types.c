/* td-types.c — string names and labels of the core enumerations */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-types.h"

G_DEFINE_QUARK (td-error-quark, td_error)

typedef struct {
  int value;
  const char *name;
  const char *label;
} EnumName;

static const EnumName regimes[] = {
  { TD_REGIME_OSH, "osh", N_("Occupational safety and health") },
  { TD_REGIME_HEALTH, "health", N_("Workplace health services") },
  { TD_REGIME_VR_CE, "vr-ce", N_("Vocational rehabilitation CE") },
  { TD_REGIME_HOURS, "hours", N_("Learning-hours activity") },
  { 0 },
};

static const EnumName course_kinds[] = {
  { TD_COURSE_KIND_PROFESSIONAL, "professional", N_("Professional training") },
  { TD_COURSE_KIND_IN_SERVICE, "in-service", N_("In-service training") },
  { TD_COURSE_KIND_CONTINUING, "continuing", N_("Continuing education") },
  { 0 },
};

static const EnumName exam_modes[] = {
  { TD_EXAM_MODE_NONE, "none", N_("No exam") },
  { TD_EXAM_MODE_TEST_SITE, "test-site", N_("Computer test at a test site") },
  { TD_EXAM_MODE_OWN, "own", N_("Unit's own test") },
  { TD_EXAM_MODE_SKILLS, "skills", N_("Skills certification") },
  { 0 },
};

static const EnumName course_statuses[] = {
  { TD_COURSE_STATUS_DRAFT, "draft", N_("Draft") },
  { TD_COURSE_STATUS_FILED, "filed", N_("Filed") },
  { TD_COURSE_STATUS_RUNNING, "running", N_("Running") },
  { TD_COURSE_STATUS_ENDED, "ended", N_("Ended") },
  { TD_COURSE_STATUS_CLOSED, "closed", N_("Closed") },
  { 0 },
};

static const EnumName session_modes[] = {
  { TD_SESSION_MODE_THEORY, "theory", N_("Theory") },
  { TD_SESSION_MODE_PRACTICAL, "practical", N_("Practical") },
  { TD_SESSION_MODE_PRACTICUM, "practicum", N_("Practicum") },
  { 0 },
};

static const EnumName enrolment_statuses[] = {
  { TD_ENROLMENT_ENROLLED, "enrolled", N_("Enrolled") },
  { TD_ENROLMENT_DISMISSED, "dismissed", N_("Dismissed") },
  { TD_ENROLMENT_COMPLETED, "completed", N_("Completed") },
  { TD_ENROLMENT_PASSED, "passed", N_("Passed") },
  { TD_ENROLMENT_FAILED, "failed", N_("Failed") },
  { 0 },
};

static const EnumName *
find_by_value (const EnumName *table, int value)
{
  for (const EnumName *e = table; e->name != NULL; e++)
    if (e->value == value)
      return e;
  return NULL;
}

static gboolean
find_by_name (const EnumName *table, const char *text, int *out)
{
  if (text == NULL)
    return FALSE;
  for (const EnumName *e = table; e->name != NULL; e++)
    if (g_str_equal (e->name, text))
      {
        *out = e->value;
        return TRUE;
      }
  return FALSE;
}

static const char *
name_of (const EnumName *table, int value)
{
  const EnumName *e = find_by_value (table, value);
  return e ? e->name : NULL;
}

static const char *
label_of (const EnumName *table, int value)
{
  const EnumName *e = find_by_value (table, value);
  return e ? g_dgettext (GETTEXT_PACKAGE, e->label) : "";
}

#define DEFINE_ENUM_STRINGS(Type, prefix, table)                                   \
  const char *prefix##_to_string (Type v) { return name_of (table, v); }           \
  const char *prefix##_label (Type v) { return label_of (table, v); }              \
  gboolean prefix##_from_string (const char *text, Type *out)                      \
  {                                                                                \
    int v;                                                                         \
    if (!find_by_name (table, text, &v))                                           \
      return FALSE;                                                                \
    *out = (Type) v;                                                               \
    return TRUE;                                                                   \
  }

DEFINE_ENUM_STRINGS (TdRegime, td_regime, regimes)
DEFINE_ENUM_STRINGS (TdCourseKind, td_course_kind, course_kinds)
DEFINE_ENUM_STRINGS (TdExamMode, td_exam_mode, exam_modes)
DEFINE_ENUM_STRINGS (TdCourseStatus, td_course_status, course_statuses)
DEFINE_ENUM_STRINGS (TdSessionMode, td_session_mode, session_modes)
DEFINE_ENUM_STRINGS (TdEnrolmentStatus, td_enrolment_status, enrolment_statuses)
