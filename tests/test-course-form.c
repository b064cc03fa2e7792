/* test-course-form.c — the course editor's form, without a display */
#include "config.h"

#include <glib/gstdio.h>

#include "td-course-form.h"
#include "td-store.h"

static void
fill_valid (TdCourseForm *form)
{
  td_course_form_set_text (form, TD_COURSE_FIELD_TITLE, "急救人員安全衛生教育訓練");
  td_course_form_set_text (form, TD_COURSE_FIELD_CATEGORY, "first-aid");
  td_course_form_set_text (form, TD_COURSE_FIELD_PERIOD, "113-05");
  td_course_form_set_text (form, TD_COURSE_FIELD_START_DATE, "113/05/06");
  td_course_form_set_text (form, TD_COURSE_FIELD_END_DATE, "113/5/8");
}

static void
test_new_form_requires_fields (void)
{
  g_autoptr (TdCourseForm) form = td_course_form_new (NULL);

  g_assert_true (td_course_form_is_new (form));
  g_assert_false (td_course_form_is_modified (form));
  g_assert_false (td_course_form_is_valid (form));
  g_assert_nonnull (td_course_form_get_error (form, TD_COURSE_FIELD_TITLE));
  g_assert_nonnull (td_course_form_get_error (form, TD_COURSE_FIELD_CATEGORY));
  g_assert_nonnull (td_course_form_get_error (form, TD_COURSE_FIELD_START_DATE));
  g_assert_nonnull (td_course_form_get_error (form, TD_COURSE_FIELD_END_DATE));
  g_assert_null (td_course_form_get_error (form, TD_COURSE_FIELD_PERIOD));

  fill_valid (form);
  g_assert_true (td_course_form_is_valid (form));
  g_assert_true (td_course_form_is_modified (form));
  g_assert_null (td_course_form_dup_errors (form));
}

static void
test_roc_dates (void)
{
  g_autoptr (TdCourseForm) form = td_course_form_new (NULL);
  TdCourse *course = td_course_form_get_course (form);
  g_autofree char *shown = NULL;
  g_autofree char *raw = NULL;

  fill_valid (form);
  g_assert_cmpstr (course->start_date, ==, "2024-05-06");
  g_assert_cmpstr (course->end_date, ==, "2024-05-08");
  shown = td_course_form_dup_text (form, TD_COURSE_FIELD_END_DATE);
  g_assert_cmpstr (shown, ==, "113/05/08");

  /* A bad date keeps what was typed, says why, and leaves the stored value alone. */
  td_course_form_set_text (form, TD_COURSE_FIELD_END_DATE, "113/13/01");
  g_assert_nonnull (td_course_form_get_error (form, TD_COURSE_FIELD_END_DATE));
  g_assert_false (td_course_form_is_valid (form));
  g_assert_cmpstr (course->end_date, ==, "2024-05-08");
  raw = td_course_form_dup_text (form, TD_COURSE_FIELD_END_DATE);
  g_assert_cmpstr (raw, ==, "113/13/01");

  /* End before start. */
  td_course_form_set_text (form, TD_COURSE_FIELD_END_DATE, "113/05/01");
  g_assert_cmpstr (td_course_form_get_error (form, TD_COURSE_FIELD_END_DATE), ==,
                   "The course cannot end before it starts.");
  td_course_form_set_text (form, TD_COURSE_FIELD_END_DATE, "2024-05-06");
  g_assert_true (td_course_form_is_valid (form));

  /* Filed-on is optional but must be a date when given. */
  td_course_form_set_text (form, TD_COURSE_FIELD_FILED_ON, "yesterday");
  g_assert_nonnull (td_course_form_get_error (form, TD_COURSE_FIELD_FILED_ON));
  td_course_form_set_text (form, TD_COURSE_FIELD_FILED_ON, "");
  g_assert_null (td_course_form_get_error (form, TD_COURSE_FIELD_FILED_ON));
  g_assert_null (course->filed_on);
}

static void
test_numbers_and_flags (void)
{
  g_autoptr (TdCourseForm) form = td_course_form_new (NULL);
  TdCourse *course = td_course_form_get_course (form);

  td_course_form_set_text (form, TD_COURSE_FIELD_CAPACITY, "40");
  g_assert_cmpint (course->capacity, ==, 40);
  td_course_form_set_text (form, TD_COURSE_FIELD_CAPACITY, "-3");
  g_assert_nonnull (td_course_form_get_error (form, TD_COURSE_FIELD_CAPACITY));
  g_assert_cmpint (course->capacity, ==, 40);
  td_course_form_set_text (form, TD_COURSE_FIELD_FEE, "4,500");
  g_assert_nonnull (td_course_form_get_error (form, TD_COURSE_FIELD_FEE));
  td_course_form_set_text (form, TD_COURSE_FIELD_FEE, " 4500 ");
  g_assert_null (td_course_form_get_error (form, TD_COURSE_FIELD_FEE));
  g_assert_cmpint (course->fee, ==, 4500);

  td_course_form_set_bool (form, TD_COURSE_FIELD_GROUP_DISCUSSION, TRUE);
  td_course_form_set_bool (form, TD_COURSE_FIELD_COUNSELLOR_QUALIFIED, TRUE);
  g_assert_true (course->group_discussion);
  g_assert_true (td_course_form_get_bool (form, TD_COURSE_FIELD_COUNSELLOR_QUALIFIED));
  td_course_form_set_enum (form, TD_COURSE_FIELD_EXAM_MODE, TD_EXAM_MODE_OWN);
  td_course_form_set_enum (form, TD_COURSE_FIELD_STATUS, TD_COURSE_STATUS_FILED);
  g_assert_cmpint (course->exam_mode, ==, TD_EXAM_MODE_OWN);
  g_assert_cmpint (td_course_form_get_enum (form, TD_COURSE_FIELD_STATUS), ==,
                   TD_COURSE_STATUS_FILED);

  /* Blank text fields are stored as NULL, not "". */
  td_course_form_set_text (form, TD_COURSE_FIELD_VENUE_NAME, "  ");
  g_assert_null (course->venue_name);
}

static void
test_modified_and_revert (void)
{
  g_autoptr (TdCourse) original = td_course_new ();
  g_autoptr (TdCourseForm) form = NULL;
  guint changes = 0;

  original->id = 7;
  original->title = g_strdup ("舊名稱");
  form = td_course_form_new (original);
  g_signal_connect_swapped (form, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  g_assert_false (td_course_form_is_new (form));
  g_assert_false (td_course_form_is_modified (form));
  td_course_form_set_text (form, TD_COURSE_FIELD_TITLE, "新名稱");
  g_assert_true (td_course_form_is_modified (form));
  g_assert_cmpstr (original->title, ==, "舊名稱");
  td_course_form_set_text (form, TD_COURSE_FIELD_TITLE, "舊名稱");
  g_assert_false (td_course_form_is_modified (form));

  /* Unreadable text counts as a change even though the course value is unchanged. */
  td_course_form_set_text (form, TD_COURSE_FIELD_START_DATE, "113/02/30");
  g_assert_true (td_course_form_is_modified (form));
  td_course_form_revert (form);
  g_assert_false (td_course_form_is_modified (form));
  g_assert_null (td_course_form_get_error (form, TD_COURSE_FIELD_TITLE));
  g_assert_cmpuint (changes, ==, 4);
}

static void
test_save (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-form-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr (TdStore) store = td_store_open (path, &error);
  g_autoptr (TdCourseForm) form = td_course_form_new (NULL);
  g_autoptr (TdCourse) loaded = NULL;

  g_assert_no_error (error);

  /* Invalid: refused before the store is asked, nothing written. */
  g_assert_false (td_course_form_save (form, store, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);
  g_assert_cmpuint (td_store_count_courses (store, NULL, &error), ==, 0);

  fill_valid (form);
  td_course_form_set_text (form, TD_COURSE_FIELD_CAPACITY, "30");
  g_assert_true (td_course_form_save (form, store, &error));
  g_assert_no_error (error);
  g_assert_false (td_course_form_is_new (form));
  g_assert_false (td_course_form_is_modified (form));

  loaded = td_store_get_course (store, td_course_form_get_course (form)->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->start_date, ==, "2024-05-06");
  g_assert_cmpint (loaded->capacity, ==, 30);

  /* A second save updates the same row. */
  td_course_form_set_text (form, TD_COURSE_FIELD_CLASSROOM, "第1教室");
  g_assert_true (td_course_form_save (form, store, &error));
  g_assert_cmpuint (td_store_count_courses (store, NULL, &error), ==, 1);

  g_clear_object (&store);
  g_remove (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course-form/new-requires-fields", test_new_form_requires_fields);
  g_test_add_func ("/course-form/roc-dates", test_roc_dates);
  g_test_add_func ("/course-form/numbers-and-flags", test_numbers_and_flags);
  g_test_add_func ("/course-form/modified-and-revert", test_modified_and_revert);
  g_test_add_func ("/course-form/save", test_save);

  return g_test_run ();
}
