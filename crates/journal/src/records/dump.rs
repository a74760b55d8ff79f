//! Reading every row of the journal into [`Records`], table by table, as stored: positions,
//! creation times and the trash included, not only what the journal's lists show.

use rusqlite::{Connection, Row};

use super::{
    BabyRecord, CheckInRecord, ContactRecord, DetailRecord, KindRecord, MomentRecord, Records,
    TimerRecord, WordRecord,
};
use crate::moment::{self, who_at, Moment, MomentInput};
use crate::time::{instant_at, optional_date_at, optional_instant_at};
use crate::{care_team, check_in, ContactInput, Result};

/// Every row of the journal.
pub fn dump(conn: &Connection) -> Result<Records> {
    Ok(Records {
        babies: babies(conn)?,
        kinds: kinds(conn)?,
        feeling_words: own_words(conn)?,
        moments: moments(conn)?,
        timers: timers(conn)?,
        check_ins: check_in::list_all(conn)?
            .iter()
            .map(CheckInRecord::from)
            .collect(),
        care_team: contacts(conn)?,
    })
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
                birth_date: optional_date_at(row, 2)?,
                archived_at: optional_instant_at(row, 3)?,
                created_at: instant_at(row, 4)?,
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
                created_at: instant_at(row, 7)?,
                details: Vec::new(),
            })
        },
    )?;
    for (kind_id, detail) in details(conn)? {
        if let Some(kind) = kinds.iter_mut().find(|k| k.id == kind_id) {
            kind.details.push(detail);
        }
    }
    Ok(kinds)
}

fn details(conn: &Connection) -> Result<Vec<(String, DetailRecord)>> {
    collect(
        conn,
        "SELECT kind_id, id, name, position FROM moment_kind_detail ORDER BY kind_id, position, id",
        |row| {
            let detail = DetailRecord {
                id: row.get(1)?,
                name: row.get(2)?,
                position: row.get(3)?,
            };
            Ok((row.get(0)?, detail))
        },
    )
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
                created_at: instant_at(row, 2)?,
            })
        },
    )
}

/// Every moment, the trash and private ones included, by id.
fn moments(conn: &Connection) -> Result<Vec<MomentRecord>> {
    let sql = format!("SELECT {} FROM moment m ORDER BY m.id", moment::COLUMNS);
    collect(conn, &sql, |row| moment::from_row(row).map(record))
}

fn record(m: Moment) -> MomentRecord {
    MomentRecord {
        id: m.id,
        created_at: m.created_at,
        updated_at: m.updated_at,
        deleted_at: m.deleted_at,
        moment: MomentInput {
            kind_id: m.kind_id,
            detail: m.detail,
            started_at: m.started_at,
            utc_offset_seconds: m.utc_offset_seconds.into(),
            ended_at: m.ended_at,
            baby_id: m.baby_id,
            who: m.who,
            connection: m.connection,
            energy: m.energy,
            feelings: m.feelings,
            note: m.note,
            private: m.private,
            tags: m.tags,
        },
    }
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
                started_at: instant_at(row, 6)?,
                utc_offset_seconds: row.get(7)?,
            })
        },
    )
}

/// The care team in the parent's order, each with its stored position.
fn contacts(conn: &Connection) -> Result<Vec<ContactRecord>> {
    let listed = care_team::list_with_positions(conn)?;
    Ok(listed
        .into_iter()
        .map(|(c, position)| ContactRecord {
            id: c.id,
            contact: ContactInput {
                role: c.role,
                name: c.name,
                phone: c.phone,
                notes: c.notes,
            },
            position,
            created_at: c.created_at,
            updated_at: c.updated_at,
        })
        .collect())
}
