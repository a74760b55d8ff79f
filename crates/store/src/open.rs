//! Finding the data folder and opening the journal file safely.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::migrate::{self, MIGRATIONS};
use crate::{Error, Result};

/// The environment variable that moves Nestling's data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "NESTLING_DATA_DIR";

/// The journal's file name inside the data folder.
pub const DATABASE_FILE_NAME: &str = "nestling.sqlite3";

/// `PRAGMA application_id` of a Nestling journal: the bytes `NEST`.
const APPLICATION_ID: i64 = 0x4E45_5354;

/// Chooses the data folder: the override when it is set and not empty, else the platform default.
pub fn data_dir(env_override: Option<OsString>, platform_default: PathBuf) -> PathBuf {
    match env_override {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => platform_default,
    }
}

/// An open, migrated journal file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the journal in `dir`, creating the folder and the file when they do not exist.
    ///
    /// Refuses, without writing a byte, a file that is not a SQLite database, a database that
    /// belongs to another program, and a journal written by a newer Nestling.
    pub fn open_in(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|source| Error::CreateDataDir {
            path: dir.to_path_buf(),
            source,
        })?;
        Self::open_file(&dir.join(DATABASE_FILE_NAME))
    }

    /// Opens (or creates) the journal at exactly `path`.
    pub fn open_file(path: &Path) -> Result<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)?;
        refuse_what_is_not_ours(&conn, path)?;
        set_pragmas(&conn)?;
        migrate::migrate(&mut conn, MIGRATIONS, path)?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// An in-memory journal at the latest schema, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        set_pragmas(&conn)?;
        migrate::migrate(&mut conn, MIGRATIONS, Path::new(":memory:"))?;
        Ok(Self {
            conn,
            path: PathBuf::from(":memory:"),
        })
    }

    /// The journal file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(migrate::current_version(&self.conn)?)
    }

    /// The connection, for the domain crates that keep their SQL beside their logic.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection, mutably, for transactions.
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// Reads only: the header fields that say whose file this is and which version wrote it.
fn refuse_what_is_not_ours(conn: &Connection, path: &Path) -> Result<()> {
    let read = |pragma: &str| conn.pragma_query_value(None, pragma, |row| row.get::<_, i64>(0));
    let application_id = read("application_id").map_err(|err| not_a_database(err, path))?;
    let version = migrate::current_version(conn)?;
    let foreign = match application_id {
        APPLICATION_ID => false,
        0 => version != 0 || has_tables(conn)?,
        _ => true,
    };
    if foreign {
        return Err(Error::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    if version > migrate::latest_version() {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: migrate::latest_version(),
        });
    }
    Ok(())
}

fn not_a_database(err: rusqlite::Error, path: &Path) -> Error {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotADatabase {
            path: path.to_path_buf(),
        },
        _ => Error::Sqlite(err),
    }
}

fn has_tables(conn: &Connection) -> Result<bool> {
    let count: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?;
    Ok(count > 0)
}

/// Pragmas belong to the connection, not the schema, so they are set at every open.
fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Deleted notes are overwritten, not left readable in free pages of the file.
    conn.pragma_update(None, "secure_delete", true)?;
    // The journal's queries outnumber the default cache of 16 prepared statements.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        tempfile::tempdir().expect("temporary folder")
    }

    fn pragma(store: &Store, name: &str) -> String {
        store
            .conn()
            .pragma_query_value(None, name, |row| row.get::<_, rusqlite::types::Value>(0))
            .map(|v| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .expect("pragma readable")
    }

    #[test]
    fn creates_the_folder_and_the_file_when_missing() {
        let tmp = folder();
        let dir = tmp.path().join("nested").join("data");
        let store = Store::open_in(&dir).expect("opens");
        assert!(dir.join(DATABASE_FILE_NAME).is_file());
        assert_eq!(
            store.schema_version().expect("version"),
            migrate::latest_version()
        );
    }

    #[test]
    fn sets_wal_foreign_keys_busy_timeout_full_sync_and_secure_delete() {
        let tmp = folder();
        let store = Store::open_in(tmp.path()).expect("opens");
        assert_eq!(pragma(&store, "journal_mode"), "wal");
        assert_eq!(pragma(&store, "foreign_keys"), "1");
        assert_eq!(pragma(&store, "busy_timeout"), "5000");
        assert_eq!(pragma(&store, "synchronous"), "2");
        assert_eq!(pragma(&store, "secure_delete"), "1");
    }

    #[test]
    fn reopening_keeps_what_was_written() {
        let tmp = folder();
        {
            let store = Store::open_in(tmp.path()).expect("opens");
            crate::settings::set(store.conn(), "theme", "night").expect("saved");
        }
        let store = Store::open_in(tmp.path()).expect("reopens");
        assert_eq!(
            crate::settings::get_all(store.conn()).expect("read").theme,
            crate::settings::Theme::Night
        );
    }

    #[test]
    fn a_file_that_is_not_a_database_is_reported_and_left_untouched() {
        let tmp = folder();
        let path = tmp.path().join(DATABASE_FILE_NAME);
        let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &garbage).expect("write garbage");
        let err = Store::open_in(tmp.path()).expect_err("refused");
        assert!(matches!(err, Error::NotADatabase { .. }), "{err:?}");
        assert_eq!(std::fs::read(&path).expect("still there"), garbage);
        assert!(err.to_string().contains("is not a Nestling journal"));
        assert!(err.to_string().contains("left exactly as it is"));
    }

    #[test]
    fn a_database_of_another_program_is_refused_and_left_untouched() {
        let tmp = folder();
        let path = tmp.path().join(DATABASE_FILE_NAME);
        {
            let other = Connection::open(&path).expect("create");
            other
                .execute_batch(
                    "CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1);",
                )
                .expect("fill");
        }
        let before = std::fs::read(&path).expect("read");
        let err = Store::open_in(tmp.path()).expect_err("refused");
        assert!(matches!(err, Error::ForeignDatabase { .. }), "{err:?}");
        assert_eq!(std::fs::read(&path).expect("read"), before);
    }

    #[test]
    fn a_journal_from_a_newer_version_is_refused_byte_for_byte_untouched() {
        let tmp = folder();
        let path = tmp.path().join(DATABASE_FILE_NAME);
        drop(Store::open_in(tmp.path()).expect("create"));
        {
            let conn = Connection::open(&path).expect("open");
            conn.pragma_update(None, "journal_mode", "DELETE")
                .expect("leave WAL");
            conn.pragma_update(None, "user_version", 999)
                .expect("pretend newer");
        }
        let before = std::fs::read(&path).expect("read");
        let err = Store::open_in(tmp.path()).expect_err("refused");
        assert!(
            matches!(err, Error::TooNew { found: 999, supported, .. } if supported == migrate::latest_version()),
            "{err:?}"
        );
        assert_eq!(std::fs::read(&path).expect("read"), before);
        assert!(err.to_string().contains("newer version of Nestling"));
    }

    #[test]
    fn an_empty_file_becomes_a_new_journal() {
        let tmp = folder();
        std::fs::write(tmp.path().join(DATABASE_FILE_NAME), b"").expect("touch");
        let store = Store::open_in(tmp.path()).expect("an empty file is an empty database");
        assert_eq!(
            store.schema_version().expect("version"),
            migrate::latest_version()
        );
    }

    #[test]
    fn a_folder_that_cannot_be_created_is_reported_with_its_path() {
        let tmp = folder();
        let blocker = tmp.path().join("file");
        std::fs::write(&blocker, b"x").expect("write");
        let err = Store::open_in(&blocker.join("data")).expect_err("cannot create under a file");
        assert!(matches!(err, Error::CreateDataDir { .. }), "{err:?}");
        assert!(err.to_string().contains("data folder"));
    }

    #[test]
    fn the_override_wins_unless_it_is_empty() {
        let default = PathBuf::from("/home/p/.local/share/nestling");
        assert_eq!(
            data_dir(Some("/tmp/x".into()), default.clone()),
            PathBuf::from("/tmp/x")
        );
        assert_eq!(data_dir(Some("".into()), default.clone()), default);
        assert_eq!(data_dir(None, default.clone()), default);
    }
}
