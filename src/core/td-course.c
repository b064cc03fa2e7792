/* td-course.c — the course value object */
#define G_LOG_DOMAIN "td-course"

#include "config.h"

#include "td-course.h"

G_DEFINE_BOXED_TYPE (TdCourseChange, td_course_change, td_course_change_copy, td_course_change_free)

G_DEFINE_FINAL_TYPE (TdCourse, td_course, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PERIOD,
  PROP_CATEGORY,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_STATUS_LABEL,
  PROP_N_TRAINEES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

TdCourseChange *
td_course_change_new (const char *filed_on, gboolean force_majeure, const char *note)
{
  TdCourseChange *change = g_new0 (TdCourseChange, 1);
  change->filed_on = g_strdup (filed_on);
  change->force_majeure = force_majeure;
  change->note = g_strdup (note);
  return change;
}

TdCourseChange *
td_course_change_copy (const TdCourseChange *change)
{
  return td_course_change_new (change->filed_on, change->force_majeure, change->note);
}

void
td_course_change_free (TdCourseChange *change)
{
  if (change == NULL)
    return;
  g_free (change->filed_on);
  g_free (change->note);
  g_free (change);
}

static void
td_course_finalize (GObject *object)
{
  TdCourse *self = TD_COURSE (object);

  g_free (self->external_id);
  g_free (self->category);
  g_free (self->title);
  g_free (self->period);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->venue_name);
  g_free (self->venue_address);
  g_free (self->classroom);
  g_free (self->counsellor_name);
  g_free (self->materials);
  g_free (self->filing_ref);
  g_free (self->filed_on);
  g_free (self->records_archived_on);
  g_free (self->certificates_issued_on);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (td_course_parent_class)->finalize (object);
}

static void
td_course_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdCourse *self = TD_COURSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, td_course_status_label (self->status));
      break;
    case PROP_N_TRAINEES:
      g_value_set_uint (value, self->n_trainees);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_course_class_init (TdCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_course_finalize;
  object_class->get_property = td_course_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TRAINEES] = g_param_spec_uint ("n-trainees", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_course_init (TdCourse *self)
{
  self->regime = TD_REGIME_OSH;
  self->kind = TD_COURSE_KIND_PROFESSIONAL;
  self->exam_mode = TD_EXAM_MODE_NONE;
  self->status = TD_COURSE_STATUS_DRAFT;
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) td_course_change_free);
}

TdCourse *
td_course_new (void)
{
  return g_object_new (TD_TYPE_COURSE, NULL);
}

TdCourse *
td_course_copy (TdCourse *self)
{
  TdCourse *copy = td_course_new ();

  copy->id = self->id;
  copy->external_id = g_strdup (self->external_id);
  copy->regime = self->regime;
  copy->category = g_strdup (self->category);
  copy->kind = self->kind;
  copy->title = g_strdup (self->title);
  copy->period = g_strdup (self->period);
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->venue_name = g_strdup (self->venue_name);
  copy->venue_address = g_strdup (self->venue_address);
  copy->classroom = g_strdup (self->classroom);
  copy->counsellor_name = g_strdup (self->counsellor_name);
  copy->counsellor_qualified = self->counsellor_qualified;
  copy->materials = g_strdup (self->materials);
  copy->capacity = self->capacity;
  copy->fee = self->fee;
  copy->group_discussion = self->group_discussion;
  copy->exam_mode = self->exam_mode;
  copy->filing_ref = g_strdup (self->filing_ref);
  copy->filed_on = g_strdup (self->filed_on);
  copy->status = self->status;
  copy->records_archived_on = g_strdup (self->records_archived_on);
  copy->certificates_issued_on = g_strdup (self->certificates_issued_on);
  for (guint i = 0; i < self->changes->len; i++)
    g_ptr_array_add (copy->changes, td_course_change_copy (g_ptr_array_index (self->changes, i)));
  copy->n_sessions = self->n_sessions;
  copy->n_trainees = self->n_trainees;
  return copy;
}

static gboolean
changes_equal (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      TdCourseChange *x = g_ptr_array_index (a, i);
      TdCourseChange *y = g_ptr_array_index (b, i);
      if (!td_str_equal0 (x->filed_on, y->filed_on) || x->force_majeure != y->force_majeure ||
          !td_str_equal0 (x->note, y->note))
        return FALSE;
    }
  return TRUE;
}

/* Compares what is saved; aggregates and the database id are not part of equality. */
gboolean
td_course_equal (TdCourse *a, TdCourse *b)
{
  return td_str_equal0 (a->external_id, b->external_id) && a->regime == b->regime &&
         td_str_equal0 (a->category, b->category) && a->kind == b->kind &&
         td_str_equal0 (a->title, b->title) && td_str_equal0 (a->period, b->period) &&
         td_str_equal0 (a->start_date, b->start_date) &&
         td_str_equal0 (a->end_date, b->end_date) &&
         td_str_equal0 (a->venue_name, b->venue_name) &&
         td_str_equal0 (a->venue_address, b->venue_address) &&
         td_str_equal0 (a->classroom, b->classroom) &&
         td_str_equal0 (a->counsellor_name, b->counsellor_name) &&
         a->counsellor_qualified == b->counsellor_qualified &&
         td_str_equal0 (a->materials, b->materials) && a->capacity == b->capacity &&
         a->fee == b->fee && a->group_discussion == b->group_discussion &&
         a->exam_mode == b->exam_mode && td_str_equal0 (a->filing_ref, b->filing_ref) &&
         td_str_equal0 (a->filed_on, b->filed_on) && a->status == b->status &&
         td_str_equal0 (a->records_archived_on, b->records_archived_on) &&
         td_str_equal0 (a->certificates_issued_on, b->certificates_issued_on) &&
         changes_equal (a->changes, b->changes);
}

char *
td_course_dup_display_title (TdCourse *self)
{
  if (self->period != NULL && *self->period != '\0')
    return g_strdup_printf ("%s（%s）", self->title ? self->title : "", self->period);
  return g_strdup (self->title ? self->title : "");
}
