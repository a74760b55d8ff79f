-- Version 9: the daily sums (version 8) held while what arrived from the partner is written.
-- Never edit a migration once it has landed.
--
-- A first exchange with the partner writes every moment of their journal, tens of thousands at
-- once, and the triggers of version 8 made up to eight upserts of moment_day for each. While
-- sharing writes what arrived (sync_pair.applying = 1), the triggers below only note the local
-- days a write touches, in moment_day_held. When the writing ends (applying back to 0, in the
-- same transaction), those days are added up again from their moments in one grouped query and
-- the notes are cleared. If the exchange fails, its savepoint takes all of it back, notes
-- included. Outside an exchange, and on a computer that shares with no one, the triggers keep
-- the sums moment by moment exactly as before.
--
-- moment_day_redo holds the grouped arithmetic: the same sums as moment_day_change_apply, for
-- every moment at once. The property test of the daily sums checks both against the moments.

CREATE TABLE moment_day_held (
    local_date TEXT PRIMARY KEY NOT NULL
) STRICT, WITHOUT ROWID;

DROP TRIGGER moment_day_insert;
DROP TRIGGER moment_day_delete;
DROP TRIGGER moment_day_update;

CREATE TRIGGER moment_day_insert AFTER INSERT ON moment
WHEN new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_pair WHERE applying = 1)
BEGIN
    INSERT INTO moment_day_change VALUES (1, new.local_date, new.kind_id, new.baby_id,
        new.private, new.who, new.started_at, new.ended_at, new.connection, new.energy,
        new.author);
END;

CREATE TRIGGER moment_day_delete AFTER DELETE ON moment
WHEN old.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_pair WHERE applying = 1)
BEGIN
    INSERT INTO moment_day_change VALUES (-1, old.local_date, old.kind_id, old.baby_id,
        old.private, old.who, old.started_at, old.ended_at, old.connection, old.energy,
        old.author);
END;

-- Only the columns the sums read: a new note or uid changes nothing here.
CREATE TRIGGER moment_day_update AFTER UPDATE OF kind_id, started_at, utc_offset, ended_at,
    baby_id, who, connection, energy, private, deleted_at, author ON moment
WHEN NOT EXISTS (SELECT 1 FROM sync_pair WHERE applying = 1)
BEGIN
    INSERT INTO moment_day_change SELECT -1, old.local_date, old.kind_id, old.baby_id,
        old.private, old.who, old.started_at, old.ended_at, old.connection, old.energy,
        old.author WHERE old.deleted_at IS NULL;
    INSERT INTO moment_day_change SELECT 1, new.local_date, new.kind_id, new.baby_id,
        new.private, new.who, new.started_at, new.ended_at, new.connection, new.energy,
        new.author WHERE new.deleted_at IS NULL;
END;

CREATE TRIGGER moment_day_hold_insert AFTER INSERT ON moment
WHEN new.deleted_at IS NULL AND EXISTS (SELECT 1 FROM sync_pair WHERE applying = 1)
BEGIN
    INSERT OR IGNORE INTO moment_day_held VALUES (new.local_date);
END;

CREATE TRIGGER moment_day_hold_delete AFTER DELETE ON moment
WHEN old.deleted_at IS NULL AND EXISTS (SELECT 1 FROM sync_pair WHERE applying = 1)
BEGIN
    INSERT OR IGNORE INTO moment_day_held VALUES (old.local_date);
END;

CREATE TRIGGER moment_day_hold_update AFTER UPDATE OF kind_id, started_at, utc_offset, ended_at,
    baby_id, who, connection, energy, private, deleted_at, author ON moment
WHEN EXISTS (SELECT 1 FROM sync_pair WHERE applying = 1)
BEGIN
    INSERT OR IGNORE INTO moment_day_held VALUES (old.local_date), (new.local_date);
END;

-- Ending the writing adds up the held days again. A day's rows are removed first, so a day
-- whose last moment went away keeps no row. CROSS JOIN keeps the held days outermost, so each
-- day's moments are found through the index by local date instead of every moment being read.
CREATE TRIGGER moment_day_redo AFTER UPDATE OF applying ON sync_pair
WHEN old.applying = 1 AND new.applying = 0
BEGIN
    DELETE FROM moment_day
     WHERE scope IN (0, 1) AND baby IN (SELECT -1 UNION ALL SELECT id FROM baby)
       AND day IN (SELECT unixepoch(local_date) / 86400 FROM moment_day_held);
    INSERT INTO moment_day (scope, baby, day, kind_id, moments, minutes, me, partner, other,
                            connection_1, connection_2, connection_3, connection_4, connection_5,
                            energy_count, energy_sum)
    SELECT s.scope, iif(b.one, m.baby_id, -1), unixepoch(m.local_date) / 86400,
           iif(k.one, m.kind_id, ''),
           count(*),
           sum((ifnull(m.ended_at - m.started_at, 0) + 30) / 60),
           sum(m.who = 'me'),
           sum(m.who = 'partner'),
           sum(m.who = 'caregiver'),
           sum(m.author IS NULL AND m.connection IS 1),
           sum(m.author IS NULL AND m.connection IS 2),
           sum(m.author IS NULL AND m.connection IS 3),
           sum(m.author IS NULL AND m.connection IS 4),
           sum(m.author IS NULL AND m.connection IS 5),
           sum(m.author IS NULL AND m.energy IS NOT NULL),
           sum(iif(m.author IS NULL, ifnull(m.energy, 0), 0))
      FROM moment_day_held AS h
     CROSS JOIN moment AS m ON m.local_date = h.local_date AND m.deleted_at IS NULL
      JOIN (SELECT 0 AS scope UNION ALL SELECT 1) AS s ON s.scope = 0 OR m.private = 0
      JOIN (SELECT 0 AS one UNION ALL SELECT 1) AS b ON b.one = 0 OR m.baby_id IS NOT NULL
      JOIN (SELECT 0 AS one UNION ALL SELECT 1) AS k
     GROUP BY 1, 2, 3, 4;
    DELETE FROM moment_day_held;
END;
