/* test-forms.c — the statutory forms of src/print, read back with poppler.
 *
 * Each form is rendered for courses of the demo centre (td_demo_populate) and for a
 * built 150-trainee course, then opened with poppler-glib: the pages must be A4, the
 * statutory title and every field label must be there, and so must every trainee a
 * form lists. Text is compared with white space removed, since poppler returns a
 * wrapped cell as two lines.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "td-attendance-desk.h"
#include "td-demo.h"
#include "td-forms.h"
#include "td-national-id.h"
#include "td-pdf-merge.h"
#include "td-store-private.h"

#define TODAY "2026-11-23"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

typedef struct {
  char *dir;
  TdStore *store;
} Fixture;

static char *shared_dir;
static TdStore *demo_store;   /* the demo centre, shared by the tests that only read it */

/* --- helpers --------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-forms-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  PopplerDocument *doc = poppler_document_new_from_gfile (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* The text of page @index with white space removed. */
static char *
page_text (PopplerDocument *doc, int index)
{
  PopplerPage *page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);

  g_object_unref (page);
  return squeeze (text);
}

static char *
document_text (PopplerDocument *doc)
{
  g_autoptr (GString) all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = page_text (doc, i);
      g_string_append (all, text);
    }
  return g_strdup (all->str);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (haystack, squeezed) == NULL)
    g_error ("“%s” is not in the PDF text", needle);
}

static void
assert_a4 (PopplerDocument *doc, gboolean landscape)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (landscape ? h : w, 595.0, 1.0);
      g_assert_cmpfloat_with_epsilon (landscape ? w : h, 842.0, 1.0);
      g_object_unref (page);
    }
}

static TdCourse *
find_demo_course (TdRegime regime, const char *category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = td_store_list_courses (demo_store, NULL, 0, 100, &error);

  g_assert_no_error (error);
  /* Oldest first: the earliest course of a category has ended, with attendance recorded. */
  for (guint i = courses->len; i-- > 0;)
    {
      TdCourse *c = g_ptr_array_index (courses, i);
      if (c->regime == regime && g_strcmp0 (c->category, category) == 0)
        return g_object_ref (c);
    }
  g_error ("the demo centre has no %s course", category);
}

static char *
render (TdFormRenderFunc func, TdStore *store, gint64 course_id, const char *dir,
        const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (func (store, course_id, file, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* --- the forms, per regime -------------------------------------------------- */

typedef struct {
  const char *name;
  TdFormRenderFunc func;
  const char *osh_title;
  const char *health_title;
  const char *labels[12];
  gboolean lists_everyone;   /* every trainee on the roster appears */
  gboolean landscape;
} FormCase;

static const FormCase form_cases[] = {
  { "signin-sheet", td_form_render_signin_sheet, "學員簽到紀錄", "受訓人員簽到（簽退）紀錄",
    { "訓練機構(單位)全銜", "訓練種類(類別)", "訓練場所地址", "期別", "教室名稱", "課程名稱", "上課時間",
      "座號", "簽名（簽到）", "輔導員簽名", "講師簽名", "四、輔導員於每日第 1 節過 20 分鐘後，應確實點名。" },
    TRUE, FALSE },
  { "rollcall", td_form_render_rollcall, "受訓學員點名紀錄", "受訓人員點名紀錄",
    { "訓練機構(單位)全銜", "訓練種類(類別)", "期別", "訓練期間", "上課日期", "受訓人數", "缺課人員姓名",
      "缺課超過五分之一受訓人員名單", "需再補課人員名單及時數", "未參加實習或實作並完成報告書之受訓人員名單" },
    FALSE, FALSE },
  { "roster", td_form_render_roster, "學員名冊", "受訓人員名冊",
    { "序號", "姓名", "出生年月日", "身分證統一編號", "戶籍地址", "連絡地址", "電話", "電子郵件信箱", "學歷",
      "服務單位", "資格證書字號", "備註" },
    TRUE, TRUE },
  { "scores", td_form_render_scores, "受訓學員成績冊", "受訓學員成績冊",
    { "訓練機構(單位)全銜", "期別", "序號", "姓名", "身分證統一編號", "測驗成績", "合格與否", "及格分數" },
    TRUE, FALSE },
  { "issuance-list", td_form_render_issuance_list, NULL, "專業訓練受訓人員結業證書核發清冊",
    { "訓練機構(單位)全銜", "訓練種類(類別)", "期別", "備查文號", "序號", "姓名", "出生年月日",
      "身分證統一編號", "發證日期" },
    FALSE, FALSE },
  { "plan", td_form_render_plan, "教育訓練計畫報備書", "訓練計畫報備書",
    { "訓練機構(單位)全銜", "訓練種類(類別)", "期別", "一、訓練期間", "二、訓練場所", "三、受訓人數",
      "四、輔導員", "五、教材", "核定結果", "負責人姓名", "此致" },
    FALSE, FALSE },
  { "schedule", td_form_render_schedule, "教育訓練課程表", "訓練課程表",
    { "訓練機構(單位)全銜", "訓練場所地址", "教室名稱", "輔導員姓名", "電話", "傳真", "日期", "時間",
      "課程名稱", "時數", "講師", "總時數" },
    FALSE, FALSE },
  { "lecturers", td_form_render_lecturers, "講師概況", "講師名冊",
    { "訓練機構(單位)全銜", "期別", "姓名", "學歷", "現職", "經歷", "講授課程", "符合講師資格條款" },
    FALSE, FALSE },
  { "inservice-record", td_form_render_inservice_record, "在職教育訓練紀錄",
    "在職教育訓練受訓人員時數登錄清冊",
    { "姓名", "出生年月日", "身分證統一編號" },
    TRUE, FALSE },
  { "practicum", td_form_render_practicum, "專業訓練受訓人員實習或實作報告書審核結果",
    "專業訓練受訓人員實習或實作報告書審核結果",
    { "訓練機構(單位)全銜", "訓練種類", "期別", "訓練期間", "實習日期", "實習場所名稱",
      "實習或實作報告書審核結果" },
    TRUE, FALSE },
};

static const char *
expected_title (const FormCase *fc, TdCourse *course)
{
  if (course->regime == TD_REGIME_HEALTH)
    return fc->health_title;
  if (fc->osh_title != NULL)
    return fc->osh_title;
  return course->exam_mode == TD_EXAM_MODE_SKILLS ? "受訓學員訓練期滿證明核發清冊"
                                                  : "受訓學員結業證書核發清冊";
}

static void
check_form (Fixture *f, const FormCase *fc, TdCourse *course)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = render (fc->func, demo_store, course->id, f->dir, "form.pdf");
  g_autoptr (PopplerDocument) doc = open_pdf (path);
  g_autofree char *text = document_text (doc);
  g_autoptr (TdUnit) unit = td_store_get_unit (demo_store, &error);
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (demo_store, course->id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
  assert_a4 (doc, fc->landscape);
  assert_contains (text, expected_title (fc, course));
  assert_contains (text, unit->title);
  assert_contains (text, course->period);
  assert_contains (text, "第1頁，共");
  for (guint i = 0; i < G_N_ELEMENTS (fc->labels) && fc->labels[i] != NULL; i++)
    assert_contains (text, fc->labels[i]);
  for (guint i = 0; fc->lists_everyone && i < enrolments->len; i++)
    assert_contains (text, ((TdEnrolment *) g_ptr_array_index (enrolments, i))->trainee->name);
}

static void
test_forms_regime (Fixture *f, gconstpointer data)
{
  gboolean health = GPOINTER_TO_INT (data);
  g_autoptr (TdCourse) course = health ? find_demo_course (TD_REGIME_HEALTH, "health-doctor")
                                       : find_demo_course (TD_REGIME_OSH, "first-aid");

  for (guint i = 0; i < G_N_ELEMENTS (form_cases); i++)
    {
      g_test_message ("form %s", form_cases[i].name);
      check_form (f, &form_cases[i], course);
    }
}

/* --- content ---------------------------------------------------------------- */

/* The sign-in sheet has a page per session (70 seats), each naming its subject. */
static void
test_signin_sessions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = find_demo_course (TD_REGIME_HEALTH, "health-doctor");
  g_autoptr (GPtrArray) sessions = td_store_list_sessions (demo_store, course->id, &error);
  g_autofree char *path = render (td_form_render_signin_sheet, demo_store, course->id, f->dir,
                                  "signin.pdf");
  g_autoptr (PopplerDocument) doc = open_pdf (path);

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, sessions->len);
  for (guint i = 0; i < sessions->len; i++)
    {
      g_autofree char *text = page_text (doc, i);
      TdSession *s = g_ptr_array_index (sessions, i);

      assert_contains (text, s->subject);
      assert_contains (text, "70");
    }
}

/* The forms carry the course's data: absentees and leave in the roll call, failed
 * scores, each session's subject and lecturer, the counsellor. */
static void
test_content (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = find_demo_course (TD_REGIME_OSH, "first-aid");
  g_autoptr (GPtrArray) sessions = td_store_list_sessions (demo_store, course->id, &error);
  g_autoptr (GPtrArray) attendance = td_store_list_attendance (demo_store, course->id, &error);
  g_autoptr (GPtrArray) scores = td_store_list_scores (demo_store, course->id, &error);
  g_autofree char *rollcall = render (td_form_render_rollcall, demo_store, course->id, f->dir,
                                      "rollcall.pdf");
  g_autofree char *schedule = render (td_form_render_schedule, demo_store, course->id, f->dir,
                                      "schedule.pdf");
  g_autofree char *scores_pdf = render (td_form_render_scores, demo_store, course->id, f->dir,
                                        "scores.pdf");
  g_autoptr (PopplerDocument) rollcall_doc = open_pdf (rollcall);
  g_autoptr (PopplerDocument) schedule_doc = open_pdf (schedule);
  g_autoptr (PopplerDocument) scores_doc = open_pdf (scores_pdf);
  g_autofree char *rollcall_text = document_text (rollcall_doc);
  g_autofree char *schedule_text = document_text (schedule_doc);
  g_autofree char *scores_text = document_text (scores_doc);
  gboolean saw_leave = FALSE, saw_fail = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < attendance->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (attendance, i);
      g_autoptr (TdTrainee) t = NULL;

      if (a->status == TD_ATTENDANCE_PRESENT)
        continue;
      t = td_store_get_trainee (demo_store, a->trainee_id, &error);
      assert_contains (rollcall_text, t->name);
      if (a->status == TD_ATTENDANCE_LEAVE)
        {
          g_autofree char *leave = g_strdup_printf ("%s請假", t->name);
          assert_contains (rollcall_text, leave);
          saw_leave = TRUE;
        }
    }
  g_assert_true (saw_leave);
  for (guint i = 0; i < sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (sessions, i);
      g_autoptr (TdLecturer) l = s->lecturer_id ? td_store_get_lecturer (demo_store, s->lecturer_id,
                                                                         &error)
                                                : NULL;
      assert_contains (schedule_text, s->subject);
      if (l != NULL)
        assert_contains (schedule_text, l->name);
    }
  assert_contains (schedule_text, course->counsellor_name);
  for (guint i = 0; i < scores->len; i++)
    saw_fail |= ((TdScore *) g_ptr_array_index (scores, i))->score < 60;
  if (saw_fail)
    assert_contains (scores_text, "不合格");
  assert_contains (scores_text, "合格");
}

/* A valid certificate's number is listed; a voided one's is not. */
static void
test_issuance_certificates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = find_demo_course (TD_REGIME_OSH, "first-aid");
  g_autoptr (GPtrArray) enrolments = td_store_list_enrolments (demo_store, course->id, &error);
  TdTrainee *first = ((TdEnrolment *) g_ptr_array_index (enrolments, 0))->trainee;
  TdTrainee *second = ((TdEnrolment *) g_ptr_array_index (enrolments, 1))->trainee;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO certificate (number, course_id, trainee_id, issued_on) VALUES "
    "('TEST-CERT-0001', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-10-01');"
    "INSERT INTO certificate (number, course_id, trainee_id, issued_on, voided_at, void_reason)"
    " VALUES ('TEST-VOID-0002', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-10-01',"
    " '2026-10-02', 'lost');",
    course->id, first->id, course->id, second->id);
  g_autofree char *path = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  /* Certificates cannot be deleted (0003-certificates.sql): the test rows live in a
   * transaction that is rolled back at the end. */
  g_assert_true (td_store_begin (demo_store, &error));
  g_assert_true (td_store_exec (demo_store, sql, &error));
  g_assert_no_error (error);
  path = render (td_form_render_issuance_list, demo_store, course->id, f->dir, "list.pdf");
  doc = open_pdf (path);
  text = document_text (doc);
  assert_contains (text, "TEST-CERT-0001");
  assert_contains (text, first->name);
  assert_contains (text, "115/10/01");
  g_assert_null (strstr (text, "TEST-VOID-0002"));
  td_store_rollback (demo_store);
}

/* --- a long roster ----------------------------------------------------------- */

/* A valid national ID: letter A (10), sex digit 1, then @n in seven digits and a check. */
static char *
make_national_id (guint n)
{
  static const int weights[] = { 7, 6, 5, 4, 3, 2, 1 };
  g_autofree char *digits = g_strdup_printf ("1%07u", n);
  int sum = 1 * 1 + 0 * 9;

  sum += (digits[0] - '0') * 8;
  for (guint i = 0; i < 7; i++)
    sum += (digits[i + 1] - '0') * weights[i];
  return g_strdup_printf ("A%s%d", digits, (10 - sum % 10) % 10);
}

static TdStore *
build_long_course (Fixture *f, guint n_trainees, gint64 *course_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = g_build_filename (f->dir, "long.db", NULL);
  g_autoptr (TdStore) store = td_store_open (db, &error);
  g_autoptr (TdCourse) course = td_course_new ();
  g_autoptr (TdUnit) unit = td_unit_new ();
  g_autoptr (TdSession) session = td_session_new ();

  g_assert_no_error (error);
  unit->title = g_strdup ("測試訓練中心");
  g_assert_true (td_store_save_unit (store, unit, &error));
  course->regime = TD_REGIME_OSH;
  course->category = g_strdup ("first-aid");
  course->title = g_strdup ("急救人員安全衛生教育訓練");
  course->period = g_strdup ("109-99");
  course->start_date = g_strdup ("2020-12-01");
  course->end_date = g_strdup ("2020-12-03");
  g_assert_true (td_store_save_course (store, course, &error));
  session->course_id = course->id;
  session->date = g_strdup ("2020-12-01");
  session->start_time = g_strdup ("09:00");
  session->end_time = g_strdup ("12:00");
  session->subject = g_strdup ("急救概論");
  g_assert_true (td_store_save_session (store, session, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= n_trainees; i++)
    {
      g_autoptr (TdTrainee) t = td_trainee_new ();

      t->national_id = make_national_id (i);
      t->name = g_strdup_printf ("學員%03u", i);
      t->birth_date = g_strdup ("1990-01-02");
      g_assert_true (td_store_enrol (store, course->id, t, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  *course_id = course->id;
  return g_steal_pointer (&store);
}

static void
test_long_roster (Fixture *f, gconstpointer data)
{
  gint64 course_id;
  g_autofree char *path = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *all = NULL;
  int n_pages;

  f->store = build_long_course (f, 150, &course_id);
  path = render (td_form_render_roster, f->store, course_id, f->dir, "roster.pdf");
  doc = open_pdf (path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >, 1);
  assert_a4 (doc, TRUE);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (doc, i);
      g_autofree char *footer = g_strdup_printf ("第%d頁，共%d頁", i + 1, n_pages);

      /* Every page repeats the title block and the column headers. */
      assert_contains (text, "學員名冊");
      assert_contains (text, "測試訓練中心");
      assert_contains (text, "身分證統一編號");
      assert_contains (text, "資格證書字號");
      assert_contains (text, footer);
    }
  all = document_text (doc);
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("學員%03u", i);
      g_autofree char *id = make_national_id (i);

      assert_contains (all, name);
      assert_contains (all, id);   /* in full: the roster is filed */
    }
}

/* 150 trainees fill three sheets of 70 seats; the last seat is 210. */
static void
test_long_signin (Fixture *f, gconstpointer data)
{
  gint64 course_id;
  g_autofree char *path = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *last = NULL;

  g_autoptr (GError) error = NULL;
  g_autoptr (TdUnit) unit = NULL;

  f->store = build_long_course (f, 150, &course_id);
  /* A title block three lines taller than usual still leaves one page per 70 seats. */
  unit = td_store_get_unit (f->store, &error);
  g_free (unit->title);
  unit->title = g_strdup ("測試訓練中心附設職業安全衛生教育訓練暨勞工健康服務人員訓練專責單位"
                          "與職業災害預防及重建中心合辦之南區教育訓練暨實習場所");
  g_assert_true (td_store_save_unit (f->store, unit, &error));
  g_assert_no_error (error);
  path = render (td_form_render_signin_sheet, f->store, course_id, f->dir, "signin.pdf");
  doc = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 3);
  last = page_text (doc, 2);
  assert_contains (last, "學員150");
  assert_contains (last, "210");
  assert_contains (last, "學員簽到紀錄");
  g_assert_null (strstr (last, "學員070"));
}

/* --- off the main loop --------------------------------------------------------- */

typedef struct {
  gboolean done;
  gboolean ok;
  GError *error;
} AsyncOutcome;

static void
render_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncOutcome *outcome = user_data;

  outcome->ok = td_form_render_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
test_render_async (Fixture *f, gconstpointer data)
{
  g_autoptr (TdCourse) course = find_demo_course (TD_REGIME_HEALTH, "health-doctor");
  g_autofree char *path = g_build_filename (f->dir, "roster.pdf", NULL);
  g_autoptr (GFile) output = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AsyncOutcome outcome = { FALSE, FALSE, NULL };
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  td_form_render_async (demo_store, td_form_render_roster, course->id, output, NULL,
                        render_done_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  doc = open_pdf (path);
  text = document_text (doc);
  assert_contains (text, "受訓人員名冊");

  /* Cancelled before it starts: an error, and no file. */
  g_unlink (path);
  outcome = (AsyncOutcome) { FALSE, FALSE, NULL };
  g_cancellable_cancel (cancellable);
  td_form_render_async (demo_store, td_form_render_roster, course->id, output, cancellable,
                        render_done_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A course with no trainees and no timetable still prints every form: blank sheets to
 * fill in by hand, with their title blocks. */
static void
test_empty_course (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  gint64 course_id;

  f->store = build_long_course (f, 0, &course_id);
  sessions = td_store_list_sessions (f->store, course_id, &error);
  g_assert_true (td_store_delete_session (f->store,
                                          ((TdSession *) g_ptr_array_index (sessions, 0))->id,
                                          &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (form_cases); i++)
    {
      const FormCase *fc = &form_cases[i];
      g_autofree char *path = render (fc->func, f->store, course_id, f->dir, "empty.pdf");
      g_autoptr (PopplerDocument) doc = open_pdf (path);
      g_autofree char *text = document_text (doc);

      g_test_message ("form %s", fc->name);
      g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
      assert_a4 (doc, fc->landscape);
      assert_contains (text, fc->osh_title ? fc->osh_title : "受訓學員結業證書核發清冊");
      assert_contains (text, "測試訓練中心");
    }
}

static guint
count_occurrences (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* One session where only the first of 150 trainees came, 20 minutes late: the roll
 * call's absentee cell and closing lists are taller than a page, so the rows split
 * across pages, each line once, none lost. */
static void
test_rollcall_split_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 course_id;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) enrolments = NULL;
  g_autoptr (TdAttendance) present = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  f->store = build_long_course (f, 150, &course_id);
  sessions = td_store_list_sessions (f->store, course_id, &error);
  enrolments = td_store_list_enrolments (f->store, course_id, &error);
  present = td_attendance_new (((TdSession *) g_ptr_array_index (sessions, 0))->id,
                               ((TdEnrolment *) g_ptr_array_index (enrolments, 0))->trainee->id,
                               TD_ATTENDANCE_PRESENT);
  present->in_time = g_strdup ("09:20");
  g_assert_true (td_store_record_attendance (f->store, present, &error));
  g_assert_no_error (error);

  path = render (td_form_render_rollcall, f->store, course_id, f->dir, "rollcall.pdf");
  doc = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >, 1);
  text = document_text (doc);
  /* late: a remark, and its first period truant, so over one fifth and to make up */
  assert_contains (text, "學員001遲到 09:20");
  g_assert_cmpuint (count_occurrences (text, "學員001"), ==, 3);
  for (guint i = 2; i <= 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("學員%03u", i);

      /* absent from the session, over one fifth, and to make up */
      g_assert_cmpuint (count_occurrences (text, name), ==, 3);
    }
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *page = page_text (doc, i);
      assert_contains (page, "缺課人員姓名");   /* the header row repeats */
    }
}

/* The roll call shows when the counsellor took the roll, and a recorded make-up takes
 * the trainee off the make-up list. */
static void
test_rollcall_records (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 course_id;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) enrolments = NULL;
  g_autoptr (TdRollcall) roll = g_new0 (TdRollcall, 1);
  g_autoptr (TdCourse) later = td_course_new ();
  g_autoptr (TdSession) makeup_session = td_session_new ();
  TdSession *missed;
  TdTrainee *second;
  g_autofree char *path = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  f->store = build_long_course (f, 3, &course_id);
  sessions = td_store_list_sessions (f->store, course_id, &error);
  enrolments = td_store_list_enrolments (f->store, course_id, &error);
  missed = g_ptr_array_index (sessions, 0);
  second = ((TdEnrolment *) g_ptr_array_index (enrolments, 1))->trainee;
  roll->session_id = missed->id;
  roll->taken_at = g_strdup ("2020-12-01T09:20:00");
  roll->taken_by = g_strdup ("葉秀娟");
  roll->absent = 3;
  g_assert_true (td_store_record_rollcall (f->store, roll, &error));
  g_assert_no_error (error);

  later->regime = TD_REGIME_OSH;
  later->category = g_strdup ("first-aid");
  later->title = g_strdup ("急救人員安全衛生教育訓練");
  later->period = g_strdup ("109-100");
  later->start_date = g_strdup ("2020-12-10");
  later->end_date = g_strdup ("2020-12-12");
  g_assert_true (td_store_save_course (f->store, later, &error));
  makeup_session->course_id = later->id;
  makeup_session->date = g_strdup ("2020-12-10");
  makeup_session->start_time = g_strdup ("09:00");
  makeup_session->end_time = g_strdup ("12:00");
  makeup_session->subject = g_strdup ("急救概論");
  g_assert_true (td_store_save_session (f->store, makeup_session, &error));
  g_assert_true (td_store_record_makeup (f->store, second->id, missed->id, makeup_session->id,
                                         180, &error));
  g_assert_no_error (error);

  path = render (td_form_render_rollcall, f->store, course_id, f->dir, "rollcall.pdf");
  doc = open_pdf (path);
  text = document_text (doc);
  assert_contains (text, "點名 09:20");
  /* 學員002: absent from the session and over one fifth, but made up */
  g_assert_cmpuint (count_occurrences (text, "學員002"), ==, 2);
  g_assert_cmpuint (count_occurrences (text, "學員003"), ==, 3);
  assert_contains (text, "學員003 3 小時");
}

/* Leave prints the hours recorded for it; the make-up list counts them, and truancy
 * for the rest of a session without a sign-in. */
static void
test_rollcall_partial_leave (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 course_id;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) enrolments = NULL;
  g_autoptr (TdAttendance) back = NULL;
  TdSession *s;
  gint64 t[4];
  g_autofree char *path = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  f->store = build_long_course (f, 4, &course_id);
  sessions = td_store_list_sessions (f->store, course_id, &error);
  enrolments = td_store_list_enrolments (f->store, course_id, &error);
  s = g_ptr_array_index (sessions, 0);
  g_assert_cmpuint (enrolments->len, >=, G_N_ELEMENTS (t));
  for (guint i = 0; i < G_N_ELEMENTS (t); i++)
    t[i] = ((TdEnrolment *) g_ptr_array_index (enrolments, i))->trainee->id;
  /* 學員001: the first 2 hours off, then signed in for the third. */
  g_assert_true (td_store_record_leave (f->store, s->id, t[0], "personal", 120, NULL, &error));
  back = td_attendance_new (s->id, t[0], TD_ATTENDANCE_PRESENT);
  back->in_time = g_strdup ("11:00");
  g_assert_true (td_store_record_attendance (f->store, back, &error));
  /* 學員002: an hour of sick leave, and no sign-in at all. */
  g_assert_true (td_store_record_leave (f->store, s->id, t[1], "sick", 60, "診斷證明", &error));
  g_clear_pointer (&back, td_attendance_free);
  back = td_attendance_new (s->id, t[2], TD_ATTENDANCE_PRESENT);
  back->in_time = g_strdup ("09:00");
  g_assert_true (td_store_record_attendance (f->store, back, &error));
  /* 學員004: the first hour off, then in 30 minutes after it ended: late past the limit. */
  g_assert_true (td_store_record_leave (f->store, s->id, t[3], "personal", 60, NULL, &error));
  g_clear_pointer (&back, td_attendance_free);
  back = td_attendance_new (s->id, t[3], TD_ATTENDANCE_PRESENT);
  back->in_time = g_strdup ("10:30");
  g_assert_true (td_store_record_attendance (f->store, back, &error));
  g_assert_no_error (error);

  path = render (td_form_render_rollcall, f->store, course_id, f->dir, "rollcall.pdf");
  doc = open_pdf (path);
  text = document_text (doc);
  assert_contains (text, "學員001請假 2 小時（事假）");
  assert_contains (text, "學員002請假 1 小時（病假）");
  assert_contains (text, "學員001 2 小時");
  assert_contains (text, "學員002 3 小時");
  g_assert_cmpuint (count_occurrences (text, "學員003"), ==, 0);
  /* Signing in on time after leave is not late; 30 minutes after it is. */
  g_assert_cmpuint (count_occurrences (text, "學員001遲到"), ==, 0);
  assert_contains (text, "學員004請假 1 小時（事假）");
  assert_contains (text, "學員004遲到 10:30");
}

/* --- merging ------------------------------------------------------------------ */

static void
test_pdf_merge (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = find_demo_course (TD_REGIME_HEALTH, "health-doctor");
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *out_path = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (out_path);
  TdFormRenderFunc funcs[] = { td_form_render_plan, td_form_render_roster,
                               td_form_render_schedule };
  int expected_pages = 0;
  gsize bytes = 0;
  gboolean over = TRUE;
  g_autoptr (PopplerDocument) merged = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  for (guint i = 0; i < G_N_ELEMENTS (funcs); i++)
    {
      g_autofree char *name = g_strdup_printf ("in%u.pdf", i);
      g_autofree char *path = render (funcs[i], demo_store, course->id, f->dir, name);
      g_autoptr (PopplerDocument) doc = open_pdf (path);

      expected_pages += poppler_document_get_n_pages (doc);
      g_ptr_array_add (inputs, g_file_new_for_path (path));
    }
  g_assert_true (td_pdf_merge (inputs, out, &bytes, &over, &error));
  g_assert_no_error (error);
  g_assert_false (over);
  g_assert_cmpint (g_stat (out_path, &st), ==, 0);
  g_assert_cmpuint (bytes, ==, (gsize) st.st_size);
  merged = open_pdf (out_path);
  g_assert_cmpint (poppler_document_get_n_pages (merged), ==, expected_pages);
  /* Pages keep their size (the roster is landscape) and their text. */
  {
    PopplerPage *second = poppler_document_get_page (merged, 1);
    double w, h;
    poppler_page_get_size (second, &w, &h);
    g_assert_cmpfloat_with_epsilon (w, 842.0, 1.0);
    g_object_unref (second);
  }
  text = document_text (merged);
  assert_contains (text, "訓練計畫報備書");
  assert_contains (text, "受訓人員名冊");
  assert_contains (text, "訓練課程表");
}

static void
merge_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncOutcome *outcome = user_data;
  gsize bytes = 0;

  outcome->ok = td_pdf_merge_finish (result, &bytes, NULL, &outcome->error);
  g_assert_true (!outcome->ok || bytes > 0);
  outcome->done = TRUE;
}

static void
test_pdf_merge_async (Fixture *f, gconstpointer data)
{
  g_autoptr (TdCourse) course = find_demo_course (TD_REGIME_OSH, "first-aid");
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *plan = render (td_form_render_plan, demo_store, course->id, f->dir, "a.pdf");
  g_autofree char *out_path = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (out_path);
  AsyncOutcome outcome = { FALSE, FALSE, NULL };
  g_autoptr (PopplerDocument) doc = NULL;

  g_ptr_array_add (inputs, g_file_new_for_path (plan));
  g_ptr_array_add (inputs, g_file_new_for_path (plan));
  td_pdf_merge_async (inputs, out, NULL, merge_done_cb, &outcome);
  g_ptr_array_set_size (inputs, 0);   /* the merge works on its own copy */
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  doc = open_pdf (out_path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
}

/* A file that is not a PDF stops the merge; nothing is written. */
static void
test_pdf_merge_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *bad = g_build_filename (f->dir, "notes.pdf", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "merged.pdf", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (out_path);
  gsize bytes = 0;

  g_assert_true (g_file_set_contents (bad, "just text", -1, NULL));
  g_ptr_array_add (inputs, g_file_new_for_path (bad));
  g_assert_false (td_pdf_merge (inputs, out, &bytes, NULL, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "notes.pdf"));
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_ptr_array_set_size (inputs, 0);
  g_assert_false (td_pdf_merge (inputs, out, &bytes, NULL, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

/* --- no Chinese font ------------------------------------------------------------- */

/* Runs in a child process whose fontconfig sees no fonts at all. */
static void
test_no_cjk_font (Fixture *f, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *conf = g_build_filename (f->dir, "fonts.conf", NULL);
      g_autofree char *path = g_build_filename (f->dir, "sheet.pdf", NULL);
      g_autoptr (GFile) out = g_file_new_for_path (path);
      g_autoptr (TdCourse) course = find_demo_course (TD_REGIME_OSH, "first-aid");

      g_assert_true (g_file_set_contents (conf, "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n",
                                          -1, NULL));
      g_setenv ("FONTCONFIG_FILE", conf, TRUE);
      g_assert_false (td_form_render_signin_sheet (demo_store, course->id, out, &error));
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "No Chinese font is installed (install fonts-noto-cjk).");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
add (const char *path, void (*func) (Fixture *, gconstpointer), gconstpointer data)
{
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;
  int status;

  /* Messages name Chinese text: print it as UTF-8, not as "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shared_dir = g_dir_make_tmp ("test-forms-demo-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (shared_dir, "demo.db", NULL);
  demo_store = td_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (td_demo_populate (demo_store, TODAY, &error));
  g_assert_no_error (error);

  add ("/forms/osh", test_forms_regime, GINT_TO_POINTER (FALSE));
  add ("/forms/health", test_forms_regime, GINT_TO_POINTER (TRUE));
  add ("/forms/content", test_content, NULL);
  add ("/forms/signin/sessions", test_signin_sessions, NULL);
  add ("/forms/signin/long", test_long_signin, NULL);
  add ("/forms/roster/long", test_long_roster, NULL);
  add ("/forms/rollcall/split-rows", test_rollcall_split_rows, NULL);
  add ("/forms/rollcall/records", test_rollcall_records, NULL);
  add ("/forms/rollcall/partial-leave", test_rollcall_partial_leave, NULL);
  add ("/forms/empty-course", test_empty_course, NULL);
  add ("/forms/issuance/certificates", test_issuance_certificates, NULL);
  add ("/forms/async", test_render_async, NULL);
  add ("/forms/merge", test_pdf_merge, NULL);
  add ("/forms/merge/bad-input", test_pdf_merge_bad_input, NULL);
  add ("/forms/merge/async", test_pdf_merge_async, NULL);
  add ("/forms/no-cjk-font", test_no_cjk_font, NULL);
  status = g_test_run ();
  g_clear_object (&demo_store);
  remove_tree (shared_dir);
  g_free (shared_dir);
  return status;
}
