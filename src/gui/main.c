/* main.c — the training-desk program */
#include "config.h"

#include "td-application.h"
#include "td-i18n.h"

int
main (int argc, char *argv[])
{
  g_autoptr (TdApplication) app = NULL;
  int status;

  /* Installed catalogues, or the build tree's when run uninstalled. */
  td_i18n_init ();

  app = td_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status == 0 && td_application_get_open_failed (app))
    status = 1;
  return status;
}
