/* td-window.c — main window: header bar with view switcher, the pages, toasts */
#include "config.h"

#define G_LOG_DOMAIN "td-window"

#include <glib/gi18n.h>

#include "td-attendance-page.h"
#include "td-checks-page.h"
#include "td-courses-page.h"
#include "td-lecturers-page.h"
#include "td-resources.h"
#include "td-trainees-page.h"
#include "td-verify-dialog.h"
#include "td-window.h"

struct _TdWindow {
  AdwApplicationWindow parent_instance;

  TdStore *store;
  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  AdwViewStack *stack;
  TdCoursesPage *courses_page;
};

G_DEFINE_FINAL_TYPE (TdWindow, td_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static void
add_page (TdWindow *self, GtkWidget *page, const char *name, const char *title,
          const char *icon_name)
{
  AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->stack, page, name, title);

  adw_view_stack_page_set_icon_name (stack_page, icon_name);
}

static void
add_pages (TdWindow *self)
{
  GtkWidget *checks;

  self->courses_page = td_courses_page_new (self->store);
  add_page (self, GTK_WIDGET (self->courses_page), "courses", _("Courses"),
            "x-office-calendar-symbolic");
  add_page (self, td_attendance_page_new (self->store), "attendance", _("Attendance"),
            "x-office-address-book-symbolic");
  add_page (self, td_trainees_page_new (self->store), "trainees",
            /* TRANSLATORS: the page of every trainee, not a count */
            C_("page title", "Trainees"),
            "system-users-symbolic");
  add_page (self, td_lecturers_page_new (self->store), "lecturers", _("Lecturers"),
            "avatar-default-symbolic");
  checks = td_checks_page_new (self->store);
  add_page (self, checks, "checks", _("Checks"), "dialog-warning-symbolic");
  td_checks_page_bind_badge (TD_CHECKS_PAGE (checks),
                             adw_view_stack_get_page (self->stack, checks));
}

/* --- callbacks -------------------------------------------------------------- */

static void
course_open_changed_cb (TdWindow *self)
{
  gboolean has_course = td_courses_page_get_current_course_id (self->courses_page) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-course", has_course);
}

static void
leave_confirmed_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
}

/* --- actions ---------------------------------------------------------------- */

static void
import_course_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  td_window_show_page (self, "courses");
  td_courses_page_import_course_file (self->courses_page);
}

static void
export_course_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  td_courses_page_export_course_file (self->courses_page);
}

static void
verify_code_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdWindow *self = TD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (td_verify_dialog_new (GTK_WINDOW (self), self->store)));
}

/* --- overrides -------------------------------------------------------------- */

static gboolean
td_window_close_request (GtkWindow *window)
{
  TdWindow *self = TD_WINDOW (window);

  /* The courses page asks about unsaved edits first; it closes the window itself
   * once the person has answered. */
  if (td_courses_page_request_leave (self->courses_page, leave_confirmed_cb, self))
    return GTK_WINDOW_CLASS (td_window_parent_class)->close_request (window);
  return TRUE;
}

static void
td_window_constructed (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  G_OBJECT_CLASS (td_window_parent_class)->constructed (object);

  g_assert (TD_IS_STORE (self->store));
  add_pages (self);
  g_signal_connect_object (self->courses_page, "notify::current-course-id",
                           G_CALLBACK (course_open_changed_cb), self, G_CONNECT_SWAPPED);
  course_open_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->courses_page));

  if (self->settings == NULL)
    return;
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
td_window_dispose (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_WINDOW);

  G_OBJECT_CLASS (td_window_parent_class)->dispose (object);
}

static void
td_window_finalize (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (td_window_parent_class)->finalize (object);
}

static void
td_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_window_class_init (TdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = td_window_constructed;
  object_class->dispose = td_window_dispose;
  object_class->finalize = td_window_finalize;
  object_class->get_property = td_window_get_property;
  object_class->set_property = td_window_set_property;
  window_class->close_request = td_window_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.import-course", NULL,
                                   import_course_activated);
  gtk_widget_class_install_action (widget_class, "win.export-course", NULL,
                                   export_course_activated);
  gtk_widget_class_install_action (widget_class, "win.verify-code", NULL, verify_code_activated);

  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, stack);
}

/* The window's settings. Run from the build tree (the quick-start demo) the schema is
 * not installed: it is read from the build tree's compiled schemas then, rather than
 * letting GSettings abort. NULL only when neither has it; the window size is then
 * simply not remembered. */
static GSettings *
new_window_settings (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchemaSource) build = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
  if (schema == NULL)
    {
      build = g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, installed, FALSE,
                                                           NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; window size is not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
td_window_init (TdWindow *self)
{
  self->settings = new_window_settings ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ------------------------------------------------------------- */

TdWindow *
td_window_new (GtkApplication *app, TdStore *store)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_WINDOW, "application", app, "store", store, NULL);
}

TdStore *
td_window_get_store (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return self->store;
}

void
td_window_add_toast (TdWindow *self, const char *message)
{
  g_return_if_fail (TD_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
td_window_show_page (TdWindow *self, const char *name)
{
  g_return_if_fail (TD_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

GtkWidget *
td_window_get_page (TdWindow *self, const char *name)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, name);
}
