/* td-lecturers-page.c — the centre's lecturers */
#include "config.h"

#define G_LOG_DOMAIN "td-lecturers-page"

#include <glib/gi18n.h>

#include "td-gui-resources.h"

#include "td-lecturer-editor.h"
#include "td-lecturers-page.h"

struct _TdLecturersPage {
  AdwBin parent_instance;

  TdStore *store;
  GListStore *lecturers;          /* TdLecturer; a centre has tens, not thousands */
  GtkSingleSelection *selection;

  GtkStack *stack;
  GtkStack *list_stack;
  GtkSearchEntry *search_entry;
  GtkColumnView *column_view;
  TdLecturerEditor *editor;
};

G_DEFINE_FINAL_TYPE (TdLecturersPage, td_lecturers_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static void
show_message (TdLecturersPage *self, const char *heading, const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_state (TdLecturersPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean has_selection = gtk_single_selection_get_selected_item (self->selection) != NULL;
  const char *name = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->lecturers)) == 0)
    name = search[0] == '\0' ? "empty" : "no-results";
  gtk_stack_set_visible_child_name (self->list_stack, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lecturers.delete", has_selection);
}

static void
open_position (TdLecturersPage *self, guint position)
{
  g_autoptr (TdLecturer) lecturer = g_list_model_get_item (G_LIST_MODEL (self->lecturers), position);

  if (lecturer != NULL)
    td_lecturers_page_open (self, lecturer);
}

/* --- callbacks -------------------------------------------------------------- */

static void
search_changed_cb (TdLecturersPage *self)
{
  td_lecturers_page_reload (self);
}

static void
search_activate_cb (TdLecturersPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    open_position (self, position);
}

static void
column_view_activate_cb (TdLecturersPage *self, guint position)
{
  open_position (self, position);
}

static void
editor_saved_cb (TdLecturersPage *self, TdLecturer *lecturer)
{
  td_lecturers_page_reload (self);
}

static void
editor_closed_cb (TdLecturersPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, TdLecturersPage *self)
{
  TdLecturer *lecturer = g_object_get_data (G_OBJECT (dialog), "td-lecturer");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!td_store_delete_lecturer (self->store, lecturer->id, &error))
    {
      show_message (self, _("Cannot Delete Lecturer"), error->message);
      return;
    }
  td_lecturers_page_reload (self);
}

/* --- actions ---------------------------------------------------------------- */

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  td_lecturers_page_open (TD_LECTURERS_PAGE (widget), NULL);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdLecturersPage *self = TD_LECTURERS_PAGE (widget);
  TdLecturer *lecturer = gtk_single_selection_get_selected_item (self->selection);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (lecturer == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Delete Lecturer?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s will be removed from the lecturers. Lecturers named in "
                                    "a course's timetable cannot be deleted."),
                                  lecturer->name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "td-lecturer", g_object_ref (lecturer),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- overrides -------------------------------------------------------------- */

static void
td_lecturers_page_constructed (GObject *object)
{
  TdLecturersPage *self = TD_LECTURERS_PAGE (object);

  G_OBJECT_CLASS (td_lecturers_page_parent_class)->constructed (object);

  g_object_set (self->editor, "store", self->store, NULL);
  self->lecturers = g_list_store_new (TD_TYPE_LECTURER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->lecturers)));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  td_lecturers_page_reload (self);
}

static void
td_lecturers_page_dispose (GObject *object)
{
  TdLecturersPage *self = TD_LECTURERS_PAGE (object);

  /* The bin's child is a bound template child: detach it through AdwBin first so
   * the bin does not keep a pointer to a widget the template already dropped. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_LECTURERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->lecturers);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (td_lecturers_page_parent_class)->dispose (object);
}

static void
td_lecturers_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdLecturersPage *self = TD_LECTURERS_PAGE (object);

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
td_lecturers_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  TdLecturersPage *self = TD_LECTURERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_lecturers_page_class_init (TdLecturersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_lecturers_page_constructed;
  object_class->dispose = td_lecturers_page_dispose;
  object_class->get_property = td_lecturers_page_get_property;
  object_class->set_property = td_lecturers_page_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TD_TYPE_LECTURER);
  g_type_ensure (TD_TYPE_LECTURER_EDITOR);
  /* Referencing the bundle keeps it, and the constructor that registers it, when
   * libtdgui is linked statically. */
  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-lecturers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdLecturersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdLecturersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TdLecturersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdLecturersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdLecturersPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_closed_cb);

  gtk_widget_class_install_action (widget_class, "lecturers.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "lecturers.delete", NULL, delete_action);
}

static void
td_lecturers_page_init (TdLecturersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing while the list has the focus searches it (no .ui property for this in GTK 4.8). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

/* --- public API ------------------------------------------------------------- */

GtkWidget *
td_lecturers_page_new (TdStore *store)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_LECTURERS_PAGE, "store", store, NULL);
}

void
td_lecturers_page_reload (TdLecturersPage *self)
{
  const char *search;
  g_autoptr (GPtrArray) lecturers = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (TD_IS_LECTURERS_PAGE (self));

  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  lecturers = td_store_list_lecturers (self->store, search[0] != '\0' ? search : NULL, &error);
  if (lecturers == NULL)
    {
      show_message (self, _("Cannot Read Lecturers"), error->message);
      return;
    }
  g_list_store_splice (self->lecturers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lecturers)),
                       lecturers->pdata, lecturers->len);
  update_state (self);
}

void
td_lecturers_page_open (TdLecturersPage *self, TdLecturer *lecturer)
{
  g_return_if_fail (TD_IS_LECTURERS_PAGE (self));

  td_lecturer_editor_load (self->editor, lecturer);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}
