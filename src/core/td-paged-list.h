/* td-paged-list.h — a GListModel that reads its items from the store a page at a time.
 *
 * Lists of thousands of courses or hundreds of thousands of trainees stay responsive:
 * only the count is queried up front, and rows are fetched in pages of
 * TD_PAGED_LIST_PAGE_SIZE as a view asks for them, with a small page cache.
 */
#pragma once

#include <gio/gio.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_PAGED_LIST_PAGE_SIZE 100

typedef guint (*TdPagedCountFunc) (TdStore *store, const char *search, GError **error);
typedef GPtrArray *(*TdPagedFetchFunc) (TdStore *store, const char *search, guint offset,
                                        guint limit, GError **error);

#define TD_TYPE_PAGED_LIST (td_paged_list_get_type ())
G_DECLARE_FINAL_TYPE (TdPagedList, td_paged_list, TD, PAGED_LIST, GObject)

TdPagedList *td_paged_list_new (TdStore *store, GType item_type, TdPagedCountFunc count_func,
                                TdPagedFetchFunc fetch_func);
/* Courses and trainees, the two lists that grow large. */
TdPagedList *td_paged_list_new_courses (TdStore *store);
TdPagedList *td_paged_list_new_trainees (TdStore *store);

void         td_paged_list_set_search (TdPagedList *self, const char *search);
const char  *td_paged_list_get_search (TdPagedList *self);
/* Re-reads the count and drops the cache; emits items-changed for the whole list. */
void         td_paged_list_reload (TdPagedList *self);

G_END_DECLS
