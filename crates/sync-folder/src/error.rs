//! The sharing folder's error type.
//!
//! Messages are written for the parent who will read them. Variants carry paths, ids and counts,
//! never a payload, a display name or a pairing code.

use std::io;
use std::path::{Path, PathBuf};

/// Everything that can go wrong while pairing or while reading and writing the shared folder.
///
/// A bad file found by a scan is not an error: it is a [`crate::Problem`] beside the files that
/// were read, so one damaged file never stops the others from arriving.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A typed pairing code with too few or too many symbols.
    #[error("This pairing code has {found} letters and digits; a pairing code has {expected}. Please check that no group is missing or repeated.")]
    CodeLength {
        /// The number of symbols a pairing code has.
        expected: usize,
        /// The number of symbols typed (spaces and dashes not counted).
        found: usize,
    },
    /// A typed pairing code containing a character no code has.
    #[error("Group {group} of this pairing code has a character that is never in a code (codes have only digits and letters, and never the letter U). Please check that group.")]
    CodeSymbol {
        /// The group (counted from 1) holding the character.
        group: usize,
    },
    /// A pairing code of the right shape whose check group does not match: a typo somewhere.
    #[error("This pairing code has a typo. Please compare it group by group with the code on the other computer.")]
    CodeTypo,
    /// Text that is not a device id (32 lower-case hexadecimal digits).
    #[error("This is not a Nestling device id.")]
    InvalidDeviceId,
    /// The sharing folder does not exist, is not a folder, or cannot be read.
    #[error("The sharing folder {path} cannot be found or opened. If it is on a USB stick or a network drive, please connect it, or choose the folder again.")]
    FolderMissing {
        /// The folder the parents chose.
        path: PathBuf,
    },
    /// The disk holding the sharing folder is full.
    #[error("There is no space left for {path}. Please free some space on the drive holding the sharing folder.")]
    FolderFull {
        /// The file that could not be written.
        path: PathBuf,
    },
    /// Any other failure to read or write a file or folder.
    #[error("Nestling could not use {path}: {source}. Check that the sharing folder can be read and written.")]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// A sequence number of zero or of more than twelve digits.
    #[error("Sequence number {seq} cannot be written: numbers run from 1 to 999999999999.")]
    SeqOutOfRange {
        /// The number that was given.
        seq: u64,
    },
    /// A file with this device's number already exists: numbers are never reused.
    #[error("The file {path} already exists, and a shared file is never replaced.")]
    AlreadyWritten {
        /// The existing file.
        path: PathBuf,
    },
    /// A payload larger than one file may carry.
    #[error("A shared file can carry at most {max} bytes; this one has {len}.")]
    PayloadTooLarge {
        /// The payload's length in bytes.
        len: usize,
        /// The largest payload accepted.
        max: usize,
    },
    /// The operating system gave no random bytes.
    #[error("The computer's random number generator is not available, so no key or file can be made safely.")]
    NoRandomness,
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A stable snake_case code the app can branch on; it never changes with the wording.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::CodeLength { .. } | Error::CodeSymbol { .. } => "invalid_code",
            Error::CodeTypo => "code_typo",
            Error::InvalidDeviceId | Error::SeqOutOfRange { .. } => "invalid_input",
            Error::PayloadTooLarge { .. } => "invalid_input",
            Error::FolderMissing { .. } => "folder_missing",
            Error::FolderFull { .. } => "folder_full",
            Error::Io { .. } | Error::AlreadyWritten { .. } => "file_system",
            Error::NoRandomness => "no_randomness",
        }
    }

    /// Wraps an I/O failure on `path`, telling a full disk apart from other failures.
    pub(crate) fn io(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
        move |source| match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Error::FolderFull {
                path: path.to_path_buf(),
            },
            _ => Error::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}

/// Fills `buf` from the operating system's random number generator.
pub(crate) fn random_bytes(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|_| Error::NoRandomness)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_told_apart_from_other_failures() {
        let path = Path::new("/share/x");
        let full = Error::io(path)(io::Error::from(io::ErrorKind::StorageFull));
        assert_eq!(full.kind(), "folder_full");
        let denied = Error::io(path)(io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(denied.kind(), "file_system");
    }
}
