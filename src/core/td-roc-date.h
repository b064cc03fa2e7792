/* td-roc-date.h — Republic of China (民國) calendar for display and entry.
 *
 * Dates are stored as ISO 8601 "YYYY-MM-DD"; the ROC year is the Gregorian year − 1911.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TD_ROC_FORMAT_LONG,     /* 民國113年12月12日 */
  TD_ROC_FORMAT_SLASH,    /* 113/12/12 */
} TdRocFormat;

/* Formats an ISO date; NULL when @iso is not a valid date. */
char     *td_roc_date_format (const char *iso, TdRocFormat format);

/* Parses 113/12/12, 113/1/2, 113.12.12, 113-12-12, 1131212 (7 digits), 0991231,
 * 民國113年12月12日, and ISO 2024-12-12 / 2024/12/12 (a four-digit year is Gregorian).
 * Returns the ISO date or NULL with TD_ERROR_INVALID and a reason. */
char     *td_roc_date_parse (const char *text, GError **error);

/* TRUE when @iso is a real calendar date written exactly as YYYY-MM-DD. */
gboolean  td_iso_date_is_valid (const char *iso);

/* Whole days from @from to @to (ISO dates); positive when @to is later. */
gboolean  td_iso_date_diff_days (const char *from, const char *to, int *days);

/* ISO date @days after @iso (negative for before); NULL when @iso is invalid. */
char     *td_iso_date_add_days (const char *iso, int days);

/* Today in local time as ISO. */
char     *td_iso_date_today (void);

G_END_DECLS
