//! Connecting to a journal file: the engine's start-up, keying a connection with the data key,
//! the pragmas every connection gets, and the checks that a file is a Nestling journal this
//! version can read and that it is not damaged.
//!
//! Part of the crate's floor: it builds only on the error, the data key and the schema version
//! (`migrate`), and knows nothing of the data folder, backups or the key file. Opening the
//! journal (checks first, then migrations and backups) is the `open` module's.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::data_key::{DataKey, Keys};
use crate::migrate;
use crate::{Error, Result};

/// `PRAGMA application_id` of a Nestling journal: the bytes `NEST`.
pub(crate) const APPLICATION_ID: i64 = 0x4E45_5354;

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
pub(crate) fn engine_ready() {
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
pub(crate) fn refuse_what_is_not_ours(conn: &Connection, path: &Path, keyed: bool) -> Result<()> {
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
pub(crate) fn set_pragmas(conn: &Connection) -> Result<()> {
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
