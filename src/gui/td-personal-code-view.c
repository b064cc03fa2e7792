/* td-personal-code-view.c — the person's QR code, drawn from libqrencode's modules */
#include "config.h"

#define G_LOG_DOMAIN "td-personal-code-view"

#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "td-gui-resources.h"

#include "td-dialogs.h"
#include "td-personal-code-view.h"
#include "td-trainee-code.h"

/* Pixels per module on screen: a code is about 25 modules, so about 200 pixels wide. */
#define MODULE_PX 6
#define QUIET_ZONE 4       /* modules of white around the symbol (ISO/IEC 18004) */

struct _TdPersonalCodeView {
  AdwPreferencesGroup parent_instance;

  TdStore *store;
  gint64 trainee_id;
  char *code;

  GtkStack *code_stack;
  GtkPicture *qr_picture;
  GtkLabel *code_label;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (TdPersonalCodeView, td_personal_code_view, ADW_TYPE_PREFERENCES_GROUP)

/* --- helpers ------------------------------------------------------------------- */

static void
update_actions (TdPersonalCodeView *self)
{
  gboolean stored = self->store != NULL && self->trainee_id > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.regenerate",
                                 stored && self->code != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.create", stored && self->code == NULL);
}

static void
show_code (TdPersonalCodeView *self, char *code)
{
  g_autoptr (GdkTexture) texture = NULL;

  g_free (self->code);
  self->code = code;
  texture = td_personal_code_view_render_qr (code, MODULE_PX);
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (texture));
  gtk_label_set_text (self->code_label, code);
  gtk_stack_set_visible_child_name (self->code_stack, "code");
  update_actions (self);
}

/* A stored person without a code: showing them must not issue one. */
static void
show_missing (TdPersonalCodeView *self)
{
  g_clear_pointer (&self->code, g_free);
  gtk_picture_set_paintable (self->qr_picture, NULL);
  gtk_stack_set_visible_child_name (self->code_stack, "missing");
  update_actions (self);
}

static void
show_failure (TdPersonalCodeView *self, const char *message)
{
  g_clear_pointer (&self->code, g_free);
  gtk_label_set_text (self->error_label, message);
  gtk_stack_set_visible_child_name (self->code_stack, "error");
  update_actions (self);
}

/* --- actions ------------------------------------------------------------------- */

static void
regenerate_confirmed (gpointer data)
{
  TdPersonalCodeView *self = TD_PERSONAL_CODE_VIEW (data);
  g_autoptr (GError) error = NULL;
  char *code;

  if (self->store == NULL || self->trainee_id <= 0)
    return;
  code = td_trainee_code_regenerate (self->store, self->trainee_id, &error);
  if (code == NULL)
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Regenerate the Code"), error->message);
      return;
    }
  show_code (self, code);
  td_toast (GTK_WIDGET (self), _("New personal code made; the old one no longer works"));
}

static void
create_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdPersonalCodeView *self = TD_PERSONAL_CODE_VIEW (widget);
  g_autoptr (GError) error = NULL;
  char *code;

  if (self->store == NULL || self->trainee_id <= 0 || self->code != NULL)
    return;
  /* Issues one in a single transaction, or returns the one issued meanwhile elsewhere. */
  code = td_trainee_code_get (self->store, self->trainee_id, &error);
  if (code == NULL)
    {
      td_show_error (widget, _("Could Not Create the Code"), error->message);
      return;
    }
  show_code (self, code);
  td_toast (widget, _("Personal code created"));
}

static void
regenerate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  td_confirm (widget, _("Regenerate the Personal Code?"),
              _("The current code stops working at once: badges and screenshots of it are "
                "refused at the desk. Give the person a new badge."),
              _("_Regenerate"), regenerate_confirmed, G_OBJECT (widget));
}

/* --- overrides ------------------------------------------------------------------- */

static void
td_personal_code_view_dispose (GObject *object)
{
  TdPersonalCodeView *self = TD_PERSONAL_CODE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PERSONAL_CODE_VIEW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (td_personal_code_view_parent_class)->dispose (object);
}

static void
td_personal_code_view_finalize (GObject *object)
{
  g_free (TD_PERSONAL_CODE_VIEW (object)->code);
  G_OBJECT_CLASS (td_personal_code_view_parent_class)->finalize (object);
}

static void
td_personal_code_view_class_init (TdPersonalCodeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_personal_code_view_dispose;
  object_class->finalize = td_personal_code_view_finalize;

  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-personal-code-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPersonalCodeView, code_stack);
  gtk_widget_class_bind_template_child (widget_class, TdPersonalCodeView, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, TdPersonalCodeView, code_label);
  gtk_widget_class_bind_template_child (widget_class, TdPersonalCodeView, error_label);
  gtk_widget_class_install_action (widget_class, "code.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "code.regenerate", NULL, regenerate_action);
}

static void
td_personal_code_view_init (TdPersonalCodeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/* --- public API ------------------------------------------------------------------ */

GtkWidget *
td_personal_code_view_new (void)
{
  return g_object_new (TD_TYPE_PERSONAL_CODE_VIEW, NULL);
}

void
td_personal_code_view_load (TdPersonalCodeView *self, TdStore *store, gint64 trainee_id)
{
  g_autoptr (GError) error = NULL;
  char *code;

  g_return_if_fail (TD_IS_PERSONAL_CODE_VIEW (self));
  g_return_if_fail (store == NULL || TD_IS_STORE (store));

  g_set_object (&self->store, store);
  self->trainee_id = trainee_id;
  g_clear_pointer (&self->code, g_free);
  if (store == NULL || trainee_id <= 0)
    {
      gtk_picture_set_paintable (self->qr_picture, NULL);
      gtk_stack_set_visible_child_name (self->code_stack, "none");
      update_actions (self);
      return;
    }
  code = td_trainee_code_find (store, trainee_id, &error);
  if (code != NULL)
    show_code (self, code);
  else if (error != NULL)
    show_failure (self, error->message);
  else
    show_missing (self);
}

const char *
td_personal_code_view_get_code (TdPersonalCodeView *self)
{
  g_return_val_if_fail (TD_IS_PERSONAL_CODE_VIEW (self), NULL);
  return self->code;
}

GdkTexture *
td_personal_code_view_render_qr (const char *text, int module_px)
{
  QRcode *qr;
  guint8 *rgb;
  gsize side, stride;
  int modules;

  g_return_val_if_fail (text != NULL && module_px > 0, NULL);

  qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == NULL)
    return NULL;
  modules = qr->width + 2 * QUIET_ZONE;
  side = (gsize) modules * module_px;
  stride = side * 3;
  rgb = g_malloc (stride * side);
  for (gsize y = 0; y < side; y++)
    for (gsize x = 0; x < side; x++)
      {
        int r = (int) (y / module_px) - QUIET_ZONE, c = (int) (x / module_px) - QUIET_ZONE;
        gboolean dark = r >= 0 && c >= 0 && r < qr->width && c < qr->width
                        && (qr->data[r * qr->width + c] & 1);

        memset (rgb + y * stride + x * 3, dark ? 0x00 : 0xff, 3);
      }
  QRcode_free (qr);
  {
    g_autoptr (GBytes) bytes = g_bytes_new_take (rgb, stride * side);

    return gdk_memory_texture_new (side, side, GDK_MEMORY_R8G8B8, bytes, stride);
  }
}
