/* td-trainee-editor.h — the person form of the trainee directory (附表八 fields). */
#pragma once

#include <adwaita.h>

#include "td-store.h"
#include "td-trainee-form.h"

G_BEGIN_DECLS

#define TD_TYPE_TRAINEE_EDITOR (td_trainee_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineeEditor, td_trainee_editor, TD, TRAINEE_EDITOR, AdwBin)

GtkWidget     *td_trainee_editor_new (TdStore *store);

/* Loads @trainee (NULL for a new person) into a fresh form. An existing person's
 * ID is shown masked until "Reveal" is pressed. */
void           td_trainee_editor_load (TdTraineeEditor *self, TdTrainee *trainee);
TdTraineeForm *td_trainee_editor_get_form (TdTraineeEditor *self);

/* Scrolls the form to the Training Obligations group (roles, periodic hours) and
 * focuses it, once the form is laid out: where a person's check findings are fixed. */
void           td_trainee_editor_show_obligations (TdTraineeEditor *self);

/* Takes an image for the certificate photo: decodes it for the preview and checks
 * type and size (TdTraineeForm). It is stored with the next save. */
gboolean       td_trainee_editor_set_photo (TdTraineeEditor *self, GBytes *image,
                                            GError **error);

/* Leaves the form: at once when nothing changed, otherwise after asking whether to
 * save or discard the changes. Emits "closed" once left. */
void           td_trainee_editor_request_close (TdTraineeEditor *self);

G_END_DECLS
