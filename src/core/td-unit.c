/* td-unit.c — the training unit record */
#include "config.h"

#include "td-unit.h"

G_DEFINE_BOXED_TYPE (TdUnit, td_unit, td_unit_copy, td_unit_free)

TdUnit *
td_unit_new (void)
{
  return g_new0 (TdUnit, 1);
}

TdUnit *
td_unit_copy (const TdUnit *unit)
{
  TdUnit *copy = td_unit_new ();

  copy->title = g_strdup (unit->title);
  copy->address = g_strdup (unit->address);
  copy->responsible_person = g_strdup (unit->responsible_person);
  copy->approval_ref = g_strdup (unit->approval_ref);
  copy->region = g_strdup (unit->region);
  copy->phone = g_strdup (unit->phone);
  return copy;
}

void
td_unit_free (TdUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->title);
  g_free (unit->address);
  g_free (unit->responsible_person);
  g_free (unit->approval_ref);
  g_free (unit->region);
  g_free (unit->phone);
  g_free (unit);
}
