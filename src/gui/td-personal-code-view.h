/* td-personal-code-view.h — a trainee's personal QR code in the trainee editor, with
 * "Create Code" for a person who has none and "Regenerate Code…", which voids the old
 * code at once (td-trainee-code.h). */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_PERSONAL_CODE_VIEW (td_personal_code_view_get_type ())
G_DECLARE_FINAL_TYPE (TdPersonalCodeView, td_personal_code_view, TD, PERSONAL_CODE_VIEW,
                      AdwPreferencesGroup)

GtkWidget  *td_personal_code_view_new (void);
/* Shows the current code of @trainee_id without writing anything: a person who has
 * none gets "Create Code"; 0 (a person not yet saved) says to save first. */
void        td_personal_code_view_load (TdPersonalCodeView *self, TdStore *store,
                                        gint64 trainee_id);
/* The code on screen, or NULL. */
const char *td_personal_code_view_get_code (TdPersonalCodeView *self);

/* The QR symbol of @text with a quiet zone of four modules, @module_px pixels per
 * module, black on white: drawn 1:1 it stays sharp. NULL when @text does not fit. */
GdkTexture *td_personal_code_view_render_qr (const char *text, int module_px);

G_END_DECLS
