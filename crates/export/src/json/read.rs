//! The journal's records as a [`Document`], whole or limited to a selection.
//!
//! The journal dumps its rows ([`records::dump`]); this module only maps them to the
//! document's types and, for a selection, leaves out what the report does not share.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use nestling_journal::records::{self, Records};
use nestling_journal::{check_in, CheckIn};
use rusqlite::Connection;

use super::doc::{CheckInRecord, DocScope, Document, MomentRecord, Shared, FORMAT, VERSION};
use super::map;
use crate::build::included;
use crate::report::Include;
use crate::selection::{Resolved, Selection};
use crate::Result;

/// The complete journal.
pub(super) fn everything(conn: &Connection, now: DateTime<Utc>) -> Result<Document> {
    let r = records::dump(conn)?;
    Ok(Document {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        scope: DocScope::Everything,
        shared: None,
        babies: r.babies.iter().map(map::baby).collect(),
        kinds: r.kinds.iter().map(map::kind).collect(),
        feeling_words: r.feeling_words.iter().map(map::word).collect(),
        moments: r.moments.iter().map(map::moment).collect(),
        timers: r.timers.iter().map(map::timer).collect(),
        check_ins: r.check_ins.iter().map(map::check_in).collect(),
        care_team: Some(r.care_team.iter().map(map::contact).collect()),
    })
}

/// The moments of the report `selection` describes, and what they refer to.
pub(super) fn selection(
    conn: &Connection,
    selection: &Selection,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Document> {
    let sel = selection.resolve(today)?;
    let chosen = included(conn, &sel)?;
    let ids: HashSet<i64> = chosen.iter().map(|m| m.id).collect();
    // A partner's moment goes with its care only, as in the report.
    let partners: HashSet<i64> = chosen
        .iter()
        .filter(|m| m.from_partner)
        .map(|m| m.id)
        .collect();
    let care_only = Include {
        notes: false,
        feelings: false,
        ratings: false,
        ..sel.include
    };
    let Records {
        babies,
        kinds,
        feeling_words,
        moments,
        ..
    } = records::dump(conn)?;
    let moments: Vec<MomentRecord> = moments
        .iter()
        .map(map::moment)
        .filter(|m| ids.contains(&m.id) && !m.private && m.deleted_at.is_none())
        .map(|m| match partners.contains(&m.id) {
            true => blanked(m, care_only),
            false => blanked(m, sel.include),
        })
        .collect();
    let baby_ids: HashSet<i64> = moments.iter().filter_map(|m| m.baby_id).collect();
    let kind_ids: HashSet<&str> = moments.iter().map(|m| m.kind_id.as_str()).collect();
    let words: HashSet<&str> = moments
        .iter()
        .flat_map(|m| m.feelings.iter().map(String::as_str))
        .collect();
    Ok(Document {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        scope: DocScope::Selection,
        shared: Some(Shared {
            first_day: sel.first,
            last_day: sel.last,
            include: sel.include,
        }),
        babies: babies
            .iter()
            .filter(|b| baby_ids.contains(&b.id))
            .map(map::baby)
            .collect(),
        kinds: kinds
            .iter()
            .filter(|k| kind_ids.contains(k.id.as_str()))
            .map(map::kind)
            .collect(),
        feeling_words: feeling_words
            .iter()
            .filter(|w| words.contains(w.word.as_str()))
            .map(map::word)
            .collect(),
        moments,
        timers: Vec::new(),
        check_ins: shared_check_ins(conn, &sel)?,
        care_team: None,
    })
}

/// A moment with the parts the parent did not share left empty. Tags are never shared: the
/// report the parent previews does not show them.
fn blanked(mut m: MomentRecord, include: Include) -> MomentRecord {
    m.tags.clear();
    if !include.notes {
        m.note.clear();
    }
    if !include.feelings {
        m.feelings.clear();
    }
    if !include.ratings {
        (m.connection, m.energy) = (None, None);
    }
    m
}

/// The live check-ins in the range that the parent marked for the report, when the report
/// shares check-ins: never the safety answer, and the note only when notes are shared.
fn shared_check_ins(conn: &Connection, sel: &Resolved) -> Result<Vec<CheckInRecord>> {
    if !sel.include.check_ins {
        return Ok(Vec::new());
    }
    let shared = check_in::list_for_report(conn, sel.first, sel.last)?;
    Ok(shared
        .iter()
        .map(|c| CheckInRecord {
            safety: None,
            note: c.note.clone().filter(|_| sel.include.notes),
            ..check_in_record(c)
        })
        .collect())
}

fn check_in_record(c: &CheckIn) -> CheckInRecord {
    map::check_in(&c.into())
}
