/* td-cli-hours.c — `tdesk trainee hours add | list | remove | import`: hours of
 * training a person earned outside this centre (docs/cli.md). */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "td-cli-private.h"
#include "td-store-qualifications.h"

static int
hours_add (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdHoursRecord) h = td_hours_record_new ();
  g_autofree char *db = NULL, *date = NULL, *title = NULL, *provider = NULL;
  g_autofree char *hours = NULL, *category = NULL;
  g_auto (GStrv) refs = NULL;
  int role = 0;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of the training"), N_("YYYY-MM-DD") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title of the course"), N_("TEXT") },
    { "provider", 0, 0, G_OPTION_ARG_STRING, &provider, N_("Who gave it"), N_("TEXT") },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours, N_("Hours, e.g. 3 or 1.5"), N_("HOURS") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("ce-professional, ce-regulations, ce-ethics, ce-quality, inservice or vr-training"),
      N_("CATEGORY") },
    { "role", 0, 0, G_OPTION_ARG_INT, &role,
      N_("For in-service hours: the OSH art. 18 role (1–14) they count for"), N_("N") },
    { NULL },
  };
  static const char summary[] =
    N_("Records hours of training the person earned elsewhere; prints the record's id.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("trainee hours add TRAINEE --date D --title T --hours H --category C",
                        summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("trainee hours add needs exactly one TRAINEE."));
  if (hours == NULL || !td_hours_parse_minutes (hours, &h->minutes))
    return td_cli_fail (_("--hours: expected hours more than 0 in whole minutes, e.g. 3 or 1.5"));
  if (category == NULL || !td_hours_category_from_string (category, &h->category))
    return td_cli_fail (_("--category: expected ce-professional, ce-regulations, ce-ethics, "
                          "ce-quality, inservice or vr-training"));
  h->date = g_steal_pointer (&date);
  h->title = g_steal_pointer (&title);
  h->provider = g_steal_pointer (&provider);
  h->role = role;
  h->source = g_strdup ("manual");
  if ((h->trainee_id = td_cli_open_trainee (db, refs[0], &store, &error)) == 0
      || !td_store_add_hours (store, h, &error))
    return td_cli_fail_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", h->id);
  return TD_CLI_EXIT_OK;
}

static JsonNode *
hours_to_json (const TdHoursRecord *h)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  if (h->id > 0)
    json_builder_add_int_value (b, h->id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "course");
  if (h->course_id > 0)
    json_builder_add_int_value (b, h->course_id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "date");
  json_builder_add_string_value (b, h->date);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, h->title);
  json_builder_set_member_name (b, "provider");
  json_builder_add_string_value (b, h->provider);
  json_builder_set_member_name (b, "minutes");
  json_builder_add_int_value (b, h->minutes);
  json_builder_set_member_name (b, "category");
  json_builder_add_string_value (b, td_hours_category_to_string (h->category));
  json_builder_set_member_name (b, "role");
  if (h->role > 0)
    json_builder_add_int_value (b, h->role);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, h->source);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_hours (GPtrArray *hours, gboolean json)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (json)
    {
      g_autoptr (JsonArray) array = json_array_new ();
      g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      g_autofree char *text = NULL;

      for (guint i = 0; i < hours->len; i++)
        json_array_add_element (array, hours_to_json (g_ptr_array_index (hours, i)));
      json_node_set_array (root, array);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      text = json_generator_to_data (gen, NULL);
      g_string_append_printf (out, "%s\n", text);
    }
  else
    for (guint i = 0; i < hours->len; i++)
      {
        const TdHoursRecord *h = g_ptr_array_index (hours, i);
        g_autofree char *id = h->id > 0
                                  ? g_strdup_printf ("%" G_GINT64_FORMAT, h->id)
                                  : g_strdup_printf ("course:%" G_GINT64_FORMAT, h->course_id);
        g_autofree char *category = h->role > 0
          ? g_strdup_printf ("%s:%d", td_hours_category_to_string (h->category), h->role)
          : g_strdup (td_hours_category_to_string (h->category));
        char amount[G_ASCII_DTOSTR_BUF_SIZE];

        if (h->minutes % 60 == 0)
          g_snprintf (amount, sizeof amount, "%d", h->minutes / 60);
        else
          g_ascii_formatd (amount, sizeof amount, "%.2f", h->minutes / 60.0);
        g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\n", id, h->date, amount, category,
                                h->title, h->provider ? h->provider : "");
      }
  td_cli_write_stdout (out->str, out->len, NULL);
}

static int
hours_list (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdPersonHistory) history = NULL;
  g_autofree char *db = NULL;
  g_auto (GStrv) refs = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL },
  };
  static const char summary[] =
    N_("Lists the hours that count for the person: recorded outside hours (with their id) "
       "and the courses completed at this centre (course:ID).");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("trainee hours list TRAINEE [--json]", summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("trainee hours list needs exactly one TRAINEE."));
  if ((history = td_cli_open_person_history (db, refs[0], &store, &error)) == NULL)
    return td_cli_fail_error (error);
  print_hours (history->hours, json);
  return TD_CLI_EXIT_OK;
}

static int
hours_remove (int argc, char **argv)
{
  static const TdCliRemoveRecord what = {
    "trainee hours remove TRAINEE RECORD",
    N_("Removes a record of outside hours. The record is kept and marked void, so the "
       "history shows what was removed, when and by whom."),
    N_("trainee hours remove needs a TRAINEE and the RECORD id that "
       "“trainee hours list” shows."),
    "hours",
  };

  return td_cli_remove_person_record (&what, argc, argv);
}

static int
hours_import (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *db = NULL, *data = NULL, *name = NULL;
  g_auto (GStrv) refs = NULL;
  g_auto (GStrv) lines = NULL;
  gsize length;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { NULL },
  };
  static const char summary[] =
    N_("Imports outside hours from a CSV file with the columns national_id, date, title, "
       "provider, hours, category, role (docs/cli.md). Every row or none: the first bad "
       "row is reported as FILE:LINE: COLUMN: REASON and nothing is recorded.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("trainee hours import FILE.csv", summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("trainee hours import needs exactly one FILE.csv."));
  if (!g_file_get_contents (refs[0], &data, &length, &error))
    return td_cli_fail_error (error);
  name = g_path_get_basename (refs[0]);
  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL
      || (records = td_store_parse_hours_csv (store, data, length, name, &lines, &error)) == NULL
      || !td_store_import_hours (store, records, (const char *const *) lines, &error))
    return td_cli_fail_error (error);
  g_print (ngettext ("%u record imported\n", "%u records imported\n", records->len),
           records->len);
  return TD_CLI_EXIT_OK;
}

static const TdCliCommand hours_commands[] = {
  { "add", hours_add, "add TRAINEE --date D --title T --hours H --category C [--role N]",
    N_("record hours the person earned elsewhere") },
  { "list", hours_list, "list TRAINEE [--json]", N_("list the hours that count for the person") },
  { "remove", hours_remove, "remove TRAINEE RECORD [--reason TEXT]",
    N_("void a record of outside hours") },
  { "import", hours_import, "import FILE.csv", N_("import outside hours, all rows or none") },
  { NULL },
};

int
td_cli_trainee_hours (int argc, char **argv)
{
  return td_cli_dispatch ("trainee hours", hours_commands, argc, argv);
}
