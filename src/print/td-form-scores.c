/* td-form-scores.c — 受訓學員成績冊 (OSH 格式十四): each trainee's final test score and
 * whether it passes the centre's pass mark (setting "pass-mark", default 60). */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include "td-form-data.h"
#include "td-forms.h"

static const char *
scores_title (TdFormData *data)
{
  return "受訓學員成績冊";
}

static const char *
score_remark (TdFormData *data, TdEnrolment *e)
{
  if (e->status == TD_ENROLMENT_DISMISSED)
    return "退訓";
  if (td_form_data_absence_dismisses (data, e->trainee->id))
    return "缺課超過五分之一";
  return "";
}

static void
score_row (TdPrintTable *table, TdFormData *data, TdEnrolment *e)
{
  const TdScore *score = td_form_data_score (data, e->trainee->id);
  g_autofree char *seq = g_strdup_printf ("%d", e->seq);
  g_autofree char *birth = td_form_roc_short (e->trainee->birth_date);
  g_autofree char *value = score ? g_strdup_printf ("%g", score->score) : g_strdup ("");
  const char *result = score == NULL ? "" : score->score >= data->pass_mark ? "合格" : "不合格";
  const char *cells[] = { seq, e->trainee->name, birth, e->trainee->national_id, value, result,
                          score_remark (data, e) };

  td_print_table_row (table, cells, 18);
}

static gboolean
scores_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;
  static const TdPrintColumn columns[] = {
    { "序號", 0.6, TD_PRINT_ALIGN_CENTER }, { "姓名", 1.3, TD_PRINT_ALIGN_CENTER },
    { "出生年月日", 1.3, TD_PRINT_ALIGN_CENTER }, { "身分證統一編號", 1.6, TD_PRINT_ALIGN_CENTER },
    { "測驗成績", 1.0, TD_PRINT_ALIGN_CENTER }, { "合格與否", 1.0, TD_PRINT_ALIGN_CENTER },
    { "備註", 1.8, TD_PRINT_ALIGN_LEFT },
  };
  TdPrintStyle style = { 9.5, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  TdFormHeading heading;
  g_autofree char *span = NULL;
  g_autofree char *mark = g_strdup_printf ("及格分數：%g 分", data->pass_mark);
  g_autoptr (TdPrintTable) table = NULL;

  td_form_heading_init (&heading, data, scores_title (data), &span, FALSE);
  td_print_doc_set_page_header (doc, td_form_heading_cb, &heading);
  td_print_paragraph (doc, mark, &style);
  td_print_doc_skip (doc, 4);
  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 9);
  for (guint i = 0; i < data->enrolments->len; i++)
    score_row (table, data, g_ptr_array_index (data->enrolments, i));
  g_clear_pointer (&table, td_print_table_free);
  td_print_doc_skip (doc, 24);
  td_print_paragraph (doc, "輔導員：　　　　　　　　　　　　　　　負責人：", &style);
  return TRUE;
}

gboolean
td_form_render_scores (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  return td_form_render (store, course_id, output, FALSE, scores_title, scores_body, error);
}
