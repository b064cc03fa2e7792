/* td-cli-init.c — `tdesk init [--demo]` */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "td-cli-private.h"
#include "td-demo.h"
#include "td-roc-date.h"

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static int
fill_demo (TdStore *store, const char *today)
{
  g_autoptr (GError) error = NULL;
  guint n_courses = td_store_count_courses (store, NULL, &error);
  guint n_trainees;

  if (error != NULL)
    return td_cli_fail_error (error);
  if (n_courses > 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("The database at %s already has courses; --demo only fills an "
                           "empty database."), td_store_get_path (store));
      return td_cli_fail (message);
    }

  if (!td_demo_populate (store, today, &error))
    return td_cli_fail_error (error);

  n_courses = td_store_count_courses (store, NULL, NULL);
  n_trainees = td_store_count_trainees (store, NULL, NULL);
  g_print (_("Filled %s with a sample centre: %u courses, %u trainees.\n"),
           td_store_get_path (store), n_courses, n_trainees);
  return TD_CLI_EXIT_OK;
}

/* A new file that a failed --demo left empty would look like a centre next time, so
 * it is removed again. */
static int
init_demo (TdStore **store, const char *path, gboolean existed, const char *today)
{
  int status = fill_demo (*store, today);

  if (status != TD_CLI_EXIT_OK && !existed)
    {
      g_clear_object (store);
      remove_database (path);
    }
  return status;
}

int
td_cli_init (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *today = NULL;
  g_autofree char *path = NULL;
  g_auto (GStrv) rest = NULL;
  gboolean demo = FALSE;
  gboolean existed;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Fill the new database with a realistic sample centre"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Build the sample centre around this date instead of today"), N_("YYYY-MM-DD") },
    { NULL },
  };
  static const char summary[] =
    N_("Creates the database, or brings an existing one up to the current "
       "schema.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("init", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (rest[0] != NULL)
    return td_cli_fail (_("init takes no arguments besides its options."));
  if (today != NULL && !td_iso_date_is_valid (today))
    return td_cli_fail (_("--today: the date must be written YYYY-MM-DD."));
  if (today == NULL)
    today = td_iso_date_today ();

  path = td_store_resolve_path (db);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = td_cli_open_store (db, TRUE, &error);
  if (store == NULL)
    return td_cli_fail_error (error);
  if (demo)
    return init_demo (&store, path, existed, today);

  g_print (_("Database ready at %s (schema version %d).\n"), td_store_get_path (store),
           td_store_get_schema_version (store));
  return TD_CLI_EXIT_OK;
}
