/* td-documents-view.h — a course's Documents tab: every form of the catalogue with a
 * Preview button, and merging proof documents into one PDF for upload */
#pragma once

#include <gtk/gtk.h>

#include "td-preview-window.h"
#include "td-course-section.h"
#include "td-store.h"

G_BEGIN_DECLS

#define TD_TYPE_DOCUMENTS_VIEW (td_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (TdDocumentsView, td_documents_view, TD, DOCUMENTS_VIEW, TdCourseSection)

TdDocumentsView *td_documents_view_new (TdStore *store, gint64 course_id);

/* What the Preview button does: opens a preview window rendering the form @form_id
 * (an id of td-form-catalog.h) for the course. Returns the window, or NULL with a
 * message shown when the course or the form is unknown. */
TdPreviewWindow *td_documents_view_preview (TdDocumentsView *self, const char *form_id);

/* What Merge PDF Files… does once the files are chosen: merges @input_files (GFile*)
 * into @output in a worker thread, then reports the size (warning over the 10 MB upload
 * limit) and offers a preview. "busy" is TRUE meanwhile. */
void             td_documents_view_merge (TdDocumentsView *self, GPtrArray *input_files,
                                          GFile *output);
gboolean         td_documents_view_get_busy (TdDocumentsView *self);

G_END_DECLS
