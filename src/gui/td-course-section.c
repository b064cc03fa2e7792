/* td-course-section.c — the store and course a course editor tab shows, its layout,
 * and the refresh each time the tab is shown */
#include "config.h"

#define G_LOG_DOMAIN "td-course-section"

#include "td-course-section.h"
#include "td-resources.h"

typedef struct {
  TdStore *store;
  gint64 course_id;
} TdCourseSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TdCourseSection, td_course_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COURSE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- overrides -------------------------------------------------------------- */

static void
td_course_section_constructed (GObject *object)
{
  TdCourseSectionPrivate *priv =
    td_course_section_get_instance_private (TD_COURSE_SECTION (object));

  G_OBJECT_CLASS (td_course_section_parent_class)->constructed (object);

  g_assert (TD_IS_STORE (priv->store));
}

static void
td_course_section_map (GtkWidget *widget)
{
  TdCourseSectionClass *klass = TD_COURSE_SECTION_GET_CLASS (widget);

  GTK_WIDGET_CLASS (td_course_section_parent_class)->map (widget);
  if (klass->refresh != NULL)
    klass->refresh (TD_COURSE_SECTION (widget));
}

/* Subclasses dispose their templates first; whatever else they parented goes here. */
static void
td_course_section_dispose (GObject *object)
{
  td_gui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (td_course_section_parent_class)->dispose (object);
}

static void
td_course_section_finalize (GObject *object)
{
  TdCourseSectionPrivate *priv =
    td_course_section_get_instance_private (TD_COURSE_SECTION (object));

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (td_course_section_parent_class)->finalize (object);
}

static void
td_course_section_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  TdCourseSectionPrivate *priv =
    td_course_section_get_instance_private (TD_COURSE_SECTION (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_COURSE_ID:
      g_value_set_int64 (value, priv->course_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_course_section_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  TdCourseSectionPrivate *priv =
    td_course_section_get_instance_private (TD_COURSE_SECTION (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_COURSE_ID:
      priv->course_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_course_section_class_init (TdCourseSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_course_section_constructed;
  object_class->dispose = td_course_section_dispose;
  object_class->finalize = td_course_section_finalize;
  object_class->get_property = td_course_section_get_property;
  object_class->set_property = td_course_section_set_property;
  widget_class->map = td_course_section_map;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_COURSE_ID] = g_param_spec_int64 ("course-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
td_course_section_init (TdCourseSection *self)
{
}

/* --- public API ------------------------------------------------------------- */

TdStore *
td_course_section_get_store (TdCourseSection *self)
{
  TdCourseSectionPrivate *priv = td_course_section_get_instance_private (self);

  g_return_val_if_fail (TD_IS_COURSE_SECTION (self), NULL);
  return priv->store;
}

gint64
td_course_section_get_course_id (TdCourseSection *self)
{
  TdCourseSectionPrivate *priv = td_course_section_get_instance_private (self);

  g_return_val_if_fail (TD_IS_COURSE_SECTION (self), 0);
  return priv->course_id;
}
