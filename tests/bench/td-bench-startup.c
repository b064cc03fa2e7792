/* td-bench-startup.c — time from program start to the first painted frame of the main
 * window, on a given database (the ten-year one td-bench --keep makes).
 *
 * It does what training-desk does at start — bind translations, start the application,
 * open the store, build the window on the Courses page — and stops at the first frame
 * the window paints. Needs a display (run under xvfb-run). Prints figures; never fails
 * on timings.
 */
#include "config.h"

#include <adwaita.h>

#include "td-i18n.h"
#include "td-store.h"
#include "td-window.h"

typedef struct {
  gint64 started;
  gint64 store_opened;
  gint64 window_built;
  gint64 first_frame;
  const char *path;
  TdStore *store;
} Timing;

static void
after_paint_cb (GdkFrameClock *clock, Timing *timing)
{
  if (timing->first_frame != 0)
    return;
  timing->first_frame = g_get_monotonic_time ();
  g_application_quit (g_application_get_default ());
}

static void
window_mapped_cb (GtkWidget *window, Timing *timing)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), timing);
}

static void
activate_cb (GtkApplication *app, Timing *timing)
{
  g_autoptr (GError) error = NULL;
  TdWindow *window;

  timing->store = td_store_open (timing->path, &error);
  if (timing->store == NULL)
    g_error ("%s", error->message);
  timing->store_opened = g_get_monotonic_time ();
  window = td_window_new (app, timing->store);
  timing->window_built = g_get_monotonic_time ();
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), timing);
  gtk_window_present (GTK_WINDOW (window));
}

static double
ms (gint64 from, gint64 to)
{
  return (to - from) / 1000.0;
}

int
main (int argc, char *argv[])
{
  Timing timing = { .started = g_get_monotonic_time () };
  g_autoptr (AdwApplication) app = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: td-bench-startup DATABASE\n");
      return 2;
    }
  timing.path = argv[1];
  td_i18n_init ();
  app = adw_application_new (APP_ID ".BenchStartup", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &timing);
  g_application_run (G_APPLICATION (app), 1, argv);

  g_print ("database: %s\n", timing.path);
  g_print ("  start → store open                 %8.1f ms\n", ms (timing.started, timing.store_opened));
  g_print ("  store open → window built          %8.1f ms\n",
           ms (timing.store_opened, timing.window_built));
  g_print ("  start → first frame painted        %8.1f ms\n", ms (timing.started, timing.first_frame));
  g_clear_object (&timing.store);
  return timing.first_frame != 0 ? 0 : 1;
}
