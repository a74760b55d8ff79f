//! One app per data folder: an exclusive lock on a small file in the folder, held for as long as
//! the journal may be used.
//!
//! Two copies of Nestling writing one journal would each rename files under the other during a
//! restore or an encryption. The lock is taken before the journal is opened; a second copy finds
//! it held and opens nothing. The operating system releases it when the process ends, crash
//! included, so a stale lock file never keeps the parent out.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::paths::LOCK_FILE_NAME;
use crate::{Error, Result};

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
    ///
    /// Once held, the folder and everything in it are made private to the parent's account
    /// (folders 0700, files 0600), repairing whatever an older version or a copy left looser.
    pub fn acquire(dir: &Path) -> Result<FolderLock> {
        keep_new_files_private();
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
            Ok(()) => {
                make_private(dir)?;
                Ok(FolderLock { _file: file, path })
            }
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

/// Files and folders this process creates from now on are for the parent's account only.
///
/// The mask is process-wide, which is what is wanted: the journal, its log, backups, key files
/// and the window's own storage are all written by this process.
fn keep_new_files_private() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// Sets folders under `dir` (and `dir`) to 0700 and files to 0600; links are left alone.
#[cfg(unix)]
fn make_private(dir: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let set = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .map_err(Error::io(path))
    };
    set(dir, 0o700)?;
    for entry in std::fs::read_dir(dir).map_err(Error::io(dir))? {
        let entry = entry.map_err(Error::io(dir))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(Error::io(&path))?;
        if kind.is_dir() {
            make_private(&path)?;
        } else if kind.is_file() {
            set(&path, 0o600)?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn make_private(_dir: &Path) -> Result<()> {
    Ok(())
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

    #[cfg(unix)]
    #[test]
    fn loose_modes_in_the_data_folder_are_repaired_when_it_is_taken() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("backups")).expect("folders");
        std::fs::write(data.join("nestling.sqlite3"), b"x").expect("file");
        std::fs::write(data.join("backups/old.sqlite3"), b"x").expect("file");
        for path in [&data, &data.join("backups")] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("loose");
        }
        for path in [
            data.join("nestling.sqlite3"),
            data.join("backups/old.sqlite3"),
        ] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("loose");
        }
        let _held = FolderLock::acquire(&data).expect("taken");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join("backups")), 0o700);
        assert_eq!(mode(&data.join("nestling.sqlite3")), 0o600);
        assert_eq!(mode(&data.join("backups/old.sqlite3")), 0o600);
        assert_eq!(mode(&data.join(LOCK_FILE_NAME)), 0o600);
        std::fs::write(data.join("new-after.txt"), b"x").expect("new file");
        assert_eq!(
            mode(&data.join("new-after.txt")),
            0o600,
            "new files are private too"
        );
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
