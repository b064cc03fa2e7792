/* td-verify-dialog.h — checks what a certificate's QR code holds: valid, voided or
 * invalid, with the number, the holder and the reason */
#pragma once

#include <adwaita.h>

#include "td-certificate-code.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_VERIFY_DIALOG (td_verify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdVerifyDialog, td_verify_dialog, TD, VERIFY_DIALOG, AdwWindow)

TdVerifyDialog       *td_verify_dialog_new (GtkWindow *parent, TdStore *store);

/* Verifies @code (as scanned or pasted) and shows the outcome; what the Verify button
 * and Enter in the code entry do. */
void                  td_verify_dialog_verify (TdVerifyDialog *self, const char *code);
/* The outcome shown, or NULL before the first check or after an error. */
const TdVerifyResult *td_verify_dialog_get_result (TdVerifyDialog *self);

G_END_DECLS
