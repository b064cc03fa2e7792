/* test-gui-certificates.c — the course editor's Certificates tab: eligibility, issuing,
 * reissuing with its history, and the Verify a Code window */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "signing-key-fixture.h"
#include "td-certificate-row.h"
#include "td-certificates-view.h"
#include "td-certificates.h"
#include "td-course-editor.h"
#include "td-settings.h"
#include "td-signing-key.h"
#include "td-verify-dialog.h"
#include "td-window.h"

typedef struct {
  char *dir;
  TdStore *store;
  gint64 course_id;
  GtkWindow *window;
  TdCertificatesView *view;
} Fixture;

/* The certificate tests' roster (signing-key-fixture.h) and 黃淑芬, who has no score. */
static const Row roster[] = {
  SIGNING_KEY_FIXTURE_ROSTER,
  { "黃淑芬", "B223456782", TD_ENROLMENT_PASSED, -1 },
};

/* --- helpers ---------------------------------------------------------------- */

static void
wait_for_view (TdCertificatesView *view)
{
  while (td_certificates_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
  pump ();
}

static void
enrol (TdStore *store, gint64 course_id, const Row *row)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdTrainee) t = td_trainee_new ();
  g_autoptr (TdEnrolment) e = NULL;

  t->name = g_strdup (row->name);
  t->national_id = g_strdup (row->id);
  t->birth_date = g_strdup ("1980-01-02");
  g_assert_true (td_store_enrol (store, course_id, t, NULL, &e, &error));
  g_assert_no_error (error);
  g_assert_true (td_store_set_enrolment_status (store, e->id, row->status, &error));
  g_assert_no_error (error);
  if (row->score >= 0)
    g_assert_true (td_store_record_score (store, course_id, t->id, row->score, &error));
  g_assert_no_error (error);
}

static gint64
add_course (TdStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();

  c->title = g_strdup ("急救人員安全衛生教育訓練");
  c->category = g_strdup ("first-aid");
  c->period = g_strdup ("114-02");
  c->start_date = g_strdup ("2025-02-10");
  c->end_date = g_strdup ("2025-02-12");
  c->exam_mode = TD_EXAM_MODE_OWN;
  g_assert_true (td_store_save_course (store, c, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (roster); i++)
    enrol (store, c->id, &roster[i]);
  return c->id;
}

static TdCertificateRow *
row_at (Fixture *f, guint i)
{
  GListModel *rows = td_certificates_view_get_rows (f->view);
  g_autoptr (TdCertificateRow) row = g_list_model_get_item (rows, i);

  g_assert_nonnull (row);
  return row;   /* the model keeps it alive */
}

static char *
dup_string_property (gpointer object, const char *name)
{
  char *value = NULL;

  g_object_get (object, name, &value, NULL);
  return value;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = signing_key_fixture_open_store ("td-gui-certificates-XXXXXX", "desk.db", "tester",
                                             &f->dir);
  f->course_id = add_course (f->store);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (f->window);
  gtk_window_set_default_size (f->window, 1000, 600);
  f->view = td_certificates_view_new (f->store, f->course_id);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  pump ();
  /* Shown, the view judges everyone in its worker thread. */
  wait_for_view (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (td_certificates_view_get_rows (f->view)), ==,
                    G_N_ELEMENTS (roster));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  pump ();
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->store);
  gui_temp_dir_remove (&f->dir);
}

/* Whether the action's button in the tab's toolbar can be pressed. */
static gboolean
action_enabled (Fixture *f, const char *button)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                   TD_TYPE_CERTIFICATES_VIEW, button);

  g_assert_nonnull (widget);
  pump ();
  return gtk_widget_get_sensitive (GTK_WIDGET (widget));
}

/* The first descendant of @widget of @type (depth first). */
static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The dialog's inline error label: the label styled "error" in its extra child. */
static GtkLabel *
find_error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_error_label (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @text into the date row of @dialog and says whether @response may be pressed;
 * the inline error shows exactly when it may not. */
static gboolean
type_date (AdwMessageDialog *dialog, const char *response, const char *text)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *row = find_descendant (extra, ADW_TYPE_ENTRY_ROW);
  GtkLabel *error = find_error_label (extra);
  gboolean enabled;

  g_assert_nonnull (row);
  g_assert_nonnull (error);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  pump ();
  enabled = adw_message_dialog_get_response_enabled (dialog, response);
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (error)), ==, !enabled);
  g_assert_cmpint (gtk_label_get_text (error)[0] != '\0', ==, !enabled);
  return enabled;
}

static int
issue (Fixture *f, GPtrArray **skipped)
{
  g_autoptr (GError) error = NULL;
  int n = td_certificates_view_issue (f->view, "2025-02-20", skipped, &error);

  g_assert_no_error (error);
  wait_for_view (f->view);
  return n;
}

/* --- tests ------------------------------------------------------------------ */

/* Every enrolled trainee is listed with the eligibility the core judges. */
static void
test_eligibility (Fixture *f, gconstpointer data)
{
  GListModel *rows = td_certificates_view_get_rows (f->view);
  g_autofree char *first = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *dismissed = NULL;
  g_autofree char *enrolled = NULL;
  g_autofree char *no_score = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, G_N_ELEMENTS (roster));
  for (guint i = 0; i < G_N_ELEMENTS (roster); i++)
    {
      g_autofree char *name = dup_string_property (row_at (f, i), "name");
      g_assert_cmpstr (name, ==, roster[i].name);
      g_assert_null (row_at (f, i)->certificate);
    }
  g_assert_true (row_at (f, 0)->eligible);
  g_assert_true (row_at (f, 1)->eligible);
  first = dup_string_property (row_at (f, 0), "eligibility");
  g_assert_cmpstr (first, ==, "Eligible");
  masked = dup_string_property (row_at (f, 0), "masked-id");
  g_assert_cmpstr (masked, ==, "A12****789");

  failed = dup_string_property (row_at (f, 2), "eligibility");
  g_assert_nonnull (strstr (failed, "59"));
  dismissed = dup_string_property (row_at (f, 3), "eligibility");
  g_assert_nonnull (strstr (dismissed, "退訓"));
  enrolled = dup_string_property (row_at (f, 4), "eligibility");
  g_assert_nonnull (strstr (enrolled, "not passed or completed"));
  no_score = dup_string_property (row_at (f, 5), "eligibility");
  g_assert_nonnull (strstr (no_score, "no exam score"));
  for (guint i = 2; i < G_N_ELEMENTS (roster); i++)
    g_assert_false (row_at (f, i)->eligible);

  g_assert_cmpuint (td_certificates_view_count_to_issue (f->view), ==, 2);
  g_assert_true (action_enabled (f, "issue_button"));
  g_assert_false (action_enabled (f, "print_button"));
  g_assert_false (action_enabled (f, "reissue_button"));
}

/* Issuing gives the eligible trainees numbers in roster order and names the others. */
static void
test_issue (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GPtrArray) again_skipped = NULL;
  g_autofree char *state = NULL;
  g_autofree char *issued_on = NULL;
  g_autofree char *version = NULL;

  g_assert_cmpint (issue (f, &skipped), ==, 2);
  g_assert_cmpuint (skipped->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "陳大文"));

  g_assert_nonnull (row_at (f, 0)->certificate);
  g_assert_cmpstr (row_at (f, 0)->certificate->number, ==, "TD11400001");
  g_assert_cmpstr (row_at (f, 1)->certificate->number, ==, "TD11400002");
  g_assert_null (row_at (f, 2)->certificate);
  state = dup_string_property (row_at (f, 0), "state");
  g_assert_cmpstr (state, ==, "Valid");
  issued_on = dup_string_property (row_at (f, 0), "issued-on");
  g_assert_cmpstr (issued_on, ==, "114/02/20");
  version = dup_string_property (row_at (f, 0), "version");
  g_assert_cmpstr (version, ==, "0");

  g_assert_cmpuint (td_certificates_view_count_to_issue (f->view), ==, 0);
  g_assert_false (action_enabled (f, "issue_button"));
  g_assert_true (action_enabled (f, "print_button"));
  /* Nobody is left to issue to: nothing new, no number used. */
  g_assert_cmpint (issue (f, &again_skipped), ==, 0);
}

/* The issue dialog checks the date as it is typed: Issue cannot be pressed, and an
 * inline error says why, until the date is valid; a typo never closes the dialog. */
static void
test_issue_dialog_date (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "certs.issue", NULL));
  pump ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* Prefilled with today: valid. */
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "issue"));
  g_assert_false (type_date (dialog, "issue", "114/02/30"));
  save_snapshot (GTK_WIDGET (dialog), "certificates-issue-bad-date");
  g_assert_false (type_date (dialog, "issue", ""));
  g_assert_false (type_date (dialog, "issue", "114-2"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (type_date (dialog, "issue", "114/02/20"));
  /* What the Issue button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "issue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_view (f->view);
  g_assert_nonnull (row_at (f, 0)->certificate);
  g_assert_cmpstr (row_at (f, 0)->certificate->issued_on, ==, "2025-02-20");
  /* The outcome is shown; no error dialog came up. */
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Certificates Issued");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pump ();
}

/* The reissue dialog's date is checked the same way. */
static void
test_reissue_dialog_date (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;

  g_assert_cmpint (issue (f, NULL), ==, 2);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (
    gtk_widget_get_template_child (GTK_WIDGET (f->view), TD_TYPE_CERTIFICATES_VIEW,
                                   "selection")), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "certs.reissue", NULL));
  pump ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reissue"));
  g_assert_false (type_date (dialog, "reissue", "not a date"));
  g_assert_true (type_date (dialog, "reissue", "114/03/01"));
  adw_message_dialog_response (dialog, "reissue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_view (f->view);
  g_assert_cmpint (row_at (f, 0)->certificate->reissue_count, ==, 1);
  g_assert_cmpstr (row_at (f, 0)->certificate->issued_on, ==, "2025-03-01");
}

/* A reissue voids the old version; the history shows both; the old code verifies as
 * voided and the new one as valid. */
static void
test_reissue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_code = NULL;
  g_autoptr (TdCertificate) now = NULL;
  g_autofree char *history = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *state = NULL;
  TdVerifyDialog *dialog;
  const TdVerifyResult *result;

  g_assert_cmpint (issue (f, NULL), ==, 2);
  old_code = g_strdup (row_at (f, 0)->certificate->code);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (
    gtk_widget_get_template_child (GTK_WIDGET (f->view), TD_TYPE_CERTIFICATES_VIEW,
                                   "selection")), 0);
  g_assert_true (action_enabled (f, "reissue_button"));
  g_assert_true (action_enabled (f, "history_button"));

  now = td_certificates_view_reissue (f->view, "TD11400001", TD_VOID_REASON_LOST, "2025-03-01",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (now->number, ==, "TD11400001");
  g_assert_cmpint (now->reissue_count, ==, 1);
  wait_for_view (f->view);
  g_assert_cmpint (row_at (f, 0)->certificate->reissue_count, ==, 1);
  g_assert_true (td_certificate_row_has_valid (row_at (f, 0)));
  g_assert_cmpstr (row_at (f, 0)->certificate->code, !=, old_code);

  history = td_certificates_view_dup_history_text (f->view, "TD11400001", &error);
  g_assert_no_error (error);
  lines = g_strsplit (history, "\n", 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "reissue 0"));
  g_assert_nonnull (strstr (lines[0], "tester"));
  g_assert_nonnull (strstr (lines[1], "reissue 0"));
  g_assert_nonnull (strstr (lines[1], "lost"));
  g_assert_nonnull (strstr (lines[2], "reissue 1"));

  /* 換發 gives a new number; the old row shows the replacement's state. */
  g_clear_object (&now);
  now = td_certificates_view_reissue (f->view, "TD11400002", TD_VOID_REASON_CHANGED, "2025-03-01",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (now->number, ==, "TD11400003");
  wait_for_view (f->view);
  g_assert_cmpstr (row_at (f, 1)->certificate->number, ==, "TD11400003");
  state = dup_string_property (row_at (f, 1), "state");
  g_assert_cmpstr (state, ==, "Valid");

  dialog = td_verify_dialog_new (f->window, f->store);
  gtk_window_present (GTK_WINDOW (dialog));
  td_verify_dialog_verify (dialog, old_code);
  result = td_verify_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpint (result->status, ==, TD_VERIFY_VOIDED);
  g_assert_cmpstr (result->number, ==, "TD11400001");
  g_assert_cmpstr (result->holder_name, ==, "王小明");
  g_assert_nonnull (strstr (result->message, "lost"));

  td_verify_dialog_verify (dialog, row_at (f, 0)->certificate->code);
  result = td_verify_dialog_get_result (dialog);
  g_assert_cmpint (result->status, ==, TD_VERIFY_VALID);

  td_verify_dialog_verify (dialog, "not a certificate");
  result = td_verify_dialog_get_result (dialog);
  g_assert_cmpint (result->status, ==, TD_VERIFY_INVALID);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pump ();
}

/* Without the signing key's secret nothing is issued or reissued, and the error says
 * why. */
static void
test_missing_key (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *own = g_strdup (g_getenv (TD_SIGNING_KEY_FILE_ENV));
  g_autofree char *elsewhere = g_build_filename (f->dir, "no-such.key", NULL);
  g_autoptr (TdCertificate) none = NULL;
  g_autoptr (GPtrArray) valid = NULL;
  g_autoptr (TdEnrolment) late = NULL;
  const Row newcomer = { "周杰", "E123456783", TD_ENROLMENT_PASSED, 95 };
  int n;

  g_assert_cmpint (issue (f, NULL), ==, 2);
  enrol (f->store, f->course_id, &newcomer);
  td_certificates_view_reload (f->view);
  wait_for_view (f->view);
  g_assert_cmpuint (td_certificates_view_count_to_issue (f->view), ==, 1);

  g_setenv (TD_SIGNING_KEY_FILE_ENV, elsewhere, TRUE);
  n = td_certificates_view_issue (f->view, "2025-02-21", NULL, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, TD_SIGNING_KEY_FILE_ENV));
  g_clear_error (&error);
  none = td_certificates_view_reissue (f->view, "TD11400001", TD_VOID_REASON_DAMAGED, NULL,
                                       &error);
  g_assert_null (none);
  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_setenv (TD_SIGNING_KEY_FILE_ENV, own, TRUE);
  g_clear_error (&error);

  valid = td_certificates_list_for_course (f->store, f->course_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (valid->len, ==, 2);
  g_assert_true (td_certificate_is_valid (g_ptr_array_index (valid, 0)));
  g_assert_cmpint (((TdCertificate *) g_ptr_array_index (valid, 0))->reissue_count, ==, 0);
}

/* The course editor has the tab after Roster: a status page until the course is saved. */
static void
test_editor_tab (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("td-gui-certificates-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "desk.db", NULL);
  g_autoptr (TdStore) store = td_store_open (path, &error);
  g_autoptr (TdCourse) unsaved = td_course_new ();
  g_autoptr (TdCourse) saved = NULL;
  TdCourseEditor *editors[2];
  const char *expected[] = { "unsaved", "editor" };
  gint64 id;

  g_assert_no_error (error);
  id = add_course (store);
  saved = td_store_get_course (store, id, &error);
  g_assert_no_error (error);
  editors[0] = g_object_ref_sink (td_course_editor_new (store, unsaved));
  editors[1] = g_object_ref_sink (td_course_editor_new (store, saved));
  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      GtkStack *sections = child (editors[i], TD_TYPE_COURSE_EDITOR, "section_stack");
      GtkWidget *page = gtk_stack_get_child_by_name (sections, "certificates");

      /* Certificates come after the attendance that decides them, before the documents. */
      g_assert_true (gtk_widget_get_next_sibling (page) ==
                     gtk_stack_get_child_by_name (sections, "documents"));
      g_assert_cmpstr (editor_tab_state (editors[i], "certificates"), ==, expected[i]);
      g_assert_true ((td_course_editor_get_section (editors[i], "certificates") != NULL) ==
                     (i == 1));
      g_object_unref (editors[i]);
    }
  g_clear_object (&store);
  gui_temp_dir_remove (&dir);
}

/* The main window's primary menu opens Verify a Code…. */
static void
test_verify_menu (Fixture *f, gconstpointer data)
{
  g_autoptr (TdWindow) window = g_object_ref (td_window_new (NULL, f->store));
  GListModel *toplevels = gtk_window_get_toplevels ();
  TdVerifyDialog *dialog = NULL;

  gtk_window_present (GTK_WINDOW (window));
  pump ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.verify-code", NULL));
  pump ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) top = g_list_model_get_item (toplevels, i);
      if (TD_IS_VERIFY_DIALOG (top))
        dialog = TD_VERIFY_DIALOG (top);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_null (td_verify_dialog_get_result (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  pump ();
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/gui/certificates/eligibility", test_eligibility);
  ADD ("/gui/certificates/issue", test_issue);
  ADD ("/gui/certificates/issue-dialog-date", test_issue_dialog_date);
  ADD ("/gui/certificates/reissue", test_reissue);
  ADD ("/gui/certificates/reissue-dialog-date", test_reissue_dialog_date);
  ADD ("/gui/certificates/missing-key", test_missing_key);
  ADD ("/gui/certificates/verify-menu", test_verify_menu);
  g_test_add_func ("/gui/certificates/editor-tab", test_editor_tab);
  return g_test_run ();
}
