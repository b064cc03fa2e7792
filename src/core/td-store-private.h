/* td-store-private.h — helpers shared by the td-store*.c files; not public API. */
#pragma once

#include <sqlite3.h>

#include "td-store.h"

G_BEGIN_DECLS

/* A cached prepared statement, reset and with bindings cleared; owned by the store. */
sqlite3_stmt *td_store_prepare (TdStore *self, const char *sql, GError **error);
gboolean      td_store_exec (TdStore *self, const char *sql, GError **error);
sqlite3      *td_store_get_db (TdStore *self);

/* Sets @error from the connection's last error, prefixed with what was being done. */
void          td_store_set_sqlite_error (TdStore *self, GError **error, const char *context);

/* Steps a write statement to SQLITE_DONE; maps constraint failures to TD_ERROR_CONFLICT. */
gboolean      td_store_step_done (TdStore *self, sqlite3_stmt *stmt, const char *context,
                                  GError **error);

/* Makes one item of a result row. */
typedef gpointer (*TdRowFunc) (sqlite3_stmt *stmt);

/* Steps @stmt through its rows, adding what @from_row makes of each to a new array
 * (freed with @free_func); NULL with @error ("@context: …") when stepping fails. */
GPtrArray    *td_store_collect (TdStore *self, sqlite3_stmt *stmt, TdRowFunc from_row,
                                GDestroyNotify free_func, const char *context, GError **error);

/* The first object of @list (a new reference), the result of a one-row lookup.
 * NULL when @list is NULL (its error is already set) or empty (then @error is
 * TD_ERROR_NOT_FOUND with the message @format). */
gpointer      td_store_first_object (GPtrArray *list, GError **error, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

/* Records one attendance event, validated as td_store_record_attendance does and firing
 * the same triggers, inside the transaction the caller holds (td_store_begin) and with
 * @now as its recorded_at: for writers of many events at once (imports), which roll the
 * whole transaction back on any failure and so need no savepoint per event. */
gboolean      td_store_insert_attendance (TdStore *self, const TdAttendance *a, const char *now,
                                          GError **error);

/* UTC instant "YYYY-MM-DDTHH:MM:SSZ" */
char         *td_store_now (void);

/* Column helpers: NULL stays NULL. */
char         *td_col_dup (sqlite3_stmt *stmt, int col);
/* Binds NULL for NULL; otherwise the text. */
void          td_bind_text (sqlite3_stmt *stmt, int col, const char *text);
/* Binds "" for NULL (for NOT NULL DEFAULT '' columns). */
void          td_bind_text0 (sqlite3_stmt *stmt, int col, const char *text);

/* "%text%" with LIKE wildcards escaped (use ESCAPE '\'); NULL when @text is empty. */
char         *td_like_pattern (const char *text);

/* Runs @sql (one ?1 bound to @id) and returns the first column as an integer. */
gint64        td_store_query_int (TdStore *self, const char *sql, gint64 id, GError **error);

/* Trainee helpers shared by the directory and the rosters. */
#define TD_TRAINEE_COLUMNS                                                                   \
  "t.id, t.national_id, t.name, t.birth_date, t.household_address, t.contact_address, "    \
  "t.phone, t.email, t.education, t.employer, t.qualification_ref, t.remark, "             \
  "EXISTS (SELECT 1 FROM trainee_photo p WHERE p.trainee_id = t.id)"
/* Reads the TD_TRAINEE_COLUMNS starting at column @first. */
TdTrainee    *td_store_trainee_from_row (sqlite3_stmt *stmt, int first);
/* Validates and normalises (ID, name, birth date) before any write. */
gboolean      td_store_validate_trainee (TdTrainee *trainee, GError **error);
/* Writes a validated trainee (insert when id is 0, else update). */
gboolean      td_store_write_trainee (TdStore *self, TdTrainee *trainee, GError **error);

/* Where the write helpers of the other files keep their transaction discipline. */
#define TD_STORE_WRITE_BEGIN(self, error)                                                   \
  if (!td_store_begin ((self), (error)))                                                   \
    return FALSE

G_END_DECLS
