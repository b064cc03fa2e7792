/* td-trainees-page.c — the directory of every trainee across courses */
#include "config.h"

#define G_LOG_DOMAIN "td-trainees-page"

#include <glib/gi18n.h>

#include "td-gui-resources.h"

#include "td-paged-list.h"
#include "td-roc-date.h"
#include "td-trainee-editor.h"
#include "td-trainees-page.h"

struct _TdTraineesPage {
  AdwBin parent_instance;

  TdStore *store;
  TdPagedList *trainees;          /* reads a page at a time: the directory can be huge */
  GtkSingleSelection *selection;

  GtkStack *stack;
  GtkStack *list_stack;
  GtkSearchEntry *search_entry;
  GtkColumnView *column_view;
  TdTraineeEditor *editor;
};

G_DEFINE_FINAL_TYPE (TdTraineesPage, td_trainees_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static char *
format_roc_date (gpointer this_object, const char *iso)
{
  if (iso == NULL || iso[0] == '\0')
    return NULL;
  return td_roc_date_format (iso, TD_ROC_FORMAT_SLASH);
}

static void
update_list_state (TdTraineesPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *name = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0)
    name = search[0] == '\0' ? "empty" : "no-results";
  gtk_stack_set_visible_child_name (self->list_stack, name);
}

static void
update_actions (TdTraineesPage *self)
{
  gboolean has_selection = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainees.delete", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainees.open", has_selection);
}

static void
show_message (TdTraineesPage *self, const char *heading, const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_position (TdTraineesPage *self, guint position)
{
  g_autoptr (TdTrainee) item = g_list_model_get_item (G_LIST_MODEL (self->trainees), position);
  g_autoptr (TdTrainee) trainee = NULL;
  g_autoptr (GError) error = NULL;

  if (item == NULL)
    return;
  /* List rows may be trimmed to the columns; the form needs the whole record. */
  trainee = td_store_get_trainee (self->store, item->id, &error);
  if (trainee == NULL)
    {
      show_message (self, _("Cannot Open Trainee"), error->message);
      return;
    }
  td_trainees_page_open (self, trainee);
}

/* --- callbacks -------------------------------------------------------------- */

static void
search_changed_cb (TdTraineesPage *self)
{
  td_paged_list_set_search (self->trainees,
                            gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (TdTraineesPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    open_position (self, position);
}

static void
column_view_activate_cb (TdTraineesPage *self, guint position)
{
  open_position (self, position);
}

static void
trainees_changed_cb (TdTraineesPage *self)
{
  update_list_state (self);
  update_actions (self);
}

static void
editor_saved_cb (TdTraineesPage *self, TdTrainee *trainee)
{
  td_trainees_page_reload (self);
}

static void
editor_closed_cb (TdTraineesPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, TdTraineesPage *self)
{
  TdTrainee *trainee = g_object_get_data (G_OBJECT (dialog), "td-trainee");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!td_store_delete_trainee (self->store, trainee->id, &error))
    {
      show_message (self, _("Cannot Delete Trainee"), error->message);
      return;
    }
  td_trainees_page_reload (self);
}

/* --- actions ---------------------------------------------------------------- */

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  td_trainees_page_open (TD_TRAINEES_PAGE (widget), NULL);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdTraineesPage *self = TD_TRAINEES_PAGE (widget);

  search_activate_cb (self);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdTraineesPage *self = TD_TRAINEES_PAGE (widget);
  TdTrainee *trainee = gtk_single_selection_get_selected_item (self->selection);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *masked = NULL;
  AdwMessageDialog *dialog;

  if (trainee == NULL)
    return;
  masked = td_trainee_dup_masked_id (trainee);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Delete Trainee?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s (%s) will be removed from the directory with the photo. "
                                    "People on a course roster cannot be deleted."),
                                  trainee->name, masked);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "td-trainee", g_object_ref (trainee), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- overrides -------------------------------------------------------------- */

static void
td_trainees_page_constructed (GObject *object)
{
  TdTraineesPage *self = TD_TRAINEES_PAGE (object);

  G_OBJECT_CLASS (td_trainees_page_parent_class)->constructed (object);

  g_object_set (self->editor, "store", self->store, NULL);
  self->trainees = td_paged_list_new_trainees (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->trainees)));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->trainees, "items-changed", G_CALLBACK (trainees_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_list_state (self);
  update_actions (self);
}

static void
td_trainees_page_dispose (GObject *object)
{
  TdTraineesPage *self = TD_TRAINEES_PAGE (object);

  /* The bin's child is a bound template child: detach it through AdwBin first so
   * the bin does not keep a pointer to a widget the template already dropped. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_TRAINEES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->trainees);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (td_trainees_page_parent_class)->dispose (object);
}

static void
td_trainees_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdTraineesPage *self = TD_TRAINEES_PAGE (object);

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
td_trainees_page_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  TdTraineesPage *self = TD_TRAINEES_PAGE (object);

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
td_trainees_page_class_init (TdTraineesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_trainees_page_constructed;
  object_class->dispose = td_trainees_page_dispose;
  object_class->get_property = td_trainees_page_get_property;
  object_class->set_property = td_trainees_page_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TD_TYPE_TRAINEE);
  g_type_ensure (TD_TYPE_TRAINEE_EDITOR);
  /* Referencing the bundle keeps it, and the constructor that registers it, when
   * libtdgui is linked statically. */
  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-trainees-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdTraineesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdTraineesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TdTraineesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdTraineesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdTraineesPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, format_roc_date);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_closed_cb);

  gtk_widget_class_install_action (widget_class, "trainees.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "trainees.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "trainees.delete", NULL, delete_action);
}

static void
td_trainees_page_init (TdTraineesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing while the list has the focus searches it (no .ui property for this in GTK 4.8). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

/* --- public API ------------------------------------------------------------- */

GtkWidget *
td_trainees_page_new (TdStore *store)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_TRAINEES_PAGE, "store", store, NULL);
}

void
td_trainees_page_reload (TdTraineesPage *self)
{
  g_return_if_fail (TD_IS_TRAINEES_PAGE (self));

  td_paged_list_reload (self->trainees);
  update_list_state (self);
  update_actions (self);
}

void
td_trainees_page_open (TdTraineesPage *self, TdTrainee *trainee)
{
  g_return_if_fail (TD_IS_TRAINEES_PAGE (self));

  td_trainee_editor_load (self->editor, trainee);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

void
td_trainees_page_open_obligations (TdTraineesPage *self, TdTrainee *trainee)
{
  g_return_if_fail (TD_IS_TRAINEES_PAGE (self));
  g_return_if_fail (TD_IS_TRAINEE (trainee));

  td_trainees_page_open (self, trainee);
  td_trainee_editor_show_obligations (self->editor);
}
