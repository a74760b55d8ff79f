//! The crate's error type.
//!
//! Variants never carry journal text: compiler diagnostics are reduced to their count and the
//! template lines they point at, because their messages may quote the text being laid out.

/// What can go wrong while typesetting a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The report could not be turned into the template's data file.
    #[error("could not prepare the report data for typesetting: {0}")]
    Data(#[from] serde_json::Error),
    /// A week-by-week chart could not be drawn.
    #[error("a chart of the report's weeks could not be drawn: {0}")]
    Chart(#[from] nestling_charts::Error),
    /// The template failed to compile (a defect in the template, not in the report).
    #[error("the report template failed to compile: {0}")]
    Template(String),
    /// The laid-out document could not be written as PDF.
    #[error("the typeset report could not be written as PDF: {0}")]
    Pdf(String),
}

/// This crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
