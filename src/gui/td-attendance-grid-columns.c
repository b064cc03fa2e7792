/* td-attendance-grid-columns.c — the attendance grid's columns: roster no. and name,
 * one column per session, then hours attended, absent hours and status.
 *
 * GTK 4.8 has no frozen columns, so no. and name are a column view of their own
 * (name_view) beside the one that scrolls sideways (column_view): both show the same
 * selection model and scroll with the same vertical adjustment, and the CSS in
 * td-attendance-grid.css gives their rows and headers one height, so they line up.
 *
 * A session's cell is a flat, focusable button that remembers its row position and
 * session column, so the cursor (td-attendance-grid-cursor.c) can find and focus it;
 * a click or a right click on it opens the cells' menu there. */
#include "config.h"

#define G_LOG_DOMAIN "td-attendance-grid"

#include <glib/gi18n.h>

#include "td-attendance-grid-private.h"
#include "td-roc-date.h"

static const char *const cell_classes[] = { "success", "warning", "error", "dim-label", NULL };

/* --- the trainee and the totals ------------------------------------------------------ */

enum { COL_SEQ, COL_NAME, COL_ATTENDED, COL_ABSENT, COL_STATUS };

static void
text_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (user_data) == COL_NAME
                                             || GPOINTER_TO_UINT (user_data) == COL_STATUS ? 0 : 1);
  gtk_list_item_set_child (item, label);
}

static void
set_css (GtkWidget *widget, const char *css)
{
  for (guint i = 0; cell_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, cell_classes[i]);
  if (css != NULL)
    gtk_widget_add_css_class (widget, css);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  TdGridRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = NULL;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COL_SEQ: text = row->seq; break;
    case COL_NAME: text = row->name; break;
    case COL_ATTENDED: text = row->totals[TD_GRID_TOTAL_ATTENDED]; break;
    case COL_ABSENT: text = row->totals[TD_GRID_TOTAL_ABSENT]; break;
    default: text = row->totals[TD_GRID_TOTAL_STATUS]; break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  if (GPOINTER_TO_UINT (user_data) == COL_STATUS)
    {
      set_css (label, row->status_css);
      gtk_widget_set_tooltip_text (label, row->status_tooltip);
    }
}

static GtkColumnViewColumn *
new_text_column (const char *title, guint which)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (text_setup_cb), GUINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (text_bind_cb), GUINT_TO_POINTER (which));
  return gtk_column_view_column_new (title, factory);
}

/* --- the sessions --------------------------------------------------------------------- */

static char *
dup_session_title (TdSession *s)
{
  g_autofree char *date = td_roc_date_format (s->date, TD_ROC_FORMAT_SLASH);

  return g_strdup_printf ("%s\n%s", date != NULL ? date : s->date, s->start_time);
}

static void
set_cursor_from (TdAttendanceGrid *self, GtkWidget *cell)
{
  self->cursor_row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "td-row"));
  self->cursor_col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "td-col"));
}

static void
cell_clicked_cb (GtkButton *button, TdAttendanceGrid *self)
{
  set_cursor_from (self, GTK_WIDGET (button));
  _td_attendance_grid_open_cell_menu (self, GTK_WIDGET (button));
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller, TdAttendanceGrid *self)
{
  set_cursor_from (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
cell_secondary_cb (GtkGestureClick *gesture, int n_press, double x, double y,
                   TdAttendanceGrid *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (cell);
  set_cursor_from (self, cell);
  _td_attendance_grid_open_cell_menu (self, cell);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TdAttendanceGrid *self)
{
  GtkWidget *button = gtk_button_new_with_label ("");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "grid-cell");
  gtk_list_item_set_activatable (item, FALSE);
  g_signal_connect_object (button, "clicked", G_CALLBACK (cell_clicked_cb), self, 0);
  g_signal_connect_object (focus, "enter", G_CALLBACK (cell_focus_enter_cb), self, 0);
  gtk_widget_add_controller (button, focus);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (cell_secondary_cb), self, 0);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (secondary));
  gtk_list_item_set_child (item, button);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TdAttendanceGrid *self)
{
  TdGridRow *row = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_list_item_get_child (item);
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "td-col"));
  const TdGridCell *cell = col < row->n_cells ? &row->cells[col] : NULL;
  TdSession *session = _td_attendance_grid_session_at (self, col);
  guint position = gtk_list_item_get_position (item);

  g_object_set_data (G_OBJECT (button), "td-row", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (button), "td-col", GUINT_TO_POINTER (col));
  gtk_button_set_label (GTK_BUTTON (button), cell != NULL ? cell->text : "");
  /* Whose cell it is, also where the name column is far to the left. */
  if (cell != NULL && session != NULL)
    {
      g_autofree char *title = g_strdelimit (dup_session_title (session), "\n", ' ');
      g_autofree char *tooltip = g_strdup_printf ("%s  %s%s%s", row->name, title,
                                                  cell->tooltip != NULL ? "\n" : "",
                                                  cell->tooltip != NULL ? cell->tooltip : "");
      gtk_widget_set_tooltip_text (button, tooltip);
    }
  set_css (button, cell != NULL ? cell->css : NULL);
}

static GtkColumnViewColumn *
new_session_column (TdAttendanceGrid *self, TdSession *s, guint col)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autofree char *title = dup_session_title (s);

  g_object_set_data (G_OBJECT (factory), "td-col", GUINT_TO_POINTER (col));
  g_signal_connect_object (factory, "setup", G_CALLBACK (cell_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind_cb), self, 0);
  return gtk_column_view_column_new (title, factory);
}

/* --- building ------------------------------------------------------------------------- */

static void
remove_columns (TdAttendanceGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
  g_ptr_array_set_size (self->session_columns, 0);
}

static void
append_column (GtkColumnView *view, GtkColumnViewColumn *column, gboolean expand)
{
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static void
ensure_css (void)
{
  static gsize done = 0;
  g_autoptr (GtkCssProvider) provider = NULL;
  GdkDisplay *display;

  if (!g_once_init_enter (&done))
    return;
  provider = gtk_css_provider_new ();
  display = gdk_display_get_default ();
  gtk_css_provider_load_from_resource (provider, "/io/github/trainingdesk/TrainingDesk/ui/"
                                                 "td-attendance-grid.css");
  if (display != NULL)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_once_init_leave (&done, 1);
}

/* Both views show the rows through one selection model and scroll down together: the
 * name view takes the session view's vertical adjustment. */
void
_td_attendance_grid_init_columns (TdAttendanceGrid *self)
{
  g_autoptr (GtkSelectionModel) model = NULL;

  ensure_css ();
  model = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows))));
  gtk_column_view_set_model (self->name_view, model);
  gtk_column_view_set_model (self->column_view, model);
  gtk_scrolled_window_set_vadjustment (self->name_scroller,
                                       gtk_scrolled_window_get_vadjustment (self->scroller));
  /* TRANSLATORS: the roster number column (序號) */
  append_column (self->name_view, new_text_column (C_("roster", "No."), COL_SEQ), FALSE);
  append_column (self->name_view, new_text_column (_("Name"), COL_NAME), FALSE);
}

/* Rebuilt whenever the sessions change: one column per session, then the totals. */
void
_td_attendance_grid_build_columns (TdAttendanceGrid *self)
{
  remove_columns (self);
  for (guint j = 0; j < self->sessions->len; j++)
    {
      GtkColumnViewColumn *column = new_session_column (self,
                                                        g_ptr_array_index (self->sessions, j), j);
      g_ptr_array_add (self->session_columns, g_object_ref (column));
      append_column (self->column_view, column, FALSE);
    }
  /* TRANSLATORS: column of hours attended */
  append_column (self->column_view, new_text_column (_("Attended (h)"), COL_ATTENDED), FALSE);
  /* TRANSLATORS: column of absent hours (leave + truancy) */
  append_column (self->column_view, new_text_column (_("Absent (h)"), COL_ABSENT), FALSE);
  append_column (self->column_view, new_text_column (_("Status"), COL_STATUS), TRUE);
}
