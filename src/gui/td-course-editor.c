/* td-course-editor.c — a course's details bound to a TdCourseForm; its other tabs
 * (sessions, roster, attendance, hours, certificates, documents) are TdSavedCourseGates
 * declared in the .ui, opened once the course is stored */
#include "config.h"

#define G_LOG_DOMAIN "td-course-editor"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "td-attendance-grid.h"
#include "td-catalogue.h"
#include "td-certificates-view.h"
#include "td-course-editor.h"
#include "td-dialogs.h"
#include "td-documents-view.h"
#include "td-hours-awards-view.h"
#include "td-resources.h"
#include "td-roster-view.h"
#include "td-saved-course-gate.h"
#include "td-sessions-editor.h"

struct _TdCourseEditor {
  GtkWidget parent_instance;

  TdStore *store;
  TdCourse *initial;                       /* construct-time course, dropped after use */
  TdCourseForm *form;
  TdCatalogue *catalogue;
  GPtrArray *category_slugs;               /* char*, parallel to category_row's model */
  gboolean loading;                        /* widgets are being filled from the form */
  gboolean shown[TD_COURSE_N_FIELDS];      /* the field's message may be shown */
  GtkWidget *rows[TD_COURSE_N_FIELDS];     /* entry, combo and switch of each field */

  GtkLabel *heading_label;
  GtkLabel *errors_label;
  GtkStack *section_stack;
  GtkStackPage *hours_page;
};

G_DEFINE_FINAL_TYPE (TdCourseEditor, td_course_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COURSE,
  N_PROPS
};

enum {
  DONE,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Template child of each field. */
static const struct {
  const char *child;
  TdCourseField field;
} field_rows[] = {
  { "regime_row", TD_COURSE_FIELD_REGIME },
  { "category_row", TD_COURSE_FIELD_CATEGORY },
  { "kind_row", TD_COURSE_FIELD_KIND },
  { "title_row", TD_COURSE_FIELD_TITLE },
  { "period_row", TD_COURSE_FIELD_PERIOD },
  { "start_row", TD_COURSE_FIELD_START_DATE },
  { "end_row", TD_COURSE_FIELD_END_DATE },
  { "status_row", TD_COURSE_FIELD_STATUS },
  { "venue_name_row", TD_COURSE_FIELD_VENUE_NAME },
  { "venue_address_row", TD_COURSE_FIELD_VENUE_ADDRESS },
  { "classroom_row", TD_COURSE_FIELD_CLASSROOM },
  { "counsellor_row", TD_COURSE_FIELD_COUNSELLOR_NAME },
  { "qualified_switch", TD_COURSE_FIELD_COUNSELLOR_QUALIFIED },
  { "group_switch", TD_COURSE_FIELD_GROUP_DISCUSSION },
  { "exam_row", TD_COURSE_FIELD_EXAM_MODE },
  { "capacity_row", TD_COURSE_FIELD_CAPACITY },
  { "fee_row", TD_COURSE_FIELD_FEE },
  { "filing_ref_row", TD_COURSE_FIELD_FILING_REF },
  { "filed_on_row", TD_COURSE_FIELD_FILED_ON },
};

/* --- helpers ---------------------------------------------------------------- */

static const char *
enum_label (TdCourseField field, int value)
{
  switch (field)
    {
    case TD_COURSE_FIELD_REGIME: return td_regime_label (value);
    case TD_COURSE_FIELD_KIND: return td_course_kind_label (value);
    case TD_COURSE_FIELD_EXAM_MODE: return td_exam_mode_label (value);
    case TD_COURSE_FIELD_STATUS: return td_course_status_label (value);
    default: g_return_val_if_reached (NULL);
    }
}

static void
fill_enum_row (TdCourseEditor *self, TdCourseField field, int n_values)
{
  AdwComboRow *row = ADW_COMBO_ROW (self->rows[field]);
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (row));

  for (int i = 0; i < n_values; i++)
    gtk_string_list_append (list, enum_label (field, i));
}

static void
fill_category_row (TdCourseEditor *self)
{
  AdwComboRow *row = ADW_COMBO_ROW (self->rows[TD_COURSE_FIELD_CATEGORY]);
  TdCourse *course = td_course_form_get_course (self->form);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *categories = td_catalogue_list_regime (self->catalogue, course->regime);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->category_slugs, 0);
  for (guint i = 0; i < categories->len; i++)
    {
      const TdCategory *category = g_ptr_array_index (categories, i);

      gtk_string_list_append (names, category->name);
      g_ptr_array_add (self->category_slugs, g_strdup (category->slug));
      if (g_strcmp0 (category->slug, course->category) == 0)
        selected = i;
    }
  /* A course from a file may name a category this catalogue lacks: keep it choosable. */
  if (selected == GTK_INVALID_LIST_POSITION && course->category != NULL &&
      td_catalogue_lookup (self->catalogue, course->category) == NULL)
    {
      gtk_string_list_append (names, course->category);
      g_ptr_array_add (self->category_slugs, g_strdup (course->category));
      selected = categories->len;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

static void
set_row_error (GtkWidget *row, const char *message)
{
  const char *title = g_object_get_data (G_OBJECT (row), "td-title");
  g_autofree char *with_message = NULL;

  if (message != NULL)
    {
      /* TRANSLATORS: a field's title followed by what is wrong with its value */
      with_message = g_strdup_printf (_("%s — %s"), title, message);
      gtk_widget_add_css_class (row, "error");
    }
  else
    gtk_widget_remove_css_class (row, "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message ? with_message : title);
}

/* Marks each field whose message may show, and sums those messages up on top. */
static void
update_errors (TdCourseEditor *self)
{
  g_autoptr (GString) summary = g_string_new (NULL);

  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    {
      const char *message = self->shown[i] ? td_course_form_get_error (self->form, i) : NULL;

      if (ADW_IS_PREFERENCES_ROW (self->rows[i]))
        set_row_error (self->rows[i], message);
      if (message != NULL)
        g_string_append_printf (summary, "%s%s: %s", summary->len > 0 ? "\n" : "",
                                td_course_field_label (i), message);
    }
  gtk_label_set_text (self->errors_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), summary->len > 0);
}

static void
update_heading (TdCourseEditor *self)
{
  TdCourse *original = td_course_form_get_original (self->form);

  gtk_label_set_text (self->heading_label, td_course_form_is_new (self->form)
                                             ? _("New Course") : original->title);
}

static void
load_form (TdCourseEditor *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    {
      GtkWidget *row = self->rows[i];

      if (GTK_IS_EDITABLE (row))
        {
          g_autofree char *text = td_course_form_dup_text (self->form, i);
          gtk_editable_set_text (GTK_EDITABLE (row), text);
        }
      else if (GTK_IS_SWITCH (row))
        gtk_switch_set_active (GTK_SWITCH (row), td_course_form_get_bool (self->form, i));
      else if (i != TD_COURSE_FIELD_CATEGORY)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), td_course_form_get_enum (self->form, i));
    }
  fill_category_row (self);
  self->loading = FALSE;
  update_errors (self);
  update_heading (self);
}

/* Every tab but Details hangs off a stored course: its gate builds it once there is one. */
static void
ensure_children (TdCourseEditor *self)
{
  gint64 id = td_course_editor_get_course_id (self);

  if (id <= 0)
    return;
  for (GtkWidget *tab = gtk_widget_get_first_child (GTK_WIDGET (self->section_stack));
       tab != NULL; tab = gtk_widget_get_next_sibling (tab))
    if (TD_IS_SAVED_COURSE_GATE (tab))
      td_saved_course_gate_open (TD_SAVED_COURSE_GATE (tab), self->store, id);
}

/* Hours awards (seed 004) belong to courses of regime `hours` only. */
static void
update_hours_page (TdCourseEditor *self)
{
  TdCourse *course = td_course_form_get_course (self->form);
  gboolean hours = course != NULL && course->regime == TD_REGIME_HOURS;

  if (!hours && gtk_stack_get_visible_child (self->section_stack)
                  == gtk_stack_page_get_child (self->hours_page))
    gtk_stack_set_visible_child_name (self->section_stack, "details");
  gtk_stack_page_set_visible (self->hours_page, hours);
}

/* A new course takes its kind from the category (e.g. 在職教育訓練 categories). */
static void
apply_category_defaults (TdCourseEditor *self)
{
  TdCourse *course = td_course_form_get_course (self->form);
  const TdCategory *category;

  if (!td_course_form_is_new (self->form) || course->category == NULL)
    return;
  category = td_catalogue_lookup (self->catalogue, course->category);
  if (category == NULL || category->default_kind == course->kind)
    return;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[TD_COURSE_FIELD_KIND]),
                              category->default_kind);
}

/* --- callbacks -------------------------------------------------------------- */

static void
form_changed_cb (TdCourseEditor *self)
{
  /* A new course can always be saved: trying shows what it still needs. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 td_course_form_is_new (self->form) ||
                                 td_course_form_is_modified (self->form));
  update_errors (self);
  update_hours_page (self);
}

static void
entry_changed_cb (GtkEditable *editable, TdCourseEditor *self)
{
  TdCourseField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "td-field"));

  if (!self->loading)
    td_course_form_set_text (self->form, field, gtk_editable_get_text (editable));
}

/* Messages wait until the person leaves a field, so half-typed dates do not shout. */
static void
entry_focus_left_cb (GtkEventControllerFocus *controller, TdCourseEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  TdCourseField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "td-field"));
  g_autofree char *text = td_course_form_dup_text (self->form, field);

  self->shown[field] = TRUE;
  /* Show what was read in its usual form (1130506 becomes 113/05/06). */
  self->loading = TRUE;
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->loading = FALSE;
  update_errors (self);
}

static void
switch_changed_cb (GtkSwitch *sw, GParamSpec *pspec, TdCourseEditor *self)
{
  TdCourseField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "td-field"));

  if (!self->loading)
    td_course_form_set_bool (self->form, field, gtk_switch_get_active (sw));
}

static void
combo_changed_cb (AdwComboRow *row, GParamSpec *pspec, TdCourseEditor *self)
{
  TdCourseField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "td-field"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading)
    return;
  if (field == TD_COURSE_FIELD_CATEGORY)
    {
      self->shown[field] = TRUE;
      td_course_form_set_text (self->form, field,
                               selected < self->category_slugs->len
                                 ? g_ptr_array_index (self->category_slugs, selected) : NULL);
      apply_category_defaults (self);
      return;
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  td_course_form_set_enum (self->form, field, selected);
  if (field == TD_COURSE_FIELD_REGIME)
    {
      /* Categories belong to a regime: offer the new regime's list. */
      self->loading = TRUE;
      fill_category_row (self);
      self->loading = FALSE;
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[TD_COURSE_FIELD_CATEGORY]));
      td_course_form_set_text (self->form, TD_COURSE_FIELD_CATEGORY,
                               selected < self->category_slugs->len
                                 ? g_ptr_array_index (self->category_slugs, selected) : NULL);
    }
}

typedef struct {
  TdCourseEditor *self;
  TdLeaveFunc func;
  gpointer data;
} PendingLeave;

static void
leave_response_cb (AdwMessageDialog *dialog, const char *response, PendingLeave *pending)
{
  TdCourseEditor *self = pending->self;

  if (g_strcmp0 (response, "discard") == 0)
    {
      td_course_form_revert (self->form);
      load_form (self);
      pending->func (pending->data);
    }
  else if (g_strcmp0 (response, "save") == 0 && td_course_editor_save (self))
    pending->func (pending->data);
}

static void
pending_leave_free (gpointer data, GClosure *closure)
{
  PendingLeave *pending = data;

  g_object_unref (pending->self);
  g_free (pending);
}

static void
emit_done (gpointer data)
{
  g_signal_emit (data, signals[DONE], 0);
}

/* --- actions ---------------------------------------------------------------- */

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  td_course_editor_save (TD_COURSE_EDITOR (widget));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  if (td_course_editor_request_leave (TD_COURSE_EDITOR (widget), emit_done, widget))
    emit_done (widget);
}

/* --- overrides -------------------------------------------------------------- */

static void
connect_rows (TdCourseEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                    TD_TYPE_COURSE_EDITOR,
                                                                    field_rows[i].child);

      self->rows[field_rows[i].field] = row;
      g_object_set_data (G_OBJECT (row), "td-field", GUINT_TO_POINTER (field_rows[i].field));
      if (ADW_IS_PREFERENCES_ROW (row))
        g_object_set_data_full (G_OBJECT (row), "td-title",
                                g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))),
                                g_free);
      if (GTK_IS_EDITABLE (row))
        {
          GtkEventController *focus = gtk_event_controller_focus_new ();

          g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
          g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_left_cb), self);
          gtk_widget_add_controller (row, focus);
        }
      else if (GTK_IS_SWITCH (row))
        g_signal_connect (row, "notify::active", G_CALLBACK (switch_changed_cb), self);
      else
        g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
    }
}

static void
td_course_editor_constructed (GObject *object)
{
  TdCourseEditor *self = TD_COURSE_EDITOR (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (td_course_editor_parent_class)->constructed (object);

  g_assert (TD_IS_STORE (self->store));
  self->catalogue = td_catalogue_load_default (&error);
  if (self->catalogue == NULL)
    g_error ("The shipped category catalogue is broken: %s", error->message);
  self->form = td_course_form_new (self->initial);
  g_clear_object (&self->initial);

  /* Filling the combo rows' models moves their selection: ignore that until the
   * widgets show the form. */
  self->loading = TRUE;
  connect_rows (self);
  fill_enum_row (self, TD_COURSE_FIELD_REGIME, TD_REGIME_HOURS + 1);
  fill_enum_row (self, TD_COURSE_FIELD_KIND, TD_COURSE_KIND_CONTINUING + 1);
  fill_enum_row (self, TD_COURSE_FIELD_EXAM_MODE, TD_EXAM_MODE_SKILLS + 1);
  fill_enum_row (self, TD_COURSE_FIELD_STATUS, TD_COURSE_STATUS_CLOSED + 1);

  load_form (self);
  g_signal_connect_object (self->form, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  form_changed_cb (self);
  ensure_children (self);
}

/* Focus lands where typing starts: the title, not the back button. */
static gboolean
td_course_editor_grab_focus (GtkWidget *widget)
{
  TdCourseEditor *self = TD_COURSE_EDITOR (widget);

  return gtk_widget_grab_focus (self->rows[TD_COURSE_FIELD_TITLE]);
}

static void
td_course_editor_dispose (GObject *object)
{
  TdCourseEditor *self = TD_COURSE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_COURSE_EDITOR);
  td_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (td_course_editor_parent_class)->dispose (object);
}

static void
td_course_editor_finalize (GObject *object)
{
  TdCourseEditor *self = TD_COURSE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->initial);
  g_clear_object (&self->form);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->category_slugs, g_ptr_array_unref);

  G_OBJECT_CLASS (td_course_editor_parent_class)->finalize (object);
}

static void
td_course_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdCourseEditor *self = TD_COURSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_COURSE:
      g_value_set_object (value, td_course_form_get_original (self->form));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_course_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  TdCourseEditor *self = TD_COURSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_COURSE:
      self->initial = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_course_editor_class_init (TdCourseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_course_editor_constructed;
  object_class->dispose = td_course_editor_dispose;
  object_class->finalize = td_course_editor_finalize;
  object_class->get_property = td_course_editor_get_property;
  object_class->set_property = td_course_editor_set_property;
  widget_class->grab_focus = td_course_editor_grab_focus;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_COURSE] = g_param_spec_object ("course", NULL, NULL, TD_TYPE_COURSE,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person left the editor (after saving or discarding). */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_activated);

  /* The .ui names the tabs' section types. */
  g_type_ensure (TD_TYPE_SAVED_COURSE_GATE);
  g_type_ensure (TD_TYPE_SESSIONS_EDITOR);
  g_type_ensure (TD_TYPE_ROSTER_VIEW);
  g_type_ensure (TD_TYPE_ATTENDANCE_GRID);
  g_type_ensure (TD_TYPE_HOURS_AWARDS_VIEW);
  g_type_ensure (TD_TYPE_CERTIFICATES_VIEW);
  g_type_ensure (TD_TYPE_DOCUMENTS_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  td_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/"
                                               "td-course-editor.ui");
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    gtk_widget_class_bind_template_child_full (widget_class, field_rows[i].child, FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, TdCourseEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, TdCourseEditor, errors_label);
  gtk_widget_class_bind_template_child (widget_class, TdCourseEditor, section_stack);
  gtk_widget_class_bind_template_child (widget_class, TdCourseEditor, hours_page);
}

static void
td_course_editor_init (TdCourseEditor *self)
{
  self->category_slugs = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ------------------------------------------------------------- */

TdCourseEditor *
td_course_editor_new (TdStore *store, TdCourse *course)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);
  g_return_val_if_fail (course == NULL || TD_IS_COURSE (course), NULL);

  return g_object_new (TD_TYPE_COURSE_EDITOR, "store", store, "course", course, NULL);
}

TdCourseForm *
td_course_editor_get_form (TdCourseEditor *self)
{
  g_return_val_if_fail (TD_IS_COURSE_EDITOR (self), NULL);
  return self->form;
}

gint64
td_course_editor_get_course_id (TdCourseEditor *self)
{
  g_return_val_if_fail (TD_IS_COURSE_EDITOR (self), 0);
  return td_course_form_get_original (self->form)->id;
}

TdCourseSection *
td_course_editor_get_section (TdCourseEditor *self, const char *name)
{
  GtkWidget *tab;

  g_return_val_if_fail (TD_IS_COURSE_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  tab = gtk_stack_get_child_by_name (self->section_stack, name);
  g_return_val_if_fail (TD_IS_SAVED_COURSE_GATE (tab), NULL);
  return td_saved_course_gate_get_section (TD_SAVED_COURSE_GATE (tab));
}

gboolean
td_course_editor_save (TdCourseEditor *self)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TD_IS_COURSE_EDITOR (self), FALSE);

  for (guint i = 0; i < TD_COURSE_N_FIELDS; i++)
    self->shown[i] = TRUE;
  if (!td_course_form_save (self->form, self->store, &error))
    {
      update_errors (self);
      gtk_stack_set_visible_child_name (self->section_stack, "details");
      if (!td_course_form_is_valid (self->form))
        td_toast (GTK_WIDGET (self), _("The course was not saved: correct the marked fields"));
      else
        td_show_error (GTK_WIDGET (self), _("Could Not Save the Course"), error->message);
      return FALSE;
    }
  load_form (self);
  ensure_children (self);
  td_toast (GTK_WIDGET (self), _("Course saved"));
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

gboolean
td_course_editor_request_leave (TdCourseEditor *self, TdLeaveFunc func, gpointer data)
{
  PendingLeave *pending;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (TD_IS_COURSE_EDITOR (self), TRUE);

  if (!td_course_form_is_modified (self->form))
    return TRUE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save Changes?"),
                                   _("The course has changes that were not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = g_new0 (PendingLeave, 1);
  pending->self = g_object_ref (self);
  pending->func = func;
  pending->data = data;
  g_signal_connect_data (dialog, "response", G_CALLBACK (leave_response_cb), pending,
                         pending_leave_free, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}
