-- 0005-course-revision.sql — a revision per course for the rule-check findings cache.
--
-- Any change to what the rule checks read about a course (the course row, its filed
-- changes, sessions, enrolments, attendance events, leave, make-ups, roll calls,
-- scores, certificates) gives the course a new revision, so a cached result of the
-- course's checks can be known stale without reading the course (td-rules-cache.c).
-- A revision is a random 64-bit number rather than a counter: two copies of one
-- database that go their own ways never reach the same revision with different data.
-- Self-contained: it reads only tables of 0001-0003.

CREATE TABLE course_revision (
  course_id INTEGER PRIMARY KEY REFERENCES course (id) ON DELETE CASCADE,
  revision  INTEGER NOT NULL
) STRICT;
INSERT INTO course_revision (course_id, revision) SELECT id, random () FROM course;

CREATE TRIGGER course_revision_course_insert AFTER INSERT ON course
BEGIN INSERT OR REPLACE INTO course_revision (course_id, revision) VALUES (NEW.id, random ()); END;
CREATE TRIGGER course_revision_course_update AFTER UPDATE ON course
BEGIN UPDATE course_revision SET revision = random () WHERE course_id IN (OLD.id, NEW.id); END;
CREATE TRIGGER course_revision_course_delete AFTER DELETE ON course
BEGIN DELETE FROM course_revision WHERE course_id = OLD.id; END;

CREATE TRIGGER course_revision_change_insert AFTER INSERT ON course_change
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = NEW.course_id; END;
CREATE TRIGGER course_revision_change_update AFTER UPDATE ON course_change
BEGIN UPDATE course_revision SET revision = random () WHERE course_id IN (OLD.course_id, NEW.course_id); END;
CREATE TRIGGER course_revision_change_delete AFTER DELETE ON course_change
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = OLD.course_id; END;

-- A make-up names the session it was made up in, and the check of the missed
-- session's course reads that session's date: a change to a session is a change to
-- every course with a make-up held in it too.
CREATE TRIGGER course_revision_session_insert AFTER INSERT ON session
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = NEW.course_id; END;
CREATE TRIGGER course_revision_session_update AFTER UPDATE ON session
BEGIN
  UPDATE course_revision SET revision = random ()
  WHERE course_id IN (OLD.course_id, NEW.course_id)
     OR course_id IN (SELECT s.course_id FROM makeup m JOIN session s ON s.id = m.missed_session_id
                      WHERE m.makeup_session_id = NEW.id);
END;
CREATE TRIGGER course_revision_session_delete AFTER DELETE ON session
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = OLD.course_id; END;

CREATE TRIGGER course_revision_enrolment_insert AFTER INSERT ON enrolment
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = NEW.course_id; END;
CREATE TRIGGER course_revision_enrolment_update AFTER UPDATE ON enrolment
BEGIN UPDATE course_revision SET revision = random () WHERE course_id IN (OLD.course_id, NEW.course_id); END;
CREATE TRIGGER course_revision_enrolment_delete AFTER DELETE ON enrolment
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = OLD.course_id; END;

CREATE TRIGGER course_revision_score_insert AFTER INSERT ON score
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = NEW.course_id; END;
CREATE TRIGGER course_revision_score_update AFTER UPDATE ON score
BEGIN UPDATE course_revision SET revision = random () WHERE course_id IN (OLD.course_id, NEW.course_id); END;
CREATE TRIGGER course_revision_score_delete AFTER DELETE ON score
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = OLD.course_id; END;

CREATE TRIGGER course_revision_certificate_insert AFTER INSERT ON certificate
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = NEW.course_id; END;
CREATE TRIGGER course_revision_certificate_update AFTER UPDATE ON certificate
BEGIN UPDATE course_revision SET revision = random () WHERE course_id IN (OLD.course_id, NEW.course_id); END;
CREATE TRIGGER course_revision_certificate_delete AFTER DELETE ON certificate
BEGIN UPDATE course_revision SET revision = random () WHERE course_id = OLD.course_id; END;

-- Attendance events, leave, make-ups and roll calls are append-only (0001, 0002):
-- inserting is the only change they allow.
CREATE TRIGGER course_revision_attendance_insert AFTER INSERT ON attendance_event
BEGIN
  UPDATE course_revision SET revision = random ()
  WHERE course_id = (SELECT course_id FROM session WHERE id = NEW.session_id);
END;
CREATE TRIGGER course_revision_leave_insert AFTER INSERT ON leave_record
BEGIN
  UPDATE course_revision SET revision = random ()
  WHERE course_id = (SELECT course_id FROM session WHERE id = NEW.session_id);
END;
CREATE TRIGGER course_revision_makeup_insert AFTER INSERT ON makeup
BEGIN
  UPDATE course_revision SET revision = random ()
  WHERE course_id = (SELECT course_id FROM session WHERE id = NEW.missed_session_id);
END;
CREATE TRIGGER course_revision_rollcall_insert AFTER INSERT ON rollcall
BEGIN
  UPDATE course_revision SET revision = random ()
  WHERE course_id = (SELECT course_id FROM session WHERE id = NEW.session_id);
END;
