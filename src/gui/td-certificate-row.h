/* td-certificate-row.h — one enrolled trainee in the Certificates tab: eligibility and
 * the certificate they hold for the course, resolved to what the list shows */
#pragma once

#include <glib-object.h>

#include "td-certificate.h"
#include "td-enrolment.h"

G_BEGIN_DECLS

#define TD_TYPE_CERTIFICATE_ROW (td_certificate_row_get_type ())
G_DECLARE_FINAL_TYPE (TdCertificateRow, td_certificate_row, TD, CERTIFICATE_ROW, GObject)

struct _TdCertificateRow {
  GObject parent_instance;

  TdEnrolment *enrolment;        /* with its trainee */
  gboolean eligible;
  char *reason;                  /* why not eligible, or NULL */
  TdCertificate *certificate;    /* the valid one, else the latest voided one, else NULL */
};

/* Takes references/copies of everything. */
TdCertificateRow *td_certificate_row_new (TdEnrolment *enrolment, gboolean eligible,
                                          const char *reason, TdCertificate *certificate);

/* Eligible and without a valid certificate: the next issue gives them a number. */
gboolean          td_certificate_row_will_be_issued (TdCertificateRow *self);
/* Holds a valid certificate. */
gboolean          td_certificate_row_has_valid (TdCertificateRow *self);

char             *td_certificate_row_dup_eligibility (TdCertificateRow *self);
char             *td_certificate_row_dup_state (TdCertificateRow *self);

G_END_DECLS
