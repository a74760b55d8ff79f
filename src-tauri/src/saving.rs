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

/// Writes `bytes` to `path` all at once: into a temporary file in the same folder, flushed to
/// disk, then renamed over `path`. On any failure the temporary file is removed and `path` is
/// untouched.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let fail = |source: std::io::Error| Error::Save {
        path: path.to_path_buf(),
        source,
    };
    let mut file = tempfile::Builder::new()
        .prefix(".nestling-export-")
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.as_file().sync_all().map_err(fail)?;
    file.persist(path).map_err(|err| fail(err.error))?;
    if let Ok(dir) = std::fs::File::open(folder) {
        // Makes the rename itself durable; a folder that cannot be opened still has the file.
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.md");
        write_atomically(&path, b"all of it").expect("written");
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
        write_atomically(&path, b"new").expect("written");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
    }

    #[test]
    fn a_folder_that_does_not_exist_fails_and_creates_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("report.pdf");
        let err = write_atomically(&path, b"x").expect_err("no folder");
        assert_eq!(err.kind(), "save_failed");
        assert!(!dir.path().join("missing").exists());
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
