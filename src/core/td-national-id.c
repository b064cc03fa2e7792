/* td-national-id.c — Taiwanese national IDs and resident certificate numbers
 *
 * The checksum: the first letter becomes two digits by the official table (A=10 …),
 * the digits are weighted 1,9,8,7,6,5,4,3,2,1,1 and the sum must be a multiple of 10.
 * Old-format resident certificates carry a second letter A–D whose table value's
 * last digit stands in for the second digit.
 */
#define G_LOG_DOMAIN "td-national-id"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-national-id.h"
#include "td-types.h"

#define ID_LENGTH 10

/* Official letter values: note I, O, W, Z, X, Y, … are out of alphabetical order. */
static int
letter_value (char c)
{
  static const int values[26] = {
    10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, /* A–M */
    22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33, /* N–Z */
  };
  if (c < 'A' || c > 'Z')
    return -1;
  return values[c - 'A'];
}

static gboolean
checksum_ok (int first_letter, int second_digit, const char *rest8)
{
  static const int weights[ID_LENGTH + 1] = { 1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1 };
  int digits[ID_LENGTH + 1];
  int sum = 0;

  digits[0] = first_letter / 10;
  digits[1] = first_letter % 10;
  digits[2] = second_digit;
  for (int i = 0; i < 8; i++)
    digits[3 + i] = rest8[i] - '0';
  for (int i = 0; i < ID_LENGTH + 1; i++)
    sum += digits[i] * weights[i];
  return sum % 10 == 0;
}

/* Folds one Unicode character to the ASCII an ID may contain, or returns 0. */
static char
fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII block */
    c = c - 0xFF01 + 0x21;
  if (c < 0x80 && g_ascii_isalnum ((char) c))
    return g_ascii_toupper ((char) c);
  return 0;
}

char *
td_national_id_normalize (const char *text, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *trimmed = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The ID is not valid text."));
      return NULL;
    }
  /* Full-width spaces (U+3000) around the ID are as harmless as ASCII ones. */
  trimmed = g_strdup (text);
  g_strstrip (trimmed);
  while (g_str_has_prefix (trimmed, "\u3000") || g_str_has_suffix (trimmed, "\u3000"))
    {
      g_autofree char *next = NULL;
      if (g_str_has_prefix (trimmed, "\u3000"))
        next = g_strdup (trimmed + 3);
      else
        next = g_strndup (trimmed, strlen (trimmed) - 3);
      g_free (trimmed);
      trimmed = g_strstrip (g_steal_pointer (&next));
    }

  if (*trimmed == '\0')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The ID is empty."));
      return NULL;
    }

  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char folded = fold_char (c);
      if (folded == 0)
        {
          char buf[8] = { 0 };
          g_unichar_to_utf8 (c, buf);
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _("The ID contains “%s”, which no ID number has."), buf);
          return NULL;
        }
      g_string_append_c (out, folded);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
all_digits (const char *s, int n)
{
  for (int i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

TdIdKind
td_national_id_validate (const char *id, GError **error)
{
  int first;

  if (id == NULL || strlen (id) != ID_LENGTH)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("An ID has 10 characters; this one has %d."), id ? (int) strlen (id) : 0);
      return TD_ID_KIND_INVALID;
    }
  first = letter_value (id[0]);
  if (first < 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("An ID starts with a letter A–Z."));
      return TD_ID_KIND_INVALID;
    }

  if (g_ascii_isalpha (id[1]))
    {
      /* Old-format resident certificate: second letter A–D. */
      int second = letter_value (id[1]);
      if (id[1] < 'A' || id[1] > 'D')
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                       _("An old resident certificate number has A–D as its second letter."));
          return TD_ID_KIND_INVALID;
        }
      if (!all_digits (id + 2, 8))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The last 8 characters must be digits."));
          return TD_ID_KIND_INVALID;
        }
      if (!checksum_ok (first, second % 10, id + 2))
        {
          g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The check digit does not match."));
          return TD_ID_KIND_INVALID;
        }
      return TD_ID_KIND_ARC_OLD;
    }

  if (!all_digits (id + 1, 9))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("After the first letter an ID has 9 digits."));
      return TD_ID_KIND_INVALID;
    }
  if (id[1] != '1' && id[1] != '2' && id[1] != '8' && id[1] != '9')
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The second character must be 1 or 2 (national ID) or 8 or 9 (resident "
                     "certificate)."));
      return TD_ID_KIND_INVALID;
    }
  if (!checksum_ok (first, id[1] - '0', id + 2))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The check digit does not match."));
      return TD_ID_KIND_INVALID;
    }
  return (id[1] == '1' || id[1] == '2') ? TD_ID_KIND_NATIONAL : TD_ID_KIND_ARC;
}

char *
td_national_id_check (const char *text, TdIdKind *kind, GError **error)
{
  g_autofree char *normalized = td_national_id_normalize (text, error);
  TdIdKind found;

  if (kind)
    *kind = TD_ID_KIND_INVALID;
  if (normalized == NULL)
    return NULL;
  found = td_national_id_validate (normalized, error);
  if (found == TD_ID_KIND_INVALID)
    return NULL;
  if (kind)
    *kind = found;
  return g_steal_pointer (&normalized);
}

const char *
td_id_kind_to_string (TdIdKind kind)
{
  switch (kind)
    {
    case TD_ID_KIND_NATIONAL:
      return "national";
    case TD_ID_KIND_ARC:
      return "arc";
    case TD_ID_KIND_ARC_OLD:
      return "arc-old";
    case TD_ID_KIND_INVALID:
    default:
      return "-";
    }
}

char *
td_national_id_mask (const char *id)
{
  size_t len = id ? strlen (id) : 0;
  char *masked;

  if (len < 7)
    return g_strnfill (len > 0 ? len : 10, '*');
  masked = g_strdup (id);
  for (size_t i = 3; i < len - 3; i++)
    masked[i] = '*';
  return masked;
}
