/* td-documents-view.c — the forms of a course to preview, and merging proof documents */
#include "config.h"

#define G_LOG_DOMAIN "td-documents-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-dialogs.h"
#include "td-documents-view.h"
#include "td-form-catalog.h"
#include "td-pdf-merge.h"
#include "td-resources.h"

struct _TdDocumentsView {
  TdCourseSection parent_instance;

  TdStore *store;                  /* TdCourseSection's, borrowed */
  gint64 course_id;
  GCancellable *cancellable;       /* of the merge running */
  GtkFileChooserNative *chooser;
  GPtrArray *merge_inputs;         /* GFile*, chosen and waiting for the output's name */

  AdwPreferencesGroup *forms_group;
  GtkSpinner *merge_spinner;
};

G_DEFINE_FINAL_TYPE (TdDocumentsView, td_documents_view, TD_TYPE_COURSE_SECTION)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the preview's worker needs: the form and the course, never the store itself. */
typedef struct {
  TdFormRenderFunc render;
  gint64 course_id;
} FormJob;

typedef struct {
  TdDocumentsView *self;
  GFile *output;
} MergeJob;

static void
merge_job_free (MergeJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->output);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MergeJob, merge_job_free)

/* --- helpers ---------------------------------------------------------------- */

static GtkWindow *
parent_window (TdDocumentsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Runs in the preview window's worker thread, on a connection of its own. */
static gboolean
render_form (const char *db_path, GFile *output, TdPreviewProgress *progress, gpointer user_data,
             GCancellable *cancellable, GError **error)
{
  FormJob *job = user_data;
  g_autoptr (TdStore) store = NULL;

  td_preview_progress_set (progress, -1, _("Reading the course…"));
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (store = td_store_open (db_path, error)) == NULL)
    return FALSE;
  td_preview_progress_set (progress, -1, _("Laying out the pages…"));
  if (!job->render (store, job->course_id, output, error))
    return FALSE;
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static GtkWidget *
new_form_row (const TdFormEntry *entry, TdRegime regime)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Preview"));
  const char *number = td_form_entry_get_number (entry, regime);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(entry->label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), number);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "documents.preview");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", entry->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  gtk_widget_set_name (row, entry->id);
  return row;
}

/* One row per form the course's regime files (附表九 has no OSH counterpart). */
static void
fill_forms (TdDocumentsView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = td_store_get_course (self->store, self->course_id, &error);

  if (course == NULL)
    {
      g_warning ("Course %" G_GINT64_FORMAT ": %s", self->course_id, error->message);
      return;
    }
  for (const TdFormEntry *entry = td_form_catalog_get (); entry->id != NULL; entry++)
    if (td_form_entry_get_number (entry, course->regime) != NULL)
      adw_preferences_group_add (self->forms_group, new_form_row (entry, course->regime));
}

static void
set_busy (TdDocumentsView *self, gboolean busy)
{
  gtk_spinner_set_spinning (self->merge_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.merge", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static GtkFileChooserNative *
new_chooser (TdDocumentsView *self, const char *title, GtkFileChooserAction action,
             const char *accept)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, parent_window (self), action, accept, NULL);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  return chooser;
}

/* --- callbacks -------------------------------------------------------------- */

static void
result_response_cb (AdwMessageDialog *dialog, const char *response, GFile *output)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *name = NULL;
  TdPreviewWindow *window;

  if (g_strcmp0 (response, "preview") != 0)
    return;
  name = g_file_get_basename (output);
  window = td_preview_window_new (parent, name, name);
  td_preview_window_show_file (window, output);
  gtk_window_present (GTK_WINDOW (window));
}

/* The size always, and the upload limit when the file is over it; then a preview. */
static void
show_merge_result (TdDocumentsView *self, GFile *output, gsize size, gboolean over_limit)
{
  g_autofree char *name = g_file_get_basename (output);
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (over_limit)
    body = g_strdup_printf (_("“%s” is %s, larger than 10 MB, the upload limit of the "
                              "authorities' system; split it or reduce its images."),
                            name, size_text);
  else
    body = g_strdup_printf (_("“%s” is %s."), name, size_text);
  dialog = adw_message_dialog_new (parent_window (self),
                                   over_limit ? _("Merged PDF Is Too Large to Upload")
                                              : _("PDF Files Merged"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"),
                                    "preview", _("_Preview"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "preview");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_data (dialog, "response", G_CALLBACK (result_response_cb),
                         g_object_ref (output), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merged_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (MergeJob) job = data;
  TdDocumentsView *self = job->self;
  g_autoptr (GError) error = NULL;
  gsize size = 0;
  gboolean over = FALSE;

  if (!td_pdf_merge_finish (result, &size, &over, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (error != NULL)
    td_show_error (GTK_WIDGET (self), _("Could Not Merge the PDF Files"), error->message);
  else
    show_merge_result (self, job->output, size, over);
}

static void
output_chosen_cb (TdDocumentsView *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) output = NULL;
  g_autoptr (GPtrArray) inputs = g_steal_pointer (&self->merge_inputs);

  if (response == GTK_RESPONSE_ACCEPT)
    output = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (output != NULL && inputs != NULL)
    td_documents_view_merge (self, inputs, output);
}

static void
inputs_chosen_cb (TdDocumentsView *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GListModel) files = NULL;
  GtkFileChooserNative *save;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  if (files == NULL || g_list_model_get_n_items (files) == 0)
    {
      g_clear_object (&self->chooser);
      return;
    }
  g_clear_pointer (&self->merge_inputs, g_ptr_array_unref);
  self->merge_inputs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (self->merge_inputs, g_list_model_get_item (files, i));
  save = new_chooser (self, _("Save the Merged PDF"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  /* TRANSLATORS: the file name offered for merged proof documents */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (save), _("merged.pdf"));
  g_signal_connect_object (save, "response", G_CALLBACK (output_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (save));
}

/* --- actions ---------------------------------------------------------------- */

static void
preview_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  TdPreviewWindow *window =
    td_documents_view_preview (TD_DOCUMENTS_VIEW (widget), g_variant_get_string (param, NULL));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
merge_activated (GtkWidget *widget, const char *name, GVariant *param)
{
  TdDocumentsView *self = TD_DOCUMENTS_VIEW (widget);
  GtkFileChooserNative *chooser =
    new_chooser (self, _("Merge PDF Files"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (inputs_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- overrides -------------------------------------------------------------- */

static void
td_documents_view_constructed (GObject *object)
{
  TdDocumentsView *self = TD_DOCUMENTS_VIEW (object);

  G_OBJECT_CLASS (td_documents_view_parent_class)->constructed (object);
  self->store = td_course_section_get_store (TD_COURSE_SECTION (self));
  self->course_id = td_course_section_get_course_id (TD_COURSE_SECTION (self));
  fill_forms (self);
}

static void
td_documents_view_dispose (GObject *object)
{
  TdDocumentsView *self = TD_DOCUMENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->merge_inputs, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_DOCUMENTS_VIEW);

  G_OBJECT_CLASS (td_documents_view_parent_class)->dispose (object);
}

static void
td_documents_view_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  TdDocumentsView *self = TD_DOCUMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, td_documents_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_documents_view_class_init (TdDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_documents_view_constructed;
  object_class->dispose = td_documents_view_dispose;
  object_class->get_property = td_documents_view_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "documents.preview", "s", preview_activated);
  gtk_widget_class_install_action (widget_class, "documents.merge", NULL, merge_activated);

  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TdDocumentsView, forms_group);
  gtk_widget_class_bind_template_child (widget_class, TdDocumentsView, merge_spinner);
}

static void
td_documents_view_init (TdDocumentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ------------------------------------------------------------- */

TdDocumentsView *
td_documents_view_new (TdStore *store, gint64 course_id)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  g_return_val_if_fail (course_id > 0, NULL);

  return g_object_new (TD_TYPE_DOCUMENTS_VIEW, "store", store, "course-id", course_id, NULL);
}

TdPreviewWindow *
td_documents_view_preview (TdDocumentsView *self, const char *form_id)
{
  const TdFormEntry *entry;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autofree char *course_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  TdPreviewWindow *window;
  FormJob *job;

  g_return_val_if_fail (TD_IS_DOCUMENTS_VIEW (self), NULL);
  g_return_val_if_fail (form_id != NULL, NULL);

  if ((entry = td_form_catalog_lookup (form_id)) == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” is not a form."), form_id);
  else
    course = td_store_get_course (self->store, self->course_id, &error);
  if (course == NULL)
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Preview the Form"), error->message);
      return NULL;
    }
  course_title = td_course_dup_display_title (course);
  /* TRANSLATORS: a preview window's title: the form, then the course */
  title = g_strdup_printf (_("%s — %s"), _(entry->label), course_title);
  file_name = g_strdup_printf ("%s.pdf", entry->id);
  window = td_preview_window_new (parent_window (self), title, file_name);
  job = g_new0 (FormJob, 1);
  job->render = entry->render;
  job->course_id = self->course_id;
  td_preview_window_render (window, td_store_get_path (self->store), render_form, job, g_free);
  return window;
}

void
td_documents_view_merge (TdDocumentsView *self, GPtrArray *input_files, GFile *output)
{
  MergeJob *job;

  g_return_if_fail (TD_IS_DOCUMENTS_VIEW (self));
  g_return_if_fail (input_files != NULL && input_files->len > 0);
  g_return_if_fail (G_IS_FILE (output));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  job = g_new0 (MergeJob, 1);
  job->self = g_object_ref (self);
  job->output = g_object_ref (output);
  td_pdf_merge_async (input_files, output, self->cancellable, merged_cb, job);
}

gboolean
td_documents_view_get_busy (TdDocumentsView *self)
{
  g_return_val_if_fail (TD_IS_DOCUMENTS_VIEW (self), FALSE);
  return self->cancellable != NULL;
}
