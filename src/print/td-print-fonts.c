/* td-print-fonts.c — checks that a Traditional Chinese font is installed */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "td-print-fonts.h"
#include "td-types.h"

/* Characters every form prints; a font lacking any of them would show boxes. */
static const char sample[] = "訓練單位簽到點名紀錄證書期別學員頁";

static gboolean
fontset_covers_sample (PangoFontset *fontset)
{
  for (const char *p = sample; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autoptr (PangoFont) font = pango_fontset_get_font (fontset, c);

      if (font == NULL || !pango_font_has_char (font, c))
        return FALSE;
    }
  return TRUE;
}

static gboolean
probe_fonts (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  /* Pango 1.50 defines no autoptr cleanup for contexts and fontsets. */
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (TD_PRINT_FONT_FAMILY " 10");
  PangoLanguage *language = pango_language_from_string ("zh-tw");
  PangoFontset *fontset;
  gboolean covered;

  pango_context_set_language (context, language);
  fontset = pango_font_map_load_fontset (map, context, desc, language);
  covered = fontset != NULL && fontset_covers_sample (fontset);
  g_clear_object (&fontset);
  g_object_unref (context);
  return covered;
}

gboolean
td_print_fonts_check (GError **error)
{
  static gsize checked = 0;
  static gboolean available = FALSE;

  if (g_once_init_enter (&checked))
    {
      available = probe_fonts ();
      g_once_init_leave (&checked, 1);
    }
  if (!available)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("No Chinese font is installed (install fonts-noto-cjk)."));
      return FALSE;
    }
  return TRUE;
}
