/* td-rules-cache.c — the centre check, reusing each course's findings while they hold
 *
 * Ten years of a busy centre is thousands of courses, and a check of all of them reads
 * millions of attendance events; nearly all of those courses have not changed since the
 * last check. The findings of one course depend on the course's rows (their revision,
 * data/sql/0005-course-revision.sql), on the centre's settings and the language of
 * the messages (the fingerprint), and on today only through the comparisons the rules
 * make with it (TdRuleRun.valid_until). So each course's findings are kept with the
 * revision they were computed for, and the span of todays they hold for, and a course
 * is checked again only when one of those no longer matches.
 *
 * The cache lives as long as the process and follows one database at a time: the
 * window's Checks page re-runs the check on a worker thread with a connection of its
 * own each time, and every one of those shares it.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-rules"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "td-rules-person.h"
#include "td-rules-private.h"
#include "td-store-private.h"

/* Checking more stale courses than this one by one costs more than one pass over
 * every table (about a dozen statements per course against eight for all). */
#define MAX_SINGLE_READS 48

/* A finding as the cache keeps it: its text in the entry's string chunk, where each
 * distinct text of a course is stored once (the article, the action and many messages
 * repeat), instead of eight allocations per finding. */
typedef struct {
  const char *rule, *course_ref, *session_ref, *trainee_ref, *article, *message, *action, *due;
  gint64 course_id, session_id, trainee_id;
  TdSeverity severity;
} Kept;

typedef struct {
  gint64 revision;
  gboolean this_pass_only;  /* the course has no revision to check it against later */
  GDate computed;           /* the today the findings were computed for */
  GDate valid_until;        /* invalid: no later today changes them */
  GArray *findings;         /* Kept, sorted */
  GStringChunk *strings;
} CacheEntry;

typedef struct {
  GMutex lock;
  char *path;
  char *fingerprint;
  GHashTable *entries;      /* course id → CacheEntry* */
  TdRulesCacheStats stats;
} Cache;

static Cache cache;

static void
cache_entry_free (CacheEntry *e)
{
  g_clear_pointer (&e->findings, g_array_unref);
  g_clear_pointer (&e->strings, g_string_chunk_free);
  g_free (e);
}

/* Texts that repeat across a course's findings (rule ids, articles, actions, dates,
 * and messages: many trainees were late at the same minute, or missed the same hours)
 * are stored once, which keeps the cache small and quick to copy from; session and
 * trainee ids are distinct and are not looked up. */
static const char *
keep_text (GStringChunk *strings, const char *text, gboolean shared)
{
  if (text == NULL)
    return NULL;
  return shared ? g_string_chunk_insert_const (strings, text)
                : g_string_chunk_insert (strings, text);
}

static void
keep_findings (CacheEntry *e, GPtrArray *findings)
{
  GStringChunk *c;

  e->findings = g_array_sized_new (FALSE, FALSE, sizeof (Kept), findings->len);
  e->strings = c = g_string_chunk_new (1024);
  for (guint i = 0; i < findings->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (findings, i);
      Kept k = {
        keep_text (c, f->rule, TRUE), keep_text (c, f->course_ref, TRUE),
        keep_text (c, f->session_ref, FALSE), keep_text (c, f->trainee_ref, FALSE),
        keep_text (c, f->article, TRUE), keep_text (c, f->message, TRUE),
        keep_text (c, f->action, TRUE), keep_text (c, f->due, TRUE),
        f->course_id, f->session_id, f->trainee_id, f->severity,
      };
      g_array_append_val (e->findings, k);
    }
}

static TdFinding *
finding_from_kept (const Kept *k)
{
  TdFinding *f = g_new (TdFinding, 1);

  f->rule = g_strdup (k->rule);
  f->severity = k->severity;
  f->course_id = k->course_id;
  f->course_ref = g_strdup (k->course_ref);
  f->session_id = k->session_id;
  f->session_ref = g_strdup (k->session_ref);
  f->trainee_id = k->trainee_id;
  f->trainee_ref = g_strdup (k->trainee_ref);
  f->article = g_strdup (k->article);
  f->message = g_strdup (k->message);
  f->action = g_strdup (k->action);
  f->due = g_strdup (k->due);
  return f;
}

/* --- what every course's findings depend on ------------------------------------------ */

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The centre's settings, sorted, and what decides the language and the dates of the
 * messages. */
static char *
make_fingerprint (TdStore *store, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (store, "SELECT key, value FROM setting", error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *languages = g_strjoinv (":", (char **) g_get_language_names ());
  g_autoptr (GString) out = g_string_new (PACKAGE_VERSION);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%s=%s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (store, error, _("Could not read the course records"));
      return NULL;
    }
  g_ptr_array_sort (rows, compare_strings);
  g_string_append_printf (out, "\n%s\n%s\n%s", languages, setlocale (LC_MESSAGES, NULL),
                          C_("findings date format", "iso"));
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "\n%s", (const char *) g_ptr_array_index (rows, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Drops everything cached when the database or the fingerprint is not the last one. */
static void
cache_adopt (TdStore *store, char *fingerprint)
{
  const char *path = td_store_get_path (store);

  if (cache.entries != NULL && g_strcmp0 (cache.path, path) == 0
      && g_strcmp0 (cache.fingerprint, fingerprint) == 0)
    {
      g_free (fingerprint);
      return;
    }
  g_clear_pointer (&cache.entries, g_hash_table_unref);
  cache.entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) cache_entry_free);
  g_free (cache.path);
  cache.path = g_strdup (path);
  g_free (cache.fingerprint);
  cache.fingerprint = fingerprint;
}

static gboolean
entry_holds (const CacheEntry *e, gint64 revision, const GDate *today)
{
  return e != NULL && !e->this_pass_only && e->revision == revision
         && g_date_compare (today, &e->computed) >= 0
         && (!g_date_valid (&e->valid_until) || g_date_compare (today, &e->valid_until) < 0);
}

/* --- one pass ----------------------------------------------------------------------------- */

typedef struct {
  TdStore *store;
  const char *today;
  GDate today_date;
  GCancellable *cancellable;
  GArray *courses;          /* gint64 course ids, ascending */
  GHashTable *stale;        /* course id → revision (gint64*) */
  GHashTable *fresh;        /* course id → GPtrArray of the findings checked in this pass */
  TdRulePack *packs[TD_REGIME_HOURS + 1];
} Pass;

static void
pass_clear (Pass *p)
{
  g_clear_pointer (&p->courses, g_array_unref);
  g_clear_pointer (&p->stale, g_hash_table_unref);
  g_clear_pointer (&p->fresh, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (p->packs); i++)
    g_clear_object (&p->packs[i]);
}

/* Which courses there are, and which of them need checking again. Courses gone from the
 * database leave the cache. */
static gboolean
find_stale (Pass *p, GError **error)
{
  sqlite3_stmt *stmt = td_store_prepare (p->store,
    "SELECT c.id, r.revision FROM course c LEFT JOIN course_revision r ON r.course_id = c.id"
    " ORDER BY c.id", error);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gint64 *key;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      /* A course with no revision row is never taken from the cache. */
      gboolean known = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      gint64 revision = sqlite3_column_int64 (stmt, 1);
      CacheEntry *e = g_hash_table_lookup (cache.entries, &id);

      g_array_append_val (p->courses, id);
      if (!known || !entry_holds (e, revision, &p->today_date))
        g_hash_table_insert (p->stale, g_memdup2 (&id, sizeof id),
                             known ? g_memdup2 (&revision, sizeof revision) : NULL);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return td_store_set_sqlite_error (p->store, error, _("Could not read the course records")),
           FALSE;
  for (guint i = 0; i < p->courses->len; i++)
    g_hash_table_add (seen, &g_array_index (p->courses, gint64, i));
  g_hash_table_iter_init (&iter, cache.entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_hash_table_iter_remove (&iter);
  return TRUE;
}

/* The shipped pack of the snapshot's regime with the centre's settings, made once a pass
 * (every course of the centre has the same settings). */
static TdRulePack *
pass_pack (Pass *p, const TdCourseSnapshot *snap, GError **error)
{
  TdRulePack **pack = &p->packs[snap->course->regime];
  g_autoptr (TdRulePack) base = NULL;

  if (*pack == NULL && (base = td_rules_shared_pack (snap->course->regime, error)) != NULL)
    *pack = td_rule_pack_with_settings (base, snap->settings, error);
  return *pack;
}

/* Checks one stale course's snapshot and keeps the findings. */
static gboolean
refresh (Pass *p, const TdCourseSnapshot *snap, GError **error)
{
  gint64 id = snap->course->id;
  gint64 *revision = g_hash_table_lookup (p->stale, &id);
  TdRulePack *pack;
  CacheEntry *e;
  GDate valid_until;
  GPtrArray *findings;

  if (g_cancellable_set_error_if_cancelled (p->cancellable, error)
      || (pack = pass_pack (p, snap, error)) == NULL
      || (findings = td_rules_check_applied (snap, pack, p->today, &valid_until, error)) == NULL)
    return FALSE;
  e = g_new0 (CacheEntry, 1);
  keep_findings (e, findings);
  e->computed = p->today_date;
  e->valid_until = valid_until;
  e->this_pass_only = revision == NULL;
  e->revision = revision != NULL ? *revision : 0;
  g_hash_table_replace (cache.entries, g_memdup2 (&id, sizeof id), e);
  /* The output takes these, and the cache keeps its own copy. */
  g_hash_table_replace (p->fresh, g_memdup2 (&id, sizeof id), findings);
  cache.stats.recomputed++;
  return TRUE;
}

/* Reads the snapshots of @course_id (0: every course) and refreshes the stale ones. */
static gboolean
refresh_from (Pass *p, gint64 course_id, GError **error)
{
  g_autoptr (TdSnapshotReader) reader = td_snapshot_reader_new (p->store, course_id, TRUE, error);
  g_autoptr (GError) local_error = NULL;
  TdCourseSnapshot *snap;

  if (reader == NULL)
    return FALSE;
  while ((snap = td_snapshot_reader_next (reader, &local_error)) != NULL)
    {
      gboolean ok = !g_hash_table_contains (p->stale, &snap->course->id)
                    || refresh (p, snap, &local_error);

      td_course_snapshot_free (snap);
      if (!ok)
        break;
    }
  if (local_error != NULL)
    return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
  return TRUE;
}

static gboolean
refresh_stale (Pass *p, GError **error)
{
  guint n = g_hash_table_size (p->stale);

  if (n > MAX_SINGLE_READS || (n > 1 && n == p->courses->len))
    return refresh_from (p, 0, error);
  /* In course id order, so an error names the same course the full check would. */
  for (guint i = 0; i < p->courses->len; i++)
    {
      gint64 course_id = g_array_index (p->courses, gint64, i);
      g_autoptr (GError) local_error = NULL;

      if (!g_hash_table_contains (p->stale, &course_id)
          || refresh_from (p, course_id, &local_error))
        continue;
      /* Deleted since find_stale listed it: collect leaves it out. */
      if (!g_error_matches (local_error, TD_ERROR, TD_ERROR_NOT_FOUND))
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
    }
  return TRUE;
}

/* @people's findings, then every course's, in course id order: those checked in this
 * pass as they are, copies of the others. */
static GPtrArray *
collect (Pass *p, GPtrArray *people)
{
  GPtrArray *out;
  guint n = people->len;

  for (guint i = 0; i < p->courses->len; i++)
    {
      CacheEntry *e = g_hash_table_lookup (cache.entries, &g_array_index (p->courses, gint64, i));
      n += e != NULL ? e->findings->len : 0;
    }
  out = g_ptr_array_new_full (n, (GDestroyNotify) td_finding_free);
  g_ptr_array_set_free_func (people, NULL);
  g_ptr_array_extend_and_steal (out, people);
  for (guint i = 0; i < p->courses->len; i++)
    {
      gint64 id = g_array_index (p->courses, gint64, i);
      CacheEntry *e = g_hash_table_lookup (cache.entries, &id);
      gpointer key, fresh;

      if (g_hash_table_steal_extended (p->fresh, &id, &key, &fresh))
        {
          g_free (key);
          g_ptr_array_set_free_func (fresh, NULL);
          g_ptr_array_extend_and_steal (out, fresh);
        }
      else if (e == NULL || g_hash_table_contains (p->stale, &id))
        {
          /* Stale but not checked again: deleted since find_stale listed it. */
          g_hash_table_remove (cache.entries, &id);
          continue;
        }
      else
        for (guint j = 0; j < e->findings->len; j++)
          g_ptr_array_add (out, finding_from_kept (&g_array_index (e->findings, Kept, j)));
      if (e->this_pass_only)
        g_hash_table_remove (cache.entries, &id);
    }
  return out;
}

static GPtrArray *
check_locked (Pass *p, GError **error)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  char *fingerprint;

  /* People first, as in td_rules_check_centre: their findings name no course, which
   * td_finding_compare puts first. They are few, and read afresh every time. */
  if (!td_rules_append_person_findings (p->store, p->today, p->cancellable, people, error)
      || (fingerprint = make_fingerprint (p->store, error)) == NULL)
    return NULL;
  cache_adopt (p->store, fingerprint);
  if (!find_stale (p, error))
    return NULL;
  cache.stats.courses = p->courses->len;
  if (!refresh_stale (p, error))
    {
      /* What this pass refreshed is good, but an entry for this pass only must not
       * outlive it: start again. */
      g_hash_table_remove_all (cache.entries);
      return NULL;
    }
  return collect (p, g_steal_pointer (&people));
}

/* Must return exactly what td_rules_check_centre returns (test-rules-cache.c compares
 * the two): the person pass, then every course's findings. */
GPtrArray *
td_rules_check_centre_cached (TdStore *store, const char *today, GCancellable *cancellable,
                              GError **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  g_autofree char *now = NULL;
  Pass p = { .store = store, .cancellable = cancellable };
  GPtrArray *out;

  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  if (today == NULL)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_now_local ();
      today = now = g_date_time_format (dt, "%Y-%m-%d");
    }
  /* The full check says what is wrong with such a date, in its words. */
  if (!td_rules_parse_date (today, &p.today_date))
    return td_rules_check_centre (store, today, cancellable, error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  p.today = today;
  p.courses = g_array_new (FALSE, FALSE, sizeof (gint64));
  p.stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  p.fresh = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  locker = g_mutex_locker_new (&cache.lock);
  memset (&cache.stats, 0, sizeof cache.stats);
  out = check_locked (&p, error);
  pass_clear (&p);
  return out;
}

void
td_rules_cache_clear (void)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&cache.lock);

  g_clear_pointer (&cache.entries, g_hash_table_unref);
  g_clear_pointer (&cache.path, g_free);
  g_clear_pointer (&cache.fingerprint, g_free);
}

void
td_rules_cache_get_stats (TdRulesCacheStats *out)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&cache.lock);

  *out = cache.stats;
}
