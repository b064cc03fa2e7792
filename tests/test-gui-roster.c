/* test-gui-roster.c — the course editor's roster list: trainees absent beyond the
 * dismissal fraction are shown in red, also after attendance was recorded elsewhere
 * while the roster was out of sight. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "td-roster-view.h"

typedef struct {
  char *dir;
  char *path;
  TdStore *store;
  gint64 course_id;
  gint64 sessions[2];
  gint64 trainees[2];
} Fixture;

static gint64
add_session (Fixture *f, const char *date)
{
  g_autoptr (TdSession) s = td_session_new ();
  g_autoptr (GError) error = NULL;

  s->course_id = f->course_id;
  s->date = g_strdup (date);
  s->start_time = g_strdup ("09:00");
  s->end_time = g_strdup ("12:00");
  s->subject = g_strdup ("急救概論");
  g_assert_true (td_store_save_session (f->store, s, &error));
  g_assert_no_error (error);
  return s->id;
}

static void
record (Fixture *f, gint64 session, gint64 trainee, TdAttendanceStatus status)
{
  g_autoptr (TdAttendance) a = td_attendance_new (session, trainee, status);
  g_autoptr (GError) error = NULL;

  if (status == TD_ATTENDANCE_PRESENT)
    {
      a->in_time = g_strdup ("08:50");
      a->out_time = g_strdup ("12:00");
    }
  g_assert_true (td_store_record_attendance (f->store, a, &error));
  g_assert_no_error (error);
}

/* A course held in May 2024 (in the past, for the rules' today is the real date):
 * both trainees attended both sessions. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdCourse) c = td_course_new ();

  f->store = gui_temp_store_open ("td-gui-roster-XXXXXX", "roster.db", NULL, &f->dir, &f->path);
  c->regime = TD_REGIME_OSH;
  c->title = g_strdup ("急救人員安全衛生教育訓練");
  c->category = g_strdup ("first-aid");
  c->start_date = g_strdup ("2024-05-03");
  c->end_date = g_strdup ("2024-05-06");
  g_assert_true (td_store_save_course (f->store, c, &error));
  g_assert_no_error (error);
  f->course_id = c->id;
  f->sessions[0] = add_session (f, "2024-05-03");
  f->sessions[1] = add_session (f, "2024-05-06");
  f->trainees[0] = gui_enrol (f->store, f->course_id, "王小明", "A123456789");
  f->trainees[1] = gui_enrol (f->store, f->course_id, "陳美玲", "B223456782");
  for (guint s = 0; s < 2; s++)
    for (guint t = 0; t < 2; t++)
      record (f, f->sessions[s], f->trainees[t], TD_ATTENDANCE_PRESENT);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gui_temp_store_close (f->store, &f->dir, &f->path);
}

/* The label showing @text in the roster, or NULL. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shown_as_due (GtkWidget *roster, const char *name)
{
  GtkWidget *label = find_label (roster, name);

  g_assert_nonnull (label);
  return gtk_widget_has_css_class (label, "error");
}

static void
test_dismissals_follow_attendance (Fixture *f, gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *roster = GTK_WIDGET (td_roster_view_new (f->store, f->course_id));

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), roster);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_assert_false (shown_as_due (roster, "王小明"));
  g_assert_false (shown_as_due (roster, "陳美玲"));

  /* Corrected elsewhere while the roster is out of sight: she missed the second
   * session, half the course. */
  gtk_widget_set_visible (roster, FALSE);
  settle ();
  record (f, f->sessions[1], f->trainees[1], TD_ATTENDANCE_ABSENT);
  gtk_widget_set_visible (roster, TRUE);
  settle ();
  g_assert_true (shown_as_due (roster, "陳美玲"));
  g_assert_false (shown_as_due (roster, "王小明"));

  /* And back: a correction to present clears the row. */
  gtk_widget_set_visible (roster, FALSE);
  settle ();
  record (f, f->sessions[1], f->trainees[1], TD_ATTENDANCE_PRESENT);
  gtk_widget_set_visible (roster, TRUE);
  settle ();
  g_assert_false (shown_as_due (roster, "陳美玲"));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui-roster/dismissals-follow-attendance", Fixture, NULL, fixture_set_up,
              test_dismissals_follow_attendance, fixture_tear_down);
  return g_test_run ();
}
