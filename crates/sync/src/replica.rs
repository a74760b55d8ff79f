//! The shared document of one computer, kept in step with its journal.
//!
//! [`Replica::record`] puts what changed in the journal since the last exchange into the
//! document (the rows the journal's triggers listed as pending); [`Replica::receive`] merges
//! changes from the other computer and writes every row they touched back into the journal,
//! through the journal's own rules. The journal stays the store every screen reads; the
//! document is the replicated copy that merges. Both live in the same SQLite file (the document
//! as saved bytes in `sync_doc`), so the document is encrypted with the journal.
//!
//! # What leaves this computer
//! - Babies, kinds of the parent's own, running timers, and every moment's care.
//! - A moment's feelings (note, feeling words, tags, ratings) only while its author ticks
//!   "share with partner"; unticking removes them from the document.
//! - Never a private moment: marking a moment private removes it from the document. What was
//!   already sent cannot be called back: the engine keeps history, so a partner's computer
//!   that received an earlier version keeps it in its copy of the document (not on screen).
//!
//! # Conflicts
//! - Different fields of one moment changed on both computers: both changes are kept.
//! - The same field changed on both: one value is kept, by the engine's rule (a logical clock,
//!   then the device id), the same on both computers.
//! - Moved to the trash on one computer while edited on the other: the moment is in the trash
//!   on both, with the edit in it; restoring it brings the edit back.
//! - Removed for good (emptied from the trash, or made private) on one computer while edited on
//!   the other: the removal wins and the edit is lost.
//! - The same timer stopped on both computers: one moment, since the moment takes the timer's
//!   uid. Two timers of the same kind for the same baby started on both: the one started first
//!   (then the lower uid) is kept on both computers and the other is removed.

use std::collections::BTreeSet;

use automerge::transaction::Transactable;
use automerge::{
    ActorId, AutoCommit, ChangeHash, ObjId, ObjType, PatchAction, Prop, ReadDoc, ScalarValue, ROOT,
};
use nestling_journal::shared::{self, Entity};
use rusqlite::{Connection, OptionalExtension};

use crate::fields::{self, Field, Read, Value, FEELINGS};
use crate::{Error, Result};

/// Chunks of saved changes kept before the document is saved whole again.
const CHUNKS_BEFORE_COMPACTING: i64 = 64;

/// The shared document of this computer and its device id.
pub struct Replica {
    doc: AutoCommit,
    me: String,
    /// Set while the whole journal goes into an empty document: no row is there yet, so
    /// none is looked up first.
    fresh: bool,
}

/// What one [`Replica::receive`] did to the journal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Received {
    /// Rows added or changed.
    pub written: usize,
    /// Rows removed.
    pub removed: usize,
    /// Rows that broke one of the journal's rules and were left out (counted, not named).
    pub refused: usize,
}

fn key(entity: Entity, uid: &str) -> String {
    let prefix = match entity {
        Entity::Baby => "b",
        Entity::Kind => "k",
        Entity::Moment => "m",
        Entity::Timer => "t",
    };
    format!("{prefix}:{uid}")
}

fn parse_key(key: &str) -> Option<(Entity, &str)> {
    let (prefix, uid) = key.split_once(':')?;
    let entity = match prefix {
        "b" => Entity::Baby,
        "k" => Entity::Kind,
        "m" => Entity::Moment,
        "t" => Entity::Timer,
        _ => return None,
    };
    Some((entity, uid))
}

/// A row's map in the document, read field by field.
struct Row<'d> {
    doc: &'d AutoCommit,
    obj: ObjId,
}

impl Row<'_> {
    fn scalar(&self, key: &str) -> Option<ScalarValue> {
        match self.doc.get(&self.obj, key).ok()?? {
            (automerge::Value::Scalar(s), _) => Some(s.into_owned()),
            _ => None,
        }
    }
}

impl Read for Row<'_> {
    fn text(&self, key: &str) -> Option<String> {
        match self.scalar(key)? {
            ScalarValue::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }
    fn int(&self, key: &str) -> Option<i64> {
        match self.scalar(key)? {
            ScalarValue::Int(i) => Some(i),
            _ => None,
        }
    }
    fn bool(&self, key: &str) -> Option<bool> {
        match self.scalar(key)? {
            ScalarValue::Boolean(b) => Some(b),
            _ => None,
        }
    }
}

fn scalar(value: &Value) -> ScalarValue {
    match value {
        Value::Text(s) => ScalarValue::Str(s.as_str().into()),
        Value::Int(i) => ScalarValue::Int(*i),
        Value::Bool(b) => ScalarValue::Boolean(*b),
    }
}

impl Replica {
    /// The replica of the computer whose device id is `me` (32 hex digits), loaded from the
    /// journal, or a new empty one.
    pub fn open(conn: &Connection, me: &str) -> Result<Replica> {
        let actor = ActorId::from(hex_bytes(me).ok_or(Error::DeviceId)?);
        let bytes = saved(conn)?;
        let doc = match bytes.is_empty() {
            true => AutoCommit::new(),
            false => AutoCommit::load(&bytes).map_err(|_| Error::DocumentDamaged)?,
        };
        Ok(Replica {
            doc: doc.with_actor(actor),
            me: me.to_owned(),
            fresh: false,
        })
    }

    /// This computer's device id.
    pub fn me(&self) -> &str {
        &self.me
    }

    /// The document's heads: what it holds, as change hashes.
    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// Every change the document holds that `since` (heads it had before) does not, as bytes
    /// for the other computer.
    pub fn changes_since(&mut self, since: &[ChangeHash]) -> Vec<u8> {
        self.doc.save_after(since)
    }

    /// The changes made on this computer that `since` does not hold, as bytes for the other
    /// computer: what it already has from itself is not sent back.
    pub fn own_changes_since(&mut self, since: &[ChangeHash]) -> Vec<u8> {
        let me = self.doc.get_actor().clone();
        let mut out = Vec::new();
        for mut change in self.doc.get_changes(since) {
            if *change.actor_id() == me {
                out.extend_from_slice(&change.bytes());
            }
        }
        out
    }

    /// Puts every row that may be shared into the document: the first exchange after pairing.
    pub fn record_everything(&mut self, conn: &Connection) -> Result<usize> {
        let mut rows = Vec::new();
        for entity in [Entity::Baby, Entity::Kind, Entity::Timer] {
            for uid in shared::all(conn, entity)? {
                rows.push((entity, uid));
            }
        }
        self.fresh = self.doc.length(ROOT) == 0;
        // Moments are read in one pass: a first exchange may hold tens of thousands.
        let moments = shared::all_moments(conn)?;
        for m in &moments {
            self.record_moment_row(&key(Entity::Moment, &m.uid), m)?;
        }
        let recorded = self.record_rows(conn, &rows);
        self.fresh = false;
        Ok(recorded? + moments.len())
    }

    /// Puts every row changed in the journal since the last exchange into the document, and
    /// forgets they were pending. Returns how many rows were looked at.
    pub fn record(&mut self, conn: &Connection) -> Result<usize> {
        let rows = shared::pending(conn)?;
        self.record_rows(conn, &rows)
    }

    fn record_rows(&mut self, conn: &Connection, rows: &[(Entity, String)]) -> Result<usize> {
        for (entity, uid) in rows {
            self.record_row(conn, *entity, uid)?;
        }
        self.doc.commit();
        self.persist(conn)?;
        shared::clear_pending(conn)?;
        Ok(rows.len())
    }

    fn record_row(&mut self, conn: &Connection, entity: Entity, uid: &str) -> Result<()> {
        let key = key(entity, uid);
        match entity {
            Entity::Baby => match shared::baby(conn, uid)? {
                Some(b) => self.put_row(&key, &fields::baby_fields(&b), true),
                None => Ok(()),
            },
            Entity::Kind => match shared::own_kind(conn, uid)? {
                Some(k) => self.put_row(&key, &fields::kind_fields(&k), true),
                None => Ok(()),
            },
            Entity::Moment => self.record_moment(conn, &key, uid),
            Entity::Timer => match shared::timer(conn, uid)? {
                Some(t) => self.put_row(&key, &fields::timer_fields(&t, &self.me), true),
                None => self.delete(&key),
            },
        }
    }

    fn record_moment(&mut self, conn: &Connection, key: &str, uid: &str) -> Result<()> {
        match shared::moment(conn, uid)? {
            Some(m) if !(m.private && m.author.is_none()) => self.record_moment_row(key, &m),
            _ => self.delete(key),
        }
    }

    fn record_moment_row(&mut self, key: &str, m: &shared::SharedMoment) -> Result<()> {
        let own = m.author.is_none();
        // A partner's moment that is no longer in the document was removed there: not brought
        // back by an edit here.
        let mut row = fields::moment_care_fields(m, &self.me);
        if own {
            row.extend(fields::moment_feeling_fields(m));
        }
        self.put_row(key, &row, own)
    }

    fn row_obj(&self, key: &str) -> Option<ObjId> {
        match self.doc.get(ROOT, key).ok()?? {
            (automerge::Value::Object(ObjType::Map), obj) => Some(obj),
            _ => None,
        }
    }

    /// Writes `fields` into the row's map, only those whose value differs; makes the map when
    /// `create` and it is missing.
    fn put_row(&mut self, key: &str, fields: &[Field], create: bool) -> Result<()> {
        let existing = match self.fresh {
            true => None,
            false => self.row_obj(key),
        };
        let obj = match (existing, create) {
            (Some(obj), _) => obj,
            (None, true) => {
                let obj = self.doc.put_object(ROOT, key, ObjType::Map)?;
                for (name, value) in fields {
                    if let Some(v) = value {
                        self.doc.put(&obj, *name, scalar(v))?;
                    }
                }
                return Ok(());
            }
            (None, false) => return Ok(()),
        };
        for (name, value) in fields {
            let current = Row {
                doc: &self.doc,
                obj: obj.clone(),
            }
            .scalar(name);
            match (value, current) {
                (Some(v), Some(c)) if scalar(v) == c => {}
                (Some(v), _) => self.doc.put(&obj, *name, scalar(v))?,
                (None, Some(_)) => self.doc.delete(&obj, *name)?,
                (None, None) => {}
            }
        }
        Ok(())
    }

    fn delete(&mut self, key: &str) -> Result<()> {
        if self.doc.get(ROOT, key)?.is_some() {
            self.doc.delete(ROOT, key)?;
        }
        Ok(())
    }

    /// Merges `bytes` from the other computer and writes every row they touched into the
    /// journal, in one savepoint with the saved document. Bytes that are not a document's
    /// changes are refused with [`Error::ChangesDamaged`] and change nothing.
    pub fn receive(&mut self, conn: &Connection, bytes: &[u8]) -> Result<Received> {
        self.record(conn)?;
        // The diff cursor makes the engine log what the import changes, so finding the rows it
        // touched costs what the import does, not a walk over the whole document.
        self.doc.update_diff_cursor();
        if self.doc.load_incremental(bytes).is_err() {
            self.reload(conn)?;
            return Err(Error::ChangesDamaged);
        }
        let touched = self.touched();
        let applied = savepoint(conn, || {
            // What arrived is not a change of this computer's to send back.
            conn.execute("UPDATE sync_pair SET applying = 1", [])?;
            let received = self.apply(conn, &touched)?;
            conn.execute("UPDATE sync_pair SET applying = 0", [])?;
            self.doc.commit();
            self.persist(conn)?;
            shared::clear_pending(conn)?;
            Ok(received)
        });
        if applied.is_err() {
            self.reload(conn)?;
        }
        applied
    }

    fn reload(&mut self, conn: &Connection) -> Result<()> {
        *self = Replica::open(conn, &self.me.clone())?;
        Ok(())
    }

    /// The rows whose maps changed since the diff cursor, babies and kinds first.
    fn touched(&mut self) -> BTreeSet<(Entity, String)> {
        let mut rows = BTreeSet::new();
        for patch in self.doc.diff_incremental() {
            let key = match (patch.path.first(), &patch.action) {
                (Some((_, Prop::Map(key))), _) => key.clone(),
                (None, PatchAction::PutMap { key, .. }) => key.clone(),
                (None, PatchAction::DeleteMap { key }) => key.clone(),
                _ => continue,
            };
            if let Some((entity, uid)) = parse_key(&key) {
                rows.insert((entity, uid.to_owned()));
            }
        }
        rows
    }

    fn apply(&mut self, conn: &Connection, rows: &BTreeSet<(Entity, String)>) -> Result<Received> {
        let mut out = Received::default();
        for (entity, uid) in rows {
            match self.apply_row(conn, *entity, uid) {
                Ok(Applied::Written) => out.written += 1,
                Ok(Applied::Removed) => out.removed += 1,
                Ok(Applied::Nothing) => {}
                Err(Error::Journal(nestling_journal::Error::Sqlite(e))) => {
                    return Err(Error::Journal(nestling_journal::Error::Sqlite(e)))
                }
                Err(Error::Journal(_)) | Err(Error::RowDamaged) => out.refused += 1,
                Err(other) => return Err(other),
            }
        }
        Ok(out)
    }

    fn apply_row(&mut self, conn: &Connection, entity: Entity, uid: &str) -> Result<Applied> {
        let key = key(entity, uid);
        let Some(obj) = self.row_obj(&key) else {
            return self.remove_row(conn, entity, uid);
        };
        let row = Row {
            doc: &self.doc,
            obj,
        };
        let written = match entity {
            Entity::Baby => {
                shared::put_baby(conn, &fields::baby_of(uid, &row).ok_or(Error::RowDamaged)?)?
            }
            Entity::Kind => {
                shared::put_kind(conn, &fields::kind_of(uid, &row).ok_or(Error::RowDamaged)?)?
            }
            Entity::Moment => shared::put_moment(
                conn,
                &fields::moment_of(uid, &row, &self.me).ok_or(Error::RowDamaged)?,
            )?,
            Entity::Timer => {
                let t = fields::timer_of(uid, &row, &self.me).ok_or(Error::RowDamaged)?;
                let (put, removed) = shared::put_timer(conn, &t)?;
                if let Some(loser) = removed {
                    self.delete(&self::key(Entity::Timer, &loser))?;
                }
                put
            }
        };
        Ok(match written {
            shared::Put::Kept => Applied::Nothing,
            _ => Applied::Written,
        })
    }

    fn remove_row(&mut self, conn: &Connection, entity: Entity, uid: &str) -> Result<Applied> {
        let removed = match entity {
            Entity::Moment => shared::remove_moment(conn, uid)?,
            Entity::Timer => shared::remove_timer(conn, uid)?,
            Entity::Baby | Entity::Kind => false,
        };
        Ok(if removed {
            Applied::Removed
        } else {
            Applied::Nothing
        })
    }

    /// Appends the changes made since the last save to `sync_doc`, or saves the whole
    /// document again once there are many chunks.
    fn persist(&mut self, conn: &Connection) -> Result<()> {
        let chunks: i64 = conn.query_row("SELECT count(*) FROM sync_doc", [], |r| r.get(0))?;
        if chunks >= CHUNKS_BEFORE_COMPACTING || chunks == 0 {
            let whole = self.doc.save();
            conn.execute("DELETE FROM sync_doc", [])?;
            conn.execute("INSERT INTO sync_doc (seq, bytes) VALUES (0, ?1)", [whole])?;
            return Ok(());
        }
        let chunk = self.doc.save_incremental();
        if !chunk.is_empty() {
            conn.execute(
                "INSERT INTO sync_doc (seq, bytes) VALUES ((SELECT max(seq) + 1 FROM sync_doc), ?1)",
                [chunk],
            )?;
        }
        Ok(())
    }

    /// Every row of the document, as `(key, field, value)` in order: for comparing replicas.
    pub fn dump(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for item in self.doc.map_range(ROOT, ..) {
            for field in self.doc.map_range(item.id(), ..) {
                out.push((
                    item.key.to_string(),
                    field.key.to_string(),
                    format!("{:?}", field.value),
                ));
            }
        }
        out
    }

    /// Whether the document holds the row.
    pub fn holds(&self, entity: Entity, uid: &str) -> bool {
        self.row_obj(&key(entity, uid)).is_some()
    }

    /// Whether a moment's feelings are in the document.
    pub fn holds_feelings(&self, uid: &str) -> bool {
        self.row_obj(&key(Entity::Moment, uid)).is_some_and(|obj| {
            FEELINGS
                .iter()
                .any(|f| self.doc.get(&obj, *f).ok().flatten().is_some())
        })
    }
}

enum Applied {
    Written,
    Removed,
    Nothing,
}

/// The saved document: the whole save and the chunks after it, in order.
fn saved(conn: &Connection) -> Result<Vec<u8>> {
    let mut stmt = conn.prepare("SELECT bytes FROM sync_doc ORDER BY seq")?;
    let mut out = Vec::new();
    let chunks = stmt.query_map([], |row| row.get::<_, Vec<u8>>(0))?;
    for chunk in chunks {
        out.extend(chunk?);
    }
    Ok(out)
}

/// Runs `change` in a savepoint of its own: all of it is kept, or none.
fn savepoint<T>(conn: &Connection, change: impl FnOnce() -> Result<T>) -> Result<T> {
    conn.execute_batch("SAVEPOINT nestling_sync")?;
    let result = change();
    let end = match result {
        Ok(_) => "RELEASE nestling_sync",
        Err(_) => "ROLLBACK TO nestling_sync; RELEASE nestling_sync",
    };
    conn.execute_batch(end)?;
    result
}

/// The 16 bytes of a device id written as 32 hex digits.
fn hex_bytes(hex: &str) -> Option<[u8; 16]> {
    let mut out = [0u8; 16];
    if hex.len() != 32 {
        return None;
    }
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Whether the journal has a saved document.
pub fn has_document(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM sync_doc LIMIT 1", [], |_| Ok(()))
        .optional()?
        .is_some())
}
