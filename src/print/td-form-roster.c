/* td-form-roster.c — 學員名冊 (OSH 格式九) / 受訓人員名冊 (health 附表八).
 *
 * The twelve columns of 附表八 on landscape A4, with national IDs in full: the roster
 * is filed with the authority, which needs them. */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include "td-form-data.h"
#include "td-forms.h"

static const char *const health_notes[] = {
  "一、受訓人員資格應查核其資格證書。",
  "二、受訓人員得依本規則第七條附表五及附表六之規定，申請抵免相關之學分課程，認可訓練機構應查核其訓練合格證明或證照，"
  "並於備註欄註記繳驗之證明文件代碼（從事辦理勞工體格及健康檢查業務之醫師訓練課程合格者，請填 1，"
  "從事辦理勞工體格及健康檢查業務之護理人員訓練課程合格者，請填 2）。",
  "三、受訓人員為勞工健康服務相關人員者，應於備註註記其身分代碼（心理師，請填 3，職能治療師，請填 4，物理治療師，請填 5）。",
  "四、在職教育訓練者，僅需填寫姓名、出生年月日及身分證統一編號。",
  "五、服務單位填寫現行服務單位，待業者填寫待業中。",
  NULL,
};

static const char *
roster_title (TdFormData *data)
{
  return td_form_data_is_health (data) ? "受訓人員名冊" : "學員名冊";
}

static void
roster_row (TdPrintTable *table, TdEnrolment *e)
{
  TdTrainee *t = e->trainee;
  g_autofree char *seq = g_strdup_printf ("%d", e->seq);
  g_autofree char *birth = td_form_roc_short (t->birth_date);
  const char *employer = t->employer && *t->employer ? t->employer : "待業中";
  const char *cells[] = {
    seq, t->name, birth, t->national_id, td_form_str (t->household_address),
    td_form_str (t->contact_address), td_form_str (t->phone), td_form_str (t->email),
    td_form_str (t->education), employer, td_form_str (t->qualification_ref),
    td_form_str (t->remark),
  };

  td_print_table_row (table, cells, 18);
}

static gboolean
roster_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;
  static const TdPrintColumn columns[] = {
    { "序號", 0.45, TD_PRINT_ALIGN_CENTER }, { "姓名", 0.9, TD_PRINT_ALIGN_CENTER },
    { "出生年月日", 0.95, TD_PRINT_ALIGN_CENTER }, { "身分證統一編號", 1.1, TD_PRINT_ALIGN_CENTER },
    { "戶籍地址", 2.0, TD_PRINT_ALIGN_LEFT }, { "連絡地址", 2.0, TD_PRINT_ALIGN_LEFT },
    { "電話", 1.1, TD_PRINT_ALIGN_LEFT }, { "電子郵件信箱", 1.7, TD_PRINT_ALIGN_LEFT },
    { "學歷", 0.8, TD_PRINT_ALIGN_LEFT }, { "服務單位", 1.4, TD_PRINT_ALIGN_LEFT },
    { "資格證書字號", 1.1, TD_PRINT_ALIGN_LEFT }, { "備註", 0.7, TD_PRINT_ALIGN_LEFT },
  };
  TdFormHeading heading;
  g_autofree char *span = NULL;
  g_autoptr (TdPrintTable) table = NULL;

  td_form_heading_init (&heading, data, roster_title (data), &span, FALSE);
  td_print_doc_set_page_header (doc, td_form_heading_cb, &heading);
  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 8);
  for (guint i = 0; i < data->enrolments->len; i++)
    roster_row (table, g_ptr_array_index (data->enrolments, i));
  g_clear_pointer (&table, td_print_table_free);
  if (td_form_data_is_health (data))
    td_form_draw_notes (doc, "備註：", health_notes, 8);
  return TRUE;
}

gboolean
td_form_render_roster (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  return td_form_render (store, course_id, output, TRUE, roster_title, roster_body, error);
}
