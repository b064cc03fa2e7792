/* td-attendance-page.c — the counsellor's desk: scan codes, mark trainees, watch
 * lateness and absence as they happen.
 *
 * The scan field keeps the keyboard focus while a session is chosen, because a
 * keyboard-wedge scanner types wherever the focus is. The roster can take the focus
 * for its one-key marks (I, O, L, A, H); anything else typed there (a scanner's code)
 * is sent on to the scan field, and every mark returns the focus to it. */
#include "config.h"

#define G_LOG_DOMAIN "td-attendance-page"

#include <glib/gi18n.h>
#include <string.h>

#include "td-gui-resources.h"

#include "td-attendance-common.h"
#include "td-attendance-desk.h"
#include "td-attendance-page.h"
#include "td-roc-date.h"
#include "td-rules.h"
#include "td-scan.h"
#include "td-scan-banner.h"
#include "td-widget-util.h"

/* --- one roster row ------------------------------------------------------------ */

#define TD_TYPE_DESK_ROW (td_desk_row_get_type ())
G_DECLARE_FINAL_TYPE (TdDeskRow, td_desk_row, TD, DESK_ROW, GObject)

struct _TdDeskRow {
  GObject parent_instance;

  gint64 trainee_id;
  char *columns[6];         /* 序號, name, masked ID, in, out, status */
  TdAttendance *current;    /* latest event in this session, or NULL */
  char *alert;              /* why the row is red (dismissal reached), or NULL */
};

G_DEFINE_FINAL_TYPE (TdDeskRow, td_desk_row, G_TYPE_OBJECT)

enum { COL_SEQ, COL_NAME, COL_ID, COL_IN, COL_OUT, COL_STATUS, N_COLUMNS };

static void
td_desk_row_finalize (GObject *object)
{
  TdDeskRow *self = TD_DESK_ROW (object);

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (self->columns[i]);
  g_clear_pointer (&self->current, td_attendance_free);
  g_free (self->alert);
  G_OBJECT_CLASS (td_desk_row_parent_class)->finalize (object);
}

static void
td_desk_row_class_init (TdDeskRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_desk_row_finalize;
}

static void
td_desk_row_init (TdDeskRow *self)
{
}

/* --- the page ------------------------------------------------------------------ */

struct _TdAttendancePage {
  AdwBin parent_instance;

  TdStore *store;
  GDateTime *now;            /* NULL: the real clock */
  char *date;                /* the day shown, ISO */
  GPtrArray *sessions;       /* TdSession* of the day, in list order */
  TdSession *session;        /* the chosen one, or NULL */
  TdCourse *course;
  TdRulePack *pack;          /* of the course's regime, NULL when it has none */
  GListStore *rows;          /* TdDeskRow */
  GtkSingleSelection *selection;
  gboolean reloading;
  gboolean constructed;

  GtkMenuButton *date_button;
  GtkPopover *date_popover;
  GtkCalendar *calendar;
  GtkStack *sessions_stack;
  GtkListBox *session_list;
  GtkStack *desk_stack;
  GtkLabel *session_label;
  TdScanBanner *scan_banner;
  GtkEntry *scan_entry;      /* the banner's field */
  GtkMenuButton *leave_button;
  GtkPopover *leave_popover;
  GtkLabel *leave_heading;
  GtkDropDown *leave_kind;
  GtkSpinButton *leave_hours;
  GtkEntry *leave_proof;
  GtkWidget *leave_record_button;
  GtkMenuButton *history_button;
  GtkPopover *history_popover;
  GtkLabel *history_label;
  GtkLabel *count_label;
  GtkLabel *rollcall_label;
  GtkColumnView *roster_view;
};

G_DEFINE_FINAL_TYPE (TdAttendancePage, td_attendance_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOW,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_roster (TdAttendancePage *self);
static void update_rollcalls (TdAttendancePage *self);

/* --- helpers ------------------------------------------------------------------- */

static GDateTime *
dup_now (TdAttendancePage *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
}

static char *
dup_today (TdAttendancePage *self)
{
  g_autoptr (GDateTime) now = dup_now (self);

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
session_is_today (TdAttendancePage *self)
{
  g_autofree char *today = dup_today (self);

  return self->session != NULL && g_strcmp0 (self->session->date, today) == 0;
}

static void
focus_scan (TdAttendancePage *self)
{
  if (!self->reloading && self->session != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->scan_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
}

/* A photo that cannot be read is left out: the name says who it is. */
static GdkTexture *
load_photo (TdAttendancePage *self, gint64 trainee_id)
{
  g_autoptr (GBytes) photo = NULL;

  if (trainee_id > 0)
    photo = td_store_get_trainee_photo (self->store, trainee_id, NULL, NULL);
  return photo != NULL ? gdk_texture_new_from_bytes (photo, NULL) : NULL;
}

static void
show_banner (TdAttendancePage *self, const char *css_class, const char *title, const char *name,
             const char *message, gint64 trainee_id)
{
  g_autoptr (GdkTexture) texture = load_photo (self, trainee_id);

  td_scan_banner_show (self->scan_banner, css_class, title, name, message,
                       GDK_PAINTABLE (texture));
}

static void
show_ready_banner (TdAttendancePage *self)
{
  show_banner (self, NULL, _("Ready to Scan"), NULL,
               session_is_today (self)
                 ? _("Each trainee scans their personal code when arriving and when leaving.")
                 : _("This session is not today: scans are refused, but leave and absence can "
                     "still be recorded."),
               0);
}

static void
show_error_banner (TdAttendancePage *self, const char *title, const char *message)
{
  show_banner (self, "refused", title, NULL, message, 0);
}

static TdDeskRow *
selected_row (TdAttendancePage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (TdAttendancePage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TdDeskRow *row = selected_row (self);
  gboolean has_row = self->session != NULL && row != NULL;
  gboolean today = session_is_today (self);

  gtk_widget_action_set_enabled (widget, "desk.sign-in", has_row && today);
  gtk_widget_action_set_enabled (widget, "desk.sign-out", has_row && today);
  gtk_widget_action_set_enabled (widget, "desk.absent", has_row);
  gtk_widget_action_set_enabled (widget, "desk.leave", has_row);
  gtk_widget_action_set_enabled (widget, "desk.history", has_row);
  gtk_widget_action_set_enabled (widget, "desk.sign-out-all", self->session != NULL && today);
  gtk_widget_action_set_enabled (widget, "desk.rollcall", self->session != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leave_button), has_row);
  gtk_widget_set_sensitive (GTK_WIDGET (self->history_button), has_row);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scan_entry), today);
}

/* --- the day ------------------------------------------------------------------- */

static GtkWidget *
new_session_row (TdAttendancePage *self, TdSession *session)
{
  g_autoptr (TdCourse) course = td_store_get_course (self->store, session->course_id, NULL);
  g_autofree char *title = course != NULL ? td_course_dup_display_title (course) : NULL;
  g_autofree char *subtitle = g_strdup_printf ("%s–%s  %s", session->start_time,
                                               session->end_time, session->subject);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

/* The session under way at the desk's clock, else the next to start, else the first. */
static guint
pick_session (TdAttendancePage *self)
{
  g_autoptr (GDateTime) now = dup_now (self);
  g_autofree char *today = dup_today (self);
  int minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

  if (g_strcmp0 (self->date, today) != 0)
    return 0;
  for (guint i = 0; i < self->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (self->sessions, i);

      if (minute < td_time_parse_minutes (s->end_time))
        return i;
    }
  return 0;
}

static void
update_date_label (TdAttendancePage *self)
{
  g_autofree char *roc = td_roc_date_format (self->date, TD_ROC_FORMAT_LONG);
  g_autoptr (GDateTime) day = NULL;
  int y, m, d;

  gtk_menu_button_set_label (self->date_button, roc != NULL ? roc : self->date);
  if (sscanf (self->date, "%d-%d-%d", &y, &m, &d) != 3)
    return;
  day = g_date_time_new_local (y, m, d, 0, 0, 0);
  self->reloading = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->reloading = FALSE;
}

static void
load_day (TdAttendancePage *self, gint64 keep_session_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = td_store_list_sessions_on_date (self->store, self->date, &error);
  guint pick = 0;

  self->reloading = TRUE;
  td_list_box_remove_all_rows (self->session_list);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = sessions != NULL ? g_steal_pointer (&sessions)
                                    : g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (self->sessions, i);

      gtk_list_box_append (self->session_list, new_session_row (self, s));
      if (s->id == keep_session_id)
        pick = i + 1;
    }
  self->reloading = FALSE;
  update_date_label (self);
  gtk_stack_set_visible_child_name (self->sessions_stack, self->sessions->len > 0 ? "list" : "empty");
  if (error != NULL)
    show_error_banner (self, _("Cannot Read the Sessions"), error->message);
  if (self->sessions->len == 0)
    {
      g_clear_object (&self->session);
      load_roster (self);
      return;
    }
  pick = pick > 0 ? pick - 1 : pick_session (self);
  gtk_list_box_select_row (self->session_list, gtk_list_box_get_row_at_index (self->session_list, pick));
}

/* --- the roster ---------------------------------------------------------------- */

static TdAttendance *
find_cell (GPtrArray *attendance, gint64 session_id, gint64 trainee_id)
{
  for (guint i = 0; i < attendance->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (attendance, i);

      if (a->session_id == session_id && a->trainee_id == trainee_id)
        return a;
    }
  return NULL;
}

/* The chosen session alone, so the time model's lateness is this session's. */
static TdCourseSnapshot *
session_snapshot (TdAttendancePage *self, const TdCourseSnapshot *course)
{
  TdCourseSnapshot *one = td_course_snapshot_new (course->course);
  GHashTableIter iter;
  gpointer key, value;

  g_ptr_array_add (one->sessions, td_session_copy (self->session));
  for (guint i = 0; i < course->enrolments->len; i++)
    g_ptr_array_add (one->enrolments, g_object_ref (g_ptr_array_index (course->enrolments, i)));
  for (guint i = 0; i < course->attendance->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (course->attendance, i);
      if (a->session_id == self->session->id)
        g_ptr_array_add (one->attendance, td_attendance_copy (a));
    }
  g_hash_table_iter_init (&iter, course->settings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (one->settings, g_strdup (key), g_strdup (value));
  return one;
}

/* Leave, with the hours the rules count: those recorded, and truancy for the rest of
 * the session without a sign-in. */
static char *
dup_leave_status (const TdAttendance *a, const TdAttendanceSummary *sum)
{
  g_autofree char *label = td_attendance_dup_leave_label (a->leave_kind);
  g_autofree char *leave = td_attendance_format_hours (sum->leave_minutes);
  g_autofree char *truant = td_attendance_format_hours (sum->truant_minutes);

  if (sum->truant_minutes > 0)
    /* TRANSLATORS: the kind of leave, its hours, and the truant hours of the session */
    return g_strdup_printf (_("%s: %s hour(s), %s truant hour(s)"), label, leave, truant);
  /* TRANSLATORS: the kind of leave and its hours */
  return g_strdup_printf (_("%s: %s hour(s)"), label, leave);
}

static char *
dup_status (TdAttendancePage *self, const TdCourseSnapshot *one, TdAttendance *a)
{
  TdAttendanceSummary sum = { 0 };
  g_autofree char *hours = NULL;
  gboolean summed;

  if (a == NULL)
    return g_strdup (_("Not signed in"));
  if (a->status == TD_ATTENDANCE_ABSENT)
    return g_strdup (_("Absent"));
  summed = self->pack != NULL && one != NULL
           && td_rules_summarise_attendance (one, self->pack, a->trainee_id, self->session->date,
                                             &sum, NULL);
  if (summed && sum.leave_minutes > 0)   /* leave, or a sign-in after leave */
    return dup_leave_status (a, &sum);
  if (a->status == TD_ATTENDANCE_LEAVE)
    return td_attendance_dup_leave_label (a->leave_kind);
  if (!summed)
    return g_strdup (_("Present"));
  if (sum.late_minutes > 0)
    {
      hours = td_attendance_format_hours (sum.truant_minutes);
      /* TRANSLATORS: %s is a number of hours, e.g. "1" or "1.5" */
      return g_strdup_printf (_("Late → %s truant hour(s)"), hours);
    }
  if (sum.truant_minutes > 0)
    {
      hours = td_attendance_format_hours (sum.truant_minutes);
      return g_strdup_printf (_("Left early → %s truant hour(s)"), hours);
    }
  return g_strdup (_("Present"));
}

/* trainee id → the finding's message, for those whose absence reached dismissal. */
static GHashTable *
dismissal_alerts (TdAttendancePage *self, const TdCourseSnapshot *snapshot)
{
  GHashTable *alerts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GPtrArray) findings = NULL;
  g_autofree char *today = dup_today (self);

  if (self->pack == NULL)
    return alerts;
  findings = td_rules_check_snapshot (snapshot, self->pack, "attendance.dismissal", today, NULL);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      if (f->trainee_id > 0)
        g_hash_table_insert (alerts, g_memdup2 (&f->trainee_id, sizeof (gint64)),
                             g_strdup (f->message));
    }
  return alerts;
}

static TdDeskRow *
new_desk_row (TdAttendancePage *self, TdEnrolment *e, const TdCourseSnapshot *snapshot,
              const TdCourseSnapshot *one, GHashTable *alerts)
{
  TdDeskRow *row = g_object_new (TD_TYPE_DESK_ROW, NULL);
  TdAttendance *a = find_cell (snapshot->attendance, self->session->id, e->trainee->id);
  gboolean present = a != NULL && a->status == TD_ATTENDANCE_PRESENT;

  row->trainee_id = e->trainee->id;
  row->current = a != NULL ? td_attendance_copy (a) : NULL;
  row->columns[COL_SEQ] = g_strdup_printf ("%d", e->seq);
  row->columns[COL_NAME] = g_strdup (e->trainee->name);
  row->columns[COL_ID] = td_trainee_dup_masked_id (e->trainee);
  row->columns[COL_IN] = g_strdup (present && a->in_time != NULL ? a->in_time : "");
  row->columns[COL_OUT] = g_strdup (present && a->out_time != NULL ? a->out_time : "");
  row->columns[COL_STATUS] = dup_status (self, one, a);
  row->alert = g_strdup (g_hash_table_lookup (alerts, &e->trainee->id));
  return row;
}

static void
update_count (TdAttendancePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows)), in = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdDeskRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      if (row->current != NULL && row->current->status == TD_ATTENDANCE_PRESENT)
        in++;
    }
  /* TRANSLATORS: trainees present of those on the roster, e.g. "12 of 30 present" */
  text = g_strdup_printf (_("%u of %u present"), in, n);
  gtk_label_set_text (self->count_label, text);
}

static gboolean
fill_rows (TdAttendancePage *self, GPtrArray *rows, GError **error)
{
  g_autoptr (TdCourseSnapshot) snapshot = td_course_snapshot_load (self->store,
                                                                   self->session->course_id, error);
  g_autoptr (TdCourseSnapshot) one = NULL;
  g_autoptr (GHashTable) alerts = NULL;

  if (snapshot == NULL)
    return FALSE;
  one = session_snapshot (self, snapshot);
  alerts = dismissal_alerts (self, snapshot);
  for (guint i = 0; i < snapshot->enrolments->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (snapshot->enrolments, i);
      g_ptr_array_add (rows, new_desk_row (self, e, snapshot, one, alerts));
    }
  return TRUE;
}

static void
load_roster (TdAttendancePage *self)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (self->session != NULL && !fill_rows (self, rows, &error))
    show_error_banner (self, _("Cannot Read the Roster"), error->message);
  self->reloading = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  /* The roster keeps its order, so the same position is the same trainee. */
  gtk_single_selection_set_selected (self->selection,
                                     selected < rows->len ? selected : GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;
  gtk_stack_set_visible_child_name (self->desk_stack, self->session != NULL ? "desk" : "none");
  update_count (self);
  update_rollcalls (self);
  update_actions (self);
}

static void
choose_session (TdAttendancePage *self, TdSession *session)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  g_set_object (&self->session, session);
  g_clear_object (&self->course);
  g_clear_object (&self->pack);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (session != NULL)
    self->course = td_store_get_course (self->store, session->course_id, &error);
  if (self->course != NULL)
    {
      self->pack = td_rule_pack_load_for_regime (self->course->regime, NULL);
      /* Packs without a time model (hours activities) count no lateness. */
      if (self->pack != NULL && td_rule_pack_get_time_param (self->pack, "period") == NULL)
        g_clear_object (&self->pack);
      date = td_roc_date_format (session->date, TD_ROC_FORMAT_SLASH);
      title = td_course_dup_display_title (self->course);
      text = g_strdup_printf ("%s\n%s  %s–%s  %s", title, date, session->start_time,
                              session->end_time, session->subject);
      gtk_label_set_text (self->session_label, text);
    }
  show_ready_banner (self);
  if (error != NULL)
    show_error_banner (self, _("Cannot Read the Course"), error->message);
  load_roster (self);
  focus_scan (self);
}

/* --- recording ----------------------------------------------------------------- */

static void
show_recorded (TdAttendancePage *self, TdDeskRow *row, const char *css_class, const char *title)
{
  load_roster (self);
  show_banner (self, css_class, title, row->columns[COL_NAME], NULL, row->trainee_id);
  focus_scan (self);
}

static gboolean
record (TdAttendancePage *self, TdDeskRow *row, TdAttendanceStatus status, const char *in_time,
        const char *out_time)
{
  g_autoptr (TdAttendance) a = td_attendance_new (self->session->id, row->trainee_id, status);
  g_autoptr (GError) error = NULL;

  a->in_time = g_strdup (in_time);
  a->out_time = g_strdup (out_time);
  a->source = TD_ATTENDANCE_SOURCE_DESK;
  if (td_store_record_attendance (self->store, a, &error))
    return TRUE;
  show_error_banner (self, _("Not Recorded"), error->message);
  focus_scan (self);
  return FALSE;
}

static char *
dup_now_time (TdAttendancePage *self)
{
  g_autoptr (GDateTime) now = dup_now (self);

  return g_date_time_format (now, "%H:%M");
}

static void
sign_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autoptr (TdDeskRow) row = g_object_ref (selected_row (self));
  g_autofree char *time = dup_now_time (self);
  g_autofree char *title = g_strdup_printf (_("Signed In %s"), time);

  if (record (self, row, TD_ATTENDANCE_PRESENT, time, NULL))
    show_recorded (self, row, "signed-in", title);
}

static void
sign_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autoptr (TdDeskRow) row = g_object_ref (selected_row (self));
  g_autofree char *time = dup_now_time (self);
  g_autofree char *title = g_strdup_printf (_("Signed Out %s"), time);
  TdAttendance *a = row->current;

  if (a == NULL || a->status != TD_ATTENDANCE_PRESENT || a->in_time == NULL)
    {
      show_banner (self, "refused", _("Not Signed In"), row->columns[COL_NAME],
                   _("Only a trainee who signed in can sign out."), row->trainee_id);
      focus_scan (self);
      return;
    }
  if (record (self, row, TD_ATTENDANCE_PRESENT, a->in_time, time))
    show_recorded (self, row, "signed-out", title);
}

static void
absent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autoptr (TdDeskRow) row = g_object_ref (selected_row (self));

  if (record (self, row, TD_ATTENDANCE_ABSENT, NULL, NULL))
    show_recorded (self, row, "duplicate", _("Recorded Absent"));
}

static void
leave_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_menu_button_popup (TD_ATTENDANCE_PAGE (widget)->leave_button);
}

static void
history_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_menu_button_popup (TD_ATTENDANCE_PAGE (widget)->history_button);
}

static void
record_leave_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autoptr (TdDeskRow) row = g_object_ref (selected_row (self));
  const char *kind = gtk_drop_down_get_selected (self->leave_kind) == 1 ? "sick" : "personal";
  int minutes = (int) (gtk_spin_button_get_value (self->leave_hours) * 60 + 0.5);
  const char *proof = gtk_editable_get_text (GTK_EDITABLE (self->leave_proof));
  g_autoptr (GError) error = NULL;
  g_autofree char *label = td_attendance_dup_leave_label (kind);

  gtk_popover_popdown (self->leave_popover);
  if (!td_store_record_leave (self->store, self->session->id, row->trainee_id, kind, minutes,
                              proof[0] != '\0' ? proof : NULL, &error))
    {
      show_error_banner (self, _("Leave Not Recorded"), error->message);
      focus_scan (self);
      return;
    }
  show_recorded (self, row, "duplicate", label);
}

/* --- sign out everyone ----------------------------------------------------------- */

static GPtrArray *
rows_signed_in (TdAttendancePage *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr (TdDeskRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      TdAttendance *a = row->current;

      if (a != NULL && a->status == TD_ATTENDANCE_PRESENT && a->in_time != NULL
          && a->out_time == NULL)
        g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  return rows;
}

static gboolean
sign_out_rows (TdAttendancePage *self, GPtrArray *rows, const char *time, GError **error)
{
  if (!td_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      TdDeskRow *row = g_ptr_array_index (rows, i);
      g_autoptr (TdAttendance) a = td_attendance_new (self->session->id, row->trainee_id,
                                                      TD_ATTENDANCE_PRESENT);

      a->in_time = g_strdup (row->current->in_time);
      a->out_time = g_strdup (time);
      a->source = TD_ATTENDANCE_SOURCE_DESK;
      if (!td_store_record_attendance (self->store, a, error))
        {
          td_store_rollback (self->store);
          return FALSE;
        }
    }
  return td_store_commit (self->store, error);
}

static void
sign_out_all_response_cb (AdwMessageDialog *dialog, const char *response, TdAttendancePage *self)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *time = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "sign-out") == 0 && self->session != NULL)
    {
      rows = rows_signed_in (self);
      time = dup_now_time (self);
      if (!sign_out_rows (self, rows, time, &error))
        show_error_banner (self, _("Nobody Was Signed Out"), error->message);
      else
        {
          load_roster (self);
          title = g_strdup_printf (ngettext ("%u Trainee Signed Out at %s",
                                             "%u Trainees Signed Out at %s", rows->len),
                                   rows->len, time);
          show_banner (self, "signed-out", title, NULL, NULL, 0);
        }
    }
  focus_scan (self);
}

static void
sign_out_all_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autoptr (GPtrArray) rows = rows_signed_in (self);
  g_autofree char *time = dup_now_time (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (rows->len == 0)
    {
      show_banner (self, "duplicate", _("Nobody to Sign Out"), NULL,
                   _("Every trainee who signed in has already signed out."), 0);
      focus_scan (self);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Sign Out Everyone?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  ngettext ("%u trainee signed in and has not signed out. They "
                                            "will be signed out at %s.",
                                            "%u trainees signed in and have not signed out. They "
                                            "will be signed out at %s.",
                                            rows->len),
                                  rows->len, time);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sign-out", _("_Sign Out"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign-out", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "sign-out");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_all_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- roll call (點名, 附表十四) ---------------------------------------------------- */

/* "HH:MM" the roll call of the chosen session's day is due: the pack's delay after
 * the start of the course's first session that day. NULL when the pack has no rule. */
static char *
dup_rollcall_due (TdAttendancePage *self)
{
  int delay = td_attendance_rollcall_delay (self->pack);
  int first = td_time_parse_minutes (self->session->start_time);

  if (delay < 0 || first < 0)
    return NULL;
  for (guint i = 0; i < self->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (self->sessions, i);
      int start = td_time_parse_minutes (s->start_time);

      if (s->course_id == self->session->course_id && start >= 0 && start < first)
        first = start;
    }
  return td_time_format_minutes (MIN (first + delay, 24 * 60));
}

static void
update_rollcalls (TdAttendancePage *self)
{
  g_autoptr (GPtrArray) rollcalls = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *due = NULL;

  if (self->session == NULL)
    return;
  rollcalls = td_store_list_rollcalls (self->store, self->session->course_id, &error);
  for (guint i = 0; rollcalls != NULL && i < rollcalls->len; i++)
    {
      TdRollcall *r = g_ptr_array_index (rollcalls, i);
      g_autofree char *line = NULL;

      if (r->session_id != self->session->id)
        continue;
      line = td_attendance_dup_rollcall_line (r);
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : _("Roll calls: "), line);
    }
  if (error != NULL)
    g_string_append (text, error->message);
  else if (text->len == 0 && (due = dup_rollcall_due (self)) != NULL)
    g_string_printf (text, _("No roll call of this session yet; it is due at %s."), due);
  else if (text->len == 0)
    g_string_append (text, _("No roll call of this session yet."));
  gtk_label_set_text (self->rollcall_label, text->str);
}

/* Present at @time: signed in by then and not yet signed out. */
static void
count_at_time (const char *time, int *present, int *absent, gpointer data)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (data);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int at = td_time_parse_minutes (time);

  *present = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdDeskRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      TdAttendance *a = row->current;

      if (a != NULL && a->status == TD_ATTENDANCE_PRESENT && a->in_time != NULL
          && td_time_parse_minutes (a->in_time) <= at
          && (a->out_time == NULL || td_time_parse_minutes (a->out_time) > at))
        (*present)++;
    }
  *absent = (int) n - *present;
}

static gboolean
record_rollcall (TdRollcall *rollcall, gpointer data, GError **error)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (data);

  if (!td_store_record_rollcall (self->store, rollcall, error))
    return FALSE;
  update_rollcalls (self);
  focus_scan (self);
  return TRUE;
}

static void
rollcall_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autofree char *due = dup_rollcall_due (self);
  g_autofree char *time = NULL;
  GtkWidget *dialog;

  if (session_is_today (self))
    time = dup_now_time (self);
  else
    time = g_strdup (due != NULL ? due : self->session->start_time);
  dialog = td_rollcall_dialog_new (widget, self->session, time, due,
                                   td_store_get_actor (self->store), count_at_time,
                                   record_rollcall, self);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (focus_scan), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- the day's navigation --------------------------------------------------------- */

static void
move_day (TdAttendancePage *self, int days)
{
  g_autofree char *date = td_iso_date_add_days (self->date, days);

  if (date != NULL)
    td_attendance_page_set_date (self, date);
}

static void
previous_day_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move_day (TD_ATTENDANCE_PAGE (widget), -1);
}

static void
next_day_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move_day (TD_ATTENDANCE_PAGE (widget), 1);
}

static void
today_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (widget);
  g_autofree char *today = dup_today (self);

  td_attendance_page_set_date (self, today);
}

/* --- callbacks ------------------------------------------------------------------- */

/* An hours course (regime `hours`) whose session has an activity awards its hours
 * per scan; every other session signs in and out. */
static TdScanResult *
run_scan (TdAttendancePage *self, const char *input, GDateTime *now, GError **error)
{
  g_autoptr (TdHoursActivity) activity = NULL;
  g_autoptr (GError) local_error = NULL;

  if (self->course == NULL || self->course->regime != TD_REGIME_HOURS)
    return td_scan_session (self->store, self->session->id, input, now, error);
  activity = td_store_find_session_hours_activity (self->store, self->session->id, &local_error);
  if (activity != NULL)
    return td_scan_activity (self->store, activity->id, input, now, error);
  if (!g_error_matches (local_error, TD_ERROR, TD_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return td_scan_session (self->store, self->session->id, input, now, error);
}

static void
scanned_cb (TdAttendancePage *self, const char *input)
{
  g_autoptr (GDateTime) now = dup_now (self);
  g_autoptr (TdScanResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) photo = NULL;

  if (self->session == NULL)
    return;
  result = run_scan (self, input, now, &error);
  if (result == NULL)
    {
      show_error_banner (self, _("Cannot Scan"), error->message);
      focus_scan (self);
      return;
    }
  if (td_scan_outcome_is_success (result->outcome))
    load_roster (self);
  photo = load_photo (self, result->trainee_id);
  td_scan_banner_show_result (self->scan_banner, result, NULL, GDK_PAINTABLE (photo));
  focus_scan (self);
}

static void
session_selected_cb (TdAttendancePage *self, GtkListBoxRow *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (self->reloading)
    return;
  choose_session (self, index >= 0 && (guint) index < self->sessions->len
                          ? g_ptr_array_index (self->sessions, index) : NULL);
}

static void
calendar_day_selected_cb (TdAttendancePage *self)
{
  g_autoptr (GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (self->reloading)
    return;
  day = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  gtk_popover_popdown (self->date_popover);
  td_attendance_page_set_date (self, date);
}

static void
popover_closed_cb (TdAttendancePage *self)
{
  if (self->scan_entry != NULL)
    focus_scan (self);
}

static void
leave_popover_show_cb (TdAttendancePage *self)
{
  TdDeskRow *row = selected_row (self);
  int minutes = self->session != NULL ? self->session->minutes : 0;
  g_autofree char *heading = NULL;

  if (row == NULL || minutes <= 0)
    return;
  heading = g_strdup_printf (_("Leave for %s"), row->columns[COL_NAME]);
  gtk_label_set_text (self->leave_heading, heading);
  /* Whole session by default; a part of it down to half an hour. */
  gtk_spin_button_set_range (self->leave_hours, MIN (0.5, minutes / 60.0), minutes / 60.0);
  gtk_spin_button_set_value (self->leave_hours, minutes / 60.0);
  gtk_drop_down_set_selected (self->leave_kind, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->leave_proof), "");
}

static void
history_popover_show_cb (TdAttendancePage *self)
{
  TdDeskRow *row = selected_row (self);
  g_autofree char *text = NULL;

  if (row == NULL || self->session == NULL)
    return;
  text = td_attendance_dup_history_text (self->store, self->session->id, row->trainee_id,
                                         row->columns[COL_NAME]);
  gtk_label_set_text (self->history_label, text);
}

/* A scanner's code typed while the roster has the focus goes to the scan field; only
 * the marking keys, lower case, stay with the roster. Scanners type upper case (codes
 * start with "TD1:", IDs with a capital letter), so an ID starting with A, H, I, L or O
 * cannot mark the selected row: its first key already moves the focus. */
static gboolean
roster_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, TdAttendancePage *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char utf8[7] = { 0 };

  if (c == 0 || !g_unichar_isgraph (c) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0
      || strchr ("ioalhr", (int) c) != NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self->scan_entry)))
    return FALSE;
  g_unichar_to_utf8 (c, utf8);
  gtk_widget_grab_focus (GTK_WIDGET (self->scan_entry));
  gtk_editable_set_text (GTK_EDITABLE (self->scan_entry), utf8);
  gtk_editable_set_position (GTK_EDITABLE (self->scan_entry), -1);
  return TRUE;
}

static void
selection_changed_cb (TdAttendancePage *self)
{
  if (!self->reloading)
    update_actions (self);
}

static gboolean
focus_scan_idle_cb (gpointer user_data)
{
  focus_scan (TD_ATTENDANCE_PAGE (user_data));
  return G_SOURCE_REMOVE;
}

/* Coming back to the page: other pages (or tdesk) may have changed the day's records.
 * The view stack settles its focus after mapping the page: take it back once it has. */
static void
page_map_cb (TdAttendancePage *self)
{
  if (self->session != NULL)
    load_roster (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_scan_idle_cb, g_object_ref (self),
                   g_object_unref);
}

/* --- the roster's columns -------------------------------------------------------- */

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  TdDeskRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint column = GPOINTER_TO_UINT (user_data);

  gtk_label_set_text (GTK_LABEL (label), row->columns[column]);
  gtk_widget_set_tooltip_text (label, row->alert);
  if (row->alert != NULL)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
add_columns (TdAttendancePage *self)
{
  const char *titles[N_COLUMNS] = {
    /* TRANSLATORS: the roster number column (序號) */
    C_("roster", "No."), _("Name"), C_("national ID column", "ID"), _("Sign-in"), _("Sign-out"), _("Status"),
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, i == COL_NAME || i == COL_STATUS);
      gtk_column_view_append_column (self->roster_view, column);
    }
}

static void
add_roster_keys (TdAttendancePage *self)
{
  const char *keys[][2] = {
    { "i", "desk.sign-in" }, { "o", "desk.sign-out" }, { "l", "desk.leave" },
    { "a", "desk.absent" },  { "h", "desk.history" }, { "r", "desk.rollcall" },
  };
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  GtkEventController *capture = gtk_event_controller_key_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (shortcuts,
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i][0]),
                                                            gtk_named_action_new (keys[i][1])));
  gtk_widget_add_controller (GTK_WIDGET (self->roster_view), GTK_EVENT_CONTROLLER (shortcuts));
  gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
  g_signal_connect (capture, "key-pressed", G_CALLBACK (roster_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->roster_view), capture);
}

static void
ensure_css (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  {
    GtkCssProvider *provider = gtk_css_provider_new ();
    GdkDisplay *display = gdk_display_get_default ();

    gtk_css_provider_load_from_resource (provider,
                                         "/io/github/trainingdesk/TrainingDesk/ui/td-attendance-page.css");
    if (display != NULL)
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    g_object_unref (provider);
  }
  g_once_init_leave (&done, 1);
}

/* --- overrides ------------------------------------------------------------------- */

static void
td_attendance_page_constructed (GObject *object)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (object);

  G_OBJECT_CLASS (td_attendance_page_parent_class)->constructed (object);

  g_assert (TD_IS_STORE (self->store));
  if (self->date == NULL || !td_iso_date_is_valid (self->date))
    {
      g_free (self->date);
      self->date = dup_today (self);
    }
  self->constructed = TRUE;
  load_day (self, 0);
}

static void
td_attendance_page_dispose (GObject *object)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (object);

  /* Tearing the widgets down emits their selection and popover signals: ignore them. */
  self->reloading = TRUE;
  self->scan_entry = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_ATTENDANCE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->course);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (td_attendance_page_parent_class)->dispose (object);
}

static void
td_attendance_page_finalize (GObject *object)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self->date);

  G_OBJECT_CLASS (td_attendance_page_parent_class)->finalize (object);
}

static void
td_attendance_page_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_attendance_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  TdAttendancePage *self = TD_ATTENDANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_NOW:
      td_attendance_page_set_now (self, g_value_get_boxed (value));
      break;
    case PROP_DATE:
      if (!self->constructed)
        self->date = g_value_dup_string (value);
      else
        td_attendance_page_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_attendance_page_class_init (TdAttendancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_attendance_page_constructed;
  object_class->dispose = td_attendance_page_dispose;
  object_class->finalize = td_attendance_page_finalize;
  object_class->get_property = td_attendance_page_get_property;
  object_class->set_property = td_attendance_page_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] = g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                                             G_PARAM_EXPLICIT_NOTIFY |
                                             G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                                               G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TD_TYPE_SCAN_BANNER);
  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-attendance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, date_button);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, calendar);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, sessions_stack);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, session_list);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, desk_stack);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, session_label);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, scan_banner);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, leave_button);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, leave_popover);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, leave_heading);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, leave_kind);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, leave_hours);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, leave_proof);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, leave_record_button);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, history_button);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, history_popover);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, history_label);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, rollcall_label);
  gtk_widget_class_bind_template_child (widget_class, TdAttendancePage, roster_view);
  gtk_widget_class_bind_template_callback (widget_class, scanned_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "desk.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "desk.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "desk.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "desk.record-leave", NULL, record_leave_action);
  gtk_widget_class_install_action (widget_class, "desk.absent", NULL, absent_action);
  gtk_widget_class_install_action (widget_class, "desk.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "desk.sign-out-all", NULL, sign_out_all_action);
  gtk_widget_class_install_action (widget_class, "desk.rollcall", NULL, rollcall_action);
  gtk_widget_class_install_action (widget_class, "desk.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "desk.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "desk.today", NULL, today_action);
}

static void
td_attendance_page_init (TdAttendancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scan_entry = td_scan_banner_get_entry (self->scan_banner);
  ensure_css ();

  self->rows = g_list_store_new (TD_TYPE_DESK_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->roster_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  add_columns (self);
  add_roster_keys (self);
  gtk_popover_set_default_widget (self->leave_popover, self->leave_record_button);
  g_signal_connect (self, "map", G_CALLBACK (page_map_cb), NULL);
  update_actions (self);
}

/* --- public API ------------------------------------------------------------------ */

GtkWidget *
td_attendance_page_new (TdStore *store)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_ATTENDANCE_PAGE, "store", store, NULL);
}

void
td_attendance_page_set_now (TdAttendancePage *self, GDateTime *now)
{
  g_return_if_fail (TD_IS_ATTENDANCE_PAGE (self));

  if (self->now == now)
    return;
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  if (self->session != NULL)
    {
      update_actions (self);
      load_roster (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

gboolean
td_attendance_page_set_date (TdAttendancePage *self, const char *date)
{
  g_return_val_if_fail (TD_IS_ATTENDANCE_PAGE (self), FALSE);

  if (date == NULL || !td_iso_date_is_valid (date))
    return FALSE;
  if (g_strcmp0 (self->date, date) != 0)
    {
      g_free (self->date);
      self->date = g_strdup (date);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
  load_day (self, 0);
  return TRUE;
}

const char *
td_attendance_page_get_date (TdAttendancePage *self)
{
  g_return_val_if_fail (TD_IS_ATTENDANCE_PAGE (self), NULL);
  return self->date;
}

gboolean
td_attendance_page_select_session (TdAttendancePage *self, gint64 session_id)
{
  g_return_val_if_fail (TD_IS_ATTENDANCE_PAGE (self), FALSE);

  for (guint i = 0; i < self->sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (self->sessions, i);

      if (s->id != session_id)
        continue;
      gtk_list_box_select_row (self->session_list, gtk_list_box_get_row_at_index (self->session_list, i));
      if (self->session != s)
        choose_session (self, s);
      return TRUE;
    }
  return FALSE;
}

gint64
td_attendance_page_get_session_id (TdAttendancePage *self)
{
  g_return_val_if_fail (TD_IS_ATTENDANCE_PAGE (self), 0);
  return self->session != NULL ? self->session->id : 0;
}

void
td_attendance_page_reload (TdAttendancePage *self)
{
  g_return_if_fail (TD_IS_ATTENDANCE_PAGE (self));

  load_day (self, self->session != NULL ? self->session->id : 0);
}
