/* test-national-id.c — national ID and resident certificate numbers (DOMAIN §9) */
#include "config.h"

#include "td-national-id.h"
#include "td-types.h"

static void
test_valid_kinds (void)
{
  struct { const char *id; TdIdKind kind; } vectors[] = {
    { "A123456789", TD_ID_KIND_NATIONAL },
    { "F131104093", TD_ID_KIND_NATIONAL },
    { "B234567894", TD_ID_KIND_NATIONAL },
    { "A800000014", TD_ID_KIND_ARC },
    { "A900000016", TD_ID_KIND_ARC },
    { "AC01234567", TD_ID_KIND_ARC_OLD },
  };
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr (GError) error = NULL;
      TdIdKind kind = td_national_id_validate (vectors[i].id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, vectors[i].kind);
    }
}

static void
test_invalid (void)
{
  const char *bad[] = { "A123456788", "A12345678", "A1234567890", "1123456789", "A323456789",
                        "AE12345678", "A12345678X", "" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_assert_cmpint (td_national_id_validate (bad[i], &error), ==, TD_ID_KIND_INVALID);
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
    }
}

static void
test_normalize (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *lower = td_national_id_normalize ("  a123456789 ", &error);
  g_autofree char *wide = NULL;
  g_autofree char *inner = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lower, ==, "A123456789");
  wide = td_national_id_normalize ("Ａ１２３４５６７８９", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wide, ==, "A123456789");
  inner = td_national_id_normalize ("A123 456789", &error);
  g_assert_null (inner);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
}

static void
test_mask (void)
{
  g_autofree char *masked = td_national_id_mask ("A123456789");
  g_autofree char *none = td_national_id_mask (NULL);
  g_assert_cmpstr (masked, ==, "A12****789");
  g_assert_cmpstr (none, ==, "**********");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/national-id/valid-kinds", test_valid_kinds);
  g_test_add_func ("/national-id/invalid", test_invalid);
  g_test_add_func ("/national-id/normalize", test_normalize);
  g_test_add_func ("/national-id/mask", test_mask);
  return g_test_run ();
}
