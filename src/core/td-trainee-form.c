/* td-trainee-form.c — the editable copy of a trainee behind the person form */
#include "config.h"

#define G_LOG_DOMAIN "td-trainee-form"

#include <glib/gi18n-lib.h>

#include "td-national-id.h"
#include "td-roc-date.h"
#include "td-trainee-form.h"

struct _TdTraineeForm {
  GObject parent_instance;

  TdTrainee *original;
  char *initial[TD_TRAINEE_N_FIELDS];   /* text of each field as loaded */
  char *text[TD_TRAINEE_N_FIELDS];      /* text of each field as edited */
  char *message[TD_TRAINEE_N_FIELDS];   /* why the text cannot be saved, or NULL */
  GBytes *photo;                        /* a new photo, not stored yet */
  const char *photo_mime_type;
  gboolean valid;
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (TdTraineeForm, td_trainee_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALID,
  PROP_DIRTY,
  N_PROPS
};

enum {
  FIELD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- helpers ---------------------------------------------------------------- */

static char **
trainee_field_slot (TdTrainee *trainee, TdTraineeField field)
{
  switch (field)
    {
    case TD_TRAINEE_FIELD_NAME: return &trainee->name;
    case TD_TRAINEE_FIELD_BIRTH_DATE: return &trainee->birth_date;
    case TD_TRAINEE_FIELD_NATIONAL_ID: return &trainee->national_id;
    case TD_TRAINEE_FIELD_HOUSEHOLD_ADDRESS: return &trainee->household_address;
    case TD_TRAINEE_FIELD_CONTACT_ADDRESS: return &trainee->contact_address;
    case TD_TRAINEE_FIELD_PHONE: return &trainee->phone;
    case TD_TRAINEE_FIELD_EMAIL: return &trainee->email;
    case TD_TRAINEE_FIELD_EDUCATION: return &trainee->education;
    case TD_TRAINEE_FIELD_EMPLOYER: return &trainee->employer;
    case TD_TRAINEE_FIELD_QUALIFICATION_REF: return &trainee->qualification_ref;
    case TD_TRAINEE_FIELD_REMARK: return &trainee->remark;
    case TD_TRAINEE_N_FIELDS:
    default: break;
    }
  g_return_val_if_reached (NULL);
}

/* What the form shows for a stored value: dates in the ROC calendar. */
static char *
dup_display_text (TdTrainee *trainee, TdTraineeField field)
{
  const char *value = *trainee_field_slot (trainee, field);

  if (value == NULL)
    return g_strdup ("");
  if (field == TD_TRAINEE_FIELD_BIRTH_DATE && value[0] != '\0')
    {
      char *roc = td_roc_date_format (value, TD_ROC_FORMAT_SLASH);
      return roc != NULL ? roc : g_strdup (value);
    }
  return g_strdup (value);
}

static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static char *
check_birth_date (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *today = NULL;

  if (text[0] == '\0')
    return NULL;
  iso = td_roc_date_parse (text, &error);
  if (iso == NULL)
    return g_strdup (error->message);
  today = td_iso_date_today ();
  if (g_strcmp0 (iso, today) > 0)
    return g_strdup (_("The birth date is in the future."));
  return NULL;
}

static char *
check_phone (const char *text)
{
  gboolean has_digit = FALSE;

  if (text[0] == '\0')
    return NULL;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      else if (strchr (" +-()#", *p) == NULL)
        return g_strdup (_("A phone number holds digits, spaces and + - ( ) # only."));
    }
  if (!has_digit)
    return g_strdup (_("A phone number needs digits."));
  return NULL;
}

static char *
check_email (const char *text)
{
  const char *at;

  if (text[0] == '\0')
    return NULL;
  at = strchr (text, '@');
  if (strpbrk (text, " \t") != NULL || at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return g_strdup (_("An e-mail address looks like name@example.com."));
  if (strchr (at + 1, '.') == NULL || g_str_has_suffix (at, ".") || at[1] == '.')
    return g_strdup (_("The e-mail address needs a domain such as example.com after the @."));
  return NULL;
}

static char *
check_field (TdTraineeField field, const char *raw)
{
  g_autofree char *text = dup_stripped (raw);

  switch (field)
    {
    case TD_TRAINEE_FIELD_NAME:
      return text[0] == '\0' ? g_strdup (_("A name is required.")) : NULL;
    case TD_TRAINEE_FIELD_BIRTH_DATE:
      return check_birth_date (text);
    case TD_TRAINEE_FIELD_NATIONAL_ID:
      {
        g_autoptr (GError) error = NULL;
        g_autofree char *id = td_national_id_check (text, NULL, &error);
        return id == NULL ? g_strdup (error->message) : NULL;
      }
    case TD_TRAINEE_FIELD_PHONE:
      return check_phone (text);
    case TD_TRAINEE_FIELD_EMAIL:
      return check_email (text);
    default:
      return NULL;
    }
}

static void
update_state (TdTraineeForm *self)
{
  gboolean valid = TRUE;
  gboolean dirty = self->photo != NULL;

  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    {
      g_autofree char *now = dup_stripped (self->text[i]);
      valid = valid && self->message[i] == NULL;
      dirty = dirty || g_strcmp0 (now, self->initial[i]) != 0;
    }
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
load_original (TdTraineeForm *self, TdTrainee *original)
{
  g_set_object (&self->original, original);
  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo_mime_type = NULL;
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    {
      g_free (self->initial[i]);
      g_free (self->text[i]);
      g_free (self->message[i]);
      self->initial[i] = dup_display_text (original, i);
      self->text[i] = g_strdup (self->initial[i]);
      self->message[i] = check_field (i, self->text[i]);
    }
}

/* --- overrides -------------------------------------------------------------- */

static void
td_trainee_form_finalize (GObject *object)
{
  TdTraineeForm *self = TD_TRAINEE_FORM (object);

  g_clear_object (&self->original);
  g_clear_pointer (&self->photo, g_bytes_unref);
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    {
      g_free (self->initial[i]);
      g_free (self->text[i]);
      g_free (self->message[i]);
    }

  G_OBJECT_CLASS (td_trainee_form_parent_class)->finalize (object);
}

static void
td_trainee_form_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdTraineeForm *self = TD_TRAINEE_FORM (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_trainee_form_class_init (TdTraineeFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_trainee_form_finalize;
  object_class->get_property = td_trainee_form_get_property;

  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted with the field (as a uint) whose text or message changed. */
  signals[FIELD_CHANGED] = g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
td_trainee_form_init (TdTraineeForm *self)
{
}

/* --- public API ------------------------------------------------------------- */

TdTraineeForm *
td_trainee_form_new (TdTrainee *original)
{
  TdTraineeForm *self = g_object_new (TD_TYPE_TRAINEE_FORM, NULL);
  g_autoptr (TdTrainee) copy = original != NULL ? td_trainee_copy (original) : td_trainee_new ();

  load_original (self, copy);
  self->valid = TRUE;
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    self->valid = self->valid && self->message[i] == NULL;
  self->dirty = FALSE;
  return self;
}

TdTrainee *
td_trainee_form_get_original (TdTraineeForm *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), NULL);
  return self->original;
}

gboolean
td_trainee_form_is_new (TdTraineeForm *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), FALSE);
  return self->original->id == 0;
}

const char *
td_trainee_form_get_text (TdTraineeForm *self, TdTraineeField field)
{
  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), NULL);
  g_return_val_if_fail (field < TD_TRAINEE_N_FIELDS, NULL);
  return self->text[field];
}

void
td_trainee_form_set_text (TdTraineeForm *self, TdTraineeField field, const char *text)
{
  g_return_if_fail (TD_IS_TRAINEE_FORM (self));
  g_return_if_fail (field < TD_TRAINEE_N_FIELDS);

  if (g_strcmp0 (self->text[field], text != NULL ? text : "") == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_strdup (text != NULL ? text : "");
  g_free (self->message[field]);
  self->message[field] = check_field (field, self->text[field]);
  g_signal_emit (self, signals[FIELD_CHANGED], 0, (guint) field);
  update_state (self);
}

const char *
td_trainee_form_get_message (TdTraineeForm *self, TdTraineeField field)
{
  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), NULL);
  g_return_val_if_fail (field < TD_TRAINEE_N_FIELDS, NULL);
  return self->message[field];
}

const char *
td_trainee_field_label (TdTraineeField field)
{
  switch (field)
    {
    case TD_TRAINEE_FIELD_NAME: return _("Name");
    case TD_TRAINEE_FIELD_BIRTH_DATE: return _("Date of Birth");
    case TD_TRAINEE_FIELD_NATIONAL_ID: return _("National ID");
    case TD_TRAINEE_FIELD_HOUSEHOLD_ADDRESS: return _("Household Address");
    case TD_TRAINEE_FIELD_CONTACT_ADDRESS: return _("Contact Address");
    case TD_TRAINEE_FIELD_PHONE: return _("Phone");
    case TD_TRAINEE_FIELD_EMAIL: return _("E-mail");
    case TD_TRAINEE_FIELD_EDUCATION: return _("Education");
    case TD_TRAINEE_FIELD_EMPLOYER: return _("Employer");
    case TD_TRAINEE_FIELD_QUALIFICATION_REF: return _("Qualification Certificate No.");
    case TD_TRAINEE_FIELD_REMARK: return _("Remarks");
    case TD_TRAINEE_N_FIELDS:
    default: break;
    }
  g_return_val_if_reached (NULL);
}

gboolean
td_trainee_form_is_valid (TdTraineeForm *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), FALSE);
  return self->valid;
}

gboolean
td_trainee_form_is_dirty (TdTraineeForm *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), FALSE);
  return self->dirty;
}

static const char *
sniff_photo_type (GBytes *image)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };
  gsize size = 0;
  const guchar *data = g_bytes_get_data (image, &size);

  if (size >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (size >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";
  return NULL;
}

gboolean
td_trainee_photo_check (GBytes *image, const char **mime_type, GError **error)
{
  const char *type;

  g_return_val_if_fail (image != NULL, FALSE);

  if (g_bytes_get_size (image) > TD_TRAINEE_PHOTO_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (image));
      g_autofree char *limit = g_format_size (TD_TRAINEE_PHOTO_MAX_BYTES);
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The photo is %s; photos can be at most %s."), size, limit);
      return FALSE;
    }
  type = sniff_photo_type (image);
  if (type == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The file is not a JPEG or PNG image; only those can be printed on "
                     "certificates."));
      return FALSE;
    }
  if (mime_type != NULL)
    *mime_type = type;
  return TRUE;
}

gboolean
td_trainee_form_set_photo (TdTraineeForm *self, GBytes *image, GError **error)
{
  const char *mime_type = NULL;

  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), FALSE);

  if (!td_trainee_photo_check (image, &mime_type, error))
    return FALSE;
  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = g_bytes_ref (image);
  self->photo_mime_type = mime_type;
  update_state (self);
  return TRUE;
}

GBytes *
td_trainee_form_get_photo (TdTraineeForm *self, const char **mime_type)
{
  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), NULL);
  if (mime_type != NULL)
    *mime_type = self->photo_mime_type;
  return self->photo;
}

static char *
dup_value (TdTraineeField field, const char *text)
{
  g_autofree char *stripped = dup_stripped (text);

  if (stripped[0] == '\0')
    return NULL;
  if (field == TD_TRAINEE_FIELD_BIRTH_DATE)
    return td_roc_date_parse (stripped, NULL);
  if (field == TD_TRAINEE_FIELD_NATIONAL_ID)
    return td_national_id_check (stripped, NULL, NULL);
  return g_steal_pointer (&stripped);
}

TdTrainee *
td_trainee_form_build (TdTraineeForm *self, GError **error)
{
  g_autoptr (TdTrainee) trainee = NULL;

  g_return_val_if_fail (TD_IS_TRAINEE_FORM (self), NULL);

  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    if (self->message[i] != NULL)
      {
        g_set_error (error, TD_ERROR, TD_ERROR_INVALID, "%s: %s", td_trainee_field_label (i),
                     self->message[i]);
        return NULL;
      }
  trainee = td_trainee_copy (self->original);
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    {
      char **slot = trainee_field_slot (trainee, i);
      g_free (*slot);
      *slot = dup_value (i, self->text[i]);
    }
  return g_steal_pointer (&trainee);
}

void
td_trainee_form_mark_saved (TdTraineeForm *self, TdTrainee *saved)
{
  g_autoptr (TdTrainee) copy = NULL;

  g_return_if_fail (TD_IS_TRAINEE_FORM (self));
  g_return_if_fail (TD_IS_TRAINEE (saved));

  copy = td_trainee_copy (saved);
  if (self->photo != NULL)
    copy->has_photo = TRUE;
  load_original (self, copy);
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    g_signal_emit (self, signals[FIELD_CHANGED], 0, i);
  update_state (self);
}

const char *
td_trainee_remark_code_label (guint code)
{
  /* 附表八 備註二、三: the codes written in the remark column. */
  switch (code)
    {
    case 1: return _("Credit proof: passed the training for physicians doing workers' health "
                     "examinations");
    case 2: return _("Credit proof: passed the training for nurses doing workers' health "
                     "examinations");
    case 3: return _("Psychologist");
    case 4: return _("Occupational therapist");
    case 5: return _("Physiotherapist");
    default: return NULL;
    }
}
