/* td-dialogs.c — message dialogs and toasts shared by the pages */
#include "config.h"

#define G_LOG_DOMAIN "td-dialogs"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-dialogs.h"
#include "td-window.h"

typedef struct {
  TdConfirmFunc func;
  GObject *data;
} Confirm;

static void
confirm_free (gpointer user_data, GClosure *closure)
{
  Confirm *confirm = user_data;

  g_clear_object (&confirm->data);
  g_free (confirm);
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, Confirm *confirm)
{
  if (g_strcmp0 (response, "accept") == 0)
    confirm->func (confirm->data);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
td_show_error (GtkWidget *widget, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (widget), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
td_confirm (GtkWidget *widget, const char *heading, const char *body, const char *accept_label,
            TdConfirmFunc func, GObject *data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (widget), heading, body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
  Confirm *confirm = g_new0 (Confirm, 1);

  confirm->func = func;
  confirm->data = data != NULL ? g_object_ref (data) : NULL;

  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (message, "accept", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (message, "cancel");
  adw_message_dialog_set_close_response (message, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), confirm,
                         confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
td_toast (GtkWidget *widget, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (TD_IS_WINDOW (root))
    td_window_add_toast (TD_WINDOW (root), message);
}
