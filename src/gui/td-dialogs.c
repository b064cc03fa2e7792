/* td-dialogs.c — message dialogs and toasts shared by the pages */
#include "config.h"

#define G_LOG_DOMAIN "td-dialogs"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-dialogs.h"
#include "td-window.h"

/* Longer messages go into a scrolled list below a one-line summary. */
#define MAX_BODY_LINES 6

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

/* A file with many problems lists them all: in a scrolled, selectable label, so the
 * dialog stays on screen and the list can be copied. */
static GtkWidget *
new_problem_list (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  return scroller;
}

void
td_show_error (GtkWidget *widget, const char *heading, const char *body)
{
  g_auto (GStrv) lines = g_strsplit (body, "\n", 0);
  GtkWidget *dialog;

  if (g_strv_length (lines) <= MAX_BODY_LINES)
    dialog = adw_message_dialog_new (parent_window (widget), heading, body);
  else
    {
      dialog = adw_message_dialog_new (parent_window (widget), heading, NULL);
      guint n = g_strv_length (lines);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      ngettext ("%u problem, listed below.",
                                                "%u problems, each listed below.", n), n);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), new_problem_list (body));
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
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
  /* A question about a window that is gone must not be answered any more. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
td_toast (GtkWidget *widget, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (TD_IS_WINDOW (root))
    td_window_add_toast (TD_WINDOW (root), message);
}
