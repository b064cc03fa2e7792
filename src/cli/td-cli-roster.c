/* td-cli-roster.c — `tdesk roster import|export --course ID` */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>

#include "td-cli-private.h"
#include "td-roster-csv.h"

static int
roster_import (int argc, char **argv)
{
  static const TdCliCourseImport what = {
    "roster import FILE.csv",
    N_("Enrols every row of a roster CSV in the 附表八 columns and prints how "
       "many rows were imported. Nothing is written when any row has a problem."),
    N_("roster import needs exactly one FILE.csv."),
    td_roster_csv_import,
  };

  return td_cli_import_course_file (&what, argc, argv);
}

static int
roster_export (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autofree char *db = NULL;
  g_autofree char *course_ref = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  g_auto (GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE.csv") },
    { NULL },
  };
  static const char summary[] =
    N_("Writes a course roster as CSV in the 附表八 columns (UTF-8 with BOM, "
       "CRLF, ROC dates).");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("roster export", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (rest[0] != NULL)
    return td_cli_fail (_("roster export takes no arguments besides its options."));
  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;

  if ((data = td_roster_csv_export_data (store, course->id, &error)) == NULL
      || !td_cli_write_output (output, data, &error))
    return td_cli_fail_error (error);
  return TD_CLI_EXIT_OK;
}

static const TdCliCommand roster_commands[] = {
  { "import", roster_import, "import --course ID FILE.csv",
    N_("enrol the rows of a roster CSV") },
  { "export", roster_export, "export --course ID [-o FILE.csv]",
    N_("write a course roster as CSV") },
  { NULL },
};

int
td_cli_roster (int argc, char **argv)
{
  return td_cli_dispatch ("roster", roster_commands, argc, argv);
}
