-- Version 6: the gentle check-in. Never edit a migration once it has landed.
--
-- check_in: a short check-in the parent chooses to take, daily or weekly, in Nestling's own
-- words. Every answer may be skipped (NULL). It is a way to notice how things are going, never a
-- score: nothing here claims to measure or diagnose anything.
--
-- - taken_at, utc_offset, local_date: as a moment's started_at, utc_offset and local_date. The
--   instant is INTEGER seconds since the Unix epoch, in UTC, not before 2000; the offset is in
--   seconds east of UTC; a check-in belongs for ever to the day the parent's clock showed.
-- - mood, closeness (to the baby), worry: 1 to 5.
-- - sleep_minutes: the parent's own sleep in the last 24 hours, in quarter hours (0 to 1440).
-- - supported: 'yes', 'somewhat' or 'no'.
-- - safety: the answer to the safety question: 'no', 'unwanted_thoughts', 'might_act' or
--   'prefer_not'.
-- - in_report: 1 when the parent chose to share this check-in in the report; 0 (the default)
--   keeps it out of every export.
-- - note: free text as typed, up to 100,000 characters like a moment's note; NULL when none.
--   Last, so that reading the columns above never walks a long note's overflow pages.
-- - deleted_at: set when moved to the trash (restorable), as for moments.
--
-- Check-in notes are deliberately not in a full-text index: search finds moments, and the fewer
-- derived copies of the parent's most private answers the journal keeps, the less there is to
-- forget when one is deleted. The Journal's timeline shows them day by day beside moments.

CREATE TABLE check_in (
    id            INTEGER PRIMARY KEY,
    taken_at      INTEGER NOT NULL CHECK (taken_at >= 946684800),
    utc_offset    INTEGER NOT NULL CHECK (utc_offset BETWEEN -43200 AND 50400),
    local_date    TEXT    NOT NULL
        GENERATED ALWAYS AS (date(taken_at + utc_offset, 'unixepoch')) STORED,
    mood          INTEGER CHECK (mood BETWEEN 1 AND 5),
    closeness     INTEGER CHECK (closeness BETWEEN 1 AND 5),
    worry         INTEGER CHECK (worry BETWEEN 1 AND 5),
    sleep_minutes INTEGER CHECK (sleep_minutes BETWEEN 0 AND 1440 AND sleep_minutes % 15 = 0),
    supported     TEXT    CHECK (supported IN ('yes', 'somewhat', 'no')),
    safety        TEXT    CHECK (safety IN ('no', 'unwanted_thoughts', 'might_act', 'prefer_not')),
    in_report     INTEGER NOT NULL DEFAULT 0 CHECK (in_report IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    deleted_at    INTEGER,
    note          TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 100000)
) STRICT;

-- The timeline and the report read live check-ins by local day, in order of their instant.
CREATE INDEX check_in_live_by_local_date ON check_in (local_date, taken_at)
    WHERE deleted_at IS NULL;
CREATE INDEX check_in_in_trash ON check_in (deleted_at) WHERE deleted_at IS NOT NULL;
