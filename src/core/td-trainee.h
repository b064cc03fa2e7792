/* td-trainee.h — a person in the trainee directory, with the 附表八 roster fields. */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_TYPE_TRAINEE (td_trainee_get_type ())
G_DECLARE_FINAL_TYPE (TdTrainee, td_trainee, TD, TRAINEE, GObject)

struct _TdTrainee {
  GObject parent_instance;

  gint64 id;                 /* 0 until stored */
  char *national_id;         /* 身分證統一編號 / 居留證號, normalised; unique in the directory */
  char *name;                /* 姓名 */
  char *birth_date;          /* 出生年月日, ISO */
  char *household_address;   /* 戶籍地址 */
  char *contact_address;     /* 連絡地址 */
  char *phone;               /* 電話 */
  char *email;               /* 電子郵件信箱 */
  char *education;           /* 學歷 */
  char *employer;            /* 服務單位 ("待業中" when unemployed) */
  char *qualification_ref;   /* 資格證書字號 */
  char *remark;              /* 備註 (codes 1–5 of 附表八 and free text) */
  gboolean has_photo;        /* a photo is stored (fetch it with td_store_get_trainee_photo) */
};

TdTrainee *td_trainee_new (void);
TdTrainee *td_trainee_copy (TdTrainee *self);
gboolean   td_trainee_equal (TdTrainee *a, TdTrainee *b);

/* The ID masked for display (A12****789); newly allocated. */
char      *td_trainee_dup_masked_id (TdTrainee *self);

G_END_DECLS
