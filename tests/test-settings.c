/* test-settings.c — centre settings and where their defaults come from */
#include "config.h"

#include <glib/gstdio.h>

#include "td-settings.h"

static void
test_defaults (void)
{
  g_autofree char *evening = td_settings_get_default (TD_SETTING_EVENING_START);
  g_autofree char *pass = td_settings_get_default (TD_SETTING_PASS_MARK);
  g_autofree char *prefix = td_settings_get_default (TD_SETTING_CERTIFICATE_PREFIX);
  g_autofree char *unknown = td_settings_get_default ("no-such-setting");

  /* evening-start is a rule-pack parameter; the others come from settings.json. */
  g_assert_cmpstr (evening, ==, "18:00");
  g_assert_cmpstr (pass, ==, "60");
  g_assert_cmpstr (prefix, ==, "");
  g_assert_null (unknown);
}

static void
test_stored_value_wins (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-settings-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "t.db", NULL);
  g_autoptr (TdStore) store = td_store_open (path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_no_error (error);
  before = td_settings_get (store, TD_SETTING_EVENING_START);
  g_assert_true (td_store_set_setting (store, TD_SETTING_EVENING_START, "17:30", &error));
  after = td_settings_get (store, TD_SETTING_EVENING_START);
  g_assert_cmpstr (before, ==, "18:00");
  g_assert_cmpstr (after, ==, "17:30");
  g_clear_object (&store);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settings/defaults", test_defaults);
  g_test_add_func ("/settings/stored-value-wins", test_stored_value_wins);
  return g_test_run ();
}
