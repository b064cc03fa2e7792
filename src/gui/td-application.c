/* td-application.c — application: command line, the store, app actions */
#include "config.h"

#define G_LOG_DOMAIN "td-application"

#include <glib/gi18n.h>

#include "td-application.h"
#include "td-preferences-window.h"
#include "td-resources.h"
#include "td-window.h"

struct _TdApplication {
  AdwApplication parent_instance;

  char *db_path;       /* from --db, or NULL */
  TdStore *store;
  gboolean open_failed;
};

G_DEFINE_FINAL_TYPE (TdApplication, td_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the database at PATH"), N_("PATH") },
  { NULL }
};

/* --- helpers ---------------------------------------------------------------- */

static void
open_failed_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_application_release (app);
}

/* Without a database there is nothing to show: say which file and why, then quit. */
static void
show_open_error (TdApplication *self, const char *path, const GError *error)
{
  GtkWidget *dialog;

  g_printerr (_("Could not open the database %s: %s\n"), path, error->message);

  dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", path,
                                  error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (open_failed_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ensure_store (TdApplication *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store != NULL)
    return TRUE;

  path = td_store_resolve_path (self->db_path);
  self->store = td_store_open (path, &error);
  if (self->store == NULL)
    {
      self->open_failed = TRUE;
      show_open_error (self, path, error);
      return FALSE;
    }
  return TRUE;
}

/* --- actions ---------------------------------------------------------------- */

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window lets it ask about unsaved changes before it goes. */
  if (windows == NULL)
    g_application_quit (app);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Training Desk authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Training Desk"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Courses, rosters, sign-in, rule checks and certificates "
                                      "for training centres"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr (GtkBuilder) builder = NULL;
  GtkWindow *window;

  td_gui_ensure_resources ();
  builder = gtk_builder_new_from_resource ("/io/github/trainingdesk/TrainingDesk/ui/"
                                           "td-shortcuts-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_present (window);
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TdApplication *self = TD_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  if (self->store == NULL)
    return;
  preferences = td_preferences_window_new (parent, self->store);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
};

/* --- overrides -------------------------------------------------------------- */

static int
td_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  TdApplication *self = TD_APPLICATION (app);

  /* A window on another database must not be handed to an instance already running
   * on the default one. */
  if (g_variant_dict_lookup (options, "db", "^ay", &self->db_path))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
td_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.import-course", { "<Control>o", NULL } },
    { "win.export-course", { "<Control><Shift>e", NULL } },
  };

  G_APPLICATION_CLASS (td_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
td_application_activate (GApplication *app)
{
  TdApplication *self = TD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      if (!ensure_store (self))
        return;
      window = GTK_WINDOW (td_window_new (GTK_APPLICATION (app), self->store));
    }
  gtk_window_present (window);
}

static void
td_application_finalize (GObject *object)
{
  TdApplication *self = TD_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (td_application_parent_class)->finalize (object);
}

static void
td_application_class_init (TdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = td_application_finalize;
  app_class->handle_local_options = td_application_handle_local_options;
  app_class->startup = td_application_startup;
  app_class->activate = td_application_activate;
}

static void
td_application_init (TdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

/* --- public API ------------------------------------------------------------- */

TdApplication *
td_application_new (void)
{
  return g_object_new (TD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/trainingdesk/TrainingDesk",
                       NULL);
}

TdStore *
td_application_get_store (TdApplication *self)
{
  g_return_val_if_fail (TD_IS_APPLICATION (self), NULL);
  return self->store;
}

gboolean
td_application_get_open_failed (TdApplication *self)
{
  g_return_val_if_fail (TD_IS_APPLICATION (self), FALSE);
  return self->open_failed;
}
