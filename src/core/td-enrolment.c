/* td-enrolment.c — a roster row */
#define G_LOG_DOMAIN "td-enrolment"

#include "config.h"

#include "td-enrolment.h"

G_DEFINE_FINAL_TYPE (TdEnrolment, td_enrolment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_NAME,
  PROP_MASKED_ID,
  PROP_EMPLOYER,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
td_enrolment_finalize (GObject *object)
{
  TdEnrolment *self = TD_ENROLMENT (object);

  g_free (self->external_id);
  g_free (self->credits);
  g_clear_object (&self->trainee);

  G_OBJECT_CLASS (td_enrolment_parent_class)->finalize (object);
}

static void
td_enrolment_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdEnrolment *self = TD_ENROLMENT (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int (value, self->seq);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->trainee ? self->trainee->name : NULL);
      break;
    case PROP_MASKED_ID:
      g_value_take_string (value, self->trainee ? td_trainee_dup_masked_id (self->trainee) : NULL);
      break;
    case PROP_EMPLOYER:
      g_value_set_string (value, self->trainee ? self->trainee->employer : NULL);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, td_enrolment_status_label (self->status));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_enrolment_class_init (TdEnrolmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_enrolment_finalize;
  object_class->get_property = td_enrolment_get_property;

  properties[PROP_SEQ] = g_param_spec_int ("seq", NULL, NULL, 0, G_MAXINT, 0,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASKED_ID] = g_param_spec_string ("masked-id", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPLOYER] = g_param_spec_string ("employer", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_enrolment_init (TdEnrolment *self)
{
  self->status = TD_ENROLMENT_ENROLLED;
}

TdEnrolment *
td_enrolment_new (TdTrainee *trainee)
{
  TdEnrolment *self = g_object_new (TD_TYPE_ENROLMENT, NULL);
  self->trainee = trainee ? g_object_ref (trainee) : NULL;
  return self;
}
