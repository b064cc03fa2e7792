/* td-session.c — the session value object */
#define G_LOG_DOMAIN "td-session"

#include "config.h"

#include "td-session.h"

G_DEFINE_FINAL_TYPE (TdSession, td_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_SUBJECT,
  PROP_MODE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
td_session_finalize (GObject *object)
{
  TdSession *self = TD_SESSION (object);

  g_free (self->external_id);
  g_free (self->date);
  g_free (self->start_time);
  g_free (self->end_time);
  g_free (self->subject);

  G_OBJECT_CLASS (td_session_parent_class)->finalize (object);
}

static void
td_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdSession *self = TD_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_START_TIME:
      g_value_set_string (value, self->start_time);
      break;
    case PROP_END_TIME:
      g_value_set_string (value, self->end_time);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_MODE_LABEL:
      g_value_set_string (value, td_session_mode_label (self->mode));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_session_class_init (TdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_session_finalize;
  object_class->get_property = td_session_get_property;

  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_TIME] = g_param_spec_string ("start-time", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_TIME] = g_param_spec_string ("end-time", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE_LABEL] = g_param_spec_string ("mode-label", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_session_init (TdSession *self)
{
  self->mode = TD_SESSION_MODE_THEORY;
}

TdSession *
td_session_new (void)
{
  return g_object_new (TD_TYPE_SESSION, NULL);
}

TdSession *
td_session_copy (TdSession *self)
{
  TdSession *copy = td_session_new ();

  copy->id = self->id;
  copy->course_id = self->course_id;
  copy->external_id = g_strdup (self->external_id);
  copy->date = g_strdup (self->date);
  copy->start_time = g_strdup (self->start_time);
  copy->end_time = g_strdup (self->end_time);
  copy->subject = g_strdup (self->subject);
  copy->mode = self->mode;
  copy->minutes = self->minutes;
  copy->lecturer_id = self->lecturer_id;
  copy->position = self->position;
  return copy;
}

gboolean
td_session_equal (TdSession *a, TdSession *b)
{
  return td_str_equal0 (a->external_id, b->external_id) && td_str_equal0 (a->date, b->date) &&
         td_str_equal0 (a->start_time, b->start_time) &&
         td_str_equal0 (a->end_time, b->end_time) && td_str_equal0 (a->subject, b->subject) &&
         a->mode == b->mode && a->minutes == b->minutes && a->lecturer_id == b->lecturer_id;
}

int
td_time_parse_minutes (const char *text)
{
  int h = 0, m = 0;
  size_t len;

  if (text == NULL)
    return -1;
  len = strlen (text);
  if (len == 4 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
      g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]))
    {
      h = (text[0] - '0') * 10 + (text[1] - '0');
      m = (text[2] - '0') * 10 + (text[3] - '0');
    }
  else if ((len == 4 || len == 5) && text[len - 3] == ':')
    {
      for (size_t i = 0; i < len; i++)
        if (i != len - 3 && !g_ascii_isdigit (text[i]))
          return -1;
      h = (int) g_ascii_strtoll (text, NULL, 10);
      m = (int) g_ascii_strtoll (text + len - 2, NULL, 10);
    }
  else
    return -1;

  /* 24:00 is accepted as the end of a day. */
  if (h > 24 || m > 59 || (h == 24 && m != 0))
    return -1;
  return h * 60 + m;
}

char *
td_time_format_minutes (int minutes)
{
  g_return_val_if_fail (minutes >= 0 && minutes <= 24 * 60, NULL);
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

int
td_session_span_minutes (TdSession *self)
{
  int start = td_time_parse_minutes (self->start_time);
  int end = td_time_parse_minutes (self->end_time);

  if (start < 0 || end < 0 || end <= start)
    return -1;
  return end - start;
}
