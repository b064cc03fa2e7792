/* td-resources.h — the GUI's compiled-in templates and their life cycle */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes sure the templates are registered; every template class calls it first. */
void td_gui_ensure_resources (void);

#include <gtk/gtk.h>

/* Unparents what a template put directly in a GtkWidget subclass: dispose_template
 * only unparents the children bound to fields. Call it in dispose. */
void td_gui_unparent_children (GtkWidget *widget);

G_END_DECLS
