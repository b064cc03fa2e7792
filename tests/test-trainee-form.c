/* test-trainee-form.c — the person form: validation, dirty state, photo, build */
#include "config.h"

#include "td-trainee-form.h"

static TdTrainee *
make_stored_trainee (void)
{
  TdTrainee *trainee = td_trainee_new ();

  trainee->id = 7;
  trainee->name = g_strdup ("王小明");
  trainee->national_id = g_strdup ("A123456789");
  trainee->birth_date = g_strdup ("1990-05-01");
  trainee->employer = g_strdup ("台灣電力公司");
  return trainee;
}

static void
test_new_form (void)
{
  g_autoptr (TdTraineeForm) form = td_trainee_form_new (NULL);

  g_assert_true (td_trainee_form_is_new (form));
  g_assert_false (td_trainee_form_is_dirty (form));
  /* An empty person lacks a name and an ID. */
  g_assert_false (td_trainee_form_is_valid (form));
  g_assert_nonnull (td_trainee_form_get_message (form, TD_TRAINEE_FIELD_NAME));
  g_assert_nonnull (td_trainee_form_get_message (form, TD_TRAINEE_FIELD_NATIONAL_ID));
  g_assert_null (td_trainee_form_get_message (form, TD_TRAINEE_FIELD_BIRTH_DATE));

  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_NAME, "陳美玲");
  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_NATIONAL_ID, "a123456780");
  g_assert_nonnull (td_trainee_form_get_message (form, TD_TRAINEE_FIELD_NATIONAL_ID));
  g_assert_false (td_trainee_form_is_valid (form));

  /* Lower case and full-width letters are what people type; they are accepted. */
  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_NATIONAL_ID, "ａ１２３４５６７８９");
  g_assert_null (td_trainee_form_get_message (form, TD_TRAINEE_FIELD_NATIONAL_ID));
  g_assert_true (td_trainee_form_is_valid (form));
  g_assert_true (td_trainee_form_is_dirty (form));
}

static void
test_existing_form (void)
{
  g_autoptr (TdTrainee) stored = make_stored_trainee ();
  g_autoptr (TdTraineeForm) form = td_trainee_form_new (stored);

  g_assert_false (td_trainee_form_is_new (form));
  g_assert_true (td_trainee_form_is_valid (form));
  g_assert_false (td_trainee_form_is_dirty (form));
  g_assert_cmpstr (td_trainee_form_get_text (form, TD_TRAINEE_FIELD_BIRTH_DATE), ==, "079/05/01");

  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_PHONE, "02-2345 6789");
  g_assert_true (td_trainee_form_is_dirty (form));
  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_PHONE, "");
  g_assert_false (td_trainee_form_is_dirty (form));

  /* Trailing spaces alone do not make a change. */
  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_NAME, "王小明 ");
  g_assert_false (td_trainee_form_is_dirty (form));

  /* Editing never touches the original. */
  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_NAME, "王大明");
  g_assert_cmpstr (td_trainee_form_get_original (form)->name, ==, "王小明");
  g_assert_cmpstr (stored->name, ==, "王小明");
}

static void
test_field_checks (void)
{
  g_autoptr (TdTrainee) stored = make_stored_trainee ();
  g_autoptr (TdTraineeForm) form = td_trainee_form_new (stored);
  struct { TdTraineeField field; const char *text; gboolean ok; } cases[] = {
    { TD_TRAINEE_FIELD_BIRTH_DATE, "79/5/1", TRUE },
    { TD_TRAINEE_FIELD_BIRTH_DATE, "1990-05-01", TRUE },
    { TD_TRAINEE_FIELD_BIRTH_DATE, "", TRUE },
    { TD_TRAINEE_FIELD_BIRTH_DATE, "112/02/29", FALSE },
    { TD_TRAINEE_FIELD_BIRTH_DATE, "999/01/01", FALSE },
    { TD_TRAINEE_FIELD_EMAIL, "ming@example.com.tw", TRUE },
    { TD_TRAINEE_FIELD_EMAIL, "ming.example.com", FALSE },
    { TD_TRAINEE_FIELD_EMAIL, "ming@localhost", FALSE },
    { TD_TRAINEE_FIELD_EMAIL, "a@b@c.tw", FALSE },
    { TD_TRAINEE_FIELD_PHONE, "(02) 2345-6789 #12", TRUE },
    { TD_TRAINEE_FIELD_PHONE, "call me", FALSE },
    { TD_TRAINEE_FIELD_NAME, "   ", FALSE },
    { TD_TRAINEE_FIELD_NATIONAL_ID, "A1234567890", FALSE },
    { TD_TRAINEE_FIELD_NATIONAL_ID, "A 123456789", FALSE },
    { TD_TRAINEE_FIELD_REMARK, "3", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *original = td_trainee_form_get_text (form, cases[i].field);
      g_autofree char *keep = g_strdup (original);

      td_trainee_form_set_text (form, cases[i].field, cases[i].text);
      g_assert_cmpint (td_trainee_form_get_message (form, cases[i].field) == NULL, ==, cases[i].ok);
      g_assert_cmpint (td_trainee_form_is_valid (form), ==, cases[i].ok);
      td_trainee_form_set_text (form, cases[i].field, keep);
      g_assert_true (td_trainee_form_is_valid (form));
    }
}

static void
test_build (void)
{
  g_autoptr (TdTrainee) stored = make_stored_trainee ();
  g_autoptr (TdTraineeForm) form = td_trainee_form_new (stored);
  g_autoptr (TdTrainee) built = NULL;
  g_autoptr (GError) error = NULL;

  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_BIRTH_DATE, "80/1/2");
  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_NATIONAL_ID, " b123456780 ");
  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_EMPLOYER, TD_TRAINEE_UNEMPLOYED);
  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_EMAIL, "  ");
  built = td_trainee_form_build (form, &error);
  g_assert_no_error (error);
  g_assert_cmpint (built->id, ==, 7);
  g_assert_cmpstr (built->birth_date, ==, "1991-01-02");
  g_assert_cmpstr (built->national_id, ==, "B123456780");
  g_assert_cmpstr (built->employer, ==, "待業中");
  g_assert_null (built->email);

  td_trainee_form_mark_saved (form, built);
  g_assert_false (td_trainee_form_is_dirty (form));
  g_assert_cmpstr (td_trainee_form_get_original (form)->national_id, ==, "B123456780");

  td_trainee_form_set_text (form, TD_TRAINEE_FIELD_NATIONAL_ID, "B12345678");
  g_clear_object (&built);
  built = td_trainee_form_build (form, &error);
  g_assert_null (built);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

static void
test_photo (void)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  static const guchar gif[] = { 'G', 'I', 'F', '8', '9', 'a', 0, 0 };
  g_autoptr (TdTrainee) stored = make_stored_trainee ();
  g_autoptr (TdTraineeForm) form = td_trainee_form_new (stored);
  g_autoptr (GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr (GBytes) gif_bytes = g_bytes_new_static (gif, sizeof gif);
  g_autoptr (GBytes) huge = g_bytes_new_take (g_malloc0 (TD_TRAINEE_PHOTO_MAX_BYTES + 1),
                                              TD_TRAINEE_PHOTO_MAX_BYTES + 1);
  g_autoptr (GError) error = NULL;
  const char *mime_type = NULL;

  g_assert_false (td_trainee_form_set_photo (form, gif_bytes, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_trainee_form_set_photo (form, huge, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (td_trainee_form_get_photo (form, NULL));
  g_assert_false (td_trainee_form_is_dirty (form));

  g_assert_true (td_trainee_form_set_photo (form, png_bytes, &error));
  g_assert_no_error (error);
  g_assert_true (td_trainee_form_get_photo (form, &mime_type) == png_bytes);
  g_assert_cmpstr (mime_type, ==, "image/png");
  g_assert_true (td_trainee_form_is_dirty (form));
}

static void
test_remark_codes (void)
{
  g_assert_null (td_trainee_remark_code_label (0));
  for (guint code = 1; code <= 5; code++)
    g_assert_nonnull (td_trainee_remark_code_label (code));
  g_assert_null (td_trainee_remark_code_label (6));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trainee-form/new", test_new_form);
  g_test_add_func ("/trainee-form/existing", test_existing_form);
  g_test_add_func ("/trainee-form/field-checks", test_field_checks);
  g_test_add_func ("/trainee-form/build", test_build);
  g_test_add_func ("/trainee-form/photo", test_photo);
  g_test_add_func ("/trainee-form/remark-codes", test_remark_codes);
  return g_test_run ();
}
