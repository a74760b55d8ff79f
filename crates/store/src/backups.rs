//! Backups of the journal in `<data folder>/backups/`, and restoring one.
//!
//! A backup is a complete copy made with the engine's online backup API while the journal stays
//! open, named `nestling-<UTC timestamp>-<reason>.sqlite3` (with `-2`, `-3`… when several are
//! made in the same second), and encrypted with the journal's own data key whenever the journal
//! is encrypted. Each new backup is checked before older ones are pruned to the number the
//! `backups_to_keep` setting asks for, so the newest kept backup is always a good one.
//!
//! Backups are made automatically once a day (when the journal holds anything), before
//! migrations, before a passphrase is set, changed or removed, and before a restore. Restoring
//! one is the `restore` module's.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::connection;
use crate::convert;
use crate::data_key::DataKey;
use crate::fault;
use crate::fsutil;
use crate::migrate::{self, MIGRATIONS};
use crate::paths::backups_dir;
use crate::settings;
use crate::{Error, Result, Store};

pub use crate::paths::BACKUPS_DIR;

const PREFIX: &str = "nestling-";
const SUFFIX: &str = ".sqlite3";
const TIMESTAMP_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The automatic backup made at most once a day.
    Daily,
    /// Made just before the schema was upgraded.
    Migration,
    /// Made just before a passphrase was set, changed or removed.
    Passphrase,
    /// The journal as it was just before another backup was restored over it.
    Restore,
    /// Asked for by the parent.
    Manual,
}

const REASONS: &[(&str, Reason)] = &[
    ("daily", Reason::Daily),
    ("migration", Reason::Migration),
    ("passphrase", Reason::Passphrase),
    ("restore", Reason::Restore),
    ("manual", Reason::Manual),
];

impl Reason {
    /// The word used in file names.
    pub fn as_str(self) -> &'static str {
        REASONS
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("manual", |(name, _)| name)
    }

    fn parse(word: &str) -> Option<Self> {
        REASONS.iter().find(|(n, _)| *n == word).map(|(_, r)| *r)
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file name inside the backups folder; pass it to [`Store::restore_in`].
    pub name: String,
    /// When it was made (UTC, to the second).
    pub created_at: DateTime<Utc>,
    /// Why it was made.
    pub reason: Reason,
    /// Its size in bytes.
    pub bytes: u64,
    /// Whether it is encrypted (with the journal's data key).
    pub encrypted: bool,
    #[serde(skip)]
    sequence: u32,
}

impl BackupInfo {
    /// The backup's full path, given the data folder.
    pub fn path_in(&self, dir: &Path) -> PathBuf {
        backups_dir(dir).join(&self.name)
    }
}

/// Every backup in `dir`'s backups folder, newest first. Files of other names are ignored.
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let folder = backups_dir(dir);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Io {
                path: folder,
                source,
            })
        }
    };
    let mut found: Vec<BackupInfo> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| info_of(&entry.path()))
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse((b.created_at, b.sequence)));
    Ok(found)
}

/// Reads a backup's facts from its name and file; `None` for a file that is not a backup.
fn info_of(path: &Path) -> Option<BackupInfo> {
    let name = path.file_name()?.to_str()?;
    let (created_at, reason, sequence) = parse_name(name)?;
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| BackupInfo {
        name: name.to_owned(),
        created_at,
        reason,
        bytes: meta.len(),
        encrypted: !fsutil::has_plain_header(path),
        sequence,
    })
}

/// `nestling-20261126T153000Z-daily-2.sqlite3` → (time, reason, 2); no `-n` means 1.
pub(crate) fn parse_name(name: &str) -> Option<(DateTime<Utc>, Reason, u32)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, rest) = rest.split_once('-')?;
    let time = NaiveDateTime::parse_from_str(stamp, TIMESTAMP_FORMAT).ok()?;
    let (word, sequence) = match rest.split_once('-') {
        Some((word, n)) => (word, n.parse().ok().filter(|n| *n > 1)?),
        None => (rest, 1),
    };
    Some((time.and_utc(), Reason::parse(word)?, sequence))
}

/// A name for a new backup that no existing backup has.
fn next_name(folder: &Path, reason: Reason) -> String {
    let stamp = fsutil::timestamp_now();
    let same_second = list(folder.parent().unwrap_or(folder))
        .unwrap_or_default()
        .into_iter()
        .filter(|b| b.created_at.format(TIMESTAMP_FORMAT).to_string() == stamp)
        .map(|b| b.sequence)
        .max();
    match same_second {
        None => format!("{PREFIX}{stamp}-{}{SUFFIX}", reason.as_str()),
        Some(n) => format!("{PREFIX}{stamp}-{}-{}{SUFFIX}", reason.as_str(), n + 1),
    }
}

/// Copies the database behind `conn` into a new, checked backup file in `dir`'s backups folder.
pub(crate) fn backup_connection(
    conn: &Connection,
    dir: &Path,
    key: Option<&DataKey>,
    reason: Reason,
) -> Result<BackupInfo> {
    let folder = backups_dir(dir);
    std::fs::create_dir_all(&folder).map_err(Error::io(&folder))?;
    remove_leftovers(&folder);
    let dest = folder.join(next_name(&folder, reason));
    let partial = fsutil::with_suffix(&dest, ".partial");
    let copied = copy_to(conn, &partial, key);
    if let Err(err) = copied {
        let _ = fsutil::remove_database(&partial);
        return Err(err);
    }
    fault::point(fault::BACKUP_COPIED);
    fsutil::rename_synced(&partial, &dest)?;
    prune(dir, keep_setting(conn))?;
    info_of(&dest).ok_or_else(|| Error::BackupNotFound {
        name: dest.display().to_string(),
    })
}

/// Half-made copies left by an interrupted backup or conversion; removing them is best effort.
pub(crate) fn remove_leftovers(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let base = [".partial", ".converting"]
            .iter()
            .find_map(|s| name.split_once(s).map(|(base, _)| base));
        if base.is_some_and(|b| parse_name(b).is_some()) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

fn copy_to(conn: &Connection, dest: &Path, key: Option<&DataKey>) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let mut out = connection::connect(dest, key, flags)?;
    Backup::new(conn, &mut out)?.run_to_completion(1024, std::time::Duration::ZERO, None)?;
    // A backup is read on its own later: no write-ahead log beside it.
    out.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
    connection::quick_check(&out, dest)?;
    drop(out);
    std::fs::File::open(dest)
        .and_then(|f| f.sync_all())
        .map_err(Error::io(dest))
}

fn keep_setting(conn: &Connection) -> usize {
    settings::get_all(conn)
        .map(|s| s.backups_to_keep as usize)
        .unwrap_or(settings::DEFAULT_BACKUPS_TO_KEEP as usize)
}

/// Deletes all but the `keep` newest backups.
fn prune(dir: &Path, keep: usize) -> Result<()> {
    for old in list(dir)?.into_iter().skip(keep.max(1)) {
        fsutil::remove_if_present(&old.path_in(dir))?;
    }
    Ok(())
}

impl Store {
    /// Makes a backup now, then prunes old ones to the `backups_to_keep` setting.
    pub fn backup(&self, reason: Reason) -> Result<BackupInfo> {
        backup_connection(&self.conn, self.dir(), self.key.as_ref(), reason)
    }

    /// The daily backup: made when the newest backup is more than a day old (or there is none)
    /// and the journal holds anything a fresh one does not. Opening checks it, and the app
    /// checks again while it stays open.
    pub fn daily_backup_if_due(&self) -> Result<Option<BackupInfo>> {
        let newest = list(self.dir())?.into_iter().next();
        let due = newest.is_none_or(|b| Utc::now() - b.created_at > chrono::Duration::hours(24));
        if !due || !has_data(&self.conn)? {
            return Ok(None);
        }
        self.backup(Reason::Daily).map(Some)
    }
}

/// Whether any table holds more rows than in a freshly created journal.
fn has_data(conn: &Connection) -> Result<bool> {
    static FRESH: OnceLock<std::collections::BTreeMap<String, i64>> = OnceLock::new();
    let fresh = match FRESH.get() {
        Some(fresh) => fresh,
        None => {
            let mut empty = Connection::open_in_memory()?;
            migrate::migrate(&mut empty, MIGRATIONS, Path::new(":memory:"))?;
            FRESH.get_or_init(|| convert::row_counts(&empty).unwrap_or_default())
        }
    };
    let now = convert::row_counts(conn)?;
    Ok(now
        .iter()
        .any(|(table, n)| *n > fresh.get(table).copied().unwrap_or(0)))
}

/// Finds a backup by its exact file name; anything else (paths, other files) is not found.
pub(crate) fn find(dir: &Path, name: &str) -> Result<BackupInfo> {
    list(dir)?
        .into_iter()
        .find(|b| b.name == name)
        .ok_or_else(|| Error::BackupNotFound {
            name: name.chars().filter(|c| !c.is_control()).take(80).collect(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_carry_time_reason_and_sequence() {
        let (time, reason, seq) =
            parse_name("nestling-20261126T153000Z-daily.sqlite3").expect("parses");
        assert_eq!(time.to_rfc3339(), "2026-11-26T15:30:00+00:00");
        assert_eq!((reason, seq), (Reason::Daily, 1));
        let (_, reason, seq) =
            parse_name("nestling-20261126T153000Z-restore-3.sqlite3").expect("parses");
        assert_eq!((reason, seq), (Reason::Restore, 3));
    }

    #[test]
    fn other_file_names_are_not_backups() {
        for name in [
            "notes.txt",
            "nestling-20261126T153000Z-daily.sqlite3.partial",
            "nestling-20261126T153000Z-weekly.sqlite3",
            "nestling-2026-daily.sqlite3",
            "nestling-20261126T153000Z-daily-1.sqlite3",
            "nestling-20261126T153000Z-daily-x.sqlite3",
        ] {
            assert!(parse_name(name).is_none(), "{name}");
        }
    }
}
