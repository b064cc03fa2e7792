/* td-form-inservice.c — in-service training records: 在職教育訓練受訓人員時數登錄清冊
 * (health 附表十二), and 在職教育訓練紀錄 (OSH 格式十七), the record handed to each trainee
 * whose certificate's back does not carry it (OSH rules: 結業證書（格式十一）背面記錄或發給
 * 在職教育訓練紀錄（格式十七）).
 *
 * Hours are registered only for trainees who attended every session: an in-service
 * trainee who missed any course gets none (directive 十三). */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <stdlib.h>

#include "td-form-data.h"
#include "td-forms.h"

static const char *
inservice_title (TdFormData *data)
{
  return td_form_data_is_health (data) ? "在職教育訓練受訓人員時數登錄清冊" : "在職教育訓練紀錄";
}

/* Registered hours and why not, for one trainee. */
static void
trainee_hours (TdFormData *data, TdEnrolment *e, char **hours, char **remark)
{
  int absent = td_form_data_absent_minutes (data, e->trainee->id);
  g_autofree char *missed = td_form_hours (absent);

  if (e->status == TD_ENROLMENT_DISMISSED)
    {
      *hours = g_strdup ("0");
      *remark = g_strdup ("退訓");
    }
  else if (absent > 0)
    {
      *hours = g_strdup ("0");
      *remark = g_strdup_printf ("缺課 %s 小時，不予登錄", missed);
    }
  else
    {
      *hours = td_form_hours (td_form_data_total_minutes (data));
      *remark = g_strdup ("");
    }
}

static gboolean
hours_list_body (TdPrintDoc *doc, TdFormData *data)
{
  static const TdPrintColumn columns[] = {
    { "序號", 0.6, TD_PRINT_ALIGN_CENTER }, { "姓名", 1.3, TD_PRINT_ALIGN_CENTER },
    { "出生年月日", 1.3, TD_PRINT_ALIGN_CENTER }, { "身分證統一編號", 1.6, TD_PRINT_ALIGN_CENTER },
    { "訓練時數", 1.0, TD_PRINT_ALIGN_CENTER }, { "備註", 2.2, TD_PRINT_ALIGN_LEFT },
  };
  TdFormHeading heading;
  g_autofree char *span = NULL;
  g_autoptr (TdPrintTable) table = NULL;

  td_form_heading_init (&heading, data, inservice_title (data), &span, TRUE);
  td_print_doc_set_page_header (doc, td_form_heading_cb, &heading);
  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 9);
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);
      g_autofree char *seq = g_strdup_printf ("%d", e->seq);
      g_autofree char *birth = td_form_roc_short (e->trainee->birth_date);
      g_autofree char *hours = NULL;
      g_autofree char *remark = NULL;

      trainee_hours (data, e, &hours, &remark);
      {
        const char *cells[] = { seq, e->trainee->name, birth, e->trainee->national_id, hours,
                                remark };
        td_print_table_row (table, cells, 18);
      }
    }
  return TRUE;
}

#define RECORD_HEIGHT 190.0

/* One trainee's 格式十七 record: who, then the table of the certificate's back. With no
 * @e, a record of the course with the person's fields left blank. */
static void
draw_record (TdPrintDoc *doc, TdFormData *data, TdEnrolment *e)
{
  static const TdPrintColumn columns[] = {
    { "年度", 0.8, TD_PRINT_ALIGN_CENTER }, { "訓練名稱（時數）", 3.0, TD_PRINT_ALIGN_LEFT },
    { "訓練單位", 2.4, TD_PRINT_ALIGN_LEFT }, { "章戳", 1.4, TD_PRINT_ALIGN_CENTER },
  };
  TdPrintStyle title = { 13, TRUE, TD_PRINT_ALIGN_CENTER, TD_PRINT_WRAP };
  TdTrainee *t = e != NULL ? e->trainee : NULL;
  g_autofree char *birth = td_form_roc (t != NULL ? t->birth_date : NULL);
  g_autofree char *span = td_form_roc_span (data->course->start_date, data->course->end_date);
  g_autofree char *hours = NULL;
  g_autofree char *remark = NULL;
  g_autofree char *name = NULL;
  g_autofree char *year = NULL;
  g_autoptr (TdPrintTable) table = NULL;
  const TdFormField fields[] = {
    { "姓名", t != NULL ? t->name : NULL, FALSE }, { "出生年月日", birth, FALSE },
    { "身分證統一編號", t != NULL ? t->national_id : NULL, FALSE },
    { "期別", data->course->period, FALSE },
    { "訓練日期", span, TRUE },
  };

  td_print_doc_ensure_space (doc, RECORD_HEIGHT);
  td_print_paragraph (doc, "在職教育訓練紀錄", &title);
  td_print_doc_skip (doc, 4);
  td_form_draw_heading (doc, "", fields, G_N_ELEMENTS (fields));
  if (e != NULL)
    trainee_hours (data, e, &hours, &remark);
  else
    {
      hours = td_form_hours (td_form_data_total_minutes (data));
      remark = g_strdup ("");
    }
  name = g_strdup_printf ("%s（%s 小時）%s", data->category_name, hours, remark);
  year = g_strdup_printf ("%d", data->course->end_date ? atoi (data->course->end_date) - 1911 : 0);
  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 9);
  {
    const char *cells[] = { year, name, td_form_str (data->unit->title), "" };
    td_print_table_row (table, cells, 46);
  }
  g_clear_pointer (&table, td_print_table_free);
  td_print_doc_skip (doc, 10);
  td_print_hline (doc, td_print_doc_left (doc), td_print_doc_left (doc) + td_print_doc_width (doc),
                  td_print_doc_get_y (doc), TRUE);
  td_print_doc_skip (doc, 12);
}

static gboolean
inservice_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;

  if (td_form_data_is_health (data))
    return hours_list_body (doc, data);
  for (guint i = 0; i < data->enrolments->len; i++)
    draw_record (doc, data, g_ptr_array_index (data->enrolments, i));
  if (data->enrolments->len == 0)
    draw_record (doc, data, NULL);
  return TRUE;
}

gboolean
td_form_render_inservice_record (TdStore *store, gint64 course_id, GFile *output,
                                 GError **error)
{
  return td_form_render (store, course_id, output, FALSE, inservice_title, inservice_body, error);
}
