/* signing-key-fixture.h — what the certificate tests set up alike: a signing key file
 * of the test's own (never the user's keyring), a store with the certificate prefix
 * "TD", and the roster whose outcomes cover every eligibility case. Shared by
 * test-certificates.c, test-gui-certificates.c, test-card-renderer.c and
 * test-gui-preview.c. */
#pragma once

#include <glib.h>

#include "td-settings.h"
#include "td-signing-key.h"
#include "td-store.h"

typedef struct {
  const char *name;
  const char *id;
  TdEnrolmentStatus status;
  double score;              /* < 0: none recorded */
} Row;

/* Pass mark 60: 王小明 and 李小華 pass (80, exactly 60), 陳大文 fails (59), 林美玲 was
 * dismissed with a good score, 張志強 is still only enrolled. */
#define SIGNING_KEY_FIXTURE_ROSTER \
  { "王小明", "A123456789", TD_ENROLMENT_PASSED, 80 }, \
  { "李小華", "B123456780", TD_ENROLMENT_COMPLETED, 60 }, \
  { "陳大文", "F123456784", TD_ENROLMENT_PASSED, 59 }, \
  { "林美玲", "H123456786", TD_ENROLMENT_DISMISSED, 90 }, \
  { "張志強", "A223456709", TD_ENROLMENT_ENROLLED, 75 }

/* Points TD_SIGNING_KEY_FILE_ENV at "signing.key" in @dir: issued certificates are
 * signed with a key of the test's own. */
static inline void
signing_key_fixture_use_dir (const char *dir)
{
  g_autofree char *key = g_build_filename (dir, "signing.key", NULL);

  g_setenv (TD_SIGNING_KEY_FILE_ENV, key, TRUE);
}

/* A new temporary folder (from @dir_template, stored in @dir) holding the signing key
 * and the store @db_name, opened with certificate prefix "TD"; @actor (when not NULL)
 * is the store's actor. */
static inline TdStore *
signing_key_fixture_open_store (const char *dir_template, const char *db_name,
                                const char *actor, char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autofree char *path = NULL;

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, db_name, NULL);
  signing_key_fixture_use_dir (*dir);
  store = td_store_open (path, &error);
  g_assert_no_error (error);
  if (actor != NULL)
    td_store_set_actor (store, actor);
  g_assert_true (td_store_set_setting (store, TD_SETTING_CERTIFICATE_PREFIX, "TD", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}
