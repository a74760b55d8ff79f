//! The journal's side of sharing with a partner's computer: rows named by their uid, read for
//! sending and written from what arrived, through the journal's own rules.
//!
//! This module owns what a shared row is ([`SharedBaby`], [`SharedKind`], [`SharedMoment`],
//! [`SharedTimer`]), which rows changed since the last exchange ([`pending`]), and how a row
//! that arrived is written: by uid, with kinds and babies named by their uids, checked like an
//! entry typed here. It does not own the shared document, the files in the folder or pairing
//! (the sync crates do), nor the rule of what leaves this computer: it reads every row,
//! private ones included, and the sync engine decides.
//!
//! # Who may change what
//! - A moment written **here** (`author` is `None`) keeps its feelings (note, feeling words,
//!   tags, ratings), its private mark and its share box: what arrives changes only its care
//!   (kind, times, baby, who, the trash). A private moment is never changed or removed by what
//!   arrives.
//! - A moment written on the **partner's** computer takes everything that arrives, feelings
//!   included (they are empty unless its author shared them). Here, the parent can change its
//!   care but not its feelings: [`crate::moment::update`] keeps them as they are.
//! - `who` is always as seen from this computer; the sync engine turns it round for the other.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::moment::{self, MomentInput, Who};
use crate::time::{date_key, instant_at, optional_date_at, optional_instant_at};
use crate::tx::atomically;
use crate::validate;
use crate::{baby, kind, Error, Result};

/// Runs one statement from the cache. Applying a first exchange runs the same few statements
/// for each of thousands of rows, and preparing one that fires triggers compiles them too.
fn exec(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

/// Reads one row with a statement from the cache.
fn one<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    map: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(params, map)
}

/// The tables whose rows are shared, as named in `sync_pending`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Entity {
    /// A baby.
    Baby,
    /// A kind of the parent's own.
    Kind,
    /// A moment.
    Moment,
    /// A running timer.
    Timer,
}

impl Entity {
    fn from_name(name: &str) -> Option<Entity> {
        match name {
            "baby" => Some(Entity::Baby),
            "kind" => Some(Entity::Kind),
            "moment" => Some(Entity::Moment),
            "timer" => Some(Entity::Timer),
            _ => None,
        }
    }

    fn all_sql(self) -> &'static str {
        match self {
            Entity::Baby => "SELECT uid FROM baby ORDER BY id",
            Entity::Kind => "SELECT uid FROM moment_kind WHERE built_in = 0 ORDER BY position",
            Entity::Moment => "SELECT uid FROM moment WHERE private = 0 ORDER BY id",
            Entity::Timer => "SELECT uid FROM timer ORDER BY id",
        }
    }
}

/// A baby as shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedBaby {
    /// Its uid.
    pub uid: String,
    /// Name or nickname.
    pub name: String,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// When it was archived.
    pub archived_at: Option<DateTime<Utc>>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// A kind of the parent's own as shared (built-in kinds are the same everywhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedKind {
    /// Its uid.
    pub uid: String,
    /// Display name.
    pub name: String,
    /// Emoji or short symbol.
    pub emoji: String,
    /// Whether a timer is offered first.
    pub timed: bool,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// The care in a moment or a timer: what both computers share and both may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Care {
    /// The kind's uid (a built-in kind's uid is its id).
    pub kind: String,
    /// One of the kind's details.
    pub detail: Option<String>,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// The offset of the clock it was logged by, seconds east of UTC.
    pub utc_offset_seconds: i64,
    /// When it ended (always none for a timer).
    pub ended_at: Option<DateTime<Utc>>,
    /// The baby's uid.
    pub baby: Option<String>,
    /// Who gave the care, as seen from this computer.
    pub who: Who,
}

/// How the parent felt: shared only when its author chose to.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Feelings {
    /// Connection, 1 to 5.
    pub connection: Option<i64>,
    /// Energy, 1 to 5.
    pub energy: Option<i64>,
    /// Feeling words, in order.
    pub feelings: Vec<String>,
    /// Tags, in order.
    pub tags: Vec<String>,
    /// The note.
    pub note: String,
}

impl std::fmt::Debug for Feelings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feelings")
            .field("connection", &self.connection)
            .field("energy", &self.energy)
            .field("words", &self.feelings.len())
            .field("tags", &self.tags.len())
            .field("note", &moment::Redacted(&self.note))
            .finish()
    }
}

/// A moment as shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedMoment {
    /// Its uid.
    pub uid: String,
    /// The device id of the computer that wrote it; `None` for this one.
    pub author: Option<String>,
    /// Its care.
    pub care: Care,
    /// How the parent felt.
    pub feelings: Feelings,
    /// Whether its author shares its feelings.
    pub share_feelings: bool,
    /// Never leaves this computer (only ever true for a moment written here).
    pub private: bool,
    /// When it was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
    /// When it went to the trash.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// A running timer as shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedTimer {
    /// Its uid; the moment it becomes when stopped takes the same uid.
    pub uid: String,
    /// The device id of the computer that started it; `None` for this one.
    pub author: Option<String>,
    /// Its care (`ended_at` is none).
    pub care: Care,
}

/// What writing a row that arrived did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    /// The row was added.
    Added,
    /// The row was changed.
    Changed,
    /// Nothing changed: the row is private here, or the same.
    Kept,
}

/// Rows that changed here since [`clear_pending`], by table.
pub fn pending(conn: &Connection) -> Result<Vec<(Entity, String)>> {
    let mut stmt = conn.prepare("SELECT entity, uid FROM sync_pending ORDER BY entity, uid")?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (name, uid) = row?;
        if let Some(entity) = Entity::from_name(&name) {
            out.push((entity, uid));
        }
    }
    Ok(out)
}

/// Whether any row changed here since [`clear_pending`]: something waits to go to the partner.
pub fn has_pending(conn: &Connection) -> Result<bool> {
    let any = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM sync_pending)")?
        .query_row([], |row| row.get(0))?;
    Ok(any)
}

/// Forgets every pending change: they have been sent, or were writes of what arrived.
pub fn clear_pending(conn: &Connection) -> Result<()> {
    exec(conn, "DELETE FROM sync_pending", [])?;
    Ok(())
}

/// The uid of every row of `entity` that may be shared (not private moments), for a first
/// exchange.
pub fn all(conn: &Connection, entity: Entity) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(entity.all_sql())?;
    let uids = stmt
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(uids)
}

/// The baby with `uid`.
pub fn baby(conn: &Connection, uid: &str) -> Result<Option<SharedBaby>> {
    Ok(one(
        conn,
        "SELECT uid, name, birth_date, archived_at, created_at FROM baby WHERE uid = ?1",
        [uid],
        |row| {
            Ok(SharedBaby {
                uid: row.get(0)?,
                name: row.get(1)?,
                birth_date: optional_date_at(row, 2)?,
                archived_at: optional_instant_at(row, 3)?,
                created_at: instant_at(row, 4)?,
            })
        },
    )
    .optional()?)
}

/// Writes a baby that arrived: added, or changed to match.
pub fn put_baby(conn: &Connection, b: &SharedBaby) -> Result<Put> {
    let name = baby::checked_name(&b.name)?;
    let birth = b.birth_date.map(date_key);
    let archived = b.archived_at.map(|t| t.timestamp());
    if let Some(current) = baby(conn, &b.uid)? {
        if current == *b {
            return Ok(Put::Kept);
        }
        exec(
            conn,
            "UPDATE baby SET name = ?2, birth_date = ?3, archived_at = ?4 WHERE uid = ?1",
            params![b.uid, name, birth, archived],
        )?;
        return Ok(Put::Changed);
    }
    exec(
        conn,
        "INSERT INTO baby (name, birth_date, archived_at, created_at, uid)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, birth, archived, b.created_at.timestamp(), b.uid],
    )?;
    Ok(Put::Added)
}

/// The kind of the parent's own with `uid` (none for a built-in kind).
pub fn own_kind(conn: &Connection, uid: &str) -> Result<Option<SharedKind>> {
    Ok(one(
        conn,
        "SELECT uid, name, emoji, timed, created_at FROM moment_kind
              WHERE uid = ?1 AND built_in = 0",
        [uid],
        |row| {
            Ok(SharedKind {
                uid: row.get(0)?,
                name: row.get(1)?,
                emoji: row.get(2)?,
                timed: row.get(3)?,
                created_at: instant_at(row, 4)?,
            })
        },
    )
    .optional()?)
}

/// Writes a kind that arrived. A name already used here by another kind gets " (2)", " (3)"…
/// so that both stay choosable.
pub fn put_kind(conn: &Connection, k: &SharedKind) -> Result<Put> {
    let input = kind::KindInput {
        name: k.name.clone(),
        emoji: k.emoji.clone(),
        timed: k.timed,
    };
    let (name, emoji) = kind::checked(&input)?;
    let local = local_kind(conn, &k.uid).ok();
    if local.is_some() && own_kind(conn, &k.uid)?.is_none() {
        // A built-in kind's uid: those are the same everywhere and never changed.
        return Ok(Put::Kept);
    }
    let name = free_kind_name(conn, &name, local.as_deref())?;
    if let Some(current) = own_kind(conn, &k.uid)? {
        // Compared as it would be stored: a kind numbered here is the same kind still.
        let wanted = SharedKind {
            name: name.clone(),
            emoji: emoji.clone(),
            ..k.clone()
        };
        if current == wanted {
            return Ok(Put::Kept);
        }
    }
    match local {
        Some(id) => {
            exec(
                conn,
                "UPDATE moment_kind SET name = ?2, emoji = ?3, timed = ?4 WHERE id = ?1",
                params![id, name, emoji, k.timed],
            )?;
            Ok(Put::Changed)
        }
        None => {
            let id = kind::next_custom_id(conn)?;
            exec(conn,
                "INSERT INTO moment_kind (id, name, emoji, timed, built_in, position, created_at, uid)
                 VALUES (?1, ?2, ?3, ?4, 0, (SELECT max(position) + 1 FROM moment_kind), ?5, ?6)",
                params![id, name, emoji, k.timed, k.created_at.timestamp(), k.uid],
            )?;
            Ok(Put::Added)
        }
    }
}

fn free_kind_name(conn: &Connection, name: &str, except: Option<&str>) -> Result<String> {
    let mut candidate = name.to_owned();
    for n in 2.. {
        match kind::refuse_taken_name(conn, &candidate, except) {
            Ok(()) => return Ok(candidate),
            Err(Error::KindNameTaken { .. }) => candidate = format!("{name} ({n})"),
            Err(other) => return Err(other),
        }
    }
    Ok(candidate)
}

fn local_kind(conn: &Connection, uid: &str) -> Result<String> {
    one(
        conn,
        "SELECT id FROM moment_kind WHERE uid = ?1",
        [uid],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::UnknownKind {
        id: crate::clean::for_message(uid),
    })
}

fn local_baby(conn: &Connection, uid: Option<&str>) -> Result<Option<i64>> {
    let Some(uid) = uid else { return Ok(None) };
    one(conn, "SELECT id FROM baby WHERE uid = ?1", [uid], |row| {
        row.get(0)
    })
    .optional()?
    .map(Some)
    .ok_or(Error::UnknownBaby { id: 0 })
}

/// The moment with `uid`, whatever it is (private, in the trash, written on either computer).
pub fn moment(conn: &Connection, uid: &str) -> Result<Option<SharedMoment>> {
    Ok(conn
        .prepare_cached(&moments_sql("m.uid = ?1"))?
        .query_row([uid], shared_moment_at)
        .optional()?)
}

/// Every moment that may be shared (not private), in one read: for a first exchange.
pub fn all_moments(conn: &Connection) -> Result<Vec<SharedMoment>> {
    let mut stmt = conn.prepare(&moments_sql("m.private = 0 ORDER BY m.id"))?;
    let moments = stmt
        .query_map([], shared_moment_at)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(moments)
}

fn moments_sql(condition: &str) -> String {
    format!(
        "SELECT {}, m.uid, m.author, m.share_feelings, k.uid, b.uid
           FROM moment m JOIN moment_kind k ON k.id = m.kind_id
           LEFT JOIN baby b ON b.id = m.baby_id WHERE {condition}",
        moment::COLUMNS
    )
}

fn shared_moment_at(row: &rusqlite::Row<'_>) -> rusqlite::Result<SharedMoment> {
    let m = moment::from_row(row)?;
    Ok(SharedMoment {
        uid: row.get(21)?,
        author: row.get(22)?,
        share_feelings: row.get(23)?,
        care: Care {
            kind: row.get(24)?,
            detail: m.detail,
            started_at: m.started_at,
            utc_offset_seconds: m.utc_offset_seconds.into(),
            ended_at: m.ended_at,
            baby: row.get(25)?,
            who: m.who,
        },
        feelings: Feelings {
            connection: m.connection,
            energy: m.energy,
            feelings: m.feelings,
            tags: m.tags,
            note: m.note,
        },
        private: m.private,
        created_at: m.created_at,
        updated_at: m.updated_at,
        deleted_at: m.deleted_at,
    })
}

/// A new random uid (UUID version 4), as an SQL expression.
const FRESH_UID: &str =
    "(SELECT substr(r, 1, 8) || '-' || substr(r, 9, 4) || '-4' || substr(r, 14, 3)
    || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(r, 18, 3) || '-' || substr(r, 21, 12)
    FROM (SELECT lower(hex(randomblob(16))) AS r))";

/// Writes a moment that arrived, by the rules in the module's header. Its kind and baby must
/// already be here. It is checked like a moment typed here, except that a start or end ahead
/// of this computer's clock is accepted (the other clock may run ahead).
pub fn put_moment(conn: &Connection, m: &SharedMoment) -> Result<Put> {
    let mut current = moment(conn, &m.uid)?;
    if current.as_ref().is_some_and(|c| c.private) {
        // The same uid here names a private moment: a timer stopped on both computers at once,
        // then marked private here. The private one takes a new uid (it never leaves this
        // computer, so no one else knows the old one) and what arrived is added beside it.
        exec(
            conn,
            &format!("UPDATE moment SET uid = {FRESH_UID} WHERE uid = ?1"),
            [&m.uid],
        )?;
        current = None;
    }
    // The author is whatever arrived says: after a timer stopped on both computers at once,
    // the moment one of them wrote wins on both.
    let own = m.author.is_none();
    let (feelings, share) = match (&current, own) {
        (Some(c), true) if c.author.is_none() => (&c.feelings, c.share_feelings),
        _ => (&m.feelings, m.share_feelings),
    };
    let mut wanted = m.clone();
    wanted.feelings = feelings.clone();
    wanted.share_feelings = share;
    wanted.private = false;
    if current.as_ref() == Some(&wanted) {
        return Ok(Put::Kept);
    }
    atomically(conn, || write_moment(conn, &wanted, current.is_some()))
}

fn write_moment(conn: &Connection, m: &SharedMoment, exists: bool) -> Result<Put> {
    let input = MomentInput {
        kind_id: local_kind(conn, &m.care.kind)?,
        detail: m.care.detail.clone(),
        started_at: m.care.started_at,
        utc_offset_seconds: m.care.utc_offset_seconds,
        ended_at: m.care.ended_at,
        baby_id: local_baby(conn, m.care.baby.as_deref())?,
        who: m.care.who.clone(),
        connection: m.feelings.connection,
        energy: m.feelings.energy,
        feelings: m.feelings.feelings.clone(),
        note: m.feelings.note.clone(),
        private: false,
        tags: m.feelings.tags.clone(),
    };
    let ended = m.care.ended_at.unwrap_or(m.care.started_at);
    let latest = m.care.started_at.max(ended).max(Utc::now());
    let checked = validate::check(&input, latest)?;
    validate::check_references(conn, &checked, checked.baby_id)?;
    let times = [m.created_at, m.updated_at];
    let origin = moment::Origin {
        uid: Some(&m.uid),
        author: m.author.as_deref(),
        share_feelings: m.share_feelings,
    };
    let id = match exists {
        false => moment::insert_row(conn, None, &checked, times, m.deleted_at, &origin)?,
        true => {
            let id = moment_id(conn, &m.uid)?;
            moment::update_row(conn, id, &checked, m.updated_at)?;
            exec(
                conn,
                "UPDATE moment SET author = ?2, share_feelings = ?3, created_at = ?4,
                        updated_at = ?5, deleted_at = ?6 WHERE id = ?1",
                params![
                    id,
                    m.author,
                    m.share_feelings,
                    m.created_at.timestamp(),
                    m.updated_at.timestamp(),
                    m.deleted_at.map(|t| t.timestamp())
                ],
            )?;
            id
        }
    };
    moment::write_labels(conn, id, &checked, m.updated_at)?;
    Ok(if exists { Put::Changed } else { Put::Added })
}

fn moment_id(conn: &Connection, uid: &str) -> Result<i64> {
    Ok(one(
        conn,
        "SELECT id FROM moment WHERE uid = ?1",
        [uid],
        |row| row.get(0),
    )?)
}

/// Removes the moment with `uid` because its author removed it for good (or made it private).
/// A private moment of this computer's own is never removed this way. Returns whether a row
/// went.
pub fn remove_moment(conn: &Connection, uid: &str) -> Result<bool> {
    atomically(conn, || {
        let id: Option<i64> = one(
            conn,
            "SELECT id FROM moment WHERE uid = ?1 AND private = 0",
            [uid],
            |row| row.get(0),
        )
        .optional()?;
        let Some(id) = id else { return Ok(false) };
        exec(conn, "DELETE FROM moment WHERE id = ?1", [id])?;
        crate::draft::discard(conn, &id.to_string())?;
        Ok(true)
    })
}

/// The running timer with `uid`.
pub fn timer(conn: &Connection, uid: &str) -> Result<Option<SharedTimer>> {
    Ok(one(
        conn,
        "SELECT t.uid, t.author, k.uid, t.detail, t.started_at, t.utc_offset, b.uid,
                    t.who, t.caregiver
               FROM timer t JOIN moment_kind k ON k.id = t.kind_id
               LEFT JOIN baby b ON b.id = t.baby_id WHERE t.uid = ?1",
        [uid],
        |row| {
            Ok(SharedTimer {
                uid: row.get(0)?,
                author: row.get(1)?,
                care: Care {
                    kind: row.get(2)?,
                    detail: row.get(3)?,
                    started_at: instant_at(row, 4)?,
                    utc_offset_seconds: row.get(5)?,
                    ended_at: None,
                    baby: row.get(6)?,
                    who: moment::who_at(row, 7)?,
                },
            })
        },
    )
    .optional()?)
}

/// Writes a timer that arrived. When another timer of the same kind runs for the same baby,
/// the one that started first (then the lower uid) is kept and the other removed; the uid of
/// the one removed is returned with [`Put::Kept`] or [`Put::Changed`] so the caller can remove
/// it from what is shared too.
pub fn put_timer(conn: &Connection, t: &SharedTimer) -> Result<(Put, Option<String>)> {
    let current = timer(conn, &t.uid)?;
    if current.as_ref() == Some(t) {
        return Ok((Put::Kept, None));
    }
    atomically(conn, || {
        let kind_id = local_kind(conn, &t.care.kind)?;
        let baby_id = local_baby(conn, t.care.baby.as_deref())?;
        let rival = rival_timer(conn, &kind_id, baby_id, &t.uid)?;
        if let Some((uid, started)) = &rival {
            if (*started, uid.as_str()) < (t.care.started_at.timestamp(), t.uid.as_str()) {
                remove_timer(conn, &t.uid)?;
                return Ok((Put::Kept, Some(t.uid.clone())));
            }
            remove_timer(conn, uid)?;
        }
        let input = crate::timer::as_moment(
            &crate::TimerInput {
                kind_id,
                detail: t.care.detail.clone(),
                baby_id,
                who: t.care.who.clone(),
                utc_offset_seconds: t.care.utc_offset_seconds,
                started_at: Some(t.care.started_at),
            },
            t.care.started_at,
        );
        let c = validate::check(&input, t.care.started_at)?;
        validate::check_references(conn, &c, c.baby_id)?;
        exec(conn, "DELETE FROM timer WHERE uid = ?1", [&t.uid])?;
        crate::timer::insert_row(conn, None, &c, Some(&t.uid), t.author.as_deref())?;
        let put = if current.is_some() {
            Put::Changed
        } else {
            Put::Added
        };
        Ok((put, rival.map(|(uid, _)| uid)))
    })
}

fn rival_timer(
    conn: &Connection,
    kind_id: &str,
    baby_id: Option<i64>,
    uid: &str,
) -> Result<Option<(String, i64)>> {
    Ok(one(
        conn,
        "SELECT uid, started_at FROM timer WHERE kind_id = ?1 AND baby_id IS ?2 AND uid <> ?3",
        params![kind_id, baby_id, uid],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()?)
}

/// Removes the running timer with `uid` (stopped or cancelled on the other computer).
pub fn remove_timer(conn: &Connection, uid: &str) -> Result<bool> {
    Ok(exec(conn, "DELETE FROM timer WHERE uid = ?1", [uid])? > 0)
}

#[cfg(test)]
#[path = "shared_tests.rs"]
mod tests;
