/* td-attendance-grid.c — a course's attendance, trainees × sessions, with the rules'
 * findings recomputed after every change.
 *
 * This file holds the widget itself: it reads the course into rows, writes cell
 * changes through the store and reloads, and answers the public API. What a cell
 * shows is in td-attendance-grid-cells.c, the columns in -columns.c, the keyboard
 * cursor and the cells' menu in -cursor.c, and the cell dialogs in -dialogs.c. */
#include "config.h"

#define G_LOG_DOMAIN "td-attendance-grid"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-attendance-common.h"
#include "td-attendance-grid-private.h"
#include "td-resources.h"
#include "td-roc-date.h"

G_DEFINE_FINAL_TYPE (TdAttendanceGrid, td_attendance_grid, TD_TYPE_COURSE_SECTION)

/* --- reading --------------------------------------------------------------------- */

TdSession *
_td_attendance_grid_session_at (TdAttendanceGrid *self, guint col)
{
  return self->sessions != NULL && col < self->sessions->len
           ? g_ptr_array_index (self->sessions, col) : NULL;
}

int
_td_attendance_grid_session_index (TdAttendanceGrid *self, gint64 session_id)
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

gboolean
_td_attendance_grid_has_cursor (TdAttendanceGrid *self)
{
  return _td_attendance_grid_session_at (self, self->cursor_col) != NULL
         && self->cursor_row < g_list_model_get_n_items (G_LIST_MODEL (self->rows));
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
  _td_attendance_grid_build_columns (self);
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
      int col = _td_attendance_grid_session_index (self, r->session_id);
      TdSession *s = col >= 0 ? _td_attendance_grid_session_at (self, col) : NULL;
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
  g_auto (TdGridData) d = { 0 };

  if (snapshot == NULL)
    return FALSE;
  load_course (self, snapshot->course);
  load_sessions (self, snapshot->sessions);
  if (!_td_attendance_grid_load_data (self, snapshot, &d, error))
    return FALSE;
  for (guint i = 0; i < snapshot->enrolments->len; i++)
    g_ptr_array_add (rows, _td_attendance_grid_new_row (self, &d,
                                                       g_ptr_array_index (snapshot->enrolments, i)));
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

  refocus = _td_attendance_grid_cell_has_focus (self);
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
    _td_attendance_grid_refocus_later (self);
}

/* --- writing --------------------------------------------------------------------------- */

static gboolean
locate (TdAttendanceGrid *self, gint64 session_id, gint64 trainee_id, TdSession **session,
        TdGridRow **row, GError **error)
{
  int col = _td_attendance_grid_session_index (self, session_id);

  *session = col >= 0 ? _td_attendance_grid_session_at (self, col) : NULL;
  *row = find_row (self, trainee_id, NULL);
  if (*session != NULL && *row != NULL)
    return TRUE;
  g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
               *session == NULL ? _("The session is not one of this course's sessions.")
                                : _("The trainee is not on this course's roster."));
  return FALSE;
}

/* Why a cell change is refused, or TRUE: leave has its own record, a sign-in needs a
 * time, and a recorded cell is corrected only with a reason. */
static gboolean
check_cell_change (TdGridCell *cell, TdAttendanceStatus status, const char *in_time,
                   const char *why, GError **error)
{
  const char *message = NULL;

  if (status == TD_ATTENDANCE_LEAVE)
    message = _("Leave is recorded with its kind and hours: use Record Leave.");
  else if (status == TD_ATTENDANCE_PRESENT && td_time_parse_minutes (in_time) < 0)
    message = _("Give the sign-in time as HH:MM, e.g. 09:05.");
  else if (cell->recorded && why[0] == '\0')
    message = _("This cell already has a record: say why it is corrected.");
  if (message == NULL)
    return TRUE;
  g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID, message);
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

  if (!locate (self, session_id, trainee_id, &session, &row, error)
      || !check_cell_change (&row->cells[_td_attendance_grid_session_index (self, session_id)],
                             status, in_time, why, error))
    return FALSE;
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

  col = _td_attendance_grid_session_index (self, missed_session_id);
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
      add_later_sessions (self, c, _td_attendance_grid_session_at (self, col)->date, out, &local_error);
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
    gtk_widget_class_install_action (widget_class, actions[i], NULL,
                                     _td_attendance_grid_cell_action);

  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-attendance-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, stack);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, name_scroller);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, name_view);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, rollcall_expander);
  gtk_widget_class_bind_template_child (widget_class, TdAttendanceGrid, rollcall_label);
}

static void
td_attendance_grid_init (TdAttendanceGrid *self)
{
  /* It lays out its stack and presents its cell menu itself (see size_allocate). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (TD_TYPE_GRID_ROW);
  self->session_columns = g_ptr_array_new_with_free_func (g_object_unref);
  _td_attendance_grid_init_columns (self);
  _td_attendance_grid_init_cursor (self);
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

  col = _td_attendance_grid_session_index (self, session_id);
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

  if (!_td_attendance_grid_has_cursor (self))
    return FALSE;
  row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor_row);
  if (session_id != NULL)
    *session_id = _td_attendance_grid_session_at (self, self->cursor_col)->id;
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
