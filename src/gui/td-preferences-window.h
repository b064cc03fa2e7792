/* td-preferences-window.h — the training unit and the centre settings. */
#pragma once

#include <adwaita.h>

#include "td-settings.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_PREFERENCES_WINDOW (td_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TdPreferencesWindow, td_preferences_window, TD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)


GtkWidget *td_preferences_window_new (GtkWindow *parent, TdStore *store);

/* Saves every changed, valid value (what closing the window does). FALSE when some
 * value is invalid or could not be stored; those keep their inline message. */
gboolean   td_preferences_window_save (TdPreferencesWindow *self);

G_END_DECLS
