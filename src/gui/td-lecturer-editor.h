/* td-lecturer-editor.h — the form of one lecturer (講師). */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_LECTURER_EDITOR (td_lecturer_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdLecturerEditor, td_lecturer_editor, TD, LECTURER_EDITOR, AdwBin)

GtkWidget *td_lecturer_editor_new (TdStore *store);

/* Loads @lecturer (NULL for a new one). A stored national ID is shown masked. */
void       td_lecturer_editor_load (TdLecturerEditor *self, TdLecturer *lecturer);

/* Leaves the form, asking to save or discard unsaved changes. Emits "closed". */
void       td_lecturer_editor_request_close (TdLecturerEditor *self);

G_END_DECLS
