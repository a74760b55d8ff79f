//! Writing records back: every record through the journal's own checks, in one savepoint.
//! How a merge matches records with what the journal holds is described in [`super`].

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::{
    BabyRecord, CheckInRecord, ContactRecord, Counts, KindRecord, Mode, MomentRecord, Records,
    Restored, Table, TimerRecord, WordRecord,
};
use crate::tx::{atomically, rehearse};
use crate::validate::{self, Checked};
use crate::{baby, care_team, check_in, clean, kind, moment, timer, words};
use crate::{Error, KindInput, Result, TimerInput};

/// Writes `records` into the journal in `mode`, checking each exactly as the journal checks
/// what the parent enters, at `now` (none may lie in the future). The first record that breaks
/// a rule is refused with [`Error::RecordRefused`] naming it, and nothing at all is written;
/// [`Mode::Empty`] into a journal holding anything of the parent's own is refused with
/// [`Error::JournalNotEmpty`].
pub fn restore(
    conn: &Connection,
    records: &Records,
    mode: Mode,
    now: DateTime<Utc>,
) -> Result<Restored> {
    atomically(conn, || write_all(conn, records, mode, now))
}

/// What [`restore`] would do — into this journal as it is when it is empty, merged otherwise —
/// with the same refusals, keeping nothing.
pub fn preview(conn: &Connection, records: &Records, now: DateTime<Utc>) -> Result<Restored> {
    rehearse(conn, || {
        let mode = match held(conn)? {
            (0, 0, 0) => Mode::Empty,
            _ => Mode::Merge,
        };
        write_all(conn, records, mode, now)
    })
}

fn write_all(conn: &Connection, r: &Records, mode: Mode, now: DateTime<Utc>) -> Result<Restored> {
    let journal_was_empty = refuse_when_held(conn, mode)?;
    let mut w = Writer::new(conn, mode, now, journal_was_empty);
    each(Table::Babies, &r.babies, |b| w.baby(b))?;
    each(Table::Kinds, &r.kinds, |k| w.kind(k))?;
    each(Table::FeelingWords, &r.feeling_words, |x| w.word(x))?;
    each(Table::Moments, &r.moments, |m| w.moment(m))?;
    each(Table::Timers, &r.timers, |t| w.timer(t))?;
    each(Table::CheckIns, &r.check_ins, |c| w.check_in(c))?;
    each(Table::CareTeam, &r.care_team, |c| w.contact(c))?;
    Ok(w.out)
}

/// Runs `write` on every row, naming the row that a rule refused. A failure of the database
/// itself (a duplicated id) is passed on as it is.
fn each<T>(table: Table, rows: &[T], mut write: impl FnMut(&T) -> Result<()>) -> Result<()> {
    for (index, row) in rows.iter().enumerate() {
        write(row).map_err(|rule| match rule {
            Error::Sqlite(_) => rule,
            rule => Error::RecordRefused {
                table,
                index,
                rule: Box::new(rule),
            },
        })?;
    }
    Ok(())
}

/// Moments, babies, and everything else of the parent's own, already in the journal.
fn held(conn: &Connection) -> Result<(u64, u64, u64)> {
    let (moments, babies, other): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM moment), (SELECT count(*) FROM baby),
                (SELECT count(*) FROM moment_kind WHERE built_in = 0)
              + (SELECT count(*) FROM feeling_word WHERE built_in = 0)
              + (SELECT count(*) FROM timer) + (SELECT count(*) FROM check_in)
              + (SELECT count(*) FROM care_contact)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    let n = |v: i64| v.unsigned_abs();
    Ok((n(moments), n(babies), n(other)))
}

/// Whether the journal is empty; an error when it is not and `mode` needs it to be.
fn refuse_when_held(conn: &Connection, mode: Mode) -> Result<bool> {
    match (held(conn)?, mode) {
        ((0, 0, 0), _) => Ok(true),
        (_, Mode::Merge) => Ok(false),
        ((moments, babies, other), Mode::Empty) => Err(Error::JournalNotEmpty {
            moments,
            babies,
            other,
        }),
    }
}

/// The next free id of `table` (one of the journal's own table names).
fn next_id(conn: &Connection, table: &str) -> Result<i64> {
    let sql = format!("SELECT ifnull(max(id), 0) + 1 FROM {table}");
    Ok(conn.query_row(&sql, [], |row| row.get(0))?)
}

struct Writer<'c> {
    conn: &'c Connection,
    mode: Mode,
    now: DateTime<Utc>,
    babies: HashMap<i64, i64>,
    kinds: HashMap<String, String>,
    out: Restored,
}

impl<'c> Writer<'c> {
    fn new(conn: &'c Connection, mode: Mode, now: DateTime<Utc>, empty: bool) -> Self {
        Self {
            conn,
            mode,
            now,
            babies: HashMap::new(),
            kinds: HashMap::new(),
            out: Restored {
                journal_was_empty: empty,
                ..Restored::default()
            },
        }
    }

    fn merging(&self) -> bool {
        self.mode == Mode::Merge
    }

    /// Counts a record as written, or as a duplicate already in the journal.
    fn count(&mut self, duplicate: bool, field: fn(&mut Counts) -> &mut u32) {
        let counts = match duplicate {
            true => &mut self.out.duplicates,
            false => &mut self.out.added,
        };
        *field(counts) += 1;
    }

    /// The id to write a record with: its own into an empty journal, a new one in a merge.
    fn own_id(&self, id: i64) -> Option<i64> {
        (!self.merging()).then_some(id)
    }

    fn baby_id(&self, id: Option<i64>) -> Result<Option<i64>> {
        id.map(|id| {
            self.babies
                .get(&id)
                .copied()
                .ok_or(Error::UnknownBaby { id })
        })
        .transpose()
    }

    fn kind_id(&self, id: &str) -> String {
        self.kinds.get(id).cloned().unwrap_or_else(|| id.to_owned())
    }

    fn baby(&mut self, b: &BabyRecord) -> Result<()> {
        let name = baby::checked_name(&b.name)?;
        let same = match self.merging() {
            true => same_baby(self.conn, &name, b)?,
            false => None,
        };
        let id = match same {
            Some(id) => id,
            None => insert_baby(self.conn, self.own_id(b.id), &name, b)?,
        };
        self.babies.insert(b.id, id);
        self.count(same.is_some(), |c| &mut c.babies);
        Ok(())
    }

    fn kind(&mut self, k: &KindRecord) -> Result<()> {
        if k.built_in {
            return self.built_in_kind(k);
        }
        let input = KindInput {
            name: k.name.clone(),
            emoji: k.emoji.clone(),
            timed: k.timed,
        };
        let (name, emoji) = kind::checked(&input)?;
        let same = match self.merging() {
            true => same_kind(self.conn, &name)?,
            false => None,
        };
        let id = match same.clone() {
            Some(id) => id,
            None => self.insert_kind(k, &name, &emoji)?,
        };
        self.kinds.insert(k.id.clone(), id);
        self.count(same.is_some(), |c| &mut c.kinds);
        Ok(())
    }

    /// A built-in kind is in every journal; an empty journal takes whether it was hidden.
    fn built_in_kind(&mut self, k: &KindRecord) -> Result<()> {
        if !kind::get(self.conn, &k.id)?.built_in {
            return Err(Error::UnknownKind {
                id: clean::for_message(&k.id),
            });
        }
        if !self.merging() {
            kind::set_hidden(self.conn, &k.id, k.hidden)?;
        }
        self.kinds.insert(k.id.clone(), k.id.clone());
        Ok(())
    }

    fn insert_kind(&self, k: &KindRecord, name: &str, emoji: &str) -> Result<String> {
        kind::refuse_taken_name(self.conn, name, None)?;
        let (id, position) = match self.merging() {
            true => (kind::next_custom_id(self.conn)?, None),
            false => (k.id.clone(), Some(k.position)),
        };
        if let Ok(existing) = kind::get(self.conn, &id) {
            return Err(Error::BuiltInKindChanged { id: existing.id });
        }
        insert_kind_row(self.conn, &id, name, emoji, position, k)?;
        Ok(id)
    }

    fn word(&mut self, w: &WordRecord) -> Result<()> {
        let word = words::feeling_word(&w.word)?;
        match self.merging() {
            true => words::remember(self.conn, &word, w.created_at),
            false => insert_word(self.conn, &word, w),
        }
    }

    fn moment(&mut self, m: &MomentRecord) -> Result<()> {
        let mut input = m.moment.clone();
        input.kind_id = self.kind_id(&input.kind_id);
        input.baby_id = self.baby_id(input.baby_id)?;
        let c = validate::check(&input, self.now)?;
        validate::check_references(self.conn, &c, c.baby_id)?;
        let duplicate = self.merging() && same_moment(self.conn, &c)?;
        if !duplicate {
            let times = [m.created_at, m.updated_at];
            let origin = moment::Origin::default();
            let id = moment::insert_row(
                self.conn,
                self.own_id(m.id),
                &c,
                times,
                m.deleted_at,
                &origin,
            )?;
            moment::write_labels(self.conn, id, &c, self.now)?;
        }
        self.count(duplicate, |c| &mut c.moments);
        Ok(())
    }

    fn timer(&mut self, t: &TimerRecord) -> Result<()> {
        let input = TimerInput {
            kind_id: self.kind_id(&t.kind_id),
            detail: t.detail.clone(),
            baby_id: self.baby_id(t.baby_id)?,
            who: t.who.clone(),
            utc_offset_seconds: t.utc_offset_seconds,
            started_at: Some(t.started_at),
        };
        let c = validate::check(&timer::as_moment(&input, self.now), self.now)?;
        validate::check_references(self.conn, &c, c.baby_id)?;
        let running = timer::refuse_a_second(self.conn, &c.kind_id, c.baby_id);
        let duplicate = self.merging() && running.is_err();
        if !duplicate {
            running?;
            timer::insert_row(self.conn, self.own_id(t.id), &c, None, None)?;
        }
        self.count(duplicate, |c| &mut c.timers);
        Ok(())
    }

    fn check_in(&mut self, r: &CheckInRecord) -> Result<()> {
        let duplicate = self.merging() && same_check_in(self.conn, r.answers.taken_at)?;
        if !duplicate {
            let id = match self.own_id(r.id) {
                Some(id) => id,
                None => next_id(self.conn, "check_in")?,
            };
            let (created, updated) = (r.created_at, r.updated_at);
            check_in::restore_row(
                self.conn,
                id,
                &r.answers,
                created,
                updated,
                r.deleted_at,
                self.now,
            )?;
        }
        self.count(duplicate, |c| &mut c.check_ins);
        Ok(())
    }

    fn contact(&mut self, r: &ContactRecord) -> Result<()> {
        let duplicate = self.merging() && same_contact(self.conn, r)?;
        if !duplicate {
            let (id, position) = match self.merging() {
                true => (
                    next_id(self.conn, "care_contact")?,
                    next_position(self.conn)?,
                ),
                false => (r.id, r.position),
            };
            let (created, updated) = (r.created_at, r.updated_at);
            care_team::restore_row(self.conn, id, &r.contact, position, created, updated)?;
        }
        self.count(duplicate, |c| &mut c.contacts);
        Ok(())
    }
}

fn same_baby(conn: &Connection, name: &str, b: &BabyRecord) -> Result<Option<i64>> {
    let name = name.to_lowercase();
    Ok(baby::list(conn)?
        .into_iter()
        .find(|x| x.name.to_lowercase() == name && x.birth_date == b.birth_date)
        .map(|x| x.id))
}

fn insert_baby(conn: &Connection, id: Option<i64>, name: &str, b: &BabyRecord) -> Result<i64> {
    conn.execute(
        "INSERT INTO baby (id, name, birth_date, archived_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            id,
            name,
            b.birth_date.map(crate::time::date_key),
            b.archived_at.map(|t| t.timestamp()),
            b.created_at.timestamp()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

fn same_kind(conn: &Connection, name: &str) -> Result<Option<String>> {
    let name = name.to_lowercase();
    Ok(kind::list(conn)?
        .into_iter()
        .find(|k| k.name.to_lowercase() == name)
        .map(|k| k.id))
}

/// A kind of the parent's own with its details; `position` none puts it last.
fn insert_kind_row(
    conn: &Connection,
    id: &str,
    name: &str,
    emoji: &str,
    position: Option<i64>,
    k: &KindRecord,
) -> Result<()> {
    conn.execute(
        "INSERT INTO moment_kind (id, name, emoji, timed, built_in, hidden, position, created_at)
         VALUES (?1, ?2, ?3, ?4, 0, ?5,
                 ifnull(?6, (SELECT max(position) + 1 FROM moment_kind)), ?7)",
        params![
            id,
            name,
            emoji,
            k.timed,
            k.hidden,
            position,
            k.created_at.timestamp()
        ],
    )?;
    for d in &k.details {
        conn.execute(
            "INSERT INTO moment_kind_detail (kind_id, id, name, position) VALUES (?1, ?2, ?3, ?4)",
            params![id, d.id, d.name, d.position],
        )?;
    }
    Ok(())
}

fn insert_word(conn: &Connection, word: &str, w: &WordRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO feeling_word (word, built_in, position, created_at) VALUES (?1, 0, ?2, ?3)",
        params![word, w.position, w.created_at.timestamp()],
    )?;
    Ok(())
}

fn same_moment(conn: &Connection, c: &Checked) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM moment WHERE kind_id = ?1 AND started_at = ?2 AND baby_id IS ?3
                AND note = ?4 LIMIT 1",
        )?
        .query_row(params![c.kind_id, c.started_at, c.baby_id, c.note], |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

fn same_check_in(conn: &Connection, taken_at: DateTime<Utc>) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM check_in WHERE taken_at = ?1 LIMIT 1",
            [taken_at.timestamp()],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn same_contact(conn: &Connection, r: &ContactRecord) -> Result<bool> {
    let name = clean::short_text(&r.contact.name).to_lowercase();
    let phone = clean::short_text(&r.contact.phone);
    Ok(care_team::list(conn)?
        .iter()
        .any(|c| c.role == r.contact.role && c.name.to_lowercase() == name && c.phone == phone))
}

fn next_position(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT ifnull(max(position), 0) + 1 FROM care_contact",
        [],
        |row| row.get(0),
    )?)
}
