/* td-catalogue.c — loading and validating the category catalogue */
#define G_LOG_DOMAIN "td-catalogue"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-catalogue.h"
#include "td-core-resources.h"
#include "td-store.h"

#define CATALOGUE_FORMAT "training-desk/catalogue@1"
#define CATALOGUE_RESOURCE "/io/github/trainingdesk/TrainingDesk/core/catalogue/categories.json"
#define HOURS_SETTING_PREFIX "catalogue.hours."
/* No course runs longer than this; a bigger number is a typing mistake, not a course. */
#define MAX_MINUTES (1000 * 60)
#define N_REGIMES (TD_REGIME_HOURS + 1)

struct _TdCatalogue {
  GObject parent_instance;

  GPtrArray *categories;            /* TdCategory*, owned, document order */
  GHashTable *by_slug;              /* slug → TdCategory*, borrowed */
  GPtrArray *by_regime[N_REGIMES];  /* TdCategory*, borrowed */
  GPtrArray *roles;                 /* TdInserviceRole*, owned, by number */
};

G_DEFINE_FINAL_TYPE (TdCatalogue, td_catalogue, G_TYPE_OBJECT)

static const char * const document_keys[] = { "format", "categories", NULL };
static const char * const category_keys[] = {
  "slug", "regime", "kind", "name", "name_en", "article", "annex", "group",
  "statutory_minutes", "subjects", "inservice_role", NULL
};
static const char * const subject_keys[] = {
  "name", "mode", "minutes", "min_minutes", "practicum_minutes", NULL
};
static const char * const role_keys[] = { "number", "works", NULL };

/* --- value helpers ------------------------------------------------------------ */

static void
subject_free (TdCategorySubject *subject)
{
  g_free (subject->name);
  g_free (subject);
}

static void
category_free (TdCategory *category)
{
  g_free (category->slug);
  g_free (category->name);
  g_free (category->name_en);
  g_free (category->article);
  g_free (category->group);
  g_free (category->annex);
  g_clear_pointer (&category->subjects, g_ptr_array_unref);
  g_free (category);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCategory, category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCategorySubject, subject_free)

static void
role_free (TdInserviceRole *role)
{
  g_free (role->name);
  g_free (role->name_en);
  g_free (role->article);
  g_free (role->category);
  g_strfreev (role->works);
  g_free (role);
}

static int
compare_roles (gconstpointer a, gconstpointer b)
{
  const TdInserviceRole *ra = *(TdInserviceRole * const *) a;
  const TdInserviceRole *rb = *(TdInserviceRole * const *) b;
  return ra->number - rb->number;
}

/* Stable identifiers travel in exchange files and settings keys, so only lower-case
 * ASCII words joined by single hyphens are accepted. */
static gboolean
is_kebab_slug (const char *slug)
{
  gboolean after_hyphen = TRUE;

  for (const char *p = slug; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_hyphen = FALSE;
      else if (*p == '-' && !after_hyphen)
        after_hyphen = TRUE;
      else
        return FALSE;
    }
  return !after_hyphen;
}

/* --- JSON readers: each names the JSON path of what it rejects ------------------ */

static gboolean
check_keys (JsonObject *object, const char *path, const char * const *allowed, GError **error)
{
  g_autoptr (GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                     _("%s: unknown key “%s”."), path, (const char *) l->data);
        return FALSE;
      }
  return TRUE;
}

/* Sets *@out to the string at @key, or NULL when an optional key is absent. */
static gboolean
read_string (JsonObject *object, const char *path, const char *key, gboolean required,
             const char **out, GError **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("%s.%s: this key is required."), path, key);
      return FALSE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING || *json_node_get_string (node) == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s.%s: expected a non-empty string."), path, key);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

/* Reads an optional whole number in 0..@max; absent means 0. */
static gboolean
read_count (JsonObject *object, const char *path, const char *key, gint64 max, int *out,
            GError **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("%s.%s: expected a whole number."),
                   path, key);
      return FALSE;
    }
  value = json_node_get_int (node);
  if (value < 0 || value > max)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s.%s: %" PRId64 " is outside 0 to %" PRId64 "."),
                   path, key, value, max);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

/* Returns the object or array at @path, or NULL with an error. */
static JsonNode *
expect_node (JsonNode *node, JsonNodeType type, const char *path, GError **error)
{
  if (node != NULL && JSON_NODE_TYPE (node) == type)
    return node;
  if (type == JSON_NODE_OBJECT)
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("%s: expected an object."), path);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("%s: expected an array."), path);
  return NULL;
}

static TdCategorySubject *
parse_subject (JsonNode *node, const char *path, GError **error)
{
  g_autoptr (TdCategorySubject) subject = g_new0 (TdCategorySubject, 1);
  JsonObject *object;
  const char *name, *mode;

  if (expect_node (node, JSON_NODE_OBJECT, path, error) == NULL)
    return NULL;
  object = json_node_get_object (node);
  if (!check_keys (object, path, subject_keys, error)
      || !read_string (object, path, "name", TRUE, &name, error)
      || !read_string (object, path, "mode", FALSE, &mode, error)
      || !read_count (object, path, "minutes", MAX_MINUTES, &subject->minutes, error)
      || !read_count (object, path, "min_minutes", MAX_MINUTES, &subject->min_minutes, error)
      || !read_count (object, path, "practicum_minutes", MAX_MINUTES,
                      &subject->practicum_minutes, error))
    return NULL;

  subject->name = g_strdup (name);
  subject->mode = TD_SESSION_MODE_THEORY;
  if (mode != NULL && !td_session_mode_from_string (mode, &subject->mode))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s.mode: “%s” is not a session mode (theory, practical, practicum)."),
                   path, mode);
      return NULL;
    }
  return g_steal_pointer (&subject);
}

static gboolean
parse_subjects (JsonObject *object, const char *path, TdCategory *category, GError **error)
{
  g_autofree char *array_path = g_strconcat (path, ".subjects", NULL);
  JsonNode *node = json_object_get_member (object, "subjects");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (expect_node (node, JSON_NODE_ARRAY, array_path, error) == NULL)
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", array_path, i);
      TdCategorySubject *subject = parse_subject (json_array_get_element (array, i),
                                                  item_path, error);
      if (subject == NULL)
        return FALSE;
      g_ptr_array_add (category->subjects, subject);
    }
  return TRUE;
}

static GStrv
parse_works (JsonObject *object, const char *path, GError **error)
{
  g_autofree char *array_path = g_strconcat (path, ".works", NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, "works");
  JsonArray *array;

  if (node == NULL)
    return g_strv_builder_end (builder);
  if (expect_node (node, JSON_NODE_ARRAY, array_path, error) == NULL)
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (json_node_get_value_type (item) != G_TYPE_STRING || *json_node_get_string (item) == '\0')
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _("%s[%u]: expected a non-empty string."), array_path, i);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  return g_strv_builder_end (builder);
}

/* An in-service category carries the OSH art. 18(1) role it trains. */
static TdInserviceRole *
parse_role (JsonObject *object, const char *path, const TdCategory *category, GError **error)
{
  g_autofree char *role_path = g_strconcat (path, ".inservice_role", NULL);
  JsonNode *node = json_object_get_member (object, "inservice_role");
  JsonObject *role_object;
  TdInserviceRole *role;
  g_auto (GStrv) works = NULL;
  int number;

  if (expect_node (node, JSON_NODE_OBJECT, role_path, error) == NULL)
    return NULL;
  role_object = json_node_get_object (node);
  if (!check_keys (role_object, role_path, role_keys, error)
      || !read_count (role_object, role_path, "number", G_MAXINT, &number, error))
    return NULL;
  if (number < 1)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s.number: a role number (1 or more) is required."), role_path);
      return NULL;
    }
  if (category->default_kind != TD_COURSE_KIND_IN_SERVICE)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s: only categories of kind “in-service” have a role."), role_path);
      return NULL;
    }
  works = parse_works (role_object, role_path, error);
  if (works == NULL)
    return NULL;

  role = g_new0 (TdInserviceRole, 1);
  role->number = number;
  role->name = g_strdup (category->name);
  role->name_en = g_strdup (category->name_en);
  role->article = g_strdup (category->article);
  role->category = g_strdup (category->slug);
  role->works = g_steal_pointer (&works);
  return role;
}

static gboolean
read_enums (JsonObject *object, const char *path, TdCategory *category, GError **error)
{
  const char *regime, *kind;

  if (!read_string (object, path, "regime", TRUE, &regime, error)
      || !read_string (object, path, "kind", TRUE, &kind, error))
    return FALSE;
  if (!td_regime_from_string (regime, &category->regime))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s.regime: “%s” is not a regime (osh, health, vr-ce, hours)."), path, regime);
      return FALSE;
    }
  if (!td_course_kind_from_string (kind, &category->default_kind))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s.kind: “%s” is not a course kind (professional, in-service, continuing)."),
                   path, kind);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_texts (JsonObject *object, const char *path, TdCategory *category, GError **error)
{
  const char *slug, *name, *name_en, *article, *annex, *group;

  if (!read_string (object, path, "slug", TRUE, &slug, error)
      || !read_string (object, path, "name", TRUE, &name, error)
      || !read_string (object, path, "name_en", TRUE, &name_en, error)
      || !read_string (object, path, "article", TRUE, &article, error)
      || !read_string (object, path, "annex", FALSE, &annex, error)
      || !read_string (object, path, "group", FALSE, &group, error))
    return FALSE;
  if (!is_kebab_slug (slug))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s.slug: “%s” is not a slug (lower-case ASCII words joined by hyphens)."),
                   path, slug);
      return FALSE;
    }
  category->slug = g_strdup (slug);
  category->name = g_strdup (name);
  category->name_en = g_strdup (name_en);
  category->article = g_strdup (article);
  category->annex = g_strdup (annex);
  category->group = g_strdup (group);
  return TRUE;
}

/* Parses one category; its role, if any, is returned through @role. */
static TdCategory *
parse_category (JsonNode *node, const char *path, TdInserviceRole **role, GError **error)
{
  g_autoptr (TdCategory) category = g_new0 (TdCategory, 1);
  JsonObject *object;

  *role = NULL;
  category->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) subject_free);
  if (expect_node (node, JSON_NODE_OBJECT, path, error) == NULL)
    return NULL;
  object = json_node_get_object (node);
  if (!check_keys (object, path, category_keys, error)
      || !read_texts (object, path, category, error)
      || !read_enums (object, path, category, error)
      || !read_count (object, path, "statutory_minutes", MAX_MINUTES,
                      &category->statutory_minutes, error)
      || !parse_subjects (object, path, category, error))
    return NULL;
  if (json_object_has_member (object, "inservice_role"))
    {
      *role = parse_role (object, path, category, error);
      if (*role == NULL)
        return NULL;
      category->inservice_role = (*role)->number;
    }
  return g_steal_pointer (&category);
}

/* --- building the catalogue ------------------------------------------------------ */

static gboolean
add_category (TdCatalogue *self, TdCategory *category, TdInserviceRole *role, const char *path,
              GError **error)
{
  g_autoptr (TdCategory) owned = category;

  if (g_hash_table_contains (self->by_slug, category->slug))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s.slug: “%s” is used by another category."), path, category->slug);
      g_clear_pointer (&role, role_free);
      return FALSE;
    }
  for (guint i = 0; role != NULL && i < self->roles->len; i++)
    if (((TdInserviceRole *) g_ptr_array_index (self->roles, i))->number == role->number)
      {
        g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                     _("%s.inservice_role.number: role %d is given to another category."),
                     path, role->number);
        role_free (role);
        return FALSE;
      }
  if (role != NULL)
    g_ptr_array_add (self->roles, role);
  g_hash_table_insert (self->by_slug, category->slug, category);
  g_ptr_array_add (self->by_regime[category->regime], category);
  g_ptr_array_add (self->categories, g_steal_pointer (&owned));
  return TRUE;
}

/* Rule checks look roles up by number, so the numbers must run 1..n like the article's. */
static gboolean
check_role_numbers (TdCatalogue *self, GError **error)
{
  g_ptr_array_sort (self->roles, compare_roles);
  for (guint i = 0; i < self->roles->len; i++)
    if (((TdInserviceRole *) g_ptr_array_index (self->roles, i))->number != (int) i + 1)
      {
        g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                     _("$.categories: in-service role %u is missing; roles must be numbered "
                       "from 1 without gaps."), i + 1);
        return FALSE;
      }
  return TRUE;
}

static gboolean
parse_document (TdCatalogue *self, JsonNode *root, GError **error)
{
  JsonObject *object;
  JsonArray *array;
  const char *format;

  if (expect_node (root, JSON_NODE_OBJECT, "$", error) == NULL)
    return FALSE;
  object = json_node_get_object (root);
  if (!check_keys (object, "$", document_keys, error)
      || !read_string (object, "$", "format", TRUE, &format, error))
    return FALSE;
  if (!g_str_equal (format, CATALOGUE_FORMAT))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("$.format: “%s” is not “%s”."), format, CATALOGUE_FORMAT);
      return FALSE;
    }
  if (expect_node (json_object_get_member (object, "categories"), JSON_NODE_ARRAY,
                   "$.categories", error) == NULL)
    return FALSE;
  array = json_object_get_array_member (object, "categories");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.categories[%u]", i);
      TdInserviceRole *role;
      TdCategory *category = parse_category (json_array_get_element (array, i), path,
                                             &role, error);
      if (category == NULL || !add_category (self, category, role, path, error))
        return FALSE;
    }
  return check_role_numbers (self, error);
}

/* --- GObject ---------------------------------------------------------------------- */

static void
td_catalogue_finalize (GObject *object)
{
  TdCatalogue *self = TD_CATALOGUE (object);

  for (guint i = 0; i < N_REGIMES; i++)
    g_clear_pointer (&self->by_regime[i], g_ptr_array_unref);
  g_clear_pointer (&self->by_slug, g_hash_table_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (td_catalogue_parent_class)->finalize (object);
}

static void
td_catalogue_class_init (TdCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_catalogue_finalize;
}

static void
td_catalogue_init (TdCatalogue *self)
{
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  self->by_slug = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < N_REGIMES; i++)
    self->by_regime[i] = g_ptr_array_new ();
  self->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) role_free);
}

/* --- public API ------------------------------------------------------------------- */

TdCatalogue *
td_catalogue_load_from_data (const char *json, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (TdCatalogue) self = NULL;
  g_autoptr (GError) json_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &json_error))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The catalogue is not valid JSON: %s"), json_error->message);
      return NULL;
    }
  self = g_object_new (TD_TYPE_CATALOGUE, NULL);
  if (!parse_document (self, json_parser_get_root (parser), error))
    return NULL;
  return g_steal_pointer (&self);
}

TdCatalogue *
td_catalogue_load_default (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = g_resource_lookup_data (td_core_get_resource (), CATALOGUE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return td_catalogue_load_from_data (data, length, error);
}

GPtrArray *
td_catalogue_get_categories (TdCatalogue *self)
{
  g_return_val_if_fail (TD_IS_CATALOGUE (self), NULL);
  return self->categories;
}

const TdCategory *
td_catalogue_lookup (TdCatalogue *self, const char *slug)
{
  g_return_val_if_fail (TD_IS_CATALOGUE (self), NULL);
  if (slug == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_slug, slug);
}

GPtrArray *
td_catalogue_list_regime (TdCatalogue *self, TdRegime regime)
{
  g_return_val_if_fail (TD_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail ((guint) regime < N_REGIMES, NULL);
  return self->by_regime[regime];
}

gboolean
td_catalogue_correct_statutory_minutes (TdCatalogue *self, const char *slug, int minutes,
                                        GError **error)
{
  TdCategory *category;

  g_return_val_if_fail (TD_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  category = slug != NULL ? g_hash_table_lookup (self->by_slug, slug) : NULL;
  if (category == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _("There is no training category “%s” in the catalogue."),
                   slug != NULL ? slug : "");
      return FALSE;
    }
  if (minutes < 0 || minutes > MAX_MINUTES)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The statutory length of “%s” must be between 0 and %d minutes, not %d."),
                   slug, MAX_MINUTES, minutes);
      return FALSE;
    }
  category->statutory_minutes = minutes;
  return TRUE;
}

void
td_catalogue_set_statutory_minutes (TdCatalogue *self, const char *slug, int minutes)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (TD_IS_CATALOGUE (self));
  g_return_if_fail (slug != NULL);
  g_return_if_fail (minutes >= 0);

  if (!td_catalogue_correct_statutory_minutes (self, slug, minutes, &error))
    g_critical ("%s", error->message);
}

char *
td_catalogue_hours_setting_key (const char *slug)
{
  g_return_val_if_fail (slug != NULL, NULL);
  return g_strconcat (HOURS_SETTING_PREFIX, slug, NULL);
}

gboolean
td_catalogue_apply_setting (TdCatalogue *self, const char *key, const char *value,
                            GError **error)
{
  g_autoptr (GError) number_error = NULL;
  guint64 minutes;

  g_return_val_if_fail (TD_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_str_has_prefix (key, HOURS_SETTING_PREFIX))
    return TRUE;
  if (value == NULL
      || !g_ascii_string_to_unsigned (value, 10, 0, MAX_MINUTES, &minutes, &number_error))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("Setting “%s”: “%s” is not a length in whole minutes (0 to %d)."),
                   key, value != NULL ? value : "", MAX_MINUTES);
      return FALSE;
    }
  return td_catalogue_correct_statutory_minutes (self, key + strlen (HOURS_SETTING_PREFIX),
                                                 (int) minutes, error);
}

gboolean
td_catalogue_load_corrections (TdCatalogue *self, TdStore *store, GError **error)
{
  g_return_val_if_fail (TD_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (TD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The store has no key listing, and every key that matters is one of our slugs. */
  for (guint i = 0; i < self->categories->len; i++)
    {
      const TdCategory *category = g_ptr_array_index (self->categories, i);
      g_autofree char *key = td_catalogue_hours_setting_key (category->slug);
      g_autofree char *value = td_store_get_setting (store, key, NULL);

      if (value != NULL && !td_catalogue_apply_setting (self, key, value, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
td_catalogue_save_correction (TdCatalogue *self, TdStore *store, const char *slug, int minutes,
                              GError **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  TdCategory *category;
  int previous;

  g_return_val_if_fail (TD_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (TD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  category = slug != NULL ? g_hash_table_lookup (self->by_slug, slug) : NULL;
  previous = category != NULL ? category->statutory_minutes : 0;
  if (!td_catalogue_correct_statutory_minutes (self, slug, minutes, error))
    return FALSE;
  key = td_catalogue_hours_setting_key (slug);
  value = g_strdup_printf ("%d", minutes);
  if (!td_store_set_setting (store, key, value, error))
    {
      category->statutory_minutes = previous;
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
td_catalogue_get_inservice_roles (TdCatalogue *self)
{
  g_return_val_if_fail (TD_IS_CATALOGUE (self), NULL);
  return self->roles;
}

const TdInserviceRole *
td_catalogue_get_inservice_role (TdCatalogue *self, int number)
{
  g_return_val_if_fail (TD_IS_CATALOGUE (self), NULL);
  /* Numbers run 1..n without gaps (checked on load), so the index is the number. */
  if (number < 1 || (guint) number > self->roles->len)
    return NULL;
  return g_ptr_array_index (self->roles, number - 1);
}
