//! The session: the journal open, locked waiting for its passphrase, or failed with the reason
//! every later call repeats; the data folder held for this copy of the app; the idle lock.
//!
//! It owns the state machine and its guards. Secrets and their back-off are in `privacy`,
//! replacing the journal in `replace`, the articles in `shelf`, and exports in `saving`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use nestling_store::tries::Tries;
use nestling_store::{BackupInfo, Store};

use crate::error::{shared, Error, Result};
use crate::saving::Exports;
use crate::sharing::Sharer;
use crate::shelf::Shelf;
use crate::watch::Nudge;

/// The journal as the commands see it.
pub struct Session {
    pub(crate) data_dir: PathBuf,
    pub(crate) journal: Mutex<Journal>,
    pub(crate) shelf: Mutex<Option<Shelf>>,
    /// Wrong secrets in a row, kept beside the key file.
    pub(crate) tries: Tries,
    /// When the page last showed that the parent is here (a command or a heartbeat).
    last_seen: Mutex<Instant>,
    /// Held until the app closes, so no other copy opens the same folder meanwhile.
    pub(crate) folder: Mutex<Option<nestling_store::FolderLock>>,
    /// The typesetter and the cancel flag of saves.
    pub(crate) exports: Exports,
    /// Asks for an exchange with the partner's computer soon (see [`Session::sharing_work`]).
    pub(crate) sharing_work: Nudge,
}

/// Where the journal stands.
pub(crate) enum Journal {
    /// Open and ready, with sharing as it stands while it is open (dropped when it locks).
    Open(Store, Box<Sharer>),
    /// Encrypted and closed: the key is not in memory until the passphrase is typed.
    Locked,
    /// It could not be opened; every call repeats why.
    Failed(Arc<Error>),
}

impl Journal {
    /// The outcome of opening: an encrypted journal waits, locked, for its passphrase.
    pub(crate) fn from_opening(opened: Result<Store>) -> Journal {
        match opened.and_then(tidy_up) {
            Ok(store) => Journal::Open(store, Box::default()),
            Err(Error::Store(nestling_store::Error::Locked)) => Journal::Locked,
            Err(err) => Journal::Failed(shared(err)),
        }
    }
}

/// Housekeeping at every opening: moments that have been in the trash for 30 days are removed.
pub(crate) fn tidy_up(store: Store) -> Result<Store> {
    nestling_journal::trash::purge_expired(store.conn(), chrono::Utc::now())?;
    Ok(store)
}

impl Session {
    /// Opens the journal in `data_dir`; a failure is kept and reported to every call.
    ///
    /// When another copy of Nestling holds the folder, nothing is opened and every call says
    /// so. Export files a crash left half-written are removed first.
    pub fn open(data_dir: PathBuf) -> Self {
        let (folder, journal) = match nestling_store::FolderLock::acquire(&data_dir) {
            Ok(folder) => {
                crate::saving::remove_leftovers(&data_dir);
                let opened = Store::open_in(&data_dir).map_err(Error::from);
                (Some(folder), Journal::from_opening(opened))
            }
            Err(err) => (None, Journal::Failed(Arc::new(err.into()))),
        };
        Self {
            tries: Tries::in_dir(&data_dir),
            data_dir,
            journal: Mutex::new(journal),
            shelf: Mutex::new(None),
            folder: Mutex::new(folder),
            last_seen: Mutex::new(Instant::now()),
            exports: Exports::default(),
            sharing_work: Nudge::default(),
        }
    }

    /// Closes the journal and lets go of the data folder, as the app ends: every later call is
    /// refused, and another copy of Nestling may open the folder.
    pub fn close(&self) {
        if let Ok(mut journal) = self.journal.lock() {
            *journal = Journal::Failed(Arc::new(Error::Closed));
        }
        self.forget_shelf();
        if let Ok(mut folder) = self.folder.lock() {
            *folder = None;
        }
    }

    /// The folder where the journal lives.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The journal's state, or [`Error::StatePoisoned`].
    pub(crate) fn journal(&self) -> Result<MutexGuard<'_, Journal>> {
        self.journal.lock().map_err(|_| Error::StatePoisoned)
    }

    /// Whether the journal is encrypted and waiting for its passphrase.
    pub fn is_locked(&self) -> Result<bool> {
        Ok(matches!(*self.journal()?, Journal::Locked))
    }

    /// Whether another copy of Nestling held the data folder when this one started.
    pub fn folder_in_use(&self) -> bool {
        self.folder.lock().map(|f| f.is_none()).unwrap_or(false)
    }

    /// The reason the journal could not be opened, if it could not.
    pub fn failure(&self) -> Result<Option<Error>> {
        Ok(match &*self.journal()? {
            Journal::Failed(err) => Some(Error::Unavailable(err.clone())),
            _ => None,
        })
    }

    /// The daily backup for an app that stays open for days: made when the newest backup is a
    /// day old. Nothing is done while the journal is locked or could not be opened.
    pub fn daily_backup_if_due(&self) -> Result<Option<BackupInfo>> {
        match &*self.journal()? {
            Journal::Open(store, _) => Ok(store.daily_backup_if_due()?),
            Journal::Locked | Journal::Failed(_) => Ok(None),
        }
    }

    /// Notes that the parent is here: the idle time before the journal locks starts again.
    pub fn touch(&self) {
        if let Ok(mut seen) = self.last_seen.lock() {
            *seen = Instant::now();
        }
    }

    /// Locks an encrypted journal when nothing showed the parent was here for the idle time
    /// they chose, whatever the page does; returns whether it locked it now.
    pub fn lock_if_idle(&self, now: Instant) -> Result<bool> {
        let seen = *self.last_seen.lock().map_err(|_| Error::StatePoisoned)?;
        let mut journal = self.journal()?;
        let Journal::Open(store, _) = &*journal else {
            return Ok(false);
        };
        let Some(idle) = idle_limit(store)? else {
            return Ok(false);
        };
        if now.saturating_duration_since(seen) < idle {
            return Ok(false);
        }
        *journal = Journal::Locked;
        self.forget_shelf();
        Ok(true)
    }

    /// Runs `f` with the open journal, or returns why it is not open.
    ///
    /// `f` may fail with any error the session's converts into, so a caller keeps its own.
    pub fn with_store<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.touch();
        let mut guard = self.journal()?;
        match &mut *guard {
            Journal::Open(store, _) => {
                let result = f(store);
                // Whatever the call changed that the partner shares goes out soon, off this
                // call: an exchange never delays or fails what the parent did.
                if nestling_journal::shared::has_pending(store.conn()).unwrap_or(false) {
                    self.sharing_work.nudge();
                }
                result
            }
            Journal::Locked => Err(Error::from(nestling_store::Error::Locked).into()),
            Journal::Failed(err) => Err(Error::Unavailable(err.clone()).into()),
        }
    }

    /// Closes an encrypted journal, dropping its key from memory; a plain one stays open.
    pub fn lock(&self) -> Result<()> {
        let mut journal = self.journal()?;
        if matches!(&*journal, Journal::Open(store, _) if store.is_encrypted()) {
            *journal = Journal::Locked;
            self.forget_shelf();
        }
        Ok(())
    }
}

/// How long an encrypted journal may sit idle before it locks; `None` for a plain journal or
/// when the parent chose never.
fn idle_limit(store: &Store) -> Result<Option<Duration>> {
    if !store.is_encrypted() {
        return Ok(None);
    }
    let chosen = nestling_store::settings::get_all(store.conn())?.lock_after_minutes;
    Ok(chosen.map(|minutes| Duration::from_secs(u64::from(minutes) * 60)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{folder, log, moments, open, PASSPHRASE};

    fn encrypted_and_reopened(dir: &Path) -> Session {
        let session = open(dir);
        log(&session, "first cuddle");
        session.set_passphrase(PASSPHRASE).expect("set");
        session.close();
        open(dir)
    }

    #[test]
    fn a_new_folder_opens_a_plain_journal_ready_for_moments() {
        let tmp = folder();
        let session = open(tmp.path());
        assert!(!session.is_locked().expect("state"));
        assert!(session.failure().expect("state").is_none());
        log(&session, "a first moment");
        assert_eq!(moments(&session), 1);
    }

    #[test]
    fn an_encrypted_journal_opens_locked_and_refuses_every_call_until_unlocked() {
        let tmp = folder();
        let session = encrypted_and_reopened(tmp.path());
        assert!(session.is_locked().expect("state"));
        let refused = session.with_store(|_| Ok::<_, Error>(()));
        assert!(matches!(
            refused,
            Err(Error::Store(nestling_store::Error::Locked))
        ));
    }

    #[tokio::test]
    async fn the_passphrase_unlocks_the_journal_with_its_moments() {
        let tmp = folder();
        let session = encrypted_and_reopened(tmp.path());
        session.unlock(PASSPHRASE).await.expect("unlocked");
        assert!(!session.is_locked().expect("state"));
        assert_eq!(moments(&session), 1);
    }

    #[tokio::test]
    async fn lock_closes_an_encrypted_journal_and_unlock_opens_it_again() {
        let tmp = folder();
        let session = encrypted_and_reopened(tmp.path());
        session.unlock(PASSPHRASE).await.expect("unlocked");
        session.lock().expect("locked");
        assert!(session.is_locked().expect("state"));
        session.unlock(PASSPHRASE).await.expect("unlocked again");
        assert_eq!(moments(&session), 1);
    }

    #[test]
    fn lock_leaves_a_plain_journal_open() {
        let tmp = folder();
        let session = open(tmp.path());
        session.lock().expect("asked");
        assert!(!session.is_locked().expect("state"));
    }

    #[tokio::test]
    async fn unlocking_an_open_journal_is_refused() {
        let tmp = folder();
        let session = open(tmp.path());
        let err = session.unlock(PASSPHRASE).await.expect_err("open already");
        assert!(matches!(err, Error::NotLocked), "{err:?}");
    }

    #[tokio::test]
    async fn wrong_passphrases_are_counted_on_disk_and_survive_a_restart() {
        let tmp = folder();
        let session = encrypted_and_reopened(tmp.path());
        for _ in 0..2 {
            let err = session.unlock("wrong horse").await.expect_err("wrong");
            assert!(err.is_wrong_secret(), "{err:?}");
        }
        assert!(session.is_locked().expect("still locked"));
        session.close();
        let restarted = open(tmp.path());
        assert_eq!(restarted.tries.read().failures, 2);
        let next_wait = nestling_store::tries::delay_after(3);
        assert!(next_wait > Duration::ZERO, "a fourth wrong try waits");
    }

    #[tokio::test]
    async fn the_right_passphrase_resets_the_count_of_wrong_ones() {
        let tmp = folder();
        let session = encrypted_and_reopened(tmp.path());
        let _ = session.unlock("wrong horse").await.expect_err("wrong");
        assert_eq!(session.tries.read().failures, 1);
        session.unlock(PASSPHRASE).await.expect("unlocked");
        assert_eq!(session.tries.read().failures, 0);
    }

    #[tokio::test]
    async fn a_try_that_checks_no_secret_is_not_counted() {
        let tmp = folder();
        let session = open(tmp.path());
        let _ = session.unlock(PASSPHRASE).await.expect_err("not locked");
        assert_eq!(session.tries.read().failures, 0);
    }

    #[tokio::test]
    async fn an_encrypted_journal_locks_after_the_idle_time_and_not_before() {
        let tmp = folder();
        let session = encrypted_and_reopened(tmp.path());
        session.unlock(PASSPHRASE).await.expect("unlocked");
        let later = |minutes: u64| Instant::now() + Duration::from_secs(minutes * 60);
        assert!(!session.lock_if_idle(later(4)).expect("checked"));
        assert!(session.lock_if_idle(later(6)).expect("checked"));
        assert!(session.is_locked().expect("state"));
    }

    #[test]
    fn a_plain_journal_never_locks_when_idle() {
        let tmp = folder();
        let session = open(tmp.path());
        let much_later = Instant::now() + Duration::from_secs(600 * 60);
        assert!(!session.lock_if_idle(much_later).expect("checked"));
    }

    #[test]
    fn a_second_session_on_the_same_folder_opens_nothing_and_says_why() {
        let tmp = folder();
        let first = open(tmp.path());
        let second = open(tmp.path());
        assert!(second.folder_in_use());
        assert!(!first.folder_in_use());
        let failure = second.failure().expect("state").expect("failed");
        assert!(matches!(
            failure.original(),
            Error::Store(nestling_store::Error::InUse { .. })
        ));
    }

    #[test]
    fn after_close_every_call_is_refused_and_the_folder_is_free() {
        let tmp = folder();
        let session = open(tmp.path());
        session.close();
        let refused = session.with_store(|_| Ok::<_, Error>(()));
        assert!(matches!(
            refused.map_err(|e| matches!(e.original(), Error::Closed)),
            Err(true)
        ));
        assert!(!open(tmp.path()).folder_in_use());
    }

    #[test]
    fn opening_removes_moments_in_the_trash_for_more_than_thirty_days() {
        let tmp = folder();
        let session = open(tmp.path());
        let id = log(&session, "an old moment");
        let long_ago = chrono::Utc::now() - chrono::TimeDelta::days(31);
        session
            .with_store(|store| -> Result<_> {
                Ok(nestling_journal::trash::soft_delete(
                    store.conn(),
                    id,
                    long_ago,
                )?)
            })
            .expect("deleted");
        session.close();
        let reopened = open(tmp.path());
        let trash = reopened
            .with_store(|store| -> Result<_> { Ok(nestling_journal::trash::list(store.conn())?) })
            .expect("listed");
        assert!(trash.is_empty());
    }

    #[test]
    fn no_daily_backup_is_made_while_the_journal_is_locked() {
        let tmp = folder();
        let session = encrypted_and_reopened(tmp.path());
        assert_eq!(session.daily_backup_if_due().expect("checked"), None);
    }
}
