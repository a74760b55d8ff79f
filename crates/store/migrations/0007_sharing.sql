-- Version 7: sharing the care between two caregivers' computers. Never edit a migration once it
-- has landed.
--
-- Every baby, kind of moment, moment and running timer gets a globally unique id (`uid`), so
-- that two computers can speak of the same row. The local integer ids stay the row ids every
-- screen and query uses. A uid is a UUID version 7 in its usual text form, made from the row's
-- creation time (milliseconds) and 74 random bits; a built-in kind's uid is its id, the same on
-- every computer. New rows get theirs from the triggers below, whatever code inserts them.
--
-- - moment.share_feelings: 1 when the parent chose to share this moment's note, feeling words,
--   tags and ratings with their partner; 0 (the default) shares only the care itself.
-- - moment.author, timer.author: NULL for what was written on this computer; otherwise the
--   device id of the partner's computer that wrote it. `who` is always as seen from this
--   computer: 'me' is the person using it.
--
-- The new columns come after `note`: adding a column cannot put it earlier. Lists and searches
-- do not read them, so they never walk a long note's overflow pages for them.
--
-- Sharing's own tables, owned by the sharing engine:
-- - sync_pair: the one pairing of this journal, if any: the pairing secret (as safe as the
--   journal: encrypted with it when a passphrase is set), this computer's device id and the name
--   it shows, the shared folder, the partner once their first file is read, which of their files
--   were applied (`cursors`, JSON) and when the last one was (`received_at`), the last file
--   written here (`sent_seq`) with the document's heads at that moment (`sent_heads`), and the
--   last of ours the partner acknowledged (`acked_seq`), when the partner unpaired on their
--   side (`partner_left_at`), and `applying`, set while what arrived is being written (those
--   writes are not changes to send back).
-- - sync_doc: the shared document, as saved bytes: row 0 is a whole save, later rows are
--   changes appended since.
-- - sync_pending: which rows changed here since the last exchange, filled by triggers while a
--   pairing exists, emptied by the exchange.

ALTER TABLE baby ADD COLUMN uid TEXT;
ALTER TABLE moment_kind ADD COLUMN uid TEXT;
ALTER TABLE moment ADD COLUMN uid TEXT;
ALTER TABLE moment ADD COLUMN share_feelings INTEGER NOT NULL DEFAULT 0
    CHECK (share_feelings IN (0, 1));
ALTER TABLE moment ADD COLUMN author TEXT CHECK (author IS NULL OR length(author) BETWEEN 1 AND 64);
ALTER TABLE timer ADD COLUMN uid TEXT;
ALTER TABLE timer ADD COLUMN author TEXT CHECK (author IS NULL OR length(author) BETWEEN 1 AND 64);

-- A UUID version 7 for a row made at `created` (seconds since the epoch). SQLite has no
-- functions of our own in a migration, so the expression is written out in each place below.
UPDATE baby SET uid = (
    SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'
        || substr('89ab', 1 + (random() & 3), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
      FROM (SELECT printf('%012x', baby.created_at * 1000) AS h,
                   lower(hex(randomblob(9))) AS r));
UPDATE moment_kind SET uid = CASE WHEN built_in = 1 THEN id ELSE (
    SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'
        || substr('89ab', 1 + (random() & 3), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
      FROM (SELECT printf('%012x', moment_kind.created_at * 1000) AS h,
                   lower(hex(randomblob(9))) AS r)) END;
UPDATE moment SET uid = (
    SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'
        || substr('89ab', 1 + (random() & 3), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
      FROM (SELECT printf('%012x', moment.created_at * 1000) AS h,
                   lower(hex(randomblob(9))) AS r));
UPDATE timer SET uid = (
    SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'
        || substr('89ab', 1 + (random() & 3), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
      FROM (SELECT printf('%012x', timer.started_at * 1000) AS h,
                   lower(hex(randomblob(9))) AS r));

CREATE UNIQUE INDEX baby_by_uid ON baby (uid);
CREATE UNIQUE INDEX moment_kind_by_uid ON moment_kind (uid);
CREATE UNIQUE INDEX moment_by_uid ON moment (uid);
CREATE UNIQUE INDEX timer_by_uid ON timer (uid);
-- Whether the journal holds any moment from the partner, answered without reading every row.
CREATE INDEX moment_from_partner ON moment (author) WHERE author IS NOT NULL;

CREATE TRIGGER baby_gets_uid AFTER INSERT ON baby WHEN new.uid IS NULL
BEGIN
    UPDATE baby SET uid = (
        SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'
            || substr('89ab', 1 + (random() & 3), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
          FROM (SELECT printf('%012x', new.created_at * 1000) AS h,
                       lower(hex(randomblob(9))) AS r))
     WHERE id = new.id;
END;

CREATE TRIGGER moment_kind_gets_uid AFTER INSERT ON moment_kind WHEN new.uid IS NULL
BEGIN
    UPDATE moment_kind SET uid = CASE WHEN new.built_in = 1 THEN new.id ELSE (
        SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'
            || substr('89ab', 1 + (random() & 3), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
          FROM (SELECT printf('%012x', new.created_at * 1000) AS h,
                       lower(hex(randomblob(9))) AS r)) END
     WHERE id = new.id;
END;

CREATE TRIGGER moment_gets_uid AFTER INSERT ON moment WHEN new.uid IS NULL
BEGIN
    UPDATE moment SET uid = (
        SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'
            || substr('89ab', 1 + (random() & 3), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
          FROM (SELECT printf('%012x', new.created_at * 1000) AS h,
                       lower(hex(randomblob(9))) AS r))
     WHERE id = new.id;
END;

CREATE TRIGGER timer_gets_uid AFTER INSERT ON timer WHEN new.uid IS NULL
BEGIN
    UPDATE timer SET uid = (
        SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3) || '-'
            || substr('89ab', 1 + (random() & 3), 1) || substr(r, 4, 3) || '-' || substr(r, 7, 12)
          FROM (SELECT printf('%012x', new.started_at * 1000) AS h,
                       lower(hex(randomblob(9))) AS r))
     WHERE id = new.id;
END;

CREATE TABLE sync_pair (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    secret       BLOB    NOT NULL CHECK (length(secret) = 20),
    device_id    TEXT    NOT NULL,
    my_name      TEXT    NOT NULL CHECK (length(my_name) BETWEEN 1 AND 60),
    folder       TEXT    NOT NULL,
    paired_at    INTEGER NOT NULL,
    partner_id   TEXT,
    partner_name TEXT,
    cursors      TEXT    NOT NULL DEFAULT '{}',
    received_at  INTEGER,
    sent_seq     INTEGER NOT NULL DEFAULT 0,
    sent_heads   BLOB,
    acked_seq    INTEGER NOT NULL DEFAULT 0,
    partner_left_at INTEGER,
    applying     INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1))
) STRICT;

CREATE TABLE sync_doc (
    seq   INTEGER PRIMARY KEY,
    bytes BLOB    NOT NULL
) STRICT;

CREATE TABLE sync_pending (
    entity TEXT NOT NULL CHECK (entity IN ('baby', 'kind', 'moment', 'timer')),
    uid    TEXT NOT NULL,
    PRIMARY KEY (entity, uid)
) STRICT, WITHOUT ROWID;

-- A row counts as changed when it is inserted (once it has its uid), updated or deleted, except
-- while what arrived from the partner is being written. A moment's feeling words and tags live
-- in tables of their own, but changing them always updates the moment's row too.
CREATE TRIGGER sync_pending_baby_insert AFTER INSERT ON baby
WHEN EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending SELECT 'baby', uid FROM baby
     WHERE id = new.id AND uid IS NOT NULL;
END;
CREATE TRIGGER sync_pending_baby_update AFTER UPDATE ON baby
WHEN new.uid IS NOT NULL AND EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending VALUES ('baby', new.uid);
END;

CREATE TRIGGER sync_pending_kind_insert AFTER INSERT ON moment_kind
WHEN EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending SELECT 'kind', uid FROM moment_kind
     WHERE id = new.id AND uid IS NOT NULL;
END;
CREATE TRIGGER sync_pending_kind_update AFTER UPDATE ON moment_kind
WHEN new.uid IS NOT NULL AND EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending VALUES ('kind', new.uid);
END;

CREATE TRIGGER sync_pending_moment_insert AFTER INSERT ON moment
WHEN EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending SELECT 'moment', uid FROM moment
     WHERE id = new.id AND uid IS NOT NULL;
END;
CREATE TRIGGER sync_pending_moment_update AFTER UPDATE ON moment
WHEN new.uid IS NOT NULL AND EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending VALUES ('moment', new.uid);
END;
CREATE TRIGGER sync_pending_moment_delete AFTER DELETE ON moment
WHEN old.uid IS NOT NULL AND EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending VALUES ('moment', old.uid);
END;

CREATE TRIGGER sync_pending_timer_insert AFTER INSERT ON timer
WHEN EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending SELECT 'timer', uid FROM timer
     WHERE id = new.id AND uid IS NOT NULL;
END;
CREATE TRIGGER sync_pending_timer_update AFTER UPDATE ON timer
WHEN new.uid IS NOT NULL AND EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending VALUES ('timer', new.uid);
END;
CREATE TRIGGER sync_pending_timer_delete AFTER DELETE ON timer
WHEN old.uid IS NOT NULL AND EXISTS (SELECT 1 FROM sync_pair WHERE applying = 0)
BEGIN
    INSERT OR IGNORE INTO sync_pending VALUES ('timer', old.uid);
END;
