/* td-cli-print.c — `tdesk print FORM --course ID -o FILE.pdf` and `tdesk print --list`
 *
 * Every printable form is one row of the table below: its name on the command line, the
 * function that renders it for a course into a file, and a summary for --list.
 */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>

#include "td-card-renderer.h"
#include "td-cli-private.h"

typedef gboolean (*TdCliRenderFunc) (TdStore *store, gint64 course_id, GFile *file,
                                     GError **error);

typedef struct {
  const char *name;
  TdCliRenderFunc render;
  const char *summary;    /* N_() marked */
} TdCliForm;

/* --layout of this run. The table's render functions share one signature, and only the
 * certificate cards have a layout to choose, so the option is kept here for them. */
static TdCardLayout card_layout = TD_CARD_LAYOUT_CARD;

static gboolean
render_certificates (TdStore *store, gint64 course_id, GFile *file, GError **error)
{
  return td_card_render_course (store, course_id, card_layout, file, error);
}

static const TdCliForm forms[] = {
  { "certificates", render_certificates,
    N_("certificate cards, front and back (格式十一 / 附表十); --layout card|a4") },
  { NULL },
};

static const TdCliForm *
lookup_form (const char *name)
{
  for (const TdCliForm *f = forms; f->name != NULL; f++)
    if (g_str_equal (f->name, name))
      return f;
  return NULL;
}

static int
list_forms (void)
{
  for (const TdCliForm *f = forms; f->name != NULL; f++)
    g_print ("%-18s %s\n", f->name, _(f->summary));
  return TD_CLI_EXIT_OK;
}

static int
render_form (const TdCliForm *form, const char *db, const char *course_ref, const char *output)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GFile) file = NULL;

  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL || (course = td_store_find_course (store, course_ref, &error)) == NULL)
    return td_cli_fail_error (error);
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
  const TdCliForm *form;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "course", 0, 0, G_OPTION_ARG_STRING, &course_ref,
      N_("The course: its database id or exchange-file id"), N_("ID") },
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
