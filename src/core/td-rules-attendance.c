/* td-rules-attendance.c — rules about trainees: lateness, absence, make-up, roll call,
 * certificate eligibility.
 *
 * Everything here goes through the time model: a session is cut into periods of the
 * pack's "period" length from its start; each period is attended, on leave or truant.
 * Leave is counted in the minutes recorded for it (docs/rules.md, "Leave").
 */
#include "config.h"

#define G_LOG_DOMAIN "td-rules"

#include <glib/gi18n-lib.h>

#include "td-rules-private.h"

typedef struct {
  gboolean counted;
  gint64 leave;
  gint64 truant;
  gint64 late;
} CellTally;

/* --- the time model ----------------------------------------------------------------- */

static gboolean
session_counts (TdRuleRun *run, const TdSession *s, gboolean recorded)
{
  GDate date;
  int cmp;

  if (!td_rules_parse_date (s->date, &date))
    return FALSE;
  cmp = -td_rule_run_compare_today (run, &date);
  return cmp < 0 || (cmp == 0 && recorded);
}

/* td_time_parse_minutes, with "HH:MM" (what the desk and scans record) read inline:
 * this runs for every cell of every course checked. Same results, same limits. */
static int
parse_time (const char *text)
{
  if (text != NULL && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && text[2] == ':'
      && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]) && text[5] == '\0')
    {
      int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
      return h > 24 || m > 59 || (h == 24 && m != 0) ? -1 : h * 60 + m;
    }
  return td_time_parse_minutes (text);
}

static gint64
relative_minutes (const char *time, int session_start, gint64 fallback)
{
  int m = time != NULL ? parse_time (time) : -1;
  return m < 0 ? fallback : m - session_start;
}

static void
tally_present (TdRuleRun *run, const TdSession *s, const TdAttendance *a, gint64 total,
               CellTally *t)
{
  gint64 period = td_rule_param_get_minutes (td_rule_pack_get_time_param (run->pack, "period"));
  gint64 late = td_rule_param_get_minutes (td_rule_pack_get_time_param (run->pack, "late-after"));
  int start = parse_time (s->start_time);
  gint64 in = relative_minutes (a->in_time, start, 0);
  gint64 out = relative_minutes (a->out_time, start, total);

  for (gint64 p = 0; p < total; p += period)
    {
      gint64 end = MIN (p + period, total);

      if (in > p + late)
        {
          t->truant += end - p;
          t->late += end - p;
        }
      else if (out < end)
        t->truant += end - p;
    }
}

typedef struct {
  gboolean known;
  CellTally tally;
} CachedTally;

/* Positions of the enrolled trainees, and the run's table of counted cells (one row
 * per session, in the snapshot's order); made when a rule first counts a cell. */
static void
index_cells (TdRuleRun *run)
{
  GPtrArray *sessions = run->snap->sessions, *enrolments = run->snap->enrolments;

  run->trainee_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (enrolments, i);
      if (e->trainee != NULL)
        g_hash_table_insert (run->trainee_index, &e->trainee->id, GUINT_TO_POINTER (i + 1));
    }
  run->tallies = g_new0 (CachedTally, (gsize) MAX (1, sessions->len * enrolments->len));
}

/* Position + 1 of the trainee on the roster, 0 when not enrolled. */
static guint
trainee_position (TdRuleRun *run, gint64 trainee_id)
{
  if (run->tallies == NULL)
    index_cells (run);
  return GPOINTER_TO_UINT (g_hash_table_lookup (run->trainee_index, &trainee_id));
}

static void count_cell (TdRuleRun *run, const TdSession *s, gint64 trainee_id, CellTally *t);

/* Every rule asks about the same cells (each late period, each missed session, each
 * trainee's hours): each is counted once per run. @si is the session's position in
 * the snapshot, @ti the trainee's from trainee_position() (0: not on the roster,
 * counted but not kept); callers walk sessions by position, so there is no lookup
 * per cell. */
static void
tally_at (TdRuleRun *run, guint si, guint ti, gint64 trainee_id, CellTally *t)
{
  const TdSession *s = g_ptr_array_index (run->snap->sessions, si);
  CachedTally *cached;

  if (ti == 0)
    {
      count_cell (run, s, trainee_id, t);
      return;
    }
  cached = &((CachedTally *) run->tallies)[si * run->snap->enrolments->len + ti - 1];
  if (!cached->known)
    {
      count_cell (run, s, trainee_id, &cached->tally);
      cached->known = TRUE;
    }
  *t = cached->tally;
}

/* A cell with leave of @leave minutes: the leave counts as recorded, whatever the
 * sign-in times say; the rest of the session counts as they say, and with no sign-in
 * it is truant. Periods missed by the times are covered by the leave first (a late
 * sign-in after leave asked for the first periods is not late), what the leave does
 * not cover is truant. */
static void
tally_leave (TdRuleRun *run, const TdSession *s, const TdAttendance *a, gint64 leave,
             gint64 total, CellTally *t)
{
  if (a->in_time != NULL || a->status == TD_ATTENDANCE_PRESENT)
    tally_present (run, s, a, total, t);
  else
    t->truant = total;
  t->leave = MIN (leave, total);
  t->truant = MAX (0, t->truant - t->leave);
  t->late = MAX (0, t->late - t->leave);
}

static void
count_cell (TdRuleRun *run, const TdSession *s, gint64 trainee_id, CellTally *t)
{
  const TdAttendance *a = td_rule_run_get_cell (run, s->id, trainee_id);
  gint64 total = td_rules_session_minutes (s);

  memset (t, 0, sizeof *t);
  if (total == 0 || !session_counts (run, s, a != NULL))
    return;
  t->counted = TRUE;
  if (a == NULL || a->status == TD_ATTENDANCE_ABSENT)
    t->truant = total;
  else if (a->leave_minutes > 0)
    tally_leave (run, s, a, a->leave_minutes, total, t);
  else if (a->status == TD_ATTENDANCE_LEAVE)
    t->leave = total;   /* no minutes recorded: the whole session */
  else
    tally_present (run, s, a, total, t);
}

static void
compute_summary (TdRuleRun *run, gint64 trainee_id, TdAttendanceSummary *out)
{
  GPtrArray *sessions = run->snap->sessions;
  guint ti = trainee_position (run, trainee_id);

  memset (out, 0, sizeof *out);
  out->trainee_id = trainee_id;
  for (guint i = 0; i < sessions->len; i++)
    {
      const TdSession *s = g_ptr_array_index (sessions, i);
      CellTally t;

      out->course_minutes += td_rules_session_minutes (s);
      tally_at (run, i, ti, trainee_id, &t);
      if (!t.counted)
        continue;
      out->counted_minutes += td_rules_session_minutes (s);
      out->leave_minutes += t.leave;
      out->truant_minutes += t.truant;
      out->late_minutes += t.late;
    }
  out->absent_minutes = out->leave_minutes + out->truant_minutes;
}

/* Several rules ask for the same trainee's hours; the run computes them once. */
void
td_rules_summarise (TdRuleRun *run, gint64 trainee_id, TdAttendanceSummary *out)
{
  TdAttendanceSummary *cached = g_hash_table_lookup (run->summaries, &trainee_id);

  if (cached == NULL)
    {
      cached = g_new (TdAttendanceSummary, 1);
      compute_summary (run, trainee_id, cached);
      g_hash_table_insert (run->summaries, &cached->trainee_id, cached);
    }
  *out = *cached;
}

static gint64
trainee_id_of (const TdEnrolment *e)
{
  return e->trainee != NULL ? e->trainee->id : 0;
}

static gboolean
is_made_up (TdRuleRun *run, gint64 trainee_id, gint64 session_id)
{
  for (guint i = 0; i < run->snap->makeups->len; i++)
    {
      const TdMakeupRecord *m = g_ptr_array_index (run->snap->makeups, i);
      if (m->trainee_id == trainee_id && m->missed_session_id == session_id)
        return TRUE;
    }
  return FALSE;
}

/* Missed sessions without a make-up; their missed minutes go to @minutes. */
static guint
count_outstanding (TdRuleRun *run, gint64 trainee_id, gint64 *minutes)
{
  guint n = 0, ti = trainee_position (run, trainee_id);

  *minutes = 0;
  for (guint i = 0; i < run->snap->sessions->len; i++)
    {
      const TdSession *s = g_ptr_array_index (run->snap->sessions, i);
      CellTally t;
      gint64 missed;

      tally_at (run, i, ti, trainee_id, &t);
      missed = t.leave + t.truant;
      if (missed > 0 && !is_made_up (run, trainee_id, s->id))
        {
          n++;
          *minutes += missed;
        }
    }
  return n;
}

/* The make-up duty: leave beyond the pack's limit, or any truancy. */
static gboolean
needs_makeup (const TdAttendanceSummary *sum, const TdRuleParam *leave_limit)
{
  if (leave_limit == NULL)
    return sum->absent_minutes > 0;
  return sum->leave_minutes > td_rule_param_get_minutes (leave_limit) || sum->truant_minutes > 0;
}

/* The make-up entry of the pack that applies to this course, for its leave limit. */
static const TdRuleParam *
find_leave_limit (TdRuleRun *run)
{
  GPtrArray *entries = td_rule_pack_get_entries (run->pack);

  for (guint i = 0; i < entries->len; i++)
    {
      const TdRuleEntry *e = g_ptr_array_index (entries, i);
      if (g_str_equal (e->id, "attendance.makeup-required")
          && td_rule_entry_applies (e, run->snap->course))
        return td_rule_entry_get_param (e, "leave-limit");
    }
  return NULL;
}

/* --- rules ------------------------------------------------------------------------- */

/* One finding per late cell; walks the run's table by position. */
static void
late_cells_of (TdRuleRun *run, const TdRuleEntry *entry, const TdEnrolment *e, gint64 late)
{
  GPtrArray *sessions = run->snap->sessions;
  guint ti = trainee_position (run, trainee_id_of (e));

  for (guint j = 0; j < sessions->len; j++)
    {
      const TdSession *s = g_ptr_array_index (sessions, j);
      const TdAttendance *a;
      g_autofree char *hours = NULL;
      CellTally t;

      tally_at (run, j, ti, trainee_id_of (e), &t);
      if (t.late == 0)
        continue;
      a = td_rule_run_get_cell (run, s->id, trainee_id_of (e));
      hours = td_rules_format_hours (t.late);
      td_rule_run_add (run, entry, entry->severity, s, e,
                       g_strdup_printf (_("Signed in at %s, more than %d minutes after a class period started: %s hour(s) count as truancy."),
                                        a->in_time, (int) late, hours),
                       _("Record the late periods as truancy on the sign-in sheet."), NULL);
    }
}

void
td_rule_late_is_truancy (TdRuleRun *run, const TdRuleEntry *entry)
{
  gint64 late = td_rule_param_get_minutes (td_rule_pack_get_time_param (run->pack, "late-after"));

  for (guint i = 0; i < run->snap->enrolments->len; i++)
    late_cells_of (run, entry, g_ptr_array_index (run->snap->enrolments, i), late);
}

void
td_rule_dismissal (TdRuleRun *run, const TdRuleEntry *entry)
{
  const TdRuleParam *fraction = td_rule_entry_get_param (entry, "fraction");

  for (guint i = 0; i < run->snap->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (run->snap->enrolments, i);
      g_autofree char *absent = NULL, *total = NULL;
      TdAttendanceSummary sum;

      if (e->status == TD_ENROLMENT_DISMISSED)
        continue;
      td_rules_summarise (run, trainee_id_of (e), &sum);
      if (!td_rule_param_fraction_reached (fraction, sum.absent_minutes, sum.course_minutes))
        continue;
      absent = td_rules_format_hours (sum.absent_minutes);
      total = td_rules_format_hours (sum.course_minutes);
      td_rule_run_add (run, entry, entry->severity, NULL, e,
                       g_strdup_printf (_("Absent %s of the course's %s hours, which reaches %d/%d: the trainee must be dismissed."),
                                        absent, total, (int) fraction->value,
                                        (int) fraction->denominator),
                       _("Notify the trainee of the dismissal and mark the enrolment dismissed."),
                       NULL);
    }
}

void
td_rule_makeup_required (TdRuleRun *run, const TdRuleEntry *entry)
{
  const TdRuleParam *limit = td_rule_entry_get_param (entry, "leave-limit");

  for (guint i = 0; i < run->snap->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (run->snap->enrolments, i);
      g_autofree char *leave = NULL, *truant = NULL;
      TdAttendanceSummary sum;
      gint64 minutes;
      guint n;

      if (e->status == TD_ENROLMENT_DISMISSED)
        continue;
      td_rules_summarise (run, trainee_id_of (e), &sum);
      if (!needs_makeup (&sum, limit) || (n = count_outstanding (run, trainee_id_of (e), &minutes)) == 0)
        continue;
      leave = td_rules_format_hours (sum.leave_minutes);
      truant = td_rules_format_hours (sum.truant_minutes);
      td_rule_run_add (run, entry, entry->severity, NULL, e,
                       g_strdup_printf (ngettext ("%s hour(s) of leave and %s hour(s) of truancy; %u missed session is not made up yet.",
                                                  "%s hour(s) of leave and %s hour(s) of truancy; %u missed sessions are not made up yet.",
                                                  n),
                                        leave, truant, n),
                       _("Notify the trainee to make up every missed class before the exam."),
                       NULL);
    }
}

static void
check_late_makeups (TdRuleRun *run, const TdRuleEntry *entry, const TdEnrolment *e,
                    const GDate *due)
{
  g_autofree char *due_text = td_rules_display_gdate (due);

  for (guint i = 0; i < run->snap->makeups->len; i++)
    {
      const TdMakeupRecord *m = g_ptr_array_index (run->snap->makeups, i);
      TdSession *missed = NULL;
      g_autofree char *made_up = NULL;
      GDate date;

      if (m->trainee_id != trainee_id_of (e) || !td_rules_parse_date (m->makeup_date, &date)
          || g_date_compare (&date, due) <= 0)
        continue;
      for (guint j = 0; j < run->snap->sessions->len; j++)
        if (((TdSession *) g_ptr_array_index (run->snap->sessions, j))->id == m->missed_session_id)
          missed = g_ptr_array_index (run->snap->sessions, j);
      made_up = td_rules_display_date (m->makeup_date);
      td_rule_run_add (run, entry, entry->severity, missed, e,
                       g_strdup_printf (_("Made up on %s, after the deadline of %s."),
                                        made_up, due_text),
                       NULL, due);
    }
}

void
td_rule_makeup_deadline (TdRuleRun *run, const TdRuleEntry *entry)
{
  const TdRuleParam *limit = find_leave_limit (run);
  GDate due = run->end, warn;

  td_rule_param_shift_date (td_rule_entry_get_param (entry, "within"), &due, +1);
  warn = due;
  td_rule_param_shift_date (td_rule_entry_get_param (entry, "warn-before"), &warn, -1);
  for (guint i = 0; i < run->snap->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (run->snap->enrolments, i);
      g_autofree char *due_text = td_rules_display_gdate (&due);
      TdAttendanceSummary sum;
      gint64 minutes;
      guint n;

      if (e->status == TD_ENROLMENT_DISMISSED)
        continue;
      td_rules_summarise (run, trainee_id_of (e), &sum);
      if (!needs_makeup (&sum, limit))
        continue;
      check_late_makeups (run, entry, e, &due);
      if ((n = count_outstanding (run, trainee_id_of (e), &minutes)) == 0)
        continue;
      if (td_rule_run_compare_today (run, &due) > 0)
        td_rule_run_add (run, entry, entry->severity, NULL, e,
                         g_strdup_printf (ngettext ("%u missed session was not made up by %s.",
                                                    "%u missed sessions were not made up by %s.", n),
                                          n, due_text),
                         _("The trainee can no longer make up this course and must take it again."),
                         &due);
      else if (td_rule_run_compare_today (run, &warn) >= 0)
        td_rule_run_add (run, entry, TD_SEVERITY_WARNING, NULL, e,
                         g_strdup_printf (ngettext ("%u missed session must be made up by %s.",
                                                    "%u missed sessions must be made up by %s.", n),
                                          n, due_text),
                         _("Book the trainee into a make-up session before the deadline."), &due);
    }
}

/* The earliest roll call on @date, or NULL. */
static const TdRollcallRecord *
first_rollcall_on (TdRuleRun *run, const char *date)
{
  const TdRollcallRecord *first = NULL;

  for (guint i = 0; i < run->snap->rollcalls->len; i++)
    {
      const TdRollcallRecord *r = g_ptr_array_index (run->snap->rollcalls, i);
      for (guint j = 0; j < run->snap->sessions->len; j++)
        {
          const TdSession *s = g_ptr_array_index (run->snap->sessions, j);
          if (s->id == r->session_id && g_strcmp0 (s->date, date) == 0
              && (first == NULL || g_strcmp0 (r->taken_at, first->taken_at) < 0))
            first = r;
        }
    }
  return first;
}

/* The first session of each day, by date. */
static GHashTable *
first_sessions_by_day (TdRuleRun *run)
{
  GHashTable *days = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < run->snap->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (run->snap->sessions, i);
      TdSession *first = g_hash_table_lookup (days, s->date);
      if (first == NULL || td_time_parse_minutes (s->start_time) < td_time_parse_minutes (first->start_time))
        g_hash_table_insert (days, s->date, s);
    }
  return days;
}

static void
check_rollcall_day (TdRuleRun *run, const TdRuleEntry *entry, const TdSession *first)
{
  gint64 after = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "after-first-period"));
  const TdRollcallRecord *r = first_rollcall_on (run, first->date);
  int earliest = td_time_parse_minutes (first->start_time) + (int) after;
  g_autofree char *day = td_rules_display_date (first->date);
  g_autofree char *earliest_text = NULL;
  g_autofree char *taken_text = NULL;
  int taken;

  if (r == NULL)
    {
      td_rule_run_add (run, entry, entry->severity, first, NULL,
                       g_strdup_printf (_("No roll call was recorded on %s."), day),
                       _("Record the counsellor's roll call for that day."), NULL);
      return;
    }
  /* taken_at is "YYYY-MM-DDTHH:MM…": the time of day starts at offset 11 */
  if (r->taken_at != NULL && strlen (r->taken_at) >= 16)
    taken_text = g_strndup (r->taken_at + 11, 5);
  taken = td_time_parse_minutes (taken_text);
  if (taken < 0 || taken >= earliest)
    return;
  earliest_text = td_time_format_minutes (earliest);
  td_rule_run_add (run, entry, entry->severity, first, NULL,
                   g_strdup_printf (_("The roll call on %s was taken at %s, before %s."),
                                    day, taken_text, earliest_text),
                   _("Take the roll call after the first class period has run for the required time."),
                   NULL);
}

void
td_rule_rollcall (TdRuleRun *run, const TdRuleEntry *entry)
{
  g_autoptr (GHashTable) days = NULL;
  GHashTableIter iter;
  TdSession *first;

  /* Only courses that record roll calls at all are checked. */
  if (run->snap->rollcalls->len == 0)
    return;
  days = first_sessions_by_day (run);
  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &first))
    {
      GDate date;
      if (td_rules_parse_date (first->date, &date) && td_rule_run_compare_today (run, &date) > 0)
        check_rollcall_day (run, entry, first);
    }
}

static gboolean
has_certificate (TdRuleRun *run, gint64 trainee_id)
{
  for (guint i = 0; i < run->snap->certificates->len; i++)
    {
      const TdCertificateRecord *c = g_ptr_array_index (run->snap->certificates, i);
      if (c->trainee_id == trainee_id && !c->voided)
        return TRUE;
    }
  return FALSE;
}

/* Why the trainee may not get a certificate, or NULL. */
static char *
ineligibility_reason (TdRuleRun *run, const TdRuleEntry *entry, const TdEnrolment *e)
{
  const TdRuleParam *fraction = td_rule_entry_get_param (entry, "absence-fraction");
  const TdRuleParam *any = td_rule_entry_get_param (entry, "any-absence");
  g_autofree char *absent = NULL, *total = NULL;
  TdAttendanceSummary sum;

  if (e->status == TD_ENROLMENT_DISMISSED)
    return g_strdup (_("the trainee was dismissed"));
  if (e->status == TD_ENROLMENT_FAILED)
    return g_strdup (_("the trainee failed the exam"));
  td_rules_summarise (run, trainee_id_of (e), &sum);
  absent = td_rules_format_hours (sum.absent_minutes);
  total = td_rules_format_hours (sum.course_minutes);
  if (fraction != NULL && td_rule_param_fraction_reached (fraction, sum.absent_minutes, sum.course_minutes))
    return g_strdup_printf (_("absent %s of %s hours, at least %d/%d"), absent, total,
                            (int) fraction->value, (int) fraction->denominator);
  if (any != NULL && any->value && sum.absent_minutes > 0)
    return g_strdup_printf (_("missed %s hour(s) of an in-service course"), absent);
  return NULL;
}

void
td_rule_certificate_eligibility (TdRuleRun *run, const TdRuleEntry *entry)
{
  gboolean ended = td_rule_run_compare_today (run, &run->end) > 0;

  for (guint i = 0; i < run->snap->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (run->snap->enrolments, i);
      g_autofree char *reason = ineligibility_reason (run, entry, e);

      if (reason == NULL)
        continue;
      if (has_certificate (run, trainee_id_of (e)))
        td_rule_run_add (run, entry, entry->severity, NULL, e,
                         g_strdup_printf (_("A certificate was issued although the trainee is not eligible: %s."), reason),
                         _("Void the certificate."), NULL);
      else if (ended)
        td_rule_run_add (run, entry, TD_SEVERITY_INFO, NULL, e,
                         g_strdup_printf (_("No certificate may be issued: %s."), reason), NULL, NULL);
    }
}
