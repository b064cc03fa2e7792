/* td-lecturer.h — a lecturer (講師) in the centre's directory */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_TYPE_LECTURER (td_lecturer_get_type ())
G_DECLARE_FINAL_TYPE (TdLecturer, td_lecturer, TD, LECTURER, GObject)

struct _TdLecturer {
  GObject parent_instance;

  gint64 id;                 /* 0 until stored */
  char *name;
  char *national_id;         /* normalised, or NULL */
  char *phone;
  char *email;
  char *address;
  char *education;           /* 學歷 */
  char *post;                /* 現職 */
  char *experience;          /* 經歷 */
  char *qualifications;      /* 資格條款: the clauses met, free text, one per line */
};

TdLecturer *td_lecturer_new (void);
TdLecturer *td_lecturer_copy (TdLecturer *self);
gboolean    td_lecturer_equal (TdLecturer *a, TdLecturer *b);

G_END_DECLS
