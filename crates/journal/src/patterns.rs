//! Patterns: the parent's own weeks, care given set beside closeness felt.
//!
//! This module owns the weekly figures and the sentences that describe them. It is split so the
//! same code serves the app and, later, the therapist report:
//! - [`weeks`] is **pure**: [`weekly`] turns plain [`Facts`] (one small record per moment and
//!   per check-in, with the kinds' names) into [`Patterns`]. It reads no database, so the export
//!   crate can feed its report's own entries through it.
//! - [`sentences`] writes one or two plain sentences about the range, describing and never
//!   judging: no streaks, goals or scores, no "should", no cause and effect.
//! - the loader ([`facts`], [`patterns()`]) reads the facts of a range from SQLite (one query
//!   for moments, one for check-ins, plus the small kind and baby tables); [`Span::period`]
//!   resolves what was asked for to local dates.
//!
//! # Rules
//! - Weeks are 7-day blocks from the range's first day; the last one may be shorter. This is how
//!   the report's summary cuts weeks. Every week of the range is present, with zeros when empty.
//! - A moment or check-in belongs to its local date (see [`crate::time`]); a moment that crosses
//!   midnight counts whole, minutes included, on the day it started.
//! - Minutes are each moment's own minutes rounded to the nearest minute, then added, so they
//!   match the durations shown beside moments.
//! - Filters: a baby and a kind narrow the moments; check-ins belong to the parent, not to a
//!   baby or a kind, so they are never narrowed by those. Moments in the trash are never facts.
//!   Private moments count only when [`Options::include_private`] is true (the app); with it
//!   false (the report) private moments and check-ins the parent did not choose to share are
//!   left out.
//!
//! Journal text never reaches these figures except the names of kinds and of a baby, which the
//! parent typed and sees in their own app; notes and feeling words are never read.

mod load;
pub mod sentences;
pub mod weeks;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use load::{facts, first_day, patterns};
pub use weeks::weekly;

/// The kind whose minutes and days are counted as skin-to-skin.
pub const SKIN_TO_SKIN: &str = "skin_to_skin";
/// The most weeks a "last N weeks" range may ask for (a little over ten years).
pub const MAX_WEEKS: u32 = 600;

/// Who gave a moment of care, as the figures count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Giver {
    /// The parent using Nestling.
    Me,
    /// Their partner.
    Partner,
    /// Anyone else (a caregiver named on the moment; the name is not a fact).
    Other,
}

/// What the figures need to know about one live moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MomentFact {
    /// The local day it belongs to.
    pub local_date: NaiveDate,
    /// Its kind's id.
    pub kind_id: String,
    /// How long it lasted, rounded to the nearest minute (0 for an instant).
    pub minutes: i64,
    /// How connected the parent felt, 1 to 5.
    pub connection: Option<u8>,
    /// How much energy the parent had, 1 to 5.
    pub energy: Option<u8>,
    /// Who gave the care.
    pub giver: Giver,
    /// The baby it was with.
    pub baby_id: Option<i64>,
    /// Marked private (never shared in a report).
    pub private: bool,
}

/// One kind's live moments of one local day added up, as the journal keeps them in its daily
/// sums (the `moment_day` table), already narrowed to what the [`Options`] count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindDay {
    /// The local day.
    pub local_date: NaiveDate,
    /// The kind, as its place in [`Facts::kinds`].
    pub kind: usize,
    /// How many moments.
    pub moments: u32,
    /// Their minutes, each rounded to the nearest minute, then added.
    pub minutes: i64,
}

/// Who gave the care and how it felt, over the counted moments of one local day (every kind,
/// or the one kind asked for), from the same daily sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayRatings {
    /// The local day.
    pub local_date: NaiveDate,
    /// Who gave the moments.
    pub who: WhoCounts,
    /// How many were rated 1, 2, 3, 4 and 5 for connection.
    pub connection_values: [u32; 5],
    /// How many were rated for energy.
    pub energy_count: u32,
    /// Their energy ratings added up.
    pub energy_sum: i64,
}

impl DayRatings {
    /// One moment's part in its day's ratings and givers.
    pub fn of_moment(m: &MomentFact) -> Self {
        let mut connection_values = [0; 5];
        if let Some(c) = m.connection.filter(|c| (1..=5).contains(c)) {
            connection_values[usize::from(c - 1)] = 1;
        }
        let mut who = WhoCounts::default();
        match m.giver {
            Giver::Me => who.me = 1,
            Giver::Partner => who.partner = 1,
            Giver::Other => who.other = 1,
        }
        Self {
            local_date: m.local_date,
            who,
            connection_values,
            energy_count: u32::from(m.energy.is_some()),
            energy_sum: m.energy.map_or(0, i64::from),
        }
    }
}

/// What the figures need to know about one live check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInFact {
    /// The local day it belongs to.
    pub local_date: NaiveDate,
    /// Mood, 1 to 5.
    pub mood: Option<u8>,
    /// The parent's sleep in the last 24 hours, in minutes.
    pub sleep_minutes: Option<i64>,
    /// Not chosen for the report: counted only when private facts are included.
    pub private: bool,
}

/// A kind's id, name and emoji, in the order the kinds are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindName {
    /// The kind's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its emoji.
    pub emoji: String,
}

/// Everything [`weekly`] reads: plain records, in any order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Single moments of the range (the report's entries), narrowed by the options here.
    pub moments: Vec<MomentFact>,
    /// Each kind's daily sums (what the loader reads), already narrowed by the options.
    pub kind_days: Vec<KindDay>,
    /// The daily ratings and givers that go with [`Facts::kind_days`].
    pub day_ratings: Vec<DayRatings>,
    /// The check-ins of the range.
    pub check_ins: Vec<CheckInFact>,
    /// Every kind, in display order (a fact's kind missing here is named by its id).
    pub kinds: Vec<KindName>,
    /// The name of the baby the figures are narrowed to, for the sentences.
    pub baby_name: Option<String>,
}

/// Which facts count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Only moments with this baby.
    pub baby_id: Option<i64>,
    /// Only moments of this kind.
    pub kind_id: Option<String>,
    /// Count private moments and unshared check-ins (the app: true; the report: false).
    pub include_private: bool,
}

/// The range the parent asks about. In JSON: `{"weeks": 4}`, `{"from": "2024-05-01", "to":
/// "2024-05-31"}` or `"all"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Span {
    /// The last `weeks` weeks ending today.
    Weeks {
        /// How many weeks, 1 to [`MAX_WEEKS`].
        weeks: u32,
    },
    /// Local days `from` to `to`, both included.
    Between {
        /// The first day.
        from: NaiveDate,
        /// The last day.
        to: NaiveDate,
    },
    /// From the first day with a moment or check-in to today.
    All(AllTime),
}

/// The word `"all"` in a [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AllTime {
    /// All time.
    All,
}

/// A range of local days resolved from a [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
    /// What was asked for, so the sentences can name it ("the last 4 weeks").
    pub span: Span,
}

/// An average of 1–5 answers (or of minutes), with how many answers it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Average {
    /// The mean.
    pub average: f64,
    /// How many answers.
    pub count: u32,
}

/// How many moments each giver gave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WhoCounts {
    /// By the parent.
    pub me: u32,
    /// By their partner.
    pub partner: u32,
    /// By anyone else.
    pub other: u32,
}

/// One kind's moments and minutes in a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KindWeek {
    /// The kind's id.
    pub kind_id: String,
    /// Its name.
    pub name: String,
    /// Its emoji.
    pub emoji: String,
    /// How many moments.
    pub moments: u32,
    /// Their minutes added up.
    pub minutes: i64,
}

/// The figures of one 7-day block (the last may be shorter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Week {
    /// Its first local day.
    pub first_day: NaiveDate,
    /// Its last local day.
    pub last_day: NaiveDate,
    /// How many days it has (7, or fewer for a clipped last week).
    pub days: u32,
    /// Moments of care of every kind.
    pub moments: u32,
    /// Moments per day, averaged over the week's days.
    pub moments_per_day: f64,
    /// Skin-to-skin minutes.
    pub skin_to_skin_minutes: i64,
    /// Distinct days with skin-to-skin.
    pub skin_to_skin_days: u32,
    /// Moments and minutes per kind, for kinds with moments, in the kinds' order.
    pub kinds: Vec<KindWeek>,
    /// Average connection over the moments rated.
    pub connection: Option<Average>,
    /// Average energy over the moments rated.
    pub energy: Option<Average>,
    /// How many moments were rated 1, 2, 3, 4 and 5 for connection.
    pub connection_values: [u32; 5],
    /// Average mood over the week's check-ins that answered it.
    pub mood: Option<Average>,
    /// Average sleep, in minutes, over the week's check-ins that answered it.
    pub sleep_minutes: Option<Average>,
    /// Who gave the care.
    pub who: WhoCounts,
}

/// The weeks of a range and the sentences that describe them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Patterns {
    /// The first day of the range.
    pub from: NaiveDate,
    /// The last day of the range.
    pub to: NaiveDate,
    /// Every week of the range, oldest first.
    pub weeks: Vec<Week>,
    /// One or two plain sentences about the range.
    pub sentences: Vec<String>,
    /// The name of the baby the figures are narrowed to, if any.
    pub baby_name: Option<String>,
}

#[cfg(test)]
mod tests;
