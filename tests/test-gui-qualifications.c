/* test-gui-qualifications.c — the roles, cycles and hours group of the trainee form:
 * recording outside hours clears the inline "CE hours still missing" finding,
 * removing them brings it back, bad input changes nothing.
 *
 * With TD_TEST_SHOW_SECONDS set, the trainee form is left on screen that long (for a
 * screenshot of the X display). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "gui-fixture.h"
#include "td-finding.h"
#include "td-i18n.h"
#include "td-qualifications-view.h"
#include "td-store-qualifications.h"
#include "td-trainee-editor.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  TdTrainee *trainee;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autoptr (TdCertificateCycle) c = td_certificate_cycle_new ();
  g_autoptr (TdHoursRecord) h = td_hours_record_new ();

  f->store = gui_temp_store_open ("td-gui-quals-XXXXXX", "desk.db", "tester",
                                 &f->dir, &f->path);
  f->trainee = td_trainee_new ();
  f->trainee->name = g_strdup ("林雅婷");
  f->trainee->national_id = g_strdup ("A123456789");
  g_assert_true (td_store_save_trainee (f->store, f->trainee, &error));

  q->trainee_id = f->trainee->id;
  q->kind = TD_QUALIFICATION_VR_CE;
  q->qualification = g_strdup ("vr-case-manager");
  q->since = g_strdup ("2021-04-01");
  g_assert_true (td_store_add_qualification (f->store, q, &error));
  c->trainee_id = f->trainee->id;
  c->qualification_id = q->id;
  c->start = g_strdup ("2024-04-01");
  c->end = g_strdup ("2027-03-31");
  g_assert_true (td_store_add_certificate_cycle (f->store, c, &error));
  /* 54 h of the core fields, and 4 of the 6 h of ethics + quality. */
  h->trainee_id = f->trainee->id;
  h->date = g_strdup ("2024-06-01");
  h->title = g_strdup ("職業重建個案管理實務");
  h->provider = g_strdup ("職業重建協會");
  h->minutes = 54 * 60;
  h->category = TD_HOURS_CE_PROFESSIONAL;
  g_assert_true (td_store_add_hours (f->store, h, &error));
  g_clear_pointer (&h, td_hours_record_free);
  h = td_hours_record_new ();
  h->trainee_id = f->trainee->id;
  h->date = g_strdup ("2024-07-01");
  h->title = g_strdup ("專業倫理");
  h->minutes = 4 * 60;
  h->category = TD_HOURS_CE_ETHICS;
  g_assert_true (td_store_add_hours (f->store, h, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->trainee);
  gui_temp_store_close (f->store, &f->dir, &f->path);
}

static gpointer
view_child (gpointer widget, const char *name)
{
  return child (widget, TD_TYPE_QUALIFICATIONS_VIEW, name);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static const char *
row_title (GtkListBox *list, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
set_text (gpointer view, const char *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (view_child (view, row)), text);
}

static void
test_hours_clear_finding (Fixture *f, gconstpointer data)
{
  TdQualificationsView *view
      = g_object_ref_sink (TD_QUALIFICATIONS_VIEW (td_qualifications_view_new ()));
  GtkListBox *findings = view_child (view, "findings_list");
  GtkListBox *hours = view_child (view, "hours_list");
  const TdFinding *finding;

  td_qualifications_view_set_today (view, "2026-01-01");
  td_qualifications_view_load (view, f->store, f->trainee->id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_cmpuint (td_qualifications_view_get_findings (view)->len, ==, 1);
  finding = g_ptr_array_index (td_qualifications_view_get_findings (view), 0);
  g_assert_cmpstr (finding->rule, ==, "ce.cycle-hours");
  g_assert_cmpuint (count_rows (findings), ==, 1);
  g_assert_nonnull (strstr (row_title (findings, 0),
                            "CE hours still missing: 2 h of ethics + quality by 2027-03-31"));
  g_assert_cmpuint (count_rows (hours), ==, 2);

  /* A bad date: an error, nothing recorded, what was typed stays. */
  set_text (view, "hours_date_row", "114/02/30");
  set_text (view, "hours_title_row", "專業品質");
  set_text (view, "hours_amount_row", "2");
  adw_combo_row_set_selected (view_child (view, "hours_category_row"), TD_HOURS_CE_QUALITY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "qualifications.add-hours", NULL));
  g_assert_true (gtk_widget_get_visible (view_child (view, "error_label")));
  g_assert_cmpuint (count_rows (hours), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (view_child (view, "hours_title_row")), ==, "專業品質");

  /* The missing 2 hours: the finding is gone at once. */
  set_text (view, "hours_date_row", "114/03/01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "qualifications.add-hours", NULL));
  pump ();
  g_assert_false (gtk_widget_get_visible (view_child (view, "error_label")));
  g_assert_cmpuint (td_qualifications_view_get_findings (view)->len, ==, 0);
  g_assert_cmpuint (count_rows (findings), ==, 0);
  g_assert_cmpuint (count_rows (hours), ==, 3);
  g_assert_cmpstr (row_title (hours, 2), ==, "專業品質");
  g_assert_cmpstr (gtk_editable_get_text (view_child (view, "hours_title_row")), ==, "");

  /* Removing them (a void) brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "qualifications.remove", "(sx)",
                                             "hours", (gint64) 3));
  g_assert_cmpuint (count_rows (findings), ==, 1);
  g_assert_cmpuint (count_rows (hours), ==, 2);

  g_assert_finalize_object (view);
}

static void
test_roles_and_leave (Fixture *f, gconstpointer data)
{
  TdQualificationsView *view
      = g_object_ref_sink (TD_QUALIFICATIONS_VIEW (td_qualifications_view_new ()));
  GtkListBox *roles = view_child (view, "roles_list");
  GtkListBox *cycles = view_child (view, "cycles_list");
  GtkListBox *findings = view_child (view, "findings_list");

  td_qualifications_view_set_today (view, "2027-04-15");
  td_qualifications_view_load (view, f->store, f->trainee->id);
  /* Expired: cycle hours and renewal errors. */
  g_assert_cmpuint (count_rows (findings), ==, 2);

  /* An approved leave of exactly 3 months extends the cycle past today. */
  set_text (view, "leave_start_row", "114/01/01");
  set_text (view, "leave_end_row", "114/03/31");
  set_text (view, "leave_approval_row", "勞動發特字第1號");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "qualifications.add-leave", NULL));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (
    gtk_list_box_get_row_at_index (cycles, 0))));
  for (guint i = 0; i < td_qualifications_view_get_findings (view)->len; i++)
    g_assert_cmpint (((TdFinding *) g_ptr_array_index (td_qualifications_view_get_findings (view),
                                                       i))->severity, ==, TD_SEVERITY_WARNING);

  /* An art. 18 role: its first item is role 1. */
  adw_combo_row_set_selected (view_child (view, "role_row"), 0);
  set_text (view, "since_row", "2027-01-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "qualifications.add-role", NULL));
  g_assert_cmpuint (count_rows (roles), ==, 2);
  g_assert_nonnull (strstr (row_title (roles, 1), "Art. 18 role 1"));
  g_assert_nonnull (strstr (row_title (findings, count_rows (findings) - 1), "role 1"));

  g_assert_finalize_object (view);
}

/* The group sits in the trainee form, hidden for a person not saved yet. */
static void
test_in_trainee_editor (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = td_trainee_editor_new (f->store);
  const char *show = g_getenv ("TD_TEST_SHOW_SECONDS");
  TdQualificationsView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  view = TD_QUALIFICATIONS_VIEW (gtk_widget_get_template_child (editor, TD_TYPE_TRAINEE_EDITOR,
                                                                "qualifications_view"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view)));
  td_trainee_editor_load (TD_TRAINEE_EDITOR (editor), f->trainee);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
  g_assert_cmpuint (td_qualifications_view_get_findings (view)->len, >=, 1);
  gtk_window_present (GTK_WINDOW (window));
  pump ();
  if (show != NULL)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
      graphene_point_t point;
      gint64 until = g_get_monotonic_time () + g_ascii_strtoll (show, NULL, 10) * G_USEC_PER_SEC;

      for (guint i = 0; i < 10; i++)
        g_usleep (20000), pump ();
      {
      /* TD_TEST_SHOW_AT: the part of the group to scroll to (a template child). */
      GtkWidget *at = g_getenv ("TD_TEST_SHOW_AT") != NULL
                        ? view_child (view, g_getenv ("TD_TEST_SHOW_AT")) : GTK_WIDGET (view);

      if (gtk_widget_compute_point (at, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
        gtk_adjustment_set_value (
            gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), point.y - 80);
      }
      while (g_get_monotonic_time () < until)
        g_usleep (20000), pump ();
    }
  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Showing the form: in the user's language, as the application does. */
  if (g_getenv ("TD_TEST_SHOW_SECONDS") != NULL)
    {
      setlocale (LC_ALL, "");
      td_i18n_init ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui-qualifications/hours-clear-finding", test_hours_clear_finding);
  ADD ("/gui-qualifications/roles-and-leave", test_roles_and_leave);
  ADD ("/gui-qualifications/in-trainee-editor", test_in_trainee_editor);
#undef ADD
  return g_test_run ();
}
