/* tdesk-runner.h — running the built `tdesk` binary from a test, as a user would.
 *
 * The binary's path comes from $TDESK (set by tests/meson.build). Shared by the CLI
 * tests so each one only says what it runs, not how.
 */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

/* Removes a folder a test made, with everything in it. */
static inline void
td_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        td_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Runs tdesk with @argv (NULL-terminated, without the program) with XDG_DATA_HOME at
 * @data_home (so the user's real database is never touched), TRAINING_DESK_DB set to
 * @env_db or unset when NULL, and the NAME, VALUE pairs of @env (NULL-terminated, may
 * be NULL). Returns the exit status; stdout and stderr when asked for. */
static inline int
td_test_run_tdesk (const char *data_home, const char *env_db, const char *const *env,
                   const char *const *argv, char **out, char **err)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *tdesk = g_getenv ("TDESK");

  g_assert_nonnull (tdesk);
  g_ptr_array_add (args, (gpointer) tdesk);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  if (env_db != NULL)
    g_subprocess_launcher_setenv (launcher, "TRAINING_DESK_DB", env_db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "TRAINING_DESK_DB");
  for (guint i = 0; env != NULL && env[i] != NULL && env[i + 1] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

/* What a CLI test works in: its own temporary folder (also tdesk's XDG_DATA_HOME), the
 * database path in it, and the environment tdesk runs with. */
typedef struct {
  char *dir;
  char *db;       /* <dir>/centre.db, not made yet */
  char *env_db;   /* value for TRAINING_DESK_DB, or NULL to unset it */
  char **env;     /* further NAME, VALUE pairs for tdesk, or NULL */
} TdTestFixture;

static inline void
td_test_fixture_set_up (TdTestFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "centre.db", NULL);
}

static inline void
td_test_fixture_tear_down (TdTestFixture *f, gconstpointer data)
{
  td_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db, g_free);
  g_clear_pointer (&f->env_db, g_free);
  g_clear_pointer (&f->env, g_strfreev);
}

/* Has tdesk run with @name set to @value from now on in this test. */
static inline void
td_test_fixture_setenv (TdTestFixture *f, const char *name, const char *value)
{
  guint n = f->env != NULL ? g_strv_length (f->env) : 0;

  f->env = g_renew (char *, f->env, n + 3);
  f->env[n] = g_strdup (name);
  f->env[n + 1] = g_strdup (value);
  f->env[n + 2] = NULL;
}

/* @name inside the test's folder. */
static inline char *
td_test_fixture_path (TdTestFixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static inline void
td_test_write_file (const char *path, const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Runs tdesk in @f's folder and environment; with @f NULL, in the system's temporary
 * folder with TRAINING_DESK_DB unset (for set-up done once, outside any test). */
static inline int
td_test_fixture_run_v (TdTestFixture *f, const char *const *argv, char **out, char **err)
{
  if (f == NULL)
    return td_test_run_tdesk (g_get_tmp_dir (), NULL, NULL, argv, out, err);
  return td_test_run_tdesk (f->dir, f->env_db, (const char *const *) f->env, argv, out, err);
}

/* run_tdesk (f, &out, &err, "course", "list") — the arguments without the NULL. */
#define run_tdesk(f, out, err, ...) \
  td_test_fixture_run_v ((f), (const char *const[]) { __VA_ARGS__, NULL }, (out), (err))
