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
    /// The journal is encrypted: it opens only with [`crate::Store::unlock_in`].
    #[error("The journal is locked. Enter your passphrase or your recovery code to open it.")]
    Locked,
    /// Neither the passphrase nor the recovery code matched. Nothing was changed.
    #[error("That passphrase or recovery code does not match. Nothing has been changed; please try again, taking care with capital letters.")]
    WrongPassphrase,
    /// A new passphrase that is too short to protect the journal.
    #[error("Please choose a passphrase of at least {min} characters; this one has {found}.")]
    WeakPassphrase {
        /// The fewest characters accepted.
        min: usize,
        /// How many characters the refused passphrase had.
        found: usize,
    },
    /// A passphrase was asked to be set on a journal that already has one.
    #[error("The journal already has a passphrase. Change it instead of setting a new one.")]
    AlreadyEncrypted,
    /// Setting a passphrase was interrupted after some backups were already encrypted, and the
    /// passphrase given now is not the one chosen then. Nothing was changed; setting that
    /// passphrase finishes the attempt, and `Store::abandon_unfinished_passphrase` gives it up.
    #[error("Setting a passphrase was interrupted before it finished, and some backups are already locked with the passphrase chosen then. Please set that same passphrase again to finish, or start again with a new one. Nothing has been changed.")]
    UnfinishedPassphrase,
    /// A new recovery code was asked for with the recovery code instead of the passphrase. The
    /// new data key must be sealed under the passphrase, which only the parent knows. Nothing
    /// was changed.
    #[error("To make a new recovery code, please type your passphrase, not the recovery code. If you have forgotten the passphrase, choose a new one with your recovery code instead: that gives you a new recovery code too. Nothing has been changed.")]
    PassphraseNeeded,
    /// Another copy of Nestling has the data folder open.
    #[error("Nestling is already open on the journal in {path}, in another window or by another copy of the app. Please use that window; this one has changed nothing.")]
    InUse {
        /// The data folder.
        path: std::path::PathBuf,
    },
    /// A passphrase operation on a journal that has none.
    #[error("The journal has no passphrase, so there is nothing to unlock or change.")]
    NotEncrypted,
    /// The key file beside the journal cannot be read or is not one Nestling wrote.
    #[error("The key file {path} cannot be read: it is damaged or was written by a newer Nestling. It has been left exactly as it is.")]
    KeyFile {
        /// The key file.
        path: PathBuf,
    },
    /// The journal file is damaged (truncated or overwritten in places). It was not written to.
    #[error("The journal at {path} is damaged and cannot be opened safely. It has not been changed. You can set it aside and restore your newest good backup.")]
    Damaged {
        /// The damaged file.
        path: PathBuf,
    },
    /// No backup of that name exists in the backups folder.
    #[error("There is no backup called \u{201c}{name}\u{201d}.")]
    BackupNotFound {
        /// The name that was asked for (a file name, never journal text).
        name: String,
    },
    /// A backup failed its integrity check; it was not used and nothing was changed.
    #[error("The backup {path} is damaged and cannot be restored. Nothing has been changed; please choose another backup.")]
    BackupDamaged {
        /// The damaged backup.
        path: PathBuf,
    },
    /// An encrypted or decrypted copy of the journal did not match the original, so it was
    /// discarded and the journal was left as it was.
    #[error("Nestling could not make a faithful copy of the journal at {path}, so nothing was changed. Please try again.")]
    CopyMismatch {
        /// The journal file that was left unchanged.
        path: PathBuf,
    },
    /// A file operation (write, rename, remove) failed.
    #[error("Nestling could not update the file {path}: {source}. Check that the data folder can be written to and the disk is not full.")]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The parent's name is longer than the setting allows.
    #[error("A name can be at most {max} characters long.")]
    NameTooLong {
        /// The longest accepted length, in characters.
        max: usize,
    },
    /// The parent's name contains control characters (such as line breaks).
    #[error("A name cannot contain line breaks, tabs or other control characters.")]
    NameHasControlCharacters,
    /// Any other failure reported by SQLite.
    #[error("The journal database reported an error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A stable snake_case code the app can branch on; it never changes with the wording.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::CreateDataDir { .. } => "data_folder",
            Error::NotADatabase { .. } => "not_a_database",
            Error::ForeignDatabase { .. } => "foreign_database",
            Error::TooNew { .. } => "too_new",
            Error::UnknownSetting { .. } | Error::InvalidSetting { .. } => "invalid_input",
            Error::NameTooLong { .. } | Error::NameHasControlCharacters => "invalid_input",
            Error::Locked => "locked",
            Error::WrongPassphrase => "wrong_passphrase",
            Error::WeakPassphrase { .. } => "weak_passphrase",
            Error::AlreadyEncrypted => "already_encrypted",
            Error::UnfinishedPassphrase => "unfinished_passphrase",
            Error::PassphraseNeeded => "passphrase_needed",
            Error::NotEncrypted => "not_encrypted",
            Error::InUse { .. } => "in_use",
            Error::KeyFile { .. } => "key_file",
            Error::Damaged { .. } => "damaged",
            Error::BackupNotFound { .. } => "backup_not_found",
            Error::BackupDamaged { .. } => "backup_damaged",
            Error::CopyMismatch { .. } => "copy_mismatch",
            Error::Io { .. } => "file_system",
            Error::Sqlite(_) => "storage",
        }
    }

    /// Wraps an I/O failure on `path`.
    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
        move |source| Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
