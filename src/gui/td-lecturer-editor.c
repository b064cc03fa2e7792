/* td-lecturer-editor.c — the form of one lecturer */
#include "config.h"

#define G_LOG_DOMAIN "td-lecturer-editor"

#include <glib/gi18n.h>

#include "td-gui-resources.h"

#include "td-lecturer-editor.h"
#include "td-national-id.h"

typedef enum {
  FIELD_NAME,
  FIELD_NATIONAL_ID,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_ADDRESS,
  FIELD_EDUCATION,
  FIELD_POST,
  N_FIELDS
} Field;

struct _TdLecturerEditor {
  AdwBin parent_instance;

  TdStore *store;
  TdLecturer *original;
  gboolean revealed;          /* the full ID is on screen */
  gboolean syncing;           /* widgets are being filled from @original */
  gboolean name_touched;      /* a new lecturer's empty name is only an error once typed in */

  GtkLabel *title_label;
  GtkButton *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkToggleButton *reveal_button;
  GtkLabel *name_error_label;
  GtkLabel *national_id_error_label;
  GtkTextView *experience_view;
  GtkTextView *qualifications_view;
  AdwEntryRow *rows[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (TdLecturerEditor, td_lecturer_editor, ADW_TYPE_BIN)

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
show_error (TdLecturerEditor *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gboolean
id_is_masked (TdLecturerEditor *self)
{
  return self->original->national_id != NULL && !self->revealed;
}

static char *
dup_row_text (TdLecturerEditor *self, Field field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[field]))));
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* The national ID as it would be saved: normalised when valid, the original while
 * masked, NULL when left empty. Sets @message when the typed ID is invalid. */
static char *
dup_national_id (TdLecturerEditor *self, char **message)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  char *id;

  if (id_is_masked (self))
    return g_strdup (self->original->national_id);
  text = dup_row_text (self, FIELD_NATIONAL_ID);
  if (text[0] == '\0')
    return NULL;
  id = td_national_id_check (text, NULL, &error);
  if (id == NULL && message != NULL)
    *message = g_strdup (error->message);
  return id != NULL ? id : g_steal_pointer (&text);
}

static TdLecturer *
build_lecturer (TdLecturerEditor *self)
{
  TdLecturer *lecturer = td_lecturer_copy (self->original);

  g_free (lecturer->name);
  lecturer->name = dup_row_text (self, FIELD_NAME);
  g_free (lecturer->national_id);
  lecturer->national_id = dup_national_id (self, NULL);
  g_free (lecturer->phone);
  lecturer->phone = dup_row_text (self, FIELD_PHONE);
  g_free (lecturer->email);
  lecturer->email = dup_row_text (self, FIELD_EMAIL);
  g_free (lecturer->address);
  lecturer->address = dup_row_text (self, FIELD_ADDRESS);
  g_free (lecturer->education);
  lecturer->education = dup_row_text (self, FIELD_EDUCATION);
  g_free (lecturer->post);
  lecturer->post = dup_row_text (self, FIELD_POST);
  g_free (lecturer->experience);
  lecturer->experience = dup_view_text (self->experience_view);
  g_free (lecturer->qualifications);
  lecturer->qualifications = dup_view_text (self->qualifications_view);
  return lecturer;
}

static void
set_field_error (GtkWidget *row, GtkLabel *label, const char *field, const char *message)
{
  if (message != NULL)
    {
      g_autofree char *text = g_strdup_printf (
        /* Translators: a form field and what is wrong with it */
        _("%s: %s"), field, message);
      gtk_label_set_text (label, text);
      gtk_widget_add_css_class (row, "error");
    }
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static gboolean
is_valid (TdLecturerEditor *self, char **id_message)
{
  g_autofree char *name = dup_row_text (self, FIELD_NAME);
  g_autofree char *message = NULL;
  g_autofree char *id = dup_national_id (self, &message);
  gboolean valid = name[0] != '\0' && message == NULL;

  if (id_message != NULL)
    *id_message = g_steal_pointer (&message);
  return valid;
}

/* Re-checks the form after every edit: inline reasons and the save action. */
static void
update_state (TdLecturerEditor *self)
{
  g_autofree char *name = dup_row_text (self, FIELD_NAME);
  g_autofree char *id_message = NULL;
  g_autoptr (TdLecturer) edited = NULL;
  gboolean valid = is_valid (self, &id_message);
  gboolean dirty;
  gboolean name_missing = name[0] == '\0' && (self->original->id != 0 || self->name_touched);

  set_field_error (GTK_WIDGET (self->rows[FIELD_NAME]), self->name_error_label, _("Name"),
                   name_missing ? _("A name is required.") : NULL);
  set_field_error (GTK_WIDGET (self->rows[FIELD_NATIONAL_ID]), self->national_id_error_label,
                   _("National ID"), id_message);
  edited = build_lecturer (self);
  dirty = !td_lecturer_equal (edited, self->original);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid && dirty);
}

static void
sync_id_row (TdLecturerEditor *self)
{
  GtkEditable *row = GTK_EDITABLE (self->rows[FIELD_NATIONAL_ID]);
  const char *id = self->original->national_id;

  self->syncing = TRUE;
  if (id_is_masked (self))
    {
      g_autofree char *masked = td_national_id_mask (id);
      gtk_editable_set_text (row, masked);
    }
  else
    gtk_editable_set_text (row, id != NULL ? id : "");
  self->syncing = FALSE;
  gtk_editable_set_editable (row, !id_is_masked (self));
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), id != NULL);
}

static void
fill_widgets (TdLecturerEditor *self)
{
  TdLecturer *l = self->original;
  const char *values[N_FIELDS] = { l->name, NULL, l->phone, l->email, l->address, l->education,
                                   l->post };

  self->syncing = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    if (i != FIELD_NATIONAL_ID)
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), values[i] != NULL ? values[i] : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->experience_view),
                            l->experience != NULL ? l->experience : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->qualifications_view),
                            l->qualifications != NULL ? l->qualifications : "", -1);
  self->syncing = FALSE;
  sync_id_row (self);
  gtk_label_set_text (self->title_label, l->id == 0 ? _("New Lecturer") : l->name);
  update_state (self);
}

static gboolean
save (TdLecturerEditor *self)
{
  g_autoptr (TdLecturer) lecturer = build_lecturer (self);
  g_autoptr (GError) error = NULL;

  if (!td_store_save_lecturer (self->store, lecturer, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_set_object (&self->original, lecturer);
  self->revealed = FALSE;
  gtk_toggle_button_set_active (self->reveal_button, FALSE);
  fill_widgets (self);
  g_signal_emit (self, signals[SAVED], 0, lecturer);
  return TRUE;
}

/* --- callbacks -------------------------------------------------------------- */

static void
changed_cb (TdLecturerEditor *self)
{
  if (!self->syncing)
    update_state (self);
}

static void
name_changed_cb (TdLecturerEditor *self)
{
  if (!self->syncing)
    self->name_touched = TRUE;
}

static void
reveal_toggled_cb (TdLecturerEditor *self)
{
  gboolean active = gtk_toggle_button_get_active (self->reveal_button);
  g_autoptr (GError) error = NULL;

  if (active == self->revealed || self->original->national_id == NULL)
    return;
  if (active && !td_store_audit (self->store, "reveal-id", "lecturer", self->original->id,
                                 _("full national ID shown in the lecturer form"), &error))
    {
      show_error (self, error->message);
      gtk_toggle_button_set_active (self->reveal_button, FALSE);
      return;
    }
  self->revealed = active;
  sync_id_row (self);
  update_state (self);
}

static void
close_dialog_response_cb (AdwMessageDialog *dialog, const char *response, TdLecturerEditor *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (save (self))
        g_signal_emit (self, signals[CLOSED], 0);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    g_signal_emit (self, signals[CLOSED], 0);
}

/* --- actions ---------------------------------------------------------------- */

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  save (TD_LECTURER_EDITOR (widget));
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  td_lecturer_editor_request_close (TD_LECTURER_EDITOR (widget));
}

/* --- overrides -------------------------------------------------------------- */

static void
td_lecturer_editor_dispose (GObject *object)
{
  TdLecturerEditor *self = TD_LECTURER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_LECTURER_EDITOR);
  g_clear_object (&self->original);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (td_lecturer_editor_parent_class)->dispose (object);
}

static void
td_lecturer_editor_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  TdLecturerEditor *self = TD_LECTURER_EDITOR (object);

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
td_lecturer_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  TdLecturerEditor *self = TD_LECTURER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* Writable after construction so the lecturers page can hand its store over. */
      if (g_set_object (&self->store, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_ROW(name, field) \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_row", FALSE, \
                                             G_STRUCT_OFFSET (TdLecturerEditor, rows) + \
                                             (field) * sizeof (gpointer))

static void
td_lecturer_editor_class_init (TdLecturerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_lecturer_editor_dispose;
  object_class->get_property = td_lecturer_editor_get_property;
  object_class->set_property = td_lecturer_editor_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, TD_TYPE_LECTURER);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Referencing the bundle keeps it, and the constructor that registers it, when
   * libtdgui is linked statically. */
  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-lecturer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, national_id_error_label);
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, experience_view);
  gtk_widget_class_bind_template_child (widget_class, TdLecturerEditor, qualifications_view);
  BIND_ROW (name, FIELD_NAME);
  BIND_ROW (national_id, FIELD_NATIONAL_ID);
  BIND_ROW (phone, FIELD_PHONE);
  BIND_ROW (email, FIELD_EMAIL);
  BIND_ROW (address, FIELD_ADDRESS);
  BIND_ROW (education, FIELD_EDUCATION);
  BIND_ROW (post, FIELD_POST);
  gtk_widget_class_bind_template_callback (widget_class, reveal_toggled_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.back", NULL);
}

static void
td_lecturer_editor_init (TdLecturerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Connected first, so the flag is set before the form is re-checked. */
  g_signal_connect_swapped (self->rows[FIELD_NAME], "changed", G_CALLBACK (name_changed_cb), self);
  for (guint i = 0; i < N_FIELDS; i++)
    g_signal_connect_swapped (self->rows[i], "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->experience_view), "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->qualifications_view), "changed",
                            G_CALLBACK (changed_cb), self);
  td_lecturer_editor_load (self, NULL);
}

/* --- public API ------------------------------------------------------------- */

GtkWidget *
td_lecturer_editor_new (TdStore *store)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_LECTURER_EDITOR, "store", store, NULL);
}

void
td_lecturer_editor_load (TdLecturerEditor *self, TdLecturer *lecturer)
{
  g_return_if_fail (TD_IS_LECTURER_EDITOR (self));
  g_return_if_fail (lecturer == NULL || TD_IS_LECTURER (lecturer));

  g_clear_object (&self->original);
  self->original = lecturer != NULL ? td_lecturer_copy (lecturer) : td_lecturer_new ();
  self->revealed = FALSE;
  self->name_touched = FALSE;
  gtk_toggle_button_set_active (self->reveal_button, FALSE);
  show_error (self, NULL);
  fill_widgets (self);
}

void
td_lecturer_editor_request_close (TdLecturerEditor *self)
{
  g_autoptr (TdLecturer) edited = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (TD_IS_LECTURER_EDITOR (self));

  edited = build_lecturer (self);
  if (td_lecturer_equal (edited, self->original))
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  name = dup_row_text (self, FIELD_NAME);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog, _("The changes to “%s” are not saved yet."),
                                  name[0] != '\0' ? name : _("the new lecturer"));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", is_valid (self, NULL));
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
