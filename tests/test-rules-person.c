/* test-rules-person.c — the person-level rules over hand-built histories, with the
 * shipped osh and vr-ce packs, at the boundaries the packs' citations set. */
#include "config.h"

#include "td-rules-person.h"

typedef struct {
  TdRulePack *osh;
  TdRulePack *vr_ce;
  TdPersonHistory *history;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->osh = td_rule_pack_load_for_regime (TD_REGIME_OSH, &error);
  g_assert_no_error (error);
  f->vr_ce = td_rule_pack_load_for_regime (TD_REGIME_VR_CE, &error);
  g_assert_no_error (error);
  f->history = td_person_history_new (7);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->osh);
  g_clear_object (&f->vr_ce);
  g_clear_pointer (&f->history, td_person_history_free);
}

static TdQualification *
add_role (Fixture *f, int role, const char *since)
{
  TdQualification *q = td_qualification_new ();

  q->id = f->history->qualifications->len + 1;
  q->trainee_id = 7;
  q->kind = TD_QUALIFICATION_INSERVICE_ROLE;
  q->role = role;
  q->since = g_strdup (since);
  g_ptr_array_add (f->history->qualifications, q);
  return q;
}

static TdQualification *
add_qualification (Fixture *f, const char *slug, const char *since)
{
  TdQualification *q = td_qualification_new ();

  q->id = f->history->qualifications->len + 1;
  q->trainee_id = 7;
  q->kind = TD_QUALIFICATION_VR_CE;
  q->qualification = g_strdup (slug);
  q->since = g_strdup (since);
  g_ptr_array_add (f->history->qualifications, q);
  return q;
}

static TdCertificateCycle *
add_cycle (Fixture *f, const TdQualification *q, const char *start, const char *end)
{
  TdCertificateCycle *c = td_certificate_cycle_new ();

  c->id = f->history->cycles->len + 1;
  c->trainee_id = 7;
  c->qualification_id = q->id;
  c->start = g_strdup (start);
  c->end = g_strdup (end);
  g_ptr_array_add (f->history->cycles, c);
  return c;
}

static void
add_leave (TdCertificateCycle *c, const char *start, const char *end)
{
  TdCycleLeave *l = td_cycle_leave_new ();

  l->cycle_id = c->id;
  l->start = g_strdup (start);
  l->end = g_strdup (end);
  g_ptr_array_add (c->leaves, l);
}

static void
add_hours (Fixture *f, const char *date, int minutes, TdHoursCategory category, int role)
{
  TdHoursRecord *h = td_hours_record_new ();

  h->trainee_id = 7;
  h->date = g_strdup (date);
  h->title = g_strdup ("課程");
  h->minutes = minutes;
  h->category = category;
  h->role = role;
  g_ptr_array_add (f->history->hours, h);
}

/* The findings of @rule at @today. */
static GPtrArray *
check (Fixture *f, const char *rule, const char *today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = td_rules_check_person_history (f->history, f->osh, f->vr_ce, today,
                                                            &error);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_finding_free);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      TdFinding *x = g_ptr_array_index (all, i);
      g_assert_cmpint (x->trainee_id, ==, 7);
      g_assert_cmpint (x->course_id, ==, 0);
      g_assert_nonnull (x->article);
      g_assert_nonnull (x->action);
      if (g_str_equal (x->rule, rule))
        g_ptr_array_add (out, td_finding_copy (x));
    }
  return out;
}

/* The single finding of @rule at @today, asserting its severity. */
static TdFinding *
check_one (Fixture *f, const char *rule, const char *today, TdSeverity severity)
{
  g_autoptr (GPtrArray) found = check (f, rule, today);
  TdFinding *x;

  g_assert_cmpuint (found->len, ==, 1);
  x = td_finding_copy (g_ptr_array_index (found, 0));
  g_assert_cmpint (x->severity, ==, severity);
  return x;
}

static void
check_none (Fixture *f, const char *rule, const char *today)
{
  g_autoptr (GPtrArray) found = check (f, rule, today);
  g_assert_cmpuint (found->len, ==, 0);
}

/* --- inservice.periodic-hours ------------------------------------------------- */

static void
test_inservice_role1_exact (Fixture *f, gconstpointer data)
{
  g_autoptr (TdFinding) x = NULL;

  /* Role 1: 6 h every 2 years. The first period is 2024-01-01 to 2025-12-31. */
  add_role (f, 1, "2024-01-01");
  add_hours (f, "2025-12-31", 6 * 60, TD_HOURS_INSERVICE, 1);
  /* Hours of the next period do not count for this one. */
  add_hours (f, "2026-01-01", 6 * 60, TD_HOURS_INSERVICE, 1);
  check_none (f, "inservice.periodic-hours", "2026-01-01");

  check_none (f, "inservice.periodic-hours", "2027-12-31");
  /* 2026–2027 had the 6 h of 2026-01-01; 2028–2029 is the current period. */
  x = check_one (f, "inservice.periodic-hours", "2028-01-01", TD_SEVERITY_INFO);
  g_assert_cmpstr (x->due, ==, "2029-12-31");
}

static void
test_inservice_short (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (TdFinding) x = NULL;

  add_role (f, 1, "2024-01-01");
  add_hours (f, "2025-06-01", 5 * 60 + 59, TD_HOURS_INSERVICE, 1);
  /* Hours of another role never count. */
  add_hours (f, "2025-06-01", 60, TD_HOURS_INSERVICE, 2);
  x = check_one (f, "inservice.periodic-hours", "2025-06-02", TD_SEVERITY_INFO);
  g_assert_cmpstr (x->due, ==, "2025-12-31");
  g_clear_pointer (&x, td_finding_free);
  /* Warn 3 months before the period's last day. */
  x = check_one (f, "inservice.periodic-hours", "2025-09-29", TD_SEVERITY_INFO);
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "inservice.periodic-hours", "2025-09-30", TD_SEVERITY_WARNING);
  g_assert_nonnull (strstr (x->message, "2025-12-31"));
  g_clear_pointer (&x, td_finding_free);

  /* After the period: an error for the period, and the new period is due. */
  found = check (f, "inservice.periodic-hours", "2026-01-01");
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (((TdFinding *) g_ptr_array_index (found, 0))->severity, ==, TD_SEVERITY_ERROR);
  g_assert_cmpstr (((TdFinding *) g_ptr_array_index (found, 0))->due, ==, "2025-12-31");
  g_assert_cmpstr (((TdFinding *) g_ptr_array_index (found, 0))->article, ==,
                   "職業安全衛生教育訓練規則第19條第1項");
}

static void
test_inservice_roles (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (TdFinding) x = NULL;

  /* Role 13: 3 h every 3 years; role 14 has no hours in art. 19. */
  add_role (f, 13, "2024-01-01");
  add_role (f, 14, "2024-01-01");
  add_hours (f, "2026-12-31", 3 * 60, TD_HOURS_INSERVICE, 13);
  /* 2024–2026 complete: only the new period's reminder. */
  x = check_one (f, "inservice.periodic-hours", "2027-01-01", TD_SEVERITY_INFO);
  g_assert_cmpstr (x->due, ==, "2029-12-31");
  g_assert_nonnull (strstr (x->message, "role 13"));
  g_clear_pointer (&x, td_finding_free);
  add_role (f, 3, "2024-01-01");
  found = check (f, "inservice.periodic-hours", "2027-01-01");
  g_assert_cmpuint (found->len, ==, 3);
  x = td_finding_copy (g_ptr_array_index (found, 0));
  g_assert_cmpint (x->severity, ==, TD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (x->message, "role 3:"));
  g_assert_nonnull (strstr (x->message, "at least 12 h"));
  /* Nothing before the person took up the role. */
  check_none (f, "inservice.periodic-hours", "2023-12-31");
}

/* --- ce.cycle-hours ---------------------------------------------------------------- */

static void
test_cycle_exact_split (Fixture *f, gconstpointer data)
{
  TdQualification *q = add_qualification (f, "vr-case-manager", "2020-01-01");

  add_cycle (f, q, "2024-04-01", "2027-03-31");
  add_hours (f, "2024-04-01", 50 * 60, TD_HOURS_CE_PROFESSIONAL, 0);
  add_hours (f, "2025-01-01", 4 * 60, TD_HOURS_CE_REGULATIONS, 0);
  add_hours (f, "2027-03-31", 3 * 60, TD_HOURS_CE_ETHICS, 0);
  add_hours (f, "2026-01-01", 3 * 60, TD_HOURS_CE_QUALITY, 0);
  /* Exactly 60 h: 54 + 6. */
  check_none (f, "ce.cycle-hours", "2027-04-01");
}

static void
test_cycle_split_fails (Fixture *f, gconstpointer data)
{
  TdQualification *q = add_qualification (f, "vr-case-manager", "2020-01-01");
  g_autoptr (TdFinding) x = NULL;

  add_cycle (f, q, "2024-04-01", "2027-03-31");
  /* 53.9 h + 6.1 h: 60 h in all, but short of 54 h. */
  add_hours (f, "2024-05-01", 53 * 60 + 54, TD_HOURS_CE_PROFESSIONAL, 0);
  add_hours (f, "2024-05-01", 6 * 60 + 6, TD_HOURS_CE_ETHICS, 0);
  /* Hours before the cycle do not count. */
  add_hours (f, "2024-03-31", 10 * 60, TD_HOURS_CE_REGULATIONS, 0);
  x = check_one (f, "ce.cycle-hours", "2027-04-01", TD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (x->message, "0.1 h of professional + regulations"));
  g_assert_null (strstr (x->message, "ethics"));
  g_clear_pointer (&x, td_finding_free);
  /* Before the end: information, then a warning 6 months before. */
  x = check_one (f, "ce.cycle-hours", "2026-09-29", TD_SEVERITY_INFO);
  g_assert_nonnull (strstr (x->message, "CE hours still missing"));
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "ce.cycle-hours", "2026-09-30", TD_SEVERITY_WARNING);
  g_assert_cmpstr (x->due, ==, "2027-03-31");
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "ce.cycle-hours", "2027-03-31", TD_SEVERITY_WARNING);
}

static void
test_cycle_centre_hours (Fixture *f, gconstpointer data)
{
  TdQualification *q = add_qualification (f, "vr-supervisor", "2020-01-01");
  g_autoptr (TdFinding) x = NULL;

  add_cycle (f, q, "2024-04-01", "2027-03-31");
  add_hours (f, "2025-05-01", 42 * 60, TD_HOURS_CE_PROFESSIONAL, 0);
  add_hours (f, "2025-05-01", 6 * 60, TD_HOURS_CE_QUALITY, 0);
  /* A course of this centre, field not recorded: counts towards the 60 h only. */
  add_hours (f, "2025-05-01", 12 * 60, TD_HOURS_CE_UNSPECIFIED, 0);
  x = check_one (f, "ce.cycle-hours", "2025-06-01", TD_SEVERITY_INFO);
  g_assert_cmpstr (
      x->message, ==,
      "督導: CE hours still missing: 12 h of professional + regulations by 2027-03-31.");
}

/* --- ce.renewal-window and leave ------------------------------------------------- */

static void
test_renewal_window_edges (Fixture *f, gconstpointer data)
{
  TdQualification *q = add_qualification (f, "vr-case-manager", "2020-01-01");
  g_autoptr (TdFinding) x = NULL;

  add_cycle (f, q, "2024-04-01", "2027-03-31");
  check_none (f, "ce.renewal-window", "2026-12-30");
  x = check_one (f, "ce.renewal-window", "2026-12-31", TD_SEVERITY_WARNING);
  g_assert_nonnull (strstr (x->message, "2026-12-31"));
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "ce.renewal-window", "2027-03-31", TD_SEVERITY_WARNING);
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "ce.renewal-window", "2027-04-01", TD_SEVERITY_ERROR);
  g_assert_cmpstr (x->due, ==, "2027-03-31");
  /* A renewed cycle recorded: nothing to ask for. */
  add_cycle (f, q, "2027-04-01", "2030-03-31");
  check_none (f, "ce.renewal-window", "2027-03-01");
  check_none (f, "ce.renewal-window", "2027-03-31");
}

static void
test_leave_extends (Fixture *f, gconstpointer data)
{
  TdQualification *q = add_qualification (f, "vr-case-manager", "2020-01-01");
  TdCertificateCycle *c = add_cycle (f, q, "2024-04-01", "2027-03-31");
  g_autoptr (TdFinding) x = NULL;

  /* Exactly 3 months (2025-01-01 to 2025-03-31, 90 days) extends to 2027-06-29. */
  add_leave (c, "2025-01-01", "2025-03-31");
  x = check_one (f, "ce.renewal-window", "2027-04-15", TD_SEVERITY_WARNING);
  g_assert_cmpstr (x->due, ==, "2027-06-29");
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "ce.cycle-hours", "2027-06-29", TD_SEVERITY_WARNING);
  g_assert_cmpstr (x->due, ==, "2027-06-29");
}

static void
test_short_leave_does_not_extend (Fixture *f, gconstpointer data)
{
  TdQualification *q = add_qualification (f, "vr-case-manager", "2020-01-01");
  TdCertificateCycle *c = add_cycle (f, q, "2024-04-01", "2027-03-31");
  g_autoptr (TdFinding) x = NULL;

  /* One day short of 3 months. */
  add_leave (c, "2025-01-01", "2025-03-30");
  x = check_one (f, "ce.renewal-window", "2027-04-15", TD_SEVERITY_ERROR);
  g_assert_cmpstr (x->due, ==, "2027-03-31");
}

/* --- ce.initial-training ---------------------------------------------------------- */

static void
test_initial_employment_specialist (Fixture *f, gconstpointer data)
{
  g_autoptr (TdFinding) x = NULL;

  /* 36 h within one year of the hire on 2024-03-01: by 2025-02-28. */
  add_qualification (f, "vr-employment-specialist", "2024-03-01");
  add_hours (f, "2024-06-01", 35 * 60 + 30, TD_HOURS_VR_TRAINING, 0);
  add_hours (f, "2025-02-28", 20, TD_HOURS_CE_PROFESSIONAL, 0);   /* not training */
  x = check_one (f, "ce.initial-training", "2024-11-27", TD_SEVERITY_INFO);
  g_assert_cmpstr (x->due, ==, "2025-02-28");
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "ce.initial-training", "2024-11-28", TD_SEVERITY_WARNING);
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "ce.initial-training", "2025-03-01", TD_SEVERITY_ERROR);
  g_assert_nonnull (strstr (x->message, "35.5"));
  /* The missing half hour on the last day completes it. */
  add_hours (f, "2025-02-28", 30, TD_HOURS_VR_TRAINING, 0);
  check_none (f, "ce.initial-training", "2025-03-01");
}

static void
test_initial_evaluator (Fixture *f, gconstpointer data)
{
  g_autoptr (TdFinding) x = NULL;

  add_qualification (f, "vr-evaluator", "2024-03-01");
  add_hours (f, "2026-03-01", 60 * 60, TD_HOURS_VR_TRAINING, 0);   /* one day late */
  x = check_one (f, "ce.initial-training", "2026-03-01", TD_SEVERITY_ERROR);
  g_assert_cmpstr (x->due, ==, "2026-02-28");
  /* No deadline for the case manager: the seed gives no hours. */
  add_qualification (f, "vr-case-manager", "2024-03-01");
  g_clear_pointer (&x, td_finding_free);
  x = check_one (f, "ce.initial-training", "2026-03-01", TD_SEVERITY_ERROR);
}

static void
test_bad_today (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = td_rules_check_person_history (f->history, f->osh, f->vr_ce,
                                                              "2024-02-30", &error);

  g_assert_error (error, TD_ERROR, TD_ERROR_INVALID);
  g_assert_null (found);
  g_assert_true (td_rules_is_person_rule ("ce.cycle-hours"));
  g_assert_false (td_rules_is_person_rule ("attendance.dismissal"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/rules-person/inservice/role1-exact", test_inservice_role1_exact);
  ADD ("/rules-person/inservice/short", test_inservice_short);
  ADD ("/rules-person/inservice/roles", test_inservice_roles);
  ADD ("/rules-person/cycle/exact-split", test_cycle_exact_split);
  ADD ("/rules-person/cycle/split-fails", test_cycle_split_fails);
  ADD ("/rules-person/cycle/centre-hours", test_cycle_centre_hours);
  ADD ("/rules-person/renewal/window-edges", test_renewal_window_edges);
  ADD ("/rules-person/renewal/leave-extends", test_leave_extends);
  ADD ("/rules-person/renewal/short-leave", test_short_leave_does_not_extend);
  ADD ("/rules-person/initial/employment-specialist", test_initial_employment_specialist);
  ADD ("/rules-person/initial/evaluator", test_initial_evaluator);
  ADD ("/rules-person/bad-today", test_bad_today);
  return g_test_run ();
}
