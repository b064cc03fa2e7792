/* td-certificate-code.h — the signed payload in a certificate's QR code, the signed
 * revocation list, and offline verification.
 *
 * QR content: the verification URL (centre setting "verify-url-template", "{number}"
 * replaced by the URI-escaped certificate number), then "#", then the payload:
 * base64url (no padding) of
 *
 *   u8  format (1)          u8[4] key id            u8  version (補次)
 *   u16 training start      u16 training end        u16 issue date   (big-endian days
 *                                                                      since 1970-01-01)
 *   u8  n + n bytes number (UTF-8)                  u8  n + n bytes course id (UTF-8)
 *   u8[16] keyed BLAKE2b of the holder's national ID
 *   u8[64] Ed25519 signature of every byte before it
 *
 * About 110 bytes, 150 characters: with the default URL about 185 characters, a version 10
 * QR code (57 modules) at error correction level M.
 * The holder's ID is never in the code, only its hash under the centre's secret key.
 * docs/certificates.md describes the format for other verifiers.
 */
#pragma once

#include <glib.h>

#include "td-signing-key.h"

G_BEGIN_DECLS

#define TD_CERTIFICATE_PAYLOAD_FORMAT 1

typedef struct {
  char *number;
  char *course_ref;          /* the course's database id, as text */
  char *start_date;          /* ISO dates */
  char *end_date;
  char *issued_on;
  guint version;             /* reissue count, 0–255 */
  guint8 holder_hash[TD_HOLDER_HASH_BYTES];
  guint8 key_id[TD_KEY_ID_BYTES];
} TdCertificatePayload;

void    td_certificate_payload_free (TdCertificatePayload *payload);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCertificatePayload, td_certificate_payload_free)

/* Serialises and signs @payload with @key (its key_id is set from @key). NULL with
 * TD_ERROR_INVALID when a field does not fit (dates before 1970 or after 2149, a number
 * or course id over 255 bytes, a version over 255). */
char   *td_certificate_payload_sign (TdCertificatePayload *payload, TdSigningKey *key,
                                     GError **error);

/* Parses the payload text without checking the signature: @signed_part and @signature
 * receive what td_certificate_payload_check_signature() needs. */
TdCertificatePayload *td_certificate_payload_parse (const char *text, GBytes **signed_part,
                                                    GBytes **signature, GError **error);

/* The QR content: URL from @url_template ("{number}" replaced) + "#" + @payload. */
char   *td_certificate_code_build (const char *url_template, const char *number,
                                   const char *payload, GError **error);

/* --- revocation lists --------------------------------------------------------------- */

typedef struct _TdRevocationList TdRevocationList;

typedef struct {
  char *number;
  guint version;
  char *reason;              /* "lost" | "damaged" | "changed" */
  char *voided_at;
} TdRevocationEntry;

void               td_revocation_entry_free (TdRevocationEntry *entry);

/* The JSON text that is signed: {"format": "training-desk/revocations@1", "version",
 * "issued_at", "key", "revoked": [{"number", "version", "reason", "voided_at"}…]}. */
char              *td_revocation_list_build_body (guint version, const char *issued_at,
                                                  const char *key_id_hex, GPtrArray *entries);

/* Checks @signature over @body with @public_key, then parses it. NULL with
 * TD_ERROR_INVALID when the signature or the text is wrong. */
TdRevocationList  *td_revocation_list_load (const char *body, GBytes *signature,
                                            const guint8 *public_key, GError **error);
void               td_revocation_list_free (TdRevocationList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRevocationList, td_revocation_list_free)

guint              td_revocation_list_get_version (TdRevocationList *list);
const char        *td_revocation_list_get_issued_at (TdRevocationList *list);
/* The entry voiding (@number, @version), or NULL. */
const TdRevocationEntry *td_revocation_list_lookup (TdRevocationList *list, const char *number,
                                                    guint version);

/* --- verification ----------------------------------------------------------------------- */

typedef enum {
  TD_VERIFY_VALID,
  TD_VERIFY_VOIDED,
  TD_VERIFY_INVALID,
} TdVerifyStatus;

typedef struct {
  TdVerifyStatus status;
  char *number;              /* from the payload; NULL when it could not be read */
  guint version;
  char *holder_name;         /* filled in from the store when available, else NULL */
  char *void_reason;         /* voided: "lost" | "damaged" | "changed" */
  char *message;             /* voided: the reason's label; invalid: what is wrong */
  TdCertificatePayload *payload;   /* when the signature checked out */
} TdVerifyResult;

const char     *td_verify_status_to_string (TdVerifyStatus status);   /* valid|voided|invalid */
void            td_verify_result_free (TdVerifyResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdVerifyResult, td_verify_result_free)

/* Verifies what a scanner read from a certificate's QR code (the whole URL or only the
 * payload after "#"), offline: the signature with @public_key, the number in the URL
 * against the signed one, then @revocations (NULL: nothing was ever voided). */
TdVerifyResult *td_verify_code (const char *code, const guint8 *public_key,
                                TdRevocationList *revocations);

/* The payload part of @code (after the last "#", or all of it), trimmed; and the URL
 * part when there is one. */
char           *td_certificate_code_split (const char *code, char **url_part);

G_END_DECLS
