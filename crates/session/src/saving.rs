//! Saving an export: turning the chosen report into the bytes of a format, telling the caller
//! which stage starts, honouring a cancel, and handing the file to [`crate::atomic`] so that a
//! failure never leaves half a report behind.
//!
//! What goes into a report is decided by `nestling_export`; how a PDF is laid out by
//! `nestling_report_pdf`; where the file goes by the caller's `choose` (the shell's save
//! dialog). This module only sequences them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use nestling_export::{Report, Scope, Selection};
use nestling_report_pdf::{report_charts, Chart, Paper, Theme, Typesetter};
use nestling_store::Store;
use serde::{Deserialize, Serialize};

pub(crate) use crate::atomic::remove_leftovers;
use crate::atomic::write_atomically;
use crate::error::{Error, Result};
use crate::session::Session;

/// The file formats a parent can save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
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
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// What the save dialog's filter calls it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF report",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }

    /// The name the save dialog offers for a report over these days.
    pub fn suggested_name(self, report: &Report) -> String {
        format!(
            "Nestling report {} to {}.{}",
            report.first_day,
            report.last_day,
            self.extension()
        )
    }
}

/// What the save dialog is asked to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveOffer {
    /// The dialog's title.
    pub title: &'static str,
    /// The file name it suggests.
    pub file_name: String,
    /// What its filter calls the format.
    pub filter: &'static str,
    /// The format's file name extension, without the dot.
    pub extension: &'static str,
}

/// A stage of a save, sent to the page as it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// `collecting`, `choosing`, `typesetting` or `writing`.
    pub stage: &'static str,
}

/// What a save leaves for the page: the file's name, or none when the parent changed their mind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Saved {
    /// The saved file's name (not its folder), or `None` when nothing was saved.
    pub file_name: Option<String>,
}

impl Saved {
    /// A save that wrote `path`.
    pub fn at(path: &Path) -> Self {
        Saved {
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        }
    }

    /// Nothing was saved: the parent closed the dialog.
    pub fn nothing() -> Self {
        Saved { file_name: None }
    }
}

/// The export machinery the session keeps: one typesetter, loaded on first use, and a cancel
/// flag.
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
    fn typesetter(&self) -> &Typesetter {
        self.typesetter.get_or_init(Typesetter::new)
    }

    /// Tells `notify` which stage starts, runs it unless the parent cancelled, and checks again.
    fn step<T>(
        &self,
        notify: &impl Fn(Progress),
        stage: &'static str,
        run: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        self.check()?;
        notify(Progress { stage });
        let value = run()?;
        self.check()?;
        Ok(value)
    }
}

/// What a save read from the journal: the report (for its name and the PDF) and, for the text
/// formats, the finished file.
pub(crate) struct Collected {
    /// The report over the chosen moments.
    report: Report,
    /// The finished bytes of a Markdown, CSV or JSON file; `None` for a PDF still to typeset.
    ready: Option<Vec<u8>>,
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
        Format::Json => Some(selection_json(store, selection)?.into_bytes()),
    };
    Ok(Collected { report, ready })
}

/// The JSON document of the moments `selection` chooses.
fn selection_json(store: &Store, selection: &Selection) -> Result<String> {
    let today = chrono::Local::now().date_naive();
    let scope = Scope::Selection(selection, today);
    Ok(nestling_export::journal_json(
        store.conn(),
        scope,
        chrono::Utc::now(),
    )?)
}

/// Turns what was collected into the bytes of the file, typesetting a PDF.
fn render(exports: &Exports, collected: Collected, paper: Paper) -> Result<Vec<u8>> {
    match collected.ready {
        Some(bytes) => Ok(bytes),
        None => Ok(exports.typesetter().render(&collected.report, paper)?),
    }
}

/// What the Share screen previews: the report, and its charts as the PDF draws them.
#[derive(Debug, Serialize)]
pub struct Preview {
    /// The report, as its fields (the preview reads it as the report itself).
    #[serde(flatten)]
    pub report: Report,
    /// The report's week-by-week charts, in the app's theme.
    pub charts: Vec<Chart>,
}

impl Session {
    /// The report over `selection` exactly as a file would hold it, for the preview, with the
    /// report's charts drawn in the app's `theme`.
    pub fn export_preview(&self, selection: &Selection, theme: Theme) -> Result<Preview> {
        let report = self.with_store(|store| report(store, selection))?;
        let charts = report_charts(&report, theme)?;
        Ok(Preview { report, charts })
    }

    /// Saves the report over `selection` in `format`: collects it, asks `choose` where it goes
    /// (`None`: the parent changed their mind, nothing is written), typesets a PDF and writes
    /// the file whole. `notify` hears each stage as it starts; a cancel stops the save before
    /// anything is written.
    pub fn save_export(
        &self,
        selection: &Selection,
        format: Format,
        paper: Paper,
        notify: impl Fn(Progress),
        choose: impl FnOnce(SaveOffer) -> Option<PathBuf>,
    ) -> Result<Saved> {
        let exports = &self.exports;
        exports.begin();
        let collected = exports.step(&notify, "collecting", || {
            self.with_store(|store| collect(store, selection, format))
        })?;
        let offer = report_offer(format, &collected.report);
        let Some(path) = exports.step(&notify, "choosing", || Ok(choose(offer)))? else {
            return Ok(Saved::nothing());
        };
        let bytes = exports.step(&notify, "typesetting", || render(exports, collected, paper))?;
        exports.step(&notify, "writing", || {
            write_atomically(&self.data_dir, &path, &bytes)
        })?;
        Ok(Saved::at(&path))
    }

    /// Asks the save in progress to stop before it writes anything.
    pub fn cancel_export(&self) {
        self.exports.cancel();
    }

    /// Saves the complete journal, private moments included, as JSON where `choose` says.
    pub fn save_everything(
        &self,
        choose: impl FnOnce(SaveOffer) -> Option<PathBuf>,
    ) -> Result<Saved> {
        let json = self.with_store(|store| -> Result<String> {
            Ok(nestling_export::journal_json(
                store.conn(),
                Scope::Everything,
                chrono::Utc::now(),
            )?)
        })?;
        let Some(path) = choose(everything_offer(chrono::Local::now().date_naive())) else {
            return Ok(Saved::nothing());
        };
        write_atomically(&self.data_dir, &path, json.as_bytes())?;
        Ok(Saved::at(&path))
    }
}

/// The save dialog for a report in `format`.
fn report_offer(format: Format, report: &Report) -> SaveOffer {
    SaveOffer {
        title: "Save the report",
        file_name: format.suggested_name(report),
        filter: format.label(),
        extension: format.extension(),
    }
}

/// The save dialog for the whole journal on `today`.
fn everything_offer(today: chrono::NaiveDate) -> SaveOffer {
    SaveOffer {
        title: "Save everything",
        file_name: format!("Nestling journal {today}.json"),
        filter: "JSON",
        extension: "json",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancel_is_reported_until_the_next_save_begins() {
        let exports = Exports::default();
        assert!(exports.check().is_ok());
        exports.cancel();
        assert!(matches!(exports.check(), Err(Error::Cancelled)));
        exports.begin();
        assert!(exports.check().is_ok());
    }

    use std::cell::RefCell;

    use nestling_export::Range;

    use crate::testing::{folder, log, open};

    fn last_week() -> Selection {
        Selection::new(Range::Last { days: 7 })
    }

    /// Saves the last week in `format` to `name` in `out`, noting the stages.
    fn save(
        session: &Session,
        format: Format,
        out: &Path,
        name: &str,
    ) -> (Saved, Vec<&'static str>) {
        let stages = RefCell::new(Vec::new());
        let saved = session
            .save_export(
                &last_week(),
                format,
                Paper::A4,
                |p| stages.borrow_mut().push(p.stage),
                |_| Some(out.join(name)),
            )
            .expect("saved");
        (saved, stages.into_inner())
    }

    #[test]
    fn each_text_format_is_written_in_its_own_shape() {
        let (tmp, out) = (folder(), folder());
        let session = open(tmp.path());
        log(&session, "held her for an hour");
        save(&session, Format::Markdown, out.path(), "r.md");
        save(&session, Format::Csv, out.path(), "r.csv");
        save(&session, Format::Json, out.path(), "r.json");
        let read = |name: &str| std::fs::read_to_string(out.path().join(name)).expect("read");
        assert!(
            read("r.md").starts_with('#'),
            "Markdown opens with a heading"
        );
        assert_eq!(read("r.csv").lines().count(), 2, "a header and one row");
        let json: serde_json::Value = serde_json::from_str(&read("r.json")).expect("JSON");
        assert!(json.is_object());
    }

    #[test]
    fn a_save_goes_through_its_stages_in_order_and_names_the_file() {
        let (tmp, out) = (folder(), folder());
        let session = open(tmp.path());
        let (saved, stages) = save(&session, Format::Markdown, out.path(), "report.md");
        assert_eq!(stages, ["collecting", "choosing", "typesetting", "writing"]);
        assert_eq!(saved.file_name.as_deref(), Some("report.md"));
    }

    #[test]
    fn the_dialog_is_offered_the_report_s_name_and_format() {
        let tmp = folder();
        let session = open(tmp.path());
        let mut offered = None;
        let saved = session
            .save_export(
                &last_week(),
                Format::Csv,
                Paper::A4,
                |_| {},
                |offer| {
                    offered = Some(offer);
                    None
                },
            )
            .expect("nothing saved");
        assert_eq!(saved, Saved::nothing());
        let offer = offered.expect("offered");
        assert_eq!(
            (offer.title, offer.filter, offer.extension),
            ("Save the report", "CSV", "csv")
        );
        assert!(
            offer.file_name.starts_with("Nestling report ") && offer.file_name.ends_with(".csv")
        );
    }

    #[test]
    fn a_cancel_during_the_dialog_writes_nothing() {
        let (tmp, out) = (folder(), folder());
        let session = open(tmp.path());
        let path = out.path().join("report.md");
        let result = session.save_export(
            &last_week(),
            Format::Markdown,
            Paper::A4,
            |_| {},
            |_| {
                session.cancel_export();
                Some(path.clone())
            },
        );
        assert!(matches!(result, Err(Error::Cancelled)));
        assert_eq!(std::fs::read_dir(out.path()).expect("list").count(), 0);
    }

    #[test]
    fn everything_is_saved_as_json_with_private_moments() {
        let (tmp, out) = (folder(), folder());
        let session = open(tmp.path());
        log(&session, "ours");
        let mut title = "";
        let saved = session
            .save_everything(|offer| {
                title = offer.title;
                Some(out.path().join(offer.file_name))
            })
            .expect("saved");
        assert_eq!(title, "Save everything");
        let name = saved.file_name.expect("a name");
        assert!(name.starts_with("Nestling journal ") && name.ends_with(".json"));
        let text = std::fs::read_to_string(out.path().join(name)).expect("read");
        assert!(text.contains("skin_to_skin"));
    }

    #[test]
    fn a_save_into_a_missing_folder_fails_and_leaves_no_leftover_list() {
        let (tmp, out) = (folder(), folder());
        let session = open(tmp.path());
        let missing = out.path().join("gone").join("report.md");
        let result = session.save_export(
            &last_week(),
            Format::Markdown,
            Paper::A4,
            |_| {},
            |_| Some(missing),
        );
        assert!(matches!(result, Err(Error::Save { .. })));
        assert!(!tmp.path().join("exports.pending").exists());
    }

    #[test]
    fn a_pdf_is_left_to_the_typesetter_and_the_text_formats_are_ready_after_collecting() {
        let tmp = folder();
        let session = open(tmp.path());
        let ready = |format| {
            session
                .with_store(|store| collect(store, &last_week(), format))
                .expect("collected")
                .ready
                .is_some()
        };
        assert!(!ready(Format::Pdf));
        assert!(ready(Format::Markdown) && ready(Format::Csv) && ready(Format::Json));
    }
}
