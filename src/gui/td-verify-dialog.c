/* td-verify-dialog.c — the "Verify a Code…" window of the primary menu */
#include "config.h"

#define G_LOG_DOMAIN "td-verify-dialog"

#include <glib/gi18n.h>

#include "td-certificates.h"
#include "td-resources.h"
#include "td-verify-dialog.h"

struct _TdVerifyDialog {
  AdwWindow parent_instance;

  TdStore *store;
  TdVerifyResult *result;

  GtkEntry *code_entry;
  GtkLabel *status_label;
  AdwPreferencesGroup *result_group;
  AdwActionRow *number_row;
  AdwActionRow *holder_row;
  AdwActionRow *reason_row;
};

G_DEFINE_FINAL_TYPE (TdVerifyDialog, td_verify_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static void
set_status (TdVerifyDialog *self, const char *text, const char *style)
{
  const char *styles[] = { "success", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

static void
set_row (AdwActionRow *row, const char *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && *value != '\0');
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static void
show_result (TdVerifyDialog *self, const TdVerifyResult *result)
{
  switch (result->status)
    {
    case TD_VERIFY_VALID:
      set_status (self, _("Valid certificate"), "success");
      break;
    case TD_VERIFY_VOIDED:
      set_status (self, _("Voided: this certificate is no longer valid"), "warning");
      break;
    case TD_VERIFY_INVALID:
    default:
      set_status (self, _("Invalid: not a certificate of this centre"), "error");
      break;
    }
  set_row (self->number_row, result->number);
  set_row (self->holder_row, result->holder_name);
  set_row (self->reason_row, result->message);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group),
                          result->number != NULL || result->holder_name != NULL ||
                          result->message != NULL);
}

/* --- callbacks -------------------------------------------------------------- */

static void
code_activated_cb (TdVerifyDialog *self)
{
  td_verify_dialog_verify (self, gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
}

static void
verify_clicked_cb (TdVerifyDialog *self)
{
  code_activated_cb (self);
}

/* --- overrides -------------------------------------------------------------- */

static void
td_verify_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TD_TYPE_VERIFY_DIALOG);
  G_OBJECT_CLASS (td_verify_dialog_parent_class)->dispose (object);
}

static void
td_verify_dialog_finalize (GObject *object)
{
  TdVerifyDialog *self = TD_VERIFY_DIALOG (object);

  g_clear_pointer (&self->result, td_verify_result_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (td_verify_dialog_parent_class)->finalize (object);
}

static void
td_verify_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdVerifyDialog *self = TD_VERIFY_DIALOG (object);

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
td_verify_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  TdVerifyDialog *self = TD_VERIFY_DIALOG (object);

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
td_verify_dialog_class_init (TdVerifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_verify_dialog_dispose;
  object_class->finalize = td_verify_dialog_finalize;
  object_class->get_property = td_verify_dialog_get_property;
  object_class->set_property = td_verify_dialog_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-verify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdVerifyDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, TdVerifyDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, TdVerifyDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, TdVerifyDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, TdVerifyDialog, holder_row);
  gtk_widget_class_bind_template_child (widget_class, TdVerifyDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, code_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, verify_clicked_cb);
}

static void
td_verify_dialog_init (TdVerifyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ------------------------------------------------------------- */

TdVerifyDialog *
td_verify_dialog_new (GtkWindow *parent, TdStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_VERIFY_DIALOG, "transient-for", parent, "store", store, NULL);
}

void
td_verify_dialog_verify (TdVerifyDialog *self, const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (code != NULL ? code : ""));

  g_return_if_fail (TD_IS_VERIFY_DIALOG (self));

  g_clear_pointer (&self->result, td_verify_result_free);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->code_entry)), code) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->code_entry), code != NULL ? code : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
  if (*trimmed == '\0')
    {
      set_status (self, _("Scan or paste a certificate code first."), "error");
      return;
    }
  self->result = td_certificates_verify (self->store, trimmed, &error);
  if (self->result == NULL)
    {
      set_status (self, error->message, "error");
      return;
    }
  show_result (self, self->result);
  /* Ready for the next card from the scanner. */
  gtk_editable_select_region (GTK_EDITABLE (self->code_entry), 0, -1);
}

const TdVerifyResult *
td_verify_dialog_get_result (TdVerifyDialog *self)
{
  g_return_val_if_fail (TD_IS_VERIFY_DIALOG (self), NULL);
  return self->result;
}
