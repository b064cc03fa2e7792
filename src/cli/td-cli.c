/* td-cli.c — `tdesk`, the command-line front end of Training Desk: main and the
 * top-level dispatch. Each command group lives in its own td-cli-*.c file. */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>

#include "td-cli-check.h"
#include "td-cli-private.h"
#include "td-i18n.h"

/* What `tdesk` lists in its usage; the groups show their own subcommands. */
static const TdCliCommand usage_lines[] = {
  { "init", td_cli_init, "init [--demo]",
    N_("create or migrate the database (--demo: a sample centre)") },
  { "validate-id", td_cli_validate_id, "validate-id ID…",
    N_("check national IDs and resident certificate numbers") },
  { "course", td_cli_course, "course import FILE.json",
    N_("import a course exchange file; prints the new course id") },
  { "course", td_cli_course, "course export ID [-o FILE.json]",
    N_("write a course as an exchange file") },
  { "course", td_cli_course, "course list [--json]", N_("list the courses") },
  { "roster", td_cli_roster, "roster import --course ID FILE.csv",
    N_("enrol the rows of a roster CSV (附表八 columns)") },
  { "roster", td_cli_roster, "roster export --course ID [-o FILE.csv]",
    N_("write a course roster as CSV") },
  { "certificate", td_cli_certificate, "certificate issue --course ID",
    N_("issue certificates to the eligible trainees; prints the numbers") },
  { "certificate", td_cli_certificate, "certificate reissue NUMBER --reason lost|damaged|changed",
    N_("void a certificate and issue its successor") },
  { "certificate", td_cli_certificate, "certificate show NUMBER",
    N_("a certificate with its history") },
  { "verify", td_cli_verify, "verify CODE",
    N_("check a certificate's QR code offline: valid, voided or invalid") },
  { "check", td_cli_check, "check [--course ID | --trainee ID] [--json] [--today YYYY-MM-DD]",
    N_("check courses against the rules of their regime; exit 1 when errors are found") },
  { "trainee", td_cli_trainee, "trainee code TRAINEE [--regenerate] | hours|role|cycle …",
    N_("print the trainee's personal QR code (regenerating voids the old one); record roles, certificate cycles and outside hours") },
  { "attendance", td_cli_attendance, "attendance scan --course ID --session ID CODE",
    N_("what a scanner typed; prints the outcome") },
  { "attendance", td_cli_attendance, "attendance import --course ID FILE.csv",
    N_("record the attendance of an eVRS attendance CSV") },
  { "attendance", td_cli_attendance, "attendance export --course ID --format evrs|hours -o FILE",
    N_("write an eVRS attendance CSV or the awarded hours list") },
  { "attendance", td_cli_attendance, "attendance leave|makeup|rollcall|history …",
    N_("record leave, make-up and roll call; show a trainee's events in a session") },
  { "print", td_cli_print, "print FORM --course ID -o FILE.pdf",
    N_("print a statutory form of a course as PDF") },
  { "print", td_cli_print, "print --list", N_("list the forms") },
  { "pdf", td_cli_pdf, "pdf merge -o OUT.pdf IN.pdf…",
    N_("merge PDF files into one for upload (warns over 10 MB)") },
  { NULL },
};

static int
print_usage (void)
{
  g_printerr ("%s\n\n%s\n", _("Usage: tdesk COMMAND [OPTION…]"), _("Commands:"));
  td_cli_print_commands (usage_lines);
  g_printerr ("\n%s\n%s\n",
              _("Every command takes --db PATH; without it $TRAINING_DESK_DB, else the "
                "default database in the user's data folder, is used."),
              _("Run “tdesk COMMAND --help” for the options of a command."));
  return TD_CLI_EXIT_USAGE;
}

static gboolean
is_help (const char *word)
{
  return g_str_equal (word, "help") || g_str_equal (word, "--help") || g_str_equal (word, "-h");
}

int
main (int argc, char *argv[])
{
  td_i18n_init ();
  g_set_prgname ("tdesk");

  if (argc < 2 || is_help (argv[1]))
    return print_usage ();

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("tdesk %s\n", PACKAGE_VERSION);
      return TD_CLI_EXIT_OK;
    }

  for (const TdCliCommand *c = usage_lines; c->name != NULL; c++)
    if (g_str_equal (c->name, argv[1]))
      return c->func (argc - 1, argv + 1);

  g_printerr (_("tdesk: “%s” is not a command.\n\n"), argv[1]);
  return print_usage ();
}
