/* td-csv.h — reading and writing CSV files (RFC 4180) as spreadsheets save them.
 *
 * Reading accepts UTF-8 with or without a byte-order mark, UTF-16 with one, and,
 * when the bytes are not valid UTF-8, Big5 / CP950 (what Excel in Taiwan saves); CRLF, LF or CR line
 * ends; quoted fields holding commas, doubled quotes and line breaks. Every record
 * carries the physical line of the file it starts on, so callers can report
 * "file:line: field: reason".
 *
 * The reader knows nothing about columns; roster and attendance imports build on it,
 * gathering their row problems in a TdCsvProblems and loading and saving files with the
 * helpers at the end.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  TD_CSV_ENCODING_UTF8,
  TD_CSV_ENCODING_UTF8_BOM,
  TD_CSV_ENCODING_BIG5,      /* decoded as CP950, Big5's Windows superset */
  TD_CSV_ENCODING_UTF16,     /* with a byte-order mark, as "Unicode" exports write it */
} TdCsvEncoding;

typedef struct {
  guint   line;       /* physical line (1-based) where the record starts */
  guint   n_fields;
  char  **fields;     /* n_fields UTF-8 strings, NULL-terminated */
} TdCsvRecord;

void         td_csv_record_free (TdCsvRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCsvRecord, td_csv_record_free)

/* TRUE when every field of @record is empty or only white space (a blank row
 * as spreadsheets write them, e.g. ",,,,"). */
gboolean     td_csv_record_is_blank (const TdCsvRecord *record);

/* Converts @data to UTF-8 without a BOM. @display_name names the file in errors.
 * Fails with TD_ERROR_INVALID when the bytes are neither UTF-8 nor Big5/CP950. */
char        *td_csv_decode (const char *data, gsize length, const char *display_name,
                            TdCsvEncoding *encoding, GError **error);

/* Splits decoded UTF-8 text into records (TdCsvRecord*). Empty lines are skipped.
 * Fails with TD_ERROR_INVALID on a quote left open at the end of the file or text
 * after a closing quote, naming the file and line. */
GPtrArray   *td_csv_parse_text (const char *text, const char *display_name, GError **error);

/* td_csv_decode + td_csv_parse_text. */
GPtrArray   *td_csv_parse (const char *data, gsize length, const char *display_name,
                           TdCsvEncoding *encoding, GError **error);

/* Appends @field to @out, quoted when it holds a comma, quote, CR or LF or starts
 * or ends with a space; quotes are doubled. NULL is written as an empty field. */
void         td_csv_append_field (GString *out, const char *field);

/* Appends the fields separated by commas and ended by CRLF. */
void         td_csv_append_row (GString *out, const char * const *fields, guint n_fields);

/* The problems one import finds, each "file:line: field: reason", gathered so a clerk
 * fixes the whole file in one go. */
typedef struct {
  const char *display_name;  /* the file, as problems name it */
  GPtrArray  *messages;      /* char*, the listed problems */
  guint       count;         /* every problem found, listed or not */
  guint       max_listed;    /* 0: list every one */
} TdCsvProblems;

void         td_csv_problems_init (TdCsvProblems *problems, const char *display_name,
                                   guint max_listed);
void         td_csv_problems_clear (TdCsvProblems *problems);

/* Records "display_name:@line: @field: reason", the reason made from @format. */
void         td_csv_problems_add (TdCsvProblems *problems, guint line, const char *field,
                                  const char *format, ...) G_GNUC_PRINTF (4, 5);

/* TRUE when nothing was found; otherwise FALSE with TD_ERROR_INVALID listing the
 * problems one a line (and how many more went unlisted). Call it once. */
gboolean     td_csv_problems_check (TdCsvProblems *problems, GError **error);

/* Loads @file whole for an import; @display_name receives its base name. */
char        *td_csv_load_file (GFile *file, gsize *length, char **display_name,
                               GError **error);

/* Writes an export's @data to @file, replacing what was there. */
gboolean     td_csv_save_file (GFile *file, const char *data, GError **error);

/* The UTF-8 byte-order mark Excel needs to open a UTF-8 file as UTF-8. */
#define TD_CSV_UTF8_BOM "\xEF\xBB\xBF"

G_END_DECLS
