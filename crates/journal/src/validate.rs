//! Checking a moment before anything is written: first on its own (times, ratings, text), then
//! against the journal (kind, detail, baby). A failure returns the first problem found and
//! writes nothing.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::Connection;

use crate::moment::{MomentInput, Who};
use crate::time::{self, FUTURE_ALLOWANCE, MAX_DURATION};
use crate::{baby, clean, kind, words};
use crate::{Error, Result};

/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 100_000;
/// The longest caregiver's name, in characters.
pub const MAX_CAREGIVER_CHARS: usize = 60;

/// A moment that passed every check that needs no database, cleaned and ready to store.
#[derive(Clone)]
pub(crate) struct Checked {
    pub(crate) kind_id: String,
    pub(crate) detail: Option<String>,
    pub(crate) started_at: i64,
    pub(crate) utc_offset: i64,
    pub(crate) ended_at: Option<i64>,
    pub(crate) baby_id: Option<i64>,
    pub(crate) who: &'static str,
    pub(crate) caregiver: Option<String>,
    pub(crate) connection: Option<i64>,
    pub(crate) energy: Option<i64>,
    pub(crate) feelings: Vec<String>,
    pub(crate) note: String,
    pub(crate) private: bool,
    pub(crate) tags: Vec<String>,
}

/// Checks and cleans everything about `input` that needs no database.
pub(crate) fn check(input: &MomentInput, now: DateTime<Utc>) -> Result<Checked> {
    check_times(input.started_at, input.ended_at, now)?;
    time::offset(input.utc_offset_seconds)?;
    let (who, caregiver) = check_who(&input.who)?;
    Ok(Checked {
        kind_id: clean::short_text(&input.kind_id),
        detail: input
            .detail
            .as_deref()
            .map(clean::short_text)
            .filter(|d| !d.is_empty()),
        started_at: input.started_at.timestamp(),
        utc_offset: input.utc_offset_seconds,
        ended_at: input.ended_at.map(|end| end.timestamp()),
        baby_id: input.baby_id,
        who,
        caregiver,
        connection: rating(input.connection, |value| Error::ConnectionOutOfRange {
            value,
        })?,
        energy: rating(input.energy, |value| Error::EnergyOutOfRange { value })?,
        feelings: words::feeling_words(&input.feelings)?,
        note: check_note(&input.note)?,
        private: input.private,
        tags: words::tags(&input.tags)?,
    })
}

/// Checks the kind, its detail and the baby against the journal. `keep_baby` is the baby the
/// moment already has (or its timer had), which stays allowed even once archived.
pub(crate) fn check_references(
    conn: &Connection,
    checked: &Checked,
    keep_baby: Option<i64>,
) -> Result<()> {
    kind::check_detail(conn, &checked.kind_id, checked.detail.as_deref())?;
    match checked.baby_id {
        Some(id) => baby::check_choosable(conn, id, keep_baby),
        None => Ok(()),
    }
}

/// The earliest start accepted: 2000-01-01T00:00:00Z.
fn earliest() -> DateTime<Utc> {
    Utc.timestamp_opt(946_684_800, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

fn check_times(start: DateTime<Utc>, end: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Result<()> {
    let latest = now + FUTURE_ALLOWANCE;
    if start < earliest() {
        return Err(Error::StartTooEarly);
    }
    if start > latest {
        return Err(Error::StartInFuture);
    }
    match end {
        Some(end) if end < start => Err(Error::EndBeforeStart),
        Some(end) if end > latest => Err(Error::EndInFuture),
        Some(end) if end - start > MAX_DURATION => Err(Error::TooLong),
        _ => Ok(()),
    }
}

fn check_who(who: &Who) -> Result<(&'static str, Option<String>)> {
    match who {
        Who::Me => Ok(("me", None)),
        Who::Partner => Ok(("partner", None)),
        Who::Caregiver(raw) => {
            let name = clean::short_text(raw);
            match clean::chars(&name) {
                0 => Err(Error::CaregiverNameEmpty),
                n if n > MAX_CAREGIVER_CHARS => Err(Error::CaregiverNameTooLong { chars: n }),
                _ => Ok(("caregiver", Some(name))),
            }
        }
    }
}

fn rating(value: Option<i64>, out_of_range: impl Fn(i64) -> Error) -> Result<Option<i64>> {
    match value {
        Some(v) if !(1..=5).contains(&v) => Err(out_of_range(v)),
        other => Ok(other),
    }
}

fn check_note(raw: &str) -> Result<String> {
    let note = clean::note_text(raw);
    check_note_length(&note)?;
    Ok(note)
}

/// Refuses a note longer than [`MAX_NOTE_CHARS`] characters.
pub(crate) fn check_note_length(note: &str) -> Result<()> {
    match clean::chars(note) {
        n if n > MAX_NOTE_CHARS => Err(Error::NoteTooLong { chars: n }),
        _ => Ok(()),
    }
}
