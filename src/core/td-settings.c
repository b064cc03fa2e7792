/* td-settings.c — defaults of the centre settings, from the rule packs and settings.json */
#define G_LOG_DOMAIN "td-settings"

#include "config.h"

#include <json-glib/json-glib.h>

#include "td-rule-pack.h"
#include "td-settings.h"

#define SETTINGS_RESOURCE "/io/github/trainingdesk/TrainingDesk/core/settings.json"

static char *
format_param (const TdRuleParam *param)
{
  if (param->unit == TD_RULE_UNIT_TIME)
    return g_strdup_printf ("%02d:%02d", (int) (param->value / 60), (int) (param->value % 60));
  return g_strdup_printf ("%" G_GINT64_FORMAT, param->value);
}

/* The first parameter of any shipped pack that names @key as its setting. */
static char *
default_from_packs (const char *key)
{
  const TdRegime regimes[] = { TD_REGIME_OSH, TD_REGIME_HEALTH, TD_REGIME_VR_CE, TD_REGIME_HOURS };

  for (guint r = 0; r < G_N_ELEMENTS (regimes); r++)
    {
      g_autoptr (TdRulePack) pack = td_rule_pack_load_for_regime (regimes[r], NULL);
      GPtrArray *entries = pack ? td_rule_pack_get_entries (pack) : NULL;

      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          const TdRuleEntry *entry = g_ptr_array_index (entries, i);
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, entry->params);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              const TdRuleParam *param = value;
              if (g_strcmp0 (param->setting, key) == 0)
                return format_param (param);
            }
        }
    }
  return NULL;
}

static char *
default_from_file (const char *key)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *settings, *entry;

  td_core_ensure_resources ();
  bytes = g_resources_lookup_data (SETTINGS_RESOURCE, 0, NULL);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), NULL))
    g_error ("The shipped settings.json is missing or broken");
  settings = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "settings");
  if (!json_object_has_member (settings, key))
    return NULL;
  entry = json_object_get_object_member (settings, key);
  return g_strdup (json_object_get_string_member (entry, "value"));
}

char *
td_settings_get_default (const char *key)
{
  char *value = default_from_packs (key);
  return value ? value : default_from_file (key);
}

char *
td_settings_get (TdStore *store, const char *key)
{
  g_autofree char *fallback = td_settings_get_default (key);
  return td_store_get_setting (store, key, fallback);
}
