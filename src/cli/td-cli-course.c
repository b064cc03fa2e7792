/* td-cli-course.c — `tdesk course import|export|list` */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "td-cli-private.h"
#include "td-course-file.h"
#include "td-roc-date.h"

static int
course_import (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *db = NULL;
  g_auto (GStrv) files = NULL;
  gint64 id;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { NULL },
  };
  static const char summary[] =
    N_("Imports a course exchange file (training-desk/course@1) and prints the "
       "new course's id. Nothing is written when the file has any problem.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("course import FILE.json", summary, entries);

  if (!td_cli_parse (context, argc, argv, &files))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (files) != 1)
    return td_cli_fail (_("course import needs exactly one FILE.json."));

  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL)
    return td_cli_fail_error (error);
  file = g_file_new_for_commandline_arg (files[0]);
  id = td_course_file_import (store, file, &error);
  if (id <= 0)
    return td_cli_fail_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return TD_CLI_EXIT_OK;
}

static int
course_export (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autofree char *db = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  g_auto (GStrv) refs = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE.json") },
    { NULL },
  };
  static const char summary[] =
    N_("Writes a course, with its lecturers, sessions, trainees, attendance and "
       "scores, as a course exchange file. ID is the database id or the id in "
       "the exchange file it came from.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("course export ID", summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("course export needs exactly one course ID."));

  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL || (course = td_store_find_course (store, refs[0], &error)) == NULL)
    return td_cli_fail_error (error);

  if ((data = td_course_file_export_data (store, course->id, &error)) == NULL
      || !td_cli_write_output (output, data, &error))
    return td_cli_fail_error (error);
  return TD_CLI_EXIT_OK;
}

/* --- course list ----------------------------------------------------------- */

static GPtrArray *
list_all_courses (TdStore *store, GError **error)
{
  GError *local_error = NULL;
  guint count = td_store_count_courses (store, NULL, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (count == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return td_store_list_courses (store, NULL, 0, count, error);
}

static void
add_string_member (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_course_object (JsonBuilder *builder, TdCourse *course)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, course->id);
  add_string_member (builder, "external_id", course->external_id);
  add_string_member (builder, "regime", td_regime_to_string (course->regime));
  add_string_member (builder, "category", course->category);
  add_string_member (builder, "kind", td_course_kind_to_string (course->kind));
  add_string_member (builder, "title", course->title);
  add_string_member (builder, "period", course->period);
  add_string_member (builder, "start", course->start_date);
  add_string_member (builder, "end", course->end_date);
  add_string_member (builder, "status", td_course_status_to_string (course->status));
  json_builder_set_member_name (builder, "sessions");
  json_builder_add_int_value (builder, course->n_sessions);
  json_builder_set_member_name (builder, "trainees");
  json_builder_add_int_value (builder, course->n_trainees);
  json_builder_end_object (builder);
}

/* Stable keys: id, external_id, regime, category, kind, title, period, start, end
 * (ISO dates), status, sessions, trainees. */
static char *
courses_to_json (GPtrArray *courses)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < courses->len; i++)
    add_course_object (builder, g_ptr_array_index (courses, i));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Columns are padded by display width: CJK characters take two cells. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

enum { COL_ID, COL_EXTERNAL, COL_PERIOD, COL_DATES, COL_TITLE, COL_STATUS, COL_TRAINEES, N_COLS };

static GStrv
course_row (TdCourse *course)
{
  g_autofree char *start = td_roc_date_format (course->start_date, TD_ROC_FORMAT_SLASH);
  g_autofree char *end = td_roc_date_format (course->end_date, TD_ROC_FORMAT_SLASH);
  GStrv row = g_new0 (char *, N_COLS + 1);

  row[COL_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, course->id);
  row[COL_EXTERNAL] = g_strdup (course->external_id != NULL ? course->external_id : "");
  row[COL_PERIOD] = g_strdup (course->period != NULL ? course->period : "");
  row[COL_DATES] = g_strdup_printf ("%s–%s", start != NULL ? start : course->start_date,
                                    end != NULL ? end : course->end_date);
  row[COL_TITLE] = g_strdup (course->title != NULL ? course->title : "");
  row[COL_STATUS] = g_strdup (td_course_status_label (course->status));
  row[COL_TRAINEES] = g_strdup_printf ("%u", course->n_trainees);
  return row;
}

static void
append_row (GString *out, GStrv row, const guint *widths)
{
  for (guint c = 0; c < N_COLS; c++)
    {
      g_string_append (out, row[c]);
      if (c + 1 == N_COLS)
        break;
      for (guint w = display_width (row[c]); w < widths[c] + 2; w++)
        g_string_append_c (out, ' ');
    }
  g_string_append_c (out, '\n');
}

static char *
courses_to_table (GPtrArray *courses)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GString *out = g_string_new (NULL);
  guint widths[N_COLS] = { 0 };
  GStrv header = g_new0 (char *, N_COLS + 1);

  header[COL_ID] = g_strdup (_("ID"));
  header[COL_EXTERNAL] = g_strdup (_("External ID"));
  header[COL_PERIOD] = g_strdup (_("Period"));
  header[COL_DATES] = g_strdup (_("Dates"));
  header[COL_TITLE] = g_strdup (_("Title"));
  header[COL_STATUS] = g_strdup (_("Status"));
  header[COL_TRAINEES] = g_strdup (_("Trainees"));
  g_ptr_array_add (rows, header);
  for (guint i = 0; i < courses->len; i++)
    g_ptr_array_add (rows, course_row (g_ptr_array_index (courses, i)));

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < N_COLS; c++)
      widths[c] = MAX (widths[c], display_width (((GStrv) g_ptr_array_index (rows, r))[c]));
  for (guint r = 0; r < rows->len; r++)
    append_row (out, g_ptr_array_index (rows, r), widths);
  return g_string_free (out, FALSE);
}

static int
course_list (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (GPtrArray) courses = NULL;
  g_autofree char *db = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) rest = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of objects instead of a table"), NULL },
    { NULL },
  };
  static const char summary[] =
    N_("Lists the courses, newest first.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("course list", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (rest[0] != NULL)
    return td_cli_fail (_("course list takes no arguments besides its options."));

  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL || (courses = list_all_courses (store, &error)) == NULL)
    return td_cli_fail_error (error);

  text = json ? courses_to_json (courses) : courses_to_table (courses);
  if (json && !g_str_has_suffix (text, "\n"))
    {
      g_autofree char *line = g_steal_pointer (&text);
      text = g_strconcat (line, "\n", NULL);
    }
  if (!td_cli_write_stdout (text, strlen (text), &error))
    return td_cli_fail_error (error);
  return TD_CLI_EXIT_OK;
}

static const TdCliCommand course_commands[] = {
  { "import", course_import, "import FILE.json", N_("import a course exchange file") },
  { "export", course_export, "export ID [-o FILE.json]", N_("write a course as an exchange file") },
  { "list", course_list, "list [--json]", N_("list the courses") },
  { NULL },
};

int
td_cli_course (int argc, char **argv)
{
  return td_cli_dispatch ("course", course_commands, argc, argv);
}
