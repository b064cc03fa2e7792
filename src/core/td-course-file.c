/* td-course-file.c — reading the course exchange file ("training-desk/course@1")
 *
 * Import parses the whole document into value objects first, checking every key,
 * type, date, time, ID and reference with the JSON path of the offending value;
 * only a document without a single problem is written, in one store transaction.
 * Export lives in td-course-file-export.c.
 */
#define G_LOG_DOMAIN "td-course-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "td-catalogue.h"
#include "td-course-file.h"
#include "td-national-id.h"
#include "td-roc-date.h"

typedef struct {
  char *id;
  TdLecturer *lecturer;
} FileLecturer;

typedef struct {
  TdSession *session;       /* external_id holds the file id */
  char *lecturer;           /* lecturer id in the file, or NULL */
} FileSession;

typedef struct {
  char *id;
  TdTrainee *trainee;
  TdEnrolmentStatus status;
} FileTrainee;

typedef struct {
  char *trainee;
  char *session;
  TdAttendance *attendance;
} FileAttendance;

typedef struct {
  char *trainee;
  double score;
} FileScore;

typedef struct {
  const char *file;
  GError **error;
  TdCourse *course;
  GPtrArray *lecturers;     /* FileLecturer* */
  GPtrArray *sessions;      /* FileSession* */
  GPtrArray *trainees;      /* FileTrainee* */
  GPtrArray *attendance;    /* FileAttendance* */
  GPtrArray *scores;        /* FileScore* */
  GHashTable *lecturer_ids; /* file id → index + 1 */
  GHashTable *session_ids;
  GHashTable *trainee_ids;
  GHashTable *member_names; /* JsonObject* → GHashTable of its key names, while parsing */
  GHashTable *duplicates;   /* JsonObject* → the first key it has twice */
} Doc;

/* --- value holders ------------------------------------------------------- */

static void
file_lecturer_free (FileLecturer *l)
{
  g_free (l->id);
  g_clear_object (&l->lecturer);
  g_free (l);
}

static void
file_session_free (FileSession *s)
{
  g_clear_object (&s->session);
  g_free (s->lecturer);
  g_free (s);
}

static void
file_trainee_free (FileTrainee *t)
{
  g_free (t->id);
  g_clear_object (&t->trainee);
  g_free (t);
}

static void
file_attendance_free (FileAttendance *a)
{
  g_free (a->trainee);
  g_free (a->session);
  g_clear_pointer (&a->attendance, td_attendance_free);
  g_free (a);
}

static void
file_score_free (FileScore *s)
{
  g_free (s->trainee);
  g_free (s);
}

static void
doc_init (Doc *doc, const char *file, GError **error)
{
  doc->file = file;
  doc->error = error;
  doc->course = td_course_new ();
  doc->lecturers = g_ptr_array_new_with_free_func ((GDestroyNotify) file_lecturer_free);
  doc->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) file_session_free);
  doc->trainees = g_ptr_array_new_with_free_func ((GDestroyNotify) file_trainee_free);
  doc->attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) file_attendance_free);
  doc->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) file_score_free);
  doc->lecturer_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->session_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->trainee_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Holding a reference keeps a replaced object's address from being reused. */
  doc->member_names = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) json_object_unref,
                                             (GDestroyNotify) g_hash_table_unref);
  doc->duplicates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static void
doc_clear (Doc *doc)
{
  g_clear_object (&doc->course);
  g_clear_pointer (&doc->lecturers, g_ptr_array_unref);
  g_clear_pointer (&doc->sessions, g_ptr_array_unref);
  g_clear_pointer (&doc->trainees, g_ptr_array_unref);
  g_clear_pointer (&doc->attendance, g_ptr_array_unref);
  g_clear_pointer (&doc->scores, g_ptr_array_unref);
  g_clear_pointer (&doc->lecturer_ids, g_hash_table_unref);
  g_clear_pointer (&doc->session_ids, g_hash_table_unref);
  g_clear_pointer (&doc->trainee_ids, g_hash_table_unref);
  g_clear_pointer (&doc->member_names, g_hash_table_unref);
  g_clear_pointer (&doc->duplicates, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Doc, doc_clear)

/* --- typed access with JSON paths ---------------------------------------- */

static gboolean G_GNUC_PRINTF (3, 4)
fail (Doc *doc, const char *path, const char *format, ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (doc->error, TD_ERROR, TD_ERROR_INVALID, "%s: %s: %s", doc->file, path, reason);
  return FALSE;
}

static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

/* json-glib keeps the last of two equal keys without a word; a strict reader must
 * refuse them, so the parser's member signal records every key as it is read. */
static void
object_member_cb (JsonParser *parser, JsonObject *object, const char *name, Doc *doc)
{
  GHashTable *names = g_hash_table_lookup (doc->member_names, object);

  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (doc->member_names, json_object_ref (object), names);
    }
  if (!g_hash_table_add (names, g_strdup (name)) &&
      !g_hash_table_contains (doc->duplicates, object))
    g_hash_table_insert (doc->duplicates, object, g_strdup (name));
}

/* "$.course.colour", or "$.course[\"two words\"]" when the key is no plain name. */
static char *
dup_member_path (const char *path, const char *key)
{
  gboolean plain = *key != '\0';

  for (const char *c = key; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      plain = FALSE;
  if (plain)
    return g_strdup_printf ("%s.%s", path, key);
  return g_strdup_printf ("%s[\"%s\"]", path, key);
}

static gboolean
check_keys (Doc *doc, JsonObject *object, const char *path, const char * const *allowed)
{
  g_autoptr (GList) members = json_object_get_members (object);
  const char *twice = g_hash_table_lookup (doc->duplicates, object);

  if (twice != NULL)
    {
      g_autofree char *where = dup_member_path (path, twice);
      return fail (doc, where, _("the key appears twice in the object."));
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!g_strv_contains (allowed, key))
        {
          g_autofree char *where = dup_member_path (path, key);
          return fail (doc, where, _("unknown key \"%s\"; this format does not have it."), key);
        }
    }
  return TRUE;
}

/* Looks up @key. Returns FALSE on error; *@out is NULL when the key is absent or null
 * and that is allowed. */
static gboolean
get_member (Doc *doc, JsonObject *object, const char *path, const char *key,
            gboolean required, JsonNode **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
      return fail (doc, where, node == NULL ? _("the key is required.") : _("must not be null."));
    }
  *out = node;
  return TRUE;
}

static gboolean
expect (Doc *doc, JsonNode *node, const char *path, const char *key, gboolean ok,
        const char *wanted)
{
  g_autofree char *where = NULL;

  if (ok)
    return TRUE;
  where = g_strdup_printf ("%s.%s", path, key);
  return fail (doc, where, _("must be %s, not %s."), wanted, node_kind (node));
}

static gboolean
has_text (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

static gboolean
get_string (Doc *doc, JsonObject *object, const char *path, const char *key,
            gboolean required, char **out)
{
  JsonNode *node;

  if (!get_member (doc, object, path, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!expect (doc, node, path, key, JSON_NODE_HOLDS_VALUE (node) &&
               json_node_get_value_type (node) == G_TYPE_STRING, _("a string")))
    return FALSE;
  if (required && !has_text (json_node_get_string (node)))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
      return fail (doc, where, _("must not be empty."));
    }
  g_free (*out);
  *out = json_node_dup_string (node);
  return TRUE;
}

static gboolean
get_date (Doc *doc, JsonObject *object, const char *path, const char *key,
          gboolean required, char **out)
{
  g_autofree char *text = NULL;

  if (!get_string (doc, object, path, key, required, &text))
    return FALSE;
  if (text != NULL && !td_iso_date_is_valid (text))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
      return fail (doc, where, _("\"%s\" is not a real date written YYYY-MM-DD."), text);
    }
  g_free (*out);
  *out = g_steal_pointer (&text);
  return TRUE;
}

/* Exactly "HH:MM", 00:00–24:00. */
static gboolean
get_time (Doc *doc, JsonObject *object, const char *path, const char *key,
          gboolean required, char **out)
{
  g_autofree char *text = NULL;

  if (!get_string (doc, object, path, key, required, &text))
    return FALSE;
  if (text != NULL && (strlen (text) != 5 || text[2] != ':' || td_time_parse_minutes (text) < 0))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
      return fail (doc, where, _("\"%s\" is not a time written HH:MM (00:00–24:00)."), text);
    }
  g_free (*out);
  *out = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
get_bool (Doc *doc, JsonObject *object, const char *path, const char *key, gboolean *out)
{
  JsonNode *node;

  if (!get_member (doc, object, path, key, FALSE, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!expect (doc, node, path, key, JSON_NODE_HOLDS_VALUE (node) &&
               json_node_get_value_type (node) == G_TYPE_BOOLEAN, _("true or false")))
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_number (Doc *doc, JsonObject *object, const char *path, const char *key,
            gboolean required, gboolean integer, double min, double max, double *out,
            gboolean *found)
{
  JsonNode *node;
  GType type;
  double value;

  if (!get_member (doc, object, path, key, required, &node))
    return FALSE;
  if (found != NULL)
    *found = node != NULL;
  if (node == NULL)
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (integer && type == G_TYPE_DOUBLE)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
      return fail (doc, where, _("%g is not a whole number."), json_node_get_double (node));
    }
  if (!expect (doc, node, path, key,
               type == G_TYPE_INT64 || (!integer && type == G_TYPE_DOUBLE),
               integer ? _("a whole number") : _("a number")))
    return FALSE;
  value = type == G_TYPE_INT64 ? (double) json_node_get_int (node) : json_node_get_double (node);
  if (!(value >= min && value <= max))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
      return fail (doc, where, _("%g is out of range (%g–%g)."), value, min, max);
    }
  *out = value;
  return TRUE;
}

static gboolean
get_int (Doc *doc, JsonObject *object, const char *path, const char *key, int *out)
{
  double value = *out;

  if (!get_number (doc, object, path, key, FALSE, TRUE, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

/* The td_*_from_string functions all take a pointer to an enum; enums with small
 * non-negative values share int's representation, so one reader serves them all. */
typedef gboolean (*EnumFromString) (const char *text, int *out);

static gboolean
get_enum (Doc *doc, JsonObject *object, const char *path, const char *key, gboolean required,
          gpointer from_string, const char *choices, int *out)
{
  g_autofree char *text = NULL;
  int value = 0;

  if (!get_string (doc, object, path, key, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!((EnumFromString) from_string) (text, &value))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);
      return fail (doc, where, _("\"%s\" is not one of %s."), text, choices);
    }
  *out = value;
  return TRUE;
}

static gboolean
get_object (Doc *doc, JsonObject *object, const char *path, const char *key,
            gboolean required, JsonObject **out)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (doc, object, path, key, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!expect (doc, node, path, key, JSON_NODE_HOLDS_OBJECT (node), _("an object")))
    return FALSE;
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
get_array (Doc *doc, JsonObject *object, const char *path, const char *key, JsonArray **out)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (doc, object, path, key, FALSE, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!expect (doc, node, path, key, JSON_NODE_HOLDS_ARRAY (node), _("an array")))
    return FALSE;
  *out = json_node_get_array (node);
  return TRUE;
}

/* The element @i of @array as an object, with its path "$.key[i]" in @path. */
static JsonObject *
element_object (Doc *doc, JsonArray *array, const char *list_path, guint i, char **path)
{
  JsonNode *node = json_array_get_element (array, i);

  *path = g_strdup_printf ("%s[%u]", list_path, i);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (doc, *path, _("must be an object, not %s."), node_kind (node));
      return NULL;
    }
  return json_node_get_object (node);
}

/* Registers @id in @ids, failing when an earlier element of the list has it. */
static gboolean
register_id (Doc *doc, GHashTable *ids, const char *path, const char *id, guint index)
{
  gpointer earlier;

  if (g_hash_table_lookup_extended (ids, id, NULL, &earlier))
    {
      g_autofree char *where = g_strdup_printf ("%s.id", path);
      return fail (doc, where, _("\"%s\" is used twice in the list (first at index %u)."), id,
                   GPOINTER_TO_UINT (earlier) - 1);
    }
  g_hash_table_insert (ids, g_strdup (id), GUINT_TO_POINTER (index + 1));
  return TRUE;
}

static gboolean
check_reference (Doc *doc, GHashTable *ids, const char *path, const char *key, const char *ref,
                 const char *list)
{
  g_autofree char *where = NULL;

  if (ref == NULL || g_hash_table_contains (ids, ref))
    return TRUE;
  where = g_strdup_printf ("%s.%s", path, key);
  return fail (doc, where, _("\"%s\" is not the id of any entry in $.%s."), ref, list);
}

/* Lower-cases the first letter of a sentence used after a colon ("The check…" →
 * "the check…"), leaving acronyms such as "ID" alone. */
static char *
dup_clause (const char *sentence)
{
  char *copy = g_strdup (sentence);

  if (g_ascii_isupper (copy[0]) && !g_ascii_isupper (copy[1]))
    copy[0] = g_ascii_tolower (copy[0]);
  return copy;
}

static gboolean
get_national_id (Doc *doc, JsonObject *object, const char *path, gboolean required, char **out)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clause = NULL;
  g_autofree char *where = NULL;

  if (!get_string (doc, object, path, "national_id", required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  g_free (*out);
  *out = td_national_id_check (text, NULL, &local_error);
  if (*out != NULL)
    return TRUE;
  clause = dup_clause (local_error->message);
  where = g_strdup_printf ("%s.national_id", path);
  return fail (doc, where, _("\"%s\" is not a valid ID: %s"), text, clause);
}

/* --- the course ---------------------------------------------------------- */

static const char * const course_keys[] = {
  "id", "regime", "category", "kind", "title", "period", "start", "end", "venue", "classroom",
  "counsellor", "capacity", "fee", "group_discussion", "materials", "exam_mode", "filing_ref",
  "filed_on", "status", "changes", "records_archived_on", "certificates_issued_on", NULL
};
static const char * const venue_keys[] = { "name", "address", NULL };
static const char * const counsellor_keys[] = { "name", "qualified", NULL };
static const char * const change_keys[] = { "filed_on", "force_majeure", "note", NULL };

static gboolean
read_course_enums (Doc *doc, JsonObject *o, const char *path)
{
  TdCourse *c = doc->course;
  int regime = c->regime, kind = c->kind, exam = c->exam_mode, status = c->status;

  if (!get_enum (doc, o, path, "regime", TRUE, td_regime_from_string,
                 "osh, health, vr-ce, hours", &regime) ||
      !get_enum (doc, o, path, "kind", TRUE, td_course_kind_from_string,
                 "professional, in-service, continuing", &kind) ||
      !get_enum (doc, o, path, "exam_mode", FALSE, td_exam_mode_from_string,
                 "none, test-site, own, skills", &exam) ||
      !get_enum (doc, o, path, "status", FALSE, td_course_status_from_string,
                 "draft, filed, running, ended, closed", &status))
    return FALSE;
  c->regime = regime;
  c->kind = kind;
  c->exam_mode = exam;
  c->status = status;
  return TRUE;
}

static gboolean
read_course_nested (Doc *doc, JsonObject *o, const char *path)
{
  TdCourse *c = doc->course;
  g_autofree char *venue_path = g_strdup_printf ("%s.venue", path);
  g_autofree char *counsellor_path = g_strdup_printf ("%s.counsellor", path);
  JsonObject *venue, *counsellor;

  if (!get_object (doc, o, path, "venue", FALSE, &venue) ||
      !get_object (doc, o, path, "counsellor", FALSE, &counsellor))
    return FALSE;
  if (venue != NULL &&
      (!check_keys (doc, venue, venue_path, venue_keys) ||
       !get_string (doc, venue, venue_path, "name", FALSE, &c->venue_name) ||
       !get_string (doc, venue, venue_path, "address", FALSE, &c->venue_address)))
    return FALSE;
  if (counsellor != NULL &&
      (!check_keys (doc, counsellor, counsellor_path, counsellor_keys) ||
       !get_string (doc, counsellor, counsellor_path, "name", FALSE, &c->counsellor_name) ||
       !get_bool (doc, counsellor, counsellor_path, "qualified", &c->counsellor_qualified)))
    return FALSE;
  return TRUE;
}

static gboolean
read_course_changes (Doc *doc, JsonObject *o, const char *path)
{
  g_autofree char *list_path = g_strdup_printf ("%s.changes", path);
  JsonArray *changes;

  if (!get_array (doc, o, path, "changes", &changes))
    return FALSE;
  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      g_autofree char *item_path = NULL;
      g_autofree char *filed_on = NULL;
      g_autofree char *note = NULL;
      gboolean force_majeure = FALSE;
      JsonObject *item = element_object (doc, changes, list_path, i, &item_path);

      if (item == NULL || !check_keys (doc, item, item_path, change_keys) ||
          !get_date (doc, item, item_path, "filed_on", TRUE, &filed_on) ||
          !get_bool (doc, item, item_path, "force_majeure", &force_majeure) ||
          !get_string (doc, item, item_path, "note", FALSE, &note))
        return FALSE;
      g_ptr_array_add (doc->course->changes, td_course_change_new (filed_on, force_majeure, note));
    }
  return TRUE;
}

/* The rules and forms work from the catalogue entry, so a course must name one, and
 * one of its own regime. */
static gboolean
check_category (Doc *doc)
{
  g_autoptr (TdCatalogue) catalogue = td_catalogue_load_default (doc->error);
  const TdCategory *category;
  TdCourse *c = doc->course;

  if (catalogue == NULL)
    return FALSE;
  category = td_catalogue_lookup (catalogue, c->category);
  if (category == NULL)
    return fail (doc, "$.course.category",
                 _("\"%s\" is not a category of the catalogue (see docs/catalogue.md)."),
                 c->category);
  if (category->regime != c->regime)
    return fail (doc, "$.course.regime",
                 _("category \"%s\" belongs to regime \"%s\", not \"%s\"."), c->category,
                 td_regime_to_string (category->regime), td_regime_to_string (c->regime));
  return TRUE;
}

static gboolean
read_course (Doc *doc, JsonObject *root)
{
  const char *path = "$.course";
  TdCourse *c = doc->course;
  JsonObject *o;

  if (!get_object (doc, root, "$", "course", TRUE, &o) ||
      !check_keys (doc, o, path, course_keys) ||
      !get_string (doc, o, path, "id", FALSE, &c->external_id) ||
      !read_course_enums (doc, o, path) ||
      !get_string (doc, o, path, "category", TRUE, &c->category) ||
      !get_string (doc, o, path, "title", TRUE, &c->title) ||
      !get_string (doc, o, path, "period", FALSE, &c->period) ||
      !get_date (doc, o, path, "start", TRUE, &c->start_date) ||
      !get_date (doc, o, path, "end", TRUE, &c->end_date) ||
      !read_course_nested (doc, o, path) ||
      !get_string (doc, o, path, "classroom", FALSE, &c->classroom) ||
      !get_int (doc, o, path, "capacity", &c->capacity) ||
      !get_int (doc, o, path, "fee", &c->fee) ||
      !get_bool (doc, o, path, "group_discussion", &c->group_discussion) ||
      !get_string (doc, o, path, "materials", FALSE, &c->materials) ||
      !get_string (doc, o, path, "filing_ref", FALSE, &c->filing_ref) ||
      !get_date (doc, o, path, "filed_on", FALSE, &c->filed_on) ||
      !get_date (doc, o, path, "records_archived_on", FALSE, &c->records_archived_on) ||
      !get_date (doc, o, path, "certificates_issued_on", FALSE, &c->certificates_issued_on) ||
      !read_course_changes (doc, o, path))
    return FALSE;

  if (strcmp (c->end_date, c->start_date) < 0)
    return fail (doc, "$.course.end", _("the course ends (%s) before it starts (%s)."),
                 c->end_date, c->start_date);
  return check_category (doc);
}

/* --- lecturers ----------------------------------------------------------- */

static const char * const lecturer_keys[] = {
  "id", "name", "national_id", "phone", "email", "address", "education", "post", "experience",
  "qualifications", NULL
};

static gboolean
read_lecturer (Doc *doc, JsonObject *o, const char *path, guint index, GHashTable *national_ids)
{
  FileLecturer *fl = g_new0 (FileLecturer, 1);
  TdLecturer *l = td_lecturer_new ();
  gpointer earlier;

  fl->lecturer = l;
  g_ptr_array_add (doc->lecturers, fl);
  if (!check_keys (doc, o, path, lecturer_keys) ||
      !get_string (doc, o, path, "id", TRUE, &fl->id) ||
      !register_id (doc, doc->lecturer_ids, path, fl->id, index) ||
      !get_string (doc, o, path, "name", TRUE, &l->name) ||
      !get_national_id (doc, o, path, FALSE, &l->national_id) ||
      !get_string (doc, o, path, "phone", FALSE, &l->phone) ||
      !get_string (doc, o, path, "email", FALSE, &l->email) ||
      !get_string (doc, o, path, "address", FALSE, &l->address) ||
      !get_string (doc, o, path, "education", FALSE, &l->education) ||
      !get_string (doc, o, path, "post", FALSE, &l->post) ||
      !get_string (doc, o, path, "experience", FALSE, &l->experience) ||
      !get_string (doc, o, path, "qualifications", FALSE, &l->qualifications))
    return FALSE;

  if (l->national_id == NULL)
    return TRUE;
  if (g_hash_table_lookup_extended (national_ids, l->national_id, NULL, &earlier))
    {
      g_autofree char *where = g_strdup_printf ("%s.national_id", path);
      return fail (doc, where, _("\"%s\" is also the ID of $.lecturers[%u]."), l->national_id,
                   GPOINTER_TO_UINT (earlier));
    }
  g_hash_table_insert (national_ids, l->national_id, GUINT_TO_POINTER (index));
  return TRUE;
}

static gboolean
read_lecturers (Doc *doc, JsonObject *root)
{
  g_autoptr (GHashTable) national_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *list;

  if (!get_array (doc, root, "$", "lecturers", &list))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *o = element_object (doc, list, "$.lecturers", i, &path);

      if (o == NULL || !read_lecturer (doc, o, path, i, national_ids))
        return FALSE;
    }
  return TRUE;
}

/* --- sessions ------------------------------------------------------------ */

static const char * const session_keys[] = {
  "id", "date", "start", "end", "subject", "lecturer", "mode", "hours", "minutes", NULL
};

/* "hours" may be fractional (rounded to whole minutes); "minutes" is exact. Neither
 * means the span from start to end. */
static gboolean
read_session_length (Doc *doc, JsonObject *o, const char *path, TdSession *s)
{
  double hours = 0, minutes = 0;
  gboolean has_hours = FALSE, has_minutes = FALSE;

  if (!get_number (doc, o, path, "hours", FALSE, FALSE, 0, 24, &hours, &has_hours) ||
      !get_number (doc, o, path, "minutes", FALSE, TRUE, 1, 24 * 60, &minutes, &has_minutes))
    return FALSE;
  if (has_hours && has_minutes)
    {
      g_autofree char *where = g_strdup_printf ("%s.minutes", path);
      return fail (doc, where, _("give either \"hours\" or \"minutes\", not both."));
    }
  if (has_minutes)
    s->minutes = (int) minutes;
  else if (has_hours)
    s->minutes = (int) round (hours * 60);
  else
    s->minutes = td_session_span_minutes (s);

  if (s->minutes <= 0)
    {
      g_autofree char *where = g_strdup_printf ("%s.hours", path);
      return fail (doc, where, _("%g hours is less than a minute."), hours);
    }
  return TRUE;
}

static gboolean
read_session (Doc *doc, JsonObject *o, const char *path, guint index)
{
  FileSession *fs = g_new0 (FileSession, 1);
  TdSession *s = td_session_new ();
  int mode = s->mode;

  fs->session = s;
  s->position = (int) index;
  g_ptr_array_add (doc->sessions, fs);
  if (!check_keys (doc, o, path, session_keys) ||
      !get_string (doc, o, path, "id", TRUE, &s->external_id) ||
      !register_id (doc, doc->session_ids, path, s->external_id, index) ||
      !get_date (doc, o, path, "date", TRUE, &s->date) ||
      !get_time (doc, o, path, "start", TRUE, &s->start_time) ||
      !get_time (doc, o, path, "end", TRUE, &s->end_time) ||
      !get_string (doc, o, path, "subject", TRUE, &s->subject) ||
      !get_string (doc, o, path, "lecturer", FALSE, &fs->lecturer) ||
      !check_reference (doc, doc->lecturer_ids, path, "lecturer", fs->lecturer, "lecturers") ||
      !get_enum (doc, o, path, "mode", FALSE, td_session_mode_from_string,
                 "theory, practical, practicum", &mode))
    return FALSE;
  s->mode = mode;

  if (td_session_span_minutes (s) < 0)
    {
      g_autofree char *where = g_strdup_printf ("%s.end", path);
      return fail (doc, where, _("the session ends (%s) before or when it starts (%s)."),
                   s->end_time, s->start_time);
    }
  return read_session_length (doc, o, path, s);
}

static gboolean
read_sessions (Doc *doc, JsonObject *root)
{
  JsonArray *list;

  if (!get_array (doc, root, "$", "sessions", &list))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *o = element_object (doc, list, "$.sessions", i, &path);

      if (o == NULL || !read_session (doc, o, path, i))
        return FALSE;
    }
  return TRUE;
}

/* --- trainees ------------------------------------------------------------ */

static const char * const trainee_keys[] = {
  "id", "name", "national_id", "birth_date", "household_address", "contact_address", "phone",
  "email", "education", "employer", "qualification_ref", "remark", "status", NULL
};

static gboolean
read_trainee (Doc *doc, JsonObject *o, const char *path, guint index, GHashTable *national_ids)
{
  FileTrainee *ft = g_new0 (FileTrainee, 1);
  TdTrainee *t = td_trainee_new ();
  int status = TD_ENROLMENT_ENROLLED;
  gpointer earlier;

  ft->trainee = t;
  g_ptr_array_add (doc->trainees, ft);
  if (!check_keys (doc, o, path, trainee_keys) ||
      !get_string (doc, o, path, "id", TRUE, &ft->id) ||
      !register_id (doc, doc->trainee_ids, path, ft->id, index) ||
      !get_string (doc, o, path, "name", TRUE, &t->name) ||
      !get_national_id (doc, o, path, TRUE, &t->national_id) ||
      !get_date (doc, o, path, "birth_date", FALSE, &t->birth_date) ||
      !get_string (doc, o, path, "household_address", FALSE, &t->household_address) ||
      !get_string (doc, o, path, "contact_address", FALSE, &t->contact_address) ||
      !get_string (doc, o, path, "phone", FALSE, &t->phone) ||
      !get_string (doc, o, path, "email", FALSE, &t->email) ||
      !get_string (doc, o, path, "education", FALSE, &t->education) ||
      !get_string (doc, o, path, "employer", FALSE, &t->employer) ||
      !get_string (doc, o, path, "qualification_ref", FALSE, &t->qualification_ref) ||
      !get_string (doc, o, path, "remark", FALSE, &t->remark) ||
      !get_enum (doc, o, path, "status", FALSE, td_enrolment_status_from_string,
                 "enrolled, dismissed, completed, passed, failed", &status))
    return FALSE;
  ft->status = status;

  if (g_hash_table_lookup_extended (national_ids, t->national_id, NULL, &earlier))
    {
      g_autofree char *where = g_strdup_printf ("%s.national_id", path);
      return fail (doc, where, _("\"%s\" is also the ID of $.trainees[%u]; a person is on a "
                                 "roster once."),
                   t->national_id, GPOINTER_TO_UINT (earlier));
    }
  g_hash_table_insert (national_ids, t->national_id, GUINT_TO_POINTER (index));
  return TRUE;
}

static gboolean
read_trainees (Doc *doc, JsonObject *root)
{
  g_autoptr (GHashTable) national_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *list;

  if (!get_array (doc, root, "$", "trainees", &list))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *o = element_object (doc, list, "$.trainees", i, &path);

      if (o == NULL || !read_trainee (doc, o, path, i, national_ids))
        return FALSE;
    }
  return TRUE;
}

/* --- attendance and scores ----------------------------------------------- */

static const char * const attendance_keys[] = {
  "trainee", "session", "status", "in", "out", "leave_kind", NULL
};
static const char * const score_keys[] = { "trainee", "score", NULL };

/* Times belong to a presence, a leave kind to a leave; anything else is a mistake. */
static gboolean
check_attendance_shape (Doc *doc, const char *path, TdAttendance *a)
{
  g_autofree char *where = NULL;

  if (a->status != TD_ATTENDANCE_PRESENT && (a->in_time != NULL || a->out_time != NULL))
    {
      where = g_strdup_printf ("%s.%s", path, a->in_time != NULL ? "in" : "out");
      return fail (doc, where, _("times are only given when the status is \"present\"."));
    }
  if (a->status != TD_ATTENDANCE_LEAVE && a->leave_kind != NULL)
    {
      where = g_strdup_printf ("%s.leave_kind", path);
      return fail (doc, where, _("a leave kind is only given when the status is \"leave\"."));
    }
  if (a->in_time != NULL && a->out_time != NULL &&
      td_time_parse_minutes (a->out_time) < td_time_parse_minutes (a->in_time))
    {
      where = g_strdup_printf ("%s.out", path);
      return fail (doc, where, _("the trainee signs out (%s) before signing in (%s)."),
                   a->out_time, a->in_time);
    }
  return TRUE;
}

static gboolean
read_attendance_item (Doc *doc, JsonObject *o, const char *path, GHashTable *cells)
{
  FileAttendance *fa = g_new0 (FileAttendance, 1);
  TdAttendance *a = td_attendance_new (0, 0, TD_ATTENDANCE_PRESENT);
  int status = a->status;
  g_autofree char *cell = NULL;
  gpointer earlier;

  fa->attendance = a;
  a->source = TD_ATTENDANCE_SOURCE_IMPORT;
  g_ptr_array_add (doc->attendance, fa);
  if (!check_keys (doc, o, path, attendance_keys) ||
      !get_string (doc, o, path, "trainee", TRUE, &fa->trainee) ||
      !check_reference (doc, doc->trainee_ids, path, "trainee", fa->trainee, "trainees") ||
      !get_string (doc, o, path, "session", TRUE, &fa->session) ||
      !check_reference (doc, doc->session_ids, path, "session", fa->session, "sessions") ||
      !get_enum (doc, o, path, "status", FALSE, td_attendance_status_from_string,
                 "present, leave, absent", &status) ||
      !get_time (doc, o, path, "in", FALSE, &a->in_time) ||
      !get_time (doc, o, path, "out", FALSE, &a->out_time) ||
      !get_string (doc, o, path, "leave_kind", FALSE, &a->leave_kind))
    return FALSE;
  a->status = status;
  if (!check_attendance_shape (doc, path, a))
    return FALSE;

  cell = g_strdup_printf ("%s\x1f%s", fa->trainee, fa->session);
  if (g_hash_table_lookup_extended (cells, cell, NULL, &earlier))
    return fail (doc, path, _("trainee \"%s\" in session \"%s\" is already given at "
                              "$.attendance[%u]."),
                 fa->trainee, fa->session, GPOINTER_TO_UINT (earlier));
  g_hash_table_insert (cells, g_steal_pointer (&cell), GUINT_TO_POINTER (doc->attendance->len - 1));
  return TRUE;
}

static gboolean
read_score (Doc *doc, JsonObject *o, const char *path, GHashTable *seen)
{
  FileScore *fs = g_new0 (FileScore, 1);
  gpointer earlier;

  g_ptr_array_add (doc->scores, fs);
  if (!check_keys (doc, o, path, score_keys) ||
      !get_string (doc, o, path, "trainee", TRUE, &fs->trainee) ||
      !check_reference (doc, doc->trainee_ids, path, "trainee", fs->trainee, "trainees") ||
      !get_number (doc, o, path, "score", TRUE, FALSE, 0, 100, &fs->score, NULL))
    return FALSE;
  if (g_hash_table_lookup_extended (seen, fs->trainee, NULL, &earlier))
    {
      g_autofree char *where = g_strdup_printf ("%s.trainee", path);
      return fail (doc, where, _("trainee \"%s\" already has a score at $.scores[%u]."),
                   fs->trainee, GPOINTER_TO_UINT (earlier));
    }
  g_hash_table_insert (seen, fs->trainee, GUINT_TO_POINTER (doc->scores->len - 1));
  return TRUE;
}

static gboolean
read_records (Doc *doc, JsonObject *root)
{
  g_autoptr (GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) scored = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *attendance, *scores;

  if (!get_array (doc, root, "$", "attendance", &attendance) ||
      !get_array (doc, root, "$", "scores", &scores))
    return FALSE;
  for (guint i = 0; attendance != NULL && i < json_array_get_length (attendance); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *o = element_object (doc, attendance, "$.attendance", i, &path);

      if (o == NULL || !read_attendance_item (doc, o, path, cells))
        return FALSE;
    }
  for (guint i = 0; scores != NULL && i < json_array_get_length (scores); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *o = element_object (doc, scores, "$.scores", i, &path);

      if (o == NULL || !read_score (doc, o, path, scored))
        return FALSE;
    }
  return TRUE;
}

static const char * const root_keys[] = {
  "format", "course", "lecturers", "sessions", "trainees", "attendance", "scores", NULL
};

static gboolean
read_document (Doc *doc, JsonNode *root_node)
{
  g_autofree char *format = NULL;
  JsonObject *root;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (doc, "$", _("the document must be a JSON object, not %s."),
                 root_node ? node_kind (root_node) : _("empty"));
  root = json_node_get_object (root_node);
  if (!check_keys (doc, root, "$", root_keys) ||
      !get_string (doc, root, "$", "format", TRUE, &format))
    return FALSE;
  if (strcmp (format, TD_COURSE_FILE_FORMAT) != 0)
    return fail (doc, "$.format", _("\"%s\" is not a format this version reads (\"%s\")."),
                 format, TD_COURSE_FILE_FORMAT);

  /* Lists are read in dependency order so references can be checked as they come. */
  return read_course (doc, root) && read_lecturers (doc, root) && read_sessions (doc, root) &&
         read_trainees (doc, root) && read_records (doc, root);
}

/* --- writing into the store ---------------------------------------------- */

static gboolean
fail_store (Doc *doc, const char *path, GError *local_error)
{
  g_set_error (doc->error, local_error->domain, local_error->code, "%s: %s: %s", doc->file, path,
               local_error->message);
  return FALSE;
}

static gpointer
lookup (GPtrArray *list, GHashTable *ids, const char *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (ids, id));

  g_assert (index > 0);
  return g_ptr_array_index (list, index - 1);
}

/* A directory lecturer with the same ID takes the file's non-empty fields. */
static void
merge_lecturer (TdLecturer *into, TdLecturer *from)
{
  char **fields_into[] = { &into->name, &into->phone, &into->email, &into->address,
                           &into->education, &into->post, &into->experience,
                           &into->qualifications };
  char *fields_from[] = { from->name, from->phone, from->email, from->address, from->education,
                          from->post, from->experience, from->qualifications };

  for (guint i = 0; i < G_N_ELEMENTS (fields_into); i++)
    if (fields_from[i] != NULL && *fields_from[i] != '\0')
      {
        g_free (*fields_into[i]);
        *fields_into[i] = g_strdup (fields_from[i]);
      }
}

static GHashTable *
index_directory (TdStore *store, Doc *doc)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) all = td_store_list_lecturers (store, NULL, &local_error);
  GHashTable *by_id;

  if (all == NULL)
    {
      fail_store (doc, "$.lecturers", local_error);
      return NULL;
    }
  by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      TdLecturer *l = g_ptr_array_index (all, i);

      if (l->national_id != NULL && *l->national_id != '\0')
        g_hash_table_insert (by_id, g_strdup (l->national_id), g_object_ref (l));
    }
  return by_id;
}

static gboolean
write_lecturers (TdStore *store, Doc *doc)
{
  g_autoptr (GHashTable) directory = index_directory (store, doc);

  if (directory == NULL)
    return FALSE;
  for (guint i = 0; i < doc->lecturers->len; i++)
    {
      FileLecturer *fl = g_ptr_array_index (doc->lecturers, i);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *path = g_strdup_printf ("$.lecturers[%u]", i);
      TdLecturer *known = NULL;

      if (fl->lecturer->national_id != NULL)
        known = g_hash_table_lookup (directory, fl->lecturer->national_id);
      if (known != NULL)
        {
          merge_lecturer (known, fl->lecturer);
          g_set_object (&fl->lecturer, known);
        }
      if (!td_store_save_lecturer (store, fl->lecturer, &local_error) ||
          !td_store_link_course_lecturer (store, doc->course->id, fl->lecturer->id, fl->id,
                                          &local_error))
        return fail_store (doc, path, local_error);
    }
  return TRUE;
}

static gboolean
write_sessions (TdStore *store, Doc *doc)
{
  for (guint i = 0; i < doc->sessions->len; i++)
    {
      FileSession *fs = g_ptr_array_index (doc->sessions, i);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *path = g_strdup_printf ("$.sessions[%u]", i);

      fs->session->course_id = doc->course->id;
      if (fs->lecturer != NULL)
        {
          FileLecturer *fl = lookup (doc->lecturers, doc->lecturer_ids, fs->lecturer);
          fs->session->lecturer_id = fl->lecturer->id;
        }
      if (!td_store_save_session (store, fs->session, &local_error))
        return fail_store (doc, path, local_error);
    }
  return TRUE;
}

static gboolean
write_trainees (TdStore *store, Doc *doc)
{
  for (guint i = 0; i < doc->trainees->len; i++)
    {
      FileTrainee *ft = g_ptr_array_index (doc->trainees, i);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (TdEnrolment) enrolment = NULL;
      g_autofree char *path = g_strdup_printf ("$.trainees[%u]", i);

      if (!td_store_enrol (store, doc->course->id, ft->trainee, ft->id, &enrolment, &local_error))
        return fail_store (doc, path, local_error);
      if (ft->status != TD_ENROLMENT_ENROLLED &&
          !td_store_set_enrolment_status (store, enrolment->id, ft->status, &local_error))
        return fail_store (doc, path, local_error);
    }
  return TRUE;
}

static gboolean
write_records (TdStore *store, Doc *doc)
{
  for (guint i = 0; i < doc->attendance->len; i++)
    {
      FileAttendance *fa = g_ptr_array_index (doc->attendance, i);
      FileTrainee *ft = lookup (doc->trainees, doc->trainee_ids, fa->trainee);
      FileSession *fs = lookup (doc->sessions, doc->session_ids, fa->session);
      g_autoptr (GError) local_error = NULL;

      fa->attendance->trainee_id = ft->trainee->id;
      fa->attendance->session_id = fs->session->id;
      if (!td_store_record_attendance (store, fa->attendance, &local_error))
        {
          g_autofree char *path = g_strdup_printf ("$.attendance[%u]", i);
          return fail_store (doc, path, local_error);
        }
    }
  for (guint i = 0; i < doc->scores->len; i++)
    {
      FileScore *fsc = g_ptr_array_index (doc->scores, i);
      FileTrainee *ft = lookup (doc->trainees, doc->trainee_ids, fsc->trainee);
      g_autoptr (GError) local_error = NULL;

      if (!td_store_record_score (store, doc->course->id, ft->trainee->id, fsc->score,
                                  &local_error))
        {
          g_autofree char *path = g_strdup_printf ("$.scores[%u]", i);
          return fail_store (doc, path, local_error);
        }
    }
  return TRUE;
}

static gboolean
write_document (TdStore *store, Doc *doc)
{
  g_autoptr (GError) local_error = NULL;

  if (!td_store_begin (store, doc->error))
    return FALSE;
  if (!td_store_save_course (store, doc->course, &local_error))
    {
      td_store_rollback (store);
      return fail_store (doc, "$.course", local_error);
    }
  if (!write_lecturers (store, doc) || !write_sessions (store, doc) ||
      !write_trainees (store, doc) || !write_records (store, doc))
    {
      td_store_rollback (store);
      return FALSE;
    }
  if (!td_store_commit (store, doc->error))
    {
      td_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* --- public API ---------------------------------------------------------- */

/* json-glib says "<data>:3:14: Parse error: …"; users need "line 3, column 14". */
static char *
describe_parse_error (const char *message)
{
  const char *p = message + strlen ("<data>:");
  char *end = NULL;
  guint64 line, column;

  if (!g_str_has_prefix (message, "<data>:"))
    return g_strdup (message);
  line = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup (message);
  p = end + 1;
  column = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup (message);
  return g_strdup_printf (_("line %u, column %u: %s"), (guint) line, (guint) column,
                          g_strchug (end + 1));
}

gint64
td_course_file_import_data (TdStore *store, const char *data, gsize length,
                            const char *display_name, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) parse_error = NULL;
  g_auto (Doc) doc = { 0 };
  const char *bad = NULL;

  g_return_val_if_fail (TD_IS_STORE (store), 0);
  g_return_val_if_fail (data != NULL || length == 0, 0);

  if (display_name == NULL)
    display_name = "course.json";
  doc_init (&doc, display_name, error);

  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint line = 1;

      for (const char *c = data; c < bad; c++)
        line += *c == '\n';
      fail (&doc, "$", _("the file is not UTF-8 text (line %u); JSON files are UTF-8."), line);
      return 0;
    }
  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &doc);
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_autofree char *where = describe_parse_error (parse_error->message);

      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("%s: $: the file is not valid JSON: %s"),
                   display_name, where);
      return 0;
    }
  if (!read_document (&doc, json_parser_get_root (parser)) || !write_document (store, &doc))
    return 0;
  return doc.course->id;
}

gint64
td_course_file_import (TdStore *store, GFile *file, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return 0;
  name = g_file_get_basename (file);
  return td_course_file_import_data (store, data, length, name, error);
}
