/* td-certificate.h — a completion certificate (結業證書, 附表十 / 格式十一) and its history.
 *
 * A certificate row is the current state of one certificate number. A reissue (補發,
 * lost or damaged) keeps the number and bumps the reissue count (補次); a replacement
 * (換發, personal data changed) voids the certificate and issues a new number. Each
 * step is a TdCertificateEvent; the versions a number had are never forgotten.
 */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

typedef struct _TdCertificate TdCertificate;
typedef struct _TdCertificateEvent TdCertificateEvent;

/* Why a certificate (one version of a number) stopped being valid. */
typedef enum {
  TD_VOID_REASON_LOST,       /* 遺失: reissued with the same number */
  TD_VOID_REASON_DAMAGED,    /* 污(毀)損: reissued with the same number */
  TD_VOID_REASON_CHANGED,    /* 個人資料異動: replaced by a new number */
} TdVoidReason;

typedef enum {
  TD_CERTIFICATE_EVENT_ISSUED,
  TD_CERTIFICATE_EVENT_VOIDED,
  TD_CERTIFICATE_EVENT_REISSUED,
  TD_CERTIFICATE_EVENT_REPLACED,
} TdCertificateEventKind;

const char *td_void_reason_to_string (TdVoidReason reason);
gboolean    td_void_reason_from_string (const char *text, TdVoidReason *out);
const char *td_void_reason_label (TdVoidReason reason);              /* translated */
/* The label of a stored reason string; the string itself when unknown. */
const char *td_void_reason_label_for_string (const char *text);

const char *td_certificate_event_kind_to_string (TdCertificateEventKind kind);
gboolean    td_certificate_event_kind_from_string (const char *text, TdCertificateEventKind *out);
const char *td_certificate_event_kind_label (TdCertificateEventKind kind);

#define TD_TYPE_CERTIFICATE (td_certificate_get_type ())
G_DECLARE_FINAL_TYPE (TdCertificate, td_certificate, TD, CERTIFICATE, GObject)

struct _TdCertificate {
  GObject parent_instance;

  gint64 id;
  char *number;              /* 證字號 */
  gint64 course_id;
  gint64 trainee_id;
  int reissue_count;         /* 補次: 0 for the first issue */
  char *issued_on;           /* 發證日期 of the current version, ISO */
  gint64 replaces_id;        /* the certificate this one replaced (換發), or 0 */
  char *voided_at;           /* instant, NULL while valid */
  char *void_reason;         /* "lost" | "damaged" | "changed", NULL while valid */
  char *code;                /* the QR code content of the current version */

  /* Joined for display; not saved. */
  char *holder_name;
  char *course_title;
};

TdCertificate *td_certificate_new (void);
gboolean       td_certificate_is_valid (TdCertificate *self);

struct _TdCertificateEvent {
  gint64 id;
  gint64 certificate_id;
  char *number;
  int version;               /* the reissue count the event concerns */
  TdCertificateEventKind kind;
  char *reason;              /* voided: "lost" | "damaged" | "changed"; else NULL */
  gint64 related_id;         /* replaced: the new certificate's id; else 0 */
  char *related_number;      /* replaced: the new certificate's number; else NULL */
  char *at;                  /* instant */
  char *actor;
};

#define TD_TYPE_CERTIFICATE_EVENT (td_certificate_event_get_type ())
GType               td_certificate_event_get_type (void) G_GNUC_CONST;
TdCertificateEvent *td_certificate_event_new (void);
TdCertificateEvent *td_certificate_event_copy (const TdCertificateEvent *event);
void                td_certificate_event_free (TdCertificateEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCertificateEvent, td_certificate_event_free)

G_END_DECLS
