/* td-form-rollcall.c — 受訓學員點名紀錄 (OSH 格式十三) / 受訓人員點名紀錄 (health 附表十四).
 *
 * One row per session with who was missing, then the three lists the form ends with:
 * absence over one fifth, make-up needed (with hours), practicum not done. */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <string.h>

#include "td-form-data.h"
#include "td-forms.h"

typedef struct {
  TdFormData *data;
  char *title;
} RollcallContext;

static const char *
rollcall_title (TdFormData *data)
{
  return td_form_data_is_health (data) ? "受訓人員點名紀錄" : "受訓學員點名紀錄";
}

static void
draw_rollcall_header (TdPrintDoc *doc, gpointer user_data)
{
  RollcallContext *ctx = user_data;
  TdCourse *course = ctx->data->course;
  g_autofree char *span = td_form_roc_span (course->start_date, course->end_date);
  const TdFormField fields[] = {
    { "訓練機構(單位)全銜", ctx->data->unit->title, TRUE },
    { "訓練種類(類別)", ctx->data->category_name, FALSE },
    { "期別", course->period, FALSE },
    { "訓練期間", span, TRUE },
  };

  td_form_draw_heading (doc, ctx->title, fields, G_N_ELEMENTS (fields));
}

/* "王小明請假 2 小時（事假）": the hours when the leave record gives them. */
static void
append_leave_remark (GString *remarks, const TdEnrolment *e, const TdAttendance *a)
{
  g_autofree char *hours = a->leave_minutes > 0 ? td_form_hours (a->leave_minutes) : NULL;

  g_string_append_printf (remarks, "%s%s請假%s%s%s%s", remarks->len > 0 ? "\n" : "",
                          e->trainee->name, hours != NULL ? " " : "", hours != NULL ? hours : "",
                          hours != NULL ? " 小時" : "",
                          g_strcmp0 (a->leave_kind, "sick") == 0       ? "（病假）"
                          : g_strcmp0 (a->leave_kind, "personal") == 0 ? "（事假）"
                                                                       : "");
}

/* Names and seats of those not present at a recorded session, and remarks on leave
 * (also of those who signed in for the rest of the session after it). */
static void
describe_session (TdFormData *data, TdSession *session, GString *names, GString *seats,
                  GString *remarks, int *n_present)
{
  *n_present = 0;
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);
      const TdAttendance *a = td_form_data_attendance (data, session->id, e->trainee->id);
      const char *sep = names->len > 0 ? "、" : "";

      if (e->status == TD_ENROLMENT_DISMISSED)
        continue;
      if (a != NULL && a->status == TD_ATTENDANCE_PRESENT)
        {
          (*n_present)++;
          /* 附表十三 備註一: late past the limit counts as truancy for that period. */
          if (a->leave_minutes > 0)
            append_leave_remark (remarks, e, a);
          if (td_form_data_signed_in_late (data, session, a))
            g_string_append_printf (remarks, "%s%s遲到 %s", remarks->len > 0 ? "\n" : "",
                                    e->trainee->name, a->in_time);
          continue;
        }
      g_string_append_printf (names, "%s%s", sep, e->trainee->name);
      g_string_append_printf (seats, "%s%d", sep, e->seq);
      if (a != NULL && a->status == TD_ATTENDANCE_LEAVE)
        append_leave_remark (remarks, e, a);
    }
}

static void
session_row (TdPrintTable *table, TdFormData *data, guint index)
{
  TdSession *session = g_ptr_array_index (data->sessions, index);
  g_autofree char *no = g_strdup_printf ("%02u", index + 1);
  g_autofree char *date = td_form_roc_short (session->date);
  g_autofree char *time = g_strdup_printf ("%s–%s", td_form_str (session->start_time),
                                           td_form_str (session->end_time));
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GString) seats = g_string_new (NULL);
  g_autoptr (GString) remarks = g_string_new (NULL);
  g_autofree char *count = NULL;
  int present = 0;

  if (td_form_data_session_counts (data, session))
    {
      const char *taken = td_form_data_rollcall_time (data, session->id);
      const char *t = taken ? strchr (taken, 'T') : NULL;

      /* 附表十三 備註四: the counsellor's roll call, with its time. */
      if (t != NULL)
        g_string_append_printf (remarks, "點名 %.5s", t + 1);
      describe_session (data, session, names, seats, remarks, &present);
      count = g_strdup_printf ("%d", present);
      if (names->len == 0)
        g_string_append (names, "無");
    }
  {
    const char *cells[] = { no, date, time, session->subject, td_form_str (count), names->str,
                            seats->str, remarks->str };
    td_print_table_row (table, cells, 18);
  }
}

/* The three closing lists; @counts receives how many trainees each names, then how
 * many attended every recorded session. */
static void
closing_lists (TdFormData *data, GString *over, GString *makeup, GString *practicum,
               int counts[4])
{
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);
      int absent = td_form_data_absent_minutes (data, e->trainee->id);
      int to_make_up = td_form_data_makeup_minutes (data, e->trainee->id);
      int missed_practicum = td_form_data_missed_practicum_minutes (data, e->trainee->id);
      g_autofree char *hours = td_form_hours (to_make_up);

      if (td_form_data_absence_dismisses (data, e->trainee->id))
        g_string_append_printf (over, "%s%s（%d）", counts[0]++ ? "、" : "", e->trainee->name,
                                e->seq);
      if (to_make_up > 0 && e->status != TD_ENROLMENT_DISMISSED)
        g_string_append_printf (makeup, "%s%s %s 小時", counts[1]++ ? "、" : "",
                                e->trainee->name, hours);
      if (missed_practicum > 0)
        g_string_append_printf (practicum, "%s%s", counts[2]++ ? "、" : "", e->trainee->name);
      if (absent == 0 && e->status != TD_ENROLMENT_DISMISSED)
        counts[3]++;
    }
}

static gboolean
rollcall_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;
  RollcallContext ctx = { data, NULL };
  static const TdPrintColumn columns[] = {
    { "序", 0.45, TD_PRINT_ALIGN_CENTER }, { "上課日期", 1.1, TD_PRINT_ALIGN_CENTER },
    { "上課時間", 1.2, TD_PRINT_ALIGN_CENTER }, { "課程名稱", 2.1, TD_PRINT_ALIGN_LEFT },
    { "受訓人數", 1.0, TD_PRINT_ALIGN_CENTER }, { "缺課人員姓名", 2.3, TD_PRINT_ALIGN_LEFT },
    { "座號", 1.0, TD_PRINT_ALIGN_LEFT }, { "備註", 2.3, TD_PRINT_ALIGN_LEFT },
  };
  g_autoptr (TdPrintTable) table = NULL;
  g_autoptr (GString) over = g_string_new (NULL);
  g_autoptr (GString) makeup = g_string_new (NULL);
  g_autoptr (GString) practicum = g_string_new (NULL);
  TdPrintStyle style = { 9.5, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  int counts[4] = { 0, 0, 0, 0 };
  g_autofree char *summary = NULL;

  ctx.title = td_form_data_is_health (data)
                ? g_strdup (rollcall_title (data))
                : g_strdup_printf ("%s%s", td_form_str (data->unit->title), rollcall_title (data));
  td_print_doc_set_page_header (doc, draw_rollcall_header, &ctx);
  closing_lists (data, over, makeup, practicum, counts);
  summary = g_strdup_printf ("全程參加者：%d 人；缺課時數超過五分之一者：%d 人；"
                             "未參加實習或實作並完成報告書者：%d 人",
                             counts[3], counts[0], counts[2]);
  td_print_paragraph (doc, summary, &style);
  td_print_doc_skip (doc, 4);

  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 8.5);
  for (guint i = 0; i < data->sessions->len; i++)
    session_row (table, data, i);
  {
    const char *row1[] = { "缺課超過五分之一受訓人員名單", NULL, NULL, NULL, over->str, NULL, NULL, NULL };
    const char *row2[] = { "需再補課人員名單及時數", NULL, NULL, NULL, makeup->str, NULL, NULL, NULL };
    const char *row3[] = { "未參加實習或實作並完成報告書之受訓人員名單", NULL, NULL, NULL,
                           practicum->str, NULL, NULL, NULL };
    td_print_table_row (table, row1, 22);
    td_print_table_row (table, row2, 22);
    td_print_table_row (table, row3, 22);
  }
  g_clear_pointer (&table, td_print_table_free);
  g_free (ctx.title);
  return TRUE;
}

gboolean
td_form_render_rollcall (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  return td_form_render (store, course_id, output, FALSE, rollcall_title, rollcall_body, error);
}
