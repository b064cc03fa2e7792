/* td-rules-person.c — the person-level rules: in-service periodic hours (OSH art. 19)
 * and the vr-ce continuing-education cycle, renewal window and initial training.
 *
 * Each rule reads a person's history (td-store-qualifications.h) and its pack entry;
 * every number comes from the entry. Deadlines produce three grades: the entry's
 * severity once missed, a warning within the entry's warn-before time, and an
 * information finding before, so the trainee form can always say what is missing.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-rules"

#include <glib/gi18n-lib.h>

#include "td-catalogue.h"
#include "td-rules-person.h"
#include "td-rules-private.h"

#define CE_CORE ((1u << TD_HOURS_CE_PROFESSIONAL) | (1u << TD_HOURS_CE_REGULATIONS))
#define CE_EQ ((1u << TD_HOURS_CE_ETHICS) | (1u << TD_HOURS_CE_QUALITY))
#define CE_ALL (CE_CORE | CE_EQ | (1u << TD_HOURS_CE_UNSPECIFIED))

static const char *const person_rules[] = {
  "inservice.periodic-hours", "ce.cycle-hours", "ce.renewal-window", "ce.initial-training", NULL,
};

typedef struct {
  const TdPersonHistory *history;
  GDate today;
  GPtrArray *findings;
  TdRulePack *vr_ce;         /* for the leave extension the cycle rules share */
} PersonRun;

gboolean
td_rules_is_person_rule (const char *rule_id)
{
  return rule_id != NULL && g_strv_contains (person_rules, rule_id);
}

/* --- helpers --------------------------------------------------------------------- */

static TdCatalogue *
shared_catalogue (void)
{
  static gsize done = 0;
  static TdCatalogue *catalogue;

  if (g_once_init_enter (&done))
    {
      g_autoptr (GError) error = NULL;
      if ((catalogue = td_catalogue_load_default (&error)) == NULL)
        g_critical ("The shipped catalogue does not load: %s", error->message);
      g_once_init_leave (&done, 1);
    }
  return catalogue;
}

static void
add_finding (PersonRun *run, const TdRuleEntry *entry, TdSeverity severity, char *message,
             const char *action, const GDate *due)
{
  TdFinding *f = td_finding_new (entry->id, severity, entry->article, NULL);

  f->message = message;
  f->action = g_strdup (action);
  f->trainee_id = run->history->trainee_id;
  if (due != NULL && g_date_valid (due))
    f->due = td_rules_format_date (due);
  g_ptr_array_add (run->findings, f);
}

/* Minutes of the hours in @categories (bits of TdHoursCategory), of @role when not 0,
 * dated from @from (NULL: any) to @to, both included. */
static gint64
sum_minutes (const TdPersonHistory *h, guint categories, int role, const GDate *from,
             const GDate *to)
{
  gint64 total = 0;

  for (guint i = 0; i < h->hours->len; i++)
    {
      const TdHoursRecord *r = g_ptr_array_index (h->hours, i);
      GDate d;

      if (!(categories & (1u << r->category)) || (role != 0 && r->role != role)
          || !td_rules_parse_date (r->date, &d)
          || (from != NULL && g_date_compare (&d, from) < 0) || g_date_compare (&d, to) > 0)
        continue;
      total += r->minutes;
    }
  return total;
}

static gboolean
entry_covers (const TdRuleEntry *entry, const char *slug)
{
  return entry->categories == NULL
         || (slug != NULL && g_strv_contains ((const char *const *) entry->categories, slug));
}

static GDate
shifted (const GDate *from, const TdRuleEntry *entry, const char *param, int sign)
{
  GDate d = *from;
  td_rule_param_shift_date (td_rule_entry_get_param (entry, param), &d, sign);
  return d;
}

/* The deadline grade: missed (the entry's severity), due soon (warning), or ahead
 * (information). */
static TdSeverity
grade (PersonRun *run, const TdRuleEntry *entry, const GDate *due)
{
  GDate warn_from = shifted (due, entry, "warn-before", -1);

  if (g_date_compare (&run->today, due) > 0)
    return entry->severity;
  return g_date_compare (&run->today, &warn_from) >= 0 ? TD_SEVERITY_WARNING : TD_SEVERITY_INFO;
}

static const char *
qualification_name (const TdQualification *q)
{
  const TdCategory *c = td_catalogue_lookup (shared_catalogue (), q->qualification);
  return c != NULL ? c->name : q->qualification;
}

/* --- inservice.periodic-hours ---------------------------------------------------- */

static void
report_inservice (PersonRun *run, const TdRuleEntry *entry, const TdQualification *q,
                  const GDate *from, const GDate *to, gboolean ended)
{
  gint64 need = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "hours"));
  gint64 done = sum_minutes (run->history, 1u << TD_HOURS_INSERVICE, q->role, from, to);
  g_autofree char *done_h = td_rules_format_hours (done);
  g_autofree char *need_h = td_rules_format_hours (need);
  g_autofree char *missing_h = td_rules_format_hours (need - done);
  g_autofree char *from_s = td_rules_display_gdate (from);
  g_autofree char *to_s = td_rules_display_gdate (to);

  if (done >= need)
    return;
  if (ended)
    add_finding (run, entry, entry->severity,
                 g_strdup_printf (_("In-service training for OSH art. 18 role %d: %s h from %s "
                                    "to %s; at least %s h were required."),
                                  q->role, done_h, from_s, to_s, need_h),
                 _("Record the in-service hours earned elsewhere, or arrange the missing "
                   "training at once."), to);
  else
    add_finding (run, entry, grade (run, entry, to),
                 g_strdup_printf (_("In-service training for OSH art. 18 role %d: %s h still "
                                    "missing by %s (%s of %s h done)."),
                                  q->role, missing_h, to_s, done_h, need_h),
                 _("Enrol the person in an in-service course or record hours earned elsewhere."),
                 to);
}

/* Periods of the entry's length run from the date the person took up the role; the
 * last completed one and the current one are checked. */
static void
check_inservice_role (PersonRun *run, const TdRuleEntry *entry, const TdQualification *q)
{
  GDate start, next, prev, last_day;

  if (!td_rules_parse_date (q->since, &start) || g_date_compare (&run->today, &start) < 0)
    return;
  g_date_clear (&prev, 1);
  next = shifted (&start, entry, "every", +1);
  while (g_date_compare (&next, &run->today) <= 0)
    {
      prev = start;
      start = next;
      next = shifted (&start, entry, "every", +1);
    }
  if (g_date_valid (&prev))
    {
      last_day = start;
      g_date_subtract_days (&last_day, 1);
      report_inservice (run, entry, q, &prev, &last_day, TRUE);
    }
  last_day = next;
  g_date_subtract_days (&last_day, 1);
  report_inservice (run, entry, q, &start, &last_day, FALSE);
}

static void
rule_inservice (PersonRun *run, const TdRuleEntry *entry)
{
  for (guint i = 0; i < run->history->qualifications->len; i++)
    {
      const TdQualification *q = g_ptr_array_index (run->history->qualifications, i);
      const TdInserviceRole *role;

      if (q->kind != TD_QUALIFICATION_INSERVICE_ROLE)
        continue;
      role = td_catalogue_get_inservice_role (shared_catalogue (), q->role);
      if (role != NULL && entry_covers (entry, role->category))
        check_inservice_role (run, entry, q);
    }
}

/* --- certificate cycles ---------------------------------------------------------- */

/* The entry of @id in @pack, or NULL. */
static const TdRuleEntry *
find_entry (TdRulePack *pack, const char *id)
{
  GPtrArray *entries = pack != NULL ? td_rule_pack_get_entries (pack) : NULL;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_str_equal (((TdRuleEntry *) g_ptr_array_index (entries, i))->id, id))
      return g_ptr_array_index (entries, i);
  return NULL;
}

/* The cycle's end moved by each approved leave of at least the renewal rule's
 * "leave-min": such a leave extends the cycle by its length in days. */
static gboolean
cycle_end (PersonRun *run, const TdCertificateCycle *c, GDate *out)
{
  const TdRuleEntry *renewal = find_entry (run->vr_ce, "ce.renewal-window");

  if (!td_rules_parse_date (c->end, out))
    return FALSE;
  for (guint i = 0; renewal != NULL && i < c->leaves->len; i++)
    {
      const TdCycleLeave *l = g_ptr_array_index (c->leaves, i);
      GDate s, e, after, min_end;

      if (!td_rules_parse_date (l->start, &s) || !td_rules_parse_date (l->end, &e))
        continue;
      after = e;
      g_date_add_days (&after, 1);
      min_end = shifted (&s, renewal, "leave-min", +1);
      if (g_date_compare (&after, &min_end) >= 0)
        g_date_add_days (out, (guint) g_date_days_between (&s, &after));
    }
  return TRUE;
}

/* The latest cycle of @q that has started by today; @renewed: a later one exists. */
static const TdCertificateCycle *
current_cycle (PersonRun *run, const TdQualification *q, gboolean *renewed)
{
  const TdCertificateCycle *current = NULL;
  GDate s;

  *renewed = FALSE;
  for (guint i = 0; i < run->history->cycles->len; i++)
    {
      const TdCertificateCycle *c = g_ptr_array_index (run->history->cycles, i);

      if (c->qualification_id != q->id || !td_rules_parse_date (c->start, &s))
        continue;
      if (g_date_compare (&s, &run->today) <= 0)
        current = c;    /* cycles come by start date */
      else
        *renewed = TRUE;
    }
  return current;
}

static void
append_part (GString *s, gint64 minutes, const char *format)
{
  g_autofree char *h = NULL;

  if (minutes <= 0)
    return;
  h = td_rules_format_hours (minutes);
  if (s->len > 0)
    g_string_append (s, C_("list separator", ", "));
  g_string_append_printf (s, format, h);
}

/* What the cycle still lacks ("12 h of professional + regulations, …"), or NULL. */
static char *
describe_missing (PersonRun *run, const TdRuleEntry *entry, const GDate *from, const GDate *to)
{
  gint64 total = sum_minutes (run->history, CE_ALL, 0, from, to);
  gint64 core = sum_minutes (run->history, CE_CORE, 0, from, to);
  gint64 eq = sum_minutes (run->history, CE_EQ, 0, from, to);
  gint64 core_missing = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "core")) - core;
  gint64 eq_missing
      = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "ethics-quality")) - eq;
  gint64 total_missing
      = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "total")) - total;
  GString *s = g_string_new (NULL);

  append_part (s, core_missing, _("%s h of professional + regulations"));
  append_part (s, eq_missing, _("%s h of ethics + quality"));
  /* What the parts do not cover yet (a pack whose total exceeds its two parts). */
  append_part (s, total_missing - MAX (core_missing, 0) - MAX (eq_missing, 0),
               _("%s h more in any field"));
  if (s->len == 0)
    return g_string_free (s, TRUE), NULL;
  return g_string_free (s, FALSE);
}

static void
check_cycle_hours (PersonRun *run, const TdRuleEntry *entry, const TdQualification *q,
                   const TdCertificateCycle *c)
{
  GDate start, end;
  g_autofree char *missing = NULL;
  g_autofree char *end_s = NULL;
  TdSeverity severity;

  if (!td_rules_parse_date (c->start, &start) || !cycle_end (run, c, &end)
      || (missing = describe_missing (run, entry, &start, &end)) == NULL)
    return;
  end_s = td_rules_display_gdate (&end);
  severity = grade (run, entry, &end);
  if (g_date_compare (&run->today, &end) > 0)
    add_finding (run, entry, severity,
                 g_strdup_printf (_("%s: the certificate cycle ended on %s short of "
                                    "continuing-education hours: %s."),
                                  qualification_name (q), end_s, missing),
                 _("Record the hours earned elsewhere; without them the certificate cannot be "
                   "renewed."), &end);
  else
    add_finding (run, entry, severity,
                 g_strdup_printf (_("%s: CE hours still missing: %s by %s."),
                                  qualification_name (q), missing, end_s),
                 _("Enrol the person in continuing-education courses or record hours earned "
                   "elsewhere."), &end);
}

static void
check_renewal (PersonRun *run, const TdRuleEntry *entry, const TdQualification *q,
               const TdCertificateCycle *c)
{
  GDate end, opens;
  g_autofree char *end_s = NULL;
  g_autofree char *opens_s = NULL;

  if (!cycle_end (run, c, &end))
    return;
  opens = shifted (&end, entry, "window", -1);
  end_s = td_rules_display_gdate (&end);
  opens_s = td_rules_display_gdate (&opens);
  if (g_date_compare (&run->today, &end) > 0)
    add_finding (run, entry, entry->severity,
                 g_strdup_printf (_("%s: the certificate expired on %s and no renewal is "
                                    "recorded; the person may not provide services until it "
                                    "is renewed."),
                                  qualification_name (q), end_s),
                 _("Record the renewed certificate’s cycle, or apply for the renewal."), &end);
  else if (g_date_compare (&run->today, &opens) >= 0)
    add_finding (run, entry, TD_SEVERITY_WARNING,
                 g_strdup_printf (_("%s: the renewal window is open from %s to %s: apply for "
                                    "the certificate renewal."),
                                  qualification_name (q), opens_s, end_s),
                 _("Apply for the renewal with the proof of continuing education."), &end);
}

static void
rule_cycles (PersonRun *run, const TdRuleEntry *entry)
{
  for (guint i = 0; i < run->history->qualifications->len; i++)
    {
      const TdQualification *q = g_ptr_array_index (run->history->qualifications, i);
      const TdCertificateCycle *c;
      gboolean renewed;

      if (q->kind != TD_QUALIFICATION_VR_CE || !entry_covers (entry, q->qualification)
          || (c = current_cycle (run, q, &renewed)) == NULL)
        continue;
      if (g_str_equal (entry->id, "ce.cycle-hours"))
        check_cycle_hours (run, entry, q, c);
      else if (!renewed)
        check_renewal (run, entry, q, c);
    }
}

/* --- ce.initial-training --------------------------------------------------------- */

static void
check_initial (PersonRun *run, const TdRuleEntry *entry, const TdQualification *q)
{
  gint64 need = td_rule_param_get_minutes (td_rule_entry_get_param (entry, "hours"));
  GDate since, due;
  gint64 done;
  g_autofree char *due_s = NULL, *done_h = NULL, *need_h = NULL;

  if (!td_rules_parse_date (q->since, &since))
    return;
  /* "一年內" after the hire: the last day is the day before the anniversary. */
  due = shifted (&since, entry, "within", +1);
  g_date_subtract_days (&due, 1);
  if ((done = sum_minutes (run->history, 1u << TD_HOURS_VR_TRAINING, 0, NULL, &due)) >= need)
    return;
  due_s = td_rules_display_gdate (&due);
  done_h = td_rules_format_hours (done);
  need_h = td_rules_format_hours (need);
  if (g_date_compare (&run->today, &due) > 0)
    add_finding (run, entry, entry->severity,
                 g_strdup_printf (_("%s: only %s of the %s h of professional training were "
                                    "completed by %s."),
                                  qualification_name (q), done_h, need_h, due_s),
                 _("The person may not continue to provide services until the training is "
                   "completed; record the hours when they are."), &due);
  else
    add_finding (run, entry, grade (run, entry, &due),
                 g_strdup_printf (_("%s: %s h of professional training due by %s (%s h so "
                                    "far)."),
                                  qualification_name (q), need_h, due_s, done_h),
                 _("Enrol the person in the professional training or record the hours earned "
                   "elsewhere."), &due);
}

static void
rule_initial (PersonRun *run, const TdRuleEntry *entry)
{
  for (guint i = 0; i < run->history->qualifications->len; i++)
    {
      const TdQualification *q = g_ptr_array_index (run->history->qualifications, i);
      if (q->kind == TD_QUALIFICATION_VR_CE && entry_covers (entry, q->qualification))
        check_initial (run, entry, q);
    }
}

/* --- running -------------------------------------------------------------------- */

static void
run_pack (PersonRun *run, TdRulePack *pack)
{
  GPtrArray *entries = pack != NULL ? td_rule_pack_get_entries (pack) : NULL;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const TdRuleEntry *e = g_ptr_array_index (entries, i);

      if (g_str_equal (e->id, "inservice.periodic-hours"))
        rule_inservice (run, e);
      else if (g_str_equal (e->id, "ce.cycle-hours") || g_str_equal (e->id, "ce.renewal-window"))
        rule_cycles (run, e);
      else if (g_str_equal (e->id, "ce.initial-training"))
        rule_initial (run, e);
    }
}

GPtrArray *
td_rules_check_person_history (const TdPersonHistory *history, TdRulePack *osh,
                               TdRulePack *vr_ce, const char *today, GError **error)
{
  PersonRun run = { history, { 0 }, NULL, vr_ce };
  g_autofree char *now = NULL;

  g_return_val_if_fail (history != NULL, NULL);
  if (today == NULL)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_now_local ();
      today = now = g_date_time_format (dt, "%Y-%m-%d");
    }
  if (!td_rules_parse_date (today, &run.today))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("“%s” is not a date (expected YYYY-MM-DD)"), today), NULL;
  run.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  run_pack (&run, osh);
  run_pack (&run, vr_ce);
  g_ptr_array_sort (run.findings, td_finding_compare);
  return run.findings;
}

/* The shipped packs, parsed once per process (checks run in worker threads too). */
static gboolean
person_packs (TdRulePack **osh, TdRulePack **vr_ce, GError **error)
{
  static GMutex lock;
  static TdRulePack *packs[2];
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (packs[0] == NULL && (packs[0] = td_rule_pack_load_for_regime (TD_REGIME_OSH, error)) == NULL)
    return FALSE;
  if (packs[1] == NULL
      && (packs[1] = td_rule_pack_load_for_regime (TD_REGIME_VR_CE, error)) == NULL)
    return FALSE;
  *osh = packs[0];
  *vr_ce = packs[1];
  return TRUE;
}

GPtrArray *
td_rules_check_person (TdStore *store, gint64 trainee_id, const char *today, GError **error)
{
  g_autoptr (TdPersonHistory) history = NULL;
  TdRulePack *osh, *vr_ce;

  if (!person_packs (&osh, &vr_ce, error)
      || (history = td_store_load_person_history (store, trainee_id, error)) == NULL)
    return NULL;
  return td_rules_check_person_history (history, osh, vr_ce, today, error);
}

gboolean
td_rules_append_person_findings (TdStore *store, const char *today, GCancellable *cancellable,
                                 GPtrArray *out, GError **error)
{
  g_autoptr (GArray) ids = td_store_list_qualified_trainees (store, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GPtrArray) findings = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || (findings = td_rules_check_person (store, g_array_index (ids, gint64, i), today,
                                                error)) == NULL)
        return FALSE;
      g_ptr_array_set_free_func (findings, NULL);
      g_ptr_array_extend_and_steal (out, g_steal_pointer (&findings));
    }
  return TRUE;
}
