/* td-store-people.c — the lecturer and trainee directories, photos
 *
 * Personal data: every insert, update and delete of these tables is written to the
 * audit log by the triggers of 0001-initial.sql.
 */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "td-national-id.h"
#include "td-roc-date.h"
#include "td-store-private.h"

#include <string.h>

#define LECTURER_COLUMNS                                                                     \
  "l.id, l.name, l.national_id, l.phone, l.email, l.address, l.education, l.post, "        \
  "l.experience, l.qualifications"

#define TRAINEE_COLUMNS TD_TRAINEE_COLUMNS

#define PHOTO_MAX_BYTES (5 * 1024 * 1024)

/* --- lecturers ----------------------------------------------------------------- */

static TdLecturer *
lecturer_from_row (sqlite3_stmt *stmt)
{
  TdLecturer *l = td_lecturer_new ();

  l->id = sqlite3_column_int64 (stmt, 0);
  l->name = td_col_dup (stmt, 1);
  l->national_id = td_col_dup (stmt, 2);
  l->phone = td_col_dup (stmt, 3);
  l->email = td_col_dup (stmt, 4);
  l->address = td_col_dup (stmt, 5);
  l->education = td_col_dup (stmt, 6);
  l->post = td_col_dup (stmt, 7);
  l->experience = td_col_dup (stmt, 8);
  l->qualifications = td_col_dup (stmt, 9);
  return l;
}

static GPtrArray *
collect_lecturers (TdStore *self, sqlite3_stmt *stmt, GError **error)
{
  return td_store_collect (self, stmt, (TdRowFunc) lecturer_from_row, g_object_unref,
                           _("Could not read the lecturers"), error);
}

GPtrArray *
td_store_list_lecturers (TdStore *self, const char *search, GError **error)
{
  g_autofree char *pattern = td_like_pattern (search);
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " LECTURER_COLUMNS " FROM lecturer l WHERE "
                                         "?1 IS NULL OR l.name LIKE ?1 ESCAPE '\\' OR l.post "
                                         "LIKE ?1 ESCAPE '\\' ORDER BY l.name, l.id",
                                         error);
  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, pattern);
  return collect_lecturers (self, stmt, error);
}

TdLecturer *
td_store_get_lecturer (TdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " LECTURER_COLUMNS " FROM lecturer l WHERE "
                                         "l.id = ?1",
                                         error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = collect_lecturers (self, stmt, error);
  return td_store_first_object (list, error, _("There is no lecturer with id %" PRId64 "."), id);
}

/* An empty ID means "not given"; a given one must be valid, and is stored normalised. */
static gboolean
normalise_optional_id (char **id, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *checked;

  if (*id == NULL || *g_strstrip (*id) == '\0')
    {
      g_clear_pointer (id, g_free);
      return TRUE;
    }
  checked = td_national_id_check (*id, NULL, &local_error);
  if (checked == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("National ID: %s"), local_error->message);
      return FALSE;
    }
  g_free (*id);
  *id = checked;
  return TRUE;
}

static gboolean
write_lecturer (TdStore *self, TdLecturer *l, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  if (l->id == 0)
    stmt = td_store_prepare (self,
                             "INSERT INTO lecturer (name, national_id, phone, email, address, "
                             "education, post, experience, qualifications, created_at, "
                             "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                             error);
  else
    stmt = td_store_prepare (self,
                             "UPDATE lecturer SET name = ?1, national_id = ?2, phone = ?3, "
                             "email = ?4, address = ?5, education = ?6, post = ?7, "
                             "experience = ?8, qualifications = ?9, updated_at = ?10 "
                             "WHERE id = ?11",
                             error);
  if (stmt == NULL)
    return FALSE;
  td_bind_text0 (stmt, 1, l->name);
  td_bind_text (stmt, 2, l->national_id);
  td_bind_text0 (stmt, 3, l->phone);
  td_bind_text0 (stmt, 4, l->email);
  td_bind_text0 (stmt, 5, l->address);
  td_bind_text0 (stmt, 6, l->education);
  td_bind_text0 (stmt, 7, l->post);
  td_bind_text0 (stmt, 8, l->experience);
  td_bind_text0 (stmt, 9, l->qualifications);
  td_bind_text0 (stmt, 10, now);
  if (l->id != 0)
    sqlite3_bind_int64 (stmt, 11, l->id);
  if (!td_store_step_done (self, stmt, _("Could not save the lecturer"), error))
    {
      if (g_error_matches (*error, TD_ERROR, TD_ERROR_CONFLICT))
        {
          g_clear_error (error);
          g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                       _("Another lecturer already has this national ID."));
        }
      return FALSE;
    }
  if (l->id == 0)
    l->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return TRUE;
}

gboolean
td_store_save_lecturer (TdStore *self, TdLecturer *lecturer, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 original_id = lecturer->id;

  if (lecturer->name == NULL || *g_strstrip (lecturer->name) == '\0')
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The lecturer needs a name.")),
           FALSE;
  if (!normalise_optional_id (&lecturer->national_id, error))
    return FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  if (!write_lecturer (self, lecturer, &local_error))
    {
      td_store_rollback (self);
      lecturer->id = original_id;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return td_store_commit (self, error);
}

gboolean
td_store_delete_lecturer (TdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 uses;

  TD_STORE_WRITE_BEGIN (self, error);
  uses = td_store_query_int (self, "SELECT count(*) FROM session WHERE lecturer_id = ?1", id,
                             error);
  if (uses < 0)
    goto fail;
  if (uses > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The lecturer teaches %" PRId64 " session; assign "
                                "another lecturer first.",
                                "The lecturer teaches %" PRId64 " sessions; assign "
                                "another lecturer first.",
                                (gulong) uses),
                   uses);
      goto fail;
    }
  stmt = td_store_prepare (self, "DELETE FROM course_lecturer WHERE lecturer_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_store_step_done (self, stmt, _("Could not delete the lecturer"), error))
    goto fail;
  stmt = td_store_prepare (self, "DELETE FROM lecturer WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_store_step_done (self, stmt, _("Could not delete the lecturer"), error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

gboolean
td_store_link_course_lecturer (TdStore *self, gint64 course_id, gint64 lecturer_id,
                               const char *external_id, GError **error)
{
  sqlite3_stmt *stmt;

  TD_STORE_WRITE_BEGIN (self, error);
  stmt = td_store_prepare (self,
                           "INSERT INTO course_lecturer (course_id, lecturer_id, external_id, "
                           "position) VALUES (?1, ?2, ?3, (SELECT count(*) FROM course_lecturer "
                           "WHERE course_id = ?1)) ON CONFLICT (course_id, lecturer_id) DO "
                           "UPDATE SET external_id = coalesce (excluded.external_id, "
                           "external_id)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, lecturer_id);
  td_bind_text (stmt, 3, external_id);
  if (!td_store_step_done (self, stmt, _("Could not link the lecturer to the course"), error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

GPtrArray *
td_store_list_course_lecturers (TdStore *self, gint64 course_id, GPtrArray **external_ids,
                                GError **error)
{
  /* Linked lecturers first (in link order), then any a session names without a link. */
  sqlite3_stmt *stmt = td_store_prepare (
    self,
    "SELECT " LECTURER_COLUMNS ", cl.external_id FROM lecturer l JOIN course_lecturer cl ON "
    "cl.lecturer_id = l.id WHERE cl.course_id = ?1 UNION ALL SELECT " LECTURER_COLUMNS
    ", NULL FROM lecturer l WHERE l.id IN (SELECT lecturer_id FROM session WHERE course_id = ?1) "
    "AND l.id NOT IN (SELECT lecturer_id FROM course_lecturer WHERE course_id = ?1)",
    error);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (list, lecturer_from_row (stmt));
      g_ptr_array_add (ids, td_col_dup (stmt, 10));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the course's lecturers"));
      return NULL;
    }
  if (external_ids != NULL)
    *external_ids = g_steal_pointer (&ids);
  return g_steal_pointer (&list);
}

/* --- trainees -------------------------------------------------------------------- */

static TdTrainee *
trainee_from_row (sqlite3_stmt *stmt, int first)
{
  TdTrainee *t = td_trainee_new ();

  t->id = sqlite3_column_int64 (stmt, first + 0);
  t->national_id = td_col_dup (stmt, first + 1);
  t->name = td_col_dup (stmt, first + 2);
  t->birth_date = td_col_dup (stmt, first + 3);
  t->household_address = td_col_dup (stmt, first + 4);
  t->contact_address = td_col_dup (stmt, first + 5);
  t->phone = td_col_dup (stmt, first + 6);
  t->email = td_col_dup (stmt, first + 7);
  t->education = td_col_dup (stmt, first + 8);
  t->employer = td_col_dup (stmt, first + 9);
  t->qualification_ref = td_col_dup (stmt, first + 10);
  t->remark = td_col_dup (stmt, first + 11);
  t->has_photo = sqlite3_column_int (stmt, first + 12) != 0;
  return t;
}

TdTrainee *
td_store_trainee_from_row (sqlite3_stmt *stmt, int first)
{
  return trainee_from_row (stmt, first);
}

/* The search box takes names and ID prefixes: "a12" (a letter and a digit, or an
 * old-format letter pair) is an ID prefix, searched on the unique index; anything
 * else is a name substring. */
static char *
id_prefix_of (const char *search)
{
  g_autofree char *normalized = NULL;
  size_t len;

  if (search == NULL)
    return NULL;
  normalized = td_national_id_normalize (search, NULL);
  if (normalized == NULL)
    return NULL;
  len = strlen (normalized);
  if (len < 2 || len > 10 || !g_ascii_isalpha (normalized[0]))
    return NULL;
  if (!g_ascii_isdigit (normalized[1]) && !(len > 2 && g_ascii_isdigit (normalized[2]) &&
                                             normalized[1] >= 'A' && normalized[1] <= 'D'))
    return NULL;
  for (size_t i = 2; i < len; i++)
    if (!g_ascii_isdigit (normalized[i]))
      return NULL;
  return g_steal_pointer (&normalized);
}

/* Each kind of search has its own statement so SQLite can use the index for it:
 * an ID prefix is a range on the unique national_id index, a name a range on the
 * name index (names match from their first character, surname first, as they are
 * written on the roster). Upper bound: the prefix followed by U+10FFFF sorts after
 * every string that starts with the prefix. */
#define TRAINEE_WHERE_ALL ""
#define TRAINEE_WHERE_ID " WHERE t.national_id >= ?1 AND t.national_id < ?1 || char (1114111)"
#define TRAINEE_WHERE_NAME " WHERE t.name >= ?1 AND t.name < ?1 || char (1114111)"

typedef enum { SEARCH_ALL, SEARCH_ID, SEARCH_NAME } SearchKind;

static SearchKind
classify_search (const char *search, char **key)
{
  g_autofree char *trimmed = search ? g_strstrip (g_strdup (search)) : NULL;
  char *prefix = id_prefix_of (trimmed);

  if (prefix != NULL)
    {
      *key = prefix;
      return SEARCH_ID;
    }
  if (trimmed == NULL || *trimmed == '\0')
    {
      *key = NULL;
      return SEARCH_ALL;
    }
  *key = g_steal_pointer (&trimmed);
  return SEARCH_NAME;
}

static const char *
trainee_where (SearchKind kind)
{
  return kind == SEARCH_ID ? TRAINEE_WHERE_ID : kind == SEARCH_NAME ? TRAINEE_WHERE_NAME : "";
}

guint
td_store_count_trainees (TdStore *self, const char *search, GError **error)
{
  g_autofree char *key = NULL;
  SearchKind kind = classify_search (search, &key);
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM trainee t", trainee_where (kind),
                                      NULL);
  sqlite3_stmt *stmt = td_store_prepare (self, sql, error);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  if (key != NULL)
    td_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    td_store_set_sqlite_error (self, error, _("Could not count the trainees"));
  sqlite3_reset (stmt);
  return count;
}

static gpointer
trainee_from_first_column (sqlite3_stmt *stmt)
{
  return trainee_from_row (stmt, 0);
}

static GPtrArray *
collect_trainees (TdStore *self, sqlite3_stmt *stmt, GError **error)
{
  return td_store_collect (self, stmt, trainee_from_first_column, g_object_unref,
                           _("Could not read the trainees"), error);
}

GPtrArray *
td_store_list_trainees (TdStore *self, const char *search, guint offset, guint limit,
                        GError **error)
{
  g_autofree char *key = NULL;
  SearchKind kind = classify_search (search, &key);
  const char *order = kind == SEARCH_ID ? " ORDER BY t.national_id" : " ORDER BY t.name, t.id";
  g_autofree char *sql = g_strconcat ("SELECT " TRAINEE_COLUMNS " FROM trainee t",
                                      trainee_where (kind), order, " LIMIT ?2 OFFSET ?3", NULL);
  sqlite3_stmt *stmt = td_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (key != NULL)
    td_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  return collect_trainees (self, stmt, error);
}

TdTrainee *
td_store_get_trainee (TdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " TRAINEE_COLUMNS " FROM trainee t WHERE "
                                         "t.id = ?1",
                                         error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = collect_trainees (self, stmt, error);
  return td_store_first_object (list, error, _("There is no trainee with id %" PRId64 "."), id);
}

TdTrainee *
td_store_find_trainee_by_national_id (TdStore *self, const char *national_id, GError **error)
{
  g_autofree char *normalized = td_national_id_normalize (national_id, NULL);
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " TRAINEE_COLUMNS " FROM trainee t WHERE "
                                         "t.national_id = ?1",
                                         error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, normalized ? normalized : national_id);
  list = collect_trainees (self, stmt, error);
  return td_store_first_object (list, error, _("No trainee has this ID."));
}

gboolean
td_store_validate_trainee (TdTrainee *t, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *checked;

  if (t->name == NULL || *g_strstrip (t->name) == '\0')
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The trainee needs a name.")),
           FALSE;
  checked = td_national_id_check (t->national_id, NULL, &local_error);
  if (checked == NULL)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("National ID: %s"),
                        local_error->message),
           FALSE;
  g_free (t->national_id);
  t->national_id = checked;
  if (t->birth_date != NULL && *t->birth_date == '\0')
    g_clear_pointer (&t->birth_date, g_free);
  if (t->birth_date != NULL && !td_iso_date_is_valid (t->birth_date))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("Birth date: “%s” is not a date (YYYY-MM-DD)."), t->birth_date),
           FALSE;
  return TRUE;
}

gboolean
td_store_write_trainee (TdStore *self, TdTrainee *t, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  if (t->id == 0)
    stmt = td_store_prepare (self,
                             "INSERT INTO trainee (national_id, name, birth_date, "
                             "household_address, contact_address, phone, email, education, "
                             "employer, qualification_ref, remark, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                             error);
  else
    stmt = td_store_prepare (self,
                             "UPDATE trainee SET national_id = ?1, name = ?2, birth_date = ?3, "
                             "household_address = ?4, contact_address = ?5, phone = ?6, "
                             "email = ?7, education = ?8, employer = ?9, qualification_ref = ?10, "
                             "remark = ?11, updated_at = ?12 WHERE id = ?13",
                             error);
  if (stmt == NULL)
    return FALSE;
  td_bind_text0 (stmt, 1, t->national_id);
  td_bind_text0 (stmt, 2, t->name);
  td_bind_text (stmt, 3, t->birth_date);
  td_bind_text0 (stmt, 4, t->household_address);
  td_bind_text0 (stmt, 5, t->contact_address);
  td_bind_text0 (stmt, 6, t->phone);
  td_bind_text0 (stmt, 7, t->email);
  td_bind_text0 (stmt, 8, t->education);
  td_bind_text0 (stmt, 9, t->employer);
  td_bind_text0 (stmt, 10, t->qualification_ref);
  td_bind_text0 (stmt, 11, t->remark);
  td_bind_text0 (stmt, 12, now);
  if (t->id != 0)
    sqlite3_bind_int64 (stmt, 13, t->id);
  if (!td_store_step_done (self, stmt, _("Could not save the trainee"), error))
    {
      if (g_error_matches (*error, TD_ERROR, TD_ERROR_CONFLICT))
        {
          g_clear_error (error);
          g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                       _("Another trainee already has the ID %s."), t->national_id);
        }
      return FALSE;
    }
  if (t->id == 0)
    t->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return TRUE;
}

gboolean
td_store_save_trainee (TdStore *self, TdTrainee *trainee, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 original_id = trainee->id;

  if (!td_store_validate_trainee (trainee, error))
    return FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  if (!td_store_write_trainee (self, trainee, &local_error))
    {
      td_store_rollback (self);
      trainee->id = original_id;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return td_store_commit (self, error);
}

gboolean
td_store_delete_trainee (TdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 uses;

  TD_STORE_WRITE_BEGIN (self, error);
  uses = td_store_query_int (self,
                             "SELECT (SELECT count(*) FROM enrolment WHERE trainee_id = ?1) + "
                             "(SELECT count(*) FROM attendance_event WHERE trainee_id = ?1) + "
                             "(SELECT count(*) FROM certificate WHERE trainee_id = ?1) + "
                             "(SELECT count(*) FROM person_qualification WHERE trainee_id = ?1) + "
                             "(SELECT count(*) FROM person_hours WHERE trainee_id = ?1)",
                             id, error);
  if (uses < 0)
    goto fail;
  if (uses > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                   _("This person is on a course roster or has records that must be kept; "
                     "remove them from the rosters first."));
      goto fail;
    }
  stmt = td_store_prepare (self, "DELETE FROM trainee_code WHERE trainee_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_store_step_done (self, stmt, _("Could not delete the trainee"), error))
    goto fail;
  stmt = td_store_prepare (self, "DELETE FROM trainee WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_store_step_done (self, stmt, _("Could not delete the trainee"), error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

GBytes *
td_store_get_trainee_photo (TdStore *self, gint64 trainee_id, char **mime_type, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT image, mime_type FROM trainee_photo WHERE "
                                         "trainee_id = ?1",
                                         error);
  GBytes *bytes = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
      if (mime_type)
        *mime_type = td_col_dup (stmt, 1);
    }
  else
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _("The trainee has no photo."));
  sqlite3_reset (stmt);
  return bytes;
}

gboolean
td_store_set_trainee_photo (TdStore *self, gint64 trainee_id, GBytes *image,
                            const char *mime_type, GError **error)
{
  sqlite3_stmt *stmt;
  gsize size = image ? g_bytes_get_size (image) : 0;

  if (image != NULL && (g_strcmp0 (mime_type, "image/jpeg") != 0 &&
                        g_strcmp0 (mime_type, "image/png") != 0))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("A photo must be a JPEG or PNG image.")),
           FALSE;
  if (size > PHOTO_MAX_BYTES)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The photo is larger than %d MB; choose a smaller image."),
                        PHOTO_MAX_BYTES / (1024 * 1024)),
           FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  if (image == NULL)
    stmt = td_store_prepare (self, "DELETE FROM trainee_photo WHERE trainee_id = ?1", error);
  else
    stmt = td_store_prepare (self,
                             "INSERT OR REPLACE INTO trainee_photo (trainee_id, mime_type, image) "
                             "VALUES (?1, ?2, ?3)",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  if (image != NULL)
    {
      sqlite3_bind_text (stmt, 2, mime_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 3, g_bytes_get_data (image, NULL), (int) size, SQLITE_TRANSIENT);
    }
  if (!td_store_step_done (self, stmt, _("Could not save the photo"), error))
    goto fail;
  if (image == NULL && !td_store_audit (self, "photo-removed", "trainee", trainee_id, NULL, error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}
