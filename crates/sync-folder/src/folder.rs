//! The shared folder: where each device's files go, writing them safely, finding the other
//! devices' new ones, and pruning old ones.
//!
//! Layout under the folder the parents chose:
//! `Nestling sharing/<pair tag>/<device id>/<seq, 12 digits>.nestling`. A device writes only in
//! its own folder. Any name of another shape (a sync tool's temporary or conflict copy, a hidden
//! file, a half-written file of ours) is ignored.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cursor::Cursor;
use crate::error::{Error, Result};
use crate::format::{self, Kind, ProblemKind, MAX_FILE_LEN};
use crate::ids::{DeviceId, PairId};
use crate::pair::PairKeys;

/// The folder Nestling makes inside the folder the parents chose.
pub const SHARING_DIR: &str = "Nestling sharing";
const EXTENSION: &str = ".nestling";
const SEQ_DIGITS: usize = 12;
/// The highest file number: twelve digits.
pub const MAX_SEQ: u64 = 999_999_999_999;

/// What has been applied from each other device; a device with no entry has had nothing applied.
pub type Cursors = BTreeMap<DeviceId, Cursor>;

/// A file from another device, read whole and authenticated.
#[derive(Clone, PartialEq, Eq)]
pub struct Incoming {
    /// The device that wrote it.
    pub device: DeviceId,
    /// Its number among that device's files.
    pub seq: u64,
    /// What it is for.
    pub kind: Kind,
    /// Its opened payload.
    pub payload: Vec<u8>,
}

impl Incoming {
    /// For an [`Kind::Ack`] file, the number the other device has applied ours through.
    pub fn acked_through(&self) -> Option<u64> {
        let bytes = <[u8; 8]>::try_from(self.payload.as_slice()).ok();
        bytes
            .filter(|_| self.kind == Kind::Ack)
            .map(u64::from_be_bytes)
    }
}

impl fmt::Debug for Incoming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Incoming")
            .field("device", &self.device)
            .field("seq", &self.seq)
            .field("kind", &self.kind)
            .field("payload_len", &self.payload.len())
            .finish()
    }
}

/// A file a scan found but did not deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub path: PathBuf,
    /// The device folder it is in.
    pub device: DeviceId,
    /// The number in its name.
    pub seq: u64,
    /// Why it was not delivered.
    pub kind: ProblemKind,
}

/// What one scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// New files, device by device, each device's in order of number.
    pub incoming: Vec<Incoming>,
    /// Files not delivered, and why.
    pub problems: Vec<Problem>,
    /// Folders of other pairs beside this pair's (left unread).
    pub unknown_pairs: usize,
}

/// This device's view of the shared folder for one pair.
#[derive(Debug, Clone)]
pub struct Folder {
    root: PathBuf,
    keys: PairKeys,
    me: DeviceId,
}

impl Folder {
    /// The pair's files in the folder `root` the parents chose, seen by device `me`. Nothing is
    /// touched on disk until the first write or scan.
    pub fn new(root: impl Into<PathBuf>, keys: &PairKeys, me: DeviceId) -> Self {
        let (root, keys) = (root.into(), keys.clone());
        Self { root, keys, me }
    }

    /// `<root>/Nestling sharing/<pair tag>`.
    pub fn pair_dir(&self) -> PathBuf {
        self.root.join(SHARING_DIR).join(self.keys.pair_id().tag())
    }

    /// This device's own folder, the only one it writes in.
    pub fn own_dir(&self) -> PathBuf {
        self.pair_dir().join(self.me.to_string())
    }

    /// Seals `payload` as this device's file number `seq` and writes it atomically: a hidden
    /// temporary file, synced, then renamed. A number is never reused, so an existing file of
    /// that number is refused.
    pub fn write(&self, kind: Kind, seq: u64, payload: &[u8]) -> Result<PathBuf> {
        if !(1..=MAX_SEQ).contains(&seq) {
            return Err(Error::SeqOutOfRange { seq });
        }
        self.make_own_dir()?;
        let (dir, name) = (self.own_dir(), file_name(seq));
        let existing = dir.join(&name);
        if existing.try_exists().map_err(Error::io(&existing))? {
            return Err(Error::AlreadyWritten { path: existing });
        }
        let bytes = format::seal(&self.keys, self.me, seq, kind, payload)?;
        write_atomically(&dir, &name, &bytes)
    }

    /// The number for this device's next file: one more than its highest file in the folder.
    pub fn next_seq(&self) -> Result<u64> {
        self.check_root()?;
        let files = numbered_files(&self.own_dir())?;
        Ok(files.keys().next_back().map_or(1, |seq| seq + 1))
    }

    /// The kind of this device's own file number `seq`; `None` when it is not in the folder or
    /// cannot be read. For a status that tells files the partner must still read (changes, a
    /// hello) from those it never answers (acknowledgements, a goodbye).
    pub fn own_kind(&self, seq: u64) -> Option<Kind> {
        let path = self.own_dir().join(file_name(seq));
        self.read_file(&path, self.me, seq)
            .ok()
            .map(|(kind, _)| kind)
    }

    /// Reads every other device's files not yet applied according to `cursors`. Files already
    /// applied are not opened. A file that cannot be used is a [`Problem`], never an error, and
    /// delivers nothing; a short one is tried again on the next scan.
    pub fn scan(&self, cursors: &Cursors) -> Result<Scan> {
        self.check_root()?;
        let mut scan = Scan {
            unknown_pairs: self.unknown_pairs()?,
            ..Scan::default()
        };
        let empty = Cursor::default();
        for (device, dir) in device_dirs(&self.pair_dir())? {
            if device != self.me {
                let cursor = cursors.get(&device).unwrap_or(&empty);
                self.scan_device(device, &dir, cursor, &mut scan)?;
            }
        }
        Ok(scan)
    }

    /// Removes this device's files numbered `seq` or less, except its newest file, which is
    /// always kept so that [`Folder::next_seq`] never goes back. Returns how many were removed.
    ///
    /// The rule: prune through the lower of the number the partner has acknowledged and one
    /// less than this device's latest [`Kind::Snapshot`]. The partner then misses nothing, and
    /// a partner starting over still finds the snapshot and every change after it.
    pub fn prune_through(&self, seq: u64) -> Result<usize> {
        self.check_root()?;
        let dir = self.own_dir();
        let mut files = numbered_files(&dir)?;
        files.pop_last();
        let mut removed = 0;
        for (_, path) in files.range(..=seq) {
            match fs::remove_file(path) {
                Err(err) if err.kind() != io::ErrorKind::NotFound => {
                    return Err(Error::io(path)(err))
                }
                _ => removed += 1,
            }
        }
        sync_dir(&dir);
        Ok(removed)
    }

    fn scan_device(
        &self,
        device: DeviceId,
        dir: &Path,
        cursor: &Cursor,
        scan: &mut Scan,
    ) -> Result<()> {
        for (seq, path) in numbered_files(dir)? {
            if cursor.contains(seq) {
                continue;
            }
            match self.read_file(&path, device, seq) {
                Ok((kind, payload)) => scan.incoming.push(Incoming {
                    device,
                    seq,
                    kind,
                    payload,
                }),
                Err(kind) => scan.problems.push(Problem {
                    path,
                    device,
                    seq,
                    kind,
                }),
            }
        }
        Ok(())
    }

    /// One file's kind and payload. A file that cannot be read right now (gone, or held open by
    /// the program copying it in) is treated like a short one: tried again next time.
    fn read_file(
        &self,
        path: &Path,
        device: DeviceId,
        seq: u64,
    ) -> Result<(Kind, Vec<u8>), ProblemKind> {
        let meta = fs::metadata(path).map_err(|_| ProblemKind::Incomplete)?;
        if !meta.is_file() || meta.len() > MAX_FILE_LEN {
            return Err(ProblemKind::Damaged);
        }
        let bytes = fs::read(path).map_err(|_| ProblemKind::Incomplete)?;
        format::open(&bytes, &self.keys, device, seq)
    }

    fn unknown_pairs(&self) -> Result<usize> {
        let mine = self.keys.pair_id().tag();
        let names = dir_names(&self.root.join(SHARING_DIR))?;
        Ok(names
            .iter()
            .filter(|n| PairId::is_tag(n) && **n != mine)
            .count())
    }

    fn check_root(&self) -> Result<()> {
        match fs::metadata(&self.root) {
            Ok(meta) if meta.is_dir() => Ok(()),
            _ => Err(Error::FolderMissing {
                path: self.root.clone(),
            }),
        }
    }

    /// Makes the sharing, pair and own folders, one level at a time, below a root that must
    /// exist: a missing root is a drive not connected, and must not be made on this computer.
    fn make_own_dir(&self) -> Result<()> {
        self.check_root()?;
        let sharing = self.root.join(SHARING_DIR);
        for dir in [sharing, self.pair_dir(), self.own_dir()] {
            match fs::create_dir(&dir) {
                Err(err) if err.kind() != io::ErrorKind::AlreadyExists => {
                    return Err(Error::io(&dir)(err))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

fn file_name(seq: u64) -> String {
    format!("{seq:0width$}{EXTENSION}", width = SEQ_DIGITS)
}

/// The number in a file name of exactly the shape [`file_name`] makes.
fn parse_file_name(name: &str) -> Option<u64> {
    let digits = name.strip_suffix(EXTENSION)?;
    let exact = digits.len() == SEQ_DIGITS && digits.bytes().all(|b| b.is_ascii_digit());
    exact.then(|| digits.parse().ok()).flatten()
}

/// The UTF-8 names in `dir`; none when it does not exist yet.
fn dir_names(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other.map_err(Error::io(dir))?,
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(Error::io(dir))?;
        names.extend(entry.file_name().into_string().ok());
    }
    Ok(names)
}

/// The device folders in a pair folder, by device id.
fn device_dirs(pair_dir: &Path) -> Result<BTreeMap<DeviceId, PathBuf>> {
    let names = dir_names(pair_dir)?;
    let ids = names
        .into_iter()
        .filter_map(|n| Some((n.parse().ok()?, pair_dir.join(n))));
    Ok(ids.collect())
}

/// The numbered files in a device folder, by number.
fn numbered_files(dir: &Path) -> Result<BTreeMap<u64, PathBuf>> {
    let names = dir_names(dir)?;
    let files = names
        .into_iter()
        .filter_map(|n| Some((parse_file_name(&n)?, dir.join(n))));
    Ok(files.collect())
}

/// Writes `bytes` as `dir/name` through a hidden temporary file beside it, so that the other
/// device (and the sync tool) never sees a half-written file under the final name.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    let (tmp, path) = (dir.join(format!(".{name}.tmp")), dir.join(name));
    let result =
        write_synced(&tmp, bytes).and_then(|()| fs::rename(&tmp, &path).map_err(Error::io(&path)));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    sync_dir(dir);
    result.map(|()| path)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = File::create(path).map_err(Error::io(path))?;
    file.write_all(bytes).map_err(Error::io(path))?;
    file.sync_all().map_err(Error::io(path))
}

/// Flushes a folder's entries to disk. Best effort: some network and removable file systems
/// refuse to sync a folder, and the rename has happened either way.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    let _ = File::open(dir).and_then(|d| d.sync_all());
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_numbered_names_are_files() {
        assert_eq!(parse_file_name("000000000042.nestling"), Some(42));
        assert_eq!(file_name(42), "000000000042.nestling");
        for name in [
            ".000000000042.nestling.tmp",
            "00000000042.nestling",
            "000000000042.nestling.part",
            "000000000042 (conflicted copy).nestling",
            "+00000000042.nestling",
            "000000000042.NESTLING",
        ] {
            assert_eq!(parse_file_name(name), None, "{name}");
        }
    }
}
