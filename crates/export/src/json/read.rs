//! Reading the journal's tables into a [`Document`], whole or limited to a selection.
//!
//! Read-only SQL over the journal's schema (migration `0002_journal`), table by table, so the
//! document holds what is stored — positions, creation times and the trash included — and not
//! only what the journal's queries show.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use nestling_journal::moment::who_at;
use nestling_journal::{care_team, check_in, CheckIn};
use rusqlite::{Connection, Row};

use super::doc::{
    BabyRecord, CheckInRecord, ContactRecord, DetailRecord, DocScope, Document, KindRecord,
    MomentRecord, Shared, TimerRecord, WordRecord, FORMAT, VERSION,
};
use crate::build::included;
use crate::report::Include;
use crate::selection::{Resolved, Selection};
use crate::Result;

/// The complete journal.
pub(super) fn everything(conn: &Connection, now: DateTime<Utc>) -> Result<Document> {
    Ok(Document {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        scope: DocScope::Everything,
        shared: None,
        babies: babies(conn)?,
        kinds: kinds(conn)?,
        feeling_words: own_words(conn)?,
        moments: moments(conn)?,
        timers: timers(conn)?,
        check_ins: check_in::list_all(conn)?
            .iter()
            .map(check_in_record)
            .collect(),
        care_team: Some(contacts(conn)?),
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
    let ids: HashSet<i64> = included(conn, &sel)?.iter().map(|m| m.id).collect();
    let moments: Vec<MomentRecord> = moments(conn)?
        .into_iter()
        .filter(|m| ids.contains(&m.id) && !m.private && m.deleted_at.is_none())
        .map(|m| blanked(m, sel.include))
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
        babies: babies(conn)?
            .into_iter()
            .filter(|b| baby_ids.contains(&b.id))
            .collect(),
        kinds: kinds(conn)?
            .into_iter()
            .filter(|k| kind_ids.contains(k.id.as_str()))
            .collect(),
        feeling_words: own_words(conn)?
            .into_iter()
            .filter(|w| words.contains(w.word.as_str()))
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
    CheckInRecord {
        id: c.id,
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
        created_at: c.created_at,
        updated_at: c.updated_at,
        deleted_at: c.deleted_at,
    }
}

/// The care team in the parent's order, each with its stored position.
fn contacts(conn: &Connection) -> Result<Vec<ContactRecord>> {
    let listed = care_team::list_with_positions(conn)?;
    Ok(listed
        .into_iter()
        .map(|(c, position)| ContactRecord {
            id: c.id,
            role: c.role,
            name: c.name,
            phone: c.phone,
            notes: c.notes,
            position,
            created_at: c.created_at,
            updated_at: c.updated_at,
        })
        .collect())
}

fn instant(row: &Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let secs: i64 = row.get(idx)?;
    DateTime::from_timestamp(secs, 0).ok_or(rusqlite::Error::IntegralValueOutOfRange(idx, secs))
}

fn optional_instant(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<i64>>(idx)? {
        Some(_) => instant(row, idx).map(Some),
        None => Ok(None),
    }
}

fn optional_date(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    row.get::<_, Option<String>>(idx)?
        .map(|text| {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    idx,
                    rusqlite::types::Type::Text,
                    e.into(),
                )
            })
        })
        .transpose()
}

fn collect<T>(
    conn: &Connection,
    sql: &str,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], map)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn babies(conn: &Connection) -> Result<Vec<BabyRecord>> {
    collect(
        conn,
        "SELECT id, name, birth_date, archived_at, created_at FROM baby ORDER BY id",
        |row| {
            Ok(BabyRecord {
                id: row.get(0)?,
                name: row.get(1)?,
                birth_date: optional_date(row, 2)?,
                archived_at: optional_instant(row, 3)?,
                created_at: instant(row, 4)?,
            })
        },
    )
}

fn kinds(conn: &Connection) -> Result<Vec<KindRecord>> {
    let mut kinds = collect(
        conn,
        "SELECT id, name, emoji, timed, built_in, hidden, position, created_at
           FROM moment_kind ORDER BY position, id",
        |row| {
            Ok(KindRecord {
                id: row.get(0)?,
                name: row.get(1)?,
                emoji: row.get(2)?,
                timed: row.get(3)?,
                built_in: row.get(4)?,
                hidden: row.get(5)?,
                position: row.get(6)?,
                created_at: instant(row, 7)?,
                details: Vec::new(),
            })
        },
    )?;
    let details = collect(
        conn,
        "SELECT kind_id, id, name, position FROM moment_kind_detail ORDER BY kind_id, position, id",
        |row| {
            let detail = DetailRecord {
                id: row.get(1)?,
                name: row.get(2)?,
                position: row.get(3)?,
            };
            Ok((row.get::<_, String>(0)?, detail))
        },
    )?;
    for (kind_id, detail) in details {
        if let Some(kind) = kinds.iter_mut().find(|k| k.id == kind_id) {
            kind.details.push(detail);
        }
    }
    Ok(kinds)
}

fn own_words(conn: &Connection) -> Result<Vec<WordRecord>> {
    collect(
        conn,
        "SELECT word, position, created_at FROM feeling_word WHERE built_in = 0
          ORDER BY position, word",
        |row| {
            Ok(WordRecord {
                word: row.get(0)?,
                position: row.get(1)?,
                created_at: instant(row, 2)?,
            })
        },
    )
}

/// Every moment, the trash and private ones included, by id.
fn moments(conn: &Connection) -> Result<Vec<MomentRecord>> {
    collect(
        conn,
        "SELECT m.id, m.kind_id, m.detail, m.started_at, m.utc_offset, m.ended_at, m.baby_id,
                m.who, m.caregiver, m.connection, m.energy, m.note, m.private,
                m.created_at, m.updated_at, m.deleted_at,
                (SELECT json_group_array(word) FROM
                   (SELECT f.word FROM moment_feeling f WHERE f.moment_id = m.id
                     ORDER BY f.position)),
                (SELECT json_group_array(tag) FROM
                   (SELECT t.tag FROM moment_tag t WHERE t.moment_id = m.id ORDER BY t.position))
           FROM moment m ORDER BY m.id",
        moment_from_row,
    )
}

fn json_list(row: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
}

fn moment_from_row(row: &Row<'_>) -> rusqlite::Result<MomentRecord> {
    Ok(MomentRecord {
        id: row.get(0)?,
        kind_id: row.get(1)?,
        detail: row.get(2)?,
        started_at: instant(row, 3)?,
        utc_offset_seconds: row.get(4)?,
        ended_at: optional_instant(row, 5)?,
        baby_id: row.get(6)?,
        who: who_at(row, 7)?,
        connection: row.get(9)?,
        energy: row.get(10)?,
        note: row.get(11)?,
        private: row.get(12)?,
        created_at: instant(row, 13)?,
        updated_at: instant(row, 14)?,
        deleted_at: optional_instant(row, 15)?,
        feelings: json_list(row, 16)?,
        tags: json_list(row, 17)?,
    })
}

fn timers(conn: &Connection) -> Result<Vec<TimerRecord>> {
    collect(
        conn,
        "SELECT id, kind_id, detail, baby_id, who, caregiver, started_at, utc_offset
           FROM timer ORDER BY id",
        |row| {
            Ok(TimerRecord {
                id: row.get(0)?,
                kind_id: row.get(1)?,
                detail: row.get(2)?,
                baby_id: row.get(3)?,
                who: who_at(row, 4)?,
                started_at: instant(row, 6)?,
                utc_offset_seconds: row.get(7)?,
            })
        },
    )
}
