/* td-attendance-common.c — pieces shared by the attendance desk and the attendance grid */
#include "config.h"

#define G_LOG_DOMAIN "td-attendance-common"

#include <glib/gi18n.h>
#include <string.h>

#include "td-attendance-common.h"
#include "td-roc-date.h"

char *
td_attendance_format_hours (gint64 minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, minutes / 60);
  return g_strdup_printf ("%.1f", minutes / 60.0);
}

char *
td_attendance_dup_leave_label (const char *kind)
{
  if (g_strcmp0 (kind, "personal") == 0)
    return g_strdup (_("Leave (personal)"));
  if (g_strcmp0 (kind, "sick") == 0)
    return g_strdup (_("Leave (sick)"));
  if (kind != NULL && kind[0] != '\0')
    return g_strdup_printf (_("Leave (%s)"), kind);
  return g_strdup (_("Leave"));
}

char *
td_attendance_dup_local_instant (const char *instant)
{
  g_autoptr (GDateTime) utc = instant != NULL ? g_date_time_new_from_iso8601 (instant, NULL) : NULL;
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *iso = NULL;
  g_autofree char *roc = NULL;
  g_autofree char *time = NULL;

  if (local == NULL)
    return g_strdup (instant != NULL ? instant : "");
  iso = g_date_time_format (local, "%Y-%m-%d");
  roc = td_roc_date_format (iso, TD_ROC_FORMAT_SLASH);
  time = g_date_time_format (local, "%H:%M:%S");
  return g_strdup_printf ("%s %s", roc, time);
}

static char *
dup_event_what (const TdAttendance *a)
{
  if (a->status == TD_ATTENDANCE_PRESENT)
    return g_strdup_printf (_("present, in %s, out %s"), a->in_time != NULL ? a->in_time : "—",
                            a->out_time != NULL ? a->out_time : "—");
  if (a->status == TD_ATTENDANCE_LEAVE)
    return td_attendance_dup_leave_label (a->leave_kind);
  return g_strdup (_("Absent"));
}

char *
td_attendance_dup_event_line (const TdAttendance *a)
{
  g_autofree char *when = td_attendance_dup_local_instant (a->recorded_at);
  g_autofree char *what = dup_event_what (a);
  const char *source = a->source == TD_ATTENDANCE_SOURCE_SCAN    ? _("scan")
                       : a->source == TD_ATTENDANCE_SOURCE_IMPORT ? _("import")
                                                                  : _("desk");
  /* TRANSLATORS: when, what, how (scan / desk / import) and who, one history line */
  g_autofree char *line = g_strdup_printf (_("%s  %s (%s, %s)"), when, what, source,
                                           a->recorded_by != NULL ? a->recorded_by : "");

  if (a->reason == NULL || a->reason[0] == '\0')
    return g_steal_pointer (&line);
  /* TRANSLATORS: a history line, then why the record was corrected */
  return g_strdup_printf (_("%s — corrected: %s"), line, a->reason);
}

char *
td_attendance_dup_history_text (TdStore *store, gint64 session_id, gint64 trainee_id,
                                const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = td_store_list_attendance_history (store, session_id, trainee_id,
                                                                   &error);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n", name != NULL ? name : "");
  if (events == NULL)
    g_string_append (text, error->message);
  else if (events->len == 0)
    g_string_append (text, _("Nothing recorded in this session yet."));
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      g_autofree char *line = td_attendance_dup_event_line (g_ptr_array_index (events, i));
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
    }
  return g_string_free (text, FALSE);
}

char *
td_attendance_dup_rollcall_line (const TdRollcall *r)
{
  const char *time = r->taken_at != NULL && strlen (r->taken_at) >= 16 ? r->taken_at + 11 : "";
  g_autofree char *hhmm = g_strndup (time, 5);
  /* TRANSLATORS: roll-call time, who took it, present and absent counts */
  g_autofree char *line = g_strdup_printf (_("%s by %s: %d present, %d absent"), hhmm,
                                           r->taken_by != NULL ? r->taken_by : "", r->present,
                                           r->absent);

  if (r->note == NULL || r->note[0] == '\0')
    return g_steal_pointer (&line);
  return g_strdup_printf ("%s — %s", line, r->note);
}

int
td_attendance_rollcall_delay (TdRulePack *pack)
{
  GPtrArray *entries = pack != NULL ? td_rule_pack_get_entries (pack) : NULL;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const TdRuleEntry *e = g_ptr_array_index (entries, i);
      const TdRuleParam *after;

      if (!g_str_equal (e->id, "attendance.rollcall"))
        continue;
      after = td_rule_entry_get_param (e, "after-first-period");
      if (after != NULL)
        return (int) td_rule_param_get_minutes (after);
    }
  return -1;
}

/* --- the roll-call dialog --------------------------------------------------------- */

typedef struct {
  TdSession *session;
  TdRollcallCountFunc count;
  TdRollcallRecordFunc record;
  GObject *data;
  GtkWidget *parent;
  char *due;
  GtkEntry *time;
  GtkSpinButton *present;
  GtkSpinButton *absent;
  GtkEntry *taken_by;
  GtkEntry *note;
  GtkLabel *hint;
} RollcallDialog;

static void
rollcall_dialog_free (RollcallDialog *d)
{
  g_clear_object (&d->session);
  g_clear_object (&d->data);
  g_clear_object (&d->parent);
  g_free (d->due);
  g_free (d);
}

static GtkWidget *
add_field (GtkGrid *grid, int row, const char *label, GtkWidget *field)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  return field;
}

/* Recounts for a valid time, and allows recording only a valid time and a name. */
static void
rollcall_changed_cb (GtkWidget *widget, AdwMessageDialog *dialog)
{
  RollcallDialog *d = g_object_get_data (G_OBJECT (dialog), "td-rollcall");
  const char *time = gtk_editable_get_text (GTK_EDITABLE (d->time));
  g_autofree char *who = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->taken_by))));
  int minutes = td_time_parse_minutes (time);
  int present = 0, absent = 0;

  if (widget == GTK_WIDGET (d->time) && minutes >= 0)
    {
      g_autofree char *hhmm = td_time_format_minutes (minutes);
      d->count (hhmm, &present, &absent, d->data);
      gtk_spin_button_set_value (d->present, present);
      gtk_spin_button_set_value (d->absent, absent);
    }
  gtk_label_set_text (d->hint, minutes < 0 ? _("Write the time as HH:MM, e.g. 09:20.")
                               : who[0] == '\0' ? _("Say who took the roll call.") : "");
  adw_message_dialog_set_response_enabled (dialog, "record", minutes >= 0 && who[0] != '\0');
}

/* The store refused (the database is locked, read-only, the session was deleted
 * meanwhile): the dialog has closed, so a new one comes up with everything that was
 * typed and the reason, and the user can try again or cancel. */
static void
reopen_rollcall (RollcallDialog *d, const char *message)
{
  GtkWidget *dialog = td_rollcall_dialog_new (d->parent, d->session,
                                              gtk_editable_get_text (GTK_EDITABLE (d->time)),
                                              d->due,
                                              gtk_editable_get_text (GTK_EDITABLE (d->taken_by)),
                                              d->count, d->record, d->data);
  RollcallDialog *again = g_object_get_data (G_OBJECT (dialog), "td-rollcall");
  g_autofree char *hint = g_strdup_printf (_("The roll call was not recorded: %s"), message);

  /* After the time: setting it recounts. */
  gtk_spin_button_set_value (again->present, gtk_spin_button_get_value (d->present));
  gtk_spin_button_set_value (again->absent, gtk_spin_button_get_value (d->absent));
  gtk_editable_set_text (GTK_EDITABLE (again->note), gtk_editable_get_text (GTK_EDITABLE (d->note)));
  gtk_label_set_text (again->hint, hint);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rollcall_response_cb (AdwMessageDialog *dialog, const char *response, RollcallDialog *d)
{
  g_autoptr (TdRollcall) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *hhmm = NULL;
  const char *note;

  if (g_strcmp0 (response, "record") != 0)
    return;
  hhmm = td_time_format_minutes (td_time_parse_minutes (gtk_editable_get_text (GTK_EDITABLE (d->time))));
  note = gtk_editable_get_text (GTK_EDITABLE (d->note));
  r = g_new0 (TdRollcall, 1);
  r->session_id = d->session->id;
  r->taken_at = g_strdup_printf ("%sT%s:00", d->session->date, hhmm);
  r->taken_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->taken_by)));
  r->present = gtk_spin_button_get_value_as_int (d->present);
  r->absent = gtk_spin_button_get_value_as_int (d->absent);
  r->note = note[0] != '\0' ? g_strdup (note) : NULL;
  if (!d->record (r, d->data, &error))
    reopen_rollcall (d, error->message);
}

static GtkWidget *
new_count_spin (void)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 9999, 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  return spin;
}

static GtkWidget *
build_rollcall_fields (RollcallDialog *d, const char *time, const char *taken_by)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  d->time = GTK_ENTRY (add_field (grid, 0, _("_Taken at"), gtk_entry_new ()));
  gtk_editable_set_text (GTK_EDITABLE (d->time), time);
  d->present = GTK_SPIN_BUTTON (add_field (grid, 1, _("_Present"), new_count_spin ()));
  /* TRANSLATORS: not present at the roll call (not truancy) */
  d->absent = GTK_SPIN_BUTTON (add_field (grid, 2, C_("roll call", "_Absent"), new_count_spin ()));
  d->taken_by = GTK_ENTRY (add_field (grid, 3, _("Taken _by"), gtk_entry_new ()));
  gtk_editable_set_text (GTK_EDITABLE (d->taken_by), taken_by != NULL ? taken_by : "");
  d->note = GTK_ENTRY (add_field (grid, 4, _("_Note"), gtk_entry_new ()));
  gtk_entry_set_activates_default (d->note, TRUE);
  d->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->hint, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->hint), "error");
  gtk_grid_attach (grid, GTK_WIDGET (d->hint), 0, 5, 2, 1);
  return GTK_WIDGET (grid);
}

GtkWidget *
td_rollcall_dialog_new (GtkWidget *parent, TdSession *session, const char *time,
                        const char *due, const char *taken_by, TdRollcallCountFunc count,
                        TdRollcallRecordFunc record, gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  RollcallDialog *d = g_new0 (RollcallDialog, 1);
  g_autofree char *date = td_roc_date_format (session->date, TD_ROC_FORMAT_SLASH);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Roll Call"), NULL);

  d->session = g_object_ref (session);
  d->count = count;
  d->record = record;
  d->data = g_object_ref (data);
  d->parent = g_object_ref (parent);
  d->due = g_strdup (due);
  g_object_set_data_full (G_OBJECT (dialog), "td-rollcall", d, (GDestroyNotify) rollcall_dialog_free);
  if (due != NULL)
    /* TRANSLATORS: the session's date, start and end, then when the roll call is due */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("%s %s–%s. The roll call is due at %s."),
                                    date, session->start_time, session->end_time, due);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s–%s", date,
                                    session->start_time, session->end_time);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      build_rollcall_fields (d, time, taken_by));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "record", _("_Record Roll Call"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (d->time, "changed", G_CALLBACK (rollcall_changed_cb), dialog);
  g_signal_connect (d->taken_by, "changed", G_CALLBACK (rollcall_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (rollcall_response_cb), d);
  rollcall_changed_cb (GTK_WIDGET (d->time), ADW_MESSAGE_DIALOG (dialog));
  return dialog;
}
