/* test-gui-checks.c — the Checks page, its navigation badge, and the live findings of
 * the timetable and the roster, on courses imported from tests/data/rules/
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "td-checks-page.h"
#include "td-course-editor.h"
#include "td-course-file.h"
#include "td-courses-page.h"
#include "td-roster-view.h"
#include "td-rules.h"
#include "td-sessions-editor.h"
#include "td-store-qualifications.h"
#include "td-trainee-editor.h"
#include "td-trainees-page.h"
#include "td-window.h"

/* The day the imported courses are checked as on: osh-violations' filing change falls
 * due within the week (an error too), health-violations' registration is due in three
 * days (a warning). */
#define TODAY "2024-05-15"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 osh_id;        /* osh-violations.json */
  gint64 health_id;     /* health-violations.json */
  TdWindow *window;
  TdChecksPage *page;
} Fixture;

/* --- helpers ---------------------------------------------------------------- */

static gint64
import_rules_file (TdStore *store, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", name, NULL);
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  gint64 id;

  g_assert_true (g_file_get_contents (path, &json, &length, &error));
  g_assert_no_error (error);
  id = td_course_file_import_data (store, json, length, name, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Waits for the check running in its worker thread to report back. */
static void
wait_for_check (TdChecksPage *page)
{
  while (td_checks_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
  pump ();
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = gui_temp_store_open ("td-gui-checks-XXXXXX", "desk.db", "tester",
                                 &f->dir, &f->path);
  f->osh_id = import_rules_file (f->store, "osh-violations.json");
  f->health_id = import_rules_file (f->store, "health-violations.json");

  f->window = g_object_ref (td_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
  f->page = TD_CHECKS_PAGE (td_window_get_page (f->window, "checks"));
  g_assert_nonnull (f->page);
  td_checks_page_set_today (f->page, TODAY);
  td_window_show_page (f->window, "checks");
  pump ();
  wait_for_check (f->page);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  pump ();
  g_assert_finalize_object (f->window);
  gui_temp_store_close (f->store, &f->dir, &f->path);
}

/* Collects the text of every mapped label under @widget: what is on screen. */
static gboolean include_hidden;   /* collect_page_labels: also those not on screen */

static void
collect_page_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && (include_hidden || gtk_widget_get_mapped (widget)))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_page_labels (c, out);
}

static char *
dup_page_text (gpointer widget)
{
  GString *out = g_string_new (NULL);

  collect_page_labels (GTK_WIDGET (widget), out);
  return g_string_free (out, FALSE);
}

static const TdFinding *
find_rule (GPtrArray *findings, const char *rule)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const TdFinding *finding = g_ptr_array_index (findings, i);
      if (g_strcmp0 (finding->rule, rule) == 0)
        return finding;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *widget, const char *action, gint64 target)
{
  if (GTK_IS_BUTTON (widget) && (include_hidden || gtk_widget_get_mapped (widget)) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget))) ==
        target)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, action, target);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
rule_position (TdChecksPage *page, const char *rule)
{
  GListModel *rules = gtk_drop_down_get_model (child (page, TD_TYPE_CHECKS_PAGE, "rule_dropdown"));

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (rules), i), rule) == 0)
      return i;
  g_assert_not_reached ();
}

/* --- tests ------------------------------------------------------------------ */

static void
test_lists_findings (Fixture *f, gconstpointer data)
{
  GPtrArray *findings = td_checks_page_get_findings (f->page);
  const TdFinding *evening = find_rule (findings, "schedule.evening-end");
  g_autofree char *screen = dup_page_text (f->page);

  g_assert_nonnull (evening);
  g_assert_cmpint (evening->course_id, ==, f->osh_id);
  g_assert_cmpstr (evening->article, ==, "職業安全衛生教育訓練規則第25條第2項");
  g_assert_nonnull (strstr (screen, evening->article));
  g_assert_nonnull (strstr (screen, evening->message));
  g_assert_nonnull (strstr (screen, "schedule.evening-end"));
  g_assert_nonnull (strstr (screen, "Due This Week"));
  g_assert_nonnull (strstr (screen, "急救人員安全衛生教育訓練（各項缺失）"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->page, TD_TYPE_CHECKS_PAGE,
                                                            "content_stack")), ==, "findings");
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  GtkDropDown *severity = child (f->page, TD_TYPE_CHECKS_PAGE, "severity_dropdown");
  GtkDropDown *rule = child (f->page, TD_TYPE_CHECKS_PAGE, "rule_dropdown");
  const TdFinding *warning = find_rule (td_checks_page_get_findings (f->page),
                                        "schedule.evening-hours");
  g_autofree char *all = dup_page_text (f->page);
  g_autofree char *errors = NULL;
  GPtrArray *shown;

  g_assert_nonnull (warning);
  g_assert_cmpint (warning->severity, ==, TD_SEVERITY_WARNING);
  g_assert_nonnull (strstr (all, warning->message));

  gtk_drop_down_set_selected (severity, TD_CHECKS_FILTER_ERRORS);
  pump ();
  shown = td_checks_page_get_shown (f->page);
  g_assert_cmpuint (shown->len, >, 0);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpint (((TdFinding *) g_ptr_array_index (shown, i))->severity, ==, TD_SEVERITY_ERROR);
  errors = dup_page_text (f->page);
  g_assert_null (strstr (errors, warning->message));

  gtk_drop_down_set_selected (severity, TD_CHECKS_FILTER_WARNINGS);
  pump ();
  shown = td_checks_page_get_shown (f->page);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpint (((TdFinding *) g_ptr_array_index (shown, i))->severity, ==,
                     TD_SEVERITY_WARNING);
  g_assert_nonnull (find_rule (shown, "schedule.evening-hours"));

  /* The rule filter: only that rule, and none at all with a severity it does not have. */
  gtk_drop_down_set_selected (severity, TD_CHECKS_FILTER_ALL);
  gtk_drop_down_set_selected (rule, rule_position (f->page, "schedule.evening-end"));
  pump ();
  shown = td_checks_page_get_shown (f->page);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (((TdFinding *) g_ptr_array_index (shown, 0))->rule, ==, "schedule.evening-end");
  gtk_drop_down_set_selected (severity, TD_CHECKS_FILTER_WARNINGS);
  pump ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->page, TD_TYPE_CHECKS_PAGE,
                                                            "content_stack")), ==, "no-match");

  /* A new check keeps the chosen rule. */
  td_checks_page_refresh (f->page);
  wait_for_check (f->page);
  g_assert_cmpuint (gtk_drop_down_get_selected (rule), ==,
                    rule_position (f->page, "schedule.evening-end"));
}

static void
test_badge (Fixture *f, gconstpointer data)
{
  AdwViewStack *stack = child (f->window, TD_TYPE_WINDOW, "stack");
  AdwViewStackPage *stack_page = adw_view_stack_get_page (stack, GTK_WIDGET (f->page));
  GPtrArray *findings = td_checks_page_get_findings (f->page);
  guint errors = 0, due_only = 0;
  g_autofree char *screen = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_parse (&today, TODAY);
  for (guint i = 0; i < findings->len; i++)
    {
      const TdFinding *finding = g_ptr_array_index (findings, i);
      GDate due;
      int days;

      if (finding->severity == TD_SEVERITY_ERROR)
        {
          errors++;
          continue;
        }
      if (finding->due == NULL)
        continue;
      g_date_clear (&due, 1);
      g_date_set_parse (&due, finding->due);
      days = g_date_days_between (&today, &due);
      due_only += days >= 0 && days <= 7;
    }
  /* 9 errors (8 in the OSH course, 1 in the health course) and the health course's
   * registration deadline three days ahead. */
  g_assert_cmpuint (errors, ==, 9);
  g_assert_cmpuint (due_only, ==, 1);
  g_assert_cmpuint (td_checks_page_get_attention_count (f->page), ==, errors + due_only);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, errors + due_only);
  g_assert_true (adw_view_stack_page_get_needs_attention (stack_page));

  /* Long after both courses, no deadline is near: only the errors count. */
  td_checks_page_set_today (f->page, "2030-01-01");
  wait_for_check (f->page);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==,
                    td_checks_page_get_attention_count (f->page));
  screen = dup_page_text (f->page);
  g_assert_null (strstr (screen, "Due This Week"));
}

static void
test_go_to_fix (Fixture *f, gconstpointer data)
{
  AdwViewStack *stack = child (f->window, TD_TYPE_WINDOW, "stack");
  TdCoursesPage *courses = TD_COURSES_PAGE (td_window_get_page (f->window, "courses"));
  GtkWidget *button = find_button (GTK_WIDGET (f->page), "checks.open-course", f->health_id);

  g_assert_nonnull (button);
  /* "clicked" rather than activate, which waits for the press animation. */
  g_signal_emit_by_name (button, "clicked");
  pump ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "courses");
  g_assert_nonnull (td_courses_page_get_editor (courses));
  g_assert_cmpint (td_courses_page_get_current_course_id (courses), ==, f->health_id);
  g_assert_cmpint (td_course_editor_get_course_id (td_courses_page_get_editor (courses)), ==,
                   f->health_id);
}

static AdwExpanderRow *
find_expander (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    return ADW_EXPANDER_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwExpanderRow *found = find_expander (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Person-level findings sit under the person; their rows appear when opened. */
static void
test_open_person (Fixture *f, gconstpointer data)
{
  AdwViewStack *stack = child (f->window, TD_TYPE_WINDOW, "stack");
  const TdFinding *makeup = find_rule (td_checks_page_get_findings (f->page),
                                       "attendance.makeup-required");
  AdwExpanderRow *expander = find_expander (GTK_WIDGET (f->page));
  g_autofree char *collapsed = NULL;
  g_autofree char *expanded = NULL;
  g_autoptr (TdTrainee) trainee = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *button;

  g_assert_nonnull (makeup);
  g_assert_nonnull (expander);
  trainee = td_store_get_trainee (f->store, makeup->trainee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==,
                   trainee->name);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (expander),
                            "attendance.makeup-required"));
  /* Not made yet, on screen or off (the reveal is animated, so look at every label). */
  include_hidden = TRUE;
  collapsed = dup_page_text (expander);
  g_assert_null (strstr (collapsed, makeup->message));

  adw_expander_row_set_expanded (expander, TRUE);
  pump ();
  expanded = dup_page_text (expander);
  g_assert_nonnull (strstr (expanded, makeup->message));
  button = find_button (GTK_WIDGET (expander), "checks.open-trainee", makeup->trainee_id);
  include_hidden = FALSE;
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  pump ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "trainees");
}

/* The trainee form shows its Training Obligations group at the top of the scrolled
 * form, and the focus is in it: where a person's finding is fixed. */
static void
assert_at_obligations (Fixture *f, TdTraineeEditor *editor)
{
  GtkWidget *group = child (editor, TD_TYPE_TRAINEE_EDITOR, "qualifications_view");
  GtkScrolledWindow *scroller = child (editor, TD_TYPE_TRAINEE_EDITOR, "scroller");
  GtkWidget *focus = NULL;
  graphene_point_t top;

  /* The form scrolls once it has been laid out: a few frames. */
  for (guint i = 0; i < 100; i++)
    {
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, group))
        break;
      g_usleep (20000);
      pump ();
    }
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, group));
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller)),
                     >, 0);
  g_assert_true (gtk_widget_compute_point (group, GTK_WIDGET (scroller),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  g_assert_cmpfloat (top.y, >=, 0);
  g_assert_cmpfloat (top.y, <, gtk_widget_get_height (GTK_WIDGET (scroller)) / 2);
}

/* Person-level findings (no course) form a People group, by person; Go to Fix opens
 * the person's form. */
static void
test_person_findings (Fixture *f, gconstpointer data)
{
  AdwViewStack *stack = child (f->window, TD_TYPE_WINDOW, "stack");
  const TdFinding *any = find_rule (td_checks_page_get_findings (f->page),
                                    "attendance.makeup-required");
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autoptr (TdTrainee) trainee = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const TdFinding *person;
  AdwExpanderRow *expander;
  GtkWidget *button, *trainees;
  TdTraineeEditor *editor;
  gint64 trainee_id;

  /* An art. 18 role 1 held since 2021: the 2021–2022 period had no hours. */
  g_assert_nonnull (any);
  /* The findings are replaced by the next check: keep the id. */
  trainee_id = any->trainee_id;
  q->trainee_id = trainee_id;
  q->kind = TD_QUALIFICATION_INSERVICE_ROLE;
  q->role = 1;
  q->since = g_strdup ("2021-01-01");
  g_assert_true (td_store_add_qualification (f->store, q, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "checks.refresh", NULL);
  wait_for_check (f->page);
  person = find_rule (td_checks_page_get_findings (f->page), "inservice.periodic-hours");
  g_assert_nonnull (person);
  g_assert_cmpint (person->course_id, ==, 0);
  g_assert_cmpint (person->trainee_id, ==, trainee_id);
  g_assert_cmpint (person->severity, ==, TD_SEVERITY_ERROR);

  text = dup_page_text (f->page);
  g_assert_nonnull (strstr (text, "People"));
  /* The first group is the people's, its first expander this person's. */
  expander = find_expander (GTK_WIDGET (f->page));
  trainee = td_store_get_trainee (f->store, trainee_id, &error);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==,
                   trainee->name);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (expander), "inservice.periodic-hours"));
  adw_expander_row_set_expanded (expander, TRUE);
  pump ();
  include_hidden = TRUE;
  button = find_button (GTK_WIDGET (expander), "checks.fix-trainee", trainee_id);
  include_hidden = FALSE;
  g_assert_nonnull (button);
  g_assert_null (find_button (GTK_WIDGET (expander), "checks.open-course", 0));
  g_signal_emit_by_name (button, "clicked");
  pump ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "trainees");
  trainees = td_window_get_page (f->window, "trainees");
  editor = TD_TRAINEE_EDITOR (gtk_widget_get_template_child (trainees, TD_TYPE_TRAINEES_PAGE,
                                                             "editor"));
  g_assert_cmpint (td_trainee_form_get_original (td_trainee_editor_get_form (editor))->id, ==,
                   trainee_id);
  assert_at_obligations (f, editor);
}

/* Checking again (F5) reads what changed meanwhile, and the badge follows. */
static void
test_refresh (Fixture *f, gconstpointer data)
{
  AdwViewStack *stack = child (f->window, TD_TYPE_WINDOW, "stack");
  AdwViewStackPage *stack_page = adw_view_stack_get_page (stack, GTK_WIDGET (f->page));
  const TdFinding *evening = find_rule (td_checks_page_get_findings (f->page),
                                        "schedule.evening-end");
  guint before = td_checks_page_get_attention_count (f->page);
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (evening);
  g_assert_cmpint (evening->session_id, >, 0);
  sessions = td_store_list_sessions (f->store, f->osh_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      TdSession *s = g_ptr_array_index (sessions, i);

      if (s->id != evening->session_id)
        continue;
      g_free (s->end_time);
      s->end_time = g_strdup ("21:30");
      td_store_save_session (f->store, s, &error);
      g_assert_no_error (error);
    }
  /* Nothing changes until the check runs again. */
  g_assert_nonnull (find_rule (td_checks_page_get_findings (f->page), "schedule.evening-end"));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "checks.refresh", NULL);
  g_assert_true (td_checks_page_get_busy (f->page));
  wait_for_check (f->page);
  g_assert_null (find_rule (td_checks_page_get_findings (f->page), "schedule.evening-end"));
  g_assert_cmpuint (td_checks_page_get_attention_count (f->page), <, before);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==,
                    td_checks_page_get_attention_count (f->page));
}

static TdCourseEditor *
open_course (Fixture *f, gint64 course_id, const char *section)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->page), "checks.open-course", course_id);
  TdCourseEditor *editor;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  pump ();
  editor = td_courses_page_get_editor (TD_COURSES_PAGE (td_window_get_page (f->window,
                                                                            "courses")));
  g_assert_nonnull (editor);
  gtk_stack_set_visible_child_name (child (editor, TD_TYPE_COURSE_EDITOR, "section_stack"),
                                    section);
  pump ();
  return editor;
}

static void
type_into (gpointer widget, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, TD_TYPE_SESSIONS_EDITOR, name)), text);
  pump ();
}

static void
test_timetable_live (Fixture *f, gconstpointer data)
{
  TdCourseEditor *editor = open_course (f, f->osh_id, "sessions");
  TdSessionsEditor *sessions = TD_SESSIONS_EDITOR (td_course_editor_get_section (editor,
                                                                                "sessions"));
  GtkLabel *rules = child (sessions, TD_TYPE_SESSIONS_EDITOR, "rules_label");

  gtk_widget_activate_action (GTK_WIDGET (sessions), "sessions.new", NULL);
  pump ();
  /* A day with no other session: nothing to say while it ends in time. */
  type_into (sessions, "date_entry", "2024-06-03");
  type_into (sessions, "start_entry", "19:00");
  type_into (sessions, "end_entry", "22:00");
  type_into (sessions, "subject_entry", "急救概論");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rules)));

  type_into (sessions, "end_entry", "22:30");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rules)));
  g_assert_nonnull (strstr (gtk_label_get_text (rules), "ends at 22:30, after 22:00"));
  g_assert_nonnull (strstr (gtk_label_get_text (rules), "職業安全衛生教育訓練規則第25條第2項"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rules), "error"));

  /* Half-typed times say nothing; fixing the end clears the message. */
  type_into (sessions, "end_entry", "22:");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rules)));
  type_into (sessions, "end_entry", "21:50");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rules)));
}

static void
collect_error_names (GtkWidget *widget, GPtrArray *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
      gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_error_names (c, out);
}

static void
test_roster_dismissal (Fixture *f, gconstpointer data)
{
  TdCourseEditor *editor = open_course (f, f->osh_id, "roster");
  GtkWidget *roster = GTK_WIDGET (td_course_editor_get_section (editor, "roster"));
  g_autoptr (GPtrArray) marked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GError) error = NULL;
  guint found = 0;

  /* The roster reads attendance as of the real date: every session is long past. */
  expected = td_rules_check_course (f->store, f->osh_id, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The rows are made when the list is laid out, a frame or two after it is shown. */
  for (guint tries = 0; marked->len == 0 && tries < 100; tries++)
    {
      g_usleep (10000);
      pump ();
      collect_error_names (child (roster, TD_TYPE_ROSTER_VIEW, "column_view"), marked);
    }
  g_assert_cmpuint (marked->len, >, 0);
  for (guint i = 0; i < expected->len; i++)
    {
      const TdFinding *finding = g_ptr_array_index (expected, i);
      g_autoptr (TdTrainee) trainee = NULL;

      if (g_strcmp0 (finding->rule, "attendance.dismissal") != 0)
        continue;
      trainee = td_store_get_trainee (f->store, finding->trainee_id, &error);
      g_assert_no_error (error);
      g_assert_true (g_ptr_array_find_with_equal_func (marked, trainee->name, g_str_equal, NULL));
      found++;
    }
  /* Only those are marked. */
  g_assert_cmpuint (marked->len, ==, found);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/checks/lists-findings", Fixture, NULL, fixture_set_up, test_lists_findings,
              fixture_tear_down);
  g_test_add ("/gui/checks/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/gui/checks/badge", Fixture, NULL, fixture_set_up, test_badge, fixture_tear_down);
  g_test_add ("/gui/checks/go-to-fix", Fixture, NULL, fixture_set_up, test_go_to_fix,
              fixture_tear_down);
  g_test_add ("/gui/checks/open-person", Fixture, NULL, fixture_set_up, test_open_person,
              fixture_tear_down);
  g_test_add ("/gui/checks/person-findings", Fixture, NULL, fixture_set_up, test_person_findings,
              fixture_tear_down);
  g_test_add ("/gui/checks/refresh", Fixture, NULL, fixture_set_up, test_refresh,
              fixture_tear_down);
  g_test_add ("/gui/checks/timetable-live", Fixture, NULL, fixture_set_up, test_timetable_live,
              fixture_tear_down);
  g_test_add ("/gui/checks/roster-dismissal", Fixture, NULL, fixture_set_up,
              test_roster_dismissal, fixture_tear_down);
  return g_test_run ();
}
