/* td-scan-banner.c — the scan field and the outcome banner shared by the scanning desks */
#include "config.h"

#define G_LOG_DOMAIN "td-scan-banner"

#include <glib/gi18n.h>

#include "td-gui-resources.h"

#include "td-scan-banner.h"

struct _TdScanBanner {
  GtkBox parent_instance;

  GtkEntry *scan_entry;
  GtkWidget *banner;
  GtkPicture *banner_photo;
  GtkLabel *banner_title;
  GtkLabel *banner_name;
  GtkLabel *banner_message;
};

G_DEFINE_FINAL_TYPE (TdScanBanner, td_scan_banner, GTK_TYPE_BOX)

enum {
  SCANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const banner_styles[] = {
  "signed-in", "signed-out", "duplicate", "voided", "refused", NULL
};

/* --- helpers ------------------------------------------------------------------- */

static void
ensure_css (void)
{
  static gsize done = 0;
  g_autoptr (GtkCssProvider) provider = NULL;
  GdkDisplay *display;

  if (!g_once_init_enter (&done))
    return;
  provider = gtk_css_provider_new ();
  display = gdk_display_get_default ();
  gtk_css_provider_load_from_resource (provider,
                                       "/io/github/trainingdesk/TrainingDesk/ui/td-scan-banner.css");
  if (display != NULL)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_once_init_leave (&done, 1);
}

static char *
dup_outcome_title (const TdScanResult *result)
{
  switch (result->outcome)
    {
    case TD_SCAN_SIGNED_IN:
      return g_strdup_printf (_("Signed In %s"), result->time);
    case TD_SCAN_SIGNED_OUT:
      return g_strdup_printf (_("Signed Out %s"), result->time);
    case TD_SCAN_AWARDED:
      return g_strdup (_("Hours Awarded"));
    case TD_SCAN_DUPLICATE:
      return g_strdup (_("Already Recorded"));
    case TD_SCAN_VOIDED:
      return g_strdup (_("Code Voided"));
    case TD_SCAN_NOT_ENROLLED:
      return g_strdup (_("Not on This Roster"));
    case TD_SCAN_UNKNOWN:
    default:
      return g_strdup (_("Unknown Code"));
    }
}

/* --- callbacks ------------------------------------------------------------------- */

static void
scan_activate_cb (TdScanBanner *self)
{
  g_autofree char *input = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->scan_entry)));

  /* Cleared first: the next scan may already be arriving. */
  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), "");
  if (g_strstrip (input)[0] == '\0')
    return;
  g_signal_emit (self, signals[SCANNED], 0, input);
}

/* --- overrides ------------------------------------------------------------------- */

static void
td_scan_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TD_TYPE_SCAN_BANNER);
  G_OBJECT_CLASS (td_scan_banner_parent_class)->dispose (object);
}

static void
td_scan_banner_class_init (TdScanBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_scan_banner_dispose;

  /* TdScanBanner::scanned: @text is what the scanner typed, trimmed, never empty. */
  signals[SCANNED] = g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-scan-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, TdScanBanner, scan_entry);
  gtk_widget_class_bind_template_child (widget_class, TdScanBanner, banner);
  gtk_widget_class_bind_template_child (widget_class, TdScanBanner, banner_photo);
  gtk_widget_class_bind_template_child (widget_class, TdScanBanner, banner_title);
  gtk_widget_class_bind_template_child (widget_class, TdScanBanner, banner_name);
  gtk_widget_class_bind_template_child (widget_class, TdScanBanner, banner_message);
  gtk_widget_class_bind_template_callback (widget_class, scan_activate_cb);
}

static void
td_scan_banner_init (TdScanBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css ();
}

/* --- public API ------------------------------------------------------------------ */

GtkWidget *
td_scan_banner_new (void)
{
  return g_object_new (TD_TYPE_SCAN_BANNER, NULL);
}

GtkEntry *
td_scan_banner_get_entry (TdScanBanner *self)
{
  g_return_val_if_fail (TD_IS_SCAN_BANNER (self), NULL);
  return self->scan_entry;
}

void
td_scan_banner_show (TdScanBanner *self, const char *style, const char *title, const char *name,
                     const char *message, GdkPaintable *photo)
{
  g_return_if_fail (TD_IS_SCAN_BANNER (self));

  for (guint i = 0; banner_styles[i] != NULL; i++)
    gtk_widget_remove_css_class (self->banner, banner_styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (self->banner, style);
  gtk_label_set_text (self->banner_title, title != NULL ? title : "");
  gtk_label_set_text (self->banner_name, name != NULL ? name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_name), name != NULL && name[0] != '\0');
  gtk_label_set_text (self->banner_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_message), message != NULL && message[0] != '\0');
  gtk_picture_set_paintable (self->banner_photo, photo);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_photo), photo != NULL);
}

const char *
td_scan_banner_outcome_style (TdScanOutcome outcome)
{
  switch (outcome)
    {
    case TD_SCAN_SIGNED_IN:
    case TD_SCAN_AWARDED:
      return "signed-in";
    case TD_SCAN_SIGNED_OUT:
      return "signed-out";
    case TD_SCAN_DUPLICATE:
      return "duplicate";
    case TD_SCAN_VOIDED:
      return "voided";
    case TD_SCAN_NOT_ENROLLED:
    case TD_SCAN_UNKNOWN:
    default:
      return "refused";
    }
}

void
td_scan_banner_show_result (TdScanBanner *self, const TdScanResult *result, const char *message,
                            GdkPaintable *photo)
{
  g_autofree char *title = NULL;

  g_return_if_fail (TD_IS_SCAN_BANNER (self));
  g_return_if_fail (result != NULL);

  title = dup_outcome_title (result);
  td_scan_banner_show (self, td_scan_banner_outcome_style (result->outcome), title,
                       result->trainee_name, message != NULL ? message : result->message, photo);
}

void
td_scan_banner_focus (TdScanBanner *self)
{
  g_return_if_fail (TD_IS_SCAN_BANNER (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self->scan_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}
