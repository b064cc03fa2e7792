/* td-saved-course-gate.c — "Save the Course First" with the tab's own description until
 * the course is stored, then the tab's section */
#include "config.h"

#define G_LOG_DOMAIN "td-saved-course-gate"

#include <adwaita.h>

#include "td-resources.h"
#include "td-saved-course-gate.h"

struct _TdSavedCourseGate {
  GtkWidget parent_instance;

  GType section_type;
  TdCourseSection *section;        /* NULL until opened; a child of stack */

  GtkStack *stack;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (TdSavedCourseGate, td_saved_course_gate, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECTION_TYPE,
  PROP_DESCRIPTION,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- overrides -------------------------------------------------------------- */

static void
td_saved_course_gate_constructed (GObject *object)
{
  TdSavedCourseGate *self = TD_SAVED_COURSE_GATE (object);

  G_OBJECT_CLASS (td_saved_course_gate_parent_class)->constructed (object);

  /* The type comes from a .ui file: a typo there should stop the app at once. */
  if (!g_type_is_a (self->section_type, TD_TYPE_COURSE_SECTION) ||
      G_TYPE_IS_ABSTRACT (self->section_type))
    g_error ("A saved-course gate needs a TdCourseSection type, not %s",
             g_type_name (self->section_type));
}

static void
td_saved_course_gate_dispose (GObject *object)
{
  TdSavedCourseGate *self = TD_SAVED_COURSE_GATE (object);

  self->section = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SAVED_COURSE_GATE);

  G_OBJECT_CLASS (td_saved_course_gate_parent_class)->dispose (object);
}

static void
td_saved_course_gate_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  TdSavedCourseGate *self = TD_SAVED_COURSE_GATE (object);

  switch (prop_id)
    {
    case PROP_SECTION_TYPE:
      g_value_set_gtype (value, self->section_type);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->status_page));
      break;
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_saved_course_gate_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  TdSavedCourseGate *self = TD_SAVED_COURSE_GATE (object);

  switch (prop_id)
    {
    case PROP_SECTION_TYPE:
      self->section_type = g_value_get_gtype (value);
      break;
    case PROP_DESCRIPTION:
      if (g_strcmp0 (g_value_get_string (value),
                     adw_status_page_get_description (self->status_page)) == 0)
        break;
      adw_status_page_set_description (self->status_page, g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_saved_course_gate_class_init (TdSavedCourseGateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_saved_course_gate_constructed;
  object_class->dispose = td_saved_course_gate_dispose;
  object_class->get_property = td_saved_course_gate_get_property;
  object_class->set_property = td_saved_course_gate_set_property;

  properties[PROP_SECTION_TYPE] =
    g_param_spec_gtype ("section-type", NULL, NULL, TD_TYPE_COURSE_SECTION,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* What the tab offers once the course is saved, under "Save the Course First". */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, TD_TYPE_COURSE_SECTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-saved-course-gate.ui");
  gtk_widget_class_bind_template_child (widget_class, TdSavedCourseGate, stack);
  gtk_widget_class_bind_template_child (widget_class, TdSavedCourseGate, status_page);
}

static void
td_saved_course_gate_init (TdSavedCourseGate *self)
{
  self->section_type = TD_TYPE_COURSE_SECTION;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ------------------------------------------------------------- */

void
td_saved_course_gate_open (TdSavedCourseGate *self, TdStore *store, gint64 course_id)
{
  g_return_if_fail (TD_IS_SAVED_COURSE_GATE (self));
  g_return_if_fail (TD_IS_STORE (store));
  g_return_if_fail (course_id > 0);

  if (self->section != NULL)
    return;
  self->section = g_object_new (self->section_type, "store", store, "course-id", course_id,
                                NULL);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->section), "editor");
  gtk_stack_set_visible_child_name (self->stack, "editor");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

TdCourseSection *
td_saved_course_gate_get_section (TdSavedCourseGate *self)
{
  g_return_val_if_fail (TD_IS_SAVED_COURSE_GATE (self), NULL);
  return self->section;
}
