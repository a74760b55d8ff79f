//! The journal as a versioned JSON document: the complete journal (a backup the parent keeps)
//! or the part a report shares, and restoring a complete journal from it.
//!
//! The format is documented field by field in `docs/export-json.md`. The document mirrors the
//! journal's tables rather than the UI's shapes, so a restore puts back exactly what was there:
//! the same ids, instants to the second, offsets, private flags, trash, positions and text.

mod doc;
mod map;
mod read;
mod restore;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

pub use doc::{FORMAT, VERSION};
pub use restore::{import_json, preview_json, restore_json, ImportSummary, RestorePreview};

use crate::selection::Selection;
use crate::{Error, Result};

/// What a JSON export holds.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The complete journal: every baby, kind, feeling word, moment (private ones and the
    /// trash included), running timer, check-in (the trash and safety answers included) and
    /// care-team contact.
    Everything,
    /// Only the moments of the report this selection describes (never private ones), with
    /// the parts the parent did not share left empty, and the babies, kinds and feeling words
    /// they use; the live check-ins in the range the parent marked for the report, without
    /// their safety answer; never the care team. `NaiveDate` is the parent's local date today.
    Selection(&'a Selection, NaiveDate),
}

/// The journal, or the part of it `scope` covers, as a pretty-printed JSON document.
/// `now` is written as `exportedAt`.
pub fn journal_json(conn: &Connection, scope: Scope<'_>, now: DateTime<Utc>) -> Result<String> {
    let document = match scope {
        Scope::Everything => read::everything(conn, now)?,
        Scope::Selection(selection, today) => read::selection(conn, selection, today, now)?,
    };
    serde_json::to_string_pretty(&document).map_err(|_| Error::JsonWrite)
}
