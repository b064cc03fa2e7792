/* td-lecturer.c — the lecturer value object */
#define G_LOG_DOMAIN "td-lecturer"

#include "config.h"

#include "td-lecturer.h"

G_DEFINE_FINAL_TYPE (TdLecturer, td_lecturer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_POST,
  PROP_EDUCATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
td_lecturer_finalize (GObject *object)
{
  TdLecturer *self = TD_LECTURER (object);

  g_free (self->name);
  g_free (self->national_id);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->education);
  g_free (self->post);
  g_free (self->experience);
  g_free (self->qualifications);

  G_OBJECT_CLASS (td_lecturer_parent_class)->finalize (object);
}

static void
td_lecturer_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdLecturer *self = TD_LECTURER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_POST:
      g_value_set_string (value, self->post);
      break;
    case PROP_EDUCATION:
      g_value_set_string (value, self->education);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_lecturer_class_init (TdLecturerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_lecturer_finalize;
  object_class->get_property = td_lecturer_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POST] = g_param_spec_string ("post", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDUCATION] = g_param_spec_string ("education", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_lecturer_init (TdLecturer *self)
{
}

TdLecturer *
td_lecturer_new (void)
{
  return g_object_new (TD_TYPE_LECTURER, NULL);
}

TdLecturer *
td_lecturer_copy (TdLecturer *self)
{
  TdLecturer *copy = td_lecturer_new ();

  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->national_id = g_strdup (self->national_id);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->address = g_strdup (self->address);
  copy->education = g_strdup (self->education);
  copy->post = g_strdup (self->post);
  copy->experience = g_strdup (self->experience);
  copy->qualifications = g_strdup (self->qualifications);
  return copy;
}

gboolean
td_lecturer_equal (TdLecturer *a, TdLecturer *b)
{
  return td_str_equal0 (a->name, b->name) && td_str_equal0 (a->national_id, b->national_id) &&
         td_str_equal0 (a->phone, b->phone) && td_str_equal0 (a->email, b->email) &&
         td_str_equal0 (a->address, b->address) && td_str_equal0 (a->education, b->education) &&
         td_str_equal0 (a->post, b->post) && td_str_equal0 (a->experience, b->experience) &&
         td_str_equal0 (a->qualifications, b->qualifications);
}
