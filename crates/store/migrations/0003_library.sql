-- Version 3: the library's reading state, and the articles the parent imported.
-- Never edit a migration once it has landed: add a new numbered file instead.
--
-- Articles are named by their slug. Shipped articles live in the app, not in this file, so the
-- reading tables have no foreign key: a row about an article that is gone (an import that was
-- deleted) is kept and ignored, never lost, and comes back if the article does.
-- Instants are INTEGER seconds since the Unix epoch, in UTC, as in the journal.

-- Where the parent is in each article: a fraction of the page, and the section they were in.
CREATE TABLE reading_progress (
    slug       TEXT    PRIMARY KEY NOT NULL,
    fraction   REAL    NOT NULL CHECK (fraction >= 0.0 AND fraction <= 1.0),
    anchor     TEXT,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE reading_bookmark (
    slug       TEXT    PRIMARY KEY NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

-- A highlighted passage: the quoted text, where it is (the section's anchor, NULL before the
-- first heading, and the character offset of the quote in that section's text), and a note.
CREATE TABLE reading_highlight (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL,
    quote       TEXT    NOT NULL CHECK (length(quote) BETWEEN 1 AND 2000),
    anchor      TEXT,
    text_offset INTEGER NOT NULL CHECK (text_offset >= 0),
    note        TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX reading_highlight_by_article ON reading_highlight (slug);

-- When each article was last opened.
CREATE TABLE reading_recent (
    slug      TEXT    PRIMARY KEY NOT NULL,
    opened_at INTEGER NOT NULL
) STRICT;

CREATE INDEX reading_recent_by_time ON reading_recent (opened_at);

-- Articles the parent imported, stored as the Markdown file they chose (front matter included)
-- and validated again each time the library loads. Deleting one sets deleted_at; it can be
-- restored until another import takes its name.
CREATE TABLE imported_article (
    slug        TEXT    PRIMARY KEY NOT NULL,
    file_name   TEXT    NOT NULL,
    markdown    TEXT    NOT NULL,
    imported_at INTEGER NOT NULL,
    deleted_at  INTEGER
) STRICT;
