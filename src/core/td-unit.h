/* td-unit.h — the training unit (訓練單位) running this desk: what forms print in their header. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TdUnit {
  char *title;               /* 全銜 */
  char *address;
  char *responsible_person;  /* 負責人 */
  char *approval_ref;        /* 認可/核准文號 */
  char *region;              /* approved region (OSH art. 24) */
  char *phone;
} TdUnit;

#define TD_TYPE_UNIT (td_unit_get_type ())
GType   td_unit_get_type (void) G_GNUC_CONST;
TdUnit *td_unit_new (void);
TdUnit *td_unit_copy (const TdUnit *unit);
void    td_unit_free (TdUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdUnit, td_unit_free)

G_END_DECLS
