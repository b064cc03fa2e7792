/* td-demo.h — a realistic sample training centre, for trying the program out,
 * screenshots and tests (`tdesk init --demo`).
 *
 * The centre is deterministic: the same @today always gives the same data. Dates are
 * placed around @today so there are ended, running and upcoming courses, with
 * attendance recorded for the sessions before @today.
 */
#pragma once

#include "td-store.h"

G_BEGIN_DECLS

/* Fills @store (which should have no courses) in one transaction: the unit's details,
 * about 10 courses of every regime with sessions and lecturers, about 300 trainees
 * with valid IDs, and attendance. @today is an ISO date. */
gboolean td_demo_populate (TdStore *store, const char *today, GError **error);

G_END_DECLS
