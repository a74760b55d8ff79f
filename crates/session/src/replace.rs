//! Replacing the journal on disk (restoring a backup, recovering from a damaged journal,
//! erasing everything) without ever leaving the session at a dead end, and choosing the backup
//! the recovery screen offers.
//!
//! The file moves themselves are the store's; this module closes the journal around them and
//! decides what is open afterwards.

use std::path::{Path, PathBuf};

use nestling_store::{recovery, BackupInfo, JournalStatus, Store};

use crate::error::{Error, Result};
use crate::session::{Journal, Session};

/// The words the parent types to confirm deleting everything.
pub const ERASE_WORDS: &str = "delete everything";

/// Why the journal could not be opened, and the backup that can replace it.
#[derive(Debug)]
pub struct RecoveryChoice {
    /// The failure, as every call repeats it.
    pub problem: Error,
    /// Whether the journal on disk is encrypted (a backup is then checked with the secret).
    pub encrypted: bool,
    /// The backup to offer: the newest that reads correctly, or for an encrypted journal the
    /// newest, which only the secret can check.
    pub newest_good: Option<BackupInfo>,
}

impl Session {
    /// Closes the journal, runs `replace` on the data folder, and keeps what it opened.
    ///
    /// On failure the session is never left at a dead end and no new journal is ever created:
    /// a journal that could not be opened before stays so (the recovery screen stays as it
    /// was), a locked one stays locked, and an open one is opened again as it is on disk (with
    /// `secret` when it is encrypted, else it waits, locked, for its passphrase).
    pub fn replace_journal(
        &self,
        secret: Option<&str>,
        replace: impl FnOnce(&Path) -> Result<Store>,
    ) -> Result<()> {
        let mut journal = self.journal()?;
        self.holds_folder()?;
        // Dropping the open store closes its connection before any file is moved.
        let before = match std::mem::replace(&mut *journal, Journal::Locked) {
            Journal::Open(..) => None,
            other => Some(other),
        };
        self.forget_shelf();
        match replace(&self.data_dir) {
            Ok(store) => {
                *journal = Journal::from_opening(Ok(store));
                // A restored journal may be paired: it catches up with the partner.
                self.sharing_work.nudge();
                Ok(())
            }
            Err(err) => {
                *journal = before.unwrap_or_else(|| self.reopen(secret));
                Err(err)
            }
        }
    }

    /// Only the copy of Nestling that holds the data folder may move its files.
    fn holds_folder(&self) -> Result<()> {
        let folder = self.folder.lock().map_err(|_| Error::StatePoisoned)?;
        match *folder {
            Some(_) => Ok(()),
            None => Err(nestling_store::Error::InUse {
                path: self.data_dir.clone(),
            }
            .into()),
        }
    }

    /// Opens the journal as it is on disk now, never creating one: a missing file is reported
    /// as damaged so that the recovery screen can offer a backup.
    fn reopen(&self, secret: Option<&str>) -> Journal {
        let opened = match nestling_store::status(&self.data_dir) {
            Ok(JournalStatus::Locked) => match secret {
                Some(secret) => Store::unlock_in(&self.data_dir, secret),
                None => Err(nestling_store::Error::Locked),
            },
            Ok(JournalStatus::Plain) => Store::open_in(&self.data_dir),
            Ok(JournalStatus::New) => Err(nestling_store::Error::Damaged {
                path: self.data_dir.join(nestling_store::DATABASE_FILE_NAME),
            }),
            Err(err) => Err(err),
        };
        match opened {
            Err(nestling_store::Error::WrongPassphrase) => Journal::Locked,
            other => Journal::from_opening(other.map_err(Error::from)),
        }
    }

    /// Replaces the journal with the backup `name`; the journal as it was is backed up first.
    /// With a `secret`, it waits and counts like every try of a secret.
    pub async fn restore_backup(&self, name: &str, secret: Option<&str>) -> Result<()> {
        let restore = |session: &Session| {
            session.replace_journal(secret, |dir| Ok(Store::restore_in(dir, name, secret)?))
        };
        self.with_secret_if(secret.is_some(), restore).await
    }

    /// Opens the backup `name` in place of the damaged journal, which is set aside (never
    /// deleted); returns where it was kept. The secret and the backup are checked first: when
    /// either is wrong nothing moves.
    pub async fn recover_from_backup(
        &self,
        name: &str,
        secret: Option<&str>,
    ) -> Result<Option<PathBuf>> {
        let recover = |session: &Session| {
            let mut kept = None;
            session.replace_journal(secret, |dir| {
                let (store, set_aside) = Store::recover_in(dir, name, secret)?;
                kept = set_aside;
                Ok(store)
            })?;
            Ok(kept)
        };
        self.with_secret_if(secret.is_some(), recover).await
    }

    /// Removes the journal, its key and every backup once `confirmation` is [`ERASE_WORDS`]
    /// (any case, spaces around), and opens a new, empty journal.
    pub fn erase_everything(&self, confirmation: &str) -> Result<()> {
        if confirmation.trim().to_lowercase() != ERASE_WORDS {
            return Err(Error::NotConfirmed);
        }
        self.replace_journal(None, |dir| {
            nestling_store::erase_everything(dir)?;
            Ok(Store::open_in(dir)?)
        })
    }

    /// Why the journal could not be opened and the backup to offer in its place;
    /// [`Error::NothingToRecover`] when it opened.
    pub fn recovery_choice(&self) -> Result<RecoveryChoice> {
        let problem = self.failure()?.ok_or(Error::NothingToRecover)?;
        let encrypted = nestling_store::status(&self.data_dir)? == JournalStatus::Locked;
        Ok(RecoveryChoice {
            problem,
            encrypted,
            newest_good: offered_backup(&self.data_dir, encrypted)?,
        })
    }
}

/// An encrypted backup can be checked only with the secret, so the newest is offered; a plain
/// one is offered only if it reads correctly.
fn offered_backup(dir: &Path, encrypted: bool) -> Result<Option<BackupInfo>> {
    if encrypted {
        Ok(nestling_store::backups::list(dir)?.into_iter().next())
    } else {
        Ok(recovery::newest_good_backup(dir, None)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{backup, damage, fill, folder, log, moments, open, PASSPHRASE};

    #[tokio::test]
    async fn restoring_a_backup_brings_back_the_journal_as_it_was() {
        let tmp = folder();
        let session = open(tmp.path());
        log(&session, "before the backup");
        let saved = backup(&session);
        log(&session, "after the backup");
        session
            .restore_backup(&saved.name, None)
            .await
            .expect("restored");
        assert_eq!(moments(&session), 1);
    }

    #[tokio::test]
    async fn a_backup_that_does_not_exist_leaves_the_journal_open_as_it_was() {
        let tmp = folder();
        let session = open(tmp.path());
        log(&session, "kept");
        let err = session
            .restore_backup("no-such-backup", None)
            .await
            .expect_err("none");
        assert!(matches!(
            err,
            Error::Store(nestling_store::Error::BackupNotFound { .. })
        ));
        assert_eq!(moments(&session), 1);
    }

    #[test]
    fn a_failed_replace_of_a_locked_journal_leaves_it_locked() {
        let tmp = folder();
        let session = open(tmp.path());
        session.set_passphrase(PASSPHRASE).expect("set");
        session.lock().expect("locked");
        let failed = session.replace_journal(None, |_| Err(Error::NothingToRestore));
        assert!(matches!(failed, Err(Error::NothingToRestore)));
        assert!(session.is_locked().expect("state"));
    }

    #[test]
    fn a_failed_replace_of_an_open_encrypted_journal_opens_it_again_with_the_secret() {
        let tmp = folder();
        let session = open(tmp.path());
        log(&session, "kept");
        session.set_passphrase(PASSPHRASE).expect("set");
        let _ = session.replace_journal(Some(PASSPHRASE), |_| Err(Error::NothingToRestore));
        assert_eq!(moments(&session), 1);
    }

    #[test]
    fn a_replace_by_a_copy_that_does_not_hold_the_folder_moves_nothing() {
        let tmp = folder();
        let _first = open(tmp.path());
        let second = open(tmp.path());
        let mut ran = false;
        let refused = second.replace_journal(None, |_| {
            ran = true;
            Err(Error::NothingToRestore)
        });
        assert!(matches!(
            refused,
            Err(Error::Store(nestling_store::Error::InUse { .. }))
        ));
        assert!(!ran);
    }

    #[test]
    fn erasing_needs_the_typed_words_and_then_leaves_an_empty_journal() {
        let tmp = folder();
        let session = open(tmp.path());
        log(&session, "to be erased");
        backup(&session);
        let refused = session.erase_everything("delete");
        assert!(matches!(refused, Err(Error::NotConfirmed)));
        assert_eq!(moments(&session), 1);
        session
            .erase_everything("  Delete Everything ")
            .expect("erased");
        assert_eq!(moments(&session), 0);
        assert!(nestling_store::backups::list(tmp.path())
            .expect("listed")
            .is_empty());
    }

    #[test]
    fn recovery_is_refused_while_the_journal_opened_normally() {
        let tmp = folder();
        let session = open(tmp.path());
        assert!(matches!(
            session.recovery_choice(),
            Err(Error::NothingToRecover)
        ));
    }

    /// A plain journal with one backup, damaged after the backup, then opened again.
    fn damaged_plain_journal(dir: &Path) -> (Session, BackupInfo) {
        let session = open(dir);
        fill(&session);
        let saved = backup(&session);
        session.close();
        drop(session);
        damage(dir);
        (open(dir), saved)
    }

    #[test]
    fn a_damaged_plain_journal_is_offered_its_newest_good_backup() {
        let tmp = folder();
        let (session, saved) = damaged_plain_journal(tmp.path());
        let choice = session.recovery_choice().expect("a choice");
        assert!(!choice.encrypted);
        assert_eq!(choice.newest_good.map(|b| b.name), Some(saved.name));
    }

    #[test]
    fn a_plain_backup_that_is_damaged_too_is_not_offered() {
        let tmp = folder();
        let (session, saved) = damaged_plain_journal(tmp.path());
        std::fs::write(saved.path_in(tmp.path()), b"not a journal").expect("spoiled");
        let choice = session.recovery_choice().expect("a choice");
        assert_eq!(choice.newest_good, None);
    }

    #[tokio::test]
    async fn a_damaged_encrypted_journal_is_offered_its_newest_backup_unchecked() {
        let tmp = folder();
        let session = open(tmp.path());
        fill(&session);
        session.set_passphrase(PASSPHRASE).expect("set");
        let saved = backup(&session);
        session.close();
        drop(session);
        damage(tmp.path());
        let session = open(tmp.path());
        let _ = session.unlock(PASSPHRASE).await.expect_err("damaged");
        let choice = session.recovery_choice().expect("a choice");
        assert!(choice.encrypted);
        assert_eq!(choice.newest_good.map(|b| b.name), Some(saved.name));
    }

    #[tokio::test]
    async fn recovering_from_a_backup_opens_it_and_sets_the_damaged_journal_aside() {
        let tmp = folder();
        let (session, saved) = damaged_plain_journal(tmp.path());
        let kept = session
            .recover_from_backup(&saved.name, None)
            .await
            .expect("recovered");
        assert!(kept.is_some_and(|path| path.exists()));
        assert_eq!(moments(&session), 60);
    }
}
