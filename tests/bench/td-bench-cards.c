/* td-bench-cards.c — how fast certificate cards render, against a bare loop.
 *
 * Renders N certificate cards (default 1,000; front and back) into one PDF through
 * td_card_render_pdf(), then draws the same text and QR codes on as many pages with a
 * bare cairo + Pango + libqrencode loop: no fitting, no table logic. Prints both times,
 * their ratio (the goal is ≤ 1.5×) and the PDF size per card. A benchmark, not a test:
 * it never fails on timings. Usage: td-bench-cards [--cards N] [--runs R]
 */
#include "config.h"

#define G_LOG_DOMAIN "td-bench-cards"

#include <cairo-pdf.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "td-card-renderer.h"

#define PT_PER_MM (72.0 / 25.4)

static const char *const surnames[] = { "陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊" };
static const char *const given[] = { "怡君", "志明", "淑芬", "家豪", "雅婷", "冠宇", "美玲", "俊傑" };

/* A code as long as a real one: URL, "#", 150 base64url characters. */
static char *
fake_code (guint i)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  g_autoptr (GString) code = g_string_new (NULL);
  guint32 state = 2166136261u ^ i;

  g_string_printf (code, "https://registry.example/verify/TD114%05u#", i + 1);
  for (guint k = 0; k < 150; k++)
    {
      state = state * 16777619u + 1013904223u;
      g_string_append_c (code, alphabet[(state >> 10) % 64]);
    }
  return g_string_free (g_steal_pointer (&code), FALSE);
}

static GPtrArray *
make_cards (guint n)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) td_card_free);

  for (guint i = 0; i < n; i++)
    {
      TdCard *card = td_card_new ();
      card->number = g_strdup_printf ("TD114%05u", i + 1);
      card->name = g_strconcat (surnames[i % 10], given[(i / 10) % 8], NULL);
      card->birth_date = g_strdup ("1985-07-28");
      card->national_id = g_strdup ("A123456789");
      card->unit_title = g_strdup ("財團法人臺灣安全衛生教育訓練基金會");
      card->category = g_strdup ("急救人員");
      card->start_date = g_strdup ("2025-02-10");
      card->end_date = g_strdup ("2025-02-12");
      card->issued_on = g_strdup ("2025-02-20");
      card->filing_ref = g_strdup ("勞職授字第1140201234號");
      card->code = fake_code (i);
      g_ptr_array_add (cards, card);
    }
  return cards;
}

static void
show_text (cairo_t *cr, PangoLayout *layout, const char *text, double x, double y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The QR code as td-card-renderer draws it: 8 × 8 pixels per module, scaled unsmoothed. */
static void
bare_qr (cairo_t *cr, const char *content, double x, double y, double size)
{
  QRcode *qr = QRcode_encodeString (content, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  int side = (qr->width + 4) * 8;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  memset (data, 0xff, (gsize) stride * side);
  for (int y = 0; y < side; y++)
    for (int x = 0; x < side; x++)
      {
        int r = y / 8 - 2, c = x / 8 - 2;
        if (r >= 0 && c >= 0 && r < qr->width && c < qr->width && (qr->data[r * qr->width + c] & 1))
          ((guint32 *) (data + y * stride))[x] = 0;
      }
  cairo_surface_mark_dirty (image);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / side, size / side);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  QRcode_free (qr);
}

/* The same strings, lines and QR code per card, drawn without layout logic. */
static void
bare_card (cairo_t *cr, PangoLayout *layout, const TdCard *c)
{
  const char *front[] = { "職業安全衛生教育訓練結業證書", "證字號", c->number, "補次", "0", "姓名",
                          c->name, "出生日期", "74年7月28日", "身分證統一編號", c->national_id,
                          "訓練單位", c->unit_title, "訓練種類", c->category, "訓練日期",
                          "114年2月10日至114年2月12日", "發證日期", "114年2月20日",
                          "主管機關備查文號", c->filing_ref, "相片黏貼處", "3 × 2.6 公分" };
  const char *back[] = { "在職教育訓練紀錄欄", "年度", "訓練名稱(時數)", "訓練單位", "章戳" };

  for (guint i = 0; i < G_N_ELEMENTS (front); i++)
    show_text (cr, layout, front[i], 3 + (i % 2) * 15, 3 + (i / 2) * 4.5);
  for (guint i = 0; i < 10; i++)
    {
      cairo_move_to (cr, 2.5, 3 + i * 5.5);
      cairo_line_to (cr, 55, 3 + i * 5.5);
    }
  cairo_stroke (cr);
  bare_qr (cr, c->code, 59, 33, 19.5);
  cairo_show_page (cr);
  for (guint i = 0; i < G_N_ELEMENTS (back); i++)
    show_text (cr, layout, back[i], 3 + i * 18, 3 + (i > 0) * 6);
  for (guint i = 0; i < 10; i++)
    {
      cairo_move_to (cr, 2.5, 3 + i * 5.5);
      cairo_line_to (cr, 82.5, 3 + i * 5.5);
    }
  cairo_stroke (cr);
  cairo_show_page (cr);
}

static cairo_status_t
count_cb (void *closure, const unsigned char *data, unsigned int length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static gsize
bare_loop (GPtrArray *cards)
{
  gsize size = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (count_cb, &size,
                                                                  TD_CARD_WIDTH_MM * PT_PER_MM,
                                                                  TD_CARD_HEIGHT_MM * PT_PER_MM);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout;
  PangoFontDescription *desc = pango_font_description_from_string (TD_CARD_FONT_FAMILY);

  cairo_scale (cr, PT_PER_MM, PT_PER_MM);
  layout = pango_cairo_create_layout (cr);
  pango_font_description_set_absolute_size (desc, 2.1 * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  for (guint i = 0; i < cards->len; i++)
    bare_card (cr, layout, g_ptr_array_index (cards, i));
  g_object_unref (layout);
  pango_font_description_free (desc);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return size;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  gint n = 1000, runs = 3;
  const GOptionEntry entries[] = {
    { "cards", 0, 0, G_OPTION_ARG_INT, &n, "How many cards (default 1000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions; the median is printed (default 3)", "R" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GPtrArray) cards = NULL;
  g_autofree double *ours = NULL;
  g_autofree double *bare = NULL;
  gsize pdf_size = 0, bare_size = 0;
  TdCardOptions options = { TD_CARD_LAYOUT_CARD, 0, 0 };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n < 1 || runs < 1)
    {
      g_printerr ("td-bench-cards: %s\n", error ? error->message : "--cards and --runs must be ≥ 1");
      return 2;
    }
  if (!td_card_check_font (TD_CARD_FONT_FAMILY, &error))
    {
      g_printerr ("td-bench-cards: %s\n", error->message);
      return 2;
    }
  cards = make_cards ((guint) n);
  ours = g_new (double, runs);
  bare = g_new (double, runs);
  for (int r = 0; r < runs; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (GBytes) pdf = td_card_render_pdf (cards, &options, &error);
      gint64 t1 = g_get_monotonic_time ();

      if (pdf == NULL)
        {
          g_printerr ("td-bench-cards: %s\n", error->message);
          return 1;
        }
      pdf_size = g_bytes_get_size (pdf);
      bare_size = bare_loop (cards);
      ours[r] = (t1 - t0) / 1e6;
      bare[r] = (g_get_monotonic_time () - t1) / 1e6;
    }
  qsort (ours, runs, sizeof (double), compare_doubles);
  qsort (bare, runs, sizeof (double), compare_doubles);
  printf ("cards:                %d (front and back, one PDF), median of %d runs\n", n, runs);
  printf ("td_card_render_pdf:   %.3f s   %.2f ms/card   %.1f KB/card   (%.1f MB)\n",
          ours[runs / 2], ours[runs / 2] * 1000 / n, pdf_size / 1024.0 / n,
          pdf_size / 1048576.0);
  printf ("bare cairo loop:      %.3f s   %.2f ms/card   %.1f KB/card\n", bare[runs / 2],
          bare[runs / 2] * 1000 / n, bare_size / 1024.0 / n);
  printf ("ratio:                %.2f× (goal ≤ 1.5×)\n", ours[runs / 2] / bare[runs / 2]);
  return 0;
}
