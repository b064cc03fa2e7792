/* td-card-renderer.c — certificate cards (附表十) with cairo, pango and libqrencode
 *
 * Drawing is in millimetres: the PDF's points are scaled once per page, and Pango sizes
 * are absolute sizes in the same unit, so the layout below reads as the form's measures.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <string.h>

#include "td-card-renderer.h"
#include "td-catalogue.h"
#include "td-certificates.h"
#include "td-roc-date.h"
#include "td-settings.h"

#define PT_PER_MM (72.0 / 25.4)
#define A4_WIDTH_MM 210.0
#define A4_HEIGHT_MM 297.0
#define A4_COLUMNS 2
#define A4_ROWS 4
#define A4_GUTTER_MM 10.0
#define CROP_GAP_MM 1.0
#define CROP_LENGTH_MM 3.5

#define MARGIN 2.5
#define TABLE_RIGHT 55.0
#define TITLE_BOTTOM 8.5
#define ROW_HEIGHT 5.5
#define LABEL_WIDTH 15.5
#define PHOTO_X 56.0
#define PHOTO_W 26.0
#define PHOTO_H 30.0
#define QR_SIZE 19.5
#define RECORD_ROWS 7
#define QR_PIXELS 8

/* Characters the card prints; a font lacking any of them would show boxes. */
static const char font_sample[] = "職業安全衛生教育訓練結業證書證字號補次姓名出生日期身分統一編號"
                                  "單位種類發主管機關備查文相片在紀錄欄年度時數章戳";

typedef enum { ALIGN_START, ALIGN_CENTER } Align;

/* A batch's progress report and cancellation; NULL where nobody watches. */
typedef struct {
  TdCardProgressFunc progress;
  gpointer progress_data;
  GCancellable *cancellable;
} Job;

/* --- values ---------------------------------------------------------------------------- */

static void
card_record_free (TdCardRecord *record)
{
  g_free (record->title);
  g_free (record->unit);
  g_free (record);
}

TdCard *
td_card_new (void)
{
  TdCard *card = g_new0 (TdCard, 1);
  card->records = g_ptr_array_new_with_free_func ((GDestroyNotify) card_record_free);
  return card;
}

void
td_card_free (TdCard *card)
{
  if (card == NULL)
    return;
  g_free (card->number);
  g_free (card->name);
  g_free (card->birth_date);
  g_free (card->national_id);
  g_free (card->unit_title);
  g_free (card->category);
  g_free (card->start_date);
  g_free (card->end_date);
  g_free (card->issued_on);
  g_free (card->filing_ref);
  g_clear_pointer (&card->photo, g_bytes_unref);
  g_free (card->code);
  g_ptr_array_unref (card->records);
  g_free (card);
}

gboolean
td_card_layout_from_string (const char *text, TdCardLayout *out)
{
  if (g_strcmp0 (text, "card") == 0)
    *out = TD_CARD_LAYOUT_CARD;
  else if (g_strcmp0 (text, "a4") == 0)
    *out = TD_CARD_LAYOUT_A4;
  else
    return FALSE;
  return TRUE;
}

/* --- fonts --------------------------------------------------------------------------------- */

static gboolean
font_covers_sample (PangoFont *font)
{
  for (const char *p = font_sample; *p != '\0'; p = g_utf8_next_char (p))
    if (!pango_font_has_char (font, g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* fontconfig answers a missing family with its best match for the language, which
 * can be some other CJK font with other metrics than the card was laid out for. */
static gboolean
font_is_family (PangoFont *font, const char *family)
{
  PangoFontDescription *desc = pango_font_describe (font);
  gboolean same = g_ascii_strcasecmp (pango_font_description_get_family (desc), family) == 0;

  pango_font_description_free (desc);
  return same;
}

gboolean
td_card_check_font (const char *family, GError **error)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr (PangoFontDescription) desc = pango_font_description_new ();
  PangoFont *font;
  gboolean covered;

  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, 10 * PANGO_SCALE);
  pango_context_set_language (context, pango_language_from_string ("zh-tw"));
  /* One font, not a fallback set: the one the layout uses must have every character. */
  font = pango_font_map_load_font (map, context, desc);
  covered = font != NULL && font_is_family (font, family) && font_covers_sample (font);
  g_clear_object (&font);
  g_object_unref (context);
  if (!covered)
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _("The font “%s” is not installed or has no Traditional Chinese characters, so "
                   "the certificate would print empty boxes. Install fonts-noto-cjk."), family);
  return covered;
}

/* --- drawing helpers --------------------------------------------------------------------------- */

/* What every side draws with: the cairo context and one reused Pango layout. Glyph
 * positions are not rounded: the user unit is a millimetre, and rounding to whole
 * units would space characters a millimetre apart. */
typedef struct {
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *desc;
} Painter;

static void
painter_init (Painter *p, cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-tw"));
  p->cr = cr;
  p->layout = pango_layout_new (context);
  p->desc = pango_font_description_from_string (TD_CARD_FONT_FAMILY);
  pango_layout_set_wrap (p->layout, PANGO_WRAP_WORD_CHAR);
  cairo_font_options_destroy (options);
  g_object_unref (context);
}

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->layout);
  g_clear_pointer (&p->desc, pango_font_description_free);
}

/* Sets @size and returns the layout's extent in mm. */
static void
measure (Painter *p, double size, double *w, double *h)
{
  int lw = 0, lh = 0;

  pango_font_description_set_absolute_size (p->desc, size * PANGO_SCALE);
  pango_layout_set_font_description (p->layout, p->desc);
  pango_layout_get_size (p->layout, &lw, &lh);
  *w = (double) lw / PANGO_SCALE;
  *h = (double) lh / PANGO_SCALE;
}

/* Draws @text inside the box, centred vertically: on one line at @size mm or down to
 * 70 % of it; else wrapped onto two lines, shrinking until they fit. */
static void
draw_text (Painter *p, const char *text, double x, double y, double w, double h, double size,
           gboolean bold, Align align)
{
  const double inner = w - 1.0;
  double tw, th, s;

  pango_font_description_set_weight (p->desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_text (p->layout, text ? text : "", -1);
  pango_layout_set_width (p->layout, -1);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_LEFT);
  for (s = size; s >= size * 0.7; s *= 0.95)
    {
      measure (p, s, &tw, &th);
      if (tw <= inner && th <= h)
        break;
    }
  if (s < size * 0.7)
    {
      pango_layout_set_width (p->layout, (int) (inner * PANGO_SCALE));
      for (s = size; s > 0.8; s *= 0.95)
        {
          measure (p, s, &tw, &th);
          if (th <= h - 0.3 && pango_layout_get_line_count (p->layout) <= 2)
            break;
        }
    }
  /* Centre one line by its width, wrapped lines within the box. */
  if (pango_layout_get_width (p->layout) >= 0)
    pango_layout_set_alignment (p->layout,
                                align == ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  else if (align == ALIGN_CENTER)
    x += (w - MIN (tw, inner)) / 2 - 0.5;
  pango_cairo_update_layout (p->cr, p->layout);
  cairo_move_to (p->cr, x + 0.5, y + (h - th) / 2);
  pango_cairo_show_layout (p->cr, p->layout);
}

static void
stroke_rect (cairo_t *cr, double x, double y, double w, double h, double line)
{
  cairo_set_line_width (cr, line);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
}

static void
hline (cairo_t *cr, double x0, double x1, double y)
{
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
}

static void
vline (cairo_t *cr, double x, double y0, double y1)
{
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
}

/* The QR code as an image of QR_PIXELS × QR_PIXELS pixels per module, with a quiet zone
 * of two modules. Viewers that smooth enlarged images regardless of /Interpolate false
 * (poppler's Splash) then only soften the edges of each module, not the whole code. */
static cairo_surface_t *
qr_surface (const QRcode *qr)
{
  int side = (qr->width + 4) * QR_PIXELS;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int row = 0; row < side; row++)
    for (int col = 0; col < side; col++)
      {
        int r = row / QR_PIXELS - 2, c = col / QR_PIXELS - 2;
        gboolean dark = r >= 0 && c >= 0 && r < qr->width && c < qr->width &&
                        (qr->data[r * qr->width + c] & 1);
        ((guint32 *) (data + row * stride))[col] = dark ? 0x000000 : 0xffffff;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Scaled to @size mm without smoothing. An image keeps the PDF small and fast to write:
 * a path of rectangles per module costs ten times the bytes and the time. */
static gboolean
draw_qr (cairo_t *cr, const char *content, double x, double y, double size, GError **error)
{
  QRcode *qr = QRcode_encodeString (content, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  cairo_surface_t *image;
  double side;

  if (qr == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The certificate code is too long for a QR code (%zu bytes)."),
                   strlen (content));
      return FALSE;
    }
  image = qr_surface (qr);
  side = (qr->width + 4) * QR_PIXELS;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / side, size / side);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, 0, 0, side, side);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  QRcode_free (qr);
  return TRUE;
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf), in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  guint8 *out = cairo_image_surface_get_data (surface);
  int out_stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int row = 0; row < h; row++)
    for (int col = 0; col < w; col++)
      {
        const guint8 *p = in + row * in_stride + col * channels;
        guint32 *q = (guint32 *) (out + row * out_stride) + col;
        *q = ((guint32) p[0] << 16) | ((guint32) p[1] << 8) | p[2];
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The photo scaled to cover the box, cropped at the centre. FALSE when it is no image. */
static gboolean
draw_photo (cairo_t *cr, GBytes *photo, double x, double y, double w, double h)
{
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_bytes (photo);
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (in, NULL, NULL);
  cairo_surface_t *surface;
  double scale;

  if (pixbuf == NULL)
    return FALSE;
  surface = surface_from_pixbuf (pixbuf);
  scale = MAX (w / gdk_pixbuf_get_width (pixbuf), h / gdk_pixbuf_get_height (pixbuf));
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x + (w - gdk_pixbuf_get_width (pixbuf) * scale) / 2,
                   y + (h - gdk_pixbuf_get_height (pixbuf) * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
  return TRUE;
}

/* --- the two sides ------------------------------------------------------------------------------ */

/* "113年5月6日": the ROC date without the 民國 the long format starts with. */
static char *
roc_date (const char *iso)
{
  g_autofree char *text = iso ? td_roc_date_format (iso, TD_ROC_FORMAT_LONG) : NULL;

  if (text == NULL)
    return g_strdup ("");
  return g_strdup (g_str_has_prefix (text, "民國") ? text + strlen ("民國") : text);
}

typedef struct {
  const char *label;
  double label_w;
  char *value;
  double value_w;
} Cell;

/* One table row of label/value pairs from the left edge. */
static void
draw_row (Painter *p, double y, const Cell *cells, guint n)
{
  cairo_t *cr = p->cr;
  double x = MARGIN;

  for (guint i = 0; i < n; i++)
    {
      draw_text (p, cells[i].label, x, y, cells[i].label_w, ROW_HEIGHT, 1.9, FALSE, ALIGN_CENTER);
      x += cells[i].label_w;
      vline (cr, x, y, y + ROW_HEIGHT);
      draw_text (p, cells[i].value, x, y, cells[i].value_w, ROW_HEIGHT, 2.1, FALSE, ALIGN_START);
      x += cells[i].value_w;
      if (i + 1 < n)
        vline (cr, x, y, y + ROW_HEIGHT);
    }
  hline (cr, MARGIN, TABLE_RIGHT, y + ROW_HEIGHT);
  cairo_set_line_width (cr, 0.15);
  cairo_stroke (cr);
}

static void
draw_front_rows (Painter *p, const TdCard *card)
{
  const double full = TABLE_RIGHT - MARGIN - LABEL_WIDTH;
  g_autofree char *reissue = g_strdup_printf ("%d", card->reissue_count);
  g_autofree char *start = roc_date (card->start_date);
  g_autofree char *end = roc_date (card->end_date);
  g_autofree char *dates = g_strdup_printf ("%s至%s", start, end);
  g_autofree char *birth = roc_date (card->birth_date);
  g_autofree char *issued = roc_date (card->issued_on);
  const Cell rows[][2] = {
    { { "證字號", LABEL_WIDTH, card->number, 24 }, { "補次", 7, reissue, full - 31 } },
    { { "姓名", LABEL_WIDTH, card->name, 16 }, { "出生日期", 8, birth, full - 24 } },
    { { "身分證統一編號", LABEL_WIDTH, card->national_id, full } },
    { { "訓練單位", LABEL_WIDTH, card->unit_title, full } },
    { { "訓練種類", LABEL_WIDTH, card->category, full } },
    { { "訓練日期", LABEL_WIDTH, dates, full } },
    { { "發證日期", LABEL_WIDTH, issued, full } },
    { { "主管機關備查文號", LABEL_WIDTH, card->filing_ref, full } },
  };
  const guint widths[] = { 2, 2, 1, 1, 1, 1, 1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    draw_row (p, TITLE_BOTTOM + i * ROW_HEIGHT, rows[i], widths[i]);
}

static gboolean
draw_front (Painter *p, const TdCard *card, GError **error)
{
  cairo_t *cr = p->cr;
  const double photo_y = MARGIN;
  const double qr_y = TD_CARD_HEIGHT_MM - MARGIN - QR_SIZE;

  cairo_set_source_rgb (cr, 0, 0, 0);
  stroke_rect (cr, MARGIN, MARGIN, TABLE_RIGHT - MARGIN, TD_CARD_HEIGHT_MM - 2 * MARGIN, 0.3);
  draw_text (p, "職業安全衛生教育訓練結業證書", MARGIN, MARGIN, TABLE_RIGHT - MARGIN,
             TITLE_BOTTOM - MARGIN, 2.6, TRUE, ALIGN_CENTER);
  hline (cr, MARGIN, TABLE_RIGHT, TITLE_BOTTOM);
  cairo_set_line_width (cr, 0.15);
  cairo_stroke (cr);
  draw_front_rows (p, card);

  if (card->photo == NULL || !draw_photo (cr, card->photo, PHOTO_X, photo_y, PHOTO_W, PHOTO_H))
    {
      draw_text (p, "相片黏貼處", PHOTO_X, photo_y + 9, PHOTO_W, 6, 2.2, FALSE, ALIGN_CENTER);
      draw_text (p, "3 × 2.6 公分", PHOTO_X, photo_y + 15, PHOTO_W, 5, 1.8, FALSE, ALIGN_CENTER);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  stroke_rect (cr, PHOTO_X, photo_y, PHOTO_W, PHOTO_H, 0.2);
  return draw_qr (cr, card->code, PHOTO_X + (PHOTO_W - QR_SIZE) / 2, qr_y, QR_SIZE, error);
}

static void
draw_back (Painter *p, const TdCard *card)
{
  cairo_t *cr = p->cr;
  const double right = TD_CARD_WIDTH_MM - MARGIN;
  const double cols[] = { MARGIN, 13.0, 45.0, 70.0, right };
  const char *heads[] = { "年度", "訓練名稱(時數)", "訓練單位", "章戳" };
  const double header_bottom = TITLE_BOTTOM + ROW_HEIGHT;
  const double bottom = header_bottom + RECORD_ROWS * ROW_HEIGHT;

  cairo_set_source_rgb (cr, 0, 0, 0);
  stroke_rect (cr, MARGIN, MARGIN, right - MARGIN, bottom - MARGIN, 0.3);
  draw_text (p, "在職教育訓練紀錄欄", MARGIN, MARGIN, right - MARGIN, TITLE_BOTTOM - MARGIN, 2.6,
             TRUE, ALIGN_CENTER);
  for (guint c = 0; c < 4; c++)
    draw_text (p, heads[c], cols[c], TITLE_BOTTOM, cols[c + 1] - cols[c], ROW_HEIGHT, 1.9, FALSE,
               ALIGN_CENTER);
  for (guint r = 0; r < MIN (card->records->len, RECORD_ROWS); r++)
    {
      const TdCardRecord *rec = g_ptr_array_index (card->records, r);
      double y = header_bottom + r * ROW_HEIGHT;
      g_autofree char *year = g_strdup_printf ("%d", rec->roc_year);
      g_autofree char *title = g_strdup_printf ("%s(%g)", rec->title, rec->minutes / 60.0);
      draw_text (p, year, cols[0], y, cols[1] - cols[0], ROW_HEIGHT, 1.9, FALSE, ALIGN_CENTER);
      draw_text (p, title, cols[1], y, cols[2] - cols[1], ROW_HEIGHT, 1.9, FALSE, ALIGN_START);
      draw_text (p, rec->unit, cols[2], y, cols[3] - cols[2], ROW_HEIGHT, 1.9, FALSE, ALIGN_START);
    }
  for (guint r = 0; r <= RECORD_ROWS; r++)
    hline (cr, MARGIN, right, TITLE_BOTTOM + r * ROW_HEIGHT);
  for (guint c = 1; c < 4; c++)
    vline (cr, cols[c], TITLE_BOTTOM, bottom);
  cairo_set_line_width (cr, 0.15);
  cairo_stroke (cr);
}

/* --- pages ------------------------------------------------------------------------------------ */

/* Four corner marks just outside the card, for the guillotine. */
static void
draw_crop_marks (cairo_t *cr, double x, double y)
{
  const double xs[] = { x, x + TD_CARD_WIDTH_MM };
  const double ys[] = { y, y + TD_CARD_HEIGHT_MM };

  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;
        hline (cr, xs[i] + dx * CROP_GAP_MM, xs[i] + dx * (CROP_GAP_MM + CROP_LENGTH_MM), ys[j]);
        vline (cr, xs[i], ys[j] + dy * CROP_GAP_MM, ys[j] + dy * (CROP_GAP_MM + CROP_LENGTH_MM));
      }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.1);
  cairo_stroke (cr);
}

/* Top-left corner of slot @slot on an A4 sheet; backs are mirrored left–right so that
 * after a long-edge flip each back lies behind its front. */
static void
a4_slot_origin (guint slot, gboolean back, double *x, double *y)
{
  const double block_w = A4_COLUMNS * TD_CARD_WIDTH_MM + (A4_COLUMNS - 1) * A4_GUTTER_MM;
  const double block_h = A4_ROWS * TD_CARD_HEIGHT_MM + (A4_ROWS - 1) * A4_GUTTER_MM;
  guint col = slot % A4_COLUMNS, row = slot / A4_COLUMNS;

  if (back)
    col = A4_COLUMNS - 1 - col;
  *x = (A4_WIDTH_MM - block_w) / 2 + col * (TD_CARD_WIDTH_MM + A4_GUTTER_MM);
  *y = (A4_HEIGHT_MM - block_h) / 2 + row * (TD_CARD_HEIGHT_MM + A4_GUTTER_MM);
}

static gboolean
draw_side (Painter *p, const TdCard *card, gboolean back, double x, double y, GError **error)
{
  cairo_t *cr = p->cr;
  gboolean ok = TRUE;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (back)
    draw_back (p, card);
  else
    ok = draw_front (p, card, error);
  cairo_restore (cr);
  return ok;
}

/* Starts a page of @w × @h mm with the calibration offset applied. */
static void
begin_page (cairo_t *cr, cairo_surface_t *surface, double w, double h,
            const TdCardOptions *options)
{
  cairo_pdf_surface_set_size (surface, w * PT_PER_MM, h * PT_PER_MM);
  cairo_identity_matrix (cr);
  cairo_scale (cr, PT_PER_MM, PT_PER_MM);
  cairo_translate (cr, options->offset_x_mm, options->offset_y_mm);
}

/* Reports one more card done, or stops with G_IO_ERROR_CANCELLED. */
static gboolean
job_step (const Job *job, TdCardStage stage, guint done, guint total, GError **error)
{
  if (job == NULL)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  if (job->progress != NULL)
    job->progress (stage, done, total, job->progress_data);
  return TRUE;
}

static gboolean
render_cards (Painter *p, cairo_surface_t *surface, GPtrArray *cards,
              const TdCardOptions *options, const Job *job, GError **error)
{
  cairo_t *cr = p->cr;

  for (guint i = 0; i < cards->len; i++)
    {
      for (guint side = 0; side < 2; side++)
        {
          begin_page (cr, surface, TD_CARD_WIDTH_MM, TD_CARD_HEIGHT_MM, options);
          if (!draw_side (p, g_ptr_array_index (cards, i), side == 1, 0, 0, error))
            return FALSE;
          cairo_show_page (cr);
        }
      if (!job_step (job, TD_CARD_STAGE_DRAWING, i + 1, cards->len, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
render_a4 (Painter *p, cairo_surface_t *surface, GPtrArray *cards, const TdCardOptions *options,
           const Job *job, GError **error)
{
  cairo_t *cr = p->cr;
  const guint per_sheet = A4_COLUMNS * A4_ROWS;

  for (guint first = 0; first < cards->len; first += per_sheet)
    for (guint side = 0; side < 2; side++)
      {
        begin_page (cr, surface, A4_WIDTH_MM, A4_HEIGHT_MM, options);
        for (guint slot = 0; slot < per_sheet && first + slot < cards->len; slot++)
          {
            double x, y;
            a4_slot_origin (slot, side == 1, &x, &y);
            draw_crop_marks (cr, x, y);
            if (!draw_side (p, g_ptr_array_index (cards, first + slot), side == 1, x, y, error))
              return FALSE;
            /* Each card counts once: when its back is drawn. */
            if (side == 1 &&
                !job_step (job, TD_CARD_STAGE_DRAWING, first + slot + 1, cards->len, error))
              return FALSE;
          }
        cairo_show_page (cr);
      }
  return TRUE;
}

static cairo_status_t
append_to_buffer_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_pdf (GPtrArray *cards, const TdCardOptions *options, const Job *job, GError **error)
{
  g_autoptr (GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  Painter painter;
  gboolean ok;
  cairo_status_t status;

  if (!td_card_check_font (TD_CARD_FONT_FAMILY, error))
    return NULL;
  surface = cairo_pdf_surface_create_for_stream (append_to_buffer_cb, buffer,
                                                 TD_CARD_WIDTH_MM * PT_PER_MM,
                                                 TD_CARD_HEIGHT_MM * PT_PER_MM);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "結業證書");
  cr = cairo_create (surface);
  painter_init (&painter, cr);
  if (options->layout == TD_CARD_LAYOUT_A4)
    ok = render_a4 (&painter, surface, cards, options, job, error);
  else
    ok = render_cards (&painter, surface, cards, options, job, error);
  painter_clear (&painter);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      ok = FALSE;
    }
  return ok ? g_byte_array_free_to_bytes (g_steal_pointer (&buffer)) : NULL;
}

GBytes *
td_card_render_pdf (GPtrArray *cards, const TdCardOptions *options, GError **error)
{
  return render_pdf (cards, options, NULL, error);
}

/* --- from the store ------------------------------------------------------------------------------ */

static int
course_minutes (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (GPtrArray) sessions = td_store_list_sessions (store, course_id, error);
  int minutes = 0;

  if (sessions == NULL)
    return -1;
  for (guint i = 0; i < sessions->len; i++)
    minutes += ((TdSession *) g_ptr_array_index (sessions, i))->minutes;
  return minutes;
}

/* In-service courses (OSH art. 18) the holder completed after this certificate's course,
 * oldest first: the OSH rules have them recorded on the back of the card (格式十一). */
static gboolean
collect_records (TdStore *store, TdCourse *course, gint64 trainee_id, const char *unit,
                 GPtrArray *records, GError **error)
{
  g_autoptr (GPtrArray) courses = td_store_list_trainee_courses (store, trainee_id, error);
  g_autofree char *ref = g_strdup_printf ("%" G_GINT64_FORMAT, trainee_id);

  if (courses == NULL)
    return FALSE;
  for (guint i = courses->len; i-- > 0;)
    {
      TdCourse *c = g_ptr_array_index (courses, i);
      g_autoptr (TdEnrolment) e = NULL;
      TdCardRecord *rec;
      int minutes;

      if (c->id == course->id || c->kind != TD_COURSE_KIND_IN_SERVICE ||
          g_strcmp0 (c->end_date, course->end_date) < 0)
        continue;
      if ((e = td_store_find_enrolment (store, c->id, ref, error)) == NULL ||
          (minutes = course_minutes (store, c->id, error)) < 0)
        return FALSE;
      if (e->status != TD_ENROLMENT_PASSED && e->status != TD_ENROLMENT_COMPLETED)
        continue;
      rec = g_new0 (TdCardRecord, 1);
      rec->roc_year = (int) g_ascii_strtoll (c->end_date, NULL, 10) - 1911;
      rec->title = g_strdup (c->title);
      rec->minutes = minutes;
      rec->unit = g_strdup (unit);
      g_ptr_array_add (records, rec);
    }
  return TRUE;
}

static char *
category_name (TdCourse *course)
{
  g_autoptr (TdCatalogue) catalogue = td_catalogue_load_default (NULL);
  const TdCategory *category = catalogue ? td_catalogue_lookup (catalogue, course->category) : NULL;

  return g_strdup (category ? category->name : course->category);
}

static TdCard *
card_for_certificate (TdStore *store, TdCourse *course, TdCertificate *cert, const TdUnit *unit,
                      const char *category, GError **error)
{
  g_autoptr (TdTrainee) trainee = td_store_get_trainee (store, cert->trainee_id, error);
  g_autoptr (TdCard) card = td_card_new ();
  g_autoptr (GError) photo_error = NULL;

  if (trainee == NULL)
    return NULL;
  card->number = g_strdup (cert->number);
  card->reissue_count = cert->reissue_count;
  card->name = g_strdup (trainee->name);
  card->birth_date = g_strdup (trainee->birth_date);
  card->national_id = g_strdup (trainee->national_id);
  card->unit_title = g_strdup (unit->title);
  card->category = g_strdup (category);
  card->start_date = g_strdup (course->start_date);
  card->end_date = g_strdup (course->end_date);
  card->issued_on = g_strdup (cert->issued_on);
  card->filing_ref = g_strdup (course->filing_ref);
  card->code = g_strdup (cert->code);
  if (trainee->has_photo &&
      (card->photo = td_store_get_trainee_photo (store, trainee->id, NULL, &photo_error)) == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&photo_error));
      return NULL;
    }
  if (!collect_records (store, course, trainee->id, unit->title, card->records, error))
    return NULL;
  return g_steal_pointer (&card);
}

static GPtrArray *
collect_course (TdStore *store, gint64 course_id, const Job *job, GError **error)
{
  g_autoptr (TdCourse) course = td_store_get_course (store, course_id, error);
  g_autoptr (TdUnit) unit = course ? td_store_get_unit (store, error) : NULL;
  g_autoptr (GPtrArray) certs = unit ? td_certificates_list_for_course (store, course_id, TRUE,
                                                                        error) : NULL;
  g_autoptr (GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) td_card_free);
  g_autofree char *category = NULL;

  if (certs == NULL)
    return NULL;
  category = category_name (course);
  for (guint i = 0; i < certs->len; i++)
    {
      TdCard *card = card_for_certificate (store, course, g_ptr_array_index (certs, i), unit,
                                           category, error);
      if (card == NULL)
        return NULL;
      g_ptr_array_add (cards, card);
      if (!job_step (job, TD_CARD_STAGE_COLLECTING, i + 1, certs->len, error))
        return NULL;
    }
  return g_steal_pointer (&cards);
}

GPtrArray *
td_card_collect_course (TdStore *store, gint64 course_id, GError **error)
{
  return collect_course (store, course_id, NULL, error);
}

static gboolean
read_offset (TdStore *store, const char *key, double *value, GError **error)
{
  g_autofree char *text = td_settings_get (store, key);
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || *value < -20 || *value > 20)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The setting %s (“%s”) must be a number of millimetres from −20 to 20."),
                   key, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
render_course (TdStore *store, gint64 course_id, TdCardLayout layout, GFile *file,
               const Job *job, GError **error)
{
  TdCardOptions options = { layout, 0, 0 };
  g_autoptr (GPtrArray) cards = NULL;
  g_autoptr (GBytes) pdf = NULL;
  GCancellable *cancellable = job != NULL ? job->cancellable : NULL;

  if (!read_offset (store, TD_SETTING_PRINT_OFFSET_X, &options.offset_x_mm, error) ||
      !read_offset (store, TD_SETTING_PRINT_OFFSET_Y, &options.offset_y_mm, error) ||
      (cards = collect_course (store, course_id, job, error)) == NULL)
    return FALSE;
  if (cards->len == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _("The course has no valid certificates to print; issue them first."));
      return FALSE;
    }
  if ((pdf = render_pdf (cards, &options, job, error)) == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

gboolean
td_card_render_course (TdStore *store, gint64 course_id, TdCardLayout layout, GFile *file,
                       GError **error)
{
  return render_course (store, course_id, layout, file, NULL, error);
}

gboolean
td_card_render_course_full (TdStore *store, gint64 course_id, TdCardLayout layout, GFile *file,
                            TdCardProgressFunc progress, gpointer progress_data,
                            GCancellable *cancellable, GError **error)
{
  const Job job = { progress, progress_data, cancellable };

  return render_course (store, course_id, layout, file, &job, error);
}
