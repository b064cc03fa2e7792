/* td-catalogue.h — the category catalogue shipped in data/catalogue/.
 *
 * Every OSH training category of art. 3–18 (names verbatim from the rules, with their
 * article), the health-services course templates of 附表二–四 (subjects verbatim), the
 * vr-ce qualifications, and the learning-hours activity. Each has a stable slug
 * ("first-aid", "general-safety", "forklift", "health-doctor", "health-nurse", …).
 * Statutory hours are data: the shipped values can be corrected by the centre, and the
 * corrections are kept in the store's settings ("catalogue.hours.<slug>").
 */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

typedef struct _TdCategorySubject {
  char *name;                /* subject verbatim */
  int minutes;               /* statutory minutes, 0 when the seed gives none */
  TdSessionMode mode;
} TdCategorySubject;

struct _TdCategory {
  char *slug;
  TdRegime regime;
  char *name;                /* verbatim, zh_TW */
  char *name_en;
  char *article;             /* e.g. "職業安全衛生教育訓練規則第16條" */
  char *group;               /* e.g. "危險性機械操作人員" for art. 12 kinds, or NULL */
  TdCourseKind default_kind;
  int statutory_minutes;     /* total course length; 0 = unknown, for the centre to fill */
  GPtrArray *subjects;       /* TdCategorySubject*, the course template (may be empty) */
};

#define TD_TYPE_CATALOGUE (td_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (TdCatalogue, td_catalogue, TD, CATALOGUE, GObject)

/* The shipped catalogue (from the core's resources). Never fails for shipped data;
 * a broken resource is a programming error reported through @error. */
TdCatalogue      *td_catalogue_load_default (GError **error);
TdCatalogue      *td_catalogue_load_from_data (const char *json, gsize length, GError **error);

/* Every category in catalogue order (by article); TdCategory* owned by the catalogue. */
GPtrArray        *td_catalogue_get_categories (TdCatalogue *self);
const TdCategory *td_catalogue_lookup (TdCatalogue *self, const char *slug);
/* Categories of one regime, in order; owned by the catalogue. */
GPtrArray        *td_catalogue_list_regime (TdCatalogue *self, TdRegime regime);

/* Replaces the statutory minutes of a category (a centre's correction). */
void              td_catalogue_set_statutory_minutes (TdCatalogue *self, const char *slug,
                                                      int minutes);

G_END_DECLS
