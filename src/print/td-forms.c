/* td-forms.c — rendering a form off the main loop */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include "td-forms.h"

typedef struct {
  char *db_path;
  TdFormRenderFunc func;
  gint64 course_id;
  GFile *output;
} RenderJob;

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_free (job->db_path);
  g_clear_object (&job->output);
  g_free (job);
}

static void
render_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = td_store_open (job->db_path, &error);
  if (store == NULL || !job->func (store, job->course_id, job->output, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
td_form_render_async (TdStore *store, TdFormRenderFunc func, gint64 course_id, GFile *output,
                      GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderJob *job = g_new0 (RenderJob, 1);

  g_return_if_fail (TD_IS_STORE (store));
  g_return_if_fail (func != NULL);
  g_return_if_fail (G_IS_FILE (output));
  job->db_path = g_strdup (td_store_get_path (store));
  job->func = func;
  job->course_id = course_id;
  job->output = g_object_ref (output);
  g_task_set_source_tag (task, td_form_render_async);
  g_task_set_task_data (task, job, render_job_free);
  g_task_run_in_thread (task, render_thread);
}

gboolean
td_form_render_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
