/* td-course-file.h — the course exchange file, "training-desk/course@1" (DESIGN.md).
 *
 * One course with its lecturers, sessions, trainees, attendance and scores, as JSON.
 * Import is strict and all-or-nothing: an unknown key, a wrong type, a bad date or
 * time, an invalid national ID, a reference to a missing session/trainee/lecturer, or
 * a duplicate id in one list fails with TD_ERROR_INVALID and a message that starts
 * with the file name and the JSON path of the problem, e.g.
 *   course.json: $.trainees[3].national_id: "A123456788" is not a valid ID: the check digit does not match.
 * and nothing is written. Export followed by import gives back an equal course.
 * The format, its optional keys and every message are described in
 * docs/course-exchange-format.md.
 */
#pragma once

#include <gio/gio.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_COURSE_FILE_FORMAT "training-desk/course@1"

/* Imports @file into @store in one transaction; returns the new course's database id
 * (> 0) or 0 with @error set. @display_name is used in messages (defaults to the
 * file's basename). */
gint64    td_course_file_import (TdStore *store, GFile *file, GError **error);
gint64    td_course_file_import_data (TdStore *store, const char *data, gsize length,
                                      const char *display_name, GError **error);

/* Serialises the course with everything it has, pretty-printed JSON. Ids are the
 * exchange ids the objects came with; objects created in the app get generated ids
 * (C<id>, S<n>, T<n>, L<n>) that are unique in the file. */
char     *td_course_file_export_data (TdStore *store, gint64 course_id, GError **error);
gboolean  td_course_file_export (TdStore *store, gint64 course_id, GFile *file, GError **error);

G_END_DECLS
