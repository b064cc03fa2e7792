-- 0004-person-records.sql — what the person-level rules read about one person:
-- the roles and qualifications they hold, the certificate cycles of those
-- qualifications with approved leave that extends a cycle, and hours of training
-- earned outside this centre (recorded by hand or imported).
--
-- These are records: rows are appended and never changed or deleted. Removing one
-- appends a row to person_record_void that names it; readers skip voided rows.
-- Every insert is logged in audit_log under the trainee it belongs to.

-- An OSH art. 18(1) in-service role (款 1–14) or a vr-ce qualification (catalogue
-- slug of the vr-ce regime), held since a date (the hire or assignment date; the
-- initial-training deadlines count from it).
CREATE TABLE person_qualification (
  id            INTEGER PRIMARY KEY,
  trainee_id    INTEGER NOT NULL REFERENCES trainee (id),
  kind          TEXT NOT NULL CHECK (kind IN ('inservice-role', 'vr-ce')),
  role          INTEGER CHECK (role IS NULL OR role BETWEEN 1 AND 14),
  qualification TEXT,
  since         TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  recorded_at   TEXT NOT NULL,
  recorded_by   TEXT NOT NULL,
  CHECK ((kind = 'inservice-role') = (role IS NOT NULL)),
  CHECK ((kind = 'vr-ce') = (qualification IS NOT NULL))
) STRICT;
CREATE INDEX person_qualification_trainee ON person_qualification (trainee_id, id);

-- A certificate cycle (資格認證證明有效期間) of a vr-ce qualification.
CREATE TABLE person_cycle (
  id               INTEGER PRIMARY KEY,
  trainee_id       INTEGER NOT NULL REFERENCES trainee (id),
  qualification_id INTEGER NOT NULL REFERENCES person_qualification (id),
  start_date       TEXT NOT NULL,
  end_date         TEXT NOT NULL,
  recorded_at      TEXT NOT NULL,
  recorded_by      TEXT NOT NULL,
  CHECK (end_date > start_date)
) STRICT;
CREATE INDEX person_cycle_trainee ON person_cycle (trainee_id, id);

-- Approved time away from the job (育嬰留職停薪, 職業災害, …) deducted from a cycle.
CREATE TABLE person_cycle_leave (
  id          INTEGER PRIMARY KEY,
  cycle_id    INTEGER NOT NULL REFERENCES person_cycle (id),
  trainee_id  INTEGER NOT NULL REFERENCES trainee (id),
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL,
  approval    TEXT NOT NULL DEFAULT '',       -- the authority's approval reference
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX person_cycle_leave_cycle ON person_cycle_leave (cycle_id);

-- Hours earned elsewhere. category: a vr-ce continuing-education field, OSH
-- in-service training (for the art. 18 role in `role`), or vr-ce professional
-- training (專業訓練, what the initial-training deadlines ask for).
CREATE TABLE person_hours (
  id          INTEGER PRIMARY KEY,
  trainee_id  INTEGER NOT NULL REFERENCES trainee (id),
  date        TEXT NOT NULL,
  title       TEXT NOT NULL CHECK (title <> ''),
  provider    TEXT NOT NULL DEFAULT '',
  minutes     INTEGER NOT NULL CHECK (minutes > 0),
  category    TEXT NOT NULL CHECK (category IN ('ce-professional', 'ce-regulations', 'ce-ethics',
                                                'ce-quality', 'inservice', 'vr-training')),
  role        INTEGER CHECK (role IS NULL OR role BETWEEN 1 AND 14),
  source      TEXT NOT NULL CHECK (source IN ('manual', 'import')),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK ((category = 'inservice') = (role IS NOT NULL))
) STRICT;
CREATE INDEX person_hours_trainee ON person_hours (trainee_id, date);

-- Removing a record appends its void; a record is voided at most once.
CREATE TABLE person_record_void (
  id          INTEGER PRIMARY KEY,
  trainee_id  INTEGER NOT NULL REFERENCES trainee (id),
  entity      TEXT NOT NULL CHECK (entity IN ('qualification', 'cycle', 'leave', 'hours')),
  record_id   INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  voided_at   TEXT NOT NULL,
  voided_by   TEXT NOT NULL,
  UNIQUE (entity, record_id)
) STRICT;
CREATE INDEX person_record_void_trainee ON person_record_void (trainee_id);

CREATE TRIGGER person_qualification_no_update BEFORE UPDATE ON person_qualification
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_qualification_no_delete BEFORE DELETE ON person_qualification
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_cycle_no_update BEFORE UPDATE ON person_cycle
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_cycle_no_delete BEFORE DELETE ON person_cycle
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_cycle_leave_no_update BEFORE UPDATE ON person_cycle_leave
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_cycle_leave_no_delete BEFORE DELETE ON person_cycle_leave
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_hours_no_update BEFORE UPDATE ON person_hours
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_hours_no_delete BEFORE DELETE ON person_hours
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_record_void_no_update BEFORE UPDATE ON person_record_void
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;
CREATE TRIGGER person_record_void_no_delete BEFORE DELETE ON person_record_void
BEGIN SELECT RAISE (ABORT, 'person records are append-only'); END;

-- Personal data: logged under the trainee, as the trainee table's own changes are.
CREATE TRIGGER person_qualification_audit AFTER INSERT ON person_qualification
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'qualification', 'trainee', NEW.trainee_id,
          json_object ('id', NEW.id, 'kind', NEW.kind, 'role', NEW.role,
                       'qualification', NEW.qualification, 'since', NEW.since));
END;

CREATE TRIGGER person_cycle_audit AFTER INSERT ON person_cycle
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'cycle', 'trainee', NEW.trainee_id,
          json_object ('id', NEW.id, 'qualification_id', NEW.qualification_id,
                       'start', NEW.start_date, 'end', NEW.end_date));
END;

CREATE TRIGGER person_cycle_leave_audit AFTER INSERT ON person_cycle_leave
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'cycle-leave', 'trainee', NEW.trainee_id,
          json_object ('id', NEW.id, 'cycle_id', NEW.cycle_id, 'start', NEW.start_date,
                       'end', NEW.end_date, 'approval', NEW.approval));
END;

CREATE TRIGGER person_hours_audit AFTER INSERT ON person_hours
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'hours', 'trainee', NEW.trainee_id,
          json_object ('id', NEW.id, 'date', NEW.date, 'title', NEW.title,
                       'minutes', NEW.minutes, 'category', NEW.category, 'source', NEW.source));
END;

CREATE TRIGGER person_record_void_audit AFTER INSERT ON person_record_void
BEGIN
  INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
  VALUES (td_now (), td_actor (), 'void-' || NEW.entity, 'trainee', NEW.trainee_id,
          json_object ('record_id', NEW.record_id, 'reason', NEW.reason));
END;
