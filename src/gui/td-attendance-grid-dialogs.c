/* td-attendance-grid-dialogs.c — what the cells' menu does to the cursor's cell:
 * present and absent at once, and the dialogs for a late sign-in, leave, a make-up,
 * a correction (with its required reason) and the cell's history. Each dialog writes
 * through the grid's public API, which checks the input and reloads. */
#include "config.h"

#define G_LOG_DOMAIN "td-attendance-grid"

#include <glib/gi18n.h>

#include "td-attendance-common.h"
#include "td-attendance-grid-private.h"
#include "td-dialogs.h"
#include "td-roc-date.h"

/* --- a cell's form ------------------------------------------------------------------- */

typedef struct {
  TdAttendanceGrid *grid;
  gint64 session_id;
  gint64 trainee_id;
  gboolean recorded;
  GtkDropDown *status;      /* correction: present, absent */
  GtkEntry *in_time;
  GtkEntry *out_time;
  GtkEntry *reason;
  GtkDropDown *kind;        /* leave */
  GtkSpinButton *hours;
  GtkEntry *proof;
  GtkDropDown *choice;      /* make-up */
  GtkSpinButton *minutes;
  GPtrArray *choices;       /* TdSession* */
} CellForm;

static void
cell_form_free (CellForm *form)
{
  g_clear_object (&form->grid);
  g_clear_pointer (&form->choices, g_ptr_array_unref);
  g_free (form);
}

static GtkWidget *
form_field (GtkGrid *grid, const char *label, GtkWidget *field)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  int row = 0;

  while (gtk_grid_get_child_at (grid, 0, row) != NULL)
    row++;
  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  return field;
}

static GtkEntry *
form_entry (GtkGrid *grid, const char *label, const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return GTK_ENTRY (form_field (grid, label, entry));
}

/* A dialog about the cursor's cell: "<name>, <date> <start>–<end>" as its body. */
static AdwMessageDialog *
new_cell_dialog (TdAttendanceGrid *self, const char *heading, const char *accept_label,
                 CellForm **form_out, GtkGrid **grid_out)
{
  TdSession *s = _td_attendance_grid_session_at (self, self->cursor_col);
  g_autoptr (TdGridRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor_row);
  g_autofree char *date = td_roc_date_format (s->date, TD_ROC_FORMAT_SLASH);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  CellForm *form = g_new0 (CellForm, 1);
  GtkWidget *grid = gtk_grid_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, NULL));
  adw_message_dialog_format_body (dialog, "%s, %s %s–%s %s", row->name, date, s->start_time,
                                  s->end_time, s->subject);
  form->grid = g_object_ref (self);
  form->session_id = s->id;
  form->trainee_id = row->trainee_id;
  form->recorded = row->cells[self->cursor_col].recorded;
  g_object_set_data_full (G_OBJECT (dialog), "td-cell-form", form, (GDestroyNotify) cell_form_free);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (_td_attendance_grid_refocus_later), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  *form_out = form;
  *grid_out = GTK_GRID (grid);
  return dialog;
}

static void
show_write_error (TdAttendanceGrid *self, const GError *error)
{
  td_show_error (GTK_WIDGET (self), _("Not Recorded"), error->message);
}

static void
correct_response_cb (AdwMessageDialog *dialog, const char *response, CellForm *form)
{
  g_autoptr (GError) error = NULL;
  gboolean present = form->status == NULL || gtk_drop_down_get_selected (form->status) == 0;

  if (g_strcmp0 (response, "accept") != 0)
    return;
  if (!td_attendance_grid_set_cell (form->grid, form->session_id, form->trainee_id,
                                    present ? TD_ATTENDANCE_PRESENT : TD_ATTENDANCE_ABSENT,
                                    gtk_editable_get_text (GTK_EDITABLE (form->in_time)),
                                    gtk_editable_get_text (GTK_EDITABLE (form->out_time)),
                                    gtk_editable_get_text (GTK_EDITABLE (form->reason)), &error))
    show_write_error (form->grid, error);
}

static void
status_changed_cb (GtkDropDown *status, GParamSpec *pspec, CellForm *form)
{
  gboolean present = gtk_drop_down_get_selected (status) == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (form->in_time), present);
  gtk_widget_set_sensitive (GTK_WIDGET (form->out_time), present);
}

/* Present, late or absent as a correction (or, for a late sign-in, a first record). */
static void
open_correction (TdAttendanceGrid *self, const char *heading, TdAttendanceStatus status,
                 gboolean late)
{
  TdSession *s = _td_attendance_grid_session_at (self, self->cursor_col);
  g_autoptr (GPtrArray) events = NULL;
  TdAttendance *last = NULL;
  CellForm *form;
  GtkGrid *grid;
  AdwMessageDialog *dialog = new_cell_dialog (self, heading, _("_Record"), &form, &grid);
  const char *const statuses[] = { _("Present"), _("Absent"), NULL };

  events = td_store_list_attendance_history (self->store, s->id, form->trainee_id, NULL);
  last = events != NULL && events->len > 0 ? g_ptr_array_index (events, events->len - 1) : NULL;
  if (!late)
    {
      form->status = GTK_DROP_DOWN (form_field (grid, _("_Status"), gtk_drop_down_new_from_strings (statuses)));
      gtk_drop_down_set_selected (form->status, status == TD_ATTENDANCE_PRESENT ? 0 : 1);
      g_signal_connect (form->status, "notify::selected", G_CALLBACK (status_changed_cb), form);
    }
  form->in_time = form_entry (grid, _("Signed _in at"),
                              last != NULL && last->in_time != NULL ? last->in_time : s->start_time);
  form->out_time = form_entry (grid, _("Signed _out at"),
                               last != NULL && last->out_time != NULL ? last->out_time : s->end_time);
  form->reason = form_entry (grid, form->recorded ? _("_Reason (required)") : _("_Reason"), NULL);
  if (form->status != NULL)
    status_changed_cb (form->status, NULL, form);
  g_signal_connect (dialog, "response", G_CALLBACK (correct_response_cb), form);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (late ? form->in_time : form->reason));
}

static void
leave_response_cb (AdwMessageDialog *dialog, const char *response, CellForm *form)
{
  g_autoptr (GError) error = NULL;
  const char *kind = gtk_drop_down_get_selected (form->kind) == 1 ? "sick" : "personal";
  int minutes = (int) (gtk_spin_button_get_value (form->hours) * 60 + 0.5);

  if (g_strcmp0 (response, "accept") != 0)
    return;
  if (!td_attendance_grid_record_leave (form->grid, form->session_id, form->trainee_id, kind,
                                        minutes, gtk_editable_get_text (GTK_EDITABLE (form->proof)),
                                        &error))
    show_write_error (form->grid, error);
}

static void
open_leave (TdAttendanceGrid *self)
{
  TdSession *s = _td_attendance_grid_session_at (self, self->cursor_col);
  const char *const kinds[] = { _("Personal leave"), _("Sick leave"), NULL };
  double hours = s->minutes / 60.0;
  CellForm *form;
  GtkGrid *grid;
  AdwMessageDialog *dialog = new_cell_dialog (self, _("Record Leave"), _("_Record Leave"), &form,
                                              &grid);

  form->kind = GTK_DROP_DOWN (form_field (grid, C_("leave", "_Kind"), gtk_drop_down_new_from_strings (kinds)));
  form->hours = GTK_SPIN_BUTTON (form_field (grid, _("_Hours"),
                                             gtk_spin_button_new_with_range (MIN (0.5, hours), MAX (hours, 0.5), 0.5)));
  gtk_spin_button_set_digits (form->hours, 1);
  gtk_spin_button_set_value (form->hours, hours);
  form->proof = form_entry (grid, _("_Proof"), NULL);
  gtk_entry_set_placeholder_text (form->proof, _("e.g. a medical certificate"));
  g_signal_connect (dialog, "response", G_CALLBACK (leave_response_cb), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
makeup_limit (CellForm *form, TdSession *missed)
{
  guint i = gtk_drop_down_get_selected (form->choice);
  TdSession *s = i < form->choices->len ? g_ptr_array_index (form->choices, i) : NULL;

  return s != NULL ? MIN (missed->minutes, s->minutes) : missed->minutes;
}

static void
makeup_choice_cb (GtkDropDown *choice, GParamSpec *pspec, CellForm *form)
{
  int col = _td_attendance_grid_session_index (form->grid, form->session_id);
  TdSession *missed = col >= 0 ? _td_attendance_grid_session_at (form->grid, col) : NULL;
  int limit = missed != NULL ? makeup_limit (form, missed) : 1;

  gtk_spin_button_set_range (form->minutes, 1, MAX (limit, 1));
  gtk_spin_button_set_value (form->minutes, limit);
}

static void
makeup_response_cb (AdwMessageDialog *dialog, const char *response, CellForm *form)
{
  g_autoptr (GError) error = NULL;
  guint i = gtk_drop_down_get_selected (form->choice);

  if (g_strcmp0 (response, "accept") != 0 || i >= form->choices->len)
    return;
  if (!td_attendance_grid_record_makeup (form->grid, form->trainee_id, form->session_id,
                                         ((TdSession *) g_ptr_array_index (form->choices, i))->id,
                                         gtk_spin_button_get_value_as_int (form->minutes), &error))
    show_write_error (form->grid, error);
}

static GtkStringList *
makeup_choice_labels (TdAttendanceGrid *self, GPtrArray *choices)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < choices->len; i++)
    {
      TdSession *s = g_ptr_array_index (choices, i);
      g_autoptr (TdCourse) c = td_store_get_course (self->store, s->course_id, NULL);
      g_autofree char *title = c != NULL ? td_course_dup_display_title (c) : g_strdup ("");
      g_autofree char *date = td_roc_date_format (s->date, TD_ROC_FORMAT_SLASH);
      g_autofree char *label = g_strdup_printf ("%s  %s %s–%s  %s", title, date, s->start_time,
                                                s->end_time, s->subject);
      gtk_string_list_append (labels, label);
    }
  return labels;
}

static void
open_makeup (TdAttendanceGrid *self)
{
  TdSession *missed = _td_attendance_grid_session_at (self, self->cursor_col);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) choices = td_attendance_grid_list_makeup_sessions (self, missed->id, &error);
  g_autofree char *missed_date = td_roc_date_format (missed->date, TD_ROC_FORMAT_SLASH);
  g_autofree char *body = NULL;
  CellForm *form;
  GtkGrid *grid;
  AdwMessageDialog *dialog;
  GtkWidget *choice;

  if (choices == NULL || choices->len == 0)
    {
      body = choices == NULL ? g_strdup (error->message)
                             : g_strdup_printf (_("No later run of this course’s category has a session on or after %s. Create the next run and its sessions first."),
                                                missed_date);
      td_show_error (GTK_WIDGET (self), _("No Make-up Session"), body);
      return;
    }
  dialog = new_cell_dialog (self, _("Record Make-up"), _("_Record Make-up"), &form, &grid);
  choice = gtk_drop_down_new (G_LIST_MODEL (makeup_choice_labels (self, choices)), NULL);
  form->choices = g_steal_pointer (&choices);
  form->choice = GTK_DROP_DOWN (form_field (grid, _("_Made up in"), choice));
  form->minutes = GTK_SPIN_BUTTON (form_field (grid, _("_Credited minutes"),
                                               gtk_spin_button_new_with_range (1, 1, 1)));
  g_signal_connect (form->choice, "notify::selected", G_CALLBACK (makeup_choice_cb), form);
  makeup_choice_cb (form->choice, NULL, form);
  g_signal_connect (dialog, "response", G_CALLBACK (makeup_response_cb), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_history (TdAttendanceGrid *self)
{
  TdSession *s = _td_attendance_grid_session_at (self, self->cursor_col);
  g_autoptr (TdGridRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor_row);
  g_autofree char *text = td_attendance_dup_history_text (self->store, s->id, row->trainee_id,
                                                          row->name);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Cell History"), text);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (_td_attendance_grid_refocus_later), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- actions ------------------------------------------------------------------------------ */

/* Present or absent at once on an empty cell; on a recorded one it is a correction. */
static void
mark (TdAttendanceGrid *self, TdAttendanceStatus status)
{
  TdSession *s = _td_attendance_grid_session_at (self, self->cursor_col);
  g_autoptr (TdGridRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor_row);
  g_autoptr (GError) error = NULL;

  if (row->cells[self->cursor_col].recorded)
    {
      open_correction (self, _("Correct the Record"), status, FALSE);
      return;
    }
  if (!td_attendance_grid_set_cell (self, s->id, row->trainee_id, status, s->start_time,
                                    s->end_time, NULL, &error))
    show_write_error (self, error);
}

void
_td_attendance_grid_cell_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TdAttendanceGrid *self = TD_ATTENDANCE_GRID (widget);

  if (!_td_attendance_grid_has_cursor (self))
    return;
  if (g_str_equal (action_name, "grid.present"))
    mark (self, TD_ATTENDANCE_PRESENT);
  else if (g_str_equal (action_name, "grid.absent"))
    mark (self, TD_ATTENDANCE_ABSENT);
  else if (g_str_equal (action_name, "grid.late"))
    open_correction (self, _("Late Sign-in"), TD_ATTENDANCE_PRESENT, TRUE);
  else if (g_str_equal (action_name, "grid.leave"))
    open_leave (self);
  else if (g_str_equal (action_name, "grid.makeup"))
    open_makeup (self);
  else if (g_str_equal (action_name, "grid.correct"))
    open_correction (self, _("Correct the Record"), TD_ATTENDANCE_PRESENT, FALSE);
  else if (g_str_equal (action_name, "grid.history"))
    open_history (self);
}

