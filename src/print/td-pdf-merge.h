/* td-pdf-merge.h — one PDF out of several, for the proof documents uploaded to the
 * authorities: PDF only, one merged file per field, at most 10 MB (seed 003). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The upload limit of seed 003. */
#define TD_PDF_UPLOAD_LIMIT (10 * 1024 * 1024)

/* Reads every page of @input_files (GFile*, in order) with poppler and writes them,
 * each at its own size, to @output (replaced only when complete). @out_bytes receives
 * the size written. Returns TRUE on success; *@out_over_limit (optional) tells the
 * caller to warn that the file is over TD_PDF_UPLOAD_LIMIT. An input that is not a
 * readable PDF is an error naming the file, and nothing is written. */
gboolean td_pdf_merge (GPtrArray *input_files, GFile *output, gsize *out_bytes,
                       gboolean *out_over_limit, GError **error);

/* td_pdf_merge() in a worker thread. poppler documents are opened and read in that
 * thread only. */
void     td_pdf_merge_async (GPtrArray *input_files, GFile *output, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
gboolean td_pdf_merge_finish (GAsyncResult *result, gsize *out_bytes, gboolean *out_over_limit,
                              GError **error);

G_END_DECLS
