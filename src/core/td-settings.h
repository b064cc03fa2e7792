/* td-settings.h — centre settings: their keys and where their defaults come from.
 *
 * A centre setting is stored in the database (td_store_get_setting). When the centre
 * has not set one, its default comes from the rule pack parameter that names the
 * setting (a number the regulations leave open, e.g. when the evening starts), or
 * from data/settings.json for settings no rule reads (e.g. the pass mark). No default
 * is written in C.
 */
#pragma once

#include "td-store.h"

G_BEGIN_DECLS

#define TD_SETTING_EVENING_START      "evening-start"
#define TD_SETTING_PASS_MARK          "pass-mark"
#define TD_SETTING_CERTIFICATE_PREFIX "certificate-prefix"

/* The documented default of @key as text ("18:00", "60", ""), or NULL for an unknown key. */
char *td_settings_get_default (const char *key);

/* The centre's value of @key, or its default. */
char *td_settings_get (TdStore *store, const char *key);

G_END_DECLS
