/* td-form-data.c — one course's data for the forms, and the title block they share */
#include "config.h"

#define G_LOG_DOMAIN "td-print"


#include "td-attendance-desk.h"
#include "td-catalogue.h"
#include "td-form-data.h"
#include "td-roc-date.h"
#include "td-store-private.h"

static void
certificate_free (gpointer data)
{
  TdFormCertificate *cert = data;

  g_free (cert->number);
  g_free (cert->issued_on);
  g_free (cert);
}

/* The store has no certificate API yet (the certificates module adds one); the issuance
 * list only needs each trainee's valid certificate number, read here directly. */
static GHashTable *
load_certificates (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (GHashTable) table =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, certificate_free);
  sqlite3_stmt *stmt = td_store_prepare (
    store,
    "SELECT trainee_id, number, issued_on FROM certificate "
    "WHERE course_id = ?1 AND voided_at IS NULL ORDER BY id",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdFormCertificate *cert = g_new0 (TdFormCertificate, 1);

      cert->number = td_col_dup (stmt, 1);
      cert->issued_on = td_col_dup (stmt, 2);
      g_hash_table_insert (table, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                             sizeof (gint64)), cert);
    }
  if (rc != SQLITE_DONE)
    {
      td_store_set_sqlite_error (store, error, "certificates");
      return NULL;
    }
  return g_steal_pointer (&table);
}

static char *
lookup_category_name (TdCourse *course)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCatalogue) catalogue = td_catalogue_load_default (&error);
  const TdCategory *category = catalogue ? td_catalogue_lookup (catalogue, course->category) : NULL;

  if (category != NULL)
    return g_strdup (category->name);
  return g_strdup (course->title);
}

/* Adds the lecturers sessions name that the course has not linked. */
static gboolean
add_session_lecturers (TdFormData *data, TdStore *store, GError **error)
{
  for (guint i = 0; i < data->sessions->len; i++)
    {
      TdSession *session = g_ptr_array_index (data->sessions, i);
      TdLecturer *lecturer;

      if (session->lecturer_id == 0 || td_form_data_lecturer (data, session->lecturer_id))
        continue;
      lecturer = td_store_get_lecturer (store, session->lecturer_id, error);
      if (lecturer == NULL)
        return FALSE;
      g_ptr_array_add (data->lecturers, lecturer);
    }
  return TRUE;
}

static char *
cell_key (gint64 session_id, gint64 trainee_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, session_id, trainee_id);
}

/* Forms look attendance up per trainee × session; index it once. */
static void
index_attendance (TdFormData *data)
{
  data->by_cell = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->recorded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < data->attendance->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (data->attendance, i);

      g_hash_table_insert (data->by_cell, cell_key (a->session_id, a->trainee_id), a);
      g_hash_table_add (data->recorded, g_memdup2 (&a->session_id, sizeof (gint64)));
    }
}

/* The dismissal fraction of the pack, for the forms' "over one fifth" lists. A pack
 * without the rule (vr-ce, hours) keeps the fraction the forms' headings print. */
static void
read_dismissal_fraction (TdFormData *data, TdRulePack *pack)
{
  GPtrArray *entries = td_rule_pack_get_entries (pack);

  data->dismissal_numerator = 1;
  data->dismissal_denominator = 5;
  for (guint i = 0; i < entries->len; i++)
    {
      TdRuleEntry *entry = g_ptr_array_index (entries, i);
      TdRuleParam *param;

      if (g_strcmp0 (entry->id, "attendance.dismissal") != 0
          || (param = g_hash_table_lookup (entry->params, "fraction")) == NULL
          || param->unit != TD_RULE_UNIT_FRACTION || param->denominator <= 0)
        continue;
      data->dismissal_numerator = param->value;
      data->dismissal_denominator = param->denominator;
    }
}

/* The leave the rules count for each cell (its latest leave record's minutes, kept
 * over a sign-in after it), onto the forms' cells, for the remarks that print it. */
static void
copy_leave (TdFormData *data, const TdCourseSnapshot *snapshot)
{
  for (guint i = 0; i < snapshot->attendance->len; i++)
    {
      const TdAttendance *a = g_ptr_array_index (snapshot->attendance, i);
      TdAttendance *mine;

      if (a->leave_minutes <= 0
          || (mine = (TdAttendance *) td_form_data_attendance (data, a->session_id,
                                                               a->trainee_id)) == NULL)
        continue;
      mine->leave_minutes = a->leave_minutes;
      if (mine->leave_kind == NULL)
        mine->leave_kind = g_strdup (a->leave_kind);
    }
}

/* Absence as `tdesk check` counts it, so the forms and the rule findings agree. */
static gboolean
load_absence (TdFormData *data, TdStore *store, GError **error)
{
  TdCourseSnapshot *snapshot;
  g_autoptr (TdRulePack) pack = NULL;
  const TdRuleParam *late;

  snapshot = data->snapshot = td_course_snapshot_load (store, data->course->id, error);
  if (snapshot == NULL
      || (pack = td_rule_pack_load_for_regime (data->course->regime, error)) == NULL)
    return FALSE;
  copy_leave (data, snapshot);
  read_dismissal_fraction (data, pack);
  late = td_rule_pack_get_time_param (pack, "late-after");
  data->late_after = late != NULL ? (int) late->value : -1;
  if (td_rule_pack_get_time_param (pack, "period") == NULL)
    return TRUE;
  data->absent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < data->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (data->enrolments, i);
      TdAttendanceSummary summary;

      if (!td_rules_summarise_attendance (snapshot, pack, e->trainee->id, data->today, &summary,
                                          error))
        return FALSE;
      g_hash_table_insert (data->absent, g_memdup2 (&e->trainee->id, sizeof (gint64)),
                           g_memdup2 (&summary.absent_minutes, sizeof (gint64)));
    }
  return TRUE;
}

TdFormData *
td_form_data_load (TdStore *store, gint64 course_id, GError **error)
{
  g_autoptr (TdFormData) data = g_new0 (TdFormData, 1);
  g_autofree char *pass_mark = NULL;

  if (!(data->course = td_store_get_course (store, course_id, error))
      || !(data->unit = td_store_get_unit (store, error))
      || !(data->sessions = td_store_list_sessions (store, course_id, error))
      || !(data->lecturers = td_store_list_course_lecturers (store, course_id, NULL, error))
      || !add_session_lecturers (data, store, error)
      || !(data->enrolments = td_store_list_enrolments (store, course_id, error))
      || !(data->attendance = td_store_list_attendance (store, course_id, error))
      || !(data->scores = td_store_list_scores (store, course_id, error))
      || !(data->certificates = load_certificates (store, course_id, error))
      || !(data->makeups = td_store_list_makeups (store, course_id, error)))
    return NULL;
  index_attendance (data);
  data->today = td_iso_date_today ();
  if (!load_absence (data, store, error))
    return NULL;
  data->category_name = lookup_category_name (data->course);
  pass_mark = td_store_get_setting (store, "pass-mark", "60");
  data->pass_mark = g_ascii_strtod (pass_mark, NULL);
  return g_steal_pointer (&data);
}

void
td_form_data_free (TdFormData *data)
{
  g_clear_pointer (&data->unit, td_unit_free);
  g_clear_object (&data->course);
  g_free (data->category_name);
  g_free (data->today);
  g_clear_pointer (&data->sessions, g_ptr_array_unref);
  g_clear_pointer (&data->lecturers, g_ptr_array_unref);
  g_clear_pointer (&data->enrolments, g_ptr_array_unref);
  g_clear_pointer (&data->attendance, g_ptr_array_unref);
  g_clear_pointer (&data->scores, g_ptr_array_unref);
  g_clear_pointer (&data->certificates, g_hash_table_unref);
  g_clear_pointer (&data->by_cell, g_hash_table_unref);
  g_clear_pointer (&data->recorded, g_hash_table_unref);
  g_clear_pointer (&data->absent, g_hash_table_unref);
  g_clear_pointer (&data->snapshot, td_course_snapshot_free);
  g_clear_pointer (&data->makeups, g_ptr_array_unref);
  g_free (data);
}

gboolean
td_form_data_is_health (TdFormData *data)
{
  return data->course->regime == TD_REGIME_HEALTH;
}

const TdAttendance *
td_form_data_attendance (TdFormData *data, gint64 session_id, gint64 trainee_id)
{
  g_autofree char *key = cell_key (session_id, trainee_id);

  return g_hash_table_lookup (data->by_cell, key);
}

gboolean
td_form_data_session_counts (TdFormData *data, TdSession *session)
{
  int cmp = g_strcmp0 (session->date, data->today);

  return cmp < 0 || (cmp == 0 && g_hash_table_contains (data->recorded, &session->id));
}

static int
session_minutes (TdSession *session)
{
  return session->minutes > 0 ? session->minutes : MAX (0, td_session_span_minutes (session));
}

int
td_form_data_total_minutes (TdFormData *data)
{
  int total = 0;

  for (guint i = 0; i < data->sessions->len; i++)
    total += session_minutes (g_ptr_array_index (data->sessions, i));
  return total;
}

static int
missed_minutes (TdFormData *data, gint64 trainee_id, gboolean practicum_only)
{
  int missed = 0;

  for (guint i = 0; i < data->sessions->len; i++)
    {
      TdSession *session = g_ptr_array_index (data->sessions, i);
      const TdAttendance *a;

      if (practicum_only && session->mode != TD_SESSION_MODE_PRACTICUM)
        continue;
      if (!td_form_data_session_counts (data, session))
        continue;
      a = td_form_data_attendance (data, session->id, trainee_id);
      /* No row for a recorded session means the trainee was not there (DESIGN.md). */
      if (a == NULL || a->status != TD_ATTENDANCE_PRESENT)
        missed += session_minutes (session);
    }
  return missed;
}

int
td_form_data_absent_minutes (TdFormData *data, gint64 trainee_id)
{
  gint64 *minutes = data->absent ? g_hash_table_lookup (data->absent, &trainee_id) : NULL;

  return minutes != NULL ? (int) *minutes : missed_minutes (data, trainee_id, FALSE);
}

const char *
td_form_data_rollcall_time (TdFormData *data, gint64 session_id)
{
  const char *taken = NULL;

  for (guint i = 0; i < data->snapshot->rollcalls->len; i++)
    {
      TdRollcallRecord *r = g_ptr_array_index (data->snapshot->rollcalls, i);

      if (r->session_id == session_id)
        taken = r->taken_at;   /* the latest one */
    }
  return taken;
}

int
td_form_data_makeup_minutes (TdFormData *data, gint64 trainee_id)
{
  int missing = td_form_data_absent_minutes (data, trainee_id);

  for (guint i = 0; i < data->makeups->len; i++)
    {
      TdMakeup *m = g_ptr_array_index (data->makeups, i);

      if (m->trainee_id == trainee_id)
        missing -= m->minutes;
    }
  return MAX (missing, 0);
}

gboolean
td_form_data_signed_in_late (TdFormData *data, TdSession *session, const TdAttendance *attendance)
{
  int start = td_time_parse_minutes (session->start_time);
  int in = attendance->in_time ? td_time_parse_minutes (attendance->in_time) : -1;

  int covered = MAX (attendance->leave_minutes, 0);

  return data->late_after >= 0 && start >= 0 && in >= 0 &&
         in - (start + covered) > data->late_after;
}

gboolean
td_form_data_absence_dismisses (TdFormData *data, gint64 trainee_id)
{
  gint64 total = td_form_data_total_minutes (data);
  gint64 absent = td_form_data_absent_minutes (data, trainee_id);

  return total > 0 && absent * data->dismissal_denominator >= total * data->dismissal_numerator;
}

int
td_form_data_missed_practicum_minutes (TdFormData *data, gint64 trainee_id)
{
  return missed_minutes (data, trainee_id, TRUE);
}

const TdLecturer *
td_form_data_lecturer (TdFormData *data, gint64 lecturer_id)
{
  for (guint i = 0; i < data->lecturers->len; i++)
    {
      TdLecturer *lecturer = g_ptr_array_index (data->lecturers, i);

      if (lecturer->id == lecturer_id)
        return lecturer;
    }
  return NULL;
}

const TdScore *
td_form_data_score (TdFormData *data, gint64 trainee_id)
{
  for (guint i = 0; i < data->scores->len; i++)
    {
      const TdScore *score = g_ptr_array_index (data->scores, i);

      if (score->trainee_id == trainee_id)
        return score;
    }
  return NULL;
}

static gboolean
course_has_test (TdFormData *data)
{
  return data->course->exam_mode == TD_EXAM_MODE_OWN
         || data->course->exam_mode == TD_EXAM_MODE_TEST_SITE;
}

gboolean
td_form_data_is_eligible (TdFormData *data, TdEnrolment *enrolment)
{
  const TdScore *score;

  if (enrolment->status == TD_ENROLMENT_DISMISSED || enrolment->status == TD_ENROLMENT_FAILED)
    return FALSE;
  if (td_form_data_absence_dismisses (data, enrolment->trainee->id))
    return FALSE;
  if (enrolment->status == TD_ENROLMENT_PASSED || !course_has_test (data))
    return TRUE;
  score = td_form_data_score (data, enrolment->trainee->id);
  return score != NULL && score->score >= data->pass_mark;
}

/* --- text ------------------------------------------------------------------ */

char *
td_form_roc (const char *iso)
{
  char *text = iso ? td_roc_date_format (iso, TD_ROC_FORMAT_LONG) : NULL;

  return text ? text : g_strdup ("");
}

char *
td_form_roc_short (const char *iso)
{
  char *text = iso ? td_roc_date_format (iso, TD_ROC_FORMAT_SLASH) : NULL;

  return text ? text : g_strdup ("");
}

char *
td_form_roc_span (const char *from, const char *to)
{
  g_autofree char *a = td_form_roc (from);
  g_autofree char *b = td_form_roc (to);

  return g_strdup_printf ("%s至%s", a, b);
}

char *
td_form_hours (int minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%d", minutes / 60);
  return g_strdup_printf ("%.1f", minutes / 60.0);
}

const char *
td_form_str (const char *text)
{
  return text ? text : "";
}

/* --- drawing --------------------------------------------------------------- */

static char *
field_text (const TdFormField *field)
{
  return g_strdup_printf ("%s：%s", field->label, td_form_str (field->value));
}

static double
draw_field (TdPrintDoc *doc, const TdFormField *field, double x, double width)
{
  TdPrintStyle style = { 10, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  g_autofree char *text = field_text (field);

  return td_print_text (doc, text, x, td_print_doc_get_y (doc), width, 0, &style);
}

/* Two fields share a line only when each fits its half on one line. */
static gboolean
fields_pair (TdPrintDoc *doc, const TdFormField *a, const TdFormField *b, double half)
{
  TdPrintStyle style = { 10, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };
  g_autofree char *ta = field_text (a);
  g_autofree char *tb = field_text (b);
  double line = td_print_measure (doc, "國", half, &style);

  return !a->full_width && !b->full_width
         && td_print_measure (doc, ta, half, &style) <= line * 1.5
         && td_print_measure (doc, tb, half, &style) <= line * 1.5;
}

void
td_form_draw_heading (TdPrintDoc *doc, const char *title, const TdFormField *fields,
                      guint n_fields)
{
  TdPrintStyle title_style = { 15, TRUE, TD_PRINT_ALIGN_CENTER, TD_PRINT_WRAP };
  double left = td_print_doc_left (doc), width = td_print_doc_width (doc);

  if (title != NULL && *title != '\0')
    {
      td_print_paragraph (doc, title, &title_style);
      td_print_doc_skip (doc, 6);
    }
  for (guint i = 0; i < n_fields; i++)
    {
      double h;

      if (i + 1 == n_fields || !fields_pair (doc, &fields[i], &fields[i + 1], width / 2 - 6))
        h = draw_field (doc, &fields[i], left, width);
      else
        {
          double right;

          h = draw_field (doc, &fields[i], left, width / 2 - 6);
          /* Not inside MAX (): it would draw the field twice. */
          right = draw_field (doc, &fields[i + 1], left + width / 2, width / 2);
          h = MAX (h, right);
          i++;
        }
      td_print_doc_skip (doc, h + 2);
    }
  td_print_doc_skip (doc, 4);
}

void
td_form_draw_notes (TdPrintDoc *doc, const char *heading, const char *const *notes, double size)
{
  TdPrintStyle style = { size, FALSE, TD_PRINT_ALIGN_LEFT, TD_PRINT_WRAP };

  td_print_doc_skip (doc, 4);
  if (heading != NULL)
    td_print_paragraph (doc, heading, &style);
  for (guint i = 0; notes[i] != NULL; i++)
    td_print_paragraph (doc, notes[i], &style);
}

gboolean
td_form_render (TdStore *store, gint64 course_id, GFile *output, gboolean landscape,
                TdFormTitleFunc title_func, TdPrintBodyFunc body, GError **error)
{
  g_autoptr (TdFormData) data = td_form_data_load (store, course_id, error);

  if (data == NULL)
    return FALSE;
  return td_print_doc_render (output, title_func (data), landscape, body, data, error);
}

void
td_form_heading_cb (TdPrintDoc *doc, gpointer user_data)
{
  TdFormHeading *heading = user_data;

  td_form_draw_heading (doc, heading->title, heading->fields, heading->n_fields);
}

void
td_form_heading_init (TdFormHeading *heading, TdFormData *data, const char *title,
                      char **span, gboolean with_filing_ref)
{
  TdCourse *course = data->course;
  guint n = 0;

  *span = td_form_roc_span (course->start_date, course->end_date);
  heading->title = title;
  heading->fields[n++] = (TdFormField) { "訓練機構(單位)全銜", data->unit->title, TRUE };
  heading->fields[n++] = (TdFormField) { "訓練種類(類別)", data->category_name, FALSE };
  heading->fields[n++] = (TdFormField) { "期別", course->period, FALSE };
  heading->fields[n++] = (TdFormField) { "訓練期間", *span, !with_filing_ref };
  if (with_filing_ref)
    heading->fields[n++] = (TdFormField) { "備查文號", course->filing_ref, FALSE };
  heading->n_fields = n;
}
