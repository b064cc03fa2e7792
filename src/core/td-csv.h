/* td-csv.h — reading and writing CSV files (RFC 4180) as spreadsheets save them.
 *
 * Reading accepts UTF-8 with or without a byte-order mark, UTF-16 with one, and,
 * when the bytes are not valid UTF-8, Big5 / CP950 (what Excel in Taiwan saves); CRLF, LF or CR line
 * ends; quoted fields holding commas, doubled quotes and line breaks. Every record
 * carries the physical line of the file it starts on, so callers can report
 * "file:line: field: reason".
 *
 * The reader knows nothing about columns; roster and attendance imports build on it.
 */
#pragma once

#include <glib.h>

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

/* The UTF-8 byte-order mark Excel needs to open a UTF-8 file as UTF-8. */
#define TD_CSV_UTF8_BOM "\xEF\xBB\xBF"

G_END_DECLS
