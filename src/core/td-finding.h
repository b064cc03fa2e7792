/* td-finding.h — one result of a rule check: what is wrong (or due), where, and why.
 *
 * A finding names the course, and optionally the session and the trainee it is about,
 * both by database id and by the id the object had in its course exchange file. The
 * article is cited verbatim in Chinese; the message is a translated sentence.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  TD_SEVERITY_ERROR,     /* a violation: blocks filing, issuing or closing */
  TD_SEVERITY_WARNING,   /* something to fix or do soon (e.g. a deadline is near) */
  TD_SEVERITY_INFO,      /* for the record */
} TdSeverity;

const char *td_severity_to_string (TdSeverity severity);
gboolean    td_severity_from_string (const char *text, TdSeverity *out);
const char *td_severity_label (TdSeverity severity);     /* translated */

typedef struct _TdFinding {
  char *rule;             /* stable rule id, e.g. "attendance.dismissal" */
  TdSeverity severity;
  gint64 course_id;
  char *course_ref;       /* exchange-file id of the course, or NULL */
  gint64 session_id;      /* 0 = not about one session */
  char *session_ref;
  gint64 trainee_id;      /* 0 = not about one trainee */
  char *trainee_ref;
  char *article;          /* verbatim, e.g. "職業安全衛生教育訓練規則第33條第2項" */
  char *message;          /* translated */
  char *action;           /* translated suggested action, or NULL */
  char *due;              /* ISO date a deadline falls on, or NULL */
} TdFinding;

#define TD_TYPE_FINDING (td_finding_get_type ())
GType      td_finding_get_type (void) G_GNUC_CONST;
TdFinding *td_finding_new (const char *rule, TdSeverity severity, const char *article,
                           const char *message);
TdFinding *td_finding_copy (const TdFinding *finding);
void       td_finding_free (TdFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdFinding, td_finding_free)

/* The reference shown to users and written to JSON: the exchange-file id when there
 * is one, else the database id as text; NULL when the finding is not about one. */
char      *td_finding_dup_course_key (const TdFinding *finding);
char      *td_finding_dup_session_key (const TdFinding *finding);
char      *td_finding_dup_trainee_key (const TdFinding *finding);

/* {"rule", "severity", "course", "session", "trainee", "article", "message",
 *  "action", "due"}; absent session/trainee/action/due are written as null. */
JsonNode  *td_finding_to_json (const TdFinding *finding);
/* A JSON array of @findings (TdFinding*), pretty-printed when @pretty. */
char      *td_findings_to_json_string (GPtrArray *findings, gboolean pretty);

/* Whether two findings, or two arrays of them (in order), are the same in every field. */
gboolean   td_finding_equal (const TdFinding *a, const TdFinding *b);
gboolean   td_findings_equal (GPtrArray *a, GPtrArray *b);

/* Orders findings by course, severity (errors first), rule, session, trainee. */
gint       td_finding_compare (gconstpointer a, gconstpointer b);
gboolean   td_findings_have_errors (GPtrArray *findings);

G_END_DECLS
