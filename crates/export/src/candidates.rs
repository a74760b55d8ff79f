//! The list the parent ticks through before exporting: every moment a selection could share.
//!
//! Private moments are never listed; they are only counted, so the UI can say that they are
//! never included. The list is newest first, as the parent scrolls back from today.

use std::fmt;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::selection::Selection;
use crate::source::{self, Names};
use crate::Result;

/// The longest note preview, in characters.
pub const PREVIEW_CHARS: usize = 80;

/// The moments a selection could share, and how many private ones it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidates {
    /// The first day of the range.
    pub first_day: NaiveDate,
    /// The last day of the range.
    pub last_day: NaiveDate,
    /// The moments, newest first.
    pub moments: Vec<Candidate>,
    /// How many private moments of the range (matching the kinds and babies) are left out.
    pub private_left_out: u32,
}

/// One moment the parent may tick or untick. Its `Debug` output shows only the length of the
/// note preview.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    /// The moment's id.
    pub id: i64,
    /// Its local date.
    pub date: NaiveDate,
    /// Its local start, `"HH:MM"`.
    pub start: String,
    /// The kind's name.
    pub kind: String,
    /// The kind's emoji.
    pub emoji: String,
    /// Its length in minutes, if it has one.
    pub duration_minutes: Option<i64>,
    /// The baby's name.
    pub baby: Option<String>,
    /// The note on one line, at most 80 characters (ending in "…" when cut).
    pub note_preview: String,
    /// Whether the parent unticked it.
    pub excluded: bool,
}

impl fmt::Debug for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let preview = format!(
            "<redacted: {} characters>",
            self.note_preview.chars().count()
        );
        f.debug_struct("Candidate")
            .field("id", &self.id)
            .field("date", &self.date)
            .field("start", &self.start)
            .field("duration_minutes", &self.duration_minutes)
            .field("note_preview", &format_args!("{preview}"))
            .field("excluded", &self.excluded)
            .finish_non_exhaustive()
    }
}

/// Every live, non-private moment `selection` covers, newest first, with the private count.
pub fn candidates(
    conn: &Connection,
    selection: &Selection,
    today: NaiveDate,
) -> Result<Candidates> {
    let sel = selection.resolve(today)?;
    let names = Names::read(conn)?;
    let moments = source::shareable(conn, &sel)?
        .into_iter()
        .rev()
        .map(|m| {
            let (kind, emoji, _) = names.kind(&m.kind_id);
            Candidate {
                id: m.id,
                date: m.local_date,
                start: m.start_local.format("%H:%M").to_string(),
                kind,
                emoji,
                duration_minutes: m.duration_minutes,
                baby: names.baby(m.baby_id),
                note_preview: preview(&m.note),
                excluded: sel.excluded.contains(&m.id),
            }
        })
        .collect();
    Ok(Candidates {
        first_day: sel.first,
        last_day: sel.last,
        moments,
        private_left_out: source::private_count(conn, &sel)?,
    })
}

/// The note on one line (every run of whitespace or control characters becomes one space),
/// cut to [`PREVIEW_CHARS`] characters with "…" when longer.
pub fn preview(note: &str) -> String {
    let words: Vec<&str> = note
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    match line.chars().count() > PREVIEW_CHARS {
        true => {
            let cut: String = line.chars().take(PREVIEW_CHARS - 1).collect();
            format!("{}…", cut.trim_end())
        }
        false => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_is_one_line_of_at_most_80_characters() {
        assert_eq!(preview("  Slept\n\non my\tchest  "), "Slept on my chest");
        let long = "ab ".repeat(60);
        let shown = preview(&long);
        assert!(shown.chars().count() <= PREVIEW_CHARS, "{shown}");
        assert!(shown.ends_with('…'));
        assert_eq!(preview(&"é".repeat(80)), "é".repeat(80));
        assert_eq!(preview(&"é".repeat(81)).chars().count(), 80);
        assert_eq!(preview(""), "");
    }

    #[test]
    fn debug_of_a_candidate_redacts_the_note_preview() {
        let c = Candidate {
            id: 3,
            date: NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"),
            start: "08:00".into(),
            kind: "Rocking".into(),
            emoji: "🌙".into(),
            duration_minutes: None,
            baby: None,
            note_preview: "She slept at last".into(),
            excluded: false,
        };
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("slept") && shown.contains("<redacted: 17 characters>"),
            "{shown}"
        );
    }
}
