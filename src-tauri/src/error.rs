//! The one error type that crosses to the UI, serialized as `{ "kind": "...", "message": "..." }`.
//!
//! The UI branches on `kind` (a stable snake_case code) and shows `message` as it is. Messages
//! come from the domain crates, which never put journal text in them.

use serde::ser::SerializeStruct;

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A storage failure, including a journal that could not be opened.
    #[error(transparent)]
    Store(#[from] nestling_store::Error),
    /// A journal rule was broken (the message says which) or a moment was not found.
    #[error(transparent)]
    Journal(#[from] nestling_journal::Error),
    /// An article could not be read, found, imported or highlighted.
    #[error(transparent)]
    Library(#[from] nestling_library::Error),
    /// The shipped help lines did not pass their checks (a build that should not have shipped).
    #[error(transparent)]
    Help(#[from] nestling_help::Error),
    /// What to export was not valid, or a JSON journal could not be read or restored.
    #[error(transparent)]
    Export(#[from] nestling_export::Error),
    /// A Patterns chart could not be drawn.
    #[error(transparent)]
    Charts(#[from] nestling_charts::Error),
    /// The PDF report could not be typeset.
    #[error(transparent)]
    Pdf(#[from] nestling_report_pdf::Error),
    /// An export file could not be written; nothing was left half-written.
    #[error("Nestling could not save the file in {}: {source}. Nothing was written there; please choose another folder.", path.parent().unwrap_or(path).display())]
    Save {
        /// Where the file was to go.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The parent cancelled a save; no file was written.
    #[error("The save was cancelled. No file was written.")]
    Cancelled,
    /// Recovery was asked for while the journal is fine.
    #[error("Your journal opened normally; there is nothing to recover.")]
    NothingToRecover,
    /// The app is closing and has let go of the journal.
    #[error("Nestling is closing; nothing more can be changed in this window.")]
    Closed,
    /// An unlock was asked for while the journal is already open.
    #[error("Your journal is already open; there is nothing to unlock.")]
    NotLocked,
    /// The file chosen to restore from could not be read.
    #[error("Nestling could not read the file {}: {source}. Nothing was restored; please choose the file again.", path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())]
    Open {
        /// The file that was chosen.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A restore was asked for before a file was chosen.
    #[error("Please choose a Nestling file to restore from first. Nothing was restored.")]
    NothingToRestore,
    /// "Delete everything" without the typed confirmation.
    #[error("Please type \u{201c}delete everything\u{201d} to confirm. Nothing was deleted.")]
    NotConfirmed,
    /// The journal could not be opened at start; every command repeats why.
    #[error("{message}")]
    Unavailable {
        /// The kind of the original failure.
        kind: &'static str,
        /// The original, readable message.
        message: String,
    },
    /// Everything was erased but the window's own storage (a dismissed offer, drafts an older
    /// version kept there) could not be cleared.
    #[error("Your journal, its key and its backups were deleted, but the window's own stored choices could not be cleared. Please close and reopen Nestling.")]
    WebviewStorage,
    /// A previous command panicked while holding the journal; restarting the app recovers.
    #[error("Nestling hit an internal problem. Please close and reopen it; nothing saved has been lost.")]
    StatePoisoned,
}

/// The result type of every command.
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The stable code the UI branches on.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Store(err) => err.kind(),
            Error::Journal(err) => err.kind(),
            Error::Library(err) => err.kind(),
            Error::Export(err) => err.kind(),
            Error::Help(_) => "help_lines",
            Error::Pdf(_) => "typesetting",
            Error::Charts(_) => "chart",
            Error::Save { .. } => "save_failed",
            Error::Cancelled => "cancelled",
            Error::NothingToRecover => "nothing_to_recover",
            Error::Open { .. } => "open_failed",
            Error::NothingToRestore => "nothing_to_restore",
            Error::NotConfirmed => "not_confirmed",
            Error::NotLocked => "not_locked",
            Error::Closed => "closed",
            Error::Unavailable { kind, .. } => kind,
            Error::WebviewStorage => "webview_storage",
            Error::StatePoisoned => "internal",
        }
    }

    /// Whether a passphrase or recovery code did not match.
    pub(crate) fn is_wrong_secret(&self) -> bool {
        matches!(self, Error::Store(nestling_store::Error::WrongPassphrase))
    }

    /// The same failure as a value that can be handed to every later command.
    pub(crate) fn unavailable(&self) -> Error {
        Error::Unavailable {
            kind: self.kind(),
            message: self.to_string(),
        }
    }
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Error", 2)?;
        out.serialize_field("kind", self.kind())?;
        out.serialize_field("message", &self.to_string())?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_kind_and_message() {
        let err = Error::from(nestling_store::Error::UnknownSetting { key: "x".into() });
        let json = serde_json::to_value(&err).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"kind": "invalid_input", "message": "There is no setting called \u{201c}x\u{201d}."})
        );
    }

    #[test]
    fn an_unavailable_journal_keeps_the_original_kind_and_message() {
        let original = Error::from(nestling_store::Error::TooNew {
            path: "/data/nestling.sqlite3".into(),
            found: 9,
            supported: 1,
        });
        let copy = original.unavailable();
        assert_eq!(copy.kind(), "too_new");
        assert_eq!(copy.to_string(), original.to_string());
    }
}
