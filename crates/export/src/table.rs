//! The report as CSV (RFC 4180): a header and one row per entry.
//!
//! Plain UTF-8 without a byte-order mark, CRLF line endings, fields quoted only when they hold
//! a comma, a quote or a line break (quotes doubled inside). Notes keep their line breaks and
//! every character as stored. Columns:
//! `date, start, end, duration_minutes, kind, detail, baby, who, connection, energy, feelings,
//! note`; `start` and `end` are RFC 3339 with the offset the moment was logged in, `feelings`
//! are joined with `"; "`, and an empty field means "none" or "not shared".

use ::csv::{QuoteStyle, Terminator, WriterBuilder};

use crate::report::{Entry, Report};
use crate::{Error, Result};

/// The header row.
pub const HEADER: [&str; 12] = [
    "date",
    "start",
    "end",
    "duration_minutes",
    "kind",
    "detail",
    "baby",
    "who",
    "connection",
    "energy",
    "feelings",
    "note",
];

/// The report as CSV.
pub fn csv(report: &Report) -> String {
    // Writing to memory cannot fail: the only errors the writer reports are I/O errors.
    try_csv(report).expect("CSV is written to memory")
}

fn try_csv(report: &Report) -> Result<String> {
    let mut writer = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .from_writer(Vec::new());
    writer.write_record(HEADER).map_err(|_| Error::CsvWrite)?;
    for entry in report.days.iter().flat_map(|d| d.entries.iter()) {
        writer
            .write_record(row(entry))
            .map_err(|_| Error::CsvWrite)?;
    }
    let bytes = writer.into_inner().map_err(|_| Error::CsvWrite)?;
    String::from_utf8(bytes).map_err(|_| Error::CsvWrite)
}

fn row(e: &Entry) -> [String; 12] {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    [
        e.started_at.date_naive().to_string(),
        e.started_at.to_rfc3339(),
        e.ended_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        number(e.duration_minutes),
        e.kind.clone(),
        e.detail.clone().unwrap_or_default(),
        e.baby.clone().unwrap_or_default(),
        e.who.clone(),
        number(e.connection),
        number(e.energy),
        e.feelings.join("; "),
        e.note.clone().unwrap_or_default(),
    ]
}
