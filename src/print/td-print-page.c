/* td-print-page.c — A4 pages, Pango text boxes and ruled tables for the forms */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "td-print-fonts.h"
#include "td-print-page.h"
#include "td-types.h"

#define MARGIN_SIDE   TD_PRINT_MM (12)
#define MARGIN_TOP    TD_PRINT_MM (12)
#define MARGIN_BOTTOM TD_PRINT_MM (16)
#define CELL_PAD      2.5

struct _TdPrintDoc {
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  double page_width;
  double page_height;
  double y;
  int page;                 /* 1-based, current */
  int total_pages;          /* 0 while counting */
  gboolean page_empty;      /* nothing but the header drawn yet */
  TdPrintPageFunc header;
  gpointer header_data;
  TdPrintTable *table;      /* the open table, whose header repeats */
  double header_bottom;     /* where the page header ends on this page */
};

struct _TdPrintTable {
  TdPrintDoc *doc;
  guint n_columns;
  double *x;                /* n_columns + 1 edges */
  double header_height;
  char **headers;
  TdPrintAlign *align;
  double size;
};

/* --- helpers -------------------------------------------------------------- */

static void
apply_style (TdPrintDoc *doc, double width, const TdPrintStyle *style)
{
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (TD_PRINT_FONT_FAMILY);
  static const PangoAlignment aligns[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT };

  pango_font_description_set_absolute_size (desc, style->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (doc->layout, desc);
  pango_layout_set_width (doc->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (doc->layout, aligns[style->align]);
  if (style->flow == TD_PRINT_ELLIPSIZE)
    {
      pango_layout_set_ellipsize (doc->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (doc->layout, -1);
    }
  else
    {
      pango_layout_set_ellipsize (doc->layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_wrap (doc->layout, PANGO_WRAP_WORD_CHAR);
    }
}

/* Lists of names ("王小明、李大華") wrap between the names, never inside one: a run of
 * up to LIST_ITEM_MAX characters between "、" is kept on one line, when it fits the box
 * (@width at @size points a character, the width of a Chinese character). Longer runs
 * (an address, a subject) still wrap anywhere. */
#define LIST_SEPARATOR "、"
#define LIST_ITEM_MAX 12

static void
set_layout_text (TdPrintDoc *doc, const char *text, double width, double size)
{
  PangoAttrList *attrs = NULL;
  const char *item = text;
  glong max_item = MIN (LIST_ITEM_MAX, (glong) (width / size));

  pango_layout_set_text (doc->layout, text, -1);
  if (strstr (text, LIST_SEPARATOR) != NULL)
    {
      attrs = pango_attr_list_new ();
      while (item != NULL && *item != '\0')
        {
          const char *sep = strstr (item, LIST_SEPARATOR);
          const char *end = sep != NULL ? sep : item + strlen (item);

          /* The separator stays with its name, so no line starts with "、". */
          if (sep != NULL)
            end += strlen (LIST_SEPARATOR);
          if (g_utf8_strlen (item, end - item) <= max_item)
            {
              PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

              attr->start_index = item - text;
              attr->end_index = end - text;
              pango_attr_list_insert (attrs, attr);
            }
          item = sep != NULL ? sep + strlen (LIST_SEPARATOR) : NULL;
        }
    }
  pango_layout_set_attributes (doc->layout, attrs);
  if (attrs != NULL)
    pango_attr_list_unref (attrs);
}

static void
draw_footer (TdPrintDoc *doc)
{
  TdPrintStyle style = { 8, FALSE, TD_PRINT_ALIGN_CENTER, TD_PRINT_WRAP };
  g_autofree char *text = NULL;

  /* Forms are filed with Taiwanese authorities: they print in Chinese whatever the
   * interface language. While counting, the total is unknown; the line is as tall. */
  text = g_strdup_printf ("第 %d 頁，共 %d 頁", doc->page, MAX (doc->total_pages, doc->page));
  td_print_text (doc, text, MARGIN_SIDE, doc->page_height - MARGIN_BOTTOM + 10,
                 doc->page_width - 2 * MARGIN_SIDE, 0, &style);
}

static void draw_table_header (TdPrintTable *table);

static void
start_page (TdPrintDoc *doc)
{
  doc->y = MARGIN_TOP;
  if (doc->header != NULL)
    doc->header (doc, doc->header_data);
  doc->header_bottom = doc->y;
  if (doc->table != NULL)
    draw_table_header (doc->table);
  doc->page_empty = TRUE;
}

static cairo_status_t
discard_cb (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_stream_cb (void *closure, const unsigned char *data, unsigned int length)
{
  GOutputStream *stream = closure;

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static TdPrintDoc *
doc_new (cairo_surface_t *surface, gboolean landscape, int total_pages)
{
  TdPrintDoc *doc = g_new0 (TdPrintDoc, 1);
  PangoContext *context;

  doc->surface = surface;
  doc->cr = cairo_create (surface);
  doc->layout = pango_cairo_create_layout (doc->cr);
  context = pango_layout_get_context (doc->layout);
  pango_context_set_language (context, pango_language_from_string ("zh-tw"));
  doc->page_width = landscape ? TD_PRINT_A4_HEIGHT : TD_PRINT_A4_WIDTH;
  doc->page_height = landscape ? TD_PRINT_A4_WIDTH : TD_PRINT_A4_HEIGHT;
  doc->total_pages = total_pages;
  doc->page = 1;
  cairo_set_line_width (doc->cr, 0.6);
  start_page (doc);
  return doc;
}

/* Finishes the last page and the surface; returns the number of pages. */
static int
doc_finish (TdPrintDoc *doc, cairo_status_t *status)
{
  int pages = doc->page;

  draw_footer (doc);
  cairo_show_page (doc->cr);
  g_object_unref (doc->layout);
  cairo_destroy (doc->cr);
  cairo_surface_finish (doc->surface);
  *status = cairo_surface_status (doc->surface);
  cairo_surface_destroy (doc->surface);
  g_free (doc);
  return pages;
}

/* One pass over @body onto @surface. Returns the page count, or -1 on error. */
static int
run_pass (cairo_surface_t *surface, gboolean landscape, int total_pages,
          TdPrintBodyFunc body, gpointer user_data, GError **error)
{
  TdPrintDoc *doc = doc_new (surface, landscape, total_pages);
  gboolean ok = body (doc, user_data, error);
  cairo_status_t status;
  int pages;

  g_clear_pointer (&doc->table, td_print_table_free);
  pages = doc_finish (doc, &status);
  if (!ok)
    return -1;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return -1;
    }
  return pages;
}

static cairo_surface_t *
pdf_surface_new (cairo_write_func_t write, void *closure, gboolean landscape, const char *title)
{
  cairo_surface_t *surface =
    cairo_pdf_surface_create_for_stream (write, closure,
                                         landscape ? TD_PRINT_A4_HEIGHT : TD_PRINT_A4_WIDTH,
                                         landscape ? TD_PRINT_A4_WIDTH : TD_PRINT_A4_HEIGHT);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Training Desk");
  return surface;
}

/* --- document ------------------------------------------------------------- */

gboolean
td_print_doc_render (GFile *output, const char *title, gboolean landscape,
                     TdPrintBodyFunc body, gpointer user_data, GError **error)
{
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GCancellable) abandon = NULL;
  int pages;

  if (!td_print_fonts_check (error))
    return FALSE;
  pages = run_pass (pdf_surface_new (discard_cb, NULL, landscape, title), landscape, 0,
                    body, user_data, error);
  if (pages < 0)
    return FALSE;

  stream = g_file_replace (output, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (run_pass (pdf_surface_new (write_stream_cb, stream, landscape, title), landscape, pages,
                body, user_data, error) < 0)
    {
      /* Closing with a cancelled cancellable leaves the old file (if any) in place. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

cairo_t *
td_print_doc_get_cairo (TdPrintDoc *doc)
{
  return doc->cr;
}

double
td_print_doc_left (TdPrintDoc *doc)
{
  return MARGIN_SIDE;
}

double
td_print_doc_width (TdPrintDoc *doc)
{
  return doc->page_width - 2 * MARGIN_SIDE;
}

double
td_print_doc_bottom (TdPrintDoc *doc)
{
  return doc->page_height - MARGIN_BOTTOM;
}

double
td_print_doc_get_y (TdPrintDoc *doc)
{
  return doc->y;
}

void
td_print_doc_set_y (TdPrintDoc *doc, double y)
{
  doc->y = y;
  doc->page_empty = FALSE;
}

void
td_print_doc_skip (TdPrintDoc *doc, double dy)
{
  td_print_doc_set_y (doc, doc->y + dy);
}

int
td_print_doc_page_number (TdPrintDoc *doc)
{
  return doc->page;
}

void
td_print_doc_set_page_header (TdPrintDoc *doc, TdPrintPageFunc func, gpointer user_data)
{
  doc->header = func;
  doc->header_data = user_data;
  if (doc->page_empty && doc->y == MARGIN_TOP && func != NULL)
    func (doc, user_data);
}

void
td_print_doc_new_page (TdPrintDoc *doc)
{
  draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  start_page (doc);
}

gboolean
td_print_doc_ensure_space (TdPrintDoc *doc, double height)
{
  if (doc->y + height <= td_print_doc_bottom (doc))
    return FALSE;
  td_print_doc_new_page (doc);
  return TRUE;
}

/* --- text and lines ------------------------------------------------------- */

double
td_print_measure (TdPrintDoc *doc, const char *text, double width, const TdPrintStyle *style)
{
  int h;

  apply_style (doc, width, style);
  set_layout_text (doc, text != NULL ? text : "", width, style->size);
  pango_layout_get_size (doc->layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

double
td_print_text (TdPrintDoc *doc, const char *text, double x, double y, double width,
               double height, const TdPrintStyle *style)
{
  double h = td_print_measure (doc, text, width, style);

  cairo_move_to (doc->cr, x, y + MAX (0, (height - h) / 2));
  pango_cairo_show_layout (doc->cr, doc->layout);
  return h;
}

void
td_print_paragraph (TdPrintDoc *doc, const char *text, const TdPrintStyle *style)
{
  double width = td_print_doc_width (doc);
  double h = td_print_measure (doc, text, width, style);

  td_print_doc_ensure_space (doc, h);
  td_print_text (doc, text, MARGIN_SIDE, doc->y, width, 0, style);
  td_print_doc_skip (doc, h);
}

void
td_print_rect (TdPrintDoc *doc, double x, double y, double width, double height)
{
  cairo_rectangle (doc->cr, x, y, width, height);
  cairo_stroke (doc->cr);
}

void
td_print_hline (TdPrintDoc *doc, double x1, double x2, double y, gboolean dashed)
{
  static const double dash[] = { 2.0, 2.0 };

  cairo_save (doc->cr);
  if (dashed)
    cairo_set_dash (doc->cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (doc->cr, x1, y);
  cairo_line_to (doc->cr, x2, y);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}

/* --- tables --------------------------------------------------------------- */

/* Height of a row of @cells (NULL = merged into the cell on the left). */
static double
measure_row (TdPrintTable *table, const char *const *cells, const TdPrintStyle *style)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      guint end = i + 1;

      if (cells[i] == NULL)
        continue;
      while (end < table->n_columns && cells[end] == NULL)
        end++;
      height = MAX (height, td_print_measure (table->doc, cells[i],
                                              table->x[end] - table->x[i] - 2 * CELL_PAD, style));
    }
  return height + 2 * CELL_PAD;
}

/* Draws the lines of @text that lie between @offset and @offset + @height (points
 * from the top of the text) at @y. Lines outside are not drawn at all, so a row split
 * over pages has each line once in the PDF and its text extracts cleanly. */
static void
draw_text_lines (TdPrintDoc *doc, const char *text, double x, double y, double width,
                 const TdPrintStyle *style, double offset, double height)
{
  PangoLayoutIter *iter;

  td_print_measure (doc, text, width, style);
  iter = pango_layout_get_iter (doc->layout);
  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = top + (double) logical.height / PANGO_SCALE;
      if (top < offset - 0.5 || bottom > offset + height + 0.5)
        continue;
      cairo_move_to (doc->cr, x + (double) logical.x / PANGO_SCALE,
                     y - offset + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (doc->cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Draws the part of a row from @offset (points into its cells' text) that is @height
 * tall. A whole row (@offset 0, not @sliced) centres its cells vertically; the slices of
 * a row split across pages show their text from the top, clipped to the slice. */
static void
draw_row_slice (TdPrintTable *table, const char *const *cells, double height, double offset,
                gboolean sliced, gboolean header)
{
  TdPrintDoc *doc = table->doc;

  for (guint i = 0; i < table->n_columns; i++)
    {
      TdPrintStyle style = { table->size, header, header ? TD_PRINT_ALIGN_CENTER : table->align[i],
                             TD_PRINT_WRAP };
      guint end = i + 1;
      double x, w;

      if (cells[i] == NULL)
        continue;
      while (end < table->n_columns && cells[end] == NULL)
        end++;
      /* A merged cell right of the first column holds running text (a list of names). */
      if (!header && i > 0 && end > i + 1)
        style.align = TD_PRINT_ALIGN_LEFT;
      x = table->x[i];
      w = table->x[end] - x;
      td_print_rect (doc, x, doc->y, w, height);
      if (sliced)
        draw_text_lines (doc, cells[i], x + CELL_PAD, doc->y + CELL_PAD, w - 2 * CELL_PAD,
                         &style, offset, height - 2 * CELL_PAD);
      else
        td_print_text (doc, cells[i], x + CELL_PAD, doc->y + CELL_PAD, w - 2 * CELL_PAD,
                       height - 2 * CELL_PAD, &style);
    }
  td_print_doc_skip (doc, height);
}

static void
draw_row (TdPrintTable *table, const char *const *cells, double height, gboolean header)
{
  draw_row_slice (table, cells, height, 0, FALSE, header);
}

/* Where the lines of the tallest cell of a row end (points from the top of its text):
 * the places a row split over pages may break. Every cell uses one font and size, so
 * the lines of the other cells end at the same places. */
static GArray *
row_line_ends (TdPrintTable *table, const char *const *cells, const TdPrintStyle *style)
{
  TdPrintDoc *doc = table->doc;
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (double));
  double tallest = -1;
  guint best = 0, best_end = 1;
  PangoLayoutIter *iter;

  for (guint i = 0; i < table->n_columns; i++)
    {
      guint end = i + 1;
      double h;

      if (cells[i] == NULL)
        continue;
      while (end < table->n_columns && cells[end] == NULL)
        end++;
      h = td_print_measure (doc, cells[i], table->x[end] - table->x[i] - 2 * CELL_PAD, style);
      if (h > tallest)
        tallest = h, best = i, best_end = end;
    }
  td_print_measure (doc, cells[best], table->x[best_end] - table->x[best] - 2 * CELL_PAD, style);
  iter = pango_layout_get_iter (doc->layout);
  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (ends, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return ends;
}

/* The furthest line end within @limit past @offset, or the next one when none is (a
 * line is never cut). */
static double
slice_end (GArray *ends, double offset, double limit, double text)
{
  double best = -1;

  for (guint i = 0; i < ends->len; i++)
    {
      double end = g_array_index (ends, double, i);

      if (end <= offset + 0.5)
        continue;
      if (end <= offset + limit)
        best = end;
      else
        return best > 0 ? best : -end;   /* negative: only fits on a fresh page */
    }
  /* Every line left fits; past the last one there is only the row's padding. */
  return text;
}

/* A row taller than a whole page goes on in slices, each ending on a line boundary. */
static void
draw_row_split (TdPrintTable *table, const char *const *cells, double height)
{
  TdPrintStyle style = { table->size, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  TdPrintDoc *doc = table->doc;
  g_autoptr (GArray) ends = row_line_ends (table, cells, &style);
  double text = height - 2 * CELL_PAD, offset = 0;

  while (offset < text - 0.5)
    {
      double room = td_print_doc_bottom (doc) - doc->y - 2 * CELL_PAD;
      double end = slice_end (ends, offset, room, text);
      gboolean fresh = doc->y <= doc->header_bottom + table->header_height + 0.5;

      if (end < 0 && !fresh)
        {
          td_print_doc_new_page (doc);
          continue;
        }
      end = MIN (fabs (end), text);
      /* Once every line is placed, padding below the last one is cut to the page rather
       * than carried to a page of its own. */
      draw_row_slice (table, cells,
                      (end >= text ? MIN (end - offset, MAX (room, 0)) : end - offset)
                        + 2 * CELL_PAD,
                      offset, TRUE, FALSE);
      offset = end;
      if (offset < text - 0.5)
        td_print_doc_new_page (doc);
    }
}

static void
draw_table_header (TdPrintTable *table)
{
  TdPrintStyle style = { table->size, TRUE, TD_PRINT_ALIGN_CENTER, TD_PRINT_WRAP };
  const char *const *cells = (const char *const *) table->headers;
  double height = measure_row (table, cells, &style);

  table->header_height = MAX (height, table->size * 2.2);
  draw_row (table, cells, table->header_height, TRUE);
}

TdPrintTable *
td_print_table_new (TdPrintDoc *doc, const TdPrintColumn *columns, guint n_columns, double size)
{
  TdPrintTable *table = g_new0 (TdPrintTable, 1);
  double total = 0, x = MARGIN_SIDE;

  g_return_val_if_fail (doc->table == NULL, NULL);
  table->doc = doc;
  table->n_columns = n_columns;
  table->size = size;
  table->x = g_new (double, n_columns + 1);
  table->headers = g_new0 (char *, n_columns + 1);
  table->align = g_new (TdPrintAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    total += columns[i].weight;
  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      x += td_print_doc_width (doc) * columns[i].weight / total;
      table->headers[i] = g_strdup (columns[i].header);
      table->align[i] = columns[i].align;
    }
  table->x[n_columns] = x;
  td_print_doc_ensure_space (doc, size * 8);
  draw_table_header (table);
  doc->table = table;
  return table;
}

void
td_print_table_row (TdPrintTable *table, const char *const *cells, double min_height)
{
  TdPrintStyle style = { table->size, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  double height = MAX (measure_row (table, cells, &style), min_height);
  TdPrintDoc *doc = table->doc;
  double fresh_page = td_print_doc_bottom (doc) - doc->header_bottom - table->header_height;

  /* A row moves to the next page whole when it fits there; only a row taller than a
   * page is split. */
  if (doc->y + height > td_print_doc_bottom (doc) && height <= fresh_page)
    td_print_doc_new_page (doc);
  if (doc->y + height <= td_print_doc_bottom (doc))
    draw_row (table, cells, height, FALSE);
  else
    draw_row_split (table, cells, height);
}

double
td_print_table_column_x (TdPrintTable *table, guint column)
{
  g_return_val_if_fail (column <= table->n_columns, 0);
  return table->x[column];
}

void
td_print_table_free (TdPrintTable *table)
{
  if (table == NULL)
    return;
  if (table->doc->table == table)
    table->doc->table = NULL;
  g_free (table->x);
  g_strfreev (table->headers);
  g_free (table->align);
  g_free (table);
}
