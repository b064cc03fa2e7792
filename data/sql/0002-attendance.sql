-- 0002-attendance.sql — the attendance desk: personal codes, scans, hours awards, eVRS flags.
--
-- Conventions as in 0001: STRICT tables, ISO text for dates and instants, minutes for
-- lengths of time. History is append-only; triggers refuse rewriting it.

-- One current personal code per person: regenerating voids the old row first
-- (DOMAIN §7, seed 004 壹 "產生新條碼，舊條碼立即失效作廢").
CREATE UNIQUE INDEX trainee_code_current ON trainee_code (trainee_id) WHERE voided_at IS NULL;

-- A code is never re-pointed or revived: the only change allowed is voiding it once.
-- (Codes go only with their person, when td_store_delete_trainee removes someone who has
-- no records to keep.)
CREATE TRIGGER trainee_code_void_only BEFORE UPDATE ON trainee_code
WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL OR NEW.token IS NOT OLD.token
  OR NEW.trainee_id IS NOT OLD.trainee_id OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE (ABORT, 'a personal code can only be voided, once'); END;

-- Leave, make-up and roll-call records are history too: a correction is a new row.
CREATE TRIGGER leave_record_no_update BEFORE UPDATE ON leave_record
BEGIN SELECT RAISE (ABORT, 'leave records are append-only'); END;
CREATE TRIGGER leave_record_no_delete BEFORE DELETE ON leave_record
BEGIN SELECT RAISE (ABORT, 'leave records are append-only'); END;
CREATE TRIGGER makeup_no_update BEFORE UPDATE ON makeup
BEGIN SELECT RAISE (ABORT, 'make-up records are append-only'); END;
CREATE TRIGGER makeup_no_delete BEFORE DELETE ON makeup
BEGIN SELECT RAISE (ABORT, 'make-up records are append-only'); END;
CREATE TRIGGER rollcall_no_update BEFORE UPDATE ON rollcall
BEGIN SELECT RAISE (ABORT, 'roll-call records are append-only'); END;
CREATE TRIGGER rollcall_no_delete BEFORE DELETE ON rollcall
BEGIN SELECT RAISE (ABORT, 'roll-call records are append-only'); END;
CREATE INDEX makeup_missed ON makeup (missed_session_id, trainee_id);

-- Hours activities (regime `hours`, seed 004): the organiser sets the hours one scan
-- awards, physical (實體) and digital (數位). An activity belongs to a course; when it was
-- opened for one session of it, session_id says which.
CREATE TABLE hours_activity (
  id               INTEGER PRIMARY KEY,
  course_id        INTEGER NOT NULL REFERENCES course (id),
  session_id       INTEGER UNIQUE REFERENCES session (id),
  title            TEXT NOT NULL CHECK (title <> ''),
  date             TEXT NOT NULL,
  physical_minutes INTEGER NOT NULL DEFAULT 0 CHECK (physical_minutes >= 0),
  digital_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (digital_minutes >= 0),
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  CHECK (physical_minutes + digital_minutes > 0)
) STRICT;
CREATE INDEX hours_activity_course ON hours_activity (course_id, date, id);

-- One award per person per activity (hours.no-duplicate, seed 004 參). The hours are
-- copied from the activity so a later change of the activity does not rewrite history.
CREATE TABLE hours_award (
  id               INTEGER PRIMARY KEY,
  activity_id      INTEGER NOT NULL REFERENCES hours_activity (id),
  trainee_id       INTEGER NOT NULL REFERENCES trainee (id),
  code_id          INTEGER REFERENCES trainee_code (id),
  physical_minutes INTEGER NOT NULL CHECK (physical_minutes >= 0),
  digital_minutes  INTEGER NOT NULL CHECK (digital_minutes >= 0),
  awarded_by       TEXT NOT NULL,
  awarded_at       TEXT NOT NULL,
  UNIQUE (activity_id, trainee_id)
) STRICT;
CREATE INDEX hours_award_trainee ON hours_award (trainee_id);
CREATE TRIGGER hours_award_no_update BEFORE UPDATE ON hours_award
BEGIN SELECT RAISE (ABORT, 'hours awards are append-only'); END;
CREATE TRIGGER hours_award_no_delete BEFORE DELETE ON hours_award
BEGIN SELECT RAISE (ABORT, 'hours awards are append-only'); END;

-- Every scan at the desk, whatever its outcome: a refused voided code is as much a
-- part of the record as a sign-in. What was typed is not kept (it may be an ID number).
-- A person removed from the directory (never on a roster, so with no records to keep)
-- leaves their refused scans behind without a name: the only change the log allows.
CREATE TABLE scan_log (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER REFERENCES session (id),
  activity_id INTEGER REFERENCES hours_activity (id),
  trainee_id  INTEGER REFERENCES trainee (id) ON DELETE SET NULL,
  code_id     INTEGER REFERENCES trainee_code (id) ON DELETE SET NULL,
  input_kind  TEXT NOT NULL CHECK (input_kind IN ('code', 'national-id', 'unknown')),
  outcome     TEXT NOT NULL CHECK (outcome IN ('signed-in', 'signed-out', 'awarded', 'duplicate',
                                                'voided', 'not-enrolled', 'unknown')),
  scanned_at  TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK ((session_id IS NULL) <> (activity_id IS NULL))
) STRICT;
CREATE INDEX scan_log_session ON scan_log (session_id, id);
CREATE INDEX scan_log_activity ON scan_log (activity_id, id);
CREATE TRIGGER scan_log_no_update BEFORE UPDATE ON scan_log
WHEN NEW.id IS NOT OLD.id OR NEW.session_id IS NOT OLD.session_id
  OR NEW.activity_id IS NOT OLD.activity_id OR NEW.input_kind IS NOT OLD.input_kind
  OR NEW.outcome IS NOT OLD.outcome OR NEW.scanned_at IS NOT OLD.scanned_at
  OR NEW.recorded_by IS NOT OLD.recorded_by
  OR (NEW.trainee_id IS NOT OLD.trainee_id AND NEW.trainee_id IS NOT NULL)
  OR (NEW.code_id IS NOT OLD.code_id AND NEW.code_id IS NOT NULL)
BEGIN SELECT RAISE (ABORT, 'the scan log is append-only'); END;
CREATE TRIGGER scan_log_no_delete BEFORE DELETE ON scan_log
BEGIN SELECT RAISE (ABORT, 'the scan log is append-only'); END;

-- The three yes/no columns of an eVRS attendance row (seed 003 肆): 離島地區, 國際性質,
-- 授課者, per person per course day, so an imported file exports the same way.
CREATE TABLE evrs_flag (
  course_id     INTEGER NOT NULL REFERENCES course (id),
  trainee_id    INTEGER NOT NULL REFERENCES trainee (id),
  date          TEXT NOT NULL,
  offshore      INTEGER NOT NULL DEFAULT 0 CHECK (offshore IN (0, 1)),
  international INTEGER NOT NULL DEFAULT 0 CHECK (international IN (0, 1)),
  lecturer      INTEGER NOT NULL DEFAULT 0 CHECK (lecturer IN (0, 1)),
  PRIMARY KEY (course_id, trainee_id, date)
) STRICT;
