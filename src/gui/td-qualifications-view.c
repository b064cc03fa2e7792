/* td-qualifications-view.c — roles, certificate cycles and training hours of one
 * person, with the person-level findings inline (td-rules-person.h).
 *
 * Every change goes to the store at once, in its own transaction, and the person's
 * findings are checked again right after, so "CE hours still missing" disappears the
 * moment the missing hours are recorded. Removing appends a void: the record stays in
 * the history.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-qualifications-view"

#include <glib/gi18n.h>

#include "td-gui-resources.h"

#include "td-catalogue.h"
#include "td-qualifications-view.h"
#include "td-roc-date.h"
#include "td-rules-person.h"
#include "td-store-qualifications.h"
#include "td-widget-util.h"

/* One entry of the role combo: an art. 18 role or a vr-ce qualification. */
typedef struct {
  TdQualificationKind kind;
  int role;
  const char *slug;          /* owned by the catalogue */
} RoleChoice;

struct _TdQualificationsView {
  AdwBin parent_instance;

  TdStore *store;
  gint64 trainee_id;
  char *today;
  TdCatalogue *catalogue;
  GArray *role_choices;      /* RoleChoice, in the order of role_row's model */
  GArray *cycle_qualifications; /* gint64 ids, in the order of cycle_qualification_row */
  GArray *cycle_ids;         /* gint64 ids, in the order of leave_cycle_row */
  GPtrArray *findings;       /* TdFinding* */

  GtkListBox *findings_list;
  GtkLabel *error_label;
  GtkListBox *roles_list;
  AdwComboRow *role_row;
  AdwEntryRow *since_row;
  GtkListBox *cycles_list;
  AdwPreferencesGroup *add_cycle_group;
  AdwComboRow *cycle_qualification_row;
  AdwEntryRow *cycle_start_row;
  AdwEntryRow *cycle_end_row;
  AdwPreferencesGroup *add_leave_group;
  AdwComboRow *leave_cycle_row;
  AdwEntryRow *leave_start_row;
  AdwEntryRow *leave_end_row;
  AdwEntryRow *leave_approval_row;
  GtkListBox *hours_list;
  AdwEntryRow *hours_date_row;
  AdwEntryRow *hours_title_row;
  AdwEntryRow *hours_provider_row;
  AdwEntryRow *hours_amount_row;
  AdwComboRow *hours_category_row;
  AdwComboRow *hours_role_row;
};

G_DEFINE_FINAL_TYPE (TdQualificationsView, td_qualifications_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static void
show_error (TdQualificationsView *self, const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
display_date (const char *iso)
{
  char *roc = td_roc_date_format (iso, TD_ROC_FORMAT_SLASH);
  return roc != NULL ? roc : g_strdup (iso);
}

/* What the user typed as a date (ROC or ISO), as ISO; NULL with the reason shown. */
static char *
read_date (TdQualificationsView *self, AdwEntryRow *row)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char *iso = td_roc_date_parse (text, &error);

  if (iso == NULL)
    {
      g_autofree char *message = g_strdup_printf (
        /* Translators: a form field and what is wrong with it */
        _("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), error->message);
      show_error (self, message);
    }
  return iso;
}

static char *
qualification_title (TdQualificationsView *self, const TdQualification *q)
{
  if (q->kind == TD_QUALIFICATION_INSERVICE_ROLE)
    {
      const TdInserviceRole *r = td_catalogue_get_inservice_role (self->catalogue, q->role);
      /* Translators: an OSH art. 18(1) role, its number and its name */
      return g_strdup_printf (_("Art. 18 role %d: %s"), q->role, r != NULL ? r->name : "");
    }
  {
    const TdCategory *c = td_catalogue_lookup (self->catalogue, q->qualification);
    return g_strdup_printf (_("Vocational rehabilitation: %s"),
                            c != NULL ? c->name : q->qualification);
  }
}

static GtkWidget *
new_remove_button (const char *entity, gint64 id)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove (kept in the history as removed)"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "qualifications.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sx)", entity, id);
  return button;
}

static GtkWidget *
new_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles are data (course names, messages), not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* --- filling ------------------------------------------------------------------ */

static const char *
severity_icon (TdSeverity severity)
{
  switch (severity)
    {
    case TD_SEVERITY_ERROR: return "dialog-error-symbolic";
    case TD_SEVERITY_WARNING: return "dialog-warning-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static void
fill_findings (TdQualificationsView *self)
{
  g_autoptr (GError) error = NULL;

  td_list_box_remove_all_rows (self->findings_list);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = td_rules_check_person (self->store, self->trainee_id, self->today, &error);
  if (self->findings == NULL)
    {
      show_error (self, error->message);
      self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
      return;
    }
  for (guint i = 0; i < self->findings->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (self->findings, i);
      GtkWidget *row = new_row (f->message, f->article);
      GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (f->severity));

      gtk_widget_set_tooltip_text (icon, td_severity_label (f->severity));
      if (f->severity == TD_SEVERITY_ERROR)
        gtk_widget_add_css_class (icon, "error");
      else if (f->severity == TD_SEVERITY_WARNING)
        gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->findings_list, row);
    }
}

static void
fill_roles (TdQualificationsView *self, const TdPersonHistory *p)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  td_list_box_remove_all_rows (self->roles_list);
  g_array_set_size (self->cycle_qualifications, 0);
  for (guint i = 0; i < p->qualifications->len; i++)
    {
      const TdQualification *q = g_ptr_array_index (p->qualifications, i);
      g_autofree char *title = qualification_title (self, q);
      g_autofree char *since = display_date (q->since);
      g_autofree char *subtitle = g_strdup_printf (_("Since %s"), since);
      GtkWidget *row = new_row (title, subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_remove_button ("qualification", q->id));
      gtk_list_box_append (self->roles_list, row);
      if (q->kind == TD_QUALIFICATION_VR_CE)
        {
          gtk_string_list_append (names, title);
          g_array_append_val (self->cycle_qualifications, q->id);
        }
    }
  adw_combo_row_set_model (self->cycle_qualification_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->add_cycle_group), self->cycle_qualifications->len > 0);
}

static const TdQualification *
find_qualification (const TdPersonHistory *p, gint64 id)
{
  for (guint i = 0; i < p->qualifications->len; i++)
    if (((TdQualification *) g_ptr_array_index (p->qualifications, i))->id == id)
      return g_ptr_array_index (p->qualifications, i);
  return NULL;
}

static char *
describe_leaves (const TdCertificateCycle *c)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < c->leaves->len; i++)
    {
      const TdCycleLeave *l = g_ptr_array_index (c->leaves, i);
      g_autofree char *from = display_date (l->start), *to = display_date (l->end);

      if (s->len > 0)
        g_string_append (s, C_("list separator", ", "));
      g_string_append_printf (s, _("leave %s – %s"), from, to);
    }
  return s->len > 0 ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

static void
fill_cycles (TdQualificationsView *self, const TdPersonHistory *p)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  td_list_box_remove_all_rows (self->cycles_list);
  g_array_set_size (self->cycle_ids, 0);
  for (guint i = 0; i < p->cycles->len; i++)
    {
      const TdCertificateCycle *c = g_ptr_array_index (p->cycles, i);
      const TdQualification *q = find_qualification (p, c->qualification_id);
      g_autofree char *name = q != NULL ? qualification_title (self, q) : g_strdup ("");
      g_autofree char *from = display_date (c->start), *to = display_date (c->end);
      /* Translators: a qualification and the dates its certificate is valid */
      g_autofree char *title = g_strdup_printf (_("%s: %s – %s"), name, from, to);
      g_autofree char *leaves = describe_leaves (c);
      GtkWidget *row = new_row (title, leaves);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_remove_button ("cycle", c->id));
      gtk_list_box_append (self->cycles_list, row);
      gtk_string_list_append (names, title);
      g_array_append_val (self->cycle_ids, c->id);
    }
  adw_combo_row_set_model (self->leave_cycle_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->add_leave_group), self->cycle_ids->len > 0);
}

static void
fill_hours (TdQualificationsView *self, const TdPersonHistory *p)
{
  td_list_box_remove_all_rows (self->hours_list);
  for (guint i = 0; i < p->hours->len; i++)
    {
      const TdHoursRecord *h = g_ptr_array_index (p->hours, i);
      g_autofree char *date = display_date (h->date);
      g_autofree char *amount = h->minutes % 60 == 0
        ? g_strdup_printf ("%d", h->minutes / 60)
        : g_strdup_printf ("%.1f", h->minutes / 60.0);
      g_autofree char *category = h->role > 0
        ? g_strdup_printf (_("%s, role %d"), td_hours_category_label (h->category), h->role)
        : g_strdup (td_hours_category_label (h->category));
      /* Translators: date · provider · hours · category of a training record */
      g_autofree char *subtitle
          = g_strdup_printf (_("%s · %s · %s h · %s"), date,
                             h->provider && *h->provider ? h->provider : "—", amount, category);
      GtkWidget *row = new_row (h->title, subtitle);

      if (h->id > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_remove_button ("hours", h->id));
      gtk_list_box_append (self->hours_list, row);
    }
}

static void
reload (TdQualificationsView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdPersonHistory) p = NULL;

  if (self->store == NULL || self->trainee_id == 0)
    return;
  if ((p = td_store_load_person_history (self->store, self->trainee_id, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }
  fill_roles (self, p);
  fill_cycles (self, p);
  fill_hours (self, p);
  fill_findings (self);
}

/* After a successful change: clear what was typed, show the new state. */
static void
changed (TdQualificationsView *self, AdwEntryRow *const *rows, guint n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
  show_error (self, NULL);
  reload (self);
}

/* --- actions ------------------------------------------------------------------- */

static void
add_role_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (widget);
  guint pos = adw_combo_row_get_selected (self->role_row);
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autoptr (GError) error = NULL;
  const RoleChoice *choice;

  if (pos >= self->role_choices->len || (q->since = read_date (self, self->since_row)) == NULL)
    return;
  choice = &g_array_index (self->role_choices, RoleChoice, pos);
  q->trainee_id = self->trainee_id;
  q->kind = choice->kind;
  q->role = choice->role;
  q->qualification = g_strdup (choice->slug);
  if (!td_store_add_qualification (self->store, q, &error))
    show_error (self, error->message);
  else
    changed (self, &self->since_row, 1);
}

static void
add_cycle_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (widget);
  guint pos = adw_combo_row_get_selected (self->cycle_qualification_row);
  g_autoptr (TdCertificateCycle) c = td_certificate_cycle_new ();
  g_autoptr (GError) error = NULL;
  AdwEntryRow *rows[] = { self->cycle_start_row, self->cycle_end_row };

  if (pos >= self->cycle_qualifications->len
      || (c->start = read_date (self, self->cycle_start_row)) == NULL
      || (c->end = read_date (self, self->cycle_end_row)) == NULL)
    return;
  c->trainee_id = self->trainee_id;
  c->qualification_id = g_array_index (self->cycle_qualifications, gint64, pos);
  if (!td_store_add_certificate_cycle (self->store, c, &error))
    show_error (self, error->message);
  else
    changed (self, rows, G_N_ELEMENTS (rows));
}

static void
add_leave_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (widget);
  guint pos = adw_combo_row_get_selected (self->leave_cycle_row);
  g_autoptr (TdCycleLeave) l = td_cycle_leave_new ();
  g_autoptr (GError) error = NULL;
  AdwEntryRow *rows[] = { self->leave_start_row, self->leave_end_row, self->leave_approval_row };

  if (pos >= self->cycle_ids->len || (l->start = read_date (self, self->leave_start_row)) == NULL
      || (l->end = read_date (self, self->leave_end_row)) == NULL)
    return;
  l->cycle_id = g_array_index (self->cycle_ids, gint64, pos);
  l->approval = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->leave_approval_row)));
  if (!td_store_add_cycle_leave (self->store, l, &error))
    show_error (self, error->message);
  else
    changed (self, rows, G_N_ELEMENTS (rows));
}

static void
add_hours_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (widget);
  g_autoptr (TdHoursRecord) h = td_hours_record_new ();
  g_autoptr (GError) error = NULL;
  AdwEntryRow *rows[] = { self->hours_date_row, self->hours_title_row, self->hours_provider_row,
                          self->hours_amount_row };

  if ((h->date = read_date (self, self->hours_date_row)) == NULL)
    return;
  if (!td_hours_parse_minutes (gtk_editable_get_text (GTK_EDITABLE (self->hours_amount_row)),
                               &h->minutes))
    {
      show_error (self, _("Hours: more than 0, in whole minutes, e.g. 3 or 1.5"));
      return;
    }
  h->trainee_id = self->trainee_id;
  h->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hours_title_row)));
  h->provider = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hours_provider_row)));
  h->category = (TdHoursCategory) adw_combo_row_get_selected (self->hours_category_row);
  if (h->category == TD_HOURS_INSERVICE)
    h->role = (int) adw_combo_row_get_selected (self->hours_role_row) + 1;
  h->source = g_strdup ("manual");
  if (!td_store_add_hours (self->store, h, &error))
    show_error (self, error->message);
  else
    changed (self, rows, G_N_ELEMENTS (rows));
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (widget);
  g_autoptr (GError) error = NULL;
  const char *entity;
  gint64 id;

  g_variant_get (param, "(&sx)", &entity, &id);
  if (!td_store_void_person_record (self->store, self->trainee_id, entity, id, NULL, &error))
    show_error (self, error->message);
  else
    changed (self, NULL, 0);
}

static void
category_selected_cb (TdQualificationsView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->hours_role_row),
                          adw_combo_row_get_selected (self->hours_category_row)
                            == TD_HOURS_INSERVICE);
}

/* --- setup ---------------------------------------------------------------------- */

/* The role combo: the art. 18 roles in order, then the vr-ce qualifications; the
 * in-service hours' role combo: the roles alone. */
static void
fill_choices (TdQualificationsView *self)
{
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) hour_roles = gtk_string_list_new (NULL);
  GPtrArray *list = td_catalogue_get_inservice_roles (self->catalogue);
  GPtrArray *vr = td_catalogue_list_regime (self->catalogue, TD_REGIME_VR_CE);

  for (guint i = 0; i < list->len; i++)
    {
      const TdInserviceRole *r = g_ptr_array_index (list, i);
      RoleChoice c = { TD_QUALIFICATION_INSERVICE_ROLE, r->number, NULL };
      g_autofree char *name = g_strdup_printf (_("Art. 18 role %d: %s"), r->number, r->name);

      gtk_string_list_append (roles, name);
      gtk_string_list_append (hour_roles, name);
      g_array_append_val (self->role_choices, c);
    }
  for (guint i = 0; i < vr->len; i++)
    {
      const TdCategory *cat = g_ptr_array_index (vr, i);
      RoleChoice c = { TD_QUALIFICATION_VR_CE, 0, cat->slug };
      g_autofree char *name = g_strdup_printf (_("Vocational rehabilitation: %s"), cat->name);

      gtk_string_list_append (roles, name);
      g_array_append_val (self->role_choices, c);
    }
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_model (self->hours_role_row, G_LIST_MODEL (hour_roles));
}

static void
td_qualifications_view_dispose (GObject *object)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_QUALIFICATIONS_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (td_qualifications_view_parent_class)->dispose (object);
}

static void
td_qualifications_view_finalize (GObject *object)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (object);

  g_free (self->today);
  g_array_unref (self->role_choices);
  g_array_unref (self->cycle_qualifications);
  g_array_unref (self->cycle_ids);
  G_OBJECT_CLASS (td_qualifications_view_parent_class)->finalize (object);
}

static void
td_qualifications_view_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_qualifications_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                     GParamSpec *pspec)
{
  TdQualificationsView *self = TD_QUALIFICATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_TODAY:
      td_qualifications_view_set_today (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdQualificationsView, name)

static void
td_qualifications_view_class_init (TdQualificationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_qualifications_view_dispose;
  object_class->finalize = td_qualifications_view_finalize;
  object_class->get_property = td_qualifications_view_get_property;
  object_class->set_property = td_qualifications_view_set_property;
  properties[PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/trainingdesk/TrainingDesk/ui/td-qualifications-view.ui");
  BIND (findings_list);
  BIND (error_label);
  BIND (roles_list);
  BIND (role_row);
  BIND (since_row);
  BIND (cycles_list);
  BIND (add_cycle_group);
  BIND (cycle_qualification_row);
  BIND (cycle_start_row);
  BIND (cycle_end_row);
  BIND (add_leave_group);
  BIND (leave_cycle_row);
  BIND (leave_start_row);
  BIND (leave_end_row);
  BIND (leave_approval_row);
  BIND (hours_list);
  BIND (hours_date_row);
  BIND (hours_title_row);
  BIND (hours_provider_row);
  BIND (hours_amount_row);
  BIND (hours_category_row);
  BIND (hours_role_row);
  gtk_widget_class_bind_template_callback (widget_class, category_selected_cb);

  gtk_widget_class_install_action (widget_class, "qualifications.add-role", NULL, add_role_action);
  gtk_widget_class_install_action (widget_class, "qualifications.add-cycle", NULL,
                                   add_cycle_action);
  gtk_widget_class_install_action (widget_class, "qualifications.add-leave", NULL,
                                   add_leave_action);
  gtk_widget_class_install_action (widget_class, "qualifications.add-hours", NULL,
                                   add_hours_action);
  gtk_widget_class_install_action (widget_class, "qualifications.remove", "(sx)", remove_action);
}

static void
td_qualifications_view_init (TdQualificationsView *self)
{
  g_autoptr (GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->role_choices = g_array_new (FALSE, FALSE, sizeof (RoleChoice));
  self->cycle_qualifications = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cycle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);
  /* The shipped catalogue: a broken resource is a build error, caught by its tests. */
  self->catalogue = td_catalogue_load_default (&error);
  g_assert_no_error (error);
  fill_choices (self);
  gtk_widget_set_visible (GTK_WIDGET (self->add_cycle_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_leave_group), FALSE);
}

/* --- public API ----------------------------------------------------------------- */

GtkWidget *
td_qualifications_view_new (void)
{
  return g_object_new (TD_TYPE_QUALIFICATIONS_VIEW, NULL);
}

void
td_qualifications_view_load (TdQualificationsView *self, TdStore *store, gint64 trainee_id)
{
  g_return_if_fail (TD_IS_QUALIFICATIONS_VIEW (self));
  g_return_if_fail (store == NULL || TD_IS_STORE (store));

  g_set_object (&self->store, store);
  self->trainee_id = trainee_id;
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), store != NULL && trainee_id > 0);
  reload (self);
}

void
td_qualifications_view_set_today (TdQualificationsView *self, const char *today)
{
  g_return_if_fail (TD_IS_QUALIFICATIONS_VIEW (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  if (self->store != NULL && self->trainee_id > 0)
    fill_findings (self);
}

GPtrArray *
td_qualifications_view_get_findings (TdQualificationsView *self)
{
  g_return_val_if_fail (TD_IS_QUALIFICATIONS_VIEW (self), NULL);
  return self->findings;
}
