/* td-pdf-view.h — one page of a PDF, drawn with poppler at a zoom or fitted to the width.
 * Only the page shown is rendered, once per size, into a texture. */
#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

G_BEGIN_DECLS

#define TD_TYPE_PDF_VIEW (td_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (TdPdfView, td_pdf_view, TD, PDF_VIEW, GtkWidget)

/* The zoom steps: 1.0 is the page at its printed size on a 96 dpi screen. */
#define TD_PDF_VIEW_MIN_ZOOM 0.25
#define TD_PDF_VIEW_MAX_ZOOM 4.0

GtkWidget       *td_pdf_view_new (void);
void             td_pdf_view_set_document (TdPdfView *self, PopplerDocument *document);
PopplerDocument *td_pdf_view_get_document (TdPdfView *self);
int              td_pdf_view_get_n_pages (TdPdfView *self);
/* The page shown, from 0; set clamps to the document. */
int              td_pdf_view_get_page (TdPdfView *self);
void             td_pdf_view_set_page (TdPdfView *self, int page);
/* Setting a zoom leaves fit-width; the zoom read in fit-width is the fitted one. */
double           td_pdf_view_get_zoom (TdPdfView *self);
void             td_pdf_view_set_zoom (TdPdfView *self, double zoom);
gboolean         td_pdf_view_get_fit_width (TdPdfView *self);
void             td_pdf_view_set_fit_width (TdPdfView *self, gboolean fit_width);

G_END_DECLS
