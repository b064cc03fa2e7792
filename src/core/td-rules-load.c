/* td-rules-load.c — loading course snapshots for the rule checks in one pass
 *
 * Checking a centre course by course costs a dozen queries per course, and the
 * current attendance of each (the latest event of every session × trainee cell) was a
 * GROUP BY over the course's events plus a sort. Here every table is read once, by
 * one statement ordered by course id; the statements are stepped side by side like a
 * merge join, so each snapshot is built from the rows under the cursors and memory
 * holds one course at a time. The latest event of a cell is found without grouping:
 * the attendance statement walks the session_course and attendance_cell indexes in
 * order, so the events of a cell arrive together, oldest first, and the last one wins
 * — except that a leave stays in force while the trainee only signs in after it, with
 * the minutes of the cell's latest leave record (fold_event, resolve_leave).
 */
#include "config.h"

#define G_LOG_DOMAIN "td-rules"

#include <glib/gi18n-lib.h>

#include "td-rules-private.h"
#include "td-store-private.h"

/* Each statement's column 0 is the course id its row belongs to; the rest is the
 * row. "%s" is where the one-course filter goes. */
static const char *const sql_sessions =
  "SELECT course_id, id, course_id, external_id, date, start_time, end_time, subject, mode,"
  " minutes, lecturer_id, position FROM session%s"
  " ORDER BY course_id, date, start_time, position, id";
static const char *const sql_enrolments =
  "SELECT e.course_id, e.id, e.course_id, e.external_id, e.seq, e.status, e.credits, "
  TD_TRAINEE_COLUMNS " FROM enrolment e JOIN trainee t ON t.id = e.trainee_id%s"
  " ORDER BY e.course_id, e.seq, e.id";
/* The rules know a person by id only (findings name them by enrolment): no lookup in
 * the trainee table, 200,000 of them in ten years of a centre. */
static const char *const sql_enrolments_lean =
  "SELECT e.course_id, e.id, e.course_id, e.external_id, e.seq, e.status, e.credits,"
  " e.trainee_id FROM enrolment e%s ORDER BY e.course_id, e.seq, e.id";
/* In index order (no sorter): by course, session, trainee, then event id. Column 8
 * says whether the event is a correction (it has a reason). */
#define SQL_ATTENDANCE(who)                                                                 \
  "SELECT s.course_id, a.session_id, a.trainee_id, a.status, a.in_time, a.out_time,"     \
  " a.leave_kind, a.source, coalesce (a.reason, '') <> '', " who " FROM session s"       \
  " JOIN attendance_event a ON a.session_id = s.id%s"                                    \
  " ORDER BY s.course_id, s.date, s.start_time, s.id, a.trainee_id, a.id"
static const char *const sql_attendance = SQL_ATTENDANCE ("a.recorded_by, a.recorded_at, a.reason");
/* The rules read the state of a cell, not who recorded it when or why. */
static const char *const sql_attendance_lean = SQL_ATTENDANCE ("NULL");
/* Oldest first: the latest leave record of a cell says how long the leave is. */
static const char *const sql_leave =
  "SELECT s.course_id, l.session_id, l.trainee_id, l.minutes FROM leave_record l"
  " JOIN session s ON s.id = l.session_id%s ORDER BY s.course_id, l.id";
static const char *const sql_scores =
  "SELECT course_id, trainee_id, score FROM score%s ORDER BY course_id, trainee_id, id";
static const char *const sql_rollcalls =
  "SELECT s.course_id, r.session_id, r.taken_at FROM rollcall r"
  " JOIN session s ON s.id = r.session_id%s ORDER BY s.course_id, r.taken_at, r.id";
static const char *const sql_makeups =
  "SELECT s.course_id, m.trainee_id, m.missed_session_id, ms.date FROM makeup m"
  " JOIN session s ON s.id = m.missed_session_id"
  " JOIN session ms ON ms.id = m.makeup_session_id%s ORDER BY s.course_id, m.id";
static const char *const sql_certificates =
  "SELECT course_id, trainee_id, voided_at IS NOT NULL FROM certificate%s"
  " ORDER BY course_id, id";
static const char *const sql_changes =
  "SELECT course_id, filed_on, force_majeure, note FROM course_change ORDER BY course_id, id";

typedef enum {
  CURSOR_SESSIONS,
  CURSOR_ENROLMENTS,
  CURSOR_ATTENDANCE,
  CURSOR_LEAVE,
  CURSOR_SCORES,
  CURSOR_ROLLCALLS,
  CURSOR_MAKEUPS,
  CURSOR_CERTIFICATES,
  CURSOR_CHANGES,
  N_CURSORS
} CursorKind;

typedef struct {
  sqlite3_stmt *stmt;
  int rc;                    /* of the last sqlite3_step */
} Cursor;

struct _TdSnapshotReader {
  TdStore *store;
  GPtrArray *courses;        /* TdCourse*, by id */
  guint next;
  GHashTable *settings;
  gboolean lean;
  gboolean one_course;       /* the statements hold that course's rows only */
  guint sizes[N_CURSORS];    /* the last course's row counts, to size the next arrays */
  GArray *leave;             /* LeaveRow: the leave records of the course being read */
  Cursor cursors[N_CURSORS];
};

/* --- rows ----------------------------------------------------------------------------- */

static TdSession *
session_from_row (sqlite3_stmt *stmt)
{
  TdSession *s = td_session_new ();

  s->id = sqlite3_column_int64 (stmt, 1);
  s->course_id = sqlite3_column_int64 (stmt, 2);
  s->external_id = td_col_dup (stmt, 3);
  s->date = td_col_dup (stmt, 4);
  s->start_time = td_col_dup (stmt, 5);
  s->end_time = td_col_dup (stmt, 6);
  s->subject = td_col_dup (stmt, 7);
  td_session_mode_from_string ((const char *) sqlite3_column_text (stmt, 8), &s->mode);
  s->minutes = sqlite3_column_int (stmt, 9);
  s->lecturer_id = sqlite3_column_int64 (stmt, 10);
  s->position = sqlite3_column_int (stmt, 11);
  return s;
}

static TdEnrolment *
enrolment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (TdTrainee) trainee = td_store_trainee_from_row (stmt, 7);
  TdEnrolment *e = td_enrolment_new (trainee);

  e->id = sqlite3_column_int64 (stmt, 1);
  e->course_id = sqlite3_column_int64 (stmt, 2);
  e->external_id = td_col_dup (stmt, 3);
  e->seq = sqlite3_column_int (stmt, 4);
  td_enrolment_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &e->status);
  e->credits = td_col_dup (stmt, 6);
  return e;
}

/* The lean enrolment statement: the trainee is only their id. */
static TdEnrolment *
lean_enrolment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (TdTrainee) trainee = td_trainee_new ();
  TdEnrolment *e;

  trainee->id = sqlite3_column_int64 (stmt, 7);
  e = td_enrolment_new (trainee);
  e->id = sqlite3_column_int64 (stmt, 1);
  e->course_id = sqlite3_column_int64 (stmt, 2);
  e->external_id = td_col_dup (stmt, 3);
  e->seq = sqlite3_column_int (stmt, 4);
  td_enrolment_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &e->status);
  e->credits = td_col_dup (stmt, 6);
  return e;
}

static TdAttendanceSource
source_from_string (const char *source)
{
  if (g_strcmp0 (source, "scan") == 0)
    return TD_ATTENDANCE_SOURCE_SCAN;
  if (g_strcmp0 (source, "import") == 0)
    return TD_ATTENDANCE_SOURCE_IMPORT;
  return TD_ATTENDANCE_SOURCE_DESK;
}

/* Text columns are read with one call each: sqlite3_column_text gives NULL for NULL. */
static char *
col_text (sqlite3_stmt *stmt, int col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static TdAttendance *
attendance_from_row (TdSnapshotReader *r, sqlite3_stmt *stmt, gint64 session_id,
                     gint64 trainee_id)
{
  TdAttendance *a = td_attendance_new (session_id, trainee_id, TD_ATTENDANCE_PRESENT);

  td_attendance_status_from_string ((const char *) sqlite3_column_text (stmt, 3), &a->status);
  a->in_time = col_text (stmt, 4);
  a->out_time = col_text (stmt, 5);
  a->leave_kind = col_text (stmt, 6);
  a->source = source_from_string ((const char *) sqlite3_column_text (stmt, 7));
  if (!r->lean)
    {
      a->recorded_by = col_text (stmt, 9);
      a->recorded_at = col_text (stmt, 10);
      a->reason = col_text (stmt, 11);
    }
  return a;
}

/* While a cell's events are read, leave_minutes is LEAVE_IN_FORCE when its leave
 * counts; the minutes come from the leave records once the course is read. */
#define LEAVE_IN_FORCE (-1)

/* How the next event of a cell (@next, just read; @prev, the state so far) makes its
 * state (docs/rules.md, time model). A leave stays in force while the trainee only
 * signs in and out after it: they came for the rest of the session. An absent event or
 * a correction (an event with a reason) replaces the cell, leave and all. A leave
 * recorded after a sign-in keeps its times: the trainee was there before leaving.
 * Returns whether @prev's sign-in times go on to @next (the caller moves them; it
 * also keeps the leave's kind on a cell signed in after its leave). */
static gboolean
fold_event (const TdAttendance *prev, TdAttendance *next, gboolean corrected)
{
  if (next->status == TD_ATTENDANCE_LEAVE)
    {
      next->leave_minutes = LEAVE_IN_FORCE;
      return prev != NULL && !corrected && prev->status != TD_ATTENDANCE_ABSENT
             && prev->in_time != NULL && next->in_time == NULL;
    }
  if (prev != NULL && prev->leave_minutes == LEAVE_IN_FORCE && !corrected
      && next->status == TD_ATTENDANCE_PRESENT)
    next->leave_minutes = LEAVE_IN_FORCE;
  return FALSE;
}

/* The events of a cell come together, oldest first: each is folded into the state
 * the ones before it made (fold_event). */
static void
add_attendance (TdSnapshotReader *r, TdCourseSnapshot *s, sqlite3_stmt *stmt)
{
  GPtrArray *list = s->attendance;
  TdAttendance *last = list->len > 0 ? g_ptr_array_index (list, list->len - 1) : NULL;
  gint64 session_id = sqlite3_column_int64 (stmt, 1), trainee_id = sqlite3_column_int64 (stmt, 2);
  TdAttendance *a = attendance_from_row (r, stmt, session_id, trainee_id);
  gboolean same = last != NULL && last->session_id == session_id && last->trainee_id == trainee_id;

  if (fold_event (same ? last : NULL, a, sqlite3_column_int (stmt, 8) != 0))
    {
      a->in_time = g_steal_pointer (&last->in_time);
      a->out_time = g_steal_pointer (&last->out_time);
    }
  if (same && a->leave_minutes == LEAVE_IN_FORCE && a->leave_kind == NULL)
    a->leave_kind = g_steal_pointer (&last->leave_kind);
  if (same)
    {
      td_attendance_free (last);
      list->pdata[list->len - 1] = a;
    }
  else
    g_ptr_array_add (list, a);
}

/* A lean snapshot's cells: one array of them and one block of their strings, instead
 * of four allocations per cell (2,000,000 cells in ten years of a centre). The
 * snapshot's attendance array points into it, and has no free function. */
typedef struct {
  GArray *cells;             /* TdAttendance */
  GStringChunk *strings;
} Cells;

void
td_snapshot_cells_free (gpointer data)
{
  Cells *c = data;

  g_array_unref (c->cells);
  g_string_chunk_free (c->strings);
  g_free (c);
}

static char *
chunk_text (Cells *c, sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text != NULL ? g_string_chunk_insert (c->strings, text) : NULL;
}

static void
add_lean_attendance (TdCourseSnapshot *s, sqlite3_stmt *stmt)
{
  Cells *c = s->cells;
  gint64 session_id = sqlite3_column_int64 (stmt, 1), trainee_id = sqlite3_column_int64 (stmt, 2);
  TdAttendance *a = c->cells->len > 0 ? &g_array_index (c->cells, TdAttendance, c->cells->len - 1)
                                      : NULL;
  TdAttendance prev = { 0 };
  gboolean same;

  /* Events of a cell come together, oldest first: each is folded into the state the
   * ones before it made (fold_event). */
  same = a != NULL && a->session_id == session_id && a->trainee_id == trainee_id;
  if (same)
    prev = *a;
  else
    {
      g_array_set_size (c->cells, c->cells->len + 1);
      a = &g_array_index (c->cells, TdAttendance, c->cells->len - 1);
    }
  memset (a, 0, sizeof *a);
  a->session_id = session_id;
  a->trainee_id = trainee_id;
  td_attendance_status_from_string ((const char *) sqlite3_column_text (stmt, 3), &a->status);
  a->in_time = chunk_text (c, stmt, 4);
  a->out_time = chunk_text (c, stmt, 5);
  a->leave_kind = chunk_text (c, stmt, 6);
  a->source = source_from_string ((const char *) sqlite3_column_text (stmt, 7));
  if (fold_event (same ? &prev : NULL, a, sqlite3_column_int (stmt, 8) != 0))
    {
      a->in_time = prev.in_time;
      a->out_time = prev.out_time;
    }
  if (same && a->leave_minutes == LEAVE_IN_FORCE && a->leave_kind == NULL)
    a->leave_kind = prev.leave_kind;
}

/* Points the snapshot's attendance array at its cells, once they are all read. */
static void
expose_cells (TdCourseSnapshot *s)
{
  Cells *c = s->cells;

  g_ptr_array_unref (s->attendance);
  s->attendance = g_ptr_array_sized_new (c->cells->len);
  for (guint i = 0; i < c->cells->len; i++)
    g_ptr_array_add (s->attendance, &g_array_index (c->cells, TdAttendance, i));
}

static void
prepare_cells (TdCourseSnapshot *s, guint size)
{
  Cells *c = g_new0 (Cells, 1);

  c->cells = g_array_sized_new (FALSE, FALSE, sizeof (TdAttendance), size + size / 8);
  c->strings = g_string_chunk_new (MAX (1024, size * 12));
  s->cells = c;
}

typedef struct {
  gint64 session_id;
  gint64 trainee_id;
  int minutes;
} LeaveRow;

static void
add_leave (TdSnapshotReader *r, sqlite3_stmt *stmt)
{
  LeaveRow row = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                   sqlite3_column_int (stmt, 3) };

  g_array_append_val (r->leave, row);
}

/* The minutes of the cell's latest leave record; 0 when it has none (leave imported
 * from a course file, which has no minutes: the whole session). */
static int
latest_leave_minutes (TdSnapshotReader *r, gint64 session_id, gint64 trainee_id)
{
  for (guint i = r->leave->len; i > 0; i--)
    {
      const LeaveRow *row = &g_array_index (r->leave, LeaveRow, i - 1);
      if (row->session_id == session_id && row->trainee_id == trainee_id)
        return row->minutes;
    }
  return 0;
}

/* Gives the cells whose leave is in force the minutes of their latest leave record;
 * a later present or absent correction already took the leave out (fold_event). */
static void
resolve_leave (TdSnapshotReader *r, TdCourseSnapshot *s)
{
  for (guint i = 0; i < s->attendance->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (s->attendance, i);
      if (a->leave_minutes == LEAVE_IN_FORCE)
        a->leave_minutes = latest_leave_minutes (r, a->session_id, a->trainee_id);
    }
  g_array_set_size (r->leave, 0);
}

/* Scores come by trainee, oldest first: the latest one counts. */
static void
add_score (TdCourseSnapshot *s, sqlite3_stmt *stmt)
{
  GPtrArray *list = s->scores;
  TdScore *last = list->len > 0 ? g_ptr_array_index (list, list->len - 1) : NULL;
  gint64 trainee_id = sqlite3_column_int64 (stmt, 1);

  if (last == NULL || last->trainee_id != trainee_id)
    {
      last = g_new0 (TdScore, 1);
      last->course_id = s->course->id;
      last->trainee_id = trainee_id;
      g_ptr_array_add (list, last);
    }
  last->score = sqlite3_column_double (stmt, 2);
}

static void
add_row (TdSnapshotReader *r, CursorKind kind, TdCourseSnapshot *s, sqlite3_stmt *stmt)
{
  switch (kind)
    {
    case CURSOR_SESSIONS:
      g_ptr_array_add (s->sessions, session_from_row (stmt));
      break;
    case CURSOR_ENROLMENTS:
      g_ptr_array_add (s->enrolments, r->lean ? lean_enrolment_from_row (stmt)
                                              : enrolment_from_row (stmt));
      break;
    case CURSOR_ATTENDANCE:
      if (r->lean)
        add_lean_attendance (s, stmt);
      else
        add_attendance (r, s, stmt);
      break;
    case CURSOR_LEAVE:
      add_leave (r, stmt);
      break;
    case CURSOR_SCORES:
      add_score (s, stmt);
      break;
    case CURSOR_ROLLCALLS:
      {
        TdRollcallRecord *roll = g_new0 (TdRollcallRecord, 1);
        roll->session_id = sqlite3_column_int64 (stmt, 1);
        roll->taken_at = td_col_dup (stmt, 2);
        g_ptr_array_add (s->rollcalls, roll);
      }
      break;
    case CURSOR_MAKEUPS:
      {
        TdMakeupRecord *m = g_new0 (TdMakeupRecord, 1);
        m->trainee_id = sqlite3_column_int64 (stmt, 1);
        m->missed_session_id = sqlite3_column_int64 (stmt, 2);
        m->makeup_date = td_col_dup (stmt, 3);
        g_ptr_array_add (s->makeups, m);
      }
      break;
    case CURSOR_CERTIFICATES:
      {
        TdCertificateRecord *c = g_new0 (TdCertificateRecord, 1);
        c->trainee_id = sqlite3_column_int64 (stmt, 1);
        c->voided = sqlite3_column_int (stmt, 2) != 0;
        g_ptr_array_add (s->certificates, c);
      }
      break;
    case CURSOR_CHANGES:
      g_ptr_array_add (s->course->changes,
                       td_course_change_new ((const char *) sqlite3_column_text (stmt, 1),
                                             sqlite3_column_int (stmt, 2) != 0,
                                             (const char *) sqlite3_column_text (stmt, 3)));
      break;
    case N_CURSORS:
    default:
      g_assert_not_reached ();
    }
}

/* --- cursors ------------------------------------------------------------------------------ */

static gboolean
cursor_check (TdSnapshotReader *r, Cursor *c, GError **error)
{
  if (c->rc == SQLITE_ROW || c->rc == SQLITE_DONE)
    return TRUE;
  td_store_set_sqlite_error (r->store, error, _("Could not read the course records"));
  return FALSE;
}

static gboolean
cursor_open (TdSnapshotReader *r, Cursor *c, const char *sql, gint64 course_id,
             const char *filter, GError **error)
{
  g_autofree char *text = g_strdup_printf (sql, course_id != 0 ? filter : "");

  c->stmt = td_store_prepare (r->store, text, error);
  if (c->stmt == NULL)
    return FALSE;
  if (course_id != 0)
    sqlite3_bind_int64 (c->stmt, 1, course_id);
  c->rc = sqlite3_step (c->stmt);
  return cursor_check (r, c, error);
}

/* Adds every row of course @s to it, skipping rows of courses not in the list
 * (before it in id order). */
static gboolean
cursor_take (TdSnapshotReader *r, CursorKind kind, TdCourseSnapshot *s, GError **error)
{
  Cursor *c = &r->cursors[kind];

  if (c->stmt == NULL)
    return TRUE;
  while (c->rc == SQLITE_ROW)
    {
      /* One course's statements are filtered by its id: no row to compare. */
      gint64 course_id = r->one_course ? s->course->id : sqlite3_column_int64 (c->stmt, 0);

      if (course_id > s->course->id)
        break;
      if (course_id == s->course->id)
        add_row (r, kind, s, c->stmt);
      c->rc = sqlite3_step (c->stmt);
    }
  return cursor_check (r, c, error);
}

static gboolean
read_settings (TdSnapshotReader *r, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (r->store, "SELECT key, value FROM setting", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (r->settings, td_col_dup (stmt, 0), td_col_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (r->store, error, _("Could not read the course records"));
      return FALSE;
    }
  return TRUE;
}

static int
compare_course_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = (*(TdCourse *const *) a)->id, y = (*(TdCourse *const *) b)->id;
  return (x > y) - (x < y);
}

static gboolean
read_courses (TdSnapshotReader *r, gint64 course_id, GError **error)
{
  if (course_id == 0)
    {
      r->courses = td_store_list_courses (r->store, NULL, 0, G_MAXUINT, error);
      if (r->courses == NULL)
        return FALSE;
      g_ptr_array_sort (r->courses, compare_course_ids);
      return TRUE;
    }
  else
    {
      /* td_store_get_course reads the course's filed changes itself. */
      TdCourse *course = td_store_get_course (r->store, course_id, error);
      if (course == NULL)
        return FALSE;
      r->courses = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (r->courses, course);
      return TRUE;
    }
}

/* --- the reader ------------------------------------------------------------------------------ */

TdSnapshotReader *
td_snapshot_reader_new (TdStore *store, gint64 course_id, gboolean lean, GError **error)
{
  g_autoptr (TdSnapshotReader) r = g_new0 (TdSnapshotReader, 1);

  r->store = g_object_ref (store);
  r->lean = lean;
  r->one_course = course_id != 0;
  r->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->leave = g_array_new (FALSE, FALSE, sizeof (LeaveRow));
  if (!read_courses (r, course_id, error) || !read_settings (r, error))
    return NULL;
  if (!cursor_open (r, &r->cursors[CURSOR_SESSIONS], sql_sessions, course_id,
                    " WHERE course_id = ?1", error)
      || !cursor_open (r, &r->cursors[CURSOR_ENROLMENTS],
                       lean ? sql_enrolments_lean : sql_enrolments, course_id,
                       " WHERE e.course_id = ?1", error)
      || !cursor_open (r, &r->cursors[CURSOR_ATTENDANCE],
                       lean ? sql_attendance_lean : sql_attendance, course_id,
                       " WHERE s.course_id = ?1", error)
      || !cursor_open (r, &r->cursors[CURSOR_LEAVE], sql_leave, course_id,
                       " WHERE s.course_id = ?1", error)
      || !cursor_open (r, &r->cursors[CURSOR_SCORES], sql_scores, course_id,
                       " WHERE course_id = ?1", error)
      || !cursor_open (r, &r->cursors[CURSOR_ROLLCALLS], sql_rollcalls, course_id,
                       " WHERE s.course_id = ?1", error)
      || !cursor_open (r, &r->cursors[CURSOR_MAKEUPS], sql_makeups, course_id,
                       " WHERE s.course_id = ?1", error)
      || !cursor_open (r, &r->cursors[CURSOR_CERTIFICATES], sql_certificates, course_id,
                       " WHERE course_id = ?1", error))
    return NULL;
  if (course_id == 0
      && !cursor_open (r, &r->cursors[CURSOR_CHANGES], sql_changes, 0, NULL, error))
    return NULL;
  return g_steal_pointer (&r);
}

/* Same order as td_store_list_attendance. */
static int
compare_cells (gconstpointer a, gconstpointer b)
{
  const TdAttendance *x = *(TdAttendance *const *) a, *y = *(TdAttendance *const *) b;

  if (x->session_id != y->session_id)
    return x->session_id < y->session_id ? -1 : 1;
  return (x->trainee_id > y->trainee_id) - (x->trainee_id < y->trainee_id);
}

/* Courses of a centre are much alike: room for as many rows as the last one had
 * spares growing the arrays row by row. */
static void
presize (GPtrArray **array, guint size, GDestroyNotify free_func)
{
  if (size == 0)
    return;
  g_ptr_array_unref (*array);
  *array = g_ptr_array_new_full (size + size / 8, free_func);
}

TdCourseSnapshot *
td_snapshot_reader_next (TdSnapshotReader *r, GError **error)
{
  g_autoptr (TdCourseSnapshot) s = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (r->next >= r->courses->len)
    return NULL;
  s = td_course_snapshot_new (g_ptr_array_index (r->courses, r->next++));
  presize (&s->sessions, r->sizes[CURSOR_SESSIONS], g_object_unref);
  presize (&s->enrolments, r->sizes[CURSOR_ENROLMENTS], g_object_unref);
  if (r->lean)
    prepare_cells (s, r->sizes[CURSOR_ATTENDANCE]);
  else
    presize (&s->attendance, r->sizes[CURSOR_ATTENDANCE], (GDestroyNotify) td_attendance_free);
  g_array_set_size (r->leave, 0);
  for (CursorKind kind = 0; kind < N_CURSORS; kind++)
    if (!cursor_take (r, kind, s, error))
      return NULL;
  if (r->lean)
    expose_cells (s);
  resolve_leave (r, s);
  r->sizes[CURSOR_SESSIONS] = s->sessions->len;
  r->sizes[CURSOR_ENROLMENTS] = s->enrolments->len;
  r->sizes[CURSOR_ATTENDANCE] = s->attendance->len;
  /* The checks look cells up by key; a complete snapshot keeps the store's order. */
  if (!r->lean)
    g_ptr_array_sort (s->attendance, compare_cells);
  g_hash_table_iter_init (&iter, r->settings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (s->settings, g_strdup (key), g_strdup (value));
  return g_steal_pointer (&s);
}

void
td_snapshot_reader_free (TdSnapshotReader *r)
{
  if (r == NULL)
    return;
  /* Reset, so the statements end their read and stay cached for the next check. */
  for (guint i = 0; i < N_CURSORS; i++)
    if (r->cursors[i].stmt != NULL)
      sqlite3_reset (r->cursors[i].stmt);
  g_clear_pointer (&r->courses, g_ptr_array_unref);
  g_clear_pointer (&r->settings, g_hash_table_unref);
  g_clear_pointer (&r->leave, g_array_unref);
  g_clear_object (&r->store);
  g_free (r);
}
