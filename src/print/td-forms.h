/* td-forms.h — the statutory forms of a course as PDF (DOMAIN.md §6).
 *
 * Each renderer loads what it prints from @store for the course @course_id and writes
 * one PDF to @output, replacing it only when the whole document was written. They fail
 * with TD_ERROR_INVALID "No Chinese font is installed …" when no font can print
 * Traditional Chinese. OSH courses get the 格式 of 職業安全衛生教育訓練規則, health-services
 * courses the 附表 of the health-services directive; docs/forms.md lists the fields. */
#pragma once

#include <gio/gio.h>

#include "td-store.h"

G_BEGIN_DECLS

typedef gboolean (*TdFormRenderFunc) (TdStore *store, gint64 course_id, GFile *output,
                                      GError **error);

/* 格式十二 / 附表十三: one sheet per session, 70 seats a page */
gboolean td_form_render_signin_sheet (TdStore *store, gint64 course_id, GFile *output,
                                      GError **error);
/* 格式十三 / 附表十四 */
gboolean td_form_render_rollcall (TdStore *store, gint64 course_id, GFile *output,
                                  GError **error);
/* 格式九 / 附表八, national IDs in full */
gboolean td_form_render_roster (TdStore *store, gint64 course_id, GFile *output,
                                GError **error);
/* 格式十四 */
gboolean td_form_render_scores (TdStore *store, gint64 course_id, GFile *output,
                                GError **error);
/* 格式十五 (訓練期滿證明) / 格式十六 (結業證書) / 附表十一 */
gboolean td_form_render_issuance_list (TdStore *store, gint64 course_id, GFile *output,
                                       GError **error);
/* 格式六 / 附表五 */
gboolean td_form_render_plan (TdStore *store, gint64 course_id, GFile *output,
                              GError **error);
/* 格式七 / 附表六 */
gboolean td_form_render_schedule (TdStore *store, gint64 course_id, GFile *output,
                                  GError **error);
/* 格式八 / 附表七 */
gboolean td_form_render_lecturers (TdStore *store, gint64 course_id, GFile *output,
                                   GError **error);
/* 格式十七 (OSH) / 附表十二 (health) */
gboolean td_form_render_inservice_record (TdStore *store, gint64 course_id, GFile *output,
                                          GError **error);
/* 附表九 */
gboolean td_form_render_practicum (TdStore *store, gint64 course_id, GFile *output,
                                   GError **error);

/* Trainee badges, 2 × 5 on A4 with cut marks: unit, course, period, name, roster number
 * and personal QR code (never the national ID). Issues a personal code, in one
 * transaction before drawing, to each trainee who has none. */
gboolean td_form_render_badges (TdStore *store, gint64 course_id, GFile *output,
                                GError **error);

/* Renders in a worker thread, so a window stays responsive. The thread opens its own
 * connection to @store's database file (SQLite connections are not shared between
 * threads); @store itself is only read for its path. */
void     td_form_render_async (TdStore *store, TdFormRenderFunc func, gint64 course_id,
                               GFile *output, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
gboolean td_form_render_finish (GAsyncResult *result, GError **error);

G_END_DECLS
