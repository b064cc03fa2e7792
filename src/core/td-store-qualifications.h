/* td-store-qualifications.h — a person's roles, qualifications, certificate cycles
 * and hours of training, as the person-level rules read them (td-rules-person.h).
 *
 * Records are appended and never changed: removing one appends a void that names it
 * (migration 0004). A person's history is everything not voided, plus the hours of
 * the courses they completed at this centre, counted from their enrolments.
 */
#pragma once

#include <glib-object.h>

#include "td-store.h"

G_BEGIN_DECLS

typedef enum {
  TD_QUALIFICATION_INSERVICE_ROLE,  /* OSH art. 18(1) role, 款 1–14 */
  TD_QUALIFICATION_VR_CE,           /* vr-ce professional qualification (catalogue slug) */
} TdQualificationKind;

typedef struct {
  gint64 id;
  gint64 trainee_id;
  TdQualificationKind kind;
  int role;                  /* in-service role number, else 0 */
  char *qualification;       /* vr-ce catalogue slug (e.g. "vr-evaluator"), else NULL */
  char *since;               /* ISO date held since (hire or assignment) */
  char *note;
} TdQualification;

typedef struct {
  gint64 id;
  gint64 cycle_id;
  char *start;               /* ISO dates, both included */
  char *end;
  char *approval;            /* the authority's approval reference */
} TdCycleLeave;

typedef struct {
  gint64 id;
  gint64 trainee_id;
  gint64 qualification_id;
  char *start;               /* ISO dates of the certificate's validity */
  char *end;
  GPtrArray *leaves;         /* TdCycleLeave* */
} TdCertificateCycle;

typedef enum {
  TD_HOURS_CE_PROFESSIONAL,  /* 專業課程 */
  TD_HOURS_CE_REGULATIONS,   /* 專業相關法規 */
  TD_HOURS_CE_ETHICS,        /* 專業倫理 */
  TD_HOURS_CE_QUALITY,       /* 專業品質 */
  TD_HOURS_INSERVICE,        /* OSH in-service training for one art. 18 role */
  TD_HOURS_VR_TRAINING,      /* vr-ce professional training (專業訓練) */
  TD_HOURS_CE_UNSPECIFIED,   /* a vr-ce course of this centre: its field is not recorded */
} TdHoursCategory;

const char *td_hours_category_to_string (TdHoursCategory category);
/* Only the categories a person can record (not TD_HOURS_CE_UNSPECIFIED). */
gboolean    td_hours_category_from_string (const char *text, TdHoursCategory *out);
const char *td_hours_category_label (TdHoursCategory category);   /* translated */

typedef struct {
  gint64 id;                 /* 0 for a course of this centre */
  gint64 trainee_id;
  gint64 course_id;          /* the completed course of this centre, else 0 */
  char *date;                /* ISO; a course's end date */
  char *title;
  char *provider;
  int minutes;
  TdHoursCategory category;
  int role;                  /* TD_HOURS_INSERVICE: the art. 18 role, else 0 */
  char *source;              /* "manual", "import" or "course" */
} TdHoursRecord;

TdQualification    *td_qualification_new (void);
void                td_qualification_free (TdQualification *q);
TdCertificateCycle *td_certificate_cycle_new (void);
void                td_certificate_cycle_free (TdCertificateCycle *c);
TdCycleLeave       *td_cycle_leave_new (void);
void                td_cycle_leave_free (TdCycleLeave *l);
TdHoursRecord      *td_hours_record_new (void);
void                td_hours_record_free (TdHoursRecord *h);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdQualification, td_qualification_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCertificateCycle, td_certificate_cycle_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCycleLeave, td_cycle_leave_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdHoursRecord, td_hours_record_free)

/* Everything the person-level rules read about one person. */
typedef struct {
  gint64 trainee_id;
  char *trainee_name;
  GPtrArray *qualifications; /* TdQualification*, in the order recorded */
  GPtrArray *cycles;         /* TdCertificateCycle*, by start date */
  GPtrArray *hours;          /* TdHoursRecord*, by date: outside hours and own courses */
} TdPersonHistory;

TdPersonHistory *td_person_history_new (gint64 trainee_id);
void             td_person_history_free (TdPersonHistory *history);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPersonHistory, td_person_history_free)

/* TD_ERROR_NOT_FOUND when there is no such trainee. */
TdPersonHistory *td_store_load_person_history (TdStore *self, gint64 trainee_id, GError **error);
/* Ids (gint64*) of the people holding any role or qualification, in id order. */
GArray          *td_store_list_qualified_trainees (TdStore *self, GError **error);

/* Each validates (TD_ERROR_INVALID naming the field, TD_ERROR_NOT_FOUND for an unknown
 * trainee, qualification or cycle), writes in one transaction and sets the new id.
 * Nothing changes on error. */
gboolean td_store_add_qualification (TdStore *self, TdQualification *q, GError **error);
gboolean td_store_add_certificate_cycle (TdStore *self, TdCertificateCycle *cycle,
                                         GError **error);
gboolean td_store_add_cycle_leave (TdStore *self, TdCycleLeave *leave, GError **error);
gboolean td_store_add_hours (TdStore *self, TdHoursRecord *hours, GError **error);
/* Every record of @records (TdHoursRecord*) or none: the first invalid one is the
 * error, prefixed "@where[i]: " when @where is not NULL (@where holds one label per
 * record, e.g. "file.csv:3"). */
gboolean td_store_import_hours (TdStore *self, GPtrArray *records, const char *const *where,
                                GError **error);

/* Voids one record ("qualification", "cycle", "leave" or "hours") of @trainee_id.
 * TD_ERROR_NOT_FOUND when the person has no such record, TD_ERROR_CONFLICT when it
 * is already voided. */
gboolean td_store_void_person_record (TdStore *self, gint64 trainee_id, const char *entity,
                                      gint64 record_id, const char *reason, GError **error);

/* Reads a file of outside hours (docs/cli.md): columns national_id, date, title,
 * provider, hours, category, role. People are looked up by national ID. Errors are
 * TD_ERROR_INVALID "file:line: column: reason". Returns TdHoursRecord* with
 * source "import"; @lines receives each record's "file:line". */
GPtrArray *td_store_parse_hours_csv (TdStore *self, const char *data, gsize length,
                                     const char *display_name, GStrv *lines, GError **error);

/* "12.5" or "12" → minutes; FALSE unless whole minutes > 0. */
gboolean   td_hours_parse_minutes (const char *text, int *minutes);

G_END_DECLS
