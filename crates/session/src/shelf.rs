//! The shelf cache: the articles the parent can read (shipped and imported) and their search
//! index, built on first use and forgotten when the journal locks, is replaced or the imports
//! change.

use nestling_library::{Library, SearchIndex};
use nestling_store::Store;

use crate::error::{Error, Result};
use crate::session::Session;

/// The articles the parent can read and their search index.
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

impl Session {
    /// Runs `f` with the journal and the shelf, building the shelf on first use.
    pub fn with_shelf<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&mut Store, &Shelf) -> Result<T, E>,
    ) -> Result<T, E> {
        self.with_store(|store| {
            let mut shelf = self.shelf.lock().map_err(|_| Error::StatePoisoned)?;
            if shelf.is_none() {
                *shelf = Some(Shelf::load(store)?);
            }
            match shelf.as_ref() {
                Some(loaded) => f(store, loaded),
                None => Err(Error::StatePoisoned.into()),
            }
        })
    }

    /// Like [`Session::with_shelf`] for a change to the imports: the shelf is rebuilt after it.
    pub fn change_shelf<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&mut Store, &Shelf) -> Result<T, E>,
    ) -> Result<T, E> {
        let result = self.with_shelf(f);
        self.forget_shelf();
        result
    }

    /// Drops the cached shelf; the next use builds it again.
    pub(crate) fn forget_shelf(&self) {
        if let Ok(mut shelf) = self.shelf.lock() {
            *shelf = None;
        }
    }

    /// Whether the shelf is built and cached now.
    #[cfg(test)]
    pub(crate) fn shelf_is_cached(&self) -> bool {
        self.shelf.lock().map(|s| s.is_some()).unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{folder, open, PASSPHRASE};

    fn article_count(session: &Session) -> usize {
        session
            .with_shelf(|_, shelf| Ok::<_, Error>(shelf.library.summaries().len()))
            .expect("shelf")
    }

    #[test]
    fn the_shelf_is_built_on_first_use_and_kept() {
        let tmp = folder();
        let session = open(tmp.path());
        assert!(!session.shelf_is_cached());
        assert!(article_count(&session) > 0, "the shipped articles");
        assert!(session.shelf_is_cached());
    }

    #[test]
    fn a_change_to_the_imports_rebuilds_the_shelf() {
        let tmp = folder();
        let session = open(tmp.path());
        let before = article_count(&session);
        let text = "+++\ntitle = \"Our own notes\"\nsummary = \"What helped us.\"\n\
            topics = [\"getting-help\"]\norder = 1\npublished = 2026-11-01\nrelated = []\n+++\n\n\
            A few words of our own.\n\n## Later\n\nThings settle.\n";
        let imported = session.change_shelf(|store, shelf| -> Result<_> {
            Ok(nestling_library::imported::import(
                store.conn(),
                &shelf.library,
                "ours.md",
                text,
                chrono::Utc::now(),
            )?)
        });
        imported.expect("imported");
        assert!(!session.shelf_is_cached());
        assert_eq!(article_count(&session), before + 1);
    }

    #[test]
    fn locking_forgets_the_shelf() {
        let tmp = folder();
        let session = open(tmp.path());
        session.set_passphrase(PASSPHRASE).expect("set");
        article_count(&session);
        session.lock().expect("locked");
        assert!(!session.shelf_is_cached());
    }
}
