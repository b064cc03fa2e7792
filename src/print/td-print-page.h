/* td-print-page.h — a small layout toolkit for printing forms on A4 with cairo + Pango.
 *
 * A TdPrintDoc is a cursor flowing down A4 pages: text boxes that wrap or ellipsize,
 * ruled tables whose header row is repeated on every page, page breaks, and the footer
 * "第 n 頁，共 m 頁". td_print_doc_render() runs a body function twice: once to count
 * the pages, once to write the PDF, so every footer knows the total. Body functions
 * must therefore be deterministic and have no side effects besides drawing.
 *
 * Units are PostScript points (1/72 in); A4 is 595.28 × 841.89.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define TD_PRINT_A4_WIDTH  595.28
#define TD_PRINT_A4_HEIGHT 841.89
#define TD_PRINT_MM(mm) ((mm) * 72.0 / 25.4)

typedef struct _TdPrintDoc TdPrintDoc;
typedef struct _TdPrintTable TdPrintTable;

typedef enum {
  TD_PRINT_ALIGN_LEFT,
  TD_PRINT_ALIGN_CENTER,
  TD_PRINT_ALIGN_RIGHT,
} TdPrintAlign;

typedef enum {
  TD_PRINT_WRAP,          /* wrap on words, then characters; the box grows */
  TD_PRINT_ELLIPSIZE,     /* one line, "…" at the end when too long */
} TdPrintFlow;

typedef struct {
  double size;            /* points */
  gboolean bold;
  TdPrintAlign align;
  TdPrintFlow flow;
} TdPrintStyle;

/* Draws what repeats at the top of every page (the form's title block). */
typedef void     (*TdPrintPageFunc) (TdPrintDoc *doc, gpointer user_data);
/* Draws the whole document; returns FALSE with @error to abandon it. */
typedef gboolean (*TdPrintBodyFunc) (TdPrintDoc *doc, gpointer user_data, GError **error);

/* Checks the fonts, then renders @body into @output (replaced only when the whole
 * document was written). @title goes into the PDF's metadata. */
gboolean      td_print_doc_render (GFile *output, const char *title, gboolean landscape,
                                   TdPrintBodyFunc body, gpointer user_data, GError **error);

cairo_t      *td_print_doc_get_cairo (TdPrintDoc *doc);
double        td_print_doc_left (TdPrintDoc *doc);
double        td_print_doc_width (TdPrintDoc *doc);
double        td_print_doc_bottom (TdPrintDoc *doc);
double        td_print_doc_get_y (TdPrintDoc *doc);
void          td_print_doc_set_y (TdPrintDoc *doc, double y);
void          td_print_doc_skip (TdPrintDoc *doc, double dy);
int           td_print_doc_page_number (TdPrintDoc *doc);   /* 1-based */

/* The header drawn at the top of every page from now on (and on the current page when
 * it is still empty). */
void          td_print_doc_set_page_header (TdPrintDoc *doc, TdPrintPageFunc func,
                                            gpointer user_data);
/* Ends the page (footer) and starts the next one (header, then the open table's header). */
void          td_print_doc_new_page (TdPrintDoc *doc);
/* Breaks the page when less than @height is left; TRUE when it did. */
gboolean      td_print_doc_ensure_space (TdPrintDoc *doc, double height);

/* Height @text needs in a box @width wide. */
double        td_print_measure (TdPrintDoc *doc, const char *text, double width,
                                const TdPrintStyle *style);
/* Draws @text in the box (@x, @y, @width) vertically centred in @height (when @height
 * is larger than the text); returns the text's height. */
double        td_print_text (TdPrintDoc *doc, const char *text, double x, double y,
                             double width, double height, const TdPrintStyle *style);
/* Draws @text at the cursor across the content width and moves the cursor below it,
 * breaking the page first when it does not fit. */
void          td_print_paragraph (TdPrintDoc *doc, const char *text, const TdPrintStyle *style);
void          td_print_rect (TdPrintDoc *doc, double x, double y, double width, double height);
void          td_print_hline (TdPrintDoc *doc, double x1, double x2, double y, gboolean dashed);

/* A column of a ruled table. @weight is its share of the table's width. */
typedef struct {
  const char *header;
  double weight;
  TdPrintAlign align;
} TdPrintColumn;

/* A ruled table across the content width, at @size points. Its header row is drawn at
 * once and again after every page break until td_print_table_free(). */
TdPrintTable *td_print_table_new (TdPrintDoc *doc, const TdPrintColumn *columns,
                                  guint n_columns, double size);
/* One row of @n_columns cells. A NULL cell joins the cell to its left (a merged cell).
 * The row is as tall as its tallest cell and at least @min_height; it moves to the next
 * page whole when it does not fit. */
void          td_print_table_row (TdPrintTable *table, const char *const *cells,
                                  double min_height);
double        td_print_table_column_x (TdPrintTable *table, guint column);
void          td_print_table_free (TdPrintTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPrintTable, td_print_table_free)

G_END_DECLS
