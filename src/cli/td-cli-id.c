/* td-cli-id.c — `tdesk validate-id ID…` */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <string.h>

#include "td-cli-private.h"
#include "td-national-id.h"

/* Prints "<ID>\t<valid|invalid>\t<kind>" for one ID, exactly as given. The tokens are
 * part of the command-line contract that scripts parse, so they are not translated;
 * the reason an ID is invalid goes to stderr, translated. */
static gboolean
check_one (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *line = NULL;
  TdIdKind kind = TD_ID_KIND_INVALID;

  normalized = td_national_id_check (text, &kind, &error);
  line = g_strdup_printf ("%s\t%s\t%s\n", text, normalized != NULL ? "valid" : "invalid",
                          td_id_kind_to_string (normalized != NULL ? kind : TD_ID_KIND_INVALID));
  td_cli_write_stdout (line, strlen (line), NULL);
  if (normalized == NULL)
    g_printerr ("tdesk: %s: %s\n", text, error->message);
  return normalized != NULL;
}

int
td_cli_validate_id (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_auto (GStrv) ids = NULL;
  gboolean all_valid = TRUE;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { NULL },
  };
  static const char summary[] =
    N_("Checks national IDs (身分證統一編號) and resident certificate numbers "
       "(居留證號): one line per ID, "
       "“ID<TAB>valid|invalid<TAB>national|arc|arc-old|-”. Exit status 1 when "
       "any is invalid.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("validate-id ID…", summary, entries);

  if (!td_cli_parse (context, argc, argv, &ids))
    return TD_CLI_EXIT_USAGE;
  if (ids[0] == NULL)
    return td_cli_fail (_("validate-id needs at least one ID."));

  /* --db is accepted as on every command; checking an ID needs no database. */
  for (guint i = 0; ids[i] != NULL; i++)
    all_valid = check_one (ids[i]) && all_valid;
  return all_valid ? TD_CLI_EXIT_OK : TD_CLI_EXIT_PROBLEMS;
}
