//! The report model: what a parent chose to share with a therapist, ready to typeset.
//!
//! This module owns only the data types; [`crate::build_report`] fills them from the journal,
//! and the Markdown, CSV and PDF renderers read them. The model is a shared contract: its JSON
//! form (camelCase fields, dates as `"YYYY-MM-DD"`, instants as RFC 3339 with the offset the
//! moment was logged in) is what the PDF typesetter receives.
//!
//! Private moments are never in a [`Report`], whatever the parent chose. Every text field may
//! hold anything a parent typed (markup characters, scripts, control characters, emoji,
//! right-to-left text, very long notes): renderers must escape it. The `Debug` output of an
//! [`Entry`] shows only the lengths of its note and feeling words.
//!
//! Check-ins are in a report only when the parent marked them for it, and only as the parent's
//! own answers ([`CheckInAnswers`]): the model has no place for the safety answer, and no
//! total, score or reading of the answers. Renderers show each number as the answer chosen on
//! its scale, never as a result.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use nestling_journal::Supported;
use serde::{Deserialize, Serialize};

/// A report for a therapist over a chosen range of days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// "Bonding journal" unless the parent typed another title.
    pub title: String,
    /// Who it is for, as typed at export (for example a therapist's name).
    pub prepared_for: Option<String>,
    /// The parent's name from the settings, if they gave one.
    pub parent_name: Option<String>,
    /// The first day of the chosen range (inclusive).
    pub first_day: NaiveDate,
    /// The last day of the chosen range (inclusive).
    pub last_day: NaiveDate,
    /// The parent's local date when the report was made.
    pub generated_on: NaiveDate,
    /// Which parts the parent chose to share.
    pub include: Include,
    /// Totals over the included moments.
    pub summary: Summary,
    /// Only days with at least one included moment, oldest first.
    pub days: Vec<Day>,
    /// The live check-ins in the range that the parent marked for the report, oldest first;
    /// empty when check-ins are not shared.
    #[serde(default)]
    pub check_ins: Vec<CheckInAnswers>,
}

/// One check-in the parent chose to share: their own answers, exactly as they gave them, with
/// no safety answer and nothing added up.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckInAnswers {
    /// The check-in's id in the journal.
    pub id: i64,
    /// When it was taken, on the clock it was taken by (RFC 3339 with offset).
    pub taken_at: DateTime<FixedOffset>,
    /// The local date it belongs to.
    pub date: NaiveDate,
    /// The local clock time it was taken, `"HH:MM"` (24 h).
    pub time: String,
    /// The mood the parent chose, 1 (very low) to 5 (very good); `None` when skipped.
    pub mood: Option<i64>,
    /// How close to their baby they felt, 1 (far away) to 5 (very close); `None` when skipped.
    pub closeness: Option<i64>,
    /// How much they worried, 1 (hardly any) to 5 (a great deal); `None` when skipped.
    pub worry: Option<i64>,
    /// Their own sleep in the 24 hours before, in minutes; `None` when skipped.
    pub sleep_minutes: Option<i64>,
    /// Whether they felt supported; `None` when skipped.
    pub supported: Option<Supported>,
    /// The note; `None` when empty or notes are not shared.
    pub note: Option<String>,
    /// The answers above worded as every format prints them, one line each, in the order of
    /// the form (see [`CheckInAnswers::worded`]). The PDF, the Markdown and the app's preview
    /// print these lines, so the wording is written once.
    #[serde(default)]
    pub answers: Vec<String>,
}

/// The check-in's scales as the report words them: each number is the answer the parent chose
/// on that scale, printed as such, never a score.
const SCALES: [(&str, &str); 3] = [
    ("Mood", "1 very low to 5 very good"),
    ("Closeness to my baby", "1 far away to 5 very close"),
    ("Worry", "1 hardly any to 5 a great deal"),
];

impl CheckInAnswers {
    /// The same check-in with [`CheckInAnswers::answers`] filled from its scales.
    pub fn with_answers(mut self) -> Self {
        self.answers = self.worded();
        self
    }

    /// The answers given, worded in the parent's own voice; skipped questions print nothing.
    pub fn worded(&self) -> Vec<String> {
        let chosen = [self.mood, self.closeness, self.worry];
        let scales = SCALES
            .iter()
            .zip(chosen)
            .filter_map(|((question, scale), n)| {
                n.map(|n| format!("{question}: I chose {n}, on a scale from {scale}"))
            });
        let sleep = self
            .sleep_minutes
            .map(|m| format!("My sleep in the 24 hours before: {}", hours_and_minutes(m)));
        let supported = self.supported.map(|s| {
            let word = match s {
                Supported::Yes => "yes",
                Supported::Somewhat => "somewhat",
                Supported::No => "no",
            };
            format!("Felt supported: {word}")
        });
        scales.chain(sleep).chain(supported).collect()
    }
}

/// `45 min`, `4 h`, `4 h 45 min`: a length of time as the report and the app write it.
fn hours_and_minutes(total: i64) -> String {
    match (total / 60, total % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

impl fmt::Debug for CheckInAnswers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let note = self.note.as_ref().map(|n| Redacted(n.chars().count()));
        f.debug_struct("CheckInAnswers")
            .field("id", &self.id)
            .field("taken_at", &self.taken_at)
            .field("mood", &self.mood)
            .field("closeness", &self.closeness)
            .field("worry", &self.worry)
            .field("sleep_minutes", &self.sleep_minutes)
            .field("supported", &self.supported)
            .field("note", &note)
            .finish()
    }
}

/// Which parts of each moment the parent chose to share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Include {
    /// Share the notes.
    pub notes: bool,
    /// Share the feeling words.
    pub feelings: bool,
    /// Share the connection and energy ratings.
    pub ratings: bool,
    /// Share the check-ins the parent marked for the report (their own answers, never the
    /// safety answer). On unless unticked; absent in older selections, where it means on.
    #[serde(default = "on")]
    pub check_ins: bool,
}

fn on() -> bool {
    true
}

impl Default for Include {
    /// Everything is shared unless the parent unticks it.
    fn default() -> Self {
        Include {
            notes: true,
            feelings: true,
            ratings: true,
            check_ins: true,
        }
    }
}

/// Totals over the included moments of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// How many moments are included.
    pub moments: u32,
    /// Their total duration in minutes (each moment's duration rounded to the minute).
    pub minutes: i64,
    /// Over the whole range, kinds with at least one moment, most moments first.
    pub kinds: Vec<KindTotal>,
    /// Every week (a 7-day block starting at the first day) in the range.
    pub weeks: Vec<Period>,
    /// Every calendar month the range touches, clipped to the range (a long report's summary
    /// shows these instead of its many weeks).
    pub months: Vec<Period>,
    /// Every day of the range (zeros included): minutes of skin-to-skin contact.
    pub skin_to_skin: Vec<DayMinutes>,
    /// Every day of the range: the averages of that day's ratings, `None` where there are none.
    /// Empty when ratings are not shared.
    pub ratings: Vec<DayRatings>,
    /// Up to 8 feeling words, most frequent first, ties in alphabetical order.
    /// Empty when feelings are not shared.
    pub top_feelings: Vec<WordCount>,
    /// Every week of the range as the Patterns screen figures it (by the journal's own weekly
    /// function), over this report's moments and shared check-ins only: care, skin to skin,
    /// closeness and energy when ratings are shared, mood and sleep when check-ins are.
    #[serde(default)]
    pub weekly: Vec<nestling_journal::patterns::Week>,
}

/// How many moments of one kind, and how long they lasted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KindTotal {
    /// The kind's id, such as `skin_to_skin` or `custom_1`.
    pub kind_id: String,
    /// The kind's name.
    pub name: String,
    /// The kind's emoji.
    pub emoji: String,
    /// How many moments of this kind.
    pub moments: u32,
    /// Their total duration in minutes.
    pub minutes: i64,
}

/// A stretch of the range: a week (up to 7 days from the report's first day, then every 7
/// days) or a calendar month, clipped to the range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// The period's first day.
    pub first_day: NaiveDate,
    /// The period's last day, clipped to the range.
    pub last_day: NaiveDate,
    /// Kinds with at least one moment in the period, most moments first.
    pub kinds: Vec<KindTotal>,
}

/// Minutes on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DayMinutes {
    /// The day.
    pub day: NaiveDate,
    /// Minutes (0 when there were none).
    pub minutes: i64,
}

/// The average ratings of one day, each from 1.0 to 5.0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DayRatings {
    /// The day.
    pub day: NaiveDate,
    /// The average connection rating, `None` when no moment that day was rated.
    pub connection: Option<f64>,
    /// The average energy rating, `None` when no moment that day was rated.
    pub energy: Option<f64>,
}

/// A feeling word and how many included moments carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WordCount {
    /// The word.
    pub word: String,
    /// How many moments.
    pub count: u32,
}

/// One day of the report with its included moments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Day {
    /// The local date.
    pub date: NaiveDate,
    /// The day's entries, oldest first.
    pub entries: Vec<Entry>,
}

/// One included moment.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The moment's id in the journal.
    pub id: i64,
    /// The start on the clock it was logged by (RFC 3339 with offset).
    pub started_at: DateTime<FixedOffset>,
    /// The end on the clock it was logged by, `None` for an instant moment.
    pub ended_at: Option<DateTime<FixedOffset>>,
    /// The local clock time it started, `"HH:MM"` (24 h).
    pub start: String,
    /// The local clock time it ended, `"HH:MM"`, `None` for an instant moment.
    pub end: Option<String>,
    /// Its length in minutes, rounded.
    pub duration_minutes: Option<i64>,
    /// The kind's id.
    pub kind_id: String,
    /// The kind's name, for example "Skin-to-skin".
    pub kind: String,
    /// The kind's emoji.
    pub emoji: String,
    /// The detail's name, for example "Left breast".
    pub detail: Option<String>,
    /// The baby's name.
    pub baby: Option<String>,
    /// "Me", "Partner" or the caregiver's name.
    pub who: String,
    /// Connection 1..=5; `None` when not rated or ratings are not shared.
    pub connection: Option<i64>,
    /// Energy 1..=5; `None` when not rated or ratings are not shared.
    pub energy: Option<i64>,
    /// Feeling words; empty when feelings are not shared.
    pub feelings: Vec<String>,
    /// The note; `None` when empty or notes are not shared.
    pub note: Option<String>,
}

/// Stands in for journal text in `Debug` output: only its length is shown.
struct Redacted(usize);

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted: {} characters>", self.0)
    }
}

impl fmt::Debug for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let note = self.note.as_ref().map(|n| Redacted(n.chars().count()));
        let feelings: Vec<Redacted> = self
            .feelings
            .iter()
            .map(|w| Redacted(w.chars().count()))
            .collect();
        f.debug_struct("Entry")
            .field("id", &self.id)
            .field("started_at", &self.started_at)
            .field("ended_at", &self.ended_at)
            .field("duration_minutes", &self.duration_minutes)
            .field("kind_id", &self.kind_id)
            .field("connection", &self.connection)
            .field("energy", &self.energy)
            .field("feelings", &feelings)
            .field("note", &note)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry {
            id: 7,
            started_at: DateTime::parse_from_rfc3339("2026-10-01T08:00:00+02:00").expect("date"),
            ended_at: None,
            start: "08:00".into(),
            end: None,
            duration_minutes: None,
            kind_id: "soothing".into(),
            kind: "Soothing".into(),
            emoji: "🤲".into(),
            detail: None,
            baby: Some("Ada".into()),
            who: "Me".into(),
            connection: Some(4),
            energy: None,
            feelings: vec!["tender".into()],
            note: Some("She slept on my chest".into()),
        }
    }

    #[test]
    fn debug_of_an_entry_redacts_note_and_feelings() {
        let shown = format!("{:?}", entry());
        assert!(!shown.contains("slept"), "{shown}");
        assert!(!shown.contains("tender"), "{shown}");
        assert!(shown.contains("<redacted: 21 characters>"), "{shown}");
        assert!(shown.contains("<redacted: 6 characters>"), "{shown}");
    }

    #[test]
    fn serializes_in_camel_case_with_offsets_kept() {
        let json = serde_json::to_value(entry()).expect("json");
        assert_eq!(json["startedAt"], "2026-10-01T08:00:00+02:00");
        assert_eq!(json["kindId"], "soothing");
        assert_eq!(json["durationMinutes"], serde_json::Value::Null);
        let back: Entry = serde_json::from_value(json).expect("back");
        assert_eq!(back, entry());
    }
}

/// The report's weeks as a table of plain words, written once for the Markdown, the PDF and
/// the Share preview: a column for each figure the report shares, a row for each week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeeklyTable {
    /// The column headings, the week first.
    pub head: Vec<String>,
    /// One row of cells per week, oldest first; an empty cell means nothing to count.
    pub rows: Vec<Vec<String>>,
}

impl Summary {
    /// The weekly figures as a table: moments a day and skin to skin always; closeness and
    /// energy when ratings are shared; mood and the parent's sleep when shared check-ins
    /// answered them. Each average says how many answers it rests on.
    pub fn weekly_table(&self, include: Include) -> WeeklyTable {
        let weeks = &self.weekly;
        let mood = weeks.iter().any(|w| w.mood.is_some());
        let sleep = weeks.iter().any(|w| w.sleep_minutes.is_some());
        let mut head = vec!["Week", "Moments a day", "Skin to skin"];
        if include.ratings {
            head.extend(["Connection (1–5)", "Energy (1–5)"]);
        }
        if mood {
            head.push("Mood (1–5)");
        }
        if sleep {
            head.push("My sleep");
        }
        let rows = weeks
            .iter()
            .map(|w| {
                let mut row = vec![
                    week_name(w.first_day, w.last_day),
                    match w.moments {
                        0 => String::new(),
                        _ => format!("{:.1}", w.moments_per_day),
                    },
                    match w.skin_to_skin_minutes {
                        0 => String::new(),
                        m => format!("{} on {}", hours_and_minutes(m), days(w.skin_to_skin_days)),
                    },
                ];
                if include.ratings {
                    row.push(average(w.connection, "moment"));
                    row.push(average(w.energy, "moment"));
                }
                if mood {
                    row.push(average(w.mood, "check-in"));
                }
                if sleep {
                    row.push(match w.sleep_minutes {
                        Some(a) => {
                            let minutes = a.average.round() as i64;
                            format!(
                                "{} {}",
                                hours_and_minutes(minutes),
                                resting(a.count, "check-in")
                            )
                        }
                        None => String::new(),
                    });
                }
                row
            })
            .collect();
        WeeklyTable {
            head: head.into_iter().map(str::to_owned).collect(),
            rows,
        }
    }
}

/// "5 May – 11 May 2025", or one day when the week is a single day.
fn week_name(first: NaiveDate, last: NaiveDate) -> String {
    match first == last {
        true => last.format("%-d %b %Y").to_string(),
        false => format!("{} – {}", first.format("%-d %b"), last.format("%-d %b %Y")),
    }
}

fn days(n: u32) -> String {
    match n {
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    }
}

/// "3.4 (from 8 moments)", or nothing when nothing was answered.
fn average(value: Option<nestling_journal::patterns::Average>, what: &str) -> String {
    value.map_or_else(String::new, |a| {
        format!("{:.1} {}", a.average, resting(a.count, what))
    })
}

fn resting(count: u32, what: &str) -> String {
    match count {
        1 => format!("(from 1 {what})"),
        n => format!("(from {n} {what}s)"),
    }
}
