/* gui-fixture.h — what the widget tests (test-gui*.c) share: a store in a temporary
 * directory, running the main loop, template children, windows and snapshots. */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "td-course-editor.h"
#include "td-saved-course-gate.h"
#include "td-store.h"
#include "td-trainee-code.h"

/* --- a temporary database ----------------------------------------------------- */

/* A new directory named after @dir_template ("td-gui-x-XXXXXX"), the path of @file_name in
 * it (*dir and *path are set), and the store opened there, acting as @actor (or the
 * store's default when NULL). */
static inline TdStore *
gui_temp_store_open (const char *dir_template, const char *file_name, const char *actor,
                     char **dir, char **path)
{
  g_autoptr (GError) error = NULL;
  TdStore *store;

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, file_name, NULL);
  store = td_store_open (*path, &error);
  g_assert_no_error (error);
  if (actor != NULL)
    td_store_set_actor (store, actor);
  return store;
}

/* Ends @store (the last reference), removes its database with the write-ahead log files
 * SQLite keeps beside it, then the directory; frees *dir and *path. */
static inline void
gui_temp_store_close (TdStore *store, char **dir, char **path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_assert_finalize_object (store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (*path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (*dir);
  g_clear_pointer (path, g_free);
  g_clear_pointer (dir, g_free);
}

/* Removes every file in the temporary directory *dir, then the directory; frees *dir. */
static inline void
gui_temp_dir_remove (char **dir)
{
  g_autoptr (GDir) listing = g_dir_open (*dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (*dir, name, NULL);
      g_remove (file);
    }
  g_assert_cmpint (g_rmdir (*dir), ==, 0);
  g_clear_pointer (dir, g_free);
}

/* Enrols a new person @name with the national ID @id on the course; returns their id. */
static inline gint64
gui_enrol (TdStore *store, gint64 course_id, const char *name, const char *id)
{
  g_autoptr (TdTrainee) t = td_trainee_new ();
  g_autoptr (GError) error = NULL;

  t->name = g_strdup (name);
  t->national_id = g_strdup (id);
  g_assert_true (td_store_enrol (store, course_id, t, NULL, NULL, &error));
  g_assert_no_error (error);
  return t->id;
}

/* The trainee's personal code, as scanned at the desk. */
static inline char *
gui_trainee_code (TdStore *store, gint64 trainee_id)
{
  g_autoptr (GError) error = NULL;
  char *code = td_trainee_code_get (store, trainee_id, &error);

  g_assert_no_error (error);
  return code;
}

/* --- the main loop -------------------------------------------------------------- */

/* Runs what is pending: idles, redraws, finished worker threads' callbacks. */
static inline void
pump (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Lets a freshly shown window map, allocate and take focus, which takes a few frames. */
static inline void
settle (void)
{
  for (guint i = 0; i < 5; i++)
    {
      g_usleep (20000);
      pump ();
    }
}

/* --- widgets ---------------------------------------------------------------------- */

/* The template child @name of @widget's class @type; it must exist. */
static inline gpointer
child (gpointer widget, GType type, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* What the course editor's tab @name shows: "unsaved" (Save the Course First) until the
 * course is saved, then "editor" (its section). */
static inline const char *
editor_tab_state (TdCourseEditor *editor, const char *name)
{
  GtkStack *sections = child (editor, TD_TYPE_COURSE_EDITOR, "section_stack");
  GtkWidget *gate = gtk_stack_get_child_by_name (sections, name);

  g_assert_true (TD_IS_SAVED_COURSE_GATE (gate));
  return gtk_stack_get_visible_child_name (child (gate, TD_TYPE_SAVED_COURSE_GATE, "stack"));
}

static inline GtkWindow *
show_in_window (GtkWidget *widget, int width, int height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  settle ();
  return window;
}

/* Closes @window and checks @widget (in it, or the window itself) is freed with it. */
static inline void
destroy_window (GtkWindow *window, gpointer widget)
{
  g_object_ref (widget);
  gtk_window_destroy (window);
  pump ();
  g_assert_finalize_object (widget);
}

/* With TD_TEST_SNAPSHOT_DIR set, saves @widget's whole window as @name.png there, to look
 * at the screen a test left (drawn on the window's background). */
static inline void
save_snapshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("TD_TEST_SNAPSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;
  widget = GTK_WIDGET (gtk_widget_get_root (widget));
  settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Appends the text of every mapped label under @widget, a line each: what is on screen. */
static inline void
collect_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

static inline char *
dup_screen_text (gpointer widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (GTK_WIDGET (widget), out);
  return g_string_free (out, FALSE);
}

/* The message dialog on screen, or NULL. */
static inline AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}
