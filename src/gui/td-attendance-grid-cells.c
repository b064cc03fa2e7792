/* td-attendance-grid-cells.c — what the attendance grid shows for a trainee: one cell
 * per session (present, late, leave, absent, made up, with a tooltip saying why), the
 * hours attended and absent, and the rules' status (dismissal, make-up required).
 *
 * A row (TdGridRow) is computed whole from one reload's records (TdGridData); the
 * widget never edits a row, it reloads. */
#include "config.h"

#define G_LOG_DOMAIN "td-attendance-grid"

#include <glib/gi18n.h>

#include "td-attendance-common.h"
#include "td-attendance-grid-private.h"
#include "td-roc-date.h"

/* --- one trainee's row ----------------------------------------------------------- */

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

/* --- the records of a reload ------------------------------------------------------ */

static char *
dup_today (TdAttendanceGrid *self)
{
  return self->today != NULL ? g_strdup (self->today) : td_iso_date_today ();
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

void
_td_grid_data_clear (TdGridData *d)
{
  g_clear_pointer (&d->ones, g_ptr_array_unref);
  g_clear_pointer (&d->cells, g_hash_table_unref);
  g_clear_pointer (&d->makeups, g_ptr_array_unref);
  g_clear_pointer (&d->leave, g_ptr_array_unref);
  g_clear_pointer (&d->findings, g_hash_table_unref);
  g_clear_pointer (&d->all_findings, g_ptr_array_unref);
  g_clear_pointer (&d->today, g_free);
}

/* --- what a cell shows ----------------------------------------------------------- */

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
cell_for_present (TdAttendanceGrid *self, TdGridCell *cell, const TdAttendance *a,
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
cell_for_leave (TdGridCell *cell, const TdAttendance *a, const TdAttendanceSummary *sum,
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
mark_made_up (TdGridCell *cell, const TdMakeup *m)
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
fill_cell (TdAttendanceGrid *self, TdGridData *d, guint col, gint64 trainee_id, TdGridCell *cell)
{
  TdSession *s = _td_attendance_grid_session_at (self, col);
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
fill_status (TdAttendanceGrid *self, TdGridData *d, TdEnrolment *e, TdGridRow *row)
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

TdGridRow *
_td_attendance_grid_new_row (TdAttendanceGrid *self, TdGridData *d, TdEnrolment *e)
{
  TdGridRow *row = g_object_new (TD_TYPE_GRID_ROW, NULL);
  TdAttendanceSummary sum = { 0 };

  row->trainee_id = e->trainee->id;
  row->seq = g_strdup_printf ("%d", e->seq);
  row->name = g_strdup (e->trainee->name);
  row->n_cells = self->sessions->len;
  row->cells = g_new0 (TdGridCell, row->n_cells);
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

gboolean
_td_attendance_grid_load_data (TdAttendanceGrid *self, const TdCourseSnapshot *snapshot,
                               TdGridData *d, GError **error)
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

