/* td-sessions-editor.c — timetable list plus a form for one session */
#include "config.h"

#define G_LOG_DOMAIN "td-sessions-editor"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-dialogs.h"
#include "td-resources.h"
#include "td-roc-date.h"
#include "td-rules.h"
#include "td-session-form.h"
#include "td-sessions-editor.h"

struct _TdSessionsEditor {
  TdCourseSection parent_instance;

  TdStore *store;                  /* TdCourseSection's, borrowed */
  gint64 course_id;
  GListStore *sessions;
  GHashTable *lecturer_names;      /* id → name */
  GArray *lecturer_ids;            /* gint64, parallel to lecturer_dropdown; [0] = none */
  TdSessionForm *form;             /* the session being edited; a new one has id 0 */
  gboolean loading;                /* entries are being filled from the form */
  TdCourseSnapshot *rules_base;    /* the course and centre settings the live check reads */
  TdRulePack *rules_pack;          /* the rules of the course's regime */
  guint rules_idle;                /* the live check waiting to run, or 0 */

  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel *sort_model;
  GtkLabel *form_heading;
  GtkEntry *date_entry;
  GtkEntry *start_entry;
  GtkEntry *end_entry;
  GtkEntry *hours_entry;
  GtkEntry *subject_entry;
  GtkDropDown *mode_dropdown;
  GtkDropDown *lecturer_dropdown;
  GtkLabel *error_label;
  GtkLabel *rules_label;
};

G_DEFINE_FINAL_TYPE (TdSessionsEditor, td_sessions_editor, TD_TYPE_COURSE_SECTION)

static void queue_rules_check (TdSessionsEditor *self);

/* --- helpers ---------------------------------------------------------------- */

static void
load_lecturers (TdSessionsEditor *self)
{
  g_autoptr (GPtrArray) lecturers = td_store_list_lecturers (self->store, NULL, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_hash_table_remove_all (self->lecturer_names);
  g_array_set_size (self->lecturer_ids, 0);
  gtk_string_list_append (names, _("(none)"));
  g_array_append_val (self->lecturer_ids, none);
  for (guint i = 0; lecturers != NULL && i < lecturers->len; i++)
    {
      TdLecturer *lecturer = g_ptr_array_index (lecturers, i);
      gint64 *key = g_new (gint64, 1);

      *key = lecturer->id;
      g_hash_table_insert (self->lecturer_names, key, g_strdup (lecturer->name));
      gtk_string_list_append (names, lecturer->name);
      g_array_append_val (self->lecturer_ids, lecturer->id);
    }
  gtk_drop_down_set_model (self->lecturer_dropdown, G_LIST_MODEL (names));
}

/* Lecturers are edited on their own page: re-read them whenever the timetable shows,
 * keeping the form's choice. */
static void
td_sessions_editor_refresh (TdCourseSection *section)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (section);
  guint selected = gtk_drop_down_get_selected (self->lecturer_dropdown);
  gint64 lecturer_id = selected < self->lecturer_ids->len
                         ? g_array_index (self->lecturer_ids, gint64, selected) : 0;

  load_lecturers (self);
  /* The course's regime, kind or the centre settings may have changed meanwhile. */
  g_clear_pointer (&self->rules_base, td_course_snapshot_free);
  g_clear_object (&self->rules_pack);
  for (guint i = 0; i < self->lecturer_ids->len; i++)
    if (g_array_index (self->lecturer_ids, gint64, i) == lecturer_id)
      gtk_drop_down_set_selected (self->lecturer_dropdown, i);
  /* Rebinds the rows, so the lecturer column shows current names. */
  td_sessions_editor_reload (self);
}

static GtkEntry *
entry_for (TdSessionsEditor *self, TdSessionField field)
{
  GtkEntry *entries[TD_SESSION_N_FIELDS] = {
    [TD_SESSION_FIELD_DATE] = self->date_entry,
    [TD_SESSION_FIELD_START] = self->start_entry,
    [TD_SESSION_FIELD_END] = self->end_entry,
    [TD_SESSION_FIELD_HOURS] = self->hours_entry,
    [TD_SESSION_FIELD_SUBJECT] = self->subject_entry,
  };

  return entries[field];
}

static void
show_field (TdSessionsEditor *self, TdSessionField field)
{
  g_autofree char *text = td_session_form_dup_text (self->form, field);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry_for (self, field)), text != NULL ? text : "");
  self->loading = FALSE;
}

static void
load_form (TdSessionsEditor *self)
{
  TdSession *s = td_session_form_get_session (self->form);
  guint lecturer_pos = 0;

  for (guint i = 0; i < TD_SESSION_N_FIELDS; i++)
    {
      show_field (self, i);
      gtk_widget_remove_css_class (GTK_WIDGET (entry_for (self, i)), "error");
    }
  for (guint i = 0; i < self->lecturer_ids->len; i++)
    if (g_array_index (self->lecturer_ids, gint64, i) == s->lecturer_id)
      lecturer_pos = i;
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->mode_dropdown, s->mode);
  gtk_drop_down_set_selected (self->lecturer_dropdown, lecturer_pos);
  self->loading = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->form_heading, s->id == 0 ? _("New Session") : _("Edit Session"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete", s->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.duplicate-day", s->id != 0);
  queue_rules_check (self);
}

static void
edit_session (TdSessionsEditor *self, TdSession *session)
{
  g_clear_object (&self->form);
  self->form = td_session_form_new (session, self->course_id);
  load_form (self);
}

/* A new session, on @date (ROC or ISO text) when given. */
static void
start_new (TdSessionsEditor *self, const char *date)
{
  edit_session (self, NULL);
  if (date != NULL)
    {
      td_session_form_set_text (self->form, TD_SESSION_FIELD_DATE, date);
      show_field (self, TD_SESSION_FIELD_DATE);
    }
}

/* A new session most often follows the last one of the timetable. */
static void
prefill_next (TdSessionsEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  g_autoptr (TdSession) last = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->sessions), n - 1)
                                     : NULL;

  if (last != NULL)
    start_new (self, last->date);
}

/* Marks each entry whose field has a message; TRUE when there is none. */
static gboolean
mark_errors (TdSessionsEditor *self)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < TD_SESSION_N_FIELDS; i++)
    {
      GtkWidget *entry = GTK_WIDGET (entry_for (self, i));

      if (td_session_form_get_error (self->form, i) != NULL)
        {
          gtk_widget_add_css_class (entry, "error");
          valid = FALSE;
        }
      else
        gtk_widget_remove_css_class (entry, "error");
    }
  return valid;
}

static void
show_error (TdSessionsEditor *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
select_session (TdSessionsEditor *self, gint64 id)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (shown);

  /* Positions in the view, which may be sorted by a column. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TdSession) s = g_list_model_get_item (shown, i);

      if (s->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* --- live rule check ----------------------------------------------------------- */

/* Loads the course and its regime's rules once; the settings come with the snapshot. */
static gboolean
ensure_rules_base (TdSessionsEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (self->rules_base != NULL)
    return TRUE;
  self->rules_base = td_course_snapshot_load (self->store, self->course_id, &error);
  if (self->rules_base != NULL)
    self->rules_pack = td_rule_pack_load_for_regime (self->rules_base->course->regime, &error);
  if (self->rules_pack == NULL)
    {
      g_debug ("No live timetable check: %s", error->message);
      g_clear_pointer (&self->rules_base, td_course_snapshot_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
form_times_valid (TdSessionsEditor *self)
{
  static const TdSessionField fields[] = {
    TD_SESSION_FIELD_DATE, TD_SESSION_FIELD_START, TD_SESSION_FIELD_END, TD_SESSION_FIELD_HOURS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (td_session_form_get_error (self->form, fields[i]) != NULL)
      return FALSE;
  return td_session_form_get_session (self->form)->date != NULL;
}

static gint
compare_sessions (gconstpointer a, gconstpointer b)
{
  const TdSession *x = *(TdSession *const *) a, *y = *(TdSession *const *) b;

  return g_strcmp0 (x->start_time, y->start_time);
}

/* A snapshot of the edited session's day: the stored sessions of that date with the
 * edited one in place of its stored version. Every timetable rule is about one day. */
static TdCourseSnapshot *
new_day_snapshot (TdSessionsEditor *self)
{
  TdSession *edited = td_session_form_get_session (self->form);
  TdCourseSnapshot *snap = td_course_snapshot_new (self->rules_base->course);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->rules_base->settings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (snap->settings, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sessions)); i++)
    {
      g_autoptr (TdSession) s = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      if (g_strcmp0 (s->date, edited->date) == 0 && (edited->id == 0 || s->id != edited->id))
        g_ptr_array_add (snap->sessions, g_steal_pointer (&s));
    }
  g_ptr_array_add (snap->sessions, td_session_copy (edited));
  g_ptr_array_sort (snap->sessions, compare_sessions);
  return snap;
}

static void
show_rules (TdSessionsEditor *self, GPtrArray *findings)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean errors = findings != NULL && td_findings_have_errors (findings);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (findings, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a finding shown under the session form: message (article) */
      g_string_append_printf (text, _("%s (%s)"), f->message, f->article);
    }
  gtk_label_set_text (self->rules_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_label), text->len > 0);
  if (errors)
    gtk_widget_remove_css_class (GTK_WIDGET (self->rules_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rules_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->rules_label), errors ? "error" : "warning");
}

static gboolean
run_rules_check (gpointer data)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (data);
  g_autoptr (TdCourseSnapshot) snap = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GPtrArray) schedule = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  self->rules_idle = 0;
  if (self->form == NULL || !form_times_valid (self) || !ensure_rules_base (self))
    {
      show_rules (self, NULL);
      return G_SOURCE_REMOVE;
    }
  snap = new_day_snapshot (self);
  findings = td_rules_check_snapshot (snap, self->rules_pack, NULL, NULL, &error);
  if (findings == NULL)
    g_debug ("Live timetable check failed: %s", error->message);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      if (g_str_has_prefix (f->rule, "schedule."))
        g_ptr_array_add (schedule, f);
    }
  show_rules (self, schedule);
  return G_SOURCE_REMOVE;
}

/* The check runs once the current burst of edits has been handled, not per keystroke. */
static void
queue_rules_check (TdSessionsEditor *self)
{
  if (self->rules_idle == 0)
    self->rules_idle = g_idle_add (run_rules_check, self);
}

/* --- closures and factory callbacks --------------------------------------- */

static char *
format_date (gpointer item, const char *iso)
{
  char *roc = iso != NULL ? td_roc_date_format (iso, TD_ROC_FORMAT_SLASH) : NULL;

  return roc != NULL ? roc : g_strdup (iso != NULL ? iso : "");
}

static char *
format_hours (gpointer item, TdSession *session)
{
  return session != NULL ? td_format_minutes_as_hours (session->minutes) : g_strdup ("");
}

static void
label_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TdSessionsEditor *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
lecturer_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TdSessionsEditor *self)
{
  TdSession *session = gtk_list_item_get_item (item);
  const char *name = g_hash_table_lookup (self->lecturer_names, &session->lecturer_id);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), name != NULL ? name : "");
}

/* --- callbacks -------------------------------------------------------------- */

static void
selection_changed_cb (TdSessionsEditor *self)
{
  TdSession *selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected != NULL)
    edit_session (self, selected);
}

static TdSessionField
field_of (TdSessionsEditor *self, GtkEditable *editable)
{
  for (guint i = 0; i < TD_SESSION_N_FIELDS; i++)
    if (GTK_EDITABLE (entry_for (self, i)) == editable)
      return i;
  g_return_val_if_reached (TD_SESSION_FIELD_SUBJECT);
}

/* The form reads every keystroke; the hours entry follows the times until the
 * person types hours of their own. */
static void
entry_changed_cb (TdSessionsEditor *self, GtkEditable *editable)
{
  TdSessionField field;

  if (self->loading)
    return;
  field = field_of (self, editable);
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  td_session_form_set_text (self->form, field, gtk_editable_get_text (editable));
  if ((field == TD_SESSION_FIELD_START || field == TD_SESSION_FIELD_END) &&
      !td_session_form_get_hours_typed (self->form) &&
      td_session_form_get_error (self->form, TD_SESSION_FIELD_HOURS) == NULL)
    show_field (self, TD_SESSION_FIELD_HOURS);
  queue_rules_check (self);
}

/* On leaving a field, show what was read in its usual form (0830 becomes 08:00). */
static void
entry_focus_left_cb (GtkEventControllerFocus *controller, TdSessionsEditor *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  TdSessionField field = field_of (self, GTK_EDITABLE (entry));

  if (td_session_form_get_error (self->form, field) == NULL)
    show_field (self, field);
}

static void
dropdown_changed_cb (TdSessionsEditor *self)
{
  guint lecturer = gtk_drop_down_get_selected (self->lecturer_dropdown);

  if (self->loading || self->form == NULL)
    return;
  td_session_form_set_mode (self->form, gtk_drop_down_get_selected (self->mode_dropdown));
  td_session_form_set_lecturer (self->form, lecturer < self->lecturer_ids->len
                                              ? g_array_index (self->lecturer_ids, gint64, lecturer)
                                              : 0);
  queue_rules_check (self);
}

static void
entry_activated_cb (TdSessionsEditor *self, GtkEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sessions.save", NULL);
}

static void
delete_confirmed_cb (gpointer data)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (data);
  TdSession *current = td_session_form_get_session (self->form);
  g_autoptr (GError) error = NULL;
  g_autofree char *date = g_strdup (current->date);

  if (!td_store_delete_session (self->store, current->id, &error))
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Delete the Session"), error->message);
      return;
    }
  td_sessions_editor_reload (self);
  start_new (self, date);
  td_toast (GTK_WIDGET (self), _("Session deleted"));
}

static void
duplicate_response_cb (AdwMessageDialog *dialog, const char *response, TdSessionsEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr (GError) error = NULL;
  g_autofree char *to = NULL;

  if (g_strcmp0 (response, "duplicate") != 0)
    return;
  to = td_roc_date_parse (gtk_editable_get_text (entry), &error);
  if (to == NULL ||
      !td_store_duplicate_day (self->store, self->course_id,
                               td_session_form_get_session (self->form)->date, to, &error))
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Duplicate the Day"), error->message);
      return;
    }
  td_sessions_editor_reload (self);
  td_toast (GTK_WIDGET (self), _("Day duplicated"));
}

/* --- actions ---------------------------------------------------------------- */

static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (widget);
  g_autofree char *date = g_strdup (td_session_form_get_session (self->form)->date);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  start_new (self, date);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (widget);
  gboolean is_new = td_session_form_is_new (self->form);
  g_autoptr (GError) error = NULL;
  TdSession *saved;

  dropdown_changed_cb (self);
  if (!mark_errors (self))
    {
      g_autofree char *messages = td_session_form_dup_errors (self->form);
      show_error (self, messages);
      return;
    }
  if (!td_session_form_save (self->form, self->store,
                             g_list_model_get_n_items (G_LIST_MODEL (self->sessions)), &error))
    {
      show_error (self, error->message);
      return;
    }
  saved = g_object_ref (td_session_form_get_session (self->form));
  td_sessions_editor_reload (self);
  if (is_new)
    {
      /* The next session usually follows on the same day, where this one ended. */
      start_new (self, saved->date);
      td_session_form_set_text (self->form, TD_SESSION_FIELD_START, saved->end_time);
      show_field (self, TD_SESSION_FIELD_START);
      gtk_widget_grab_focus (GTK_WIDGET (self->start_entry));
    }
  else
    select_session (self, saved->id);
  g_object_unref (saved);
  td_toast (GTK_WIDGET (self), is_new ? _("Session added") : _("Session saved"));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (widget);
  TdSession *current = td_session_form_get_session (self->form);
  g_autofree char *date = td_roc_date_format (current->date, TD_ROC_FORMAT_SLASH);
  g_autofree char *heading = NULL;

  if (current->id == 0)
    return;
  heading = g_strdup_printf (_("Delete the Session “%s” on %s?"), current->subject, date);
  td_confirm (widget, heading,
              _("A session with recorded attendance cannot be deleted."),
              _("_Delete"), delete_confirmed_cb, G_OBJECT (self));
}

static void
duplicate_day_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (widget);
  TdSession *current = td_session_form_get_session (self->form);
  g_autofree char *date = td_roc_date_format (current->date, TD_ROC_FORMAT_SLASH);
  g_autofree char *heading = g_strdup_printf (_("Duplicate the Sessions of %s"), date);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Copy every session of this day to the day below "
                                     "(ROC date, e.g. 113/05/07)."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "duplicate", _("_Duplicate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "duplicate",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "duplicate");
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb), self, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- overrides -------------------------------------------------------------- */

static void
td_sessions_editor_constructed (GObject *object)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (object);
  GtkStringList *modes = GTK_STRING_LIST (gtk_drop_down_get_model (self->mode_dropdown));

  G_OBJECT_CLASS (td_sessions_editor_parent_class)->constructed (object);

  self->store = td_course_section_get_store (TD_COURSE_SECTION (self));
  self->course_id = td_course_section_get_course_id (TD_COURSE_SECTION (self));
  for (guint i = 0; i < TD_SESSION_N_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_left_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (entry_for (self, i)), focus);
    }
  for (int mode = TD_SESSION_MODE_THEORY; mode <= TD_SESSION_MODE_PRACTICUM; mode++)
    gtk_string_list_append (modes, td_session_mode_label (mode));
  load_lecturers (self);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->sessions));
  td_sessions_editor_reload (self);
  start_new (self, NULL);
  prefill_next (self);
}

static void
td_sessions_editor_dispose (GObject *object)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (object);

  g_clear_handle_id (&self->rules_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_SESSIONS_EDITOR);

  G_OBJECT_CLASS (td_sessions_editor_parent_class)->dispose (object);
}

static void
td_sessions_editor_finalize (GObject *object)
{
  TdSessionsEditor *self = TD_SESSIONS_EDITOR (object);

  g_clear_object (&self->sessions);
  g_clear_object (&self->form);
  g_clear_pointer (&self->rules_base, td_course_snapshot_free);
  g_clear_object (&self->rules_pack);
  g_clear_pointer (&self->lecturer_names, g_hash_table_unref);
  g_clear_pointer (&self->lecturer_ids, g_array_unref);

  G_OBJECT_CLASS (td_sessions_editor_parent_class)->finalize (object);
}

static void
td_sessions_editor_class_init (TdSessionsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_sessions_editor_constructed;
  object_class->dispose = td_sessions_editor_dispose;
  object_class->finalize = td_sessions_editor_finalize;
  TD_COURSE_SECTION_CLASS (klass)->refresh = td_sessions_editor_refresh;

  gtk_widget_class_install_action (widget_class, "sessions.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "sessions.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "sessions.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "sessions.duplicate-day", NULL,
                                   duplicate_day_activated);

  g_type_ensure (TD_TYPE_SESSION);
  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-sessions-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, selection);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, form_heading);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, hours_entry);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, lecturer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdSessionsEditor, rules_label);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, format_hours);
  gtk_widget_class_bind_template_callback (widget_class, label_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, lecturer_bind_cb);
}

static void
td_sessions_editor_init (TdSessionsEditor *self)
{
  self->sessions = g_list_store_new (TD_TYPE_SESSION);
  self->lecturer_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->lecturer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ------------------------------------------------------------- */

TdSessionsEditor *
td_sessions_editor_new (TdStore *store, gint64 course_id)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  g_return_val_if_fail (course_id > 0, NULL);

  return g_object_new (TD_TYPE_SESSIONS_EDITOR, "store", store, "course-id", course_id, NULL);
}

GListModel *
td_sessions_editor_get_sessions (TdSessionsEditor *self)
{
  g_return_val_if_fail (TD_IS_SESSIONS_EDITOR (self), NULL);
  return G_LIST_MODEL (self->sessions);
}

void
td_sessions_editor_reload (TdSessionsEditor *self)
{
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (TD_IS_SESSIONS_EDITOR (self));

  sessions = td_store_list_sessions (self->store, self->course_id, &error);
  if (sessions == NULL)
    {
      show_error (self, error->message);
      return;
    }
  self->loading = TRUE;
  g_list_store_splice (self->sessions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sessions)),
                       sessions->pdata, sessions->len);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->list_stack, sessions->len > 0 ? "sessions" : "empty");
}
