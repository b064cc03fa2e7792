/* td-print-fonts.h — is there a font that can print Traditional Chinese?
 *
 * Without one, Pango falls back to boxes ("tofu") and a form would look printed but be
 * unreadable. Every renderer asks first and fails with a clear error instead.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The font family list forms ask Pango for. */
#define TD_PRINT_FONT_FAMILY "Noto Sans CJK TC,Noto Sans TC,AR PL UMing TW,Noto Sans CJK SC,Sans"

/* TRUE when the fonts Pango's cairo font map finds cover the Traditional Chinese
 * characters forms print; otherwise TD_ERROR_INVALID "No Chinese font is installed
 * (install fonts-noto-cjk)". The answer is computed once per process: the font map
 * reads fontconfig's configuration ($FONTCONFIG_FILE) when it is first used. */
gboolean td_print_fonts_check (GError **error);

G_END_DECLS
