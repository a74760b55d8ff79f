//! The one error type that crosses to the UI, serialized as `{ "kind": "...", "message": "..." }`.
//!
//! The UI branches on `kind` (a stable snake_case code) and shows `message` as it is. Messages
//! come from the domain crates, which never put journal text in them; the session's own
//! failures carry only ids and paths and are worded here.

use nestling_session::Error as SessionError;
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
    /// A failure of the session: the journal's state, a secret, a save, a restore.
    #[error("{}", session_message(.0))]
    Session(#[from] nestling_session::Error),
    /// Everything was erased but the window's own storage (a dismissed offer, drafts an older
    /// version kept there) could not be cleared.
    #[error("Your journal, its key and its backups were deleted, but the window's own stored choices could not be cleared. Please close and reopen Nestling.")]
    WebviewStorage,
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
            Error::Charts(_) => "chart",
            Error::Session(err) => session_kind(err),
            Error::WebviewStorage => "webview_storage",
        }
    }
}

/// The stable code of a session failure; a journal that could not be opened keeps the code of
/// the original failure.
fn session_kind(err: &SessionError) -> &'static str {
    match err.original() {
        SessionError::Store(err) => err.kind(),
        SessionError::Journal(err) => err.kind(),
        SessionError::Library(err) => err.kind(),
        SessionError::Export(err) => err.kind(),
        SessionError::Pdf(_) => "typesetting",
        SessionError::Sync(err) => err.kind(),
        SessionError::NoPairingCode => "no_pairing_code",
        SessionError::NoShareFolder => "no_share_folder",
        SessionError::Save { .. } => "save_failed",
        SessionError::Cancelled => "cancelled",
        SessionError::NothingToRecover => "nothing_to_recover",
        SessionError::Open { .. } => "open_failed",
        SessionError::NothingToRestore => "nothing_to_restore",
        SessionError::NotConfirmed => "not_confirmed",
        SessionError::NotLocked => "not_locked",
        SessionError::Closed => "closed",
        SessionError::Unavailable(_) | SessionError::StatePoisoned => "internal",
    }
}

/// What the parent reads about a session failure: the domain crates' own messages, and ours
/// for the session's own failures.
fn session_message(err: &SessionError) -> String {
    match err.original() {
        SessionError::Save { path, source } => format!(
            "Nestling could not save the file in {}: {source}. Nothing was written there; please choose another folder.",
            path.parent().unwrap_or(path).display()
        ),
        SessionError::Cancelled => "The save was cancelled. No file was written.".into(),
        SessionError::NothingToRecover => {
            "Your journal opened normally; there is nothing to recover.".into()
        }
        SessionError::Closed => {
            "Nestling is closing; nothing more can be changed in this window.".into()
        }
        SessionError::NotLocked => "Your journal is already open; there is nothing to unlock.".into(),
        SessionError::Open { path, source } => format!(
            "Nestling could not read the file {}: {source}. Nothing was restored; please choose the file again.",
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        ),
        SessionError::NothingToRestore => {
            "Please choose a Nestling file to restore from first. Nothing was restored.".into()
        }
        SessionError::NotConfirmed => {
            "Please type \u{201c}delete everything\u{201d} to confirm. Nothing was deleted.".into()
        }
        SessionError::Unavailable(_) | SessionError::StatePoisoned => {
            "Nestling hit an internal problem. Please close and reopen it; nothing saved has been lost.".into()
        }
        SessionError::Sync(err) => sync_message(err),
        SessionError::NoPairingCode => {
            "Please show a pairing code, or type the one from the other computer, first.".into()
        }
        SessionError::NoShareFolder => {
            "Please choose the folder both computers can see first.".into()
        }
        domain => domain.to_string(),
    }
}

/// What the parent reads about sharing: the journal's and the folder's own messages, which are
/// written for parents, and ours for the sync engine's.
fn sync_message(err: &nestling_sync::Error) -> String {
    use nestling_sync::Error as Sync;
    match err {
        Sync::Journal(err) => err.to_string(),
        Sync::Folder(err) => err.to_string(),
        Sync::NotPaired => "This computer is not sharing with another one.".into(),
        Sync::AlreadyPaired => {
            "This computer already shares with another one. Unpair first to pair again.".into()
        }
        Sync::NameInvalid => {
            "Please give a name your partner will see, up to 60 characters.".into()
        }
        Sync::FolderUnusable { path } => format!(
            "The folder {} cannot be found. If it is on a USB stick or a network drive, please connect it, or choose the folder again.",
            path.display()
        ),
        _ => "Sharing could not finish this time. Your moments are safe, and Nestling will try again.".into(),
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
    fn a_journal_that_could_not_be_opened_keeps_the_original_kind_and_message() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let _first = nestling_session::Session::open(tmp.path().to_path_buf());
        let second = nestling_session::Session::open(tmp.path().to_path_buf());
        let failure = second.failure().expect("state").expect("failed");
        let original = Error::from(nestling_store::Error::InUse {
            path: tmp.path().to_path_buf(),
        });
        let shown = Error::from(failure);
        assert_eq!(shown.kind(), original.kind());
        assert_eq!(shown.to_string(), original.to_string());
    }

    #[test]
    fn the_session_s_own_failures_keep_their_kind_and_wording() {
        let cancelled = Error::from(SessionError::Cancelled);
        assert_eq!(cancelled.kind(), "cancelled");
        assert_eq!(
            cancelled.to_string(),
            "The save was cancelled. No file was written."
        );
        let save = Error::from(SessionError::Save {
            path: "/reports/report.pdf".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        });
        assert_eq!(save.kind(), "save_failed");
        assert!(save
            .to_string()
            .starts_with("Nestling could not save the file in /reports: "));
    }
}
