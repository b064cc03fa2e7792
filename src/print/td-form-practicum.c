/* td-form-practicum.c — 專業訓練受訓人員實習或實作報告書審核結果 (health 附表九).
 *
 * The practicum dates come from the practicum sessions each trainee attended; the site
 * and the review result are not kept by the store yet, so their cells are left for the
 * reviewer to fill in by hand. */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include "td-form-data.h"
#include "td-forms.h"

static const char *
practicum_title (TdFormData *data)
{
  return "專業訓練受訓人員實習或實作報告書審核結果";
}

static char *
practicum_dates (TdFormData *data, gint64 trainee_id)
{
  g_autoptr (GString) dates = g_string_new (NULL);
  g_autofree char *last = NULL;

  for (guint i = 0; i < data->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (data->sessions, i);
      const TdAttendance *a = td_form_data_attendance (data, s->id, trainee_id);
      g_autofree char *date = NULL;

      if (s->mode != TD_SESSION_MODE_PRACTICUM || a == NULL || a->status != TD_ATTENDANCE_PRESENT
          || g_strcmp0 (last, s->date) == 0)
        continue;
      date = td_form_roc_short (s->date);
      g_string_append_printf (dates, "%s%s", dates->len ? "、" : "", date);
      g_free (last);
      last = g_strdup (s->date);
    }
  return g_string_free (g_steal_pointer (&dates), FALSE);
}

static gboolean
practicum_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;
  static const TdPrintColumn columns[] = {
    { "序號", 0.6, TD_PRINT_ALIGN_CENTER }, { "姓名", 1.1, TD_PRINT_ALIGN_CENTER },
    { "出生年月日", 1.1, TD_PRINT_ALIGN_CENTER }, { "身分證字號", 1.3, TD_PRINT_ALIGN_CENTER },
    { "實習日期", 1.3, TD_PRINT_ALIGN_CENTER }, { "實習場所名稱", 1.6, TD_PRINT_ALIGN_LEFT },
    { "實習或實作報告書審核結果", 1.5, TD_PRINT_ALIGN_CENTER }, { "備註", 1.0, TD_PRINT_ALIGN_LEFT },
  };
  TdFormHeading heading;
  g_autofree char *span = NULL;
  g_autoptr (TdPrintTable) table = NULL;

  td_form_heading_init (&heading, data, practicum_title (data), &span, FALSE);
  heading.fields[1].label = "訓練種類";
  td_print_doc_set_page_header (doc, td_form_heading_cb, &heading);
  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 9);
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);
      g_autofree char *seq = g_strdup_printf ("%02d", e->seq);
      g_autofree char *birth = td_form_roc_short (e->trainee->birth_date);
      g_autofree char *dates = practicum_dates (data, e->trainee->id);
      const char *cells[] = { seq, e->trainee->name, birth, e->trainee->national_id, dates, "",
                              "", e->status == TD_ENROLMENT_DISMISSED ? "退訓" : "" };

      td_print_table_row (table, cells, 22);
    }
  return TRUE;
}

gboolean
td_form_render_practicum (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  return td_form_render (store, course_id, output, FALSE, practicum_title, practicum_body, error);
}
