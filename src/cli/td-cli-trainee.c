/* td-cli-trainee.c — `tdesk trainee code TRAINEE [--regenerate]` */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <string.h>

#include "td-cli-private.h"
#include "td-trainee-code.h"

/* TRAINEE is a database id, a national ID, or (with --course) the id the person had in
 * that course's exchange file. Returns 0 with @error when nobody matches. */
static gint64
resolve_trainee (TdStore *store, const char *course_ref, const char *ref, GError **error)
{
  if (course_ref != NULL)
    {
      g_autoptr (TdCourse) course = td_store_find_course (store, course_ref, error);
      g_autoptr (TdEnrolment) enrolment = NULL;

      if (course == NULL || (enrolment = td_store_find_enrolment (store, course->id, ref, error)) == NULL)
        return 0;
      return enrolment->trainee->id;
    }
  return td_cli_find_trainee (store, ref, error);
}

static int
trainee_code (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *course_ref = NULL;
  g_autofree char *code = NULL;
  g_auto (GStrv) refs = NULL;
  gboolean regenerate = FALSE;
  gint64 trainee_id;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "regenerate", 0, 0, G_OPTION_ARG_NONE, &regenerate,
      N_("Void the current code and issue a new one"), NULL },
    { "course", 0, 0, G_OPTION_ARG_STRING, &course_ref,
      N_("Find TRAINEE on this course's roster (its exchange-file id is then accepted)"),
      N_("ID") },
    { NULL },
  };
  static const char summary[] =
    N_("Prints the trainee's personal code, the text of their QR code, issuing one when "
       "they have none. TRAINEE is the database id or the national ID, or with --course "
       "the id in the course's exchange file. --regenerate voids the old code at once.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("trainee code TRAINEE", summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("trainee code needs exactly one TRAINEE."));

  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL || (trainee_id = resolve_trainee (store, course_ref, refs[0], &error)) == 0)
    return td_cli_fail_error (error);
  code = regenerate ? td_trainee_code_regenerate (store, trainee_id, &error)
                    : td_trainee_code_get (store, trainee_id, &error);
  if (code == NULL)
    return td_cli_fail_error (error);
  g_print ("%s\n", code);
  return TD_CLI_EXIT_OK;
}

static const TdCliCommand trainee_commands[] = {
  { "code", trainee_code, "code TRAINEE [--regenerate]",
    N_("print (or regenerate) the trainee's personal QR code") },
  { "hours", td_cli_trainee_hours, "hours add|list|remove|import",
    N_("hours of training the person earned elsewhere") },
  { "role", td_cli_trainee_role, "role add|list|remove",
    N_("the person's OSH art. 18 roles and vocational rehabilitation qualifications") },
  { "cycle", td_cli_trainee_cycle, "cycle add|leave|remove",
    N_("certificate cycles of a qualification and approved leave") },
  { NULL },
};

int
td_cli_trainee (int argc, char **argv)
{
  return td_cli_dispatch ("trainee", trainee_commands, argc, argv);
}
