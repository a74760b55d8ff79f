//! Everything that takes a passphrase or recovery code, and the wait that wrong ones earn: the
//! unlock, changing, removing and setting the passphrase, a new recovery code, and what the
//! privacy settings show.
//!
//! The key file and the re-keying are the store's; this module only sequences them behind the
//! persisted count of wrong tries.

use nestling_store::tries::Outcome;
use nestling_store::{BackupInfo, RecoveryCode, Store};
use serde::Serialize;

use crate::error::{shared, Error, Result};
use crate::session::{tidy_up, Journal, Session};

/// What the privacy settings show.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrivacySummary {
    /// Whether the journal is encrypted with a passphrase.
    pub encrypted: bool,
    /// The backups, newest first.
    pub backups: Vec<BackupInfo>,
    /// Journals set aside as damaged that are stored without encryption.
    pub plain_set_asides: usize,
    /// Setting or changing the passphrase was interrupted after it sealed a recovery code that
    /// was never shown: a new recovery code finishes it.
    pub recovery_code_unseen: bool,
}

impl Session {
    /// Runs `check`, which takes a passphrase or recovery code, after the wait that the wrong
    /// secrets before it earned (nothing for three slips, then 1, 2, 4… seconds, up to 30).
    ///
    /// The count is kept on disk, so a restart does not reset it, and a try is counted before
    /// it is checked, so tries made at once each wait longer. The wait does not hold a thread.
    pub(crate) async fn with_secret<T>(
        &self,
        check: impl FnOnce(&Session) -> Result<T>,
    ) -> Result<T> {
        let now = chrono::Utc::now().timestamp();
        let before = self.tries.begin(now)?;
        tokio::time::sleep(before.wait_at(now)).await;
        let result = check(self);
        let outcome = match &result {
            Ok(_) => Outcome::Right,
            Err(err) if err.is_wrong_secret() => Outcome::Wrong,
            Err(_) => Outcome::Unchecked,
        };
        self.tries.settle(outcome)?;
        result
    }

    /// Like [`Session::with_secret`] when a secret was `given`; without one there is nothing
    /// to check, so nothing to wait for or count.
    pub(crate) async fn with_secret_if<T>(
        &self,
        given: bool,
        check: impl FnOnce(&Session) -> Result<T>,
    ) -> Result<T> {
        if given {
            self.with_secret(check).await
        } else {
            check(self)
        }
    }

    /// Opens the locked journal with its passphrase or recovery code, after the wait of
    /// wrong tries before it; a wrong one changes nothing.
    pub async fn unlock(&self, secret: &str) -> Result<()> {
        self.with_secret(|session| session.unlock_now(secret)).await
    }

    fn unlock_now(&self, secret: &str) -> Result<()> {
        let mut journal = self.journal()?;
        match &*journal {
            Journal::Locked => {}
            Journal::Open(..) => return Err(Error::NotLocked),
            Journal::Failed(err) => return Err(Error::Unavailable(err.clone())),
        }
        let opened = Store::unlock_in(&self.data_dir, secret).map_err(Error::from);
        match opened.and_then(tidy_up) {
            Ok(store) => {
                *journal = Journal::Open(store, Box::default());
                self.touch();
                // The partner's changes made while the journal was locked come in now.
                self.sharing_work.nudge();
                Ok(())
            }
            // A wrong passphrase leaves it locked.
            Err(err) if err.is_wrong_secret() => Err(err),
            // A damaged journal is reported like one that failed at start, so the recovery
            // screen can offer a backup.
            Err(err) => {
                let kept = shared(err);
                *journal = Journal::Failed(kept.clone());
                Err(Error::Unavailable(kept))
            }
        }
    }

    /// Encrypts the journal with `passphrase`; returns the recovery code, to be shown once.
    pub fn set_passphrase(&self, passphrase: &str) -> Result<RecoveryCode> {
        self.with_store(|store| Ok(store.set_passphrase(passphrase)?))
    }

    /// Changes the passphrase and the data key after the wait of wrong tries; returns the new
    /// recovery code (the old one stops working).
    pub async fn change_passphrase(&self, current: &str, next: &str) -> Result<RecoveryCode> {
        self.with_secret(|session| {
            session.with_store(|store| Ok(store.change_passphrase(current, next)?))
        })
        .await
    }

    /// Decrypts the journal and its backups, after the wait of wrong tries.
    pub async fn remove_passphrase(&self, current: &str) -> Result<()> {
        self.with_secret(|session| {
            session.with_store(|store| Ok(store.remove_passphrase(current)?))
        })
        .await
    }

    /// Replaces the recovery code (and the data key), after the wait of wrong tries.
    pub async fn new_recovery_code(&self, current: &str) -> Result<RecoveryCode> {
        self.with_secret(|session| {
            session.with_store(|store| Ok(store.new_recovery_code(current)?))
        })
        .await
    }

    /// Whether the journal is encrypted, its backups, and what is left to tidy after an
    /// interrupted change.
    pub fn privacy(&self) -> Result<PrivacySummary> {
        self.with_store(|store| {
            Ok(PrivacySummary {
                encrypted: store.is_encrypted(),
                backups: nestling_store::backups::list(store.dir())?,
                plain_set_asides: nestling_store::plain_set_asides(store.dir())?.len(),
                recovery_code_unseen: store.recovery_code_unseen()?,
            })
        })
    }
}
