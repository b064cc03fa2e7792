/* td-enrolment.h — a trainee's place on a course roster, with the roster row number. */
#pragma once

#include <glib-object.h>

#include "td-trainee.h"
#include "td-types.h"

G_BEGIN_DECLS

#define TD_TYPE_ENROLMENT (td_enrolment_get_type ())
G_DECLARE_FINAL_TYPE (TdEnrolment, td_enrolment, TD, ENROLMENT, GObject)

struct _TdEnrolment {
  GObject parent_instance;

  gint64 id;                 /* 0 until stored */
  gint64 course_id;
  char *external_id;         /* trainee id in the exchange file, or NULL */
  int seq;                   /* 序號 on the roster */
  TdEnrolmentStatus status;
  char *credits;             /* 抵免: what was credited, free text */
  TdTrainee *trainee;        /* the person (owned) */
};

TdEnrolment *td_enrolment_new (TdTrainee *trainee);

G_END_DECLS
