//! Changing the passphrase or the recovery code: a true change of the data key.
//!
//! Re-sealing the same data key under a new secret would leave an old copy of the key file,
//! opened with the old secret, able to read the journal and every backup. So both changes make
//! a new data key, re-encrypt the journal and every backup under it, and make a new recovery
//! code, shown once; the old passphrase and the old recovery code then open nothing current,
//! whichever copy of the key file they are tried on.
//!
//! What the recovery code opens: after a change of passphrase, only the new recovery code
//! returned by it. The old code was sealed around the old data key, and keeping it working
//! would keep the old key alive. A new recovery code needs the passphrase (the new key must be
//! sealed under it); a parent who only has the recovery code changes the passphrase instead,
//! which gives a new code too.
//!
//! The steps, each a fault point (see the `fault` module):
//! 1. a backup of the journal under its current key;
//! 2. the key file (spare first) with the new key sealed under the passphrase and the new code,
//!    and the old key kept as its retiring key: from here every file opens with the passphrase,
//!    whichever key it is under, and the old passphrase opens nothing;
//! 3. a verified copy of the journal under the new key, staged;
//! 4. every backup converted to the new key and swapped in, one by one;
//! 5. the staged journal swapped in and reopened;
//! 6. the key file (spare first) without the retiring key.
//!
//! After a crash, the journal opens with the passphrase of the moment (the old one before
//! step 2 is done, the new one after), and the next change of passphrase or recovery code
//! finishes the interrupted one: it reuses the new data key found in the key file, converts
//! only what is still under the retiring key, and makes a fresh recovery code (the one sealed
//! by the interrupted attempt was never shown).

use crate::data_key::{DataKey, Keys};
use crate::fault;
use crate::fsutil;
use crate::keys::{self, KeyFile, RecoveryCode, Secret};
use crate::swap::{stage_backups, swap_backups};
use crate::{Error, Result, Store};

impl Store {
    /// Replaces the passphrase and the data key, and returns the new recovery code (shown to the
    /// parent once; the old one stops working). `current` may be the passphrase or the recovery
    /// code.
    ///
    /// The journal and every backup are re-encrypted under a new data key, so an old copy of
    /// the key file opened with the old passphrase or code opens none of them. Also finishes a
    /// change that was interrupted.
    pub fn change_passphrase(&mut self, current: &str, new: &str) -> Result<RecoveryCode> {
        keys::check_strength(new)?;
        let (_, keys) = self.unlocked_keys(current)?;
        self.rekey(&keys, new)
    }

    /// Makes a new recovery code and a new data key, re-encrypting the journal and every backup
    /// under it; the old code stops working and the passphrase stays the same.
    ///
    /// Needs the passphrase: given the recovery code, fails with [`Error::PassphraseNeeded`]
    /// and changes nothing.
    pub fn new_recovery_code(&mut self, passphrase: &str) -> Result<RecoveryCode> {
        let (which, keys) = self.unlocked_keys(passphrase)?;
        if which == Secret::RecoveryCode {
            return Err(Error::PassphraseNeeded);
        }
        self.rekey(&keys, passphrase)
    }

    /// Whether the journal is encrypted and its recovery code was never shown: setting the
    /// passphrase, or a change of passphrase or recovery code, was interrupted after it sealed
    /// a new code. [`Store::new_recovery_code`] finishes the interrupted work and gives a code
    /// to show.
    pub fn recovery_code_unseen(&self) -> Result<bool> {
        if self.key.is_none() {
            return Ok(false);
        }
        Ok(KeyFile::read(self.dir())?.is_some_and(|file| file.code_unseen()))
    }

    /// The steps of a change of key (see the module's documentation).
    fn rekey(&mut self, keys: &Keys, passphrase: &str) -> Result<RecoveryCode> {
        let both = next_keys(keys)?;
        let (Some(old), new) = (&both.retiring, &both.current) else {
            return Err(Error::NotEncrypted);
        };
        fsutil::remove_journal_leftovers(&self.path)?;
        self.backup_first()?;
        let (key_file, code) = KeyFile::changing(new, passphrase, old)?;
        key_file.write(self.dir())?;
        self.reencrypt(&both)?;
        fault::point(fault::REKEYED);
        key_file.retired().write(self.dir())?;
        Ok(code)
    }

    /// Every backup, then the journal, under `keys.current`; files already under it are left.
    fn reencrypt(&mut self, keys: &Keys) -> Result<()> {
        let new = &keys.current;
        let journal_done = self.key.as_ref().is_some_and(|k| k.same_as(new));
        let staged = match journal_done {
            true => None,
            false => Some(self.staged_copy(Some(new))?),
        };
        let converted =
            stage_backups(self.dir(), Some(keys), Some(new)).and_then(|c| swap_backups(&c));
        match (converted, staged) {
            (Err(err), Some(staged)) => {
                let _ = fsutil::remove_database(&staged);
                Err(err)
            }
            (Err(err), None) => Err(err),
            (Ok(()), Some(staged)) => self.swap_in(&staged, Some(new.clone())),
            (Ok(()), None) => Ok(()),
        }
    }
}

/// The new key and the one it replaces. A key file that still holds a retiring key is left by
/// an interrupted change: its current key is reused, so files already converted stay readable.
fn next_keys(keys: &Keys) -> Result<Keys> {
    Ok(match keys.retiring {
        Some(_) => keys.clone(),
        None => Keys {
            current: DataKey::generate()?,
            retiring: Some(keys.current.clone()),
        },
    })
}
