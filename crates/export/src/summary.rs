//! The summary of a report: totals per kind, per week and per month, skin-to-skin minutes and
//! average ratings for every day of the range, and the most frequent feeling words.
//!
//! Everything is computed from the report's own entries, so the summary never counts a moment
//! the report leaves out. Totals of minutes add each entry's rounded minutes, so they match the
//! durations printed beside the entries.

use std::collections::HashMap;

use chrono::{Datelike, Days, Months, NaiveDate};

use nestling_journal::patterns::{
    self, CheckInFact, Facts, Giver, KindName, MomentFact, Options, Span, Week,
};
use nestling_journal::{CheckIn, Moment, Who};

use crate::report::{DayMinutes, DayRatings, Entry, KindTotal, Period, Summary, WordCount};
use crate::selection::Resolved;
use crate::source::Names;

/// The kind whose minutes are charted day by day.
pub const SKIN_TO_SKIN: &str = "skin_to_skin";
/// How many feeling words the summary lists.
pub const TOP_FEELINGS: usize = 8;

/// Summarizes `entries` (oldest first) over the range of `sel`.
pub(crate) fn summarize(entries: &[Entry], sel: &Resolved, names: &Names) -> Summary {
    Summary {
        moments: u32::try_from(entries.len()).unwrap_or(u32::MAX),
        minutes: entries.iter().filter_map(|e| e.duration_minutes).sum(),
        kinds: kind_totals(entries.iter(), names),
        weeks: periods(weeks(sel.first, sel.last), entries, names),
        months: periods(months(sel.first, sel.last), entries, names),
        skin_to_skin: skin_to_skin(entries, sel.first, sel.last),
        ratings: match sel.include.ratings {
            true => ratings(entries, sel.first, sel.last),
            false => Vec::new(),
        },
        top_feelings: match sel.include.feelings {
            true => top_feelings(entries),
            false => Vec::new(),
        },
        weekly: Vec::new(),
    }
}

/// The report's weeks through the journal's own weekly figures, so the report and the Patterns
/// screen count a week the same way. Only what the report shares is counted: its moments (never
/// private ones), their ratings when ratings are shared, and the check-ins it shares.
pub(crate) fn weekly(
    moments: &[Moment],
    check_ins: &[CheckIn],
    sel: &Resolved,
    names: &Names,
) -> Vec<Week> {
    let rated = |v: Option<i64>| {
        v.filter(|_| sel.include.ratings)
            .and_then(|v| u8::try_from(v).ok())
    };
    let mut kinds: Vec<KindName> = Vec::new();
    for m in moments {
        if !kinds.iter().any(|k| k.id == m.kind_id) {
            let (name, emoji, _) = names.kind(&m.kind_id);
            kinds.push(KindName {
                id: m.kind_id.clone(),
                name,
                emoji,
            });
        }
    }
    kinds.sort_by_key(|k| names.kind(&k.id).2);
    let facts = Facts {
        moments: moments
            .iter()
            .filter(|m| !m.private)
            .map(|m| MomentFact {
                local_date: m.local_date,
                kind_id: m.kind_id.clone(),
                minutes: m.duration_minutes.unwrap_or(0),
                connection: rated(m.connection),
                energy: rated(m.energy),
                giver: match m.who {
                    Who::Me => Giver::Me,
                    Who::Partner => Giver::Partner,
                    Who::Caregiver(_) => Giver::Other,
                },
                baby_id: m.baby_id,
                private: false,
            })
            .collect(),
        kind_days: Vec::new(),
        day_ratings: Vec::new(),
        check_ins: check_ins
            .iter()
            .map(|c| CheckInFact {
                local_date: c.local_date,
                mood: c.mood.and_then(|v| u8::try_from(v).ok()),
                sleep_minutes: c.sleep_minutes,
                private: false,
            })
            .collect(),
        kinds,
        baby_name: None,
    };
    let period = patterns::Period {
        from: sel.first,
        to: sel.last,
        span: Span::Between {
            from: sel.first,
            to: sel.last,
        },
    };
    patterns::weekly(&facts, &period, &Options::default()).weeks
}

/// Kinds with at least one entry, most entries first, then in the journal's order of kinds.
fn kind_totals<'a>(entries: impl Iterator<Item = &'a Entry>, names: &Names) -> Vec<KindTotal> {
    let mut totals: Vec<KindTotal> = Vec::new();
    for e in entries {
        let idx = match totals.iter().position(|t| t.kind_id == e.kind_id) {
            Some(idx) => idx,
            None => {
                totals.push(KindTotal {
                    kind_id: e.kind_id.clone(),
                    name: e.kind.clone(),
                    emoji: e.emoji.clone(),
                    moments: 0,
                    minutes: 0,
                });
                totals.len() - 1
            }
        };
        totals[idx].moments += 1;
        totals[idx].minutes += e.duration_minutes.unwrap_or(0);
    }
    totals.sort_by_key(|t| (std::cmp::Reverse(t.moments), names.kind(&t.kind_id).2));
    totals
}

/// Every day from `first` to `last`.
fn every_day(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |d| *d <= last)
}

/// The first and last days of every 7-day block from `first`, the last one clipped to `last`.
fn weeks(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    every_day(first, last)
        .step_by(7)
        .map(|start| {
            let end = start.checked_add_days(Days::new(6)).unwrap_or(last);
            (start, end.min(last))
        })
        .collect()
}

/// The first and last days of every calendar month from `first` to `last`, clipped to them.
fn months(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans = Vec::new();
    let mut start = first;
    while start <= last {
        let next = start
            .with_day(1)
            .and_then(|d| d.checked_add_months(Months::new(1)));
        let end = next
            .and_then(|n| n.pred_opt())
            .map_or(last, |e| e.min(last));
        spans.push((start, end));
        match next {
            Some(next) => start = next,
            None => break,
        }
    }
    spans
}

/// Totals per kind for each span of days.
fn periods(spans: Vec<(NaiveDate, NaiveDate)>, entries: &[Entry], names: &Names) -> Vec<Period> {
    spans
        .into_iter()
        .map(|(first_day, last_day)| {
            let of_period = entries.iter().filter(|e| {
                let d = e.started_at.date_naive();
                d >= first_day && d <= last_day
            });
            Period {
                first_day,
                last_day,
                kinds: kind_totals(of_period, names),
            }
        })
        .collect()
}

fn skin_to_skin(entries: &[Entry], first: NaiveDate, last: NaiveDate) -> Vec<DayMinutes> {
    let mut minutes: HashMap<NaiveDate, i64> = HashMap::new();
    for e in entries.iter().filter(|e| e.kind_id == SKIN_TO_SKIN) {
        *minutes.entry(e.started_at.date_naive()).or_default() += e.duration_minutes.unwrap_or(0);
    }
    every_day(first, last)
        .map(|day| DayMinutes {
            day,
            minutes: minutes.get(&day).copied().unwrap_or(0),
        })
        .collect()
}

/// Sums and counts of one day's ratings.
#[derive(Default)]
struct Tally {
    connection: (i64, u32),
    energy: (i64, u32),
}

fn average((sum, count): (i64, u32)) -> Option<f64> {
    (count > 0).then(|| sum as f64 / f64::from(count))
}

fn ratings(entries: &[Entry], first: NaiveDate, last: NaiveDate) -> Vec<DayRatings> {
    let mut tallies: HashMap<NaiveDate, Tally> = HashMap::new();
    for e in entries {
        let tally = tallies.entry(e.started_at.date_naive()).or_default();
        if let Some(c) = e.connection {
            tally.connection = (tally.connection.0 + c, tally.connection.1 + 1);
        }
        if let Some(en) = e.energy {
            tally.energy = (tally.energy.0 + en, tally.energy.1 + 1);
        }
    }
    every_day(first, last)
        .map(|day| {
            let tally = tallies.remove(&day).unwrap_or_default();
            DayRatings {
                day,
                connection: average(tally.connection),
                energy: average(tally.energy),
            }
        })
        .collect()
}

fn top_feelings(entries: &[Entry]) -> Vec<WordCount> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for word in entries.iter().flat_map(|e| e.feelings.iter()) {
        *counts.entry(word.as_str()).or_default() += 1;
    }
    let mut words: Vec<WordCount> = counts
        .into_iter()
        .map(|(word, count)| WordCount {
            word: word.to_owned(),
            count,
        })
        .collect();
    words.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
    words.truncate(TOP_FEELINGS);
    words
}
