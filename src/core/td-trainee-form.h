/* td-trainee-form.h — the editable copy of a trainee behind the person form.
 *
 * The form keeps the person as loaded (the original) and the text of every field as
 * the user typed it. Each change re-validates that field, so a view can show the
 * reason next to it and disable saving while any field is invalid. Dates are typed
 * in the ROC calendar; the national ID as typed (full-width, lower case) and is
 * normalised only when the form builds the trainee to save.
 */
#pragma once

#include <gio/gio.h>

#include "td-trainee.h"

G_BEGIN_DECLS

typedef enum {
  TD_TRAINEE_FIELD_NAME,
  TD_TRAINEE_FIELD_BIRTH_DATE,
  TD_TRAINEE_FIELD_NATIONAL_ID,
  TD_TRAINEE_FIELD_HOUSEHOLD_ADDRESS,
  TD_TRAINEE_FIELD_CONTACT_ADDRESS,
  TD_TRAINEE_FIELD_PHONE,
  TD_TRAINEE_FIELD_EMAIL,
  TD_TRAINEE_FIELD_EDUCATION,
  TD_TRAINEE_FIELD_EMPLOYER,
  TD_TRAINEE_FIELD_QUALIFICATION_REF,
  TD_TRAINEE_FIELD_REMARK,
  TD_TRAINEE_N_FIELDS,
} TdTraineeField;

/* 服務單位 of a person without work, as 附表八 asks it to be written. */
#define TD_TRAINEE_UNEMPLOYED "待業中"

/* Photos for certificates: JPEG or PNG up to this size. */
#define TD_TRAINEE_PHOTO_MAX_BYTES (2 * 1000 * 1000)

#define TD_TYPE_TRAINEE_FORM (td_trainee_form_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineeForm, td_trainee_form, TD, TRAINEE_FORM, GObject)

/* @original: the stored person, or NULL for a new one. The form keeps its own copy. */
TdTraineeForm *td_trainee_form_new (TdTrainee *original);

/* The person as loaded (never changed by editing); id 0 for a new one. */
TdTrainee     *td_trainee_form_get_original (TdTraineeForm *self);
gboolean       td_trainee_form_is_new (TdTraineeForm *self);

/* Field text as shown in the form: the birth date in ROC slashes (113/12/12). */
const char    *td_trainee_form_get_text (TdTraineeForm *self, TdTraineeField field);
void           td_trainee_form_set_text (TdTraineeForm *self, TdTraineeField field,
                                         const char *text);

/* Why the field's text cannot be saved, or NULL when it can. Translated. */
const char    *td_trainee_form_get_message (TdTraineeForm *self, TdTraineeField field);

/* Translated field label (e.g. "National ID") for messages and headings. */
const char    *td_trainee_field_label (TdTraineeField field);

/* TRUE when no field has a message (the "valid" property). */
gboolean       td_trainee_form_is_valid (TdTraineeForm *self);
/* TRUE when any field or the photo differs from the original (the "dirty" property). */
gboolean       td_trainee_form_is_dirty (TdTraineeForm *self);

/* A new photo to store with the person. Refuses anything but JPEG or PNG (by content,
 * not by name) and images over TD_TRAINEE_PHOTO_MAX_BYTES, leaving the form as it was. */
gboolean       td_trainee_form_set_photo (TdTraineeForm *self, GBytes *image, GError **error);
/* The same check without a form: sets @mime_type ("image/jpeg" or "image/png"). */
gboolean       td_trainee_photo_check (GBytes *image, const char **mime_type, GError **error);
GBytes        *td_trainee_form_get_photo (TdTraineeForm *self, const char **mime_type);

/* The trainee to save: the original's id with the edited, normalised values (ISO birth
 * date, normalised ID, trimmed text). NULL with the first field's reason when invalid. */
TdTrainee     *td_trainee_form_build (TdTraineeForm *self, GError **error);

/* Makes the current values the new original, e.g. after a successful save. */
void           td_trainee_form_mark_saved (TdTraineeForm *self, TdTrainee *saved);

/* The text of remark code @code (1–5 of 附表八), translated; NULL for other codes. */
const char    *td_trainee_remark_code_label (guint code);

G_END_DECLS
