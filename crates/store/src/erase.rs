//! Erasing everything Nestling keeps in its data folder.

use std::path::Path;

use crate::backups;
use crate::fsutil;
use crate::keys::KeyFile;
use crate::paths::{BACKUPS_DIR, DAMAGED_DIR, DATABASE_FILE_NAME};
use crate::{Error, Result};

/// Removes the journal, its side files, the key file, every backup and every set-aside damaged
/// journal from `dir`. Files Nestling did not name are left where they are, and so are the
/// folders that still hold them. Drop any open [`crate::Store`] of `dir` first.
pub fn erase_everything(dir: &Path) -> Result<()> {
    let db = dir.join(DATABASE_FILE_NAME);
    fsutil::remove_database(&db)?;
    fsutil::remove_journal_leftovers(&db)?;
    KeyFile::remove_in(dir)?;
    erase_backups(dir)?;
    erase_damaged(&dir.join(DAMAGED_DIR))?;
    if dir.exists() {
        fsutil::sync_parent(&db)?;
    }
    Ok(())
}

fn erase_backups(dir: &Path) -> Result<()> {
    let folder = dir.join(BACKUPS_DIR);
    for entry in entries(&folder)? {
        let Some(name) = entry
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_owned)
        else {
            continue;
        };
        let base = name.strip_suffix(".partial").unwrap_or(&name);
        let base = ["-journal", "-wal", "-shm"]
            .iter()
            .find_map(|s| base.strip_suffix(s))
            .unwrap_or(base);
        if backups::parse_name(base).is_some() {
            fsutil::remove_if_present(&entry)?;
        }
    }
    remove_dir_if_empty(&folder)
}

fn erase_damaged(folder: &Path) -> Result<()> {
    for sub in entries(folder)? {
        if !sub.is_dir() {
            continue;
        }
        fsutil::remove_database(&sub.join(DATABASE_FILE_NAME))?;
        remove_dir_if_empty(&sub)?;
    }
    remove_dir_if_empty(folder)
}

/// The journals set aside in `damaged/` that are stored without encryption, oldest first.
///
/// Setting a passphrase cannot encrypt them (a damaged file fails the check every conversion
/// makes), so they stay readable by anyone with the computer until the parent removes them
/// with [`remove_plain_set_asides`].
pub fn plain_set_asides(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut found: Vec<_> = entries(&dir.join(DAMAGED_DIR))?
        .into_iter()
        .map(|sub| sub.join(DATABASE_FILE_NAME))
        .filter(|db| fsutil::has_plain_header(db))
        .collect();
    found.sort();
    Ok(found)
}

/// Removes every journal in `damaged/` that is stored without encryption, with its side
/// files, and returns how many were removed. Encrypted ones, and files Nestling did not
/// name, stay where they are.
pub fn remove_plain_set_asides(dir: &Path) -> Result<usize> {
    let plain = plain_set_asides(dir)?;
    for db in &plain {
        fsutil::remove_database(db)?;
        if let Some(sub) = db.parent() {
            remove_dir_if_empty(sub)?;
        }
    }
    remove_dir_if_empty(&dir.join(DAMAGED_DIR))?;
    if !plain.is_empty() {
        fsutil::sync_parent(&dir.join(DAMAGED_DIR))?;
    }
    Ok(plain.len())
}

fn entries(folder: &Path) -> Result<Vec<std::path::PathBuf>> {
    match std::fs::read_dir(folder) {
        Ok(read) => Ok(read.filter_map(|e| e.ok()).map(|e| e.path()).collect()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(Error::Io {
            path: folder.to_path_buf(),
            source,
        }),
    }
}

fn remove_dir_if_empty(folder: &Path) -> Result<()> {
    if entries(folder)?.is_empty() && folder.exists() {
        std::fs::remove_dir(folder).map_err(Error::io(folder))?;
    }
    Ok(())
}
