//! What the data folder holds, and opening the journal file safely, plain or encrypted.
//!
//! Every open follows the same steps: a read-only connection checks that the file is a Nestling
//! journal, that this version can read it, and that it is not damaged (`PRAGMA quick_check`); only
//! then does a read-write connection set the pragmas, back up a file about to be migrated, run the
//! migrations and, once a day, make a backup.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::backups::{self, Reason};
use crate::connection::{self, check_file, connect, key_for_file, set_pragmas};
use crate::data_key::DataKey;
use crate::fsutil;
use crate::keys::KeyFile;
use crate::migrate::{self, MIGRATIONS};
use crate::paths::{self, DATABASE_FILE_NAME};
use crate::{Error, Result, Store};

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
        connection::refuse_what_is_not_ours(&conn, path, key.is_some())?;
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
        connection::engine_ready();
        let mut conn = Connection::open_in_memory()?;
        set_pragmas(&conn)?;
        migrate::migrate(&mut conn, MIGRATIONS, Path::new(":memory:"))?;
        Ok(Self {
            conn,
            path: PathBuf::from(":memory:"),
            key: None,
        })
    }
}

/// Copies that an interrupted conversion, restore or backup left beside the journal or among
/// its backups. They may hold journal text in the clear even when the journal is encrypted, so
/// they go at every open; best effort, since none of them is ever the only copy.
fn remove_crash_leftovers(path: &Path) {
    let _ = fsutil::remove_journal_leftovers(path);
    if let Some(dir) = path.parent() {
        backups::remove_leftovers(&paths::backups_dir(dir));
    }
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::CreateDataDir {
        path: dir.to_path_buf(),
        source,
    })
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
}
