-- Version 2: the journal of bonding moments.
-- Never edit a migration once it has landed: add a new numbered file instead.
--
-- Instants are INTEGER seconds since the Unix epoch, in UTC. A moment and a timer also keep the
-- UTC offset (seconds east of UTC) of the clock they were logged by; a moment's local day is
-- derived from both and never from the zone the parent is in today.

CREATE TABLE baby (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    birth_date  TEXT    CHECK (birth_date IS NULL OR date(birth_date) IS birth_date),
    archived_at INTEGER,
    created_at  INTEGER NOT NULL
) STRICT;

-- Kinds of moment: the built-in ones below and the parent's own (`custom_<n>`).
-- A kind is hidden, never deleted, so no moment ever loses its kind.
CREATE TABLE moment_kind (
    id         TEXT    PRIMARY KEY NOT NULL,
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    emoji      TEXT    NOT NULL CHECK (length(emoji) BETWEEN 1 AND 16),
    timed      INTEGER NOT NULL CHECK (timed IN (0, 1)),
    built_in   INTEGER NOT NULL CHECK (built_in IN (0, 1)),
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    position   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TRIGGER moment_kind_is_never_deleted BEFORE DELETE ON moment_kind
BEGIN
    SELECT RAISE(ABORT, 'a kind of moment is hidden, never deleted');
END;

-- The choices a kind offers for a moment's detail (the side of a feed, or a bottle).
CREATE TABLE moment_kind_detail (
    kind_id  TEXT    NOT NULL REFERENCES moment_kind (id),
    id       TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind_id, id)
) STRICT, WITHOUT ROWID;

INSERT INTO moment_kind (id, name, emoji, timed, built_in, position, created_at) VALUES
    ('skin_to_skin',            'Skin-to-skin',              '🫂', 1, 1, 1, 0),
    ('feeding',                 'Feeding',                   '🍼', 1, 1, 2, 0),
    ('changing',                'Changing',                  '🧷', 0, 1, 3, 0),
    ('rocking',                 'Rocking',                   '🌙', 0, 1, 4, 0),
    ('soothing',                'Soothing',                  '💗', 0, 1, 5, 0),
    ('bathing',                 'Bathing',                   '🛁', 0, 1, 6, 0),
    ('talking_reading_singing', 'Talking, reading, singing', '📖', 0, 1, 7, 0),
    ('tummy_time',              'Tummy time',                '🧸', 0, 1, 8, 0),
    ('carrying_walking',        'Carrying, walking',         '🚶', 0, 1, 9, 0);

INSERT INTO moment_kind_detail (kind_id, id, name, position) VALUES
    ('feeding', 'breast_left',  'Left breast',  1),
    ('feeding', 'breast_right', 'Right breast', 2),
    ('feeding', 'breast_both',  'Both breasts', 3),
    ('feeding', 'bottle',       'Bottle',       4);

-- Feeling words: the built-in set and every word the parent typed, kept to offer again.
CREATE TABLE feeling_word (
    word       TEXT    PRIMARY KEY NOT NULL CHECK (length(word) BETWEEN 1 AND 40),
    built_in   INTEGER NOT NULL CHECK (built_in IN (0, 1)),
    position   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO feeling_word (word, built_in, position, created_at) VALUES
    ('calm', 1, 1, 0), ('tender', 1, 2, 0), ('proud', 1, 3, 0), ('joyful', 1, 4, 0),
    ('numb', 1, 5, 0), ('anxious', 1, 6, 0), ('overwhelmed', 1, 7, 0), ('exhausted', 1, 8, 0),
    ('tearful', 1, 9, 0), ('irritable', 1, 10, 0), ('guilty', 1, 11, 0),
    ('disconnected', 1, 12, 0);

-- A moment of care. `local_date` is the calendar day on the clock it was logged by.
CREATE TABLE moment (
    id         INTEGER PRIMARY KEY,
    kind_id    TEXT    NOT NULL REFERENCES moment_kind (id),
    detail     TEXT,
    started_at INTEGER NOT NULL,
    utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -43200 AND 50400),
    local_date TEXT    NOT NULL
        GENERATED ALWAYS AS (date(started_at + utc_offset, 'unixepoch')) STORED,
    ended_at   INTEGER CHECK (ended_at IS NULL OR ended_at BETWEEN started_at AND started_at + 86400),
    baby_id    INTEGER REFERENCES baby (id),
    who        TEXT    NOT NULL CHECK (who IN ('me', 'partner', 'caregiver')),
    caregiver  TEXT    CHECK ((who = 'caregiver') = (caregiver IS NOT NULL)),
    connection INTEGER CHECK (connection BETWEEN 1 AND 5),
    energy     INTEGER CHECK (energy BETWEEN 1 AND 5),
    private    INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    -- Last, so that reading the columns above never walks a long note's overflow pages.
    note       TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 100000),
    FOREIGN KEY (kind_id, detail) REFERENCES moment_kind_detail (kind_id, id)
) STRICT;

-- Days, weeks and ranges read live moments by local day, in order of their instant.
CREATE INDEX moment_live_by_local_date ON moment (local_date, started_at) WHERE deleted_at IS NULL;
CREATE INDEX moment_in_trash ON moment (deleted_at) WHERE deleted_at IS NOT NULL;

-- A moment's feeling words and tags, keyed by their order so they are read back in it without
-- sorting. The journal crate never stores the same word or tag twice on one moment.
CREATE TABLE moment_feeling (
    moment_id INTEGER NOT NULL REFERENCES moment (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    word      TEXT    NOT NULL REFERENCES feeling_word (word),
    PRIMARY KEY (moment_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX moment_feeling_by_word ON moment_feeling (word);

CREATE TABLE moment_tag (
    moment_id INTEGER NOT NULL REFERENCES moment (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    tag       TEXT    NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
    PRIMARY KEY (moment_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX moment_tag_by_tag ON moment_tag (tag);

-- Full-text index over every moment's note, kept in step by triggers inside the same
-- transaction as the change. Moments in the trash stay indexed (so restoring is cheap and
-- `integrity-check` holds) and are filtered out by the queries; purging removes them.
CREATE VIRTUAL TABLE moment_fts USING fts5 (
    note,
    prefix = '1 2 3 4 5 6',
    content = 'moment',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER moment_fts_after_insert AFTER INSERT ON moment
BEGIN
    INSERT INTO moment_fts (rowid, note) VALUES (new.id, new.note);
END;

CREATE TRIGGER moment_fts_after_note_update AFTER UPDATE OF note ON moment
WHEN old.note IS NOT new.note
BEGIN
    INSERT INTO moment_fts (moment_fts, rowid, note) VALUES ('delete', old.id, old.note);
    INSERT INTO moment_fts (rowid, note) VALUES (new.id, new.note);
END;

CREATE TRIGGER moment_fts_after_delete AFTER DELETE ON moment
BEGIN
    INSERT INTO moment_fts (moment_fts, rowid, note) VALUES ('delete', old.id, old.note);
END;

-- A running timer: a timed moment that has started and not yet stopped. It survives restarts.
CREATE TABLE timer (
    id         INTEGER PRIMARY KEY,
    kind_id    TEXT    NOT NULL REFERENCES moment_kind (id),
    detail     TEXT,
    baby_id    INTEGER REFERENCES baby (id),
    who        TEXT    NOT NULL CHECK (who IN ('me', 'partner', 'caregiver')),
    caregiver  TEXT    CHECK ((who = 'caregiver') = (caregiver IS NOT NULL)),
    started_at INTEGER NOT NULL,
    utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -43200 AND 50400),
    FOREIGN KEY (kind_id, detail) REFERENCES moment_kind_detail (kind_id, id)
) STRICT;

-- One running timer per kind and baby (no baby counts as one "baby").
CREATE UNIQUE INDEX timer_one_per_kind_and_baby ON timer (kind_id, ifnull(baby_id, 0));
