/* td-certificate-code.c — certificate QR payloads, revocation lists, verification
 *
 * The payload is a small binary record rather than JSON so that, signed, it still
 * fits a QR code a card can carry at 19.5 mm, which a phone camera reads close up.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-certificate-code"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "td-certificate-code.h"
#include "td-certificate.h"

#define REVOCATIONS_FORMAT "training-desk/revocations@1"
#define MAX_DAYS 0xffff

struct _TdRevocationList {
  guint version;
  char *issued_at;
  GHashTable *entries;   /* "number\x1fversion" → TdRevocationEntry* */
};

/* --- dates as days --------------------------------------------------------------- */

static gboolean
date_to_days (const char *iso, guint *days)
{
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
  g_autofree char *instant = NULL;
  GTimeSpan span;

  if (iso == NULL || strlen (iso) != 10)
    return FALSE;
  instant = g_strconcat (iso, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (instant, NULL);
  if (date == NULL)
    return FALSE;
  span = g_date_time_difference (date, epoch) / G_TIME_SPAN_DAY;
  if (span < 0 || span > MAX_DAYS)
    return FALSE;
  *days = (guint) span;
  return TRUE;
}

static char *
days_to_date (guint days)
{
  g_autoptr (GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
  g_autoptr (GDateTime) date = g_date_time_add_days (epoch, (int) days);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* --- payload -------------------------------------------------------------------------- */

void
td_certificate_payload_free (TdCertificatePayload *payload)
{
  if (payload == NULL)
    return;
  g_free (payload->number);
  g_free (payload->course_ref);
  g_free (payload->start_date);
  g_free (payload->end_date);
  g_free (payload->issued_on);
  g_free (payload);
}

static void
append_u16 (GByteArray *out, guint value)
{
  guint8 b[2] = { (value >> 8) & 0xff, value & 0xff };
  g_byte_array_append (out, b, 2);
}

static gboolean
append_string (GByteArray *out, const char *text)
{
  gsize length = text ? strlen (text) : 0;
  guint8 n = (guint8) length;

  if (length == 0 || length > 255)
    return FALSE;
  g_byte_array_append (out, &n, 1);
  g_byte_array_append (out, (const guint8 *) text, length);
  return TRUE;
}

static GByteArray *
serialise_payload (const TdCertificatePayload *p, GError **error)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  guint8 head[2] = { TD_CERTIFICATE_PAYLOAD_FORMAT, 0 };
  guint start, end, issued;

  if (!date_to_days (p->start_date, &start) || !date_to_days (p->end_date, &end) ||
      !date_to_days (p->issued_on, &issued) || p->version > 255)
    goto invalid;
  g_byte_array_append (out, head, 1);
  g_byte_array_append (out, p->key_id, TD_KEY_ID_BYTES);
  head[1] = (guint8) p->version;
  g_byte_array_append (out, &head[1], 1);
  append_u16 (out, start);
  append_u16 (out, end);
  append_u16 (out, issued);
  if (!append_string (out, p->number) || !append_string (out, p->course_ref))
    goto invalid;
  g_byte_array_append (out, p->holder_hash, TD_HOLDER_HASH_BYTES);
  return g_steal_pointer (&out);

invalid:
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
               _("Certificate %s cannot be put in a QR code: its dates must lie between 1970 "
                 "and 2149, its number and course id must be 1–255 bytes and it may be "
                 "reissued at most 255 times."), p->number ? p->number : "?");
  return NULL;
}

char *
td_certificate_payload_sign (TdCertificatePayload *payload, TdSigningKey *key, GError **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  guint8 signature[TD_SIGNATURE_BYTES];

  memcpy (payload->key_id, td_signing_key_get_id (key), TD_KEY_ID_BYTES);
  bytes = serialise_payload (payload, error);
  if (bytes == NULL)
    return NULL;
  td_signing_key_sign (key, bytes->data, bytes->len, signature);
  g_byte_array_append (bytes, signature, sizeof signature);
  return td_base64url_encode (bytes->data, bytes->len);
}

/* A cursor over the payload bytes; every read checks the length. */
typedef struct {
  const guint8 *data;
  gsize length;
  gsize pos;
} Reader;

static gboolean
read_bytes (Reader *r, gsize n, const guint8 **out)
{
  if (r->length - r->pos < n)
    return FALSE;
  *out = r->data + r->pos;
  r->pos += n;
  return TRUE;
}

static gboolean
read_u16 (Reader *r, guint *value)
{
  const guint8 *b;

  if (!read_bytes (r, 2, &b))
    return FALSE;
  *value = ((guint) b[0] << 8) | b[1];
  return TRUE;
}

static gboolean
read_string (Reader *r, char **text)
{
  const guint8 *n, *bytes;

  if (!read_bytes (r, 1, &n) || *n == 0 || !read_bytes (r, *n, &bytes) ||
      !g_utf8_validate ((const char *) bytes, *n, NULL))
    return FALSE;
  *text = g_strndup ((const char *) bytes, *n);
  return TRUE;
}

static gboolean
read_fields (Reader *r, TdCertificatePayload *p)
{
  const guint8 *b;
  guint start, end, issued;

  if (!read_bytes (r, 1, &b) || *b != TD_CERTIFICATE_PAYLOAD_FORMAT ||
      !read_bytes (r, TD_KEY_ID_BYTES, &b))
    return FALSE;
  memcpy (p->key_id, b, TD_KEY_ID_BYTES);
  if (!read_bytes (r, 1, &b))
    return FALSE;
  p->version = *b;
  if (!read_u16 (r, &start) || !read_u16 (r, &end) || !read_u16 (r, &issued) ||
      !read_string (r, &p->number) || !read_string (r, &p->course_ref) ||
      !read_bytes (r, TD_HOLDER_HASH_BYTES, &b))
    return FALSE;
  memcpy (p->holder_hash, b, TD_HOLDER_HASH_BYTES);
  p->start_date = days_to_date (start);
  p->end_date = days_to_date (end);
  p->issued_on = days_to_date (issued);
  return r->length - r->pos == TD_SIGNATURE_BYTES;
}

TdCertificatePayload *
td_certificate_payload_parse (const char *text, GBytes **signed_part, GBytes **signature,
                              GError **error)
{
  g_autoptr (GBytes) bytes = td_base64url_decode (text, error);
  g_autoptr (TdCertificatePayload) payload = g_new0 (TdCertificatePayload, 1);
  Reader reader = { 0 };

  if (bytes == NULL)
    return NULL;
  reader.data = g_bytes_get_data (bytes, &reader.length);
  if (!read_fields (&reader, payload))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The code is not a Training Desk certificate code (format %d)."),
                   TD_CERTIFICATE_PAYLOAD_FORMAT);
      return NULL;
    }
  *signed_part = g_bytes_new_from_bytes (bytes, 0, reader.pos);
  *signature = g_bytes_new_from_bytes (bytes, reader.pos, TD_SIGNATURE_BYTES);
  return g_steal_pointer (&payload);
}

char *
td_certificate_code_build (const char *url_template, const char *number, const char *payload,
                           GError **error)
{
  g_autofree char *escaped = g_uri_escape_string (number, NULL, FALSE);
  g_auto (GStrv) parts = NULL;
  g_autofree char *url = NULL;

  if (url_template == NULL || strstr (url_template, "{number}") == NULL ||
      strchr (url_template, '#') != NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The setting verify-url-template (“%s”) must contain “{number}” and no "
                     "“#”."), url_template ? url_template : "");
      return NULL;
    }
  parts = g_strsplit (url_template, "{number}", -1);
  url = g_strjoinv (escaped, parts);
  return g_strconcat (url, "#", payload, NULL);
}

char *
td_certificate_code_split (const char *code, char **url_part)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (code ? code : ""));
  char *hash = strrchr (trimmed, '#');

  if (hash == NULL)
    {
      if (url_part != NULL)
        *url_part = NULL;
      return g_steal_pointer (&trimmed);
    }
  if (url_part != NULL)
    *url_part = g_strndup (trimmed, hash - trimmed);
  return g_strdup (hash + 1);
}

/* --- revocation lists ---------------------------------------------------------------- */

void
td_revocation_entry_free (TdRevocationEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->number);
  g_free (entry->reason);
  g_free (entry->voided_at);
  g_free (entry);
}

static char *
entry_key (const char *number, guint version)
{
  return g_strdup_printf ("%s\x1f%u", number, version);
}

char *
td_revocation_list_build_body (guint version, const char *issued_at, const char *key_id_hex,
                               GPtrArray *entries)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, REVOCATIONS_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, version);
  json_builder_set_member_name (b, "issued_at");
  json_builder_add_string_value (b, issued_at);
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, key_id_hex);
  json_builder_set_member_name (b, "revoked");
  json_builder_begin_array (b);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      TdRevocationEntry *e = g_ptr_array_index (entries, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "number");
      json_builder_add_string_value (b, e->number);
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, e->version);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, e->reason);
      json_builder_set_member_name (b, "voided_at");
      json_builder_add_string_value (b, e->voided_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRevocationEntry, td_revocation_entry_free)

static gboolean
parse_entry (JsonNode *node, TdRevocationEntry **out)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr (TdRevocationEntry) e = NULL;
  TdVoidReason reason;

  if (o == NULL || !json_object_has_member (o, "number") || !json_object_has_member (o, "version") ||
      !json_object_has_member (o, "reason") ||
      !td_void_reason_from_string (json_object_get_string_member (o, "reason"), &reason))
    return FALSE;
  e = g_new0 (TdRevocationEntry, 1);
  e->number = g_strdup (json_object_get_string_member (o, "number"));
  e->version = (guint) json_object_get_int_member (o, "version");
  e->reason = g_strdup (td_void_reason_to_string (reason));
  e->voided_at = g_strdup (json_object_get_string_member_with_default (o, "voided_at", ""));
  if (e->number == NULL)
    return FALSE;
  *out = g_steal_pointer (&e);
  return TRUE;
}

static gboolean
parse_list (const char *body, TdRevocationList *list)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *revoked;

  if (!json_parser_load_from_data (parser, body, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                 REVOCATIONS_FORMAT) != 0 ||
      (revoked = json_object_get_array_member (root, "revoked")) == NULL)
    return FALSE;
  list->version = (guint) json_object_get_int_member_with_default (root, "version", 0);
  list->issued_at = g_strdup (json_object_get_string_member_with_default (root, "issued_at", ""));
  for (guint i = 0; i < json_array_get_length (revoked); i++)
    {
      TdRevocationEntry *e = NULL;
      if (!parse_entry (json_array_get_element (revoked, i), &e))
        return FALSE;
      g_hash_table_replace (list->entries, entry_key (e->number, e->version), e);
    }
  return list->version > 0;
}

TdRevocationList *
td_revocation_list_load (const char *body, GBytes *signature, const guint8 *public_key,
                         GError **error)
{
  g_autoptr (TdRevocationList) list = NULL;

  if (!td_sodium_ensure (error))
    return NULL;
  if (signature == NULL || g_bytes_get_size (signature) != TD_SIGNATURE_BYTES ||
      crypto_sign_verify_detached (g_bytes_get_data (signature, NULL), (const guint8 *) body,
                                   strlen (body), public_key) != 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The revocation list's signature does not match the centre's key."));
      return NULL;
    }
  list = g_new0 (TdRevocationList, 1);
  list->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) td_revocation_entry_free);
  if (!parse_list (body, list))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The revocation list is signed but not in the %s format."),
                   REVOCATIONS_FORMAT);
      return NULL;
    }
  return g_steal_pointer (&list);
}

void
td_revocation_list_free (TdRevocationList *list)
{
  if (list == NULL)
    return;
  g_clear_pointer (&list->entries, g_hash_table_unref);
  g_free (list->issued_at);
  g_free (list);
}

guint
td_revocation_list_get_version (TdRevocationList *list)
{
  return list->version;
}

const char *
td_revocation_list_get_issued_at (TdRevocationList *list)
{
  return list->issued_at;
}

const TdRevocationEntry *
td_revocation_list_lookup (TdRevocationList *list, const char *number, guint version)
{
  g_autofree char *key = entry_key (number, version);
  return g_hash_table_lookup (list->entries, key);
}

/* --- verification ------------------------------------------------------------------------ */

const char *
td_verify_status_to_string (TdVerifyStatus status)
{
  static const char *const names[] = { "valid", "voided", "invalid" };

  g_return_val_if_fail (status <= TD_VERIFY_INVALID, NULL);
  return names[status];
}

void
td_verify_result_free (TdVerifyResult *result)
{
  if (result == NULL)
    return;
  g_free (result->number);
  g_free (result->holder_name);
  g_free (result->void_reason);
  g_free (result->message);
  td_certificate_payload_free (result->payload);
  g_free (result);
}

static TdVerifyResult *
invalid (TdVerifyResult *result, const char *message)
{
  result->status = TD_VERIFY_INVALID;
  g_free (result->message);
  result->message = g_strdup (message);
  g_clear_pointer (&result->payload, td_certificate_payload_free);
  return result;
}

/* The URL part, when present, must name the number that was signed: a valid payload
 * pasted behind another certificate's URL is not that certificate. */
static gboolean
url_matches (const char *url, const char *number)
{
  g_autofree char *escaped = NULL;

  if (url == NULL || *url == '\0')
    return TRUE;
  escaped = g_uri_escape_string (number, NULL, FALSE);
  /* The number must be a whole path segment or query value, not part of a longer one. */
  for (const char *at = strstr (url, escaped); at != NULL; at = strstr (at + 1, escaped))
    {
      char before = at == url ? '\0' : at[-1];
      char after = at[strlen (escaped)];
      if ((before == '/' || before == '=') && strchr ("/?&", after) != NULL)
        return TRUE;
    }
  return FALSE;
}

TdVerifyResult *
td_verify_code (const char *code, const guint8 *public_key, TdRevocationList *revocations)
{
  TdVerifyResult *result = g_new0 (TdVerifyResult, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) signed_part = NULL;
  g_autoptr (GBytes) signature = NULL;
  g_autofree char *url = NULL;
  g_autofree char *text = td_certificate_code_split (code, &url);
  guint8 key_id[TD_KEY_ID_BYTES];
  const TdRevocationEntry *entry;

  if (!td_sodium_ensure (&error) ||
      (result->payload = td_certificate_payload_parse (text, &signed_part, &signature,
                                                       &error)) == NULL)
    return invalid (result, error->message);
  result->number = g_strdup (result->payload->number);
  result->version = result->payload->version;
  td_public_key_compute_id (public_key, key_id);
  if (memcmp (key_id, result->payload->key_id, TD_KEY_ID_BYTES) != 0 ||
      crypto_sign_verify_detached (g_bytes_get_data (signature, NULL),
                                   g_bytes_get_data (signed_part, NULL),
                                   g_bytes_get_size (signed_part), public_key) != 0)
    return invalid (result, _("The signature does not match the centre's key: the code was "
                              "altered or comes from elsewhere."));
  if (!url_matches (url, result->number))
    return invalid (result, _("The web address names another certificate than the signed code."));

  entry = revocations ? td_revocation_list_lookup (revocations, result->number, result->version)
                      : NULL;
  if (entry != NULL)
    {
      result->status = TD_VERIFY_VOIDED;
      result->void_reason = g_strdup (entry->reason);
      result->message = g_strdup (td_void_reason_label_for_string (entry->reason));
      return result;
    }
  result->status = TD_VERIFY_VALID;
  return result;
}
