/* td-application.h — the Training Desk application */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_APPLICATION (td_application_get_type ())
G_DECLARE_FINAL_TYPE (TdApplication, td_application, TD, APPLICATION, AdwApplication)

TdApplication *td_application_new (void);
/* The open store, or NULL before activation (or when it could not be opened). */
TdStore       *td_application_get_store (TdApplication *self);
/* TRUE when the database could not be opened (the program then exits with 1). */
gboolean       td_application_get_open_failed (TdApplication *self);

G_END_DECLS
