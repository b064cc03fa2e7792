/* td-cli-roles.c — `tdesk trainee role add | list | remove` and `tdesk trainee cycle
 * add | leave | remove`: the roles, qualifications and certificate cycles the
 * person-level rules read (docs/cli.md). */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <string.h>

#include "td-cli-private.h"
#include "td-store-qualifications.h"

static int
role_add (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autofree char *db = NULL, *slug = NULL, *since = NULL;
  g_auto (GStrv) refs = NULL;
  int role = 0;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "role", 0, 0, G_OPTION_ARG_INT, &role, N_("OSH art. 18(1) role number, 1–14"), N_("N") },
    { "qualification", 0, 0, G_OPTION_ARG_STRING, &slug,
      N_("Vocational rehabilitation qualification (catalogue slug, e.g. vr-evaluator)"),
      N_("SLUG") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Held since (hire or assignment date)"),
      N_("YYYY-MM-DD") },
    { NULL },
  };
  static const char summary[] =
    N_("Records a role or qualification the person holds; prints the record's id.");
  g_autoptr (GOptionContext) context = td_cli_context_new (
    "trainee role add TRAINEE (--role N | --qualification SLUG) --since YYYY-MM-DD", summary,
    entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("trainee role add needs exactly one TRAINEE."));
  if ((role != 0) == (slug != NULL))
    return td_cli_fail (_("Give either --role or --qualification."));
  q->kind = slug != NULL ? TD_QUALIFICATION_VR_CE : TD_QUALIFICATION_INSERVICE_ROLE;
  q->role = role;
  q->qualification = g_steal_pointer (&slug);
  q->since = g_steal_pointer (&since);
  if ((q->trainee_id = td_cli_open_trainee (db, refs[0], &store, &error)) == 0
      || !td_store_add_qualification (store, q, &error))
    return td_cli_fail_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", q->id);
  return TD_CLI_EXIT_OK;
}

static void
append_cycles (GString *out, const TdPersonHistory *p, gint64 qualification_id)
{
  for (guint i = 0; i < p->cycles->len; i++)
    {
      const TdCertificateCycle *c = g_ptr_array_index (p->cycles, i);

      if (c->qualification_id != qualification_id)
        continue;
      g_string_append_printf (out, "\tcycle %" G_GINT64_FORMAT "\t%s\t%s\n", c->id, c->start,
                              c->end);
      for (guint j = 0; j < c->leaves->len; j++)
        {
          const TdCycleLeave *l = g_ptr_array_index (c->leaves, j);
          g_string_append_printf (out, "\t\tleave %" G_GINT64_FORMAT "\t%s\t%s\t%s\n", l->id,
                                  l->start, l->end, l->approval ? l->approval : "");
        }
    }
}

static int
role_list (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdPersonHistory) p = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *db = NULL;
  g_auto (GStrv) refs = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { NULL },
  };
  static const char summary[] =
    N_("Lists the person's roles and qualifications (id, role:N or the qualification, since), "
       "each followed by its certificate cycles and their approved leave.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("trainee role list TRAINEE", summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("trainee role list needs exactly one TRAINEE."));
  if ((p = td_cli_open_person_history (db, refs[0], &store, &error)) == NULL)
    return td_cli_fail_error (error);
  for (guint i = 0; i < p->qualifications->len; i++)
    {
      const TdQualification *q = g_ptr_array_index (p->qualifications, i);

      if (q->kind == TD_QUALIFICATION_INSERVICE_ROLE)
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\trole:%d\t%s\n", q->id, q->role,
                                q->since);
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\n", q->id, q->qualification,
                                q->since);
      append_cycles (out, p, q->id);
    }
  td_cli_write_stdout (out->str, out->len, NULL);
  return TD_CLI_EXIT_OK;
}

/* `… remove TRAINEE RECORD [--reason TEXT]`: roles and cycles say the same. */
static const char remove_summary[] =
  N_("Removes a record. It is kept and marked void, so the history shows what was removed, "
     "when and by whom.");
static const char remove_usage[] =
  N_("Give the TRAINEE and the RECORD id that “trainee role list” shows.");

static int
role_remove (int argc, char **argv)
{
  static const TdCliRemoveRecord what = {
    "trainee role remove TRAINEE RECORD", remove_summary, remove_usage, "qualification",
  };

  return td_cli_remove_person_record (&what, argc, argv);
}

static int
cycle_add (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCertificateCycle) c = td_certificate_cycle_new ();
  g_autofree char *db = NULL, *qualification = NULL;
  g_auto (GStrv) refs = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "qualification", 0, 0, G_OPTION_ARG_STRING, &qualification,
      N_("Id of the person's qualification record (trainee role list)"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &c->start, N_("First day the certificate is valid"),
      N_("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &c->end, N_("Last day the certificate is valid"),
      N_("YYYY-MM-DD") },
    { NULL },
  };
  static const char summary[] =
    N_("Records a certificate cycle of a vocational rehabilitation qualification; prints the "
       "record's id.");
  g_autoptr (GOptionContext) context = td_cli_context_new (
    "trainee cycle add TRAINEE --qualification ID --from YYYY-MM-DD --until YYYY-MM-DD", summary,
    entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1 || (c->qualification_id = td_cli_parse_id (qualification)) == 0)
    return td_cli_fail (_("trainee cycle add needs one TRAINEE and --qualification ID."));
  if ((c->trainee_id = td_cli_open_trainee (db, refs[0], &store, &error)) == 0
      || !td_store_add_certificate_cycle (store, c, &error))
    return td_cli_fail_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", c->id);
  return TD_CLI_EXIT_OK;
}

static gboolean
has_cycle (const TdPersonHistory *p, gint64 cycle_id)
{
  for (guint i = 0; i < p->cycles->len; i++)
    if (((TdCertificateCycle *) g_ptr_array_index (p->cycles, i))->id == cycle_id)
      return TRUE;
  return FALSE;
}

static int
cycle_leave (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCycleLeave) l = td_cycle_leave_new ();
  g_autoptr (TdPersonHistory) p = NULL;
  g_autofree char *db = NULL;
  g_auto (GStrv) refs = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "from", 0, 0, G_OPTION_ARG_STRING, &l->start, N_("First day of the leave"),
      N_("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &l->end, N_("Last day of the leave"), N_("YYYY-MM-DD") },
    { "approval", 0, 0, G_OPTION_ARG_STRING, &l->approval,
      N_("The authority's approval reference"), N_("TEXT") },
    { NULL },
  };
  static const char summary[] =
    N_("Records approved leave away from the job during a certificate cycle; leave of 3 months "
       "or more extends the cycle. Prints the record's id.");
  g_autoptr (GOptionContext) context = td_cli_context_new (
    "trainee cycle leave TRAINEE CYCLE --from YYYY-MM-DD --until YYYY-MM-DD", summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 2 || (l->cycle_id = td_cli_parse_id (refs[1])) == 0)
    return td_cli_fail (_("trainee cycle leave needs a TRAINEE and the CYCLE id."));
  if ((p = td_cli_open_person_history (db, refs[0], &store, &error)) == NULL)
    return td_cli_fail_error (error);
  /* The cycle must be this person's: voiding and listing go by person too. */
  if (!has_cycle (p, l->cycle_id))
    return td_cli_fail (_("The person has no such certificate cycle."));
  if (!td_store_add_cycle_leave (store, l, &error))
    return td_cli_fail_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", l->id);
  return TD_CLI_EXIT_OK;
}

static int
cycle_remove (int argc, char **argv)
{
  static const TdCliRemoveRecord what = {
    "trainee cycle remove TRAINEE RECORD", remove_summary, remove_usage, "cycle",
  };

  return td_cli_remove_person_record (&what, argc, argv);
}

static const TdCliCommand role_commands[] = {
  { "add", role_add, "add TRAINEE (--role N | --qualification SLUG) --since YYYY-MM-DD",
    N_("record a role or qualification the person holds") },
  { "list", role_list, "list TRAINEE", N_("list the person's roles, qualifications and cycles") },
  { "remove", role_remove, "remove TRAINEE RECORD [--reason TEXT]",
    N_("void a role or qualification record") },
  { NULL },
};

static const TdCliCommand cycle_commands[] = {
  { "add", cycle_add, "add TRAINEE --qualification ID --from YYYY-MM-DD --until YYYY-MM-DD",
    N_("record a certificate cycle of a qualification") },
  { "leave", cycle_leave, "leave TRAINEE CYCLE --from YYYY-MM-DD --until YYYY-MM-DD",
    N_("record approved leave that extends a cycle") },
  { "remove", cycle_remove, "remove TRAINEE RECORD [--reason TEXT]",
    N_("void a certificate cycle record") },
  { NULL },
};

int
td_cli_trainee_role (int argc, char **argv)
{
  return td_cli_dispatch ("trainee role", role_commands, argc, argv);
}

int
td_cli_trainee_cycle (int argc, char **argv)
{
  return td_cli_dispatch ("trainee cycle", cycle_commands, argc, argv);
}
