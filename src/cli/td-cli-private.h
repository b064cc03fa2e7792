/* td-cli-private.h — what the files of `tdesk` share: exit codes, option parsing,
 * opening the store, reporting errors. Not installed. */
#pragma once

#include <gio/gio.h>

#include "td-store.h"
#include "td-store-qualifications.h"

G_BEGIN_DECLS

/* The exit codes of the command-line contract (DESIGN.md). */
typedef enum {
  TD_CLI_EXIT_OK = 0,         /* success */
  TD_CLI_EXIT_PROBLEMS = 1,   /* the command ran and found blocking problems */
  TD_CLI_EXIT_USAGE = 2,      /* bad usage or bad input; nothing was changed */
} TdCliExit;

/* Every subcommand takes --db PATH; put this in its option entries. */
#define TD_CLI_DB_OPTION(var)                                                                    \
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &(var),                                                   \
    N_("Use the database at PATH (default: $TRAINING_DESK_DB, else the user's data folder)"),    \
    N_("PATH") }

/* The --course option as most subcommands word it. */
#define TD_CLI_COURSE_OPTION(var)                                                                \
  { "course", 0, 0, G_OPTION_ARG_STRING, &(var),                                                 \
    N_("The course: its database id or exchange-file id"), N_("ID") }

/* One word of the command line and the function that runs it. The function gets the
 * arguments from that word on: argv[0] is the word itself. */
typedef int (*TdCliFunc) (int argc, char **argv);

typedef struct {
  const char *name;
  TdCliFunc func;
  const char *synopsis;   /* untranslated usage line, e.g. "course import FILE.json" */
  const char *summary;    /* N_() marked, translated when shown */
} TdCliCommand;

/* A context for one subcommand, translated in the program's domain. */
GOptionContext *td_cli_context_new (const char *synopsis, const char *summary,
                                    const GOptionEntry *entries);

/* Parses @argv (argv[0] is the command word) with @context. On failure prints the
 * problem and a hint to stderr and returns FALSE. @out_args receives the remaining
 * arguments without the command word (free with g_strfreev). */
gboolean        td_cli_parse (GOptionContext *context, int argc, char **argv,
                              char ***out_args);

/* Prints "tdesk: MESSAGE" on stderr and returns TD_CLI_EXIT_USAGE. */
int             td_cli_fail (const char *message);
int             td_cli_fail_error (const GError *error);

/* Opens the store at --db / $TRAINING_DESK_DB / the default. Unless @create is set the
 * file must exist already, so a mistyped path is reported instead of silently
 * becoming a new, empty database. */
TdStore        *td_cli_open_store (const char *db_option, gboolean create, GError **error);

/* Opens the store and finds the course named by --course (@ref); prints why not on
 * stderr and returns NULL when --course is missing or either step fails. */
TdCourse       *td_cli_open_course (const char *db_option, const char *ref,
                                    TdStore **out_store);

/* The trainee named by @ref: the database id or the national ID. 0 with @error when
 * nobody matches. */
gint64          td_cli_find_trainee (TdStore *store, const char *ref, GError **error);

/* Opens the store and finds the trainee named by @ref as td_cli_find_trainee() does.
 * 0 with @error when either fails; @out_store is set only on success. */
gint64          td_cli_open_trainee (const char *db_option, const char *ref,
                                     TdStore **out_store, GError **error);

/* A record id given on the command line; 0 when it is not one. */
gint64          td_cli_parse_id (const char *text);

/* Opens the store, finds the trainee named by @ref and loads their history. NULL with
 * @error when any step fails; @out_store is set only on success. */
TdPersonHistory *td_cli_open_person_history (const char *db_option, const char *ref,
                                             TdStore **out_store, GError **error);

/* What one `trainee … remove TRAINEE RECORD [--reason TEXT]` command says and voids. */
typedef struct {
  const char *synopsis;   /* untranslated usage line */
  const char *summary;    /* N_() marked */
  const char *usage;      /* N_() marked: the message when TRAINEE or RECORD is missing */
  const char *entity;     /* the kind of record, as td_store_void_person_record takes it */
} TdCliRemoveRecord;

/* Runs such a command: the record is voided, not deleted. Returns the exit code. */
int             td_cli_remove_person_record (const TdCliRemoveRecord *what, int argc,
                                             char **argv);

/* Reads a file into a course, every row or none; returns the number of rows or -1. */
typedef int (*TdCliImportFunc) (TdStore *store, gint64 course_id, GFile *file,
                                GError **error);

/* What one `… import --course ID FILE` command says and runs. */
typedef struct {
  const char *synopsis;   /* untranslated usage line */
  const char *summary;    /* N_() marked */
  const char *usage;      /* N_() marked: the message when FILE is missing or repeated */
  TdCliImportFunc import;
} TdCliCourseImport;

/* Runs such a command: imports FILE into the course named by --course and prints the
 * number of rows imported, or the problem. Returns the exit code. */
int             td_cli_import_course_file (const TdCliCourseImport *what, int argc,
                                           char **argv);

/* Writes data (JSON, CSV) to standard output byte for byte, with no charset conversion. */
gboolean        td_cli_write_stdout (const char *data, gsize length, GError **error);

/* Writes @data (a NUL-terminated text) to the file @output names, or to standard output
 * when @output is NULL. */
gboolean        td_cli_write_output (const char *output, const char *data, GError **error);

/* Runs the subcommand of @group named by argv[1]; usage on stderr when it is missing
 * or unknown. */
int             td_cli_dispatch (const char *group, const TdCliCommand *commands, int argc,
                                 char **argv);
void            td_cli_print_commands (const TdCliCommand *commands);

/* The commands, one file each. */
int td_cli_init (int argc, char **argv);
int td_cli_validate_id (int argc, char **argv);
int td_cli_course (int argc, char **argv);
int td_cli_roster (int argc, char **argv);
int td_cli_certificate (int argc, char **argv);
int td_cli_verify (int argc, char **argv);
int td_cli_print (int argc, char **argv);
int td_cli_trainee (int argc, char **argv);
int td_cli_trainee_hours (int argc, char **argv);
int td_cli_trainee_role (int argc, char **argv);
int td_cli_trainee_cycle (int argc, char **argv);
int td_cli_attendance (int argc, char **argv);
int td_cli_print (int argc, char **argv);
int td_cli_pdf (int argc, char **argv);

G_END_DECLS
