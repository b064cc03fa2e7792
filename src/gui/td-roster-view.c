/* td-roster-view.c — the roster list, enrolling by national ID, CSV import/export */
#include "config.h"

#define G_LOG_DOMAIN "td-roster-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-dialogs.h"
#include "td-forms.h"
#include "td-preview-window.h"
#include "td-resources.h"
#include "td-national-id.h"
#include "td-paged-list.h"
#include "td-roster-csv.h"
#include "td-roster-view.h"
#include "td-rules.h"

struct _TdRosterView {
  TdCourseSection parent_instance;

  TdStore *store;                  /* TdCourseSection's, borrowed */
  gint64 course_id;
  GListStore *enrolments;
  TdTrainee *known;                /* the directory's person with the typed ID, or NULL */
  GtkFileChooserNative *chooser;
  gint64 pending_remove_id;        /* the roster row a remove confirmation is about */
  gboolean loading;
  GHashTable *dismissal_due;       /* trainee ids whose absence reached the dismissal fraction */
  gboolean was_hidden;             /* unmapped since dismissal_due was last computed */

  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel *sort_model;
  GtkLabel *count_label;
  GtkEntry *id_entry;
  GtkEntry *name_entry;
  GtkEntry *employer_entry;
  GtkLabel *hint_label;
  GtkMenuButton *find_button;
  GtkSearchEntry *person_search;
  GtkSingleSelection *person_selection;
  TdPagedList *people;             /* the directory, paged; made when first searched */
};

G_DEFINE_FINAL_TYPE (TdRosterView, td_roster_view, TD_TYPE_COURSE_SECTION)

/* --- helpers ---------------------------------------------------------------- */

static void
set_hint (TdRosterView *self, const char *text, gboolean is_error)
{
  gtk_label_set_text (self->hint_label, text != NULL ? text : "");
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
    }
}

static void
set_default_hint (TdRosterView *self)
{
  set_hint (self, _("Type the national ID, or find a person in the directory: a known "
                    "person's details are filled in."), FALSE);
}

static TdEnrolment *
get_selected (TdRosterView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (TdRosterView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->enrolments));
  g_autofree char *count = g_strdup_printf (ngettext ("%u trainee enrolled",
                                                      "%u trainees enrolled", n), n);

  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "roster" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.remove", get_selected (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.export", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.print-badges", n > 0);
}

static void
clear_entries (TdRosterView *self)
{
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->id_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->employer_entry), "");
  self->loading = FALSE;
  g_clear_object (&self->known);
  set_default_hint (self);
}

/* Looks the typed ID up in the directory, so a known person is picked, not retyped. */
static void
look_up_id (TdRosterView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->id_entry));
  g_autofree char *id = td_national_id_check (text, NULL, NULL);
  g_autofree char *hint = NULL;

  g_clear_object (&self->known);
  gtk_widget_remove_css_class (GTK_WIDGET (self->id_entry), "error");
  if (id == NULL)
    {
      set_default_hint (self);
      return;
    }
  self->known = td_store_find_trainee_by_national_id (self->store, id, NULL);
  if (self->known == NULL)
    {
      set_hint (self, _("A new person: enter the name to add them to the directory."), FALSE);
      return;
    }
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->known->name);
  gtk_editable_set_text (GTK_EDITABLE (self->employer_entry),
                         self->known->employer != NULL ? self->known->employer : "");
  self->loading = FALSE;
  hint = g_strdup_printf (_("%s is already in the directory and will be enrolled."),
                          self->known->name);
  set_hint (self, hint, FALSE);
}

static char *
dup_trimmed (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* --- closures --------------------------------------------------------------- */

static char *
format_seq (gpointer item, int seq)
{
  return g_strdup_printf ("%d", seq);
}

/* --- callbacks -------------------------------------------------------------- */

static void
name_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TdRosterView *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TdRosterView *self)
{
  TdEnrolment *enrolment = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean due = enrolment->trainee != NULL &&
                 g_hash_table_contains (self->dismissal_due, &enrolment->trainee->id);

  gtk_label_set_text (GTK_LABEL (label),
                      enrolment->trainee != NULL ? enrolment->trainee->name : NULL);
  if (due)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  gtk_widget_set_tooltip_text (label, due ? _("Absent beyond the dismissal limit") : NULL);
}

/* Who has been absent long enough to be dismissed, by the dismissal rule of the
 * course's regime (the centre's settings applied). */
static void
update_dismissal_due (TdRosterView *self)
{
  g_autoptr (TdCourseSnapshot) snap = NULL;
  g_autoptr (TdRulePack) pack = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GError) error = NULL;

  self->was_hidden = FALSE;
  g_hash_table_remove_all (self->dismissal_due);
  snap = td_course_snapshot_load (self->store, self->course_id, &error);
  if (snap != NULL)
    pack = td_rule_pack_load_for_regime (snap->course->regime, &error);
  if (pack != NULL)
    findings = td_rules_check_snapshot (snap, pack, "attendance.dismissal", NULL, &error);
  if (findings == NULL)
    {
      g_debug ("Cannot check the roster for dismissals: %s", error->message);
      return;
    }
  for (guint i = 0; i < findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (findings, i);
      gint64 *id = g_new (gint64, 1);

      *id = f->trainee_id;
      g_hash_table_add (self->dismissal_due, id);
    }
}

static gboolean
same_set (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

/* Attendance is recorded elsewhere too (the Attendance page, the command line) while
 * the roster is out of sight, so who is due for dismissal is worked out again when it
 * is shown; the rows are bound again only when that changed. */
static void
refresh_dismissals (TdRosterView *self)
{
  g_autoptr (GHashTable) before = g_steal_pointer (&self->dismissal_due);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->enrolments));

  self->dismissal_due = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  update_dismissal_due (self);
  if (!same_set (before, self->dismissal_due))
    g_list_model_items_changed (G_LIST_MODEL (self->enrolments), 0, n, n);
}

static void
selection_changed_cb (TdRosterView *self)
{
  update_actions (self);
}

static void
entry_changed_cb (TdRosterView *self, GtkEditable *editable)
{
  if (self->loading)
    return;
  if (editable == GTK_EDITABLE (self->id_entry))
    look_up_id (self);
}

static void
entry_activated_cb (TdRosterView *self, GtkEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "roster.add", NULL);
}

static void
remove_confirmed_cb (gpointer data)
{
  TdRosterView *self = TD_ROSTER_VIEW (data);
  g_autoptr (GError) error = NULL;

  if (!td_store_unenrol (self->store, self->pending_remove_id, &error))
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Remove the Trainee"), error->message);
      return;
    }
  td_roster_view_reload (self);
  td_toast (GTK_WIDGET (self), _("Trainee removed from the roster"));
}

static void
fill_from_person (TdRosterView *self, TdTrainee *person)
{
  g_autofree char *hint = NULL;

  g_set_object (&self->known, person);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->id_entry), person->national_id);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), person->name);
  gtk_editable_set_text (GTK_EDITABLE (self->employer_entry),
                         person->employer != NULL ? person->employer : "");
  self->loading = FALSE;
  hint = g_strdup_printf (_("%s is already in the directory and will be enrolled."), person->name);
  set_hint (self, hint, FALSE);
}

/* The directory can hold hundreds of thousands of people: page it from the store. */
static void
find_popover_shown_cb (TdRosterView *self)
{
  if (self->people == NULL)
    {
      self->people = td_paged_list_new_trainees (self->store);
      gtk_single_selection_set_model (self->person_selection, G_LIST_MODEL (self->people));
    }
  else
    td_paged_list_reload (self->people);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_search));
}

static void
person_search_changed_cb (TdRosterView *self, GtkSearchEntry *entry)
{
  if (self->people != NULL)
    td_paged_list_set_search (self->people, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
pick_person (TdRosterView *self, guint position)
{
  g_autoptr (TdTrainee) person = g_list_model_get_item (G_LIST_MODEL (self->people), position);

  if (person == NULL)
    return;
  fill_from_person (self, person);
  gtk_menu_button_popdown (self->find_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->employer_entry));
}

static void
person_activated_cb (GtkListView *list, guint position, TdRosterView *self)
{
  pick_person (self, position);
}

static void
person_search_activated_cb (TdRosterView *self, GtkSearchEntry *entry)
{
  if (self->people != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->people)) > 0)
    pick_person (self, 0);
}

static void
import_response_cb (TdRosterView *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    td_roster_view_import_from (self, file);
}

static void
export_response_cb (TdRosterView *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    td_roster_view_export_to (self, file);
}

static GtkFileChooserNative *
new_chooser (TdRosterView *self, const char *title, GtkFileChooserAction action,
             const char *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  return chooser;
}

/* --- actions ---------------------------------------------------------------- */

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRosterView *self = TD_ROSTER_VIEW (widget);
  g_autoptr (TdTrainee) trainee = td_trainee_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  trainee->national_id = td_national_id_check (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)),
                                               NULL, &error);
  if (trainee->national_id == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->id_entry), "error");
      set_hint (self, error->message, TRUE);
      return;
    }
  trainee->name = dup_trimmed (self->name_entry);
  trainee->employer = dup_trimmed (self->employer_entry);
  if (trainee->name == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_entry), "error");
      set_hint (self, _("Enter the trainee's name."), TRUE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");
  if (!td_store_enrol (self->store, self->course_id, trainee, NULL, NULL, &error))
    {
      set_hint (self, error->message, TRUE);
      return;
    }
  td_roster_view_reload (self);
  clear_entries (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->id_entry));
  message = g_strdup_printf (_("%s enrolled"), trainee->name);
  td_toast (widget, message);
}

static void
remove_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRosterView *self = TD_ROSTER_VIEW (widget);
  TdEnrolment *enrolment = get_selected (self);
  g_autofree char *heading = NULL;

  if (enrolment == NULL)
    return;
  heading = g_strdup_printf (_("Remove %s from the Roster?"), enrolment->trainee->name);
  self->pending_remove_id = enrolment->id;
  td_confirm (widget, heading,
              _("The person stays in the trainee directory. A trainee with attendance, "
                "scores or a certificate in this course cannot be removed."),
              _("_Remove"), remove_confirmed_cb, G_OBJECT (self));
}

static void
import_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRosterView *self = TD_ROSTER_VIEW (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Import Roster"),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdRosterView *self = TD_ROSTER_VIEW (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Export Roster"),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("roster.csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Runs in the preview window's worker thread, on a connection of its own. Issuing the
 * missing personal codes is part of rendering the sheet (td_form_render_badges). */
static gboolean
render_badges (const char *db_path, GFile *output, TdPreviewProgress *progress,
               gpointer user_data, GCancellable *cancellable, GError **error)
{
  gint64 course_id = *(gint64 *) user_data;
  g_autoptr (TdStore) store = NULL;

  td_preview_progress_set (progress, -1, _("Reading the roster…"));
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (store = td_store_open (db_path, error)) == NULL)
    return FALSE;
  td_preview_progress_set (progress, -1, _("Laying out the badges…"));
  if (!td_form_render_badges (store, course_id, output, error))
    return FALSE;
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
print_badges_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdPreviewWindow *window = td_roster_view_print_badges (TD_ROSTER_VIEW (widget));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

/* --- overrides -------------------------------------------------------------- */

static void
td_roster_view_constructed (GObject *object)
{
  TdRosterView *self = TD_ROSTER_VIEW (object);

  G_OBJECT_CLASS (td_roster_view_parent_class)->constructed (object);

  self->store = td_course_section_get_store (TD_COURSE_SECTION (self));
  self->course_id = td_course_section_get_course_id (TD_COURSE_SECTION (self));
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->enrolments));
  set_default_hint (self);
  td_roster_view_reload (self);
}

static void
td_roster_view_dispose (GObject *object)
{
  TdRosterView *self = TD_ROSTER_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_ROSTER_VIEW);

  G_OBJECT_CLASS (td_roster_view_parent_class)->dispose (object);
}

static void
td_roster_view_refresh (TdCourseSection *section)
{
  TdRosterView *self = TD_ROSTER_VIEW (section);

  if (self->was_hidden)
    refresh_dismissals (self);
}

static void
td_roster_view_unmap (GtkWidget *widget)
{
  TD_ROSTER_VIEW (widget)->was_hidden = TRUE;
  GTK_WIDGET_CLASS (td_roster_view_parent_class)->unmap (widget);
}

static void
td_roster_view_finalize (GObject *object)
{
  TdRosterView *self = TD_ROSTER_VIEW (object);

  g_clear_object (&self->enrolments);
  g_clear_object (&self->known);
  g_clear_object (&self->people);
  g_clear_pointer (&self->dismissal_due, g_hash_table_unref);

  G_OBJECT_CLASS (td_roster_view_parent_class)->finalize (object);
}

static void
td_roster_view_class_init (TdRosterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_roster_view_constructed;
  object_class->dispose = td_roster_view_dispose;
  object_class->finalize = td_roster_view_finalize;
  widget_class->unmap = td_roster_view_unmap;
  TD_COURSE_SECTION_CLASS (klass)->refresh = td_roster_view_refresh;

  gtk_widget_class_install_action (widget_class, "roster.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "roster.remove", NULL, remove_activated);
  gtk_widget_class_install_action (widget_class, "roster.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "roster.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "roster.print-badges", NULL,
                                   print_badges_activated);

  g_type_ensure (TD_TYPE_ENROLMENT);
  g_type_ensure (TD_TYPE_TRAINEE);
  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-roster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, selection);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, id_entry);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, name_entry);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, employer_entry);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, find_button);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, person_search);
  gtk_widget_class_bind_template_child (widget_class, TdRosterView, person_selection);
  gtk_widget_class_bind_template_callback (widget_class, format_seq);
  gtk_widget_class_bind_template_callback (widget_class, name_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
}

static void
td_roster_view_init (TdRosterView *self)
{
  self->dismissal_due = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->enrolments = g_list_store_new (TD_TYPE_ENROLMENT);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ------------------------------------------------------------- */

TdRosterView *
td_roster_view_new (TdStore *store, gint64 course_id)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  g_return_val_if_fail (course_id > 0, NULL);

  return g_object_new (TD_TYPE_ROSTER_VIEW, "store", store, "course-id", course_id, NULL);
}

GListModel *
td_roster_view_get_enrolments (TdRosterView *self)
{
  g_return_val_if_fail (TD_IS_ROSTER_VIEW (self), NULL);
  return G_LIST_MODEL (self->enrolments);
}

void
td_roster_view_reload (TdRosterView *self)
{
  g_autoptr (GPtrArray) enrolments = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (TD_IS_ROSTER_VIEW (self));

  enrolments = td_store_list_enrolments (self->store, self->course_id, &error);
  if (enrolments == NULL)
    {
      set_hint (self, error->message, TRUE);
      return;
    }
  update_dismissal_due (self);
  g_list_store_splice (self->enrolments, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->enrolments)),
                       enrolments->pdata, enrolments->len);
  update_actions (self);
}

int
td_roster_view_import_from (TdRosterView *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  int n;

  g_return_val_if_fail (TD_IS_ROSTER_VIEW (self), -1);
  g_return_val_if_fail (G_IS_FILE (file), -1);

  n = td_roster_csv_import (self->store, self->course_id, file, &error);
  if (n < 0)
    {
      /* Every problem of the file, one per line: the person fixes them all at once. */
      td_show_error (GTK_WIDGET (self), _("The Roster Was Not Imported"), error->message);
      return -1;
    }
  td_roster_view_reload (self);
  message = g_strdup_printf (ngettext ("%d trainee imported", "%d trainees imported", n), n);
  td_toast (GTK_WIDGET (self), message);
  return n;
}

gboolean
td_roster_view_export_to (TdRosterView *self, GFile *file)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TD_IS_ROSTER_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!td_roster_csv_export (self->store, self->course_id, file, &error))
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Export the Roster"), error->message);
      return FALSE;
    }
  td_toast (GTK_WIDGET (self), _("Roster exported"));
  return TRUE;
}

TdPreviewWindow *
td_roster_view_print_badges (TdRosterView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autofree char *course_title = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root;
  TdPreviewWindow *window;

  g_return_val_if_fail (TD_IS_ROSTER_VIEW (self), NULL);

  course = td_store_get_course (self->store, self->course_id, &error);
  if (course == NULL)
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Print the Badges"), error->message);
      return NULL;
    }
  course_title = td_course_dup_display_title (course);
  /* TRANSLATORS: the badge preview window's title; %s is the course */
  title = g_strdup_printf (_("Badges — %s"), course_title);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = td_preview_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title,
                                  _("badges.pdf"));
  td_preview_window_render (window, td_store_get_path (self->store), render_badges,
                            g_memdup2 (&self->course_id, sizeof (gint64)), g_free);
  return window;
}
