/* td-dialogs.h — the few message dialogs and toasts every page shows */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*TdConfirmFunc) (gpointer data);

/* A modal message with one Close button, over @widget's window. */
void td_show_error (GtkWidget *widget, const char *heading, const char *body);

/* Asks before something that cannot be undone; @func(@data) runs only when the person
 * chose @accept_label. @data is kept alive (g_object_ref) while the dialog is up. */
void td_confirm (GtkWidget *widget, const char *heading, const char *body,
                 const char *accept_label, TdConfirmFunc func, GObject *data);

/* A toast in @widget's TdWindow (nothing when it is in none, e.g. in some tests). */
void td_toast (GtkWidget *widget, const char *message);

G_END_DECLS
