/* td-widget-util.h — small widget chores several views share */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every row of @list; a placeholder set with gtk_list_box_set_placeholder()
 * stays, so an emptied list shows it again. */
void td_list_box_remove_all_rows (GtkListBox *list);

G_END_DECLS
