/* td-rule-pack.h — the thresholds and citations of one regime's rules (data/rules/).
 *
 * A rule pack says which rules apply to which course kinds and categories, at what
 * severity, citing which article, with every number the rule needs and the words of
 * the regulation that number comes from. The engine (td-rules.h) holds no thresholds:
 * it reads them all from here. Loading is strict: unknown keys, unknown rule ids,
 * missing or mistyped parameters are errors that name the JSON path.
 */
#pragma once

#include <glib-object.h>

#include "td-course.h"
#include "td-finding.h"
#include "td-types.h"

G_BEGIN_DECLS

typedef enum {
  TD_RULE_UNIT_MINUTES,
  TD_RULE_UNIT_HOURS,
  TD_RULE_UNIT_DAYS,
  TD_RULE_UNIT_MONTHS,
  TD_RULE_UNIT_YEARS,
  TD_RULE_UNIT_TIME,       /* a time of day, "HH:MM" */
  TD_RULE_UNIT_COUNT,
  TD_RULE_UNIT_FRACTION,   /* "1/5" */
  TD_RULE_UNIT_FLAG,       /* true / false */
} TdRuleUnit;

typedef struct _TdRuleParam {
  char *name;
  TdRuleUnit unit;
  /* minutes for minutes, hours and time (minutes since midnight); the number itself
   * for days, months, years and count; 0/1 for a flag; the numerator of a fraction. */
  gint64 value;
  gint64 denominator;      /* fractions only */
  char *citation;          /* the words of the regulation, verbatim */
  char *interpretation;    /* how an ambiguous text is read, or NULL */
  char *setting;           /* centre setting that overrides the value, or NULL */
} TdRuleParam;

typedef struct _TdRuleEntry {
  char *id;
  TdSeverity severity;
  char *article;
  char *interpretation;
  guint kinds;             /* bit (1 << TdCourseKind) per kind; 0 = every kind */
  GStrv categories;        /* NULL = every category */
  GStrv except_categories;
  int group_discussion;    /* -1 = either, else the course's flag must equal it */
  GHashTable *params;      /* name → TdRuleParam* */
} TdRuleEntry;

#define TD_TYPE_RULE_PACK (td_rule_pack_get_type ())
G_DECLARE_FINAL_TYPE (TdRulePack, td_rule_pack, TD, RULE_PACK, GObject)

/* @name names the pack in error messages (e.g. "osh.json"). */
TdRulePack        *td_rule_pack_new_from_data (const char *json, gssize length, const char *name,
                                               GError **error);
/* The pack shipped for @regime, from the core's resources. */
TdRulePack        *td_rule_pack_load_for_regime (TdRegime regime, GError **error);

/* A copy whose parameters that name a centre setting take the value of that setting
 * from @settings (key → text) when present. A malformed value is an error naming the
 * setting. */
TdRulePack        *td_rule_pack_with_settings (TdRulePack *self, GHashTable *settings,
                                               GError **error);

TdRegime           td_rule_pack_get_regime (TdRulePack *self);
const char        *td_rule_pack_get_source (TdRulePack *self);
/* TdRuleEntry* in pack order; a rule id may appear several times (per category). */
GPtrArray         *td_rule_pack_get_entries (TdRulePack *self);
/* "period" (the class period) and "late-after" (lateness that makes a period truant);
 * NULL when the pack has no time model (then it has no attendance rules). */
const TdRuleParam *td_rule_pack_get_time_param (TdRulePack *self, const char *name);

/* The rule ids the engine knows, NULL-terminated (static). */
const char *const *td_rule_pack_known_rules (void);

gboolean           td_rule_entry_applies (const TdRuleEntry *entry, const TdCourse *course);
/* NULL when the entry does not set @name (only optional parameters may be missing). */
const TdRuleParam *td_rule_entry_get_param (const TdRuleEntry *entry, const char *name);

/* Minutes of a minutes/hours/time parameter. */
gint64             td_rule_param_get_minutes (const TdRuleParam *param);
/* @date moved by @sign × the parameter (days, months or years). */
void               td_rule_param_shift_date (const TdRuleParam *param, GDate *date, int sign);
/* TRUE when part/whole ≥ the fraction. */
gboolean           td_rule_param_fraction_reached (const TdRuleParam *param, gint64 part,
                                                   gint64 whole);

G_END_DECLS
