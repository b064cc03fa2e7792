/* td-roc-date.c — ROC (民國) calendar formatting and parsing over GDate
 *
 * A date is taken as ROC when its year has 1–3 digits (民國1年 = 1912) and as
 * Gregorian when it has four. 7 bare digits are YYYMMDD in ROC ("1131212"), 6 are
 * YYMMDD with a two-digit ROC year ("991231"), 8 are Gregorian YYYYMMDD.
 */
#define G_LOG_DOMAIN "td-roc-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "td-roc-date.h"
#include "td-types.h"

#define ROC_OFFSET 1911

static gboolean
parse_iso (const char *iso, GDate *date)
{
  int y, m, d;
  char tail;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  if (sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
td_iso_date_is_valid (const char *iso)
{
  GDate date;
  return parse_iso (iso, &date);
}

char *
td_roc_date_format (const char *iso, TdRocFormat format)
{
  GDate date;
  int roc_year;

  if (!parse_iso (iso, &date))
    return NULL;
  roc_year = g_date_get_year (&date) - ROC_OFFSET;
  if (format == TD_ROC_FORMAT_LONG)
    return g_strdup_printf ("民國%d年%d月%d日", roc_year, g_date_get_month (&date),
                            g_date_get_day (&date));
  return g_strdup_printf ("%03d/%02d/%02d", roc_year, g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
make_date (int year, gboolean roc, int month, int day, char **out, GError **error)
{
  if (roc)
    {
      if (year < 1)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("民國 years start at 1."));
          return FALSE;
        }
      year += ROC_OFFSET;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("There is no month %d."), month);
      return FALSE;
    }
  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("Month %d has no day %d."), month, day);
      return FALSE;
    }
  *out = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

/* Splits "113/12/12", "113.12.12", "113-1-2", "2024/12/12" into three numbers. */
static gboolean
split_three (const char *text, int parts[3], int *year_digits)
{
  g_auto (GStrv) fields = NULL;
  char sep = 0;

  for (const char *p = text; *p; p++)
    if (*p == '/' || *p == '.' || *p == '-')
      {
        sep = *p;
        break;
      }
  if (sep == 0)
    return FALSE;
  fields = g_strsplit (text, (char[]){ sep, 0 }, -1);
  if (g_strv_length (fields) != 3)
    return FALSE;
  for (int i = 0; i < 3; i++)
    {
      size_t len = strlen (fields[i]);
      if (len == 0 || len > 4)
        return FALSE;
      for (size_t j = 0; j < len; j++)
        if (!g_ascii_isdigit (fields[i][j]))
          return FALSE;
      parts[i] = (int) g_ascii_strtoll (fields[i], NULL, 10);
    }
  *year_digits = (int) strlen (fields[0]);
  return strlen (fields[1]) <= 2 && strlen (fields[2]) <= 2;
}

static gboolean
parse_long_form (const char *text, char **out, GError **error)
{
  int y, m, d, consumed = 0;
  const char *p = text;

  if (g_str_has_prefix (p, "民國"))
    p += strlen ("民國");
  if (sscanf (p, "%d年%d月%d日%n", &y, &m, &d, &consumed) == 3 && p[consumed] == '\0')
    return make_date (y, TRUE, m, d, out, error);
  return FALSE;
}

static gboolean
parse_digits (const char *text, char **out, GError **error)
{
  size_t len = strlen (text);
  int n;

  for (size_t i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  n = (int) g_ascii_strtoll (text, NULL, 10);
  if (len == 8)
    return make_date (n / 10000, FALSE, n / 100 % 100, n % 100, out, error);
  if (len == 7 || len == 6)
    return make_date (n / 10000, TRUE, n / 100 % 100, n % 100, out, error);
  return FALSE;
}

char *
td_roc_date_parse (const char *text, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr (GError) local_error = NULL;
  char *out = NULL;
  int parts[3], year_digits;

  if (text == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The date is empty."));
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The date is empty."));
      return NULL;
    }

  if (split_three (trimmed, parts, &year_digits))
    {
      if (make_date (parts[0], year_digits < 4, parts[1], parts[2], &out, &local_error))
        return out;
    }
  else if (parse_long_form (trimmed, &out, &local_error) || local_error != NULL)
    {
      if (out)
        return out;
    }
  else if (parse_digits (trimmed, &out, &local_error))
    return out;

  if (local_error != NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("“%s” is not a date: "),
                                trimmed);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _("“%s” is not a date; write it as 113/12/12 or 2024-12-12."), trimmed);
  return NULL;
}

gboolean
td_iso_date_diff_days (const char *from, const char *to, int *days)
{
  GDate a, b;

  if (!parse_iso (from, &a) || !parse_iso (to, &b))
    return FALSE;
  *days = g_date_days_between (&a, &b);
  return TRUE;
}

char *
td_iso_date_add_days (const char *iso, int days)
{
  GDate date;

  if (!parse_iso (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return format_iso (&date);
}

char *
td_iso_date_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}
