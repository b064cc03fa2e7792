/* td-form-catalog.h — every statutory form of a course, in the order the authorities ask
 * for them: one table that the command line (`tdesk print`) and the application's
 * Documents tab both list, so a new form appears in both at once. */
#pragma once

#include "td-forms.h"
#include "td-types.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;              /* the FORM name of `tdesk print` */
  const char *label;           /* N_() marked: the form's short name */
  const char *summary;         /* N_() marked: the line of `tdesk print --list` */
  const char *osh_number;      /* 格式 of the OSH rules, NULL when they have no such form */
  const char *health_number;   /* 附表 of the health directive, NULL when it has none */
  TdFormRenderFunc render;
} TdFormEntry;

/* The forms, ended by an entry whose id is NULL. */
const TdFormEntry *td_form_catalog_get (void);
const TdFormEntry *td_form_catalog_lookup (const char *id);

/* The form's number as a course of @regime files it (e.g. "格式十二", "附表十三"), or NULL
 * when that regime has no such form. Regimes other than health use the OSH layouts. */
const char        *td_form_entry_get_number (const TdFormEntry *entry, TdRegime regime);

G_END_DECLS
