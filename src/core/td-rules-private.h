/* td-rules-private.h — what the rule files share; not public API. */
#pragma once

#include "td-rules.h"

G_BEGIN_DECLS

/* One check of one course: the snapshot, the pack with the centre's settings
 * applied, the dates every rule compares against, and the findings so far. */
typedef struct {
  const TdCourseSnapshot *snap;
  TdRulePack *pack;
  GDate today;                /* compare through td_rule_run_compare_today only */
  GDate start;
  GDate end;
  GPtrArray *findings;        /* TdFinding* */
  GHashTable *cells;          /* TdAttendance* (keyed by its session and trainee) */
  GHashTable *summaries;      /* trainee id → TdAttendanceSummary*, computed once */
  /* Each session × enrolled trainee cell is counted once (td-rules-attendance.c):
   * the trainees' positions on the roster, and the cells counted so far. */
  GHashTable *trainee_index;  /* trainee id → position + 1 */
  gpointer tallies;
  /* The first date after today on which a comparison with today made so far would
   * come out differently; invalid while none would (td_rule_run_compare_today). */
  GDate valid_until;
} TdRuleRun;

gboolean   td_rule_run_init (TdRuleRun *run, const TdCourseSnapshot *snap, TdRulePack *pack,
                             const char *today, GError **error);
void       td_rule_run_clear (TdRuleRun *run);

/* Adds a finding about the run's course (and @session / @enrolment when not NULL);
 * takes @message. @due is optional. Returns the finding (owned by the run). */
TdFinding *td_rule_run_add (TdRuleRun *run, const TdRuleEntry *entry, TdSeverity severity,
                            const TdSession *session, const TdEnrolment *enrolment,
                            char *message, const char *action, const GDate *due);

/* g_date_compare (today, @date), noting when the answer will change: every rule
 * compares with today through this, so the findings of a run hold for every today
 * from the run's until valid_until (the findings cache, td-rules-cache.c). */
int        td_rule_run_compare_today (TdRuleRun *run, const GDate *date);

const TdAttendance *td_rule_run_get_cell (TdRuleRun *run, gint64 session_id, gint64 trainee_id);

gboolean   td_rules_parse_date (const char *iso, GDate *out);
char      *td_rules_format_date (const GDate *date);
/* A date for a message: ISO, or the ROC calendar when the translation asks for it. */
char      *td_rules_display_date (const char *iso);
char      *td_rules_display_gdate (const GDate *date);
/* "3" for 180 minutes, "2.5" for 150. */
char      *td_rules_format_hours (gint64 minutes);
/* The session's statutory minutes, or its span when none are set; 0 when invalid. */
gint64     td_rules_session_minutes (const TdSession *session);

void       td_rules_summarise (TdRuleRun *run, gint64 trainee_id, TdAttendanceSummary *out);

/* Builds course snapshots with one statement per table for all of them, in course id
 * order (td-rules-load.c). @course_id 0 reads every course of the centre, otherwise
 * only that one (TD_ERROR_NOT_FOUND when there is none). @lean leaves out what no
 * rule reads: everything about a trainee but their id, and who recorded each
 * attendance event, when and why. */
typedef struct _TdSnapshotReader TdSnapshotReader;

TdSnapshotReader *td_snapshot_reader_new (TdStore *store, gint64 course_id, gboolean lean,
                                          GError **error);
/* The next course's snapshot; NULL with @error unset after the last one. */
TdCourseSnapshot *td_snapshot_reader_next (TdSnapshotReader *reader, GError **error);
void              td_snapshot_reader_free (TdSnapshotReader *reader);
/* Frees a lean snapshot's attendance storage (TdCourseSnapshot.cells). */
void              td_snapshot_cells_free (gpointer cells);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSnapshotReader, td_snapshot_reader_free)

/* The shipped pack of @regime, parsed once per process (td-rules.c). */
TdRulePack *td_rules_shared_pack (TdRegime regime, GError **error);
/* Checks a snapshot with @pack, which already has the snapshot's settings applied,
 * and says until when the findings hold (see TdRuleRun.valid_until). */
GPtrArray  *td_rules_check_applied (const TdCourseSnapshot *snapshot, TdRulePack *pack,
                                    const char *today, GDate *valid_until, GError **error);

/* What the last td_rules_check_centre_cached did (td-rules-cache.c): how many
 * courses it returned findings of, and how many of them it checked again. */
typedef struct {
  guint courses;
  guint recomputed;
} TdRulesCacheStats;

void        td_rules_cache_get_stats (TdRulesCacheStats *out);

/* Rule functions: each adds the findings of one pack entry to the run. */
typedef void (*TdRuleFunc) (TdRuleRun *run, const TdRuleEntry *entry);

void td_rule_late_is_truancy (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_dismissal (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_makeup_required (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_makeup_deadline (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_rollcall (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_certificate_eligibility (TdRuleRun *run, const TdRuleEntry *entry);

void td_rule_daily_hours (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_evening_hours (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_evening_end (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_practical_daytime (TdRuleRun *run, const TdRuleEntry *entry);

void td_rule_plan_deadline (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_change_deadline (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_archive_deadline (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_registration_deadline (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_issue_deadline (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_minimum_size (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_maximum_size (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_counsellor (TdRuleRun *run, const TdRuleEntry *entry);
void td_rule_exam_retake (TdRuleRun *run, const TdRuleEntry *entry);

G_END_DECLS
