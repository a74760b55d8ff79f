//! The storage crate's error type. Messages are written for the parent who will read them.

use std::path::PathBuf;

/// Everything that can go wrong while opening the journal file or reading and writing settings.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data folder could not be created or reached.
    #[error("Nestling could not create its data folder at {path}: {source}. Check that the folder can be written to.")]
    CreateDataDir {
        /// The folder that could not be created.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The journal file exists but is not a SQLite database at all.
    #[error("The file {path} is not a Nestling journal: it is not a database Nestling can read. It has been left exactly as it is. Move it elsewhere to start a new journal, or restore a backup in its place.")]
    NotADatabase {
        /// The file that was left untouched.
        path: PathBuf,
    },
    /// The file is a SQLite database, but one that belongs to some other program.
    #[error("The file {path} is a database, but not a Nestling journal. It has been left exactly as it is. Move it elsewhere to start a new journal.")]
    ForeignDatabase {
        /// The file that was left untouched.
        path: PathBuf,
    },
    /// The journal was written by a newer Nestling with a schema this version does not know.
    #[error("The journal at {path} was saved by a newer version of Nestling (format {found}; this version reads up to format {supported}). It has been left untouched. Please install the newer version of Nestling to open it.")]
    TooNew {
        /// The journal file.
        path: PathBuf,
        /// The schema version found in the file.
        found: u32,
        /// The newest schema version this build understands.
        supported: u32,
    },
    /// A setting name that Nestling does not have.
    #[error("There is no setting called \u{201c}{key}\u{201d}.")]
    UnknownSetting {
        /// The name that was asked for.
        key: String,
    },
    /// A value that a known setting does not accept.
    #[error("The setting \u{201c}{key}\u{201d} can be one of: {allowed}.")]
    InvalidSetting {
        /// The setting's name.
        key: &'static str,
        /// The accepted values, comma-separated.
        allowed: String,
    },
    /// Any other failure reported by SQLite.
    #[error("The journal database reported an error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
