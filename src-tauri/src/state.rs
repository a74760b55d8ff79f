//! The app's managed state: the open journal, or why it could not be opened.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use nestling_library::{Library, SearchIndex};
use nestling_store::Store;

use crate::error::{Error, Result};

/// The journal as the commands see it.
pub struct AppState {
    data_dir: PathBuf,
    store: Mutex<Result<Store>>,
    shelf: Mutex<Option<Shelf>>,
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
    pub fn open(data_dir: PathBuf) -> Self {
        let store = Store::open_in(&data_dir)
            .map_err(Error::from)
            .and_then(tidy_up);
        Self {
            data_dir,
            store: Mutex::new(store),
            shelf: Mutex::new(None),
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
        if let Ok(mut shelf) = self.shelf.lock() {
            *shelf = None;
        }
        result
    }
}
