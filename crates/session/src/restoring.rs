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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{folder, log, moments, open};

    fn exported(session: &Session) -> String {
        session
            .with_store(|store| -> Result<_> {
                let scope = nestling_export::Scope::Everything;
                Ok(nestling_export::journal_json(
                    store.conn(),
                    scope,
                    chrono::Utc::now(),
                )?)
            })
            .expect("exported")
    }

    #[test]
    fn nothing_is_previewed_or_restored_before_a_file_is_chosen() {
        let tmp = folder();
        let session = open(tmp.path());
        let restoring = Restoring::default();
        assert!(matches!(
            session.restore_preview(&restoring),
            Err(Error::NothingToRestore)
        ));
        assert!(matches!(
            session.restore_apply(&restoring, Mode::Merge),
            Err(Error::NothingToRestore)
        ));
    }

    #[test]
    fn a_restore_backs_up_first_and_then_forgets_the_file() {
        let (from, into) = (folder(), folder());
        let source = open(from.path());
        log(&source, "from the other journal");
        let restoring = Restoring::default();
        restoring.hold(exported(&source));
        let session = open(into.path());
        let backups = || {
            nestling_store::backups::list(into.path())
                .expect("listed")
                .len()
        };
        let before = backups();
        session
            .restore_apply(&restoring, Mode::Merge)
            .expect("restored");
        assert_eq!(moments(&session), 1);
        assert_eq!(backups(), before + 1);
        assert!(matches!(
            session.restore_preview(&restoring),
            Err(Error::NothingToRestore)
        ));
    }

    #[test]
    fn a_file_that_is_not_text_is_not_a_journal_and_a_missing_one_cannot_be_read() {
        let tmp = folder();
        let binary = tmp.path().join("photo.json");
        std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x80]).expect("written");
        let restoring = Restoring::default();
        let err = restoring.hold_file(&binary).expect_err("not text");
        assert!(matches!(
            err,
            Error::Export(nestling_export::Error::NotAJournal)
        ));
        let err = restoring
            .hold_file(&tmp.path().join("gone.json"))
            .expect_err("missing");
        assert!(matches!(err, Error::Open { .. }));
    }
}
