/* td-signing-key.c — the centre's Ed25519 signing key: creation, storage, use
 *
 * The secret is kept out of the database and out of plain files: the system keyring
 * holds it (libsecret). A key file named by $TRAINING_DESK_SIGNING_KEY_FILE exists only
 * so tests and headless CI, which have no keyring, can issue certificates too.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-signing-key"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#ifdef TD_HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "td-signing-key.h"
#include "td-store-private.h"

#define MASTER_BYTES 32
#define KDF_SIGN_CONTEXT "TDcertSG"
#define KDF_HOLDER_CONTEXT "TDcertID"

struct _TdSigningKey {
  guint8 public_key[TD_PUBLIC_KEY_BYTES];
  guint8 key_id[TD_KEY_ID_BYTES];
  guint8 *secret_key;   /* crypto_sign_SECRETKEYBYTES, in guarded sodium memory */
  guint8 *holder_key;   /* crypto_generichash_KEYBYTES, in guarded sodium memory */
};

/* --- small helpers ------------------------------------------------------------- */

gboolean
td_sodium_ensure (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_STORE,
                   _("The cryptography library (libsodium) could not be initialised."));
      return FALSE;
    }
  return TRUE;
}

char *
td_base64url_encode (const guint8 *data, gsize length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  char *text = g_malloc (size);

  sodium_bin2base64 (text, size, data, length, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

GBytes *
td_base64url_decode (const char *text, GError **error)
{
  gsize length = strlen (text);
  g_autofree guint8 *data = g_malloc (length + 1);
  size_t decoded = 0;
  const char *end = NULL;

  if (sodium_base642bin (data, length + 1, text, length, NULL, &decoded, &end,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text + length)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The code is not valid base64url text."));
      return NULL;
    }
  return g_bytes_new (data, decoded);
}

void
td_public_key_compute_id (const guint8 *public_key, guint8 *key_id)
{
  guint8 hash[crypto_generichash_BYTES_MIN];

  crypto_generichash (hash, sizeof hash, public_key, TD_PUBLIC_KEY_BYTES, NULL, 0);
  memcpy (key_id, hash, TD_KEY_ID_BYTES);
}

char *
td_public_key_to_string (const guint8 *public_key)
{
  g_autofree char *b64 = td_base64url_encode (public_key, TD_PUBLIC_KEY_BYTES);
  return g_strconcat ("ed25519:", b64, NULL);
}

gboolean
td_public_key_from_string (const char *text, guint8 *public_key, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  if (text == NULL || !g_str_has_prefix (text, "ed25519:") ||
      (bytes = td_base64url_decode (text + strlen ("ed25519:"), NULL)) == NULL ||
      g_bytes_get_size (bytes) != TD_PUBLIC_KEY_BYTES)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("“%s” is not a public key: expected “ed25519:” followed by 43 "
                     "base64url characters."), text ? text : "");
      return FALSE;
    }
  memcpy (public_key, g_bytes_get_data (bytes, NULL), TD_PUBLIC_KEY_BYTES);
  return TRUE;
}

static char *
key_id_hex (const guint8 *key_id)
{
  char hex[TD_KEY_ID_BYTES * 2 + 1];

  sodium_bin2hex (hex, sizeof hex, key_id, TD_KEY_ID_BYTES);
  return g_strdup (hex);
}

/* --- the key object ------------------------------------------------------------- */

static TdSigningKey *
signing_key_derive (const guint8 *master)
{
  TdSigningKey *key = g_new0 (TdSigningKey, 1);
  guint8 seed[crypto_sign_SEEDBYTES];

  key->secret_key = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  key->holder_key = sodium_malloc (crypto_generichash_KEYBYTES);
  crypto_kdf_derive_from_key (seed, sizeof seed, 1, KDF_SIGN_CONTEXT, master);
  crypto_sign_seed_keypair (key->public_key, key->secret_key, seed);
  sodium_memzero (seed, sizeof seed);
  crypto_kdf_derive_from_key (key->holder_key, crypto_generichash_KEYBYTES, 2,
                              KDF_HOLDER_CONTEXT, master);
  td_public_key_compute_id (key->public_key, key->key_id);
  return key;
}

void
td_signing_key_free (TdSigningKey *key)
{
  if (key == NULL)
    return;
  sodium_free (key->secret_key);
  sodium_free (key->holder_key);
  g_free (key);
}

const guint8 *
td_signing_key_get_public (TdSigningKey *key)
{
  return key->public_key;
}

const guint8 *
td_signing_key_get_id (TdSigningKey *key)
{
  return key->key_id;
}

char *
td_signing_key_dup_id_hex (TdSigningKey *key)
{
  return key_id_hex (key->key_id);
}

void
td_signing_key_sign (TdSigningKey *key, const guint8 *data, gsize length, guint8 *signature)
{
  crypto_sign_detached (signature, NULL, data, length, key->secret_key);
}

void
td_signing_key_hash_holder (TdSigningKey *key, const char *national_id, guint8 *hash)
{
  crypto_generichash (hash, TD_HOLDER_HASH_BYTES, (const guint8 *) national_id,
                      strlen (national_id), key->holder_key, crypto_generichash_KEYBYTES);
}

/* --- where the secret is kept ------------------------------------------------------ */

static gboolean
master_from_hex (const char *hex, guint8 *master, const char *where, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (hex));
  size_t length = 0;

  if (sodium_hex2bin (master, MASTER_BYTES, trimmed, strlen (trimmed), NULL, &length, NULL) != 0 ||
      length != MASTER_BYTES || strlen (trimmed) != MASTER_BYTES * 2)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The certificate signing key in %s is not 64 hexadecimal digits."), where);
      return FALSE;
    }
  return TRUE;
}

static gboolean
key_file_read (const char *path, guint8 *master, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("Could not read the certificate signing key file %s (named by %s): %s"),
                   path, TD_SIGNING_KEY_FILE_ENV, local_error->message);
      return FALSE;
    }
  return master_from_hex (contents, master, path, error);
}

static gboolean
key_file_write (const char *path, const guint8 *master, GError **error)
{
  char hex[MASTER_BYTES * 2 + 2];
  gboolean ok;

  sodium_bin2hex (hex, sizeof hex - 1, master, MASTER_BYTES);
  strcat (hex, "\n");
  ok = g_file_set_contents_full (path, hex, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  sodium_memzero (hex, sizeof hex);
  return ok;
}

#ifdef TD_HAVE_LIBSECRET
static const SecretSchema *
keyring_schema (void)
{
  static const SecretSchema schema = {
    "io.github.trainingdesk.TrainingDesk.SigningKey", SECRET_SCHEMA_NONE,
    { { "key-id", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  return &schema;
}
#endif

static gboolean
keyring_read (const char *key_id, guint8 *master, GError **error)
{
#ifdef TD_HAVE_LIBSECRET
  g_autoptr (GError) local_error = NULL;
  char *hex = secret_password_lookup_sync (keyring_schema (), NULL, &local_error,
                                           "key-id", key_id, NULL);
  gboolean ok;

  if (hex == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The certificate signing key %s is not in the system keyring%s%s. "
                     "Certificates can still be verified, but not issued, on this desk."),
                   key_id, local_error ? ": " : "", local_error ? local_error->message : "");
      return FALSE;
    }
  ok = master_from_hex (hex, master, _("the system keyring"), error);
  secret_password_free (hex);
  return ok;
#else
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
               _("This Training Desk was built without keyring support (libsecret), so the "
                 "certificate signing key %s cannot be read. Set %s for tests."),
               key_id, TD_SIGNING_KEY_FILE_ENV);
  return FALSE;
#endif
}

static gboolean
keyring_write (const char *key_id, const guint8 *master, GError **error)
{
#ifdef TD_HAVE_LIBSECRET
  char hex[MASTER_BYTES * 2 + 1];
  g_autoptr (GError) local_error = NULL;
  g_autofree char *label = g_strdup_printf (_("Training Desk certificate signing key %s"), key_id);
  gboolean ok;

  sodium_bin2hex (hex, sizeof hex, master, MASTER_BYTES);
  ok = secret_password_store_sync (keyring_schema (), SECRET_COLLECTION_DEFAULT, label, hex,
                                   NULL, &local_error, "key-id", key_id, NULL);
  sodium_memzero (hex, sizeof hex);
  if (!ok)
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                 _("Could not store the new certificate signing key in the system keyring: %s"),
                 local_error->message);
  return ok;
#else
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
               _("This Training Desk was built without keyring support (libsecret) and cannot "
                 "keep a certificate signing key. Set %s for tests."), TD_SIGNING_KEY_FILE_ENV);
  return FALSE;
#endif
}

/* --- loading and creating ------------------------------------------------------------ */

typedef struct {
  char *key_id;
  guint8 public_key[TD_PUBLIC_KEY_BYTES];
  char *storage;
} KeyRow;

static void
key_row_clear (KeyRow *row)
{
  g_clear_pointer (&row->key_id, g_free);
  g_clear_pointer (&row->storage, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeyRow, key_row_clear)

/* Reads the current key's row; FALSE without error when there is none. */
static gboolean
read_key_row (TdStore *store, KeyRow *row, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT key_id, public_key, storage FROM signing_key "
                                         "WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 1) == TD_PUBLIC_KEY_BYTES)
    {
      row->key_id = td_col_dup (stmt, 0);
      memcpy (row->public_key, sqlite3_column_blob (stmt, 1), TD_PUBLIC_KEY_BYTES);
      row->storage = td_col_dup (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    td_store_set_sqlite_error (store, error, _("Could not read the signing key"));
  sqlite3_reset (stmt);
  return row->key_id != NULL;
}

static gboolean
insert_key_row (TdStore *store, TdSigningKey *key, const char *storage, GError **error)
{
  g_autofree char *id = key_id_hex (key->key_id);
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  TD_STORE_WRITE_BEGIN (store, error);
  stmt = td_store_prepare (store,
                           "INSERT INTO signing_key (key_id, algorithm, public_key, storage, "
                           "created_at) VALUES (?1, 'ed25519', ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 2, key->public_key, TD_PUBLIC_KEY_BYTES, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, storage, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!td_store_step_done (store, stmt, _("Could not save the signing key"), error) ||
      !td_store_audit (store, "create-key", "signing_key", 0, id, error))
    goto fail;
  return td_store_commit (store, error);

fail:
  td_store_rollback (store);
  return FALSE;
}

/* A centre without a key: a new secret (or the test key file's) and its public row. */
static TdSigningKey *
create_key (TdStore *store, GError **error)
{
  const char *file = g_getenv (TD_SIGNING_KEY_FILE_ENV);
  guint8 *master = sodium_malloc (MASTER_BYTES);
  TdSigningKey *key = NULL;
  gboolean ok;

  if (file != NULL && *file != '\0' && g_file_test (file, G_FILE_TEST_EXISTS))
    ok = key_file_read (file, master, error);
  else
    {
      randombytes_buf (master, MASTER_BYTES);
      ok = TRUE;
    }
  if (ok)
    {
      key = signing_key_derive (master);
      if (file != NULL && *file != '\0')
        ok = (g_file_test (file, G_FILE_TEST_EXISTS) || key_file_write (file, master, error)) &&
             insert_key_row (store, key, "file", error);
      else
        {
          g_autofree char *id = key_id_hex (key->key_id);
          ok = keyring_write (id, master, error) && insert_key_row (store, key, "keyring", error);
        }
    }
  sodium_free (master);
  if (!ok)
    g_clear_pointer (&key, td_signing_key_free);
  return key;
}

static TdSigningKey *
open_key (const KeyRow *row, GError **error)
{
  const char *file = g_getenv (TD_SIGNING_KEY_FILE_ENV);
  guint8 *master = sodium_malloc (MASTER_BYTES);
  TdSigningKey *key = NULL;
  gboolean ok;

  if (file != NULL && *file != '\0')
    ok = key_file_read (file, master, error);
  else if (g_str_equal (row->storage, "file"))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("This centre's certificate signing key %s is kept in a test key file; "
                     "set %s to that file."), row->key_id, TD_SIGNING_KEY_FILE_ENV);
      ok = FALSE;
    }
  else
    ok = keyring_read (row->key_id, master, error);
  if (ok)
    key = signing_key_derive (master);
  sodium_free (master);
  if (key != NULL && sodium_memcmp (key->public_key, row->public_key, TD_PUBLIC_KEY_BYTES) != 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The signing key found does not match this centre's key %s."), row->key_id);
      g_clear_pointer (&key, td_signing_key_free);
    }
  return key;
}

TdSigningKey *
td_signing_key_load (TdStore *store, gboolean create, GError **error)
{
  g_auto (KeyRow) row = { 0 };
  GError *local_error = NULL;

  if (!td_sodium_ensure (error))
    return NULL;
  if (read_key_row (store, &row, &local_error))
    return open_key (&row, error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!create)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_NOT_FOUND,
                   _("This centre has no certificate signing key yet; issuing the first "
                     "certificate creates one."));
      return NULL;
    }
  return create_key (store, error);
}

GPtrArray *
td_signing_key_list_public (TdStore *store, GError **error)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  sqlite3_stmt *stmt = td_store_prepare (store,
                                         "SELECT public_key FROM signing_key ORDER BY id DESC",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (keys, g_bytes_new (sqlite3_column_blob (stmt, 0),
                                        sqlite3_column_bytes (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (store, error, _("Could not read the signing keys"));
      return NULL;
    }
  return g_steal_pointer (&keys);
}
