/* td-widget-util.c — small widget chores several views share */
#include "config.h"

#define G_LOG_DOMAIN "td-widget-util"

#include "td-widget-util.h"

void
td_list_box_remove_all_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  /* By row index, not by child: the placeholder is a child too and must stay. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
