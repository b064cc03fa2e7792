/* td-rules-person.h — rules about one person rather than one course (DOMAIN §5):
 * in-service periodic hours per OSH art. 18 role (art. 19), and the vr-ce
 * continuing-education cycle, renewal window and initial-training deadlines.
 *
 * Like the course rules they are pure functions of (person history, pack, today)
 * and hold no numbers: thresholds come from the packs' entries for these rule ids
 * (osh.json for inservice.*, vr-ce.json for ce.*). Findings name the trainee and no
 * course.
 */
#pragma once

#include <gio/gio.h>

#include "td-finding.h"
#include "td-rule-pack.h"
#include "td-store-qualifications.h"

G_BEGIN_DECLS

/* TRUE for the rule ids this file checks (course checks skip them). */
gboolean   td_rules_is_person_rule (const char *rule_id);

/* Findings for @history: in-service rules from @osh, continuing-education rules from
 * @vr_ce (either may be NULL to skip its rules). @today: ISO date, NULL = the local
 * date. Sorted by td_finding_compare. */
GPtrArray *td_rules_check_person_history (const TdPersonHistory *history, TdRulePack *osh,
                                          TdRulePack *vr_ce, const char *today, GError **error);

/* Loads the person's history and the shipped packs, then checks. */
GPtrArray *td_rules_check_person (TdStore *store, gint64 trainee_id, const char *today,
                                  GError **error);

/* The person pass of a centre-wide check: every person holding a role or
 * qualification, findings appended to @out. */
gboolean   td_rules_append_person_findings (TdStore *store, const char *today,
                                            GCancellable *cancellable, GPtrArray *out,
                                            GError **error);

G_END_DECLS
