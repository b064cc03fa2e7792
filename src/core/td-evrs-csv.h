/* td-evrs-csv.h — the attendance CSV of the eVRS system (seed 003 肆, DOMAIN §8).
 *
 * Columns, in order: 上課日期 (YYYY/M/D), 學員姓名, 學員身分證字號(或居留證號), 時數,
 * 離島地區 (是/否), 國際性質 (是/否), 授課者 (是/否). The first line is the header and the
 * second the template's example row (2015/1/1, 王小明, A100000001, …): eVRS requires both
 * to stay and skips them. 時數 holds the approved hours of that person that day.
 * Files may be UTF-8 (with or without BOM) or Big5, with CRLF or LF; no line breaks
 * inside fields. See docs/evrs-csv.md.
 */
#pragma once

#include <gio/gio.h>

#include "td-store.h"

G_BEGIN_DECLS

/* The example row eVRS's template ships and requires under the header. */
#define TD_EVRS_EXAMPLE_DATE "2015/1/1"
#define TD_EVRS_EXAMPLE_NAME "王小明"
#define TD_EVRS_EXAMPLE_ID "A100000001"

/* Records the attendance of every row in the course: for each row, the day's sessions
 * in timetable order are marked present until the row's hours are covered and absent
 * after that (source "import"). All-or-nothing: every problem is reported as
 * "file:line: column: reason" and nothing is written. Returns the number of data rows
 * imported, or -1 with @error. */
int       td_evrs_csv_import_data (TdStore *store, gint64 course_id, const char *data,
                                   gsize length, const char *display_name, GError **error);
int       td_evrs_csv_import (TdStore *store, gint64 course_id, GFile *file, GError **error);

/* Header, example row, then one row per person per course day with attended hours
 * (sessions whose current state is present), by date and roster number. UTF-8 with BOM,
 * CRLF. */
char     *td_evrs_csv_export_data (TdStore *store, gint64 course_id, GError **error);
gboolean  td_evrs_csv_export (TdStore *store, gint64 course_id, GFile *file, GError **error);

G_END_DECLS
