-- Version 4: notes being written. Never edit a migration once it has landed.
--
-- While the editor is open, its note is kept here on every change, so that a crash, a lock or a
-- restart loses none of it, and so that it is encrypted with the journal when a passphrase is
-- set. A draft is named by what it belongs to: 'new' for a moment not saved yet, or the id (in
-- decimal) of the moment being edited. No foreign key: a draft for a moment moved to the trash in
-- the meantime is kept, never lost; purging the moment for good removes its draft.
-- Instants are INTEGER seconds since the Unix epoch, in UTC, as in the journal.

CREATE TABLE note_draft (
    key        TEXT    PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 20),
    note       TEXT    NOT NULL CHECK (length(note) <= 100000),
    updated_at INTEGER NOT NULL
) STRICT;
