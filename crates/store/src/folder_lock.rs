//! One app per data folder: an exclusive lock on a small file in the folder, held for as long as
//! the journal may be used.
//!
//! Two copies of Nestling writing one journal would each rename files under the other during a
//! restore or an encryption. The lock is taken before the journal is opened; a second copy finds
//! it held and opens nothing. The operating system releases it when the process ends, crash
//! included, so a stale lock file never keeps the parent out.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The lock file's name inside the data folder. It holds no data.
pub const LOCK_FILE_NAME: &str = "nestling.lock";

/// The held lock on a data folder; dropping it lets another copy of Nestling open the folder.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
    path: PathBuf,
}

impl FolderLock {
    /// Takes the data folder in `dir` for this process, creating the folder when needed.
    ///
    /// Fails with [`Error::InUse`] when another process (or another [`FolderLock`] in this one)
    /// already holds it; nothing in the folder is changed then.
    pub fn acquire(dir: &Path) -> Result<FolderLock> {
        std::fs::create_dir_all(dir).map_err(|source| Error::CreateDataDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(LOCK_FILE_NAME);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(Error::io(&path))?;
        match file.try_lock() {
            Ok(()) => Ok(FolderLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(Error::InUse {
                path: dir.to_path_buf(),
            }),
            Err(TryLockError::Error(source)) => Err(Error::Io { path, source }),
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = FolderLock::acquire(dir.path()).expect("first");
        let second = FolderLock::acquire(dir.path());
        assert!(matches!(second, Err(Error::InUse { .. })), "{second:?}");
        drop(first);
        FolderLock::acquire(dir.path()).expect("free again");
    }

    #[test]
    fn another_folder_is_not_affected() {
        let one = tempfile::tempdir().expect("temp dir");
        let two = tempfile::tempdir().expect("temp dir");
        let _a = FolderLock::acquire(one.path()).expect("one");
        FolderLock::acquire(two.path()).expect("two");
    }

    #[test]
    fn the_in_use_message_says_what_to_do() {
        let err = Error::InUse {
            path: "/data".into(),
        };
        assert_eq!(err.kind(), "in_use");
        assert_eq!(
            err.to_string(),
            "Nestling is already open on the journal in /data, in another window or by another \
             copy of the app. Please use that window; this one has changed nothing."
        );
    }
}
