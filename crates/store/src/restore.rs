//! Restoring a backup over the journal.
//!
//! The backup is checked and converted into a verified copy beside the journal (`.restoring`),
//! keyed like the journal will be; the current journal is then backed up, or set aside into
//! `damaged/` when it cannot be read; only then is the copy swapped in with an atomic rename.
//! A crash at any step leaves a journal that opens, and the half-made copy is removed at the
//! next open.

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;

use crate::backups::{self, BackupInfo, Reason};
use crate::connection;
use crate::convert;
use crate::data_key::{DataKey, Keys};
use crate::fault;
use crate::fsutil;
use crate::keys::KeyFile;
use crate::open::{self, JournalStatus};
use crate::paths::DATABASE_FILE_NAME;
use crate::recovery;
use crate::{Error, Result, Store};

impl Store {
    /// Replaces the journal in `dir` with the backup called `backup_name` and opens it.
    ///
    /// The backup is integrity-checked first ([`Error::BackupDamaged`] otherwise, and nothing
    /// changes). The current journal is then backed up (reason `restore`), or set aside into
    /// `damaged/` when it cannot be read, and the backup's copy is swapped in atomically. An
    /// encrypted journal or backup needs `secret` (passphrase or recovery code). Drop any open
    /// [`Store`] of `dir` before calling this.
    pub fn restore_in(dir: &Path, backup_name: &str, secret: Option<&str>) -> Result<Store> {
        Self::recover_in(dir, backup_name, secret).map(|(store, _)| store)
    }

    /// Like [`Store::restore_in`], and also says where the current journal was set aside when
    /// it could not be read (`None` when it was readable and backed up instead).
    ///
    /// The secret and the backup are verified before anything is moved: a wrong secret or a
    /// damaged backup fails with the journal and its folder exactly as they were.
    pub fn recover_in(
        dir: &Path,
        backup_name: &str,
        secret: Option<&str>,
    ) -> Result<(Store, Option<PathBuf>)> {
        let backup = backups::find(dir, backup_name)?;
        let keys = unlock_for_restore(dir, &backup, secret)?;
        let current_locked = open::status(dir)? == JournalStatus::Locked;
        let target_key = (current_locked || backup.encrypted)
            .then(|| keys.as_ref().map(|k| k.current.clone()))
            .flatten();
        let db = dir.join(DATABASE_FILE_NAME);
        let staged = fsutil::with_suffix(&db, ".restoring");
        let src = backup.path_in(dir);
        let src_key = key_if(backup.encrypted, keys.as_ref(), &src);
        convert::convert_file(&src, src_key, &staged, target_key.as_ref())?;
        fault::point(fault::RESTORE_STAGED);
        let current_key = key_if(current_locked, keys.as_ref(), &db);
        let set_aside = match keep_current(dir, &db, current_key) {
            Ok(set_aside) => set_aside,
            Err(err) => {
                let _ = fsutil::remove_database(&staged);
                return Err(err);
            }
        };
        fault::point(fault::CURRENT_KEPT);
        swap_restored(&staged, &db)?;
        Ok((Store::open_at(&db, target_key)?, set_aside))
    }
}

/// Renames the restored copy `staged` over the journal `db`, whose side files go first (its
/// log was checkpointed into it, or it was set aside).
fn swap_restored(staged: &Path, db: &Path) -> Result<()> {
    fsutil::remove_side_files(db)?;
    fault::point(fault::JOURNAL_CLOSED);
    fsutil::rename_synced(staged, db)?;
    fault::point(fault::JOURNAL_SWAPPED);
    Ok(())
}

/// Of `keys`, the one that reads the file at `path` when it is `encrypted`.
fn key_if<'k>(encrypted: bool, keys: Option<&'k Keys>, path: &Path) -> Option<&'k DataKey> {
    keys.filter(|_| encrypted)
        .map(|keys| connection::key_for_file(keys, path))
}

/// The data keys needed to read the backup or the current journal, when either is encrypted.
fn unlock_for_restore(
    dir: &Path,
    backup: &BackupInfo,
    secret: Option<&str>,
) -> Result<Option<Keys>> {
    let needed = backup.encrypted || open::status(dir)? == JournalStatus::Locked;
    let Some(key_file) = KeyFile::read(dir)? else {
        return Ok(None);
    };
    match secret {
        Some(secret) => key_file.unlock_all(secret).map(|(_, keys)| Some(keys)),
        None if needed => Err(Error::Locked),
        None => Ok(None),
    }
}

/// Backs up the current journal (reason `restore`), checkpointing its log so nothing stays
/// behind in it; a journal that cannot be read is set aside instead, never deleted.
/// Returns the folder it was set aside in, if it was.
fn keep_current(dir: &Path, db: &Path, key: Option<&DataKey>) -> Result<Option<PathBuf>> {
    if !fsutil::has_content(db) {
        return Ok(None);
    }
    let readable = connection::check_file(db, key).is_ok();
    if !readable {
        return recovery::keep_aside(dir).map(Some);
    }
    let conn = connection::connect(db, key, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    backups::backup_connection(&conn, dir, key, Reason::Restore)?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(None)
}
