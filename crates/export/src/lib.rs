//! Nestling's export for a therapist, and the journal's complete JSON export and import.
//!
//! This crate owns choosing what to share ([`Selection`], [`candidates`]), the report model
//! ([`report`], built by [`build_report`]), the Markdown ([`markdown()`]) and CSV ([`csv()`])
//! renderings of a report, and the versioned JSON document of a journal ([`journal_json`],
//! [`import_json`]; its format is documented in `docs/export-json.md`). It does not own the
//! journal's storage or rules (the journal crate does), opening the file (the store crate), nor
//! typesetting the PDF (the report-pdf crate reads [`Report`]).
//!
//! Private moments never leave through this crate for a therapist: the candidate list, the
//! report, its Markdown and CSV, and the JSON of a selection all leave them out, whatever was
//! chosen. Only the complete JSON of the journal (a backup the parent keeps) holds them. The
//! same goes for check-ins the parent did not mark for the report, every safety answer and the
//! care team. Journal text never appears in an [`Error`].

mod build;
mod candidates;
mod error;
mod json;
mod markdown;
mod selection;
mod source;
mod summary;
mod table;

pub mod report;

pub use build::build_report;
pub use candidates::{candidates, preview, Candidate, Candidates, PREVIEW_CHARS};
pub use error::Place;
pub use error::{Error, Result};
pub use json::{
    import_json, journal_json, preview_json, restore_json, ImportSummary, RestorePreview, Scope,
    FORMAT, VERSION,
};
pub use markdown::markdown;
pub use nestling_journal::records::{Counts, Mode, Restored};
pub use nestling_journal::Supported;
pub use report::{
    CheckInAnswers, Day, DayMinutes, DayRatings, Entry, Include, KindTotal, Period, Report,
    Summary, WeeklyTable, WordCount,
};
pub use selection::{Range, Resolved, Selection, DEFAULT_TITLE, MAX_LINE_CHARS, MAX_RANGE_DAYS};
pub use summary::{SKIN_TO_SKIN, TOP_FEELINGS};
pub use table::{csv, BOM as CSV_BOM, HEADER as CSV_HEADER};
