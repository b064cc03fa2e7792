/* td-form-catalog.c — the table of the statutory forms of a course */
#include "config.h"

#define G_LOG_DOMAIN "td-print"

#include <glib/gi18n.h>

#include "td-form-catalog.h"

/* In the order `tdesk print --list` has always shown them; the numbers are those of
 * docs/forms.md. Scores have no 附表 of their own: health courses keep 格式十四 too. */
static const TdFormEntry catalog[] = {
  { "signin-sheet", N_("Sign-in sheet"),
    N_("sign-in sheet, one per session (格式十二 / 附表十三)"), "格式十二", "附表十三",
    td_form_render_signin_sheet },
  { "rollcall", N_("Roll-call record"), N_("roll-call record (格式十三 / 附表十四)"), "格式十三",
    "附表十四", td_form_render_rollcall },
  { "roster", N_("Roster"), N_("roster with full IDs (格式九 / 附表八)"), "格式九", "附表八",
    td_form_render_roster },
  { "scores", N_("Score book"), N_("score book (格式十四)"), "格式十四", "格式十四",
    td_form_render_scores },
  { "issuance-list", N_("Certificate issuance list"),
    N_("certificate issuance list (格式十五 / 格式十六 / 附表十一)"), "格式十五／格式十六",
    "附表十一", td_form_render_issuance_list },
  { "plan", N_("Training plan filing"), N_("training plan filing (格式六 / 附表五)"), "格式六",
    "附表五", td_form_render_plan },
  { "schedule", N_("Course schedule"), N_("course schedule (格式七 / 附表六)"), "格式七",
    "附表六", td_form_render_schedule },
  { "lecturers", N_("Lecturer list"), N_("lecturer list (格式八 / 附表七)"), "格式八", "附表七",
    td_form_render_lecturers },
  { "inservice-record", N_("In-service training record"),
    N_("in-service training record (格式十七) / hours list (附表十二)"), "格式十七", "附表十二",
    td_form_render_inservice_record },
  { "practicum", N_("Practicum report review"), N_("practicum report review (附表九)"), NULL,
    "附表九", td_form_render_practicum },
  /* Not a statutory form: no number, so the Documents tab leaves it to the roster's
   * "Print Badges…". */
  { "badges", N_("Trainee badges"), N_("trainee badges with personal QR codes, 10 a page"),
    NULL, NULL, td_form_render_badges },
  { NULL },
};

const TdFormEntry *
td_form_catalog_get (void)
{
  return catalog;
}

const TdFormEntry *
td_form_catalog_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (const TdFormEntry *e = catalog; e->id != NULL; e++)
    if (g_str_equal (e->id, id))
      return e;
  return NULL;
}

const char *
td_form_entry_get_number (const TdFormEntry *entry, TdRegime regime)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return regime == TD_REGIME_HEALTH ? entry->health_number : entry->osh_number;
}
