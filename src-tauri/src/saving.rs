//! Saving an export: turning the chosen report into the bytes of a format, telling the page
//! which stage it is at, honouring a cancel, and writing the file so that a failure never
//! leaves half a report behind.
//!
//! What goes into a report is decided by `nestling_export`; how a PDF is laid out by
//! `nestling_report_pdf`. This module only sequences them and does the file IO.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use nestling_export::{Report, Scope, Selection};
use nestling_report_pdf::{Paper, Typesetter};
use nestling_store::Store;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The file formats a parent can save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum Format {
    /// The typeset report.
    Pdf,
    /// Plain text with light markup.
    Markdown,
    /// One row per moment, for a spreadsheet.
    Csv,
    /// The complete, versioned data of the chosen moments.
    Json,
}

impl Format {
    /// The file name extension.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// What the save dialog's filter calls it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF report",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }

    /// The name the save dialog offers for a report over these days.
    pub(crate) fn suggested_name(self, report: &Report) -> String {
        format!(
            "Nestling report {} to {}.{}",
            report.first_day,
            report.last_day,
            self.extension()
        )
    }
}

/// A stage of a save, sent to the page as it starts.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Progress {
    /// `choosing`, `collecting`, `typesetting` or `writing`.
    pub(crate) stage: &'static str,
}

/// What a save leaves for the page: the file's name, or none when the parent changed their mind.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Saved {
    /// The saved file's name (not its folder), or `None` when nothing was saved.
    pub(crate) file_name: Option<String>,
}

impl Saved {
    /// A save that wrote `path`.
    pub(crate) fn at(path: &Path) -> Self {
        Saved {
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        }
    }
}

/// The export machinery the app keeps: one typesetter, loaded on first use, and a cancel flag.
#[derive(Default)]
pub(crate) struct Exports {
    typesetter: OnceLock<Typesetter>,
    cancelled: AtomicBool,
}

impl Exports {
    /// Forgets an earlier cancel: a new save starts.
    pub(crate) fn begin(&self) {
        self.cancelled.store(false, Ordering::SeqCst);
    }

    /// Asks the save in progress to stop before it writes anything.
    pub(crate) fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }

    /// Fails with [`Error::Cancelled`] once a cancel was asked for.
    pub(crate) fn check(&self) -> Result<()> {
        if self.cancelled.load(Ordering::SeqCst) {
            return Err(Error::Cancelled);
        }
        Ok(())
    }

    /// The typesetter, loading its fonts the first time.
    pub(crate) fn typesetter(&self) -> &Typesetter {
        self.typesetter.get_or_init(Typesetter::new)
    }
}

/// What a save read from the journal: the report (for its name and the PDF) and, for the text
/// formats, the finished file.
pub(crate) struct Collected {
    /// The report over the chosen moments.
    pub(crate) report: Report,
    /// The finished bytes of a Markdown, CSV or JSON file; `None` for a PDF still to typeset.
    pub(crate) ready: Option<Vec<u8>>,
}

/// The report for `selection`, with the parent's name from the settings.
pub(crate) fn report(store: &Store, selection: &Selection) -> Result<Report> {
    let today = chrono::Local::now().date_naive();
    let parent = nestling_store::settings::parent_name(store.conn())?;
    Ok(nestling_export::build_report(
        store.conn(),
        selection,
        parent.as_deref(),
        today,
    )?)
}

/// Reads what `format` needs for `selection` from the journal.
pub(crate) fn collect(store: &Store, selection: &Selection, format: Format) -> Result<Collected> {
    let report = report(store, selection)?;
    let ready = match format {
        Format::Pdf => None,
        Format::Markdown => Some(nestling_export::markdown(&report).into_bytes()),
        Format::Csv => Some(nestling_export::csv(&report).into_bytes()),
        Format::Json => {
            let today = chrono::Local::now().date_naive();
            let scope = Scope::Selection(selection, today);
            Some(
                nestling_export::journal_json(store.conn(), scope, chrono::Utc::now())?
                    .into_bytes(),
            )
        }
    };
    Ok(Collected { report, ready })
}

/// Turns what was collected into the bytes of the file, typesetting a PDF.
pub(crate) fn render(exports: &Exports, collected: Collected, paper: Paper) -> Result<Vec<u8>> {
    match collected.ready {
        Some(bytes) => Ok(bytes),
        None => Ok(exports.typesetter().render(&collected.report, paper)?),
    }
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it, synced, then
/// renamed over it.
///
/// The temporary file's path is noted in the data folder `data_dir` while it exists, so that
/// one left by a crash is removed at the next start ([`remove_leftovers`]).
pub(crate) fn write_atomically(data_dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
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

fn partial_name() -> String {
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
        assert_eq!(err.kind(), "save_failed");
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

    #[test]
    fn a_cancel_is_reported_until_the_next_save_begins() {
        let exports = Exports::default();
        assert!(exports.check().is_ok());
        exports.cancel();
        assert_eq!(exports.check().expect_err("cancelled").kind(), "cancelled");
        exports.begin();
        assert!(exports.check().is_ok());
    }
}
