/* td-hours-awards-view.c — hours activities of a course and the desk that awards them
 *
 * Scanning never opens a dialog: a queue of people is scanning, and a dialog would
 * swallow the next code. Every outcome goes to the banner, and the focus stays in the
 * scan field. */
#include "config.h"

#define G_LOG_DOMAIN "td-hours-awards-view"

#include <glib/gi18n.h>
#include <math.h>

#include "td-gui-resources.h"

#include "td-attendance-desk.h"
#include "td-dialogs.h"
#include "td-hours-awards-view.h"
#include "td-hours-csv.h"
#include "td-roc-date.h"
#include "td-scan-banner.h"
#include "td-widget-util.h"

struct _TdHoursAwardsView {
  TdCourseSection parent_instance;

  TdStore *store;                  /* TdCourseSection's, borrowed */
  gint64 course_id;
  GPtrArray *activities;           /* TdHoursActivity*, in list order */
  GPtrArray *sessions;             /* TdSession*, after "No session" in session_drop */
  TdHoursActivity *activity;       /* open for scanning, or NULL */
  GtkFileChooserNative *chooser;

  GtkStack *mode_stack;
  GtkPopover *new_popover;
  GtkEntry *title_entry;
  GtkEntry *date_entry;
  GtkSpinButton *physical_spin;
  GtkSpinButton *digital_spin;
  GtkDropDown *session_drop;
  GtkLabel *new_error_label;
  GtkWidget *create_button;
  GtkLabel *summary_label;
  GtkListBox *activity_list;
  GtkLabel *activity_label;
  TdScanBanner *scan_banner;
  GtkLabel *awards_label;
  GtkListBox *award_list;
};

G_DEFINE_FINAL_TYPE (TdHoursAwardsView, td_hours_awards_view, TD_TYPE_COURSE_SECTION)

/* --- helpers ------------------------------------------------------------------- */

/* "113/05/06 · physical 2 h · digital 0.5 h" */
static char *
dup_hours_line (const char *date, int physical, int digital)
{
  g_autofree char *roc = date != NULL ? td_roc_date_format (date, TD_ROC_FORMAT_SLASH) : NULL;
  g_autofree char *p = td_hours_format (physical);
  g_autofree char *d = td_hours_format (digital);

  /* TRANSLATORS: physical (實體) and digital (數位) hours awarded */
  g_autofree char *hours = g_strdup_printf (_("physical %s h · digital %s h"), p, d);

  return roc != NULL ? g_strdup_printf ("%s · %s", roc, hours) : g_steal_pointer (&hours);
}

/* The store's instant as the desk's local time "HH:MM" (an instant without a zone is
 * the desk's local time already). */
static char *
dup_local_time (const char *instant)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) when = instant != NULL ? g_date_time_new_from_iso8601 (instant, zone) : NULL;
  g_autoptr (GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;

  return local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("");
}

static GtkWidget *
new_activity_row (TdHoursActivity *activity, guint n_awards)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *hours = dup_hours_line (activity->date, activity->physical_minutes,
                                           activity->digital_minutes);
  g_autofree char *awarded = g_strdup_printf (ngettext ("%u awarded", "%u awarded", n_awards),
                                              n_awards);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", hours, awarded);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), activity->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
load_activities (TdHoursAwardsView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) activities = td_store_list_hours_activities (self->store, self->course_id,
                                                                     &error);
  guint total = 0;
  g_autofree char *summary = NULL;

  td_list_box_remove_all_rows (self->activity_list);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  if (activities == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      self->activities = g_ptr_array_new ();
      return;
    }
  self->activities = g_steal_pointer (&activities);
  for (guint i = 0; i < self->activities->len; i++)
    {
      TdHoursActivity *a = g_ptr_array_index (self->activities, i);
      g_autoptr (GPtrArray) awards = td_store_list_hours_awards (self->store, a->id, NULL);
      guint n = awards != NULL ? awards->len : 0;

      total += n;
      gtk_list_box_append (self->activity_list, new_activity_row (a, n));
    }
  summary = g_strdup_printf (ngettext ("%u award in all", "%u awards in all", total), total);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hours.export", total > 0);
}

static GtkWidget *
new_award_row (TdHoursAward *award)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *hours = dup_hours_line (NULL, award->physical_minutes, award->digital_minutes);
  g_autofree char *time = dup_local_time (award->awarded_at);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", time, hours);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 award->trainee != NULL ? award->trainee->name : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A list to read, not to act on: the focus stays in the scan field. */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
load_awards (TdHoursAwardsView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) awards = NULL;
  g_autofree char *heading = NULL;

  td_list_box_remove_all_rows (self->award_list);
  if (self->activity == NULL)
    return;
  awards = td_store_list_hours_awards (self->store, self->activity->id, &error);
  if (awards == NULL)
    {
      gtk_label_set_text (self->awards_label, error->message);
      return;
    }
  /* The latest first: the person who just scanned is at the top. */
  for (guint i = awards->len; i > 0; i--)
    gtk_list_box_append (self->award_list, new_award_row (g_ptr_array_index (awards, i - 1)));
  heading = g_strdup_printf (ngettext ("%u Awarded", "%u Awarded", awards->len), awards->len);
  gtk_label_set_text (self->awards_label, heading);
}

static void
focus_scan (TdHoursAwardsView *self)
{
  if (self->activity != NULL)
    td_scan_banner_focus (self->scan_banner);
}

static void
show_ready (TdHoursAwardsView *self)
{
  g_autofree char *hours = dup_hours_line (NULL, self->activity->physical_minutes,
                                           self->activity->digital_minutes);
  /* TRANSLATORS: %s is e.g. "physical 2 h · digital 0 h" */
  g_autofree char *message = g_strdup_printf (_("Each attendee scans their personal code once: "
                                                "%s."), hours);

  td_scan_banner_show (self->scan_banner, NULL, _("Ready to Scan"), NULL, message, NULL);
}

static void
open_activity (TdHoursAwardsView *self, TdHoursActivity *activity)
{
  g_autofree char *roc = td_roc_date_format (activity->date, TD_ROC_FORMAT_SLASH);
  g_autofree char *label = g_strdup_printf ("%s  %s", activity->title, roc != NULL ? roc : "");

  g_clear_pointer (&self->activity, td_hours_activity_free);
  self->activity = td_store_get_hours_activity (self->store, activity->id, NULL);
  if (self->activity == NULL)
    return;
  gtk_label_set_text (self->activity_label, label);
  show_ready (self);
  load_awards (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "scanning");
  focus_scan (self);
}

static char *
dup_award_message (TdHoursAwardsView *self, const TdScanResult *result)
{
  g_autofree char *hours = NULL;

  if (result->outcome != TD_SCAN_AWARDED)
    return NULL;
  hours = dup_hours_line (NULL, self->activity->physical_minutes, self->activity->digital_minutes);
  /* TRANSLATORS: hours awarded ("physical 2 h · digital 0 h") and the time */
  return g_strdup_printf (_("%s, at %s"), hours, result->time);
}

/* --- the new activity form ------------------------------------------------------ */

static char *
dup_session_label (TdSession *session)
{
  g_autofree char *roc = td_roc_date_format (session->date, TD_ROC_FORMAT_SLASH);

  return g_strdup_printf ("%s %s %s", roc != NULL ? roc : session->date,
                          session->start_time != NULL ? session->start_time : "",
                          session->subject != NULL ? session->subject : "");
}

static void
fill_sessions (TdHoursAwardsView *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = td_store_list_sessions (self->store, self->course_id, NULL);
  if (self->sessions == NULL)
    self->sessions = g_ptr_array_new ();
  gtk_string_list_append (labels, _("No session"));
  for (guint i = 0; i < self->sessions->len; i++)
    {
      g_autofree char *label = dup_session_label (g_ptr_array_index (self->sessions, i));
      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (self->session_drop, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->session_drop, 0);
}

static void
show_new_error (TdHoursAwardsView *self, const char *message)
{
  gtk_label_set_text (self->new_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->new_error_label), message != NULL);
}

/* The form as an activity; NULL with @error when the date cannot be read. */
static TdHoursActivity *
build_activity (TdHoursAwardsView *self, GError **error)
{
  g_autoptr (TdHoursActivity) activity = g_new0 (TdHoursActivity, 1);
  guint session = gtk_drop_down_get_selected (self->session_drop);

  activity->date = td_roc_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                                      error);
  if (activity->date == NULL)
    return NULL;
  activity->course_id = self->course_id;
  activity->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  activity->physical_minutes = (int) lround (gtk_spin_button_get_value (self->physical_spin) * 60);
  activity->digital_minutes = (int) lround (gtk_spin_button_get_value (self->digital_spin) * 60);
  if (session > 0 && session != GTK_INVALID_LIST_POSITION && session <= self->sessions->len)
    activity->session_id = ((TdSession *) g_ptr_array_index (self->sessions, session - 1))->id;
  return g_steal_pointer (&activity);
}

/* --- callbacks ------------------------------------------------------------------- */

static void
new_popover_show_cb (TdHoursAwardsView *self)
{
  g_autofree char *today = td_iso_date_today ();
  g_autofree char *roc = td_roc_date_format (today, TD_ROC_FORMAT_SLASH);

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), roc != NULL ? roc : "");
  gtk_spin_button_set_value (self->physical_spin, 0);
  gtk_spin_button_set_value (self->digital_spin, 0);
  fill_sessions (self);
  show_new_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
activity_activated_cb (TdHoursAwardsView *self, GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->activities->len)
    open_activity (self, g_ptr_array_index (self->activities, index));
}

static void
scanned_cb (TdHoursAwardsView *self, const char *input)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (TdScanResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->activity == NULL)
    return;
  result = td_scan_activity (self->store, self->activity->id, input, now, &error);
  if (result == NULL)
    {
      td_scan_banner_show (self->scan_banner, "refused", _("Cannot Scan"), NULL, error->message,
                           NULL);
      focus_scan (self);
      return;
    }
  message = dup_award_message (self, result);
  td_scan_banner_show_result (self->scan_banner, result, message, NULL);
  if (td_scan_outcome_is_success (result->outcome))
    load_awards (self);
  focus_scan (self);
}

static void
export_response_cb (TdHoursAwardsView *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (!td_hours_awards_view_export (self, file, &error))
    td_show_error (GTK_WIDGET (self), _("Could Not Export the Hours"), error->message);
  else
    td_toast (GTK_WIDGET (self), _("Awarded hours exported"));
}

static gboolean
focus_scan_idle_cb (gpointer user_data)
{
  focus_scan (TD_HOURS_AWARDS_VIEW (user_data));
  return G_SOURCE_REMOVE;
}

/* The notebook settles its focus after showing the tab: take it back once it has. */
static void
view_map_cb (TdHoursAwardsView *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_scan_idle_cb, g_object_ref (self),
                   g_object_unref);
}

/* --- actions ------------------------------------------------------------------- */

static void
create_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdHoursAwardsView *self = TD_HOURS_AWARDS_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (TdHoursActivity) activity = build_activity (self, &error);

  if (activity == NULL || !td_store_create_hours_activity (self->store, activity, &error))
    {
      show_new_error (self, error->message);
      return;
    }
  gtk_popover_popdown (self->new_popover);
  load_activities (self);
  open_activity (self, activity);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdHoursAwardsView *self = TD_HOURS_AWARDS_VIEW (widget);

  g_clear_pointer (&self->activity, td_hours_activity_free);
  load_activities (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "activities");
  /* Not left to GTK: the hidden scan field must not keep the focus. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->activity_list)) != NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->activity_list), GTK_DIR_TAB_FORWARD);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdHoursAwardsView *self = TD_HOURS_AWARDS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Awarded Hours"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("hours.csv"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- overrides ------------------------------------------------------------------- */

static void
td_hours_awards_view_constructed (GObject *object)
{
  TdHoursAwardsView *self = TD_HOURS_AWARDS_VIEW (object);

  G_OBJECT_CLASS (td_hours_awards_view_parent_class)->constructed (object);
  self->store = td_course_section_get_store (TD_COURSE_SECTION (self));
  self->course_id = td_course_section_get_course_id (TD_COURSE_SECTION (self));
  load_activities (self);
}

static void
td_hours_awards_view_dispose (GObject *object)
{
  TdHoursAwardsView *self = TD_HOURS_AWARDS_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_HOURS_AWARDS_VIEW);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->activity, td_hours_activity_free);
  G_OBJECT_CLASS (td_hours_awards_view_parent_class)->dispose (object);
}

static void
td_hours_awards_view_class_init (TdHoursAwardsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_hours_awards_view_constructed;
  object_class->dispose = td_hours_awards_view_dispose;

  g_type_ensure (TD_TYPE_SCAN_BANNER);
  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-hours-awards-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, new_popover);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, physical_spin);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, digital_spin);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, session_drop);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, new_error_label);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, create_button);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, activity_list);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, activity_label);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, scan_banner);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, awards_label);
  gtk_widget_class_bind_template_child (widget_class, TdHoursAwardsView, award_list);
  gtk_widget_class_bind_template_callback (widget_class, new_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, scanned_cb);

  gtk_widget_class_install_action (widget_class, "hours.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "hours.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "hours.export", NULL, export_action);
}

static void
td_hours_awards_view_init (TdHoursAwardsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_set_default_widget (self->new_popover, self->create_button);
  g_signal_connect (self, "map", G_CALLBACK (view_map_cb), NULL);
}

/* --- public API ------------------------------------------------------------------ */

GtkWidget *
td_hours_awards_view_new (TdStore *store, gint64 course_id)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_HOURS_AWARDS_VIEW, "store", store, "course-id", course_id, NULL);
}

gboolean
td_hours_awards_view_open_activity (TdHoursAwardsView *self, gint64 activity_id)
{
  g_return_val_if_fail (TD_IS_HOURS_AWARDS_VIEW (self), FALSE);

  for (guint i = 0; i < self->activities->len; i++)
    {
      TdHoursActivity *a = g_ptr_array_index (self->activities, i);

      if (a->id == activity_id)
        {
          open_activity (self, a);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
td_hours_awards_view_export (TdHoursAwardsView *self, GFile *file, GError **error)
{
  g_return_val_if_fail (TD_IS_HOURS_AWARDS_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return td_hours_csv_export (self->store, self->course_id, file, error);
}
