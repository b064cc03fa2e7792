/* td-trainee-code.h — a trainee's personal code, shown as a QR code (DOMAIN §7, seed 004).
 *
 * A code is "TD1:" followed by 32 characters of RFC 4648 base32 (20 random bytes from
 * the system's cryptographic generator). It says nothing about the person: it never
 * contains the national ID, so a photographed badge leaks nothing. Upper-case base32
 * and ':' are all in the QR code's alphanumeric mode, which keeps the symbol small.
 *
 * A person has at most one current code. Regenerating voids the old one at once, in
 * the same transaction that creates the new one; a voided code is refused at the desk.
 */
#pragma once

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TRAINEE_CODE_PREFIX "TD1:"

typedef enum {
  TD_TRAINEE_CODE_VALID,     /* the person's current code */
  TD_TRAINEE_CODE_VOIDED,    /* was the person's code; a newer one replaced it */
  TD_TRAINEE_CODE_UNKNOWN,   /* no such code was ever issued here */
} TdTraineeCodeState;

/* A fresh random code (not stored). NULL with @error when the system cannot supply
 * random bytes. */
char      *td_trainee_code_generate (GError **error);

/* Folds what a keyboard-wedge scanner typed into the canonical form: trims white
 * space and control characters (the scanner's Enter), folds full-width characters (a
 * Chinese input method left on) and lower case (Caps Lock) to half-width upper case.
 * NULL when @text is not valid UTF-8. */
char      *td_trainee_code_normalize (const char *text);

/* TRUE when @code (normalised) has the shape of a personal code. */
gboolean   td_trainee_code_is_well_formed (const char *code);

/* The person's current code, issuing one when they have none. */
char      *td_trainee_code_get (TdStore *store, gint64 trainee_id, GError **error);

/* The person's current code, or NULL without @error when they have none: reads only,
 * for screens that show a person without changing anything. */
char      *td_trainee_code_find (TdStore *store, gint64 trainee_id, GError **error);

/* Voids the current code (if any) and issues a new one, in one transaction. */
char      *td_trainee_code_regenerate (TdStore *store, gint64 trainee_id, GError **error);

/* Looks a normalised code up. @trainee_id and @code_id (optional) receive the owner
 * and the code's row for VALID and VOIDED. FALSE only when the database fails. */
gboolean   td_trainee_code_lookup (TdStore *store, const char *code, TdTraineeCodeState *state,
                                   gint64 *trainee_id, gint64 *code_id, GError **error);

G_END_DECLS
