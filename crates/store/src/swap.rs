//! Converting the journal and its backups in place: the shared steps of setting or removing a
//! passphrase and of a change of key.
//!
//! Each conversion makes a verified copy in the new form beside the file it replaces (see the
//! `convert` module), then renames it over that file, each step a fault point. This module owns
//! those steps (the backup first, the staged copies, the swaps) and not the order in which an
//! operation takes them: that is the `passphrase` and `rekey` modules'.

use std::path::{Path, PathBuf};

use crate::backups::{self, BackupInfo, Reason};
use crate::connection;
use crate::convert;
use crate::data_key::{DataKey, Keys};
use crate::fault;
use crate::fsutil;
use crate::keys::{KeyFile, Secret};
use crate::{Error, Result, Store};

impl Store {
    /// The backup made before any change of passphrase.
    pub(crate) fn backup_first(&self) -> Result<()> {
        self.backup(Reason::Passphrase)?;
        fault::point(fault::JOURNAL_BACKED_UP);
        Ok(())
    }

    /// Which secret `secret` is and the keys it opens, for an encrypted journal.
    pub(crate) fn unlocked_keys(&self, secret: &str) -> Result<(Secret, Keys)> {
        if self.key.is_none() {
            return Err(Error::NotEncrypted);
        }
        let key_file = KeyFile::read(self.dir())?.ok_or(Error::NotEncrypted)?;
        key_file.unlock_all(secret)
    }

    /// A verified copy of the journal beside it, keyed with `key` (plain when `None`).
    pub(crate) fn staged_copy(&self, key: Option<&DataKey>) -> Result<PathBuf> {
        let staged = fsutil::with_suffix(&self.path, ".converting");
        convert::export_verified(&self.conn, &self.path, &staged, key)?;
        fault::point(fault::JOURNAL_STAGED);
        Ok(staged)
    }

    /// Closes the journal, renames `staged` over it and reopens it with `key`. When the rename
    /// fails, the original journal is reopened as it was.
    pub(crate) fn swap_in(&mut self, staged: &Path, key: Option<DataKey>) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        fault::point(fault::JOURNAL_CHECKPOINTED);
        let old_key = self.key.take();
        // Closing the only connection folds and removes the write-ahead log.
        self.conn = rusqlite::Connection::open_in_memory()?;
        let renamed = fsutil::remove_side_files(&self.path).and_then(|()| {
            fault::point(fault::JOURNAL_CLOSED);
            fsutil::rename_synced(staged, &self.path)
        });
        let path = self.path.clone();
        if let Err(err) = renamed {
            *self = Store::open_at(&path, old_key)?;
            return Err(err);
        }
        fault::point(fault::JOURNAL_SWAPPED);
        *self = Store::open_at(&path, key)?;
        Ok(())
    }
}

/// Converts every backup in `dir` that is not yet keyed with `to` (plain when `None`) into a
/// staged copy beside it; returns (staged, final) pairs. An encrypted backup is read with the
/// one of `keys` that opens it, and left as it is when there are no `keys` (setting a
/// passphrase, where any encrypted backup is already under the key being set). On failure the
/// staged copies are removed and the backups are untouched.
pub(crate) fn stage_backups(
    dir: &Path,
    keys: Option<&Keys>,
    to: Option<&DataKey>,
) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    for backup in backups::list(dir)? {
        let path = backup.path_in(dir);
        let from = match (backup.encrypted, keys) {
            _ if in_form(&backup, &path, to) => continue,
            (false, _) => None,
            (true, Some(keys)) => Some(connection::key_for_file(keys, &path)),
            (true, None) => continue,
        };
        let tmp = fsutil::with_suffix(&path, ".converting");
        if let Err(err) = convert::convert_file(&path, from, &tmp, to) {
            for (tmp, _) in &staged {
                let _ = fsutil::remove_database(tmp);
            }
            return Err(err);
        }
        fault::point(fault::BACKUP_STAGED);
        staged.push((tmp, path));
    }
    Ok(staged)
}

/// Whether the backup at `path` is already keyed with `to` (plain when `None`).
fn in_form(backup: &BackupInfo, path: &Path, to: Option<&DataKey>) -> bool {
    match to {
        None => !backup.encrypted,
        Some(key) => backup.encrypted && connection::opens_with(path, key),
    }
}

/// Renames each staged backup over its original, in order.
pub(crate) fn swap_backups(staged: &[(PathBuf, PathBuf)]) -> Result<()> {
    for (tmp, path) in staged {
        fsutil::rename_synced(tmp, path)?;
        fault::point(fault::BACKUP_SWAPPED);
    }
    Ok(())
}
