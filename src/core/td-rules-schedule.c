/* td-rules-schedule.c — rules about the course as a whole: the timetable, filing and
 * record deadlines, certificate deadlines, class size, the counsellor, exam retakes.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-rules"

#include <glib/gi18n-lib.h>

#include "td-rules-private.h"

/* --- timetable ----------------------------------------------------------------------- */

static gint64 *
day_total (GHashTable *days, const char *date)
{
  gint64 *total = g_hash_table_lookup (days, date);

  if (total == NULL)
    {
      total = g_new0 (gint64, 1);
      g_hash_table_insert (days, (gpointer) date, total);
    }
  return total;
}

static void
report_days (TdRuleRun *run, const TdRuleEntry *entry, GHashTable *days, gint64 max,
             const char *format, const char *action)
{
  g_autoptr (GList) dates = g_list_sort (g_hash_table_get_keys (days), (GCompareFunc) g_strcmp0);

  for (GList *l = dates; l != NULL; l = l->next)
    {
      gint64 total = *(gint64 *) g_hash_table_lookup (days, l->data);
      g_autofree char *day = NULL, *hours = NULL, *limit = NULL;

      if (total <= max)
        continue;
      day = td_rules_display_date (l->data);
      hours = td_rules_format_hours (total);
      limit = td_rules_format_hours (max);
      td_rule_run_add (run, entry, entry->severity, NULL, NULL,
                       g_strdup_printf (format, day, hours, limit), action, NULL);
    }
}

void
td_rule_daily_hours (TdRuleRun *run, const TdRuleEntry *entry)
{
  g_autoptr (GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < run->snap->sessions->len; i++)
    {
      const TdSession *s = g_ptr_array_index (run->snap->sessions, i);
      *day_total (days, s->date) += td_rules_session_minutes (s);
    }
  report_days (run, entry, days, td_rule_param_get_minutes (td_rule_entry_get_param (entry, "max")),
               _("Classes on %s add up to %s hours, more than %s."),
               _("Move some sessions to another day."));
}

/* Minutes of @s at or after @from (minutes since midnight), at most its statutory length. */
static gint64
minutes_after (const TdSession *s, gint64 from)
{
  int start = td_time_parse_minutes (s->start_time);
  int end = td_time_parse_minutes (s->end_time);
  gint64 overlap;

  if (start < 0 || end < 0)
    return 0;
  overlap = end - MAX (start, from);
  return CLAMP (overlap, 0, td_rules_session_minutes (s));
}

void
td_rule_evening_hours (TdRuleRun *run, const TdRuleEntry *entry)
{
  g_autoptr (GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 evening = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "evening-start"));

  for (guint i = 0; i < run->snap->sessions->len; i++)
    {
      const TdSession *s = g_ptr_array_index (run->snap->sessions, i);
      gint64 m = minutes_after (s, evening);
      if (s->mode == TD_SESSION_MODE_THEORY && m > 0)
        *day_total (days, s->date) += m;
    }
  report_days (run, entry, days, td_rule_param_get_minutes (td_rule_entry_get_param (entry, "max")),
               _("Evening classes on %s add up to %s hours, more than %s."),
               _("Keep evening classes within the limit or move them to daytime."));
}

void
td_rule_evening_end (TdRuleRun *run, const TdRuleEntry *entry)
{
  gint64 latest = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "latest-end"));
  g_autofree char *latest_text = td_time_format_minutes ((int) latest);

  for (guint i = 0; i < run->snap->sessions->len; i++)
    {
      const TdSession *s = g_ptr_array_index (run->snap->sessions, i);
      g_autofree char *day = NULL;

      if (td_time_parse_minutes (s->end_time) <= latest)
        continue;
      day = td_rules_display_date (s->date);
      td_rule_run_add (run, entry, entry->severity, s, NULL,
                       g_strdup_printf (_("The session on %s ends at %s, after %s."), day,
                                        s->end_time, latest_text),
                       _("End the session earlier."), NULL);
    }
}

void
td_rule_practical_daytime (TdRuleRun *run, const TdRuleEntry *entry)
{
  gint64 evening = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "evening-start"));
  g_autofree char *evening_text = td_time_format_minutes ((int) evening);

  for (guint i = 0; i < run->snap->sessions->len; i++)
    {
      const TdSession *s = g_ptr_array_index (run->snap->sessions, i);
      g_autofree char *day = NULL;

      if (s->mode == TD_SESSION_MODE_THEORY || minutes_after (s, evening) == 0)
        continue;
      day = td_rules_display_date (s->date);
      td_rule_run_add (run, entry, entry->severity, s, NULL,
                       g_strdup_printf (_("The practical session on %s runs until %s, after evening starts at %s."),
                                        day, s->end_time, evening_text),
                       _("Hold practical sessions in the daytime."), NULL);
    }
}

/* --- deadlines ----------------------------------------------------------------------- */

typedef struct {
  const char *late;      /* (done on, due) */
  const char *missing;   /* (due); NULL when the desk cannot know whether it was done */
  const char *soon;      /* (due) */
  const char *action;
} DeadlineTexts;

/* @done_on: when it was done (ISO), or NULL. */
static void
check_deadline (TdRuleRun *run, const TdRuleEntry *entry, const GDate *due, const char *done_on,
                const TdSession *session, const DeadlineTexts *texts)
{
  g_autofree char *due_text = td_rules_display_gdate (due);
  GDate done, warn = *due;

  td_rule_param_shift_date (td_rule_entry_get_param (entry, "warn-before"), &warn, -1);
  if (td_rules_parse_date (done_on, &done))
    {
      g_autofree char *done_text = td_rules_display_date (done_on);
      if (g_date_compare (&done, due) > 0)
        td_rule_run_add (run, entry, entry->severity, session, NULL,
                         g_strdup_printf (texts->late, done_text, due_text), texts->action, due);
    }
  else if (td_rule_run_compare_today (run, due) > 0)
    {
      if (texts->missing != NULL)
        td_rule_run_add (run, entry, entry->severity, session, NULL,
                         g_strdup_printf (texts->missing, due_text), texts->action, due);
    }
  else if (td_rule_run_compare_today (run, &warn) >= 0)
    td_rule_run_add (run, entry, TD_SEVERITY_WARNING, session, NULL,
                     g_strdup_printf (texts->soon, due_text), texts->action, due);
}

static GDate
shifted (const GDate *date, const TdRuleEntry *entry, const char *param, int sign)
{
  GDate d = *date;
  td_rule_param_shift_date (td_rule_entry_get_param (entry, param), &d, sign);
  return d;
}

void
td_rule_plan_deadline (TdRuleRun *run, const TdRuleEntry *entry)
{
  GDate due = shifted (&run->start, entry, "before-start", -1);
  DeadlineTexts texts = {
    _("The plan was filed on %s; it was due by %s."),
    _("The plan was not filed by %s."),
    _("The plan, timetable, lecturers and roster must be filed by %s."),
    _("File the course plan with the authority."),
  };

  check_deadline (run, entry, &due, run->snap->course->filed_on, NULL, &texts);
}

void
td_rule_change_deadline (TdRuleRun *run, const TdRuleEntry *entry)
{
  const TdRuleParam *force_majeure = td_rule_entry_get_param (entry, "force-majeure-within");
  GPtrArray *changes = run->snap->course->changes;
  GDate due = shifted (&run->start, entry, "before-start", -1);
  g_autofree char *due_text = td_rules_display_gdate (&due);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const TdCourseChange *c = g_ptr_array_index (changes, i);
      g_autofree char *hours = NULL, *filed_text = NULL;
      GDate filed;

      if (!td_rules_parse_date (c->filed_on, &filed) || g_date_compare (&filed, &due) <= 0)
        continue;
      filed_text = td_rules_display_date (c->filed_on);
      if (c->force_majeure && force_majeure != NULL)
        {
          hours = td_rules_format_hours (td_rule_param_get_minutes (force_majeure));
          td_rule_run_add (run, entry, TD_SEVERITY_INFO, NULL, NULL,
                           g_strdup_printf (_("The change filed on %s after the start was due to force majeure: it must have been filed within %s hours of the event."),
                                            filed_text, hours),
                           _("Confirm when the event happened."), NULL);
          continue;
        }
      td_rule_run_add (run, entry, entry->severity, NULL, NULL,
                       g_strdup_printf (_("A change was filed on %s; changes were due by %s, the day before the start."),
                                        filed_text, due_text),
                       _("Changes cannot be filed after the day before the start; postpone the course or keep the filed plan."),
                       &due);
    }
}

void
td_rule_archive_deadline (TdRuleRun *run, const TdRuleEntry *entry)
{
  GDate due = shifted (&run->end, entry, "after-end", +1);
  DeadlineTexts texts = {
    _("The records were archived on %s; they were due by %s."),
    _("The sign-in, roll-call, score and issuance records were not archived by %s."),
    _("The sign-in, roll-call, score and issuance records must be archived as electronic files by %s."),
    _("Archive the course records as electronic files."),
  };

  check_deadline (run, entry, &due, run->snap->course->records_archived_on, NULL, &texts);
}

void
td_rule_registration_deadline (TdRuleRun *run, const TdRuleEntry *entry)
{
  GDate due = shifted (&run->end, entry, "after-end", +1);
  DeadlineTexts texts = {
    NULL, NULL,
    _("The trainees' data and sign-in records must be registered in the training system by %s."),
    _("Register the trainees and their sign-in records."),
  };

  /* The desk does not record the registration itself, so only the reminder applies;
   * the window opens no earlier than the course end. */
  if (td_rule_run_compare_today (run, &run->end) > 0)
    check_deadline (run, entry, &due, NULL, NULL, &texts);
}

static gboolean
has_candidates (TdRuleRun *run)
{
  for (guint i = 0; i < run->snap->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (run->snap->enrolments, i);
      if (e->status != TD_ENROLMENT_DISMISSED && e->status != TD_ENROLMENT_FAILED)
        return TRUE;
    }
  return FALSE;
}

void
td_rule_issue_deadline (TdRuleRun *run, const TdRuleEntry *entry)
{
  GDate due = shifted (&run->end, entry, "after-end", +1);
  DeadlineTexts texts = {
    _("Certificates were issued on %s; they were due by %s."),
    _("Certificates were not issued by %s."),
    _("Certificates must be issued by %s."),
    _("Issue the certificates and the issuance list."),
  };

  if (has_candidates (run))
    check_deadline (run, entry, &due, run->snap->course->certificates_issued_on, NULL, &texts);
}

/* --- class, staff, exam ---------------------------------------------------------------- */

void
td_rule_minimum_size (TdRuleRun *run, const TdRuleEntry *entry)
{
  const TdRuleParam *min = td_rule_entry_get_param (entry, "min");
  guint n = run->snap->enrolments->len;

  if (n >= min->value)
    return;
  td_rule_run_add (run, entry, entry->severity, NULL, NULL,
                   g_strdup_printf (_("%u trainee(s) enrolled; at least %d are needed before the plan can be filed."),
                                    n, (int) min->value),
                   _("Enrol more trainees or merge the class with another."), NULL);
}

void
td_rule_maximum_size (TdRuleRun *run, const TdRuleEntry *entry)
{
  const TdRuleParam *max = td_rule_entry_get_param (entry, "max");
  guint n = run->snap->enrolments->len;

  if (n <= max->value)
    return;
  td_rule_run_add (run, entry, entry->severity, NULL, NULL,
                   g_strdup_printf (_("%u trainees enrolled; this class may have at most %d."), n,
                                    (int) max->value),
                   _("Split the trainees over two runs of the course."), NULL);
}

void
td_rule_counsellor (TdRuleRun *run, const TdRuleEntry *entry)
{
  TdCourse *c = run->snap->course;
  g_autofree char *name = g_strstrip (g_strdup (c->counsellor_name ? c->counsellor_name : ""));

  if (*name == '\0')
    td_rule_run_add (run, entry, entry->severity, NULL, NULL,
                     g_strdup (_("No counsellor is assigned to the course.")),
                     _("Assign a dedicated counsellor."), NULL);
  else if (!c->counsellor_qualified)
    td_rule_run_add (run, entry, entry->severity, NULL, NULL,
                     g_strdup_printf (_("Counsellor %s is not recorded as qualified."),
                                      name),
                     _("Assign a counsellor with the occupational safety and health officer qualification (for first aid: medical staff or an EMT), or record the qualification."),
                     NULL);
}

void
td_rule_exam_retake (TdRuleRun *run, const TdRuleEntry *entry)
{
  GDate due = shifted (&run->end, entry, "within", +1);
  GDate warn = shifted (&due, entry, "warn-before", -1);
  g_autofree char *due_text = td_rules_display_gdate (&due);
  gboolean overdue = td_rule_run_compare_today (run, &due) > 0;
  TdSeverity severity;

  if (td_rule_run_compare_today (run, &run->end) <= 0)
    return;
  if (overdue)
    severity = entry->severity;
  else
    severity = td_rule_run_compare_today (run, &warn) >= 0 ? TD_SEVERITY_WARNING : TD_SEVERITY_INFO;
  for (guint i = 0; i < run->snap->enrolments->len; i++)
    {
      const TdEnrolment *e = g_ptr_array_index (run->snap->enrolments, i);
      if (e->status != TD_ENROLMENT_FAILED)
        continue;
      td_rule_run_add (run, entry, severity, NULL, e,
                       g_strdup_printf (overdue
                                          ? _("Failed the exam; the one retake allowed was due by %s.")
                                          : _("Failed the exam; the one retake allowed must be held by %s."),
                                        due_text),
                       _("Arrange the retake with the local labour authority."), &due);
    }
}
