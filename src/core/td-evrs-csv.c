/* td-evrs-csv.c — eVRS attendance CSV import and export
 *
 * Import checks every row first and gathers the problems, so a clerk fixes the whole
 * file in one go; only a clean file reaches the store, in one transaction. The roster
 * and the timetable are loaded once into hash tables, so checking a row costs no query.
 */
#define G_LOG_DOMAIN "td-evrs-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "td-csv.h"
#include "td-evrs-csv.h"
#include "td-hours-csv.h"
#include "td-national-id.h"
#include "td-rules.h"
#include "td-store-private.h"

typedef enum {
  COL_DATE,
  COL_NAME,
  COL_ID,
  COL_HOURS,
  COL_OFFSHORE,
  COL_INTERNATIONAL,
  COL_LECTURER,
  N_COLUMNS
} Column;

/* The template's own headers: part of the file format, not user interface text. */
static const char *const headers[N_COLUMNS] = {
  "上課日期", "學員姓名", "學員身分證字號(或居留證號)", "時數", "離島地區", "國際性質", "授課者",
};
static const char *const example_row[N_COLUMNS] = {
  TD_EVRS_EXAMPLE_DATE, TD_EVRS_EXAMPLE_NAME, TD_EVRS_EXAMPLE_ID, "2", "是", "是", "否",
};

/* Problems beyond this many are counted, not listed: a wrong file would otherwise
 * produce a message as long as the file. */
#define MAX_LISTED_PROBLEMS 50

typedef struct {
  guint line;
  char *date;              /* ISO */
  TdEnrolment *who;        /* borrowed from Reader.enrolments */
  int minutes;
  gboolean flags[3];       /* offshore, international, lecturer */
} EvrsRow;

typedef struct {
  const char *display_name;
  TdCsvProblems problems;  /* "file:line: column: reason" */
  GPtrArray *enrolments;   /* TdEnrolment* of the course */
  GPtrArray *sessions;     /* TdSession* of the course, by date and start */
  GHashTable *people;      /* national ID → TdEnrolment* */
  GHashTable *days;        /* ISO date → GPtrArray of TdSession* (borrowed), in order */
  GHashTable *seen;        /* "date ID" → first line */
} Reader;

static void
evrs_row_clear (EvrsRow *row)
{
  g_free (row->date);
}

static void
reader_clear (Reader *r)
{
  td_csv_problems_clear (&r->problems);
  g_clear_pointer (&r->people, g_hash_table_unref);
  g_clear_pointer (&r->days, g_hash_table_unref);
  g_clear_pointer (&r->seen, g_hash_table_unref);
  g_clear_pointer (&r->enrolments, g_ptr_array_unref);
  g_clear_pointer (&r->sessions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/* Every problem goes to the reader's list (td-csv.h). */
#define add_problem(r, ...) td_csv_problems_add (&(r)->problems, __VA_ARGS__)

/* Trims ASCII white space and ideographic spaces (U+3000) around a cell. */
static char *
dup_trimmed (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *start = copy;
  gsize length;

  while (g_str_has_prefix (start, "\u3000"))
    start += 3;
  length = strlen (start);
  while (length >= 3 && memcmp (start + length - 3, "\u3000", 3) == 0)
    length -= 3;
  return g_strstrip (g_strndup (start, length));
}

/* A header cell without spaces and with full-width parentheses folded, as the template
 * has been seen spelled ("學員身分證字號 (或居留證號)", "…（或居留證號）"). */
static char *
dup_header_key (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF08 || c == 0xFF09)
        c = c == 0xFF08 ? '(' : ')';
      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* --- the file's frame: header and example row ------------------------------------ */

/* Fields after the seventh may hold the template's notes ("※表頭以及範例部分請勿刪除…")
 * on the header and example lines; on data lines they must be empty. */
static gboolean
check_field_count (Reader *r, const TdCsvRecord *record, gboolean notes_allowed)
{
  gboolean extra = FALSE;

  for (guint i = N_COLUMNS; i < record->n_fields && !notes_allowed; i++)
    {
      g_autofree char *cell = dup_trimmed (record->fields[i]);
      extra |= *cell != '\0';
    }
  if (record->n_fields >= N_COLUMNS && !extra)
    return TRUE;
  add_problem (r, record->line, _("row"),
               _("the row has %u fields; an eVRS attendance row has %d (上課日期, 學員姓名, "
                 "學員身分證字號(或居留證號), 時數, 離島地區, 國際性質, 授課者)."),
               record->n_fields, N_COLUMNS);
  return FALSE;
}

static gboolean
check_header (Reader *r, const TdCsvRecord *header)
{
  gboolean ok = check_field_count (r, header, TRUE);

  for (guint c = 0; ok && c < N_COLUMNS; c++)
    {
      g_autofree char *key = dup_header_key (header->fields[c]);

      if (!g_str_equal (key, headers[c]))
        {
          add_problem (r, header->line, headers[c],
                       _("column %u of the header is “%s”; the eVRS template's header must "
                         "stay as it is."),
                       c + 1, header->fields[c]);
          ok = FALSE;
        }
    }
  return ok;
}

/* The example row is recognised by its name and ID: spreadsheets may rewrite its date. */
static gboolean
check_example (Reader *r, const TdCsvRecord *record)
{
  if (record != NULL && record->n_fields >= N_COLUMNS)
    {
      g_autofree char *name = dup_trimmed (record->fields[COL_NAME]);
      g_autofree char *id = dup_trimmed (record->fields[COL_ID]);

      if (g_str_equal (name, TD_EVRS_EXAMPLE_NAME) && g_str_equal (id, TD_EVRS_EXAMPLE_ID))
        return TRUE;
    }
  add_problem (r, record ? record->line : 2, _("row"),
               _("the template's example row (%s, %s, %s, …) must stay under the header; eVRS "
                 "skips it, so the first data row goes after it."),
               TD_EVRS_EXAMPLE_DATE, TD_EVRS_EXAMPLE_NAME, TD_EVRS_EXAMPLE_ID);
  return FALSE;
}

/* --- data rows -------------------------------------------------------------------- */

/* Reads 1 to @max_digits digits; -1 when there are none or more. */
static int
read_number (const char **p, int max_digits)
{
  int value = 0, digits = 0;

  while (g_ascii_isdigit (**p) && digits <= max_digits)
    value = value * 10 + (*(*p)++ - '0'), digits++;
  return digits >= 1 && digits <= max_digits ? value : -1;
}

/* YYYY/M/D (or YYYY-M-D) with a four-digit Gregorian year, to ISO. Runs once per row:
 * a plain scan, no regular expression. */
static char *
parse_date (const char *text)
{
  const char *p = text;
  int y, m, d;
  char separator;

  if (strlen (text) < 8 || !g_ascii_isdigit (text[3]) || (y = read_number (&p, 4)) < 1900 ||
      (*p != '/' && *p != '-'))
    return NULL;
  separator = *p++;
  if ((m = read_number (&p, 2)) < 0 || *p++ != separator || (d = read_number (&p, 2)) < 0 ||
      *p != '\0' || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Hours as whole minutes: "3", "1.5", "0.25"; -1 when not a positive number of minutes. */
static int
parse_hours (const char *text)
{
  char *end = NULL;
  double hours = g_ascii_strtod (text, &end);
  double minutes = hours * 60;

  if (end == text || *end != '\0' || !(hours > 0) || hours > 24 ||
      fabs (minutes - round (minutes)) > 1e-6 || strchr (text, 'e') || strchr (text, 'E'))
    return -1;
  return (int) round (minutes);
}

static gboolean
parse_yes_no (Reader *r, const TdCsvRecord *record, Column c, gboolean *out)
{
  g_autofree char *cell = dup_trimmed (record->fields[c]);

  if (g_str_equal (cell, "是") || g_str_equal (cell, "否"))
    {
      *out = g_str_equal (cell, "是");
      return TRUE;
    }
  add_problem (r, record->line, headers[c], _("“%s” is neither 是 nor 否."), cell);
  return FALSE;
}

static void
check_person (Reader *r, const TdCsvRecord *record, EvrsRow *row)
{
  g_autofree char *name = dup_trimmed (record->fields[COL_NAME]);
  g_autofree char *text = dup_trimmed (record->fields[COL_ID]);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *id = td_national_id_check (text, NULL, &local_error);

  if (id == NULL)
    {
      add_problem (r, record->line, headers[COL_ID], _("“%s” is not a valid ID: %s"), text,
                   local_error->message);
      return;
    }
  row->who = g_hash_table_lookup (r->people, id);
  if (row->who == NULL)
    add_problem (r, record->line, headers[COL_ID], _("%s is not on this course's roster."), id);
  else if (!g_str_equal (name, row->who->trainee->name))
    add_problem (r, record->line, headers[COL_NAME],
                 _("“%s” does not match the roster, which names %s “%s”."), name, id,
                 row->who->trainee->name);
}

static int
day_minutes (GPtrArray *day)
{
  int all = 0;

  for (guint i = 0; i < day->len; i++)
    all += ((TdSession *) g_ptr_array_index (day, i))->minutes;
  return all;
}

static void
check_day (Reader *r, const TdCsvRecord *record, EvrsRow *row)
{
  GPtrArray *day = g_hash_table_lookup (r->days, row->date);
  int covered = 0;

  if (day == NULL)
    {
      add_problem (r, record->line, headers[COL_DATE], _("the course has no session on %s."),
                   record->fields[COL_DATE]);
      return;
    }
  for (guint i = 0; i < day->len && covered < row->minutes; i++)
    covered += ((TdSession *) g_ptr_array_index (day, i))->minutes;
  if (covered != row->minutes)
    add_problem (r, record->line, headers[COL_HOURS],
                 _("%s hours do not end where a session ends on %s (the day's sessions "
                   "last %g hours in all)."),
                 record->fields[COL_HOURS], record->fields[COL_DATE], day_minutes (day) / 60.0);
}

static void
check_duplicate (Reader *r, guint line, EvrsRow *row)
{
  g_autofree char *key = g_strconcat (row->date, " ", row->who->trainee->national_id, NULL);
  gpointer first;

  if (g_hash_table_lookup_extended (r->seen, key, NULL, &first))
    add_problem (r, line, headers[COL_ID], _("%s has a row for %s already, on line %u."),
                 row->who->trainee->national_id, row->date, GPOINTER_TO_UINT (first));
  else
    g_hash_table_insert (r->seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
}

static gboolean
read_row (Reader *r, const TdCsvRecord *record, EvrsRow *row)
{
  guint before = r->problems.count;
  g_autofree char *date = NULL;
  g_autofree char *hours = NULL;

  row->line = record->line;
  for (guint i = 0; i < record->n_fields; i++)
    if (strpbrk (record->fields[i], "\r\n") != NULL)
      {
        add_problem (r, record->line, i < N_COLUMNS ? headers[i] : _("row"),
                     _("the field holds a line break; eVRS takes none inside fields."));
        return FALSE;
      }
  if (!check_field_count (r, record, FALSE))
    return FALSE;
  date = dup_trimmed (record->fields[COL_DATE]);
  row->date = parse_date (date);
  if (row->date == NULL)
    add_problem (r, record->line, headers[COL_DATE],
                 _("“%s” is not a date written YYYY/M/D (Gregorian year, e.g. 2024/5/6)."), date);
  hours = dup_trimmed (record->fields[COL_HOURS]);
  row->minutes = parse_hours (hours);
  if (row->minutes < 0)
    add_problem (r, record->line, headers[COL_HOURS],
                 _("“%s” is not a number of hours above zero (e.g. 3 or 1.5)."), hours);
  check_person (r, record, row);
  for (int f = 0; f < 3; f++)
    parse_yes_no (r, record, COL_OFFSHORE + f, &row->flags[f]);
  if (r->problems.count == before)
    {
      check_day (r, record, row);
      check_duplicate (r, record->line, row);
    }
  return r->problems.count == before;
}

/* --- loading the course ------------------------------------------------------------- */

static gboolean
load_course (Reader *r, TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (TdCourse) course = td_store_get_course (store, course_id, error);

  if (course == NULL || (r->enrolments = td_store_list_enrolments (store, course_id, error)) == NULL ||
      (r->sessions = td_store_list_sessions (store, course_id, error)) == NULL)
    return FALSE;
  r->people = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < r->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (r->enrolments, i);
      g_hash_table_insert (r->people, e->trainee->national_id, e);
    }
  r->days = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < r->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (r->sessions, i);
      GPtrArray *day = g_hash_table_lookup (r->days, s->date);

      if (day == NULL)
        g_hash_table_insert (r->days, s->date, day = g_ptr_array_new ());
      g_ptr_array_add (day, s);
    }
  return TRUE;
}

static GArray *
read_rows (Reader *r, GPtrArray *records, GError **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (EvrsRow));

  g_array_set_clear_func (rows, (GDestroyNotify) evrs_row_clear);
  if (records->len == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s: the file is empty; it must keep the eVRS template's header and example "
                     "row."),
                   r->display_name);
      return NULL;
    }
  if (check_header (r, g_ptr_array_index (records, 0)) &&
      check_example (r, records->len > 1 ? g_ptr_array_index (records, 1) : NULL))
    for (guint i = 2; i < records->len; i++)
      {
        TdCsvRecord *record = g_ptr_array_index (records, i);
        EvrsRow row = { 0 };

        if (td_csv_record_is_blank (record))
          continue;
        read_row (r, record, &row);
        g_array_append_val (rows, row);
      }
  if (!td_csv_problems_check (&r->problems, error))
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s: the file has the header and the example row but no attendance rows."),
                   r->display_name);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* --- writing ---------------------------------------------------------------------------- */

/* What the writing of one import shares: one recorded_at for all its events, and the
 * course's flag rows as they were before it, so an all-否 row deletes only where there is
 * something to delete. */
typedef struct {
  TdStore *store;
  gint64 course_id;
  char *now;
  GHashTable *flagged;     /* "trainee_id date" of the course's evrs_flag rows */
} Writer;

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->now, g_free);
  g_clear_pointer (&w->flagged, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static char *
flag_key (gint64 trainee_id, const char *date)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", trainee_id, date);
}

static gboolean
writer_init (Writer *w, TdStore *store, gint64 course_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT trainee_id, date FROM evrs_flag "
                                         "WHERE course_id = ?1",
                                         error);
  int rc;

  w->store = store;
  w->course_id = course_id;
  w->now = td_store_now ();
  w->flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, course_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (w->flagged,
                      flag_key (sqlite3_column_int64 (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not read the eVRS flags"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* An all-否 row on a cell without a flag row leaves evrs_flag as it is. */
static gboolean
flag_row_exists (Writer *w, const EvrsRow *row)
{
  g_autofree char *key = flag_key (row->who->trainee->id, row->date);

  return g_hash_table_contains (w->flagged, key);
}

static gboolean
write_flags (Writer *w, const EvrsRow *row, GError **error)
{
  gboolean any = row->flags[0] || row->flags[1] || row->flags[2];
  sqlite3_stmt *stmt;

  /* All 否 is the default: only a row with a 是 is kept, and a re-import clears it. */
  if (!any && !flag_row_exists (w, row))
    return TRUE;
  if (any)
    stmt = td_store_prepare (w->store,
                             "INSERT INTO evrs_flag (course_id, trainee_id, date, offshore, "
                             "international, lecturer) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON "
                             "CONFLICT DO UPDATE SET offshore = excluded.offshore, "
                             "international = excluded.international, lecturer = "
                             "excluded.lecturer",
                             error);
  else
    stmt = td_store_prepare (w->store,
                             "DELETE FROM evrs_flag WHERE course_id = ?1 AND trainee_id = ?2 "
                             "AND date = ?3",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->course_id);
  sqlite3_bind_int64 (stmt, 2, row->who->trainee->id);
  td_bind_text0 (stmt, 3, row->date);
  for (int f = 0; any && f < 3; f++)
    sqlite3_bind_int (stmt, 4 + f, row->flags[f]);
  return td_store_step_done (w->store, stmt, _("Could not save the eVRS flags"), error);
}

/* The day's sessions in timetable order: present until the hours are covered. The
 * events go straight into the import's transaction: a failure rolls all of it back. */
static gboolean
write_row (Writer *w, GPtrArray *day, const EvrsRow *row, GError **error)
{
  int covered = 0;

  for (guint i = 0; i < day->len; i++)
    {
      TdSession *s = g_ptr_array_index (day, i);
      TdAttendance event = {
        .session_id = s->id,
        .trainee_id = row->who->trainee->id,
        .status = covered < row->minutes ? TD_ATTENDANCE_PRESENT : TD_ATTENDANCE_ABSENT,
        .source = TD_ATTENDANCE_SOURCE_IMPORT,
      };

      if (event.status == TD_ATTENDANCE_PRESENT)
        covered += s->minutes;
      if (!td_store_insert_attendance (w->store, &event, w->now, error))
        return FALSE;
    }
  return write_flags (w, row, error);
}

static gboolean
write_rows (TdStore *store, gint64 course_id, Reader *r, GArray *rows, GError **error)
{
  g_auto (Writer) w = { 0 };

  if (!td_store_begin (store, error))
    return FALSE;
  if (!writer_init (&w, store, course_id, error))
    {
      td_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const EvrsRow *row = &g_array_index (rows, EvrsRow, i);
      g_autoptr (GError) local_error = NULL;

      if (!write_row (&w, g_hash_table_lookup (r->days, row->date), row, &local_error))
        {
          td_store_rollback (store);
          g_set_error (error, local_error->domain, local_error->code, "%s:%u: %s",
                       r->display_name, row->line, local_error->message);
          return FALSE;
        }
    }
  return td_store_commit (store, error);
}

int
td_evrs_csv_import_data (TdStore *store, gint64 course_id, const char *data, gsize length,
                         const char *display_name, GError **error)
{
  g_auto (Reader) r = { 0 };
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GArray) rows = NULL;

  g_return_val_if_fail (TD_IS_STORE (store), -1);

  r.display_name = display_name ? display_name : "evrs.csv";
  records = td_csv_parse (data, length, r.display_name, NULL, error);
  if (records == NULL || !load_course (&r, store, course_id, error))
    return -1;
  td_csv_problems_init (&r.problems, r.display_name, MAX_LISTED_PROBLEMS);
  r.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rows = read_rows (&r, records, error);
  if (rows == NULL || !write_rows (store, course_id, &r, rows, error))
    return -1;
  return (int) rows->len;
}

int
td_evrs_csv_import (TdStore *store, gint64 course_id, GFile *file, GError **error)
{
  g_autofree char *name = NULL;
  gsize length = 0;
  g_autofree char *data = NULL;

  g_return_val_if_fail (G_IS_FILE (file), -1);

  if ((data = td_csv_load_file (file, &length, &name, error)) == NULL)
    return -1;
  return td_evrs_csv_import_data (store, course_id, data, length, name, error);
}

/* --- export -------------------------------------------------------------------------------- */

/* 2024-05-06 → 2024/5/6 */
static char *
format_date (const char *iso)
{
  int y = 0, m = 0, d = 0;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso);
  return g_strdup_printf ("%d/%d/%d", y, m, d);
}

/* One person's day, taken from the first export row of it. */
typedef struct {
  char *date;
  char *name;
  char *national_id;
  gboolean flags[3];        /* offshore, international, lecturer */
  gint64 trainee_id;
  int minutes;
} ExportDay;

static void
export_day_clear (ExportDay *day)
{
  g_free (day->date);
  g_free (day->name);
  g_free (day->national_id);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportDay, export_day_clear)

static void
export_day_init (ExportDay *day, sqlite3_stmt *stmt)
{
  day->date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  day->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  day->national_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  for (int i = 0; i < 3; i++)
    day->flags[i] = sqlite3_column_int (stmt, 4 + i) != 0;
  day->trainee_id = sqlite3_column_int64 (stmt, 8);
}

static void
append_export_row (GString *out, const ExportDay *day)
{
  g_autofree char *date = format_date (day->date);
  g_autofree char *hours = td_hours_format (day->minutes);
  const char *fields[N_COLUMNS] = {
    [COL_DATE] = date,
    [COL_NAME] = day->name,
    [COL_ID] = day->national_id,
    [COL_HOURS] = hours,
    [COL_OFFSHORE] = day->flags[0] ? "是" : "否",
    [COL_INTERNATIONAL] = day->flags[1] ? "是" : "否",
    [COL_LECTURER] = day->flags[2] ? "是" : "否",
  };

  td_csv_append_row (out, fields, N_COLUMNS);
}

/* The sessions whose latest event is present, a person's sessions of a day together. */
#define EXPORT_SQL                                                                             \
  "SELECT s.date, t.name, t.national_id, s.minutes, coalesce (f.offshore, 0), "                \
  "coalesce (f.international, 0), coalesce (f.lecturer, 0), a.session_id, a.trainee_id "      \
  "FROM attendance_event a "                                                                   \
  "JOIN session s ON s.id = a.session_id JOIN trainee t ON t.id = a.trainee_id "               \
  "JOIN enrolment e ON e.course_id = s.course_id AND e.trainee_id = a.trainee_id "             \
  "LEFT JOIN evrs_flag f ON f.course_id = s.course_id AND f.trainee_id = a.trainee_id "        \
  "AND f.date = s.date WHERE a.id IN (SELECT max (a2.id) FROM attendance_event a2 JOIN "       \
  "session s2 ON s2.id = a2.session_id WHERE s2.course_id = ?1 GROUP BY a2.session_id, "       \
  "a2.trainee_id) AND a.status = 'present' "                                                   \
  "ORDER BY s.date, e.seq, e.id, s.start_time, s.id"

/* "session:trainee" → the minutes of leave still in force in a cell signed in after its
 * leave (docs/rules.md, "Leave"): not attended, so not exported as attended hours. */
static GHashTable *
leave_by_cell (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (TdCourseSnapshot) snapshot = td_course_snapshot_load (store, course_id, error);
  GHashTable *cells;

  if (snapshot == NULL)
    return NULL;
  cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < snapshot->attendance->len; i++)
    {
      const TdAttendance *a = g_ptr_array_index (snapshot->attendance, i);
      if (a->status == TD_ATTENDANCE_PRESENT && a->leave_minutes > 0)
        g_hash_table_insert (cells,
                             g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                              a->session_id, a->trainee_id),
                             GINT_TO_POINTER (a->leave_minutes));
    }
  return cells;
}

/* The session's minutes less the leave in force in the row's cell. */
static int
attended_minutes (sqlite3_stmt *stmt, GHashTable *leave)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                          (gint64) sqlite3_column_int64 (stmt, 7),
                                          (gint64) sqlite3_column_int64 (stmt, 8));
  int minutes = sqlite3_column_int (stmt, 3);

  return minutes - MIN (minutes, GPOINTER_TO_INT (g_hash_table_lookup (leave, key)));
}

/* One row per person per day: the rows of a person's day come together. Returns the
 * last sqlite3_step code. */
static int
append_export_rows (GString *out, sqlite3_stmt *stmt, GHashTable *leave)
{
  int rc = sqlite3_step (stmt);

  while (rc == SQLITE_ROW)
    {
      g_auto (ExportDay) day = { 0 };

      export_day_init (&day, stmt);
      day.minutes = attended_minutes (stmt, leave);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW
             && sqlite3_column_int64 (stmt, 8) == day.trainee_id
             && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), day.date) == 0)
        day.minutes += attended_minutes (stmt, leave);
      /* A day that was all leave has no attended hours to report. */
      if (day.minutes > 0)
        append_export_row (out, &day);
    }
  return rc;
}

char *
td_evrs_csv_export_data (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GString) out = g_string_new (TD_CSV_UTF8_BOM);
  g_autoptr (GHashTable) leave = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  if ((course = td_store_get_course (store, course_id, error)) == NULL
      || (leave = leave_by_cell (store, course_id, error)) == NULL
      || (stmt = td_store_prepare (store, EXPORT_SQL, error)) == NULL)
    return NULL;
  td_csv_append_row (out, headers, N_COLUMNS);
  td_csv_append_row (out, example_row, N_COLUMNS);
  sqlite3_bind_int64 (stmt, 1, course_id);
  rc = append_export_rows (out, stmt, leave);
  if (rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not read the attendance"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
td_evrs_csv_export (TdStore *store, gint64 course_id, GFile *file, GError **error)
{
  g_autofree char *data = td_evrs_csv_export_data (store, course_id, error);

  if (data == NULL)
    return FALSE;
  return td_csv_save_file (file, data, error);
}
