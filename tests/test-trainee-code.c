/* test-trainee-code.c — personal codes: shape, randomness, normalisation, regeneration */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "attendance-fixture.h"
#include "td-scan.h"
#include "td-trainee-code.h"

static void
test_generate_shape (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < 1000; i++)
    {
      g_autoptr (GError) error = NULL;
      char *code = td_trainee_code_generate (&error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (code, "TD1:"));
      g_assert_cmpuint (strlen (code), ==, 4 + 32);
      g_assert_true (td_trainee_code_is_well_formed (code));
      /* Only QR alphanumeric-mode characters. */
      g_assert_cmpuint (strspn (code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:"), ==, strlen (code));
      g_assert_false (g_hash_table_contains (seen, code));
      g_hash_table_add (seen, code);
    }
}

static void
test_well_formed (void)
{
  g_assert_true (td_trainee_code_is_well_formed ("TD1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
  g_assert_false (td_trainee_code_is_well_formed ("TD1:ABCDEFGHIJKLMNOPQRSTUVWXYZ23456"));
  g_assert_false (td_trainee_code_is_well_formed ("TD1:ABCDEFGHIJKLMNOPQRSTUVWXYZ2345678"));
  g_assert_false (td_trainee_code_is_well_formed ("TD1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234501"));
  g_assert_false (td_trainee_code_is_well_formed ("TD2:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
  g_assert_false (td_trainee_code_is_well_formed ("A123456789"));
  g_assert_false (td_trainee_code_is_well_formed (NULL));
}

static void
test_normalize (void)
{
  g_autofree char *plain = td_trainee_code_normalize (" td1:abcdefghijklmnopqrstuvwxyz234567\r\n");
  g_autofree char *fullwidth = td_trainee_code_normalize ("ＴＤ１：ＡＢＣ\u3000");
  g_autofree char *tabbed = td_trainee_code_normalize ("\tA123456789\n");

  g_assert_cmpstr (plain, ==, "TD1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
  g_assert_cmpstr (fullwidth, ==, "TD1:ABC");
  g_assert_cmpstr (tabbed, ==, "A123456789");
  g_assert_null (td_trainee_code_normalize ("\xff\xfe"));
}

static void
test_get_is_stable (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = td_trainee_code_get (f->store, f->trainee[0], &error);
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;

  g_assert_no_error (error);
  again = td_trainee_code_get (f->store, f->trainee[0], &error);
  g_assert_no_error (error);
  other = td_trainee_code_get (f->store, f->trainee[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other);
  g_assert_null (strstr (first, ID_ON_ROSTER_1));
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM trainee_code"), ==, 2);
}

static void
test_lookup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = td_trainee_code_get (f->store, f->trainee[1], &error);
  TdTraineeCodeState state;
  gint64 trainee_id = 0, code_id = 0;

  g_assert_true (td_trainee_code_lookup (f->store, code, &state, &trainee_id, &code_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, TD_TRAINEE_CODE_VALID);
  g_assert_cmpint (trainee_id, ==, f->trainee[1]);
  g_assert_cmpint (code_id, >, 0);

  trainee_id = 0;
  g_assert_true (td_trainee_code_lookup (f->store, "TD1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &state,
                                         &trainee_id, NULL, &error));
  g_assert_cmpint (state, ==, TD_TRAINEE_CODE_UNKNOWN);
  g_assert_cmpint (trainee_id, ==, 0);
}

static void
test_regenerate_voids_old (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old = td_trainee_code_get (f->store, f->trainee[0], &error);
  g_autofree char *fresh = td_trainee_code_regenerate (f->store, f->trainee[0], &error);
  g_autofree char *current = NULL;
  TdTraineeCodeState state;
  gint64 owner = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (old, !=, fresh);
  g_assert_true (td_trainee_code_lookup (f->store, old, &state, &owner, NULL, &error));
  g_assert_cmpint (state, ==, TD_TRAINEE_CODE_VOIDED);
  g_assert_cmpint (owner, ==, f->trainee[0]);
  g_assert_true (td_trainee_code_lookup (f->store, fresh, &state, NULL, NULL, &error));
  g_assert_cmpint (state, ==, TD_TRAINEE_CODE_VALID);
  current = td_trainee_code_get (f->store, f->trainee[0], &error);
  g_assert_cmpstr (current, ==, fresh);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM trainee_code WHERE voided_at IS NULL"),
                   ==, 1);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM audit_log WHERE action = "
                                     "'code-regenerate'"), ==, 1);
}

static void
test_regenerate_without_code (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = td_trainee_code_regenerate (f->store, f->trainee[2], &error);

  g_assert_no_error (error);
  g_assert_true (td_trainee_code_is_well_formed (code));
}

/* Finding reads only: no code is issued for a person who has none. */
static void
test_find_does_not_issue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *none = td_trainee_code_find (f->store, f->trainee[2], &error);
  g_autofree char *issued = NULL;
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM trainee_code"), ==, 0);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM audit_log WHERE action = "
                                     "'code-issue'"), ==, 0);
  issued = td_trainee_code_get (f->store, f->trainee[2], &error);
  found = td_trainee_code_find (f->store, f->trainee[2], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, issued);
  g_assert_null (td_trainee_code_find (f->store, 9999, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
}

static void
test_unknown_trainee (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = td_trainee_code_get (f->store, 9999, &error);

  g_assert_null (code);
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (td_trainee_code_regenerate (f->store, 9999, &error));
  g_assert_error (error, TD_ERROR, TD_ERROR_NOT_FOUND);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM trainee_code"), ==, 0);
}

/* The database itself keeps codes: one current code per person, never re-pointed, a
 * voided code stays voided. */
static void
test_schema_guards (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = td_trainee_code_get (f->store, f->trainee[0], &error);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO trainee_code (trainee_id, token, created_at) "
                                     "SELECT trainee_id, 'TD1:X', created_at FROM trainee_code",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE trainee_code SET token = 'TD1:Y'", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE trainee_code SET voided_at = 'now'", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE trainee_code SET voided_at = NULL", NULL, NULL,
                                 NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

/* Removing a person who was never on a roster takes their codes with them; their
 * refused scans stay in the log, without the name. */
static void
test_delete_person (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = td_trainee_code_get (f->store, f->outsider, &error);
  g_autoptr (GDateTime) now = g_date_time_new_local (2024, 5, 6, 9, 0, 0);
  g_autoptr (TdScanResult) scan = td_scan_session (f->store, f->session[0], code, now, &error);
  g_autoptr (TdScanResult) again = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (scan->outcome, ==, TD_SCAN_NOT_ENROLLED);
  g_assert_true (td_store_delete_trainee (f->store, f->outsider, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM trainee_code"), ==, 0);
  g_assert_cmpint (fixture_count (f, "SELECT count(*) FROM scan_log WHERE trainee_id IS NULL "
                                     "AND code_id IS NULL AND outcome = 'not-enrolled'"), ==, 1);
  again = td_scan_session (f->store, f->session[0], code, now, &error);
  g_assert_cmpint (again->outcome, ==, TD_SCAN_UNKNOWN);

  /* Nulling is the only change the log takes. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE scan_log SET outcome = 'signed-in'", NULL, NULL,
                                 NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE scan_log SET trainee_id = 1", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM scan_log", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trainee-code/generate", test_generate_shape);
  g_test_add_func ("/trainee-code/well-formed", test_well_formed);
  g_test_add_func ("/trainee-code/normalize", test_normalize);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/trainee-code/get-is-stable", test_get_is_stable);
  ADD ("/trainee-code/lookup", test_lookup);
  ADD ("/trainee-code/regenerate-voids-old", test_regenerate_voids_old);
  ADD ("/trainee-code/regenerate-without-code", test_regenerate_without_code);
  ADD ("/trainee-code/find-does-not-issue", test_find_does_not_issue);
  ADD ("/trainee-code/unknown-trainee", test_unknown_trainee);
  ADD ("/trainee-code/schema-guards", test_schema_guards);
  ADD ("/trainee-code/delete-person", test_delete_person);
  return g_test_run ();
}
