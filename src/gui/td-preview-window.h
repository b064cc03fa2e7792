/* td-preview-window.h — shows a PDF the app renders (a statutory form, a batch of
 * certificate cards, a badge sheet) before it is printed or saved.
 *
 * The document is rendered in a worker thread by a TdPreviewRenderFunc, with progress shown
 * in the window and a Cancel button; the pages are then drawn with poppler (page
 * navigation, zoom). From the window the user prints (GtkPrintOperation) or saves a copy
 * of the PDF. Errors (e.g. no Chinese font installed) are shown in the window, never as
 * an empty preview.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Progress reporting from the worker thread; safe to call from any thread. */
typedef struct _TdPreviewProgress TdPreviewProgress;
void td_preview_progress_set (TdPreviewProgress *progress, double fraction, const char *text);

/* Runs in a worker thread: writes the whole PDF to @output. It must open its own store
 * connection from @db_path (SQLite connections are not shared between threads), should
 * report progress for long batches and stop with G_IO_ERROR_CANCELLED when @cancellable
 * is cancelled. */
typedef gboolean (*TdPreviewRenderFunc) (const char *db_path, GFile *output,
                                         TdPreviewProgress *progress, gpointer user_data,
                                         GCancellable *cancellable, GError **error);

#define TD_TYPE_PREVIEW_WINDOW (td_preview_window_get_type ())
G_DECLARE_FINAL_TYPE (TdPreviewWindow, td_preview_window, TD, PREVIEW_WINDOW, AdwWindow)

/* @title: the window's title (e.g. "簽到表 — 堆高機操作人員 第3期"); @suggested_name: the
 * file name offered by Save As (e.g. "signin-sheet.pdf"). */
TdPreviewWindow *td_preview_window_new (GtkWindow *parent, const char *title,
                                        const char *suggested_name);
/* Starts rendering with @func into a temporary file; the window shows progress until it
 * is done, then the pages. @destroy frees @user_data once the worker is finished. */
void             td_preview_window_render (TdPreviewWindow *self, const char *db_path,
                                           TdPreviewRenderFunc func, gpointer user_data,
                                           GDestroyNotify destroy);
/* Shows an existing PDF file. */
void             td_preview_window_show_file (TdPreviewWindow *self, GFile *pdf);

G_END_DECLS
