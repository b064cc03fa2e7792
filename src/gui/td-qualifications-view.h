/* td-qualifications-view.h — a person's roles, qualifications, certificate cycles and
 * training hours in the trainee form, with the person-level findings shown inline and
 * checked again after every change. */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_QUALIFICATIONS_VIEW (td_qualifications_view_get_type ())
G_DECLARE_FINAL_TYPE (TdQualificationsView, td_qualifications_view, TD, QUALIFICATIONS_VIEW,
                      AdwBin)

GtkWidget *td_qualifications_view_new (void);
/* Shows the records of @trainee_id in @store (0: a person not saved yet, nothing to
 * show). */
void       td_qualifications_view_load (TdQualificationsView *self, TdStore *store,
                                        gint64 trainee_id);
/* The date the findings are checked against: ISO, NULL = today. */
void       td_qualifications_view_set_today (TdQualificationsView *self, const char *today);
/* The findings on screen (TdFinding*), owned by the view. */
GPtrArray *td_qualifications_view_get_findings (TdQualificationsView *self);

G_END_DECLS
