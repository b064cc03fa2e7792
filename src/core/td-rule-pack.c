/* td-rule-pack.c — loading and validating rule packs
 *
 * The loader knows every rule id the engine implements and which parameters (with
 * which units) each needs, so a pack that misspells a key, forgets a threshold or
 * gives hours where a date offset is wanted fails to load with the JSON path of the
 * mistake instead of silently checking nothing.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-rule-pack"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-rule-pack.h"
#include "td-session.h"

#define RULES_PATH "/io/github/trainingdesk/TrainingDesk/core/rules"
#define PACK_FORMAT "training-desk/rule-pack@1"

struct _TdRulePack {
  GObject parent_instance;

  char *name;
  char *json;              /* the text it was parsed from, for copies */
  TdRegime regime;
  char *source;
  GHashTable *time_model;  /* name → TdRuleParam* */
  GPtrArray *entries;      /* TdRuleEntry* */
};

G_DEFINE_FINAL_TYPE (TdRulePack, td_rule_pack, G_TYPE_OBJECT)

/* --- what the engine implements -------------------------------------------- */

#define U(x) (1u << TD_RULE_UNIT_##x)
#define DURATION (U (MINUTES) | U (HOURS))
#define OFFSET (U (DAYS) | U (MONTHS) | U (YEARS))

typedef struct {
  const char *name;
  guint units;
  gboolean required;
} ParamSpec;

typedef struct {
  const char *id;
  ParamSpec params[4];
} RuleSpec;

static const RuleSpec rule_specs[] = {
  { "attendance.late-is-truancy", { { NULL } } },
  { "attendance.dismissal", { { "fraction", U (FRACTION), TRUE } } },
  { "attendance.makeup-required", { { "leave-limit", DURATION, TRUE } } },
  { "attendance.makeup-deadline",
    { { "within", OFFSET, TRUE }, { "warn-before", OFFSET, TRUE } } },
  { "attendance.rollcall", { { "after-first-period", DURATION, TRUE } } },
  { "schedule.daily-hours", { { "max", DURATION, TRUE } } },
  { "schedule.evening-hours", { { "evening-start", U (TIME), TRUE }, { "max", DURATION, TRUE } } },
  { "schedule.evening-end", { { "latest-end", U (TIME), TRUE } } },
  { "schedule.practical-daytime", { { "evening-start", U (TIME), TRUE } } },
  { "filing.plan-deadline", { { "before-start", OFFSET, TRUE }, { "warn-before", OFFSET, TRUE } } },
  { "filing.change-deadline",
    { { "before-start", OFFSET, TRUE }, { "force-majeure-within", DURATION, FALSE } } },
  { "records.archive-deadline", { { "after-end", OFFSET, TRUE }, { "warn-before", OFFSET, TRUE } } },
  { "records.registration-deadline",
    { { "after-end", OFFSET, TRUE }, { "warn-before", OFFSET, TRUE } } },
  { "certificate.issue-deadline",
    { { "after-end", OFFSET, TRUE }, { "warn-before", OFFSET, TRUE } } },
  { "certificate.eligibility",
    { { "absence-fraction", U (FRACTION), FALSE }, { "any-absence", U (FLAG), FALSE } } },
  { "class.minimum-size", { { "min", U (COUNT), TRUE } } },
  { "class.maximum-size", { { "max", U (COUNT), TRUE } } },
  { "staff.counsellor", { { NULL } } },
  { "exam.retake", { { "within", OFFSET, TRUE }, { "warn-before", OFFSET, TRUE } } },
  /* Person-level rules (td-rules-person.c): checked per person, not per course. */
  { "inservice.periodic-hours",
    { { "hours", DURATION, TRUE }, { "every", OFFSET, TRUE }, { "warn-before", OFFSET, TRUE } } },
  { "ce.cycle-hours",
    { { "total", DURATION, TRUE }, { "core", DURATION, TRUE }, { "ethics-quality", DURATION, TRUE },
      { "warn-before", OFFSET, TRUE } } },
  { "ce.renewal-window", { { "window", OFFSET, TRUE }, { "leave-min", OFFSET, TRUE } } },
  { "ce.initial-training",
    { { "hours", DURATION, TRUE }, { "within", OFFSET, TRUE }, { "warn-before", OFFSET, TRUE } } },
};

static const ParamSpec time_model_specs[] = {
  { "period", DURATION, TRUE },
  { "late-after", DURATION, TRUE },
};

static const char *const unit_names[] = {
  "minutes", "hours", "days", "months", "years", "time", "count", "fraction", "flag",
};

static const char *known_rule_ids[G_N_ELEMENTS (rule_specs) + 1];

const char *const *
td_rule_pack_known_rules (void)
{
  static gsize done = 0;

  /* Checks run in worker threads too. */
  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (rule_specs); i++)
        known_rule_ids[i] = rule_specs[i].id;
      g_once_init_leave (&done, 1);
    }
  return known_rule_ids;
}

static const RuleSpec *
lookup_rule_spec (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_specs); i++)
    if (g_strcmp0 (rule_specs[i].id, id) == 0)
      return &rule_specs[i];
  return NULL;
}

/* --- value objects ---------------------------------------------------------- */

static void
rule_param_free (TdRuleParam *p)
{
  g_free (p->name);
  g_free (p->citation);
  g_free (p->interpretation);
  g_free (p->setting);
  g_free (p);
}

static void
rule_entry_free (TdRuleEntry *e)
{
  g_free (e->id);
  g_free (e->article);
  g_free (e->interpretation);
  g_strfreev (e->categories);
  g_strfreev (e->except_categories);
  g_clear_pointer (&e->params, g_hash_table_unref);
  g_free (e);
}

static GHashTable *
new_param_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) rule_param_free);
}

/* --- parsing helpers ---------------------------------------------------------- */

typedef struct {
  const char *name;        /* the pack, for messages */
} Reader;

static gboolean G_GNUC_PRINTF (4, 5)
fail (const Reader *r, GError **error, const char *path, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: rule pack name, JSON path, what is wrong there */
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("Rule pack %s: %s: %s"), r->name, path, what);
  return FALSE;
}

static gboolean
check_keys (const Reader *r, JsonObject *obj, const char *const *allowed, const char *path,
            GError **error)
{
  g_autoptr (GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *where = g_strdup_printf ("%s.%s", path, (char *) l->data);
        return fail (r, error, where, _("unknown key"));
      }
  return TRUE;
}

/* The member as a non-empty string; NULL (with @error set) otherwise. */
static const char *
get_string (const Reader *r, JsonObject *obj, const char *key, gboolean required,
            const char *path, GError **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL)
    {
      if (required)
        fail (r, error, where, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || *json_node_get_string (node) == '\0')
    {
      fail (r, error, where, _("expected a non-empty string"));
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
parse_unit (const char *text, TdRuleUnit *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    if (g_strcmp0 (text, unit_names[i]) == 0)
      {
        *out = (TdRuleUnit) i;
        return TRUE;
      }
  return FALSE;
}

static char *
describe_units (guint units)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    if (units & (1u << i))
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", unit_names[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Parses @text as the value of a parameter of @unit. */
static gboolean
parse_text_value (TdRuleParam *p, const char *text)
{
  if (p->unit == TD_RULE_UNIT_TIME)
    {
      int m = td_time_parse_minutes (text);
      p->value = m;
      return m >= 0;
    }
  if (p->unit == TD_RULE_UNIT_FRACTION)
    {
      g_auto (GStrv) parts = g_strsplit (text, "/", 3);
      guint64 num, den;

      if (g_strv_length (parts) != 2
          || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT, &num, NULL)
          || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT, &den, NULL) || num > den)
        return FALSE;
      p->value = (gint64) num;
      p->denominator = (gint64) den;
      return TRUE;
    }
  if (p->unit == TD_RULE_UNIT_FLAG)
    {
      if (g_strcmp0 (text, "true") != 0 && g_strcmp0 (text, "false") != 0)
        return FALSE;
      p->value = g_strcmp0 (text, "true") == 0;
      return TRUE;
    }
  {
    guint64 n;
    if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &n, NULL))
      return FALSE;
    p->value = p->unit == TD_RULE_UNIT_HOURS ? (gint64) n * 60 : (gint64) n;
    return TRUE;
  }
}

/* The JSON form of a value: strings for time and fraction, a boolean for a flag,
 * a non-negative integer otherwise. */
static gboolean
parse_value_node (TdRuleParam *p, JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (p->unit == TD_RULE_UNIT_TIME || p->unit == TD_RULE_UNIT_FRACTION)
    return type == G_TYPE_STRING && parse_text_value (p, json_node_get_string (node));
  if (p->unit == TD_RULE_UNIT_FLAG)
    {
      if (type != G_TYPE_BOOLEAN)
        return FALSE;
      p->value = json_node_get_boolean (node);
      return TRUE;
    }
  if (type != G_TYPE_INT64 || json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT)
    return FALSE;
  p->value = json_node_get_int (node);
  if (p->unit == TD_RULE_UNIT_HOURS)
    p->value *= 60;
  return TRUE;
}

static const char *const param_keys[] = {
  "value", "unit", "citation", "interpretation", "setting", NULL,
};

static TdRuleParam *
parse_param (const Reader *r, const char *name, JsonNode *node, guint units, const char *path,
             GError **error)
{
  g_autoptr (GError) local = NULL;
  TdRuleParam *p;
  JsonObject *obj;
  const char *unit, *citation;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, error, path, _("expected an object")), NULL;
  obj = json_node_get_object (node);
  if (!check_keys (r, obj, param_keys, path, error))
    return NULL;
  if ((unit = get_string (r, obj, "unit", TRUE, path, error)) == NULL
      || (citation = get_string (r, obj, "citation", TRUE, path, error)) == NULL)
    return NULL;

  p = g_new0 (TdRuleParam, 1);
  p->name = g_strdup (name);
  if (!parse_unit (unit, &p->unit) || !(units & (1u << p->unit)))
    {
      g_autofree char *where = g_strdup_printf ("%s.unit", path);
      g_autofree char *expected = describe_units (units);
      rule_param_free (p);
      return fail (r, error, where, _("unit “%s” is not one of: %s"), unit, expected), NULL;
    }
  if (!parse_value_node (p, json_object_get_member (obj, "value")))
    {
      g_autofree char *where = g_strdup_printf ("%s.value", path);
      rule_param_free (p);
      return fail (r, error, where, _("missing or not a valid %s value"), unit), NULL;
    }
  p->citation = g_strdup (citation);
  p->interpretation = g_strdup (get_string (r, obj, "interpretation", FALSE, path, &local));
  if (local == NULL)
    p->setting = g_strdup (get_string (r, obj, "setting", FALSE, path, &local));
  if (local != NULL)
    {
      rule_param_free (p);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return p;
}

static const ParamSpec *
find_param_spec (const ParamSpec *specs, guint n, const char *name)
{
  for (guint i = 0; i < n && specs[i].name != NULL; i++)
    if (g_strcmp0 (specs[i].name, name) == 0)
      return &specs[i];
  return NULL;
}

/* Parses the object at @path (may be absent: no parameters) against @specs (n of
 * them) into a new table. */
static GHashTable *
parse_params (const Reader *r, JsonNode *node, const ParamSpec *specs, guint n, const char *path,
              GError **error)
{
  g_autoptr (GHashTable) table = new_param_table ();
  g_autoptr (GList) members = NULL;
  JsonObject *obj = NULL;

  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, error, path, _("expected an object")), NULL;
  if (node != NULL)
    members = json_object_get_members (obj = json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, (char *) l->data);
      const ParamSpec *spec = find_param_spec (specs, n, l->data);
      TdRuleParam *p;

      if (spec == NULL)
        return fail (r, error, where, _("unknown parameter for this rule")), NULL;
      p = parse_param (r, l->data, json_object_get_member (obj, l->data), spec->units, where,
                       error);
      if (p == NULL)
        return NULL;
      g_hash_table_insert (table, p->name, p);
    }
  for (guint i = 0; i < n && specs[i].name != NULL; i++)
    if (specs[i].required && !g_hash_table_contains (table, specs[i].name))
      {
        g_autofree char *where = g_strdup_printf ("%s.%s", path, specs[i].name);
        return fail (r, error, where, _("missing (this rule needs it)")), NULL;
      }
  return g_steal_pointer (&table);
}

static GStrv
parse_string_list (const Reader *r, JsonObject *obj, const char *key, const char *path,
                   GError **error, gboolean *ok)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (obj, key);
  JsonArray *array;

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return *ok = fail (r, error, where, _("expected a non-empty array of strings")), NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_autofree char *at = g_strdup_printf ("%s[%u]", where, i);
          return *ok = fail (r, error, at, _("expected a string")), NULL;
        }
      g_strv_builder_add (b, json_node_get_string (item));
    }
  return g_strv_builder_end (b);
}

static const char *const applies_keys[] = {
  "kinds", "categories", "except-categories", "group-discussion", NULL,
};

static gboolean
parse_applies (const Reader *r, JsonNode *node, TdRuleEntry *e, const char *path, GError **error)
{
  g_auto (GStrv) kinds = NULL;
  JsonObject *obj;
  JsonNode *group;
  gboolean ok;

  e->group_discussion = -1;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, error, path, _("expected an object"));
  obj = json_node_get_object (node);
  if (!check_keys (r, obj, applies_keys, path, error))
    return FALSE;
  kinds = parse_string_list (r, obj, "kinds", path, error, &ok);
  if (!ok)
    return FALSE;
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      TdCourseKind kind;
      if (!td_course_kind_from_string (kinds[i], &kind))
        {
          g_autofree char *at = g_strdup_printf ("%s.kinds[%u]", path, i);
          return fail (r, error, at, _("unknown course kind “%s”"), kinds[i]);
        }
      e->kinds |= 1u << kind;
    }
  e->categories = parse_string_list (r, obj, "categories", path, error, &ok);
  if (ok)
    e->except_categories = parse_string_list (r, obj, "except-categories", path, error, &ok);
  if (!ok)
    return FALSE;
  if ((group = json_object_get_member (obj, "group-discussion")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (group) || json_node_get_value_type (group) != G_TYPE_BOOLEAN)
        {
          g_autofree char *at = g_strdup_printf ("%s.group-discussion", path);
          return fail (r, error, at, _("expected true or false"));
        }
      e->group_discussion = json_node_get_boolean (group);
    }
  return TRUE;
}

static const char *const entry_keys[] = {
  "id", "severity", "article", "applies", "params", "interpretation", NULL,
};

static TdRuleEntry *
parse_entry (const Reader *r, JsonNode *node, const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *params_path = g_strdup_printf ("%s.params", path);
  g_autofree char *applies_path = g_strdup_printf ("%s.applies", path);
  TdRuleEntry *e;
  const RuleSpec *spec;
  const char *id, *severity, *article, *interpretation;
  JsonObject *obj;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, error, path, _("expected an object")), NULL;
  obj = json_node_get_object (node);
  if (!check_keys (r, obj, entry_keys, path, error)
      || (id = get_string (r, obj, "id", TRUE, path, error)) == NULL
      || (severity = get_string (r, obj, "severity", TRUE, path, error)) == NULL
      || (article = get_string (r, obj, "article", TRUE, path, error)) == NULL)
    return NULL;
  interpretation = get_string (r, obj, "interpretation", FALSE, path, &local);
  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), NULL;
  if ((spec = lookup_rule_spec (id)) == NULL)
    {
      g_autofree char *at = g_strdup_printf ("%s.id", path);
      return fail (r, error, at, _("unknown rule “%s”"), id), NULL;
    }

  e = g_new0 (TdRuleEntry, 1);
  e->id = g_strdup (id);
  e->article = g_strdup (article);
  e->interpretation = g_strdup (interpretation);
  if (!td_severity_from_string (severity, &e->severity))
    {
      g_autofree char *at = g_strdup_printf ("%s.severity", path);
      rule_entry_free (e);
      return fail (r, error, at, _("expected error, warning or info")), NULL;
    }
  if (!parse_applies (r, json_object_get_member (obj, "applies"), e, applies_path, error)
      || (e->params = parse_params (r, json_object_get_member (obj, "params"), spec->params,
                                    G_N_ELEMENTS (spec->params), params_path, error)) == NULL)
    {
      rule_entry_free (e);
      return NULL;
    }
  return e;
}

static gboolean
needs_time_model (const char *id)
{
  return g_str_has_prefix (id, "attendance.") || g_str_equal (id, "certificate.eligibility");
}

static gboolean
parse_rules (const Reader *r, TdRulePack *self, JsonNode *node, GError **error)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, error, "$.rules", _("expected an array"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.rules[%u]", i);
      TdRuleEntry *e = parse_entry (r, json_array_get_element (array, i), path, error);

      if (e == NULL)
        return FALSE;
      g_ptr_array_add (self->entries, e);
      if (needs_time_model (e->id) && self->time_model == NULL)
        return fail (r, error, path, _("attendance rules need a “time-model”"));
    }
  return TRUE;
}

static const char *const pack_keys[] = {
  "format", "regime", "source", "description", "time-model", "rules", NULL,
};

static gboolean
parse_pack (const Reader *r, TdRulePack *self, JsonNode *root, GError **error)
{
  g_autoptr (GError) local = NULL;
  JsonObject *obj;
  JsonNode *time_model;
  const char *format, *regime;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (r, error, "$", _("expected an object"));
  obj = json_node_get_object (root);
  if (!check_keys (r, obj, pack_keys, "$", error)
      || (format = get_string (r, obj, "format", TRUE, "$", error)) == NULL
      || (regime = get_string (r, obj, "regime", TRUE, "$", error)) == NULL)
    return FALSE;
  if (g_strcmp0 (format, PACK_FORMAT) != 0)
    return fail (r, error, "$.format", _("expected “%s”"), PACK_FORMAT);
  if (!td_regime_from_string (regime, &self->regime))
    return fail (r, error, "$.regime", _("unknown regime “%s”"), regime);
  self->source = g_strdup (get_string (r, obj, "source", TRUE, "$", error));
  if (self->source == NULL)
    return FALSE;
  get_string (r, obj, "description", FALSE, "$", &local);
  if (local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
  if ((time_model = json_object_get_member (obj, "time-model")) != NULL)
    {
      self->time_model = parse_params (r, time_model, time_model_specs,
                                       G_N_ELEMENTS (time_model_specs), "$.time-model", error);
      if (self->time_model == NULL)
        return FALSE;
      if (td_rule_param_get_minutes (g_hash_table_lookup (self->time_model, "period")) == 0)
        return fail (r, error, "$.time-model.period.value", _("a period cannot be empty"));
    }
  return parse_rules (r, self, json_object_get_member (obj, "rules"), error);
}

/* --- GObject ---------------------------------------------------------------- */

static void
td_rule_pack_finalize (GObject *object)
{
  TdRulePack *self = TD_RULE_PACK (object);

  g_free (self->name);
  g_free (self->json);
  g_free (self->source);
  g_clear_pointer (&self->time_model, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (td_rule_pack_parent_class)->finalize (object);
}

static void
td_rule_pack_class_init (TdRulePackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_rule_pack_finalize;
}

static void
td_rule_pack_init (TdRulePack *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_entry_free);
}

/* --- public API ------------------------------------------------------------- */

TdRulePack *
td_rule_pack_new_from_data (const char *json, gssize length, const char *name, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (TdRulePack) self = g_object_new (TD_TYPE_RULE_PACK, NULL);
  g_autoptr (GError) local = NULL;
  Reader r = { name != NULL ? name : "(data)" };

  if (length < 0)
    length = strlen (json);
  if (!json_parser_load_from_data (parser, json, length, &local))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("Rule pack %s is not valid JSON: %s"),
                   r.name, local->message);
      return NULL;
    }
  self->name = g_strdup (r.name);
  self->json = g_strndup (json, length);
  if (!parse_pack (&r, self, json_parser_get_root (parser), error))
    return NULL;
  return g_steal_pointer (&self);
}

TdRulePack *
td_rule_pack_load_for_regime (TdRegime regime, GError **error)
{
  g_autofree char *file = g_strdup_printf ("%s.json", td_regime_to_string (regime));
  g_autofree char *path = g_strdup_printf ("%s/%s", RULES_PATH, file);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TdRulePack) pack = NULL;
  gsize size;
  const char *data;

  td_core_ensure_resources ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  pack = td_rule_pack_new_from_data (data, size, file, error);
  if (pack != NULL && pack->regime != regime)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("Rule pack %s is for regime “%s”"), file,
                   td_regime_to_string (pack->regime));
      return NULL;
    }
  return g_steal_pointer (&pack);
}

static gboolean
override_params (GHashTable *params, GHashTable *settings, GError **error)
{
  GHashTableIter iter;
  TdRuleParam *p;

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
    {
      const char *text = p->setting ? g_hash_table_lookup (settings, p->setting) : NULL;
      if (text == NULL)
        continue;
      if (!parse_text_value (p, text))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _("Centre setting “%s” has the value “%s”, which is not a valid %s"),
                       p->setting, text, unit_names[p->unit]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
names_a_setting (GHashTable *params, GHashTable *settings)
{
  GHashTableIter iter;
  TdRuleParam *p;

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
    if (p->setting != NULL && g_hash_table_contains (settings, p->setting))
      return TRUE;
  return FALSE;
}

/* Whether any parameter would take a value from @settings. */
static gboolean
uses_settings (TdRulePack *self, GHashTable *settings)
{
  if (settings == NULL)
    return FALSE;
  if (self->time_model != NULL && names_a_setting (self->time_model, settings))
    return TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    if (names_a_setting (((TdRuleEntry *) g_ptr_array_index (self->entries, i))->params, settings))
      return TRUE;
  return FALSE;
}

TdRulePack *
td_rule_pack_with_settings (TdRulePack *self, GHashTable *settings, GError **error)
{
  g_autoptr (TdRulePack) copy = NULL;

  g_return_val_if_fail (TD_IS_RULE_PACK (self), NULL);
  /* A pack is never changed after loading, so without overrides it can be shared. */
  if (!uses_settings (self, settings))
    return g_object_ref (self);
  copy = td_rule_pack_new_from_data (self->json, -1, self->name, error);
  if (copy == NULL)
    return NULL;
  if (copy->time_model != NULL && !override_params (copy->time_model, settings, error))
    return NULL;
  for (guint i = 0; i < copy->entries->len; i++)
    {
      TdRuleEntry *e = g_ptr_array_index (copy->entries, i);
      if (!override_params (e->params, settings, error))
        return NULL;
    }
  return g_steal_pointer (&copy);
}

TdRegime
td_rule_pack_get_regime (TdRulePack *self)
{
  return self->regime;
}

const char *
td_rule_pack_get_source (TdRulePack *self)
{
  return self->source;
}

GPtrArray *
td_rule_pack_get_entries (TdRulePack *self)
{
  return self->entries;
}

const TdRuleParam *
td_rule_pack_get_time_param (TdRulePack *self, const char *name)
{
  return self->time_model ? g_hash_table_lookup (self->time_model, name) : NULL;
}

gboolean
td_rule_entry_applies (const TdRuleEntry *entry, const TdCourse *course)
{
  if (entry->kinds != 0 && !(entry->kinds & (1u << course->kind)))
    return FALSE;
  if (entry->categories != NULL
      && !g_strv_contains ((const char *const *) entry->categories, course->category ? course->category : ""))
    return FALSE;
  if (entry->except_categories != NULL
      && g_strv_contains ((const char *const *) entry->except_categories, course->category ? course->category : ""))
    return FALSE;
  if (entry->group_discussion >= 0 && entry->group_discussion != (course->group_discussion != FALSE))
    return FALSE;
  return TRUE;
}

const TdRuleParam *
td_rule_entry_get_param (const TdRuleEntry *entry, const char *name)
{
  return g_hash_table_lookup (entry->params, name);
}

gint64
td_rule_param_get_minutes (const TdRuleParam *param)
{
  g_return_val_if_fail (param->unit == TD_RULE_UNIT_MINUTES || param->unit == TD_RULE_UNIT_HOURS
                          || param->unit == TD_RULE_UNIT_TIME, 0);
  return param->value;
}

void
td_rule_param_shift_date (const TdRuleParam *param, GDate *date, int sign)
{
  guint n = (guint) param->value;

  switch (param->unit)
    {
    case TD_RULE_UNIT_DAYS:
      sign > 0 ? g_date_add_days (date, n) : g_date_subtract_days (date, n);
      break;
    case TD_RULE_UNIT_MONTHS:
      sign > 0 ? g_date_add_months (date, n) : g_date_subtract_months (date, n);
      break;
    case TD_RULE_UNIT_YEARS:
      sign > 0 ? g_date_add_years (date, n) : g_date_subtract_years (date, n);
      break;
    default:
      g_return_if_reached ();
    }
}

gboolean
td_rule_param_fraction_reached (const TdRuleParam *param, gint64 part, gint64 whole)
{
  g_return_val_if_fail (param->unit == TD_RULE_UNIT_FRACTION, FALSE);
  /* part / whole ≥ num / den, in integers so exactly 1/5 counts */
  return whole > 0 && part * param->denominator >= whole * param->value;
}
