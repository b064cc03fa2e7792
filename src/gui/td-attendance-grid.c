/* td-attendance-grid.c — a course's attendance, trainees × sessions, with the rules'
 * findings recomputed after every change.
 *
 * GtkColumnView (GTK 4.8) selects rows, not cells, so the grid keeps its own cursor:
 * every cell is a focusable flat button that knows its row position and session
 * column, and the arrow keys move the focus between them. Enter (the button's
 * activation) or a right click opens one menu, shared by all cells, that acts on the
 * cursor's cell. */
#include "config.h"

#define G_LOG_DOMAIN "td-attendance-grid"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "td-attendance-common.h"
#include "td-attendance-desk.h"
#include "td-attendance-grid.h"
#include "td-dialogs.h"
#include "td-resources.h"
#include "td-roc-date.h"
#include "td-rules.h"

/* --- one trainee's row ----------------------------------------------------------- */

typedef struct {
  char *text;
  char *tooltip;
  const char *css;          /* static: "success", "warning", "error", "dim-label" or NULL */
  gboolean recorded;        /* the cell has an attendance event */
} GridCell;

#define TD_TYPE_GRID_ROW (td_grid_row_get_type ())
G_DECLARE_FINAL_TYPE (TdGridRow, td_grid_row, TD, GRID_ROW, GObject)

struct _TdGridRow {
  GObject parent_instance;

  gint64 trainee_id;
  char *seq;
  char *name;
  GridCell *cells;          /* one per session */
  guint n_cells;
  char *totals[3];          /* TdGridTotal */
  char *status_tooltip;
  const char *status_css;
};

G_DEFINE_FINAL_TYPE (TdGridRow, td_grid_row, G_TYPE_OBJECT)

static void
td_grid_row_finalize (GObject *object)
{
  TdGridRow *self = TD_GRID_ROW (object);

  for (guint i = 0; i < self->n_cells; i++)
    {
      g_free (self->cells[i].text);
      g_free (self->cells[i].tooltip);
    }
  g_free (self->cells);
  for (guint i = 0; i < G_N_ELEMENTS (self->totals); i++)
    g_free (self->totals[i]);
  g_free (self->seq);
  g_free (self->name);
  g_free (self->status_tooltip);
  G_OBJECT_CLASS (td_grid_row_parent_class)->finalize (object);
}

static void
td_grid_row_class_init (TdGridRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_grid_row_finalize;
}

static void
td_grid_row_init (TdGridRow *self)
{
}

/* --- the grid -------------------------------------------------------------------- */

struct _TdAttendanceGrid {
  TdCourseSection parent_instance;

  TdStore *store;                  /* TdCourseSection's, borrowed */
  gint64 course_id;
  char *today;               /* NULL: the current date */
  TdCourse *course;
  TdRulePack *pack;          /* of the course's regime with a time model, or NULL */
  GPtrArray *sessions;       /* TdSession*, by date and start */
  GListStore *rows;          /* TdGridRow */
  GPtrArray *session_columns; /* GtkColumnViewColumn*, one per session */
  guint cursor_row;
  guint cursor_col;
  GtkWidget *menu;           /* GtkPopoverMenu, the cells' menu */

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *summary_label;
  GtkColumnView *column_view;
  GtkScrolledWindow *scroller;
  GtkExpander *rollcall_expander;
  GtkLabel *rollcall_label;
};

G_DEFINE_FINAL_TYPE (TdAttendanceGrid, td_attendance_grid, TD_TYPE_COURSE_SECTION)

static const char *const cell_classes[] = { "success", "warning", "error", "dim-label", NULL };

/* --- reading --------------------------------------------------------------------- */

static char *
dup_today (TdAttendanceGrid *self)
{
  return self->today != NULL ? g_strdup (self->today) : td_iso_date_today ();
}

static TdSession *
session_at (TdAttendanceGrid *self, guint col)
{
  return self->sessions != NULL && col < self->sessions->len
           ? g_ptr_array_index (self->sessions, col) : NULL;
}

static int
session_index (TdAttendanceGrid *self, gint64 session_id)
{
  for (guint i = 0; self->sessions != NULL && i < self->sessions->len; i++)
    if (((TdSession *) g_ptr_array_index (self->sessions, i))->id == session_id)
      return (int) i;
  return -1;
}

static TdGridRow *
find_row (TdAttendanceGrid *self, gint64 trainee_id, guint *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdGridRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row->trainee_id != trainee_id)
        continue;
      if (position != NULL)
        *position = i;
      return row;   /* the store keeps its own reference */
    }
  return NULL;
}

/* key "session:trainee" → the current TdAttendance (borrowed from the snapshot) */
static char *
cell_key (gint64 session_id, gint64 trainee_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, session_id, trainee_id);
}

static GHashTable *
index_attendance (const TdCourseSnapshot *snapshot)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < snapshot->attendance->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (snapshot->attendance, i);
      g_hash_table_insert (cells, cell_key (a->session_id, a->trainee_id), a);
    }
  return cells;
}

/* The snapshot reduced to one session, so a cell's lateness is that session's. */
static TdCourseSnapshot *
session_snapshot (const TdCourseSnapshot *course, TdSession *session)
{
  TdCourseSnapshot *one = td_course_snapshot_new (course->course);
  GHashTableIter iter;
  gpointer key, value;

  g_ptr_array_add (one->sessions, td_session_copy (session));
  for (guint i = 0; i < course->enrolments->len; i++)
    g_ptr_array_add (one->enrolments, g_object_ref (g_ptr_array_index (course->enrolments, i)));
  for (guint i = 0; i < course->attendance->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (course->attendance, i);
      if (a->session_id == session->id)
        g_ptr_array_add (one->attendance, td_attendance_copy (a));
    }
  g_hash_table_iter_init (&iter, course->settings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (one->settings, g_strdup (key), g_strdup (value));
  return one;
}

/* --- what a cell shows ----------------------------------------------------------- */

typedef struct {
  const TdCourseSnapshot *snapshot;
  GPtrArray *ones;            /* TdCourseSnapshot* per session */
  GHashTable *cells;          /* cell_key → TdAttendance* */
  GPtrArray *makeups;         /* TdMakeup* */
  GPtrArray *leave;           /* TdLeave* */
  GHashTable *findings;       /* trainee id → GPtrArray of TdFinding* (borrowed) */
  GPtrArray *all_findings;
  char *today;
} GridData;

static void
grid_data_clear (GridData *d)
{
  g_clear_pointer (&d->ones, g_ptr_array_unref);
  g_clear_pointer (&d->cells, g_hash_table_unref);
  g_clear_pointer (&d->makeups, g_ptr_array_unref);
  g_clear_pointer (&d->leave, g_ptr_array_unref);
  g_clear_pointer (&d->findings, g_hash_table_unref);
  g_clear_pointer (&d->all_findings, g_ptr_array_unref);
  g_clear_pointer (&d->today, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GridData, grid_data_clear)

static const TdMakeup *
find_makeup (GPtrArray *makeups, gint64 session_id, gint64 trainee_id)
{
  for (guint i = 0; makeups != NULL && i < makeups->len; i++)
    {
      const TdMakeup *m = g_ptr_array_index (makeups, i);
      if (m->missed_session_id == session_id && m->trainee_id == trainee_id)
        return m;
    }
  return NULL;
}

/* The latest leave row of the cell, for its proof note. */
static const TdLeave *
find_leave (GPtrArray *leave, gint64 session_id, gint64 trainee_id)
{
  const TdLeave *found = NULL;

  for (guint i = 0; leave != NULL && i < leave->len; i++)
    {
      const TdLeave *l = g_ptr_array_index (leave, i);
      if (l->session_id == session_id && l->trainee_id == trainee_id)
        found = l;
    }
  return found;
}

static void
cell_for_present (TdAttendanceGrid *self, GridCell *cell, const TdAttendance *a,
                  const TdAttendanceSummary *sum)
{
  g_autofree char *hours = td_attendance_format_hours (sum->truant_minutes);
  g_autofree char *times = g_strdup_printf (_("present, in %s, out %s"),
                                            a->in_time != NULL ? a->in_time : "—",
                                            a->out_time != NULL ? a->out_time : "—");

  if (sum->late_minutes > 0)
    {
      /* TRANSLATORS: a grid cell, kept short: late, %s truant hours */
      cell->text = g_strdup_printf (_("Late %s h"), hours);
      cell->css = "warning";
    }
  else if (sum->truant_minutes > 0)
    {
      /* TRANSLATORS: a grid cell, kept short: left early, %s truant hours */
      cell->text = g_strdup_printf (_("Early %s h"), hours);
      cell->css = "warning";
    }
  else
    {
      cell->text = g_strdup ("✓");
      cell->css = "success";
    }
  cell->tooltip = g_steal_pointer (&times);
}

static void
cell_for_leave (GridCell *cell, const TdAttendance *a, const TdAttendanceSummary *sum,
                const TdLeave *leave)
{
  g_autofree char *hours = td_attendance_format_hours (sum->leave_minutes);
  g_autofree char *truant = td_attendance_format_hours (sum->truant_minutes);
  g_autofree char *label = td_attendance_dup_leave_label (a->leave_kind);
  g_autofree char *about = NULL;

  /* The rules count the hours of the leave record; the rest of the session counts as
   * signed, and without a sign-in it is truant. */
  if (sum->truant_minutes > 0)
    {
      /* TRANSLATORS: a grid cell, kept short: %s hours of leave and %s truant hours */
      cell->text = g_strdup_printf (_("Leave %s h, truant %s h"), hours, truant);
      cell->css = "warning";
    }
  else
    {
      /* TRANSLATORS: a grid cell, kept short: leave of %s hours */
      cell->text = g_strdup_printf (_("Leave %s h"), hours);
      cell->css = "dim-label";
    }
  if (leave != NULL)
    {
      g_autofree char *asked = td_attendance_format_hours (leave->minutes);
      /* TRANSLATORS: leave kind, the hours asked for, and the proof note */
      about = g_strdup_printf (_("%s, %s h asked for, proof: %s"), label, asked,
                               leave->proof_note != NULL ? leave->proof_note : "—");
    }
  else
    about = g_steal_pointer (&label);
  if (a->in_time != NULL)
    {
      g_autofree char *times = g_strdup_printf (_("present, in %s, out %s"), a->in_time,
                                                a->out_time != NULL ? a->out_time : "—");
      cell->tooltip = g_strdup_printf ("%s\n%s", about, times);
    }
  else
    cell->tooltip = g_steal_pointer (&about);
}

/* A missed session made up elsewhere says so; what was missed stays in the tooltip. */
static void
mark_made_up (GridCell *cell, const TdMakeup *m)
{
  g_autofree char *hours = td_attendance_format_hours (m->minutes);
  g_autofree char *was = g_steal_pointer (&cell->tooltip);
  /* TRANSLATORS: a grid cell's tooltip: %s hours credited by a make-up */
  g_autofree char *credit = g_strdup_printf (_("Made up: %s h credited"), hours);

  g_free (cell->text);
  cell->text = g_strdup (_("Made up"));
  cell->css = "success";
  cell->tooltip = was != NULL ? g_strdup_printf ("%s\n%s", was, credit) : g_steal_pointer (&credit);
}

static void
fill_cell (TdAttendanceGrid *self, GridData *d, guint col, gint64 trainee_id, GridCell *cell)
{
  TdSession *s = session_at (self, col);
  g_autofree char *key = cell_key (s->id, trainee_id);
  const TdAttendance *a = g_hash_table_lookup (d->cells, key);
  const TdMakeup *m = find_makeup (d->makeups, s->id, trainee_id);
  TdAttendanceSummary sum = { 0 };
  gboolean summed = a != NULL && self->pack != NULL
                    && td_rules_summarise_attendance (g_ptr_array_index (d->ones, col), self->pack,
                                                      trainee_id, s->date, &sum, NULL);

  cell->recorded = a != NULL;
  if (a == NULL && g_strcmp0 (s->date, d->today) >= 0)
    cell->text = g_strdup ("");
  else if (a == NULL)
    {
      cell->text = g_strdup (_("Absent"));
      cell->css = "error";
      cell->tooltip = g_strdup (_("Nothing recorded: the whole session counts as absent."));
    }
  else if (summed && sum.leave_minutes > 0)   /* leave, or a sign-in after leave */
    cell_for_leave (cell, a, &sum, find_leave (d->leave, s->id, trainee_id));
  else if (a->status == TD_ATTENDANCE_PRESENT && summed)
    cell_for_present (self, cell, a, &sum);
  else if (a->status == TD_ATTENDANCE_PRESENT)
    {
      cell->text = g_strdup ("✓");
      cell->css = "success";
    }
  else if (a->status == TD_ATTENDANCE_LEAVE)
    cell_for_leave (cell, a, &sum, find_leave (d->leave, s->id, trainee_id));
  else
    {
      cell->text = g_strdup (_("Absent"));
      cell->css = "error";
    }
  if (m != NULL)
    mark_made_up (cell, m);
}

/* --- the totals and the rules' status --------------------------------------------- */

static const TdRuleParam *
dismissal_fraction (TdAttendanceGrid *self)
{
  GPtrArray *entries = self->pack != NULL ? td_rule_pack_get_entries (self->pack) : NULL;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const TdRuleEntry *e = g_ptr_array_index (entries, i);
      if (g_str_equal (e->id, "attendance.dismissal") && td_rule_entry_applies (e, self->course))
        return td_rule_entry_get_param (e, "fraction");
    }
  return NULL;
}

static gboolean
has_finding (GPtrArray *findings, const char *rule)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_strcmp0 (((TdFinding *) g_ptr_array_index (findings, i))->rule, rule) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_makeup (GPtrArray *makeups, gint64 trainee_id)
{
  for (guint i = 0; makeups != NULL && i < makeups->len; i++)
    if (((TdMakeup *) g_ptr_array_index (makeups, i))->trainee_id == trainee_id)
      return TRUE;
  return FALSE;
}

static void
fill_status (TdAttendanceGrid *self, GridData *d, TdEnrolment *e, TdGridRow *row)
{
  GPtrArray *findings = g_hash_table_lookup (d->findings, &e->trainee->id);
  const TdRuleParam *fraction = dismissal_fraction (self);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *tooltip = g_string_new (NULL);

  if (e->status == TD_ENROLMENT_DISMISSED)
    g_ptr_array_add (parts, g_strdup (_("Dismissed")));
  if (has_finding (findings, "attendance.dismissal"))
    {
      g_ptr_array_add (parts, fraction != NULL
                                /* TRANSLATORS: the dismissal fraction, e.g. "1/5" */
                                ? g_strdup_printf (_("Dismissal (%d/%d)"), (int) fraction->value,
                                                   (int) fraction->denominator)
                                : g_strdup (_("Dismissal")));
      row->status_css = "error";
    }
  if (has_finding (findings, "attendance.makeup-required"))
    {
      g_ptr_array_add (parts, g_strdup (_("Make-up required")));
      row->status_css = row->status_css != NULL ? row->status_css : "warning";
    }
  else if (has_makeup (d->makeups, e->trainee->id))
    {
      g_ptr_array_add (parts, g_strdup (_("Made up")));
      row->status_css = row->status_css != NULL ? row->status_css : "success";
    }
  g_ptr_array_add (parts, NULL);
  row->totals[TD_GRID_TOTAL_STATUS] = g_strjoinv (" · ", (char **) parts->pdata);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    g_string_append_printf (tooltip, "%s%s", i > 0 ? "\n" : "",
                            ((TdFinding *) g_ptr_array_index (findings, i))->message);
  row->status_tooltip = g_string_free (tooltip, tooltip->len == 0);
}

static TdGridRow *
new_row (TdAttendanceGrid *self, GridData *d, TdEnrolment *e)
{
  TdGridRow *row = g_object_new (TD_TYPE_GRID_ROW, NULL);
  TdAttendanceSummary sum = { 0 };

  row->trainee_id = e->trainee->id;
  row->seq = g_strdup_printf ("%d", e->seq);
  row->name = g_strdup (e->trainee->name);
  row->n_cells = self->sessions->len;
  row->cells = g_new0 (GridCell, row->n_cells);
  for (guint j = 0; j < row->n_cells; j++)
    fill_cell (self, d, j, e->trainee->id, &row->cells[j]);
  if (self->pack != NULL
      && td_rules_summarise_attendance (d->snapshot, self->pack, e->trainee->id, d->today, &sum,
                                        NULL))
    {
      row->totals[TD_GRID_TOTAL_ATTENDED] = td_attendance_format_hours (sum.counted_minutes
                                                                        - sum.absent_minutes);
      row->totals[TD_GRID_TOTAL_ABSENT] = td_attendance_format_hours (sum.absent_minutes);
    }
  else
    {
      row->totals[TD_GRID_TOTAL_ATTENDED] = g_strdup ("—");
      row->totals[TD_GRID_TOTAL_ABSENT] = g_strdup ("—");
    }
  fill_status (self, d, e, row);
  return row;
}

/* trainee id → that trainee's attendance findings */
static GHashTable *
findings_by_trainee (GPtrArray *findings)
{
  GHashTable *map = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      GPtrArray *list;

      if (f->trainee_id <= 0 || !g_str_has_prefix (f->rule, "attendance."))
        continue;
      list = g_hash_table_lookup (map, &f->trainee_id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (map, &f->trainee_id, list);
        }
      g_ptr_array_add (list, f);
    }
  return map;
}

static gboolean
load_grid_data (TdAttendanceGrid *self, const TdCourseSnapshot *snapshot, GridData *d,
                GError **error)
{
  d->snapshot = snapshot;
  d->today = dup_today (self);
  d->cells = index_attendance (snapshot);
  d->ones = g_ptr_array_new_with_free_func ((GDestroyNotify) td_course_snapshot_free);
  for (guint j = 0; j < self->sessions->len; j++)
    g_ptr_array_add (d->ones, session_snapshot (snapshot, g_ptr_array_index (self->sessions, j)));
  d->makeups = td_store_list_makeups (self->store, self->course_id, error);
  if (d->makeups == NULL)
    return FALSE;
  d->leave = td_store_list_leave (self->store, self->course_id, error);
  if (d->leave == NULL)
    return FALSE;
  if (self->pack != NULL)
    d->all_findings = td_rules_check_snapshot (snapshot, self->pack, NULL, d->today, error);
  if (self->pack != NULL && d->all_findings == NULL)
    return FALSE;
  d->findings = findings_by_trainee (d->all_findings);
  return TRUE;
}

/* --- the columns ---------------------------------------------------------------------- */

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

static void open_cell_menu (TdAttendanceGrid *self, GtkWidget *cell);
static char *dup_session_title (TdSession *s);

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
  open_cell_menu (self, GTK_WIDGET (button));
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
  open_cell_menu (self, cell);
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
  const GridCell *cell = col < row->n_cells ? &row->cells[col] : NULL;

  g_object_set_data (G_OBJECT (button), "td-row", GUINT_TO_POINTER (gtk_list_item_get_position (item)));
  g_object_set_data (G_OBJECT (button), "td-col", GUINT_TO_POINTER (col));
  gtk_button_set_label (GTK_BUTTON (button), cell != NULL ? cell->text : "");
  /* Whose cell it is, also when the name column has scrolled out of view. */
  if (cell != NULL && session_at (self, col) != NULL)
    {
      g_autofree char *title = dup_session_title (session_at (self, col));
      g_autofree char *tooltip = g_strdup_printf ("%s  %s%s%s", row->name, g_strdelimit (title, "\n", ' '),
                                                  cell->tooltip != NULL ? "\n" : "",
                                                  cell->tooltip != NULL ? cell->tooltip : "");
      gtk_widget_set_tooltip_text (button, tooltip);
    }
  set_css (button, cell != NULL ? cell->css : NULL);
}

static char *
dup_session_title (TdSession *s)
{
  g_autofree char *date = td_roc_date_format (s->date, TD_ROC_FORMAT_SLASH);

  return g_strdup_printf ("%s\n%s", date != NULL ? date : s->date, s->start_time);
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
append_column (TdAttendanceGrid *self, GtkColumnViewColumn *column, gboolean expand)
{
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* Rebuilt whenever the sessions change: one column per session between the trainee
 * and the totals. */
static void
build_columns (TdAttendanceGrid *self)
{
  remove_columns (self);
  /* TRANSLATORS: the roster number column (序號) */
  append_column (self, new_text_column (C_("roster", "No."), COL_SEQ), FALSE);
  append_column (self, new_text_column (_("Name"), COL_NAME), FALSE);
  for (guint j = 0; j < self->sessions->len; j++)
    {
      GtkColumnViewColumn *column = new_session_column (self, g_ptr_array_index (self->sessions, j), j);
      g_ptr_array_add (self->session_columns, g_object_ref (column));
      append_column (self, column, FALSE);
    }
  /* TRANSLATORS: column of hours attended */
  append_column (self, new_text_column (_("Attended (h)"), COL_ATTENDED), FALSE);
  /* TRANSLATORS: column of absent hours (leave + truancy) */
  append_column (self, new_text_column (_("Absent (h)"), COL_ABSENT), FALSE);
  append_column (self, new_text_column (_("Status"), COL_STATUS), TRUE);
}

static gboolean
same_sessions (GPtrArray *a, GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!td_session_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* --- the cursor ------------------------------------------------------------------------ */

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

static gboolean
cell_has_focus (TdAttendanceGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return is_cell (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view));
}

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
      if (!cell_has_focus (self))
        return FALSE;
      open_cell_menu (self, gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))));
      return TRUE;
    default:
      for (guint i = 0; i < G_N_ELEMENTS (grid_keys); i++)
        if (grid_keys[i].keyval == keyval && cell_has_focus (self))
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

static void
open_cell_menu (TdAttendanceGrid *self, GtkWidget *cell)
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

/* Back to the cursor's cell once the menu or a dialog is done with. */
static void
menu_closed_cb (TdAttendanceGrid *self)
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

/* --- loading ---------------------------------------------------------------------------- */

static void
load_course (TdAttendanceGrid *self, TdCourse *course)
{
  if (self->course != NULL && self->course->regime == course->regime)
    {
      g_set_object (&self->course, course);
      return;
    }
  g_set_object (&self->course, course);
  g_clear_object (&self->pack);
  self->pack = td_rule_pack_load_for_regime (course->regime, NULL);
  /* Packs without a time model (hours activities) count no lateness or absence. */
  if (self->pack != NULL && td_rule_pack_get_time_param (self->pack, "period") == NULL)
    g_clear_object (&self->pack);
}

static void
load_sessions (TdAttendanceGrid *self, GPtrArray *sessions)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < sessions->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (sessions, i)));
  if (same_sessions (self->sessions, copy))
    {
      g_ptr_array_unref (self->sessions);
      self->sessions = copy;
      return;
    }
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = copy;
  build_columns (self);
}

static void
update_summary (TdAttendanceGrid *self, guint n_findings)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *counts = g_strdup_printf (ngettext ("%u trainee", "%u trainees", n_rows), n_rows);
  g_autofree char *sessions = g_strdup_printf (ngettext ("%u session", "%u sessions",
                                                         self->sessions->len),
                                               self->sessions->len);
  g_autofree char *findings = g_strdup_printf (ngettext ("%u attendance finding",
                                                         "%u attendance findings", n_findings),
                                               n_findings);
  g_autofree char *text = NULL;

  /* TRANSLATORS: "30 trainees × 40 sessions, 2 attendance findings. <how to use>" */
  text = g_strdup_printf (_("%s × %s, %s. Arrow keys move between cells; Enter or a right click opens a cell’s menu."),
                          counts, sessions, findings);
  gtk_label_set_text (self->summary_label, text);
}

static char *
dup_rollcalls_text (TdAttendanceGrid *self, guint *n_out, GError **error)
{
  g_autoptr (GPtrArray) rollcalls = td_store_list_rollcalls (self->store, self->course_id, error);
  GString *text;

  if (rollcalls == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < rollcalls->len; i++)
    {
      TdRollcall *r = g_ptr_array_index (rollcalls, i);
      int col = session_index (self, r->session_id);
      TdSession *s = col >= 0 ? session_at (self, col) : NULL;
      g_autofree char *date = s != NULL ? td_roc_date_format (s->date, TD_ROC_FORMAT_SLASH) : NULL;
      g_autofree char *line = td_attendance_dup_rollcall_line (r);

      g_string_append_printf (text, "%s%s %s  %s", i > 0 ? "\n" : "", date != NULL ? date : "",
                              s != NULL ? s->start_time : "", line);
    }
  if (rollcalls->len == 0)
    g_string_append (text, _("No roll call is recorded for this course yet. The counsellor records them on the Attendance page."));
  *n_out = rollcalls->len;
  return g_string_free (text, FALSE);
}

static void
update_rollcalls (TdAttendanceGrid *self)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;
  g_autofree char *text = dup_rollcalls_text (self, &n, &error);
  /* TRANSLATORS: the expander under the attendance grid */
  g_autofree char *title = g_strdup_printf (_("Roll Calls (%u)"), n);

  gtk_label_set_text (self->rollcall_label, text != NULL ? text : error->message);
  gtk_expander_set_label (self->rollcall_expander, title);
}

static gboolean
fill_rows (TdAttendanceGrid *self, GPtrArray *rows, guint *n_findings, GError **error)
{
  g_autoptr (TdCourseSnapshot) snapshot = td_course_snapshot_load (self->store, self->course_id,
                                                                   error);
  g_auto (GridData) d = { 0 };

  if (snapshot == NULL)
    return FALSE;
  load_course (self, snapshot->course);
  load_sessions (self, snapshot->sessions);
  if (!load_grid_data (self, snapshot, &d, error))
    return FALSE;
  for (guint i = 0; i < snapshot->enrolments->len; i++)
    g_ptr_array_add (rows, new_row (self, &d, g_ptr_array_index (snapshot->enrolments, i)));
  *n_findings = 0;
  for (guint i = 0; d.all_findings != NULL && i < d.all_findings->len; i++)
    if (g_str_has_prefix (((TdFinding *) g_ptr_array_index (d.all_findings, i))->rule, "attendance."))
      (*n_findings)++;
  return TRUE;
}

void
td_attendance_grid_reload (TdAttendanceGrid *self)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  gboolean refocus;
  guint n_findings = 0;

  g_return_if_fail (TD_IS_ATTENDANCE_GRID (self));

  refocus = cell_has_focus (self);
  if (!fill_rows (self, rows, &n_findings, &error))
    {
      adw_status_page_set_title (self->empty_page, _("Cannot Read the Attendance"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  update_summary (self, n_findings);
  update_rollcalls (self);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 && self->sessions->len > 0
                                                   ? "grid" : "empty");
  /* The rows were rebuilt: the cursor's cell is a new widget once laid out. */
  if (refocus)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_cursor_idle_cb, g_object_ref (self),
                     g_object_unref);
}

/* --- writing --------------------------------------------------------------------------- */

static gboolean
locate (TdAttendanceGrid *self, gint64 session_id, gint64 trainee_id, TdSession **session,
        TdGridRow **row, GError **error)
{
  int col = session_index (self, session_id);

  *session = col >= 0 ? session_at (self, col) : NULL;
  *row = find_row (self, trainee_id, NULL);
  if (*session != NULL && *row != NULL)
    return TRUE;
  g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
               *session == NULL ? _("The session is not one of this course's sessions.")
                                : _("The trainee is not on this course's roster."));
  return FALSE;
}

gboolean
td_attendance_grid_set_cell (TdAttendanceGrid *self, gint64 session_id, gint64 trainee_id,
                             TdAttendanceStatus status, const char *in_time,
                             const char *out_time, const char *reason, GError **error)
{
  g_autoptr (TdAttendance) a = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  TdSession *session;
  TdGridRow *row;

  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), FALSE);

  if (!locate (self, session_id, trainee_id, &session, &row, error))
    return FALSE;
  if (status == TD_ATTENDANCE_LEAVE)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _("Leave is recorded with its kind and hours: use Record Leave."));
      return FALSE;
    }
  if (status == TD_ATTENDANCE_PRESENT && td_time_parse_minutes (in_time) < 0)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _("Give the sign-in time as HH:MM, e.g. 09:05."));
      return FALSE;
    }
  if (row->cells[session_index (self, session_id)].recorded && why[0] == '\0')
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID,
                           _("This cell already has a record: say why it is corrected."));
      return FALSE;
    }
  a = td_attendance_new (session_id, trainee_id, status);
  if (status == TD_ATTENDANCE_PRESENT)
    {
      a->in_time = td_time_format_minutes (td_time_parse_minutes (in_time));
      a->out_time = out_time != NULL && out_time[0] != '\0' ? g_strdup (out_time) : NULL;
    }
  a->source = TD_ATTENDANCE_SOURCE_DESK;
  a->reason = why[0] != '\0' ? g_steal_pointer (&why) : NULL;
  if (!td_store_record_attendance (self->store, a, error))
    return FALSE;
  td_attendance_grid_reload (self);
  return TRUE;
}

gboolean
td_attendance_grid_record_leave (TdAttendanceGrid *self, gint64 session_id, gint64 trainee_id,
                                 const char *kind, int minutes, const char *proof_note,
                                 GError **error)
{
  TdSession *session;
  TdGridRow *row;

  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), FALSE);

  if (!locate (self, session_id, trainee_id, &session, &row, error)
      || !td_store_record_leave (self->store, session_id, trainee_id, kind, minutes,
                                 proof_note != NULL && proof_note[0] != '\0' ? proof_note : NULL,
                                 error))
    return FALSE;
  td_attendance_grid_reload (self);
  return TRUE;
}

static void
add_later_sessions (TdAttendanceGrid *self, TdCourse *c, const char *missed_date,
                    GPtrArray *out, GError **error)
{
  g_autoptr (GPtrArray) sessions = td_store_list_sessions (self->store, c->id, error);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (sessions, i);
      if (g_strcmp0 (s->date, missed_date) >= 0)
        g_ptr_array_add (out, g_object_ref (s));
    }
}

GPtrArray *
td_attendance_grid_list_makeup_sessions (TdAttendanceGrid *self, gint64 missed_session_id,
                                         GError **error)
{
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  int col;

  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), NULL);

  col = session_index (self, missed_session_id);
  if (col < 0 || self->course == NULL)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                           _("The session is not one of this course's sessions."));
      return NULL;
    }
  courses = td_store_list_courses (self->store, NULL, 0, G_MAXUINT, error);
  if (courses == NULL)
    return NULL;
  for (guint i = 0; i < courses->len; i++)
    {
      TdCourse *c = g_ptr_array_index (courses, i);
      g_autoptr (GError) local_error = NULL;

      if (c->id == self->course_id || g_strcmp0 (c->category, self->course->category) != 0
          || g_strcmp0 (c->start_date, self->course->start_date) <= 0)
        continue;
      add_later_sessions (self, c, session_at (self, col)->date, out, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}

gboolean
td_attendance_grid_record_makeup (TdAttendanceGrid *self, gint64 trainee_id,
                                  gint64 missed_session_id, gint64 makeup_session_id, int minutes,
                                  GError **error)
{
  TdSession *session;
  TdGridRow *row;

  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), FALSE);

  if (!locate (self, missed_session_id, trainee_id, &session, &row, error)
      || !td_store_record_makeup (self->store, trainee_id, missed_session_id, makeup_session_id,
                                  minutes, error))
    return FALSE;
  td_attendance_grid_reload (self);
  return TRUE;
}

/* --- the cell's dialogs ------------------------------------------------------------------ */

typedef struct {
  TdAttendanceGrid *grid;
  gint64 session_id;
  gint64 trainee_id;
  gboolean recorded;
  GtkDropDown *status;      /* correction: present, absent */
  GtkEntry *in_time;
  GtkEntry *out_time;
  GtkEntry *reason;
  GtkDropDown *kind;        /* leave */
  GtkSpinButton *hours;
  GtkEntry *proof;
  GtkDropDown *choice;      /* make-up */
  GtkSpinButton *minutes;
  GPtrArray *choices;       /* TdSession* */
} CellForm;

static void
cell_form_free (CellForm *form)
{
  g_clear_object (&form->grid);
  g_clear_pointer (&form->choices, g_ptr_array_unref);
  g_free (form);
}

static GtkWidget *
form_field (GtkGrid *grid, const char *label, GtkWidget *field)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  int row = 0;

  while (gtk_grid_get_child_at (grid, 0, row) != NULL)
    row++;
  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  return field;
}

static GtkEntry *
form_entry (GtkGrid *grid, const char *label, const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return GTK_ENTRY (form_field (grid, label, entry));
}

/* A dialog about the cursor's cell: "<name>, <date> <start>–<end>" as its body. */
static AdwMessageDialog *
new_cell_dialog (TdAttendanceGrid *self, const char *heading, const char *accept_label,
                 CellForm **form_out, GtkGrid **grid_out)
{
  TdSession *s = session_at (self, self->cursor_col);
  g_autoptr (TdGridRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor_row);
  g_autofree char *date = td_roc_date_format (s->date, TD_ROC_FORMAT_SLASH);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  CellForm *form = g_new0 (CellForm, 1);
  GtkWidget *grid = gtk_grid_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, NULL));
  adw_message_dialog_format_body (dialog, "%s, %s %s–%s %s", row->name, date, s->start_time,
                                  s->end_time, s->subject);
  form->grid = g_object_ref (self);
  form->session_id = s->id;
  form->trainee_id = row->trainee_id;
  form->recorded = row->cells[self->cursor_col].recorded;
  g_object_set_data_full (G_OBJECT (dialog), "td-cell-form", form, (GDestroyNotify) cell_form_free);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (menu_closed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  *form_out = form;
  *grid_out = GTK_GRID (grid);
  return dialog;
}

static void
show_write_error (TdAttendanceGrid *self, const GError *error)
{
  td_show_error (GTK_WIDGET (self), _("Not Recorded"), error->message);
}

static void
correct_response_cb (AdwMessageDialog *dialog, const char *response, CellForm *form)
{
  g_autoptr (GError) error = NULL;
  gboolean present = form->status == NULL || gtk_drop_down_get_selected (form->status) == 0;

  if (g_strcmp0 (response, "accept") != 0)
    return;
  if (!td_attendance_grid_set_cell (form->grid, form->session_id, form->trainee_id,
                                    present ? TD_ATTENDANCE_PRESENT : TD_ATTENDANCE_ABSENT,
                                    gtk_editable_get_text (GTK_EDITABLE (form->in_time)),
                                    gtk_editable_get_text (GTK_EDITABLE (form->out_time)),
                                    gtk_editable_get_text (GTK_EDITABLE (form->reason)), &error))
    show_write_error (form->grid, error);
}

static void
status_changed_cb (GtkDropDown *status, GParamSpec *pspec, CellForm *form)
{
  gboolean present = gtk_drop_down_get_selected (status) == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (form->in_time), present);
  gtk_widget_set_sensitive (GTK_WIDGET (form->out_time), present);
}

/* Present, late or absent as a correction (or, for a late sign-in, a first record). */
static void
open_correction (TdAttendanceGrid *self, const char *heading, TdAttendanceStatus status,
                 gboolean late)
{
  TdSession *s = session_at (self, self->cursor_col);
  g_autoptr (GPtrArray) events = NULL;
  TdAttendance *last = NULL;
  CellForm *form;
  GtkGrid *grid;
  AdwMessageDialog *dialog = new_cell_dialog (self, heading, _("_Record"), &form, &grid);
  const char *const statuses[] = { _("Present"), _("Absent"), NULL };

  events = td_store_list_attendance_history (self->store, s->id, form->trainee_id, NULL);
  last = events != NULL && events->len > 0 ? g_ptr_array_index (events, events->len - 1) : NULL;
  if (!late)
    {
      form->status = GTK_DROP_DOWN (form_field (grid, _("_Status"), gtk_drop_down_new_from_strings (statuses)));
      gtk_drop_down_set_selected (form->status, status == TD_ATTENDANCE_PRESENT ? 0 : 1);
      g_signal_connect (form->status, "notify::selected", G_CALLBACK (status_changed_cb), form);
    }
  form->in_time = form_entry (grid, _("Signed _in at"),
                              last != NULL && last->in_time != NULL ? last->in_time : s->start_time);
  form->out_time = form_entry (grid, _("Signed _out at"),
                               last != NULL && last->out_time != NULL ? last->out_time : s->end_time);
  form->reason = form_entry (grid, form->recorded ? _("_Reason (required)") : _("_Reason"), NULL);
  if (form->status != NULL)
    status_changed_cb (form->status, NULL, form);
  g_signal_connect (dialog, "response", G_CALLBACK (correct_response_cb), form);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (late ? form->in_time : form->reason));
}

static void
leave_response_cb (AdwMessageDialog *dialog, const char *response, CellForm *form)
{
  g_autoptr (GError) error = NULL;
  const char *kind = gtk_drop_down_get_selected (form->kind) == 1 ? "sick" : "personal";
  int minutes = (int) (gtk_spin_button_get_value (form->hours) * 60 + 0.5);

  if (g_strcmp0 (response, "accept") != 0)
    return;
  if (!td_attendance_grid_record_leave (form->grid, form->session_id, form->trainee_id, kind,
                                        minutes, gtk_editable_get_text (GTK_EDITABLE (form->proof)),
                                        &error))
    show_write_error (form->grid, error);
}

static void
open_leave (TdAttendanceGrid *self)
{
  TdSession *s = session_at (self, self->cursor_col);
  const char *const kinds[] = { _("Personal leave"), _("Sick leave"), NULL };
  double hours = s->minutes / 60.0;
  CellForm *form;
  GtkGrid *grid;
  AdwMessageDialog *dialog = new_cell_dialog (self, _("Record Leave"), _("_Record Leave"), &form,
                                              &grid);

  form->kind = GTK_DROP_DOWN (form_field (grid, C_("leave", "_Kind"), gtk_drop_down_new_from_strings (kinds)));
  form->hours = GTK_SPIN_BUTTON (form_field (grid, _("_Hours"),
                                             gtk_spin_button_new_with_range (MIN (0.5, hours), MAX (hours, 0.5), 0.5)));
  gtk_spin_button_set_digits (form->hours, 1);
  gtk_spin_button_set_value (form->hours, hours);
  form->proof = form_entry (grid, _("_Proof"), NULL);
  gtk_entry_set_placeholder_text (form->proof, _("e.g. a medical certificate"));
  g_signal_connect (dialog, "response", G_CALLBACK (leave_response_cb), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
makeup_limit (CellForm *form, TdSession *missed)
{
  guint i = gtk_drop_down_get_selected (form->choice);
  TdSession *s = i < form->choices->len ? g_ptr_array_index (form->choices, i) : NULL;

  return s != NULL ? MIN (missed->minutes, s->minutes) : missed->minutes;
}

static void
makeup_choice_cb (GtkDropDown *choice, GParamSpec *pspec, CellForm *form)
{
  TdSession *missed = session_at (form->grid, session_index (form->grid, form->session_id));
  int limit = missed != NULL ? makeup_limit (form, missed) : 1;

  gtk_spin_button_set_range (form->minutes, 1, MAX (limit, 1));
  gtk_spin_button_set_value (form->minutes, limit);
}

static void
makeup_response_cb (AdwMessageDialog *dialog, const char *response, CellForm *form)
{
  g_autoptr (GError) error = NULL;
  guint i = gtk_drop_down_get_selected (form->choice);

  if (g_strcmp0 (response, "accept") != 0 || i >= form->choices->len)
    return;
  if (!td_attendance_grid_record_makeup (form->grid, form->trainee_id, form->session_id,
                                         ((TdSession *) g_ptr_array_index (form->choices, i))->id,
                                         gtk_spin_button_get_value_as_int (form->minutes), &error))
    show_write_error (form->grid, error);
}

static GtkStringList *
makeup_choice_labels (TdAttendanceGrid *self, GPtrArray *choices)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < choices->len; i++)
    {
      TdSession *s = g_ptr_array_index (choices, i);
      g_autoptr (TdCourse) c = td_store_get_course (self->store, s->course_id, NULL);
      g_autofree char *title = c != NULL ? td_course_dup_display_title (c) : g_strdup ("");
      g_autofree char *date = td_roc_date_format (s->date, TD_ROC_FORMAT_SLASH);
      g_autofree char *label = g_strdup_printf ("%s  %s %s–%s  %s", title, date, s->start_time,
                                                s->end_time, s->subject);
      gtk_string_list_append (labels, label);
    }
  return labels;
}

static void
open_makeup (TdAttendanceGrid *self)
{
  TdSession *missed = session_at (self, self->cursor_col);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) choices = td_attendance_grid_list_makeup_sessions (self, missed->id, &error);
  g_autofree char *missed_date = td_roc_date_format (missed->date, TD_ROC_FORMAT_SLASH);
  g_autofree char *body = NULL;
  CellForm *form;
  GtkGrid *grid;
  AdwMessageDialog *dialog;
  GtkWidget *choice;

  if (choices == NULL || choices->len == 0)
    {
      body = choices == NULL ? g_strdup (error->message)
                             : g_strdup_printf (_("No later run of this course’s category has a session on or after %s. Create the next run and its sessions first."),
                                                missed_date);
      td_show_error (GTK_WIDGET (self), _("No Make-up Session"), body);
      return;
    }
  dialog = new_cell_dialog (self, _("Record Make-up"), _("_Record Make-up"), &form, &grid);
  choice = gtk_drop_down_new (G_LIST_MODEL (makeup_choice_labels (self, choices)), NULL);
  form->choices = g_steal_pointer (&choices);
  form->choice = GTK_DROP_DOWN (form_field (grid, _("_Made up in"), choice));
  form->minutes = GTK_SPIN_BUTTON (form_field (grid, _("_Credited minutes"),
                                               gtk_spin_button_new_with_range (1, 1, 1)));
  g_signal_connect (form->choice, "notify::selected", G_CALLBACK (makeup_choice_cb), form);
  makeup_choice_cb (form->choice, NULL, form);
  g_signal_connect (dialog, "response", G_CALLBACK (makeup_response_cb), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_history (TdAttendanceGrid *self)
{
  TdSession *s = session_at (self, self->cursor_col);
  g_autoptr (TdGridRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor_row);
  g_autofree char *text = td_attendance_dup_history_text (self->store, s->id, row->trainee_id,
                                                          row->name);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Cell History"), text);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (menu_closed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- actions ------------------------------------------------------------------------------ */

static gboolean
has_cursor (TdAttendanceGrid *self)
{
  return session_at (self, self->cursor_col) != NULL
         && self->cursor_row < g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/* Present or absent at once on an empty cell; on a recorded one it is a correction. */
static void
mark (TdAttendanceGrid *self, TdAttendanceStatus status)
{
  TdSession *s = session_at (self, self->cursor_col);
  g_autoptr (TdGridRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor_row);
  g_autoptr (GError) error = NULL;

  if (row->cells[self->cursor_col].recorded)
    {
      open_correction (self, _("Correct the Record"), status, FALSE);
      return;
    }
  if (!td_attendance_grid_set_cell (self, s->id, row->trainee_id, status, s->start_time,
                                    s->end_time, NULL, &error))
    show_write_error (self, error);
}

static void
cell_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendanceGrid *self = TD_ATTENDANCE_GRID (widget);

  if (!has_cursor (self))
    return;
  if (g_str_equal (action_name, "grid.present"))
    mark (self, TD_ATTENDANCE_PRESENT);
  else if (g_str_equal (action_name, "grid.absent"))
    mark (self, TD_ATTENDANCE_ABSENT);
  else if (g_str_equal (action_name, "grid.late"))
    open_correction (self, _("Late Sign-in"), TD_ATTENDANCE_PRESENT, TRUE);
  else if (g_str_equal (action_name, "grid.leave"))
    open_leave (self);
  else if (g_str_equal (action_name, "grid.makeup"))
    open_makeup (self);
  else if (g_str_equal (action_name, "grid.correct"))
    open_correction (self, _("Correct the Record"), TD_ATTENDANCE_PRESENT, FALSE);
  else if (g_str_equal (action_name, "grid.history"))
    open_history (self);
}

/* --- overrides ------------------------------------------------------------------------------ */

static void
td_attendance_grid_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                            int *minimum, int *natural, int *minimum_baseline,
                            int *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (TD_ATTENDANCE_GRID (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* By hand rather than with a layout manager: the cells' menu popover must be presented
 * whenever the grid is allocated. */
static void
td_attendance_grid_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  TdAttendanceGrid *self = TD_ATTENDANCE_GRID (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* The Attendance page (or tdesk) may have changed records while the tab was hidden. */
static void
td_attendance_grid_refresh (TdCourseSection *section)
{
  td_attendance_grid_reload (TD_ATTENDANCE_GRID (section));
}

static void
td_attendance_grid_constructed (GObject *object)
{
  TdAttendanceGrid *self = TD_ATTENDANCE_GRID (object);

  G_OBJECT_CLASS (td_attendance_grid_parent_class)->constructed (object);
  self->store = td_course_section_get_store (TD_COURSE_SECTION (self));
  self->course_id = td_course_section_get_course_id (TD_COURSE_SECTION (self));
  td_attendance_grid_reload (self);
}

static void
td_attendance_grid_dispose (GObject *object)
{
  TdAttendanceGrid *self = TD_ATTENDANCE_GRID (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_ATTENDANCE_GRID);
  g_clear_pointer (&self->session_columns, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->course);
  g_clear_object (&self->pack);
  G_OBJECT_CLASS (td_attendance_grid_parent_class)->dispose (object);
}

static void
td_attendance_grid_finalize (GObject *object)
{
  g_free (TD_ATTENDANCE_GRID (object)->today);
  G_OBJECT_CLASS (td_attendance_grid_parent_class)->finalize (object);
}

static void
td_attendance_grid_class_init (TdAttendanceGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *actions[] = { "grid.present", "grid.late", "grid.absent", "grid.leave",
                            "grid.makeup", "grid.correct", "grid.history" };

  object_class->constructed = td_attendance_grid_constructed;
  object_class->dispose = td_attendance_grid_dispose;
  object_class->finalize = td_attendance_grid_finalize;
  widget_class->measure = td_attendance_grid_measure;
  widget_class->size_allocate = td_attendance_grid_size_allocate;
  TD_COURSE_SECTION_CLASS (klass)->refresh = td_attendance_grid_refresh;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, cell_action);

  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-attendance-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, stack);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, rollcall_expander);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, rollcall_label);
}

static void
td_attendance_grid_init (TdAttendanceGrid *self)
{
  g_autoptr (GMenuModel) model = new_cell_menu_model ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* It lays out its stack and presents its cell menu itself (see size_allocate). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TD_TYPE_GRID_ROW);
  self->session_columns = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))));
  self->menu = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (self->menu), GTK_POS_BOTTOM);
  g_signal_connect_object (self->menu, "closed", G_CALLBACK (menu_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
}

/* --- public API ------------------------------------------------------------------------------ */

TdAttendanceGrid *
td_attendance_grid_new (TdStore *store, gint64 course_id)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_ATTENDANCE_GRID, "store", store, "course-id", course_id, NULL);
}

void
td_attendance_grid_set_today (TdAttendanceGrid *self, const char *today)
{
  g_return_if_fail (TD_IS_ATTENDANCE_GRID (self));
  g_return_if_fail (today == NULL || td_iso_date_is_valid (today));

  g_free (self->today);
  self->today = g_strdup (today);
  td_attendance_grid_reload (self);
}

guint
td_attendance_grid_get_n_sessions (TdAttendanceGrid *self)
{
  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), 0);
  return self->sessions != NULL ? self->sessions->len : 0;
}

char *
td_attendance_grid_dup_cell_text (TdAttendanceGrid *self, gint64 session_id, gint64 trainee_id)
{
  int col;
  TdGridRow *row;

  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), NULL);

  col = session_index (self, session_id);
  row = find_row (self, trainee_id, NULL);
  return col >= 0 && row != NULL ? g_strdup (row->cells[col].text) : NULL;
}

char *
td_attendance_grid_dup_total_text (TdAttendanceGrid *self, gint64 trainee_id, TdGridTotal total)
{
  TdGridRow *row;

  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), NULL);
  g_return_val_if_fail (total <= TD_GRID_TOTAL_STATUS, NULL);

  row = find_row (self, trainee_id, NULL);
  return row != NULL ? g_strdup (row->totals[total]) : NULL;
}

gboolean
td_attendance_grid_get_cursor (TdAttendanceGrid *self, gint64 *session_id, gint64 *trainee_id)
{
  g_autoptr (TdGridRow) row = NULL;

  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), FALSE);

  if (!has_cursor (self))
    return FALSE;
  row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor_row);
  if (session_id != NULL)
    *session_id = session_at (self, self->cursor_col)->id;
  if (trainee_id != NULL)
    *trainee_id = row->trainee_id;
  return TRUE;
}

char *
td_attendance_grid_dup_history_text (TdAttendanceGrid *self, gint64 session_id,
                                     gint64 trainee_id)
{
  TdGridRow *row;

  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), NULL);

  row = find_row (self, trainee_id, NULL);
  return td_attendance_dup_history_text (self->store, session_id, trainee_id,
                                         row != NULL ? row->name : NULL);
}

char *
td_attendance_grid_dup_rollcalls_text (TdAttendanceGrid *self)
{
  g_return_val_if_fail (TD_IS_ATTENDANCE_GRID (self), NULL);

  return g_strdup (gtk_label_get_text (self->rollcall_label));
}
