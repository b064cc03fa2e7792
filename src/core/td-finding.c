/* td-finding.c — the finding value object and its JSON form */
#include "config.h"

#define G_LOG_DOMAIN "td-finding"

#include <glib/gi18n-lib.h>

#include "td-finding.h"

G_DEFINE_BOXED_TYPE (TdFinding, td_finding, td_finding_copy, td_finding_free)

static const char *const severity_names[] = { "error", "warning", "info" };

const char *
td_severity_to_string (TdSeverity severity)
{
  g_return_val_if_fail (severity <= TD_SEVERITY_INFO, NULL);
  return severity_names[severity];
}

gboolean
td_severity_from_string (const char *text, TdSeverity *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (severity_names); i++)
    if (g_strcmp0 (text, severity_names[i]) == 0)
      {
        *out = (TdSeverity) i;
        return TRUE;
      }
  return FALSE;
}

const char *
td_severity_label (TdSeverity severity)
{
  switch (severity)
    {
    case TD_SEVERITY_ERROR:
      return _("Error");
    case TD_SEVERITY_WARNING:
      return _("Warning");
    case TD_SEVERITY_INFO:
      return _("Information");
    default:
      g_return_val_if_reached (NULL);
    }
}

TdFinding *
td_finding_new (const char *rule, TdSeverity severity, const char *article, const char *message)
{
  TdFinding *f = g_new0 (TdFinding, 1);

  f->rule = g_strdup (rule);
  f->severity = severity;
  f->article = g_strdup (article);
  f->message = g_strdup (message);
  return f;
}

TdFinding *
td_finding_copy (const TdFinding *finding)
{
  TdFinding *f = g_new0 (TdFinding, 1);

  *f = *finding;
  f->rule = g_strdup (finding->rule);
  f->course_ref = g_strdup (finding->course_ref);
  f->session_ref = g_strdup (finding->session_ref);
  f->trainee_ref = g_strdup (finding->trainee_ref);
  f->article = g_strdup (finding->article);
  f->message = g_strdup (finding->message);
  f->action = g_strdup (finding->action);
  f->due = g_strdup (finding->due);
  return f;
}

void
td_finding_free (TdFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->course_ref);
  g_free (finding->session_ref);
  g_free (finding->trainee_ref);
  g_free (finding->article);
  g_free (finding->message);
  g_free (finding->action);
  g_free (finding->due);
  g_free (finding);
}

static char *
dup_key (gint64 id, const char *ref)
{
  if (ref != NULL && *ref != '\0')
    return g_strdup (ref);
  if (id > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, id);
  return NULL;
}

char *
td_finding_dup_course_key (const TdFinding *finding)
{
  return dup_key (finding->course_id, finding->course_ref);
}

char *
td_finding_dup_session_key (const TdFinding *finding)
{
  return dup_key (finding->session_id, finding->session_ref);
}

char *
td_finding_dup_trainee_key (const TdFinding *finding)
{
  return dup_key (finding->trainee_id, finding->trainee_ref);
}

static void
add_nullable (JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

JsonNode *
td_finding_to_json (const TdFinding *finding)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *course = td_finding_dup_course_key (finding);
  g_autofree char *session = td_finding_dup_session_key (finding);
  g_autofree char *trainee = td_finding_dup_trainee_key (finding);

  json_builder_begin_object (b);
  add_nullable (b, "rule", finding->rule);
  add_nullable (b, "severity", td_severity_to_string (finding->severity));
  add_nullable (b, "course", course);
  add_nullable (b, "session", session);
  add_nullable (b, "trainee", trainee);
  add_nullable (b, "article", finding->article);
  add_nullable (b, "message", finding->message);
  add_nullable (b, "action", finding->action);
  add_nullable (b, "due", finding->due);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
td_findings_to_json_string (GPtrArray *findings, gboolean pretty)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr (JsonArray) array = json_array_sized_new (findings->len);
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  for (guint i = 0; i < findings->len; i++)
    json_array_add_element (array, td_finding_to_json (g_ptr_array_index (findings, i)));
  json_node_set_array (root, array);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, NULL);
}

gint
td_finding_compare (gconstpointer a, gconstpointer b)
{
  const TdFinding *x = *(TdFinding *const *) a;
  const TdFinding *y = *(TdFinding *const *) b;
  int c;

  if (x->course_id != y->course_id)
    return x->course_id < y->course_id ? -1 : 1;
  if (x->severity != y->severity)
    return x->severity < y->severity ? -1 : 1;
  if ((c = g_strcmp0 (x->rule, y->rule)) != 0)
    return c;
  if (x->session_id != y->session_id)
    return x->session_id < y->session_id ? -1 : 1;
  if (x->trainee_id != y->trainee_id)
    return x->trainee_id < y->trainee_id ? -1 : 1;
  return g_strcmp0 (x->due, y->due);
}

gboolean
td_findings_have_errors (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    if (((TdFinding *) g_ptr_array_index (findings, i))->severity == TD_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}

gboolean
td_finding_equal (const TdFinding *a, const TdFinding *b)
{
  return a->severity == b->severity && a->course_id == b->course_id
         && a->session_id == b->session_id && a->trainee_id == b->trainee_id
         && g_strcmp0 (a->rule, b->rule) == 0 && g_strcmp0 (a->course_ref, b->course_ref) == 0
         && g_strcmp0 (a->session_ref, b->session_ref) == 0
         && g_strcmp0 (a->trainee_ref, b->trainee_ref) == 0
         && g_strcmp0 (a->article, b->article) == 0 && g_strcmp0 (a->message, b->message) == 0
         && g_strcmp0 (a->action, b->action) == 0 && g_strcmp0 (a->due, b->due) == 0;
}

gboolean
td_findings_equal (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!td_finding_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}
