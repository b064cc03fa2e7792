/* td-roster-csv.c — 附表八 rosters as CSV
 *
 * Import runs in two passes: every row is checked first and all problems are
 * gathered, so a clerk fixes the whole spreadsheet in one go; only a clean file
 * reaches the store, in one transaction.
 */
#define G_LOG_DOMAIN "td-roster-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-csv.h"
#include "td-national-id.h"
#include "td-roc-date.h"
#include "td-roster-csv.h"

typedef enum {
  COL_SEQ,
  COL_NAME,
  COL_BIRTH_DATE,
  COL_NATIONAL_ID,
  COL_HOUSEHOLD_ADDRESS,
  COL_CONTACT_ADDRESS,
  COL_PHONE,
  COL_EMAIL,
  COL_EDUCATION,
  COL_EMPLOYER,
  COL_QUALIFICATION_REF,
  COL_REMARK,
  N_COLUMNS
} Column;

/* The header names are the form's own (附表八); they are part of the file format,
 * not user interface text, so they are not translated. */
static const struct {
  const char *header;
  const char *alias;     /* a spelling clerks commonly use, or NULL */
  gboolean required;
} columns[N_COLUMNS] = {
  [COL_SEQ] = { "序號", NULL, FALSE },
  [COL_NAME] = { "姓名", NULL, TRUE },
  [COL_BIRTH_DATE] = { "出生年月日", "出生日期", TRUE },
  [COL_NATIONAL_ID] = { "身分證統一編號", "身分證字號", TRUE },
  [COL_HOUSEHOLD_ADDRESS] = { "戶籍地址", NULL, FALSE },
  [COL_CONTACT_ADDRESS] = { "連絡地址", "聯絡地址", FALSE },
  [COL_PHONE] = { "電話", NULL, FALSE },
  [COL_EMAIL] = { "電子郵件信箱", "電子郵件", FALSE },
  [COL_EDUCATION] = { "學歷", NULL, FALSE },
  [COL_EMPLOYER] = { "服務單位", NULL, FALSE },
  [COL_QUALIFICATION_REF] = { "資格證書字號", NULL, FALSE },
  [COL_REMARK] = { "備註", NULL, FALSE },
};

typedef struct {
  guint line;
  int seq;                /* 0 when the 序號 cell is empty */
  TdTrainee *trainee;
} RosterRow;

typedef struct {
  const char *display_name;
  int index[N_COLUMNS];   /* field index of each column, -1 when absent */
  guint n_header_fields;
  TdCsvProblems problems; /* "file:line: field: reason" */
  GHashTable *ids;        /* national ID → line (GUINT_TO_POINTER) */
  GHashTable *seqs;       /* seq → line */
  GHashTable *enrolled;   /* national IDs already on the roster */
} Reader;

static void
roster_row_free (RosterRow *row)
{
  g_clear_object (&row->trainee);
  g_free (row);
}

static void
reader_clear (Reader *r)
{
  td_csv_problems_clear (&r->problems);
  g_clear_pointer (&r->ids, g_hash_table_unref);
  g_clear_pointer (&r->seqs, g_hash_table_unref);
  g_clear_pointer (&r->enrolled, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/* Every problem goes to the reader's list (td-csv.h). */
#define add_problem(r, ...) td_csv_problems_add (&(r)->problems, __VA_ARGS__)

/* Trims ASCII white space and ideographic spaces (U+3000), which Chinese input
 * methods put around cells. */
static char *
dup_trimmed (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  for (;;)
    {
      if (g_ascii_isspace (*start))
        start++;
      else if (g_str_has_prefix (start, "\u3000"))
        start += 3;
      else
        break;
    }
  for (;;)
    {
      if (end > start && g_ascii_isspace (end[-1]))
        end--;
      else if (end - start >= 3 && memcmp (end - 3, "\u3000", 3) == 0)
        end -= 3;
      else
        break;
    }
  return g_strndup (start, end - start);
}

/* "The check digit…" → "the check digit…" for use after a colon; acronyms such as
 * "ID" keep their case. */
static char *
dup_clause (const char *sentence)
{
  char *copy = g_strdup (sentence);

  if (g_ascii_isupper (copy[0]) && !g_ascii_isupper (copy[1]))
    copy[0] = g_ascii_tolower (copy[0]);
  return copy;
}

static int
column_for_header (const char *name)
{
  for (int c = 0; c < N_COLUMNS; c++)
    if (g_strcmp0 (name, columns[c].header) == 0 || g_strcmp0 (name, columns[c].alias) == 0)
      return c;
  return -1;
}

static gboolean
read_header (Reader *r, const TdCsvRecord *header, GError **error)
{
  g_autoptr (GString) missing = g_string_new (NULL);

  for (int c = 0; c < N_COLUMNS; c++)
    r->index[c] = -1;
  r->n_header_fields = header->n_fields;

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *name = dup_trimmed (header->fields[i]);
      int c = column_for_header (name);

      if (c < 0)
        continue; /* extra columns (a spreadsheet's own notes) are ignored */
      if (r->index[c] >= 0)
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _("%s:%u: %s: the column appears twice in the header."),
                       r->display_name, header->line, columns[c].header);
          return FALSE;
        }
      r->index[c] = (int) i;
    }

  for (int c = 0; c < N_COLUMNS; c++)
    if (columns[c].required && r->index[c] < 0)
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", columns[c].header);
  if (missing->len > 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s:%u: the header lacks the required columns: %s. The first line must "
                     "name the 附表八 columns."),
                   r->display_name, header->line, missing->str);
      return FALSE;
    }
  return TRUE;
}

/* The trimmed cell of @column, or NULL when the column is absent or the cell empty. */
static char *
dup_cell (Reader *r, const TdCsvRecord *record, Column column)
{
  int i = r->index[column];
  char *value;

  if (i < 0 || (guint) i >= record->n_fields)
    return NULL;
  value = dup_trimmed (record->fields[i]);
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* A plain shape check: one @, something before it, a dotted domain after it. */
static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strpbrk (email, " \t,;<>()[]\\\"") != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0' && strstr (at, "..") == NULL;
}

static void
check_seq (Reader *r, guint line, const char *text, RosterRow *row)
{
  char *end = NULL;
  gint64 seq;
  gpointer other;

  if (text == NULL)
    return;
  seq = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || seq < 1 || seq > G_MAXINT)
    {
      add_problem (r, line, columns[COL_SEQ].header, _("“%s” is not a whole number from 1 up."),
                   text);
      return;
    }
  row->seq = (int) seq;
  if (g_hash_table_lookup_extended (r->seqs, GINT_TO_POINTER (row->seq), NULL, &other))
    add_problem (r, line, columns[COL_SEQ].header, _("%d is used twice, on lines %u and %u."),
                 row->seq, GPOINTER_TO_UINT (other), line);
  else
    g_hash_table_insert (r->seqs, GINT_TO_POINTER (row->seq), GUINT_TO_POINTER (line));
}

static char *
check_national_id (Reader *r, guint line, const char *text)
{
  const char *field = columns[COL_NATIONAL_ID].header;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *id = NULL;
  gpointer other;

  if (text == NULL)
    {
      add_problem (r, line, field, _("the ID is required."));
      return NULL;
    }
  id = td_national_id_check (text, NULL, &local_error);
  if (id == NULL)
    {
      g_autofree char *clause = dup_clause (local_error->message);

      add_problem (r, line, field, _("“%s” is not a valid ID: %s"), text, clause);
      return NULL;
    }
  if (g_hash_table_lookup_extended (r->ids, id, NULL, &other))
    add_problem (r, line, field, _("%s is listed twice, on lines %u and %u."), id,
                 GPOINTER_TO_UINT (other), line);
  else
    g_hash_table_insert (r->ids, g_strdup (id), GUINT_TO_POINTER (line));
  if (g_hash_table_contains (r->enrolled, id))
    add_problem (r, line, field, _("%s is already on this course's roster."), id);
  return g_steal_pointer (&id);
}

static char *
check_birth_date (Reader *r, guint line, const char *text)
{
  g_autoptr (GError) local_error = NULL;
  char *iso;

  if (text == NULL)
    return NULL;
  iso = td_roc_date_parse (text, &local_error);
  if (iso == NULL && strstr (local_error->message, text) != NULL)
    add_problem (r, line, columns[COL_BIRTH_DATE].header, "%s", local_error->message);
  else if (iso == NULL)
    {
      g_autofree char *clause = dup_clause (local_error->message);

      add_problem (r, line, columns[COL_BIRTH_DATE].header, _("“%s” is not a date: %s"), text,
                   clause);
    }
  return iso;
}

static void
check_extra_fields (Reader *r, const TdCsvRecord *record)
{
  for (guint i = r->n_header_fields; i < record->n_fields; i++)
    {
      g_autofree char *value = dup_trimmed (record->fields[i]);

      if (*value != '\0')
        {
          add_problem (r, record->line, _("row"),
                       _("the row has %u fields but the header names %u columns."),
                       record->n_fields, r->n_header_fields);
          return;
        }
    }
}

static RosterRow *
read_row (Reader *r, const TdCsvRecord *record)
{
  RosterRow *row = g_new0 (RosterRow, 1);
  TdTrainee *t = td_trainee_new ();
  g_autofree char *seq = dup_cell (r, record, COL_SEQ);
  g_autofree char *id = dup_cell (r, record, COL_NATIONAL_ID);
  g_autofree char *birth = dup_cell (r, record, COL_BIRTH_DATE);

  row->line = record->line;
  row->trainee = t;
  check_extra_fields (r, record);
  check_seq (r, record->line, seq, row);

  t->name = dup_cell (r, record, COL_NAME);
  if (t->name == NULL)
    add_problem (r, record->line, columns[COL_NAME].header, _("the name is required."));
  t->national_id = check_national_id (r, record->line, id);
  t->birth_date = check_birth_date (r, record->line, birth);
  t->household_address = dup_cell (r, record, COL_HOUSEHOLD_ADDRESS);
  t->contact_address = dup_cell (r, record, COL_CONTACT_ADDRESS);
  t->phone = dup_cell (r, record, COL_PHONE);
  t->email = dup_cell (r, record, COL_EMAIL);
  if (t->email != NULL && !email_looks_valid (t->email))
    add_problem (r, record->line, columns[COL_EMAIL].header,
                 _("“%s” is not an e-mail address."), t->email);
  t->education = dup_cell (r, record, COL_EDUCATION);
  t->employer = dup_cell (r, record, COL_EMPLOYER);
  t->qualification_ref = dup_cell (r, record, COL_QUALIFICATION_REF);
  t->remark = dup_cell (r, record, COL_REMARK);
  return row;
}

/* Rows with a 序號 go in that order; rows without one follow in file order. */
static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const RosterRow *ra = *(const RosterRow * const *) a;
  const RosterRow *rb = *(const RosterRow * const *) b;
  int sa = ra->seq > 0 ? ra->seq : G_MAXINT;
  int sb = rb->seq > 0 ? rb->seq : G_MAXINT;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return ra->line < rb->line ? -1 : ra->line > rb->line;
}

static GHashTable *
load_enrolled_ids (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (TdCourse) course = td_store_get_course (store, course_id, error);
  g_autoptr (GPtrArray) enrolments = NULL;
  GHashTable *ids;

  if (course == NULL)
    return NULL;
  enrolments = td_store_list_enrolments (store, course_id, error);
  if (enrolments == NULL)
    return NULL;
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (enrolments, i);

      if (e->trainee != NULL && e->trainee->national_id != NULL)
        g_hash_table_add (ids, g_strdup (e->trainee->national_id));
    }
  return ids;
}

static GPtrArray *
read_rows (Reader *r, GPtrArray *records, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) roster_row_free);

  if (records->len == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s: the file is empty; the first line must name the 附表八 columns."),
                   r->display_name);
      return NULL;
    }
  if (!read_header (r, g_ptr_array_index (records, 0), error))
    return NULL;

  for (guint i = 1; i < records->len; i++)
    {
      TdCsvRecord *record = g_ptr_array_index (records, i);

      if (!td_csv_record_is_blank (record))
        g_ptr_array_add (rows, read_row (r, record));
    }

  if (!td_csv_problems_check (&r->problems, error))
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s: the file names the columns but has no trainee rows."), r->display_name);
      return NULL;
    }
  g_ptr_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

static gboolean
enrol_rows (TdStore *store, gint64 course_id, Reader *r, GPtrArray *rows, GError **error)
{
  if (!td_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      RosterRow *row = g_ptr_array_index (rows, i);
      g_autoptr (GError) local_error = NULL;

      if (!td_store_enrol (store, course_id, row->trainee, NULL, NULL, &local_error))
        {
          td_store_rollback (store);
          g_set_error (error, local_error->domain, local_error->code, "%s:%u: %s: %s",
                       r->display_name, row->line, columns[COL_NATIONAL_ID].header,
                       local_error->message);
          return FALSE;
        }
    }
  return td_store_commit (store, error);
}

int
td_roster_csv_import_data (TdStore *store, gint64 course_id, const char *data, gsize length,
                           const char *display_name, GError **error)
{
  g_auto (Reader) r = { 0 };
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (TD_IS_STORE (store), -1);

  r.display_name = display_name ? display_name : "roster.csv";
  records = td_csv_parse (data, length, r.display_name, NULL, error);
  if (records == NULL)
    return -1;
  r.enrolled = load_enrolled_ids (store, course_id, error);
  if (r.enrolled == NULL)
    return -1;
  td_csv_problems_init (&r.problems, r.display_name, 0);
  r.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.seqs = g_hash_table_new (NULL, NULL);

  rows = read_rows (&r, records, error);
  if (rows == NULL)
    return -1;
  if (!enrol_rows (store, course_id, &r, rows, error))
    return -1;
  return (int) rows->len;
}

int
td_roster_csv_import (TdStore *store, gint64 course_id, GFile *file, GError **error)
{
  g_autofree char *name = NULL;
  gsize length = 0;
  g_autofree char *data = NULL;

  g_return_val_if_fail (G_IS_FILE (file), -1);

  if ((data = td_csv_load_file (file, &length, &name, error)) == NULL)
    return -1;
  return td_roster_csv_import_data (store, course_id, data, length, name, error);
}

/* --- export -------------------------------------------------------------- */

static void
append_enrolment (GString *out, TdEnrolment *e)
{
  TdTrainee *t = e->trainee;
  g_autofree char *seq = g_strdup_printf ("%d", e->seq);
  g_autofree char *birth = t->birth_date ? td_roc_date_format (t->birth_date, TD_ROC_FORMAT_SLASH)
                                         : NULL;
  const char *fields[N_COLUMNS] = {
    [COL_SEQ] = seq,
    [COL_NAME] = t->name,
    [COL_BIRTH_DATE] = birth,
    [COL_NATIONAL_ID] = t->national_id,
    [COL_HOUSEHOLD_ADDRESS] = t->household_address,
    [COL_CONTACT_ADDRESS] = t->contact_address,
    [COL_PHONE] = t->phone,
    [COL_EMAIL] = t->email,
    [COL_EDUCATION] = t->education,
    [COL_EMPLOYER] = t->employer,
    [COL_QUALIFICATION_REF] = t->qualification_ref,
    [COL_REMARK] = t->remark,
  };

  td_csv_append_row (out, fields, N_COLUMNS);
}

char *
td_roster_csv_export_data (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GPtrArray) enrolments = NULL;
  g_autoptr (GString) out = g_string_new (TD_CSV_UTF8_BOM);
  const char *header[N_COLUMNS];

  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  course = td_store_get_course (store, course_id, error);
  if (course == NULL)
    return NULL;
  enrolments = td_store_list_enrolments (store, course_id, error);
  if (enrolments == NULL)
    return NULL;

  for (int c = 0; c < N_COLUMNS; c++)
    header[c] = columns[c].header;
  td_csv_append_row (out, header, N_COLUMNS);
  for (guint i = 0; i < enrolments->len; i++)
    append_enrolment (out, g_ptr_array_index (enrolments, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
td_roster_csv_export (TdStore *store, gint64 course_id, GFile *file, GError **error)
{
  g_autofree char *data = td_roster_csv_export_data (store, course_id, error);

  if (data == NULL)
    return FALSE;
  return td_csv_save_file (file, data, error);
}
