/* td-form-signin.c — 學員簽到紀錄 (OSH 格式十二) / 受訓人員簽到（簽退）紀錄 (health 附表十三).
 *
 * One sheet per session: seats in rows of ten, seventy a page, each seat with the
 * trainee's name printed and boxes to sign in and sign out; the attendance and
 * absence counts, the counsellor's and lecturer's signatures and the four remarks of
 * 附表十三 at the foot. Statutory text stays in Chinese whatever the interface language. */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include "td-form-data.h"
#include "td-forms.h"

#define SEATS_PER_ROW   10
#define SEATS_PER_PAGE  70
#define LABEL_WIDTH     58.0
#define SEAT_NO_HEIGHT  13.0
#define NAME_HEIGHT     20.0
#define SIGN_HEIGHT     19.0     /* each of the two signature boxes, at most */
#define SIGN_MIN_HEIGHT 13.0
#define FOOT_HEIGHT     26.0

static const char *const remarks[] = {
  "一、每日簽到時，輔導員應在場，有代簽者應糾正，遲到 15 分鐘者視為曠課。",
  "二、簽名筆不得使用紅筆或鉛筆，不得任意塗改，否則，視為無效。",
  "三、專業訓練請假者，應事前填寫請假單，如為病假須補相關證明。",
  "四、輔導員於每日第 1 節過 20 分鐘後，應確實點名。",
  NULL,
};

typedef struct {
  TdFormData *data;
  TdSession *session;       /* NULL: a blank sheet for a course without a timetable */
} SheetContext;

static const char *
signin_title (TdFormData *data)
{
  return td_form_data_is_health (data) ? "受訓人員簽到（簽退）紀錄" : "學員簽到紀錄";
}

static char *
session_time (TdSession *session)
{
  g_autofree char *date = NULL;
  g_auto (GStrv) from = NULL;
  g_auto (GStrv) to = NULL;

  if (session == NULL)
    return g_strdup ("　　年　　月　　日　　時　　分至　　時　　分");
  date = td_form_roc (session->date);
  from = g_strsplit (td_form_str (session->start_time), ":", 2);
  to = g_strsplit (td_form_str (session->end_time), ":", 2);
  return g_strdup_printf ("%s %s時%s分至%s時%s分", date, td_form_str (from[0]),
                          td_form_str (from[0] ? from[1] : NULL), td_form_str (to[0]),
                          td_form_str (to[0] ? to[1] : NULL));
}

static void
draw_sheet_header (TdPrintDoc *doc, gpointer user_data)
{
  SheetContext *ctx = user_data;
  TdCourse *course = ctx->data->course;
  g_autofree char *time = session_time (ctx->session);
  g_autofree char *classroom = g_strdup_printf ("%s", td_form_str (course->classroom));
  const TdFormField fields[] = {
    { "訓練機構(單位)全銜", ctx->data->unit->title, TRUE },
    { "訓練種類(類別)", ctx->data->category_name, FALSE },
    { "期別", course->period, FALSE },
    { "訓練場所地址", course->venue_address, TRUE },
    { "教室名稱", classroom, FALSE },
    { "課程名稱", ctx->session ? ctx->session->subject : NULL, FALSE },
    { "上課時間", time, TRUE },
  };

  td_form_draw_heading (doc, signin_title (ctx->data), fields, G_N_ELEMENTS (fields));
}

/* The trainee sitting in seat @seat (roster number), or NULL for an empty seat. */
static TdEnrolment *
seat_enrolment (TdFormData *data, int seat)
{
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);

      if (e->seq == seat)
        return e;
    }
  return NULL;
}

static int
last_seat (TdFormData *data)
{
  int last = 0;

  for (guint i = 0; i < data->enrolments->len; i++)
    last = MAX (last, ((TdEnrolment *) g_ptr_array_index (data->enrolments, i))->seq);
  return last;
}

static void
draw_label_cell (TdPrintDoc *doc, const char *text, double y, double h, double size)
{
  TdPrintStyle style = { size, TRUE, TD_PRINT_ALIGN_CENTER, TD_PRINT_WRAP };
  double x = td_print_doc_left (doc);

  td_print_rect (doc, x, y, LABEL_WIDTH, h);
  td_print_text (doc, text, x + 1, y, LABEL_WIDTH - 2, h, &style);
}

static void
draw_seat (TdPrintDoc *doc, TdFormData *data, int seat, double x, double y, double w,
           double sign_h)
{
  TdPrintStyle number = { 8, FALSE, TD_PRINT_ALIGN_CENTER, TD_PRINT_ELLIPSIZE };
  TdPrintStyle name = { 9, FALSE, TD_PRINT_ALIGN_CENTER, TD_PRINT_WRAP };
  TdEnrolment *e = seat_enrolment (data, seat);
  g_autofree char *seat_text = g_strdup_printf ("%d", seat);
  g_autofree char *name_text = NULL;

  if (e != NULL)
    name_text = g_strdup_printf ("%s%s", e->trainee->name,
                                 e->status == TD_ENROLMENT_DISMISSED ? "（退訓）" : "");
  td_print_rect (doc, x, y, w, SEAT_NO_HEIGHT);
  td_print_text (doc, seat_text, x, y, w, SEAT_NO_HEIGHT, &number);
  y += SEAT_NO_HEIGHT;
  td_print_rect (doc, x, y, w, NAME_HEIGHT);
  td_print_text (doc, td_form_str (name_text), x + 1, y, w - 2, NAME_HEIGHT, &name);
  y += NAME_HEIGHT;
  td_print_rect (doc, x, y, w, 2 * sign_h);
  td_print_hline (doc, x, x + w, y + sign_h, TRUE);
}

static void
draw_seat_row (TdPrintDoc *doc, TdFormData *data, int first_seat, double sign_h)
{
  double y = td_print_doc_get_y (doc);
  double x = td_print_doc_left (doc) + LABEL_WIDTH;
  double w = (td_print_doc_width (doc) - LABEL_WIDTH) / SEATS_PER_ROW;
  gboolean health = td_form_data_is_health (data);

  draw_label_cell (doc, "座號", y, SEAT_NO_HEIGHT, 8);
  draw_label_cell (doc, health ? "受訓人員姓名" : "學員姓名", y + SEAT_NO_HEIGHT, NAME_HEIGHT, 8);
  draw_label_cell (doc, "簽名（簽到）", y + SEAT_NO_HEIGHT + NAME_HEIGHT, sign_h, 7.5);
  draw_label_cell (doc, "簽名（簽退）", y + SEAT_NO_HEIGHT + NAME_HEIGHT + sign_h, sign_h, 7.5);
  for (int i = 0; i < SEATS_PER_ROW; i++)
    draw_seat (doc, data, first_seat + i, x + i * w, y, w, sign_h);
  td_print_doc_skip (doc, SEAT_NO_HEIGHT + NAME_HEIGHT + 2 * sign_h);
}

/* 出席人數 / 缺課人數 of a session whose attendance was recorded; blank otherwise. */
static void
count_session (TdFormData *data, TdSession *session, char **present, char **absent)
{
  int n_present = 0, n_absent = 0;

  if (session == NULL || !td_form_data_session_counts (data, session))
    {
      *present = g_strdup ("出席人數　　　人");
      *absent = g_strdup ("缺課人數　　　人");
      return;
    }
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);
      const TdAttendance *a = td_form_data_attendance (data, session->id, e->trainee->id);

      if (e->status == TD_ENROLMENT_DISMISSED)
        continue;
      if (a != NULL && a->status == TD_ATTENDANCE_PRESENT)
        n_present++;
      else
        n_absent++;
    }
  *present = g_strdup_printf ("出席人數 %d 人", n_present);
  *absent = g_strdup_printf ("缺課人數 %d 人", n_absent);
}

static void
draw_foot (TdPrintDoc *doc, SheetContext *ctx)
{
  TdPrintStyle style = { 9, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  double x = td_print_doc_left (doc), y = td_print_doc_get_y (doc);
  double w = td_print_doc_width (doc);
  /* Cells as in 附表十三: the two counts, then the two signature boxes. */
  const double edges[] = { 0, 0.17, 0.34, 0.47, 0.67, 0.80, 1.0 };
  g_autofree char *present = NULL;
  g_autofree char *absent = NULL;
  const char *texts[6] = { NULL, NULL, "輔導員簽名", "", "講師簽名", "" };

  count_session (ctx->data, ctx->session, &present, &absent);
  texts[0] = present;
  texts[1] = absent;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      double cx = x + edges[i] * w, cw = (edges[i + 1] - edges[i]) * w;

      td_print_rect (doc, cx, y, cw, FOOT_HEIGHT);
      td_print_text (doc, texts[i], cx + 3, y, cw - 6, FOOT_HEIGHT, &style);
    }
  td_print_doc_skip (doc, FOOT_HEIGHT);
  td_form_draw_notes (doc, "備註：", remarks, 8);
}

/* The signature boxes' height that keeps the sheet on one page: a long unit title or
 * address makes the title block taller, and the boxes give way, down to a floor. */
static double
fit_sign_height (TdPrintDoc *doc)
{
  TdPrintStyle style = { 8, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  double notes = 4 + td_print_measure (doc, "備註：", td_print_doc_width (doc), &style);
  int rows = SEATS_PER_PAGE / SEATS_PER_ROW;
  double room, fit;

  for (guint i = 0; remarks[i] != NULL; i++)
    notes += td_print_measure (doc, remarks[i], td_print_doc_width (doc), &style);
  room = td_print_doc_bottom (doc) - td_print_doc_get_y (doc) - FOOT_HEIGHT - notes;
  fit = (room / rows - SEAT_NO_HEIGHT - NAME_HEIGHT) / 2;
  return CLAMP (fit, SIGN_MIN_HEIGHT, SIGN_HEIGHT);
}

static void
draw_sheet (TdPrintDoc *doc, SheetContext *ctx, int first_seat)
{
  double sign_h = fit_sign_height (doc);

  for (int row = 0; row < SEATS_PER_PAGE / SEATS_PER_ROW; row++)
    draw_seat_row (doc, ctx->data, first_seat + row * SEATS_PER_ROW, sign_h);
  draw_foot (doc, ctx);
}

static gboolean
signin_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;
  SheetContext ctx = { data, NULL };
  guint n_sessions = MAX (data->sessions->len, 1);
  int pages_per_session = MAX (1, (last_seat (data) + SEATS_PER_PAGE - 1) / SEATS_PER_PAGE);

  for (guint s = 0; s < n_sessions; s++)
    {
      ctx.session = data->sessions->len > 0 ? g_ptr_array_index (data->sessions, s) : NULL;
      for (int p = 0; p < pages_per_session; p++)
        {
          if (s > 0 || p > 0)
            td_print_doc_new_page (doc);
          td_print_doc_set_page_header (doc, draw_sheet_header, &ctx);
          draw_sheet (doc, &ctx, 1 + p * SEATS_PER_PAGE);
        }
    }
  return TRUE;
}

gboolean
td_form_render_signin_sheet (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  return td_form_render (store, course_id, output, FALSE, signin_title, signin_body, error);
}
