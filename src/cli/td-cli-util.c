/* td-cli-util.c — option parsing, store opening and error reporting shared by the
 * commands of `tdesk`. */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "td-cli-private.h"

GOptionContext *
td_cli_context_new (const char *synopsis, const char *summary, const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (synopsis);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, _(summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
td_cli_parse (GOptionContext *context, int argc, char **argv, char ***out_args)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 1);
  g_autoptr (GStrvBuilder) rest = g_strv_builder_new ();

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("tdesk: %s\n\n%s", error->message, help);
      return FALSE;
    }

  /* args[0] is the command word; the rest are its operands. */
  for (guint i = 1; args[0] != NULL && args[i] != NULL; i++)
    g_strv_builder_add (rest, args[i]);
  *out_args = g_strv_builder_end (rest);
  return TRUE;
}

int
td_cli_fail (const char *message)
{
  g_printerr ("tdesk: %s\n", message);
  return TD_CLI_EXIT_USAGE;
}

int
td_cli_fail_error (const GError *error)
{
  return td_cli_fail (error->message);
}

TdStore *
td_cli_open_store (const char *db_option, gboolean create, GError **error)
{
  g_autofree char *path = td_store_resolve_path (db_option);

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _("There is no database at %s. Create one with “tdesk init”."), path);
      return NULL;
    }
  return td_store_open (path, error);
}

TdCourse *
td_cli_open_course (const char *db_option, const char *ref, TdStore **out_store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  TdCourse *course;

  if (ref == NULL)
    {
      td_cli_fail (_("--course ID is required."));
      return NULL;
    }
  store = td_cli_open_store (db_option, FALSE, &error);
  if (store == NULL || (course = td_store_find_course (store, ref, &error)) == NULL)
    {
      td_cli_fail_error (error);
      return NULL;
    }
  *out_store = g_steal_pointer (&store);
  return course;
}

gint64
td_cli_find_trainee (TdStore *store, const char *ref, GError **error)
{
  g_autoptr (TdTrainee) trainee = NULL;

  if (*ref != '\0' && strspn (ref, "0123456789") == strlen (ref))
    trainee = td_store_get_trainee (store, g_ascii_strtoll (ref, NULL, 10), error);
  else
    trainee = td_store_find_trainee_by_national_id (store, ref, error);
  return trainee != NULL ? trainee->id : 0;
}

gint64
td_cli_open_trainee (const char *db_option, const char *ref, TdStore **out_store,
                     GError **error)
{
  g_autoptr (TdStore) store = td_cli_open_store (db_option, FALSE, error);
  gint64 id;

  if (store == NULL || (id = td_cli_find_trainee (store, ref, error)) == 0)
    return 0;
  *out_store = g_steal_pointer (&store);
  return id;
}

gint64
td_cli_parse_id (const char *text)
{
  guint64 id;

  return text != NULL && g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL)
           ? (gint64) id : 0;
}

TdPersonHistory *
td_cli_open_person_history (const char *db_option, const char *ref, TdStore **out_store,
                            GError **error)
{
  g_autoptr (TdStore) store = NULL;
  TdPersonHistory *history;
  gint64 id;

  if ((id = td_cli_open_trainee (db_option, ref, &store, error)) == 0
      || (history = td_store_load_person_history (store, id, error)) == NULL)
    return NULL;
  *out_store = g_steal_pointer (&store);
  return history;
}

int
td_cli_remove_person_record (const TdCliRemoveRecord *what, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autofree char *db = NULL, *reason = NULL;
  g_auto (GStrv) refs = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the record is removed"), N_("TEXT") },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    td_cli_context_new (what->synopsis, what->summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 2 || td_cli_parse_id (refs[1]) == 0)
    return td_cli_fail (_(what->usage));
  if ((id = td_cli_open_trainee (db, refs[0], &store, &error)) == 0
      || !td_store_void_person_record (store, id, what->entity, td_cli_parse_id (refs[1]),
                                       reason, &error))
    return td_cli_fail_error (error);
  return TD_CLI_EXIT_OK;
}

static int
import_into_course (const char *db_option, const char *course_ref, const char *path,
                    TdCliImportFunc import)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GFile) file = NULL;
  int imported;

  if ((course = td_cli_open_course (db_option, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  file = g_file_new_for_commandline_arg (path);
  imported = import (store, course->id, file, &error);
  if (imported < 0)
    return td_cli_fail_error (error);
  g_print ("%d\n", imported);
  return TD_CLI_EXIT_OK;
}

int
td_cli_import_course_file (const TdCliCourseImport *what, int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *course_ref = NULL;
  g_auto (GStrv) files = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    td_cli_context_new (what->synopsis, what->summary, entries);

  if (!td_cli_parse (context, argc, argv, &files))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (files) != 1)
    return td_cli_fail (_(what->usage));
  return import_into_course (db, course_ref, files[0], what->import);
}

gboolean
td_cli_write_stdout (const char *data, gsize length, GError **error)
{
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write to standard output."));
      return FALSE;
    }
  return TRUE;
}

void
td_cli_print_commands (const TdCliCommand *commands)
{
  glong width = 0;

  /* Synopses may hold "…": pad by characters, not bytes. */
  for (const TdCliCommand *c = commands; c->name != NULL; c++)
    width = MAX (width, g_utf8_strlen (c->synopsis, -1));
  for (const TdCliCommand *c = commands; c->name != NULL; c++)
    {
      g_autofree char *padding = g_strnfill (width - g_utf8_strlen (c->synopsis, -1) + 2, ' ');
      g_printerr ("  %s%s%s\n", c->synopsis, padding, _(c->summary));
    }
}

static void
print_group_usage (const char *group, const TdCliCommand *commands)
{
  g_printerr (_("Usage: tdesk %s COMMAND [OPTION…]\n\nCommands:\n"), group);
  td_cli_print_commands (commands);
  g_printerr ("\n%s\n", _("Run “tdesk COMMAND SUBCOMMAND --help” for the options of one."));
}

int
td_cli_dispatch (const char *group, const TdCliCommand *commands, int argc, char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "help") || g_str_equal (argv[1], "--help")
      || g_str_equal (argv[1], "-h"))
    {
      print_group_usage (group, commands);
      return TD_CLI_EXIT_USAGE;
    }

  for (const TdCliCommand *c = commands; c->name != NULL; c++)
    if (g_str_equal (c->name, argv[1]))
      return c->func (argc - 1, argv + 1);

  g_printerr (_("tdesk: “%s %s” is not a command.\n\n"), group, argv[1]);
  print_group_usage (group, commands);
  return TD_CLI_EXIT_USAGE;
}

gboolean
td_cli_write_output (const char *output, const char *data, GError **error)
{
  g_autoptr (GFile) file = NULL;

  if (output == NULL)
    return td_cli_write_stdout (data, strlen (data), error);
  file = g_file_new_for_commandline_arg (output);
  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
