/* td-course-file-export.c — writing the course exchange file ("training-desk/course@1")
 *
 * Objects keep the ids they had in the file they came from; objects made in the app
 * get generated ids (C<database id>, L<n>, S<n>, T<n>) that do not collide with the
 * kept ones. Once imported, generated ids are kept like any other, so exporting,
 * importing elsewhere and exporting again gives the same bytes.
 */
#define G_LOG_DOMAIN "td-course-file"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "td-course-file.h"

typedef struct {
  GPtrArray *lecturers;    /* TdLecturer* */
  GPtrArray *lecturer_ids; /* char*, the exchange id of each */
  GPtrArray *sessions;     /* TdSession* */
  GPtrArray *session_ids;
  GPtrArray *enrolments;   /* TdEnrolment* */
  GPtrArray *trainee_ids;
  GHashTable *lecturer_index; /* database id → position + 1 */
  GHashTable *session_index;
  GHashTable *trainee_index;
} Export;

static void
export_clear (Export *ex)
{
  g_clear_pointer (&ex->lecturers, g_ptr_array_unref);
  g_clear_pointer (&ex->lecturer_ids, g_ptr_array_unref);
  g_clear_pointer (&ex->sessions, g_ptr_array_unref);
  g_clear_pointer (&ex->session_ids, g_ptr_array_unref);
  g_clear_pointer (&ex->enrolments, g_ptr_array_unref);
  g_clear_pointer (&ex->trainee_ids, g_ptr_array_unref);
  g_clear_pointer (&ex->lecturer_index, g_hash_table_unref);
  g_clear_pointer (&ex->session_index, g_hash_table_unref);
  g_clear_pointer (&ex->trainee_index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

/* --- ids ----------------------------------------------------------------- */

/* Fills the NULL entries of @ids with @prefix<n>, skipping every id already used. */
static void
fill_missing_ids (GPtrArray *ids, char prefix)
{
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_ptr_array_index (ids, i) != NULL)
      g_hash_table_add (used, g_ptr_array_index (ids, i));

  for (guint i = 0; i < ids->len; i++)
    {
      char *candidate = NULL;

      if (g_ptr_array_index (ids, i) != NULL)
        continue;
      do
        {
          g_free (candidate);
          candidate = g_strdup_printf ("%c%u", prefix, ++n);
        }
      while (g_hash_table_contains (used, candidate));
      ids->pdata[i] = candidate;
      g_hash_table_add (used, candidate);
    }
}

static GHashTable *
index_by_id (GPtrArray *objects, gsize id_offset)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < objects->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = G_STRUCT_MEMBER (gint64, g_ptr_array_index (objects, i), id_offset);
      g_hash_table_insert (index, key, GUINT_TO_POINTER (i + 1));
    }
  return index;
}

static guint
position_of (GHashTable *index, gint64 id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
}

/* Lecturers linked to the course, then any a session names without a link (set in
 * the app's timetable), so every session's lecturer is in the file. */
static gboolean
load_lecturers (TdStore *store, gint64 course_id, Export *ex, GError **error)
{
  GPtrArray *ext = NULL;

  ex->lecturers = td_store_list_course_lecturers (store, course_id, &ext, error);
  if (ex->lecturers == NULL)
    return FALSE;
  ex->lecturer_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ex->lecturers->len; i++)
    g_ptr_array_add (ex->lecturer_ids, ext ? g_strdup (g_ptr_array_index (ext, i)) : NULL);
  g_clear_pointer (&ext, g_ptr_array_unref);
  ex->lecturer_index = index_by_id (ex->lecturers, G_STRUCT_OFFSET (TdLecturer, id));

  for (guint i = 0; i < ex->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (ex->sessions, i);
      TdLecturer *l;

      if (s->lecturer_id == 0 || position_of (ex->lecturer_index, s->lecturer_id) > 0)
        continue;
      l = td_store_get_lecturer (store, s->lecturer_id, error);
      if (l == NULL)
        return FALSE;
      g_ptr_array_add (ex->lecturers, l);
      g_ptr_array_add (ex->lecturer_ids, NULL);
      g_hash_table_insert (ex->lecturer_index, g_memdup2 (&l->id, sizeof l->id),
                           GUINT_TO_POINTER (ex->lecturers->len));
    }
  fill_missing_ids (ex->lecturer_ids, 'L');
  return TRUE;
}

static gboolean
load_export (TdStore *store, gint64 course_id, Export *ex, GError **error)
{
  ex->sessions = td_store_list_sessions (store, course_id, error);
  if (ex->sessions == NULL || !load_lecturers (store, course_id, ex, error))
    return FALSE;
  ex->session_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ex->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (ex->sessions, i);
      g_ptr_array_add (ex->session_ids, g_strdup (s->external_id));
    }
  fill_missing_ids (ex->session_ids, 'S');
  ex->session_index = index_by_id (ex->sessions, G_STRUCT_OFFSET (TdSession, id));

  ex->enrolments = td_store_list_enrolments (store, course_id, error);
  if (ex->enrolments == NULL)
    return FALSE;
  ex->trainee_ids = g_ptr_array_new_with_free_func (g_free);
  ex->trainee_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ex->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (ex->enrolments, i);
      g_ptr_array_add (ex->trainee_ids, g_strdup (e->external_id));
      g_hash_table_insert (ex->trainee_index, g_memdup2 (&e->trainee->id, sizeof (gint64)),
                           GUINT_TO_POINTER (i + 1));
    }
  fill_missing_ids (ex->trainee_ids, 'T');
  return TRUE;
}

/* --- building JSON ------------------------------------------------------- */

static void
add_string (JsonBuilder *b, const char *key, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b, const char *key, gint64 value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b, const char *key, gboolean value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_boolean_value (b, value);
}

/* Whole numbers as integers ("82", not "82.0"), so files read naturally. */
static void
add_number (JsonBuilder *b, const char *key, double value)
{
  json_builder_set_member_name (b, key);
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

static void
add_course_places (JsonBuilder *b, TdCourse *c)
{
  if ((c->venue_name && *c->venue_name) || (c->venue_address && *c->venue_address))
    {
      json_builder_set_member_name (b, "venue");
      json_builder_begin_object (b);
      add_string (b, "name", c->venue_name);
      add_string (b, "address", c->venue_address);
      json_builder_end_object (b);
    }
  add_string (b, "classroom", c->classroom);
  if ((c->counsellor_name && *c->counsellor_name) || c->counsellor_qualified)
    {
      json_builder_set_member_name (b, "counsellor");
      json_builder_begin_object (b);
      add_string (b, "name", c->counsellor_name);
      add_bool (b, "qualified", c->counsellor_qualified);
      json_builder_end_object (b);
    }
}

static void
add_course_changes (JsonBuilder *b, TdCourse *c)
{
  if (c->changes == NULL || c->changes->len == 0)
    return;
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->changes->len; i++)
    {
      TdCourseChange *change = g_ptr_array_index (c->changes, i);

      json_builder_begin_object (b);
      add_string (b, "filed_on", change->filed_on);
      add_bool (b, "force_majeure", change->force_majeure);
      add_string (b, "note", change->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_course (JsonBuilder *b, TdCourse *c)
{
  g_autofree char *id = c->external_id && *c->external_id
                          ? g_strdup (c->external_id)
                          : g_strdup_printf ("C%" G_GINT64_FORMAT, c->id);

  json_builder_set_member_name (b, "course");
  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_string (b, "regime", td_regime_to_string (c->regime));
  add_string (b, "category", c->category);
  add_string (b, "kind", td_course_kind_to_string (c->kind));
  add_string (b, "title", c->title);
  add_string (b, "period", c->period);
  add_string (b, "start", c->start_date);
  add_string (b, "end", c->end_date);
  add_course_places (b, c);
  add_int (b, "capacity", c->capacity);
  add_bool (b, "group_discussion", c->group_discussion);
  add_string (b, "filed_on", c->filed_on);
  add_course_changes (b, c);
  add_string (b, "records_archived_on", c->records_archived_on);
  add_string (b, "certificates_issued_on", c->certificates_issued_on);
  add_string (b, "materials", c->materials);
  add_int (b, "fee", c->fee);
  add_string (b, "exam_mode", td_exam_mode_to_string (c->exam_mode));
  add_string (b, "filing_ref", c->filing_ref);
  add_string (b, "status", td_course_status_to_string (c->status));
  json_builder_end_object (b);
}

static void
add_lecturers (JsonBuilder *b, Export *ex)
{
  json_builder_set_member_name (b, "lecturers");
  json_builder_begin_array (b);
  for (guint i = 0; i < ex->lecturers->len; i++)
    {
      TdLecturer *l = g_ptr_array_index (ex->lecturers, i);

      json_builder_begin_object (b);
      add_string (b, "id", g_ptr_array_index (ex->lecturer_ids, i));
      add_string (b, "name", l->name);
      add_string (b, "national_id", l->national_id);
      add_string (b, "phone", l->phone);
      add_string (b, "email", l->email);
      add_string (b, "address", l->address);
      add_string (b, "education", l->education);
      add_string (b, "post", l->post);
      add_string (b, "experience", l->experience);
      add_string (b, "qualifications", l->qualifications);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* "hours" when the length is a whole quarter hour (exact in binary, so 1.5 prints
 * as 1.5); otherwise exact "minutes" rather than 0.8333333333333334 hours. */
static void
add_session_length (JsonBuilder *b, int minutes)
{
  if (minutes % 15 == 0)
    add_number (b, "hours", minutes / 60.0);
  else
    add_int (b, "minutes", minutes);
}

static void
add_sessions (JsonBuilder *b, Export *ex)
{
  json_builder_set_member_name (b, "sessions");
  json_builder_begin_array (b);
  for (guint i = 0; i < ex->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (ex->sessions, i);
      guint lecturer = s->lecturer_id ? position_of (ex->lecturer_index, s->lecturer_id) : 0;

      json_builder_begin_object (b);
      add_string (b, "id", g_ptr_array_index (ex->session_ids, i));
      add_string (b, "date", s->date);
      add_string (b, "start", s->start_time);
      add_string (b, "end", s->end_time);
      add_string (b, "subject", s->subject);
      if (lecturer > 0)
        add_string (b, "lecturer", g_ptr_array_index (ex->lecturer_ids, lecturer - 1));
      add_string (b, "mode", td_session_mode_to_string (s->mode));
      add_session_length (b, s->minutes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_trainees (JsonBuilder *b, Export *ex)
{
  json_builder_set_member_name (b, "trainees");
  json_builder_begin_array (b);
  for (guint i = 0; i < ex->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (ex->enrolments, i);
      TdTrainee *t = e->trainee;

      json_builder_begin_object (b);
      add_string (b, "id", g_ptr_array_index (ex->trainee_ids, i));
      add_string (b, "name", t->name);
      add_string (b, "national_id", t->national_id);
      add_string (b, "birth_date", t->birth_date);
      add_string (b, "household_address", t->household_address);
      add_string (b, "contact_address", t->contact_address);
      add_string (b, "phone", t->phone);
      add_string (b, "email", t->email);
      add_string (b, "education", t->education);
      add_string (b, "employer", t->employer);
      add_string (b, "qualification_ref", t->qualification_ref);
      add_string (b, "remark", t->remark);
      add_string (b, "status", td_enrolment_status_to_string (e->status));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Sorting keys for records: timetable order, then roster order. */
typedef struct {
  guint session;
  guint trainee;
  gpointer record;
} Ordered;

static int
compare_ordered (gconstpointer a, gconstpointer b)
{
  const Ordered *x = a, *y = b;

  if (x->session != y->session)
    return x->session < y->session ? -1 : 1;
  return x->trainee < y->trainee ? -1 : x->trainee > y->trainee;
}

static gboolean
add_attendance (JsonBuilder *b, Export *ex, TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (GPtrArray) states = td_store_list_attendance (store, course_id, error);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (Ordered));

  if (states == NULL)
    return FALSE;
  for (guint i = 0; i < states->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (states, i);
      Ordered o = { position_of (ex->session_index, a->session_id),
                    position_of (ex->trainee_index, a->trainee_id), a };

      if (o.session == 0 || o.trainee == 0)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_STORE,
                       _("Attendance of trainee %" PRId64 " in session %"
                         PRId64 " belongs to no session or roster row of the course."),
                       a->trainee_id, a->session_id);
          return FALSE;
        }
      g_array_append_val (order, o);
    }
  g_array_sort (order, compare_ordered);

  json_builder_set_member_name (b, "attendance");
  json_builder_begin_array (b);
  for (guint i = 0; i < order->len; i++)
    {
      Ordered *o = &g_array_index (order, Ordered, i);
      TdAttendance *a = o->record;

      json_builder_begin_object (b);
      add_string (b, "trainee", g_ptr_array_index (ex->trainee_ids, o->trainee - 1));
      add_string (b, "session", g_ptr_array_index (ex->session_ids, o->session - 1));
      add_string (b, "status", td_attendance_status_to_string (a->status));
      add_string (b, "in", a->in_time);
      add_string (b, "out", a->out_time);
      add_string (b, "leave_kind", a->leave_kind);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static gboolean
add_scores (JsonBuilder *b, Export *ex, TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (GPtrArray) scores = td_store_list_scores (store, course_id, error);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (Ordered));

  if (scores == NULL)
    return FALSE;
  for (guint i = 0; i < scores->len; i++)
    {
      TdScore *s = g_ptr_array_index (scores, i);
      Ordered o = { 0, position_of (ex->trainee_index, s->trainee_id), s };

      if (o.trainee == 0)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_STORE,
                       _("A score of trainee %" PRId64 " belongs to no roster row of "
                         "the course."),
                       s->trainee_id);
          return FALSE;
        }
      g_array_append_val (order, o);
    }
  g_array_sort (order, compare_ordered);

  json_builder_set_member_name (b, "scores");
  json_builder_begin_array (b);
  for (guint i = 0; i < order->len; i++)
    {
      Ordered *o = &g_array_index (order, Ordered, i);
      TdScore *s = o->record;

      json_builder_begin_object (b);
      add_string (b, "trainee", g_ptr_array_index (ex->trainee_ids, o->trainee - 1));
      add_number (b, "score", s->score);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

/* --- public API ---------------------------------------------------------- */

char *
td_course_file_export_data (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_auto (Export) ex = { 0 };
  g_autofree char *text = NULL;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  course = td_store_get_course (store, course_id, error);
  if (course == NULL || !load_export (store, course_id, &ex, error))
    return NULL;

  json_builder_begin_object (b);
  add_string (b, "format", TD_COURSE_FILE_FORMAT);
  add_course (b, course);
  add_lecturers (b, &ex);
  add_sessions (b, &ex);
  add_trainees (b, &ex);
  if (!add_attendance (b, &ex, store, course_id, error) ||
      !add_scores (b, &ex, store, course_id, error))
    return NULL;
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

gboolean
td_course_file_export (TdStore *store, gint64 course_id, GFile *file, GError **error)
{
  g_autofree char *data = td_course_file_export_data (store, course_id, error);

  if (data == NULL)
    return FALSE;
  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
