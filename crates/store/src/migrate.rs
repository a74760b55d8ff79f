//! Numbered schema migrations, tracked with `PRAGMA user_version`.
//!
//! Migration `n` (1-based) takes the schema from version `n - 1` to `n`. Every pending
//! migration runs inside one `IMMEDIATE` transaction together with the version bump, so a failure
//! part-way leaves the file exactly at the version it had before.

use rusqlite::{Connection, TransactionBehavior};

use crate::{Error, Result};

/// One step of the schema: a name for people and the SQL that performs it.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// A short name, taken from the migration's file name.
    pub name: &'static str,
    /// The SQL batch to run.
    pub sql: &'static str,
}

/// Every migration, in order. Append only: a landed migration is never edited.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        name: "0001_settings",
        sql: include_str!("../migrations/0001_settings.sql"),
    },
    Migration {
        name: "0002_journal",
        sql: include_str!("../migrations/0002_journal.sql"),
    },
    Migration {
        name: "0003_library",
        sql: include_str!("../migrations/0003_library.sql"),
    },
    Migration {
        name: "0004_drafts",
        sql: include_str!("../migrations/0004_drafts.sql"),
    },
    Migration {
        name: "0005_care",
        sql: include_str!("../migrations/0005_care.sql"),
    },
    Migration {
        name: "0006_check_in",
        sql: include_str!("../migrations/0006_check_in.sql"),
    },
    Migration {
        name: "0007_sharing",
        sql: include_str!("../migrations/0007_sharing.sql"),
    },
    Migration {
        name: "0008_moment_day",
        sql: include_str!("../migrations/0008_moment_day.sql"),
    },
    Migration {
        name: "0009_moment_day_held",
        sql: include_str!("../migrations/0009_moment_day_held.sql"),
    },
];

/// The schema version this build writes and understands.
pub fn latest_version() -> u32 {
    version_of(MIGRATIONS)
}

fn version_of(migrations: &[Migration]) -> u32 {
    u32::try_from(migrations.len()).unwrap_or(u32::MAX)
}

/// Reads the schema version stored in the file.
pub(crate) fn current_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies every pending migration of `migrations` in one immediate transaction.
///
/// Returns the version the file has afterwards. A file newer than `migrations` knows is refused
/// with [`Error::TooNew`] and left unchanged.
pub(crate) fn migrate(
    conn: &mut Connection,
    migrations: &[Migration],
    path: &std::path::Path,
) -> Result<u32> {
    let latest = version_of(migrations);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = current_version(&tx)?;
    if found > latest {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found,
            supported: latest,
        });
    }
    for migration in &migrations[found as usize..] {
        tx.execute_batch(migration.sql)?;
    }
    if found < latest {
        tx.pragma_update(None, "user_version", latest)?;
    }
    tx.commit()?;
    Ok(latest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const FIRST: Migration = Migration {
        name: "first",
        sql: "CREATE TABLE a (x INTEGER);",
    };
    const BROKEN: Migration = Migration {
        name: "broken",
        sql: "CREATE TABLE b (y INTEGER); THIS IS NOT SQL;",
    };

    fn table_exists(conn: &Connection, name: &str) -> bool {
        conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [name],
            |row| row.get::<_, i64>(0),
        )
        .map(|n| n == 1)
        .unwrap_or(false)
    }

    #[test]
    fn a_new_database_reaches_the_latest_version() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        let version = migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).expect("migrates");
        assert_eq!(version, latest_version());
        assert_eq!(current_version(&conn).expect("version"), latest_version());
        assert!(table_exists(&conn, "setting"));
    }

    #[test]
    fn migrating_twice_changes_nothing_the_second_time() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).expect("first run");
        conn.execute(
            "INSERT INTO setting (key, value) VALUES ('theme', 'night')",
            [],
        )
        .expect("insert");
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).expect("second run");
        let value: String = conn
            .query_row("SELECT value FROM setting WHERE key = 'theme'", [], |r| {
                r.get(0)
            })
            .expect("row kept");
        assert_eq!(value, "night");
    }

    #[test]
    fn a_failing_migration_rolls_back_every_step_of_the_run() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        let err = migrate(&mut conn, &[FIRST, BROKEN], Path::new(":memory:"))
            .expect_err("the broken step fails");
        assert!(matches!(err, Error::Sqlite(_)), "{err:?}");
        assert_eq!(current_version(&conn).expect("version"), 0);
        assert!(
            !table_exists(&conn, "a"),
            "the first step was rolled back too"
        );
        assert!(!table_exists(&conn, "b"));
    }

    #[test]
    fn only_pending_migrations_run_on_an_older_file() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        migrate(&mut conn, &[FIRST], Path::new(":memory:")).expect("v1");
        conn.execute("INSERT INTO a (x) VALUES (7)", [])
            .expect("insert");
        let second = Migration {
            name: "second",
            sql: "ALTER TABLE a ADD COLUMN z TEXT;",
        };
        assert_eq!(
            migrate(&mut conn, &[FIRST, second], Path::new(":memory:")).expect("v2"),
            2
        );
        let x: i64 = conn
            .query_row("SELECT x FROM a", [], |r| r.get(0))
            .expect("row survived");
        assert_eq!(x, 7);
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_as_it_was() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        conn.pragma_update(None, "user_version", 99)
            .expect("set version");
        let err =
            migrate(&mut conn, MIGRATIONS, Path::new("journal.sqlite3")).expect_err("refused");
        assert!(matches!(err, Error::TooNew { found: 99, .. }), "{err:?}");
        assert_eq!(current_version(&conn).expect("version"), 99);
        assert!(!table_exists(&conn, "setting"));
    }
}
