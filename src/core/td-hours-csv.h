/* td-hours-csv.h — the awarded-hours list of an `hours` course (seed 004 肆), as CSV
 * for the organiser to upload to the civil-service learning portal.
 *
 * Columns: 活動名稱, 活動日期 (YYYY/MM/DD), 姓名, 身分證統一編號, 服務機關, 實體時數,
 * 數位時數, 核發時間. One row per award, by activity date then award order. UTF-8 with
 * BOM, CRLF. See docs/evrs-csv.md for why these columns.
 */
#pragma once

#include <gio/gio.h>

#include "td-store.h"

G_BEGIN_DECLS

/* Minutes as the decimal hours upload files hold: 120 → "2", 90 → "1.5", 20 → "0.33". */
char     *td_hours_format (int minutes);

char     *td_hours_csv_export_data (TdStore *store, gint64 course_id, GError **error);
gboolean  td_hours_csv_export (TdStore *store, gint64 course_id, GFile *file, GError **error);

G_END_DECLS
