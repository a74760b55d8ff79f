-- Version 5: the parent's care team, and a search index that forgets. Never edit a
-- migration once it has landed.
--
-- care_contact: the people the parent can turn to (their GP, midwife, health visitor,
-- therapist, partner, a friend), shown first on the Help screen. Kept in the journal so that it is
-- encrypted with it.
--
-- moment_fts: FTS5's own secure-delete, so the words of a purged or edited note leave the index's
-- segments too; PRAGMA secure_delete does not reach them.
--
-- Instants are INTEGER seconds since the Unix epoch, in UTC, as in the journal.

CREATE TABLE care_contact (
    id         INTEGER PRIMARY KEY,
    role       TEXT    NOT NULL CHECK (role IN ('gp', 'midwife', 'health_visitor', 'therapist',
                                                'partner', 'friend', 'family', 'other')),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    phone      TEXT    NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    notes      TEXT    NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    position   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

INSERT INTO moment_fts (moment_fts, rank) VALUES ('secure-delete', 1);
