/* td-preview-window-private.h — what the preview window's dialogs do, for tests and the
 * window itself: the file choosers and the print dialog only call these. */
#pragma once

#include "td-pdf-view.h"
#include "td-preview-window.h"

G_BEGIN_DECLS

typedef enum {
  TD_PREVIEW_STATE_EMPTY,
  TD_PREVIEW_STATE_RENDERING,
  TD_PREVIEW_STATE_DOCUMENT,
  TD_PREVIEW_STATE_ERROR,
} TdPreviewState;

TdPreviewState td_preview_window_get_state (TdPreviewWindow *self);
TdPdfView     *td_preview_window_get_view (TdPreviewWindow *self);
/* The message shown in the error state, or NULL. */
const char    *td_preview_window_get_error (TdPreviewWindow *self);
/* The temporary file being rendered or shown, or NULL. */
GFile         *td_preview_window_get_file (TdPreviewWindow *self);
/* Save As once a file is chosen: copies the PDF over @file. */
gboolean       td_preview_window_save_to (TdPreviewWindow *self, GFile *file, GError **error);
/* Runs the print operation without a dialog, exporting to @file as PDF. */
gboolean       td_preview_window_export_via_print (TdPreviewWindow *self, GFile *file,
                                                   GError **error);

G_END_DECLS
