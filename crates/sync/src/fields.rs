//! How each shared row is written in the document, field by field, and read back.
//!
//! The document's root map holds one map per row, keyed `b:<uid>` (baby), `k:<uid>` (kind of
//! the parent's own), `m:<uid>` (moment) and `t:<uid>` (running timer). A row's map is made
//! once, by the computer that made the row, so two computers never race to create the same
//! map (a timer stopped on both at once is the one exception, and either map is a whole
//! moment). Every field is a plain value (strings, integers, booleans), so concurrent changes
//! to different fields of one row both survive and a field changed on both keeps one value by
//! the engine's rule. An absent field is a missing key, never a null.
//!
//! | row | fields |
//! |-----|--------|
//! | baby | `name`, `birth` (YYYY-MM-DD), `archived`, `created` |
//! | kind | `name`, `emoji`, `timed`, `created` |
//! | moment | `author`, `kind`, `detail`, `start`, `offset`, `end`, `baby`, `who`, `caregiver`, `created`, `updated`, `deleted`, `share`, and only while `share` is true: `connection`, `energy`, `words`, `tags`, `note` |
//! | timer | `author`, `kind`, `detail`, `start`, `offset`, `baby`, `who`, `caregiver` |
//!
//! Times are seconds since the epoch (UTC); `offset` is seconds east of UTC; `kind` and `baby`
//! are uids; `author` is the device id of the computer that wrote the row. `who` is written as
//! seen by the row's author (`author`, `partner` or `caregiver`), so each computer turns it
//! round to its own point of view: what one calls "me" the other calls "partner". Feeling words
//! and tags are each one string, joined by the unit separator (U+001F), which no word contains.

use chrono::{DateTime, NaiveDate, Utc};
use nestling_journal::shared::{Care, Feelings, SharedBaby, SharedKind, SharedMoment, SharedTimer};
use nestling_journal::Who;

/// One field's value, or `None` for an absent field.
pub(crate) type Field = (&'static str, Option<Value>);

/// A plain value stored in a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Text(String),
    Int(i64),
    Bool(bool),
}

/// The fields of a row as read from the document.
pub(crate) trait Read {
    fn text(&self, key: &str) -> Option<String>;
    fn int(&self, key: &str) -> Option<i64>;
    fn bool(&self, key: &str) -> Option<bool>;
}

const SEPARATOR: char = '\u{1f}';
/// The feeling fields, present only while a moment's author shares them.
pub(crate) const FEELINGS: [&str; 5] = ["connection", "energy", "words", "tags", "note"];

fn text(s: &str) -> Option<Value> {
    Some(Value::Text(s.to_owned()))
}

fn instant(t: DateTime<Utc>) -> Option<Value> {
    Some(Value::Int(t.timestamp()))
}

fn instant_of(seconds: Option<i64>) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(seconds?, 0)
}

/// `who` as seen from this computer, written as seen by the row's author.
fn who_fields(who: &Who, author_is_me: bool) -> [Field; 2] {
    let (role, name) = match (who, author_is_me) {
        (Who::Me, true) | (Who::Partner, false) => ("author", None),
        (Who::Partner, true) | (Who::Me, false) => ("partner", None),
        (Who::Caregiver(name), _) => ("caregiver", text(name)),
    };
    [("who", text(role)), ("caregiver", name)]
}

fn who_of(row: &impl Read, author_is_me: bool) -> Option<Who> {
    Some(match (row.text("who")?.as_str(), author_is_me) {
        ("author", true) | ("partner", false) => Who::Me,
        ("author", false) | ("partner", true) => Who::Partner,
        ("caregiver", _) => Who::Caregiver(row.text("caregiver")?),
        _ => return None,
    })
}

fn care_fields(c: &Care, author_is_me: bool) -> Vec<Field> {
    let mut fields = vec![
        ("kind", text(&c.kind)),
        ("detail", c.detail.as_deref().and_then(text)),
        ("start", instant(c.started_at)),
        ("offset", Some(Value::Int(c.utc_offset_seconds))),
        ("baby", c.baby.as_deref().and_then(text)),
    ];
    fields.extend(who_fields(&c.who, author_is_me));
    fields
}

fn care_of(row: &impl Read, author_is_me: bool) -> Option<Care> {
    Some(Care {
        kind: row.text("kind")?,
        detail: row.text("detail"),
        started_at: instant_of(row.int("start"))?,
        utc_offset_seconds: row.int("offset")?,
        ended_at: instant_of(row.int("end")),
        baby: row.text("baby"),
        who: who_of(row, author_is_me)?,
    })
}

/// The fields of a baby.
pub(crate) fn baby_fields(b: &SharedBaby) -> Vec<Field> {
    vec![
        ("name", text(&b.name)),
        ("birth", b.birth_date.map(|d| Value::Text(d.to_string()))),
        ("archived", b.archived_at.and_then(instant)),
        ("created", instant(b.created_at)),
    ]
}

/// A baby read from its fields.
pub(crate) fn baby_of(uid: &str, row: &impl Read) -> Option<SharedBaby> {
    Some(SharedBaby {
        uid: uid.to_owned(),
        name: row.text("name")?,
        birth_date: match row.text("birth") {
            Some(d) => Some(d.parse::<NaiveDate>().ok()?),
            None => None,
        },
        archived_at: instant_of(row.int("archived")),
        created_at: instant_of(row.int("created"))?,
    })
}

/// The fields of a kind of the parent's own.
pub(crate) fn kind_fields(k: &SharedKind) -> Vec<Field> {
    vec![
        ("name", text(&k.name)),
        ("emoji", text(&k.emoji)),
        ("timed", Some(Value::Bool(k.timed))),
        ("created", instant(k.created_at)),
    ]
}

/// A kind read from its fields.
pub(crate) fn kind_of(uid: &str, row: &impl Read) -> Option<SharedKind> {
    Some(SharedKind {
        uid: uid.to_owned(),
        name: row.text("name")?,
        emoji: row.text("emoji")?,
        timed: row.bool("timed")?,
        created_at: instant_of(row.int("created"))?,
    })
}

/// The care fields of a moment and its times: what both computers may change.
pub(crate) fn moment_care_fields(m: &SharedMoment, me: &str) -> Vec<Field> {
    let author = m.author.as_deref().unwrap_or(me);
    let mut fields = care_fields(&m.care, m.author.is_none());
    fields.extend([
        ("author", text(author)),
        ("end", m.care.ended_at.and_then(instant)),
        ("created", instant(m.created_at)),
        ("updated", instant(m.updated_at)),
        ("deleted", m.deleted_at.and_then(instant)),
    ]);
    fields
}

/// The share box and the feelings of a moment written here: the feelings only while shared.
pub(crate) fn moment_feeling_fields(m: &SharedMoment) -> Vec<Field> {
    let f = &m.feelings;
    let shared = |value: Option<Value>| value.filter(|_| m.share_feelings);
    vec![
        ("share", Some(Value::Bool(m.share_feelings))),
        ("connection", shared(f.connection.map(Value::Int))),
        ("energy", shared(f.energy.map(Value::Int))),
        ("words", shared(joined(&f.feelings))),
        ("tags", shared(joined(&f.tags))),
        (
            "note",
            shared(
                Some(f.note.clone())
                    .filter(|n| !n.is_empty())
                    .map(Value::Text),
            ),
        ),
    ]
}

fn joined(list: &[String]) -> Option<Value> {
    let s: Vec<&str> = list.iter().map(String::as_str).collect();
    Some(s.join(&SEPARATOR.to_string()))
        .filter(|j| !j.is_empty())
        .map(Value::Text)
}

fn split(joined: Option<String>) -> Vec<String> {
    joined
        .map(|j| j.split(SEPARATOR).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// A moment read from its fields, as seen from the computer whose device id is `me`.
pub(crate) fn moment_of(uid: &str, row: &impl Read, me: &str) -> Option<SharedMoment> {
    let author = row.text("author")?;
    let mine = author == me;
    let share = row.bool("share").unwrap_or(false);
    Some(SharedMoment {
        uid: uid.to_owned(),
        care: care_of(row, mine)?,
        author: (!mine).then_some(author),
        feelings: match share {
            true => Feelings {
                connection: row.int("connection"),
                energy: row.int("energy"),
                feelings: split(row.text("words")),
                tags: split(row.text("tags")),
                note: row.text("note").unwrap_or_default(),
            },
            false => Feelings::default(),
        },
        share_feelings: share,
        private: false,
        created_at: instant_of(row.int("created"))?,
        updated_at: instant_of(row.int("updated"))?,
        deleted_at: instant_of(row.int("deleted")),
    })
}

/// The fields of a running timer.
pub(crate) fn timer_fields(t: &SharedTimer, me: &str) -> Vec<Field> {
    let mut fields = care_fields(&t.care, t.author.is_none());
    fields.push(("author", text(t.author.as_deref().unwrap_or(me))));
    fields
}

/// A timer read from its fields, as seen from the computer whose device id is `me`.
pub(crate) fn timer_of(uid: &str, row: &impl Read, me: &str) -> Option<SharedTimer> {
    let author = row.text("author")?;
    let mine = author == me;
    let mut care = care_of(row, mine)?;
    care.ended_at = None;
    Some(SharedTimer {
        uid: uid.to_owned(),
        author: (!mine).then_some(author),
        care,
    })
}
