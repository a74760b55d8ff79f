//! Finding the data folder and opening the journal file safely, plain or encrypted.
//!
//! Every open follows the same steps: a read-only connection checks that the file is a Nestling
//! journal, that this version can read it, and that it is not damaged (`PRAGMA quick_check`); only
//! then does a read-write connection set the pragmas, back up a file about to be migrated, run the
//! migrations and, once a day, make a backup.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Serialize;

use crate::backups::{self, Reason};
use crate::fsutil;
use crate::keys::{DataKey, KeyFile, Keys};
use crate::migrate::{self, MIGRATIONS};
use crate::{Error, Result};

/// The environment variable that moves Nestling's data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "NESTLING_DATA_DIR";

/// The journal's file name inside the data folder.
pub const DATABASE_FILE_NAME: &str = "nestling.sqlite3";

/// `PRAGMA application_id` of a Nestling journal: the bytes `NEST`.
pub(crate) const APPLICATION_ID: i64 = 0x4E45_5354;

/// Chooses the data folder: the override when it is set and not empty, else the platform default.
pub fn data_dir(env_override: Option<OsString>, platform_default: PathBuf) -> PathBuf {
    match env_override {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => platform_default,
    }
}

/// What the data folder holds, as far as can be told without opening or writing anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JournalStatus {
    /// No journal yet: [`Store::open_in`] will create one.
    New,
    /// A journal without a passphrase: open it with [`Store::open_in`].
    Plain,
    /// An encrypted journal: open it with [`Store::unlock_in`].
    Locked,
}

/// Tells whether `dir` holds no journal, a plain one or an encrypted one. Writes nothing.
///
/// A journal whose file starts with the plain database header is `Plain` even when a key file
/// lies beside it (left by an interrupted change of passphrase); any other non-empty journal is
/// `Locked` when the key file or its spare copy exists. A file that is neither (no key file, no
/// plain header) is reported as `Plain`, and opening it then says precisely what is wrong.
pub fn status(dir: &Path) -> Result<JournalStatus> {
    let db = dir.join(DATABASE_FILE_NAME);
    if !fsutil::has_content(&db) {
        return Ok(JournalStatus::New);
    }
    if !fsutil::has_plain_header(&db) && KeyFile::exists_in(dir) {
        return Ok(JournalStatus::Locked);
    }
    Ok(JournalStatus::Plain)
}

/// An open, checked and migrated journal file.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) key: Option<DataKey>,
}

impl Store {
    /// Opens the plain journal in `dir`, creating the folder and the file when they do not exist.
    ///
    /// An encrypted journal is refused with [`Error::Locked`]: use [`Store::unlock_in`]. Refuses,
    /// without writing a byte, a file that is not a SQLite database, a database that belongs to
    /// another program, a journal written by a newer Nestling and a damaged journal
    /// ([`Error::Damaged`]).
    pub fn open_in(dir: &Path) -> Result<Self> {
        create_dir(dir)?;
        if status(dir)? == JournalStatus::Locked {
            return Err(Error::Locked);
        }
        Self::open_at(&dir.join(DATABASE_FILE_NAME), None)
    }

    /// Opens the encrypted journal in `dir` with the passphrase or the recovery code.
    ///
    /// A secret that matches neither gives [`Error::WrongPassphrase`] and changes nothing on disk.
    /// A journal without a passphrase gives [`Error::NotEncrypted`].
    pub fn unlock_in(dir: &Path, secret: &str) -> Result<Self> {
        if status(dir)? != JournalStatus::Locked {
            return Err(Error::NotEncrypted);
        }
        let key_file = KeyFile::read(dir)?.ok_or(Error::NotEncrypted)?;
        let (_, keys) = key_file.unlock_all(secret)?;
        let db = dir.join(DATABASE_FILE_NAME);
        let key = key_for_file(&keys, &db).clone();
        Self::open_at(&db, Some(key))
    }

    /// Opens (or creates) the plain journal at exactly `path`; backups go beside it.
    pub fn open_file(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            if path.file_name() == Some(DATABASE_FILE_NAME.as_ref())
                && status(dir)? == JournalStatus::Locked
            {
                return Err(Error::Locked);
            }
        }
        Self::open_at(path, None)
    }

    /// Checks, then opens read-write, backs up before migrating, migrates, and makes the daily
    /// backup when one is due.
    pub(crate) fn open_at(path: &Path, key: Option<DataKey>) -> Result<Self> {
        remove_crash_leftovers(path);
        let existed = fsutil::has_content(path);
        if existed {
            check_file(path, key.as_ref())?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
        let conn = connect(path, key.as_ref(), flags)?;
        refuse_what_is_not_ours(&conn, path, key.is_some())?;
        set_pragmas(&conn)?;
        let mut store = Self {
            conn,
            path: path.to_path_buf(),
            key,
        };
        let version = migrate::current_version(&store.conn)?;
        // A file at version 0 holds nothing yet: only a real journal is worth a backup.
        if existed && version > 0 && version < migrate::latest_version() {
            store.backup(Reason::Migration)?;
        }
        migrate::migrate(&mut store.conn, MIGRATIONS, path)?;
        // A failed daily backup must not keep the parent out of the journal; the next open
        // tries again.
        let _ = store.daily_backup_if_due();
        Ok(store)
    }

    /// An in-memory journal at the latest schema, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        engine_ready();
        let mut conn = Connection::open_in_memory()?;
        set_pragmas(&conn)?;
        migrate::migrate(&mut conn, MIGRATIONS, Path::new(":memory:"))?;
        Ok(Self {
            conn,
            path: PathBuf::from(":memory:"),
            key: None,
        })
    }

    /// The journal file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The data folder: the folder holding the journal file, its key file and `backups/`.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// Whether the journal is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
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

/// Copies that an interrupted conversion, restore or backup left beside the journal or among
/// its backups. They may hold journal text in the clear even when the journal is encrypted, so
/// they go at every open; best effort, since none of them is ever the only copy.
fn remove_crash_leftovers(path: &Path) {
    let _ = fsutil::remove_journal_leftovers(path);
    if let Some(dir) = path.parent() {
        backups::remove_leftovers(&backups::backups_dir(dir));
    }
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::CreateDataDir {
        path: dir.to_path_buf(),
        source,
    })
}

/// Checks of an existing file: ours, not too new, not damaged. Done read-only, so a refused file
/// is never written (a read-only connection cannot even checkpoint a leftover log on close).
///
/// The one exception: a crash can leave a hot rollback journal, which only a writer may roll
/// back; that restores the file to its last commit, so the checks then run read-write.
pub(crate) fn check_file(path: &Path, key: Option<&DataKey>) -> Result<()> {
    match check_with(path, key, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Err(Error::Sqlite(err)) if err.sqlite_error_code() == Some(ErrorCode::ReadOnly) => {
            check_with(path, key, OpenFlags::SQLITE_OPEN_READ_WRITE)
        }
        other => other,
    }
}

fn check_with(path: &Path, key: Option<&DataKey>, flags: OpenFlags) -> Result<()> {
    let conn = connect(path, key, flags)?;
    refuse_what_is_not_ours(&conn, path, key.is_some())?;
    quick_check(&conn, path)
}

/// Lets the engine finish its one-time start-up on a single thread, and silences its log.
///
/// The encryption layer registers its export function for every later connection at the end of
/// the engine's start-up; a connection opened by another thread during that moment lacks it.
/// Its log setting is process-wide, and changing it while another thread logs crashed a test
/// run (SIGSEGV), so it is set here, once, before any other connection exists.
fn engine_ready() {
    static READY: std::sync::Once = std::sync::Once::new();
    READY.call_once(|| {
        if let Ok(conn) = Connection::open_in_memory() {
            // Best effort: an engine without these settings has no log to silence.
            let _ = silence_cipher_log(&conn);
        }
    });
}

/// A connection on the started, silenced engine with, for an encrypted file, the data key applied.
pub(crate) fn connect(path: &Path, key: Option<&DataKey>, flags: OpenFlags) -> Result<Connection> {
    engine_ready();
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    if let Some(key) = key {
        apply_key(&conn, key)?;
    }
    Ok(conn)
}

/// The encryption layer writes warnings (such as a failed page check under a wrong key) to
/// standard error by default; a private app prints nothing. The setting is process-wide.
fn silence_cipher_log(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE; PRAGMA cipher_log = off;")?;
    Ok(())
}

/// Keys the connection with the raw data key; must come before anything reads the file.
pub(crate) fn apply_key(conn: &Connection, key: &DataKey) -> Result<()> {
    let sql = zeroize::Zeroizing::new(format!("PRAGMA key = \"{}\";", key.sql_literal().as_str()));
    conn.execute_batch(&sql)?;
    Ok(())
}

/// Whether `key` decrypts the database file at `path`. Reads its first page only.
pub(crate) fn opens_with(path: &Path, key: &DataKey) -> bool {
    connect(path, Some(key), OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|conn| {
            let count = conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
                row.get::<_, i64>(0)
            })?;
            Ok(count)
        })
        .is_ok()
}

/// Of `keys`, the one that decrypts the file at `path`: during a change of key a file may still
/// be under the retiring key. The current key when neither does (opening then reports why).
pub(crate) fn key_for_file<'k>(keys: &'k Keys, path: &Path) -> &'k DataKey {
    match &keys.retiring {
        Some(old) if !opens_with(path, &keys.current) && opens_with(path, old) => old,
        _ => &keys.current,
    }
}

/// `PRAGMA quick_check` (linear in the file's size); anything but `ok` is damage.
pub(crate) fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    run_check(conn, "PRAGMA quick_check", path)
}

/// Runs a check pragma; a report other than a single `ok`, or a corruption error, is damage.
pub(crate) fn run_check(conn: &Connection, sql: &str, path: &Path) -> Result<()> {
    let damaged = || Error::Damaged {
        path: path.to_path_buf(),
    };
    let report: rusqlite::Result<Vec<String>> = conn
        .prepare(sql)
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect());
    match report {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => Ok(()),
        Ok(_) => Err(damaged()),
        Err(err) if is_damage(&err) => Err(damaged()),
        Err(err) => Err(Error::Sqlite(err)),
    }
}

fn is_damage(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// Reads only: the header fields that say whose file this is and which version wrote it.
///
/// For an encrypted file the data key has already been proven right by the key file, so a page
/// that does not decrypt is damage, not a foreign file.
fn refuse_what_is_not_ours(conn: &Connection, path: &Path, keyed: bool) -> Result<()> {
    let read = |pragma: &str| conn.pragma_query_value(None, pragma, |row| row.get::<_, i64>(0));
    let application_id = read("application_id").map_err(|err| match keyed {
        true if is_damage(&err) => Error::Damaged {
            path: path.to_path_buf(),
        },
        _ => not_a_database(err, path),
    })?;
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
        Some(ErrorCode::DatabaseCorrupt) => Error::Damaged {
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
