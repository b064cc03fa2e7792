/* td-certificates-view.c — the Certificates tab of the course editor: eligibility judged
 * in a worker thread, issuing, reissuing, history and card printing */
#include "config.h"

#define G_LOG_DOMAIN "td-certificates-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-certificate-row.h"
#include "td-certificates-view.h"
#include "td-certificates.h"
#include "td-dialogs.h"
#include "td-preview-window.h"
#include "td-resources.h"
#include "td-roc-date.h"

#define DIALOGS_RESOURCE "/io/github/trainingdesk/TrainingDesk/ui/td-certificates-dialogs.ui"

struct _TdCertificatesView {
  TdCourseSection parent_instance;

  TdStore *store;                  /* TdCourseSection's, borrowed */
  gint64 course_id;
  GListStore *rows;                /* TdCertificateRow, by roster number */
  GCancellable *cancellable;       /* the reload running, or NULL */

  GtkLabel *count_label;
  GtkSpinner *spinner;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel *sort_model;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TdCertificatesView, td_certificates_view, TD_TYPE_COURSE_SECTION)

/* What a card batch renders in the preview window's worker thread. */
typedef struct {
  gint64 course_id;
  TdCardLayout layout;
  TdPreviewProgress *progress;
} CardJob;

/* --- loading (worker thread) ------------------------------------------------ */

/* Trainee id → the certificate the row shows: the valid one, else the newest. */
static GHashTable *
index_certificates (GPtrArray *certificates)
{
  GHashTable *by_trainee = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                  g_object_unref);

  for (guint i = 0; i < certificates->len; i++)
    {
      TdCertificate *cert = g_ptr_array_index (certificates, i);
      TdCertificate *known = g_hash_table_lookup (by_trainee, &cert->trainee_id);

      if (known != NULL && (td_certificate_is_valid (known) ||
                            (!td_certificate_is_valid (cert) && known->id > cert->id)))
        continue;
      g_hash_table_replace (by_trainee, &cert->trainee_id, g_object_ref (cert));
    }
  return by_trainee;
}

static GPtrArray *
load_rows (TdStore *store, gint64 course_id, GCancellable *cancellable, GError **error)
{
  g_autoptr (TdCourse) course = td_store_get_course (store, course_id, error);
  g_autoptr (GPtrArray) answers = NULL;
  g_autoptr (GPtrArray) certificates = NULL;
  g_autoptr (GHashTable) by_trainee = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  /* One pass over the roster: the rule check runs once, not once per trainee. */
  if (course == NULL ||
      (answers = td_certificates_check_roster (store, course, error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (certificates = td_certificates_list_for_course (store, course_id, FALSE, error)) == NULL)
    return NULL;
  by_trainee = index_certificates (certificates);
  for (guint i = 0; i < answers->len; i++)
    {
      TdEligibility *answer = g_ptr_array_index (answers, i);

      g_ptr_array_add (rows, td_certificate_row_new (answer->enrolment, answer->eligible,
                                                     answer->reason,
                                                     g_hash_table_lookup (by_trainee,
                                                                          &answer->trainee_id)));
    }
  return g_steal_pointer (&rows);
}

/* SQLite connections are not shared between threads: the worker opens its own. */
static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "td-db-path");
  gint64 course_id = *(gint64 *) task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = td_store_open (path, &error);
  GPtrArray *rows = store ? load_rows (store, course_id, cancellable, &error) : NULL;

  if (rows == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

/* --- helpers ---------------------------------------------------------------- */

static TdCertificateRow *
get_selected (TdCertificatesView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static guint
count_valid (TdCertificatesView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint valid = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdCertificateRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      valid += td_certificate_row_has_valid (row);
    }
  return valid;
}

static void
update_count (TdCertificatesView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *trainees = g_strdup_printf (ngettext ("%u trainee", "%u trainees", n), n);
  guint to_issue = td_certificates_view_count_to_issue (self);
  guint valid = count_valid (self);
  g_autofree char *text = NULL;

  /* TRANSLATORS: "12 trainees · 3 certificates valid · 9 to issue" */
  text = g_strdup_printf (ngettext ("%s · %u certificate valid · %u to issue",
                                    "%s · %u certificates valid · %u to issue", valid),
                          trainees, valid, to_issue);
  gtk_label_set_text (self->count_label, text);
}

static void
update_actions (TdCertificatesView *self)
{
  TdCertificateRow *row = get_selected (self);
  gboolean idle = self->cancellable == NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "certs.issue",
                                 idle && td_certificates_view_count_to_issue (self) > 0);
  gtk_widget_action_set_enabled (widget, "certs.print", idle && count_valid (self) > 0);
  gtk_widget_action_set_enabled (widget, "certs.reissue",
                                 idle && row != NULL && td_certificate_row_has_valid (row));
  gtk_widget_action_set_enabled (widget, "certs.history",
                                 idle && row != NULL && row->certificate != NULL);
}

static void
set_busy (TdCertificatesView *self, gboolean busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  update_actions (self);
}

static GtkBuilder *
new_dialogs (TdCertificatesView *self, const char *id, AdwMessageDialog **dialog)
{
  GtkBuilder *builder = gtk_builder_new_from_resource (DIALOGS_RESOURCE);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  *dialog = ADW_MESSAGE_DIALOG (gtk_builder_get_object (builder, id));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (*dialog), GTK_WINDOW (root));
  return builder;
}

/* A modal text: the outcome of an issue, a certificate's history. */
static void
show_text (TdCertificatesView *self, const char *heading, const char *body, const char *text)
{
  AdwMessageDialog *dialog;
  g_autoptr (GtkBuilder) builder = new_dialogs (self, "text_dialog", &dialog);

  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
  gtk_label_set_text (GTK_LABEL (gtk_builder_get_object (builder, "text_label")), text);
  gtk_widget_set_visible (adw_message_dialog_get_extra_child (dialog), text != NULL && *text);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The ISO date typed in ROC (or Gregorian) form; an error dialog and NULL when it is not
 * a date (only when the response is emitted without its button: watch_date_row keeps
 * the button disabled until the date is valid). */
static char *
read_date_row (TdCertificatesView *self, GtkBuilder *builder, const char *id)
{
  GtkEditable *row = GTK_EDITABLE (gtk_builder_get_object (builder, id));
  g_autoptr (GError) error = NULL;
  char *iso = td_roc_date_parse (gtk_editable_get_text (row), &error);

  if (iso == NULL)
    td_show_error (GTK_WIDGET (self), _("The Issue Date Is Not Valid"), error->message);
  return iso;
}

typedef struct {
  AdwMessageDialog *dialog;     /* not owned: it holds the row */
  GtkLabel *label;
  const char *response;
} DateCheck;

static void
date_row_changed_cb (GtkEditable *row, DateCheck *check)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = td_roc_date_parse (gtk_editable_get_text (row), &error);

  gtk_label_set_text (check->label, iso == NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (check->label), iso == NULL);
  adw_message_dialog_set_response_enabled (check->dialog, check->response, iso != NULL);
}

/* Checks the date as it is typed, so a dialog only closes with a valid one and a typo
 * never costs the user the dialog. */
static void
watch_date_row (AdwMessageDialog *dialog, GtkBuilder *builder, const char *row_id,
                const char *label_id, const char *response)
{
  GObject *row = gtk_builder_get_object (builder, row_id);
  DateCheck *check = g_new0 (DateCheck, 1);

  check->dialog = dialog;
  check->label = GTK_LABEL (gtk_builder_get_object (builder, label_id));
  check->response = response;
  g_object_set_data_full (row, "td-date-check", check, g_free);
  g_signal_connect (row, "changed", G_CALLBACK (date_row_changed_cb), check);
  date_row_changed_cb (GTK_EDITABLE (row), check);
}

static void
fill_today (GtkBuilder *builder, const char *id)
{
  g_autofree char *today = td_iso_date_today ();
  g_autofree char *roc = td_roc_date_format (today, TD_ROC_FORMAT_SLASH);

  gtk_editable_set_text (GTK_EDITABLE (gtk_builder_get_object (builder, id)), roc);
}

static char *
join_lines (GPtrArray *lines)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The local date (ROC) and time of a stored instant. */
static char *
format_instant (const char *at)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *iso = local ? g_date_time_format (local, "%Y-%m-%d") : NULL;
  g_autofree char *roc = iso ? td_roc_date_format (iso, TD_ROC_FORMAT_SLASH) : NULL;
  g_autofree char *time = local ? g_date_time_format (local, "%H:%M") : NULL;

  return roc != NULL ? g_strdup_printf ("%s %s", roc, time) : g_strdup (at);
}

static char *
format_event (const TdCertificateEvent *e)
{
  g_autofree char *when = format_instant (e->at);
  g_autofree char *what = NULL;

  if (e->kind == TD_CERTIFICATE_EVENT_VOIDED)
    what = g_strdup_printf ("%s (%s)", td_certificate_event_kind_label (e->kind),
                            td_void_reason_label_for_string (e->reason));
  else if (e->kind == TD_CERTIFICATE_EVENT_REPLACED)
    /* TRANSLATORS: a certificate history event; %s is the new certificate's number */
    what = g_strdup_printf (_("replaced by %s"), e->related_number);
  else
    what = g_strdup (td_certificate_event_kind_label (e->kind));
  /* TRANSLATORS: one line of a certificate's history: when, number, reissue count (補次),
   * what happened, who did it */
  return g_strdup_printf (_("%s  %s, reissue %d: %s — %s"), when, e->number, e->version, what,
                          e->actor != NULL ? e->actor : "");
}

/* --- card rendering (preview window's worker thread) ------------------------ */

static void
card_progress_cb (TdCardStage stage, guint done, guint total, gpointer user_data)
{
  CardJob *job = user_data;
  double half = total > 0 ? (double) done / total / 2 : 0;
  g_autofree char *text = NULL;

  if (stage == TD_CARD_STAGE_COLLECTING)
    text = g_strdup_printf (_("Reading card %u of %u"), done, total);
  else
    text = g_strdup_printf (_("Drawing card %u of %u"), done, total);
  td_preview_progress_set (job->progress, stage == TD_CARD_STAGE_COLLECTING ? half : 0.5 + half,
                           text);
}

static gboolean
render_cards_func (const char *db_path, GFile *output, TdPreviewProgress *progress,
                   gpointer user_data, GCancellable *cancellable, GError **error)
{
  CardJob *job = user_data;
  g_autoptr (TdStore) store = td_store_open (db_path, error);

  job->progress = progress;
  return store != NULL &&
         td_card_render_course_full (store, job->course_id, job->layout, output,
                                     card_progress_cb, job, cancellable, error);
}

/* --- callbacks -------------------------------------------------------------- */

static char *
format_int (gpointer item, int value)
{
  return g_strdup_printf ("%d", value);
}

static void
selection_changed_cb (TdCertificatesView *self)
{
  update_actions (self);
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  TdCertificatesView *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (rows == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else
    {
      g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                           rows->pdata, rows->len);
      gtk_stack_set_visible_child_name (self->list_stack, rows->len > 0 ? "list" : "empty");
    }
  set_busy (self, FALSE);
  update_count (self);
}

static void
issue_response_cb (AdwMessageDialog *dialog, const char *response, TdCertificatesView *self)
{
  GtkBuilder *builder = g_object_get_data (G_OBJECT (dialog), "td-builder");
  g_autofree char *date = NULL;
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  int n;

  if (g_strcmp0 (response, "issue") != 0 ||
      (date = read_date_row (self, builder, "issue_date_row")) == NULL)
    return;
  n = td_certificates_view_issue (self, date, &skipped, &error);
  if (n < 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s\n\nNo certificate was issued."),
                                                  error->message);
      td_show_error (GTK_WIDGET (self), _("Certificates Not Issued"), message);
      return;
    }
  body = g_strdup_printf (ngettext ("%d certificate was issued. Not issued: %u.",
                                    "%d certificates were issued. Not issued: %u.", n),
                          n, skipped->len);
  text = join_lines (skipped);
  show_text (self, _("Certificates Issued"), body, text);
}

static void
reissue_response_cb (AdwMessageDialog *dialog, const char *response, TdCertificatesView *self)
{
  GtkBuilder *builder = g_object_get_data (G_OBJECT (dialog), "td-builder");
  const char *number = g_object_get_data (G_OBJECT (dialog), "td-number");
  AdwComboRow *reason_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "reason_row"));
  g_autoptr (TdCertificate) cert = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *done = NULL;

  if (g_strcmp0 (response, "reissue") != 0 ||
      (date = read_date_row (self, builder, "reissue_date_row")) == NULL)
    return;
  cert = td_certificates_view_reissue (self, number, adw_combo_row_get_selected (reason_row),
                                       date, &error);
  if (cert == NULL)
    {
      td_show_error (GTK_WIDGET (self), _("The Certificate Was Not Reissued"), error->message);
      return;
    }
  /* TRANSLATORS: %s is the certificate number now valid, %d its reissue count (補次) */
  done = g_strdup_printf (_("Certificate %s issued, reissue %d"), cert->number,
                          cert->reissue_count);
  td_toast (GTK_WIDGET (self), done);
}

static void
print_response_cb (AdwMessageDialog *dialog, const char *response, TdCertificatesView *self)
{
  g_autoptr (GError) error = NULL;
  TdCardLayout layout;

  if (!td_card_layout_from_string (response, &layout))
    return;
  if (!td_certificates_view_print_cards (self, layout, &error))
    td_show_error (GTK_WIDGET (self), _("The Cards Cannot Be Printed"), error->message);
}

/* --- actions ---------------------------------------------------------------- */

static void
present_dialog (AdwMessageDialog *dialog, GtkBuilder *builder, GCallback response_cb,
                TdCertificatesView *self)
{
  g_object_set_data_full (G_OBJECT (dialog), "td-builder", g_object_ref (builder),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
issue_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCertificatesView *self = TD_CERTIFICATES_VIEW (widget);
  guint n = td_certificates_view_count_to_issue (self);
  AdwMessageDialog *dialog;
  g_autoptr (GtkBuilder) builder = new_dialogs (self, "issue_dialog", &dialog);

  adw_message_dialog_format_body (dialog,
                                  ngettext ("%u trainee is eligible and has no valid certificate "
                                            "yet: they will get a certificate number. Numbers "
                                            "are never reused or skipped.",
                                            "%u trainees are eligible and have no valid "
                                            "certificate yet: each will get a certificate "
                                            "number. Numbers are never reused or skipped.", n),
                                  n);
  fill_today (builder, "issue_date_row");
  watch_date_row (dialog, builder, "issue_date_row", "issue_date_error_label", "issue");
  present_dialog (dialog, builder, G_CALLBACK (issue_response_cb), self);
}

static void
reissue_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCertificatesView *self = TD_CERTIFICATES_VIEW (widget);
  TdCertificateRow *row = get_selected (self);
  AdwMessageDialog *dialog;
  g_autoptr (GtkBuilder) builder = NULL;

  if (row == NULL || !td_certificate_row_has_valid (row))
    return;
  builder = new_dialogs (self, "reissue_dialog", &dialog);
  adw_message_dialog_format_body (dialog,
                                  _("Certificate %s of %s and its QR code will be voided: a "
                                    "scan of the old card will say so. 補發 (lost or damaged) "
                                    "keeps the number with the next reissue count; 換發 "
                                    "(personal data changed) gives a new number."),
                                  row->certificate->number, row->enrolment->trainee->name);
  g_object_set_data_full (G_OBJECT (dialog), "td-number", g_strdup (row->certificate->number),
                          g_free);
  fill_today (builder, "reissue_date_row");
  watch_date_row (dialog, builder, "reissue_date_row", "reissue_date_error_label", "reissue");
  present_dialog (dialog, builder, G_CALLBACK (reissue_response_cb), self);
}

static void
history_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCertificatesView *self = TD_CERTIFICATES_VIEW (widget);
  TdCertificateRow *row = get_selected (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;

  if (row == NULL || row->certificate == NULL)
    return;
  text = td_certificates_view_dup_history_text (self, row->certificate->number, &error);
  if (text == NULL)
    {
      td_show_error (widget, _("Could Not Read the History"), error->message);
      return;
    }
  /* TRANSLATORS: %s is a certificate number */
  heading = g_strdup_printf (_("History of %s"), row->certificate->number);
  show_text (self, heading, row->enrolment->trainee->name, text);
}

static void
print_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCertificatesView *self = TD_CERTIFICATES_VIEW (widget);
  guint n = count_valid (self);
  AdwMessageDialog *dialog;
  g_autoptr (GtkBuilder) builder = new_dialogs (self, "print_dialog", &dialog);

  adw_message_dialog_format_body (dialog,
                                  ngettext ("The card of %u valid certificate, front and back. "
                                            "Print one card per page on card stock, or eight "
                                            "to an A4 sheet with crop marks, printed on both "
                                            "sides.",
                                            "The cards of %u valid certificates, front and "
                                            "back. Print one card per page on card stock, or "
                                            "eight to an A4 sheet with crop marks, printed on "
                                            "both sides.", n),
                                  n);
  present_dialog (dialog, builder, G_CALLBACK (print_response_cb), self);
}

/* --- overrides -------------------------------------------------------------- */

static void
td_certificates_view_constructed (GObject *object)
{
  TdCertificatesView *self = TD_CERTIFICATES_VIEW (object);

  G_OBJECT_CLASS (td_certificates_view_parent_class)->constructed (object);
  self->store = td_course_section_get_store (TD_COURSE_SECTION (self));
  self->course_id = td_course_section_get_course_id (TD_COURSE_SECTION (self));
}

/* Attendance, scores and the roster change elsewhere: judge again whenever shown. */
static void
td_certificates_view_refresh (TdCourseSection *section)
{
  td_certificates_view_reload (TD_CERTIFICATES_VIEW (section));
}

static void
td_certificates_view_dispose (GObject *object)
{
  TdCertificatesView *self = TD_CERTIFICATES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CERTIFICATES_VIEW);
  G_OBJECT_CLASS (td_certificates_view_parent_class)->dispose (object);
}

static void
td_certificates_view_finalize (GObject *object)
{
  TdCertificatesView *self = TD_CERTIFICATES_VIEW (object);

  g_clear_object (&self->rows);
  G_OBJECT_CLASS (td_certificates_view_parent_class)->finalize (object);
}

static void
td_certificates_view_class_init (TdCertificatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_certificates_view_constructed;
  object_class->dispose = td_certificates_view_dispose;
  object_class->finalize = td_certificates_view_finalize;
  TD_COURSE_SECTION_CLASS (klass)->refresh = td_certificates_view_refresh;

  gtk_widget_class_install_action (widget_class, "certs.issue", NULL, issue_activated);
  gtk_widget_class_install_action (widget_class, "certs.reissue", NULL, reissue_activated);
  gtk_widget_class_install_action (widget_class, "certs.history", NULL, history_activated);
  gtk_widget_class_install_action (widget_class, "certs.print", NULL, print_activated);

  g_type_ensure (TD_TYPE_CERTIFICATE_ROW);
  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-certificates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TdCertificatesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdCertificatesView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TdCertificatesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TdCertificatesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdCertificatesView, selection);
  gtk_widget_class_bind_template_child (widget_class, TdCertificatesView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TdCertificatesView, error_page);
  /* The toolbar's buttons, for tests to see what can be pressed. */
  gtk_widget_class_bind_template_child_full (widget_class, "issue_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "print_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reissue_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "history_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, format_int);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
}

static void
td_certificates_view_init (TdCertificatesView *self)
{
  self->rows = g_list_store_new (TD_TYPE_CERTIFICATE_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->rows));
  update_count (self);
  update_actions (self);
}

/* --- public API ------------------------------------------------------------- */

TdCertificatesView *
td_certificates_view_new (TdStore *store, gint64 course_id)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  g_return_val_if_fail (course_id > 0, NULL);

  return g_object_new (TD_TYPE_CERTIFICATES_VIEW, "store", store, "course-id", course_id, NULL);
}

void
td_certificates_view_reload (TdCertificatesView *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (TD_IS_CERTIFICATES_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, load_done_cb, self);
  g_task_set_source_tag (task, td_certificates_view_reload);
  g_task_set_task_data (task, g_memdup2 (&self->course_id, sizeof self->course_id), g_free);
  g_object_set_data_full (G_OBJECT (task), "td-db-path",
                          g_strdup (td_store_get_path (self->store)), g_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, load_thread);
}

gboolean
td_certificates_view_get_busy (TdCertificatesView *self)
{
  g_return_val_if_fail (TD_IS_CERTIFICATES_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

GListModel *
td_certificates_view_get_rows (TdCertificatesView *self)
{
  g_return_val_if_fail (TD_IS_CERTIFICATES_VIEW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
td_certificates_view_count_to_issue (TdCertificatesView *self)
{
  guint n, count = 0;

  g_return_val_if_fail (TD_IS_CERTIFICATES_VIEW (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdCertificateRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      count += td_certificate_row_will_be_issued (row);
    }
  return count;
}

int
td_certificates_view_issue (TdCertificatesView *self, const char *issued_on, GPtrArray **skipped,
                            GError **error)
{
  g_autoptr (GPtrArray) issued = NULL;

  g_return_val_if_fail (TD_IS_CERTIFICATES_VIEW (self), -1);

  issued = td_certificates_issue (self->store, self->course_id, issued_on, skipped, error);
  if (issued == NULL)
    return -1;
  td_certificates_view_reload (self);
  return (int) issued->len;
}

TdCertificate *
td_certificates_view_reissue (TdCertificatesView *self, const char *number, TdVoidReason reason,
                              const char *issued_on, GError **error)
{
  TdCertificate *cert;

  g_return_val_if_fail (TD_IS_CERTIFICATES_VIEW (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  cert = td_certificates_reissue (self->store, number, reason, issued_on, error);
  if (cert != NULL)
    td_certificates_view_reload (self);
  return cert;
}

char *
td_certificates_view_dup_history_text (TdCertificatesView *self, const char *number,
                                       GError **error)
{
  g_autoptr (TdCertificate) cert = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (TD_IS_CERTIFICATES_VIEW (self), NULL);

  if ((cert = td_certificates_get (self->store, number, error)) == NULL ||
      (history = td_certificates_list_history (self->store, cert->id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < history->len; i++)
    g_ptr_array_add (lines, format_event (g_ptr_array_index (history, i)));
  return join_lines (lines);
}

gboolean
td_certificates_view_print_cards (TdCertificatesView *self, TdCardLayout layout, GError **error)
{
  g_autoptr (TdCourse) course = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root;
  TdPreviewWindow *preview;
  CardJob *job;

  g_return_val_if_fail (TD_IS_CERTIFICATES_VIEW (self), FALSE);

  if ((course = td_store_get_course (self->store, self->course_id, error)) == NULL)
    return FALSE;
  if (count_valid (self) == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _("The course has no valid certificates to print; issue them first."));
      return FALSE;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* TRANSLATORS: the preview window's title; %s is the course title */
  title = g_strdup_printf (_("Certificate Cards — %s"), course->title);
  preview = td_preview_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title,
                                   "certificate-cards.pdf");
  job = g_new0 (CardJob, 1);
  job->course_id = self->course_id;
  job->layout = layout;
  td_preview_window_render (preview, td_store_get_path (self->store), render_cards_func, job,
                            g_free);
  gtk_window_present (GTK_WINDOW (preview));
  return TRUE;
}
