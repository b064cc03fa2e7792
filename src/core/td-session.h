/* td-session.h — one class session (課程/節) of a course: a date, a time span, a subject. */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_TYPE_SESSION (td_session_get_type ())
G_DECLARE_FINAL_TYPE (TdSession, td_session, TD, SESSION, GObject)

struct _TdSession {
  GObject parent_instance;

  gint64 id;               /* 0 until stored */
  gint64 course_id;
  char *external_id;       /* id in the exchange file, or NULL */
  char *date;              /* ISO date */
  char *start_time;        /* "HH:MM" */
  char *end_time;          /* "HH:MM" */
  char *subject;
  TdSessionMode mode;
  int minutes;             /* statutory length in minutes (hours × 60); editable */
  gint64 lecturer_id;      /* 0 = none */
  int position;            /* order within the timetable */
};

TdSession *td_session_new (void);
TdSession *td_session_copy (TdSession *self);
gboolean   td_session_equal (TdSession *a, TdSession *b);

/* Minutes between start_time and end_time, or -1 when either is not a valid "HH:MM"
 * or the end is not after the start. */
int        td_session_span_minutes (TdSession *self);

/* Parses "H:MM" / "HH:MM" / "HHMM" into minutes since midnight; -1 when invalid. */
int        td_time_parse_minutes (const char *text);
char      *td_time_format_minutes (int minutes);

G_END_DECLS
