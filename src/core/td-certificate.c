/* td-certificate.c — the certificate value object, its events and their names */
#include "config.h"

#define G_LOG_DOMAIN "td-certificate"

#include <glib/gi18n-lib.h>

#include "td-certificate.h"

G_DEFINE_FINAL_TYPE (TdCertificate, td_certificate, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (TdCertificateEvent, td_certificate_event, td_certificate_event_copy,
                     td_certificate_event_free)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_HOLDER_NAME,
  PROP_REISSUE_COUNT,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const reason_names[] = { "lost", "damaged", "changed" };
static const char *const event_names[] = { "issued", "voided", "reissued", "replaced" };

/* --- names ------------------------------------------------------------------ */

static gboolean
lookup_name (const char *const *names, guint n, const char *text, int *out)
{
  for (guint i = 0; text != NULL && i < n; i++)
    if (g_str_equal (names[i], text))
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
td_void_reason_to_string (TdVoidReason reason)
{
  g_return_val_if_fail (reason <= TD_VOID_REASON_CHANGED, NULL);
  return reason_names[reason];
}

gboolean
td_void_reason_from_string (const char *text, TdVoidReason *out)
{
  int value;

  if (!lookup_name (reason_names, G_N_ELEMENTS (reason_names), text, &value))
    return FALSE;
  *out = (TdVoidReason) value;
  return TRUE;
}

const char *
td_void_reason_label (TdVoidReason reason)
{
  switch (reason)
    {
    case TD_VOID_REASON_LOST:
      return _("lost");
    case TD_VOID_REASON_DAMAGED:
      return _("damaged");
    case TD_VOID_REASON_CHANGED:
      return _("personal data changed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
td_void_reason_label_for_string (const char *text)
{
  TdVoidReason reason;

  if (td_void_reason_from_string (text, &reason))
    return td_void_reason_label (reason);
  return text;
}

const char *
td_certificate_event_kind_to_string (TdCertificateEventKind kind)
{
  g_return_val_if_fail (kind <= TD_CERTIFICATE_EVENT_REPLACED, NULL);
  return event_names[kind];
}

gboolean
td_certificate_event_kind_from_string (const char *text, TdCertificateEventKind *out)
{
  int value;

  if (!lookup_name (event_names, G_N_ELEMENTS (event_names), text, &value))
    return FALSE;
  *out = (TdCertificateEventKind) value;
  return TRUE;
}

const char *
td_certificate_event_kind_label (TdCertificateEventKind kind)
{
  switch (kind)
    {
    case TD_CERTIFICATE_EVENT_ISSUED:
      return _("issued");
    case TD_CERTIFICATE_EVENT_VOIDED:
      return _("voided");
    case TD_CERTIFICATE_EVENT_REISSUED:
      return _("reissued");
    case TD_CERTIFICATE_EVENT_REPLACED:
      return _("replaced");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* --- events ------------------------------------------------------------------ */

TdCertificateEvent *
td_certificate_event_new (void)
{
  return g_new0 (TdCertificateEvent, 1);
}

TdCertificateEvent *
td_certificate_event_copy (const TdCertificateEvent *event)
{
  TdCertificateEvent *copy = g_memdup2 (event, sizeof *event);

  copy->number = g_strdup (event->number);
  copy->reason = g_strdup (event->reason);
  copy->related_number = g_strdup (event->related_number);
  copy->at = g_strdup (event->at);
  copy->actor = g_strdup (event->actor);
  return copy;
}

void
td_certificate_event_free (TdCertificateEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->number);
  g_free (event->reason);
  g_free (event->related_number);
  g_free (event->at);
  g_free (event->actor);
  g_free (event);
}

/* --- certificate ---------------------------------------------------------------- */

static void
td_certificate_finalize (GObject *object)
{
  TdCertificate *self = TD_CERTIFICATE (object);

  g_free (self->number);
  g_free (self->issued_on);
  g_free (self->voided_at);
  g_free (self->void_reason);
  g_free (self->code);
  g_free (self->holder_name);
  g_free (self->course_title);

  G_OBJECT_CLASS (td_certificate_parent_class)->finalize (object);
}

static void
td_certificate_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdCertificate *self = TD_CERTIFICATE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_HOLDER_NAME:
      g_value_set_string (value, self->holder_name);
      break;
    case PROP_REISSUE_COUNT:
      g_value_set_int (value, self->reissue_count);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, td_certificate_is_valid (self)
                                   ? _("valid")
                                   : td_void_reason_label_for_string (self->void_reason));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_certificate_class_init (TdCertificateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_certificate_finalize;
  object_class->get_property = td_certificate_get_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOLDER_NAME] = g_param_spec_string ("holder-name", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REISSUE_COUNT] = g_param_spec_int ("reissue-count", NULL, NULL, 0, G_MAXINT, 0,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_certificate_init (TdCertificate *self)
{
}

TdCertificate *
td_certificate_new (void)
{
  return g_object_new (TD_TYPE_CERTIFICATE, NULL);
}

gboolean
td_certificate_is_valid (TdCertificate *self)
{
  g_return_val_if_fail (TD_IS_CERTIFICATE (self), FALSE);
  return self->voided_at == NULL;
}
