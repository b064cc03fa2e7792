/* td-rules.c — running a rule pack over a course: snapshots, dispatch, store checks
 *
 * The rules themselves live in td-rules-attendance.c (people) and
 * td-rules-schedule.c (timetable, deadlines, class, staff). This file loads a
 * course once, maps each pack entry to its function and collects the findings.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-rules"

#include <glib/gi18n-lib.h>

#include "td-roc-date.h"
#include "td-rules-person.h"
#include "td-rules-private.h"
#include "td-store-private.h"

static const struct {
  const char *id;
  TdRuleFunc func;
} rule_funcs[] = {
  { "attendance.late-is-truancy", td_rule_late_is_truancy },
  { "attendance.dismissal", td_rule_dismissal },
  { "attendance.makeup-required", td_rule_makeup_required },
  { "attendance.makeup-deadline", td_rule_makeup_deadline },
  { "attendance.rollcall", td_rule_rollcall },
  { "schedule.daily-hours", td_rule_daily_hours },
  { "schedule.evening-hours", td_rule_evening_hours },
  { "schedule.evening-end", td_rule_evening_end },
  { "schedule.practical-daytime", td_rule_practical_daytime },
  { "filing.plan-deadline", td_rule_plan_deadline },
  { "filing.change-deadline", td_rule_change_deadline },
  { "records.archive-deadline", td_rule_archive_deadline },
  { "records.registration-deadline", td_rule_registration_deadline },
  { "certificate.issue-deadline", td_rule_issue_deadline },
  { "certificate.eligibility", td_rule_certificate_eligibility },
  { "class.minimum-size", td_rule_minimum_size },
  { "class.maximum-size", td_rule_maximum_size },
  { "staff.counsellor", td_rule_counsellor },
  { "exam.retake", td_rule_exam_retake },
};

/* --- helpers shared by the rule files ---------------------------------------- */

/* Reads @n digits at @text; -1 when any is not a digit. */
static int
read_digits (const char *text, int n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* Parsed by hand: this runs for every attendance cell of every course checked. */
gboolean
td_rules_parse_date (const char *iso, GDate *out)
{
  int y, m, d;

  g_date_clear (out, 1);
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  y = read_digits (iso, 4);
  m = read_digits (iso + 5, 2);
  d = read_digits (iso + 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
td_rules_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
td_rules_display_date (const char *iso)
{
  /* TRANSLATORS: how dates are written in rule-check messages: "iso" (2024-05-06) or
   * "roc" (民國113年5月6日). Translate to "roc" where the ROC calendar is used. */
  if (g_str_equal (C_("findings date format", "iso"), "roc"))
    {
      char *roc = td_roc_date_format (iso, TD_ROC_FORMAT_LONG);
      if (roc != NULL)
        return roc;
    }
  return g_strdup (iso);
}

char *
td_rules_display_gdate (const GDate *date)
{
  g_autofree char *iso = td_rules_format_date (date);
  return td_rules_display_date (iso);
}

char *
td_rules_format_hours (gint64 minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, minutes / 60);
  return g_strdup_printf ("%.1f", minutes / 60.0);
}

gint64
td_rules_session_minutes (const TdSession *session)
{
  int span;

  if (session->minutes > 0)
    return session->minutes;
  span = td_session_span_minutes ((TdSession *) session);
  return span > 0 ? span : 0;
}

/* The attendance of one trainee in one session is looked up for every cell of every
 * rule, so the key is the TdAttendance itself (its two ids) and a lookup allocates
 * nothing. */
static guint
cell_hash (gconstpointer key)
{
  const TdAttendance *a = key;
  return g_int64_hash (&a->session_id) * 31 + g_int64_hash (&a->trainee_id);
}

static gboolean
cell_equal (gconstpointer a, gconstpointer b)
{
  const TdAttendance *x = a, *y = b;
  return x->session_id == y->session_id && x->trainee_id == y->trainee_id;
}

int
td_rule_run_compare_today (TdRuleRun *run, const GDate *date)
{
  int cmp = g_date_compare (&run->today, date);
  GDate change;

  /* Today before @date: the answer changes on @date; today on it: the day after;
   * today past it: never again for any later today. */
  if (cmp > 0)
    return cmp;
  change = *date;
  if (cmp == 0)
    g_date_add_days (&change, 1);
  if (!g_date_valid (&run->valid_until) || g_date_compare (&change, &run->valid_until) < 0)
    run->valid_until = change;
  return cmp;
}

const TdAttendance *
td_rule_run_get_cell (TdRuleRun *run, gint64 session_id, gint64 trainee_id)
{
  TdAttendance key = { .session_id = session_id, .trainee_id = trainee_id };
  return g_hash_table_lookup (run->cells, &key);
}

/* @applied: @pack already has the snapshot's settings applied (the centre check
 * applies them once for all its courses). */
static gboolean
rule_run_init (TdRuleRun *run, const TdCourseSnapshot *snap, TdRulePack *pack, gboolean applied,
               const char *today, GError **error)
{
  g_autofree char *now = NULL;

  memset (run, 0, sizeof *run);
  if (today == NULL)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_now_local ();
      today = now = g_date_time_format (dt, "%Y-%m-%d");
    }
  if (!td_rules_parse_date (today, &run->today))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("“%s” is not a date (expected YYYY-MM-DD)"), today), FALSE;
  if (!td_rules_parse_date (snap->course->start_date, &run->start)
      || !td_rules_parse_date (snap->course->end_date, &run->end))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("Course “%s” has no valid start and end dates"),
                        snap->course->title ? snap->course->title : ""), FALSE;
  run->pack = applied ? g_object_ref (pack)
                      : td_rule_pack_with_settings (pack, snap->settings, error);
  if (run->pack == NULL)
    return FALSE;
  run->snap = snap;
  run->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  run->cells = g_hash_table_new (cell_hash, cell_equal);
  run->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  for (guint i = 0; i < snap->attendance->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (snap->attendance, i);
      g_hash_table_insert (run->cells, a, a);
    }
  return TRUE;
}

gboolean
td_rule_run_init (TdRuleRun *run, const TdCourseSnapshot *snap, TdRulePack *pack,
                  const char *today, GError **error)
{
  return rule_run_init (run, snap, pack, FALSE, today, error);
}

void
td_rule_run_clear (TdRuleRun *run)
{
  g_clear_object (&run->pack);
  g_clear_pointer (&run->findings, g_ptr_array_unref);
  g_clear_pointer (&run->cells, g_hash_table_unref);
  g_clear_pointer (&run->summaries, g_hash_table_unref);
  g_clear_pointer (&run->trainee_index, g_hash_table_unref);
  g_clear_pointer (&run->tallies, g_free);
}

TdFinding *
td_rule_run_add (TdRuleRun *run, const TdRuleEntry *entry, TdSeverity severity,
                 const TdSession *session, const TdEnrolment *enrolment, char *message,
                 const char *action, const GDate *due)
{
  TdFinding *f = td_finding_new (entry->id, severity, entry->article, NULL);
  TdCourse *course = run->snap->course;

  f->message = message;
  f->action = g_strdup (action);
  f->course_id = course->id;
  f->course_ref = g_strdup (course->external_id);
  if (session != NULL)
    {
      f->session_id = session->id;
      f->session_ref = g_strdup (session->external_id);
    }
  if (enrolment != NULL)
    {
      f->trainee_id = enrolment->trainee ? enrolment->trainee->id : 0;
      f->trainee_ref = g_strdup (enrolment->external_id);
    }
  if (due != NULL && g_date_valid (due))
    f->due = td_rules_format_date (due);
  g_ptr_array_add (run->findings, f);
  return f;
}

/* --- snapshots ------------------------------------------------------------------ */

static void
rollcall_free (TdRollcallRecord *r)
{
  g_free (r->taken_at);
  g_free (r);
}

static void
makeup_free (TdMakeupRecord *m)
{
  g_free (m->makeup_date);
  g_free (m);
}

TdCourseSnapshot *
td_course_snapshot_new (TdCourse *course)
{
  TdCourseSnapshot *s = g_new0 (TdCourseSnapshot, 1);

  s->course = g_object_ref (course);
  s->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  s->enrolments = g_ptr_array_new_with_free_func (g_object_unref);
  s->attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) td_attendance_free);
  s->scores = g_ptr_array_new_with_free_func (g_free);
  s->rollcalls = g_ptr_array_new_with_free_func ((GDestroyNotify) rollcall_free);
  s->makeups = g_ptr_array_new_with_free_func ((GDestroyNotify) makeup_free);
  s->certificates = g_ptr_array_new_with_free_func (g_free);
  s->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return s;
}

void
td_course_snapshot_free (TdCourseSnapshot *s)
{
  if (s == NULL)
    return;
  g_clear_object (&s->course);
  g_clear_pointer (&s->sessions, g_ptr_array_unref);
  g_clear_pointer (&s->enrolments, g_ptr_array_unref);
  g_clear_pointer (&s->attendance, g_ptr_array_unref);
  g_clear_pointer (&s->scores, g_ptr_array_unref);
  g_clear_pointer (&s->rollcalls, g_ptr_array_unref);
  g_clear_pointer (&s->makeups, g_ptr_array_unref);
  g_clear_pointer (&s->certificates, g_ptr_array_unref);
  g_clear_pointer (&s->settings, g_hash_table_unref);
  g_clear_pointer (&s->cells, td_snapshot_cells_free);
  g_free (s);
}

static TdCourseSnapshot *
load_snapshot (TdStore *store, gint64 course_id, gboolean lean, GError **error)
{
  g_autoptr (TdSnapshotReader) reader = NULL;
  g_autoptr (GError) local_error = NULL;
  TdCourseSnapshot *s;

  if ((reader = td_snapshot_reader_new (store, course_id, lean, error)) == NULL)
    return NULL;
  s = td_snapshot_reader_next (reader, &local_error);
  g_assert (s != NULL || local_error != NULL);   /* the reader holds exactly that course */
  if (s == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return s;
}

/* One course, complete, read the way the centre check reads them all
 * (td-rules-load.c). */
TdCourseSnapshot *
td_course_snapshot_load (TdStore *store, gint64 course_id, GError **error)
{
  return load_snapshot (store, course_id, FALSE, error);
}

/* --- checks ---------------------------------------------------------------------- */

static TdRuleFunc
lookup_rule_func (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_funcs); i++)
    if (g_str_equal (rule_funcs[i].id, id))
      return rule_funcs[i].func;
  return NULL;
}

gboolean
td_rules_summarise_attendance (const TdCourseSnapshot *snapshot, TdRulePack *pack,
                               gint64 trainee_id, const char *today, TdAttendanceSummary *out,
                               GError **error)
{
  TdRuleRun run;

  if (td_rule_pack_get_time_param (pack, "period") == NULL)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The %s rule pack does not count attendance"),
                        td_regime_to_string (td_rule_pack_get_regime (pack))), FALSE;
  if (!td_rule_run_init (&run, snapshot, pack, today, error))
    return FALSE;
  td_rules_summarise (&run, trainee_id, out);
  td_rule_run_clear (&run);
  return TRUE;
}

/* @valid_until: (nullable) set to the run's TdRuleRun.valid_until. */
static GPtrArray *
check_snapshot (const TdCourseSnapshot *snapshot, TdRulePack *pack, gboolean applied,
                const char *rule_id, const char *today, GDate *valid_until, GError **error)
{
  GPtrArray *entries, *findings;
  TdRuleRun run;

  if (!rule_run_init (&run, snapshot, pack, applied, today, error))
    return NULL;
  entries = td_rule_pack_get_entries (run.pack);
  for (guint i = 0; i < entries->len; i++)
    {
      const TdRuleEntry *e = g_ptr_array_index (entries, i);
      TdRuleFunc func;

      /* Person-level entries are checked per person (td-rules-person.c). */
      if (td_rules_is_person_rule (e->id))
        continue;
      func = lookup_rule_func (e->id);
      /* The pack loader accepts only ids the engine knows, so every entry has one. */
      g_return_val_if_fail (func != NULL, NULL);
      if ((rule_id == NULL || g_str_equal (rule_id, e->id)) && td_rule_entry_applies (e, snapshot->course))
        func (&run, e);
    }
  findings = g_steal_pointer (&run.findings);
  if (valid_until != NULL)
    *valid_until = run.valid_until;
  td_rule_run_clear (&run);
  g_ptr_array_sort (findings, td_finding_compare);
  return findings;
}

GPtrArray *
td_rules_check_snapshot (const TdCourseSnapshot *snapshot, TdRulePack *pack, const char *rule_id,
                         const char *today, GError **error)
{
  g_return_val_if_fail (snapshot != NULL && TD_IS_RULE_PACK (pack), NULL);
  if (rule_id != NULL && !g_strv_contains (td_rule_pack_known_rules (), rule_id))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("Unknown rule “%s”"), rule_id),
           NULL;
  return check_snapshot (snapshot, pack, FALSE, rule_id, today, NULL, error);
}

/* The shipped packs never change while the program runs, and a pack is never changed
 * after loading: each is parsed once per process and shared (checks run in worker
 * threads too, hence the lock). */
static TdRulePack *
shared_pack (TdRegime regime, GError **error)
{
  static GMutex lock;
  static TdRulePack *packs[TD_REGIME_HOURS + 1];
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&lock);

  g_return_val_if_fail ((guint) regime < G_N_ELEMENTS (packs), NULL);
  if (packs[regime] == NULL)
    packs[regime] = td_rule_pack_load_for_regime (regime, error);
  return packs[regime] != NULL ? g_object_ref (packs[regime]) : NULL;
}

TdRulePack *
td_rules_shared_pack (TdRegime regime, GError **error)
{
  return shared_pack (regime, error);
}

GPtrArray *
td_rules_check_applied (const TdCourseSnapshot *snapshot, TdRulePack *pack, const char *today,
                        GDate *valid_until, GError **error)
{
  return check_snapshot (snapshot, pack, TRUE, NULL, today, valid_until, error);
}

/* Packs by regime with the centre's settings applied, made when first needed, so a
 * centre-wide check applies them once (the settings are the same for every course). */
typedef struct {
  TdRulePack *packs[TD_REGIME_HOURS + 1];
} PackCache;

static void
pack_cache_clear (PackCache *cache)
{
  for (guint i = 0; i < G_N_ELEMENTS (cache->packs); i++)
    g_clear_object (&cache->packs[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PackCache, pack_cache_clear)

static TdRulePack *
applied_pack (PackCache *cache, const TdCourseSnapshot *snap, GError **error)
{
  TdRulePack **pack = &cache->packs[snap->course->regime];
  g_autoptr (TdRulePack) base = NULL;

  if (*pack == NULL && (base = shared_pack (snap->course->regime, error)) != NULL)
    *pack = td_rule_pack_with_settings (base, snap->settings, error);
  return *pack;
}

static GPtrArray *
check_course_cached (TdStore *store, gint64 course_id, PackCache *cache, const char *today,
                     GCancellable *cancellable, GError **error)
{
  g_autoptr (TdCourseSnapshot) snap = NULL;
  TdRulePack *pack;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if ((snap = load_snapshot (store, course_id, TRUE, error)) == NULL
      || (pack = applied_pack (cache, snap, error)) == NULL)
    return NULL;
  return check_snapshot (snap, pack, TRUE, NULL, today, NULL, error);
}

GPtrArray *
td_rules_check_course (TdStore *store, gint64 course_id, const char *today,
                       GCancellable *cancellable, GError **error)
{
  g_auto (PackCache) cache = { { NULL } };

  return check_course_cached (store, course_id, &cache, today, cancellable, error);
}

static gboolean
append_course (TdStore *store, gint64 course_id, gint64 trainee_id, PackCache *cache,
               const char *today, GCancellable *cancellable, GPtrArray *out, GError **error)
{
  g_autoptr (GPtrArray) findings = check_course_cached (store, course_id, cache, today,
                                                        cancellable, error);
  if (findings == NULL)
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      /* Moved, not copied: these arrays own their findings and are dropped here. */
      if (trainee_id == 0 || f->trainee_id == trainee_id)
        g_ptr_array_add (out, f), findings->pdata[i] = NULL;
    }
  return TRUE;
}

/* Checks one snapshot with its regime's pack, moving the findings to @out. */
static gboolean
check_into (TdCourseSnapshot *snap, PackCache *cache, const char *today, GPtrArray *out,
            GError **error)
{
  TdRulePack *pack = applied_pack (cache, snap, error);
  g_autoptr (GPtrArray) findings = NULL;

  if (pack == NULL || (findings = check_snapshot (snap, pack, TRUE, NULL, today, NULL, error)) == NULL)
    return FALSE;
  g_ptr_array_set_free_func (findings, NULL);
  g_ptr_array_extend_and_steal (out, g_steal_pointer (&findings));
  return TRUE;
}

/* Every course in one pass over the tables (td-rules-load.c), one snapshot in memory
 * at a time. */
GPtrArray *
td_rules_check_centre (TdStore *store, const char *today, GCancellable *cancellable,
                       GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  g_autoptr (TdSnapshotReader) reader = td_snapshot_reader_new (store, 0, TRUE, error);
  g_auto (PackCache) cache = { { NULL } };
  g_autoptr (GError) local_error = NULL;
  TdCourseSnapshot *snap;

  if (reader == NULL)
    return NULL;
  /* People first: their findings name no course, which td_finding_compare puts first. */
  if (!td_rules_append_person_findings (store, today, cancellable, out, error))
    return NULL;
  while ((snap = td_snapshot_reader_next (reader, &local_error)) != NULL)
    {
      gboolean ok = !g_cancellable_set_error_if_cancelled (cancellable, &local_error)
                    && check_into (snap, &cache, today, out, &local_error);

      td_course_snapshot_free (snap);
      if (!ok)
        break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* Already in td_finding_compare order: it sorts by course id first, the reader goes
   * through the courses by id, and each course's findings come sorted. */
  return g_steal_pointer (&out);
}

/* The person-level findings of one trainee, moved to @out. */
static gboolean
append_person (TdStore *store, gint64 trainee_id, const char *today, GPtrArray *out,
               GError **error)
{
  g_autoptr (GPtrArray) findings = td_rules_check_person (store, trainee_id, today, error);

  if (findings == NULL)
    return FALSE;
  g_ptr_array_set_free_func (findings, NULL);
  g_ptr_array_extend_and_steal (out, g_steal_pointer (&findings));
  return TRUE;
}

GPtrArray *
td_rules_check_trainee (TdStore *store, gint64 trainee_id, const char *today,
                        GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  g_autoptr (GPtrArray) courses = td_store_list_trainee_courses (store, trainee_id, error);
  g_auto (PackCache) cache = { { NULL } };

  if (courses == NULL)
    return NULL;
  for (guint i = 0; i < courses->len; i++)
    {
      TdCourse *c = g_ptr_array_index (courses, i);
      if (!append_course (store, c->id, trainee_id, &cache, today, cancellable, out, error))
        return NULL;
    }
  if (!append_person (store, trainee_id, today, out, error))
    return NULL;
  g_ptr_array_sort (out, td_finding_compare);
  return g_steal_pointer (&out);
}

/* --- async ----------------------------------------------------------------------- */

typedef struct {
  char *path;
  char *today;
} CheckCentreData;

static void
check_centre_data_free (CheckCentreData *d)
{
  g_free (d->path);
  g_free (d->today);
  g_free (d);
}

static void
check_centre_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CheckCentreData *d = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  GPtrArray *findings = NULL;

  /* SQLite connections are not shared across threads: this one is the thread's own. */
  store = td_store_open (d->path, &error);
  if (store != NULL)
    findings = td_rules_check_centre_cached (store, d->today, cancellable, &error);
  if (findings == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

void
td_rules_check_centre_async (TdStore *store, const char *today, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (store, cancellable, callback, user_data);
  CheckCentreData *d = g_new0 (CheckCentreData, 1);

  d->path = g_strdup (td_store_get_path (store));
  d->today = g_strdup (today);
  g_task_set_source_tag (task, td_rules_check_centre_async);
  g_task_set_task_data (task, d, (GDestroyNotify) check_centre_data_free);
  g_task_run_in_thread (task, check_centre_thread);
}

GPtrArray *
td_rules_check_centre_finish (TdStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
