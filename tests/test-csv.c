/* test-csv.c — the CSV reader and writer: quoting, line ends, encodings, line numbers */
#include "config.h"

#include <string.h>

#include "td-csv.h"
#include "td-types.h"

static GPtrArray *
parse_ok (const char *data, gssize length, TdCsvEncoding *encoding)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *records = td_csv_parse (data, length < 0 ? strlen (data) : (gsize) length,
                                     "t.csv", encoding, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static TdCsvRecord *
rec (GPtrArray *records, guint i)
{
  return g_ptr_array_index (records, i);
}

static void
test_quoting (void)
{
  const char *data = "a,b,c\n"
                     "\"x, y\",\"say \"\"hi\"\"\",plain\n"
                     "\"two\nlines\",,last,\n"
                     "end,\"\",\"\"\"\"\n";
  g_autoptr (GPtrArray) records = parse_ok (data, -1, NULL);

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpuint (rec (records, 1)->n_fields, ==, 3);
  g_assert_cmpstr (rec (records, 1)->fields[0], ==, "x, y");
  g_assert_cmpstr (rec (records, 1)->fields[1], ==, "say \"hi\"");
  g_assert_cmpstr (rec (records, 1)->fields[2], ==, "plain");
  /* A trailing comma is one more, empty, field. */
  g_assert_cmpuint (rec (records, 2)->n_fields, ==, 4);
  g_assert_cmpstr (rec (records, 2)->fields[0], ==, "two\nlines");
  g_assert_cmpstr (rec (records, 2)->fields[1], ==, "");
  g_assert_cmpstr (rec (records, 2)->fields[3], ==, "");
  g_assert_cmpstr (rec (records, 3)->fields[1], ==, "");
  g_assert_cmpstr (rec (records, 3)->fields[2], ==, "\"");
}

static void
test_line_numbers (void)
{
  /* CRLF ends, a blank line, and a record spanning three physical lines. */
  const char *data = "h1,h2\r\n"
                     "\r\n"
                     "1,\"a\r\nb\r\nc\"\r\n"
                     "2,x\r\n"
                     "\r\n"
                     "3,y";
  g_autoptr (GPtrArray) records = parse_ok (data, -1, NULL);

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpuint (rec (records, 0)->line, ==, 1);
  g_assert_cmpuint (rec (records, 1)->line, ==, 3);
  g_assert_cmpstr (rec (records, 1)->fields[1], ==, "a\nb\nc");
  g_assert_cmpuint (rec (records, 2)->line, ==, 6);
  g_assert_cmpuint (rec (records, 3)->line, ==, 8);
  g_assert_cmpstr (rec (records, 3)->fields[1], ==, "y");
}

static void
test_cr_only (void)
{
  g_autoptr (GPtrArray) records = parse_ok ("a,b\rc,d\r", -1, NULL);

  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpuint (rec (records, 1)->line, ==, 2);
  g_assert_cmpstr (rec (records, 1)->fields[1], ==, "d");
}

static void
test_bom (void)
{
  TdCsvEncoding encoding = TD_CSV_ENCODING_BIG5;
  g_autoptr (GPtrArray) records = parse_ok (TD_CSV_UTF8_BOM "序號,姓名\n1,王小明\n", -1, &encoding);

  g_assert_cmpint (encoding, ==, TD_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpstr (rec (records, 0)->fields[0], ==, "序號");
  g_assert_cmpstr (rec (records, 1)->fields[1], ==, "王小明");
}

static void
test_big5 (void)
{
  const char *utf8 = "序號,姓名,戶籍地址\r\n1,王小明,\"臺北市中正區, 重慶南路一段122號\"\r\n2,陳美玲,高雄市\r\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *big5 = g_convert (utf8, -1, "BIG5", "UTF-8", NULL, NULL, &error);
  TdCsvEncoding encoding = TD_CSV_ENCODING_UTF8;
  g_autoptr (GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (big5, -1, NULL));
  records = parse_ok (big5, -1, &encoding);
  g_assert_cmpint (encoding, ==, TD_CSV_ENCODING_BIG5);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (rec (records, 0)->fields[1], ==, "姓名");
  g_assert_cmpstr (rec (records, 1)->fields[2], ==, "臺北市中正區, 重慶南路一段122號");
  g_assert_cmpstr (rec (records, 2)->fields[1], ==, "陳美玲");
}

static void
test_utf16 (void)
{
  const char *utf8 = "序號,姓名\r\n1,\"王, 小明\"\r\n";
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  g_autofree char *body = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_autofree char *data = g_malloc (length + 2);
  TdCsvEncoding encoding = TD_CSV_ENCODING_UTF8;
  g_autoptr (GPtrArray) records = NULL;

  g_assert_no_error (error);
  memcpy (data, "\xFF\xFE", 2);
  memcpy (data + 2, body, length);
  records = parse_ok (data, length + 2, &encoding);
  g_assert_cmpint (encoding, ==, TD_CSV_ENCODING_UTF16);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (rec (records, 0)->fields[0], ==, "序號");
  g_assert_cmpstr (rec (records, 1)->fields[1], ==, "王, 小明");
}

static void
test_undecodable (void)
{
  g_autoptr (GError) error = NULL;
  /* 0xFF is a lead byte in neither UTF-8 nor CP950. */
  const char data[] = "a,b\nc,\xff\xff\n";
  g_autoptr (GPtrArray) records = td_csv_parse (data, sizeof data - 1, "bad.csv", NULL, &error);

  g_assert_null (records);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "bad.csv:2: "));
  g_assert_nonnull (strstr (error->message, "0xFF"));
}

static void
test_nul_and_bad_bom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;
  const char nul[] = "a,b\n\nc\0d\n";
  const char bom[] = TD_CSV_UTF8_BOM "a\n\xb1\x69\n";

  g_assert_null (td_csv_parse (nul, sizeof nul - 1, "nul.csv", NULL, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "nul.csv:3: "));

  g_assert_null (td_csv_parse (bom, sizeof bom - 1, "bom.csv", NULL, &error2));
  g_assert_error (error2, TD_ERROR, TD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error2->message, "bom.csv:2: "));
}

static void
test_broken_quotes (void)
{
  g_autoptr (GError) open_error = NULL;
  g_autoptr (GError) after_error = NULL;
  const char *unclosed = "a,b\n1,2\n3,\"never\nclosed\n";
  const char *after = "a,b\n\"x\"y,2\n";

  g_assert_null (td_csv_parse (unclosed, strlen (unclosed), "q.csv", NULL, &open_error));
  g_assert_error (open_error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (open_error->message, "q.csv:3: "));

  g_assert_null (td_csv_parse (after, strlen (after), "q.csv", NULL, &after_error));
  g_assert_error (after_error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (after_error->message, "q.csv:2: "));
}

static void
test_blank_record (void)
{
  g_autoptr (GPtrArray) records = parse_ok ("a,b\n, \n,x\n", -1, NULL);

  g_assert_true (td_csv_record_is_blank (rec (records, 1)));
  g_assert_false (td_csv_record_is_blank (rec (records, 2)));
}

static void
test_writer (void)
{
  const char *row[] = { "plain", "a,b", "say \"hi\"", "two\nlines", NULL, " padded", "" };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) records = NULL;

  td_csv_append_row (out, row, G_N_ELEMENTS (row));
  td_csv_append_row (out, row, 1);
  g_assert_cmpstr (out->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" padded\",\r\nplain\r\n");

  records = parse_ok (out->str, -1, NULL);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpuint (rec (records, 0)->n_fields, ==, G_N_ELEMENTS (row));
  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    g_assert_cmpstr (rec (records, 0)->fields[i], ==, row[i] ? row[i] : "");
  g_assert_cmpuint (rec (records, 1)->line, ==, 3);
}

/* Problems are listed "file:line: field: reason" in the order found; past the limit
 * they are only counted. */
static void
test_problems (void)
{
  TdCsvProblems all, few;
  g_autoptr (GError) error = NULL;

  td_csv_problems_init (&all, "list.csv", 0);
  g_assert_true (td_csv_problems_check (&all, &error));
  g_assert_no_error (error);
  td_csv_problems_add (&all, 3, "date", "“%s” is not a date.", "2024-13-01");
  td_csv_problems_add (&all, 7, "hours", "%d is too many.", 25);
  g_assert_false (td_csv_problems_check (&all, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "list.csv:3: date: “2024-13-01” is not a date.\n"
                   "list.csv:7: hours: 25 is too many.");
  td_csv_problems_clear (&all);
  g_clear_error (&error);

  td_csv_problems_init (&few, "few.csv", 1);
  for (guint line = 2; line <= 4; line++)
    td_csv_problems_add (&few, line, "row", "bad");
  g_assert_cmpuint (few.count, ==, 3);
  g_assert_false (td_csv_problems_check (&few, &error));
  g_assert_cmpstr (error->message, ==, "few.csv:2: row: bad\nfew.csv: … and 2 more problems.");
  td_csv_problems_clear (&few);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/line-numbers", test_line_numbers);
  g_test_add_func ("/csv/cr-only", test_cr_only);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/big5", test_big5);
  g_test_add_func ("/csv/utf16", test_utf16);
  g_test_add_func ("/csv/undecodable", test_undecodable);
  g_test_add_func ("/csv/nul-and-bad-bom", test_nul_and_bad_bom);
  g_test_add_func ("/csv/broken-quotes", test_broken_quotes);
  g_test_add_func ("/csv/blank-record", test_blank_record);
  g_test_add_func ("/csv/writer", test_writer);
  g_test_add_func ("/csv/problems", test_problems);

  return g_test_run ();
}
