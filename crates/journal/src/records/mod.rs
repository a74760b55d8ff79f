//! Every row of a journal as plain records, and putting records back: what a complete backup
//! of the journal holds, whatever file format carries it.
//!
//! [`dump`] reads every baby, kind, feeling word of the parent's own, moment (private ones and
//! the trash included), running timer, check-in and care-team contact, with the ids, positions
//! and times stored. [`restore`] writes records back through the journal's own checks and
//! limits — a record is refused exactly as the same entry typed into the app would be — in one
//! savepoint, so a refusal writes nothing. [`preview`] tells what a restore would do without
//! keeping anything. Formats (the JSON document, its field names and versions) belong to the
//! export crate, which maps its documents to and from these records.
//!
//! # Two ways to restore
//! - [`Mode::Empty`]: into a journal with nothing of the parent's own, keeping every id, so the
//!   journal comes back exactly as it was dumped.
//! - [`Mode::Merge`]: into a journal already in use. Records get new ids and are matched with
//!   what is already there; a match is not written twice and is counted as a duplicate:
//!   - a **baby** matches one with the same name (ignoring case) and birth date;
//!   - a **kind** of the parent's own matches one with the same name (ignoring case); built-in
//!     kinds are the same everywhere, and a merge leaves which ones are hidden as they are;
//!   - a **moment** is a duplicate when one of the same kind, starting at the same instant (to
//!     the second), with the same baby (after matching babies) and the same note already
//!     exists, in the trash or not;
//!   - a **timer** is not added when one of the same kind for the same baby is running;
//!   - a **check-in** is a duplicate when one taken at the same instant exists;
//!   - a **contact** is a duplicate when one with the same role, name (ignoring case) and
//!     phone exists.

mod dump;
mod restore;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{CheckIn, CheckInInput, ContactInput, MomentInput, Who};

pub use dump::dump;
pub use restore::{preview, restore};

/// Every row of a journal, each table in its stored order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Records {
    /// Every baby, archived ones included, by id.
    pub babies: Vec<BabyRecord>,
    /// Every kind, built-in and the parent's own, by position.
    pub kinds: Vec<KindRecord>,
    /// The feeling words the parent added (built-in words are in every journal).
    pub feeling_words: Vec<WordRecord>,
    /// Every moment, private ones and the trash included, by id.
    pub moments: Vec<MomentRecord>,
    /// Every running timer, by id.
    pub timers: Vec<TimerRecord>,
    /// Every check-in, the trash included, by id.
    pub check_ins: Vec<CheckInRecord>,
    /// The care team, in the parent's order.
    pub care_team: Vec<ContactRecord>,
}

/// Which table a record belongs to, for saying which one a restore refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// [`Records::babies`].
    Babies,
    /// [`Records::kinds`].
    Kinds,
    /// [`Records::feeling_words`].
    FeelingWords,
    /// [`Records::moments`].
    Moments,
    /// [`Records::timers`].
    Timers,
    /// [`Records::check_ins`].
    CheckIns,
    /// [`Records::care_team`].
    CareTeam,
}

/// How a restore treats the journal it writes into. In JSON: `"empty"` or `"merge"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// Only into a journal with nothing of the parent's own, keeping every id.
    Empty,
    /// Into the journal as it is, with new ids, skipping what is already there.
    Merge,
}

/// A baby as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct BabyRecord {
    /// Its id.
    pub id: i64,
    /// Name or nickname.
    pub name: String,
    /// Date of birth, if given.
    pub birth_date: Option<NaiveDate>,
    /// When the profile was archived, if it is.
    pub archived_at: Option<DateTime<Utc>>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// A kind of moment as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct KindRecord {
    /// Its id (`feeding`, `custom_1`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Emoji or short symbol.
    pub emoji: String,
    /// Whether a timer is offered first.
    pub timed: bool,
    /// Whether it ships with Nestling.
    pub built_in: bool,
    /// Whether the parent hid it.
    pub hidden: bool,
    /// Its place in the list of kinds.
    pub position: i64,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// Its details, in order.
    pub details: Vec<DetailRecord>,
}

/// One detail of a kind as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailRecord {
    /// Its id (`breast_left`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its place among the kind's details.
    pub position: i64,
}

/// A feeling word of the parent's own as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct WordRecord {
    /// The word, lower-case.
    pub word: String,
    /// Its place in the list of words.
    pub position: i64,
    /// When it was first used or added.
    pub created_at: DateTime<Utc>,
}

/// A moment as stored: what the parent entered, its id and its times.
#[derive(Clone, PartialEq)]
pub struct MomentRecord {
    /// Its id.
    pub id: i64,
    /// Everything the parent entered (its `Debug` redacts the note).
    pub moment: MomentInput,
    /// When it was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
    /// When it went to the trash, if it is there.
    pub deleted_at: Option<DateTime<Utc>>,
}

impl fmt::Debug for MomentRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MomentRecord")
            .field("id", &self.id)
            .field("moment", &self.moment)
            .field("deleted_at", &self.deleted_at)
            .finish_non_exhaustive()
    }
}

/// A running timer as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct TimerRecord {
    /// Its id.
    pub id: i64,
    /// Its kind.
    pub kind_id: String,
    /// The kind's detail, if any.
    pub detail: Option<String>,
    /// The baby, if any.
    pub baby_id: Option<i64>,
    /// Who is giving the care.
    pub who: Who,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// The offset it was started in, seconds east of UTC.
    pub utc_offset_seconds: i64,
}

/// A check-in as stored: the answers, its id and its times.
#[derive(Clone, PartialEq)]
pub struct CheckInRecord {
    /// Its id.
    pub id: i64,
    /// The answers (the safety answer and note included).
    pub answers: CheckInInput,
    /// When it was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
    /// When it went to the trash, if it is there.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Only ids and times: the answers are the parent's most private words.
impl fmt::Debug for CheckInRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CheckInRecord")
            .field("id", &self.id)
            .field("taken_at", &self.answers.taken_at)
            .field("deleted_at", &self.deleted_at)
            .finish_non_exhaustive()
    }
}

impl From<&CheckIn> for CheckInRecord {
    fn from(c: &CheckIn) -> Self {
        Self {
            id: c.id,
            answers: CheckInInput {
                taken_at: c.taken_at,
                utc_offset_seconds: c.utc_offset_seconds.into(),
                mood: c.mood,
                closeness: c.closeness,
                worry: c.worry,
                sleep_minutes: c.sleep_minutes,
                supported: c.supported,
                safety: c.safety,
                note: c.note.clone(),
                in_report: c.in_report,
            },
            created_at: c.created_at,
            updated_at: c.updated_at,
            deleted_at: c.deleted_at,
        }
    }
}

/// A care-team contact as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRecord {
    /// Its id.
    pub id: i64,
    /// Role, name, phone and notes (its `Debug` shows only the role).
    pub contact: ContactInput,
    /// Its place in the parent's order.
    pub position: i64,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// How many records of each table a restore wrote, or found already in the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Babies.
    pub babies: u32,
    /// Kinds of the parent's own.
    pub kinds: u32,
    /// Moments, private ones and the trash included.
    pub moments: u32,
    /// Running timers.
    pub timers: u32,
    /// Check-ins, the trash included.
    pub check_ins: u32,
    /// Care-team contacts.
    pub contacts: u32,
}

/// What a restore did (or, from [`preview`], would do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// Whether the journal held nothing of the parent's own before.
    pub journal_was_empty: bool,
    /// Records written.
    pub added: Counts,
    /// Records not written because the journal already holds them (a merge only).
    pub duplicates: Counts,
}
