/* td-signing-key.h — the centre's certificate signing key (Ed25519, libsodium).
 *
 * One 32-byte master secret per centre. Two keys are derived from it with
 * crypto_kdf: the Ed25519 seed that signs certificate codes and revocation lists, and
 * the BLAKE2b key that hashes holders' national IDs into certificate codes.
 *
 * The master secret lives in the system keyring (libsecret, looked up by key id).
 * Only for tests and headless CI, where no keyring runs, $TRAINING_DESK_SIGNING_KEY_FILE
 * may name a file holding it in hex; when set, it is used instead of the keyring.
 * The database keeps only the public key (table signing_key).
 */
#pragma once

#include <glib.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_PUBLIC_KEY_BYTES 32
#define TD_SIGNATURE_BYTES 64
#define TD_KEY_ID_BYTES 4
#define TD_HOLDER_HASH_BYTES 16

/* The environment variable naming a key file (tests and headless CI only). */
#define TD_SIGNING_KEY_FILE_ENV "TRAINING_DESK_SIGNING_KEY_FILE"

typedef struct _TdSigningKey TdSigningKey;

/* Loads the centre's current signing key with its secret. With @create, a centre
 * without a key gets one (stored in the keyring or the key file, its public key in
 * the database). TD_ERROR_NOT_FOUND when there is no key and @create is FALSE;
 * TD_ERROR_INVALID when the secret cannot be found or does not match the database. */
TdSigningKey *td_signing_key_load (TdStore *store, gboolean create, GError **error);
void          td_signing_key_free (TdSigningKey *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdSigningKey, td_signing_key_free)

const guint8 *td_signing_key_get_public (TdSigningKey *key);   /* TD_PUBLIC_KEY_BYTES */
const guint8 *td_signing_key_get_id (TdSigningKey *key);       /* TD_KEY_ID_BYTES */
char         *td_signing_key_dup_id_hex (TdSigningKey *key);

/* Detached Ed25519 signature of @data into @signature (TD_SIGNATURE_BYTES). */
void          td_signing_key_sign (TdSigningKey *key, const guint8 *data, gsize length,
                                   guint8 *signature);

/* Keyed BLAKE2b of a normalised national ID into @hash (TD_HOLDER_HASH_BYTES): the
 * code proves whose certificate it is to the centre without carrying the ID. */
void          td_signing_key_hash_holder (TdSigningKey *key, const char *national_id,
                                          guint8 *hash);

/* The key id of a public key: the first TD_KEY_ID_BYTES of its BLAKE2b hash. */
void          td_public_key_compute_id (const guint8 *public_key, guint8 *key_id);

/* "ed25519:" + base64url of the 32 bytes; the form `tdesk certificate public-key`
 * prints and a verifier reads. */
char         *td_public_key_to_string (const guint8 *public_key);
gboolean      td_public_key_from_string (const char *text, guint8 *public_key, GError **error);

/* Every public key the centre has used (GBytes* of TD_PUBLIC_KEY_BYTES), newest first:
 * verifying needs no secret. */
GPtrArray    *td_signing_key_list_public (TdStore *store, GError **error);

/* Makes sure libsodium is initialised; FALSE with an error when it cannot be. */
gboolean      td_sodium_ensure (GError **error);

/* base64url without padding (RFC 4648 §5), as used in certificate codes. */
char         *td_base64url_encode (const guint8 *data, gsize length);
/* NULL with TD_ERROR_INVALID on any character outside the alphabet or a bad length. */
GBytes       *td_base64url_decode (const char *text, GError **error);

G_END_DECLS
