/* td-form-filing.c — the documents filed before a course starts (OSH art. 25–26,
 * directive 六): 教育訓練計畫報備書 / 訓練計畫報備書 (格式六 / 附表五), 教育訓練課程表 /
 * 訓練課程表 (格式七 / 附表六) and 講師概況 / 講師名冊 (格式八 / 附表七). */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include "td-form-data.h"
#include "td-forms.h"

/* --- plan (格式六 / 附表五) --------------------------------------------------- */

static const char *const plan_health_notes =
  "備註：\n1、報名人數須達15人以上始得報訓練計畫，並附受訓人員名冊。\n"
  "2、專業訓練每期受訓人數以不超過80人；在職教育訓練每期受訓人數以不超過120人為原則。"
  "但在職教育訓練若以分組討論方式進行，以不超過60人為限。";

#define PLAN_ITEM_WIDTH 88.0
#define PLAN_NOTE_WIDTH 150.0

static const char *
plan_title (TdFormData *data)
{
  return td_form_data_is_health (data) ? "訓練計畫報備書" : "教育訓練計畫報備書";
}

static char *
plan_materials (TdCourse *course)
{
  return g_strdup_printf ("%s 使用「%s」教材。\n%s 分組討論教材。\n□ 其他（　　　　）。",
                          course->materials && *course->materials ? "■" : "□",
                          course->materials && *course->materials ? course->materials : "　　　　",
                          course->group_discussion ? "■" : "□");
}

/* Draws the item rows with the remarks column spanning them; returns the bottom. */
static void
draw_plan_table (TdPrintDoc *doc, TdFormData *data, const char *const *items,
                 const char *const *values, guint n)
{
  TdPrintStyle style = { 10, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  TdPrintStyle bold = { 10, TRUE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  double x = td_print_doc_left (doc), w = td_print_doc_width (doc);
  double value_w = w - PLAN_ITEM_WIDTH - PLAN_NOTE_WIDTH, top = td_print_doc_get_y (doc);
  const char *note = td_form_data_is_health (data) ? plan_health_notes : "備註：";

  for (guint i = 0; i < n; i++)
    {
      double y = td_print_doc_get_y (doc);
      double h = MAX (td_print_measure (doc, values[i], value_w - 8, &style) + 10, 34);
      gboolean last = i + 1 == n;
      double vw = last ? value_w + PLAN_NOTE_WIDTH : value_w;

      td_print_rect (doc, x, y, PLAN_ITEM_WIDTH, last ? MAX (h, 60) : h);
      td_print_text (doc, items[i], x + 4, y, PLAN_ITEM_WIDTH - 8, last ? MAX (h, 60) : h, &bold);
      td_print_rect (doc, x + PLAN_ITEM_WIDTH, y, vw, last ? MAX (h, 60) : h);
      td_print_text (doc, values[i], x + PLAN_ITEM_WIDTH + 4, y + 5, vw - 8, 0, &style);
      if (n >= 2 && i + 2 == n)
        {
          /* The remarks column spans every item row but the result row. */
          td_print_rect (doc, x + w - PLAN_NOTE_WIDTH, top, PLAN_NOTE_WIDTH, y + h - top);
          td_print_text (doc, note, x + w - PLAN_NOTE_WIDTH + 4, top + 5, PLAN_NOTE_WIDTH - 8, 0,
                         &style);
        }
      td_print_doc_skip (doc, last ? MAX (h, 60) : h);
    }
}

static void
draw_plan_closing (TdPrintDoc *doc, TdFormData *data, const char *authority)
{
  TdPrintStyle style = { 11, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  TdUnit *unit = data->unit;
  g_autofree char *name = g_strdup_printf ("訓練機構(單位)名稱：%s", td_form_str (unit->title));
  g_autofree char *address = g_strdup_printf ("地址：%s", td_form_str (unit->address));
  g_autofree char *person = g_strdup_printf ("負責人姓名：%s　　　（簽章）",
                                             td_form_str (unit->responsible_person));
  g_autofree char *date = data->course->filed_on ? td_form_roc (data->course->filed_on) : NULL;
  g_autofree char *dated = date ? g_strdup_printf ("中華%s", date)
                                : g_strdup ("中華民國　　　　年　　　　月　　　　日");

  td_print_doc_skip (doc, 12);
  td_print_paragraph (doc, td_form_data_is_health (data)
                             ? "依本要點第六點規定，已將訓練課程等內容登錄至教育訓練系統，陳請備查。"
                             : "依職業安全衛生教育訓練規則第二十五條規定，檢附教育訓練課程表、講師概況、"
                               "學員名冊及負責之專責輔導員名單，陳請備查。",
                      &style);
  td_print_doc_skip (doc, 8);
  td_print_paragraph (doc, "此致", &style);
  td_print_paragraph (doc, authority, &style);
  td_print_doc_skip (doc, 16);
  td_print_paragraph (doc, name, &style);
  td_print_paragraph (doc, address, &style);
  td_print_paragraph (doc, person, &style);
  td_print_doc_skip (doc, 16);
  style.align = TD_PRINT_ALIGN_CENTER;
  td_print_paragraph (doc, dated, &style);
}

typedef struct {
  TdFormData *data;
  char *authority;
} PlanContext;

static gboolean
plan_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  PlanContext *ctx = user_data;
  TdFormData *data = ctx->data;
  TdCourse *course = data->course;
  g_autofree char *span = td_form_roc_span (course->start_date, course->end_date);
  g_autofree char *venue = g_strdup_printf ("%s\n%s", td_form_str (course->venue_name),
                                            td_form_str (course->venue_address));
  g_autofree char *count = g_strdup_printf ("預計 %u 人（附%s）。",
                                            data->enrolments->len > 0 ? data->enrolments->len
                                                                      : (guint) course->capacity,
                                            td_form_data_is_health (data) ? "受訓人員名冊" : "學員名冊");
  g_autofree char *counsellor = g_strdup (td_form_str (course->counsellor_name));
  g_autofree char *materials = plan_materials (course);
  const TdFormField fields[] = {
    { "訓練機構(單位)全銜", data->unit->title, TRUE },
    { "訓練種類(類別)", data->category_name, FALSE },
    { "期別", course->period, FALSE },
  };
  const char *items[] = { "一、訓練期間", "二、訓練場所", "三、受訓人數", "四、輔導員", "五、教材", "核定結果" };
  const char *values[] = { span, venue, count, counsellor, materials, "" };

  td_form_draw_heading (doc, plan_title (data), fields, G_N_ELEMENTS (fields));
  draw_plan_table (doc, data, items, values, G_N_ELEMENTS (items));
  draw_plan_closing (doc, data, ctx->authority);
  return TRUE;
}

/* The authority the plan is addressed to: the centre's setting "filing.authority". */
gboolean
td_form_render_plan (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  g_autoptr (TdFormData) data = td_form_data_load (store, course_id, error);
  g_autofree char *authority = NULL;
  PlanContext ctx;

  if (data == NULL)
    return FALSE;
  authority = td_store_get_setting (store, "filing.authority", "（地方主管機關）");
  ctx = (PlanContext) { data, authority };
  return td_print_doc_render (output, plan_title (data), FALSE, plan_body, &ctx, error);
}

/* --- schedule (格式七 / 附表六) ---------------------------------------------- */

static const char *
schedule_title (TdFormData *data)
{
  return td_form_data_is_health (data) ? "訓練課程表" : "教育訓練課程表";
}

static const char *
weekday_name (const char *iso)
{
  static const char *const names[] = { "", "一", "二", "三", "四", "五", "六", "日" };
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *text = g_strdup_printf ("%sT00:00:00Z", td_form_str (iso));

  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt ? names[g_date_time_get_day_of_week (dt)] : "";
}

static void
schedule_row (TdPrintTable *table, TdFormData *data, TdSession *s)
{
  const TdLecturer *lecturer = td_form_data_lecturer (data, s->lecturer_id);
  g_autofree char *date = td_form_roc_short (s->date);
  g_autofree char *time = g_strdup_printf ("%s–%s", td_form_str (s->start_time),
                                           td_form_str (s->end_time));
  g_autofree char *hours = td_form_hours (s->minutes > 0 ? s->minutes
                                                         : MAX (0, td_session_span_minutes (s)));
  static const char *const modes[] = { "學科", "術科", "實習" };
  const char *cells[] = { date, weekday_name (s->date), time, s->subject, modes[s->mode], hours,
                          lecturer ? lecturer->name : "" };

  td_print_table_row (table, cells, 18);
}

static gboolean
schedule_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;
  TdCourse *course = data->course;
  static const TdPrintColumn columns[] = {
    { "日期", 1.0, TD_PRINT_ALIGN_CENTER }, { "星期", 0.5, TD_PRINT_ALIGN_CENTER },
    { "時間", 1.2, TD_PRINT_ALIGN_CENTER }, { "課程名稱", 3.4, TD_PRINT_ALIGN_LEFT },
    { "學科／術科", 0.8, TD_PRINT_ALIGN_CENTER }, { "時數", 0.6, TD_PRINT_ALIGN_CENTER },
    { "講師", 1.1, TD_PRINT_ALIGN_CENTER },
  };
  g_autofree char *classroom = g_strdup (td_form_str (course->classroom));
  g_autofree char *total = NULL;
  TdFormHeading heading = { schedule_title (data), {
    { "訓練機構(單位)全銜", data->unit->title, TRUE },
    { "訓練種類(類別)", data->category_name, FALSE },
    { "期別", course->period, FALSE },
    { "訓練場所地址", course->venue_address, TRUE },
    { "教室名稱", classroom, FALSE },
    { "輔導員姓名", course->counsellor_name, FALSE },
    { "電話", data->unit->phone, FALSE },
    { "傳真", NULL, FALSE } }, 8 };
  g_autoptr (TdPrintTable) table = NULL;
  g_autofree char *hours = td_form_hours (td_form_data_total_minutes (data));

  td_print_doc_set_page_header (doc, td_form_heading_cb, &heading);
  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 9);
  for (guint i = 0; i < data->sessions->len; i++)
    schedule_row (table, data, g_ptr_array_index (data->sessions, i));
  total = g_strdup_printf ("合計 %s 小時", hours);
  {
    const char *cells[] = { "總時數", NULL, NULL, NULL, NULL, total, NULL };
    td_print_table_row (table, cells, 20);
  }
  return TRUE;
}

gboolean
td_form_render_schedule (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  return td_form_render (store, course_id, output, FALSE, schedule_title, schedule_body, error);
}

/* --- lecturers (格式八 / 附表七) --------------------------------------------- */

static const char *
lecturers_title (TdFormData *data)
{
  return td_form_data_is_health (data) ? "講師名冊" : "講師概況";
}

/* The subjects a lecturer teaches in this course, each once. */
static char *
lecturer_subjects (TdFormData *data, gint64 lecturer_id)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < data->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (data->sessions, i);

      if (s->lecturer_id != lecturer_id || !g_hash_table_add (seen, s->subject))
        continue;
      g_string_append_printf (text, "%s%s", text->len ? "、" : "", s->subject);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
lecturers_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  TdFormData *data = user_data;
  static const TdPrintColumn columns[] = {
    { "序號", 0.5, TD_PRINT_ALIGN_CENTER }, { "姓名", 0.9, TD_PRINT_ALIGN_CENTER },
    { "學歷", 1.4, TD_PRINT_ALIGN_LEFT }, { "現職", 1.4, TD_PRINT_ALIGN_LEFT },
    { "經歷", 1.6, TD_PRINT_ALIGN_LEFT }, { "講授課程", 2.6, TD_PRINT_ALIGN_LEFT },
    { "符合講師資格條款", 1.6, TD_PRINT_ALIGN_LEFT },
  };
  TdFormHeading heading;
  g_autofree char *span = NULL;
  g_autoptr (TdPrintTable) table = NULL;

  td_form_heading_init (&heading, data, lecturers_title (data), &span, FALSE);
  td_print_doc_set_page_header (doc, td_form_heading_cb, &heading);
  table = td_print_table_new (doc, columns, G_N_ELEMENTS (columns), 8.5);
  for (guint i = 0; i < data->lecturers->len; i++)
    {
      TdLecturer *l = g_ptr_array_index (data->lecturers, i);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *subjects = lecturer_subjects (data, l->id);
      const char *cells[] = { no, l->name, td_form_str (l->education), td_form_str (l->post),
                              td_form_str (l->experience), subjects, td_form_str (l->qualifications) };

      td_print_table_row (table, cells, 22);
    }
  return TRUE;
}

gboolean
td_form_render_lecturers (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  return td_form_render (store, course_id, output, FALSE, lecturers_title, lecturers_body, error);
}
