/* td-paged-list.c — a GListModel over a store query, fetched a page at a time
 *
 * Views ask for items by position; the page holding a position is fetched on
 * demand and kept in a small LRU cache. Items are created per fetch, so a view may
 * see a new object for the same row after a reload — views bind by value.
 */
#define G_LOG_DOMAIN "td-paged-list"

#include "config.h"

#include "td-paged-list.h"

#define MAX_CACHED_PAGES 8

typedef struct {
  guint index;
  GPtrArray *items;
} Page;

struct _TdPagedList {
  GObject parent_instance;

  TdStore *store;
  GType item_type;
  TdPagedCountFunc count_func;
  TdPagedFetchFunc fetch_func;
  char *search;
  guint n_items;
  GQueue pages;          /* Page*, most recently used first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdPagedList, td_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
drop_pages (TdPagedList *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static Page *
find_page (TdPagedList *self, guint index)
{
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;
      if (page->index == index)
        {
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return page;
        }
    }
  return NULL;
}

static Page *
fetch_page (TdPagedList *self, guint index)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *items = self->fetch_func (self->store, self->search, index * TD_PAGED_LIST_PAGE_SIZE,
                                       TD_PAGED_LIST_PAGE_SIZE, &error);
  Page *page;

  if (items == NULL)
    {
      g_warning ("Could not read a page of the list: %s", error->message);
      return NULL;
    }
  page = g_new0 (Page, 1);
  page->index = index;
  page->items = items;
  g_queue_push_head (&self->pages, page);
  while (g_queue_get_length (&self->pages) > MAX_CACHED_PAGES)
    page_free (g_queue_pop_tail (&self->pages));
  return page;
}

static GType
td_paged_list_get_item_type (GListModel *model)
{
  return TD_PAGED_LIST (model)->item_type;
}

static guint
td_paged_list_get_n_items (GListModel *model)
{
  return TD_PAGED_LIST (model)->n_items;
}

static gpointer
td_paged_list_get_item (GListModel *model, guint position)
{
  TdPagedList *self = TD_PAGED_LIST (model);
  guint index = position / TD_PAGED_LIST_PAGE_SIZE;
  guint offset = position % TD_PAGED_LIST_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = find_page (self, index);
  if (page == NULL)
    page = fetch_page (self, index);
  /* A position below n_items must give an item (the GListModel contract). When the page
   * could not be read, or rows were deleted elsewhere since the count, an empty item
   * stands in until the next reload. */
  if (page == NULL || offset >= page->items->len)
    return g_object_new (self->item_type, NULL);
  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = td_paged_list_get_item_type;
  iface->get_n_items = td_paged_list_get_n_items;
  iface->get_item = td_paged_list_get_item;
}

static void
td_paged_list_finalize (GObject *object)
{
  TdPagedList *self = TD_PAGED_LIST (object);

  drop_pages (self);
  g_clear_object (&self->store);
  g_free (self->search);

  G_OBJECT_CLASS (td_paged_list_parent_class)->finalize (object);
}

static void
td_paged_list_class_init (TdPagedListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_paged_list_finalize;
}

static void
td_paged_list_init (TdPagedList *self)
{
  g_queue_init (&self->pages);
}

static guint
count_items (TdPagedList *self)
{
  g_autoptr (GError) error = NULL;
  guint n = self->count_func (self->store, self->search, &error);

  if (error != NULL)
    g_warning ("Could not count the list: %s", error->message);
  return n;
}

TdPagedList *
td_paged_list_new (TdStore *store, GType item_type, TdPagedCountFunc count_func,
                   TdPagedFetchFunc fetch_func)
{
  TdPagedList *self = g_object_new (TD_TYPE_PAGED_LIST, NULL);

  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->count_func = count_func;
  self->fetch_func = fetch_func;
  self->n_items = count_items (self);
  return self;
}

TdPagedList *
td_paged_list_new_courses (TdStore *store)
{
  return td_paged_list_new (store, TD_TYPE_COURSE, td_store_count_courses, td_store_list_courses);
}

TdPagedList *
td_paged_list_new_trainees (TdStore *store)
{
  return td_paged_list_new (store, TD_TYPE_TRAINEE, td_store_count_trainees,
                            td_store_list_trainees);
}

void
td_paged_list_reload (TdPagedList *self)
{
  guint old = self->n_items;

  g_return_if_fail (TD_IS_PAGED_LIST (self));
  drop_pages (self);
  self->n_items = count_items (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

void
td_paged_list_set_search (TdPagedList *self, const char *search)
{
  g_return_if_fail (TD_IS_PAGED_LIST (self));
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  td_paged_list_reload (self);
}

const char *
td_paged_list_get_search (TdPagedList *self)
{
  return self->search;
}
