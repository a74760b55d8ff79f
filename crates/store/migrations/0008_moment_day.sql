-- Version 8: the care added up per local day, so that the weekly figures of Patterns read a few
-- small rows per day instead of every moment. Never edit a migration once it has landed.
--
-- moment_day holds, for each local day, the sums of the live moments (not in the trash) that a
-- filter of Patterns can ask for:
-- - scope 0 counts every live moment (the app); scope 1 only those not marked private (the
--   therapist report);
-- - baby -1 counts the moments of every baby and of none; a baby's id counts only that baby's;
-- - kind_id '' counts every kind; a kind's id counts only that kind's.
-- So a moment adds to 2 × 2 × 2 rows, fewer when it is private or has no baby. The figures of
-- every kind read each kind's count and minutes and the ratings of the day's '' row, so they
-- read four columns of most rows, not sixteen. `day` is the local date as whole days since
-- 1970-01-01.
--
-- Its columns are what the figures add up: how many moments, their minutes (each moment's own
-- minutes rounded to the nearest minute, then added), who gave the care, how many were rated 1
-- to 5 for connection, and the count and sum of the energy ratings. Ratings count only for
-- moments written on this computer (`author IS NULL`): a partner's ratings are how they felt.
--
-- The table is derived: nothing writes it but the triggers below, whatever code writes a moment
-- (the journal, the trash, a restore, sharing). Each change goes through the view
-- moment_day_change, whose one trigger holds the arithmetic: +1 adds a moment, -1 takes it away,
-- and a row whose count falls to zero is removed.

CREATE TABLE moment_day (
    scope        INTEGER NOT NULL CHECK (scope IN (0, 1)),
    baby         INTEGER NOT NULL,
    day          INTEGER NOT NULL,
    kind_id      TEXT    NOT NULL,
    moments      INTEGER NOT NULL,
    minutes      INTEGER NOT NULL,
    me           INTEGER NOT NULL,
    partner      INTEGER NOT NULL,
    other        INTEGER NOT NULL,
    connection_1 INTEGER NOT NULL,
    connection_2 INTEGER NOT NULL,
    connection_3 INTEGER NOT NULL,
    connection_4 INTEGER NOT NULL,
    connection_5 INTEGER NOT NULL,
    energy_count INTEGER NOT NULL,
    energy_sum   INTEGER NOT NULL,
    PRIMARY KEY (scope, baby, day, kind_id)
) STRICT, WITHOUT ROWID;

-- One moment's part in the sums, `sign` 1 to add it and -1 to take it away. Never read.
CREATE VIEW moment_day_change (sign, local_date, kind_id, baby_id, private, who, started_at,
                               ended_at, connection, energy, author) AS
    SELECT 0, '', '', NULL, 0, '', 0, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER moment_day_change_apply INSTEAD OF INSERT ON moment_day_change
BEGIN
    INSERT INTO moment_day (scope, baby, day, kind_id, moments, minutes, me, partner, other,
                            connection_1, connection_2, connection_3, connection_4, connection_5,
                            energy_count, energy_sum)
    SELECT s.scope, b.baby, unixepoch(new.local_date) / 86400, k.kind,
           new.sign,
           new.sign * ((ifnull(new.ended_at - new.started_at, 0) + 30) / 60),
           new.sign * (new.who = 'me'),
           new.sign * (new.who = 'partner'),
           new.sign * (new.who = 'caregiver'),
           new.sign * (new.author IS NULL AND new.connection IS 1),
           new.sign * (new.author IS NULL AND new.connection IS 2),
           new.sign * (new.author IS NULL AND new.connection IS 3),
           new.sign * (new.author IS NULL AND new.connection IS 4),
           new.sign * (new.author IS NULL AND new.connection IS 5),
           new.sign * (new.author IS NULL AND new.energy IS NOT NULL),
           new.sign * iif(new.author IS NULL, ifnull(new.energy, 0), 0)
      FROM (SELECT 0 AS scope UNION ALL SELECT 1 WHERE new.private = 0) AS s,
           (SELECT -1 AS baby UNION ALL SELECT new.baby_id WHERE new.baby_id IS NOT NULL) AS b,
           (SELECT new.kind_id AS kind UNION ALL SELECT '') AS k
     WHERE true
    ON CONFLICT (scope, baby, day, kind_id) DO UPDATE SET
        moments = moments + excluded.moments,
        minutes = minutes + excluded.minutes,
        me = me + excluded.me,
        partner = partner + excluded.partner,
        other = other + excluded.other,
        connection_1 = connection_1 + excluded.connection_1,
        connection_2 = connection_2 + excluded.connection_2,
        connection_3 = connection_3 + excluded.connection_3,
        connection_4 = connection_4 + excluded.connection_4,
        connection_5 = connection_5 + excluded.connection_5,
        energy_count = energy_count + excluded.energy_count,
        energy_sum = energy_sum + excluded.energy_sum;
    DELETE FROM moment_day
     WHERE new.sign < 0 AND moments = 0 AND scope IN (0, 1)
       AND baby IN (-1, ifnull(new.baby_id, -1))
       AND day = unixepoch(new.local_date) / 86400 AND kind_id IN (new.kind_id, '');
END;

CREATE TRIGGER moment_day_insert AFTER INSERT ON moment WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO moment_day_change VALUES (1, new.local_date, new.kind_id, new.baby_id,
        new.private, new.who, new.started_at, new.ended_at, new.connection, new.energy,
        new.author);
END;

CREATE TRIGGER moment_day_delete AFTER DELETE ON moment WHEN old.deleted_at IS NULL
BEGIN
    INSERT INTO moment_day_change VALUES (-1, old.local_date, old.kind_id, old.baby_id,
        old.private, old.who, old.started_at, old.ended_at, old.connection, old.energy,
        old.author);
END;

-- Only the columns the sums read: a new note or uid changes nothing here.
CREATE TRIGGER moment_day_update AFTER UPDATE OF kind_id, started_at, utc_offset, ended_at,
    baby_id, who, connection, energy, private, deleted_at, author ON moment
BEGIN
    INSERT INTO moment_day_change SELECT -1, old.local_date, old.kind_id, old.baby_id,
        old.private, old.who, old.started_at, old.ended_at, old.connection, old.energy,
        old.author WHERE old.deleted_at IS NULL;
    INSERT INTO moment_day_change SELECT 1, new.local_date, new.kind_id, new.baby_id,
        new.private, new.who, new.started_at, new.ended_at, new.connection, new.energy,
        new.author WHERE new.deleted_at IS NULL;
END;

-- The journal's moments so far.
INSERT INTO moment_day_change
SELECT 1, local_date, kind_id, baby_id, private, who, started_at, ended_at, connection, energy,
       author
  FROM moment WHERE deleted_at IS NULL;
