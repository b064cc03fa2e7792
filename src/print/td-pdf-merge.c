/* td-pdf-merge.c — merges PDFs: poppler renders each page into a cairo PDF page of the
 * same size. Text stays text and fonts stay embedded, as poppler's cairo output keeps
 * them vector. */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "td-pdf-merge.h"
#include "td-types.h"

static cairo_status_t
write_stream_cb (void *closure, const unsigned char *data, unsigned int length)
{
  if (!g_output_stream_write_all (closure, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Opens every input first, so a bad file stops the merge before anything is written. */
static GPtrArray *
open_inputs (GPtrArray *input_files, GError **error)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);

  if (input_files->len == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("There are no PDF files to merge."));
      return NULL;
    }
  for (guint i = 0; i < input_files->len; i++)
    {
      GFile *file = g_ptr_array_index (input_files, i);
      g_autoptr (GError) local = NULL;
      PopplerDocument *doc = poppler_document_new_from_gfile (file, NULL, NULL, &local);
      g_autofree char *name = g_file_get_parse_name (file);

      if (doc == NULL)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("%s is not a readable PDF: %s"), name,
                       local->message);
          return NULL;
        }
      g_ptr_array_add (docs, doc);
    }
  return g_steal_pointer (&docs);
}

static void
append_pages (cairo_surface_t *surface, cairo_t *cr, PopplerDocument *doc)
{
  int n = poppler_document_get_n_pages (doc);

  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      cairo_save (cr);
      /* Not poppler_page_render_for_printing(): for printing, poppler tags each image
       * with a cairo unique id made from its PDF object number, and cairo then writes
       * one image for equal ids, so two inputs with an image in the same object number
       * would both show the first one. Plain rendering keeps images at full resolution
       * on a vector surface. */
      poppler_page_render (page, cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      g_object_unref (page);
    }
}

static gboolean
write_merged (GPtrArray *docs, GOutputStream *stream, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_stream_cb, stream, 595, 842);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (guint i = 0; i < docs->len; i++)
    append_pages (surface, cr, g_ptr_array_index (docs, i));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
td_pdf_merge (GPtrArray *input_files, GFile *output, gsize *out_bytes, gboolean *out_over_limit,
              GError **error)
{
  g_autoptr (GPtrArray) docs = open_inputs (input_files, error);
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  gsize size;

  if (docs == NULL)
    return FALSE;
  stream = g_file_replace (output, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (!write_merged (docs, G_OUTPUT_STREAM (stream), error))
    {
      g_autoptr (GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close leaves whatever was at @output before. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;
  info = g_file_query_info (output, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            error);
  if (info == NULL)
    return FALSE;
  size = g_file_info_get_size (info);
  if (out_bytes != NULL)
    *out_bytes = size;
  if (out_over_limit != NULL)
    *out_over_limit = size > TD_PDF_UPLOAD_LIMIT;
  return TRUE;
}

typedef struct {
  GPtrArray *inputs;
  GFile *output;
  gsize bytes;
  gboolean over_limit;
} MergeJob;

static void
merge_job_free (gpointer data)
{
  MergeJob *job = data;

  g_ptr_array_unref (job->inputs);
  g_object_unref (job->output);
  g_free (job);
}

static void
merge_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  MergeJob *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (td_pdf_merge (job->inputs, job->output, &job->bytes, &job->over_limit, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
td_pdf_merge_async (GPtrArray *input_files, GFile *output, GCancellable *cancellable,
                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  MergeJob *job = g_new0 (MergeJob, 1);

  /* A copy of the list: the caller may change its array while the thread reads. */
  job->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < input_files->len; i++)
    g_ptr_array_add (job->inputs, g_file_dup (g_ptr_array_index (input_files, i)));
  job->output = g_file_dup (output);
  g_task_set_source_tag (task, td_pdf_merge_async);
  g_task_set_task_data (task, job, merge_job_free);
  g_task_run_in_thread (task, merge_thread);
}

gboolean
td_pdf_merge_finish (GAsyncResult *result, gsize *out_bytes, gboolean *out_over_limit,
                     GError **error)
{
  MergeJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (out_bytes != NULL)
    *out_bytes = job->bytes;
  if (out_over_limit != NULL)
    *out_over_limit = job->over_limit;
  return TRUE;
}
