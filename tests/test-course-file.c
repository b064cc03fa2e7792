/* test-course-file.c — the course exchange file: strict import, export, round trip */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "td-course-file.h"
#include "td-store.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
} Fixture;

static TdStore *
open_store (const char *dir, const char *name, char **path_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  TdStore *store = td_store_open (path, &error);

  g_assert_no_error (error);
  td_store_set_actor (store, "tester");
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("td-course-file-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f->dir, "test.db", &f->path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* "table=count" for every table of the database, to prove nothing changed. */
static char *
snapshot (Fixture *f)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 10);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (out, "%s=%lld\n", (char *) g_ptr_array_index (tables, i),
                              (long long) sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  return g_file_new_for_path (path);
}

static char *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);
  return data;
}

static gint64
import_ok (TdStore *store, const char *name)
{
  g_autoptr (GFile) file = data_file (name);
  g_autoptr (GError) error = NULL;
  gint64 id = td_course_file_import (store, file, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* --- import -------------------------------------------------------------- */

static void
assert_course_fields (TdStore *store, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_store_get_course (store, id, &error);
  TdCourseChange *change;

  g_assert_no_error (error);
  g_assert_cmpstr (c->external_id, ==, "C1");
  g_assert_cmpint (c->regime, ==, TD_REGIME_OSH);
  g_assert_cmpint (c->kind, ==, TD_COURSE_KIND_PROFESSIONAL);
  g_assert_cmpstr (c->title, ==, "急救人員安全衛生教育訓練");
  g_assert_cmpstr (c->venue_address, ==, "臺北市中正區重慶南路一段122號");
  g_assert_true (c->counsellor_qualified);
  g_assert_cmpint (c->capacity, ==, 40);
  g_assert_cmpint (c->fee, ==, 3500);
  g_assert_cmpint (c->exam_mode, ==, TD_EXAM_MODE_OWN);
  g_assert_cmpint (c->status, ==, TD_COURSE_STATUS_FILED);
  g_assert_cmpstr (c->filed_on, ==, "2024-04-19");
  g_assert_null (c->records_archived_on);
  g_assert_cmpuint (c->changes->len, ==, 1);
  change = g_ptr_array_index (c->changes, 0);
  g_assert_cmpstr (change->filed_on, ==, "2024-05-05");
  g_assert_cmpstr (change->note, ==, "講師異動");
}

static void
assert_sessions (TdStore *store, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = td_store_list_sessions (store, id, &error);
  g_autoptr (GPtrArray) ext = NULL;
  g_autoptr (GPtrArray) lecturers = td_store_list_course_lecturers (store, id, &ext, &error);
  TdSession *s;

  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 4);
  g_assert_cmpuint (lecturers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ext, 0), ==, "L1");
  g_assert_cmpstr (((TdLecturer *) g_ptr_array_index (lecturers, 0))->qualifications, ==,
                   "第2款\n第4款");

  s = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (s->external_id, ==, "S1");
  g_assert_cmpint (s->minutes, ==, 180);
  g_assert_cmpint (s->lecturer_id, ==, ((TdLecturer *) g_ptr_array_index (lecturers, 0))->id);
  s = g_ptr_array_index (sessions, 1);
  g_assert_cmpint (s->minutes, ==, 90); /* "hours": 1.5 */
  s = g_ptr_array_index (sessions, 2);
  g_assert_cmpint (s->minutes, ==, 50);
  g_assert_cmpint (s->mode, ==, TD_SESSION_MODE_PRACTICAL);
  s = g_ptr_array_index (sessions, 3);
  g_assert_cmpint (s->minutes, ==, 420); /* 7 hours given, though 09:00–17:00 spans 8 */
  g_assert_cmpint (s->lecturer_id, ==, 0);
}

static void
assert_roster (TdStore *store, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = td_store_list_enrolments (store, id, &error);
  g_autoptr (GPtrArray) attendance = td_store_list_attendance (store, id, &error);
  g_autoptr (GPtrArray) scores = td_store_list_scores (store, id, &error);
  TdEnrolment *e;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  e = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (e->external_id, ==, "T1");
  g_assert_cmpint (e->status, ==, TD_ENROLMENT_PASSED);
  g_assert_cmpstr (e->trainee->contact_address, ==, "臺北市大安區\n復興南路一段1號");
  e = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (e->trainee->national_id, ==, "A800000014");
  g_assert_cmpint (e->status, ==, TD_ENROLMENT_DISMISSED);

  g_assert_cmpuint (attendance->len, ==, 5);
  g_assert_cmpuint (scores->len, ==, 2);
  for (guint i = 0; i < attendance->len; i++)
    g_assert_cmpint (((TdAttendance *) g_ptr_array_index (attendance, i))->source, ==,
                     TD_ATTENDANCE_SOURCE_IMPORT);
}

static void
test_import_full (Fixture *f, gconstpointer data)
{
  gint64 id = import_ok (f->store, "course-full.json");

  assert_course_fields (f->store, id);
  assert_sessions (f->store, id);
  assert_roster (f->store, id);
}

/* A lecturer already in the directory (same ID) is reused and updated, not duplicated. */
static void
test_lecturer_matched (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdLecturer) known = td_lecturer_new ();
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (TdLecturer) after = NULL;

  known->name = g_strdup ("張醫師");
  known->national_id = g_strdup ("F130987650");
  known->phone = g_strdup ("old phone");
  known->experience = g_strdup ("kept?");
  g_assert_true (td_store_save_lecturer (f->store, known, &error));
  g_assert_no_error (error);

  import_ok (f->store, "course-full.json");
  all = td_store_list_lecturers (f->store, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  after = td_store_get_lecturer (f->store, known->id, &error);
  g_assert_cmpstr (after->phone, ==, "02-2345-6789");
  g_assert_cmpstr (after->experience, ==, "急診醫學十五年");
}

/* --- export and round trip ----------------------------------------------- */

static void
test_export_canonical (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = import_ok (f->store, "course-full.json");
  g_autofree char *exported = td_course_file_export_data (f->store, id, &error);
  g_autofree char *expected = load_data ("course-full-export.json");

  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, expected);
}

/* export → import into a fresh database → export gives the same bytes. */
static char *
round_trip (Fixture *f, const char *first, const char *db_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) fresh = open_store (f->dir, db_name, NULL);
  gint64 id = td_course_file_import_data (fresh, first, strlen (first), "exported.json", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return td_course_file_export_data (fresh, id, &error);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = import_ok (f->store, "course-full.json");
  g_autofree char *first = td_course_file_export_data (f->store, id, &error);
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  second = round_trip (f, first, "fresh.db");
  g_assert_cmpstr (second, ==, first);
}

static gint64
build_course_in_app (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();
  g_autoptr (TdLecturer) l = td_lecturer_new ();
  g_autoptr (TdTrainee) t = td_trainee_new ();
  g_autoptr (TdSession) s = td_session_new ();
  g_autoptr (TdSession) s2 = td_session_new ();

  c->title = g_strdup ("在職教育訓練");
  c->category = g_strdup ("first-aid");
  c->kind = TD_COURSE_KIND_IN_SERVICE;
  c->start_date = g_strdup ("2024-09-02");
  c->end_date = g_strdup ("2024-09-02");
  g_assert_true (td_store_save_course (store, c, &error));
  l->name = g_strdup ("吳講師");
  g_assert_true (td_store_save_lecturer (store, l, &error));

  s->course_id = c->id;
  s->date = g_strdup ("2024-09-02");
  s->start_time = g_strdup ("09:00");
  s->end_time = g_strdup ("09:50");
  s->subject = g_strdup ("法規");
  s->lecturer_id = l->id;   /* named by the timetable, never linked */
  s->external_id = g_strdup ("S2"); /* a kept id the generated ones must avoid */
  g_assert_true (td_store_save_session (store, s, &error));
  s2->course_id = c->id;
  s2->date = g_strdup ("2024-09-02");
  s2->start_time = g_strdup ("10:00");
  s2->end_time = g_strdup ("11:00");
  s2->subject = g_strdup ("實務");
  g_assert_true (td_store_save_session (store, s2, &error));

  t->name = g_strdup ("林同學");
  t->national_id = g_strdup ("H228765433");
  g_assert_true (td_store_enrol (store, c->id, t, NULL, NULL, &error));
  g_assert_no_error (error);
  return c->id;
}

/* Objects made in the app get generated ids; the course's is C<database id>, and all
 * of them survive a round trip unchanged. */
static void
test_generated_ids (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *course_id = NULL;
  JsonObject *root;
  gint64 id;

  import_ok (f->store, "course-full.json"); /* so the new course's id is not 1 */
  id = build_course_in_app (f->store);
  first = td_course_file_export_data (f->store, id, &error);
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_data (parser, first, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  course_id = g_strdup_printf ("C%" G_GINT64_FORMAT, id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "course"),
                                                  "id"), ==, course_id);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "sessions"), 0),
                     "id"), ==, "S2");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "sessions"), 1),
                     "id"), ==, "S1");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "sessions"), 0),
                     "lecturer"), ==, "L1");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "trainees"), 0),
                     "id"), ==, "T1");

  second = round_trip (f, first, "fresh.db");
  g_assert_cmpstr (second, ==, first);
}

/* --- bad files ----------------------------------------------------------- */

typedef struct {
  const char *file;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "course-bad-unknown-key.json",
    "course-bad-unknown-key.json: $.course.colour: unknown key \"colour\"; this format does "
    "not have it." },
  { "course-bad-date.json",
    "course-bad-date.json: $.sessions[2].date: \"2024-02-30\" is not a real date written "
    "YYYY-MM-DD." },
  { "course-bad-time.json",
    "course-bad-time.json: $.sessions[1].start: \"25:00\" is not a time written HH:MM "
    "(00:00–24:00)." },
  { "course-bad-id.json",
    "course-bad-id.json: $.trainees[3].national_id: \"A123456788\" is not a valid ID: the "
    "check digit does not match." },
  { "course-bad-session-ref.json",
    "course-bad-session-ref.json: $.attendance[3].session: \"S9\" is not the id of any entry "
    "in $.sessions." },
  { "course-bad-trainee-ref.json",
    "course-bad-trainee-ref.json: $.scores[1].trainee: \"T9\" is not the id of any entry in "
    "$.trainees." },
  { "course-bad-lecturer-ref.json",
    "course-bad-lecturer-ref.json: $.sessions[2].lecturer: \"L7\" is not the id of any entry "
    "in $.lecturers." },
  { "course-bad-duplicate-trainee.json",
    "course-bad-duplicate-trainee.json: $.trainees[2].id: \"T2\" is used twice in the list "
    "(first at index 1)." },
  { "course-bad-type.json",
    "course-bad-type.json: $.course.capacity: must be a whole number, not a string." },
};

static void
test_bad_files (Fixture *f, gconstpointer data)
{
  import_ok (f->store, "course-full.json"); /* a database with something in it */

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr (GFile) file = data_file (bad_files[i].file);
      g_autoptr (GError) error = NULL;
      g_autofree char *before = snapshot (f);
      g_autofree char *after = NULL;

      g_assert_cmpint (td_course_file_import (f->store, file, &error), ==, 0);
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad_files[i].message);
      after = snapshot (f);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Smaller documents for the rules the files above do not cover. */
static const BadFile bad_texts[] = {
  { "not json", "t.json: $: the file is not valid JSON: line 1, column " },
  { "[1]", "t.json: $: the document must be a JSON object, not an array." },
  { "{\n\"format\":\"\xb1\x69\"}", "t.json: $: the file is not UTF-8 text (line 2); JSON files "
    "are UTF-8." },
  { "{\"format\":\"training-desk/course@2\"}",
    "t.json: $.format: \"training-desk/course@2\" is not a format this version reads "
    "(\"training-desk/course@1\")." },
  { "{\"format\":\"training-desk/course@1\"}", "t.json: $.course: the key is required." },
  { "{\"format\":\"training-desk/course@1\",\"備註\":1}",
    "t.json: $[\"備註\"]: unknown key \"備註\"; this format does not have it." },
  { "{\"format\":\"training-desk/course@1\",\"course\":{\"regime\":\"osh\",\"kind\":\"x\"}}",
    "t.json: $.course.kind: \"x\" is not one of professional, in-service, continuing." },
  { "{\"format\":\"training-desk/course@1\",\"course\":{\"regime\":\"osh\","
    "\"kind\":\"professional\",\"category\":\"first-aid-deluxe\",\"title\":\"急救\","
    "\"start\":\"2024-05-06\",\"end\":\"2024-05-08\"}}",
    "t.json: $.course.category: \"first-aid-deluxe\" is not a category of the catalogue (see "
    "docs/catalogue.md)." },
  { "{\"format\":\"training-desk/course@1\",\"course\":{\"regime\":\"health\","
    "\"kind\":\"professional\",\"category\":\"first-aid\",\"title\":\"急救\","
    "\"start\":\"2024-05-06\",\"end\":\"2024-05-08\"}}",
    "t.json: $.course.regime: category \"first-aid\" belongs to regime \"osh\", not "
    "\"health\"." },
};

#define COURSE_OK "\"format\":\"training-desk/course@1\",\"course\":{\"regime\":\"osh\"," \
                  "\"kind\":\"professional\",\"category\":\"first-aid\",\"title\":\"急救\"," \
                  "\"start\":\"2024-05-06\",\"end\":\"2024-05-08\"}"
#define SESSION_OK "{\"id\":\"S1\",\"date\":\"2024-05-06\",\"start\":\"09:00\"," \
                   "\"end\":\"12:00\",\"subject\":\"急救概論\"}"
#define TRAINEE_OK "{\"id\":\"T1\",\"name\":\"王小明\",\"national_id\":\"A123456789\"}"

static const BadFile bad_documents[] = {
  { "{" COURSE_OK ",\"sessions\":[{\"id\":\"S1\",\"date\":\"2024-05-06\",\"start\":\"12:00\","
    "\"end\":\"09:00\",\"subject\":\"x\"}]}",
    "t.json: $.sessions[0].end: the session ends (09:00) before or when it starts (12:00)." },
  { "{" COURSE_OK ",\"sessions\":[{\"id\":\"S1\",\"date\":\"2024-05-06\",\"start\":\"09:00\","
    "\"end\":\"12:00\",\"subject\":\"x\",\"hours\":3,\"minutes\":180}]}",
    "t.json: $.sessions[0].minutes: give either \"hours\" or \"minutes\", not both." },
  { "{" COURSE_OK ",\"sessions\":[" SESSION_OK ",\"S2\"]}",
    "t.json: $.sessions[1]: must be an object, not a string." },
  { "{" COURSE_OK ",\"sessions\":[{\"id\":\"S1\",\"date\":\"2024-05-06\",\"start\":\"09:00\","
    "\"end\":\"12:00\",\"subject\":\"  \"}]}",
    "t.json: $.sessions[0].subject: must not be empty." },
  { "{" COURSE_OK ",\"trainees\":[{\"id\":\"T1\",\"name\":\"王小明\"}]}",
    "t.json: $.trainees[0].national_id: the key is required." },
  { "{" COURSE_OK ",\"trainees\":[" TRAINEE_OK ",{\"id\":\"T2\",\"name\":\"x\","
    "\"national_id\":\"a123456789\"}]}",
    "t.json: $.trainees[1].national_id: \"A123456789\" is also the ID of $.trainees[0]; a "
    "person is on a roster once." },
  { "{" COURSE_OK ",\"sessions\":[" SESSION_OK "],\"trainees\":[" TRAINEE_OK "],"
    "\"attendance\":[{\"trainee\":\"T1\",\"session\":\"S1\",\"leave_kind\":\"sick\"}]}",
    "t.json: $.attendance[0].leave_kind: a leave kind is only given when the status is "
    "\"leave\"." },
  { "{" COURSE_OK ",\"sessions\":[" SESSION_OK "],\"trainees\":[" TRAINEE_OK "],"
    "\"attendance\":[{\"trainee\":\"T1\",\"session\":\"S1\"},{\"trainee\":\"T1\","
    "\"session\":\"S1\",\"status\":\"absent\"}]}",
    "t.json: $.attendance[1]: trainee \"T1\" in session \"S1\" is already given at "
    "$.attendance[0]." },
  { "{" COURSE_OK ",\"trainees\":[" TRAINEE_OK "],\"scores\":[{\"trainee\":\"T1\","
    "\"score\":101}]}",
    "t.json: $.scores[0].score: 101 is out of range (0–100)." },
  { "{" COURSE_OK ",\"trainees\":[" TRAINEE_OK "],\"scores\":[{\"trainee\":\"T1\"}]}",
    "t.json: $.scores[0].score: the key is required." },
  { "{" COURSE_OK ",\"lecturers\":[{\"id\":\"L1\",\"name\":null}]}",
    "t.json: $.lecturers[0].name: must not be null." },
  { "{" COURSE_OK ",\"lecturers\":{}}", "t.json: $.lecturers: must be an array, not an object." },
  { "{" COURSE_OK ",\"trainees\":[{\"id\":\"T1\",\"name\":\"甲\",\"name\":\"乙\","
    "\"national_id\":\"A123456789\"}]}",
    "t.json: $.trainees[0].name: the key appears twice in the object." },
  { "{\"format\":\"training-desk/course@1\",\"course\":{\"regime\":\"osh\","
    "\"kind\":\"professional\",\"category\":\"first-aid\",\"title\":\"急救\","
    "\"start\":\"2024-05-06\",\"end\":\"2024-05-08\",\"capacity\":40.5}}",
    "t.json: $.course.capacity: 40.5 is not a whole number." },
  { "{\"format\":\"training-desk/course@1\",\"course\":{\"regime\":\"osh\","
    "\"kind\":\"professional\",\"category\":\"first-aid\",\"title\":\"急救\","
    "\"start\":\"2024-05-08\",\"end\":\"2024-05-06\"}}",
    "t.json: $.course.end: the course ends (2024-05-06) before it starts (2024-05-08)." },
};

static void
assert_bad_texts (Fixture *f, const BadFile *cases, guint n, gboolean prefix_only)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *before = snapshot (f);
      g_autofree char *after = NULL;
      const char *text = cases[i].file;

      g_assert_cmpint (td_course_file_import_data (f->store, text, strlen (text), "t.json",
                                                   &error), ==, 0);
      g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
      if (prefix_only)
        g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      else
        g_assert_cmpstr (error->message, ==, cases[i].message);
      after = snapshot (f);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_bad_documents (Fixture *f, gconstpointer data)
{
  const char *ok = "{" COURSE_OK ",\"sessions\":[" SESSION_OK "],\"trainees\":[" TRAINEE_OK
                   "],\"attendance\":[{\"trainee\":\"T1\",\"session\":\"S1\"}],"
                   "\"scores\":[{\"trainee\":\"T1\",\"score\":60}]}";
  g_autoptr (GError) error = NULL;

  /* The minimal document the cases vary is itself valid. */
  g_assert_cmpint (td_course_file_import_data (f->store, ok, strlen (ok), "t.json", &error), >, 0);
  g_assert_no_error (error);

  assert_bad_texts (f, bad_texts, 1, TRUE);
  assert_bad_texts (f, bad_texts + 1, G_N_ELEMENTS (bad_texts) - 1, FALSE);
  assert_bad_texts (f, bad_documents, G_N_ELEMENTS (bad_documents), FALSE);
}

/* A failure deep inside the write (the last score) undoes everything before it. */
static void
test_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = data_file ("course-full.json");
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  exec_sql (f->path, "CREATE TRIGGER test_refuse BEFORE INSERT ON score WHEN NEW.score = 67.5 "
                     "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;");
  before = snapshot (f);
  g_assert_cmpint (td_course_file_import (f->store, file, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "course-full.json: $.scores[1]: "));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* The store is usable afterwards: the same file goes in once the cause is gone. */
  exec_sql (f->path, "DROP TRIGGER test_refuse;");
  import_ok (f->store, "course-full.json");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/course-file/import-full", test_import_full);
  ADD ("/course-file/lecturer-matched", test_lecturer_matched);
  ADD ("/course-file/export-canonical", test_export_canonical);
  ADD ("/course-file/round-trip", test_round_trip);
  ADD ("/course-file/generated-ids", test_generated_ids);
  ADD ("/course-file/bad-files", test_bad_files);
  ADD ("/course-file/bad-documents", test_bad_documents);
  ADD ("/course-file/rollback", test_rollback);
#undef ADD

  return g_test_run ();
}
