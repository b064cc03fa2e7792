/* test-session-form.c — a timetable row being edited, without a display */
#include "config.h"

#include <glib/gstdio.h>

#include "td-session-form.h"
#include "td-store.h"

static void
fill (TdSessionForm *form, const char *date, const char *start, const char *end,
      const char *subject)
{
  td_session_form_set_text (form, TD_SESSION_FIELD_DATE, date);
  td_session_form_set_text (form, TD_SESSION_FIELD_START, start);
  td_session_form_set_text (form, TD_SESSION_FIELD_END, end);
  td_session_form_set_text (form, TD_SESSION_FIELD_SUBJECT, subject);
}

static void
test_new_and_valid (void)
{
  g_autoptr (TdSessionForm) form = td_session_form_new (NULL, 7);
  TdSession *s = td_session_form_get_session (form);
  g_autofree char *hours = NULL;
  g_autofree char *date = NULL;

  g_assert_true (td_session_form_is_new (form));
  g_assert_false (td_session_form_is_valid (form));
  for (guint i = 0; i < TD_SESSION_N_FIELDS; i++)
    g_assert_nonnull (td_session_form_get_error (form, i));

  fill (form, "1130506", "9:00", "1200", "急救概論");
  g_assert_true (td_session_form_is_valid (form));
  g_assert_null (td_session_form_dup_errors (form));
  g_assert_cmpint (s->course_id, ==, 7);
  g_assert_cmpstr (s->date, ==, "2024-05-06");
  g_assert_cmpstr (s->start_time, ==, "09:00");
  g_assert_cmpstr (s->end_time, ==, "12:00");
  g_assert_cmpint (s->minutes, ==, 180);
  hours = td_session_form_dup_text (form, TD_SESSION_FIELD_HOURS);
  g_assert_cmpstr (hours, ==, "3");
  date = td_session_form_dup_text (form, TD_SESSION_FIELD_DATE);
  g_assert_cmpstr (date, ==, "113/05/06");
}

static void
test_hours_follow_times (void)
{
  g_autoptr (TdSessionForm) form = td_session_form_new (NULL, 1);
  TdSession *s = td_session_form_get_session (form);
  g_autofree char *shown = NULL;

  fill (form, "113/05/06", "13:00", "16:30", "心肺復甦術");
  g_assert_cmpint (s->minutes, ==, 210);
  shown = td_session_form_dup_text (form, TD_SESSION_FIELD_HOURS);
  g_assert_cmpstr (shown, ==, "3.5");
  g_assert_false (td_session_form_get_hours_typed (form));

  /* Typed hours (a break inside the span) stay when the times change. */
  td_session_form_set_text (form, TD_SESSION_FIELD_HOURS, "3");
  td_session_form_set_text (form, TD_SESSION_FIELD_END, "17:00");
  g_assert_true (td_session_form_get_hours_typed (form));
  g_assert_cmpint (s->minutes, ==, 180);

  /* A stored session whose hours differ from its span keeps them too. */
  {
    g_autoptr (TdSessionForm) again = td_session_form_new (s, 1);

    g_assert_true (td_session_form_get_hours_typed (again));
    td_session_form_set_text (again, TD_SESSION_FIELD_START, "12:00");
    g_assert_cmpint (td_session_form_get_session (again)->minutes, ==, 180);
  }
}

static void
test_messages (void)
{
  g_autoptr (TdSessionForm) form = td_session_form_new (NULL, 1);
  TdSession *s = td_session_form_get_session (form);
  g_autofree char *raw = NULL;

  fill (form, "113/02/30", "9點", "08:00", "  ");
  g_assert_nonnull (td_session_form_get_error (form, TD_SESSION_FIELD_DATE));
  g_assert_cmpstr (td_session_form_get_error (form, TD_SESSION_FIELD_START), ==,
                   "Write the start time as HH:MM.");
  g_assert_cmpstr (td_session_form_get_error (form, TD_SESSION_FIELD_SUBJECT), ==,
                   "Enter the subject.");
  g_assert_null (s->date);
  raw = td_session_form_dup_text (form, TD_SESSION_FIELD_DATE);
  g_assert_cmpstr (raw, ==, "113/02/30");

  td_session_form_set_text (form, TD_SESSION_FIELD_START, "09:00");
  g_assert_cmpstr (td_session_form_get_error (form, TD_SESSION_FIELD_END), ==,
                   "The session must end after it starts.");
  td_session_form_set_text (form, TD_SESSION_FIELD_HOURS, "1,5");
  g_assert_nonnull (td_session_form_get_error (form, TD_SESSION_FIELD_HOURS));
  td_session_form_set_text (form, TD_SESSION_FIELD_HOURS, "0");
  g_assert_nonnull (td_session_form_get_error (form, TD_SESSION_FIELD_HOURS));
  td_session_form_set_text (form, TD_SESSION_FIELD_HOURS, "1.5");
  g_assert_null (td_session_form_get_error (form, TD_SESSION_FIELD_HOURS));
  g_assert_cmpint (s->minutes, ==, 90);
}

static void
test_format_hours (void)
{
  struct { int minutes; const char *text; } vectors[] = {
    { 60, "1" }, { 180, "3" }, { 90, "1.5" }, { 50, "0.83" }, { 45, "0.75" }, { 200, "3.33" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *text = td_format_minutes_as_hours (vectors[i].minutes);
      g_assert_cmpstr (text, ==, vectors[i].text);
    }
}

static void
test_save (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-session-form-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr (TdStore) store = td_store_open (path, &error);
  g_autoptr (TdCourse) course = td_course_new ();
  g_autoptr (TdSessionForm) form = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_assert_no_error (error);
  course->title = g_strdup ("急救人員安全衛生教育訓練");
  course->category = g_strdup ("first-aid");
  course->start_date = g_strdup ("2024-05-06");
  course->end_date = g_strdup ("2024-05-06");
  g_assert_true (td_store_save_course (store, course, &error));

  form = td_session_form_new (NULL, course->id);
  g_assert_false (td_session_form_save (form, store, 0, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);

  fill (form, "113/05/06", "09:00", "12:00", "急救概論");
  g_assert_true (td_session_form_save (form, store, 0, &error));
  g_assert_no_error (error);
  g_assert_false (td_session_form_is_new (form));
  sessions = td_store_list_sessions (store, course->id, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (((TdSession *) g_ptr_array_index (sessions, 0))->minutes, ==, 180);

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-form/new-and-valid", test_new_and_valid);
  g_test_add_func ("/session-form/hours-follow-times", test_hours_follow_times);
  g_test_add_func ("/session-form/messages", test_messages);
  g_test_add_func ("/session-form/format-hours", test_format_hours);
  g_test_add_func ("/session-form/save", test_save);

  return g_test_run ();
}
