//! The gentle check-in: a few questions the parent may answer daily or weekly, in Nestling's
//! own words, and the SQL that stores, reads and changes one.
//!
//! A check-in holds how the parent's mood, closeness to their baby and worry felt (each 1 to
//! 5), how much they slept in the last 24 hours, whether they felt supported, their answer to
//! the safety question, and a note. Every answer may be skipped. Nothing here is a score or a
//! test: no answer is added up, and nothing claims to measure or diagnose anything. Two small
//! rules read the answers so the app can offer help:
//! - [`needs_help`]: an answer to the safety question that calls for help soon or now; the UI
//!   shows crisis support at once for [`HelpNeed::Now`].
//! - [`low_mood_stretch`]: low mood on most days of the last two weeks, a prompt to talk to
//!   someone (see its rule), never a diagnosis.
//!
//! [`insert`] and [`update`] take a [`CheckInInput`] (the UI's JSON, passed straight through),
//! check it completely without the database, then write in one savepoint: a refused check-in
//! saves nothing. Deleting is soft ([`soft_delete`], undone by [`restore`]) as for moments.
//! The table is `check_in`, created by the store's migration `0006_check_in`; its CHECK
//! constraints repeat the limits below, so a row written around this module is refused too.
//! Check-in notes are not in the full-text index: search finds moments only.
//!
//! Times follow the rule of [`crate::time`]: a check-in keeps the UTC instant it was taken and
//! the offset of the parent's clock, and belongs for ever to the local day that clock showed.
//! Notes are cleaned like moment notes (see the crate's *Text* rules); an empty note is none.
//! No note text ever appears in an [`Error`], and `Debug` redacts the note and the safety
//! answer.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::moment::Redacted;
use crate::time::{self, date_at, date_key, instant_at, offset_at, optional_instant_at};
use crate::tx::atomically;
use crate::{clean, Error, Result, MAX_NOTE_CHARS};

/// The most sleep a check-in can report, in minutes: the whole of the last 24 hours.
pub const MAX_SLEEP_MINUTES: i64 = 24 * 60;
/// Sleep is reported in steps of this many minutes (quarter hours), as the UI offers it.
pub const SLEEP_STEP_MINUTES: i64 = 15;
/// How many local days, ending with today, [`low_mood_stretch`] looks at.
pub const LOW_MOOD_WINDOW_DAYS: u64 = 14;
/// How many of those days must have a mood answer before [`low_mood_stretch`] says anything.
pub const LOW_MOOD_MIN_DAYS_ANSWERED: usize = 10;
/// How many low days [`low_mood_stretch`] needs at least.
pub const LOW_MOOD_MIN_LOW_DAYS: usize = 8;
/// A mood answer at or below this is low.
pub const LOW_MOOD_AT_MOST: i64 = 2;

/// The earliest instant accepted, 2000-01-01T00:00:00Z: the same bound as a moment's start.
const EARLIEST_SECONDS: i64 = 946_684_800;

/// Whether the parent felt supported. In JSON and in the table: `yes`, `somewhat`, `no`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Supported {
    /// Yes.
    Yes,
    /// Somewhat.
    Somewhat,
    /// No.
    No,
}

/// The answer to the safety question. In JSON and in the table: `no`, `unwanted_thoughts`,
/// `might_act`, `prefer_not`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyAnswer {
    /// No thoughts of harming themselves or the baby.
    No,
    /// Unwanted, frightening thoughts of harm, with no wish to act on them.
    UnwantedThoughts,
    /// A feeling they might act on thoughts of harm.
    MightAct,
    /// They would rather not say.
    PreferNot,
}

/// How soon the parent should be offered help, from the safety answer. In JSON: `none`,
/// `soon`, `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HelpNeed {
    /// Nothing beyond the Help screen that is always one click away.
    None,
    /// Talk to someone from the care team or a helpline soon (today or tomorrow).
    Soon,
    /// Crisis support at once.
    Now,
}

impl Supported {
    fn as_str(self) -> &'static str {
        match self {
            Supported::Yes => "yes",
            Supported::Somewhat => "somewhat",
            Supported::No => "no",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [Supported::Yes, Supported::Somewhat, Supported::No]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

impl SafetyAnswer {
    fn as_str(self) -> &'static str {
        match self {
            SafetyAnswer::No => "no",
            SafetyAnswer::UnwantedThoughts => "unwanted_thoughts",
            SafetyAnswer::MightAct => "might_act",
            SafetyAnswer::PreferNot => "prefer_not",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [
            SafetyAnswer::No,
            SafetyAnswer::UnwantedThoughts,
            SafetyAnswer::MightAct,
            SafetyAnswer::PreferNot,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// How soon help should be offered for a safety answer: [`HelpNeed::Now`] for `might_act`,
/// [`HelpNeed::Soon`] for `unwanted_thoughts`, and [`HelpNeed::None`] for `no`, `prefer_not`
/// or no answer (the Help screen stays one click away whatever the answer).
pub fn needs_help(safety: Option<SafetyAnswer>) -> HelpNeed {
    match safety {
        Some(SafetyAnswer::MightAct) => HelpNeed::Now,
        Some(SafetyAnswer::UnwantedThoughts) => HelpNeed::Soon,
        Some(SafetyAnswer::No | SafetyAnswer::PreferNot) | None => HelpNeed::None,
    }
}

/// A check-in as the parent enters it, for [`insert`] and [`update`].
///
/// Only `takenAt` and `utcOffsetSeconds` are required in the JSON; every answer may be left
/// out or `null`.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckInInput {
    /// When it was taken (RFC 3339; any offset, stored as the UTC instant).
    pub taken_at: DateTime<Utc>,
    /// The UTC offset of the parent's clock, in seconds east of UTC.
    pub utc_offset_seconds: i64,
    /// Mood, 1 (very low) to 5 (very good).
    #[serde(default)]
    pub mood: Option<i64>,
    /// Closeness to the baby, 1 (far away) to 5 (very close).
    #[serde(default)]
    pub closeness: Option<i64>,
    /// Worry, 1 (hardly any) to 5 (a great deal).
    #[serde(default)]
    pub worry: Option<i64>,
    /// The parent's own sleep in the last 24 hours, in minutes: 0 to 1440 in quarter hours.
    #[serde(default)]
    pub sleep_minutes: Option<i64>,
    /// Whether they felt supported.
    #[serde(default)]
    pub supported: Option<Supported>,
    /// The answer to the safety question.
    #[serde(default)]
    pub safety: Option<SafetyAnswer>,
    /// A note, up to 100,000 characters; empty or none means no note.
    #[serde(default)]
    pub note: Option<String>,
    /// Shared in the report for a therapist; not shared unless chosen.
    #[serde(default)]
    pub in_report: bool,
}

/// A stored check-in, as the UI receives it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    /// The check-in's id.
    pub id: i64,
    /// The UTC instant it was taken.
    pub taken_at: DateTime<Utc>,
    /// The UTC offset it was taken in, seconds east of UTC.
    pub utc_offset_seconds: i32,
    /// The instant on the clock it was taken by (RFC 3339 with that offset).
    pub taken_local: DateTime<FixedOffset>,
    /// The calendar day it belongs to: the date on that clock (`YYYY-MM-DD`).
    pub local_date: NaiveDate,
    /// Mood, 1 to 5.
    pub mood: Option<i64>,
    /// Closeness to the baby, 1 to 5.
    pub closeness: Option<i64>,
    /// Worry, 1 to 5.
    pub worry: Option<i64>,
    /// Sleep in the last 24 hours, in minutes.
    pub sleep_minutes: Option<i64>,
    /// Whether they felt supported.
    pub supported: Option<Supported>,
    /// The answer to the safety question.
    pub safety: Option<SafetyAnswer>,
    /// [`needs_help`] of the safety answer, so the UI can offer help as soon as it is saved.
    pub help_need: HelpNeed,
    /// The note, exactly as stored; none when there is no note.
    pub note: Option<String>,
    /// Shared in the report for a therapist.
    pub in_report: bool,
    /// When it was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last changed (including moving to or from the trash).
    pub updated_at: DateTime<Utc>,
    /// When it was moved to the trash; none while it is live.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Stands in for the safety answer in `Debug` output: only whether there is one.
fn answered<T>(value: &Option<T>) -> Option<&'static str> {
    value.as_ref().map(|_| "<answered>")
}

impl fmt::Debug for CheckIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CheckIn")
            .field("id", &self.id)
            .field("taken_local", &self.taken_local)
            .field("local_date", &self.local_date)
            .field("mood", &self.mood)
            .field("closeness", &self.closeness)
            .field("worry", &self.worry)
            .field("sleep_minutes", &self.sleep_minutes)
            .field("supported", &self.supported)
            .field("safety", &answered(&self.safety))
            .field("note", &self.note.as_deref().map(Redacted))
            .field("in_report", &self.in_report)
            .field("deleted_at", &self.deleted_at)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for CheckInInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CheckInInput")
            .field("taken_at", &self.taken_at)
            .field("utc_offset_seconds", &self.utc_offset_seconds)
            .field("mood", &self.mood)
            .field("closeness", &self.closeness)
            .field("worry", &self.worry)
            .field("sleep_minutes", &self.sleep_minutes)
            .field("supported", &self.supported)
            .field("safety", &answered(&self.safety))
            .field("note", &self.note.as_deref().map(Redacted))
            .field("in_report", &self.in_report)
            .finish()
    }
}

/// A check-in that passed every check, cleaned and ready to store.
struct Checked {
    taken_at: i64,
    utc_offset: i64,
    mood: Option<i64>,
    closeness: Option<i64>,
    worry: Option<i64>,
    sleep_minutes: Option<i64>,
    supported: Option<&'static str>,
    safety: Option<&'static str>,
    note: Option<String>,
    in_report: bool,
}

/// Checks and cleans `input`; needs no database.
fn check(input: &CheckInInput, now: DateTime<Utc>) -> Result<Checked> {
    check_taken_at(input.taken_at, now)?;
    time::offset(input.utc_offset_seconds)?;
    Ok(Checked {
        taken_at: input.taken_at.timestamp(),
        utc_offset: input.utc_offset_seconds,
        mood: rating(input.mood, |value| Error::MoodOutOfRange { value })?,
        closeness: rating(input.closeness, |value| Error::ClosenessOutOfRange {
            value,
        })?,
        worry: rating(input.worry, |value| Error::WorryOutOfRange { value })?,
        sleep_minutes: check_sleep(input.sleep_minutes)?,
        supported: input.supported.map(Supported::as_str),
        safety: input.safety.map(SafetyAnswer::as_str),
        note: check_note(input.note.as_deref())?,
        in_report: input.in_report,
    })
}

fn check_taken_at(taken_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<()> {
    if taken_at.timestamp() < EARLIEST_SECONDS {
        return Err(Error::CheckInTooEarly);
    }
    match taken_at > now + time::FUTURE_ALLOWANCE {
        true => Err(Error::CheckInInFuture),
        false => Ok(()),
    }
}

fn rating(value: Option<i64>, out_of_range: impl Fn(i64) -> Error) -> Result<Option<i64>> {
    match value {
        Some(v) if !(1..=5).contains(&v) => Err(out_of_range(v)),
        other => Ok(other),
    }
}

fn check_sleep(minutes: Option<i64>) -> Result<Option<i64>> {
    match minutes {
        Some(m) if !(0..=MAX_SLEEP_MINUTES).contains(&m) || m % SLEEP_STEP_MINUTES != 0 => {
            Err(Error::SleepOutOfRange { minutes: m })
        }
        other => Ok(other),
    }
}

fn check_note(raw: Option<&str>) -> Result<Option<String>> {
    let note = clean::note_text(raw.unwrap_or_default());
    match clean::chars(&note) {
        0 => Ok(None),
        n if n > MAX_NOTE_CHARS => Err(Error::CheckInNoteTooLong { chars: n }),
        _ => Ok(Some(note)),
    }
}

/// The columns [`from_row`] reads.
const COLUMNS: &str = "id, taken_at, utc_offset, local_date, mood, closeness, worry,
    sleep_minutes, supported, safety, note, in_report, created_at, updated_at, deleted_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<CheckIn> {
    let taken_at = instant_at(row, 1)?;
    let offset = offset_at(row, 2)?;
    let safety = choice_at(row, 9, SafetyAnswer::parse)?;
    Ok(CheckIn {
        id: row.get(0)?,
        taken_at,
        utc_offset_seconds: offset.local_minus_utc(),
        taken_local: taken_at.with_timezone(&offset),
        local_date: date_at(row, 3)?,
        mood: row.get(4)?,
        closeness: row.get(5)?,
        worry: row.get(6)?,
        sleep_minutes: row.get(7)?,
        supported: choice_at(row, 8, Supported::parse)?,
        safety,
        help_need: needs_help(safety),
        note: row.get(10)?,
        in_report: row.get(11)?,
        created_at: instant_at(row, 12)?,
        updated_at: instant_at(row, 13)?,
        deleted_at: optional_instant_at(row, 14)?,
    })
}

/// Reads an optional choice stored as its text in column `idx`.
fn choice_at<T>(
    row: &Row<'_>,
    idx: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(text) => parse(&text).map(Some).ok_or_else(|| {
            rusqlite::Error::InvalidColumnType(idx, "choice".into(), rusqlite::types::Type::Text)
        }),
    }
}

/// Checks `input` and saves it as a new check-in.
pub fn insert(conn: &Connection, input: &CheckInInput, now: DateTime<Utc>) -> Result<CheckIn> {
    let c = check(input, now)?;
    atomically(conn, || {
        let id = write_row(conn, None, &c, [now, now], None)?;
        get(conn, id)
    })
}

/// Inserts a checked check-in with `id` (a new one when `None`), created and updated at
/// `times`, in the trash since `deleted_at` when set; returns its id.
fn write_row(
    conn: &Connection,
    id: Option<i64>,
    c: &Checked,
    [created_at, updated_at]: [DateTime<Utc>; 2],
    deleted_at: Option<DateTime<Utc>>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO check_in (id, taken_at, utc_offset, mood, closeness, worry, sleep_minutes,
                               supported, safety, note, in_report, created_at, updated_at,
                               deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        id,
        c.taken_at,
        c.utc_offset,
        c.mood,
        c.closeness,
        c.worry,
        c.sleep_minutes,
        c.supported,
        c.safety,
        c.note,
        c.in_report,
        created_at.timestamp(),
        updated_at.timestamp(),
        deleted_at.map(|t| t.timestamp())
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The check-in with `id`, whether live or in the trash.
pub fn get(conn: &Connection, id: i64) -> Result<CheckIn> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM check_in WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or(Error::CheckInNotFound { id })
}

/// Checks `input` and replaces every answer of the live check-in `id` with it; its creation
/// time is kept. Refused for a check-in in the trash.
pub fn update(
    conn: &Connection,
    id: i64,
    input: &CheckInInput,
    now: DateTime<Utc>,
) -> Result<CheckIn> {
    let c = check(input, now)?;
    atomically(conn, || {
        if get(conn, id)?.deleted_at.is_some() {
            return Err(Error::CheckInInTrash { id });
        }
        conn.prepare_cached(
            "UPDATE check_in SET taken_at = ?2, utc_offset = ?3, mood = ?4, closeness = ?5,
                    worry = ?6, sleep_minutes = ?7, supported = ?8, safety = ?9, note = ?10,
                    in_report = ?11, updated_at = ?12
              WHERE id = ?1",
        )?
        .execute(params![
            id,
            c.taken_at,
            c.utc_offset,
            c.mood,
            c.closeness,
            c.worry,
            c.sleep_minutes,
            c.supported,
            c.safety,
            c.note,
            c.in_report,
            now.timestamp()
        ])?;
        get(conn, id)
    })
}

/// Moves check-in `id` to the trash; it leaves every list at once. One already there keeps its
/// first deletion time.
pub fn soft_delete(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<CheckIn> {
    atomically(conn, || {
        conn.prepare_cached(
            "UPDATE check_in SET deleted_at = ?2, updated_at = ?2
              WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .execute(params![id, now.timestamp()])?;
        get(conn, id)
    })
}

/// Takes check-in `id` out of the trash, as it was. A live check-in is returned unchanged.
pub fn restore(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<CheckIn> {
    atomically(conn, || {
        conn.prepare_cached(
            "UPDATE check_in SET deleted_at = NULL, updated_at = ?2
              WHERE id = ?1 AND deleted_at IS NOT NULL",
        )?
        .execute(params![id, now.timestamp()])?;
        get(conn, id)
    })
}

/// The live check-ins from local day `from` to local day `to`, both included, in the order
/// they were taken (by local day, then instant): the Journal's timeline shows them beside
/// moments.
pub fn list_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>> {
    list_where(conn, from, to, "")
}

/// The live check-ins from local day `from` to local day `to` that the parent chose to share in
/// the report, in the same order as [`list_between`].
pub fn list_for_report(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>> {
    list_where(conn, from, to, "AND in_report = 1")
}

/// Every check-in in the trash, the most recently deleted first: the Trash screen lists them so
/// one can be brought back after its Undo has gone.
pub fn list_trashed(conn: &Connection) -> Result<Vec<CheckIn>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM check_in WHERE deleted_at IS NOT NULL
          ORDER BY deleted_at DESC, id DESC"
    ))?;
    let found = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

fn list_where(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    condition: &str,
) -> Result<Vec<CheckIn>> {
    if from > to {
        return Err(Error::RangeReversed { from, to });
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM check_in
          WHERE deleted_at IS NULL AND local_date BETWEEN ?1 AND ?2 {condition}
          ORDER BY local_date, taken_at, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let found = stmt
        .query_map([date_key(from), date_key(to)], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// Whether the check-ins show a stretch of low mood in the two weeks ending `today`: a prompt
/// for the UI to suggest, gently, talking to someone (the care team, a GP, a helpline). It is
/// never a diagnosis, a score or a test, and the UI must not present it as one.
///
/// The rule, exactly:
/// 1. The window is the [`LOW_MOOD_WINDOW_DAYS`] (14) local days ending with `today`, both
///    ends included (`today − 13` to `today`). Check-ins on other days, in the trash, or
///    without a mood answer are not read.
/// 2. A day is *answered* when at least one check-in on it has a mood answer. Its mood is the
///    lowest answered that day, so one hard moment is not hidden by a later, better one.
/// 3. A day is *low* when its mood is [`LOW_MOOD_AT_MOST`] (2) or less.
/// 4. The result is true when at least [`LOW_MOOD_MIN_DAYS_ANSWERED`] (10) days are answered,
///    at least [`LOW_MOOD_MIN_LOW_DAYS`] (8) are low, and low days are more than half of the
///    answered days. With 14 days at most, 8 low days are always more than half; the third
///    condition keeps the rule's meaning if the numbers change.
///
/// So a weekly check-in never triggers it (two days at most), and neither do seven low days
/// out of fourteen.
pub fn low_mood_stretch(check_ins: &[CheckIn], today: NaiveDate) -> bool {
    let first = today
        .checked_sub_days(Days::new(LOW_MOOD_WINDOW_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let mut lowest: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    let in_window = check_ins
        .iter()
        .filter(|c| c.deleted_at.is_none() && (first..=today).contains(&c.local_date));
    for check_in in in_window {
        if let Some(mood) = check_in.mood {
            let day = lowest.entry(check_in.local_date).or_insert(mood);
            *day = (*day).min(mood);
        }
    }
    let answered = lowest.len();
    let low = lowest.values().filter(|m| **m <= LOW_MOOD_AT_MOST).count();
    answered >= LOW_MOOD_MIN_DAYS_ANSWERED && low >= LOW_MOOD_MIN_LOW_DAYS && low * 2 > answered
}

/// [`low_mood_stretch`] over the journal's live check-ins of the window ending `today`.
pub fn low_mood_stretch_in(conn: &Connection, today: NaiveDate) -> Result<bool> {
    let first = today
        .checked_sub_days(Days::new(LOW_MOOD_WINDOW_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    Ok(low_mood_stretch(&list_between(conn, first, today)?, today))
}

/// Every check-in, live and in the trash, by id: what the complete JSON export of the journal
/// holds.
pub fn list_all(conn: &Connection) -> Result<Vec<CheckIn>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM check_in ORDER BY id"))?;
    let found = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// Writes check-in `id` back exactly as a complete export recorded it: the journal's import
/// uses this to restore a backup, keeping the id and the `created_at`, `updated_at` and
/// `deleted_at` times (`deleted_at` set puts it in the trash).
///
/// `input` is checked and cleaned exactly as [`insert`] checks it, at `now` (the time of the
/// restore), so a row that breaks a rule is refused with the same error and nothing is
/// written. An id that is already taken is refused by the table.
pub fn restore_row(
    conn: &Connection,
    id: i64,
    input: &CheckInInput,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    deleted_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<CheckIn> {
    let c = check(input, now)?;
    atomically(conn, || {
        write_row(conn, Some(id), &c, [created_at, updated_at], deleted_at)?;
        get(conn, id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, now};

    fn input(taken_at: &str) -> CheckInInput {
        CheckInInput {
            taken_at: at(taken_at),
            ..CheckInInput::default()
        }
    }

    #[test]
    fn every_answer_may_be_skipped() {
        let checked = check(&input("2024-05-01T08:00:00Z"), now()).expect("accepted");
        assert_eq!(
            (checked.mood, checked.sleep_minutes, checked.safety),
            (None, None, None)
        );
        assert_eq!(checked.note, None);
    }

    #[test]
    fn ratings_of_one_to_five_pass_and_nothing_else_does() {
        for value in -10..=10 {
            let mut m = input("2024-05-01T08:00:00Z");
            (m.mood, m.closeness, m.worry) = (Some(value), Some(value), Some(value));
            let result = check(&m, now());
            assert_eq!(result.is_ok(), (1..=5).contains(&value), "{value}");
        }
    }

    #[test]
    fn sleep_passes_in_quarter_hours_from_none_to_a_whole_day_and_nothing_else_does() {
        for minutes in -30..=1500 {
            let mut m = input("2024-05-01T08:00:00Z");
            m.sleep_minutes = Some(minutes);
            let accepted = (0..=1440).contains(&minutes) && minutes % 15 == 0;
            assert_eq!(check(&m, now()).is_ok(), accepted, "{minutes}");
        }
        let mut m = input("2024-05-01T08:00:00Z");
        m.sleep_minutes = Some(i64::MIN);
        assert!(matches!(
            check(&m, now()),
            Err(Error::SleepOutOfRange { minutes: i64::MIN })
        ));
    }

    #[test]
    fn a_note_of_only_control_characters_is_no_note() {
        let mut m = input("2024-05-01T08:00:00Z");
        m.note = Some("\u{0}\u{7}".into());
        assert_eq!(check(&m, now()).expect("accepted").note, None);
    }

    #[test]
    fn stored_choices_read_back_as_the_answers_they_name() {
        for s in [Supported::Yes, Supported::Somewhat, Supported::No] {
            assert_eq!(Supported::parse(s.as_str()), Some(s));
            let json = serde_json::to_value(s).expect("serializes");
            assert_eq!(json, s.as_str());
        }
        for s in [
            SafetyAnswer::No,
            SafetyAnswer::UnwantedThoughts,
            SafetyAnswer::MightAct,
            SafetyAnswer::PreferNot,
        ] {
            assert_eq!(SafetyAnswer::parse(s.as_str()), Some(s));
            let json = serde_json::to_value(s).expect("serializes");
            assert_eq!(json, s.as_str());
        }
        assert_eq!(SafetyAnswer::parse("maybe"), None);
    }
}
