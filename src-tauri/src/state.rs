//! The app's managed state: the open journal, or why it could not be opened.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use nestling_store::Store;

use crate::error::{Error, Result};

/// The journal as the commands see it.
pub struct AppState {
    data_dir: PathBuf,
    store: Mutex<Result<Store>>,
}

/// Housekeeping at start: moments that have been in the trash for 30 days are removed.
fn tidy_up(store: Store) -> Result<Store> {
    nestling_journal::trash::purge_expired(store.conn(), chrono::Utc::now())?;
    Ok(store)
}

impl AppState {
    /// Opens the journal in `data_dir`; a failure is kept and reported to every command.
    pub fn open(data_dir: PathBuf) -> Self {
        let store = Store::open_in(&data_dir)
            .map_err(Error::from)
            .and_then(tidy_up);
        Self {
            data_dir,
            store: Mutex::new(store),
        }
    }

    /// The folder where the journal lives.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Runs `f` with the open journal, or returns why it is not open.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let mut guard = self.store.lock().map_err(|_| Error::StatePoisoned)?;
        match guard.as_mut() {
            Ok(store) => f(store),
            Err(err) => Err(err.unavailable()),
        }
    }
}
