/* td-preferences-window.h — the training unit and the centre settings. */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_PREFERENCES_WINDOW (td_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TdPreferencesWindow, td_preferences_window, TD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Centre settings (td_store_get_setting keys) edited here, with their defaults. */
#define TD_SETTING_EVENING_START       "evening-start"
#define TD_SETTING_EVENING_START_DEFAULT "18:00"
#define TD_SETTING_ROLLCALL_DELAY      "rollcall-delay"
#define TD_SETTING_ROLLCALL_DELAY_DEFAULT "20"
#define TD_SETTING_PASS_MARK           "pass-mark"
#define TD_SETTING_PASS_MARK_DEFAULT   "60"
#define TD_SETTING_CERTIFICATE_PREFIX  "certificate-prefix"

GtkWidget *td_preferences_window_new (GtkWindow *parent, TdStore *store);

/* Saves every changed, valid value (what closing the window does). FALSE when some
 * value is invalid or could not be stored; those keep their inline message. */
gboolean   td_preferences_window_save (TdPreferencesWindow *self);

G_END_DECLS
