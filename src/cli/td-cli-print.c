/* td-cli-print.c — `tdesk print FORM --course ID -o FILE.pdf`, `tdesk print --list` and
 * `tdesk pdf merge -o OUT.pdf IN.pdf…`
 *
 * The forms are the rows of td-form-catalog.c (name on the command line, render function,
 * summary for --list), plus the certificate cards, which have a layout to choose.
 */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>

#include "td-card-renderer.h"
#include "td-cli-private.h"
#include "td-form-catalog.h"
#include "td-pdf-merge.h"

/* --layout of this run. The catalogue's render functions share one signature, and only
 * the certificate cards have a layout to choose, so the cards and their option are kept
 * here rather than in td-form-catalog.c. */
static TdCardLayout card_layout = TD_CARD_LAYOUT_CARD;

static gboolean
render_certificates (TdStore *store, gint64 course_id, GFile *file, GError **error)
{
  return td_card_render_course (store, course_id, card_layout, file, error);
}

static const TdFormEntry certificates = {
  "certificates", NULL,
  N_("certificate cards, front and back (格式十一 / 附表十); --layout card|a4"),
  "格式十一", "附表十", render_certificates,
};

static const TdFormEntry *
lookup_form (const char *name)
{
  if (g_str_equal (name, certificates.id))
    return &certificates;
  return td_form_catalog_lookup (name);
}

static int
list_forms (void)
{
  g_print ("%-18s %s\n", certificates.id, _(certificates.summary));
  for (const TdFormEntry *f = td_form_catalog_get (); f->id != NULL; f++)
    g_print ("%-18s %s\n", f->id, _(f->summary));
  return TD_CLI_EXIT_OK;
}

static int
render_form (const TdFormEntry *form, const char *db, const char *course_ref, const char *output)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GFile) file = NULL;

  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  file = g_file_new_for_commandline_arg (output);
  if (!form->render (store, course->id, file, &error))
    return td_cli_fail_error (error);
  return TD_CLI_EXIT_OK;
}

int
td_cli_print (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *course_ref = NULL;
  g_autofree char *output = NULL;
  g_autofree char *layout = NULL;
  gboolean list = FALSE;
  g_auto (GStrv) rest = NULL;
  const TdFormEntry *form;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"),
      N_("FILE.pdf") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout,
      N_("certificates: card (one 85 × 55 mm page per side, the default) or a4 (8 per sheet, "
         "crop marks, duplex backs)"), N_("LAYOUT") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the forms and exit"), NULL },
    { NULL },
  };
  static const char summary[] =
    N_("Prints a form of a course as PDF. Run “tdesk print --list” for the forms.");
  g_autoptr (GOptionContext) context = td_cli_context_new ("print FORM", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (list)
    return list_forms ();
  if (g_strv_length (rest) != 1)
    return td_cli_fail (_("print needs exactly one FORM; “tdesk print --list” names them."));
  if ((form = lookup_form (rest[0])) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a form. Run “tdesk print --list” for the forms."), rest[0]);
      return td_cli_fail (message);
    }
  if (layout != NULL && !td_card_layout_from_string (layout, &card_layout))
    return td_cli_fail (_("--layout must be card or a4."));
  if (course_ref == NULL)
    return td_cli_fail (_("--course ID is required."));
  if (output == NULL)
    return td_cli_fail (_("-o FILE.pdf is required."));
  return render_form (form, db, course_ref, output);
}

static int
pdf_merge (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GFile) file = NULL;
  g_autofree char *db = NULL;
  g_autofree char *output = NULL;
  g_auto (GStrv) rest = NULL;
  gsize size = 0;
  gboolean over = FALSE;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the merged PDF to FILE"),
      N_("OUT.pdf") },
    { NULL },
  };
  static const char summary[] =
    N_("Merges PDF files, in order, into one, as the authorities' upload asks (one file per "
       "field, at most 10 MB). Prints the size; warns when it is over 10 MB.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("pdf merge -o OUT.pdf IN.pdf…", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (output == NULL)
    return td_cli_fail (_("-o OUT.pdf is required."));
  if (rest[0] == NULL)
    return td_cli_fail (_("pdf merge needs at least one IN.pdf."));
  for (guint i = 0; rest[i] != NULL; i++)
    g_ptr_array_add (inputs, g_file_new_for_commandline_arg (rest[i]));
  file = g_file_new_for_commandline_arg (output);
  if (!td_pdf_merge (inputs, file, &size, &over, &error))
    return td_cli_fail_error (error);
  g_print ("%" G_GSIZE_FORMAT "\n", size);
  if (over)
    g_printerr (_("tdesk: warning: %s is larger than 10 MB, the upload limit of the "
                  "authorities' system; split it or reduce its images.\n"), output);
  return TD_CLI_EXIT_OK;
}

static const TdCliCommand pdf_commands[] = {
  { "merge", pdf_merge, "merge -o OUT.pdf IN.pdf…", N_("merge PDF files into one") },
  { NULL },
};

int
td_cli_pdf (int argc, char **argv)
{
  return td_cli_dispatch ("pdf", pdf_commands, argc, argv);
}
