//! Setting, changing and removing the passphrase of an open journal.
//!
//! Encrypting or decrypting happens in place, safely (the steps are the `swap` module's): a
//! backup first; then a verified copy in the new form (see the `convert` module); every backup
//! converted the same way into staged copies; and only then the swaps, each an atomic rename. Any failure before the swap leaves the
//! journal and its backups exactly as they were. Changing the passphrase or the recovery code
//! changes the data key itself, with the same steps (see the `rekey` module).
//!
//! A crash at any step (each is a fault point, see the `fault` module) leaves a journal that
//! opens with the old or the new secret and backups that open with one of them, and doing the
//! same operation again finishes it: setting reuses the data key of a key file an interrupted
//! attempt left, and removing finishes on a journal that is already plain but still has a key
//! file. Copies left by an interrupted attempt are removed before a new one starts. A crash
//! after the journal's swap leaves the key file marked as holding a recovery code never shown
//! (see [`Store::recovery_code_unseen`]); one before it, with a passphrase since forgotten, can
//! be given up (see [`Store::abandon_unfinished_passphrase`]).

use std::path::Path;

use crate::backups;
use crate::data_key::{DataKey, Keys};
use crate::fsutil;
use crate::keys::{self, KeyFile, RecoveryCode};
use crate::swap::{stage_backups, swap_backups};
use crate::{Error, Result, Store};

impl Store {
    /// Encrypts a plain journal (and all its backups) with `passphrase`, and returns the
    /// recovery code, which is shown to the parent once and stored nowhere in the clear.
    ///
    /// Fails with [`Error::WeakPassphrase`] for fewer than [`keys::MIN_PASSPHRASE_CHARS`]
    /// characters and [`Error::AlreadyEncrypted`] when a passphrase is set already. After an
    /// interrupted attempt that already encrypted some backups, only the passphrase chosen then
    /// finishes the job; another fails with [`Error::UnfinishedPassphrase`], changing nothing,
    /// and [`Store::abandon_unfinished_passphrase`] gives that attempt up.
    pub fn set_passphrase(&mut self, passphrase: &str) -> Result<RecoveryCode> {
        if self.key.is_some() {
            return Err(Error::AlreadyEncrypted);
        }
        keys::check_strength(passphrase)?;
        let key = data_key_for(self.dir(), passphrase)?;
        fsutil::remove_journal_leftovers(&self.path)?;
        self.backup_first()?;
        let (key_file, code) = KeyFile::create(&key, passphrase)?;
        let staged = self.staged_copy(Some(&key))?;
        let swapped = self.encrypt_with(&key_file, &staged, key);
        if swapped.is_err() {
            let _ = fsutil::remove_database(&staged);
        }
        swapped.map(|()| code)
    }

    /// The swaps of setting a passphrase. The key file first, marked as not finished (its
    /// recovery code is not shown yet): while the journal still has its plain header it stays
    /// `Plain`, and the backups converted next are already readable with the passphrase. The
    /// mark goes last, so a crash after the journal swap is seen as a recovery code never shown.
    fn encrypt_with(&mut self, key_file: &KeyFile, staged: &Path, key: DataKey) -> Result<()> {
        key_file.unseen().write(self.dir())?;
        let converted = stage_backups(self.dir(), None, Some(&key))?;
        swap_backups(&converted)?;
        self.swap_in(staged, Some(key))?;
        key_file.retired().write(self.dir())
    }

    /// Decrypts the journal in place, converts every backup to plain too (so none is left that
    /// could no longer be read), and deletes the key file. `current` may be the passphrase or
    /// the recovery code.
    ///
    /// On a plain journal that still has a key file beside it (a removal interrupted after its
    /// journal was decrypted), `current` is checked against that key file and the removal is
    /// finished: any backup still encrypted is decrypted, then the key file goes.
    pub fn remove_passphrase(&mut self, current: &str) -> Result<()> {
        if self.key.is_none() {
            return self.finish_removal(current);
        }
        let (_, keys) = self.unlocked_keys(current)?;
        fsutil::remove_journal_leftovers(&self.path)?;
        self.backup_first()?;
        let staged = self.staged_copy(None)?;
        let result = decrypt_backups(self.dir(), &keys).and_then(|()| self.swap_in(&staged, None));
        if result.is_err() {
            let _ = fsutil::remove_database(&staged);
            return result;
        }
        forget_key(self.dir())
    }

    fn finish_removal(&mut self, current: &str) -> Result<()> {
        let (_, keys) = KeyFile::read(self.dir())?
            .ok_or(Error::NotEncrypted)?
            .unlock_all(current)?;
        fsutil::remove_journal_leftovers(&self.path)?;
        decrypt_backups(self.dir(), &keys)?;
        forget_key(self.dir())
    }
}

/// The data key to set a passphrase with.
///
/// A key file beside a plain journal is left by an interrupted attempt (or an interrupted
/// removal), which may already have encrypted some backups under its data key. When any backup
/// is encrypted, that key is reused, unsealed with the passphrase being set, so those backups
/// stay readable. Reusing the key was chosen over resuming from a recorded step because every
/// step is already safe to repeat (a backup already encrypted is skipped, staged copies are
/// made afresh), so the key is the only state a retry lacks, and a record of progress would be
/// one more file that a crash could leave out of step with the others. With no encrypted backup
/// nothing depends on the old key, and a fresh one is made.
fn data_key_for(dir: &Path, passphrase: &str) -> Result<DataKey> {
    let sealed = backups::list(dir)?.iter().any(|b| b.encrypted);
    match KeyFile::read(dir)? {
        Some(left) if sealed => left
            .unlock(passphrase)
            .map_err(|_| Error::UnfinishedPassphrase),
        _ => DataKey::generate(),
    }
}

/// Decrypts every backup in `dir` that is still encrypted, each with the one of `keys` that
/// opens it.
fn decrypt_backups(dir: &Path, keys: &Keys) -> Result<()> {
    let staged = stage_backups(dir, Some(keys), None)?;
    swap_backups(&staged)
}

/// Removes the key file and its spare, durably.
fn forget_key(dir: &Path) -> Result<()> {
    KeyFile::remove_in(dir)?;
    fsutil::sync_parent(&KeyFile::path_in(dir))
}
