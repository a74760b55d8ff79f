//! The app's managed state: the open journal, a locked one waiting for its passphrase, or why it
//! could not be opened.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use nestling_library::{Library, SearchIndex};
use nestling_store::tries::{Outcome, Tries};
use nestling_store::{BackupInfo, Store};

use crate::error::{Error, Result};

/// The journal as the commands see it.
pub struct AppState {
    data_dir: PathBuf,
    journal: Mutex<Journal>,
    shelf: Mutex<Option<Shelf>>,
    /// Wrong secrets in a row, kept beside the key file.
    tries: Tries,
    /// When the page last showed that the parent is here (a command or a heartbeat).
    last_seen: Mutex<Instant>,
    /// Held until the app closes, so no other copy opens the same folder meanwhile.
    folder: Mutex<Option<nestling_store::FolderLock>>,
}

/// Where the journal stands.
enum Journal {
    /// Open and ready.
    Open(Store),
    /// Encrypted and closed: the key is not in memory until the passphrase is typed.
    Locked,
    /// It could not be opened; every command repeats why.
    Failed(Error),
}

impl Journal {
    /// The outcome of opening: an encrypted journal waits, locked, for its passphrase.
    fn from_opening(opened: Result<Store>) -> Journal {
        match opened.and_then(tidy_up) {
            Ok(store) => Journal::Open(store),
            Err(Error::Store(nestling_store::Error::Locked)) => Journal::Locked,
            Err(err) => Journal::Failed(err),
        }
    }
}

/// The articles the parent can read (shipped and imported) and their search index.
pub struct Shelf {
    /// Every readable article.
    pub library: Library,
    /// The full-text index over them.
    pub index: SearchIndex,
}

impl Shelf {
    /// Loads the shipped articles and the parent's imports, and indexes them.
    ///
    /// An imported article that no longer validates is left out here; it stays stored.
    fn load(store: &Store) -> Result<Shelf> {
        let (library, _left_out) = nestling_library::imported::library(store.conn())?;
        let index = SearchIndex::build(&library)?;
        Ok(Shelf { library, index })
    }
}

/// Housekeeping at start: moments that have been in the trash for 30 days are removed.
fn tidy_up(store: Store) -> Result<Store> {
    nestling_journal::trash::purge_expired(store.conn(), chrono::Utc::now())?;
    Ok(store)
}

impl AppState {
    /// Opens the journal in `data_dir`; a failure is kept and reported to every command.
    ///
    /// When another copy of Nestling holds the folder, nothing is opened and every command
    /// says so.
    pub fn open(data_dir: PathBuf) -> Self {
        let (folder, journal) = match nestling_store::FolderLock::acquire(&data_dir) {
            Ok(folder) => {
                crate::saving::remove_leftovers(&data_dir);
                let opened = Store::open_in(&data_dir).map_err(Error::from);
                (Some(folder), Journal::from_opening(opened))
            }
            Err(err) => (None, Journal::Failed(err.into())),
        };
        Self {
            tries: Tries::in_dir(&data_dir),
            data_dir,
            journal: Mutex::new(journal),
            shelf: Mutex::new(None),
            folder: Mutex::new(folder),
            last_seen: Mutex::new(Instant::now()),
        }
    }

    /// Closes the journal and lets go of the data folder, as the app ends: every later command
    /// is refused, and another copy of Nestling may open the folder.
    pub fn close(&self) {
        if let Ok(mut journal) = self.journal.lock() {
            *journal = Journal::Failed(Error::Closed);
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

    /// Whether the journal is encrypted and waiting for its passphrase.
    pub fn is_locked(&self) -> Result<bool> {
        let journal = self.journal.lock().map_err(|_| Error::StatePoisoned)?;
        Ok(matches!(*journal, Journal::Locked))
    }

    /// The daily backup for an app that stays open for days: made when the newest backup is a
    /// day old. Nothing is done while the journal is locked or could not be opened.
    pub fn daily_backup_if_due(&self) -> Result<Option<BackupInfo>> {
        let journal = self.journal.lock().map_err(|_| Error::StatePoisoned)?;
        match &*journal {
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
        let mut journal = self.journal.lock().map_err(|_| Error::StatePoisoned)?;
        let Journal::Open(store) = &*journal else {
            return Ok(false);
        };
        if !store.is_encrypted() {
            return Ok(false);
        }
        let chosen = nestling_store::settings::get_all(store.conn())?.lock_after_minutes;
        let Some(minutes) = chosen else {
            return Ok(false);
        };
        if now.saturating_duration_since(seen) < Duration::from_secs(u64::from(minutes) * 60) {
            return Ok(false);
        }
        *journal = Journal::Locked;
        self.forget_shelf();
        Ok(true)
    }

    /// Runs `f` with the open journal, or returns why it is not open.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.touch();
        let mut guard = self.journal.lock().map_err(|_| Error::StatePoisoned)?;
        match &mut *guard {
            Journal::Open(store) => f(store),
            Journal::Locked => Err(nestling_store::Error::Locked.into()),
            Journal::Failed(err) => Err(err.unavailable()),
        }
    }

    /// Runs `check`, which takes a passphrase or recovery code, after the wait that the wrong
    /// secrets before it earned (nothing for three slips, then 1, 2, 4… seconds, up to 30).
    ///
    /// The count is kept on disk, so a restart does not reset it, and a try is counted before
    /// it is checked, so tries made at once each wait longer. The wait does not hold a thread.
    pub async fn with_secret<T>(&self, check: impl FnOnce(&AppState) -> Result<T>) -> Result<T> {
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

    /// Like [`AppState::with_secret`] when a secret was `given`; without one there is nothing
    /// to check, so nothing to wait for or count.
    pub async fn with_secret_if<T>(
        &self,
        given: bool,
        check: impl FnOnce(&AppState) -> Result<T>,
    ) -> Result<T> {
        if given {
            self.with_secret(check).await
        } else {
            check(self)
        }
    }

    /// Opens the locked journal with its passphrase or recovery code, after the wait of
    /// [`AppState::with_secret`]; a wrong one changes nothing.
    pub async fn unlock(&self, secret: &str) -> Result<()> {
        self.with_secret(|state| state.unlock_now(secret)).await
    }

    fn unlock_now(&self, secret: &str) -> Result<()> {
        let mut journal = self.journal.lock().map_err(|_| Error::StatePoisoned)?;
        match &*journal {
            Journal::Locked => {}
            Journal::Open(_) => return Err(Error::NotLocked),
            Journal::Failed(err) => return Err(err.unavailable()),
        }
        let opened = Store::unlock_in(&self.data_dir, secret).map_err(Error::from);
        match opened.and_then(tidy_up) {
            Ok(store) => {
                *journal = Journal::Open(store);
                self.touch();
            }
            // A damaged journal is reported like one that failed at start, so the recovery
            // screen can offer a backup; a wrong passphrase leaves it locked.
            Err(err) if !err.is_wrong_secret() => {
                *journal = Journal::Failed(err.unavailable());
                return Err(err);
            }
            Err(err) => return Err(err),
        }
        Ok(())
    }

    /// Closes an encrypted journal, dropping its key from memory; a plain one stays open.
    pub fn lock(&self) -> Result<()> {
        let mut journal = self.journal.lock().map_err(|_| Error::StatePoisoned)?;
        if matches!(&*journal, Journal::Open(store) if store.is_encrypted()) {
            *journal = Journal::Locked;
            self.forget_shelf();
        }
        Ok(())
    }

    /// Closes the journal, runs `replace` on the data folder (a restore, an erase), and keeps
    /// what it opened.
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
        let mut journal = self.journal.lock().map_err(|_| Error::StatePoisoned)?;
        self.holds_folder()?;
        // Dropping the open store closes its connection before any file is moved.
        let before = match std::mem::replace(&mut *journal, Journal::Locked) {
            Journal::Open(_) => None,
            Journal::Locked => Some(Journal::Locked),
            Journal::Failed(err) => Some(Journal::Failed(err)),
        };
        self.forget_shelf();
        match replace(&self.data_dir) {
            Ok(store) => {
                *journal = Journal::from_opening(Ok(store));
                Ok(())
            }
            Err(err) => {
                *journal = before.unwrap_or_else(|| self.reopen(secret));
                Err(err)
            }
        }
    }

    /// Whether another copy of Nestling held the data folder when this one started.
    pub fn folder_in_use(&self) -> bool {
        self.folder.lock().map(|f| f.is_none()).unwrap_or(false)
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
            Ok(nestling_store::JournalStatus::Locked) => match secret {
                Some(secret) => Store::unlock_in(&self.data_dir, secret),
                None => Err(nestling_store::Error::Locked),
            },
            Ok(nestling_store::JournalStatus::Plain) => Store::open_in(&self.data_dir),
            Ok(nestling_store::JournalStatus::New) => Err(nestling_store::Error::Damaged {
                path: self.data_dir.join(nestling_store::DATABASE_FILE_NAME),
            }),
            Err(err) => Err(err),
        };
        match opened {
            Err(nestling_store::Error::WrongPassphrase) => Journal::Locked,
            other => Journal::from_opening(other.map_err(Error::from)),
        }
    }

    /// The reason the journal could not be opened, if it could not.
    pub fn failure(&self) -> Result<Option<Error>> {
        let journal = self.journal.lock().map_err(|_| Error::StatePoisoned)?;
        Ok(match &*journal {
            Journal::Failed(err) => Some(err.unavailable()),
            _ => None,
        })
    }

    fn forget_shelf(&self) {
        if let Ok(mut shelf) = self.shelf.lock() {
            *shelf = None;
        }
    }

    /// Runs `f` with the journal and the shelf, building the shelf on first use.
    pub fn with_shelf<T>(&self, f: impl FnOnce(&mut Store, &Shelf) -> Result<T>) -> Result<T> {
        self.with_store(|store| {
            let mut shelf = self.shelf.lock().map_err(|_| Error::StatePoisoned)?;
            if shelf.is_none() {
                *shelf = Some(Shelf::load(store)?);
            }
            match shelf.as_ref() {
                Some(loaded) => f(store, loaded),
                None => Err(Error::StatePoisoned),
            }
        })
    }

    /// Like [`AppState::with_shelf`] for a change to the imports: the shelf is rebuilt after it.
    pub fn change_shelf<T>(&self, f: impl FnOnce(&mut Store, &Shelf) -> Result<T>) -> Result<T> {
        let result = self.with_shelf(f);
        self.forget_shelf();
        result
    }
}
