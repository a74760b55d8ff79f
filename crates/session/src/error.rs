//! The session's one error type: the domain crates' failures it passes on, and its own, each
//! carrying ids and paths only. The words a parent reads are chosen by the shell, which maps
//! every variant to a stable `kind` and a message.

use std::path::PathBuf;
use std::sync::Arc;

/// Everything the session can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A storage failure, including a journal that could not be opened.
    #[error(transparent)]
    Store(#[from] nestling_store::Error),
    /// A journal rule was broken or a row was not found.
    #[error(transparent)]
    Journal(#[from] nestling_journal::Error),
    /// An article could not be read, found or indexed.
    #[error(transparent)]
    Library(#[from] nestling_library::Error),
    /// What to export was not valid, or a JSON journal could not be read or restored.
    #[error(transparent)]
    Export(#[from] nestling_export::Error),
    /// The PDF report could not be typeset.
    #[error(transparent)]
    Pdf(#[from] nestling_report_pdf::Error),
    /// Pairing or an exchange with the partner's computer failed.
    #[error(transparent)]
    Sync(#[from] nestling_sync::Error),
    /// A pairing was confirmed before a code was shown here or typed in.
    #[error("no pairing code shown or typed")]
    NoPairingCode,
    /// A pairing was confirmed before the shared folder was chosen.
    #[error("no shared folder chosen")]
    NoShareFolder,
    /// An export file could not be written at `path`; nothing was left half-written.
    #[error("saving {} failed: {source}", path.display())]
    Save {
        /// Where the file was to go.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The parent cancelled a save; no file was written.
    #[error("save cancelled")]
    Cancelled,
    /// Recovery was asked for while the journal is fine.
    #[error("nothing to recover")]
    NothingToRecover,
    /// The app is closing and has let go of the journal.
    #[error("session closed")]
    Closed,
    /// An unlock was asked for while the journal is already open.
    #[error("journal not locked")]
    NotLocked,
    /// The file chosen to restore from at `path` could not be read.
    #[error("reading {} failed: {source}", path.display())]
    Open {
        /// The file that was chosen.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A restore was asked for before a file was chosen.
    #[error("no file chosen to restore from")]
    NothingToRestore,
    /// "Delete everything" without the typed confirmation.
    #[error("erase not confirmed")]
    NotConfirmed,
    /// The journal could not be opened (at start, or after a failed unlock or replace); every
    /// later call repeats the original failure.
    #[error(transparent)]
    Unavailable(Arc<Error>),
    /// A previous call panicked while holding the journal; restarting the app recovers.
    #[error("session state poisoned")]
    StatePoisoned,
}

/// The result type of the session's functions.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether a passphrase or recovery code did not match.
    pub fn is_wrong_secret(&self) -> bool {
        matches!(self, Error::Store(nestling_store::Error::WrongPassphrase))
    }

    /// The failure behind an [`Error::Unavailable`], or this one.
    pub fn original(&self) -> &Error {
        match self {
            Error::Unavailable(inner) => inner.original(),
            other => other,
        }
    }
}

/// A failure kept in the session and handed to every later call.
pub(crate) fn shared(err: Error) -> Arc<Error> {
    match err {
        Error::Unavailable(inner) => inner,
        other => Arc::new(other),
    }
}
