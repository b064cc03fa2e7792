/* td-courses-page.c — the Courses tab: searchable paged list, editor, file import/export */
#include "config.h"

#define G_LOG_DOMAIN "td-courses-page"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-catalogue.h"
#include "td-course-file.h"
#include "td-courses-page.h"
#include "td-dialogs.h"
#include "td-resources.h"
#include "td-paged-list.h"
#include "td-roc-date.h"

struct _TdCoursesPage {
  GtkWidget parent_instance;

  TdStore *store;
  TdPagedList *courses;
  TdCourseEditor *editor;          /* the one shown, or NULL */
  GtkFileChooserNative *chooser;   /* the file dialog up, or NULL */
  gint64 pending_delete_id;        /* the course a delete confirmation is about */

  GtkStack *main_stack;
  GtkStack *list_stack;
  GtkSearchEntry *search_entry;
  GtkScrolledWindow *scroller;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  AdwBin *editor_bin;
};

G_DEFINE_FINAL_TYPE (TdCoursesPage, td_courses_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CURRENT_COURSE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static TdCourse *
get_selected_course (TdCoursesPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return TD_IS_COURSE (item) ? TD_COURSE (item) : NULL;
}

static void
update_state (TdCoursesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->courses));
  const char *search = td_paged_list_get_search (self->courses);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "results");
  else if (search != NULL && *search != '\0')
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "courses.delete",
                                 self->editor == NULL && get_selected_course (self) != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_COURSE_ID]);
}

static void
editor_done_cb (TdCoursesPage *self, TdCourseEditor *editor)
{
  if (editor != self->editor)
    return;
  self->editor = NULL;
  gtk_stack_set_visible_child_name (self->main_stack, "list");
  adw_bin_set_child (self->editor_bin, NULL);
  td_courses_page_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static TdCourseEditor *
show_editor (TdCoursesPage *self, TdCourse *course)
{
  TdCourseEditor *editor = td_course_editor_new (self->store, course);

  self->editor = editor;
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (editor));
  g_signal_connect_object (editor, "done", G_CALLBACK (editor_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  update_state (self);
  return editor;
}

static void
delete_confirmed_cb (gpointer data)
{
  TdCoursesPage *self = TD_COURSES_PAGE (data);
  g_autoptr (GError) error = NULL;

  if (!td_store_delete_course (self->store, self->pending_delete_id, &error))
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Delete the Course"), error->message);
      return;
    }
  td_courses_page_reload (self);
  td_toast (GTK_WIDGET (self), _("Course deleted"));
}

/* --- closures for the column view ----------------------------------------- */

static char *
format_date_span (gpointer item, const char *start, const char *end)
{
  g_autofree char *from = start != NULL ? td_roc_date_format (start, TD_ROC_FORMAT_SLASH) : NULL;
  g_autofree char *to = end != NULL ? td_roc_date_format (end, TD_ROC_FORMAT_SLASH) : NULL;

  if (from == NULL)
    return g_strdup ("");
  if (to == NULL || g_strcmp0 (start, end) == 0)
    return g_steal_pointer (&from);
  /* TRANSLATORS: a course's first and last day, in the ROC calendar */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static char *
format_count (gpointer item, guint count)
{
  return g_strdup_printf ("%u", count);
}

/* The catalogue is the shipped, read-only category list: loaded once and kept. */
static char *
format_category (gpointer item, const char *slug)
{
  static TdCatalogue *catalogue;
  const TdCategory *category;

  if (slug == NULL)
    return g_strdup ("");
  if (g_once_init_enter (&catalogue))
    {
      g_autoptr (GError) error = NULL;
      TdCatalogue *loaded = td_catalogue_load_default (&error);

      if (loaded == NULL)
        g_critical ("The category catalogue could not be loaded: %s", error->message);
      g_once_init_leave (&catalogue, loaded);
    }
  category = catalogue != NULL ? td_catalogue_lookup (catalogue, slug) : NULL;
  return g_strdup (category != NULL ? category->name : slug);
}

/* --- callbacks -------------------------------------------------------------- */

static void
search_changed_cb (TdCoursesPage *self, GtkSearchEntry *entry)
{
  /* New results start at the top, wherever the old list was scrolled to. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  td_paged_list_set_search (self->courses, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_state (self);
}

static void
search_activated_cb (TdCoursesPage *self, GtkSearchEntry *entry)
{
  TdCourse *course = get_selected_course (self);

  if (course != NULL)
    td_courses_page_open_course (self, course->id);
}

static void
selection_changed_cb (TdCoursesPage *self)
{
  update_state (self);
}

static void
column_view_activated_cb (GtkColumnView *view, guint position, TdCoursesPage *self)
{
  g_autoptr (TdCourse) course = g_list_model_get_item (G_LIST_MODEL (self->courses), position);

  if (course != NULL)
    td_courses_page_open_course (self, course->id);
}

static void
import_response_cb (TdCoursesPage *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    td_courses_page_import_course_from (self, file);
}

static void
export_response_cb (TdCoursesPage *self, int response, GtkFileChooserNative *chooser)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "course-id"));
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    td_courses_page_export_course_to (self, id, file);
}

/* --- actions ---------------------------------------------------------------- */

static void
find_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCoursesPage *self = TD_COURSES_PAGE (widget);

  if (self->editor != NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
leave_then_new (gpointer data)
{
  TdCoursesPage *self = TD_COURSES_PAGE (data);

  self->editor = NULL;
  show_editor (self, NULL);
}

static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  td_courses_page_new_course (TD_COURSES_PAGE (widget));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdCoursesPage *self = TD_COURSES_PAGE (widget);
  TdCourse *course = get_selected_course (self);
  g_autofree char *heading = NULL;

  if (course == NULL || self->editor != NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), course->title);
  self->pending_delete_id = course->id;
  td_confirm (widget, heading,
              _("The course is deleted with its sessions and roster. A course with attendance, "
                "scores or certificates cannot be deleted: those records must be kept."),
              _("_Delete"), delete_confirmed_cb, G_OBJECT (self));
}

/* --- overrides -------------------------------------------------------------- */

/* The list when it has courses (Enter opens one), else the search entry. */
static gboolean
td_courses_page_grab_focus (GtkWidget *widget)
{
  TdCoursesPage *self = TD_COURSES_PAGE (widget);

  if (self->editor != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->courses)) > 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
td_courses_page_constructed (GObject *object)
{
  TdCoursesPage *self = TD_COURSES_PAGE (object);

  G_OBJECT_CLASS (td_courses_page_parent_class)->constructed (object);

  g_assert (TD_IS_STORE (self->store));
  self->courses = td_paged_list_new_courses (self->store);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->courses));
  g_signal_connect_object (self->courses, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
}

static void
td_courses_page_dispose (GObject *object)
{
  TdCoursesPage *self = TD_COURSES_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->editor = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_COURSES_PAGE);
  td_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->courses);

  G_OBJECT_CLASS (td_courses_page_parent_class)->dispose (object);
}

static void
td_courses_page_finalize (GObject *object)
{
  TdCoursesPage *self = TD_COURSES_PAGE (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (td_courses_page_parent_class)->finalize (object);
}

static void
td_courses_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdCoursesPage *self = TD_COURSES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CURRENT_COURSE_ID:
      g_value_set_int64 (value, td_courses_page_get_current_course_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_courses_page_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  TdCoursesPage *self = TD_COURSES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_courses_page_class_init (TdCoursesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_courses_page_constructed;
  object_class->dispose = td_courses_page_dispose;
  object_class->finalize = td_courses_page_finalize;
  object_class->get_property = td_courses_page_get_property;
  object_class->set_property = td_courses_page_set_property;
  widget_class->grab_focus = td_courses_page_grab_focus;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_COURSE_ID] =
    g_param_spec_int64 ("current-course-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "courses.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "courses.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "courses.delete", NULL, delete_activated);

  g_type_ensure (TD_TYPE_COURSE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-courses-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdCoursesPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TdCoursesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TdCoursesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdCoursesPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TdCoursesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdCoursesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, TdCoursesPage, editor_bin);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_date_span);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, format_category);
}

static void
td_courses_page_init (TdCoursesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing in the list searches (a property only from GTK 4.14 on, so set here). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

/* --- public API ------------------------------------------------------------- */

TdCoursesPage *
td_courses_page_new (TdStore *store)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  return g_object_new (TD_TYPE_COURSES_PAGE, "store", store, NULL);
}

TdStore *
td_courses_page_get_store (TdCoursesPage *self)
{
  g_return_val_if_fail (TD_IS_COURSES_PAGE (self), NULL);
  return self->store;
}

gint64
td_courses_page_get_current_course_id (TdCoursesPage *self)
{
  TdCourse *course;

  g_return_val_if_fail (TD_IS_COURSES_PAGE (self), 0);

  if (self->editor != NULL)
    return td_course_editor_get_course_id (self->editor);
  course = get_selected_course (self);
  return course != NULL ? course->id : 0;
}

TdCourseEditor *
td_courses_page_new_course (TdCoursesPage *self)
{
  g_return_val_if_fail (TD_IS_COURSES_PAGE (self), NULL);

  if (self->editor != NULL &&
      !td_course_editor_request_leave (self->editor, leave_then_new, self))
    return self->editor;
  return show_editor (self, NULL);
}

TdCourseEditor *
td_courses_page_open_course (TdCoursesPage *self, gint64 course_id)
{
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TD_IS_COURSES_PAGE (self), NULL);

  course = td_store_get_course (self->store, course_id, &error);
  if (course == NULL)
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Open the Course"), error->message);
      return NULL;
    }
  return show_editor (self, course);
}

TdCourseEditor *
td_courses_page_get_editor (TdCoursesPage *self)
{
  g_return_val_if_fail (TD_IS_COURSES_PAGE (self), NULL);
  return self->editor;
}

void
td_courses_page_reload (TdCoursesPage *self)
{
  g_return_if_fail (TD_IS_COURSES_PAGE (self));

  td_paged_list_reload (self->courses);
  update_state (self);
}

gboolean
td_courses_page_request_leave (TdCoursesPage *self, TdLeaveFunc func, gpointer data)
{
  g_return_val_if_fail (TD_IS_COURSES_PAGE (self), TRUE);

  if (self->editor == NULL)
    return TRUE;
  return td_course_editor_request_leave (self->editor, func, data);
}

static GtkFileChooserNative *
new_chooser (TdCoursesPage *self, const char *title, GtkFileChooserAction action,
             const char *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Course files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_clear_object (&self->chooser);
  self->chooser = chooser;
  return chooser;
}

static void
choose_course_file (gpointer data)
{
  TdCoursesPage *self = TD_COURSES_PAGE (data);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Import Course File"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Import"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
td_courses_page_import_course_file (TdCoursesPage *self)
{
  g_return_if_fail (TD_IS_COURSES_PAGE (self));

  /* The imported course opens in the editor: settle the open one's edits first. */
  if (td_courses_page_request_leave (self, choose_course_file, self))
    choose_course_file (self);
}

void
td_courses_page_export_course_file (TdCoursesPage *self)
{
  gint64 id = td_courses_page_get_current_course_id (self);
  g_autoptr (TdCourse) course = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (TD_IS_COURSES_PAGE (self));
  if (id <= 0 || (course = td_store_get_course (self->store, id, NULL)) == NULL)
    return;

  chooser = new_chooser (self, _("Export Course File"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Export"));
  name = g_strdup_printf ("%s %s.json", course->period != NULL ? course->period : "",
                          course->title);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_strstrip (name));
  g_object_set_data (G_OBJECT (chooser), "course-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gint64
td_courses_page_import_course_from (TdCoursesPage *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (TD_IS_COURSES_PAGE (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  id = td_course_file_import (self->store, file, &error);
  if (id <= 0)
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Import the Course File"), error->message);
      return 0;
    }
  td_courses_page_reload (self);
  td_toast (GTK_WIDGET (self), _("Course imported"));
  td_courses_page_open_course (self, id);
  return id;
}

gboolean
td_courses_page_export_course_to (TdCoursesPage *self, gint64 course_id, GFile *file)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TD_IS_COURSES_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!td_course_file_export (self->store, course_id, file, &error))
    {
      td_show_error (GTK_WIDGET (self), _("Could Not Export the Course"), error->message);
      return FALSE;
    }
  td_toast (GTK_WIDGET (self), _("Course exported"));
  return TRUE;
}
