//! Restoring a journal from its JSON document: into an empty journal, keeping every id, or
//! merged into the journal in use, skipping what it already holds.
//!
//! Parse, then map, then let the journal write: the document is parsed (a syntax error is
//! reported with its line and column, a wrong field with its path too), its version is checked
//! before anything else so a newer document is refused with a request to update, and its
//! records are handed to the journal's [`records`] module, which checks every one with the
//! journal's own rules and limits and writes them all in one savepoint, or nothing. How a
//! merge recognises a duplicate is described there. This module holds no SQL and no limit of
//! its own; it only says where in the document a refused record is.

use chrono::{DateTime, Utc};
use nestling_journal::records::{self, Counts, Mode, Restored, Table};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::doc::{Document, FORMAT, VERSION};
use super::map;
use crate::error::Place;
use crate::{Error, Result};

/// What an import restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Babies restored.
    pub babies: u32,
    /// Kinds of the parent's own restored.
    pub custom_kinds: u32,
    /// Feeling words of the parent's own restored.
    pub feeling_words: u32,
    /// Moments restored (private ones and the trash included).
    pub moments: u32,
    /// Of those, how many are private.
    pub private_moments: u32,
    /// Of those, how many are in the trash.
    pub in_trash: u32,
    /// Running timers restored.
    pub timers: u32,
    /// Check-ins restored (the trash included).
    pub check_ins: u32,
    /// Care-team contacts restored.
    pub care_contacts: u32,
    /// When the document was exported.
    pub exported_at: DateTime<Utc>,
}

/// Restores the journal in `json` into `conn`, which must hold no moments, babies, timers,
/// check-ins, care-team contacts, or kinds or feeling words of the parent's own. `now` is when
/// the import happens: the journal checks each record against it (none may lie in the future)
/// as it would a new entry; every restored time comes from the document.
pub fn import_json(conn: &Connection, json: &str, now: DateTime<Utc>) -> Result<ImportSummary> {
    let doc = read(json)?;
    write(conn, &doc, Mode::Empty, now)?;
    Ok(summary(&doc))
}

/// What a document holds, and what restoring it into this journal would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestorePreview {
    /// What the document holds (kinds: the parent's own only).
    pub in_file: Counts,
    /// Of those, how many the journal already holds (none when it is empty).
    pub duplicates: Counts,
    /// Whether the journal holds nothing of the parent's own, so the document can be restored
    /// exactly, ids and all; otherwise it can only be merged.
    pub journal_empty: bool,
    /// When the document was exported.
    pub exported_at: DateTime<Utc>,
}

/// Reads `json` and checks it against this journal as a restore would, writing nothing.
pub fn preview_json(conn: &Connection, json: &str, now: DateTime<Utc>) -> Result<RestorePreview> {
    let doc = read(json)?;
    let seen = records::preview(conn, &map::records(&doc), now).map_err(refused)?;
    Ok(RestorePreview {
        in_file: in_file(&doc),
        duplicates: seen.duplicates,
        journal_empty: seen.journal_was_empty,
        exported_at: doc.exported_at,
    })
}

/// Restores `json` into `conn` in `mode` (see [`records`] for what a merge skips), all of it
/// or, on any refusal, nothing.
pub fn restore_json(
    conn: &Connection,
    json: &str,
    mode: Mode,
    now: DateTime<Utc>,
) -> Result<Restored> {
    let doc = read(json)?;
    write(conn, &doc, mode, now)
}

fn read(json: &str) -> Result<Document> {
    check_header(json)?;
    parse(json)
}

fn write(conn: &Connection, doc: &Document, mode: Mode, now: DateTime<Utc>) -> Result<Restored> {
    records::restore(conn, &map::records(doc), mode, now).map_err(refused)
}

/// The journal's refusal, told in the document's terms: where the record is, for the tables
/// that say so; check-ins and contacts, and anything else, as the journal's own error.
fn refused(err: nestling_journal::Error) -> Error {
    use nestling_journal::Error as J;
    match err {
        J::JournalNotEmpty {
            moments,
            babies,
            other,
        } => Error::JournalNotEmpty {
            moments,
            babies,
            other,
        },
        J::RecordRefused { table, index, rule } => match list_name(table) {
            Some(list) => Error::InvalidValue {
                path: Place::refused(path(list, index, table, &rule), *rule),
            },
            None => Error::Journal(*rule),
        },
        other => Error::Journal(other),
    }
}

fn list_name(table: Table) -> Option<&'static str> {
    match table {
        Table::Babies => Some("babies"),
        Table::Kinds => Some("kinds"),
        Table::FeelingWords => Some("feelingWords"),
        Table::Moments => Some("moments"),
        Table::Timers => Some("timers"),
        Table::CheckIns | Table::CareTeam => None,
    }
}

/// `list[index].field`, the field named after the rule broken.
fn path(list: &str, index: usize, table: Table, rule: &nestling_journal::Error) -> String {
    match field(table, rule) {
        "" => format!("{list}[{index}]"),
        field => format!("{list}[{index}].{field}"),
    }
}

/// The document's name of the field a journal rule is about.
fn field(table: Table, rule: &nestling_journal::Error) -> &'static str {
    use nestling_journal::Error as J;
    match (table, rule) {
        (Table::Kinds, J::UnknownKind { .. } | J::BuiltInKindChanged { .. }) => "id",
        (_, J::KindNameEmpty | J::KindNameTooLong { .. } | J::KindNameTaken { .. }) => "name",
        (_, J::BabyNameEmpty | J::BabyNameTooLong { .. }) => "name",
        (_, J::EmojiInvalid { .. }) => "emoji",
        (Table::FeelingWords, _) => "word",
        (_, J::UnknownKind { .. } | J::TimerAlreadyRunning { .. }) => "kindId",
        (_, J::UnknownDetail { .. }) => "detail",
        (_, J::UnknownBaby { .. } | J::ArchivedBaby { .. }) => "babyId",
        (_, J::StartInFuture | J::StartTooEarly) => "startedAt",
        (_, J::EndBeforeStart | J::EndInFuture | J::TooLong) => "endedAt",
        (_, J::OffsetOutOfRange { .. }) => "utcOffsetSeconds",
        (_, J::ConnectionOutOfRange { .. }) => "connection",
        (_, J::EnergyOutOfRange { .. }) => "energy",
        (_, J::NoteTooLong { .. }) => "note",
        (_, J::FeelingWordEmpty | J::FeelingWordTooLong { .. } | J::TooManyFeelings { .. }) => {
            "feelings"
        }
        (_, J::TagEmpty | J::TagTooLong { .. } | J::TagHasComma | J::TooManyTags { .. }) => "tags",
        (_, J::CaregiverNameEmpty | J::CaregiverNameTooLong { .. }) => "who.caregiver",
        _ => "",
    }
}

/// The two fields read before anything else, whatever the rest of the document holds.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

fn check_header(json: &str) -> Result<()> {
    let header: Header = serde_json::from_str(json).map_err(|e| located(&e))?;
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Error::NotAJournal);
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(found) if found > VERSION => Err(Error::TooNew {
            found,
            supported: VERSION,
        }),
        Some(found) if found >= 1 => Ok(()),
        _ => Err(Error::InvalidValue {
            path: Place::from("version"),
        }),
    }
}

/// A syntax error at its place; serde's own message is never kept (it may quote note text).
fn located(e: &serde_json::Error) -> Error {
    Error::Malformed {
        line: e.line(),
        column: e.column(),
    }
}

fn parse(json: &str) -> Result<Document> {
    let mut de = serde_json::Deserializer::from_str(json);
    let doc: Document = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        match inner.classify() {
            serde_json::error::Category::Data => Error::BadField {
                path: e.path().to_string(),
                line: inner.line(),
                column: inner.column(),
            },
            _ => located(inner),
        }
    })?;
    de.end().map_err(|e| located(&e))?;
    Ok(doc)
}

/// What the document holds, counted as a restore counts it.
fn in_file(doc: &Document) -> Counts {
    Counts {
        babies: count(doc.babies.len()),
        kinds: count(doc.kinds.iter().filter(|k| !k.built_in).count()),
        moments: count(doc.moments.len()),
        timers: count(doc.timers.len()),
        check_ins: count(doc.check_ins.len()),
        contacts: count(doc.care_team.as_ref().map_or(0, Vec::len)),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn summary(doc: &Document) -> ImportSummary {
    ImportSummary {
        babies: count(doc.babies.len()),
        custom_kinds: count(doc.kinds.iter().filter(|k| !k.built_in).count()),
        feeling_words: count(doc.feeling_words.len()),
        moments: count(doc.moments.len()),
        private_moments: count(doc.moments.iter().filter(|m| m.private).count()),
        in_trash: count(
            doc.moments
                .iter()
                .filter(|m| m.deleted_at.is_some())
                .count(),
        ),
        timers: count(doc.timers.len()),
        check_ins: count(doc.check_ins.len()),
        care_contacts: count(doc.care_team.as_ref().map_or(0, Vec::len)),
        exported_at: doc.exported_at,
    }
}
