-- Version 1: the file is marked as a Nestling journal, and settings get a home.
-- Never edit a migration once it has landed: add a new numbered file instead.
PRAGMA application_id = 1313166164;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
