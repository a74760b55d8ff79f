//! A way out of an interrupted attempt to set a passphrase whose passphrase is forgotten.
//!
//! What such a crash leaves behind, when it came before the journal's swap (the last step): the
//! journal still plain and complete; a key file (and its spare) sealing the attempt's data key
//! under the passphrase typed then and under a recovery code that was never shown; possibly a
//! converted copy of the journal (`.converting`) under that key; and some backups already
//! converted under it. Each converted backup replaced its plain original by an atomic rename,
//! so no plain copy of it remains: without the passphrase typed then, nobody can open them.
//!
//! Abandoning the attempt keeps everything that can still be read: the journal as it is, and
//! every plain backup. It makes a fresh plain backup of the journal first (so a good backup
//! exists whatever happens next), then deletes the backups sealed under the lost key, then the
//! key file. What is lost is only the older states of the journal that those sealed backups
//! held; every moment the journal holds now stays. The order makes a crash harmless: before
//! the key file goes, doing it again finishes it; once the sealed backups are gone, setting any
//! passphrase works, because no backup depends on the old key.
//!
//! A journal whose swap already happened is encrypted under the attempt's key, and only the
//! passphrase typed then (or the code never shown) opens it; this module cannot help there.

use std::path::Path;

use crate::backups::{self, Reason};
use crate::fault;
use crate::fsutil;
use crate::keys::KeyFile;
use crate::paths;
use crate::{Error, Result, Store};

impl Store {
    /// Gives up an interrupted attempt to set a passphrase (see the module's documentation) and
    /// returns how many backups were removed because they were sealed under its lost key.
    ///
    /// The journal must still be plain ([`Error::AlreadyEncrypted`] otherwise) and a key file
    /// must be left beside it ([`Error::NotEncrypted`] when there is none: nothing to give up).
    /// Afterwards a passphrase can be set afresh.
    pub fn abandon_unfinished_passphrase(&mut self) -> Result<usize> {
        if self.key.is_some() {
            return Err(Error::AlreadyEncrypted);
        }
        if !KeyFile::exists_in(self.dir()) {
            return Err(Error::NotEncrypted);
        }
        fsutil::remove_journal_leftovers(&self.path)?;
        self.backup(Reason::Passphrase)?;
        fault::point(fault::JOURNAL_BACKED_UP);
        let removed = remove_sealed_backups(self.dir())?;
        KeyFile::remove_in(self.dir())?;
        fsutil::sync_parent(&KeyFile::path_in(self.dir()))?;
        Ok(removed)
    }
}

/// Deletes every encrypted backup in `dir` (and any half-made copy); returns how many.
fn remove_sealed_backups(dir: &Path) -> Result<usize> {
    backups::remove_leftovers(&paths::backups_dir(dir));
    let sealed: Vec<_> = backups::list(dir)?
        .into_iter()
        .filter(|b| b.encrypted)
        .collect();
    for backup in &sealed {
        fsutil::remove_if_present(&backup.path_in(dir))?;
    }
    if let Some(first) = sealed.first() {
        fsutil::sync_parent(&first.path_in(dir))?;
    }
    Ok(sealed.len())
}
