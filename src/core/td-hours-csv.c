/* td-hours-csv.c — the awarded-hours list as CSV */
#define G_LOG_DOMAIN "td-hours-csv"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-attendance-desk.h"
#include "td-csv.h"
#include "td-hours-csv.h"

/* Headers follow the portal's own words (seed 004 肆: 姓名, 服務機關, 實體/數位 時數). */
static const char *const headers[] = {
  "活動名稱", "活動日期", "姓名", "身分證統一編號", "服務機關", "實體時數", "數位時數", "核發時間",
};

char *
td_hours_format (int minutes)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (minutes % 60 == 0)
    return g_strdup_printf ("%d", minutes / 60);
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", minutes / 60.0);
  for (char *end = buffer + strlen (buffer) - 1; *end == '0'; end--)
    *end = '\0';
  return g_strdup (buffer);
}

static void
append_award (GString *out, const TdHoursActivity *activity, const TdHoursAward *award)
{
  g_autofree char *date = g_strdelimit (g_strdup (activity->date), "-", '/');
  g_autofree char *physical = td_hours_format (award->physical_minutes);
  g_autofree char *digital = td_hours_format (award->digital_minutes);
  g_autofree char *awarded_at = g_strdelimit (g_strdup (award->awarded_at), "T", ' ');
  const char *fields[G_N_ELEMENTS (headers)] = {
    activity->title, date, award->trainee->name, award->trainee->national_id,
    award->trainee->employer, physical, digital, awarded_at,
  };

  td_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

char *
td_hours_csv_export_data (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GString) out = g_string_new (TD_CSV_UTF8_BOM);

  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  if ((course = td_store_get_course (store, course_id, error)) == NULL)
    return NULL;
  if (course->regime != TD_REGIME_HOURS)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("Course %" PRId64 " is not of the “hours” regime; it has no "
                     "awarded hours to export."),
                   course_id);
      return NULL;
    }
  if ((activities = td_store_list_hours_activities (store, course_id, error)) == NULL)
    return NULL;
  td_csv_append_row (out, headers, G_N_ELEMENTS (headers));
  for (guint i = 0; i < activities->len; i++)
    {
      TdHoursActivity *activity = g_ptr_array_index (activities, i);
      g_autoptr (GPtrArray) awards = td_store_list_hours_awards (store, activity->id, error);

      if (awards == NULL)
        return NULL;
      for (guint j = 0; j < awards->len; j++)
        append_award (out, activity, g_ptr_array_index (awards, j));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
td_hours_csv_export (TdStore *store, gint64 course_id, GFile *file, GError **error)
{
  g_autofree char *data = td_hours_csv_export_data (store, course_id, error);

  if (data == NULL)
    return FALSE;
  return td_csv_save_file (file, data, error);
}
