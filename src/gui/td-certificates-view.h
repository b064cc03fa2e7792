/* td-certificates-view.h — a course's certificates: who is eligible, issuing, reissuing,
 * history and printing the cards */
#pragma once

#include <gtk/gtk.h>

#include "td-card-renderer.h"
#include "td-certificate.h"
#include "td-course-section.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_CERTIFICATES_VIEW (td_certificates_view_get_type ())
G_DECLARE_FINAL_TYPE (TdCertificatesView, td_certificates_view, TD, CERTIFICATES_VIEW, TdCourseSection)

TdCertificatesView *td_certificates_view_new (TdStore *store, gint64 course_id);

/* Reads the roster, judges every trainee's eligibility and their certificates again, in
 * a worker thread; the list is replaced when done. */
void        td_certificates_view_reload (TdCertificatesView *self);
/* TRUE while a reload runs. */
gboolean    td_certificates_view_get_busy (TdCertificatesView *self);
/* The rows shown (TdCertificateRow), by roster number. */
GListModel *td_certificates_view_get_rows (TdCertificatesView *self);
/* How many trainees the next issue gives a number: eligible, without a valid certificate. */
guint       td_certificates_view_count_to_issue (TdCertificatesView *self);

/* What the dialogs do once confirmed; each reloads the list when it wrote something.
 * Issue: @issued_on is ISO or NULL for today; returns the number of certificates issued
 * or -1, @skipped (optional) receives "name: reason" lines. */
int         td_certificates_view_issue (TdCertificatesView *self, const char *issued_on,
                                        GPtrArray **skipped, GError **error);
TdCertificate *td_certificates_view_reissue (TdCertificatesView *self, const char *number,
                                             TdVoidReason reason, const char *issued_on,
                                             GError **error);
/* The history of @number (TdCertificateEvent*, oldest first) as lines to show. */
char       *td_certificates_view_dup_history_text (TdCertificatesView *self, const char *number,
                                                   GError **error);
/* Opens the preview window rendering the course's valid certificates as cards. */
gboolean    td_certificates_view_print_cards (TdCertificatesView *self, TdCardLayout layout,
                                              GError **error);

G_END_DECLS
