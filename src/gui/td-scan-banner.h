/* td-scan-banner.h — the scan field and the big coloured outcome banner of a desk that
 * takes keyboard-wedge scans (the attendance desk, hours awards).
 *
 * The banner is read from across the room: its colour says the outcome before its
 * words do. The field is cleared as soon as a scan arrives, so the next one can follow
 * at once; "scanned" then carries what was typed (never blank). */
#pragma once

#include <gtk/gtk.h>

#include "td-scan.h"

G_BEGIN_DECLS

#define TD_TYPE_SCAN_BANNER (td_scan_banner_get_type ())
G_DECLARE_FINAL_TYPE (TdScanBanner, td_scan_banner, TD, SCAN_BANNER, GtkBox)

/* Banner styles: "signed-in", "signed-out", "duplicate", "voided", "refused", or NULL
 * for the neutral "ready" look. */
GtkWidget  *td_scan_banner_new (void);
GtkEntry   *td_scan_banner_get_entry (TdScanBanner *self);
void        td_scan_banner_show (TdScanBanner *self, const char *style, const char *title,
                                 const char *name, const char *message, GdkPaintable *photo);
/* The banner for a scan's outcome: its style, a title naming the outcome (with the time
 * for sign-in and sign-out), the person's name and the core's sentence — or @message
 * instead of it when @message is not NULL. */
void        td_scan_banner_show_result (TdScanBanner *self, const TdScanResult *result,
                                        const char *message, GdkPaintable *photo);
/* The style a scan outcome is shown in. */
const char *td_scan_banner_outcome_style (TdScanOutcome outcome);
/* Puts the keyboard focus in the scan field when it is on screen. */
void        td_scan_banner_focus (TdScanBanner *self);

G_END_DECLS
