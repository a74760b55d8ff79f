//! Restoring from a Nestling file: the text of the file the parent chose, held between the
//! preview and the restore, and the restore itself after a backup of the journal as it is.
//! The checks and the writing are the export crate's and the journal's.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use nestling_export::{Mode, RestorePreview, Restored};
use nestling_store::Reason;

use crate::error::{Error, Result};
use crate::session::Session;

/// The text of the file chosen to restore from, kept between the preview and the restore.
#[derive(Default)]
pub struct Restoring {
    chosen: Mutex<Option<String>>,
}

impl Restoring {
    /// Keeps `json` as the chosen file's text (what the open dialog does; tests call it too).
    pub fn hold(&self, json: String) {
        *self.chosen() = Some(json);
    }

    /// Reads the file at `path` and keeps its text; a file that is not text is not a Nestling
    /// journal.
    pub fn hold_file(&self, path: &Path) -> Result<()> {
        let bytes = std::fs::read(path).map_err(|source| Error::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| nestling_export::Error::NotAJournal)?;
        self.hold(text);
        Ok(())
    }

    fn text(&self) -> Result<String> {
        self.chosen().clone().ok_or(Error::NothingToRestore)
    }

    fn forget(&self) {
        *self.chosen() = None;
    }

    // A panic elsewhere cannot leave the held text half-changed, so a poisoned lock is used.
    fn chosen(&self) -> MutexGuard<'_, Option<String>> {
        self.chosen.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Session {
    /// What the chosen file holds and how much of it the journal already has; writes nothing.
    pub fn restore_preview(&self, restoring: &Restoring) -> Result<RestorePreview> {
        let json = restoring.text()?;
        let now = chrono::Utc::now();
        self.with_store(|store| Ok(nestling_export::preview_json(store.conn(), &json, now)?))
    }

    /// Restores the chosen file in `mode`, after a backup of the journal as it is; the file is
    /// forgotten once restored.
    pub fn restore_apply(&self, restoring: &Restoring, mode: Mode) -> Result<Restored> {
        let json = restoring.text()?;
        let now = chrono::Utc::now();
        let done = self.with_store(|store| -> Result<Restored> {
            store.backup(Reason::Restore)?;
            Ok(nestling_export::restore_json(
                store.conn(),
                &json,
                mode,
                now,
            )?)
        })?;
        restoring.forget();
        Ok(done)
    }
}
