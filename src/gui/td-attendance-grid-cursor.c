/* td-attendance-grid-cursor.c — the attendance grid's own cell cursor and the cells' menu.
 *
 * GtkColumnView (GTK 4.8) selects rows, not cells, so the grid keeps its own cursor:
 * every cell is a focusable flat button that knows its row position and session
 * column, and the arrow keys move the focus between them. Enter (the button's
 * activation) or a right click opens one menu, shared by all cells, that acts on the
 * cursor's cell. */
#include "config.h"

#define G_LOG_DOMAIN "td-attendance-grid"

#include <glib/gi18n.h>

#include "td-attendance-grid-private.h"

/* --- finding and showing the cursor's cell ------------------------------------------- */

static gboolean
is_cell (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_has_css_class (widget, "grid-cell");
}

static GtkWidget *
find_cell_widget (GtkWidget *widget, guint row, guint col)
{
  if (is_cell (widget))
    return gtk_widget_get_mapped (widget)
               && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "td-row")) == row
               && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "td-col")) == col
             ? widget : NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_cell_widget (c, row, col);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Moves @adjustment just enough to show [@start, @end) of a @size-long view that
 * begins @offset into the widget. */
static void
reveal (GtkAdjustment *adjustment, double start, double end, double offset, double size)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (start < offset)
    gtk_adjustment_set_value (adjustment, value - (offset - start));
  else if (end > size)
    gtk_adjustment_set_value (adjustment, value + MIN (end - size, start - offset));
}

static void
scroll_to_cell (TdAttendanceGrid *self, GtkWidget *cell)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkWidget *header = gtk_widget_get_first_child (view);
  graphene_rect_t b;
  double top = header != NULL ? gtk_widget_get_height (header) : 0;

  if (!gtk_widget_compute_bounds (cell, view, &b))
    return;
  reveal (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view)), b.origin.x,
          b.origin.x + b.size.width, 0, gtk_widget_get_width (view));
  reveal (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), b.origin.y,
          b.origin.y + b.size.height, top, gtk_widget_get_height (view));
}

static gboolean
reveal_cursor_idle_cb (gpointer data)
{
  TdAttendanceGrid *self = TD_ATTENDANCE_GRID (data);
  GtkWidget *cell = find_cell_widget (GTK_WIDGET (self->column_view), self->cursor_row,
                                      self->cursor_col);

  if (cell != NULL)
    scroll_to_cell (self, cell);
  return G_SOURCE_REMOVE;
}

static gboolean
focus_cursor (TdAttendanceGrid *self)
{
  GtkWidget *cell = find_cell_widget (GTK_WIDGET (self->column_view), self->cursor_row,
                                      self->cursor_col);

  if (cell == NULL)
    return FALSE;
  gtk_widget_grab_focus (cell);
  scroll_to_cell (self, cell);
  /* The list scrolls a newly focused row into view itself, after this: check again
   * once it has. */
  g_idle_add_full (G_PRIORITY_LOW, reveal_cursor_idle_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

static gboolean
focus_cursor_idle_cb (gpointer data)
{
  focus_cursor (TD_ATTENDANCE_GRID (data));
  return G_SOURCE_REMOVE;
}

/* A row not built yet (far down a long roster) is scrolled towards first. */
static void
move_cursor (TdAttendanceGrid *self, int rows, int cols)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_cols = self->sessions != NULL ? self->sessions->len : 0;
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (n_rows == 0 || n_cols == 0)
    return;
  self->cursor_row = CLAMP ((int) self->cursor_row + rows, 0, (int) n_rows - 1);
  self->cursor_col = CLAMP ((int) self->cursor_col + cols, 0, (int) n_cols - 1);
  if (focus_cursor (self))
    return;
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) * self->cursor_row / n_rows);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_cursor_idle_cb, g_object_ref (self),
                   g_object_unref);
}

gboolean
_td_attendance_grid_cell_has_focus (TdAttendanceGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return is_cell (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view));
}

/* --- the keys ------------------------------------------------------------------------ */

static const struct {
  guint keyval;
  const char *action;
} grid_keys[] = {
  { GDK_KEY_p, "grid.present" }, { GDK_KEY_t, "grid.late" },    { GDK_KEY_a, "grid.absent" },
  { GDK_KEY_l, "grid.leave" },   { GDK_KEY_m, "grid.makeup" },  { GDK_KEY_c, "grid.correct" },
  { GDK_KEY_h, "grid.history" },
};

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, TdAttendanceGrid *self)
{
  int rows = 0, cols = 0;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: rows = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: rows = 1; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: cols = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: cols = 1; break;
    case GDK_KEY_Home: cols = -(int) self->cursor_col; break;
    case GDK_KEY_End: cols = G_MAXINT / 2; break;
    case GDK_KEY_Menu:
      if (!_td_attendance_grid_cell_has_focus (self))
        return FALSE;
      _td_attendance_grid_open_cell_menu (self,
                                          gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))));
      return TRUE;
    default:
      for (guint i = 0; i < G_N_ELEMENTS (grid_keys); i++)
        if (grid_keys[i].keyval == keyval && _td_attendance_grid_cell_has_focus (self))
          return gtk_widget_activate_action (GTK_WIDGET (self), grid_keys[i].action, NULL);
      return FALSE;
    }
  move_cursor (self, rows, cols);
  /* The last session: show the totals and the status beside it too. */
  if (keyval == GDK_KEY_End)
    {
      GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
      gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h));
    }
  return TRUE;
}

/* --- the cells' menu ----------------------------------------------------------------- */

void
_td_attendance_grid_open_cell_menu (TdAttendanceGrid *self, GtkWidget *cell)
{
  graphene_rect_t b;
  GdkRectangle rect;

  if (cell == NULL || !gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &b))
    return;
  rect.x = (int) b.origin.x;
  rect.y = (int) b.origin.y;
  rect.width = (int) b.size.width;
  rect.height = (int) b.size.height;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Back to the cursor's cell once the menu or a dialog is done with, or the rows were
 * rebuilt: the cell is a new widget once laid out. */
void
_td_attendance_grid_refocus_later (TdAttendanceGrid *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_cursor_idle_cb, g_object_ref (self),
                   g_object_unref);
}

static GMenuModel *
new_cell_menu_model (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *marks = g_menu_new ();
  GMenu *records = g_menu_new ();
  GMenu *history = g_menu_new ();

  g_menu_append (marks, _("_Present"), "grid.present");
  g_menu_append (marks, _("_Late…"), "grid.late");
  g_menu_append (marks, _("_Absent"), "grid.absent");
  g_menu_append (records, _("Record _Leave…"), "grid.leave");
  g_menu_append (records, _("Record _Make-up…"), "grid.makeup");
  g_menu_append (history, _("_Correct…"), "grid.correct");
  g_menu_append (history, _("_History"), "grid.history");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (marks));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (records));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (history));
  g_object_unref (marks);
  g_object_unref (records);
  g_object_unref (history);
  return G_MENU_MODEL (menu);
}

/* --- set-up ---------------------------------------------------------------------------- */

/* The shared cell menu, parented to the grid, and the keys, caught before the column
 * view moves its own row focus. */
void
_td_attendance_grid_init_cursor (TdAttendanceGrid *self)
{
  g_autoptr (GMenuModel) model = new_cell_menu_model ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->menu = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (self->menu), GTK_POS_BOTTOM);
  g_signal_connect_object (self->menu, "closed", G_CALLBACK (_td_attendance_grid_refocus_later),
                           self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
}
