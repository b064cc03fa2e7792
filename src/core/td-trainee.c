/* td-trainee.c — the trainee value object */
#define G_LOG_DOMAIN "td-trainee"

#include "config.h"

#include "td-national-id.h"
#include "td-trainee.h"

G_DEFINE_FINAL_TYPE (TdTrainee, td_trainee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_MASKED_ID,
  PROP_BIRTH_DATE,
  PROP_EMPLOYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
td_trainee_finalize (GObject *object)
{
  TdTrainee *self = TD_TRAINEE (object);

  g_free (self->national_id);
  g_free (self->name);
  g_free (self->birth_date);
  g_free (self->household_address);
  g_free (self->contact_address);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->education);
  g_free (self->employer);
  g_free (self->qualification_ref);
  g_free (self->remark);

  G_OBJECT_CLASS (td_trainee_parent_class)->finalize (object);
}

static void
td_trainee_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdTrainee *self = TD_TRAINEE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MASKED_ID:
      g_value_take_string (value, td_trainee_dup_masked_id (self));
      break;
    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PROP_EMPLOYER:
      g_value_set_string (value, self->employer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_trainee_class_init (TdTraineeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_trainee_finalize;
  object_class->get_property = td_trainee_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Only the masked form is a property: nothing on screen binds to the full ID. */
  properties[PROP_MASKED_ID] = g_param_spec_string ("masked-id", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIRTH_DATE] = g_param_spec_string ("birth-date", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPLOYER] = g_param_spec_string ("employer", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_trainee_init (TdTrainee *self)
{
}

TdTrainee *
td_trainee_new (void)
{
  return g_object_new (TD_TYPE_TRAINEE, NULL);
}

TdTrainee *
td_trainee_copy (TdTrainee *self)
{
  TdTrainee *copy = td_trainee_new ();

  copy->id = self->id;
  copy->national_id = g_strdup (self->national_id);
  copy->name = g_strdup (self->name);
  copy->birth_date = g_strdup (self->birth_date);
  copy->household_address = g_strdup (self->household_address);
  copy->contact_address = g_strdup (self->contact_address);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->education = g_strdup (self->education);
  copy->employer = g_strdup (self->employer);
  copy->qualification_ref = g_strdup (self->qualification_ref);
  copy->remark = g_strdup (self->remark);
  copy->has_photo = self->has_photo;
  return copy;
}

gboolean
td_trainee_equal (TdTrainee *a, TdTrainee *b)
{
  return td_str_equal0 (a->national_id, b->national_id) && td_str_equal0 (a->name, b->name) &&
         td_str_equal0 (a->birth_date, b->birth_date) &&
         td_str_equal0 (a->household_address, b->household_address) &&
         td_str_equal0 (a->contact_address, b->contact_address) &&
         td_str_equal0 (a->phone, b->phone) && td_str_equal0 (a->email, b->email) &&
         td_str_equal0 (a->education, b->education) &&
         td_str_equal0 (a->employer, b->employer) &&
         td_str_equal0 (a->qualification_ref, b->qualification_ref) &&
         td_str_equal0 (a->remark, b->remark);
}

char *
td_trainee_dup_masked_id (TdTrainee *self)
{
  return td_national_id_mask (self->national_id);
}
