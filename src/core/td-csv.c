/* td-csv.c — RFC 4180 reader and writer with the encodings spreadsheets in Taiwan use
 *
 * Decoding happens once, up front, so the splitter only sees UTF-8; the delimiters
 * are ASCII, so it walks bytes. Line breaks inside quoted fields are kept (as "\n")
 * and counted, so every record knows the physical line it starts on.
 */
#define G_LOG_DOMAIN "td-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-csv.h"
#include "td-types.h"

typedef struct {
  const char *p;
  guint line;
  const char *display_name;
} Cursor;

void
td_csv_record_free (TdCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record);
}

gboolean
td_csv_record_is_blank (const TdCsvRecord *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    {
      for (const char *c = record->fields[i]; *c; c++)
        if (!g_ascii_isspace (*c))
          return FALSE;
    }
  return TRUE;
}

/* --- decoding ------------------------------------------------------------ */

static guint
line_at_offset (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '\r' && data[i + 1] != '\n')
        line++;
    }
  return line;
}

static char *
decode_big5 (const char *data, gsize length, const char *display_name, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize bytes_read = 0;
  char *text;

  text = g_convert (data, length, "UTF-8", "CP950", &bytes_read, NULL, &local_error);
  if (text == NULL && g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      /* Some C libraries know Big5 but not Microsoft's CP950 name for it. */
      g_clear_error (&local_error);
      text = g_convert (data, length, "UTF-8", "BIG5", &bytes_read, NULL, &local_error);
    }
  if (text != NULL)
    return text;

  g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
               _("%s:%u: the file is neither UTF-8 nor Big5 text (invalid byte 0x%02X); "
                 "save it from the spreadsheet as CSV UTF-8."),
               display_name, line_at_offset (data, MIN (bytes_read, length)),
               (guint) (guchar) data[MIN (bytes_read, length - 1)]);
  return NULL;
}

static gboolean
has_utf16_bom (const char *data, gsize length)
{
  return length >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
                         (data[0] == '\xFE' && data[1] == '\xFF'));
}

/* UTF-16 is full of NUL bytes, so it is recognised by its mark before anything else. */
static char *
decode_utf16 (const char *data, gsize length, const char *display_name, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *text = g_convert (data, length, "UTF-8", "UTF-16", NULL, NULL, &local_error);

  if (text == NULL)
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _("%s: the file starts as UTF-16 but cannot be read as UTF-16: %s"),
                 display_name, local_error->message);
  return text;
}

char *
td_csv_decode (const char *data, gsize length, const char *display_name,
               TdCsvEncoding *encoding, GError **error)
{
  TdCsvEncoding found = TD_CSV_ENCODING_UTF8;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (display_name == NULL)
    display_name = "CSV";
  if (has_utf16_bom (data, length))
    {
      text = decode_utf16 (data, length, display_name, error);
      if (text != NULL && encoding != NULL)
        *encoding = TD_CSV_ENCODING_UTF16;
      /* iconv keeps a BOM it did not need to pick the byte order; drop it. */
      if (text != NULL && g_str_has_prefix (text, TD_CSV_UTF8_BOM))
        memmove (text, text + 3, strlen (text + 3) + 1);
      return text;
    }
  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s:%u: the file holds a NUL byte; it is not a text file."),
                   display_name,
                   line_at_offset (data, (const char *) memchr (data, '\0', length) - data));
      return NULL;
    }
  if (length >= 3 && memcmp (data, TD_CSV_UTF8_BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
      found = TD_CSV_ENCODING_UTF8_BOM;
    }

  if (g_utf8_validate_len (data, length, NULL))
    text = g_strndup (data, length);
  else if (found == TD_CSV_ENCODING_UTF8_BOM)
    {
      const char *end = NULL;

      g_utf8_validate_len (data, length, &end);
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s:%u: the file starts as UTF-8 but holds bytes that are not UTF-8."),
                   display_name, line_at_offset (data, end - data));
      return NULL;
    }
  else
    {
      text = decode_big5 (data, length, display_name, error);
      if (text == NULL)
        return NULL;
      found = TD_CSV_ENCODING_BIG5;
    }

  if (encoding != NULL)
    *encoding = found;
  return text;
}

/* --- splitting ----------------------------------------------------------- */

/* Consumes one line end (CRLF, LF or CR) if the cursor is on one. */
static gboolean
skip_line_end (Cursor *c)
{
  if (c->p[0] == '\r' && c->p[1] == '\n')
    c->p += 2;
  else if (c->p[0] == '\r' || c->p[0] == '\n')
    c->p += 1;
  else
    return FALSE;
  c->line++;
  return TRUE;
}

static gboolean
read_quoted (Cursor *c, guint record_line, GString *field, GError **error)
{
  c->p++; /* opening quote */
  for (;;)
    {
      if (*c->p == '\0')
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _("%s:%u: a quoted field is not closed before the end of the file."),
                       c->display_name, record_line);
          return FALSE;
        }
      if (*c->p == '"' && c->p[1] == '"')
        {
          g_string_append_c (field, '"');
          c->p += 2;
        }
      else if (*c->p == '"')
        {
          c->p++;
          break;
        }
      else if (skip_line_end (c))
        g_string_append_c (field, '\n');
      else
        g_string_append_c (field, *c->p++);
    }

  if (*c->p != ',' && *c->p != '\r' && *c->p != '\n' && *c->p != '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s:%u: text follows the closing quote of a field; a quote inside a "
                     "quoted field must be doubled (\"\")."),
                   c->display_name, c->line);
      return FALSE;
    }
  return TRUE;
}

static void
read_plain (Cursor *c, GString *field)
{
  while (*c->p != '\0' && *c->p != ',' && *c->p != '\r' && *c->p != '\n')
    g_string_append_c (field, *c->p++);
}

static TdCsvRecord *
read_record (Cursor *c, GError **error)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint record_line = c->line;
  TdCsvRecord *record;

  for (;;)
    {
      g_autoptr (GString) field = g_string_new (NULL);

      if (*c->p == '"')
        {
          if (!read_quoted (c, record_line, field, error))
            return NULL;
        }
      else
        read_plain (c, field);

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (*c->p != ',')
        break;
      c->p++;
    }
  skip_line_end (c);

  record = g_new0 (TdCsvRecord, 1);
  record->line = record_line;
  record->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  record->fields = (char **) g_ptr_array_steal (fields, NULL);
  return record;
}

GPtrArray *
td_csv_parse_text (const char *text, const char *display_name, GError **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) td_csv_record_free);
  Cursor c = { text, 1, display_name ? display_name : "CSV" };

  g_return_val_if_fail (text != NULL, NULL);

  while (*c.p != '\0')
    {
      TdCsvRecord *record;

      if (skip_line_end (&c))
        continue; /* an empty line is no record */
      record = read_record (&c, error);
      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

GPtrArray *
td_csv_parse (const char *data, gsize length, const char *display_name,
              TdCsvEncoding *encoding, GError **error)
{
  g_autofree char *text = td_csv_decode (data, length, display_name, encoding, error);

  if (text == NULL)
    return NULL;
  return td_csv_parse_text (text, display_name, error);
}

/* --- writing ------------------------------------------------------------- */

void
td_csv_append_field (GString *out, const char *field)
{
  gsize len;

  if (field == NULL || *field == '\0')
    return;
  len = strlen (field);
  if (strpbrk (field, ",\"\r\n") == NULL && field[0] != ' ' && field[len - 1] != ' ')
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *c = field; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

void
td_csv_append_row (GString *out, const char * const *fields, guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      td_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/* --- problems and files -------------------------------------------------------------- */

void
td_csv_problems_init (TdCsvProblems *problems, const char *display_name, guint max_listed)
{
  problems->display_name = display_name;
  problems->messages = g_ptr_array_new_with_free_func (g_free);
  problems->count = 0;
  problems->max_listed = max_listed;
}

void
td_csv_problems_clear (TdCsvProblems *problems)
{
  g_clear_pointer (&problems->messages, g_ptr_array_unref);
}

void
td_csv_problems_add (TdCsvProblems *problems, guint line, const char *field,
                     const char *format, ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  if (++problems->count > problems->max_listed && problems->max_listed > 0)
    return;
  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems->messages, g_strdup_printf ("%s:%u: %s: %s", problems->display_name,
                                                        line, field, reason));
}

gboolean
td_csv_problems_check (TdCsvProblems *problems, GError **error)
{
  g_autofree char *message = NULL;

  if (problems->count == 0)
    return TRUE;
  if (problems->max_listed > 0 && problems->count > problems->max_listed)
    g_ptr_array_add (problems->messages,
                     g_strdup_printf (_("%s: … and %u more problems."), problems->display_name,
                                      problems->count - problems->max_listed));
  g_ptr_array_add (problems->messages, NULL);
  message = g_strjoinv ("\n", (char **) problems->messages->pdata);
  g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID, message);
  return FALSE;
}

char *
td_csv_load_file (GFile *file, gsize *length, char **display_name, GError **error)
{
  char *data = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, NULL, &data, length, NULL, error))
    return NULL;
  *display_name = g_file_get_basename (file);
  return data;
}

gboolean
td_csv_save_file (GFile *file, const char *data, GError **error)
{
  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
