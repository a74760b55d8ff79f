//! The sync crate's errors. Like the journal's, they name rows by kind and files by path,
//! never by what a parent wrote.

use std::path::PathBuf;

/// What went wrong while sharing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The journal refused or failed.
    #[error(transparent)]
    Journal(#[from] nestling_journal::Error),
    /// The database failed.
    #[error("the journal's database failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The shared folder or its files failed.
    #[error(transparent)]
    Folder(#[from] nestling_sync_folder::Error),
    /// The document engine refused an operation.
    #[error("the shared document refused a change: {0}")]
    Engine(#[from] automerge::AutomergeError),
    /// A device id is not 32 hexadecimal digits.
    #[error("a device id must be 32 hexadecimal digits")]
    DeviceId,
    /// The saved shared document cannot be read.
    #[error("the shared copy of the journal kept in this journal cannot be read")]
    DocumentDamaged,
    /// Bytes received from the other computer are not changes of a shared document.
    #[error("a file from the other computer does not hold changes Nestling can read")]
    ChangesDamaged,
    /// A row in the shared document lacks a field it needs.
    #[error("a row shared by the other computer is incomplete")]
    RowDamaged,
    /// This journal is not paired.
    #[error("this journal is not paired with another computer")]
    NotPaired,
    /// This journal is already paired.
    #[error("this journal is already paired; unpair it first")]
    AlreadyPaired,
    /// The display name is empty or too long.
    #[error("a name for this computer must be 1 to 60 characters")]
    NameInvalid,
    /// The chosen folder does not exist or is not a folder.
    #[error("the folder {path} cannot be used for sharing: it does not exist or is not a folder")]
    FolderUnusable {
        /// The folder chosen.
        path: PathBuf,
    },
}

impl Error {
    /// A stable name of the kind of error, for the UI to branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Journal(e) => e.kind(),
            Error::Sqlite(_) => "database",
            Error::Folder(e) => e.kind(),
            Error::Engine(_) => "sync_engine",
            Error::DeviceId => "device_id_invalid",
            Error::DocumentDamaged => "shared_document_damaged",
            Error::ChangesDamaged => "shared_changes_damaged",
            Error::RowDamaged => "shared_row_damaged",
            Error::NotPaired => "not_paired",
            Error::AlreadyPaired => "already_paired",
            Error::NameInvalid => "pair_name_invalid",
            Error::FolderUnusable { .. } => "share_folder_unusable",
        }
    }
}

/// The result of a sharing operation.
pub type Result<T> = std::result::Result<T, Error>;
