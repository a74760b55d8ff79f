//! Setting, changing and removing the passphrase of an open journal.
//!
//! Encrypting or decrypting happens in place, safely: a backup first; then a verified copy in
//! the new form (see the `convert` module); every backup converted the same way into staged
//! copies; and only then the swaps, each an atomic rename. Any failure before the swap leaves the
//! journal and its backups exactly as they were. Changing the passphrase or the recovery code
//! only re-seals the same data key in the key file, so backups stay readable.

use std::path::{Path, PathBuf};

use crate::backups::{self, Reason};
use crate::convert;
use crate::fsutil;
use crate::keys::{self, DataKey, KeyFile, RecoveryCode};
use crate::{Error, Result, Store};

impl Store {
    /// Encrypts a plain journal (and all its backups) with `passphrase`, and returns the
    /// recovery code, which is shown to the parent once and stored nowhere in the clear.
    ///
    /// Fails with [`Error::WeakPassphrase`] for fewer than [`keys::MIN_PASSPHRASE_CHARS`]
    /// characters and [`Error::AlreadyEncrypted`] when a passphrase is set already.
    pub fn set_passphrase(&mut self, passphrase: &str) -> Result<RecoveryCode> {
        if self.key.is_some() {
            return Err(Error::AlreadyEncrypted);
        }
        keys::check_strength(passphrase)?;
        self.backup(Reason::Passphrase)?;
        let key = DataKey::generate()?;
        let (key_file, code) = KeyFile::create(&key, passphrase)?;
        let staged = self.staged_copy(Some(&key))?;
        // The key file first: while the journal still has its plain header it stays `Plain`,
        // and the backups converted next are already readable with the passphrase.
        let swapped = key_file
            .write(self.dir())
            .and_then(|()| stage_backups(self.dir(), None, Some(&key)))
            .and_then(|b| swap_backups(&b))
            .and_then(|()| self.swap_in(&staged, Some(key)));
        if swapped.is_err() {
            let _ = fsutil::remove_database(&staged);
        }
        swapped.map(|()| code)
    }

    /// Replaces the passphrase; `current` may be the passphrase or the recovery code.
    ///
    /// The data key stays the same, so existing backups stay readable, and the recovery code
    /// keeps working.
    pub fn change_passphrase(&mut self, current: &str, new: &str) -> Result<()> {
        keys::check_strength(new)?;
        let (key_file, key) = self.unlocked_key_file(current)?;
        self.backup(Reason::Passphrase)?;
        key_file.with_passphrase(&key, new)?.write(self.dir())
    }

    /// Makes a new recovery code (the old one stops working); `current` may be the passphrase or
    /// the current recovery code.
    pub fn new_recovery_code(&mut self, current: &str) -> Result<RecoveryCode> {
        let (key_file, key) = self.unlocked_key_file(current)?;
        let (updated, code) = key_file.with_new_recovery_code(&key)?;
        updated.write(self.dir())?;
        Ok(code)
    }

    /// Decrypts the journal in place, converts every backup to plain too (so none is left that
    /// could no longer be read), and deletes the key file. `current` may be the passphrase or
    /// the recovery code.
    pub fn remove_passphrase(&mut self, current: &str) -> Result<()> {
        let (_, key) = self.unlocked_key_file(current)?;
        self.backup(Reason::Passphrase)?;
        let staged = self.staged_copy(None)?;
        let result = stage_backups(self.dir(), Some(&key), None)
            .and_then(|b| swap_backups(&b))
            .and_then(|()| self.swap_in(&staged, None));
        if result.is_err() {
            let _ = fsutil::remove_database(&staged);
            return result;
        }
        KeyFile::remove_in(self.dir())?;
        fsutil::sync_parent(&self.path)
    }

    fn unlocked_key_file(&self, secret: &str) -> Result<(KeyFile, DataKey)> {
        if self.key.is_none() {
            return Err(Error::NotEncrypted);
        }
        let key_file = KeyFile::read(self.dir())?.ok_or(Error::NotEncrypted)?;
        let key = key_file.unlock(secret)?;
        Ok((key_file, key))
    }

    /// A verified copy of the journal beside it, keyed with `key` (plain when `None`).
    fn staged_copy(&self, key: Option<&DataKey>) -> Result<PathBuf> {
        let staged = fsutil::with_suffix(&self.path, ".converting");
        convert::export_verified(&self.conn, &self.path, &staged, key)?;
        Ok(staged)
    }

    /// Closes the journal, renames `staged` over it and reopens it with `key`. When the rename
    /// fails, the original journal is reopened as it was.
    fn swap_in(&mut self, staged: &Path, key: Option<DataKey>) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let old_key = self.key.take();
        // Closing the only connection folds and removes the write-ahead log.
        self.conn = rusqlite::Connection::open_in_memory()?;
        let renamed = fsutil::remove_side_files(&self.path)
            .and_then(|()| fsutil::rename_synced(staged, &self.path));
        let path = self.path.clone();
        if let Err(err) = renamed {
            *self = Store::open_at(&path, old_key)?;
            return Err(err);
        }
        *self = Store::open_at(&path, key)?;
        Ok(())
    }
}

/// Converts every backup in `dir` into a staged copy beside it; returns (staged, final) pairs.
/// On failure the staged copies are removed and the backups are untouched.
fn stage_backups(
    dir: &Path,
    from: Option<&DataKey>,
    to: Option<&DataKey>,
) -> Result<Vec<(PathBuf, PathBuf)>> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    for backup in backups::list(dir)? {
        if backup.encrypted == to.is_some() {
            continue;
        }
        let path = backup.path_in(dir);
        let tmp = fsutil::with_suffix(&path, ".converting");
        if let Err(err) = convert::convert_file(&path, from, &tmp, to) {
            for (tmp, _) in &staged {
                let _ = fsutil::remove_database(tmp);
            }
            return Err(err);
        }
        staged.push((tmp, path));
    }
    Ok(staged)
}

fn swap_backups(staged: &[(PathBuf, PathBuf)]) -> Result<()> {
    for (tmp, path) in staged {
        fsutil::rename_synced(tmp, path)?;
    }
    Ok(())
}
