/* td-pdf-view.c — draws the current page of a poppler document */
#include "config.h"

#define G_LOG_DOMAIN "td-pdf-view"

#include <math.h>

#include "td-pdf-view.h"

/* Points to pixels at zoom 1.0: the page at its printed size on a 96 dpi screen. */
#define PIXELS_PER_POINT (96.0 / 72.0)

struct _TdPdfView {
  GtkWidget parent_instance;

  PopplerDocument *document;
  int page;
  double zoom;
  gboolean fit_width;

  GdkTexture *texture;       /* page texture_page, at the size it was last drawn */
  int texture_page;
};

G_DEFINE_FINAL_TYPE (TdPdfView, td_pdf_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static gboolean
get_page_size (TdPdfView *self, double *width, double *height)
{
  PopplerPage *page;

  *width = *height = 0;
  if (self->document == NULL ||
      (page = poppler_document_get_page (self->document, self->page)) == NULL)
    return FALSE;
  poppler_page_get_size (page, width, height);
  g_object_unref (page);
  return *width > 0 && *height > 0;
}

static void
drop_texture (TdPdfView *self)
{
  g_clear_object (&self->texture);
  self->texture_page = -1;
}

/* cairo's ARGB32 is premultiplied native-endian BGRA on little-endian machines, which is
 * GDK_MEMORY_DEFAULT; the bytes are copied so the surface can go. */
static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static GdkTexture *
render_page (TdPdfView *self, int pixel_width, int pixel_height, double scale)
{
  PopplerPage *page = poppler_document_get_page (self->document, self->page);
  cairo_surface_t *surface;
  GdkTexture *texture;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  g_object_unref (page);
  cairo_destroy (cr);
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}

/* The texture of the page shown at @width × @height logical pixels, rendered at the
 * screen's scale; kept while page and size stay. */
static GdkTexture *
ensure_texture (TdPdfView *self, int width, int height)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int pixel_width = width * factor;
  int pixel_height = height * factor;
  double page_width, page_height;

  if (self->texture != NULL && self->texture_page == self->page &&
      gdk_texture_get_width (self->texture) == pixel_width &&
      gdk_texture_get_height (self->texture) == pixel_height)
    return self->texture;
  drop_texture (self);
  if (!get_page_size (self, &page_width, &page_height) || pixel_width <= 0 || pixel_height <= 0)
    return NULL;
  self->texture = render_page (self, pixel_width, pixel_height, pixel_width / page_width);
  self->texture_page = self->page;
  return self->texture;
}

static void
set_zoom_internal (TdPdfView *self, double zoom)
{
  zoom = CLAMP (zoom, TD_PDF_VIEW_MIN_ZOOM, TD_PDF_VIEW_MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* --- overrides -------------------------------------------------------------- */

static GtkSizeRequestMode
td_pdf_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* At a zoom the page has its size; fitted to the width it takes any width, and its
 * height follows from the width it is given. */
static void
td_pdf_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                     int *natural, int *minimum_baseline, int *natural_baseline)
{
  TdPdfView *self = TD_PDF_VIEW (widget);
  double width, height;

  *minimum = *natural = 0;
  if (!get_page_size (self, &width, &height))
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = ceil (width * self->zoom * PIXELS_PER_POINT);
      *minimum = self->fit_width ? 1 : *natural;
    }
  else if (self->fit_width && for_size > 0)
    *minimum = *natural = ceil (for_size * height / width);
  else
    *minimum = *natural = ceil (height * self->zoom * PIXELS_PER_POINT);
}

static void
td_pdf_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TdPdfView *self = TD_PDF_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double page_width, page_height;
  GskRoundedRect outline;
  GdkTexture *texture;

  if (!get_page_size (self, &page_width, &page_height))
    return;
  /* Keep the page's proportions when the allocation is taller than the page. */
  height = MIN (height, (int) ceil (width * page_height / page_width));
  if ((texture = ensure_texture (self, width, height)) == NULL)
    return;
  /* A white sheet needs an edge to stand out from a light window. */
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.3 }, 0, 1, 0, 4);
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
td_pdf_view_dispose (GObject *object)
{
  TdPdfView *self = TD_PDF_VIEW (object);

  drop_texture (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (td_pdf_view_parent_class)->dispose (object);
}

static void
td_pdf_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdPdfView *self = TD_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_int (value, td_pdf_view_get_n_pages (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, td_pdf_view_get_zoom (self));
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_pdf_view_set_property (GObject *object, guint prop_id, const GValue *value,
                          GParamSpec *pspec)
{
  TdPdfView *self = TD_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      td_pdf_view_set_page (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      td_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      td_pdf_view_set_fit_width (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_pdf_view_class_init (TdPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_pdf_view_dispose;
  object_class->get_property = td_pdf_view_get_property;
  object_class->set_property = td_pdf_view_set_property;
  widget_class->get_request_mode = td_pdf_view_get_request_mode;
  widget_class->measure = td_pdf_view_measure;
  widget_class->snapshot = td_pdf_view_snapshot;

  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] = g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, TD_PDF_VIEW_MIN_ZOOM,
                                               TD_PDF_VIEW_MAX_ZOOM, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_WIDTH] = g_param_spec_boolean ("fit-width", NULL, NULL, FALSE,
                                                     G_PARAM_READWRITE |
                                                     G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "pdfview");
}

static void
td_pdf_view_init (TdPdfView *self)
{
  self->zoom = 1.0;
  self->texture_page = -1;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
}

/* --- public API ------------------------------------------------------------- */

GtkWidget *
td_pdf_view_new (void)
{
  return g_object_new (TD_TYPE_PDF_VIEW, NULL);
}

void
td_pdf_view_set_document (TdPdfView *self, PopplerDocument *document)
{
  g_return_if_fail (TD_IS_PDF_VIEW (self));
  g_return_if_fail (document == NULL || POPPLER_IS_DOCUMENT (document));

  drop_texture (self);
  g_set_object (&self->document, document);
  self->page = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

PopplerDocument *
td_pdf_view_get_document (TdPdfView *self)
{
  g_return_val_if_fail (TD_IS_PDF_VIEW (self), NULL);
  return self->document;
}

int
td_pdf_view_get_n_pages (TdPdfView *self)
{
  g_return_val_if_fail (TD_IS_PDF_VIEW (self), 0);
  return self->document != NULL ? poppler_document_get_n_pages (self->document) : 0;
}

int
td_pdf_view_get_page (TdPdfView *self)
{
  g_return_val_if_fail (TD_IS_PDF_VIEW (self), 0);
  return self->page;
}

void
td_pdf_view_set_page (TdPdfView *self, int page)
{
  g_return_if_fail (TD_IS_PDF_VIEW (self));

  page = CLAMP (page, 0, MAX (td_pdf_view_get_n_pages (self) - 1, 0));
  if (page == self->page)
    return;
  self->page = page;
  /* Pages may differ in size (a landscape roster after a portrait plan). */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

double
td_pdf_view_get_zoom (TdPdfView *self)
{
  double width, height;
  int allocated;

  g_return_val_if_fail (TD_IS_PDF_VIEW (self), 1.0);
  allocated = gtk_widget_get_width (GTK_WIDGET (self));
  if (!self->fit_width || allocated <= 0 || !get_page_size (self, &width, &height))
    return self->zoom;
  return CLAMP (allocated / (width * PIXELS_PER_POINT), TD_PDF_VIEW_MIN_ZOOM,
                TD_PDF_VIEW_MAX_ZOOM);
}

void
td_pdf_view_set_zoom (TdPdfView *self, double zoom)
{
  g_return_if_fail (TD_IS_PDF_VIEW (self));

  td_pdf_view_set_fit_width (self, FALSE);
  set_zoom_internal (self, zoom);
}

gboolean
td_pdf_view_get_fit_width (TdPdfView *self)
{
  g_return_val_if_fail (TD_IS_PDF_VIEW (self), FALSE);
  return self->fit_width;
}

void
td_pdf_view_set_fit_width (TdPdfView *self, gboolean fit_width)
{
  g_return_if_fail (TD_IS_PDF_VIEW (self));

  fit_width = !!fit_width;
  if (fit_width == self->fit_width)
    return;
  /* Leaving fit-width keeps the page at the size it had. */
  if (!fit_width)
    self->zoom = td_pdf_view_get_zoom (self);
  self->fit_width = fit_width;
  gtk_widget_set_halign (GTK_WIDGET (self), fit_width ? GTK_ALIGN_FILL : GTK_ALIGN_CENTER);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
