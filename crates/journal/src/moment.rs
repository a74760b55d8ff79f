//! Moments of care: what the parent logs, and the SQL that stores, reads and changes one.
//!
//! [`insert`] and [`update`] take a [`MomentInput`] (the UI's JSON, passed straight through),
//! check it completely, and write the moment, its feeling words and its tags in one savepoint:
//! a refused moment saves nothing. The full-text index follows every change through triggers in
//! the same transaction. Moving to the trash, restoring and purging live in [`crate::trash`];
//! lists and totals in [`crate::query`]; search in [`crate::search`].

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::time::{date_at, instant_at, offset_at, optional_instant_at, rounded_minutes};
use crate::tx::atomically;
use crate::validate::{self, Checked};
use crate::{words, Error, Result};

/// Who gave the care. In JSON: `"me"`, `"partner"` or `{"caregiver": "Nana"}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Who {
    /// The parent using Nestling.
    #[default]
    Me,
    /// Their partner.
    Partner,
    /// Someone else, by name (1 to 60 characters).
    Caregiver(String),
}

/// A moment as the parent enters it, for [`insert`] and [`update`].
///
/// Everything but `kindId`, `startedAt` and `utcOffsetSeconds` may be left out of the JSON.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MomentInput {
    /// The kind's id, such as `feeding` or `custom_1`.
    pub kind_id: String,
    /// One of the kind's details (such as `breast_left`), or none.
    #[serde(default)]
    pub detail: Option<String>,
    /// When it started (RFC 3339; any offset, stored as the UTC instant).
    pub started_at: DateTime<Utc>,
    /// The UTC offset of the parent's clock when it was logged, in seconds east of UTC
    /// (`-new Date().getTimezoneOffset() * 60` in the UI).
    pub utc_offset_seconds: i64,
    /// When it ended; none for a moment without duration.
    #[serde(default)]
    pub ended_at: Option<DateTime<Utc>>,
    /// The baby it was with, or none.
    #[serde(default)]
    pub baby_id: Option<i64>,
    /// Who gave the care.
    #[serde(default)]
    pub who: Who,
    /// How connected the parent felt, 1 to 5.
    #[serde(default)]
    pub connection: Option<i64>,
    /// How much energy the parent had, 1 to 5.
    #[serde(default)]
    pub energy: Option<i64>,
    /// Feeling words, built-in or the parent's own.
    #[serde(default)]
    pub feelings: Vec<String>,
    /// The note, up to 100,000 characters.
    #[serde(default)]
    pub note: String,
    /// Never included in an export for a therapist.
    #[serde(default)]
    pub private: bool,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A stored moment, as the UI receives it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Moment {
    /// The moment's id.
    pub id: i64,
    /// The kind's id.
    pub kind_id: String,
    /// The kind's detail, if any.
    pub detail: Option<String>,
    /// The UTC instant it started.
    pub started_at: DateTime<Utc>,
    /// The UTC offset it was logged in, seconds east of UTC.
    pub utc_offset_seconds: i32,
    /// The start on the clock it was logged by (RFC 3339 with that offset).
    pub start_local: DateTime<FixedOffset>,
    /// The calendar day it belongs to: the date on that clock (`YYYY-MM-DD`).
    pub local_date: NaiveDate,
    /// The UTC instant it ended, if it has a duration.
    pub ended_at: Option<DateTime<Utc>>,
    /// The end on the clock it was logged by.
    pub end_local: Option<DateTime<FixedOffset>>,
    /// Its length in seconds, from the instants.
    pub duration_seconds: Option<i64>,
    /// Its length rounded to the nearest minute.
    pub duration_minutes: Option<i64>,
    /// The baby, if any.
    pub baby_id: Option<i64>,
    /// Who gave the care.
    pub who: Who,
    /// Connection, 1 to 5.
    pub connection: Option<i64>,
    /// Energy, 1 to 5.
    pub energy: Option<i64>,
    /// Feeling words, in the order chosen.
    pub feelings: Vec<String>,
    /// The note, exactly as stored.
    pub note: String,
    /// Never exported for a therapist.
    pub private: bool,
    /// Tags, in the order given.
    pub tags: Vec<String>,
    /// When it was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last changed (including moving to or from the trash).
    pub updated_at: DateTime<Utc>,
    /// When it was moved to the trash; none while it is live.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Written on the partner's computer: its care can be changed here, its feelings cannot.
    pub from_partner: bool,
    /// Its author shares its note, feeling words, tags and ratings with the partner.
    pub share_feelings: bool,
}

/// Stands in for journal text in `Debug` output: only its length is shown.
pub(crate) struct Redacted<'a>(pub(crate) &'a str);

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted: {} characters>", self.0.chars().count())
    }
}

impl Moment {
    /// The input that would save this moment as it is: the start of an edit.
    pub fn as_input(&self) -> MomentInput {
        MomentInput {
            kind_id: self.kind_id.clone(),
            detail: self.detail.clone(),
            started_at: self.started_at,
            utc_offset_seconds: self.utc_offset_seconds.into(),
            ended_at: self.ended_at,
            baby_id: self.baby_id,
            who: self.who.clone(),
            connection: self.connection,
            energy: self.energy,
            feelings: self.feelings.clone(),
            note: self.note.clone(),
            private: self.private,
            tags: self.tags.clone(),
        }
    }
}

impl fmt::Debug for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Moment")
            .field("id", &self.id)
            .field("kind_id", &self.kind_id)
            .field("detail", &self.detail)
            .field("start_local", &self.start_local)
            .field("local_date", &self.local_date)
            .field("end_local", &self.end_local)
            .field("baby_id", &self.baby_id)
            .field("who", &self.who)
            .field("connection", &self.connection)
            .field("energy", &self.energy)
            .field("feelings", &self.feelings)
            .field("note", &Redacted(&self.note))
            .field("private", &self.private)
            .field("tags", &self.tags)
            .field("deleted_at", &self.deleted_at)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for MomentInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MomentInput")
            .field("kind_id", &self.kind_id)
            .field("detail", &self.detail)
            .field("started_at", &self.started_at)
            .field("utc_offset_seconds", &self.utc_offset_seconds)
            .field("ended_at", &self.ended_at)
            .field("baby_id", &self.baby_id)
            .field("who", &self.who)
            .field("connection", &self.connection)
            .field("energy", &self.energy)
            .field("feelings", &self.feelings)
            .field("note", &Redacted(&self.note))
            .field("private", &self.private)
            .field("tags", &self.tags)
            .finish()
    }
}

/// The columns [`from_row`] reads, for every query that returns moments (`m` is `moment`).
///
/// Feeling words and tags are read in order from a subquery that walks their primary key
/// (moment, position): `group_concat(… ORDER BY …)` would sort each moment's few words in a
/// temporary table, which cost more than the rest of a day's query together.
pub(crate) const COLUMNS: &str = "m.id, m.kind_id, m.detail, m.started_at, m.utc_offset,
    m.local_date, m.ended_at, m.baby_id, m.who, m.caregiver, m.connection, m.energy, m.note,
    m.private, m.created_at, m.updated_at, m.deleted_at,
    (SELECT group_concat(word, char(31)) FROM
       (SELECT f.word FROM moment_feeling f WHERE f.moment_id = m.id ORDER BY f.position)),
    (SELECT group_concat(tag, char(31)) FROM
       (SELECT t.tag FROM moment_tag t WHERE t.moment_id = m.id ORDER BY t.position)),
    m.author IS NOT NULL, m.share_feelings";

/// How many characters of a note a list carries: what a row shows, not the whole note.
pub const NOTE_PREVIEW_CHARS: usize = 140;

/// A moment as a list or a search carries it to the page: what a row shows, and no more. The
/// whole moment is read when the parent opens it. A detail, trash date or flag that says nothing
/// (none, or false) is left out of the JSON; the page reads a missing one as none or false.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MomentRow {
    /// The moment's id.
    pub id: i64,
    /// The kind's id.
    pub kind_id: String,
    /// The kind's detail, if any (left out of the reply when there is none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The start on the clock it was logged by.
    pub start_local: DateTime<FixedOffset>,
    /// The calendar day it belongs to.
    pub local_date: NaiveDate,
    /// Its length rounded to the nearest minute.
    pub duration_minutes: Option<i64>,
    /// The baby, if any.
    pub baby_id: Option<i64>,
    /// Connection, 1 to 5.
    pub connection: Option<i64>,
    /// Energy, 1 to 5.
    pub energy: Option<i64>,
    /// Feeling words, in the order chosen.
    pub feelings: Vec<String>,
    /// The start of the note: runs of white space as one space, and only its first
    /// [`NOTE_PREVIEW_CHARS`] characters followed by "…" when it is longer.
    pub note: String,
    /// Whether `note` was cut.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub note_cut: bool,
    /// Never exported for a therapist.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// When it was moved to the trash; none while it is live.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<DateTime<Utc>>,
    /// Written on the partner's computer (a row says so beside it).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_partner: bool,
}

impl From<Moment> for MomentRow {
    fn from(m: Moment) -> MomentRow {
        let (note, note_cut) = note_start(&m.note);
        MomentRow {
            id: m.id,
            kind_id: m.kind_id,
            detail: m.detail,
            start_local: m.start_local,
            local_date: m.local_date,
            duration_minutes: m.duration_minutes,
            baby_id: m.baby_id,
            connection: m.connection,
            energy: m.energy,
            feelings: m.feelings,
            note,
            note_cut,
            private: m.private,
            deleted_at: m.deleted_at,
            from_partner: m.from_partner,
        }
    }
}

/// The start of `note` as a row shows it, and whether it was cut.
fn note_start(note: &str) -> (String, bool) {
    let mut flat = String::with_capacity(note.len().min(NOTE_PREVIEW_CHARS * 4));
    let mut count = 0;
    let mut cut = false;
    'words: for word in note.split_whitespace() {
        if count > 0 {
            if count == NOTE_PREVIEW_CHARS {
                cut = true;
                break;
            }
            flat.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count == NOTE_PREVIEW_CHARS {
                cut = true;
                break 'words;
            }
            flat.push(c);
            count += 1;
        }
    }
    if cut {
        flat.truncate(flat.trim_end().len());
        flat.push('…');
    }
    (flat, cut)
}

/// Maps a row of [`COLUMNS`] to a moment.
pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Moment> {
    let started_at = instant_at(row, 3)?;
    let offset = offset_at(row, 4)?;
    let ended_at = optional_instant_at(row, 6)?;
    let seconds = ended_at.map(|end| (end - started_at).num_seconds());
    Ok(Moment {
        id: row.get(0)?,
        kind_id: row.get(1)?,
        detail: row.get(2)?,
        started_at,
        utc_offset_seconds: offset.local_minus_utc(),
        start_local: started_at.with_timezone(&offset),
        local_date: date_at(row, 5)?,
        ended_at,
        end_local: ended_at.map(|end| end.with_timezone(&offset)),
        duration_seconds: seconds,
        duration_minutes: seconds.map(rounded_minutes),
        baby_id: row.get(7)?,
        who: who_at(row, 8)?,
        connection: row.get(10)?,
        energy: row.get(11)?,
        feelings: split_list(row.get(17)?),
        note: row.get(12)?,
        private: row.get(13)?,
        tags: split_list(row.get(18)?),
        created_at: instant_at(row, 14)?,
        updated_at: instant_at(row, 15)?,
        deleted_at: optional_instant_at(row, 16)?,
        from_partner: row.get(19)?,
        share_feelings: row.get(20)?,
    })
}

/// Reads `who` and `caregiver` from columns `idx` and `idx + 1`.
pub fn who_at(row: &Row<'_>, idx: usize) -> rusqlite::Result<Who> {
    let who: String = row.get(idx)?;
    match (who.as_str(), row.get::<_, Option<String>>(idx + 1)?) {
        ("me", _) => Ok(Who::Me),
        ("partner", _) => Ok(Who::Partner),
        ("caregiver", Some(name)) => Ok(Who::Caregiver(name)),
        _ => Err(rusqlite::Error::InvalidColumnType(
            idx,
            "who".into(),
            rusqlite::types::Type::Text,
        )),
    }
}

fn split_list(joined: Option<String>) -> Vec<String> {
    joined
        .map(|j| j.split('\u{1f}').map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Checks `input` and saves it as a new moment.
pub fn insert(conn: &Connection, input: &MomentInput, now: DateTime<Utc>) -> Result<Moment> {
    let checked = validate::check(input, now)?;
    atomically(conn, || insert_checked(conn, &checked, None, now))
}

/// Saves a checked moment; the caller holds the savepoint. `keep_baby` may be archived.
pub(crate) fn insert_checked(
    conn: &Connection,
    c: &Checked,
    keep_baby: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Moment> {
    validate::check_references(conn, c, keep_baby)?;
    let id = insert_row(conn, None, c, [now, now], None, &Origin::default())?;
    write_labels(conn, id, c, now)?;
    get(conn, id)
}

/// Where a moment being inserted comes from: written here (the default, a new uid), or
/// arrived from the partner's computer with its own uid, author and share box.
#[derive(Default)]
pub(crate) struct Origin<'a> {
    pub(crate) uid: Option<&'a str>,
    pub(crate) author: Option<&'a str>,
    pub(crate) share_feelings: bool,
}

/// Inserts a checked moment with `id` (a new one when `None`), created and updated at `times`,
/// in the trash since `deleted_at` when set, from `origin`; returns its id. Labels are written
/// apart.
pub(crate) fn insert_row(
    conn: &Connection,
    id: Option<i64>,
    c: &Checked,
    [created_at, updated_at]: [DateTime<Utc>; 2],
    deleted_at: Option<DateTime<Utc>>,
    origin: &Origin<'_>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO moment (id, kind_id, detail, started_at, utc_offset, ended_at, baby_id, who,
                             caregiver, connection, energy, note, private, created_at,
                             updated_at, deleted_at, uid, author, share_feelings)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19)",
    )?
    .execute(params![
        id,
        c.kind_id,
        c.detail,
        c.started_at,
        c.utc_offset,
        c.ended_at,
        c.baby_id,
        c.who,
        c.caregiver,
        c.connection,
        c.energy,
        c.note,
        c.private,
        created_at.timestamp(),
        updated_at.timestamp(),
        deleted_at.map(|t| t.timestamp()),
        origin.uid,
        origin.author,
        origin.share_feelings
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The moment with `id`, whether live or in the trash.
pub fn get(conn: &Connection, id: i64) -> Result<Moment> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM moment m WHERE m.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or(Error::MomentNotFound { id })
}

/// Checks `input` and replaces every field of the live moment `id` with it. A moment written on
/// the partner's computer keeps its feelings (note, feeling words, tags, ratings) and stays
/// shared: only its author changes those.
pub fn update(
    conn: &Connection,
    id: i64,
    input: &MomentInput,
    now: DateTime<Utc>,
) -> Result<Moment> {
    atomically(conn, || {
        let current = get(conn, id)?;
        if current.deleted_at.is_some() {
            return Err(Error::MomentInTrash { id });
        }
        let checked = match current.from_partner {
            true => validate::check(&with_feelings_of(input, &current), now)?,
            false => validate::check(input, now)?,
        };
        validate::check_references(conn, &checked, current.baby_id)?;
        update_row(conn, id, &checked, now)?;
        write_labels(conn, id, &checked, now)?;
        get(conn, id)
    })
}

/// Ticks or unticks "share with partner" on moment `id`: whether its note, feeling words, tags
/// and ratings go to the partner's computer with its care. Only a moment written here has the
/// box; a partner's moment is refused with [`Error::PartnersMoment`].
pub fn set_share_feelings(
    conn: &Connection,
    id: i64,
    share: bool,
    now: DateTime<Utc>,
) -> Result<Moment> {
    atomically(conn, || {
        if get(conn, id)?.from_partner {
            return Err(Error::PartnersMoment { id });
        }
        conn.execute(
            "UPDATE moment SET share_feelings = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, share, now.timestamp()],
        )?;
        get(conn, id)
    })
}

/// `input` with the feelings and private mark of `current`.
fn with_feelings_of(input: &MomentInput, current: &Moment) -> MomentInput {
    MomentInput {
        connection: current.connection,
        energy: current.energy,
        feelings: current.feelings.clone(),
        note: current.note.clone(),
        private: current.private,
        tags: current.tags.clone(),
        ..input.clone()
    }
}

/// Writes every field of `c` into moment `id`, changed at `now`; labels are written apart.
pub(crate) fn update_row(
    conn: &Connection,
    id: i64,
    c: &Checked,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE moment SET kind_id = ?2, detail = ?3, started_at = ?4, utc_offset = ?5,
                ended_at = ?6, baby_id = ?7, who = ?8, caregiver = ?9, connection = ?10,
                energy = ?11, note = ?12, private = ?13, updated_at = ?14
          WHERE id = ?1",
    )?
    .execute(params![
        id,
        c.kind_id,
        c.detail,
        c.started_at,
        c.utc_offset,
        c.ended_at,
        c.baby_id,
        c.who,
        c.caregiver,
        c.connection,
        c.energy,
        c.note,
        c.private,
        now.timestamp()
    ])?;
    Ok(())
}

pub(crate) fn write_labels(
    conn: &Connection,
    id: i64,
    c: &Checked,
    now: DateTime<Utc>,
) -> Result<()> {
    words::set_feelings(conn, id, &c.feelings, now)?;
    words::set_tags(conn, id, &c.tags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, input, log, now, rows, store};
    use crate::{baby, BabyInput, MAX_NOTE_CHARS};
    use nestling_store::Store;
    use serde_json::json;

    fn refused(store: &Store, input: &MomentInput) -> Error {
        insert(store.conn(), input, now()).expect_err("refused")
    }

    fn add_baby(store: &Store, name: &str) -> i64 {
        let input = BabyInput {
            name: name.into(),
            birth_date: None,
        };
        baby::add(store.conn(), &input, now()).expect("baby").id
    }

    fn listed(store: &Store, note: &str) -> MomentRow {
        let mut i = input("soothing", "2024-05-01T08:15:00+02:00");
        i.note = note.into();
        log(store, &i).into()
    }

    #[test]
    fn a_list_carries_a_short_note_whole_with_its_spaces_folded() {
        let store = store();
        let m = listed(&store, "  She slept\n\n on me\t<b>x</b> 🤱 ליד  ");
        assert_eq!(m.note, "She slept on me <b>x</b> 🤱 ליד");
        assert!(!m.note_cut);
        let json = serde_json::to_value(&m).expect("json");
        assert!(
            json.get("noteCut").is_none(),
            "a whole note needs no flag: {json}"
        );
        let fields: Vec<&String> = json.as_object().expect("an object").keys().collect();
        for heavy in [
            "startedAt",
            "endLocal",
            "createdAt",
            "updatedAt",
            "tags",
            "who",
        ] {
            assert!(
                !fields.iter().any(|f| *f == heavy),
                "a row carries no {heavy}"
            );
        }
    }

    #[test]
    fn a_list_carries_only_the_start_of_a_long_note_and_says_so() {
        let store = store();
        let exactly = "é".repeat(NOTE_PREVIEW_CHARS);
        let m = listed(&store, &exactly);
        assert_eq!((m.note.as_str(), m.note_cut), (exactly.as_str(), false));

        let long = "word ".repeat(MAX_NOTE_CHARS / 5);
        let m = listed(&store, &long);
        assert!(m.note_cut);
        assert!(m.note.ends_with("word…"), "{}", m.note);
        assert!(m.note.chars().count() <= NOTE_PREVIEW_CHARS + 1);
        let json = serde_json::to_value(&m).expect("json");
        assert_eq!(json["noteCut"], true);

        let emoji = "🤱".repeat(NOTE_PREVIEW_CHARS + 3);
        let m = listed(&store, &emoji);
        assert_eq!(m.note.chars().count(), NOTE_PREVIEW_CHARS + 1);
        assert!(m.note_cut);
        let opened = get(store.conn(), m.id).expect("read");
        assert_eq!(opened.note, emoji, "opening reads it whole");
    }

    #[test]
    fn logs_an_instant_with_no_baby() {
        let store = store();
        let m = log(&store, &input("changing", "2024-05-01T08:15:00+02:00"));
        assert_eq!(m.kind_id, "changing");
        assert_eq!(
            (m.baby_id, m.ended_at, m.duration_minutes),
            (None, None, None)
        );
        assert_eq!(m.who, Who::Me);
        assert_eq!(m.local_date.to_string(), "2024-05-01");
        assert_eq!(m.start_local.to_rfc3339(), "2024-05-01T08:15:00+02:00");
        assert_eq!(
            (m.created_at, m.updated_at, m.deleted_at),
            (now(), now(), None)
        );
        assert_eq!(get(store.conn(), m.id).expect("read back"), m);
    }

    #[test]
    fn logs_a_feed_with_its_side_and_computes_its_duration() {
        let store = store();
        let mut feed = input("feeding", "2024-05-01T03:10:00+02:00");
        feed.detail = Some("breast_left".into());
        feed.ended_at = Some(at("2024-05-01T03:32:40+02:00"));
        let m = log(&store, &feed);
        assert_eq!(m.detail.as_deref(), Some("breast_left"));
        assert_eq!(m.duration_seconds, Some(22 * 60 + 40));
        assert_eq!(m.duration_minutes, Some(23));
        assert_eq!(
            m.end_local.map(|e| e.to_rfc3339()).as_deref(),
            Some("2024-05-01T03:32:40+02:00")
        );
    }

    #[test]
    fn serializes_for_the_ui_in_camel_case() {
        let store = store();
        let baby = add_baby(&store, "Ada");
        let mut feed = input("feeding", "2024-03-31T03:00:00+02:00");
        feed.detail = Some("bottle".into());
        feed.ended_at = Some(at("2024-03-31T03:20:00+02:00"));
        feed.baby_id = Some(baby);
        feed.who = Who::Caregiver("Nana".into());
        feed.connection = Some(4);
        feed.feelings = vec!["tender".into()];
        feed.note = "Warm and sleepy.".into();
        feed.tags = vec!["night".into()];
        let m = log(&store, &feed);
        let value = serde_json::to_value(&m).expect("serializes");
        assert_eq!(
            value,
            json!({
                "id": m.id,
                "kindId": "feeding",
                "detail": "bottle",
                "startedAt": "2024-03-31T01:00:00Z",
                "utcOffsetSeconds": 7200,
                "startLocal": "2024-03-31T03:00:00+02:00",
                "localDate": "2024-03-31",
                "endedAt": "2024-03-31T01:20:00Z",
                "endLocal": "2024-03-31T03:20:00+02:00",
                "durationSeconds": 1200,
                "durationMinutes": 20,
                "babyId": baby,
                "who": {"caregiver": "Nana"},
                "connection": 4,
                "energy": null,
                "feelings": ["tender"],
                "note": "Warm and sleepy.",
                "private": false,
                "tags": ["night"],
                "createdAt": "2025-01-01T12:00:00Z",
                "updatedAt": "2025-01-01T12:00:00Z",
                "deletedAt": null,
                "fromPartner": false,
                "shareFeelings": false
            })
        );
    }

    #[test]
    fn reads_the_uis_json_with_only_the_required_fields() {
        let parsed: MomentInput = serde_json::from_value(json!({
            "kindId": "rocking",
            "startedAt": "2024-01-10T23:30:00-05:00",
            "utcOffsetSeconds": -18000
        }))
        .expect("parses");
        assert_eq!(parsed.started_at, at("2024-01-11T04:30:00Z"));
        assert_eq!(parsed.who, Who::Me);
        assert!(parsed.feelings.is_empty() && parsed.note.is_empty() && !parsed.private);
    }

    #[test]
    fn who_is_me_partner_or_a_named_caregiver_in_json() {
        let whos = [Who::Me, Who::Partner, Who::Caregiver("Nana".into())];
        let json = serde_json::to_value(&whos).expect("serializes");
        assert_eq!(json, json!(["me", "partner", {"caregiver": "Nana"}]));
        let back: Vec<Who> = serde_json::from_value(json).expect("parses");
        assert_eq!(back, whos);
    }

    #[test]
    fn rejects_end_before_start() {
        let store = store();
        let mut m = input("rocking", "2024-05-01T08:00:00+02:00");
        m.ended_at = Some(at("2024-05-01T07:59:59+02:00"));
        let err = refused(&store, &m);
        assert!(matches!(err, Error::EndBeforeStart));
        assert_eq!(
            err.to_string(),
            "The end time is before the start time. Please check both times."
        );
    }

    #[test]
    fn rejects_a_start_more_than_five_minutes_in_the_future() {
        let store = store();
        let mut m = input("rocking", "2025-01-01T12:05:00Z");
        log(&store, &m);
        m.started_at = at("2025-01-01T12:05:01Z");
        let err = refused(&store, &m);
        assert!(matches!(err, Error::StartInFuture));
        assert_eq!(
            err.to_string(),
            "The start time is more than 5 minutes in the future. Please check the time and the date."
        );
    }

    #[test]
    fn rejects_an_end_more_than_five_minutes_in_the_future() {
        let store = store();
        let mut m = input("rocking", "2025-01-01T11:50:00Z");
        m.ended_at = Some(at("2025-01-01T12:06:00Z"));
        let err = refused(&store, &m);
        assert_eq!(
            err.to_string(),
            "The end time is more than 5 minutes in the future. Please check the time and the date."
        );
    }

    #[test]
    fn rejects_a_duration_over_24_hours() {
        let store = store();
        let mut m = input("carrying_walking", "2024-05-01T08:00:00Z");
        m.ended_at = Some(at("2024-05-02T08:00:00Z"));
        log(&store, &m);
        m.ended_at = Some(at("2024-05-02T08:00:01Z"));
        let err = refused(&store, &m);
        assert!(matches!(err, Error::TooLong));
        assert_eq!(
            err.to_string(),
            "A moment can last up to 24 hours. Please check the start and end times."
        );
    }

    #[test]
    fn rejects_a_start_before_the_year_2000() {
        let store = store();
        let err = refused(&store, &input("rocking", "1999-12-31T23:59:59Z"));
        assert_eq!(
            err.to_string(),
            "The start time is before the year 2000. Please check the date."
        );
    }

    #[test]
    fn rejects_ratings_outside_one_to_five() {
        let store = store();
        for bad in [0, 6, -1, i64::MAX] {
            let mut m = input("rocking", "2024-05-01T08:00:00Z");
            m.connection = Some(bad);
            let err = refused(&store, &m);
            assert!(matches!(err, Error::ConnectionOutOfRange { value } if value == bad));
            assert_eq!(
                err.to_string(),
                "Connection is rated from 1 to 5. Please choose one of those, or leave it empty."
            );
            let mut m = input("rocking", "2024-05-01T08:00:00Z");
            m.energy = Some(bad);
            assert_eq!(
                refused(&store, &m).to_string(),
                "Energy is rated from 1 to 5. Please choose one of those, or leave it empty."
            );
        }
        let mut m = input("rocking", "2024-05-01T08:00:00Z");
        (m.connection, m.energy) = (Some(1), Some(5));
        assert_eq!(log(&store, &m).connection, Some(1));
    }

    #[test]
    fn rejects_an_unknown_kind_quoting_a_cleaned_short_id() {
        let store = store();
        let err = refused(&store, &input("juggling", "2024-05-01T08:00:00Z"));
        assert!(matches!(err, Error::UnknownKind { ref id } if id == "juggling"));
        let hostile = format!("\u{1b}[2J{}", "k".repeat(300));
        let message = refused(&store, &input(&hostile, "2024-05-01T08:00:00Z")).to_string();
        assert!(!message.contains('\u{1b}'));
        assert!(message.chars().count() < 150, "{message}");
    }

    #[test]
    fn rejects_a_detail_the_kind_does_not_offer() {
        let store = store();
        let mut m = input("feeding", "2024-05-01T08:00:00Z");
        m.detail = Some("breast_middle".into());
        let err = refused(&store, &m);
        assert!(matches!(err, Error::UnknownDetail { .. }));
        m.detail = Some("  ".into());
        assert_eq!(log(&store, &m).detail, None, "a blank detail is no detail");
    }

    #[test]
    fn rejects_an_unknown_baby() {
        let store = store();
        let mut m = input("rocking", "2024-05-01T08:00:00Z");
        m.baby_id = Some(7);
        let err = refused(&store, &m);
        assert!(matches!(err, Error::UnknownBaby { id: 7 }));
    }

    #[test]
    fn rejects_an_archived_baby() {
        let store = store();
        let id = add_baby(&store, "Ada");
        baby::archive(store.conn(), id, now()).expect("archived");
        let mut m = input("rocking", "2024-05-01T08:00:00Z");
        m.baby_id = Some(id);
        assert!(matches!(refused(&store, &m), Error::ArchivedBaby { .. }));
    }

    #[test]
    fn rejects_a_note_over_100_000_characters_counting_characters_not_bytes() {
        let store = store();
        let mut m = input("soothing", "2024-05-01T08:00:00Z");
        m.note = "👶".repeat(MAX_NOTE_CHARS);
        assert_eq!(log(&store, &m).note.chars().count(), 100_000);
        m.note = "a".repeat(MAX_NOTE_CHARS + 1);
        let err = refused(&store, &m);
        assert!(matches!(err, Error::NoteTooLong { chars: 100_001 }));
        assert_eq!(
            err.to_string(),
            "This note is longer than 100,000 characters. Please shorten it, or split it across two moments."
        );
    }

    #[test]
    fn rejects_a_caregiver_without_a_name_or_with_a_long_one() {
        let store = store();
        let mut m = input("rocking", "2024-05-01T08:00:00Z");
        m.who = Who::Caregiver(" \t".into());
        assert_eq!(
            refused(&store, &m).to_string(),
            "Please type the caregiver\u{2019}s name, or choose \u{201c}me\u{201d} or \u{201c}partner\u{201d}."
        );
        m.who = Who::Caregiver("n".repeat(61));
        assert_eq!(
            refused(&store, &m).to_string(),
            "A caregiver\u{2019}s name can be up to 60 characters long. Please shorten it."
        );
    }

    #[test]
    fn rejects_an_offset_no_time_zone_has() {
        let store = store();
        let mut m = input("rocking", "2024-05-01T08:00:00Z");
        m.utc_offset_seconds = 20 * 3600;
        assert!(matches!(
            refused(&store, &m),
            Error::OffsetOutOfRange { seconds: 72_000 }
        ));
    }

    #[test]
    fn short_fields_lose_control_characters_and_notes_keep_any_unicode() {
        let store = store();
        let mut m = input("soothing", "2024-05-01T08:00:00Z");
        m.who = Who::Caregiver("\u{7}Nana\n".into());
        m.feelings = vec!["Calm\t".into(), "\u{0}proud".into()];
        m.tags = vec!["#Night\u{1b}".into()];
        m.note = "<img src=x onerror=alert(1)> שלום 👶🏽 &amp; \"quotes\"\n\tok".into();
        let saved = log(&store, &m);
        assert_eq!(saved.who, Who::Caregiver("Nana".into()));
        assert_eq!(saved.feelings, ["calm", "proud"]);
        assert_eq!(saved.tags, ["night"]);
        assert_eq!(saved.note, m.note, "the note is stored verbatim");
    }

    #[test]
    fn feelings_and_tags_keep_the_order_given_without_repeats() {
        let store = store();
        let mut m = input("soothing", "2024-05-01T08:00:00Z");
        m.feelings = vec![
            "tender".into(),
            "Hopeful".into(),
            "calm".into(),
            "TENDER".into(),
        ];
        m.tags = vec!["night".into(), "colic".into(), "#night".into()];
        let saved = log(&store, &m);
        assert_eq!(saved.feelings, ["tender", "hopeful", "calm"]);
        assert_eq!(saved.tags, ["night", "colic"]);
    }

    #[test]
    fn a_refused_moment_saves_nothing_at_all() {
        let store = store();
        let tables = [
            "moment",
            "moment_feeling",
            "moment_tag",
            "feeling_word",
            "moment_fts",
        ];
        let before: Vec<i64> = tables.iter().map(|t| rows(&store, t)).collect();
        let mut m = input("feeding", "2024-05-01T08:00:00Z");
        m.feelings = vec!["brand new word".into()];
        m.tags = vec!["fine".into(), "not, fine".into()];
        m.note = "A note that must not be indexed.".into();
        assert!(matches!(refused(&store, &m), Error::TagHasComma));
        m.tags = vec!["fine".into()];
        m.baby_id = Some(99);
        assert!(matches!(refused(&store, &m), Error::UnknownBaby { id: 99 }));
        let after: Vec<i64> = tables.iter().map(|t| rows(&store, t)).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn a_failure_midway_rolls_back_the_moment_its_words_and_its_index_entry() {
        let store = store();
        store
            .conn()
            .execute_batch(
                "CREATE TEMP TRIGGER fail_on_tag BEFORE INSERT ON moment_tag
                 BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
            )
            .expect("trigger");
        let mut m = input("feeding", "2024-05-01T08:00:00Z");
        m.feelings = vec!["wobbly".into()];
        m.tags = vec!["night".into()];
        m.note = "midway".into();
        assert!(matches!(refused(&store, &m), Error::Sqlite(_)));
        for table in ["moment", "moment_feeling", "moment_tag", "moment_fts"] {
            assert_eq!(rows(&store, table), 0, "{table} is empty");
        }
        assert_eq!(
            rows(&store, "feeling_word"),
            12,
            "the new word was not kept"
        );
        assert!(store.conn().is_autocommit(), "no transaction left open");
    }

    #[test]
    fn edits_every_field_and_keeps_the_creation_time() {
        let store = store();
        let first = add_baby(&store, "Ada");
        let second = add_baby(&store, "Grace");
        let mut m = input("rocking", "2024-05-01T08:00:00+02:00");
        m.baby_id = Some(first);
        let saved = log(&store, &m);
        let later = at("2025-01-02T09:00:00Z");
        let changed = MomentInput {
            kind_id: "feeding".into(),
            detail: Some("breast_right".into()),
            started_at: at("2024-05-02T09:00:00Z"),
            utc_offset_seconds: -4 * 3600,
            ended_at: Some(at("2024-05-02T09:30:00Z")),
            baby_id: Some(second),
            who: Who::Partner,
            connection: Some(5),
            energy: Some(2),
            feelings: vec!["joyful".into()],
            note: "Changed my mind.".into(),
            private: true,
            tags: vec!["outside".into()],
        };
        let edited = update(store.conn(), saved.id, &changed, later).expect("edited");
        assert_eq!(edited.kind_id, "feeding");
        assert_eq!(edited.start_local.to_rfc3339(), "2024-05-02T05:00:00-04:00");
        assert_eq!(
            (edited.baby_id, edited.who.clone()),
            (Some(second), Who::Partner)
        );
        assert_eq!(
            (edited.connection, edited.energy, edited.private),
            (Some(5), Some(2), true)
        );
        assert_eq!(
            (edited.feelings.clone(), edited.tags.clone()),
            (vec!["joyful".to_string()], vec!["outside".to_string()])
        );
        assert_eq!(edited.note, "Changed my mind.");
        assert_eq!(edited.duration_minutes, Some(30));
        assert_eq!((edited.created_at, edited.updated_at), (now(), later));
    }

    #[test]
    fn an_edit_may_keep_a_baby_archived_since_but_not_choose_one() {
        let store = store();
        let (kept, other) = (add_baby(&store, "Ada"), add_baby(&store, "Ben"));
        let mut m = input("rocking", "2024-05-01T08:00:00Z");
        m.baby_id = Some(kept);
        let saved = log(&store, &m);
        baby::archive(store.conn(), kept, now()).expect("archived");
        baby::archive(store.conn(), other, now()).expect("archived");
        m.note = "fixing a typo".into();
        update(store.conn(), saved.id, &m, now()).expect("the note of an archived baby's moment");
        m.baby_id = Some(other);
        let err = update(store.conn(), saved.id, &m, now()).expect_err("archived");
        assert!(matches!(err, Error::ArchivedBaby { .. }));
    }

    #[test]
    fn rejects_editing_a_moment_in_the_trash_or_one_that_is_gone() {
        let store = store();
        let m = input("rocking", "2024-05-01T08:00:00Z");
        let saved = log(&store, &m);
        crate::trash::soft_delete(store.conn(), saved.id, now()).expect("trashed");
        let err = update(store.conn(), saved.id, &m, now()).expect_err("in the trash");
        assert_eq!(
            err.to_string(),
            "This moment is in the trash. Please restore it first, then edit it."
        );
        let err = update(store.conn(), 4242, &m, now()).expect_err("gone");
        assert_eq!(
            err.to_string(),
            "This moment (number 4242) is not in the journal any more. It may have been deleted for good from the trash."
        );
    }

    #[test]
    fn a_failed_edit_changes_nothing() {
        let store = store();
        let mut m = input("rocking", "2024-05-01T08:00:00Z");
        m.note = "original".into();
        m.tags = vec!["kept".into()];
        let saved = log(&store, &m);
        m.note = "replaced".into();
        m.kind_id = "no_such_kind".into();
        update(store.conn(), saved.id, &m, now()).expect_err("refused");
        assert_eq!(get(store.conn(), saved.id).expect("read"), saved);
    }

    #[test]
    fn debug_output_redacts_the_note() {
        let store = store();
        let mut m = input("soothing", "2024-05-01T08:00:00Z");
        m.note = "She finally slept on my chest".into();
        let shown = format!("{:?} {:?}", m, log(&store, &m));
        assert!(!shown.contains("slept"), "{shown}");
        assert!(shown.contains("<redacted: 29 characters>"), "{shown}");
        assert!(shown.contains("soothing"));
    }
}
