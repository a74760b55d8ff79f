//! Small file-system helpers shared by the key file, conversions, backups and recovery: atomic
//! replacement, folder syncs and the names of Nestling's own files.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The suffixes SQLite adds beside a database for its write-ahead log, shared memory and
/// rollback journal.
pub(crate) const SIDE_SUFFIXES: &[&str] = &["-wal", "-shm", "-journal"];

/// `path` with `suffix` appended to its file name (`a.sqlite3` + `-wal` → `a.sqlite3-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the new one whole:
/// temporary file, fsync, rename over, fsync the folder.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_then(path, bytes, || ())
}

/// [`write_atomically`], calling `synced` between the synced temporary file and its rename (the
/// key file puts a fault point there).
pub(crate) fn write_atomically_then(
    path: &Path,
    bytes: &[u8],
    synced: impl FnOnce(),
) -> Result<()> {
    let tmp = with_suffix(path, ".tmp");
    let result = write_synced(&tmp, bytes).and_then(|()| {
        synced();
        rename_synced(&tmp, path)
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = File::create(path).map_err(Error::io(path))?;
    file.write_all(bytes).map_err(Error::io(path))?;
    file.sync_all().map_err(Error::io(path))
}

/// Renames `from` over `to` and makes the rename durable by syncing the folder.
pub(crate) fn rename_synced(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(Error::io(to))?;
    sync_parent(to)
}

/// Flushes a folder's entries (new, renamed or removed files) to disk.
pub(crate) fn sync_parent(path: &Path) -> Result<()> {
    let Some(dir) = path.parent() else {
        return Ok(());
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(Error::io(dir))
}

/// Removes a file, treating "already gone" as success.
pub(crate) fn remove_if_present(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path)(err)),
        _ => Ok(()),
    }
}

/// Removes the `-wal`, `-shm` and `-journal` files beside a database.
pub(crate) fn remove_side_files(db: &Path) -> Result<()> {
    for suffix in SIDE_SUFFIXES {
        remove_if_present(&with_suffix(db, suffix))?;
    }
    Ok(())
}

/// Copies of the journal `db` that an interrupted conversion or restore leaves beside it: never
/// the only copy of anything (each is renamed in whole or not at all) and perhaps in the clear,
/// so they are removed with their side files.
pub(crate) fn remove_journal_leftovers(db: &Path) -> Result<()> {
    for suffix in [".converting", ".restoring"] {
        remove_database(&with_suffix(db, suffix))?;
    }
    Ok(())
}

/// Removes a database and every side file of it.
pub(crate) fn remove_database(db: &Path) -> Result<()> {
    remove_if_present(db)?;
    remove_side_files(db)
}

/// Whether the file starts with the header of an unencrypted SQLite database. An encrypted file
/// starts with random salt instead, and an empty or missing file has no header at all.
pub(crate) fn has_plain_header(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .map(|()| &header == b"SQLite format 3\0")
        .unwrap_or(false)
}

/// Whether the file exists and holds at least one byte.
pub(crate) fn has_content(path: &Path) -> bool {
    fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false)
}

/// The current UTC time as `20261126T153000Z`, used in backup and set-aside names.
pub(crate) fn timestamp_now() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_whole_file_and_leaves_no_temporary() {
        let tmp = tempfile::tempdir().expect("folder");
        let path = tmp.path().join("f.json");
        write_atomically(&path, b"first, and longer").expect("first");
        write_atomically(&path, b"second").expect("second");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert!(!with_suffix(&path, ".tmp").exists());
    }

    #[test]
    fn a_plain_header_is_recognised_and_anything_else_is_not() {
        let tmp = tempfile::tempdir().expect("folder");
        let plain = tmp.path().join("plain");
        fs::write(&plain, b"SQLite format 3\0rest of the page").expect("write");
        let other = tmp.path().join("other");
        fs::write(&other, [7u8; 64]).expect("write");
        assert!(has_plain_header(&plain));
        assert!(!has_plain_header(&other));
        assert!(!has_plain_header(&tmp.path().join("missing")));
    }
}
