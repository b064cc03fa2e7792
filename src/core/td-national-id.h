/* td-national-id.h — Taiwanese identity numbers (DOMAIN §9)
 *
 * National ID (身分證統一編號): letter + 1/2 + 8 digits, checksum.
 * Resident certificate, new format (since 2021): letter + 8/9 + 8 digits, same checksum.
 * Resident certificate, old format: two letters (second A–D) + 8 digits.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TD_ID_KIND_INVALID,
  TD_ID_KIND_NATIONAL,   /* "national" */
  TD_ID_KIND_ARC,        /* "arc": new-format resident certificate */
  TD_ID_KIND_ARC_OLD,    /* "arc-old" */
} TdIdKind;

/* Normalises what a person typed: trims spaces, folds full-width ASCII (Ａ１２…) to
 * half-width and lower-case letters to upper-case. Returns NULL with a reason in
 * @error (TD_ERROR_INVALID) when the text has characters no ID can contain
 * (inner spaces, punctuation, non-ASCII letters). Never silently drops characters. */
char       *td_national_id_normalize (const char *text, GError **error);

/* Validates an already normalised ID: shape and checksum. On failure returns
 * TD_ID_KIND_INVALID and sets @error to a precise reason (length, first letter,
 * gender digit, checksum). */
TdIdKind    td_national_id_validate (const char *id, GError **error);

/* normalize + validate; returns the normalised ID or NULL with the reason. */
char       *td_national_id_check (const char *text, TdIdKind *kind, GError **error);

/* "national", "arc", "arc-old", or "-" for invalid (the CLI's validate-id column). */
const char *td_id_kind_to_string (TdIdKind kind);

/* Masks an ID for display: first three and last three characters kept, the rest
 * '*' (A123456789 → A12****789). NULL or short input is masked entirely. */
char       *td_national_id_mask (const char *id);

G_END_DECLS
