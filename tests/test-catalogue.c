/* test-catalogue.c — the shipped category catalogue and the catalogue loader */
#include "config.h"

#include "td-catalogue.h"
#include "td-store.h"
#include "td-types.h"

#define OSH_RULES "職業安全衛生教育訓練規則"

static TdCatalogue *
load_shipped (void)
{
  g_autoptr (GError) error = NULL;
  TdCatalogue *catalogue = td_catalogue_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  return catalogue;
}

static guint
count_article (TdCatalogue *catalogue, const char *article)
{
  GPtrArray *categories = td_catalogue_get_categories (catalogue);
  guint n = 0;

  for (guint i = 0; i < categories->len; i++)
    if (g_str_equal (((TdCategory *) g_ptr_array_index (categories, i))->article, article))
      n++;
  return n;
}

static void
test_shipped_loads (void)
{
  g_autoptr (TdCatalogue) catalogue = load_shipped ();
  GPtrArray *categories = td_catalogue_get_categories (catalogue);
  guint total = 0;

  g_assert_cmpuint (categories->len, ==, 80);
  for (TdRegime r = TD_REGIME_OSH; r <= TD_REGIME_HOURS; r++)
    total += td_catalogue_list_regime (catalogue, r)->len;
  g_assert_cmpuint (total, ==, categories->len);
  g_assert_cmpuint (td_catalogue_list_regime (catalogue, TD_REGIME_HEALTH)->len, ==, 3);
  g_assert_cmpuint (td_catalogue_list_regime (catalogue, TD_REGIME_VR_CE)->len, ==, 6);
  g_assert_cmpuint (td_catalogue_list_regime (catalogue, TD_REGIME_HOURS)->len, ==, 1);
  g_assert_null (td_catalogue_lookup (catalogue, "no-such-category"));
  g_assert_null (td_catalogue_lookup (catalogue, NULL));

  /* The seeds give no course hours for these categories: the catalogue must not invent any. */
  for (guint i = 0; i < categories->len; i++)
    {
      const TdCategory *category = g_ptr_array_index (categories, i);
      g_assert_cmpint (category->statutory_minutes, ==, 0);
      g_assert_true (g_str_is_ascii (category->slug));
      g_assert_true (g_str_is_ascii (category->name_en));
      g_assert_true (g_utf8_validate (category->name, -1, NULL));
    }
}

static void
test_required_slugs (void)
{
  g_autoptr (TdCatalogue) catalogue = load_shipped ();
  struct { const char *slug; TdRegime regime; TdCourseKind kind; const char *article;
           const char *name; } expected[] = {
    { "first-aid", TD_REGIME_OSH, TD_COURSE_KIND_PROFESSIONAL, OSH_RULES "第16條", "急救人員" },
    { "general-safety", TD_REGIME_OSH, TD_COURSE_KIND_PROFESSIONAL, OSH_RULES "第17條",
      "一般安全衛生教育訓練" },
    { "forklift", TD_REGIME_OSH, TD_COURSE_KIND_PROFESSIONAL, OSH_RULES "第14條",
      "荷重在一公噸以上之堆高機操作人員" },
    { "osh-supervisor", TD_REGIME_OSH, TD_COURSE_KIND_PROFESSIONAL, OSH_RULES "第3條",
      "職業安全衛生業務主管" },
    { "health-doctor", TD_REGIME_HEALTH, TD_COURSE_KIND_PROFESSIONAL, "勞工健康保護規則第7條",
      NULL },
    { "health-nurse", TD_REGIME_HEALTH, TD_COURSE_KIND_PROFESSIONAL, "勞工健康保護規則第7條",
      NULL },
    { "health-inservice", TD_REGIME_HEALTH, TD_COURSE_KIND_IN_SERVICE, "勞工健康保護規則第8條",
      NULL },
    { "vr-case-manager", TD_REGIME_VR_CE, TD_COURSE_KIND_CONTINUING, NULL, "職業重建個案管理員" },
    { "learning-hours", TD_REGIME_HOURS, TD_COURSE_KIND_CONTINUING, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TdCategory *category = td_catalogue_lookup (catalogue, expected[i].slug);
      g_assert_nonnull (category);
      g_assert_cmpstr (category->slug, ==, expected[i].slug);
      g_assert_cmpint (category->regime, ==, expected[i].regime);
      g_assert_cmpint (category->default_kind, ==, expected[i].kind);
      if (expected[i].article != NULL)
        g_assert_cmpstr (category->article, ==, expected[i].article);
      if (expected[i].name != NULL)
        g_assert_cmpstr (category->name, ==, expected[i].name);
    }
  g_assert_cmpstr (td_catalogue_lookup (catalogue, "first-aid")->annex, ==, "附表十三");
}

static void
test_osh_articles (void)
{
  g_autoptr (TdCatalogue) catalogue = load_shipped ();
  struct { int article; guint n; const char *group; } counts[] = {
    { 3, 1, NULL }, { 4, 1, NULL }, { 5, 3, "職業安全衛生管理人員" }, { 6, 4, "作業環境監測人員" },
    { 7, 1, NULL }, { 8, 1, NULL }, { 9, 3, "高壓氣體作業主管" }, { 10, 8, "營造作業主管" },
    { 11, 8, "有害作業主管" }, { 12, 5, "具有危險性之機械操作人員" },
    { 13, 4, "具有危險性之設備操作人員" }, { 14, 14, "特殊作業人員" }, { 15, 1, NULL },
    { 16, 1, NULL }, { 17, 1, NULL }, { 18, 14, "安全衛生在職教育訓練" },
  };
  GPtrArray *categories = td_catalogue_get_categories (catalogue);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *article = g_strdup_printf (OSH_RULES "第%d條", counts[i].article);
      g_assert_cmpuint (count_article (catalogue, article), ==, counts[i].n);
      for (guint j = 0; j < categories->len; j++)
        {
          const TdCategory *category = g_ptr_array_index (categories, j);
          if (g_str_equal (category->article, article))
            g_assert_cmpstr (category->group, ==, counts[i].group);
        }
    }
  g_assert_cmpuint (td_catalogue_list_regime (catalogue, TD_REGIME_OSH)->len, ==, 70);
}

static void
test_special_operations (void)
{
  g_autoptr (TdCatalogue) catalogue = load_shipped ();
  const char *first = "小型鍋爐操作人員";
  const char *last = "油輪清艙作業人員";
  GPtrArray *osh = td_catalogue_list_regime (catalogue, TD_REGIME_OSH);
  g_autoptr (GPtrArray) art14 = g_ptr_array_new ();

  for (guint i = 0; i < osh->len; i++)
    {
      TdCategory *category = g_ptr_array_index (osh, i);
      if (g_str_equal (category->article, OSH_RULES "第14條"))
        g_ptr_array_add (art14, category);
    }
  /* The article's order is kept: 一、小型鍋爐 … 十四、油輪清艙. */
  g_assert_cmpuint (art14->len, ==, 14);
  g_assert_cmpstr (((TdCategory *) g_ptr_array_index (art14, 0))->name, ==, first);
  g_assert_cmpstr (((TdCategory *) g_ptr_array_index (art14, 13))->name, ==, last);
}

static void
test_inservice_roles (void)
{
  g_autoptr (TdCatalogue) catalogue = load_shipped ();
  GPtrArray *roles = td_catalogue_get_inservice_roles (catalogue);
  const TdInserviceRole *role;

  g_assert_cmpuint (roles->len, ==, 14);
  for (guint i = 0; i < roles->len; i++)
    {
      const TdCategory *category;
      role = g_ptr_array_index (roles, i);
      g_assert_cmpint (role->number, ==, (int) i + 1);
      g_assert_cmpstr (role->article, ==, OSH_RULES "第18條");
      category = td_catalogue_lookup (catalogue, role->category);
      g_assert_nonnull (category);
      g_assert_cmpint (category->inservice_role, ==, role->number);
      g_assert_cmpint (category->default_kind, ==, TD_COURSE_KIND_IN_SERVICE);
      g_assert_true (role == td_catalogue_get_inservice_role (catalogue, role->number));
      g_assert_cmpuint (g_strv_length (role->works), ==, role->number == 12 ? 7 : 0);
    }
  g_assert_cmpstr (td_catalogue_get_inservice_role (catalogue, 1)->name, ==, "職業安全衛生業務主管");
  g_assert_cmpstr (td_catalogue_get_inservice_role (catalogue, 9)->name, ==, "急救人員");
  g_assert_cmpstr (td_catalogue_get_inservice_role (catalogue, 13)->name, ==,
                   "前述各款以外之一般勞工");
  role = td_catalogue_get_inservice_role (catalogue, 12);
  g_assert_cmpstr (role->works[0], ==, "營造作業");
  g_assert_cmpstr (role->works[6], ==, "製造、處置或使用危害性化學品作業");
  g_assert_null (td_catalogue_get_inservice_role (catalogue, 0));
  g_assert_null (td_catalogue_get_inservice_role (catalogue, 15));
}

static void
test_health_templates (void)
{
  g_autoptr (TdCatalogue) catalogue = load_shipped ();
  const TdCategory *doctor = td_catalogue_lookup (catalogue, "health-doctor");
  const TdCategory *nurse = td_catalogue_lookup (catalogue, "health-nurse");
  const TdCategory *inservice = td_catalogue_lookup (catalogue, "health-inservice");
  TdCategorySubject *subject;

  /* 附表二 項次一–二十六, 附表三 項次一–十六, 附表四 項次一–三. */
  g_assert_cmpuint (doctor->subjects->len, ==, 26);
  g_assert_cmpuint (nurse->subjects->len, ==, 16);
  g_assert_cmpuint (inservice->subjects->len, ==, 3);

  subject = g_ptr_array_index (doctor->subjects, 0);
  g_assert_cmpstr (subject->name, ==, "職業衛生及健康檢查相關法規");
  g_assert_cmpint (subject->mode, ==, TD_SESSION_MODE_THEORY);
  subject = g_ptr_array_index (doctor->subjects, 25);
  g_assert_cmpstr (subject->name, ==, "臨場服務實習");
  g_assert_cmpint (subject->mode, ==, TD_SESSION_MODE_PRACTICUM);

  subject = g_ptr_array_index (nurse->subjects, 13);
  g_assert_cmpstr (subject->name, ==, "職場健康管理 (含實作4小時)");
  g_assert_cmpint (subject->practicum_minutes, ==, 4 * 60);
  g_assert_cmpint (subject->minutes, ==, 0);
  subject = g_ptr_array_index (nurse->subjects, 14);
  g_assert_cmpint (subject->practicum_minutes, ==, 3 * 60);

  for (guint i = 0; i < inservice->subjects->len; i++)
    {
      subject = g_ptr_array_index (inservice->subjects, i);
      g_assert_cmpint (subject->min_minutes, ==, 2 * 60);
    }
  subject = g_ptr_array_index (inservice->subjects, 2);
  g_assert_cmpstr (subject->name, ==, "職場健康管理實務");
}

static void
test_statutory_minutes (void)
{
  g_autoptr (TdCatalogue) catalogue = load_shipped ();
  g_autoptr (GError) error = NULL;
  g_autofree char *key = td_catalogue_hours_setting_key ("forklift");

  td_catalogue_set_statutory_minutes (catalogue, "first-aid", 18 * 60);
  g_assert_cmpint (td_catalogue_lookup (catalogue, "first-aid")->statutory_minutes, ==, 18 * 60);

  g_assert_false (td_catalogue_correct_statutory_minutes (catalogue, "nope", 60, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (td_catalogue_correct_statutory_minutes (catalogue, "first-aid", -1, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (td_catalogue_lookup (catalogue, "first-aid")->statutory_minutes, ==, 18 * 60);

  g_assert_cmpstr (key, ==, "catalogue.hours.forklift");
  g_assert_true (td_catalogue_apply_setting (catalogue, key, "1080", &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_catalogue_lookup (catalogue, "forklift")->statutory_minutes, ==, 1080);
  g_assert_false (td_catalogue_apply_setting (catalogue, key, "18h", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, key));
  g_clear_error (&error);
  g_assert_false (td_catalogue_apply_setting (catalogue, "catalogue.hours.nope", "60", &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (td_catalogue_apply_setting (catalogue, "evening-start", "18:00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_catalogue_lookup (catalogue, "forklift")->statutory_minutes, ==, 1080);
}

static void
test_store_corrections (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-catalogue-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr (TdStore) store = td_store_open (path, &error);
  g_autoptr (TdCatalogue) first = load_shipped ();
  g_autoptr (TdCatalogue) second = load_shipped ();
  g_autofree char *stored = NULL;

  g_assert_no_error (error);
  g_assert_true (td_catalogue_save_correction (first, store, "general-safety", 180, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_catalogue_lookup (first, "general-safety")->statutory_minutes, ==, 180);
  stored = td_store_get_setting (store, "catalogue.hours.general-safety", NULL);
  g_assert_cmpstr (stored, ==, "180");

  g_assert_false (td_catalogue_save_correction (first, store, "general-safety", -3, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_catalogue_save_correction (first, store, "nope", 60, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&stored, g_free);
  stored = td_store_get_setting (store, "catalogue.hours.nope", NULL);
  g_assert_null (stored);

  /* A catalogue loaded later picks the correction up from the store. */
  g_assert_cmpint (td_catalogue_lookup (second, "general-safety")->statutory_minutes, ==, 0);
  g_assert_true (td_catalogue_load_corrections (second, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (td_catalogue_lookup (second, "general-safety")->statutory_minutes, ==, 180);

  g_assert_true (td_store_set_setting (store, "catalogue.hours.first-aid", "three hours", &error));
  g_assert_no_error (error);
  g_assert_false (td_catalogue_load_corrections (second, store, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "catalogue.hours.first-aid"));
  g_assert_cmpint (td_catalogue_lookup (second, "first-aid")->statutory_minutes, ==, 0);

  g_clear_object (&store);
  g_assert_cmpint (system (cmd), ==, 0);
}

#define CAT(extra) \
  "{\"slug\":\"a-b\",\"regime\":\"osh\",\"kind\":\"professional\",\"name\":\"甲\"," \
  "\"name_en\":\"A\",\"article\":\"第1條\"" extra "}"
#define DOC(cats) "{\"format\":\"training-desk/catalogue@1\",\"categories\":[" cats "]}"

static void
test_malformed (void)
{
  struct { const char *json; const char *path; } cases[] = {
    { "[", NULL },
    { "[]", "$:" },
    { "{\"format\":\"training-desk/catalogue@2\",\"categories\":[]}", "$.format" },
    { "{\"format\":\"training-desk/catalogue@1\",\"categories\":[],\"x\":1}", "“x”" },
    { "{\"format\":\"training-desk/catalogue@1\"}", "$.categories" },
    { DOC (CAT (",\"colour\":\"red\"")), "$.categories[0]: unknown key “colour”" },
    { DOC (CAT ("") "," CAT ("")), "$.categories[1].slug" },
    { DOC ("{\"slug\":\"a\",\"regime\":\"osha\",\"kind\":\"professional\",\"name\":\"甲\","
           "\"name_en\":\"A\",\"article\":\"第1條\"}"), "$.categories[0].regime" },
    { DOC ("{\"slug\":\"a\",\"regime\":\"osh\",\"kind\":\"pre-service\",\"name\":\"甲\","
           "\"name_en\":\"A\",\"article\":\"第1條\"}"), "$.categories[0].kind" },
    { DOC ("{\"slug\":\"First_Aid\",\"regime\":\"osh\",\"kind\":\"professional\","
           "\"name\":\"甲\",\"name_en\":\"A\",\"article\":\"第1條\"}"), "$.categories[0].slug" },
    { DOC ("{\"slug\":\"a\",\"regime\":\"osh\",\"kind\":\"professional\",\"name\":\"\","
           "\"name_en\":\"A\",\"article\":\"第1條\"}"), "$.categories[0].name" },
    { DOC ("{\"slug\":\"a\",\"regime\":\"osh\",\"kind\":\"professional\",\"name\":\"甲\","
           "\"article\":\"第1條\"}"), "$.categories[0].name_en" },
    { DOC (CAT (",\"statutory_minutes\":-5")), "$.categories[0].statutory_minutes" },
    { DOC (CAT (",\"statutory_minutes\":1.5")), "$.categories[0].statutory_minutes" },
    { DOC (CAT (",\"subjects\":[{\"name\":\"x\"},{\"name\":\"y\",\"mode\":\"lab\"}]")),
      "$.categories[0].subjects[1].mode" },
    { DOC (CAT (",\"subjects\":[{\"name\":\"x\",\"hours\":3}]")),
      "$.categories[0].subjects[0]: unknown key “hours”" },
    { DOC (CAT (",\"inservice_role\":{\"number\":1}")), "$.categories[0].inservice_role" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *json = cases[i].json;
      g_autoptr (TdCatalogue) catalogue = td_catalogue_load_from_data (json, strlen (json), &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (catalogue);
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      if (cases[i].path != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].path));
    }
}

static void
test_role_numbering (void)
{
  const char *gap = DOC (
    "{\"slug\":\"r-one\",\"regime\":\"osh\",\"kind\":\"in-service\",\"name\":\"甲\","
    "\"name_en\":\"A\",\"article\":\"第18條\",\"inservice_role\":{\"number\":1}},"
    "{\"slug\":\"r-three\",\"regime\":\"osh\",\"kind\":\"in-service\",\"name\":\"乙\","
    "\"name_en\":\"B\",\"article\":\"第18條\",\"inservice_role\":{\"number\":3}}");
  const char *twice = DOC (
    "{\"slug\":\"r-one\",\"regime\":\"osh\",\"kind\":\"in-service\",\"name\":\"甲\","
    "\"name_en\":\"A\",\"article\":\"第18條\",\"inservice_role\":{\"number\":1}},"
    "{\"slug\":\"r-two\",\"regime\":\"osh\",\"kind\":\"in-service\",\"name\":\"乙\","
    "\"name_en\":\"B\",\"article\":\"第18條\",\"inservice_role\":{\"number\":1}}");
  const char *good = DOC (
    "{\"slug\":\"r-two\",\"regime\":\"osh\",\"kind\":\"in-service\",\"name\":\"乙\","
    "\"name_en\":\"B\",\"article\":\"第18條\",\"inservice_role\":{\"number\":2,"
    "\"works\":[\"營造作業\"]}},"
    "{\"slug\":\"r-one\",\"regime\":\"osh\",\"kind\":\"in-service\",\"name\":\"甲\","
    "\"name_en\":\"A\",\"article\":\"第18條\",\"inservice_role\":{\"number\":1}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCatalogue) catalogue = NULL;

  g_assert_null (td_catalogue_load_from_data (gap, strlen (gap), &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.categories"));
  g_clear_error (&error);
  g_assert_null (td_catalogue_load_from_data (twice, strlen (twice), &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.categories[1].inservice_role.number"));
  g_clear_error (&error);

  catalogue = td_catalogue_load_from_data (good, strlen (good), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (td_catalogue_get_inservice_role (catalogue, 1)->category, ==, "r-one");
  g_assert_cmpstr (td_catalogue_get_inservice_role (catalogue, 2)->works[0], ==, "營造作業");
  g_assert_cmpuint (g_strv_length (td_catalogue_get_inservice_role (catalogue, 1)->works), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/shipped-loads", test_shipped_loads);
  g_test_add_func ("/catalogue/required-slugs", test_required_slugs);
  g_test_add_func ("/catalogue/osh-articles", test_osh_articles);
  g_test_add_func ("/catalogue/special-operations", test_special_operations);
  g_test_add_func ("/catalogue/inservice-roles", test_inservice_roles);
  g_test_add_func ("/catalogue/health-templates", test_health_templates);
  g_test_add_func ("/catalogue/statutory-minutes", test_statutory_minutes);
  g_test_add_func ("/catalogue/store-corrections", test_store_corrections);
  g_test_add_func ("/catalogue/malformed", test_malformed);
  g_test_add_func ("/catalogue/role-numbering", test_role_numbering);

  return g_test_run ();
}
