/* td-cli-check.c — `tdesk check`
 *
 * Runs the rule checks of one course, one trainee's courses, or the whole centre, and
 * prints the findings for people (one per line) or for scripts (--json). The exit
 * code says whether anything blocking was found.
 */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "td-cli-check.h"
#include "td-national-id.h"
#include "td-rules.h"
#include "td-store.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

typedef struct {
  char *course;
  char *trainee;
  char *today;
  char *db;
  gboolean json;
} CheckOptions;

static void
check_options_clear (CheckOptions *o)
{
  g_free (o->course);
  g_free (o->trainee);
  g_free (o->today);
  g_free (o->db);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CheckOptions, check_options_clear)

static int
fail (const char *message)
{
  g_printerr ("tdesk check: %s\n", message);
  return EXIT_USAGE;
}

static gboolean
parse_options (int argc, char **argv, CheckOptions *o, GError **error)
{
  const GOptionEntry entries[] = {
    { "course", 0, 0, G_OPTION_ARG_STRING, &o->course,
      N_("Check only this course (its database id or exchange-file id)"), N_("ID") },
    { "trainee", 0, 0, G_OPTION_ARG_STRING, &o->trainee,
      N_("Only findings about this trainee (database id or national ID; with --course also the exchange-file id)"),
      N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print the findings as a JSON array"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &o->today,
      N_("Check as on this date instead of today"), N_("YYYY-MM-DD") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o->db,
      N_("Use the database at PATH (default: $TRAINING_DESK_DB, else the user's data folder)"),
      N_("PATH") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_auto (GStrv) args = g_new0 (char *, argc + 1);

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Checks courses against the rules of their regime and prints the findings."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, error))
    return FALSE;
  if (g_strv_length (args) > 1)
    return g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                        _("Unexpected argument “%s”"), args[1]), FALSE;
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  iso = g_strdup_printf ("%sT00:00:00Z", text);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL;
}

static TdStore *
open_existing_store (const char *option, GError **error)
{
  g_autofree char *path = td_store_resolve_path (option);

  /* Checking must not create an empty database at a mistyped path. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                        _("There is no database at %s (create one with “tdesk init”)."), path),
           NULL;
  return td_store_open (path, error);
}

/* The trainee's database id from what the user typed; 0 with @error when unknown. */
static gint64
resolve_trainee (TdStore *store, gint64 course_id, const char *ref, GError **error)
{
  g_autofree char *national_id = NULL;
  guint64 id;

  if (course_id > 0)
    {
      g_autoptr (TdEnrolment) e = td_store_find_enrolment (store, course_id, ref, error);
      return e != NULL ? e->trainee->id : 0;
    }
  if ((national_id = td_national_id_check (ref, NULL, NULL)) != NULL)
    {
      g_autoptr (TdTrainee) t = td_store_find_trainee_by_national_id (store, national_id, error);
      return t != NULL ? t->id : 0;
    }
  if (g_ascii_string_to_unsigned (ref, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autoptr (TdTrainee) t = td_store_get_trainee (store, (gint64) id, error);
      return t != NULL ? t->id : 0;
    }
  g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
               _("“%s” is neither a trainee id nor a national ID (give --course to use an exchange-file id)."),
               ref);
  return 0;
}

static GPtrArray *
only_trainee (GPtrArray *findings, gint64 trainee_id)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);

  for (guint i = 0; i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      if (f->trainee_id == trainee_id)
        g_ptr_array_add (out, td_finding_copy (f));
    }
  return out;
}

static GPtrArray *
run_checks (TdStore *store, const CheckOptions *o, GError **error)
{
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  gint64 trainee_id = 0;

  if (o->course != NULL && (course = td_store_find_course (store, o->course, error)) == NULL)
    return NULL;
  if (o->trainee != NULL
      && (trainee_id = resolve_trainee (store, course ? course->id : 0, o->trainee, error)) == 0)
    return NULL;
  if (course == NULL && trainee_id > 0)
    return td_rules_check_trainee (store, trainee_id, o->today, NULL, error);
  if (course == NULL)
    return td_rules_check_centre (store, o->today, NULL, error);
  findings = td_rules_check_course (store, course->id, o->today, NULL, error);
  if (findings == NULL || trainee_id == 0)
    return g_steal_pointer (&findings);
  return only_trainee (findings, trainee_id);
}

/* Bytes as they are: g_print would convert to the locale's charset and could mangle
 * the Chinese articles in a non-UTF-8 terminal or pipe. Flushed by the caller once
 * all is written: a centre has hundreds of thousands of lines, a write each was
 * seconds of system time. */
static void
write_stdout (const char *text)
{
  fwrite (text, 1, strlen (text), stdout);
}

static char *
describe_place (const TdFinding *f)
{
  g_autofree char *session = td_finding_dup_session_key (f);
  g_autofree char *trainee = td_finding_dup_trainee_key (f);

  if (session != NULL && trainee != NULL)
    return g_strdup_printf (_("[session %s, trainee %s] "), session, trainee);
  if (session != NULL)
    return g_strdup_printf (_("[session %s] "), session);
  if (trainee != NULL)
    return g_strdup_printf (_("[trainee %s] "), trainee);
  return g_strdup ("");
}

static void
print_text (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *course = td_finding_dup_course_key (f);
      g_autofree char *place = describe_place (f);
      /* Person-level findings are about no course. */
      g_autofree char *line = g_strdup_printf ("%s\t%s\t%s\t%s\t%s%s\n",
                                               td_severity_to_string (f->severity), f->rule,
                                               course ? course : "-", f->article, place,
                                               f->message);
      write_stdout (line);
    }
  fflush (stdout);
}

int
td_cli_check (int argc, char **argv)
{
  g_auto (CheckOptions) o = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (GPtrArray) findings = NULL;

  if (!parse_options (argc, argv, &o, &error))
    {
      g_printerr ("tdesk check: %s\n%s\n", error->message, _("Run “tdesk check --help” for the options."));
      return EXIT_USAGE;
    }
  if (o.today != NULL && !is_date (o.today))
    return fail (_("--today needs a date written YYYY-MM-DD."));
  if ((store = open_existing_store (o.db, &error)) == NULL
      || (findings = run_checks (store, &o, &error)) == NULL)
    return fail (error->message);
  if (o.json)
    {
      g_autofree char *json = td_findings_to_json_string (findings, TRUE);
      write_stdout (json);
      write_stdout ("\n");
      fflush (stdout);
    }
  else
    print_text (findings);
  return td_findings_have_errors (findings) ? EXIT_PROBLEMS : EXIT_OK;
}
