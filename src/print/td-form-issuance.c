/* td-form-issuance.c — the issuance lists: 受訓學員訓練期滿證明核發清冊 (OSH 格式十五, for
 * courses tested by skills certification), 結業證書核發清冊 (OSH 格式十六) and
 * 專業訓練受訓人員結業證書核發清冊 (health 附表十一).
 *
 * Trainees holding a valid certificate are listed with its number and date; before any
 * certificate exists the list names the eligible trainees with the number left blank. */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <string.h>

#include "td-form-data.h"
#include "td-forms.h"

static const char *
issuance_title (TdFormData *data)
{
  if (td_form_data_is_health (data))
    return "專業訓練受訓人員結業證書核發清冊";
  if (data->course->exam_mode == TD_EXAM_MODE_SKILLS)
    return "受訓學員訓練期滿證明核發清冊";
  return "受訓學員結業證書核發清冊";
}

/* 附表十一 備註: related staff are named by their profession in the remarks. */
static const char *
profession_remark (TdTrainee *t)
{
  static const char *const professions[] = { "3", "心理師", "4", "職能治療師", "5", "物理治療師" };

  for (guint i = 0; i < G_N_ELEMENTS (professions); i += 2)
    if (t->remark && strstr (t->remark, professions[i]))
      return professions[i + 1];
  return "";
}

static void
issuance_row (TdPrintTable *table, TdFormData *data, TdEnrolment *e, guint n)
{
  TdTrainee *t = e->trainee;
  TdFormCertificate *cert = g_hash_table_lookup (data->certificates, &t->id);
  g_autofree char *no = g_strdup_printf ("%u", n);
  g_autofree char *birth = td_form_roc_short (t->birth_date);
  g_autofree char *issued = cert ? td_form_roc_short (cert->issued_on) : g_strdup ("");
  const char *cells[] = { no, t->name, birth, t->national_id, cert ? cert->number : "", issued,
                          td_form_data_is_health (data) ? profession_remark (t) : "" };

  td_print_table_row (table, cells, 18);
}

static gboolean
issuance_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;
  gboolean proof = !td_form_data_is_health (data) && data->course->exam_mode == TD_EXAM_MODE_SKILLS;
  const TdPrintColumn columns[] = {
    { "序號", 0.6, TD_PRINT_ALIGN_CENTER }, { "姓名", 1.2, TD_PRINT_ALIGN_CENTER },
    { "出生年月日", 1.2, TD_PRINT_ALIGN_CENTER }, { "身分證統一編號", 1.5, TD_PRINT_ALIGN_CENTER },
    { proof ? "證明字號" : "證書字號", 1.8, TD_PRINT_ALIGN_LEFT },
    { "發證日期", 1.2, TD_PRINT_ALIGN_CENTER }, { "備註", 1.2, TD_PRINT_ALIGN_LEFT },
  };
  static const char *const health_note[] = {
    "受訓人員為勞工健康服務相關人員者，應於備註欄註記其身分：心理師、職能治療師或物理治療師。", NULL,
  };
  TdFormHeading heading;
  g_autofree char *span = NULL;
  g_autoptr (TdPrintTable) table = NULL;
  guint n = 0;

  td_form_heading_init (&heading, data, issuance_title (data), &span, TRUE);
  td_print_doc_set_page_header (doc, td_form_heading_cb, &heading);
  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 9);
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);

      if (g_hash_table_contains (data->certificates, &e->trainee->id)
          || td_form_data_is_eligible (data, e))
        issuance_row (table, data, e, ++n);
    }
  g_clear_pointer (&table, td_print_table_free);
  if (td_form_data_is_health (data))
    td_form_draw_notes (doc, "備註：", health_note, 8.5);
  return TRUE;
}

gboolean
td_form_render_issuance_list (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  return td_form_render (store, course_id, output, FALSE, issuance_title, issuance_body, error);
}
