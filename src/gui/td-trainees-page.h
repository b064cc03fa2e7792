/* td-trainees-page.h — the directory of every trainee across courses. */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_TRAINEES_PAGE (td_trainees_page_get_type ())
G_DECLARE_FINAL_TYPE (TdTraineesPage, td_trainees_page, TD, TRAINEES_PAGE, AdwBin)

GtkWidget *td_trainees_page_new (TdStore *store);

/* Re-reads the list, e.g. after a roster import added people. */
void       td_trainees_page_reload (TdTraineesPage *self);

/* Opens the person form for @trainee, or for a new person when NULL. */
void       td_trainees_page_open (TdTraineesPage *self, TdTrainee *trainee);
/* Opens the person form for @trainee at its Training Obligations group. */
void       td_trainees_page_open_obligations (TdTraineesPage *self, TdTrainee *trainee);

G_END_DECLS
