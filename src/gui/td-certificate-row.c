/* td-certificate-row.c — what the Certificates tab shows of one enrolled trainee */
#include "config.h"

#define G_LOG_DOMAIN "td-certificate-row"

#include <glib/gi18n.h>

#include "td-certificate-row.h"
#include "td-national-id.h"
#include "td-roc-date.h"

G_DEFINE_FINAL_TYPE (TdCertificateRow, td_certificate_row, G_TYPE_OBJECT)

/* Read-only, for the list's expressions and sorters. */
enum {
  PROP_0,
  PROP_SEQ,
  PROP_NAME,
  PROP_MASKED_ID,
  PROP_ELIGIBILITY,
  PROP_NUMBER,
  PROP_VERSION,
  PROP_ISSUED_ON,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static char *
dup_version (TdCertificateRow *self)
{
  if (self->certificate == NULL)
    return NULL;
  return g_strdup_printf ("%d", self->certificate->reissue_count);
}

static char *
dup_issued_on (TdCertificateRow *self)
{
  if (self->certificate == NULL)
    return NULL;
  return td_roc_date_format (self->certificate->issued_on, TD_ROC_FORMAT_SLASH);
}

/* --- overrides -------------------------------------------------------------- */

static void
td_certificate_row_finalize (GObject *object)
{
  TdCertificateRow *self = TD_CERTIFICATE_ROW (object);

  g_clear_object (&self->enrolment);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->reason, g_free);
  G_OBJECT_CLASS (td_certificate_row_parent_class)->finalize (object);
}

static void
td_certificate_row_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  TdCertificateRow *self = TD_CERTIFICATE_ROW (object);
  TdTrainee *trainee = self->enrolment->trainee;

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int (value, self->enrolment->seq);
      break;
    case PROP_NAME:
      g_value_set_string (value, trainee != NULL ? trainee->name : NULL);
      break;
    case PROP_MASKED_ID:
      g_value_take_string (value, td_national_id_mask (trainee != NULL ? trainee->national_id
                                                                       : NULL));
      break;
    case PROP_ELIGIBILITY:
      g_value_take_string (value, td_certificate_row_dup_eligibility (self));
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->certificate ? self->certificate->number : NULL);
      break;
    case PROP_VERSION:
      g_value_take_string (value, dup_version (self));
      break;
    case PROP_ISSUED_ON:
      g_value_take_string (value, dup_issued_on (self));
      break;
    case PROP_STATE:
      g_value_take_string (value, td_certificate_row_dup_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_certificate_row_class_init (TdCertificateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = td_certificate_row_finalize;
  object_class->get_property = td_certificate_row_get_property;

  properties[PROP_SEQ] = g_param_spec_int ("seq", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_MASKED_ID] = g_param_spec_string ("masked-id", NULL, NULL, NULL, flags);
  properties[PROP_ELIGIBILITY] = g_param_spec_string ("eligibility", NULL, NULL, NULL, flags);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_ISSUED_ON] = g_param_spec_string ("issued-on", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_certificate_row_init (TdCertificateRow *self)
{
}

/* --- public API ------------------------------------------------------------- */

TdCertificateRow *
td_certificate_row_new (TdEnrolment *enrolment, gboolean eligible, const char *reason,
                        TdCertificate *certificate)
{
  TdCertificateRow *self;

  g_return_val_if_fail (TD_IS_ENROLMENT (enrolment), NULL);

  self = g_object_new (TD_TYPE_CERTIFICATE_ROW, NULL);
  self->enrolment = g_object_ref (enrolment);
  self->eligible = eligible;
  self->reason = g_strdup (reason);
  self->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  return self;
}

gboolean
td_certificate_row_has_valid (TdCertificateRow *self)
{
  g_return_val_if_fail (TD_IS_CERTIFICATE_ROW (self), FALSE);

  return self->certificate != NULL && td_certificate_is_valid (self->certificate);
}

gboolean
td_certificate_row_will_be_issued (TdCertificateRow *self)
{
  g_return_val_if_fail (TD_IS_CERTIFICATE_ROW (self), FALSE);

  return self->eligible && !td_certificate_row_has_valid (self);
}

char *
td_certificate_row_dup_eligibility (TdCertificateRow *self)
{
  g_return_val_if_fail (TD_IS_CERTIFICATE_ROW (self), NULL);

  if (self->eligible)
    return g_strdup (_("Eligible"));
  /* TRANSLATORS: why a trainee cannot get a certificate, e.g. "Not eligible: no exam score is recorded" */
  return g_strdup_printf (_("Not eligible: %s"), self->reason != NULL ? self->reason : "");
}

/* "Valid", "Voided (lost)", or NULL without a certificate. */
char *
td_certificate_row_dup_state (TdCertificateRow *self)
{
  g_return_val_if_fail (TD_IS_CERTIFICATE_ROW (self), NULL);

  if (self->certificate == NULL)
    return NULL;
  if (td_certificate_is_valid (self->certificate))
    return g_strdup (_("Valid"));
  /* TRANSLATORS: a certificate's state; %s is why, e.g. "lost" */
  return g_strdup_printf (_("Voided (%s)"),
                          td_void_reason_label_for_string (self->certificate->void_reason));
}
