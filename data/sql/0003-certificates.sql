-- 0003-certificates.sql — certificate history, numbering, signing keys, revocation lists.
--
-- The certificate table of 0001 holds the current state of each certificate number.
-- A reissue (補發, lost or damaged) keeps the number and bumps reissue_count; a
-- replacement (換發, personal data changed) voids the row and issues a new number.
-- Every step is an event below, so the versions a number had, and why each ended, are
-- never lost (seed 000: the old certificate and its QR code stop being valid).

CREATE TABLE certificate_event (
  id             INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificate (id),
  number         TEXT NOT NULL,
  version        INTEGER NOT NULL CHECK (version >= 0),   -- the reissue count (補次) it concerns
  kind           TEXT NOT NULL CHECK (kind IN ('issued', 'voided', 'reissued', 'replaced')),
  reason         TEXT CHECK (reason IS NULL OR reason IN ('lost', 'damaged', 'changed')),
  related_id     INTEGER REFERENCES certificate (id),     -- replaced: the new certificate
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL,
  CHECK ((kind = 'voided') = (reason IS NOT NULL))
) STRICT;
CREATE INDEX certificate_event_certificate ON certificate_event (certificate_id, id);
CREATE INDEX certificate_event_number ON certificate_event (number, version);

CREATE TRIGGER certificate_event_no_update BEFORE UPDATE ON certificate_event
BEGIN SELECT RAISE (ABORT, 'certificate events are append-only'); END;
CREATE TRIGGER certificate_event_no_delete BEFORE DELETE ON certificate_event
BEGIN SELECT RAISE (ABORT, 'certificate events are append-only'); END;

-- A certificate row is never deleted: its number must not come back.
CREATE TRIGGER certificate_no_delete BEFORE DELETE ON certificate
BEGIN SELECT RAISE (ABORT, 'certificates are kept; void them instead'); END;
CREATE TRIGGER certificate_number_fixed BEFORE UPDATE OF number ON certificate
BEGIN SELECT RAISE (ABORT, 'a certificate keeps its number'); END;

-- Last sequence number handed out per series. A series is the certificate number
-- pattern's prefix and year (year 0 when the pattern has no year). Numbers are taken
-- in the issuing transaction, so a rolled-back issue leaves no gap.
CREATE TABLE certificate_sequence (
  prefix   TEXT NOT NULL,
  year     INTEGER NOT NULL CHECK (year >= 0),
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (prefix, year)
) STRICT;

-- Public half of the centre's signing keys. The secret half is in the system keyring
-- (storage 'keyring') or, for tests and headless CI only, in the file named by
-- $TRAINING_DESK_SIGNING_KEY_FILE (storage 'file'). It is never in the database.
CREATE TABLE signing_key (
  id         INTEGER PRIMARY KEY,
  key_id     TEXT NOT NULL UNIQUE,                         -- hex, first 4 bytes of BLAKE2b(public key)
  algorithm  TEXT NOT NULL CHECK (algorithm = 'ed25519'),
  public_key BLOB NOT NULL CHECK (length (public_key) = 32),
  storage    TEXT NOT NULL CHECK (storage IN ('keyring', 'file')),
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;

-- Signed revocation lists: each void publishes a new version listing every voided
-- (number, version) pair. body is the exact JSON text that was signed.
CREATE TABLE revocation_list (
  version   INTEGER PRIMARY KEY CHECK (version > 0),
  issued_at TEXT NOT NULL,
  key_id    TEXT NOT NULL REFERENCES signing_key (key_id),
  body      TEXT NOT NULL,
  signature BLOB NOT NULL CHECK (length (signature) = 64)
) STRICT;

CREATE TRIGGER revocation_list_no_update BEFORE UPDATE ON revocation_list
BEGIN SELECT RAISE (ABORT, 'revocation lists are append-only'); END;
CREATE TRIGGER revocation_list_no_delete BEFORE DELETE ON revocation_list
BEGIN SELECT RAISE (ABORT, 'revocation lists are append-only'); END;

-- The QR code content of the current version of each certificate, made when it is
-- issued or reissued, so reprints need no signing key and show the same code.
ALTER TABLE certificate ADD COLUMN code TEXT;
CREATE INDEX certificate_course_trainee ON certificate (course_id, trainee_id);
