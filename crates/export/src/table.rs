//! The report as CSV (RFC 4180): a header and one row per entry.
//!
//! UTF-8 with a byte-order mark (so spreadsheets read accents, right-to-left text and emoji as
//! they are), CRLF line endings, fields quoted only when they hold a comma, a quote or a line
//! break (quotes doubled inside). Notes keep their line breaks and every character as stored,
//! except that a field starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'`
//! in front, so that a spreadsheet shows it as text instead of running it as a formula.
//! Columns:
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
    let text = String::from_utf8(bytes).map_err(|_| Error::CsvWrite)?;
    Ok(format!("{BOM}{text}"))
}

/// The byte-order mark that tells spreadsheets the file is UTF-8.
pub const BOM: char = '\u{feff}';

/// The characters that make a spreadsheet read a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `field` as a spreadsheet will show it, never run it: a leading formula character is
/// preceded by `'`.
pub(crate) fn neutralized(field: String) -> String {
    if field.starts_with(FORMULA_STARTS) {
        format!("'{field}")
    } else {
        field
    }
}

fn row(e: &Entry) -> [String; 12] {
    fields(e).map(neutralized)
}

fn fields(e: &Entry) -> [String; 12] {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_that_a_spreadsheet_would_run_is_shown_as_text() {
        for risky in ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralized(risky.into()), format!("'{risky}"));
        }
        for plain in ["", "calm", "2026-10-01", "a = b", "'quoted", "٣ ليلة"] {
            assert_eq!(neutralized(plain.into()), plain);
        }
    }
}
