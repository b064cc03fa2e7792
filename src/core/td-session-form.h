/* td-session-form.h — one timetable row as the sessions editor edits it.
 *
 * Holds the session being edited and what a person typed in each field: the date
 * in the ROC calendar, "HH:MM" times, the hours, the subject. The hours follow the
 * times (09:00–12:00 gives 3) until they are typed by hand. Each field has its
 * message; the widgets only show them. No GTK here, so it is tested without a display.
 */
#pragma once

#include <glib-object.h>

#include "td-session.h"
#include "td-store.h"

G_BEGIN_DECLS

typedef enum {
  TD_SESSION_FIELD_DATE,
  TD_SESSION_FIELD_START,
  TD_SESSION_FIELD_END,
  TD_SESSION_FIELD_HOURS,
  TD_SESSION_FIELD_SUBJECT,
  TD_SESSION_N_FIELDS
} TdSessionField;

#define TD_TYPE_SESSION_FORM (td_session_form_get_type ())
G_DECLARE_FINAL_TYPE (TdSessionForm, td_session_form, TD, SESSION_FORM, GObject)

/* @session (copied) is edited; NULL starts a new session of @course_id. */
TdSessionForm *td_session_form_new (TdSession *session, gint64 course_id);

TdSession     *td_session_form_get_session (TdSessionForm *self);
gboolean       td_session_form_is_new (TdSessionForm *self);

void           td_session_form_set_text (TdSessionForm *self, TdSessionField field,
                                         const char *text);
/* What the field shows: the ROC date, the times and hours as read, or the raw text
 * when it could not be read. Never NULL. */
char          *td_session_form_dup_text (TdSessionForm *self, TdSessionField field);
void           td_session_form_set_mode (TdSessionForm *self, TdSessionMode mode);
void           td_session_form_set_lecturer (TdSessionForm *self, gint64 lecturer_id);
/* TRUE once the hours were typed rather than taken from the times. */
gboolean       td_session_form_get_hours_typed (TdSessionForm *self);

/* The field's message, or NULL. */
const char    *td_session_form_get_error (TdSessionForm *self, TdSessionField field);
gboolean       td_session_form_is_valid (TdSessionForm *self);
/* Every message, one per line, or NULL when valid. */
char          *td_session_form_dup_errors (TdSessionForm *self);

/* Validates, then saves in one transaction (a new session goes at @position).
 * Messages of the form or refusals of the store come back in @error. */
gboolean       td_session_form_save (TdSessionForm *self, TdStore *store, int position,
                                     GError **error);

/* Hours for display: "3", "1.5"; minutes that are not a whole number of hours keep
 * up to two decimals. */
char          *td_format_minutes_as_hours (int minutes);

G_END_DECLS
