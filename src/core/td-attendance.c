/* td-attendance.c — attendance records */
#include "config.h"

#include "td-attendance.h"

G_DEFINE_BOXED_TYPE (TdAttendance, td_attendance, td_attendance_copy, td_attendance_free)

TdAttendance *
td_attendance_new (gint64 session_id, gint64 trainee_id, TdAttendanceStatus status)
{
  TdAttendance *a = g_new0 (TdAttendance, 1);
  a->session_id = session_id;
  a->trainee_id = trainee_id;
  a->status = status;
  return a;
}

TdAttendance *
td_attendance_copy (const TdAttendance *a)
{
  TdAttendance *copy = td_attendance_new (a->session_id, a->trainee_id, a->status);
  copy->in_time = g_strdup (a->in_time);
  copy->out_time = g_strdup (a->out_time);
  copy->leave_kind = g_strdup (a->leave_kind);
  copy->source = a->source;
  copy->recorded_by = g_strdup (a->recorded_by);
  copy->recorded_at = g_strdup (a->recorded_at);
  copy->reason = g_strdup (a->reason);
  copy->leave_minutes = a->leave_minutes;
  return copy;
}

void
td_attendance_free (TdAttendance *a)
{
  if (a == NULL)
    return;
  g_free (a->in_time);
  g_free (a->out_time);
  g_free (a->leave_kind);
  g_free (a->recorded_by);
  g_free (a->recorded_at);
  g_free (a->reason);
  g_free (a);
}

static const char *statuses[] = { "present", "leave", "absent" };
static const char *sources[] = { "desk", "scan", "import" };

const char *
td_attendance_status_to_string (TdAttendanceStatus status)
{
  g_return_val_if_fail (status <= TD_ATTENDANCE_ABSENT, NULL);
  return statuses[status];
}

gboolean
td_attendance_status_from_string (const char *text, TdAttendanceStatus *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (text, statuses[i]))
      {
        *out = (TdAttendanceStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
td_attendance_source_to_string (TdAttendanceSource source)
{
  g_return_val_if_fail (source <= TD_ATTENDANCE_SOURCE_IMPORT, NULL);
  return sources[source];
}
