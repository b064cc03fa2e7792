/* td-i18n.c — binding the translation catalogues */
#define G_LOG_DOMAIN "td-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "td-i18n.h"

/* TRUE when @dir holds at least one catalogue of ours (…/LANG/LC_MESSAGES/PACKAGE.mo). */
static gboolean
has_catalogues (const char *dir)
{
  g_autoptr (GDir) langs = g_dir_open (dir, 0, NULL);
  const char *lang;

  if (langs == NULL)
    return FALSE;
  while ((lang = g_dir_read_name (langs)) != NULL)
    {
      g_autofree char *mo = g_build_filename (dir, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                              NULL);
      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

void
td_i18n_init (void)
{
  const char *dir = LOCALEDIR;

  setlocale (LC_ALL, "");
  if (!has_catalogues (LOCALEDIR) && has_catalogues (BUILD_LOCALEDIR))
    dir = BUILD_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
