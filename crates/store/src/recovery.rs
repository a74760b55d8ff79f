//! Recovering from a damaged journal: setting the file aside and finding a good backup.
//!
//! A damaged journal is never deleted or written: [`set_aside`] moves it (with its write-ahead
//! log and shared-memory files) into `<data folder>/damaged/<UTC timestamp>/`, after which the
//! app can restore the backup that [`newest_good_backup`] finds, with
//! [`crate::Store::restore_in`].

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;

use crate::backups::{self, BackupInfo};
use crate::connection;
use crate::data_key::Keys;
use crate::fault;
use crate::fsutil;
use crate::keys::KeyFile;
use crate::paths::DATABASE_FILE_NAME;
use crate::{Error, Result};

pub use crate::paths::DAMAGED_DIR;

/// Moves the journal file and its side files into `<dir>/damaged/<timestamp>/` and returns that
/// folder. Nothing is deleted; the key file stays where it is (backups still need it).
pub fn set_aside(dir: &Path) -> Result<PathBuf> {
    let db = dir.join(DATABASE_FILE_NAME);
    let target = fresh_folder(&dir.join(DAMAGED_DIR))?;
    move_files(&db, &target, &["", "-wal", "-shm", "-journal"])?;
    Ok(target)
}

/// Like [`set_aside`], for a journal about to be replaced by a rename: the journal file is
/// linked into the folder (copied where links are not supported) and stays in place, and only
/// its side files move. A crash at any point leaves the journal where it was, so it is never
/// missing from the data folder.
pub(crate) fn keep_aside(dir: &Path) -> Result<PathBuf> {
    let db = dir.join(DATABASE_FILE_NAME);
    let target = fresh_folder(&dir.join(DAMAGED_DIR))?;
    let kept = target.join(DATABASE_FILE_NAME);
    if std::fs::hard_link(&db, &kept).is_err() {
        std::fs::copy(&db, &kept).map_err(Error::io(&db))?;
        let file = std::fs::File::open(&kept).map_err(Error::io(&kept))?;
        file.sync_all().map_err(Error::io(&kept))?;
    }
    fsutil::sync_parent(&kept)?;
    fault::point(fault::SET_ASIDE);
    move_files(&db, &target, &["-wal", "-shm", "-journal"])?;
    Ok(target)
}

/// Moves the files `db` + each of `suffixes` that exist into `target`, durably.
fn move_files(db: &Path, target: &Path, suffixes: &[&str]) -> Result<()> {
    for suffix in suffixes {
        let from = fsutil::with_suffix(db, suffix);
        if from.exists() {
            let to = target.join(format!("{DATABASE_FILE_NAME}{suffix}"));
            std::fs::rename(&from, &to).map_err(Error::io(&from))?;
        }
    }
    fsutil::sync_parent(db)?;
    fsutil::sync_parent(&target.join(DATABASE_FILE_NAME))
}

/// A new folder named with the current UTC time (`-2`, `-3`… when that name is taken).
fn fresh_folder(parent: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
    let stamp = fsutil::timestamp_now();
    for n in 1u32.. {
        let name = if n == 1 {
            stamp.clone()
        } else {
            format!("{stamp}-{n}")
        };
        let path = parent.join(name);
        match std::fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(Error::Io { path, source }),
        }
    }
    Err(Error::Io {
        path: parent.to_path_buf(),
        source: std::io::Error::other("no free folder name"),
    })
}

/// The newest backup that passes a full integrity check, or `None` when none does.
///
/// Encrypted backups need `secret` (passphrase or recovery code): without it this fails with
/// [`Error::Locked`], with a wrong one with [`Error::WrongPassphrase`]. Reads only.
pub fn newest_good_backup(dir: &Path, secret: Option<&str>) -> Result<Option<BackupInfo>> {
    let all = backups::list(dir)?;
    let keys = keys_for(dir, &all, secret)?;
    Ok(all
        .into_iter()
        .find(|b| is_good(&b.path_in(dir), b.encrypted, keys.as_ref())))
}

/// The backups that do not open with `secret` (passphrase or recovery code; `None` for none) or
/// fail a full integrity check. An encrypted backup is unreadable without a key file, without a
/// secret, or with a secret the key file does not take. Reads only.
pub fn unreadable_backups(dir: &Path, secret: Option<&str>) -> Result<Vec<BackupInfo>> {
    let keys = match (KeyFile::read(dir)?, secret) {
        (Some(file), Some(secret)) => file.unlock_all(secret).ok().map(|(_, keys)| keys),
        _ => None,
    };
    let all = backups::list(dir)?;
    Ok(all
        .into_iter()
        .filter(|b| !is_good(&b.path_in(dir), b.encrypted, keys.as_ref()))
        .collect())
}

fn keys_for(dir: &Path, all: &[BackupInfo], secret: Option<&str>) -> Result<Option<Keys>> {
    if !all.iter().any(|b| b.encrypted) {
        return Ok(None);
    }
    let Some(key_file) = KeyFile::read(dir)? else {
        return Ok(None);
    };
    match secret {
        Some(secret) => key_file.unlock_all(secret).map(|(_, keys)| Some(keys)),
        None => Err(Error::Locked),
    }
}

/// Whether the backup at `path` opens (with the one of `keys` that decrypts it, when it is
/// encrypted) and passes a full integrity check.
fn is_good(path: &Path, encrypted: bool, keys: Option<&Keys>) -> bool {
    let key = match (encrypted, keys) {
        (true, Some(keys)) => Some(connection::key_for_file(keys, path)),
        _ => None,
    };
    if encrypted && key.is_none() {
        return false;
    }
    connection::connect(path, key, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|conn| connection::run_check(&conn, "PRAGMA integrity_check", path))
        .is_ok()
}
