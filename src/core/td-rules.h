/* td-rules.h — the rule-check engine.
 *
 * A check loads everything it needs about one course from the store once (a
 * TdCourseSnapshot), then runs every rule of the course's regime pack as a pure
 * function of (snapshot, pack, today) that returns findings. Rules hold no numbers:
 * every threshold comes from the pack (td-rule-pack.h). `today` is an ISO date and
 * is injectable so deadlines can be tested and replayed.
 *
 * Time model: a session is divided into class periods (60 minutes in the shipped
 * packs) from its start. Signing in more than the pack's lateness (15 minutes) after a
 * period starts makes that period truant; signing out before a period ends makes it
 * absent; absent hours = leave hours + truant hours. A trainee with no attendance
 * record for a session dated before today was absent from all its periods; sessions
 * after today do not count, and today's count only once something was recorded.
 */
#pragma once

#include <gio/gio.h>

#include "td-attendance.h"
#include "td-course.h"
#include "td-finding.h"
#include "td-rule-pack.h"
#include "td-store.h"

G_BEGIN_DECLS

/* Roll call of the counsellor (附表十四): one row of the rollcall table. */
typedef struct {
  gint64 session_id;
  char *taken_at;            /* ISO date-time "YYYY-MM-DDTHH:MM[:SS]" */
} TdRollcallRecord;

/* A missed session made up by attending another (later) session. */
typedef struct {
  gint64 trainee_id;
  gint64 missed_session_id;
  char *makeup_date;         /* ISO date of the make-up session */
} TdMakeupRecord;

typedef struct {
  gint64 trainee_id;
  gboolean voided;
} TdCertificateRecord;

/* Everything the rules read about one course, loaded in one go. */
typedef struct _TdCourseSnapshot {
  TdCourse *course;
  GPtrArray *sessions;       /* TdSession*, by date and start time */
  GPtrArray *enrolments;     /* TdEnrolment* with their trainees */
  GPtrArray *attendance;     /* TdAttendance*, the current state of each recorded cell */
  GPtrArray *scores;         /* TdScore* */
  GPtrArray *rollcalls;      /* TdRollcallRecord* */
  GPtrArray *makeups;        /* TdMakeupRecord* */
  GPtrArray *certificates;   /* TdCertificateRecord* */
  GHashTable *settings;      /* centre settings, key → value */
  gpointer cells;            /* private: where the checks' own snapshots keep attendance */
} TdCourseSnapshot;

/* An empty snapshot of @course (a new reference is taken), for callers and tests that
 * build one by hand. The arrays own their elements. */
TdCourseSnapshot *td_course_snapshot_new (TdCourse *course);
void              td_course_snapshot_free (TdCourseSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCourseSnapshot, td_course_snapshot_free)

TdCourseSnapshot *td_course_snapshot_load (TdStore *store, gint64 course_id, GError **error);

/* One trainee's attendance as the time model counts it. */
typedef struct {
  gint64 trainee_id;
  gint64 course_minutes;     /* all sessions of the course */
  gint64 counted_minutes;    /* sessions that count so far (past, or today and recorded) */
  gint64 leave_minutes;
  gint64 truant_minutes;     /* truant periods, late ones included */
  gint64 late_minutes;       /* periods made truant by a late sign-in */
  gint64 absent_minutes;     /* leave + truant */
} TdAttendanceSummary;

/* @today: ISO date; NULL = the current local date. FALSE with @error when @today is
 * not a date or the pack has no time model. */
gboolean   td_rules_summarise_attendance (const TdCourseSnapshot *snapshot, TdRulePack *pack,
                                          gint64 trainee_id, const char *today,
                                          TdAttendanceSummary *out, GError **error);

/* Runs every rule of @pack that applies to the snapshot's course (or only @rule_id
 * when not NULL). Centre settings in the snapshot override the pack's parameters that
 * name them. Returns TdFinding* sorted by td_finding_compare. */
GPtrArray *td_rules_check_snapshot (const TdCourseSnapshot *snapshot, TdRulePack *pack,
                                    const char *rule_id, const char *today, GError **error);

/* Loads the course and the pack of its regime, then checks it. */
GPtrArray *td_rules_check_course (TdStore *store, gint64 course_id, const char *today,
                                  GCancellable *cancellable, GError **error);
/* Every course of the centre. */
GPtrArray *td_rules_check_centre (TdStore *store, const char *today, GCancellable *cancellable,
                                  GError **error);
/* Findings about one person across the courses they are enrolled in. */
GPtrArray *td_rules_check_trainee (TdStore *store, gint64 trainee_id, const char *today,
                                   GCancellable *cancellable, GError **error);

/* The same findings as td_rules_check_centre, reusing what an earlier call found in a
 * course while it still holds: a course is checked again when it or anything of it
 * changed, the centre's settings or the language changed, or @today is outside the
 * span its findings hold for (docs/rules.md, "The findings cache"). The cache is the
 * process's and follows one database file; safe to call from any thread. */
GPtrArray *td_rules_check_centre_cached (TdStore *store, const char *today,
                                         GCancellable *cancellable, GError **error);
/* Forgets every cached finding (the next check recomputes every course). */
void       td_rules_cache_clear (void);

/* td_rules_check_centre_cached in a worker thread, on its own connection to the
 * store's database file (a TdStore is not shared between threads). */
void       td_rules_check_centre_async (TdStore *store, const char *today,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data);
GPtrArray *td_rules_check_centre_finish (TdStore *store, GAsyncResult *result, GError **error);

G_END_DECLS
