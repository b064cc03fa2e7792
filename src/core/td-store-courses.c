/* td-store-courses.c — courses, their filed changes, and sessions */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "td-roc-date.h"
#include "td-store-private.h"

#define COURSE_COLUMNS                                                                       \
  "c.id, c.external_id, c.regime, c.category, c.kind, c.title, c.period, c.start_date, "   \
  "c.end_date, c.venue_name, c.venue_address, c.classroom, c.counsellor_name, "            \
  "c.counsellor_qualified, c.materials, c.capacity, c.fee, c.group_discussion, "           \
  "c.exam_mode, c.filing_ref, c.filed_on, c.status, c.records_archived_on, "               \
  "c.certificates_issued_on, "                                                             \
  "(SELECT count(*) FROM session s WHERE s.course_id = c.id), "                            \
  "(SELECT count(*) FROM enrolment e WHERE e.course_id = c.id)"

#define COURSE_SEARCH                                                                        \
  " WHERE (?1 IS NULL OR c.title LIKE ?1 ESCAPE '\\' OR c.period LIKE ?1 ESCAPE '\\'"     \
  " OR c.category LIKE ?1 ESCAPE '\\' OR c.venue_name LIKE ?1 ESCAPE '\\'"                 \
  " OR c.external_id LIKE ?1 ESCAPE '\\')"

#define SESSION_COLUMNS                                                                      \
  "id, course_id, external_id, date, start_time, end_time, subject, mode, minutes, "       \
  "lecturer_id, position"

/* --- courses ---------------------------------------------------------------- */

static TdCourse *
course_from_row (sqlite3_stmt *stmt)
{
  TdCourse *c = td_course_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->external_id = td_col_dup (stmt, 1);
  td_regime_from_string ((const char *) sqlite3_column_text (stmt, 2), &c->regime);
  c->category = td_col_dup (stmt, 3);
  td_course_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &c->kind);
  c->title = td_col_dup (stmt, 5);
  c->period = td_col_dup (stmt, 6);
  c->start_date = td_col_dup (stmt, 7);
  c->end_date = td_col_dup (stmt, 8);
  c->venue_name = td_col_dup (stmt, 9);
  c->venue_address = td_col_dup (stmt, 10);
  c->classroom = td_col_dup (stmt, 11);
  c->counsellor_name = td_col_dup (stmt, 12);
  c->counsellor_qualified = sqlite3_column_int (stmt, 13) != 0;
  c->materials = td_col_dup (stmt, 14);
  c->capacity = sqlite3_column_int (stmt, 15);
  c->fee = sqlite3_column_int (stmt, 16);
  c->group_discussion = sqlite3_column_int (stmt, 17) != 0;
  td_exam_mode_from_string ((const char *) sqlite3_column_text (stmt, 18), &c->exam_mode);
  c->filing_ref = td_col_dup (stmt, 19);
  c->filed_on = td_col_dup (stmt, 20);
  td_course_status_from_string ((const char *) sqlite3_column_text (stmt, 21), &c->status);
  c->records_archived_on = td_col_dup (stmt, 22);
  c->certificates_issued_on = td_col_dup (stmt, 23);
  c->n_sessions = (guint) sqlite3_column_int (stmt, 24);
  c->n_trainees = (guint) sqlite3_column_int (stmt, 25);
  return c;
}

static gboolean
load_changes (TdStore *self, TdCourse *course, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT filed_on, force_majeure, note FROM "
                                         "course_change WHERE course_id = ?1 ORDER BY id",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (course->changes,
                     td_course_change_new ((const char *) sqlite3_column_text (stmt, 0),
                                           sqlite3_column_int (stmt, 1) != 0,
                                           (const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the course changes"));
      return FALSE;
    }
  return TRUE;
}

guint
td_store_count_courses (TdStore *self, const char *search, GError **error)
{
  g_autofree char *pattern = td_like_pattern (search);
  sqlite3_stmt *stmt = td_store_prepare (self, "SELECT count(*) FROM course c" COURSE_SEARCH,
                                         error);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  td_bind_text (stmt, 1, pattern);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  else
    td_store_set_sqlite_error (self, error, _("Could not count the courses"));
  sqlite3_reset (stmt);
  return count;
}

GPtrArray *
td_store_list_courses (TdStore *self, const char *search, guint offset, guint limit,
                       GError **error)
{
  g_autofree char *pattern = td_like_pattern (search);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " COURSE_COLUMNS " FROM course c" COURSE_SEARCH
                                         " ORDER BY c.start_date DESC, c.id DESC "
                                         "LIMIT ?2 OFFSET ?3",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, pattern);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, course_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (self, error, _("Could not list the courses"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

TdCourse *
td_store_get_course (TdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " COURSE_COLUMNS " FROM course c WHERE c.id = ?1",
                                         error);
  g_autoptr (TdCourse) course = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    course = course_from_row (stmt);
  sqlite3_reset (stmt);
  if (course == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _("There is no course with id %" PRId64 "."), id);
      return NULL;
    }
  if (!load_changes (self, course, error))
    return NULL;
  return g_steal_pointer (&course);
}

static gboolean
parse_db_id (const char *ref, gint64 *id)
{
  guint64 value;

  if (ref == NULL || *ref == '\0')
    return FALSE;
  for (const char *p = ref; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  value = g_ascii_strtoull (ref, NULL, 10);
  if (value == 0 || value > G_MAXINT64)
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

TdCourse *
td_store_find_course (TdStore *self, const char *ref, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (parse_db_id (ref, &id))
    {
      TdCourse *course = td_store_get_course (self, id, NULL);
      if (course != NULL)
        return course;
    }
  stmt = td_store_prepare (self,
                           "SELECT id FROM course WHERE external_id = ?1 ORDER BY id DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, ref);
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND, _("There is no course “%s”."),
                   ref ? ref : "");
      return NULL;
    }
  return td_store_get_course (self, id, error);
}

static gboolean
validate_optional_date (const char *value, const char *field, GError **error)
{
  if (value == NULL || td_iso_date_is_valid (value))
    return TRUE;
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("%s: “%s” is not a date (YYYY-MM-DD)."),
               field, value);
  return FALSE;
}

static gboolean
validate_course (TdCourse *c, GError **error)
{
  if (c->title == NULL || *g_strstrip (c->title) == '\0')
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The course needs a title.")), FALSE;
  if (c->category == NULL || *c->category == '\0')
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The course needs a category.")),
           FALSE;
  if (!td_iso_date_is_valid (c->start_date) || !td_iso_date_is_valid (c->end_date))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The course needs a valid start and end date.")),
           FALSE;
  if (g_strcmp0 (c->end_date, c->start_date) < 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The course ends before it starts.")),
           FALSE;
  if (c->capacity < 0 || c->fee < 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("Capacity and fee cannot be negative.")),
           FALSE;
  for (guint i = 0; i < c->changes->len; i++)
    {
      TdCourseChange *change = g_ptr_array_index (c->changes, i);
      if (!validate_optional_date (change->filed_on, _("Change filed on"), error) ||
          change->filed_on == NULL)
        {
          if (error && *error == NULL)
            g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("A change needs its filing date."));
          return FALSE;
        }
    }
  return validate_optional_date (c->filed_on, _("Filed on"), error) &&
         validate_optional_date (c->records_archived_on, _("Records archived on"), error) &&
         validate_optional_date (c->certificates_issued_on, _("Certificates issued on"), error);
}

static void
bind_course (sqlite3_stmt *stmt, TdCourse *c, const char *now)
{
  td_bind_text (stmt, 1, c->external_id);
  td_bind_text0 (stmt, 2, td_regime_to_string (c->regime));
  td_bind_text0 (stmt, 3, c->category);
  td_bind_text0 (stmt, 4, td_course_kind_to_string (c->kind));
  td_bind_text0 (stmt, 5, c->title);
  td_bind_text0 (stmt, 6, c->period);
  td_bind_text0 (stmt, 7, c->start_date);
  td_bind_text0 (stmt, 8, c->end_date);
  td_bind_text0 (stmt, 9, c->venue_name);
  td_bind_text0 (stmt, 10, c->venue_address);
  td_bind_text0 (stmt, 11, c->classroom);
  td_bind_text0 (stmt, 12, c->counsellor_name);
  sqlite3_bind_int (stmt, 13, c->counsellor_qualified ? 1 : 0);
  td_bind_text0 (stmt, 14, c->materials);
  sqlite3_bind_int (stmt, 15, c->capacity);
  sqlite3_bind_int (stmt, 16, c->fee);
  sqlite3_bind_int (stmt, 17, c->group_discussion ? 1 : 0);
  td_bind_text0 (stmt, 18, td_exam_mode_to_string (c->exam_mode));
  td_bind_text0 (stmt, 19, c->filing_ref);
  td_bind_text (stmt, 20, c->filed_on);
  td_bind_text0 (stmt, 21, td_course_status_to_string (c->status));
  td_bind_text (stmt, 22, c->records_archived_on);
  td_bind_text (stmt, 23, c->certificates_issued_on);
  td_bind_text0 (stmt, 24, now);
}

static gboolean
write_course_row (TdStore *self, TdCourse *c, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  if (c->id == 0)
    stmt = td_store_prepare (
      self,
      "INSERT INTO course (external_id, regime, category, kind, title, period, start_date, "
      "end_date, venue_name, venue_address, classroom, counsellor_name, counsellor_qualified, "
      "materials, capacity, fee, group_discussion, exam_mode, filing_ref, filed_on, status, "
      "records_archived_on, certificates_issued_on, created_at, updated_at) VALUES (?1, ?2, ?3, "
      "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
      "?23, ?24, ?24)",
      error);
  else
    stmt = td_store_prepare (
      self,
      "UPDATE course SET external_id = ?1, regime = ?2, category = ?3, kind = ?4, title = ?5, "
      "period = ?6, start_date = ?7, end_date = ?8, venue_name = ?9, venue_address = ?10, "
      "classroom = ?11, counsellor_name = ?12, counsellor_qualified = ?13, materials = ?14, "
      "capacity = ?15, fee = ?16, group_discussion = ?17, exam_mode = ?18, filing_ref = ?19, "
      "filed_on = ?20, status = ?21, records_archived_on = ?22, certificates_issued_on = ?23, "
      "updated_at = ?24 WHERE id = ?25",
      error);
  if (stmt == NULL)
    return FALSE;
  bind_course (stmt, c, now);
  if (c->id != 0)
    sqlite3_bind_int64 (stmt, 25, c->id);
  if (!td_store_step_done (self, stmt, _("Could not save the course"), error))
    return FALSE;
  if (c->id == 0)
    c->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  else if (sqlite3_changes (td_store_get_db (self)) == 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                        _("The course was deleted in the meantime.")),
           FALSE;
  return TRUE;
}

static gboolean
write_changes (TdStore *self, TdCourse *c, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self, "DELETE FROM course_change WHERE course_id = ?1",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  if (!td_store_step_done (self, stmt, _("Could not save the course changes"), error))
    return FALSE;
  for (guint i = 0; i < c->changes->len; i++)
    {
      TdCourseChange *change = g_ptr_array_index (c->changes, i);
      stmt = td_store_prepare (self,
                               "INSERT INTO course_change (course_id, filed_on, force_majeure, "
                               "note) VALUES (?1, ?2, ?3, ?4)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->id);
      td_bind_text0 (stmt, 2, change->filed_on);
      sqlite3_bind_int (stmt, 3, change->force_majeure ? 1 : 0);
      td_bind_text0 (stmt, 4, change->note);
      if (!td_store_step_done (self, stmt, _("Could not save the course changes"), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
td_store_save_course (TdStore *self, TdCourse *course, GError **error)
{
  gint64 original_id = course->id;

  if (!validate_course (course, error))
    return FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  if (!write_course_row (self, course, error) || !write_changes (self, course, error))
    {
      td_store_rollback (self);
      course->id = original_id;
      return FALSE;
    }
  if (!td_store_commit (self, error))
    {
      course->id = original_id;
      return FALSE;
    }
  return TRUE;
}

/* Records that law requires to be kept (attendance, scores, certificates …) pin a course. */
static gboolean
course_has_records (TdStore *self, gint64 id, gboolean *has, GError **error)
{
  gint64 n = td_store_query_int (
    self,
    "SELECT (SELECT count(*) FROM attendance_event a JOIN session s ON s.id = a.session_id "
    "WHERE s.course_id = ?1) + (SELECT count(*) FROM score WHERE course_id = ?1) + "
    "(SELECT count(*) FROM certificate WHERE course_id = ?1) + (SELECT count(*) FROM "
    "leave_record l JOIN session s ON s.id = l.session_id WHERE s.course_id = ?1) + "
    "(SELECT count(*) FROM rollcall r JOIN session s ON s.id = r.session_id WHERE "
    "s.course_id = ?1) + (SELECT count(*) FROM makeup m JOIN session s ON s.id IN "
    "(m.missed_session_id, m.makeup_session_id) WHERE s.course_id = ?1) + "
    "(SELECT count(*) FROM hours_activity WHERE course_id = ?1) + "
    "(SELECT count(*) FROM scan_log l JOIN session s ON s.id = l.session_id WHERE "
    "s.course_id = ?1) + (SELECT count(*) FROM evrs_flag WHERE course_id = ?1)",
    id, error);
  if (n < 0)
    return FALSE;
  *has = n > 0;
  return TRUE;
}

gboolean
td_store_delete_course (TdStore *self, gint64 id, GError **error)
{
  gboolean has_records = FALSE;
  sqlite3_stmt *stmt;

  TD_STORE_WRITE_BEGIN (self, error);
  if (!course_has_records (self, id, &has_records, error))
    goto fail;
  if (has_records)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                   _("This course has attendance, scans, awarded hours, scores or certificates, "
                     "which must be kept; it cannot be deleted. Close it instead."));
      goto fail;
    }
  stmt = td_store_prepare (self, "DELETE FROM course WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_store_step_done (self, stmt, _("Could not delete the course"), error))
    goto fail;
  if (sqlite3_changes (td_store_get_db (self)) == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _("There is no course with id %" PRId64 "."), id);
      goto fail;
    }
  if (!td_store_audit (self, "delete", "course", id, NULL, error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

/* --- sessions ------------------------------------------------------------------ */

static TdSession *
session_from_row (sqlite3_stmt *stmt)
{
  TdSession *s = td_session_new ();

  s->id = sqlite3_column_int64 (stmt, 0);
  s->course_id = sqlite3_column_int64 (stmt, 1);
  s->external_id = td_col_dup (stmt, 2);
  s->date = td_col_dup (stmt, 3);
  s->start_time = td_col_dup (stmt, 4);
  s->end_time = td_col_dup (stmt, 5);
  s->subject = td_col_dup (stmt, 6);
  td_session_mode_from_string ((const char *) sqlite3_column_text (stmt, 7), &s->mode);
  s->minutes = sqlite3_column_int (stmt, 8);
  s->lecturer_id = sqlite3_column_int64 (stmt, 9);
  s->position = sqlite3_column_int (stmt, 10);
  return s;
}

static GPtrArray *
collect_sessions (TdStore *self, sqlite3_stmt *stmt, GError **error)
{
  return td_store_collect (self, stmt, (TdRowFunc) session_from_row, g_object_unref,
                           _("Could not read the sessions"), error);
}

GPtrArray *
td_store_list_sessions (TdStore *self, gint64 course_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " SESSION_COLUMNS " FROM session WHERE "
                                         "course_id = ?1 ORDER BY date, start_time, position, id",
                                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  return collect_sessions (self, stmt, error);
}

TdSession *
td_store_get_session (TdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " SESSION_COLUMNS " FROM session WHERE id = ?1",
                                         error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = collect_sessions (self, stmt, error);
  return td_store_first_object (list, error, _("There is no session with id %" PRId64 "."), id);
}

TdSession *
td_store_find_session (TdStore *self, gint64 course_id, const char *ref, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " SESSION_COLUMNS " FROM session WHERE "
                                         "course_id = ?1 AND (external_id = ?2 OR "
                                         "CAST(id AS TEXT) = ?2) ORDER BY external_id = ?2 DESC "
                                         "LIMIT 1",
                                         error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  td_bind_text (stmt, 2, ref);
  list = collect_sessions (self, stmt, error);
  return td_store_first_object (list, error, _("The course has no session “%s”."), ref ? ref : "");
}

static gboolean
validate_session (TdSession *s, GError **error)
{
  int span;

  if (!td_iso_date_is_valid (s->date))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The session needs a valid date.")),
           FALSE;
  if (td_time_parse_minutes (s->start_time) < 0 || td_time_parse_minutes (s->end_time) < 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("Start and end times are written as HH:MM.")),
           FALSE;
  span = td_session_span_minutes (s);
  if (span < 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The session ends before it starts.")),
           FALSE;
  if (s->subject == NULL || *g_strstrip (s->subject) == '\0')
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The session needs a subject.")),
           FALSE;
  if (s->minutes < 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The session's hours cannot be negative.")),
           FALSE;
  return TRUE;
}

/* Times are stored as zero-padded HH:MM so that text order is time order. */
static void
normalise_times (TdSession *s)
{
  char *start = td_time_format_minutes (td_time_parse_minutes (s->start_time));
  char *end = td_time_format_minutes (td_time_parse_minutes (s->end_time));

  g_free (s->start_time);
  g_free (s->end_time);
  s->start_time = start;
  s->end_time = end;
  if (s->minutes == 0)
    s->minutes = td_session_span_minutes (s);
}

static gboolean
write_session (TdStore *self, TdSession *s, GError **error)
{
  sqlite3_stmt *stmt;

  if (s->id == 0)
    stmt = td_store_prepare (self,
                             "INSERT INTO session (course_id, external_id, date, start_time, "
                             "end_time, subject, mode, minutes, lecturer_id, position) VALUES "
                             "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                             error);
  else
    stmt = td_store_prepare (self,
                             "UPDATE session SET course_id = ?1, external_id = ?2, date = ?3, "
                             "start_time = ?4, end_time = ?5, subject = ?6, mode = ?7, "
                             "minutes = ?8, lecturer_id = ?9, position = ?10 WHERE id = ?11",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->course_id);
  td_bind_text (stmt, 2, s->external_id);
  td_bind_text0 (stmt, 3, s->date);
  td_bind_text0 (stmt, 4, s->start_time);
  td_bind_text0 (stmt, 5, s->end_time);
  td_bind_text0 (stmt, 6, s->subject);
  td_bind_text0 (stmt, 7, td_session_mode_to_string (s->mode));
  sqlite3_bind_int (stmt, 8, s->minutes);
  if (s->lecturer_id > 0)
    sqlite3_bind_int64 (stmt, 9, s->lecturer_id);
  sqlite3_bind_int (stmt, 10, s->position);
  if (s->id != 0)
    sqlite3_bind_int64 (stmt, 11, s->id);
  if (!td_store_step_done (self, stmt, _("Could not save the session"), error))
    return FALSE;
  if (s->id == 0)
    s->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return TRUE;
}

gboolean
td_store_save_session (TdStore *self, TdSession *session, GError **error)
{
  gint64 original_id = session->id;

  if (!validate_session (session, error))
    return FALSE;
  normalise_times (session);
  TD_STORE_WRITE_BEGIN (self, error);
  if (!write_session (self, session, error))
    {
      td_store_rollback (self);
      session->id = original_id;
      return FALSE;
    }
  if (!td_store_commit (self, error))
    {
      session->id = original_id;
      return FALSE;
    }
  return TRUE;
}

gboolean
td_store_delete_session (TdStore *self, gint64 id, GError **error)
{
  gint64 records;
  sqlite3_stmt *stmt;

  TD_STORE_WRITE_BEGIN (self, error);
  records = td_store_query_int (
    self,
    "SELECT (SELECT count(*) FROM attendance_event WHERE session_id = ?1) + "
    "(SELECT count(*) FROM leave_record WHERE session_id = ?1) + "
    "(SELECT count(*) FROM rollcall WHERE session_id = ?1) + "
    "(SELECT count(*) FROM makeup WHERE ?1 IN (missed_session_id, makeup_session_id)) + "
    "(SELECT count(*) FROM hours_activity WHERE session_id = ?1) + "
    "(SELECT count(*) FROM scan_log WHERE session_id = ?1)",
    id, error);
  if (records < 0)
    goto fail;
  if (records > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                   _("Attendance was recorded for this session; it cannot be deleted."));
      goto fail;
    }
  stmt = td_store_prepare (self, "DELETE FROM session WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!td_store_step_done (self, stmt, _("Could not delete the session"), error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

gboolean
td_store_duplicate_day (TdStore *self, gint64 course_id, const char *from_date,
                        const char *to_date, GError **error)
{
  g_autoptr (GPtrArray) sessions = NULL;
  guint copied = 0;

  if (!td_iso_date_is_valid (from_date) || !td_iso_date_is_valid (to_date))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("Both days must be valid dates.")),
           FALSE;
  sessions = td_store_list_sessions (self, course_id, error);
  if (sessions == NULL)
    return FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  for (guint i = 0; i < sessions->len; i++)
    {
      TdSession *original = g_ptr_array_index (sessions, i);
      g_autoptr (TdSession) copy = NULL;

      if (g_strcmp0 (original->date, from_date) != 0)
        continue;
      copy = td_session_copy (original);
      copy->id = 0;
      g_clear_pointer (&copy->external_id, g_free);
      g_free (copy->date);
      copy->date = g_strdup (to_date);
      if (!write_session (self, copy, error))
        {
          td_store_rollback (self);
          return FALSE;
        }
      copied++;
    }
  if (copied == 0)
    {
      td_store_rollback (self);
      return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("There are no sessions on %s."),
                          from_date),
             FALSE;
    }
  return td_store_commit (self, error);
}
