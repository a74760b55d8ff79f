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
use crate::shelf::Shelf;

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
}

/// Where the journal stands.
pub(crate) enum Journal {
    /// Open and ready.
    Open(Store),
    /// Encrypted and closed: the key is not in memory until the passphrase is typed.
    Locked,
    /// It could not be opened; every call repeats why.
    Failed(Arc<Error>),
}

impl Journal {
    /// The outcome of opening: an encrypted journal waits, locked, for its passphrase.
    pub(crate) fn from_opening(opened: Result<Store>) -> Journal {
        match opened.and_then(tidy_up) {
            Ok(store) => Journal::Open(store),
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
            Journal::Open(store) => Ok(store.daily_backup_if_due()?),
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
        let Journal::Open(store) = &*journal else {
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
            Journal::Open(store) => f(store),
            Journal::Locked => Err(Error::from(nestling_store::Error::Locked).into()),
            Journal::Failed(err) => Err(Error::Unavailable(err.clone()).into()),
        }
    }

    /// Closes an encrypted journal, dropping its key from memory; a plain one stays open.
    pub fn lock(&self) -> Result<()> {
        let mut journal = self.journal()?;
        if matches!(&*journal, Journal::Open(store) if store.is_encrypted()) {
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
