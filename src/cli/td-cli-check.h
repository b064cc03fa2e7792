/* td-cli-check.h — `tdesk check`: run the rule checks and print the findings. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* tdesk check [--course ID | --trainee ID] [--json] [--today YYYY-MM-DD] [--db PATH]
 *
 * @argv[0] is the command word ("check"). Prints one finding per line (severity, rule,
 * course, article, message, tab-separated) or, with --json, a JSON array of findings.
 * Returns 1 when any finding is an error, 0 when none is, 2 on bad usage or input. */
int td_cli_check (int argc, char **argv);

G_END_DECLS
