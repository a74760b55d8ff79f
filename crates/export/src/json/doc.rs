//! The document's types, one per table, with the exact field names of `docs/export-json.md`.
//!
//! Instants are RFC 3339 in UTC to the second (as the journal stores them); dates are
//! `YYYY-MM-DD`. Unknown fields are refused rather than dropped, so a document is never
//! imported with part of it silently lost.

use chrono::{DateTime, NaiveDate, Utc};
use nestling_journal::{Role, SafetyAnswer, Supported, Who};
use serde::{Deserialize, Serialize};

use crate::report::Include;

/// The value of the `format` field.
pub const FORMAT: &str = "nestling-journal";
/// The newest version of the document this code writes and reads. Version 2 added `checkIns`
/// and `careTeam`; a version 1 document (without them) still restores.
pub const VERSION: u64 = 2;

/// A whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Document {
    pub(crate) format: String,
    pub(crate) version: u64,
    pub(crate) exported_at: DateTime<Utc>,
    pub(crate) scope: DocScope,
    /// For a selection: the range and parts shared. Absent for the complete journal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) shared: Option<Shared>,
    pub(crate) babies: Vec<BabyRecord>,
    pub(crate) kinds: Vec<KindRecord>,
    pub(crate) feeling_words: Vec<WordRecord>,
    pub(crate) moments: Vec<MomentRecord>,
    pub(crate) timers: Vec<TimerRecord>,
    /// Absent from version 1 documents, which restore with no check-ins.
    #[serde(default)]
    pub(crate) check_ins: Vec<CheckInRecord>,
    /// The complete journal only: never written in a selection, and absent from version 1
    /// documents, which restore with no care team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) care_team: Option<Vec<ContactRecord>>,
}

/// Whether a document is the complete journal or a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum DocScope {
    Everything,
    Selection,
}

/// What a selection shared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Shared {
    pub(crate) first_day: NaiveDate,
    pub(crate) last_day: NaiveDate,
    pub(crate) include: Include,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct BabyRecord {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) birth_date: Option<NaiveDate>,
    pub(crate) archived_at: Option<DateTime<Utc>>,
    pub(crate) created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct KindRecord {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) emoji: String,
    pub(crate) timed: bool,
    pub(crate) built_in: bool,
    pub(crate) hidden: bool,
    pub(crate) position: i64,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) details: Vec<DetailRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct DetailRecord {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) position: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct WordRecord {
    pub(crate) word: String,
    pub(crate) position: i64,
    pub(crate) created_at: DateTime<Utc>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct MomentRecord {
    pub(crate) id: i64,
    pub(crate) kind_id: String,
    pub(crate) detail: Option<String>,
    pub(crate) started_at: DateTime<Utc>,
    pub(crate) utc_offset_seconds: i64,
    pub(crate) ended_at: Option<DateTime<Utc>>,
    pub(crate) baby_id: Option<i64>,
    pub(crate) who: Who,
    pub(crate) connection: Option<i64>,
    pub(crate) energy: Option<i64>,
    pub(crate) feelings: Vec<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) note: String,
    pub(crate) private: bool,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
    pub(crate) deleted_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for MomentRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MomentRecord")
            .field("id", &self.id)
            .field("kind_id", &self.kind_id)
            .field("started_at", &self.started_at)
            .field("note_chars", &self.note.chars().count())
            .field("private", &self.private)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct TimerRecord {
    pub(crate) id: i64,
    pub(crate) kind_id: String,
    pub(crate) detail: Option<String>,
    pub(crate) baby_id: Option<i64>,
    pub(crate) who: Who,
    pub(crate) started_at: DateTime<Utc>,
    pub(crate) utc_offset_seconds: i64,
}

#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct CheckInRecord {
    pub(crate) id: i64,
    pub(crate) taken_at: DateTime<Utc>,
    pub(crate) utc_offset_seconds: i64,
    pub(crate) mood: Option<i64>,
    pub(crate) closeness: Option<i64>,
    pub(crate) worry: Option<i64>,
    pub(crate) sleep_minutes: Option<i64>,
    pub(crate) supported: Option<Supported>,
    /// Left out when unanswered, and always left out of a selection: the safety answer never
    /// leaves for a therapist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) safety: Option<SafetyAnswer>,
    pub(crate) note: Option<String>,
    pub(crate) in_report: bool,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
    pub(crate) deleted_at: Option<DateTime<Utc>>,
}

/// The note and the safety answer are the parent's most private words: only whether there
/// is one.
impl std::fmt::Debug for CheckInRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckInRecord")
            .field("id", &self.id)
            .field("taken_at", &self.taken_at)
            .field("safety_answered", &self.safety.is_some())
            .field("note_chars", &self.note.as_ref().map(|n| n.chars().count()))
            .field("in_report", &self.in_report)
            .finish_non_exhaustive()
    }
}

#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ContactRecord {
    pub(crate) id: i64,
    pub(crate) role: Role,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) phone: String,
    #[serde(default)]
    pub(crate) notes: String,
    pub(crate) position: i64,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

/// Names, numbers and notes stay out of logs and panics.
impl std::fmt::Debug for ContactRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContactRecord")
            .field("id", &self.id)
            .field("role", &self.role)
            .field("position", &self.position)
            .finish_non_exhaustive()
    }
}
