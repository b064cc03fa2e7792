/* td-cli-attendance.c — `tdesk attendance scan|import|export` */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "td-attendance-desk.h"
#include "td-cli-private.h"
#include "td-evrs-csv.h"
#include "td-hours-csv.h"
#include "td-roc-date.h"
#include "td-scan.h"

/* --- scan -------------------------------------------------------------------- */

/* The desk's clock, or the session's day at --at HH:MM (for entering scans later and
 * for scripts). */
static GDateTime *
scan_time (TdSession *session, const char *at, GError **error)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  int minutes;
  int y, m, d;

  if (at == NULL)
    return g_date_time_new_now_local ();
  minutes = td_time_parse_minutes (at);
  if (minutes < 0)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("--at “%s” is not a time HH:MM."), at);
      return NULL;
    }
  if (sscanf (session->date, "%d-%d-%d", &y, &m, &d) != 3)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("The session's date “%s” is not valid."),
                   session->date);
      return NULL;
    }
  return g_date_time_new (local, y, m, d, minutes / 60, minutes % 60, 0);
}

/* In an `hours` course each session is an activity: the first scan opens it with the
 * session's length as physical hours unless --physical / --digital say otherwise. */
static TdHoursActivity *
session_activity (TdStore *store, TdSession *session, double physical, double digital,
                  GError **error)
{
  g_autoptr (GError) local_error = NULL;
  TdHoursActivity *activity = td_store_find_session_hours_activity (store, session->id,
                                                                    &local_error);

  if (activity != NULL || !g_error_matches (local_error, TD_ERROR, TD_ERROR_NOT_FOUND))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return activity;
    }
  activity = g_new0 (TdHoursActivity, 1);
  activity->course_id = session->course_id;
  activity->session_id = session->id;
  activity->title = g_strdup (session->subject);
  activity->date = g_strdup (session->date);
  activity->physical_minutes = physical >= 0 ? (int) (physical * 60 + 0.5)
                               : digital >= 0 ? 0 : session->minutes;
  activity->digital_minutes = digital >= 0 ? (int) (digital * 60 + 0.5) : 0;
  if (!td_store_create_hours_activity (store, activity, error))
    g_clear_pointer (&activity, td_hours_activity_free);
  return activity;
}

static TdScanResult *
run_scan (TdStore *store, TdCourse *course, TdSession *session, const char *input,
          GDateTime *now, double physical, double digital, GError **error)
{
  g_autoptr (TdHoursActivity) activity = NULL;

  if (course->regime != TD_REGIME_HOURS)
    return td_scan_session (store, session->id, input, now, error);
  activity = session_activity (store, session, physical, digital, error);
  if (activity == NULL)
    return NULL;
  return td_scan_activity (store, activity->id, input, now, error);
}

static int
attendance_scan (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (TdSession) session = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (TdScanResult) result = NULL;
  g_autofree char *db = NULL;
  g_autofree char *course_ref = NULL;
  g_autofree char *session_ref = NULL;
  g_autofree char *at = NULL;
  g_auto (GStrv) codes = NULL;
  double physical = -1, digital = -1;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_ref,
      N_("The session: its database id or exchange-file id within the course"), N_("ID") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      N_("Record the scan at this time of the session's day instead of now"), N_("HH:MM") },
    { "physical", 0, 0, G_OPTION_ARG_DOUBLE, &physical,
      N_("Hours course: physical hours one scan awards (default: the session's length)"),
      N_("HOURS") },
    { "digital", 0, 0, G_OPTION_ARG_DOUBLE, &digital,
      N_("Hours course: digital hours one scan awards (default: 0)"), N_("HOURS") },
    { NULL },
  };
  static const char summary[] =
    N_("Handles what a scanner typed (a personal code or a national ID) for one session "
       "and prints the outcome first on the line: signed-in, signed-out, awarded, "
       "duplicate, voided, not-enrolled or unknown, then the name and what happened. "
       "Exit status 0 when attendance or hours were recorded, 1 when not.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("attendance scan --course ID --session ID CODE", summary, entries);

  if (!td_cli_parse (context, argc, argv, &codes))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (codes) != 1)
    return td_cli_fail (_("attendance scan needs exactly one CODE."));
  if (session_ref == NULL)
    return td_cli_fail (_("--session ID is required."));
  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  if ((session = td_store_find_session (store, course->id, session_ref, &error)) == NULL ||
      (now = scan_time (session, at, &error)) == NULL ||
      (result = run_scan (store, course, session, codes[0], now, physical, digital, &error)) == NULL)
    return td_cli_fail_error (error);

  g_print ("%s\t%s\t%s\n", td_scan_outcome_to_string (result->outcome),
           result->trainee_name ? result->trainee_name : "-", result->message);
  return td_scan_outcome_is_success (result->outcome) ? TD_CLI_EXIT_OK : TD_CLI_EXIT_PROBLEMS;
}

/* --- import and export ---------------------------------------------------------- */

static int
attendance_import (int argc, char **argv)
{
  static const TdCliCourseImport what = {
    "attendance import --course ID FILE.csv",
    N_("Records the attendance of an eVRS attendance CSV (上課日期, 學員姓名, "
       "學員身分證字號(或居留證號), 時數, 離島地區, 國際性質, 授課者) and prints how many "
       "rows were imported. Nothing is written when any row has a problem."),
    N_("attendance import needs exactly one FILE.csv."),
    td_evrs_csv_import,
  };

  return td_cli_import_course_file (&what, argc, argv);
}

static char *
export_data (TdStore *store, gint64 course_id, const char *format, GError **error)
{
  if (g_strcmp0 (format, "evrs") == 0)
    return td_evrs_csv_export_data (store, course_id, error);
  if (g_strcmp0 (format, "hours") == 0)
    return td_hours_csv_export_data (store, course_id, error);
  g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
               _("--format is “evrs” (eVRS attendance CSV) or “hours” (awarded hours CSV)."));
  return NULL;
}

static int
attendance_export (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autofree char *db = NULL;
  g_autofree char *course_ref = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  g_auto (GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("evrs (eVRS attendance upload) or hours (awarded hours list)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL },
  };
  static const char summary[] =
    N_("Writes a course's attendance for upload: --format evrs gives the eVRS CSV "
       "(header, example row, one row per person per day), --format hours the list "
       "of awarded hours of an hours course. UTF-8 with BOM, CRLF.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("attendance export --course ID --format evrs|hours", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (rest[0] != NULL)
    return td_cli_fail (_("attendance export takes no arguments besides its options."));
  if (format == NULL)
    return td_cli_fail (_("--format evrs|hours is required."));
  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  if ((data = export_data (store, course->id, format, &error)) == NULL ||
      !td_cli_write_output (output, data, &error))
    return td_cli_fail_error (error);
  return TD_CLI_EXIT_OK;
}

/* --- leave, make-up, roll call, history -------------------------------------------- */

/* The session and the rostered person named by --session and TRAINEE in @course. */
static gboolean
find_cell (TdStore *store, TdCourse *course, const char *session_ref, const char *trainee_ref,
           TdSession **session, TdEnrolment **enrolment, GError **error)
{
  if (session_ref == NULL)
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID, _("--session ID is required."));
      return FALSE;
    }
  *session = td_store_find_session (store, course->id, session_ref, error);
  if (*session == NULL)
    return FALSE;
  if (trainee_ref == NULL)
    return TRUE;
  *enrolment = td_store_find_enrolment (store, course->id, trainee_ref, error);
  return *enrolment != NULL;
}

static int
attendance_leave (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (TdSession) session = NULL;
  g_autoptr (TdEnrolment) enrolment = NULL;
  g_autofree char *db = NULL, *course_ref = NULL, *session_ref = NULL, *kind = NULL;
  g_autofree char *proof = NULL;
  g_auto (GStrv) refs = NULL;
  int minutes = 0;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_ref,
      N_("The session: its database id or exchange-file id within the course"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("事假 (personal), 病假 (sick) or another word"),
      N_("KIND") },
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes,
      N_("Minutes of leave (default: the whole session)"), N_("N") },
    { "proof", 0, 0, G_OPTION_ARG_STRING, &proof, N_("The proof seen, e.g. a doctor's note"),
      N_("TEXT") },
    { NULL },
  };
  static const char summary[] =
    N_("Records leave (請假) of a trainee on the roster for one session: a leave record and "
       "an attendance event with status leave. Sick leave needs proof (附表十三 備註三).");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("attendance leave --course ID --session ID TRAINEE --kind KIND", summary,
                        entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("attendance leave needs exactly one TRAINEE."));
  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  if (!find_cell (store, course, session_ref, refs[0], &session, &enrolment, &error) ||
      !td_store_record_leave (store, session->id, enrolment->trainee->id, kind,
                              minutes > 0 ? minutes : session->minutes, proof, &error))
    return td_cli_fail_error (error);
  return TD_CLI_EXIT_OK;
}

static int
attendance_makeup (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (TdCourse) later = NULL;
  g_autoptr (TdSession) missed = NULL;
  g_autoptr (TdSession) made_up = NULL;
  g_autoptr (TdEnrolment) enrolment = NULL;
  g_autofree char *db = NULL, *course_ref = NULL, *session_ref = NULL;
  g_autofree char *later_ref = NULL, *later_session_ref = NULL;
  g_auto (GStrv) refs = NULL;
  int minutes = 0;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_ref, N_("The session that was missed"),
      N_("ID") },
    { "makeup-course", 0, 0, G_OPTION_ARG_STRING, &later_ref,
      N_("The later run of the course where it was made up"), N_("ID") },
    { "makeup-session", 0, 0, G_OPTION_ARG_STRING, &later_session_ref,
      N_("The session of that course the trainee attended"), N_("ID") },
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes,
      N_("Minutes credited (default: the shorter of the two sessions)"), N_("N") },
    { NULL },
  };
  static const char summary[] =
    N_("Records that a trainee made up (補課) a missed session by attending a session of a "
       "later run of the same category.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("attendance makeup --course ID --session ID TRAINEE --makeup-course ID "
                        "--makeup-session ID",
                        summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("attendance makeup needs exactly one TRAINEE."));
  if (later_ref == NULL || later_session_ref == NULL)
    return td_cli_fail (_("--makeup-course ID and --makeup-session ID are required."));
  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  if (!find_cell (store, course, session_ref, refs[0], &missed, &enrolment, &error) ||
      (later = td_store_find_course (store, later_ref, &error)) == NULL ||
      (made_up = td_store_find_session (store, later->id, later_session_ref, &error)) == NULL ||
      !td_store_record_makeup (store, enrolment->trainee->id, missed->id, made_up->id,
                               minutes > 0 ? minutes : MIN (missed->minutes, made_up->minutes),
                               &error))
    return td_cli_fail_error (error);
  return TD_CLI_EXIT_OK;
}

static int
attendance_rollcall (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (TdSession) session = NULL;
  g_autoptr (TdEnrolment) none = NULL;
  g_autofree char *db = NULL, *course_ref = NULL, *session_ref = NULL, *at = NULL;
  g_autofree char *by = NULL, *note = NULL;
  g_auto (GStrv) rest = NULL;
  TdRollcall rollcall = { 0 };
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_ref,
      N_("The session: its database id or exchange-file id within the course"), N_("ID") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When the roll was taken on the session's day"),
      N_("HH:MM") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who took it (the counsellor)"), N_("NAME") },
    { "present", 0, 0, G_OPTION_ARG_INT, &rollcall.present, N_("How many were present"),
      N_("N") },
    { "absent", 0, 0, G_OPTION_ARG_INT, &rollcall.absent, N_("How many were absent"), N_("N") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Remarks (附表十四 備註)"), N_("TEXT") },
    { NULL },
  };
  static const char summary[] =
    N_("Records a roll call (點名, 附表十四) of one session. A correction is recorded as a "
       "new roll call; the latest one counts.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("attendance rollcall --course ID --session ID --at HH:MM --by NAME",
                        summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (rest[0] != NULL)
    return td_cli_fail (_("attendance rollcall takes no arguments besides its options."));
  if (at == NULL)
    return td_cli_fail (_("--at HH:MM is required: when the roll was taken."));
  if (td_time_parse_minutes (at) < 0)
    {
      g_autofree char *message = g_strdup_printf (_("--at “%s” is not a time HH:MM."), at);
      return td_cli_fail (message);
    }
  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  if (!find_cell (store, course, session_ref, NULL, &session, &none, &error))
    return td_cli_fail_error (error);
  {
    g_autofree char *time = td_time_format_minutes (td_time_parse_minutes (at));
    g_autofree char *taken_at = g_strdup_printf ("%sT%s:00", session->date, time);

    rollcall.session_id = session->id;
    rollcall.taken_at = taken_at;
    rollcall.taken_by = by;
    rollcall.note = note;
    if (!td_store_record_rollcall (store, &rollcall, &error))
      return td_cli_fail_error (error);
  }
  return TD_CLI_EXIT_OK;
}

static void
print_event (const TdAttendance *a)
{
  g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a->recorded_at ? a->recorded_at : "-",
           a->recorded_by ? a->recorded_by : "-", td_attendance_source_to_string (a->source),
           td_attendance_status_to_string (a->status), a->in_time ? a->in_time : "-",
           a->out_time ? a->out_time : "-", a->leave_kind ? a->leave_kind : "-",
           a->reason ? a->reason : "-");
}

static int
attendance_history (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (TdSession) session = NULL;
  g_autoptr (TdEnrolment) enrolment = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *db = NULL, *course_ref = NULL, *session_ref = NULL;
  g_auto (GStrv) refs = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_ref,
      N_("The session: its database id or exchange-file id within the course"), N_("ID") },
    { NULL },
  };
  static const char summary[] =
    N_("Prints every attendance event of one trainee in one session, oldest first, one per "
       "line: recorded at, by, source, status, in, out, leave kind, reason (tab-separated). "
       "The last line is the current state.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("attendance history --course ID --session ID TRAINEE", summary, entries);

  if (!td_cli_parse (context, argc, argv, &refs))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (refs) != 1)
    return td_cli_fail (_("attendance history needs exactly one TRAINEE."));
  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  if (!find_cell (store, course, session_ref, refs[0], &session, &enrolment, &error) ||
      (events = td_store_list_attendance_history (store, session->id, enrolment->trainee->id,
                                                  &error)) == NULL)
    return td_cli_fail_error (error);
  for (guint i = 0; i < events->len; i++)
    print_event (g_ptr_array_index (events, i));
  return TD_CLI_EXIT_OK;
}

static const TdCliCommand attendance_commands[] = {
  { "scan", attendance_scan, "scan --course ID --session ID CODE [--at HH:MM]",
    N_("sign in or out (or award hours) by what a scanner typed") },
  { "import", attendance_import, "import --course ID FILE.csv",
    N_("record the attendance of an eVRS attendance CSV") },
  { "export", attendance_export, "export --course ID --format evrs|hours [-o FILE]",
    N_("write attendance as an eVRS CSV or the awarded hours list") },
  { "leave", attendance_leave, "leave --course ID --session ID TRAINEE --kind KIND [--minutes N]",
    N_("record leave (事假, 病假) for one session") },
  { "makeup", attendance_makeup,
    "makeup --course ID --session ID TRAINEE --makeup-course ID --makeup-session ID",
    N_("record a make-up of a missed session in a later run") },
  { "rollcall", attendance_rollcall,
    "rollcall --course ID --session ID --at HH:MM --by NAME --present N --absent N",
    N_("record a roll call (附表十四)") },
  { "history", attendance_history, "history --course ID --session ID TRAINEE",
    N_("print every event of one trainee in one session") },
  { NULL },
};

int
td_cli_attendance (int argc, char **argv)
{
  return td_cli_dispatch ("attendance", attendance_commands, argc, argv);
}
