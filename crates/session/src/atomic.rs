//! Writing an export file whole or not at all: a temporary file beside the chosen one, synced,
//! then renamed over it, with its path noted in the data folder so that one a crash left behind
//! is removed at the next start. Nothing here knows what the bytes are.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it, synced, then
/// renamed over it.
///
/// The temporary file's path is noted in the data folder `data_dir` while it exists, so that
/// one left by a crash is removed at the next start (`remove_leftovers`).
pub fn write_atomically(data_dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let fail = |source: std::io::Error| Error::Save {
        path: path.to_path_buf(),
        source,
    };
    let partial = folder.join(partial_name());
    note_pending(data_dir, &partial).map_err(fail)?;
    let written = write_then_rename(&partial, path, bytes).map_err(fail);
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    let _ = forget_pending(data_dir);
    written?;
    if let Ok(dir) = std::fs::File::open(folder) {
        // Makes the rename itself durable; a folder that cannot be opened still has the file.
        let _ = dir.sync_all();
    }
    Ok(())
}

/// The list, in the data folder, of export files being written. It names only Nestling's own
/// temporary files and is removed when the save ends.
const PENDING_FILE: &str = "exports.pending";

/// The start and end of every temporary export file's name.
const PARTIAL_PREFIX: &str = ".nestling-export-";
const PARTIAL_SUFFIX: &str = ".partial";

pub(crate) fn partial_name() -> String {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "{PARTIAL_PREFIX}{}-{stamp}{PARTIAL_SUFFIX}",
        std::process::id()
    )
}

fn note_pending(data_dir: &Path, partial: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let mut list = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(data_dir.join(PENDING_FILE))?;
    list.write_all(format!("{}\n", partial.display()).as_bytes())?;
    list.sync_all()
}

/// Saves run one at a time, so the list holds at most the save that just ended.
fn forget_pending(data_dir: &Path) -> std::io::Result<()> {
    std::fs::remove_file(data_dir.join(PENDING_FILE))
}

fn write_then_rename(partial: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(partial)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(partial, path)
}

/// Removes the temporary export files that a crash left half-written, as the list in the data
/// folder names them, then the list. Only files named like Nestling's temporary exports are
/// ever removed, whatever the list says.
pub(crate) fn remove_leftovers(data_dir: &Path) {
    let list = data_dir.join(PENDING_FILE);
    let Ok(text) = std::fs::read_to_string(&list) else {
        return;
    };
    for line in text.lines() {
        let partial = Path::new(line);
        let ours = partial
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.starts_with(PARTIAL_PREFIX) && name.ends_with(PARTIAL_SUFFIX));
        if ours {
            let _ = std::fs::remove_file(partial);
        }
    }
    let _ = std::fs::remove_file(list);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.md");
        write_atomically(dir.path(), &path, b"all of it").expect("written");
        assert_eq!(std::fs::read(&path).expect("read"), b"all of it");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.md")]);
    }

    #[test]
    fn replaces_an_existing_file_completely() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.csv");
        std::fs::write(&path, "an older, longer report that must not show through").expect("old");
        write_atomically(dir.path(), &path, b"new").expect("written");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
    }

    #[test]
    fn a_folder_that_does_not_exist_fails_and_creates_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("report.pdf");
        let err = write_atomically(dir.path(), &path, b"x").expect_err("no folder");
        assert!(matches!(err, Error::Save { .. }), "{err:?}");
        assert!(!dir.path().join("missing").exists());
    }

    #[test]
    fn a_half_written_export_left_by_a_crash_is_removed_at_the_next_start() {
        let data = tempfile::tempdir().expect("data folder");
        let chosen = tempfile::tempdir().expect("chosen folder");
        // As a crash mid-write leaves it: noted, partly written, never renamed.
        let partial = chosen.path().join(partial_name());
        note_pending(data.path(), &partial).expect("noted");
        std::fs::write(&partial, b"half a report").expect("partly written");
        let unrelated = chosen.path().join("report.pdf");
        std::fs::write(&unrelated, b"a finished report").expect("written");
        remove_leftovers(data.path());
        assert!(!partial.exists(), "the half-written file is gone");
        assert!(unrelated.exists(), "other files are left alone");
        assert!(!data.path().join(PENDING_FILE).exists(), "the list is gone");
    }

    #[test]
    fn a_tampered_list_never_removes_a_file_that_is_not_a_temporary_export() {
        let data = tempfile::tempdir().expect("data folder");
        let precious = data.path().join("nestling.sqlite3");
        std::fs::write(&precious, b"the journal").expect("written");
        std::fs::write(
            data.path().join(PENDING_FILE),
            format!("{}\n", precious.display()),
        )
        .expect("tampered");
        remove_leftovers(data.path());
        assert!(precious.exists());
    }
}
