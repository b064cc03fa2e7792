/* td-preview-window.c — renders a PDF in a worker thread, then shows, prints and saves it */
#include "config.h"

#define G_LOG_DOMAIN "td-preview-window"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "td-dialogs.h"
#include "td-pdf-view.h"
#include "td-preview-window-private.h"
#include "td-resources.h"

/* How often the bar moves while the renderer has not said how far it is. */
#define PULSE_INTERVAL_MS 150
#define ZOOM_STEP 1.25

/* Shared by the worker, which writes it, and the main loop, which shows it. */
struct _TdPreviewProgress {
  GMutex lock;
  GWeakRef window;
  GMainContext *context;
  double fraction;
  char *text;
  gboolean queued;           /* an idle that shows it is on its way */
};

typedef struct {
  char *db_path;
  TdPreviewRenderFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  GFile *output;
  TdPreviewProgress *progress;
} RenderJob;

struct _TdPreviewWindow {
  AdwWindow parent_instance;

  char *title;
  char *suggested_name;
  TdPreviewState state;
  GFile *file;               /* the PDF rendered or shown */
  gboolean owns_file;        /* a temporary file of ours, deleted with the window */
  GCancellable *cancellable; /* of the render running */
  char *error_message;
  guint pulse_id;
  GtkFileChooserNative *chooser;
  GtkPrintSettings *print_settings;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkProgressBar *progress_bar;
  AdwStatusPage *error_page;
  TdPdfView *pdf_view;
};

G_DEFINE_FINAL_TYPE (TdPreviewWindow, td_preview_window, ADW_TYPE_WINDOW)

/* --- progress --------------------------------------------------------------- */

static void
progress_clear (gpointer data)
{
  TdPreviewProgress *progress = data;

  g_mutex_clear (&progress->lock);
  g_weak_ref_clear (&progress->window);
  g_main_context_unref (progress->context);
  g_free (progress->text);
}

static TdPreviewProgress *
progress_new (TdPreviewWindow *window)
{
  TdPreviewProgress *progress = g_atomic_rc_box_new0 (TdPreviewProgress);

  g_mutex_init (&progress->lock);
  g_weak_ref_init (&progress->window, window);
  progress->context = g_main_context_ref_thread_default ();
  progress->fraction = -1;
  return progress;
}

static void
progress_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_clear);
}

static void show_progress (TdPreviewWindow *self, double fraction, const char *text);

static gboolean
progress_idle_cb (gpointer data)
{
  TdPreviewProgress *progress = data;
  g_autoptr (TdPreviewWindow) window = g_weak_ref_get (&progress->window);
  g_autofree char *text = NULL;
  double fraction;

  g_mutex_lock (&progress->lock);
  progress->queued = FALSE;
  fraction = progress->fraction;
  text = g_strdup (progress->text);
  g_mutex_unlock (&progress->lock);
  if (window != NULL && window->state == TD_PREVIEW_STATE_RENDERING)
    show_progress (window, fraction, text);
  return G_SOURCE_REMOVE;
}

/* @fraction outside 0…1 means "busy, no idea how far": the bar pulses. */
void
td_preview_progress_set (TdPreviewProgress *progress, double fraction, const char *text)
{
  g_autoptr (GSource) source = NULL;

  g_return_if_fail (progress != NULL);

  g_mutex_lock (&progress->lock);
  progress->fraction = fraction;
  g_free (progress->text);
  progress->text = g_strdup (text);
  if (!progress->queued)
    {
      progress->queued = TRUE;
      source = g_idle_source_new ();
      g_source_set_callback (source, progress_idle_cb, g_atomic_rc_box_acquire (progress),
                             progress_unref);
      g_source_set_static_name (source, "[td-preview-progress]");
      g_source_attach (source, progress->context);
    }
  g_mutex_unlock (&progress->lock);
}

/* --- helpers ---------------------------------------------------------------- */

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_free (job->db_path);
  g_clear_object (&job->output);
  g_clear_pointer (&job->progress, progress_unref);
  g_free (job);
}

static void
delete_file (GFile *file)
{
  g_autoptr (GError) error = NULL;

  if (!g_file_delete (file, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove %s: %s", g_file_peek_path (file), error->message);
}

static void
drop_file (TdPreviewWindow *self)
{
  if (self->file != NULL && self->owns_file)
    delete_file (self->file);
  g_clear_object (&self->file);
  self->owns_file = FALSE;
}

static void
update_actions (TdPreviewWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = self->state == TD_PREVIEW_STATE_DOCUMENT;
  int page = td_pdf_view_get_page (self->pdf_view);
  int n_pages = td_pdf_view_get_n_pages (self->pdf_view);
  double zoom = td_pdf_view_get_zoom (self->pdf_view);

  gtk_widget_action_set_enabled (widget, "preview.previous", shown && page > 0);
  gtk_widget_action_set_enabled (widget, "preview.next", shown && page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "preview.zoom-in",
                                 shown && zoom < TD_PDF_VIEW_MAX_ZOOM);
  gtk_widget_action_set_enabled (widget, "preview.zoom-out",
                                 shown && zoom > TD_PDF_VIEW_MIN_ZOOM);
  gtk_widget_action_set_enabled (widget, "preview.zoom-fit", shown);
  gtk_widget_action_set_enabled (widget, "preview.print", shown);
  gtk_widget_action_set_enabled (widget, "preview.save", shown);
  gtk_widget_action_set_enabled (widget, "preview.cancel",
                                 self->state == TD_PREVIEW_STATE_RENDERING);
}

static void
update_subtitle (TdPreviewWindow *self)
{
  int n_pages = td_pdf_view_get_n_pages (self->pdf_view);
  g_autofree char *subtitle = NULL;

  if (self->state == TD_PREVIEW_STATE_DOCUMENT && n_pages > 0)
    /* TRANSLATORS: the page shown in the preview and the document's number of pages */
    subtitle = g_strdup_printf (_("Page %d of %d"), td_pdf_view_get_page (self->pdf_view) + 1,
                                n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
set_state (TdPreviewWindow *self, TdPreviewState state)
{
  static const char *const pages[] = { "empty", "rendering", "document", "error" };

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);
  if (state != TD_PREVIEW_STATE_RENDERING)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
  update_subtitle (self);
  update_actions (self);
}

static void
show_error (TdPreviewWindow *self, const char *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  adw_status_page_set_description (self->error_page, message);
  td_pdf_view_set_document (self->pdf_view, NULL);
  set_state (self, TD_PREVIEW_STATE_ERROR);
}

static gboolean
pulse_cb (gpointer data)
{
  TdPreviewWindow *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
show_progress (TdPreviewWindow *self, double fraction, const char *text)
{
  gboolean known = fraction >= 0 && fraction <= 1;

  gtk_progress_bar_set_text (self->progress_bar, text);
  if (known)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
    }
  else if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
}

/* Reads the PDF with poppler and shows its first page, fitted to the width. */
static void
load_file (TdPreviewWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (self->file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  if (document == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s is not a readable PDF file: %s"), g_file_peek_path (self->file),
                         error->message);
      show_error (self, message);
      return;
    }
  td_pdf_view_set_document (self->pdf_view, document);
  g_object_unref (document);
  td_pdf_view_set_fit_width (self->pdf_view, TRUE);
  set_state (self, TD_PREVIEW_STATE_DOCUMENT);
}

/* --- rendering -------------------------------------------------------------- */

static void
render_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr (GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!job->func (job->db_path, job->output, job->progress, job->user_data, cancellable,
                  &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/* The window may be gone, or rendering something newer: then the file is only removed. */
static void
rendered_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr (TdPreviewWindow) self = g_weak_ref_get (ref);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL || self->file == NULL || !g_file_equal (self->file, job->output))
    {
      delete_file (job->output);
      return;
    }
  g_clear_object (&self->cancellable);
  if (ok)
    load_file (self);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      drop_file (self);
      set_state (self, TD_PREVIEW_STATE_EMPTY);
    }
  else
    {
      drop_file (self);
      show_error (self, error->message);
    }
}

static GFile *
new_temporary_pdf (GError **error)
{
  g_autoptr (GFileIOStream) stream = NULL;
  g_autoptr (GFile) file = g_file_new_tmp ("training-desk-XXXXXX.pdf", &stream, error);

  if (file == NULL || !g_io_stream_close (G_IO_STREAM (stream), NULL, error))
    return NULL;
  return g_steal_pointer (&file);
}

/* Stops a render still running; its file goes when the worker has let go of it. */
static void
stop_rendering (TdPreviewWindow *self)
{
  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  self->owns_file = FALSE;
}

/* --- printing --------------------------------------------------------------- */

/* Each sheet is the PDF page's own size (A4 forms, 85 × 55 mm cards), landscape when
 * the page is wider than tall, without margins: the page already has its own. */
static GtkPageSetup *
new_page_setup (PopplerDocument *document, int page_nr)
{
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) paper = NULL;
  double width = 0, height = 0;

  if (page != NULL)
    {
      poppler_page_get_size (page, &width, &height);
      g_object_unref (page);
    }
  paper = gtk_paper_size_new_custom ("training-desk-page", _("Document page"), MIN (width, height),
                                     MAX (width, height), GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

static void
request_page_setup_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
                       GtkPageSetup *setup, TdPreviewWindow *self)
{
  g_autoptr (GtkPageSetup) wanted =
    new_page_setup (td_pdf_view_get_document (self->pdf_view), page_nr);

  gtk_page_setup_set_paper_size (setup, gtk_page_setup_get_paper_size (wanted));
  gtk_page_setup_set_orientation (setup, gtk_page_setup_get_orientation (wanted));
}

/* The context is in points; a printer that cannot take the page's size gets it scaled
 * down to fit, never cut. */
static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
              TdPreviewWindow *self)
{
  PopplerDocument *document = td_pdf_view_get_document (self->pdf_view);
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  if (scale < 0.999)
    cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

static GtkPrintOperation *
new_print_operation (TdPreviewWindow *self)
{
  PopplerDocument *document = td_pdf_view_get_document (self->pdf_view);
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = new_page_setup (document, 0);

  gtk_print_operation_set_job_name (operation, self->title);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_current_page (operation, td_pdf_view_get_page (self->pdf_view));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  g_signal_connect_object (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb),
                           self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  return operation;
}

static void
print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result,
               TdPreviewWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      td_show_error (GTK_WIDGET (self), _("Could Not Print"),
                     error != NULL ? error->message : NULL);
    }
}

/* --- saving ----------------------------------------------------------------- */

static void
save_response_cb (TdPreviewWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (td_preview_window_save_to (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  else
    td_show_error (GTK_WIDGET (self), _("Could Not Save the PDF"), error->message);
}

/* --- actions ---------------------------------------------------------------- */

static void
previous_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPreviewWindow *self = TD_PREVIEW_WINDOW (widget);

  td_pdf_view_set_page (self->pdf_view, td_pdf_view_get_page (self->pdf_view) - 1);
}

static void
next_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPreviewWindow *self = TD_PREVIEW_WINDOW (widget);

  td_pdf_view_set_page (self->pdf_view, td_pdf_view_get_page (self->pdf_view) + 1);
}

static void
zoom_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPreviewWindow *self = TD_PREVIEW_WINDOW (widget);
  double zoom = td_pdf_view_get_zoom (self->pdf_view);

  if (g_str_equal (name, "preview.zoom-fit"))
    td_pdf_view_set_fit_width (self->pdf_view, TRUE);
  else
    td_pdf_view_set_zoom (self->pdf_view, g_str_equal (name, "preview.zoom-in")
                                            ? zoom * ZOOM_STEP : zoom / ZOOM_STEP);
}

static void
print_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPreviewWindow *self = TD_PREVIEW_WINDOW (widget);
  g_autoptr (GtkPrintOperation) operation = new_print_operation (self);
  g_autoptr (GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    td_show_error (widget, _("Could Not Print"), error->message);
}

static void
save_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPreviewWindow *self = TD_PREVIEW_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->suggested_name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Nothing is left to show once the person gave up waiting: the window goes. */
static void
cancel_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPreviewWindow *self = TD_PREVIEW_WINDOW (widget);

  stop_rendering (self);
  gtk_window_close (GTK_WINDOW (self));
}

/* --- callbacks -------------------------------------------------------------- */

static void
view_changed_cb (TdPreviewWindow *self)
{
  update_subtitle (self);
  update_actions (self);
}

/* --- overrides -------------------------------------------------------------- */

static void
td_preview_window_dispose (GObject *object)
{
  TdPreviewWindow *self = TD_PREVIEW_WINDOW (object);

  stop_rendering (self);
  drop_file (self);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PREVIEW_WINDOW);

  G_OBJECT_CLASS (td_preview_window_parent_class)->dispose (object);
}

static void
td_preview_window_finalize (GObject *object)
{
  TdPreviewWindow *self = TD_PREVIEW_WINDOW (object);

  g_free (self->title);
  g_free (self->suggested_name);
  g_free (self->error_message);
  g_clear_object (&self->print_settings);

  G_OBJECT_CLASS (td_preview_window_parent_class)->finalize (object);
}

static void
td_preview_window_class_init (TdPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_preview_window_dispose;
  object_class->finalize = td_preview_window_finalize;

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "preview.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "preview.cancel", NULL, cancel_activated);

  g_type_ensure (TD_TYPE_PDF_VIEW);
  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPreviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdPreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdPreviewWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TdPreviewWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TdPreviewWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TdPreviewWindow, pdf_view);
  /* Not used from C; bound so tests can find them. */
  gtk_widget_class_bind_template_child_full (widget_class, "previous_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "next_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "print_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
}

static void
td_preview_window_init (TdPreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_state (self, TD_PREVIEW_STATE_EMPTY);
}

/* --- public API ------------------------------------------------------------- */

TdPreviewWindow *
td_preview_window_new (GtkWindow *parent, const char *title, const char *suggested_name)
{
  TdPreviewWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  /* Closing the main window closes its previews, which cancels their rendering. */
  self = g_object_new (TD_TYPE_PREVIEW_WINDOW, "title", title, "transient-for", parent,
                       "destroy-with-parent", TRUE, NULL);
  self->title = g_strdup (title);
  self->suggested_name = g_strdup (suggested_name != NULL ? suggested_name : "document.pdf");
  adw_window_title_set_title (self->window_title, title);
  return self;
}

void
td_preview_window_render (TdPreviewWindow *self, const char *db_path, TdPreviewRenderFunc func,
                          gpointer user_data, GDestroyNotify destroy)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  GWeakRef *ref;
  RenderJob *job;

  g_return_if_fail (TD_IS_PREVIEW_WINDOW (self));
  g_return_if_fail (db_path != NULL && func != NULL);

  job = g_new0 (RenderJob, 1);
  job->db_path = g_strdup (db_path);
  job->func = func;
  job->user_data = user_data;
  job->destroy = destroy;
  stop_rendering (self);
  drop_file (self);
  if ((job->output = new_temporary_pdf (&error)) == NULL)
    {
      render_job_free (job);
      show_error (self, error->message);
      return;
    }
  job->progress = progress_new (self);
  self->file = g_object_ref (job->output);
  self->owns_file = TRUE;
  self->cancellable = g_cancellable_new ();
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->cancellable, rendered_cb, ref);
  g_task_set_source_tag (task, td_preview_window_render);
  g_task_set_task_data (task, job, render_job_free);
  set_state (self, TD_PREVIEW_STATE_RENDERING);
  show_progress (self, -1, _("Rendering…"));
  g_task_run_in_thread (task, render_thread);
}

void
td_preview_window_show_file (TdPreviewWindow *self, GFile *pdf)
{
  g_return_if_fail (TD_IS_PREVIEW_WINDOW (self));
  g_return_if_fail (G_IS_FILE (pdf));

  stop_rendering (self);
  drop_file (self);
  self->file = g_object_ref (pdf);
  load_file (self);
}

/* --- private API ------------------------------------------------------------ */

TdPreviewState
td_preview_window_get_state (TdPreviewWindow *self)
{
  g_return_val_if_fail (TD_IS_PREVIEW_WINDOW (self), TD_PREVIEW_STATE_EMPTY);
  return self->state;
}

TdPdfView *
td_preview_window_get_view (TdPreviewWindow *self)
{
  g_return_val_if_fail (TD_IS_PREVIEW_WINDOW (self), NULL);
  return self->pdf_view;
}

const char *
td_preview_window_get_error (TdPreviewWindow *self)
{
  g_return_val_if_fail (TD_IS_PREVIEW_WINDOW (self), NULL);
  return self->state == TD_PREVIEW_STATE_ERROR ? self->error_message : NULL;
}

GFile *
td_preview_window_get_file (TdPreviewWindow *self)
{
  g_return_val_if_fail (TD_IS_PREVIEW_WINDOW (self), NULL);
  return self->file;
}

static gboolean
check_document (TdPreviewWindow *self, GError **error)
{
  if (self->state == TD_PREVIEW_STATE_DOCUMENT)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                       _("The document is not ready yet."));
  return FALSE;
}

gboolean
td_preview_window_save_to (TdPreviewWindow *self, GFile *file, GError **error)
{
  g_return_val_if_fail (TD_IS_PREVIEW_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_document (self, error))
    return FALSE;
  if (g_file_equal (file, self->file))
    return TRUE;
  return g_file_copy (self->file, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                      NULL, NULL, NULL, error);
}

gboolean
td_preview_window_export_via_print (TdPreviewWindow *self, GFile *file, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (TD_IS_PREVIEW_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file) && g_file_peek_path (file) != NULL, FALSE);

  if (!check_document (self, error))
    return FALSE;
  operation = new_print_operation (self);
  gtk_print_operation_set_export_filename (operation, g_file_peek_path (file));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), error);
  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}
