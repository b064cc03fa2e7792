/* td-trainee-editor.c — the person form of the trainee directory */
#include "config.h"

#define G_LOG_DOMAIN "td-trainee-editor"

#include <glib/gi18n.h>

#include "td-gui-resources.h"

#include "td-national-id.h"
#include "td-personal-code-view.h"
#include "td-qualifications-view.h"
#include "td-roc-date.h"
#include "td-trainee-editor.h"

struct _TdTraineeEditor {
  AdwBin parent_instance;

  TdStore *store;
  TdTraineeForm *form;
  GCancellable *cancellable;        /* photo loading; cancelled in dispose */
  GtkFileChooserNative *chooser;
  GListStore *history;              /* TdCourse */
  gboolean revealed;                /* the full ID is on screen */
  gboolean syncing;                 /* rows are being filled from the form */
  gboolean touched[TD_TRAINEE_N_FIELDS];

  GtkLabel *title_label;
  GtkButton *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkStack *photo_stack;
  GtkPicture *photo_picture;
  GtkLabel *photo_hint_label;
  GtkLabel *photo_error_label;
  GtkToggleButton *reveal_button;
  GtkLabel *remark_help_label;
  GtkListBox *history_list;
  TdPersonalCodeView *personal_code_view;
  TdQualificationsView *qualifications_view;
  GtkScrolledWindow *scroller;
  guint obligations_tick;           /* a pending td_trainee_editor_show_obligations */
  AdwEntryRow *rows[TD_TRAINEE_N_FIELDS];
  GtkLabel *error_labels[TD_TRAINEE_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (TdTraineeEditor, td_trainee_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- helpers ---------------------------------------------------------------- */

static void
show_error (TdTraineeEditor *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gboolean
id_is_masked (TdTraineeEditor *self)
{
  return !td_trainee_form_is_new (self->form) && !self->revealed;
}

/* The ID row shows the masked ID and cannot be edited until the ID is revealed. */
static void
sync_id_row (TdTraineeEditor *self)
{
  GtkEditable *row = GTK_EDITABLE (self->rows[TD_TRAINEE_FIELD_NATIONAL_ID]);
  gboolean masked = id_is_masked (self);

  self->syncing = TRUE;
  if (masked)
    {
      /* Masks what the form holds, so an edit made while revealed is not hidden behind
       * the old number. */
      const char *id = td_trainee_form_get_text (self->form, TD_TRAINEE_FIELD_NATIONAL_ID);
      g_autofree char *text = td_national_id_mask (id);
      gtk_editable_set_text (row, text);
    }
  else
    gtk_editable_set_text (row, td_trainee_form_get_text (self->form, TD_TRAINEE_FIELD_NATIONAL_ID));
  self->syncing = FALSE;
  gtk_editable_set_editable (row, !masked);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), !td_trainee_form_is_new (self->form));
}

static void
update_field_message (TdTraineeEditor *self, TdTraineeField field)
{
  const char *message = td_trainee_form_get_message (self->form, field);
  gboolean shown = message != NULL && self->touched[field];
  GtkLabel *label = self->error_labels[field];

  if (shown)
    gtk_widget_add_css_class (GTK_WIDGET (self->rows[field]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rows[field]), "error");
  if (label == NULL)
    return;
  if (shown)
    {
      g_autofree char *text = g_strdup_printf (
        /* Translators: a form field and what is wrong with it */
        _("%s: %s"), td_trainee_field_label (field), message);
      gtk_label_set_text (label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
}

static void
update_actions (TdTraineeEditor *self)
{
  gboolean can_save = td_trainee_form_is_valid (self->form) && td_trainee_form_is_dirty (self->form);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", can_save);
}

static void
update_title (TdTraineeEditor *self)
{
  TdTrainee *original = td_trainee_form_get_original (self->form);

  if (td_trainee_form_is_new (self->form))
    gtk_label_set_text (self->title_label, _("New Trainee"));
  else
    gtk_label_set_text (self->title_label, original->name);
}

static void
show_photo_texture (TdTraineeEditor *self, GdkTexture *texture)
{
  gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->photo_stack, texture != NULL ? "photo" : "none");
}

static void
load_stored_photo (TdTraineeEditor *self, TdTrainee *trainee)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) image = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *mime_type = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), FALSE);
  if (trainee == NULL || trainee->id == 0 || !trainee->has_photo)
    {
      show_photo_texture (self, NULL);
      return;
    }
  image = td_store_get_trainee_photo (self->store, trainee->id, &mime_type, &error);
  if (image != NULL)
    texture = gdk_texture_new_from_bytes (image, &error);
  if (texture == NULL)
    {
      gtk_label_set_text (self->photo_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
    }
  show_photo_texture (self, texture);
}

static GtkWidget *
create_history_row (gpointer item, gpointer user_data)
{
  TdCourse *course = item;
  g_autofree char *start = td_roc_date_format (course->start_date, TD_ROC_FORMAT_SLASH);
  g_autofree char *end = td_roc_date_format (course->end_date, TD_ROC_FORMAT_SLASH);
  g_autofree char *title = g_markup_escape_text (course->title ? course->title : "", -1);
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  period = course->period != NULL && course->period[0] != '\0'
             ? g_strdup_printf (_("Period %s"), course->period)
             : g_strdup (_("No period"));
  /* Translators: period, first and last day of a course, e.g. "Period 3 · 113/01/02 – 113/01/05" */
  subtitle = g_strdup_printf (_("%s · %s – %s"), period, start ? start : "?", end ? end : "?");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
load_history (TdTraineeEditor *self, TdTrainee *trainee)
{
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GError) error = NULL;

  g_list_store_remove_all (self->history);
  if (trainee == NULL || trainee->id == 0)
    return;
  courses = td_store_list_trainee_courses (self->store, trainee->id, &error);
  if (courses == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_list_store_splice (self->history, 0, 0, courses->pdata, courses->len);
}

static void
fill_rows (TdTraineeEditor *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    if (i != TD_TRAINEE_FIELD_NATIONAL_ID)
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), td_trainee_form_get_text (self->form, i));
  self->syncing = FALSE;
  sync_id_row (self);
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    update_field_message (self, i);
}

static gboolean
save (TdTraineeEditor *self, GError **error)
{
  g_autoptr (TdTrainee) trainee = td_trainee_form_build (self->form, error);
  const char *mime_type = NULL;
  GBytes *photo;

  if (trainee == NULL || !td_store_begin (self->store, error))
    return FALSE;
  photo = td_trainee_form_get_photo (self->form, &mime_type);
  if (!td_store_save_trainee (self->store, trainee, error) ||
      (photo != NULL &&
       !td_store_set_trainee_photo (self->store, trainee->id, photo, mime_type, error)))
    {
      td_store_rollback (self->store);
      return FALSE;
    }
  /* A failed commit has already rolled everything back. */
  if (!td_store_commit (self->store, error))
    return FALSE;
  trainee->has_photo = trainee->has_photo || photo != NULL;
  td_trainee_form_mark_saved (self->form, trainee);
  self->revealed = FALSE;
  gtk_toggle_button_set_active (self->reveal_button, FALSE);
  fill_rows (self);
  update_title (self);
  show_error (self, NULL);
  td_personal_code_view_load (self->personal_code_view, self->store, trainee->id);
  /* A new person's roles and hours can be recorded once they have an id. */
  td_qualifications_view_load (self->qualifications_view, self->store, trainee->id);
  g_signal_emit (self, signals[SAVED], 0, trainee);
  return TRUE;
}

static gboolean
save_and_report (TdTraineeEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (save (self, &error))
    return TRUE;
  show_error (self, error->message);
  return FALSE;
}

/* --- callbacks -------------------------------------------------------------- */

static void
row_changed_cb (GtkEditable *row, TdTraineeEditor *self)
{
  TdTraineeField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "td-field"));

  if (self->syncing || (field == TD_TRAINEE_FIELD_NATIONAL_ID && id_is_masked (self)))
    return;
  self->touched[field] = TRUE;
  td_trainee_form_set_text (self->form, field, gtk_editable_get_text (row));
}

static void
form_field_changed_cb (TdTraineeForm *form, guint field, TdTraineeEditor *self)
{
  update_field_message (self, field);
}

static void
form_state_changed_cb (TdTraineeForm *form, GParamSpec *pspec, TdTraineeEditor *self)
{
  update_actions (self);
}

static void
reveal_toggled_cb (TdTraineeEditor *self)
{
  gboolean active = gtk_toggle_button_get_active (self->reveal_button);
  TdTrainee *original = td_trainee_form_get_original (self->form);
  g_autoptr (GError) error = NULL;

  if (active == self->revealed || td_trainee_form_is_new (self->form))
    return;
  /* Showing the full number is traced; without the audit entry it stays hidden. */
  if (active && !td_store_audit (self->store, "reveal-id", "trainee", original->id,
                                 _("full national ID shown in the person form"), &error))
    {
      show_error (self, error->message);
      gtk_toggle_button_set_active (self->reveal_button, FALSE);
      return;
    }
  self->revealed = active;
  sync_id_row (self);
}

static void
close_dialog_response_cb (AdwMessageDialog *dialog, const char *response, TdTraineeEditor *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (save_and_report (self))
        g_signal_emit (self, signals[CLOSED], 0);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    g_signal_emit (self, signals[CLOSED], 0);
}

static void
photo_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TdTraineeEditor) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) image = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (image == NULL || !td_trainee_editor_set_photo (self, image, &error))
    {
      gtk_label_set_text (self->photo_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), TRUE);
    }
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, TdTraineeEditor *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  g_file_load_bytes_async (file, self->cancellable, photo_loaded_cb, g_object_ref (self));
}

/* --- actions ---------------------------------------------------------------- */

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  save_and_report (TD_TRAINEE_EDITOR (widget));
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  td_trainee_editor_request_close (TD_TRAINEE_EDITOR (widget));
}

static void
unemployed_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdTraineeEditor *self = TD_TRAINEE_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->rows[TD_TRAINEE_FIELD_EMPLOYER]),
                         TD_TRAINEE_UNEMPLOYED);
}

static void
choose_photo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdTraineeEditor *self = TD_TRAINEE_EDITOR (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_file_filter_set_name (filter, _("JPEG or PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Photo"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Brings the Training Obligations group to the top of the form and focuses it. A tick
 * callback, because a form just opened has no layout yet: it waits for one in which
 * the group has its place. */
static gboolean
scroll_to_obligations_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  TdTraineeEditor *self = TD_TRAINEE_EDITOR (widget);
  GtkWidget *group = GTK_WIDGET (self->qualifications_view);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t top;
  double target;

  if (gtk_widget_get_height (group) == 0
      || !gtk_widget_compute_point (group, viewport, &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_CONTINUE;
  target = gtk_adjustment_get_value (vadjustment) + top.y;
  /* The viewport scrolls to whatever takes the focus; the group's top is set last. */
  gtk_widget_child_focus (group, GTK_DIR_TAB_FORWARD);
  gtk_adjustment_set_value (vadjustment, target);
  self->obligations_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
cancel_show_obligations (TdTraineeEditor *self)
{
  if (self->obligations_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->obligations_tick);
  self->obligations_tick = 0;
}

/* --- overrides -------------------------------------------------------------- */

static void
td_trainee_editor_dispose (GObject *object)
{
  TdTraineeEditor *self = TD_TRAINEE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  cancel_show_obligations (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_TRAINEE_EDITOR);
  g_clear_object (&self->form);
  g_clear_object (&self->history);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (td_trainee_editor_parent_class)->dispose (object);
}

static void
td_trainee_editor_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  TdTraineeEditor *self = TD_TRAINEE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_trainee_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  TdTraineeEditor *self = TD_TRAINEE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* Writable after construction so a page's template can bind its store here. */
      if (g_set_object (&self->store, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_ROW(name, field) \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_row", FALSE, \
                                             G_STRUCT_OFFSET (TdTraineeEditor, rows) + \
                                             (field) * sizeof (gpointer))
#define BIND_ERROR(name, field) \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_error_label", FALSE, \
                                             G_STRUCT_OFFSET (TdTraineeEditor, error_labels) + \
                                             (field) * sizeof (gpointer))

static void
bind_rows (GtkWidgetClass *widget_class)
{
  BIND_ROW (name, TD_TRAINEE_FIELD_NAME);
  BIND_ROW (birth_date, TD_TRAINEE_FIELD_BIRTH_DATE);
  BIND_ROW (national_id, TD_TRAINEE_FIELD_NATIONAL_ID);
  BIND_ROW (household_address, TD_TRAINEE_FIELD_HOUSEHOLD_ADDRESS);
  BIND_ROW (contact_address, TD_TRAINEE_FIELD_CONTACT_ADDRESS);
  BIND_ROW (phone, TD_TRAINEE_FIELD_PHONE);
  BIND_ROW (email, TD_TRAINEE_FIELD_EMAIL);
  BIND_ROW (education, TD_TRAINEE_FIELD_EDUCATION);
  BIND_ROW (employer, TD_TRAINEE_FIELD_EMPLOYER);
  BIND_ROW (qualification_ref, TD_TRAINEE_FIELD_QUALIFICATION_REF);
  BIND_ROW (remark, TD_TRAINEE_FIELD_REMARK);
  BIND_ERROR (name, TD_TRAINEE_FIELD_NAME);
  BIND_ERROR (birth_date, TD_TRAINEE_FIELD_BIRTH_DATE);
  BIND_ERROR (national_id, TD_TRAINEE_FIELD_NATIONAL_ID);
  BIND_ERROR (phone, TD_TRAINEE_FIELD_PHONE);
  BIND_ERROR (email, TD_TRAINEE_FIELD_EMAIL);
}

static void
td_trainee_editor_class_init (TdTraineeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_trainee_editor_dispose;
  object_class->get_property = td_trainee_editor_get_property;
  object_class->set_property = td_trainee_editor_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, TD_TYPE_TRAINEE);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Referencing the bundle keeps it, and the constructor that registers it, when
   * libtdgui is linked statically. */
  td_gui_get_resource ();
  g_type_ensure (TD_TYPE_PERSONAL_CODE_VIEW);
  g_type_ensure (TD_TYPE_QUALIFICATIONS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-trainee-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, photo_hint_label);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, photo_error_label);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, remark_help_label);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, personal_code_view);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, qualifications_view);
  gtk_widget_class_bind_template_child (widget_class, TdTraineeEditor, scroller);
  bind_rows (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, reveal_toggled_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.unemployed", NULL, unemployed_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-photo", NULL, choose_photo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.back", NULL);
}

static char *
dup_remark_help (void)
{
  GString *help = g_string_new (_("Remark codes of the roster (附表八):"));

  for (guint code = 1; td_trainee_remark_code_label (code) != NULL; code++)
    g_string_append_printf (help, "\n%u — %s", code, td_trainee_remark_code_label (code));
  return g_string_free (help, FALSE);
}

static void
td_trainee_editor_init (TdTraineeEditor *self)
{
  g_autofree char *remark_help = dup_remark_help ();
  g_autofree char *limit = g_format_size (TD_TRAINEE_PHOTO_MAX_BYTES);
  g_autofree char *photo_hint = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->history = g_list_store_new (TD_TYPE_COURSE);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history), create_history_row,
                           NULL, NULL);
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    {
      g_object_set_data (G_OBJECT (self->rows[i]), "td-field", GUINT_TO_POINTER (i));
      g_signal_connect (self->rows[i], "changed", G_CALLBACK (row_changed_cb), self);
    }
  gtk_label_set_text (self->remark_help_label, remark_help);
  /* Translators: %s is a file size such as "2.1 MB" */
  photo_hint = g_strdup_printf (_("A JPEG or PNG image of at most %s, printed on certificates."),
                                limit);
  gtk_label_set_text (self->photo_hint_label, photo_hint);
  td_trainee_editor_load (self, NULL);
}

/* --- public API ------------------------------------------------------------- */

GtkWidget *
td_trainee_editor_new (TdStore *store)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_TRAINEE_EDITOR, "store", store, NULL);
}

void
td_trainee_editor_load (TdTraineeEditor *self, TdTrainee *trainee)
{
  g_return_if_fail (TD_IS_TRAINEE_EDITOR (self));
  g_return_if_fail (trainee == NULL || TD_IS_TRAINEE (trainee));

  cancel_show_obligations (self);
  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (self->form, self);
  g_clear_object (&self->form);
  self->form = td_trainee_form_new (trainee);
  g_signal_connect_object (self->form, "field-changed", G_CALLBACK (form_field_changed_cb), self, 0);
  g_signal_connect_object (self->form, "notify::valid", G_CALLBACK (form_state_changed_cb), self, 0);
  g_signal_connect_object (self->form, "notify::dirty", G_CALLBACK (form_state_changed_cb), self, 0);

  /* A stored person's problems show at once; a new one's only once typed into. */
  for (guint i = 0; i < TD_TRAINEE_N_FIELDS; i++)
    self->touched[i] = trainee != NULL;
  self->revealed = FALSE;
  gtk_toggle_button_set_active (self->reveal_button, FALSE);
  show_error (self, NULL);
  fill_rows (self);
  update_title (self);
  update_actions (self);
  if (self->store != NULL)
    {
      load_stored_photo (self, trainee);
      load_history (self, trainee);
      td_personal_code_view_load (self->personal_code_view, self->store,
                                  trainee != NULL ? trainee->id : 0);
    }
  td_qualifications_view_load (self->qualifications_view, self->store,
                               trainee != NULL ? trainee->id : 0);
}

void
td_trainee_editor_show_obligations (TdTraineeEditor *self)
{
  g_return_if_fail (TD_IS_TRAINEE_EDITOR (self));

  cancel_show_obligations (self);
  self->obligations_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                         scroll_to_obligations_cb, NULL, NULL);
}

TdTraineeForm *
td_trainee_editor_get_form (TdTraineeEditor *self)
{
  g_return_val_if_fail (TD_IS_TRAINEE_EDITOR (self), NULL);
  return self->form;
}

gboolean
td_trainee_editor_set_photo (TdTraineeEditor *self, GBytes *image, GError **error)
{
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) decode_error = NULL;

  g_return_val_if_fail (TD_IS_TRAINEE_EDITOR (self), FALSE);
  g_return_val_if_fail (image != NULL, FALSE);

  /* Type and size first, so a GIF or a huge file gets the clear message, not a
   * decoder's. */
  if (!td_trainee_photo_check (image, NULL, error))
    return FALSE;
  texture = gdk_texture_new_from_bytes (image, &decode_error);
  if (texture == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The image cannot be read: %s"),
                   decode_error->message);
      return FALSE;
    }
  if (!td_trainee_form_set_photo (self->form, image, error))
    return FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->photo_error_label), FALSE);
  show_photo_texture (self, texture);
  return TRUE;
}

void
td_trainee_editor_request_close (TdTraineeEditor *self)
{
  AdwMessageDialog *dialog;
  GtkRoot *root;
  const char *name;

  g_return_if_fail (TD_IS_TRAINEE_EDITOR (self));

  if (!td_trainee_form_is_dirty (self->form))
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  name = td_trainee_form_get_text (self->form, TD_TRAINEE_FIELD_NAME);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog, _("The changes to “%s” are not saved yet."),
                                  name[0] != '\0' ? name : _("the new trainee"));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", td_trainee_form_is_valid (self->form));
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
