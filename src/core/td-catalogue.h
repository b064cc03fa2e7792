/* td-catalogue.h — the category catalogue shipped in data/catalogue/.
 *
 * Every OSH training category of art. 3–18 (names verbatim from the rules, with their
 * article), the health-services course templates of 附表二–四 (subjects verbatim), the
 * vr-ce qualifications, and the learning-hours activity. Each has a stable slug
 * ("first-aid", "general-safety", "forklift", "health-doctor", "health-nurse", …).
 * Statutory hours are data: the shipped values can be corrected by the centre, and the
 * corrections are kept in the store's settings ("catalogue.hours.<slug>", whole minutes).
 * docs/catalogue.md describes the JSON document and every slug.
 */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

typedef struct _TdCategorySubject {
  char *name;                /* subject verbatim */
  int minutes;               /* statutory minutes, 0 when the seed gives none */
  TdSessionMode mode;
  int min_minutes;           /* floor the subject must reach (附表四: 每一類課程至少需二小時),
                                0 when none */
  int practicum_minutes;     /* hands-on part the subject includes (附表三: "含實作4小時"),
                                0 when none */
} TdCategorySubject;

struct _TdCategory {
  char *slug;
  TdRegime regime;
  char *name;                /* verbatim, zh_TW */
  char *name_en;
  char *article;             /* e.g. "職業安全衛生教育訓練規則第16條" */
  char *group;               /* e.g. "具有危險性之機械操作人員" for art. 12 kinds, or NULL */
  TdCourseKind default_kind;
  int statutory_minutes;     /* total course length; 0 = unknown, for the centre to fill */
  GPtrArray *subjects;       /* TdCategorySubject*, the course template (may be empty) */
  char *annex;               /* the table that sets course and hours (e.g. "附表十三"), or NULL */
  int inservice_role;        /* OSH art. 18(1) role number 1–14 of in-service categories, else 0 */
};

/* One of the roles OSH art. 18(1) lists for in-service training, numbered as the article
 * numbers them (款). OSH art. 19 sets each role's periodic hours by these numbers. */
typedef struct _TdInserviceRole {
  int number;                /* 1–14 */
  char *name;                /* verbatim, zh_TW */
  char *name_en;
  char *article;             /* "職業安全衛生教育訓練規則第18條" */
  char *category;            /* slug of the in-service category for this role */
  GStrv works;               /* role 12: the kinds of work it lists, verbatim; else empty */
} TdInserviceRole;

#define TD_TYPE_CATALOGUE (td_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (TdCatalogue, td_catalogue, TD, CATALOGUE, GObject)

/* The shipped catalogue (from the core's resources). Never fails for shipped data;
 * a broken resource is a programming error reported through @error. */
TdCatalogue      *td_catalogue_load_default (GError **error);
/* Parses and validates a catalogue document. Errors are TD_ERROR_INVALID and name the
 * JSON path of the offending value (e.g. "$.categories[3].regime"). */
TdCatalogue      *td_catalogue_load_from_data (const char *json, gsize length, GError **error);

/* Every category in catalogue order (by article). The array and the TdCategory* in it
 * are owned by the catalogue. */
GPtrArray        *td_catalogue_get_categories (TdCatalogue *self);
const TdCategory *td_catalogue_lookup (TdCatalogue *self, const char *slug);
/* Categories of one regime, in order. The array and its elements are owned by the
 * catalogue. */
GPtrArray        *td_catalogue_list_regime (TdCatalogue *self, TdRegime regime);

/* Replaces the statutory minutes of a category (a centre's correction). @slug must name
 * a category and @minutes be >= 0; for user input use
 * td_catalogue_correct_statutory_minutes(), which reports errors instead. */
void              td_catalogue_set_statutory_minutes (TdCatalogue *self, const char *slug,
                                                      int minutes);
/* As td_catalogue_set_statutory_minutes(), but an unknown slug (TD_ERROR_NOT_FOUND) or a
 * negative length (TD_ERROR_INVALID) is an error and changes nothing. */
gboolean          td_catalogue_correct_statutory_minutes (TdCatalogue *self, const char *slug,
                                                          int minutes, GError **error);

/* The store setting that keeps a centre's correction: "catalogue.hours.<slug>". */
char             *td_catalogue_hours_setting_key (const char *slug);
/* Applies one stored setting. Keys outside "catalogue.hours." are not the catalogue's
 * and are ignored (TRUE). The value is whole minutes in decimal; a bad value or an
 * unknown slug is an error naming the key, and changes nothing. */
gboolean          td_catalogue_apply_setting (TdCatalogue *self, const char *key,
                                              const char *value, GError **error);

/* Applies every correction kept in @store's settings to the catalogue. A stored value that
 * is not whole minutes is an error naming the key; the catalogue keeps what it had before
 * that key. Settings of slugs the catalogue no longer has are skipped. */
gboolean          td_catalogue_load_corrections (TdCatalogue *self, TdStore *store,
                                                 GError **error);
/* A centre's correction, validated as td_catalogue_correct_statutory_minutes() does,
 * saved in @store's settings and applied to the catalogue. Nothing changes on error. */
gboolean          td_catalogue_save_correction (TdCatalogue *self, TdStore *store,
                                                const char *slug, int minutes,
                                                GError **error);

/* The 14 roles of OSH art. 18(1), ordered by number. The array and its elements are
 * owned by the catalogue. */
GPtrArray             *td_catalogue_get_inservice_roles (TdCatalogue *self);
/* The role numbered @number (1–14), or NULL. */
const TdInserviceRole *td_catalogue_get_inservice_role (TdCatalogue *self, int number);

G_END_DECLS
