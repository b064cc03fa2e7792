/* td-cli-certificate.c — `tdesk certificate issue|reissue|show|public-key` and
 * `tdesk verify CODE` */
#include "config.h"

#define G_LOG_DOMAIN "tdesk"

#include <glib/gi18n.h>

#include "td-certificates.h"
#include "td-cli-private.h"
#include "td-national-id.h"
#include "td-roc-date.h"

static int
certificate_issue (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GPtrArray) issued = NULL;
  g_autoptr (GPtrArray) skipped = NULL;
  g_autofree char *db = NULL;
  g_autofree char *course_ref = NULL;
  g_autofree char *date = NULL;
  g_auto (GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    TD_CLI_COURSE_OPTION (course_ref),
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Issue date (default: today)"),
      N_("YYYY-MM-DD") },
    { NULL },
  };
  static const char summary[] =
    N_("Issues a certificate to every eligible trainee of the course who has none yet and "
       "prints the new numbers, one per line. Trainees not eligible are named on standard "
       "error with the reason.");
  g_autoptr (GOptionContext) context = td_cli_context_new ("certificate issue", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (rest[0] != NULL)
    return td_cli_fail (_("certificate issue takes no arguments besides its options."));
  if ((course = td_cli_open_course (db, course_ref, &store)) == NULL)
    return TD_CLI_EXIT_USAGE;
  if ((issued = td_certificates_issue (store, course->id, date, &skipped, &error)) == NULL)
    return td_cli_fail_error (error);
  for (guint i = 0; i < issued->len; i++)
    g_print ("%s\n", ((TdCertificate *) g_ptr_array_index (issued, i))->number);
  for (guint i = 0; i < skipped->len; i++)
    g_printerr (_("tdesk: not issued: %s\n"), (const char *) g_ptr_array_index (skipped, i));
  return TD_CLI_EXIT_OK;
}

static int
certificate_reissue (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCertificate) cert = NULL;
  g_autofree char *db = NULL;
  g_autofree char *reason_text = NULL;
  g_autofree char *date = NULL;
  g_auto (GStrv) rest = NULL;
  TdVoidReason reason;
  const GOptionEntry entries[] = {
    TD_CLI_DB_OPTION (db),
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason_text,
      N_("lost or damaged (補發: same number, next reissue count), changed (換發: new number)"),
      N_("REASON") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Issue date (default: today)"),
      N_("YYYY-MM-DD") },
    { NULL },
  };
  static const char summary[] =
    N_("Voids the certificate and its QR code and issues its successor; prints the valid "
       "number and its reissue count (補次).");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("certificate reissue NUMBER", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (rest) != 1)
    return td_cli_fail (_("certificate reissue needs exactly one certificate NUMBER."));
  if (!td_void_reason_from_string (reason_text, &reason))
    return td_cli_fail (_("--reason must be lost, damaged or changed."));
  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL ||
      (cert = td_certificates_reissue (store, rest[0], reason, date, &error)) == NULL)
    return td_cli_fail_error (error);
  g_print ("%s\t%d\n", cert->number, cert->reissue_count);
  return TD_CLI_EXIT_OK;
}

static void
print_history (GPtrArray *history)
{
  g_print ("%s\n", _("History:"));
  for (guint i = 0; i < history->len; i++)
    {
      TdCertificateEvent *e = g_ptr_array_index (history, i);
      g_autofree char *what = NULL;

      if (e->kind == TD_CERTIFICATE_EVENT_VOIDED)
        what = g_strdup_printf ("%s (%s)", td_certificate_event_kind_label (e->kind),
                                td_void_reason_label_for_string (e->reason));
      else if (e->kind == TD_CERTIFICATE_EVENT_REPLACED)
        what = g_strdup_printf (_("replaced by %s"), e->related_number);
      else
        what = g_strdup (td_certificate_event_kind_label (e->kind));
      g_print ("  %s  %s %s %d  %s  %s\n", e->at, e->number, _("reissue"), e->version, what,
               e->actor);
    }
}

static void
print_certificate (TdCertificate *cert, TdTrainee *trainee, TdCourse *course)
{
  g_autofree char *masked = td_national_id_mask (trainee->national_id);
  g_autofree char *roc = td_roc_date_format (cert->issued_on, TD_ROC_FORMAT_LONG);
  g_autofree char *status = td_certificate_is_valid (cert)
                              ? g_strdup (_("valid"))
                              : g_strdup_printf (_("voided (%s)"),
                                                 td_void_reason_label_for_string (cert->void_reason));

  g_print ("%s\t%s\n", _("Number:"), cert->number);
  g_print ("%s\t%s\n", _("Status:"), status);
  g_print ("%s\t%d\n", _("Reissue count:"), cert->reissue_count);
  g_print ("%s\t%s (%s)\n", _("Holder:"), trainee->name, masked);
  g_print ("%s\t%s (%" G_GINT64_FORMAT ")\n", _("Course:"), course->title, course->id);
  g_print ("%s\t%s (%s)\n", _("Issued on:"), cert->issued_on, roc ? roc : "");
  g_print ("%s\t%s\n", _("QR code:"), cert->code ? cert->code : "");
}

static int
certificate_show (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdCertificate) cert = NULL;
  g_autoptr (TdTrainee) trainee = NULL;
  g_autoptr (TdCourse) course = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autofree char *db = NULL;
  g_auto (GStrv) rest = NULL;
  const GOptionEntry entries[] = { TD_CLI_DB_OPTION (db), { NULL } };
  static const char summary[] =
    N_("Shows a certificate, its holder (ID masked), its QR code and its history.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("certificate show NUMBER", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (rest) != 1)
    return td_cli_fail (_("certificate show needs exactly one certificate NUMBER."));
  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL || (cert = td_certificates_get (store, rest[0], &error)) == NULL ||
      (trainee = td_store_get_trainee (store, cert->trainee_id, &error)) == NULL ||
      (course = td_store_get_course (store, cert->course_id, &error)) == NULL ||
      (history = td_certificates_list_history (store, cert->id, &error)) == NULL)
    return td_cli_fail_error (error);
  print_certificate (cert, trainee, course);
  print_history (history);
  return TD_CLI_EXIT_OK;
}

static int
certificate_public_key (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *key = NULL;
  g_auto (GStrv) rest = NULL;
  const GOptionEntry entries[] = { TD_CLI_DB_OPTION (db), { NULL } };
  static const char summary[] =
    N_("Prints the centre's public certificate key (ed25519:…) for verifiers elsewhere.");
  g_autoptr (GOptionContext) context =
    td_cli_context_new ("certificate public-key", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (rest[0] != NULL)
    return td_cli_fail (_("certificate public-key takes no arguments besides its options."));
  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL || (key = td_certificates_dup_public_key (store, &error)) == NULL)
    return td_cli_fail_error (error);
  g_print ("%s\n", key);
  return TD_CLI_EXIT_OK;
}

static const TdCliCommand certificate_commands[] = {
  { "issue", certificate_issue, "issue --course ID [--date YYYY-MM-DD]",
    N_("issue certificates to the eligible trainees; prints the numbers") },
  { "reissue", certificate_reissue, "reissue NUMBER --reason lost|damaged|changed",
    N_("void a certificate and issue its successor") },
  { "show", certificate_show, "show NUMBER", N_("a certificate with its history") },
  { "public-key", certificate_public_key, "public-key",
    N_("print the centre's public certificate key") },
  { NULL },
};

int
td_cli_certificate (int argc, char **argv)
{
  return td_cli_dispatch ("certificate", certificate_commands, argc, argv);
}

/* One line: status, number, holder, reason; "-" for what is not known. */
int
td_cli_verify (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TdStore) store = NULL;
  g_autoptr (TdVerifyResult) result = NULL;
  g_autofree char *db = NULL;
  g_auto (GStrv) rest = NULL;
  const GOptionEntry entries[] = { TD_CLI_DB_OPTION (db), { NULL } };
  static const char summary[] =
    N_("Checks what a certificate's QR code holds, offline, against the centre's key and "
       "revocation list. Prints one line: valid, voided or invalid, the certificate number, "
       "the holder's name and the reason, separated by tabs. Exits 1 unless valid.");
  g_autoptr (GOptionContext) context = td_cli_context_new ("verify CODE", summary, entries);

  if (!td_cli_parse (context, argc, argv, &rest))
    return TD_CLI_EXIT_USAGE;
  if (g_strv_length (rest) != 1)
    return td_cli_fail (_("verify needs exactly one CODE (quote it: it contains “#”)."));
  store = td_cli_open_store (db, FALSE, &error);
  if (store == NULL || (result = td_certificates_verify (store, rest[0], &error)) == NULL)
    return td_cli_fail_error (error);
  g_print ("%s\t%s\t%s\t%s\n", td_verify_status_to_string (result->status),
           result->number ? result->number : "-",
           result->holder_name ? result->holder_name : "-",
           result->message ? result->message : "-");
  return result->status == TD_VERIFY_VALID ? TD_CLI_EXIT_OK : TD_CLI_EXIT_PROBLEMS;
}
