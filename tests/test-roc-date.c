/* test-roc-date.c — ROC calendar formatting and parsing */
#include "config.h"

#include "td-roc-date.h"
#include "td-types.h"

static void
test_format (void)
{
  g_autofree char *longf = td_roc_date_format ("2024-12-12", TD_ROC_FORMAT_LONG);
  g_autofree char *slash = td_roc_date_format ("2024-01-02", TD_ROC_FORMAT_SLASH);
  g_autofree char *bad = td_roc_date_format ("2024-02-30", TD_ROC_FORMAT_LONG);

  g_assert_cmpstr (longf, ==, "民國113年12月12日");
  g_assert_cmpstr (slash, ==, "113/01/02");
  g_assert_null (bad);
}

static void
test_parse (void)
{
  struct { const char *in; const char *iso; } vectors[] = {
    { "113/12/12", "2024-12-12" }, { "113.12.12", "2024-12-12" }, { "1131212", "2024-12-12" },
    { "113/1/2", "2024-01-02" },   { "2024-12-12", "2024-12-12" }, { "2024/1/2", "2024-01-02" },
    { "民國113年12月12日", "2024-12-12" }, { "0991231", "2010-12-31" }, { "991231", "2010-12-31" },
    { " 113/02/29 ", "2024-02-29" }, { "20241212", "2024-12-12" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = td_roc_date_parse (vectors[i].in, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, vectors[i].iso);
    }
}

static void
test_parse_invalid (void)
{
  const char *bad[] = { "", "112/02/29", "113/13/01", "abc", "113/12", "2024-12-32", "0/1/1" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = td_roc_date_parse (bad[i], &error);
      g_assert_null (iso);
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
    }
}

static void
test_arithmetic (void)
{
  int days = 0;
  g_autofree char *later = td_iso_date_add_days ("2024-02-28", 2);
  g_autofree char *earlier = td_iso_date_add_days ("2024-05-06", -15);

  g_assert_true (td_iso_date_diff_days ("2024-04-21", "2024-05-06", &days));
  g_assert_cmpint (days, ==, 15);
  g_assert_cmpstr (later, ==, "2024-03-01");
  g_assert_cmpstr (earlier, ==, "2024-04-21");
  g_assert_false (td_iso_date_is_valid ("2024-2-28"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roc-date/format", test_format);
  g_test_add_func ("/roc-date/parse", test_parse);
  g_test_add_func ("/roc-date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/roc-date/arithmetic", test_arithmetic);
  return g_test_run ();
}
