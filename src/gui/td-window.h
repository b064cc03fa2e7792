/* td-window.h — the main window: the pages in a view stack, and toasts */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_WINDOW (td_window_get_type ())
G_DECLARE_FINAL_TYPE (TdWindow, td_window, TD, WINDOW, AdwApplicationWindow)

/* @app may be NULL (tests). */
TdWindow  *td_window_new (GtkApplication *app, TdStore *store);
TdStore   *td_window_get_store (TdWindow *self);
void       td_window_add_toast (TdWindow *self, const char *message);
/* Shows the page named "courses", "attendance", "trainees", "lecturers" or "checks". */
void       td_window_show_page (TdWindow *self, const char *name);
GtkWidget *td_window_get_page (TdWindow *self, const char *name);

G_END_DECLS
