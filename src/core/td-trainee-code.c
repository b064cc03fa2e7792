/* td-trainee-code.c — personal codes: generation, normalisation, lookup, regeneration
 *
 * Randomness comes from libsodium's randombytes_buf (getrandom(2) / /dev/urandom):
 * GLib's g_random is a Mersenne Twister whose output can be predicted from earlier
 * codes, which would let anyone who saw a few badges forge another person's.
 */
#define G_LOG_DOMAIN "td-trainee-code"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "td-store-private.h"
#include "td-trainee-code.h"

#define TOKEN_BYTES 20          /* 160 bits: exactly 32 base32 characters, no padding */
#define TOKEN_CHARS 32

static const char base32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/* --- helpers -------------------------------------------------------------- */

static void
base32_encode (const guint8 *data, gsize length, GString *out)
{
  guint32 buffer = 0;
  int bits = 0;

  for (gsize i = 0; i < length; i++)
    {
      buffer = (buffer << 8) | data[i];
      bits += 8;
      while (bits >= 5)
        {
          g_string_append_c (out, base32_alphabet[(buffer >> (bits - 5)) & 31]);
          bits -= 5;
        }
    }
  if (bits > 0)
    g_string_append_c (out, base32_alphabet[(buffer << (5 - bits)) & 31]);
}

char *
td_trainee_code_generate (GError **error)
{
  guint8 bytes[TOKEN_BYTES];
  GString *out;

  if (sodium_init () < 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_STORE,
                   _("The system's random number generator is not available, so no "
                     "personal code can be made."));
      return NULL;
    }
  randombytes_buf (bytes, sizeof bytes);
  out = g_string_new (TD_TRAINEE_CODE_PREFIX);
  base32_encode (bytes, sizeof bytes, out);
  sodium_memzero (bytes, sizeof bytes);
  return g_string_free (out, FALSE);
}

char *
td_trainee_code_normalize (const char *text)
{
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII block */
        c = c - 0xFF01 + 0x21;
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        continue;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_toupper ((char) c));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
td_trainee_code_is_well_formed (const char *code)
{
  const char *body;

  if (code == NULL || !g_str_has_prefix (code, TD_TRAINEE_CODE_PREFIX))
    return FALSE;
  body = code + strlen (TD_TRAINEE_CODE_PREFIX);
  return strlen (body) == TOKEN_CHARS && strspn (body, base32_alphabet) == TOKEN_CHARS;
}

static gboolean
check_trainee (TdStore *store, gint64 trainee_id, GError **error)
{
  gint64 n = td_store_query_int (store, "SELECT count(*) FROM trainee WHERE id = ?1", trainee_id,
                                 error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                        _("There is no trainee with id %" PRId64 "."), trainee_id),
           FALSE;
  return TRUE;
}

/* The current code, or NULL (without @error) when the person has none. */
static char *
current_code (TdStore *store, gint64 trainee_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT token FROM trainee_code WHERE trainee_id = ?1 "
                                         "AND voided_at IS NULL",
                                         error);
  char *token = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    token = td_col_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not read the personal code"));
  sqlite3_reset (stmt);
  return token;
}

static gboolean
void_current (TdStore *store, gint64 trainee_id, const char *now, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "UPDATE trainee_code SET voided_at = ?2 WHERE "
                                         "trainee_id = ?1 AND voided_at IS NULL",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  td_bind_text0 (stmt, 2, now);
  return td_store_step_done (store, stmt, _("Could not void the personal code"), error);
}

static char *
insert_code (TdStore *store, gint64 trainee_id, const char *now, GError **error)
{
  g_autofree char *token = td_trainee_code_generate (error);
  sqlite3_stmt *stmt;

  if (token == NULL)
    return NULL;
  stmt = td_store_prepare (store,
                           "INSERT INTO trainee_code (trainee_id, token, created_at) "
                           "VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  td_bind_text0 (stmt, 2, token);
  td_bind_text0 (stmt, 3, now);
  if (!td_store_step_done (store, stmt, _("Could not save the personal code"), error))
    return NULL;
  return g_steal_pointer (&token);
}

/* Issues a new code, voiding the current one first when @regenerate is set. */
static char *
issue_code (TdStore *store, gint64 trainee_id, gboolean regenerate, GError **error)
{
  g_autofree char *now = td_store_now ();
  g_autofree char *token = NULL;

  if (!td_store_begin (store, error))
    return NULL;
  if ((regenerate && !void_current (store, trainee_id, now, error)) ||
      (token = insert_code (store, trainee_id, now, error)) == NULL ||
      !td_store_audit (store, regenerate ? "code-regenerate" : "code-issue", "trainee",
                       trainee_id, NULL, error))
    {
      td_store_rollback (store);
      return NULL;
    }
  if (!td_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&token);
}

/* --- public API ------------------------------------------------------------- */

char *
td_trainee_code_get (TdStore *store, gint64 trainee_id, GError **error)
{
  GError *local_error = NULL;
  char *token;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  if (!check_trainee (store, trainee_id, error))
    return NULL;
  token = current_code (store, trainee_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return token != NULL ? token : issue_code (store, trainee_id, FALSE, error);
}

char *
td_trainee_code_find (TdStore *store, gint64 trainee_id, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  if (!check_trainee (store, trainee_id, error))
    return NULL;
  return current_code (store, trainee_id, error);
}

char *
td_trainee_code_regenerate (TdStore *store, gint64 trainee_id, GError **error)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  if (!check_trainee (store, trainee_id, error))
    return NULL;
  return issue_code (store, trainee_id, TRUE, error);
}

gboolean
td_trainee_code_lookup (TdStore *store, const char *code, TdTraineeCodeState *state,
                        gint64 *trainee_id, gint64 *code_id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT id, trainee_id, voided_at IS NOT NULL FROM "
                                         "trainee_code WHERE token = ?1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *state = TD_TRAINEE_CODE_UNKNOWN;
  td_bind_text0 (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *state = sqlite3_column_int (stmt, 2) ? TD_TRAINEE_CODE_VOIDED : TD_TRAINEE_CODE_VALID;
      if (code_id != NULL)
        *code_id = sqlite3_column_int64 (stmt, 0);
      if (trainee_id != NULL)
        *trainee_id = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not look the personal code up"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}
