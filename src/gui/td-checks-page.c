/* td-checks-page.c — every open rule finding across the centre, with deadlines due soon */
#include "config.h"

#define G_LOG_DOMAIN "td-checks-page"

#include <glib/gi18n.h>

#include "td-gui-resources.h"

#include "td-checks-page.h"
#include "td-courses-page.h"
#include "td-roc-date.h"
#include "td-rules.h"
#include "td-trainees-page.h"
#include "td-window.h"

/* How far ahead a deadline counts as due this week. */
#define DUE_SOON_DAYS 7

struct _TdChecksPage {
  AdwBin parent_instance;

  TdStore *store;
  char *today;                   /* NULL = the local date at each check */
  GCancellable *cancellable;     /* the check running, or NULL */
  GPtrArray *findings;           /* TdFinding*, of the last check */
  char *check_date;              /* the date the running or last check is for */
  char *findings_date;           /* the date the shown findings are for */
  GPtrArray *shown;              /* borrowed from findings: what the filters let through */
  GHashTable *courses;           /* course id → TdCourse (NULL when gone), as rows are built */
  guint attention;
  gboolean rules_updating;       /* the rule dropdown's model is being replaced */

  GtkDropDown *severity_dropdown;
  GtkDropDown *rule_dropdown;
  GtkLabel *summary_label;
  GtkSpinner *spinner;
  GtkStack *content_stack;
  GtkBox *findings_box;
  AdwStatusPage *failed_status;
};

G_DEFINE_FINAL_TYPE (TdChecksPage, td_checks_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TODAY,
  PROP_BUSY,
  PROP_ATTENTION_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers ---------------------------------------------------------------- */

static char *
dup_check_date (TdChecksPage *self)
{
  g_autoptr (GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Days from @today to @finding's due date; FALSE when it has none (or either is not a
 * date). */
static gboolean
days_until_due (const TdFinding *finding, const char *today, int *days)
{
  GDate due, from;

  if (finding->due == NULL)
    return FALSE;
  g_date_clear (&due, 1);
  g_date_clear (&from, 1);
  g_date_set_parse (&due, finding->due);
  g_date_set_parse (&from, today);
  if (!g_date_valid (&due) || !g_date_valid (&from))
    return FALSE;
  *days = g_date_days_between (&from, &due);
  return TRUE;
}

static gboolean
is_due_soon (const TdFinding *finding, const char *today)
{
  int days;

  return days_until_due (finding, today, &days) && days >= 0 && days <= DUE_SOON_DAYS;
}

/* The course a finding is about, read once per check; NULL when it is gone. */
static TdCourse *
lookup_course (TdChecksPage *self, gint64 course_id)
{
  gint64 *key;
  TdCourse *course;

  if (g_hash_table_lookup_extended (self->courses, &course_id, NULL, (gpointer *) &course))
    return course;
  course = td_store_get_course (self->store, course_id, NULL);
  key = g_new (gint64, 1);
  *key = course_id;
  g_hash_table_insert (self->courses, key, course);
  return course;
}

static const char *
course_title (TdChecksPage *self, gint64 course_id)
{
  TdCourse *course = lookup_course (self, course_id);

  return course != NULL && course->title != NULL ? course->title : _("(deleted course)");
}

/* Period and dates, which tell apart courses of the same title. */
static char *
dup_course_subtitle (TdChecksPage *self, gint64 course_id)
{
  TdCourse *course = lookup_course (self, course_id);
  g_autofree char *from = NULL, *to = NULL, *dates = NULL;

  if (course == NULL)
    return NULL;
  from = course->start_date ? td_roc_date_format (course->start_date, TD_ROC_FORMAT_SLASH) : NULL;
  to = course->end_date ? td_roc_date_format (course->end_date, TD_ROC_FORMAT_SLASH) : NULL;
  if (from != NULL && to != NULL && g_strcmp0 (from, to) != 0)
    /* TRANSLATORS: a course's first and last day, in the ROC calendar */
    dates = g_strdup_printf (_("%s – %s"), from, to);
  else
    dates = g_strdup (from);
  if (course->period != NULL && course->period[0] != '\0' && dates != NULL)
    return g_strdup_printf ("%s · %s", course->period, dates);
  return g_strdup (course->period != NULL && course->period[0] != '\0' ? course->period : dates);
}

static char *
dup_trainee_name (TdChecksPage *self, const TdFinding *finding)
{
  g_autoptr (TdTrainee) trainee = td_store_get_trainee (self->store, finding->trainee_id, NULL);
  g_autofree char *key = td_finding_dup_trainee_key (finding);

  if (trainee != NULL && trainee->name != NULL)
    return g_strdup (trainee->name);
  return g_strdup_printf (_("Trainee %s"), key);
}

static gboolean
passes_filters (TdChecksPage *self, const TdFinding *finding)
{
  guint severity = gtk_drop_down_get_selected (self->severity_dropdown);
  guint rule = gtk_drop_down_get_selected (self->rule_dropdown);
  GListModel *rules = gtk_drop_down_get_model (self->rule_dropdown);

  if (severity == TD_CHECKS_FILTER_ERRORS && finding->severity != TD_SEVERITY_ERROR)
    return FALSE;
  if (severity == TD_CHECKS_FILTER_WARNINGS && finding->severity != TD_SEVERITY_WARNING)
    return FALSE;
  /* Item 0 is "All Rules". */
  if (rules != NULL && rule != GTK_INVALID_LIST_POSITION && rule > 0 &&
      g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (rules), rule), finding->rule) != 0)
    return FALSE;
  return TRUE;
}

static void
unref_course_or_null (gpointer course)
{
  if (course != NULL)
    g_object_unref (course);
}

/* --- rows ------------------------------------------------------------------- */

static GtkWidget *
new_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_severity_icon (TdSeverity severity)
{
  static const char *const icons[] = {
    [TD_SEVERITY_ERROR] = "dialog-error-symbolic",
    [TD_SEVERITY_WARNING] = "dialog-warning-symbolic",
    [TD_SEVERITY_INFO] = "dialog-information-symbolic",
  };
  static const char *const classes[] = {
    [TD_SEVERITY_ERROR] = "error",
    [TD_SEVERITY_WARNING] = "warning",
    [TD_SEVERITY_INFO] = "accent",
  };
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[severity]);

  gtk_widget_add_css_class (icon, classes[severity]);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, td_severity_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  td_severity_label (severity), -1);
  return icon;
}

static GtkWidget *
new_button (const char *label, const char *action, gint64 id, gboolean suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
new_due_label (const TdFinding *finding, const char *today)
{
  g_autofree char *date = td_roc_date_format (finding->due, TD_ROC_FORMAT_SLASH);
  g_autofree char *text = NULL;
  int days = 0;

  if (!days_until_due (finding, today, &days) || days < 0)
    text = g_strdup_printf (_("Due %s"), date);
  else if (days == 0)
    text = g_strdup_printf (_("Due today (%s)"), date);
  else
    text = g_strdup_printf (g_dngettext (NULL, "Due in %d day (%s)", "Due in %d days (%s)",
                                         days), days, date);
  return new_label (text, days >= 0 && days <= DUE_SOON_DAYS ? "warning" : "dim-label");
}

/* The texts of one finding: message, rule id, article, suggested action, due date. */
static GtkWidget *
new_finding_texts (const TdFinding *finding, const char *heading, const char *today)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *rule = new_label (finding->rule, "monospace");
  g_autofree char *action = NULL;

  gtk_widget_set_hexpand (box, TRUE);
  if (heading != NULL)
    gtk_box_append (GTK_BOX (box), new_label (heading, "heading"));
  gtk_box_append (GTK_BOX (box), new_label (finding->message, NULL));
  gtk_widget_add_css_class (rule, "dim-label");
  gtk_widget_add_css_class (rule, "caption");
  gtk_box_append (GTK_BOX (box), rule);
  gtk_box_append (GTK_BOX (box), new_label (finding->article, "dim-label"));
  if (finding->action != NULL)
    {
      action = g_strdup_printf (_("Suggested: %s"), finding->action);
      gtk_box_append (GTK_BOX (box), new_label (action, "caption"));
    }
  if (finding->due != NULL)
    gtk_box_append (GTK_BOX (box), new_due_label (finding, today));
  return box;
}

/* @heading: shown above the message (the course and person in the due list), or NULL.
 * The buttons go under the texts so that a narrow window keeps the texts readable. */
static GtkWidget *
new_finding_row (TdChecksPage *self, const TdFinding *finding, const char *heading,
                 const char *today)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = new_finding_texts (finding, heading, today);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_severity_icon (finding->severity));
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 3);
  /* A person-level finding is about no course: it is fixed in the person's form. */
  if (finding->course_id == 0)
    gtk_box_append (GTK_BOX (buttons), new_button (_("_Go to Fix"), "checks.fix-trainee",
                                                   finding->trainee_id, TRUE));
  else
    {
      if (finding->trainee_id > 0)
        gtk_box_append (GTK_BOX (buttons), new_button (_("Open _Person"), "checks.open-trainee",
                                                       finding->trainee_id, FALSE));
      gtk_box_append (GTK_BOX (buttons),
                      new_button (_("_Go to Fix"), "checks.open-course", finding->course_id, TRUE));
    }
  gtk_box_append (GTK_BOX (texts), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
new_group (const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

/* --- building the list ------------------------------------------------------- */

static void
add_due_section (TdChecksPage *self, const char *today)
{
  GtkWidget *group = NULL, *list = NULL;

  for (guint i = 0; i < self->shown->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (self->shown, i);
      g_autofree char *name = NULL, *heading = NULL;

      if (!is_due_soon (f, today))
        continue;
      if (group == NULL)
        {
          group = new_group (_("Due This Week"),
                             _("Deadlines that fall within the next seven days."));
          list = new_list ();
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
          gtk_box_append (self->findings_box, group);
        }
      name = f->trainee_id > 0 ? dup_trainee_name (self, f) : NULL;
      if (f->course_id == 0)
        heading = g_steal_pointer (&name);
      else
        heading = name != NULL ? g_strdup_printf ("%s · %s", course_title (self, f->course_id), name)
                               : g_strdup (course_title (self, f->course_id));
      gtk_list_box_append (GTK_LIST_BOX (list), new_finding_row (self, f, heading, today));
    }
}

/* The expander's subtitle lists the rules its findings are about, each once. */
static void
add_rule_to_subtitle (AdwExpanderRow *expander, const char *rule)
{
  const char *subtitle = adw_expander_row_get_subtitle (expander);
  g_auto (GStrv) rules = g_strsplit (subtitle != NULL ? subtitle : "", ", ", -1);
  g_autofree char *joined = NULL;

  if (g_strv_contains ((const char *const *) rules, rule))
    return;
  joined = subtitle != NULL && subtitle[0] != '\0' ? g_strconcat (subtitle, ", ", rule, NULL)
                                                    : g_strdup (rule);
  adw_expander_row_set_subtitle (expander, joined);
}

/* A person's rows are made when their expander is first opened: a centre can have
 * hundreds of people with findings, and laying all of them out at once stalls. */
static void
expander_expanded_cb (AdwExpanderRow *expander, GParamSpec *pspec, TdChecksPage *self)
{
  GPtrArray *findings = g_object_get_data (G_OBJECT (expander), "td-findings");
  g_autofree char *today = NULL;

  if (!adw_expander_row_get_expanded (expander) || findings == NULL)
    return;
  today = dup_check_date (self);
  for (guint i = 0; i < findings->len; i++)
    adw_expander_row_add_row (expander,
                              new_finding_row (self, g_ptr_array_index (findings, i), NULL, today));
  g_object_set_data (G_OBJECT (expander), "td-findings", NULL);
}

static GtkWidget *
new_person_expander (TdChecksPage *self, const TdFinding *first)
{
  g_autofree char *name = dup_trainee_name (self, first);
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander),
                               gtk_image_new_from_icon_name ("avatar-default-symbolic"));
  g_object_set_data_full (G_OBJECT (expander), "td-findings",
                          g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (expander_expanded_cb), self,
                           0);
  return expander;
}

/* Person-level findings of one course: an expander per person, in first-seen order. */
static void
add_person_rows (TdChecksPage *self, GtkWidget *list, GPtrArray *person_findings)
{
  g_autoptr (GHashTable) expanders = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < person_findings->len; i++)
    {
      TdFinding *f = g_ptr_array_index (person_findings, i);
      GtkWidget *expander = g_hash_table_lookup (expanders, &f->trainee_id);

      if (expander == NULL)
        {
          expander = new_person_expander (self, f);
          gtk_list_box_append (GTK_LIST_BOX (list), expander);
          g_hash_table_insert (expanders, &f->trainee_id, expander);
        }
      g_ptr_array_add (g_object_get_data (G_OBJECT (expander), "td-findings"),
                       td_finding_copy (f));
      add_rule_to_subtitle (ADW_EXPANDER_ROW (expander), f->rule);
    }
}

/* One group per course: course-level findings first, then per person. */
static guint
add_course_group (TdChecksPage *self, guint start, const char *today)
{
  const TdFinding *first = g_ptr_array_index (self->shown, start);
  g_autoptr (GPtrArray) person_findings = g_ptr_array_new ();
  g_autofree char *subtitle = first->course_id > 0 ? dup_course_subtitle (self, first->course_id)
                                                   : g_strdup (_("Roles, certificate cycles and training hours of each person"));
  /* Person-level findings name no course (course id 0) and sort first. */
  GtkWidget *group = new_group (first->course_id > 0 ? course_title (self, first->course_id)
                                                     : _("People"),
                                subtitle);
  GtkWidget *list = new_list ();
  guint i;

  for (i = start; i < self->shown->len; i++)
    {
      TdFinding *f = g_ptr_array_index (self->shown, i);

      if (f->course_id != first->course_id)
        break;
      if (f->trainee_id > 0)
        g_ptr_array_add (person_findings, f);
      else
        gtk_list_box_append (GTK_LIST_BOX (list), new_finding_row (self, f, NULL, today));
    }
  add_person_rows (self, list, person_findings);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->findings_box, group);
  return i;
}

static void
clear_findings_box (TdChecksPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_box))) != NULL)
    gtk_box_remove (self->findings_box, child);
}

static void
update_summary (TdChecksPage *self)
{
  guint errors = 0, warnings = 0;
  g_autofree char *error_text = NULL, *warning_text = NULL, *text = NULL;

  for (guint i = 0; i < self->findings->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (self->findings, i);
      errors += f->severity == TD_SEVERITY_ERROR;
      warnings += f->severity == TD_SEVERITY_WARNING;
    }
  error_text = g_strdup_printf (g_dngettext (NULL, "%u error", "%u errors", errors), errors);
  warning_text = g_strdup_printf (g_dngettext (NULL, "%u warning", "%u warnings", warnings),
                                  warnings);
  /* TRANSLATORS: "3 errors, 5 warnings" */
  text = g_strdup_printf (_("%s, %s"), error_text, warning_text);
  gtk_label_set_text (self->summary_label, text);
}

static void
rebuild (TdChecksPage *self)
{
  g_autofree char *today = dup_check_date (self);

  if (self->findings == NULL)
    return;
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_new ();
  for (guint i = 0; i < self->findings->len; i++)
    if (passes_filters (self, g_ptr_array_index (self->findings, i)))
      g_ptr_array_add (self->shown, g_ptr_array_index (self->findings, i));

  clear_findings_box (self);
  add_due_section (self, today);
  for (guint i = 0; i < self->shown->len;)
    i = add_course_group (self, i, today);

  if (self->findings->len == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (self->shown->len == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "findings");
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The rule dropdown lists the rules that have findings, keeping the choice when the
 * rule is still there. */
static void
update_rule_choices (TdChecksPage *self)
{
  GListModel *old = gtk_drop_down_get_model (self->rule_dropdown);
  guint old_pos = gtk_drop_down_get_selected (self->rule_dropdown);
  g_autofree char *chosen = NULL;
  g_autoptr (GtkStringList) rules = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  guint selected = 0;

  if (old != NULL && old_pos != GTK_INVALID_LIST_POSITION && old_pos > 0)
    chosen = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (old), old_pos));
  for (guint i = 0; i < self->findings->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (self->findings, i);
      if (!g_ptr_array_find_with_equal_func (ids, f->rule, g_str_equal, NULL))
        g_ptr_array_add (ids, f->rule);
    }
  g_ptr_array_sort (ids, compare_strings);
  gtk_string_list_append (rules, _("All Rules"));
  for (guint i = 0; i < ids->len; i++)
    {
      gtk_string_list_append (rules, g_ptr_array_index (ids, i));
      if (g_strcmp0 (chosen, g_ptr_array_index (ids, i)) == 0)
        selected = i + 1;
    }
  self->rules_updating = TRUE;
  gtk_drop_down_set_model (self->rule_dropdown, G_LIST_MODEL (rules));
  gtk_drop_down_set_selected (self->rule_dropdown, selected);
  self->rules_updating = FALSE;
}

static void
update_attention (TdChecksPage *self)
{
  g_autofree char *today = dup_check_date (self);
  guint count = 0;

  for (guint i = 0; i < self->findings->len; i++)
    {
      const TdFinding *f = g_ptr_array_index (self->findings, i);
      if (f->severity == TD_SEVERITY_ERROR || is_due_soon (f, today))
        count++;
    }
  if (count == self->attention)
    return;
  self->attention = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION_COUNT]);
}

static void
set_busy (TdChecksPage *self, gboolean busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* --- callbacks -------------------------------------------------------------- */

static void
check_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = td_rules_check_centre_finish (TD_STORE (source), result,
                                                                 &error);
  TdChecksPage *self;

  /* Cancelled: the page may be gone, or a newer check has taken over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TD_CHECKS_PAGE (user_data);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (findings == NULL)
    {
      adw_status_page_set_description (self->failed_status, error->message);
      g_clear_pointer (&self->findings_date, g_free);
      gtk_stack_set_visible_child_name (self->content_stack, "failed");
      return;
    }
  /* The due list and the badge depend on the date as well as on the findings. Compared
   * field by field: a busy centre has hundreds of thousands of findings, too many to
   * write out on every check. */
  if (g_strcmp0 (self->check_date, self->findings_date) == 0 && self->findings != NULL
      && td_findings_equal (findings, self->findings))
    return;
  g_free (self->findings_date);
  self->findings_date = g_strdup (self->check_date);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_steal_pointer (&findings);
  /* Titles may have changed since the last check. */
  g_hash_table_remove_all (self->courses);
  update_rule_choices (self);
  update_summary (self);
  update_attention (self);
  rebuild (self);
}

static void
filter_changed_cb (TdChecksPage *self)
{
  if (!self->rules_updating)
    rebuild (self);
}

static void
mapped_cb (GtkWidget *widget)
{
  /* Courses may have changed on the other pages since the last check. */
  td_checks_page_refresh (TD_CHECKS_PAGE (widget));
}

typedef struct {
  GtkWidget *courses;
  gint64 course_id;
} OpenCourse;

static void
open_course_now (gpointer data)
{
  OpenCourse *open = data;

  td_courses_page_open_course (TD_COURSES_PAGE (open->courses), open->course_id);
  g_object_unref (open->courses);
  g_free (open);
}

static void
open_course_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, TD_TYPE_WINDOW);
  GtkWidget *courses = window != NULL ? td_window_get_page (TD_WINDOW (window), "courses") : NULL;
  OpenCourse *open;

  if (!TD_IS_COURSES_PAGE (courses))
    return;
  td_window_show_page (TD_WINDOW (window), "courses");
  open = g_new0 (OpenCourse, 1);
  open->courses = g_object_ref (courses);
  open->course_id = g_variant_get_int64 (param);
  /* An editor with unsaved changes asks first; the course opens once it may. */
  if (td_courses_page_request_leave (TD_COURSES_PAGE (courses), open_course_now, open))
    open_course_now (open);
}

/* Open Person shows the form from the top; Go to Fix of a person's finding (roles and
 * periodic hours) goes straight to its Training Obligations group. */
static void
open_trainee_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TdChecksPage *self = TD_CHECKS_PAGE (widget);
  GtkWidget *window = gtk_widget_get_ancestor (widget, TD_TYPE_WINDOW);
  GtkWidget *trainees = window != NULL ? td_window_get_page (TD_WINDOW (window), "trainees")
                                       : NULL;
  g_autoptr (TdTrainee) trainee = NULL;
  g_autoptr (GError) error = NULL;

  if (!TD_IS_TRAINEES_PAGE (trainees))
    return;
  trainee = td_store_get_trainee (self->store, g_variant_get_int64 (param), &error);
  if (trainee == NULL)
    {
      td_window_add_toast (TD_WINDOW (window), error->message);
      return;
    }
  td_window_show_page (TD_WINDOW (window), "trainees");
  if (g_str_equal (action_name, "checks.fix-trainee"))
    td_trainees_page_open_obligations (TD_TRAINEES_PAGE (trainees), trainee);
  else
    td_trainees_page_open (TD_TRAINEES_PAGE (trainees), trainee);
}

static void
refresh_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  td_checks_page_refresh (TD_CHECKS_PAGE (widget));
}

/* --- overrides -------------------------------------------------------------- */

static void
td_checks_page_constructed (GObject *object)
{
  TdChecksPage *self = TD_CHECKS_PAGE (object);

  G_OBJECT_CLASS (td_checks_page_parent_class)->constructed (object);

  g_assert (TD_IS_STORE (self->store));
  /* The first check runs at once so the navigation badge is right from the start. */
  td_checks_page_refresh (self);
}

static void
td_checks_page_dispose (GObject *object)
{
  TdChecksPage *self = TD_CHECKS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CHECKS_PAGE);

  G_OBJECT_CLASS (td_checks_page_parent_class)->dispose (object);
}

static void
td_checks_page_finalize (GObject *object)
{
  TdChecksPage *self = TD_CHECKS_PAGE (object);

  g_clear_object (&self->store);
  g_free (self->today);
  g_free (self->check_date);
  g_free (self->findings_date);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->courses, g_hash_table_unref);

  G_OBJECT_CLASS (td_checks_page_parent_class)->finalize (object);
}

static void
td_checks_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TdChecksPage *self = TD_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    case PROP_ATTENTION_COUNT:
      g_value_set_uint (value, self->attention);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_checks_page_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  TdChecksPage *self = TD_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TODAY:
      td_checks_page_set_today (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, TD_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENTION_COUNT] = g_param_spec_uint ("attention-count", NULL, NULL,
                                                        0, G_MAXUINT, 0,
                                                        G_PARAM_READABLE |
                                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
td_checks_page_class_init (TdChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = td_checks_page_constructed;
  object_class->dispose = td_checks_page_dispose;
  object_class->finalize = td_checks_page_finalize;
  object_class->get_property = td_checks_page_get_property;
  object_class->set_property = td_checks_page_set_property;
  install_properties (object_class);

  /* Referencing the bundle keeps it, and the constructor that registers it, when
   * libtdgui is linked statically. */
  td_gui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trainingdesk/TrainingDesk/ui/td-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdChecksPage, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdChecksPage, rule_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdChecksPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdChecksPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TdChecksPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TdChecksPage, findings_box);
  gtk_widget_class_bind_template_child (widget_class, TdChecksPage, failed_status);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "checks.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "checks.open-course", "x",
                                   open_course_activated);
  gtk_widget_class_install_action (widget_class, "checks.open-trainee", "x",
                                   open_trainee_activated);
  gtk_widget_class_install_action (widget_class, "checks.fix-trainee", "x",
                                   open_trainee_activated);
}

static void
td_checks_page_init (TdChecksPage *self)
{
  self->courses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) unref_course_or_null);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

/* --- public API ------------------------------------------------------------- */

GtkWidget *
td_checks_page_new (TdStore *store)
{
  g_return_val_if_fail (TD_IS_STORE (store), NULL);

  return g_object_new (TD_TYPE_CHECKS_PAGE, "store", store, NULL);
}

const char *
td_checks_page_get_today (TdChecksPage *self)
{
  g_return_val_if_fail (TD_IS_CHECKS_PAGE (self), NULL);
  return self->today;
}

void
td_checks_page_set_today (TdChecksPage *self, const char *today)
{
  g_return_if_fail (TD_IS_CHECKS_PAGE (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  /* Set at construction the store is not there yet; constructed() runs the check. */
  if (self->store != NULL)
    td_checks_page_refresh (self);
}

void
td_checks_page_refresh (TdChecksPage *self)
{
  g_autofree char *today = NULL;

  g_return_if_fail (TD_IS_CHECKS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  today = dup_check_date (self);
  g_free (self->check_date);
  self->check_date = g_strdup (today);
  if (self->findings == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  set_busy (self, TRUE);
  td_rules_check_centre_async (self->store, today, self->cancellable, check_done_cb, self);
}

gboolean
td_checks_page_get_busy (TdChecksPage *self)
{
  g_return_val_if_fail (TD_IS_CHECKS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

GPtrArray *
td_checks_page_get_findings (TdChecksPage *self)
{
  g_return_val_if_fail (TD_IS_CHECKS_PAGE (self), NULL);
  return self->findings;
}

GPtrArray *
td_checks_page_get_shown (TdChecksPage *self)
{
  g_return_val_if_fail (TD_IS_CHECKS_PAGE (self), NULL);
  return self->shown;
}

guint
td_checks_page_get_attention_count (TdChecksPage *self)
{
  g_return_val_if_fail (TD_IS_CHECKS_PAGE (self), 0);
  return self->attention;
}

static gboolean
count_to_attention (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

void
td_checks_page_bind_badge (TdChecksPage *self, AdwViewStackPage *page)
{
  g_return_if_fail (TD_IS_CHECKS_PAGE (self));
  g_return_if_fail (ADW_IS_VIEW_STACK_PAGE (page));

  g_object_bind_property (self, "attention-count", page, "badge-number", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self, "attention-count", page, "needs-attention",
                               G_BINDING_SYNC_CREATE, count_to_attention, NULL, NULL, NULL);
}
