/* td-roster-csv.h — course rosters as CSV in the 附表八 columns.
 *
 * Columns, in order: 序號, 姓名, 出生年月日, 身分證統一編號, 戶籍地址, 連絡地址, 電話,
 * 電子郵件信箱, 學歷, 服務單位, 資格證書字號, 備註. The first line is the header.
 * Reads UTF-8 (with or without BOM) and Big5 (what Excel in Taiwan saves), CRLF or LF,
 * RFC 4180 quoting (quoted fields may hold commas, quotes and line breaks).
 * Dates may be ROC (113/12/12) or ISO. Import is all-or-nothing: every problem is
 * reported as "file:line: field: reason" (all of them, one per line in the message)
 * and nothing is written.
 */
#pragma once

#include <gio/gio.h>

#include "td-store.h"

G_BEGIN_DECLS

/* Enrols every row into the course (td_store_enrol semantics: people matched by ID).
 * Returns the number of rows imported, or -1 with @error. */
int       td_roster_csv_import (TdStore *store, gint64 course_id, GFile *file, GError **error);
int       td_roster_csv_import_data (TdStore *store, gint64 course_id, const char *data,
                                     gsize length, const char *display_name, GError **error);

/* UTF-8 with BOM and CRLF, so Excel opens it correctly; dates in ROC slash form. */
char     *td_roster_csv_export_data (TdStore *store, gint64 course_id, GError **error);
gboolean  td_roster_csv_export (TdStore *store, gint64 course_id, GFile *file, GError **error);

G_END_DECLS
