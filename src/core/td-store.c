/* td-store.c — opening, migrating and transactions of the SQLite store
 *
 * Migrations are the files data/sql/NNNN-*.sql compiled into the core's resources;
 * each runs in its own transaction together with the PRAGMA user_version bump, so a
 * failed migration leaves the database at the previous version.
 */
#define G_LOG_DOMAIN "td-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-store-private.h"

#define MIGRATIONS_PATH "/io/github/trainingdesk/TrainingDesk/core/sql"
#define BUSY_TIMEOUT_MS 5000

struct _TdStore {
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *actor;
  GHashTable *statements;   /* SQL text → sqlite3_stmt* */
  int tx_depth;
};

G_DEFINE_FINAL_TYPE (TdStore, td_store, G_TYPE_OBJECT)

/* --- helpers -------------------------------------------------------------- */

char *
td_store_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
td_store_set_sqlite_error (TdStore *self, GError **error, const char *context)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;

  g_set_error (error, TD_ERROR,
               primary == SQLITE_CONSTRAINT ? TD_ERROR_CONFLICT : TD_ERROR_STORE,
               "%s: %s", context, sqlite3_errmsg (self->db));
}

sqlite3 *
td_store_get_db (TdStore *self)
{
  return self->db;
}

sqlite3_stmt *
td_store_prepare (TdStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      td_store_set_sqlite_error (self, error, _("Could not prepare a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
td_store_exec (TdStore *self, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_STORE, "%s", message ? message : "SQLite error");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_store_step_done (TdStore *self, sqlite3_stmt *stmt, const char *context, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  td_store_set_sqlite_error (self, error, context);
  sqlite3_reset (stmt);
  return FALSE;
}

GPtrArray *
td_store_collect (TdStore *self, sqlite3_stmt *stmt, TdRowFunc from_row, GDestroyNotify free_func,
                  const char *context, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, from_row (stmt));
  /* The error message belongs to the step: read it before the reset. */
  if (rc != SQLITE_DONE)
    td_store_set_sqlite_error (self, error, context);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

gpointer
td_store_first_object (GPtrArray *list, GError **error, const char *format, ...)
{
  va_list args;

  if (list == NULL)
    return NULL;
  if (list->len > 0)
    return g_object_ref (g_ptr_array_index (list, 0));
  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (TD_ERROR, TD_ERROR_NOT_FOUND, format, args));
  va_end (args);
  return NULL;
}

char *
td_col_dup (sqlite3_stmt *stmt, int col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

void
td_bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

void
td_bind_text0 (sqlite3_stmt *stmt, int col, const char *text)
{
  sqlite3_bind_text (stmt, col, text ? text : "", -1, SQLITE_TRANSIENT);
}

char *
td_like_pattern (const char *text)
{
  g_autoptr (GString) pattern = NULL;
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return NULL;
  pattern = g_string_new ("%");
  for (const char *p = trimmed; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

gint64
td_store_query_int (TdStore *self, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self, sql, error);
  gint64 value;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the database"));
      sqlite3_reset (stmt);
      return -1;
    }
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* --- SQL functions the triggers call ---------------------------------------- */

static void
sql_actor (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  TdStore *self = sqlite3_user_data (ctx);
  sqlite3_result_text (ctx, self->actor, -1, SQLITE_TRANSIENT);
}

static void
sql_now (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (ctx, td_store_now (), -1, g_free);
}

/* --- migrations ------------------------------------------------------------- */

static int
migration_number (const char *name)
{
  return g_ascii_isdigit (name[0]) ? (int) g_ascii_strtoll (name, NULL, 10) : -1;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GPtrArray *
list_migrations (void)
{
  g_auto (GStrv) names = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  td_core_ensure_resources ();
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);

  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql") && migration_number (names[i]) > 0)
      g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_sort (list, compare_names);
  return list;
}

int
td_store_get_latest_schema_version (void)
{
  g_autoptr (GPtrArray) list = list_migrations ();
  return list->len ? migration_number (g_ptr_array_index (list, list->len - 1)) : 0;
}

int
td_store_get_schema_version (TdStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
apply_migration (TdStore *self, const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (MIGRATIONS_PATH "/", name, NULL);
  g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autofree char *sql = NULL;
  g_autofree char *bump = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  bump = g_strdup_printf ("PRAGMA user_version = %d", migration_number (name));

  if (!td_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!td_store_exec (self, sql, error) || !td_store_exec (self, bump, error))
    {
      td_store_exec (self, "ROLLBACK", NULL);
      g_prefix_error (error, _("Migration %s failed: "), name);
      return FALSE;
    }
  return td_store_exec (self, "COMMIT", error);
}

static gboolean
migrate (TdStore *self, GError **error)
{
  g_autoptr (GPtrArray) list = list_migrations ();
  int current = td_store_get_schema_version (self);
  int latest = td_store_get_latest_schema_version ();

  if (current > latest)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_STORE,
                   _("The database %s was written by a newer Training Desk (schema %d; this "
                     "version knows %d). Update Training Desk to open it."),
                   self->path, current, latest);
      return FALSE;
    }
  for (guint i = 0; i < list->len; i++)
    {
      const char *name = g_ptr_array_index (list, i);
      if (migration_number (name) > current && !apply_migration (self, name, error))
        return FALSE;
    }
  return TRUE;
}

/* --- object ----------------------------------------------------------------- */

static void
td_store_finalize (GObject *object)
{
  TdStore *self = TD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->actor);

  G_OBJECT_CLASS (td_store_parent_class)->finalize (object);
}

static void
td_store_class_init (TdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
td_store_init (TdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->actor = g_strdup (g_get_user_name ());
}

static gboolean
configure_connection (TdStore *self, GError **error)
{
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->db, "td_actor", 0, SQLITE_UTF8, self, sql_actor, NULL, NULL);
  sqlite3_create_function (self->db, "td_now", 0, SQLITE_UTF8, NULL, sql_now, NULL, NULL);
  /* synchronous=FULL: a record the counsellor saw saved survives a power cut. */
  return td_store_exec (self,
                        "PRAGMA journal_mode = WAL;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON;",
                        error);
}

TdStore *
td_store_open (const char *path, GError **error)
{
  g_autoptr (TdStore) self = g_object_new (TD_TYPE_STORE, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_val_if_fail (path != NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_STORE, _("Could not create the folder %s: %s"), dir,
                   g_strerror (errno));
      return NULL;
    }
  self->path = g_strdup (path);
  /* A store is used by one thread at a time (its statement cache is not locked either;
   * workers open their own): no mutex around every sqlite3_column_* and sqlite3_step
   * call, which costs reading a course's thousands of rows a tenth of their time. */
  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_STORE, _("Could not open the database %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  if (!configure_connection (self, error) || !migrate (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

char *
td_store_resolve_path (const char *explicit_path)
{
  const char *env = g_getenv ("TRAINING_DESK_DB");

  if (explicit_path != NULL && *explicit_path != '\0')
    return g_strdup (explicit_path);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "training-desk", "training-desk.db", NULL);
}

const char *
td_store_get_path (TdStore *self)
{
  return self->path;
}

void
td_store_set_actor (TdStore *self, const char *actor)
{
  g_return_if_fail (TD_IS_STORE (self));
  g_free (self->actor);
  self->actor = g_strdup (actor && *actor ? actor : g_get_user_name ());
}

const char *
td_store_get_actor (TdStore *self)
{
  return self->actor;
}

/* --- transactions ------------------------------------------------------------- */

gboolean
td_store_begin (TdStore *self, GError **error)
{
  g_autofree char *sql = NULL;

  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT td_%d", self->tx_depth);
  if (!td_store_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

gboolean
td_store_commit (TdStore *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);
  self->tx_depth--;
  if (self->tx_depth == 0)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE td_%d", self->tx_depth);
  if (!td_store_exec (self, sql, error))
    {
      /* A failed COMMIT leaves the transaction open: close it so nothing half-done stays. */
      if (self->tx_depth == 0)
        td_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

void
td_store_rollback (TdStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->tx_depth > 0);
  self->tx_depth--;
  if (self->tx_depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO td_%d; RELEASE td_%d", self->tx_depth, self->tx_depth);
  if (!td_store_exec (self, sql, NULL))
    g_warning ("Rolling back failed: %s", sqlite3_errmsg (self->db));
}

/* --- settings, unit, audit ------------------------------------------------------ */

char *
td_store_get_setting (TdStore *self, const char *key, const char *default_value)
{
  sqlite3_stmt *stmt = td_store_prepare (self, "SELECT value FROM setting WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return g_strdup (default_value);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = td_col_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value ? value : g_strdup (default_value);
}

gboolean
td_store_set_setting (TdStore *self, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt;

  TD_STORE_WRITE_BEGIN (self, error);
  if (value == NULL)
    stmt = td_store_prepare (self, "DELETE FROM setting WHERE key = ?1", error);
  else
    stmt = td_store_prepare (self,
                             "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!td_store_step_done (self, stmt, _("Could not save the setting"), error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

TdUnit *
td_store_get_unit (TdStore *self, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT title, address, responsible_person, "
                                         "approval_ref, region, phone FROM unit WHERE id = 1",
                                         error);
  TdUnit *unit;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the training unit"));
      sqlite3_reset (stmt);
      return NULL;
    }
  unit = td_unit_new ();
  unit->title = td_col_dup (stmt, 0);
  unit->address = td_col_dup (stmt, 1);
  unit->responsible_person = td_col_dup (stmt, 2);
  unit->approval_ref = td_col_dup (stmt, 3);
  unit->region = td_col_dup (stmt, 4);
  unit->phone = td_col_dup (stmt, 5);
  sqlite3_reset (stmt);
  return unit;
}

gboolean
td_store_save_unit (TdStore *self, const TdUnit *unit, GError **error)
{
  sqlite3_stmt *stmt;

  TD_STORE_WRITE_BEGIN (self, error);
  stmt = td_store_prepare (self,
                           "UPDATE unit SET title = ?1, address = ?2, responsible_person = ?3, "
                           "approval_ref = ?4, region = ?5, phone = ?6 WHERE id = 1",
                           error);
  if (stmt == NULL)
    goto fail;
  td_bind_text0 (stmt, 1, unit->title);
  td_bind_text0 (stmt, 2, unit->address);
  td_bind_text0 (stmt, 3, unit->responsible_person);
  td_bind_text0 (stmt, 4, unit->approval_ref);
  td_bind_text0 (stmt, 5, unit->region);
  td_bind_text0 (stmt, 6, unit->phone);
  if (!td_store_step_done (self, stmt, _("Could not save the training unit"), error) ||
      !td_store_audit (self, "update", "unit", 1, unit->title, error))
    goto fail;
  return td_store_commit (self, error);

fail:
  td_store_rollback (self);
  return FALSE;
}

gboolean
td_store_audit (TdStore *self, const char *action, const char *entity, gint64 entity_id,
                const char *detail, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "INSERT INTO audit_log (at, actor, action, entity, "
                                         "entity_id, detail) VALUES (td_now (), td_actor (), "
                                         "?1, ?2, ?3, ?4)",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_TRANSIENT);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 3, entity_id);
  td_bind_text (stmt, 4, detail);
  return td_store_step_done (self, stmt, _("Could not write the audit log"), error);
}
