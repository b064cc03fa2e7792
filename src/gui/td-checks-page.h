/* td-checks-page.h — every open rule finding across the centre, with deadlines due soon */
#pragma once

#include <adwaita.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_CHECKS_PAGE (td_checks_page_get_type ())
G_DECLARE_FINAL_TYPE (TdChecksPage, td_checks_page, TD, CHECKS_PAGE, AdwBin)

typedef enum {
  TD_CHECKS_FILTER_ALL,
  TD_CHECKS_FILTER_ERRORS,
  TD_CHECKS_FILTER_WARNINGS,
} TdChecksFilter;

GtkWidget  *td_checks_page_new (TdStore *store);

/* The date the check runs for (ISO); NULL = the current local date. */
const char *td_checks_page_get_today (TdChecksPage *self);
void        td_checks_page_set_today (TdChecksPage *self, const char *today);

/* Runs the check again in a worker thread (F5); a check already running is cancelled. */
void        td_checks_page_refresh (TdChecksPage *self);
gboolean    td_checks_page_get_busy (TdChecksPage *self);

/* The findings of the last check (TdFinding*, in td_finding_compare order) and those
 * the filters let through; NULL before the first check has finished. */
GPtrArray  *td_checks_page_get_findings (TdChecksPage *self);
GPtrArray  *td_checks_page_get_shown (TdChecksPage *self);
/* Findings that are errors or carry a due date within the next 7 days. */
guint       td_checks_page_get_attention_count (TdChecksPage *self);

/* Keeps @page's badge (and needs-attention) at the attention count. */
void        td_checks_page_bind_badge (TdChecksPage *self, AdwViewStackPage *page);

G_END_DECLS
