/* td-store.h — the SQLite store of a Training Desk centre.
 *
 * One TdStore is one database file. Opening it applies the numbered migrations of
 * data/sql/ (by PRAGMA user_version) and sets WAL, synchronous=FULL, foreign_keys=ON.
 *
 * Every write function here is one transaction: it either changes everything it was
 * asked to or nothing. Callers that make several writes one user action (an import,
 * a timetable edit) wrap them in td_store_begin()/td_store_commit(); inner calls
 * then join that transaction, and td_store_rollback() undoes all of it.
 *
 * Changes to personal data (trainees, lecturers) are written to the append-only
 * audit log by triggers, tagged with the actor set by td_store_set_actor().
 */
#pragma once

#include <gio/gio.h>

#include "td-attendance.h"
#include "td-course.h"
#include "td-enrolment.h"
#include "td-lecturer.h"
#include "td-session.h"
#include "td-trainee.h"
#include "td-types.h"
#include "td-unit.h"

G_BEGIN_DECLS

#define TD_TYPE_STORE (td_store_get_type ())
G_DECLARE_FINAL_TYPE (TdStore, td_store, TD, STORE, GObject)

/* --- opening ------------------------------------------------------------- */

/* Creates the file (and its folder) when missing, then migrates it. */
TdStore    *td_store_open (const char *path, GError **error);

/* --db PATH, else $TRAINING_DESK_DB, else $XDG_DATA_HOME/training-desk/training-desk.db */
char       *td_store_resolve_path (const char *explicit_path);

const char *td_store_get_path (TdStore *self);
int         td_store_get_schema_version (TdStore *self);
int         td_store_get_latest_schema_version (void);

/* Who makes the changes that follow (audit log, attendance events). Defaults to the
 * login name. */
void        td_store_set_actor (TdStore *self, const char *actor);
const char *td_store_get_actor (TdStore *self);

/* --- transactions --------------------------------------------------------- */

gboolean    td_store_begin (TdStore *self, GError **error);
gboolean    td_store_commit (TdStore *self, GError **error);
void        td_store_rollback (TdStore *self);

/* --- centre settings ------------------------------------------------------ */

/* Key/value settings of the centre that forms and rules read (e.g. "evening-start"). */
char       *td_store_get_setting (TdStore *self, const char *key, const char *default_value);
gboolean    td_store_set_setting (TdStore *self, const char *key, const char *value,
                                  GError **error);
TdUnit     *td_store_get_unit (TdStore *self, GError **error);
gboolean    td_store_save_unit (TdStore *self, const TdUnit *unit, GError **error);

/* --- courses -------------------------------------------------------------- */

/* @search matches title, period, category, venue or external id (case-insensitive
 * substring); NULL or "" matches all. Lists are newest start date first. */
guint       td_store_count_courses (TdStore *self, const char *search, GError **error);
GPtrArray  *td_store_list_courses (TdStore *self, const char *search, guint offset,
                                   guint limit, GError **error);
TdCourse   *td_store_get_course (TdStore *self, gint64 id, GError **error);

/* @ref is a database id ("12") or an exchange-file id ("C1"); the database id wins
 * when both could match. TD_ERROR_NOT_FOUND when neither does. */
TdCourse   *td_store_find_course (TdStore *self, const char *ref, GError **error);

/* Inserts (id == 0, and sets course->id) or updates. Validates: title, category,
 * dates (ISO, end ≥ start), capacity ≥ 0. The course's changes are replaced. */
gboolean    td_store_save_course (TdStore *self, TdCourse *course, GError **error);

/* Deletes a course with its sessions and roster. Refused (TD_ERROR_CONFLICT) once
 * attendance, scores or certificates exist: those records must be kept. */
gboolean    td_store_delete_course (TdStore *self, gint64 id, GError **error);

/* --- sessions ------------------------------------------------------------- */

GPtrArray  *td_store_list_sessions (TdStore *self, gint64 course_id, GError **error);
TdSession  *td_store_get_session (TdStore *self, gint64 id, GError **error);
TdSession  *td_store_find_session (TdStore *self, gint64 course_id, const char *ref,
                                   GError **error);

/* Validates date, "HH:MM" times with end after start, minutes > 0 (when 0, the span
 * of start–end is used), subject. Inserts or updates. */
gboolean    td_store_save_session (TdStore *self, TdSession *session, GError **error);

/* Refused (TD_ERROR_CONFLICT) when attendance was recorded for the session. */
gboolean    td_store_delete_session (TdStore *self, gint64 id, GError **error);

/* Copies every session of @from_date to @to_date in one transaction. */
gboolean    td_store_duplicate_day (TdStore *self, gint64 course_id, const char *from_date,
                                    const char *to_date, GError **error);

/* --- lecturers ------------------------------------------------------------ */

GPtrArray  *td_store_list_lecturers (TdStore *self, const char *search, GError **error);
TdLecturer *td_store_get_lecturer (TdStore *self, gint64 id, GError **error);
gboolean    td_store_save_lecturer (TdStore *self, TdLecturer *lecturer, GError **error);
/* Refused while any session names the lecturer. */
gboolean    td_store_delete_lecturer (TdStore *self, gint64 id, GError **error);

/* The lecturers a course refers to, with the id each had in its exchange file. */
gboolean    td_store_link_course_lecturer (TdStore *self, gint64 course_id, gint64 lecturer_id,
                                           const char *external_id, GError **error);
/* TdLecturer* in the order they were linked; @external_ids (optional) receives the
 * matching exchange ids (char*, NULL where none). */
GPtrArray  *td_store_list_course_lecturers (TdStore *self, gint64 course_id,
                                            GPtrArray **external_ids, GError **error);

/* --- trainees ------------------------------------------------------------- */

/* @search: an ID prefix (normalised: "a12" finds A12…), or the start of a name
 * (surname first: "陳怡" finds 陳怡君). Both are index lookups. */
guint       td_store_count_trainees (TdStore *self, const char *search, GError **error);
GPtrArray  *td_store_list_trainees (TdStore *self, const char *search, guint offset,
                                    guint limit, GError **error);
TdTrainee  *td_store_get_trainee (TdStore *self, gint64 id, GError **error);
TdTrainee  *td_store_find_trainee_by_national_id (TdStore *self, const char *national_id,
                                                  GError **error);

/* Validates: name, a valid national/resident ID (td_national_id_check), ISO birth
 * date when given. TD_ERROR_CONFLICT when another person has the ID. */
gboolean    td_store_save_trainee (TdStore *self, TdTrainee *trainee, GError **error);

/* Refused while the person is on any roster. */
gboolean    td_store_delete_trainee (TdStore *self, gint64 id, GError **error);

GBytes     *td_store_get_trainee_photo (TdStore *self, gint64 trainee_id, char **mime_type,
                                        GError **error);
gboolean    td_store_set_trainee_photo (TdStore *self, gint64 trainee_id, GBytes *image,
                                        const char *mime_type, GError **error);

/* Courses the person is or was enrolled in (TdCourse*), newest first. */
GPtrArray  *td_store_list_trainee_courses (TdStore *self, gint64 trainee_id, GError **error);

/* Appends an audit entry for something that is not a data change but must be traced,
 * e.g. "reveal-id" when a full national ID is shown on screen. */
gboolean    td_store_audit (TdStore *self, const char *action, const char *entity,
                            gint64 entity_id, const char *detail, GError **error);

/* --- rosters --------------------------------------------------------------- */

/* TdEnrolment* with their trainees, by roster number. */
GPtrArray  *td_store_list_enrolments (TdStore *self, gint64 course_id, GError **error);

/* @ref: the trainee's database id, exchange-file id within the course, or national ID. */
TdEnrolment *td_store_find_enrolment (TdStore *self, gint64 course_id, const char *ref,
                                      GError **error);

/* Puts @trainee on the course roster. The person is matched by national ID: a known
 * person's record is updated with the non-empty fields of @trainee, an unknown one is
 * created. TD_ERROR_CONFLICT when the person is already on this roster. @trainee->id
 * is set; @out_enrolment (optional) receives the new row. */
gboolean    td_store_enrol (TdStore *self, gint64 course_id, TdTrainee *trainee,
                            const char *external_id, TdEnrolment **out_enrolment,
                            GError **error);

/* Refused once attendance, scores or certificates exist for the row. */
gboolean    td_store_unenrol (TdStore *self, gint64 enrolment_id, GError **error);
gboolean    td_store_set_enrolment_status (TdStore *self, gint64 enrolment_id,
                                           TdEnrolmentStatus status, GError **error);

/* --- attendance and scores ------------------------------------------------ */

/* Appends an attendance event (recorded_by/at are filled in). */
gboolean    td_store_record_attendance (TdStore *self, const TdAttendance *attendance,
                                        GError **error);
/* Current state (latest event) of every trainee × session of the course that has one. */
GPtrArray  *td_store_list_attendance (TdStore *self, gint64 course_id, GError **error);
/* Every event of one trainee in one session, oldest first (a cell's history). */
GPtrArray  *td_store_list_attendance_history (TdStore *self, gint64 session_id,
                                              gint64 trainee_id, GError **error);

gboolean    td_store_record_score (TdStore *self, gint64 course_id, gint64 trainee_id,
                                   double score, GError **error);
/* Latest score per trainee (TdScore*, g_free). */
GPtrArray  *td_store_list_scores (TdStore *self, gint64 course_id, GError **error);

G_END_DECLS
