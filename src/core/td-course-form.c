/* td-course-form.c — original + edited copy of a course, with per-field validation */
#include "config.h"

#define G_LOG_DOMAIN "td-course-form"

#include <glib/gi18n-lib.h>

#include "td-course-form.h"
#include "td-roc-date.h"

struct _TdCourseForm {
  GObject parent_instance;

  TdCourse *original;
  TdCourse *edited;
  /* Text that could not be read, with the reason; the edited value is left as it
   * was, and the form is invalid until the field is corrected. */
  char *raw[TD_COURSE_N_FIELDS];
  char *parse_error[TD_COURSE_N_FIELDS];
  char *error[TD_COURSE_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (TdCourseForm, td_course_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_VALID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *field_labels[TD_COURSE_N_FIELDS] = {
  [TD_COURSE_FIELD_REGIME] = N_("Regime"),
  [TD_COURSE_FIELD_CATEGORY] = N_("Category"),
  [TD_COURSE_FIELD_KIND] = N_("Kind"),
  [TD_COURSE_FIELD_TITLE] = N_("Title"),
  [TD_COURSE_FIELD_PERIOD] = N_("Period"),
  [TD_COURSE_FIELD_START_DATE] = N_("Start date"),
  [TD_COURSE_FIELD_END_DATE] = N_("End date"),
  [TD_COURSE_FIELD_VENUE_NAME] = N_("Venue"),
  [TD_COURSE_FIELD_VENUE_ADDRESS] = N_("Venue address"),
  [TD_COURSE_FIELD_CLASSROOM] = N_("Classroom"),
  [TD_COURSE_FIELD_COUNSELLOR_NAME] = N_("Counsellor"),
  [TD_COURSE_FIELD_COUNSELLOR_QUALIFIED] = N_("Counsellor qualified"),
  [TD_COURSE_FIELD_CAPACITY] = N_("Capacity"),
  [TD_COURSE_FIELD_FEE] = N_("Fee"),
  [TD_COURSE_FIELD_GROUP_DISCUSSION] = N_("Group discussion"),
  [TD_COURSE_FIELD_EXAM_MODE] = N_("Exam"),
  [TD_COURSE_FIELD_FILING_REF] = N_("Filing reference"),
  [TD_COURSE_FIELD_FILED_ON] = N_("Filed on"),
  [TD_COURSE_FIELD_STATUS] = N_("Status"),
};

/* --- field slots ------------------------------------------------------------ */

static char **
string_slot (TdCourse *course, TdCourseField field)
{
  switch (field)
    {
    case TD_COURSE_FIELD_CATEGORY: return &course->category;
    case TD_COURSE_FIELD_TITLE: return &course->title;
    case TD_COURSE_FIELD_PERIOD: return &course->period;
    case TD_COURSE_FIELD_START_DATE: return &course->start_date;
    case TD_COURSE_FIELD_END_DATE: return &course->end_date;
    case TD_COURSE_FIELD_VENUE_NAME: return &course->venue_name;
    case TD_COURSE_FIELD_VENUE_ADDRESS: return &course->venue_address;
    case TD_COURSE_FIELD_CLASSROOM: return &course->classroom;
    case TD_COURSE_FIELD_COUNSELLOR_NAME: return &course->counsellor_name;
    case TD_COURSE_FIELD_FILING_REF: return &course->filing_ref;
    case TD_COURSE_FIELD_FILED_ON: return &course->filed_on;
    default: return NULL;
    }
}

static int *
int_slot (TdCourse *course, TdCourseField field)
{
  switch (field)
    {
    case TD_COURSE_FIELD_CAPACITY: return &course->capacity;
    case TD_COURSE_FIELD_FEE: return &course->fee;
    default: return NULL;
    }
}

static gboolean *
bool_slot (TdCourse *course, TdCourseField field)
{
  switch (field)
    {
    case TD_COURSE_FIELD_COUNSELLOR_QUALIFIED: return &course->counsellor_qualified;
    case TD_COURSE_FIELD_GROUP_DISCUSSION: return &course->group_discussion;
    default: return NULL;
    }
}

static gboolean
is_date_field (TdCourseField field)
{
  return field == TD_COURSE_FIELD_START_DATE || field == TD_COURSE_FIELD_END_DATE ||
         field == TD_COURSE_FIELD_FILED_ON;
}

/* --- validation ------------------------------------------------------------- */

static const char *
check_field (TdCourseForm *self, TdCourseField field)
{
  TdCourse *c = self->edited;
  int days;

  switch (field)
    {
    case TD_COURSE_FIELD_CATEGORY:
      return c->category == NULL ? _("Choose a category.") : NULL;
    case TD_COURSE_FIELD_TITLE:
      return c->title == NULL ? _("Enter the course title.") : NULL;
    case TD_COURSE_FIELD_START_DATE:
      return c->start_date == NULL ? _("Enter the first day of the course.") : NULL;
    case TD_COURSE_FIELD_END_DATE:
      if (c->end_date == NULL)
        return _("Enter the last day of the course.");
      if (c->start_date != NULL && self->parse_error[TD_COURSE_FIELD_START_DATE] == NULL &&
          td_iso_date_diff_days (c->start_date, c->end_date, &days) && days < 0)
        return _("The course cannot end before it starts.");
      return NULL;
    default:
      return NULL;
    }
}

static void
revalidate (TdCourseForm *self)
{
  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    {
      const char *message = self->parse_error[i];

      if (message == NULL)
        message = check_field (self, i);
      g_free (self->error[i]);
      self->error[i] = g_strdup (message);
    }
}

static void
clear_parse_state (TdCourseForm *self, TdCourseField field)
{
  g_clear_pointer (&self->raw[field], g_free);
  g_clear_pointer (&self->parse_error[field], g_free);
}

static void
emit_changed (TdCourseForm *self)
{
  revalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_date_text (TdCourseForm *self, TdCourseField field, const char *text)
{
  char **slot = string_slot (self->edited, field);
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  if (*text == '\0')
    {
      g_clear_pointer (slot, g_free);
      return;
    }
  iso = td_roc_date_parse (text, &error);
  if (iso == NULL)
    {
      self->raw[field] = g_strdup (text);
      self->parse_error[field] = g_strdup (error->message);
      return;
    }
  g_free (*slot);
  *slot = g_steal_pointer (&iso);
}

static void
set_int_text (TdCourseForm *self, TdCourseField field, const char *text)
{
  gint64 value = 0;

  if (*text != '\0' &&
      !g_ascii_string_to_signed (text, 10, 0, G_MAXINT, &value, NULL))
    {
      self->raw[field] = g_strdup (text);
      self->parse_error[field] =
        g_strdup_printf (_("“%s” is not a whole number of 0 or more."), text);
      return;
    }
  *int_slot (self->edited, field) = (int) value;
}

/* --- overrides -------------------------------------------------------------- */

static void
td_course_form_finalize (GObject *object)
{
  TdCourseForm *self = TD_COURSE_FORM (object);

  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    {
      g_free (self->raw[i]);
      g_free (self->parse_error[i]);
      g_free (self->error[i]);
    }
  g_clear_object (&self->original);
  g_clear_object (&self->edited);

  G_OBJECT_CLASS (td_course_form_parent_class)->finalize (object);
}

static void
td_course_form_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdCourseForm *self = TD_COURSE_FORM (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, td_course_form_is_modified (self));
      break;
    case PROP_VALID:
      g_value_set_boolean (value, td_course_form_is_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_course_form_class_init (TdCourseFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_course_form_finalize;
  object_class->get_property = td_course_form_get_property;

  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
td_course_form_init (TdCourseForm *self)
{
}

/* --- public API ------------------------------------------------------------- */

TdCourseForm *
td_course_form_new (TdCourse *course)
{
  TdCourseForm *self = g_object_new (TD_TYPE_COURSE_FORM, NULL);

  g_return_val_if_fail (course == NULL || TD_IS_COURSE (course), NULL);

  if (course != NULL)
    self->original = td_course_copy (course);
  else
    self->original = td_course_new ();
  self->edited = td_course_copy (self->original);
  revalidate (self);
  return self;
}

TdCourse *
td_course_form_get_course (TdCourseForm *self)
{
  g_return_val_if_fail (TD_IS_COURSE_FORM (self), NULL);
  return self->edited;
}

TdCourse *
td_course_form_get_original (TdCourseForm *self)
{
  g_return_val_if_fail (TD_IS_COURSE_FORM (self), NULL);
  return self->original;
}

gboolean
td_course_form_is_new (TdCourseForm *self)
{
  g_return_val_if_fail (TD_IS_COURSE_FORM (self), FALSE);
  return self->original->id == 0;
}

gboolean
td_course_form_is_modified (TdCourseForm *self)
{
  g_return_val_if_fail (TD_IS_COURSE_FORM (self), FALSE);

  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    if (self->raw[i] != NULL)
      return TRUE;
  return !td_course_equal (self->original, self->edited);
}

gboolean
td_course_form_is_valid (TdCourseForm *self)
{
  g_return_val_if_fail (TD_IS_COURSE_FORM (self), FALSE);

  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    if (self->error[i] != NULL)
      return FALSE;
  return TRUE;
}

void
td_course_form_set_text (TdCourseForm *self, TdCourseField field, const char *text)
{
  g_autofree char *trimmed = NULL;
  char **slot;

  g_return_if_fail (TD_IS_COURSE_FORM (self));
  g_return_if_fail (field < TD_COURSE_N_FIELDS);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  clear_parse_state (self, field);

  if (is_date_field (field))
    set_date_text (self, field, trimmed);
  else if (int_slot (self->edited, field) != NULL)
    set_int_text (self, field, trimmed);
  else if ((slot = string_slot (self->edited, field)) != NULL)
    {
      g_free (*slot);
      *slot = *trimmed != '\0' ? g_steal_pointer (&trimmed) : NULL;
    }
  else
    g_return_if_reached ();

  emit_changed (self);
}

char *
td_course_form_dup_text (TdCourseForm *self, TdCourseField field)
{
  char **slot;
  int *number;

  g_return_val_if_fail (TD_IS_COURSE_FORM (self), NULL);
  g_return_val_if_fail (field < TD_COURSE_N_FIELDS, NULL);

  if (self->raw[field] != NULL)
    return g_strdup (self->raw[field]);
  if ((number = int_slot (self->edited, field)) != NULL)
    return g_strdup_printf ("%d", *number);
  slot = string_slot (self->edited, field);
  g_return_val_if_fail (slot != NULL, NULL);
  if (*slot == NULL)
    return g_strdup ("");
  if (is_date_field (field))
    {
      char *roc = td_roc_date_format (*slot, TD_ROC_FORMAT_SLASH);
      return roc != NULL ? roc : g_strdup (*slot);
    }
  return g_strdup (*slot);
}

void
td_course_form_set_bool (TdCourseForm *self, TdCourseField field, gboolean value)
{
  gboolean *slot;

  g_return_if_fail (TD_IS_COURSE_FORM (self));
  slot = bool_slot (self->edited, field);
  g_return_if_fail (slot != NULL);

  *slot = !!value;
  emit_changed (self);
}

gboolean
td_course_form_get_bool (TdCourseForm *self, TdCourseField field)
{
  gboolean *slot;

  g_return_val_if_fail (TD_IS_COURSE_FORM (self), FALSE);
  slot = bool_slot (self->edited, field);
  g_return_val_if_fail (slot != NULL, FALSE);
  return *slot;
}

void
td_course_form_set_enum (TdCourseForm *self, TdCourseField field, int value)
{
  TdCourse *c;

  g_return_if_fail (TD_IS_COURSE_FORM (self));
  c = self->edited;

  switch (field)
    {
    case TD_COURSE_FIELD_REGIME:
      g_return_if_fail (value >= TD_REGIME_OSH && value <= TD_REGIME_HOURS);
      c->regime = value;
      break;
    case TD_COURSE_FIELD_KIND:
      g_return_if_fail (value >= TD_COURSE_KIND_PROFESSIONAL && value <= TD_COURSE_KIND_CONTINUING);
      c->kind = value;
      break;
    case TD_COURSE_FIELD_EXAM_MODE:
      g_return_if_fail (value >= TD_EXAM_MODE_NONE && value <= TD_EXAM_MODE_SKILLS);
      c->exam_mode = value;
      break;
    case TD_COURSE_FIELD_STATUS:
      g_return_if_fail (value >= TD_COURSE_STATUS_DRAFT && value <= TD_COURSE_STATUS_CLOSED);
      c->status = value;
      break;
    default:
      g_return_if_reached ();
    }
  emit_changed (self);
}

int
td_course_form_get_enum (TdCourseForm *self, TdCourseField field)
{
  g_return_val_if_fail (TD_IS_COURSE_FORM (self), 0);

  switch (field)
    {
    case TD_COURSE_FIELD_REGIME: return self->edited->regime;
    case TD_COURSE_FIELD_KIND: return self->edited->kind;
    case TD_COURSE_FIELD_EXAM_MODE: return self->edited->exam_mode;
    case TD_COURSE_FIELD_STATUS: return self->edited->status;
    default: g_return_val_if_reached (0);
    }
}

const char *
td_course_form_get_error (TdCourseForm *self, TdCourseField field)
{
  g_return_val_if_fail (TD_IS_COURSE_FORM (self), NULL);
  g_return_val_if_fail (field < TD_COURSE_N_FIELDS, NULL);
  return self->error[field];
}

char *
td_course_form_dup_errors (TdCourseForm *self)
{
  g_autoptr (GString) text = NULL;

  g_return_val_if_fail (TD_IS_COURSE_FORM (self), NULL);

  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    {
      if (self->error[i] == NULL)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", td_course_field_label (i), self->error[i]);
    }
  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

gboolean
td_course_form_save (TdCourseForm *self, TdStore *store, GError **error)
{
  g_autoptr (TdCourse) saved = NULL;
  g_autofree char *messages = NULL;

  g_return_val_if_fail (TD_IS_COURSE_FORM (self), FALSE);
  g_return_val_if_fail (TD_IS_STORE (store), FALSE);

  revalidate (self);
  messages = td_course_form_dup_errors (self);
  if (messages != NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The course was not saved:\n%s"), messages);
      return FALSE;
    }

  /* Save a copy so a refused save leaves the form exactly as it was. */
  saved = td_course_copy (self->edited);
  if (!td_store_save_course (store, saved, error))
    return FALSE;

  g_set_object (&self->original, saved);
  g_clear_object (&self->edited);
  self->edited = td_course_copy (saved);
  emit_changed (self);
  return TRUE;
}

void
td_course_form_revert (TdCourseForm *self)
{
  g_return_if_fail (TD_IS_COURSE_FORM (self));

  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    clear_parse_state (self, i);
  g_clear_object (&self->edited);
  self->edited = td_course_copy (self->original);
  emit_changed (self);
}

const char *
td_course_field_label (TdCourseField field)
{
  g_return_val_if_fail (field < TD_COURSE_N_FIELDS, NULL);
  return _(field_labels[field]);
}
