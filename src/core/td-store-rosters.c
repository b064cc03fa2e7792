/* td-store-rosters.c — rosters (enrolments), attendance events and scores */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "td-national-id.h"
#include "td-store-private.h"

#define ENROLMENT_COLUMNS                                                                    \
  "e.id, e.course_id, e.external_id, e.seq, e.status, e.credits, " TD_TRAINEE_COLUMNS

#define ATTENDANCE_COLUMNS                                                                   \
  "session_id, trainee_id, status, in_time, out_time, leave_kind, source, recorded_by, "   \
  "recorded_at, reason"

/* --- enrolments -------------------------------------------------------------------- */

static TdEnrolment *
enrolment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (TdTrainee) trainee = td_store_trainee_from_row (stmt, 6);
  TdEnrolment *e = td_enrolment_new (trainee);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->course_id = sqlite3_column_int64 (stmt, 1);
  e->external_id = td_col_dup (stmt, 2);
  e->seq = sqlite3_column_int (stmt, 3);
  td_enrolment_status_from_string ((const char *) sqlite3_column_text (stmt, 4), &e->status);
  e->credits = td_col_dup (stmt, 5);
  return e;
}

static GPtrArray *
collect_enrolments (TdStore *self, sqlite3_stmt *stmt, GError **error)
{
  return td_store_collect (self, stmt, (TdRowFunc) enrolment_from_row, g_object_unref,
                           _("Could not read the roster"), error);
}

GPtrArray *
td_store_list_enrolments (TdStore *self, gint64 course_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " ENROLMENT_COLUMNS " FROM enrolment e JOIN "
                                         "trainee t ON t.id = e.trainee_id WHERE e.course_id = "
                                         "?1 ORDER BY e.seq, e.id",
                                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  return collect_enrolments (self, stmt, error);
}

TdEnrolment *
td_store_find_enrolment (TdStore *self, gint64 course_id, const char *ref, GError **error)
{
  g_autofree char *normalized = td_national_id_normalize (ref, NULL);
  sqlite3_stmt *stmt = td_store_prepare (
    self,
    "SELECT " ENROLMENT_COLUMNS " FROM enrolment e JOIN trainee t ON t.id = e.trainee_id "
    "WHERE e.course_id = ?1 AND (CAST(t.id AS TEXT) = ?2 OR e.external_id = ?2 OR "
    "t.national_id = ?3) ORDER BY CAST(t.id AS TEXT) = ?2 DESC, e.external_id = ?2 DESC LIMIT 1",
    error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  td_bind_text (stmt, 2, ref);
  td_bind_text (stmt, 3, normalized);
  list = collect_enrolments (self, stmt, error);
  return td_store_first_object (list, error,
                                _("“%s” is not on this course's roster."), ref ? ref : "");
}

#define MERGE_FIELD(field)                                                                   \
  if (incoming->field != NULL && *incoming->field != '\0')                                 \
    {                                                                                        \
      g_free (known->field);                                                                 \
      known->field = g_strdup (incoming->field);                                             \
    }

/* A known person keeps what they had unless the newer data says something. */
static void
merge_trainee (TdTrainee *known, TdTrainee *incoming)
{
  MERGE_FIELD (name);
  MERGE_FIELD (birth_date);
  MERGE_FIELD (household_address);
  MERGE_FIELD (contact_address);
  MERGE_FIELD (phone);
  MERGE_FIELD (email);
  MERGE_FIELD (education);
  MERGE_FIELD (employer);
  MERGE_FIELD (qualification_ref);
  MERGE_FIELD (remark);
}

/* Finds the person by ID and updates them, or creates them; sets @trainee->id. */
static gboolean
upsert_person (TdStore *self, TdTrainee *trainee, GError **error)
{
  g_autoptr (TdTrainee) known = td_store_find_trainee_by_national_id (self, trainee->national_id,
                                                                      NULL);
  if (known == NULL)
    {
      trainee->id = 0;
      return td_store_write_trainee (self, trainee, error);
    }
  g_autoptr (TdTrainee) before = td_trainee_copy (known);
  merge_trainee (known, trainee);
  trainee->id = known->id;
  /* Unchanged people are not rewritten, so the audit log only shows real changes. */
  if (td_trainee_equal (known, before))
    return TRUE;
  return td_store_write_trainee (self, known, error);
}

static gboolean
insert_enrolment (TdStore *self, gint64 course_id, TdTrainee *trainee, const char *external_id,
                  gint64 *enrolment_id, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;
  gboolean existing;

  stmt = td_store_prepare (self,
                           "SELECT 1 FROM enrolment WHERE course_id = ?1 AND trainee_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, trainee->id);
  existing = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (existing)
    return g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                        _("%s (%s) is already on this course's roster."), trainee->name,
                        trainee->national_id),
           FALSE;
  stmt = td_store_prepare (self,
                           "INSERT INTO enrolment (course_id, trainee_id, external_id, seq, "
                           "created_at) VALUES (?1, ?2, ?3, (SELECT coalesce (max (seq), 0) + 1 "
                           "FROM enrolment WHERE course_id = ?1), ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, trainee->id);
  td_bind_text (stmt, 3, external_id);
  td_bind_text0 (stmt, 4, now);
  if (!td_store_step_done (self, stmt, _("Could not add the trainee to the roster"), error))
    return FALSE;
  *enrolment_id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return TRUE;
}

gboolean
td_store_enrol (TdStore *self, gint64 course_id, TdTrainee *trainee, const char *external_id,
                TdEnrolment **out_enrolment, GError **error)
{
  gint64 enrolment_id = 0;
  gint64 original_id = trainee->id;

  if (!td_store_validate_trainee (trainee, error))
    return FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  if (td_store_query_int (self, "SELECT count(*) FROM course WHERE id = ?1", course_id, error) != 1)
    {
      if (error && *error == NULL)
        g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                     _("There is no course with id %" PRId64 "."), course_id);
      goto fail;
    }
  if (!upsert_person (self, trainee, error) ||
      !insert_enrolment (self, course_id, trainee, external_id, &enrolment_id, error))
    goto fail;
  if (!td_store_commit (self, error))
    goto fail_committed;
  if (out_enrolment != NULL)
    {
      g_autofree char *ref = g_strdup_printf ("%" G_GINT64_FORMAT, trainee->id);
      *out_enrolment = td_store_find_enrolment (self, course_id, ref, NULL);
    }
  return TRUE;

fail:
  td_store_rollback (self);
fail_committed:
  trainee->id = original_id;
  return FALSE;
}

gboolean
td_store_unenrol (TdStore *self, gint64 enrolment_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 records;

  TD_STORE_WRITE_BEGIN (self, error);
  records = td_store_query_int (
    self,
    "SELECT (SELECT count(*) FROM attendance_event a JOIN session s ON s.id = a.session_id "
    "WHERE s.course_id = e.course_id AND a.trainee_id = e.trainee_id) + (SELECT count(*) FROM "
    "score WHERE course_id = e.course_id AND trainee_id = e.trainee_id) + (SELECT count(*) "
    "FROM certificate WHERE course_id = e.course_id AND trainee_id = e.trainee_id) + "
    "(SELECT count(*) FROM hours_award w JOIN hours_activity h ON h.id = w.activity_id WHERE "
    "h.course_id = e.course_id AND w.trainee_id = e.trainee_id) FROM enrolment e WHERE "
    "e.id = ?1",
    enrolment_id, error);
  if (records < 0)
    goto fail;
  if (records > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_CONFLICT,
                   _("This trainee has attendance, awarded hours, scores or a certificate on this "
                     "course; the row must be kept. Mark them dismissed instead."));
      goto fail;
    }
  stmt = td_store_prepare (self, "DELETE FROM enrolment WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  if (!td_store_step_done (self, stmt, _("Could not remove the trainee from the roster"), error) ||
      !td_store_audit (self, "unenrol", "enrolment", enrolment_id, NULL, error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

gboolean
td_store_set_enrolment_status (TdStore *self, gint64 enrolment_id, TdEnrolmentStatus status,
                               GError **error)
{
  sqlite3_stmt *stmt;

  TD_STORE_WRITE_BEGIN (self, error);
  stmt = td_store_prepare (self, "UPDATE enrolment SET status = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, enrolment_id);
  td_bind_text0 (stmt, 2, td_enrolment_status_to_string (status));
  if (!td_store_step_done (self, stmt, _("Could not change the enrolment"), error) ||
      !td_store_audit (self, "status", "enrolment", enrolment_id,
                       td_enrolment_status_to_string (status), error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

GPtrArray *
td_store_list_trainee_courses (TdStore *self, gint64 trainee_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT c.id FROM course c JOIN enrolment e ON "
                                         "e.course_id = c.id WHERE e.trainee_id = ?1 ORDER BY "
                                         "c.start_date DESC, c.id DESC",
                                         error);
  g_autoptr (GArray) course_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (course_ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the trainee's courses"));
      return NULL;
    }
  for (guint i = 0; i < course_ids->len; i++)
    {
      TdCourse *course = td_store_get_course (self, g_array_index (course_ids, gint64, i), error);
      if (course == NULL)
        return NULL;
      g_ptr_array_add (list, course);
    }
  return g_steal_pointer (&list);
}

/* --- attendance -------------------------------------------------------------------- */

static TdAttendance *
attendance_from_row (sqlite3_stmt *stmt)
{
  TdAttendance *a = td_attendance_new (sqlite3_column_int64 (stmt, 0),
                                       sqlite3_column_int64 (stmt, 1), TD_ATTENDANCE_PRESENT);
  const char *source = (const char *) sqlite3_column_text (stmt, 6);

  td_attendance_status_from_string ((const char *) sqlite3_column_text (stmt, 2), &a->status);
  a->in_time = td_col_dup (stmt, 3);
  a->out_time = td_col_dup (stmt, 4);
  a->leave_kind = td_col_dup (stmt, 5);
  a->source = g_strcmp0 (source, "scan") == 0     ? TD_ATTENDANCE_SOURCE_SCAN
              : g_strcmp0 (source, "import") == 0 ? TD_ATTENDANCE_SOURCE_IMPORT
                                                  : TD_ATTENDANCE_SOURCE_DESK;
  a->recorded_by = td_col_dup (stmt, 7);
  a->recorded_at = td_col_dup (stmt, 8);
  a->reason = td_col_dup (stmt, 9);
  return a;
}

static GPtrArray *
collect_attendance (TdStore *self, sqlite3_stmt *stmt, GError **error)
{
  return td_store_collect (self, stmt, (TdRowFunc) attendance_from_row, (GDestroyNotify) td_attendance_free,
                           _("Could not read the attendance"), error);
}

static gboolean
validate_attendance (const TdAttendance *a, GError **error)
{
  if ((a->in_time && td_time_parse_minutes (a->in_time) < 0) ||
      (a->out_time && td_time_parse_minutes (a->out_time) < 0))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("Sign-in and sign-out times are written as HH:MM.")),
           FALSE;
  if (a->in_time && a->out_time &&
      td_time_parse_minutes (a->out_time) < td_time_parse_minutes (a->in_time))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("The sign-out time is before the sign-in time.")),
           FALSE;
  return TRUE;
}

gboolean
td_store_insert_attendance (TdStore *self, const TdAttendance *a, const char *now, GError **error)
{
  sqlite3_stmt *stmt;

  /* Outside a transaction each event would be its own commit: a caller's mistake. */
  g_return_val_if_fail (!sqlite3_get_autocommit (td_store_get_db (self)), FALSE);

  if (!validate_attendance (a, error))
    return FALSE;
  stmt = td_store_prepare (self,
                           "INSERT INTO attendance_event (" ATTENDANCE_COLUMNS ") VALUES (?1, "
                           "?2, ?3, ?4, ?5, ?6, ?7, td_actor (), ?8, ?9)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->session_id);
  sqlite3_bind_int64 (stmt, 2, a->trainee_id);
  td_bind_text0 (stmt, 3, td_attendance_status_to_string (a->status));
  td_bind_text (stmt, 4, a->in_time);
  td_bind_text (stmt, 5, a->out_time);
  td_bind_text (stmt, 6, a->leave_kind);
  td_bind_text0 (stmt, 7, td_attendance_source_to_string (a->source));
  td_bind_text0 (stmt, 8, now);
  td_bind_text (stmt, 9, a->reason);
  return td_store_step_done (self, stmt, _("Could not record the attendance"), error);
}

gboolean
td_store_record_attendance (TdStore *self, const TdAttendance *a, GError **error)
{
  g_autofree char *now = td_store_now ();

  if (!validate_attendance (a, error))
    return FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  if (!td_store_insert_attendance (self, a, now, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  return td_store_commit (self, error);
}

GPtrArray *
td_store_list_attendance (TdStore *self, gint64 course_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (
    self,
    "SELECT " ATTENDANCE_COLUMNS " FROM attendance_event WHERE id IN (SELECT max (a.id) FROM "
    "attendance_event a JOIN session s ON s.id = a.session_id WHERE s.course_id = ?1 GROUP BY "
    "a.session_id, a.trainee_id) ORDER BY session_id, trainee_id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  return collect_attendance (self, stmt, error);
}

GPtrArray *
td_store_list_attendance_history (TdStore *self, gint64 session_id, gint64 trainee_id,
                                  GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT " ATTENDANCE_COLUMNS " FROM attendance_event "
                                         "WHERE session_id = ?1 AND trainee_id = ?2 ORDER BY id",
                                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  return collect_attendance (self, stmt, error);
}

/* --- scores -------------------------------------------------------------------------- */

gboolean
td_store_record_score (TdStore *self, gint64 course_id, gint64 trainee_id, double score,
                       GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  if (!(score >= 0 && score <= 100))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("A score is between 0 and 100.")),
           FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  stmt = td_store_prepare (self,
                           "INSERT INTO score (course_id, trainee_id, score, recorded_by, "
                           "recorded_at) VALUES (?1, ?2, ?3, td_actor (), ?4)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  sqlite3_bind_double (stmt, 3, score);
  td_bind_text0 (stmt, 4, now);
  if (!td_store_step_done (self, stmt, _("Could not record the score"), error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

GPtrArray *
td_store_list_scores (TdStore *self, gint64 course_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT trainee_id, score FROM score WHERE id IN "
                                         "(SELECT max (id) FROM score WHERE course_id = ?1 GROUP "
                                         "BY trainee_id) ORDER BY trainee_id",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdScore *score = g_new0 (TdScore, 1);
      score->course_id = course_id;
      score->trainee_id = sqlite3_column_int64 (stmt, 0);
      score->score = sqlite3_column_double (stmt, 1);
      g_ptr_array_add (list, score);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the scores"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
