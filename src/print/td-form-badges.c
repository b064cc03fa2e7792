/* td-form-badges.c — a badge sheet for a course's roster: A4 pages of 2 × 5 badges with
 * cut marks, each with the unit, the course and its period, the trainee's name, roster
 * number and personal QR code (td-trainee-code.h) — never the national ID, so a badge
 * left on a table tells a finder nothing they could misuse.
 *
 * Trainees who have no personal code yet get one before anything is drawn, all in one
 * transaction: the page layout runs twice (td_print_doc_render) and must not write. */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "td-form-data.h"
#include "td-forms.h"
#include "td-trainee-code.h"

#define COLUMNS 2
#define ROWS 5
#define PER_PAGE (COLUMNS * ROWS)
#define PAD TD_PRINT_MM (4)
#define QR_SIDE TD_PRINT_MM (34)      /* about 1 mm a module: any phone or desk scanner reads it */
#define QR_PIXELS 8                   /* image pixels per module */
#define QUIET_ZONE 4                  /* modules (ISO/IEC 18004) */
#define MARK_GAP TD_PRINT_MM (1.5)    /* cut marks stop short of the cut */
#define MARK_LENGTH TD_PRINT_MM (4)
/* Room under the grid for the bottom cut marks, above the page footer. */
#define GRID_BOTTOM_GAP TD_PRINT_MM (10)

typedef struct {
  TdFormData *data;
  GPtrArray *badges;        /* TdEnrolment* that get a badge, by roster number */
  GHashTable *codes;        /* trainee id (gint64*) → current code */
  char *course_title;
  char *span;               /* "113/05/06–113/05/08" */
} BadgeSheet;

/* --- codes ------------------------------------------------------------------- */

/* The current code of everyone on @enrolments (issuing those missing), in one
 * transaction: either every badge has a code or nothing was written. */
static GHashTable *
collect_codes (TdStore *store, GPtrArray *enrolments, GError **error)
{
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!td_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (enrolments, i);
      char *code = td_trainee_code_get (store, e->trainee->id, error);

      if (code == NULL)
        {
          td_store_rollback (store);
          return NULL;
        }
      g_hash_table_insert (codes, g_memdup2 (&e->trainee->id, sizeof (gint64)), code);
    }
  if (!td_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&codes);
}

/* --- drawing ----------------------------------------------------------------- */

/* The symbol as an image with whole pixels per module, drawn scaled without smoothing:
 * sharp in any viewer and small in the PDF (as the certificate cards do it). */
static gboolean
draw_qr (cairo_t *cr, const char *content, double x, double y, double size, GError **error)
{
  QRcode *qr = QRcode_encodeString (content, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  cairo_surface_t *image;
  guint8 *pixels;
  int side, stride;

  if (qr == NULL)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The personal code “%s” does not fit in a QR code."), content),
           FALSE;
  side = (qr->width + 2 * QUIET_ZONE) * QR_PIXELS;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int row = 0; row < side; row++)
    for (int col = 0; col < side; col++)
      {
        int r = row / QR_PIXELS - QUIET_ZONE, c = col / QR_PIXELS - QUIET_ZONE;
        gboolean dark = r >= 0 && c >= 0 && r < qr->width && c < qr->width
                        && (qr->data[r * qr->width + c] & 1);

        ((guint32 *) (pixels + row * stride))[col] = dark ? 0x000000 : 0xffffff;
      }
  cairo_surface_mark_dirty (image);
  QRcode_free (qr);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / side, size / side);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, 0, 0, side, side);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  return TRUE;
}

/* Short marks where the cuts run, outside the grid, and small crosses where inner cuts
 * meet: the sheet is cut on a guillotine, and no line runs through a badge. */
static void
draw_cut_marks (cairo_t *cr, double left, double top, double w, double h)
{
  double right = left + COLUMNS * w, bottom = top + ROWS * h;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.4);
  for (int c = 0; c <= COLUMNS; c++)
    {
      double x = left + c * w;
      cairo_move_to (cr, x, top - MARK_GAP);
      cairo_line_to (cr, x, top - MARK_GAP - MARK_LENGTH);
      cairo_move_to (cr, x, bottom + MARK_GAP);
      cairo_line_to (cr, x, bottom + MARK_GAP + MARK_LENGTH);
    }
  for (int r = 0; r <= ROWS; r++)
    {
      double y = top + r * h;
      cairo_move_to (cr, left - MARK_GAP, y);
      cairo_line_to (cr, left - MARK_GAP - MARK_LENGTH, y);
      cairo_move_to (cr, right + MARK_GAP, y);
      cairo_line_to (cr, right + MARK_GAP + MARK_LENGTH, y);
    }
  for (int c = 1; c < COLUMNS; c++)
    for (int r = 1; r < ROWS; r++)
      {
        double x = left + c * w, y = top + r * h, arm = TD_PRINT_MM (1.5);
        cairo_move_to (cr, x - arm, y);
        cairo_line_to (cr, x + arm, y);
        cairo_move_to (cr, x, y - arm);
        cairo_line_to (cr, x, y + arm);
      }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The text column of one badge, top to bottom; @height is what it may use. */
static void
draw_badge_text (TdPrintDoc *doc, BadgeSheet *sheet, TdEnrolment *e, double x, double y,
                 double width, double height)
{
  TdPrintStyle unit = { 7, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  TdPrintStyle small = { 7.5, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_ELLIPSIZE };
  TdPrintStyle title = { 9.5, TRUE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  TdPrintStyle name = { 20, TRUE, TD_PRINT_ALIGN_LEFT, TD_PRINT_ELLIPSIZE };
  TdPrintStyle number = { 11, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_ELLIPSIZE };
  g_autofree char *period = NULL;
  g_autofree char *seq = g_strdup_printf ("序號 %d", e->seq);
  double name_h = td_print_measure (doc, e->trainee->name, width, &name);
  double number_h = td_print_measure (doc, seq, width, &number);
  double bottom = y + height;

  y += td_print_text (doc, td_form_str (sheet->data->unit->title), x, y, width, 0, &unit) + 2;
  /* A long course title steps down in size rather than run into the name. */
  while (title.size > 6.5 && td_print_measure (doc, sheet->course_title, width, &title) > 3 * title.size * 1.25)
    title.size -= 0.5;
  y += td_print_text (doc, sheet->course_title, x, y, width, 0, &title) + 1;
  period = sheet->data->course->period != NULL && sheet->data->course->period[0] != '\0'
             ? g_strdup_printf ("期別 %s　%s", sheet->data->course->period, sheet->span)
             : g_strdup (sheet->span);
  td_print_text (doc, period, x, y, width, 0, &small);
  td_print_text (doc, seq, x, bottom - number_h, width, 0, &number);
  td_print_text (doc, e->trainee->name, x, bottom - number_h - name_h, width, 0, &name);
}

static gboolean
draw_badge (TdPrintDoc *doc, BadgeSheet *sheet, TdEnrolment *e, double x, double y, double w,
            double h, GError **error)
{
  const char *code = g_hash_table_lookup (sheet->codes, &e->trainee->id);
  double qr_x = x + w - PAD - QR_SIDE, qr_y = y + (h - QR_SIDE) / 2;

  draw_badge_text (doc, sheet, e, x + PAD, y + PAD, qr_x - x - PAD - TD_PRINT_MM (2),
                   h - 2 * PAD);
  return draw_qr (td_print_doc_get_cairo (doc), code, qr_x, qr_y, QR_SIDE, error);
}

static gboolean
badges_body (TdPrintDoc *doc, gpointer user_data, GError **error)
{
  BadgeSheet *sheet = user_data;
  double left = td_print_doc_left (doc);
  double w = td_print_doc_width (doc) / COLUMNS;

  for (guint i = 0; i < sheet->badges->len; i++)
    {
      guint slot = i % PER_PAGE;
      double top, h;

      if (slot == 0 && i > 0)
        td_print_doc_new_page (doc);
      top = td_print_doc_get_y (doc);
      h = (td_print_doc_bottom (doc) - GRID_BOTTOM_GAP - top) / ROWS;
      if (slot == 0)
        draw_cut_marks (td_print_doc_get_cairo (doc), left, top, w, h);
      if (!draw_badge (doc, sheet, g_ptr_array_index (sheet->badges, i),
                       left + (slot % COLUMNS) * w, top + (slot / COLUMNS) * h, w, h, error))
        return FALSE;
    }
  return TRUE;
}

/* --- public API --------------------------------------------------------------- */

static GPtrArray *
badge_enrolments (TdFormData *data)
{
  GPtrArray *badges = g_ptr_array_new ();

  /* Someone dismissed (退訓) is refused at the desk: no badge for them. */
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);
      if (e->status != TD_ENROLMENT_DISMISSED)
        g_ptr_array_add (badges, e);
    }
  return badges;
}

gboolean
td_form_render_badges (TdStore *store, gint64 course_id, GFile *output, GError **error)
{
  g_autoptr (TdFormData) data = td_form_data_load (store, course_id, error);
  g_autoptr (GPtrArray) badges = NULL;
  g_autoptr (GHashTable) codes = NULL;
  g_autofree char *course_title = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *span = NULL;
  BadgeSheet sheet;

  if (data == NULL)
    return FALSE;
  badges = badge_enrolments (data);
  if (badges->len == 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The course has nobody on its roster: there are no badges to print.")),
           FALSE;
  codes = collect_codes (store, badges, error);
  if (codes == NULL)
    return FALSE;
  course_title = g_strdup (td_form_str (data->course->title));
  from = td_form_roc_short (data->course->start_date);
  to = td_form_roc_short (data->course->end_date);
  span = g_strcmp0 (from, to) == 0 ? g_strdup (from) : g_strdup_printf ("%s–%s", from, to);
  sheet = (BadgeSheet) { data, badges, codes, course_title, span };
  return td_print_doc_render (output, "學員識別證", FALSE, badges_body, &sheet, error);
}
