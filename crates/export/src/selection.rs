//! What the parent chose to share: the range of days, kinds, babies, the parts of each moment,
//! single moments left out, a title and who it is for.
//!
//! The UI sends a [`Selection`] as JSON. [`Selection::resolve`] checks it against `today` (passed
//! in, never read from a clock) and turns it into a [`Resolved`] range and filter that the
//! candidate list, the report and the JSON export all share, so they always agree.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::report::Include;
use crate::{Error, Result};

/// The title when the parent types none.
pub const DEFAULT_TITLE: &str = "Bonding journal";
/// The longest title or "prepared for", in characters.
pub const MAX_LINE_CHARS: usize = 120;
/// The longest range, in days (ten years and their leap days).
pub const MAX_RANGE_DAYS: i64 = 3653;

/// A range of local days, as the UI sends it.
///
/// JSON: `{"last": {"days": 7}}` (the last 7 days, ending today), `{"since": "2026-10-01"}`
/// (through today) or `{"between": {"first": "2026-10-01", "last": "2026-10-31"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Range {
    /// The last `days` days, today included.
    Last {
        /// How many days, 1 to 366.
        days: u32,
    },
    /// From a day through today.
    Since(NaiveDate),
    /// From `first` to `last`, both included.
    Between {
        /// The first day.
        first: NaiveDate,
        /// The last day.
        last: NaiveDate,
    },
}

/// Everything the parent chose for a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Selection {
    /// The days.
    pub range: Range,
    /// Only these kinds; `None` for every kind.
    #[serde(default)]
    pub kind_ids: Option<Vec<String>>,
    /// Only moments with these babies; `None` for all moments, with a baby or without.
    #[serde(default)]
    pub baby_ids: Option<Vec<i64>>,
    /// Which parts of each moment to share.
    #[serde(default)]
    pub include: Include,
    /// Single moments the parent unticked.
    #[serde(default)]
    pub excluded_ids: Vec<i64>,
    /// The report's title; "Bonding journal" when empty.
    #[serde(default)]
    pub title: Option<String>,
    /// Who the report is for.
    #[serde(default)]
    pub prepared_for: Option<String>,
}

impl Selection {
    /// A selection of every kind and baby over `range`, sharing everything.
    pub fn new(range: Range) -> Self {
        Self {
            range,
            kind_ids: None,
            baby_ids: None,
            include: Include::default(),
            excluded_ids: Vec::new(),
            title: None,
            prepared_for: None,
        }
    }

    /// Checks the selection and works out its days, given the parent's local date `today`.
    pub fn resolve(&self, today: NaiveDate) -> Result<Resolved> {
        let (first, last) = days_of(&self.range, today)?;
        Ok(Resolved {
            first,
            last,
            kind_ids: self.kind_ids.as_ref().map(|k| k.iter().cloned().collect()),
            baby_ids: self.baby_ids.as_ref().map(|b| b.iter().copied().collect()),
            include: self.include,
            excluded: self.excluded_ids.iter().copied().collect(),
            title: line(self.title.as_deref(), Field::Title)?
                .unwrap_or_else(|| DEFAULT_TITLE.into()),
            prepared_for: line(self.prepared_for.as_deref(), Field::PreparedFor)?,
        })
    }
}

/// A checked selection: its days and filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The first day, inclusive.
    pub first: NaiveDate,
    /// The last day, inclusive.
    pub last: NaiveDate,
    /// Only these kinds, or all.
    pub kind_ids: Option<HashSet<String>>,
    /// Only these babies, or all moments.
    pub baby_ids: Option<HashSet<i64>>,
    /// Which parts to share.
    pub include: Include,
    /// Moments left out one by one.
    pub excluded: HashSet<i64>,
    /// The title, trimmed (the default when none was typed).
    pub title: String,
    /// Who it is for, trimmed; `None` when empty.
    pub prepared_for: Option<String>,
}

impl Resolved {
    /// Whether a moment of `kind_id` with `baby_id` matches the kinds and babies chosen
    /// (single exclusions and the private flag are checked elsewhere).
    pub fn matches(&self, kind_id: &str, baby_id: Option<i64>) -> bool {
        let kind_ok = self.kind_ids.as_ref().is_none_or(|k| k.contains(kind_id));
        let baby_ok = match (&self.baby_ids, baby_id) {
            (None, _) => true,
            (Some(ids), Some(id)) => ids.contains(&id),
            (Some(_), None) => false,
        };
        kind_ok && baby_ok
    }
}

fn days_of(range: &Range, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let (first, last) = match *range {
        Range::Last { days } if !(1..=366).contains(&days) => {
            return Err(Error::DaysOutOfRange { days })
        }
        Range::Last { days } => (
            today
                .checked_sub_days(Days::new(u64::from(days) - 1))
                .unwrap_or(NaiveDate::MIN),
            today,
        ),
        Range::Since(first) => (first, today),
        Range::Between { first, last } => (first, last),
    };
    if first > last {
        return Err(Error::RangeReversed { first, last });
    }
    let days = (last - first).num_days() + 1;
    match days > MAX_RANGE_DAYS {
        true => Err(Error::RangeTooLong { days }),
        false => Ok((first, last)),
    }
}

#[derive(Clone, Copy)]
enum Field {
    Title,
    PreparedFor,
}

/// Trims a one-line text; `None` when empty. Refuses control characters and long text.
fn line(raw: Option<&str>, field: Field) -> Result<Option<String>> {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let chars = text.chars().count();
    let control = text.chars().any(char::is_control);
    match (field, control, chars > MAX_LINE_CHARS) {
        (Field::Title, true, _) => Err(Error::TitleHasControl),
        (Field::Title, _, true) => Err(Error::TitleTooLong { chars }),
        (Field::PreparedFor, true, _) => Err(Error::PreparedForHasControl),
        (Field::PreparedFor, _, true) => Err(Error::PreparedForTooLong { chars }),
        _ => Ok(Some(text.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn parse(json: &str) -> Selection {
        serde_json::from_str(json).expect("selection")
    }

    #[test]
    fn reads_the_three_kinds_of_range_from_the_ui() {
        let today = day("2026-11-26");
        let last = parse(r#"{"range": {"last": {"days": 7}}}"#).resolve(today);
        let r = last.expect("last 7");
        assert_eq!((r.first, r.last), (day("2026-11-20"), today));
        let since = parse(r#"{"range": {"since": "2026-10-01"}}"#).resolve(today);
        let r = since.expect("since");
        assert_eq!((r.first, r.last), (day("2026-10-01"), today));
        let json = r#"{"range": {"between": {"first": "2026-01-01", "last": "2026-01-31"}},
                       "kindIds": ["feeding"], "babyIds": [2], "excludedIds": [5],
                       "include": {"notes": false, "feelings": true, "ratings": false},
                       "title": "  For Tuesday  ", "preparedFor": ""}"#;
        let r = parse(json).resolve(today).expect("between");
        assert_eq!((r.first, r.last), (day("2026-01-01"), day("2026-01-31")));
        assert_eq!(r.title, "For Tuesday");
        assert_eq!(r.prepared_for, None);
        assert!(!r.include.notes && r.include.feelings && !r.include.ratings);
        assert!(r.excluded.contains(&5));
    }

    #[test]
    fn the_last_day_alone_is_today() {
        let today = day("2026-11-26");
        let r = Selection::new(Range::Last { days: 1 })
            .resolve(today)
            .expect("ok");
        assert_eq!((r.first, r.last), (today, today));
        assert_eq!(r.title, DEFAULT_TITLE);
    }

    #[test]
    fn rejects_end_before_start_and_a_since_after_today() {
        let today = day("2026-11-26");
        let between = Range::Between {
            first: day("2026-02-01"),
            last: day("2026-01-01"),
        };
        let err = Selection::new(between)
            .resolve(today)
            .expect_err("reversed");
        assert!(matches!(err, Error::RangeReversed { .. }));
        let err = Selection::new(Range::Since(day("2026-12-01")))
            .resolve(today)
            .expect_err("future");
        assert!(matches!(err, Error::RangeReversed { .. }));
    }

    #[test]
    fn rejects_days_outside_one_to_366_and_ranges_over_ten_years() {
        let today = day("2026-11-26");
        for days in [0, 367] {
            let err = Selection::new(Range::Last { days }).resolve(today);
            assert!(matches!(
                err.expect_err("days"),
                Error::DaysOutOfRange { .. }
            ));
        }
        assert!(Selection::new(Range::Last { days: 366 })
            .resolve(today)
            .is_ok());
        let long = Range::Between {
            first: day("2010-01-01"),
            last: day("2026-01-01"),
        };
        let err = Selection::new(long).resolve(today).expect_err("long");
        assert!(matches!(err, Error::RangeTooLong { .. }));
    }

    #[test]
    fn rejects_long_or_multi_line_titles_and_names() {
        let today = day("2026-11-26");
        let mut s = Selection::new(Range::Last { days: 7 });
        s.title = Some("x".repeat(121));
        assert!(matches!(
            s.resolve(today).expect_err("long"),
            Error::TitleTooLong { .. }
        ));
        s.title = Some(format!("  {}  ", "é".repeat(120)));
        assert!(s.resolve(today).is_ok(), "120 characters, trimmed");
        s.title = Some("two\nlines".into());
        assert!(matches!(
            s.resolve(today).expect_err("ctl"),
            Error::TitleHasControl
        ));
        s.title = None;
        s.prepared_for = Some("a\u{7}b".into());
        let err = s.resolve(today).expect_err("ctl");
        assert!(matches!(err, Error::PreparedForHasControl));
        s.prepared_for = Some("y".repeat(121));
        let err = s.resolve(today).expect_err("long");
        assert!(matches!(err, Error::PreparedForTooLong { .. }));
    }

    #[test]
    fn babies_chosen_leave_out_moments_with_no_baby() {
        let mut s = Selection::new(Range::Last { days: 7 });
        let all = s.resolve(day("2026-11-26")).expect("ok");
        assert!(all.matches("feeding", None) && all.matches("feeding", Some(3)));
        s.baby_ids = Some(vec![3]);
        s.kind_ids = Some(vec!["feeding".into()]);
        let some = s.resolve(day("2026-11-26")).expect("ok");
        assert!(some.matches("feeding", Some(3)));
        assert!(!some.matches("feeding", None));
        assert!(!some.matches("feeding", Some(4)));
        assert!(!some.matches("rocking", Some(3)));
    }
}
