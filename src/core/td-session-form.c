/* td-session-form.c — a timetable row being edited: typed text, derived hours, messages */
#include "config.h"

#define G_LOG_DOMAIN "td-session-form"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "td-roc-date.h"
#include "td-session-form.h"

struct _TdSessionForm {
  GObject parent_instance;

  TdSession *session;
  char *text[TD_SESSION_N_FIELDS];     /* what was typed, as typed */
  char *error[TD_SESSION_N_FIELDS];
  gboolean hours_typed;
};

G_DEFINE_FINAL_TYPE (TdSessionForm, td_session_form, G_TYPE_OBJECT)

/* --- helpers ---------------------------------------------------------------- */

static void
set_error (TdSessionForm *self, TdSessionField field, const char *message)
{
  g_free (self->error[field]);
  self->error[field] = g_strdup (message);
}

static void
read_date (TdSessionForm *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = td_roc_date_parse (self->text[TD_SESSION_FIELD_DATE], &error);

  set_error (self, TD_SESSION_FIELD_DATE, iso == NULL ? error->message : NULL);
  if (iso != NULL)
    {
      g_free (self->session->date);
      self->session->date = g_steal_pointer (&iso);
    }
}

/* Times and, while they follow the times, the hours. */
static void
read_times (TdSessionForm *self)
{
  int start = td_time_parse_minutes (self->text[TD_SESSION_FIELD_START]);
  int end = td_time_parse_minutes (self->text[TD_SESSION_FIELD_END]);

  set_error (self, TD_SESSION_FIELD_START, start < 0 ? _("Write the start time as HH:MM.") : NULL);
  set_error (self, TD_SESSION_FIELD_END, end < 0 ? _("Write the end time as HH:MM.") : NULL);
  if (start >= 0 && end >= 0 && end <= start)
    set_error (self, TD_SESSION_FIELD_END, _("The session must end after it starts."));
  if (start >= 0)
    {
      g_free (self->session->start_time);
      self->session->start_time = td_time_format_minutes (start);
    }
  if (end >= 0)
    {
      g_free (self->session->end_time);
      self->session->end_time = td_time_format_minutes (end);
    }
  if (!self->hours_typed && start >= 0 && end > start)
    {
      self->session->minutes = end - start;
      g_free (self->text[TD_SESSION_FIELD_HOURS]);
      self->text[TD_SESSION_FIELD_HOURS] = td_format_minutes_as_hours (end - start);
      set_error (self, TD_SESSION_FIELD_HOURS, NULL);
    }
}

static void
read_hours (TdSessionForm *self)
{
  const char *text = self->text[TD_SESSION_FIELD_HOURS];
  char *end = NULL;
  double hours = g_ascii_strtod (text, &end);

  if (*text == '\0' || *end != '\0' || !(hours > 0 && hours <= 24))
    {
      set_error (self, TD_SESSION_FIELD_HOURS,
                 _("Hours must be a number above 0, such as 3 or 1.5."));
      return;
    }
  set_error (self, TD_SESSION_FIELD_HOURS, NULL);
  self->session->minutes = (int) lround (hours * 60);
}

static void
read_subject (TdSessionForm *self)
{
  const char *text = self->text[TD_SESSION_FIELD_SUBJECT];

  set_error (self, TD_SESSION_FIELD_SUBJECT, *text == '\0' ? _("Enter the subject.") : NULL);
  g_free (self->session->subject);
  self->session->subject = *text != '\0' ? g_strdup (text) : NULL;
}

static void
load_texts (TdSessionForm *self)
{
  TdSession *s = self->session;
  char *date = s->date != NULL ? td_roc_date_format (s->date, TD_ROC_FORMAT_SLASH) : NULL;

  self->text[TD_SESSION_FIELD_DATE] = date != NULL ? date : g_strdup (s->date ? s->date : "");
  self->text[TD_SESSION_FIELD_START] = g_strdup (s->start_time ? s->start_time : "");
  self->text[TD_SESSION_FIELD_END] = g_strdup (s->end_time ? s->end_time : "");
  self->text[TD_SESSION_FIELD_HOURS] = s->minutes > 0 ? td_format_minutes_as_hours (s->minutes)
                                                      : g_strdup ("");
  self->text[TD_SESSION_FIELD_SUBJECT] = g_strdup (s->subject ? s->subject : "");
  /* Stored hours that differ from the span were set by hand: keep them. */
  self->hours_typed = s->minutes > 0 && s->minutes != td_session_span_minutes (s);
}

static void
revalidate (TdSessionForm *self)
{
  read_date (self);
  read_times (self);
  read_hours (self);
  read_subject (self);
}

/* --- overrides -------------------------------------------------------------- */

static void
td_session_form_finalize (GObject *object)
{
  TdSessionForm *self = TD_SESSION_FORM (object);

  for (guint i = 0; i < TD_SESSION_N_FIELDS; i++)
    {
      g_free (self->text[i]);
      g_free (self->error[i]);
    }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (td_session_form_parent_class)->finalize (object);
}

static void
td_session_form_class_init (TdSessionFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_session_form_finalize;
}

static void
td_session_form_init (TdSessionForm *self)
{
}

/* --- public API ------------------------------------------------------------- */

TdSessionForm *
td_session_form_new (TdSession *session, gint64 course_id)
{
  TdSessionForm *self;

  g_return_val_if_fail (session == NULL || TD_IS_SESSION (session), NULL);

  self = g_object_new (TD_TYPE_SESSION_FORM, NULL);
  self->session = session != NULL ? td_session_copy (session) : td_session_new ();
  if (session == NULL)
    self->session->course_id = course_id;
  load_texts (self);
  revalidate (self);
  return self;
}

TdSession *
td_session_form_get_session (TdSessionForm *self)
{
  g_return_val_if_fail (TD_IS_SESSION_FORM (self), NULL);
  return self->session;
}

gboolean
td_session_form_is_new (TdSessionForm *self)
{
  g_return_val_if_fail (TD_IS_SESSION_FORM (self), FALSE);
  return self->session->id == 0;
}

void
td_session_form_set_text (TdSessionForm *self, TdSessionField field, const char *text)
{
  g_return_if_fail (TD_IS_SESSION_FORM (self));
  g_return_if_fail (field < TD_SESSION_N_FIELDS);

  g_free (self->text[field]);
  self->text[field] = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (field == TD_SESSION_FIELD_HOURS)
    self->hours_typed = TRUE;
  revalidate (self);
}

char *
td_session_form_dup_text (TdSessionForm *self, TdSessionField field)
{
  g_return_val_if_fail (TD_IS_SESSION_FORM (self), NULL);
  g_return_val_if_fail (field < TD_SESSION_N_FIELDS, NULL);

  if (self->error[field] != NULL)
    return g_strdup (self->text[field]);
  switch (field)
    {
    case TD_SESSION_FIELD_DATE:
      return td_roc_date_format (self->session->date, TD_ROC_FORMAT_SLASH);
    case TD_SESSION_FIELD_START:
      return g_strdup (self->session->start_time);
    case TD_SESSION_FIELD_END:
      return g_strdup (self->session->end_time);
    default:
      return g_strdup (self->text[field]);
    }
}

void
td_session_form_set_mode (TdSessionForm *self, TdSessionMode mode)
{
  g_return_if_fail (TD_IS_SESSION_FORM (self));
  g_return_if_fail (mode >= TD_SESSION_MODE_THEORY && mode <= TD_SESSION_MODE_PRACTICUM);
  self->session->mode = mode;
}

void
td_session_form_set_lecturer (TdSessionForm *self, gint64 lecturer_id)
{
  g_return_if_fail (TD_IS_SESSION_FORM (self));
  self->session->lecturer_id = lecturer_id;
}

gboolean
td_session_form_get_hours_typed (TdSessionForm *self)
{
  g_return_val_if_fail (TD_IS_SESSION_FORM (self), FALSE);
  return self->hours_typed;
}

const char *
td_session_form_get_error (TdSessionForm *self, TdSessionField field)
{
  g_return_val_if_fail (TD_IS_SESSION_FORM (self), NULL);
  g_return_val_if_fail (field < TD_SESSION_N_FIELDS, NULL);
  return self->error[field];
}

gboolean
td_session_form_is_valid (TdSessionForm *self)
{
  g_return_val_if_fail (TD_IS_SESSION_FORM (self), FALSE);

  for (guint i = 0; i < TD_SESSION_N_FIELDS; i++)
    if (self->error[i] != NULL)
      return FALSE;
  return TRUE;
}

char *
td_session_form_dup_errors (TdSessionForm *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (TD_IS_SESSION_FORM (self), NULL);

  for (guint i = 0; i < TD_SESSION_N_FIELDS; i++)
    if (self->error[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", self->error[i]);
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

gboolean
td_session_form_save (TdSessionForm *self, TdStore *store, int position, GError **error)
{
  g_autoptr (TdSession) saved = NULL;
  g_autofree char *messages = NULL;

  g_return_val_if_fail (TD_IS_SESSION_FORM (self), FALSE);
  g_return_val_if_fail (TD_IS_STORE (store), FALSE);

  messages = td_session_form_dup_errors (self);
  if (messages != NULL)
    {
      g_set_error_literal (error, TD_ERROR, TD_ERROR_INVALID, messages);
      return FALSE;
    }
  /* A copy, so a refused save leaves the form as it was. */
  saved = td_session_copy (self->session);
  if (saved->id == 0)
    saved->position = position;
  if (!td_store_save_session (store, saved, error))
    return FALSE;
  g_set_object (&self->session, saved);
  return TRUE;
}

char *
td_format_minutes_as_hours (int minutes)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (minutes % 60 == 0)
    return g_strdup_printf ("%d", minutes / 60);
  /* Two decimals at most, without trailing zeros, and always a '.' whatever the locale. */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", minutes / 60.0);
  for (char *p = buffer + strlen (buffer) - 1; *p == '0'; p--)
    *p = '\0';
  return g_strdup (buffer);
}
