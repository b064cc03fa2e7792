-- 0001-initial.sql — Training Desk schema, version 1.
--
-- Every table is STRICT. Dates are ISO 8601 text ("YYYY-MM-DD"), times "HH:MM",
-- instants "YYYY-MM-DDTHH:MM:SS". Lengths of time are whole minutes.
-- History tables (attendance_event, audit_log, certificate_event) are append-only:
-- triggers refuse UPDATE and DELETE on them.
-- td_actor() and td_now() are SQL functions the application registers on every
-- connection; triggers use them to say who changed personal data, and when.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- The training unit running this desk (one row, id 1).
CREATE TABLE unit (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  title              TEXT NOT NULL DEFAULT '',
  address            TEXT NOT NULL DEFAULT '',
  responsible_person TEXT NOT NULL DEFAULT '',
  approval_ref       TEXT NOT NULL DEFAULT '',
  region             TEXT NOT NULL DEFAULT '',
  phone              TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO unit (id) VALUES (1);

CREATE TABLE course (
  id                     INTEGER PRIMARY KEY,
  external_id            TEXT,
  regime                 TEXT NOT NULL CHECK (regime IN ('osh', 'health', 'vr-ce', 'hours')),
  category               TEXT NOT NULL,
  kind                   TEXT NOT NULL CHECK (kind IN ('professional', 'in-service', 'continuing')),
  title                  TEXT NOT NULL,
  period                 TEXT NOT NULL DEFAULT '',
  start_date             TEXT NOT NULL,
  end_date               TEXT NOT NULL,
  venue_name             TEXT NOT NULL DEFAULT '',
  venue_address          TEXT NOT NULL DEFAULT '',
  classroom              TEXT NOT NULL DEFAULT '',
  counsellor_name        TEXT NOT NULL DEFAULT '',
  counsellor_qualified   INTEGER NOT NULL DEFAULT 0 CHECK (counsellor_qualified IN (0, 1)),
  materials              TEXT NOT NULL DEFAULT '',
  capacity               INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  fee                    INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
  group_discussion       INTEGER NOT NULL DEFAULT 0 CHECK (group_discussion IN (0, 1)),
  exam_mode              TEXT NOT NULL DEFAULT 'none'
                           CHECK (exam_mode IN ('none', 'test-site', 'own', 'skills')),
  filing_ref             TEXT NOT NULL DEFAULT '',
  filed_on               TEXT,
  status                 TEXT NOT NULL DEFAULT 'draft'
                           CHECK (status IN ('draft', 'filed', 'running', 'ended', 'closed')),
  records_archived_on    TEXT,
  certificates_issued_on TEXT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX course_start ON course (start_date DESC, id DESC);
CREATE INDEX course_external ON course (external_id);

-- Changes to a filed plan (OSH art. 25(3); directive 六).
CREATE TABLE course_change (
  id            INTEGER PRIMARY KEY,
  course_id     INTEGER NOT NULL REFERENCES course (id) ON DELETE CASCADE,
  filed_on      TEXT NOT NULL,
  force_majeure INTEGER NOT NULL DEFAULT 0 CHECK (force_majeure IN (0, 1)),
  note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX course_change_course ON course_change (course_id);

CREATE TABLE lecturer (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  national_id    TEXT UNIQUE,
  phone          TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  address        TEXT NOT NULL DEFAULT '',
  education      TEXT NOT NULL DEFAULT '',
  post           TEXT NOT NULL DEFAULT '',
  experience     TEXT NOT NULL DEFAULT '',
  qualifications TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX lecturer_name ON lecturer (name);

CREATE TABLE course_lecturer (
  course_id   INTEGER NOT NULL REFERENCES course (id) ON DELETE CASCADE,
  lecturer_id INTEGER NOT NULL REFERENCES lecturer (id),
  external_id TEXT,
  position    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (course_id, lecturer_id)
) STRICT;
CREATE INDEX course_lecturer_lecturer ON course_lecturer (lecturer_id);

CREATE TABLE session (
  id          INTEGER PRIMARY KEY,
  course_id   INTEGER NOT NULL REFERENCES course (id) ON DELETE CASCADE,
  external_id TEXT,
  date        TEXT NOT NULL,
  start_time  TEXT NOT NULL,
  end_time    TEXT NOT NULL,
  subject     TEXT NOT NULL,
  mode        TEXT NOT NULL DEFAULT 'theory' CHECK (mode IN ('theory', 'practical', 'practicum')),
  minutes     INTEGER NOT NULL CHECK (minutes > 0),
  lecturer_id INTEGER REFERENCES lecturer (id),
  position    INTEGER NOT NULL DEFAULT 0,
  CHECK (end_time > start_time)
) STRICT;
CREATE INDEX session_course ON session (course_id, date, start_time);
CREATE INDEX session_date ON session (date);
CREATE INDEX session_lecturer ON session (lecturer_id);

CREATE TABLE trainee (
  id                INTEGER PRIMARY KEY,
  national_id       TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  birth_date        TEXT,
  household_address TEXT NOT NULL DEFAULT '',
  contact_address   TEXT NOT NULL DEFAULT '',
  phone             TEXT NOT NULL DEFAULT '',
  email             TEXT NOT NULL DEFAULT '',
  education         TEXT NOT NULL DEFAULT '',
  employer          TEXT NOT NULL DEFAULT '',
  qualification_ref TEXT NOT NULL DEFAULT '',
  remark            TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX trainee_name ON trainee (name);

CREATE TABLE trainee_photo (
  trainee_id INTEGER PRIMARY KEY REFERENCES trainee (id) ON DELETE CASCADE,
  mime_type  TEXT NOT NULL,
  image      BLOB NOT NULL
) STRICT;

-- Personal QR tokens (seed 004): opaque random tokens, never the ID number.
CREATE TABLE trainee_code (
  id         INTEGER PRIMARY KEY,
  trainee_id INTEGER NOT NULL REFERENCES trainee (id),
  token      TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  voided_at  TEXT
) STRICT;
CREATE INDEX trainee_code_trainee ON trainee_code (trainee_id);

CREATE TABLE enrolment (
  id          INTEGER PRIMARY KEY,
  course_id   INTEGER NOT NULL REFERENCES course (id) ON DELETE CASCADE,
  trainee_id  INTEGER NOT NULL REFERENCES trainee (id),
  external_id TEXT,
  seq         INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'enrolled'
                CHECK (status IN ('enrolled', 'dismissed', 'completed', 'passed', 'failed')),
  credits     TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  UNIQUE (course_id, trainee_id)
) STRICT;
CREATE INDEX enrolment_trainee ON enrolment (trainee_id);
CREATE INDEX enrolment_course_seq ON enrolment (course_id, seq);

-- Append-only: the current state of a cell is its latest event.
CREATE TABLE attendance_event (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES session (id),
  trainee_id  INTEGER NOT NULL REFERENCES trainee (id),
  status      TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
  in_time     TEXT,
  out_time    TEXT,
  leave_kind  TEXT,
  source      TEXT NOT NULL CHECK (source IN ('desk', 'scan', 'import')),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  reason      TEXT
) STRICT;
CREATE INDEX attendance_cell ON attendance_event (session_id, trainee_id, id);
CREATE INDEX attendance_trainee ON attendance_event (trainee_id);

CREATE TABLE leave_record (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES session (id),
  trainee_id  INTEGER NOT NULL REFERENCES trainee (id),
  kind        TEXT NOT NULL,
  minutes     INTEGER NOT NULL CHECK (minutes > 0),
  proof_note  TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX leave_cell ON leave_record (session_id, trainee_id);

-- A trainee makes up a missed session by attending a session of a later run.
CREATE TABLE makeup (
  id                INTEGER PRIMARY KEY,
  trainee_id        INTEGER NOT NULL REFERENCES trainee (id),
  missed_session_id INTEGER NOT NULL REFERENCES session (id),
  makeup_session_id INTEGER NOT NULL REFERENCES session (id),
  minutes           INTEGER NOT NULL CHECK (minutes > 0),
  recorded_by       TEXT NOT NULL,
  recorded_at       TEXT NOT NULL
) STRICT;
CREATE INDEX makeup_trainee ON makeup (trainee_id);

-- Counsellor's roll call 20 minutes after the first period (附表十四).
CREATE TABLE rollcall (
  id         INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES session (id),
  taken_at   TEXT NOT NULL,
  taken_by   TEXT NOT NULL,
  present    INTEGER NOT NULL DEFAULT 0,
  absent     INTEGER NOT NULL DEFAULT 0,
  note       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX rollcall_session ON rollcall (session_id);

CREATE TABLE score (
  id          INTEGER PRIMARY KEY,
  course_id   INTEGER NOT NULL REFERENCES course (id),
  trainee_id  INTEGER NOT NULL REFERENCES trainee (id),
  score       REAL NOT NULL CHECK (score >= 0 AND score <= 100),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX score_course ON score (course_id, trainee_id, id);

CREATE TABLE certificate (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  course_id     INTEGER NOT NULL REFERENCES course (id),
  trainee_id    INTEGER NOT NULL REFERENCES trainee (id),
  reissue_count INTEGER NOT NULL DEFAULT 0,
  issued_on     TEXT NOT NULL,
  replaces_id   INTEGER REFERENCES certificate (id),
  voided_at     TEXT,
  void_reason   TEXT
) STRICT;
CREATE INDEX certificate_course ON certificate (course_id);
CREATE INDEX certificate_trainee ON certificate (trainee_id);

-- Everything that must reach the registry, each once (idempotency key).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,
  payload         TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox (sent_at, id);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  detail    TEXT
) STRICT;
CREATE INDEX audit_entity ON audit_log (entity, entity_id);

-- History is appended, never rewritten.
CREATE TRIGGER attendance_event_no_update BEFORE UPDATE ON attendance_event
BEGIN SELECT RAISE (ABORT, 'attendance events are append-only'); END;
CREATE TRIGGER attendance_event_no_delete BEFORE DELETE ON attendance_event
BEGIN SELECT RAISE (ABORT, 'attendance events are append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;

-- Personal data: every insert, change and deletion of a trainee or lecturer is logged
-- with the fields before and after.
CREATE TRIGGER trainee_audit_insert AFTER INSERT ON trainee
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'insert', 'trainee', NEW.id,
          json_object ('name', NEW.name, 'national_id', NEW.national_id));
END;

CREATE TRIGGER trainee_audit_update AFTER UPDATE ON trainee
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'update', 'trainee', NEW.id,
          json_object (
            'before', json_object ('national_id', OLD.national_id, 'name', OLD.name,
                                   'birth_date', OLD.birth_date,
                                   'household_address', OLD.household_address,
                                   'contact_address', OLD.contact_address, 'phone', OLD.phone,
                                   'email', OLD.email, 'education', OLD.education,
                                   'employer', OLD.employer,
                                   'qualification_ref', OLD.qualification_ref,
                                   'remark', OLD.remark),
            'after', json_object ('national_id', NEW.national_id, 'name', NEW.name,
                                  'birth_date', NEW.birth_date,
                                  'household_address', NEW.household_address,
                                  'contact_address', NEW.contact_address, 'phone', NEW.phone,
                                  'email', NEW.email, 'education', NEW.education,
                                  'employer', NEW.employer,
                                  'qualification_ref', NEW.qualification_ref,
                                  'remark', NEW.remark)));
END;

CREATE TRIGGER trainee_audit_delete AFTER DELETE ON trainee
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'delete', 'trainee', OLD.id,
          json_object ('name', OLD.name, 'national_id', OLD.national_id));
END;

CREATE TRIGGER trainee_photo_audit AFTER INSERT ON trainee_photo
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'photo', 'trainee', NEW.trainee_id,
          json_object ('mime_type', NEW.mime_type, 'bytes', length (NEW.image)));
END;

CREATE TRIGGER lecturer_audit_insert AFTER INSERT ON lecturer
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'insert', 'lecturer', NEW.id, json_object ('name', NEW.name));
END;

CREATE TRIGGER lecturer_audit_update AFTER UPDATE ON lecturer
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'update', 'lecturer', NEW.id,
          json_object (
            'before', json_object ('name', OLD.name, 'national_id', OLD.national_id,
                                   'phone', OLD.phone, 'email', OLD.email,
                                   'address', OLD.address, 'education', OLD.education,
                                   'post', OLD.post, 'experience', OLD.experience,
                                   'qualifications', OLD.qualifications),
            'after', json_object ('name', NEW.name, 'national_id', NEW.national_id,
                                  'phone', NEW.phone, 'email', NEW.email,
                                  'address', NEW.address, 'education', NEW.education,
                                  'post', NEW.post, 'experience', NEW.experience,
                                  'qualifications', NEW.qualifications)));
END;

CREATE TRIGGER lecturer_audit_delete AFTER DELETE ON lecturer
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'delete', 'lecturer', OLD.id, json_object ('name', OLD.name));
END;
