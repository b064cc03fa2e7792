/* td-form-data.h — everything a form prints about one course, loaded from the store
 * once, with the small calculations several forms share (absence, eligibility) and the
 * title block every form starts with. Private to libtdprint. */
#pragma once

#include "td-print-page.h"
#include "td-rules.h"
#include "td-store.h"

G_BEGIN_DECLS

typedef struct {
  char *number;
  char *issued_on;          /* ISO date */
} TdFormCertificate;

typedef struct {
  TdUnit *unit;
  TdCourse *course;
  char *category_name;      /* 訓練種類, verbatim from the catalogue */
  GPtrArray *sessions;      /* TdSession*, timetable order */
  GPtrArray *lecturers;     /* TdLecturer* the course names (linked or in a session) */
  GPtrArray *enrolments;    /* TdEnrolment*, by roster number */
  GPtrArray *attendance;    /* TdAttendance*, current state per trainee × session */
  GPtrArray *scores;        /* TdScore* */
  GHashTable *certificates; /* trainee id (gint64*) → TdFormCertificate*, valid ones */
  GHashTable *by_cell;      /* "session:trainee" → TdAttendance* (in attendance) */
  GHashTable *recorded;     /* session ids (gint64*) with anything recorded */
  char *today;              /* ISO, when the data was loaded */
  TdCourseSnapshot *snapshot;   /* what the rules read: roll calls too */
  GPtrArray *makeups;       /* TdMakeup* of the course's sessions */
  double pass_mark;         /* setting "pass-mark", default 60 */
  /* Absent minutes per trainee (gint64* → gint64*) as the rules' time model counts
   * them (late periods are truant); NULL for regimes whose pack counts no attendance. */
  GHashTable *absent;
  int late_after;                /* minutes after a period starts that make a sign-in
                                  * late (the pack's "late-after"), -1 when none */
  gint64 dismissal_numerator;    /* the pack's attendance.dismissal fraction */
  gint64 dismissal_denominator;
} TdFormData;

/* One line of a form's title block: "label：value". */
typedef struct {
  const char *label;
  const char *value;
  gboolean full_width;      /* FALSE: two fields share a line */
} TdFormField;

TdFormData         *td_form_data_load (TdStore *store, gint64 course_id, GError **error);
void                td_form_data_free (TdFormData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFormData, td_form_data_free)

gboolean            td_form_data_is_health (TdFormData *data);
const TdAttendance *td_form_data_attendance (TdFormData *data, gint64 session_id,
                                             gint64 trainee_id);
/* Whether the session's roll can be read, as the rules' time model has it: a session
 * dated before today counts (nobody recorded = everybody absent), today's once anything
 * was recorded, a later one not yet. */
gboolean            td_form_data_session_counts (TdFormData *data, TdSession *session);
int                 td_form_data_total_minutes (TdFormData *data);
/* Leave + truant minutes: the rules' time model (td_rules_summarise_attendance) where the
 * regime's pack has one, else the minutes of recorded sessions the trainee missed. */
int                 td_form_data_absent_minutes (TdFormData *data, gint64 trainee_id);
/* Absence reaches the pack's dismissal fraction (1/5: OSH art. 33(2), directive 七). */
gboolean            td_form_data_absence_dismisses (TdFormData *data, gint64 trainee_id);
/* When the counsellor took the roll of @session (ISO date-time), or NULL. */
const char         *td_form_data_rollcall_time (TdFormData *data, gint64 session_id);
/* Absent minutes less the minutes credited by recorded make-ups (補課). */
int                 td_form_data_makeup_minutes (TdFormData *data, gint64 trainee_id);
/* Signed in to the session later than the pack's "late-after" past its start, or past
 * the end of the leave that opened the session (leave covers the first periods missed). */
gboolean            td_form_data_signed_in_late (TdFormData *data, TdSession *session,
                                                 const TdAttendance *attendance);
/* Minutes of recorded practicum (實習/實作) sessions the trainee missed. */
int                 td_form_data_missed_practicum_minutes (TdFormData *data, gint64 trainee_id);
const TdLecturer   *td_form_data_lecturer (TdFormData *data, gint64 lecturer_id);
const TdScore      *td_form_data_score (TdFormData *data, gint64 trainee_id);
/* Not dismissed, absence under 1/5, and passed (by status or by score when the course
 * ends in a test). */
gboolean            td_form_data_is_eligible (TdFormData *data, TdEnrolment *enrolment);

/* "民國113年5月6日", or "" for a missing date. */
char               *td_form_roc (const char *iso);
/* "113/05/06", or "". */
char               *td_form_roc_short (const char *iso);
/* "民國113年5月6日至民國113年5月8日" */
char               *td_form_roc_span (const char *from, const char *to);
/* "3" or "1.5" hours. */
char               *td_form_hours (int minutes);
const char         *td_form_str (const char *text);   /* NULL → "" */

/* Draws a form's title (bold, centred) and its fields; moves the cursor below. */
void                td_form_draw_heading (TdPrintDoc *doc, const char *title,
                                          const TdFormField *fields, guint n_fields);
/* Numbered notes (備註) as paragraphs, kept verbatim. */
void                td_form_draw_notes (TdPrintDoc *doc, const char *heading,
                                        const char *const *notes, double size);

/* A title block that repeats on every page: td_print_doc_set_page_header
 * (doc, td_form_heading_cb, &heading). The strings must outlive the document. */
typedef struct {
  const char *title;
  TdFormField fields[8];
  guint n_fields;
} TdFormHeading;

void                td_form_heading_cb (TdPrintDoc *doc, gpointer heading);
/* The heading most list forms share: unit, category, period, training dates and
 * optionally the filing reference. @span receives the dates (free it after rendering). */
void                td_form_heading_init (TdFormHeading *heading, TdFormData *data,
                                          const char *title, char **span,
                                          gboolean with_filing_ref);

/* Loads the course and renders @body (which gets the TdFormData* as user data) with
 * the PDF title @title_func returns for it. */
typedef const char *(*TdFormTitleFunc) (TdFormData *data);
gboolean            td_form_render (TdStore *store, gint64 course_id, GFile *output,
                                    gboolean landscape, TdFormTitleFunc title_func,
                                    TdPrintBodyFunc body, GError **error);

G_END_DECLS
