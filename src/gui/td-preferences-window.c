/* td-preferences-window.c — the training unit and the centre settings */
#include "config.h"

#define G_LOG_DOMAIN "td-preferences-window"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "td-catalogue.h"
#include "td-gui-resources.h"

#include "td-preferences-window.h"

typedef enum {
  SETTING_EVENING_START,
  SETTING_PASS_MARK,
  SETTING_CERTIFICATE_PREFIX,
  N_SETTINGS
} Setting;

/* Checks what was typed; on success returns the value to store. */
typedef char *(*CheckFunc) (const char *text, GError **error);

typedef struct {
  const char *key;
  CheckFunc check;
} SettingSpec;

struct _TdPreferencesWindow {
  AdwPreferencesWindow parent_instance;

  TdStore *store;
  TdUnit *unit;                       /* as stored */
  char *stored[N_SETTINGS];           /* as stored (or the default) */

  AdwEntryRow *title_row;
  AdwEntryRow *address_row;
  AdwEntryRow *responsible_person_row;
  AdwEntryRow *approval_ref_row;
  AdwEntryRow *region_row;
  AdwEntryRow *phone_row;
  GtkLabel *unit_error_label;
  AdwEntryRow *setting_rows[N_SETTINGS];
  GtkLabel *setting_error_labels[N_SETTINGS];

  TdCatalogue *catalogue;             /* with the centre's corrections applied */
  AdwPreferencesPage *hours_page;
  GtkLabel *hours_error_label;
  GPtrArray *hours_rows;              /* AdwEntryRow*, one per category, owned by the page */
};

G_DEFINE_FINAL_TYPE (TdPreferencesWindow, td_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- value checks ----------------------------------------------------------- */

static char *
check_time (const char *text, GError **error)
{
  g_auto (GStrv) parts = NULL;
  guint64 hours = 0, minutes = 0;

  if (!g_regex_match_simple ("^[0-9]{1,2}:[0-9]{2}$", text, 0, 0))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("Write the time as HH:MM on the 24-hour clock, e.g. 18:00."));
      return NULL;
    }
  parts = g_strsplit (text, ":", 2);
  hours = g_ascii_strtoull (parts[0], NULL, 10);
  minutes = g_ascii_strtoull (parts[1], NULL, 10);
  if (hours > 23 || minutes > 59)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("%s is not a time of day: hours go up to 23 and minutes up to 59."), text);
      return NULL;
    }
  return g_strdup_printf ("%02u:%02u", (guint) hours, (guint) minutes);
}

static char *
check_number (const char *text, guint64 max, const char *message, GError **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID, message);
      return NULL;
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT, value);
}

static char *
check_pass_mark (const char *text, GError **error)
{
  return check_number (text, 100, _("Enter a whole number of points from 0 to 100."), error);
}

static char *
check_prefix (const char *text, GError **error)
{
  if (g_utf8_strlen (text, -1) > 20)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("A prefix can be at most 20 characters long."));
      return NULL;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                     _("A prefix cannot contain spaces; certificate numbers are written "
                       "without them."));
        return NULL;
      }
  return g_strdup (text);
}

static const SettingSpec setting_specs[N_SETTINGS] = {
  { TD_SETTING_EVENING_START, check_time },
  { TD_SETTING_PASS_MARK, check_pass_mark },
  { TD_SETTING_CERTIFICATE_PREFIX, check_prefix },
};

/* --- helpers ---------------------------------------------------------------- */

static char *
dup_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_row_error (AdwEntryRow *row, GtkLabel *label, const char *message)
{
  if (message != NULL)
    {
      g_autofree char *text = g_strdup_printf (
        /* Translators: a form field and what is wrong with it */
        _("%s: %s"),
                                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                               message);
      gtk_label_set_text (label, text);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Validates a setting row; returns the value to store, or NULL with the reason shown. */
static char *
check_setting_row (TdPreferencesWindow *self, Setting setting)
{
  g_autofree char *text = dup_row_text (self->setting_rows[setting]);
  g_autoptr (GError) error = NULL;
  char *value = setting_specs[setting].check (text, &error);

  show_row_error (self->setting_rows[setting], self->setting_error_labels[setting],
                  value == NULL ? error->message : NULL);
  return value;
}

static gboolean
apply_setting (TdPreferencesWindow *self, Setting setting)
{
  g_autofree char *value = check_setting_row (self, setting);
  g_autoptr (GError) error = NULL;

  if (value == NULL)
    return FALSE;
  if (g_strcmp0 (value, self->stored[setting]) != 0 &&
      !td_store_set_setting (self->store, setting_specs[setting].key, value, &error))
    {
      show_row_error (self->setting_rows[setting], self->setting_error_labels[setting],
                      error->message);
      return FALSE;
    }
  g_free (self->stored[setting]);
  self->stored[setting] = g_strdup (value);
  gtk_editable_set_text (GTK_EDITABLE (self->setting_rows[setting]), value);
  return TRUE;
}

static TdUnit *
build_unit (TdPreferencesWindow *self)
{
  TdUnit *unit = td_unit_new ();

  unit->title = dup_row_text (self->title_row);
  unit->address = dup_row_text (self->address_row);
  unit->responsible_person = dup_row_text (self->responsible_person_row);
  unit->approval_ref = dup_row_text (self->approval_ref_row);
  unit->region = dup_row_text (self->region_row);
  unit->phone = dup_row_text (self->phone_row);
  return unit;
}

static gboolean
unit_equal (const TdUnit *a, const TdUnit *b)
{
  return g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->address, b->address) == 0 &&
         g_strcmp0 (a->responsible_person, b->responsible_person) == 0 &&
         g_strcmp0 (a->approval_ref, b->approval_ref) == 0 &&
         g_strcmp0 (a->region, b->region) == 0 && g_strcmp0 (a->phone, b->phone) == 0;
}

static gboolean
save_unit (TdPreferencesWindow *self)
{
  g_autoptr (TdUnit) unit = build_unit (self);
  g_autoptr (GError) error = NULL;

  if (self->unit != NULL && unit_equal (unit, self->unit))
    return TRUE;
  if (!td_store_save_unit (self->store, unit, &error))
    {
      gtk_label_set_text (self->unit_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->unit_error_label), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unit_error_label), FALSE);
  g_clear_pointer (&self->unit, td_unit_free);
  self->unit = g_steal_pointer (&unit);
  return TRUE;
}

static void
set_row_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
load_values (TdPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  self->unit = td_store_get_unit (self->store, &error);
  if (self->unit == NULL)
    {
      gtk_label_set_text (self->unit_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->unit_error_label), TRUE);
    }
  else
    {
      set_row_text (self->title_row, self->unit->title);
      set_row_text (self->address_row, self->unit->address);
      set_row_text (self->responsible_person_row, self->unit->responsible_person);
      set_row_text (self->approval_ref_row, self->unit->approval_ref);
      set_row_text (self->region_row, self->unit->region);
      set_row_text (self->phone_row, self->unit->phone);
    }
  for (guint i = 0; i < N_SETTINGS; i++)
    {
      /* Defaults come from the rule packs and data/settings.json, as the rules see them. */
      self->stored[i] = td_settings_get (self->store, setting_specs[i].key);
      set_row_text (self->setting_rows[i], self->stored[i]);
    }
}

/* --- course hours ------------------------------------------------------------ */

#define MAX_HOURS 1000

/* Hours as the rows show them: "12", "1.5", "0.33"; empty when unknown (0). Two decimals
 * are enough to get the same whole minutes back through parse_hours(). */
static char *
format_hours (int minutes)
{
  int hundredths;
  char *text;

  if (minutes <= 0)
    return g_strdup ("");
  if (minutes % 60 == 0)
    return g_strdup_printf ("%d", minutes / 60);
  hundredths = (minutes * 100 + 30) / 60;
  text = g_strdup_printf ("%d.%02d", hundredths / 100, hundredths % 100);
  if (g_str_has_suffix (text, "0"))
    text[strlen (text) - 1] = '\0';
  return text;
}

/* Reads "12", "1.5" or "" (unknown) as whole minutes, rounded to the nearest minute. */
static gboolean
parse_hours (const char *text, int *minutes, GError **error)
{
  g_auto (GStrv) parts = NULL;
  guint64 whole = 0, hundredths;

  if (*text == '\0')
    {
      *minutes = 0;
      return TRUE;
    }
  if (!g_regex_match_simple ("^[0-9]+(\\.[0-9]{1,2})?$", text, 0, 0))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("Enter hours with up to two decimals, e.g. 12 or 1.5."));
      return FALSE;
    }
  parts = g_strsplit (text, ".", 2);
  hundredths = parts[1] == NULL ? 0 : g_ascii_strtoull (parts[1], NULL, 10);
  if (parts[1] != NULL && strlen (parts[1]) == 1)
    hundredths *= 10;
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, MAX_HOURS, &whole, NULL) ||
      whole * 100 + hundredths > MAX_HOURS * 100)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("A course can be at most %d hours long."), MAX_HOURS);
      return FALSE;
    }
  *minutes = (int) (((whole * 100 + hundredths) * 60 + 50) / 100);
  return TRUE;
}

static int
row_minutes (TdPreferencesWindow *self, AdwEntryRow *row)
{
  const char *slug = g_object_get_data (G_OBJECT (row), "slug");

  return td_catalogue_lookup (self->catalogue, slug)->statutory_minutes;
}

/* The group's label reports one row at a time: the last one that failed. A group can
 * be longer than the window, so a toast says it where the user is looking. */
static void
show_hours_error (TdPreferencesWindow *self, AdwEntryRow *row, const char *message)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "error-label");

  if (message != NULL)
    {
      show_row_error (row, label, message);
      g_object_set_data (G_OBJECT (label), "row", row);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (g_object_get_data (G_OBJECT (label), "row") == row)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      g_object_set_data (G_OBJECT (label), "row", NULL);
    }
}

static gboolean
apply_hours_row (TdPreferencesWindow *self, AdwEntryRow *row)
{
  g_autofree char *typed = dup_row_text (row);
  /* Chinese input methods often give full-width digits ("１２．５"). */
  g_autofree char *text = g_utf8_normalize (typed, -1, G_NORMALIZE_NFKC);
  g_autofree char *shown = NULL;
  g_autoptr (GError) error = NULL;
  int minutes;

  if (!parse_hours (text, &minutes, &error) ||
      !td_catalogue_save_correction (self->catalogue, self->store,
                                     g_object_get_data (G_OBJECT (row), "slug"), minutes,
                                     &error))
    {
      show_hours_error (self, row, error->message);
      return FALSE;
    }
  show_hours_error (self, row, NULL);
  shown = format_hours (minutes);
  gtk_editable_set_text (GTK_EDITABLE (row), shown);
  /* Rewriting "12.0" as "12" counts as typing and would bring the apply button back;
   * turning it off and on marks the row as applied again. */
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  return TRUE;
}

static void
hours_apply_cb (AdwEntryRow *row, TdPreferencesWindow *self)
{
  apply_hours_row (self, row);
}

/* Saves the rows whose text no longer shows the hours in force. */
static gboolean
save_hours (TdPreferencesWindow *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; self->hours_rows != NULL && i < self->hours_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->hours_rows, i);
      g_autofree char *text = dup_row_text (row);
      g_autofree char *shown = format_hours (row_minutes (self, row));

      if (g_strcmp0 (text, shown) != 0)
        ok = apply_hours_row (self, row) && ok;
    }
  return ok;
}

static GtkWidget *
new_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_visible (label, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "error");
  return label;
}

static GtkWidget *
new_hours_row (TdPreferencesWindow *self, const TdCategory *category, GtkWidget *error_label)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *hours = format_hours (category->statutory_minutes);
  g_autofree char *tooltip = NULL;

  /* Long names are cut short in the row's title; the tooltip has all of it. */
  if (category->annex != NULL)
    /* Translators: a category; under it, its article and the annex setting its hours */
    tooltip = g_strdup_printf (_("%s\n%s, %s"), category->name, category->article,
                               category->annex);
  else
    tooltip = g_strdup_printf ("%s\n%s", category->name, category->article);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), category->name);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_widget_set_name (row, category->slug);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (row), hours);
  g_object_set_data_full (G_OBJECT (row), "slug", g_strdup (category->slug), g_free);
  g_object_set_data (G_OBJECT (row), "error-label", error_label);
  g_signal_connect (row, "apply", G_CALLBACK (hours_apply_cb), self);
  return row;
}

static void
add_regime_group (TdPreferencesWindow *self, TdRegime regime)
{
  GPtrArray *categories = td_catalogue_list_regime (self->catalogue, regime);
  GtkWidget *group, *error_label;

  if (categories->len == 0)
    return;
  group = adw_preferences_group_new ();
  error_label = new_error_label ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), td_regime_label (regime));
  for (guint i = 0; i < categories->len; i++)
    {
      GtkWidget *row = new_hours_row (self, g_ptr_array_index (categories, i), error_label);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->hours_rows, row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error_label);
  adw_preferences_page_add (self->hours_page, ADW_PREFERENCES_GROUP (group));
}

/* The shipped hours with the centre's corrections; a stored correction that cannot be
 * read is reported, and the rows show what could be applied. */
static void
build_hours_page (TdPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  self->catalogue = td_catalogue_load_default (&error);
  if (self->catalogue != NULL)
    td_catalogue_load_corrections (self->catalogue, self->store, &error);
  if (error != NULL)
    {
      gtk_label_set_text (self->hours_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->hours_error_label), TRUE);
    }
  if (self->catalogue == NULL)
    return;
  self->hours_rows = g_ptr_array_new ();
  for (TdRegime regime = TD_REGIME_OSH; regime <= TD_REGIME_HOURS; regime++)
    add_regime_group (self, regime);
}

/* --- callbacks -------------------------------------------------------------- */

static void
unit_apply_cb (TdPreferencesWindow *self)
{
  save_unit (self);
}

/* Checks as the user types, so the reason shows before anything is applied. */
static void
setting_changed_cb (GtkEditable *row, TdPreferencesWindow *self)
{
  for (guint i = 0; i < N_SETTINGS; i++)
    if (GTK_EDITABLE (self->setting_rows[i]) == row)
      g_free (check_setting_row (self, i));
}

static void
evening_start_apply_cb (TdPreferencesWindow *self)
{
  apply_setting (self, SETTING_EVENING_START);
}

static void
pass_mark_apply_cb (TdPreferencesWindow *self)
{
  apply_setting (self, SETTING_PASS_MARK);
}

static void
certificate_prefix_apply_cb (TdPreferencesWindow *self)
{
  apply_setting (self, SETTING_CERTIFICATE_PREFIX);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  /* Closing saves what is valid; invalid values were shown inline and are dropped. */
  td_preferences_window_save (TD_PREFERENCES_WINDOW (window));
  return FALSE;
}

/* --- overrides -------------------------------------------------------------- */

static void
td_preferences_window_constructed (GObject *object)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (td_preferences_window_parent_class)->constructed (object);

  load_values (self);
  build_hours_page (self);
  for (guint i = 0; i < N_SETTINGS; i++)
    g_signal_connect (self->setting_rows[i], "changed", G_CALLBACK (setting_changed_cb), self);
}

static void
td_preferences_window_dispose (GObject *object)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->hours_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->unit, td_unit_free);
  for (guint i = 0; i < N_SETTINGS; i++)
    g_clear_pointer (&self->stored[i], g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (td_preferences_window_parent_class)->dispose (object);
}

static void
td_preferences_window_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_preferences_window_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  TdPreferencesWindow *self = TD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_SETTING(name, setting) \
  G_STMT_START { \
    gtk_widget_class_bind_template_child_full (widget_class, #name "_row", FALSE, \
                                               G_STRUCT_OFFSET (TdPreferencesWindow, setting_rows) + \
                                               (setting) * sizeof (gpointer)); \
    gtk_widget_class_bind_template_child_full (widget_class, #name "_error_label", FALSE, \
                                               G_STRUCT_OFFSET (TdPreferencesWindow, \
                                                                setting_error_labels) + \
                                               (setting) * sizeof (gpointer)); \
    gtk_widget_class_bind_template_callback (widget_class, name##_apply_cb); \
  } G_STMT_END

static void
td_preferences_window_class_init (TdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_preferences_window_constructed;
  object_class->dispose = td_preferences_window_dispose;
  object_class->get_property = td_preferences_window_get_property;
  object_class->set_property = td_preferences_window_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the bundle keeps it, and the constructor that registers it, when
   * libtdgui is linked statically. */
  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, responsible_person_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, approval_ref_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, unit_error_label);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, hours_page);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesWindow, hours_error_label);
  BIND_SETTING (evening_start, SETTING_EVENING_START);
  BIND_SETTING (pass_mark, SETTING_PASS_MARK);
  BIND_SETTING (certificate_prefix, SETTING_CERTIFICATE_PREFIX);
  gtk_widget_class_bind_template_callback (widget_class, unit_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
}

static void
td_preferences_window_init (TdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ------------------------------------------------------------- */

GtkWidget *
td_preferences_window_new (GtkWindow *parent, TdStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "store", store, NULL);
}

gboolean
td_preferences_window_save (TdPreferencesWindow *self)
{
  gboolean ok;

  g_return_val_if_fail (TD_IS_PREFERENCES_WINDOW (self), FALSE);

  ok = save_unit (self);
  for (guint i = 0; i < N_SETTINGS; i++)
    ok = apply_setting (self, i) && ok;
  ok = save_hours (self) && ok;
  return ok;
}
