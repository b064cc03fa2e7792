/* td-resources.c — registering the GUI's GResource from a static library */
#include "config.h"

#define G_LOG_DOMAIN "td-resources"

#include <gtk/gtk.h>

#include "td-gui-resources.h"
#include "td-resources.h"

/* The generated resource registers itself in a constructor, but a static library's
 * object is linked only when referenced: this reference pulls it in, and the check
 * covers toolchains without constructors. */
void
td_gui_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      GResource *resource = td_gui_get_resource ();

      if (!g_resources_get_info ("/io/github/trainingdesk/TrainingDesk/ui/td-window.ui", 0,
                                 NULL, NULL, NULL))
        g_resources_register (resource);
      g_once_init_leave (&done, 1);
    }
}

void
td_gui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
