/* td-store-qualifications.c — a person's roles, qualifications, certificate cycles
 * and hours (migration 0004), and the hours of the courses they completed here.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-store"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-catalogue.h"
#include "td-csv.h"
#include "td-store-private.h"
#include "td-store-qualifications.h"
#include "td-trainee.h"

#define NOT_VOIDED(entity, alias)                                                            \
  " NOT EXISTS (SELECT 1 FROM person_record_void v WHERE v.entity = '" entity "' AND "       \
  "v.record_id = " alias ".id) "

static const char *const category_names[] = {
  "ce-professional", "ce-regulations", "ce-ethics", "ce-quality", "inservice", "vr-training",
  "ce-unspecified",
};

/* --- value objects ------------------------------------------------------------ */

const char *
td_hours_category_to_string (TdHoursCategory category)
{
  g_return_val_if_fail ((guint) category < G_N_ELEMENTS (category_names), NULL);
  return category_names[category];
}

gboolean
td_hours_category_from_string (const char *text, TdHoursCategory *out)
{
  for (guint i = 0; i <= TD_HOURS_VR_TRAINING; i++)
    if (g_strcmp0 (text, category_names[i]) == 0)
      {
        *out = (TdHoursCategory) i;
        return TRUE;
      }
  return FALSE;
}

const char *
td_hours_category_label (TdHoursCategory category)
{
  switch (category)
    {
    case TD_HOURS_CE_PROFESSIONAL: return _("Professional courses");
    case TD_HOURS_CE_REGULATIONS: return _("Professional regulations");
    case TD_HOURS_CE_ETHICS: return _("Professional ethics");
    case TD_HOURS_CE_QUALITY: return _("Professional quality");
    case TD_HOURS_INSERVICE: return _("In-service safety and health training");
    case TD_HOURS_VR_TRAINING: return _("Vocational rehabilitation professional training");
    case TD_HOURS_CE_UNSPECIFIED: return _("Continuing education, field not recorded");
    default: g_return_val_if_reached (NULL);
    }
}

TdQualification *
td_qualification_new (void)
{
  return g_new0 (TdQualification, 1);
}

void
td_qualification_free (TdQualification *q)
{
  if (q == NULL)
    return;
  g_free (q->qualification);
  g_free (q->since);
  g_free (q->note);
  g_free (q);
}

TdCycleLeave *
td_cycle_leave_new (void)
{
  return g_new0 (TdCycleLeave, 1);
}

void
td_cycle_leave_free (TdCycleLeave *l)
{
  if (l == NULL)
    return;
  g_free (l->start);
  g_free (l->end);
  g_free (l->approval);
  g_free (l);
}

TdCertificateCycle *
td_certificate_cycle_new (void)
{
  TdCertificateCycle *c = g_new0 (TdCertificateCycle, 1);
  c->leaves = g_ptr_array_new_with_free_func ((GDestroyNotify) td_cycle_leave_free);
  return c;
}

void
td_certificate_cycle_free (TdCertificateCycle *c)
{
  if (c == NULL)
    return;
  g_free (c->start);
  g_free (c->end);
  g_ptr_array_unref (c->leaves);
  g_free (c);
}

TdHoursRecord *
td_hours_record_new (void)
{
  return g_new0 (TdHoursRecord, 1);
}

void
td_hours_record_free (TdHoursRecord *h)
{
  if (h == NULL)
    return;
  g_free (h->date);
  g_free (h->title);
  g_free (h->provider);
  g_free (h->source);
  g_free (h);
}

TdPersonHistory *
td_person_history_new (gint64 trainee_id)
{
  TdPersonHistory *p = g_new0 (TdPersonHistory, 1);

  p->trainee_id = trainee_id;
  p->qualifications = g_ptr_array_new_with_free_func ((GDestroyNotify) td_qualification_free);
  p->cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) td_certificate_cycle_free);
  p->hours = g_ptr_array_new_with_free_func ((GDestroyNotify) td_hours_record_free);
  return p;
}

void
td_person_history_free (TdPersonHistory *p)
{
  if (p == NULL)
    return;
  g_free (p->trainee_name);
  g_ptr_array_unref (p->qualifications);
  g_ptr_array_unref (p->cycles);
  g_ptr_array_unref (p->hours);
  g_free (p);
}

gboolean
td_hours_parse_minutes (const char *text, int *minutes)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  const char *dot = strchr (s, '.');
  guint64 whole, frac = 0;
  guint digits = 0;

  if (dot == NULL)
    {
      if (!g_ascii_string_to_unsigned (s, 10, 0, 10000, &whole, NULL))
        return FALSE;
    }
  else
    {
      g_autofree char *head = g_strndup (s, dot - s);
      digits = strlen (dot + 1);
      if (digits == 0 || digits > 2
          || !g_ascii_string_to_unsigned (head, 10, 0, 10000, &whole, NULL)
          || !g_ascii_string_to_unsigned (dot + 1, 10, 0, 99, &frac, NULL))
        return FALSE;
    }
  /* Hours × 60 must be whole minutes: 0.25 h is 15 minutes, 0.01 h is not a minute. */
  {
    guint64 scale = digits == 0 ? 1 : digits == 1 ? 10 : 100;
    guint64 scaled = (whole * scale + frac) * 60;

    if (scaled % scale != 0 || scaled == 0)
      return FALSE;
    *minutes = (int) (scaled / scale);
  }
  return TRUE;
}

/* --- validation ---------------------------------------------------------------- */

static gboolean
valid_date (const char *iso)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  if (iso == NULL || strlen (iso) != 10)
    return FALSE;
  text = g_strconcat (iso, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

static gboolean
invalid (GError **error, const char *field, const char *reason)
{
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID, "%s: %s", field, reason);
  return FALSE;
}

/* The vr-ce qualifications are the catalogue's vr-ce categories; the shipped catalogue
 * never changes while the program runs, so it is parsed once. */
static TdCatalogue *
shared_catalogue (void)
{
  static gsize done = 0;
  static TdCatalogue *catalogue;

  if (g_once_init_enter (&done))
    {
      g_autoptr (GError) error = NULL;
      catalogue = td_catalogue_load_default (&error);
      if (catalogue == NULL)
        g_critical ("The shipped catalogue does not load: %s", error->message);
      g_once_init_leave (&done, 1);
    }
  return catalogue;
}

static gboolean
validate_qualification (const TdQualification *q, GError **error)
{
  if (q->kind == TD_QUALIFICATION_INSERVICE_ROLE && (q->role < 1 || q->role > 14))
    return invalid (error, _("role"), _("an OSH art. 18 role is numbered 1 to 14"));
  if (q->kind == TD_QUALIFICATION_VR_CE)
    {
      const TdCategory *c = td_catalogue_lookup (shared_catalogue (), q->qualification);
      if (c == NULL || c->regime != TD_REGIME_VR_CE)
        return invalid (error, _("qualification"),
                        _("not a vocational rehabilitation qualification of the catalogue"));
    }
  if (!valid_date (q->since))
    return invalid (error, _("since"), _("expected a date YYYY-MM-DD"));
  return TRUE;
}

static gboolean
validate_hours (const TdHoursRecord *h, GError **error)
{
  if (!valid_date (h->date))
    return invalid (error, _("date"), _("expected a date YYYY-MM-DD"));
  if (h->title == NULL || *h->title == '\0')
    return invalid (error, _("title"), _("missing"));
  if (h->minutes <= 0)
    return invalid (error, _("hours"), _("must be more than 0"));
  if (h->category == TD_HOURS_CE_UNSPECIFIED)
    return invalid (error, _("category"), _("not a category that can be recorded"));
  if (h->category == TD_HOURS_INSERVICE && (h->role < 1 || h->role > 14))
    return invalid (error, _("role"),
                    _("in-service hours name the OSH art. 18 role (1 to 14) they count for"));
  if (h->category != TD_HOURS_INSERVICE && h->role != 0)
    return invalid (error, _("role"), _("only in-service hours name a role"));
  return TRUE;
}

/* TD_ERROR_NOT_FOUND unless @sql (one ?1 = @id, ?2 = @trainee_id) counts a row. */
static gboolean
require_row (TdStore *self, const char *sql, gint64 id, gint64 trainee_id, const char *message,
             GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, trainee_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the person’s records"));
      return FALSE;
    }
  g_set_error_literal (error, TD_ERROR, TD_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
require_trainee (TdStore *self, gint64 trainee_id, GError **error)
{
  return require_row (self, "SELECT count(*) FROM trainee WHERE id = ?1 AND ?2 = ?2", trainee_id,
                      trainee_id, _("No such trainee."), error);
}

/* --- writes --------------------------------------------------------------------- */

static gboolean
insert_qualification (TdStore *self, TdQualification *q, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt = td_store_prepare (
    self,
    "INSERT INTO person_qualification (trainee_id, kind, role, qualification, since, note, "
    "recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->trainee_id);
  sqlite3_bind_text (stmt, 2, q->kind == TD_QUALIFICATION_VR_CE ? "vr-ce" : "inservice-role", -1,
                     SQLITE_STATIC);
  if (q->kind == TD_QUALIFICATION_INSERVICE_ROLE)
    sqlite3_bind_int (stmt, 3, q->role);
  td_bind_text (stmt, 4, q->kind == TD_QUALIFICATION_VR_CE ? q->qualification : NULL);
  td_bind_text (stmt, 5, q->since);
  td_bind_text0 (stmt, 6, q->note);
  td_bind_text (stmt, 7, now);
  td_bind_text (stmt, 8, td_store_get_actor (self));
  if (!td_store_step_done (self, stmt, _("Could not record the qualification"), error))
    return FALSE;
  q->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return TRUE;
}

gboolean
td_store_add_qualification (TdStore *self, TdQualification *q, GError **error)
{
  if (!validate_qualification (q, error))
    return FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  if (!require_trainee (self, q->trainee_id, error) || !insert_qualification (self, q, error))
    {
      td_store_rollback (self);
      q->id = 0;
      return FALSE;
    }
  return td_store_commit (self, error);
}

static gboolean
insert_cycle (TdStore *self, TdCertificateCycle *c, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  if (!require_row (self,
                    "SELECT count(*) FROM person_qualification q WHERE q.id = ?1 AND "
                    "q.trainee_id = ?2 AND q.kind = 'vr-ce' AND" NOT_VOIDED ("qualification", "q"),
                    c->qualification_id, c->trainee_id,
                    _("The person holds no such vocational rehabilitation qualification."), error))
    return FALSE;
  stmt = td_store_prepare (self,
                           "INSERT INTO person_cycle (trainee_id, qualification_id, start_date, "
                           "end_date, recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->trainee_id);
  sqlite3_bind_int64 (stmt, 2, c->qualification_id);
  td_bind_text (stmt, 3, c->start);
  td_bind_text (stmt, 4, c->end);
  td_bind_text (stmt, 5, now);
  td_bind_text (stmt, 6, td_store_get_actor (self));
  if (!td_store_step_done (self, stmt, _("Could not record the certificate cycle"), error))
    return FALSE;
  c->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return TRUE;
}

gboolean
td_store_add_certificate_cycle (TdStore *self, TdCertificateCycle *c, GError **error)
{
  if (!valid_date (c->start))
    return invalid (error, _("start"), _("expected a date YYYY-MM-DD"));
  if (!valid_date (c->end))
    return invalid (error, _("end"), _("expected a date YYYY-MM-DD"));
  if (strcmp (c->end, c->start) <= 0)
    return invalid (error, _("end"), _("must be after the start"));
  TD_STORE_WRITE_BEGIN (self, error);
  if (!insert_cycle (self, c, error))
    {
      td_store_rollback (self);
      c->id = 0;
      return FALSE;
    }
  return td_store_commit (self, error);
}

static gboolean
insert_leave (TdStore *self, TdCycleLeave *l, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  /* The person is the cycle's: the leave row copies it for the audit log. */
  stmt = td_store_prepare (self,
                           "INSERT INTO person_cycle_leave (cycle_id, trainee_id, start_date, "
                           "end_date, approval, recorded_at, recorded_by) SELECT c.id, "
                           "c.trainee_id, ?2, ?3, ?4, ?5, ?6 FROM person_cycle c WHERE c.id = ?1 "
                           "AND" NOT_VOIDED ("cycle", "c"),
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->cycle_id);
  td_bind_text (stmt, 2, l->start);
  td_bind_text (stmt, 3, l->end);
  td_bind_text0 (stmt, 4, l->approval);
  td_bind_text (stmt, 5, now);
  td_bind_text (stmt, 6, td_store_get_actor (self));
  if (!td_store_step_done (self, stmt, _("Could not record the leave"), error))
    return FALSE;
  if (sqlite3_changes (td_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_NOT_FOUND, _("No such certificate cycle."));
      return FALSE;
    }
  l->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return TRUE;
}

gboolean
td_store_add_cycle_leave (TdStore *self, TdCycleLeave *l, GError **error)
{
  if (!valid_date (l->start))
    return invalid (error, _("start"), _("expected a date YYYY-MM-DD"));
  if (!valid_date (l->end))
    return invalid (error, _("end"), _("expected a date YYYY-MM-DD"));
  if (strcmp (l->end, l->start) < 0)
    return invalid (error, _("end"), _("must not be before the start"));
  TD_STORE_WRITE_BEGIN (self, error);
  if (!insert_leave (self, l, error))
    {
      td_store_rollback (self);
      l->id = 0;
      return FALSE;
    }
  return td_store_commit (self, error);
}

static gboolean
insert_hours (TdStore *self, TdHoursRecord *h, GError **error)
{
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  if (!require_trainee (self, h->trainee_id, error))
    return FALSE;
  stmt = td_store_prepare (self,
                           "INSERT INTO person_hours (trainee_id, date, title, provider, minutes, "
                           "category, role, source, recorded_at, recorded_by) VALUES (?1, ?2, ?3, "
                           "?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->trainee_id);
  td_bind_text (stmt, 2, h->date);
  td_bind_text (stmt, 3, h->title);
  td_bind_text0 (stmt, 4, h->provider);
  sqlite3_bind_int (stmt, 5, h->minutes);
  td_bind_text (stmt, 6, td_hours_category_to_string (h->category));
  if (h->role > 0)
    sqlite3_bind_int (stmt, 7, h->role);
  td_bind_text (stmt, 8, g_strcmp0 (h->source, "import") == 0 ? "import" : "manual");
  td_bind_text (stmt, 9, now);
  td_bind_text (stmt, 10, td_store_get_actor (self));
  if (!td_store_step_done (self, stmt, _("Could not record the hours"), error))
    return FALSE;
  h->id = sqlite3_last_insert_rowid (td_store_get_db (self));
  return TRUE;
}

gboolean
td_store_add_hours (TdStore *self, TdHoursRecord *h, GError **error)
{
  if (h->title != NULL)
    g_strstrip (h->title);
  if (!validate_hours (h, error))
    return FALSE;
  TD_STORE_WRITE_BEGIN (self, error);
  if (!insert_hours (self, h, error))
    {
      td_store_rollback (self);
      h->id = 0;
      return FALSE;
    }
  return td_store_commit (self, error);
}

gboolean
td_store_import_hours (TdStore *self, GPtrArray *records, const char *const *where,
                       GError **error)
{
  g_autoptr (GError) local_error = NULL;
  guint i;

  for (i = 0; i < records->len && local_error == NULL; i++)
    validate_hours (g_ptr_array_index (records, i), &local_error);
  if (local_error == NULL)
    {
      TD_STORE_WRITE_BEGIN (self, error);
      for (i = 0; i < records->len && local_error == NULL; i++)
        insert_hours (self, g_ptr_array_index (records, i), &local_error);
      if (local_error != NULL)
        td_store_rollback (self);
    }
  if (local_error != NULL)
    {
      for (guint j = 0; j < records->len; j++)
        ((TdHoursRecord *) g_ptr_array_index (records, j))->id = 0;
      if (where != NULL)
        g_prefix_error (&local_error, "%s: ", where[i - 1]);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return td_store_commit (self, error);
}

static const char *
entity_table (const char *entity)
{
  static const char *const map[][2] = {
    { "qualification", "person_qualification" },
    { "cycle", "person_cycle" },
    { "leave", "person_cycle_leave" },
    { "hours", "person_hours" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (entity, map[i][0]) == 0)
      return map[i][1];
  return NULL;
}

static gboolean
insert_void (TdStore *self, gint64 trainee_id, const char *entity, gint64 record_id,
             const char *reason, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?1 AND "
                                          "trainee_id = ?2", entity_table (entity));
  g_autofree char *now = td_store_now ();
  sqlite3_stmt *stmt;

  if (!require_row (self, sql, record_id, trainee_id, _("The person has no such record."), error))
    return FALSE;
  stmt = td_store_prepare (self,
                           "INSERT INTO person_record_void (trainee_id, entity, record_id, reason, "
                           "voided_at, voided_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  td_bind_text (stmt, 2, entity);
  sqlite3_bind_int64 (stmt, 3, record_id);
  td_bind_text0 (stmt, 4, reason);
  td_bind_text (stmt, 5, now);
  td_bind_text (stmt, 6, td_store_get_actor (self));
  return td_store_step_done (self, stmt, _("Could not remove the record"), error);
}

gboolean
td_store_void_person_record (TdStore *self, gint64 trainee_id, const char *entity,
                             gint64 record_id, const char *reason, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (entity_table (entity) == NULL)
    return invalid (error, _("record"), _("unknown kind of record"));
  TD_STORE_WRITE_BEGIN (self, error);
  if (!insert_void (self, trainee_id, entity, record_id, reason, &local_error))
    {
      td_store_rollback (self);
      /* The UNIQUE constraint of the void table: voided once already. */
      if (g_error_matches (local_error, TD_ERROR, TD_ERROR_CONFLICT))
        return g_set_error_literal (error, TD_ERROR, TD_ERROR_CONFLICT,
                                    _("This record was removed already.")), FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return td_store_commit (self, error);
}

/* --- reads ---------------------------------------------------------------------- */

static gpointer
qualification_from_row (sqlite3_stmt *stmt)
{
  TdQualification *q = td_qualification_new ();

  q->id = sqlite3_column_int64 (stmt, 0);
  q->trainee_id = sqlite3_column_int64 (stmt, 1);
  q->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "vr-ce") == 0
              ? TD_QUALIFICATION_VR_CE : TD_QUALIFICATION_INSERVICE_ROLE;
  q->role = sqlite3_column_int (stmt, 3);
  q->qualification = td_col_dup (stmt, 4);
  q->since = td_col_dup (stmt, 5);
  q->note = td_col_dup (stmt, 6);
  return q;
}

static gpointer
cycle_from_row (sqlite3_stmt *stmt)
{
  TdCertificateCycle *c = td_certificate_cycle_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->trainee_id = sqlite3_column_int64 (stmt, 1);
  c->qualification_id = sqlite3_column_int64 (stmt, 2);
  c->start = td_col_dup (stmt, 3);
  c->end = td_col_dup (stmt, 4);
  return c;
}

static gpointer
leave_from_row (sqlite3_stmt *stmt)
{
  TdCycleLeave *l = td_cycle_leave_new ();

  l->id = sqlite3_column_int64 (stmt, 0);
  l->cycle_id = sqlite3_column_int64 (stmt, 1);
  l->start = td_col_dup (stmt, 2);
  l->end = td_col_dup (stmt, 3);
  l->approval = td_col_dup (stmt, 4);
  return l;
}

static gpointer
hours_from_row (sqlite3_stmt *stmt)
{
  TdHoursRecord *h = td_hours_record_new ();
  const char *category = (const char *) sqlite3_column_text (stmt, 6);

  h->id = sqlite3_column_int64 (stmt, 0);
  h->trainee_id = sqlite3_column_int64 (stmt, 1);
  h->date = td_col_dup (stmt, 2);
  h->title = td_col_dup (stmt, 3);
  h->provider = td_col_dup (stmt, 4);
  h->minutes = sqlite3_column_int (stmt, 5);
  if (!td_hours_category_from_string (category, &h->category))
    h->category = TD_HOURS_CE_UNSPECIFIED;
  h->role = sqlite3_column_int (stmt, 7);
  h->source = td_col_dup (stmt, 8);
  return h;
}

static GPtrArray *
collect_for (TdStore *self, const char *sql, gint64 trainee_id, TdRowFunc from_row,
             GDestroyNotify free_func, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  return td_store_collect (self, stmt, from_row, free_func,
                           _("Could not read the person’s records"), error);
}

/* The in-service courses and vr-ce continuing-education courses the person completed
 * at this centre, as hours records dated on the course's last day. */
static gboolean
load_course_hours (TdStore *self, TdPersonHistory *p, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (
    self,
    "SELECT c.id, c.end_date, c.title, c.regime, c.category, "
    "(SELECT coalesce (sum (s.minutes), 0) FROM session s WHERE s.course_id = c.id) "
    "FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.trainee_id = ?1 AND "
    "e.status IN ('completed', 'passed') AND c.kind IN ('in-service', 'continuing') "
    "ORDER BY c.end_date, c.id",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->trainee_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const TdCategory *cat = td_catalogue_lookup (shared_catalogue (),
                                                   (const char *) sqlite3_column_text (stmt, 4));
      gboolean vr = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "vr-ce") == 0;
      TdHoursRecord *h;

      if (sqlite3_column_int (stmt, 5) <= 0 || (!vr && (cat == NULL || cat->inservice_role == 0)))
        continue;
      h = td_hours_record_new ();
      h->trainee_id = p->trainee_id;
      h->course_id = sqlite3_column_int64 (stmt, 0);
      h->date = td_col_dup (stmt, 1);
      h->title = td_col_dup (stmt, 2);
      h->provider = g_strdup (_("this centre"));
      h->minutes = sqlite3_column_int (stmt, 5);
      h->category = vr ? TD_HOURS_CE_UNSPECIFIED : TD_HOURS_INSERVICE;
      h->role = vr ? 0 : cat->inservice_role;
      h->source = g_strdup ("course");
      g_ptr_array_add (p->hours, h);
    }
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the person’s courses"));
      return FALSE;
    }
  return TRUE;
}

static gint
compare_hours (gconstpointer a, gconstpointer b)
{
  const TdHoursRecord *x = *(TdHoursRecord *const *) a, *y = *(TdHoursRecord *const *) b;
  int c = g_strcmp0 (x->date, y->date);

  return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

static gboolean
attach_leaves (TdStore *self, TdPersonHistory *p, GError **error)
{
  g_autoptr (GPtrArray) leaves = collect_for (
    self,
    "SELECT l.id, l.cycle_id, l.start_date, l.end_date, l.approval FROM person_cycle_leave l "
    "WHERE l.trainee_id = ?1 AND" NOT_VOIDED ("leave", "l") "ORDER BY l.start_date, l.id",
    p->trainee_id, leave_from_row, (GDestroyNotify) td_cycle_leave_free, error);

  if (leaves == NULL)
    return FALSE;
  for (guint i = 0; i < leaves->len; i++)
    {
      TdCycleLeave *l = g_ptr_array_index (leaves, i);
      for (guint j = 0; j < p->cycles->len; j++)
        {
          TdCertificateCycle *c = g_ptr_array_index (p->cycles, j);
          if (c->id == l->cycle_id)
            {
              g_ptr_array_add (c->leaves, l), leaves->pdata[i] = NULL;
              break;
            }
        }
    }
  return TRUE;
}

TdPersonHistory *
td_store_load_person_history (TdStore *self, gint64 trainee_id, GError **error)
{
  g_autoptr (TdTrainee) trainee = td_store_get_trainee (self, trainee_id, error);
  g_autoptr (TdPersonHistory) p = NULL;
  GPtrArray *list;

  if (trainee == NULL)
    return NULL;
  p = td_person_history_new (trainee_id);
  p->trainee_name = g_strdup (trainee->name);
  if ((list = collect_for (self,
                           "SELECT q.id, q.trainee_id, q.kind, q.role, q.qualification, q.since, "
                           "q.note FROM person_qualification q WHERE q.trainee_id = ?1 AND"
                           NOT_VOIDED ("qualification", "q") "ORDER BY q.id",
                           trainee_id, qualification_from_row,
                           (GDestroyNotify) td_qualification_free, error)) == NULL)
    return NULL;
  g_ptr_array_unref (p->qualifications), p->qualifications = list;
  if ((list = collect_for (self,
                           "SELECT c.id, c.trainee_id, c.qualification_id, c.start_date, "
                           "c.end_date FROM person_cycle c WHERE c.trainee_id = ?1 AND"
                           NOT_VOIDED ("cycle", "c") "AND NOT EXISTS (SELECT 1 FROM "
                           "person_record_void v WHERE v.entity = 'qualification' AND "
                           "v.record_id = c.qualification_id) ORDER BY c.start_date, c.id",
                           trainee_id, cycle_from_row, (GDestroyNotify) td_certificate_cycle_free,
                           error)) == NULL)
    return NULL;
  g_ptr_array_unref (p->cycles), p->cycles = list;
  if ((list
       = collect_for (self,
                      "SELECT h.id, h.trainee_id, h.date, h.title, h.provider, h.minutes, "
                      "h.category, h.role, h.source FROM person_hours h WHERE "
                      "h.trainee_id = ?1 AND" NOT_VOIDED ("hours", "h") "ORDER BY h.date, h.id",
                      trainee_id, hours_from_row, (GDestroyNotify) td_hours_record_free, error))
      == NULL)
    return NULL;
  g_ptr_array_unref (p->hours), p->hours = list;
  if (!attach_leaves (self, p, error) || !load_course_hours (self, p, error))
    return NULL;
  g_ptr_array_sort (p->hours, compare_hours);
  return g_steal_pointer (&p);
}

GArray *
td_store_list_qualified_trainees (TdStore *self, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = td_store_prepare (self,
                                         "SELECT DISTINCT q.trainee_id FROM person_qualification q "
                                         "WHERE" NOT_VOIDED ("qualification", "q")
                                         "ORDER BY q.trainee_id",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (self, error, _("Could not read the person’s records"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* --- CSV ------------------------------------------------------------------------ */

static const char *const csv_columns[] = {
  "national_id", "date", "title", "provider", "hours", "category", "role",
};

static gboolean
csv_fail (GError **error, const char *file, guint line, const char *column, const char *reason)
{
  /* An empty @column: @reason names the column itself ("date: …"). */
  if (*column == '\0')
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID, "%s:%u: %s", file, line, reason);
  else
    g_set_error (error, TD_ERROR, TD_ERROR_INVALID, "%s:%u: %s: %s", file, line, column, reason);
  return FALSE;
}

static gboolean
check_header (const TdCsvRecord *header, const char *file, GError **error)
{
  if (header->n_fields != G_N_ELEMENTS (csv_columns))
    return csv_fail (error, file, header->line, _("header"),
                     _("expected the columns national_id, date, title, provider, hours, "
                       "category, role"));
  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header->fields[i]));
      if (g_strcmp0 (name, csv_columns[i]) != 0)
        return csv_fail (error, file, header->line, name,
                         _("expected the columns national_id, date, title, provider, hours, "
                           "category, role"));
    }
  return TRUE;
}

/* One data row; the person is looked up by national ID. */
static TdHoursRecord *
parse_row (TdStore *self, const TdCsvRecord *row, const char *file, GError **error)
{
  g_autoptr (TdHoursRecord) h = td_hours_record_new ();
  g_autoptr (TdTrainee) t = NULL;
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) f = g_new0 (char *, G_N_ELEMENTS (csv_columns) + 1);
  g_autoptr (GError) field_error = NULL;
  guint64 role = 0;

  if (row->n_fields != G_N_ELEMENTS (csv_columns))
    return csv_fail (error, file, row->line, _("row"),
                     _("expected 7 columns")), NULL;
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    f[i] = g_strstrip (g_strdup (row->fields[i]));
  if ((t = td_store_find_trainee_by_national_id (self, f[0], &local_error)) == NULL)
    return csv_fail (error, file, row->line, "national_id",
                     g_error_matches (local_error, TD_ERROR, TD_ERROR_NOT_FOUND)
                       ? _("no trainee has this ID") : local_error->message), NULL;
  h->trainee_id = t->id;
  h->date = g_strdup (f[1]);
  h->title = g_strdup (f[2]);
  h->provider = g_strdup (f[3]);
  h->source = g_strdup ("import");
  if (!td_hours_parse_minutes (f[4], &h->minutes))
    return csv_fail (error, file, row->line, "hours",
                     _("expected hours more than 0 in whole minutes, e.g. 3 or 1.5")), NULL;
  if (!td_hours_category_from_string (f[5], &h->category))
    return csv_fail (error, file, row->line, "category",
                     _("expected ce-professional, ce-regulations, ce-ethics, ce-quality, "
                       "inservice or vr-training")), NULL;
  if (*f[6] != '\0' && !g_ascii_string_to_unsigned (f[6], 10, 1, 14, &role, NULL))
    return csv_fail (error, file, row->line, "role", _("expected a role number 1 to 14")), NULL;
  h->role = (int) role;
  if (!validate_hours (h, &field_error))
    return csv_fail (error, file, row->line, "", field_error->message), NULL;
  return g_steal_pointer (&h);
}

GPtrArray *
td_store_parse_hours_csv (TdStore *self, const char *data, gsize length,
                          const char *display_name, GStrv *lines, GError **error)
{
  g_autoptr (GPtrArray) rows = td_csv_parse (data, length, display_name, NULL, error);
  g_autoptr (GPtrArray) out = NULL;
  g_autoptr (GStrvBuilder) where = g_strv_builder_new ();

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    return g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("%s: the file is empty"),
                        display_name), NULL;
  if (!check_header (g_ptr_array_index (rows, 0), display_name, error))
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_hours_record_free);
  for (guint i = 1; i < rows->len; i++)
    {
      const TdCsvRecord *row = g_ptr_array_index (rows, i);
      TdHoursRecord *h;

      if (td_csv_record_is_blank (row))
        continue;
      if ((h = parse_row (self, row, display_name, error)) == NULL)
        return NULL;
      g_ptr_array_add (out, h);
      {
        g_autofree char *label = g_strdup_printf ("%s:%u", display_name, row->line);
        g_strv_builder_add (where, label);
      }
    }
  if (lines != NULL)
    *lines = g_strv_builder_end (where);
  return g_steal_pointer (&out);
}
