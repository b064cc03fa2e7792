/* td-lecturers-page.h — the centre's lecturers (講師). */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_LECTURERS_PAGE (td_lecturers_page_get_type ())
G_DECLARE_FINAL_TYPE (TdLecturersPage, td_lecturers_page, TD, LECTURERS_PAGE, AdwBin)

GtkWidget *td_lecturers_page_new (TdStore *store);

/* Re-reads the list, e.g. after a course import added lecturers. */
void       td_lecturers_page_reload (TdLecturersPage *self);

/* Opens the form for @lecturer, or for a new lecturer when NULL. */
void       td_lecturers_page_open (TdLecturersPage *self, TdLecturer *lecturer);

G_END_DECLS
