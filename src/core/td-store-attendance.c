/* td-store-attendance.c — leave, make-up, roll call and hours activities in the store
 *
 * Each record is a row in an append-only table (triggers of 0002-attendance.sql refuse
 * rewriting them); corrections are new rows. Checks that need the database (the
 * trainee is on the roster, the session belongs to the course) run inside the write
 * transaction so nothing can change between the check and the write.
 */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-attendance-desk.h"
#include "td-roc-date.h"
#include "td-store-private.h"

/* What the checks need to know about a session and its course. */
typedef struct {
  gint64 course_id;
  char *date;
  char *start_time;
  int minutes;
  char *category;
  char *course_start;
  TdRegime regime;
} SessionInfo;

static void
session_info_clear (SessionInfo *info)
{
  g_clear_pointer (&info->date, g_free);
  g_clear_pointer (&info->start_time, g_free);
  g_clear_pointer (&info->category, g_free);
  g_clear_pointer (&info->course_start, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SessionInfo, session_info_clear)

/* --- boxed records ------------------------------------------------------------- */

void
td_leave_free (TdLeave *leave)
{
  if (leave == NULL)
    return;
  g_free (leave->kind);
  g_free (leave->proof_note);
  g_free (leave->recorded_by);
  g_free (leave->recorded_at);
  g_free (leave);
}

void
td_makeup_free (TdMakeup *makeup)
{
  if (makeup == NULL)
    return;
  g_free (makeup->recorded_by);
  g_free (makeup->recorded_at);
  g_free (makeup);
}

void
td_rollcall_free (TdRollcall *rollcall)
{
  if (rollcall == NULL)
    return;
  g_free (rollcall->taken_at);
  g_free (rollcall->taken_by);
  g_free (rollcall->note);
  g_free (rollcall);
}

void
td_hours_activity_free (TdHoursActivity *activity)
{
  if (activity == NULL)
    return;
  g_free (activity->title);
  g_free (activity->date);
  g_free (activity);
}

void
td_hours_award_free (TdHoursAward *award)
{
  if (award == NULL)
    return;
  g_free (award->awarded_by);
  g_free (award->awarded_at);
  g_clear_object (&award->trainee);
  g_free (award);
}

/* --- helpers --------------------------------------------------------------------- */

static gboolean
load_session_info (TdStore *self, gint64 session_id, SessionInfo *info, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT s.course_id, s.date, s.start_time, s.minutes, "
                                         "c.category, c.start_date, c.regime FROM session s "
                                         "JOIN course c ON c.id = s.course_id WHERE s.id = ?1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      info->course_id = sqlite3_column_int64 (stmt, 0);
      info->date = td_col_dup (stmt, 1);
      info->start_time = td_col_dup (stmt, 2);
      info->minutes = sqlite3_column_int (stmt, 3);
      info->category = td_col_dup (stmt, 4);
      info->course_start = td_col_dup (stmt, 5);
      td_regime_from_string ((const char *) sqlite3_column_text (stmt, 6), &info->regime);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                 _("There is no session with id %" PRId64 "."), session_id);
  else
    td_store_set_sqlite_error (self, error, _("Could not read the session"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
check_enrolled (TdStore *self, gint64 course_id, gint64 trainee_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT 1 FROM enrolment WHERE course_id = ?1 AND "
                                         "trainee_id = ?2",
                                         error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _("Trainee %" PRId64 " is not on the roster of course %"
                   PRId64 "."),
                 trainee_id, course_id);
  return found;
}

static gboolean
fail_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID, message);
  return FALSE;
}

static GPtrArray *
list_for_id (TdStore *self, const char *sql, gint64 id, gpointer (*from_row) (sqlite3_stmt *),
             GDestroyNotify free_func, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return td_store_collect (self, stmt, from_row, free_func,
                           _("Could not read the attendance records"), error);
}

/* --- the desk's day --------------------------------------------------------------- */

static gpointer
id_from_row (sqlite3_stmt *stmt)
{
  gint64 *id = g_new (gint64, 1);

  *id = sqlite3_column_int64 (stmt, 0);
  return id;
}

GPtrArray *
td_store_list_sessions_on_date (TdStore *self, const char *date, GError **error)
{
  g_autoptr (GPtrArray) ids = NULL;
  g_autoptr (GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self), NULL);
  if (date == NULL || !td_iso_date_is_valid (date))
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                        _("“%s” is not a date (YYYY-MM-DD)."), date != NULL ? date : ""),
           NULL;
  stmt = td_store_prepare (self,
                           "SELECT id FROM session WHERE date = ?1 "
                           "ORDER BY start_time, course_id, position, id",
                           error);
  if (stmt == NULL)
    return NULL;
  td_bind_text (stmt, 1, date);
  ids = td_store_collect (self, stmt, id_from_row, g_free, _("Could not read the sessions"),
                          error);
  if (ids == NULL)
    return NULL;
  /* A day holds a handful of sessions: reading each through the one session reader
   * keeps a single definition of a session row. */
  for (guint i = 0; i < ids->len; i++)
    {
      TdSession *session = td_store_get_session (self, *(gint64 *) ids->pdata[i], error);

      if (session == NULL)
        return NULL;
      g_ptr_array_add (sessions, session);
    }
  return g_steal_pointer (&sessions);
}

/* --- leave ---------------------------------------------------------------------- */

char *
td_leave_kind_normalize (const char *text)
{
  g_autofree char *kind = g_strstrip (g_strdup (text ? text : ""));

  if (*kind == '\0')
    return NULL;
  if (g_str_equal (kind, "事假") || g_ascii_strcasecmp (kind, "personal") == 0)
    return g_strdup ("personal");
  if (g_str_equal (kind, "病假") || g_ascii_strcasecmp (kind, "sick") == 0)
    return g_strdup ("sick");
  return g_steal_pointer (&kind);
}

static gboolean
insert_leave (TdStore *self, gint64 session_id, gint64 trainee_id, const char *kind,
              int minutes, const char *proof_note, const char *now, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "INSERT INTO leave_record (session_id, trainee_id, "
                                         "kind, minutes, proof_note, recorded_by, recorded_at) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, td_actor (), ?6)",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  td_bind_text0 (stmt, 3, kind);
  sqlite3_bind_int (stmt, 4, minutes);
  td_bind_text0 (stmt, 5, proof_note);
  td_bind_text0 (stmt, 6, now);
  return td_store_step_done (self, stmt, _("Could not record the leave"), error);
}

static gboolean
check_leave (TdStore *self, gint64 session_id, gint64 trainee_id, int minutes, GError **error)
{
  g_auto (SessionInfo) info = { 0 };

  if (!load_session_info (self, session_id, &info, error) ||
      !check_enrolled (self, info.course_id, trainee_id, error))
    return FALSE;
  if (minutes < 1 || minutes > info.minutes)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("Leave is between 1 and %d minutes, the length of the session; %d was "
                     "given."),
                   info.minutes, minutes);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_store_record_leave (TdStore *self, gint64 session_id, gint64 trainee_id, const char *kind,
                       int minutes, const char *proof_note, GError **error)
{
  g_autofree char *normalized = td_leave_kind_normalize (kind);
  g_autofree char *now = td_store_now ();
  g_autoptr (TdAttendance) event = td_attendance_new (session_id, trainee_id,
                                                      TD_ATTENDANCE_LEAVE);

  g_return_val_if_fail (TD_IS_STORE (self), FALSE);

  if (normalized == NULL)
    return fail_invalid (error, _("Say what kind of leave it is: 事假 (personal) or 病假 (sick)."));
  event->leave_kind = g_strdup (normalized);
  event->source = TD_ATTENDANCE_SOURCE_DESK;
  TD_STORE_WRITE_BEGIN (self, error);
  if (!check_leave (self, session_id, trainee_id, minutes, error) ||
      !insert_leave (self, session_id, trainee_id, normalized, minutes, proof_note, now, error) ||
      !td_store_record_attendance (self, event, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  return td_store_commit (self, error);
}

static gpointer
leave_from_row (sqlite3_stmt *stmt)
{
  TdLeave *leave = g_new0 (TdLeave, 1);

  leave->id = sqlite3_column_int64 (stmt, 0);
  leave->session_id = sqlite3_column_int64 (stmt, 1);
  leave->trainee_id = sqlite3_column_int64 (stmt, 2);
  leave->kind = td_col_dup (stmt, 3);
  leave->minutes = sqlite3_column_int (stmt, 4);
  leave->proof_note = td_col_dup (stmt, 5);
  leave->recorded_by = td_col_dup (stmt, 6);
  leave->recorded_at = td_col_dup (stmt, 7);
  return leave;
}

GPtrArray *
td_store_list_leave (TdStore *self, gint64 course_id, GError **error)
{
  return list_for_id (self,
                      "SELECT l.id, l.session_id, l.trainee_id, l.kind, l.minutes, l.proof_note, "
                      "l.recorded_by, l.recorded_at FROM leave_record l JOIN session s ON s.id = "
                      "l.session_id WHERE s.course_id = ?1 ORDER BY s.date, s.start_time, "
                      "l.session_id, l.id",
                      course_id, leave_from_row, (GDestroyNotify) td_leave_free, error);
}

/* --- make-up ----------------------------------------------------------------------- */

static gboolean
check_makeup (SessionInfo *missed, SessionInfo *made_up, int minutes, GError **error)
{
  if (made_up->course_id == missed->course_id)
    return fail_invalid (error, _("A make-up session belongs to a later run of the course, "
                                  "not to the same course."));
  if (g_strcmp0 (made_up->category, missed->category) != 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The make-up session is of category “%s”; the missed one is of “%s”. A "
                     "make-up is a session of the same category."),
                   made_up->category, missed->category);
      return FALSE;
    }
  if (g_strcmp0 (made_up->course_start, missed->course_start) <= 0 ||
      g_strcmp0 (made_up->date, missed->date) < 0)
    return fail_invalid (error, _("The make-up session must be of a later run of the course, "
                                  "on or after the day of the missed session."));
  if (minutes < 1 || minutes > MIN (missed->minutes, made_up->minutes))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("A make-up credits between 1 and %d minutes (the shorter session); %d was "
                     "given."),
                   MIN (missed->minutes, made_up->minutes), minutes);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_makeup (TdStore *self, gint64 trainee_id, gint64 missed_id, gint64 makeup_id,
               int minutes, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "INSERT INTO makeup (trainee_id, missed_session_id, "
                                         "makeup_session_id, minutes, recorded_by, recorded_at) "
                                         "VALUES (?1, ?2, ?3, ?4, td_actor (), ?5)",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  sqlite3_bind_int64 (stmt, 2, missed_id);
  sqlite3_bind_int64 (stmt, 3, makeup_id);
  sqlite3_bind_int (stmt, 4, minutes);
  td_bind_text0 (stmt, 5, now);
  return td_store_step_done (self, stmt, _("Could not record the make-up"), error);
}

gboolean
td_store_record_makeup (TdStore *self, gint64 trainee_id, gint64 missed_session_id,
                        gint64 makeup_session_id, int minutes, GError **error)
{
  g_auto (SessionInfo) missed = { 0 };
  g_auto (SessionInfo) made_up = { 0 };

  g_return_val_if_fail (TD_IS_STORE (self), FALSE);

  TD_STORE_WRITE_BEGIN (self, error);
  if (!load_session_info (self, missed_session_id, &missed, error) ||
      !load_session_info (self, makeup_session_id, &made_up, error) ||
      !check_enrolled (self, missed.course_id, trainee_id, error) ||
      !check_makeup (&missed, &made_up, minutes, error) ||
      !insert_makeup (self, trainee_id, missed_session_id, makeup_session_id, minutes, error))
    {
      td_store_rollback (self);
      return FALSE;
    }
  return td_store_commit (self, error);
}

static gpointer
makeup_from_row (sqlite3_stmt *stmt)
{
  TdMakeup *m = g_new0 (TdMakeup, 1);

  m->id = sqlite3_column_int64 (stmt, 0);
  m->trainee_id = sqlite3_column_int64 (stmt, 1);
  m->missed_session_id = sqlite3_column_int64 (stmt, 2);
  m->makeup_session_id = sqlite3_column_int64 (stmt, 3);
  m->minutes = sqlite3_column_int (stmt, 4);
  m->recorded_by = td_col_dup (stmt, 5);
  m->recorded_at = td_col_dup (stmt, 6);
  return m;
}

GPtrArray *
td_store_list_makeups (TdStore *self, gint64 course_id, GError **error)
{
  return list_for_id (self,
                      "SELECT m.id, m.trainee_id, m.missed_session_id, m.makeup_session_id, "
                      "m.minutes, m.recorded_by, m.recorded_at FROM makeup m JOIN session s ON "
                      "s.id = m.missed_session_id WHERE s.course_id = ?1 ORDER BY m.id",
                      course_id, makeup_from_row, (GDestroyNotify) td_makeup_free, error);
}

/* --- roll call ----------------------------------------------------------------------- */

/* "YYYY-MM-DDTHH:MM[:SS]" on @date, the time valid. */
static gboolean
instant_is_on (const char *instant, const char *date)
{
  g_autoptr (GDateTime) parsed = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  if (instant == NULL || strlen (instant) < 16 || !g_str_has_prefix (instant, date) ||
      instant[10] != 'T')
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (instant, utc);
  if (parsed == NULL && strlen (instant) == 16)
    {
      g_autofree char *with_seconds = g_strconcat (instant, ":00", NULL);
      parsed = g_date_time_new_from_iso8601 (with_seconds, utc);
    }
  return parsed != NULL;
}

static gboolean
check_rollcall (TdStore *self, const TdRollcall *r, GError **error)
{
  g_auto (SessionInfo) info = { 0 };

  if (!load_session_info (self, r->session_id, &info, error))
    return FALSE;
  if (!instant_is_on (r->taken_at, info.date))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The roll-call time “%s” is not a time on the session's day, %s "
                     "(write it as %sTHH:MM)."),
                   r->taken_at ? r->taken_at : "", info.date, info.date);
      return FALSE;
    }
  if (r->taken_by == NULL || *g_strstrip (r->taken_by) == '\0')
    return fail_invalid (error, _("Say who took the roll call."));
  if (r->present < 0 || r->absent < 0)
    return fail_invalid (error, _("The present and absent counts cannot be negative."));
  return TRUE;
}

gboolean
td_store_record_rollcall (TdStore *self, TdRollcall *r, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self), FALSE);

  TD_STORE_WRITE_BEGIN (self, error);
  if (!check_rollcall (self, r, error))
    goto fail;
  stmt = td_store_prepare (self,
                           "INSERT INTO rollcall (session_id, taken_at, taken_by, present, "
                           "absent, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, r->session_id);
  td_bind_text0 (stmt, 2, r->taken_at);
  td_bind_text0 (stmt, 3, r->taken_by);
  sqlite3_bind_int (stmt, 4, r->present);
  sqlite3_bind_int (stmt, 5, r->absent);
  td_bind_text0 (stmt, 6, r->note);
  if (!td_store_step_done (self, stmt, _("Could not record the roll call"), error))
    goto fail;
  r->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

static gpointer
rollcall_from_row (sqlite3_stmt *stmt)
{
  TdRollcall *r = g_new0 (TdRollcall, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->session_id = sqlite3_column_int64 (stmt, 1);
  r->taken_at = td_col_dup (stmt, 2);
  r->taken_by = td_col_dup (stmt, 3);
  r->present = sqlite3_column_int (stmt, 4);
  r->absent = sqlite3_column_int (stmt, 5);
  r->note = td_col_dup (stmt, 6);
  return r;
}

GPtrArray *
td_store_list_rollcalls (TdStore *self, gint64 course_id, GError **error)
{
  return list_for_id (self,
                      "SELECT r.id, r.session_id, r.taken_at, r.taken_by, r.present, r.absent, "
                      "r.note FROM rollcall r JOIN session s ON s.id = r.session_id WHERE "
                      "s.course_id = ?1 ORDER BY s.date, s.start_time, r.session_id, r.id",
                      course_id, rollcall_from_row, (GDestroyNotify) td_rollcall_free, error);
}

/* --- hours activities ------------------------------------------------------------------ */

#define ACTIVITY_COLUMNS                                                                     \
  "id, course_id, session_id, title, date, physical_minutes, digital_minutes"

static gpointer
activity_from_row (sqlite3_stmt *stmt)
{
  TdHoursActivity *a = g_new0 (TdHoursActivity, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->course_id = sqlite3_column_int64 (stmt, 1);
  a->session_id = sqlite3_column_int64 (stmt, 2);
  a->title = td_col_dup (stmt, 3);
  a->date = td_col_dup (stmt, 4);
  a->physical_minutes = sqlite3_column_int (stmt, 5);
  a->digital_minutes = sqlite3_column_int (stmt, 6);
  return a;
}

static gboolean
check_activity (TdStore *self, TdHoursActivity *a, GError **error)
{
  g_autoptr (TdCourse) course = td_store_get_course (self, a->course_id, error);

  if (course == NULL)
    return FALSE;
  if (course->regime != TD_REGIME_HOURS)
    return fail_invalid (error, _("Hours are awarded by scanning only in courses of the "
                                  "“hours” regime."));
  if (a->title == NULL || *g_strstrip (a->title) == '\0')
    return fail_invalid (error, _("An activity needs a title."));
  if (!td_iso_date_is_valid (a->date))
    return fail_invalid (error, _("The activity's date is written as YYYY-MM-DD."));
  if (a->physical_minutes < 0 || a->digital_minutes < 0 ||
      a->physical_minutes + a->digital_minutes == 0)
    return fail_invalid (error, _("Set the hours one scan awards: physical, digital or both, "
                                  "more than zero in all."));
  if (a->session_id != 0)
    {
      g_auto (SessionInfo) info = { 0 };

      if (!load_session_info (self, a->session_id, &info, error))
        return FALSE;
      if (info.course_id != a->course_id)
        return fail_invalid (error, _("The session belongs to another course."));
    }
  return TRUE;
}

gboolean
td_store_create_hours_activity (TdStore *self, TdHoursActivity *a, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TD_IS_STORE (self), FALSE);

  TD_STORE_WRITE_BEGIN (self, error);
  if (!check_activity (self, a, error))
    goto fail;
  stmt = td_store_prepare (self,
                           "INSERT INTO hours_activity (course_id, session_id, title, date, "
                           "physical_minutes, digital_minutes, created_by, created_at) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, td_actor (), ?7)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, a->course_id);
  if (a->session_id != 0)
    sqlite3_bind_int64 (stmt, 2, a->session_id);
  td_bind_text0 (stmt, 3, a->title);
  td_bind_text0 (stmt, 4, a->date);
  sqlite3_bind_int (stmt, 5, a->physical_minutes);
  sqlite3_bind_int (stmt, 6, a->digital_minutes);
  td_bind_text0 (stmt, 7, now);
  if (!td_store_step_done (self, stmt, _("Could not create the activity"), error))
    goto fail;
  a->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

static TdHoursActivity *
get_activity (TdStore *self, const char *sql, gint64 id, const char *missing, GError **error)
{
  g_autoptr (GPtrArray) list = list_for_id (self, sql, id, activity_from_row,
                                            (GDestroyNotify) td_hours_activity_free, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_NOT_FOUND, missing);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

TdHoursActivity *
td_store_get_hours_activity (TdStore *self, gint64 id, GError **error)
{
  g_autofree char *missing =
    g_strdup_printf (_("There is no activity with id %" PRId64 "."), id);

  return get_activity (self, "SELECT " ACTIVITY_COLUMNS " FROM hours_activity WHERE id = ?1",
                       id, missing, error);
}

TdHoursActivity *
td_store_find_session_hours_activity (TdStore *self, gint64 session_id, GError **error)
{
  g_autofree char *missing =
    g_strdup_printf (_("No activity was opened for session %" PRId64 "."), session_id);

  return get_activity (self,
                       "SELECT " ACTIVITY_COLUMNS " FROM hours_activity WHERE session_id = ?1",
                       session_id, missing, error);
}

GPtrArray *
td_store_list_hours_activities (TdStore *self, gint64 course_id, GError **error)
{
  return list_for_id (self,
                      "SELECT " ACTIVITY_COLUMNS " FROM hours_activity WHERE course_id = ?1 "
                      "ORDER BY date, id",
                      course_id, activity_from_row, (GDestroyNotify) td_hours_activity_free,
                      error);
}

static gpointer
award_from_row (sqlite3_stmt *stmt)
{
  TdHoursAward *award = g_new0 (TdHoursAward, 1);

  award->activity_id = sqlite3_column_int64 (stmt, 0);
  award->trainee_id = sqlite3_column_int64 (stmt, 1);
  award->physical_minutes = sqlite3_column_int (stmt, 2);
  award->digital_minutes = sqlite3_column_int (stmt, 3);
  award->awarded_by = td_col_dup (stmt, 4);
  award->awarded_at = td_col_dup (stmt, 5);
  award->trainee = td_store_trainee_from_row (stmt, 6);
  return award;
}

GPtrArray *
td_store_list_hours_awards (TdStore *self, gint64 activity_id, GError **error)
{
  return list_for_id (self,
                      "SELECT w.activity_id, w.trainee_id, w.physical_minutes, "
                      "w.digital_minutes, w.awarded_by, w.awarded_at, " TD_TRAINEE_COLUMNS
                      " FROM hours_award w JOIN trainee t ON t.id = w.trainee_id WHERE "
                      "w.activity_id = ?1 ORDER BY w.id",
                      activity_id, award_from_row, (GDestroyNotify) td_hours_award_free, error);
}
