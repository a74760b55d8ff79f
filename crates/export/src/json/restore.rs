//! Restoring a complete journal from its JSON document into an empty journal.
//!
//! Parse, then check, then write: the document is parsed (a syntax error is reported with its
//! line and column, a wrong field with its path too), its version is checked before anything
//! else so a newer document is refused with a request to update, every reference and range is
//! checked, and only then is everything written in one savepoint. Any failure leaves the
//! journal exactly as it was. A journal that already holds moments, babies or anything of the
//! parent's own is refused: a restore never merges.
//!
//! Check-ins and care-team contacts are written through the journal's own `restore_row`
//! functions, which check each one exactly as the journal checks a new one: a check-in or
//! contact that breaks a journal rule is refused with the journal's own error, inside the same
//! savepoint, so nothing at all is written.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use nestling_journal::{care_team, check_in, CheckInInput, ContactInput, Who};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::doc::{
    CheckInRecord, ContactRecord, Document, KindRecord, MomentRecord, TimerRecord, FORMAT, VERSION,
};
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
/// the import happens: the journal checks each check-in against it (none may lie in the future)
/// as it would a new one; every restored time comes from the document.
pub fn import_json(conn: &Connection, json: &str, now: DateTime<Utc>) -> Result<ImportSummary> {
    check_header(json)?;
    let doc = parse(json)?;
    let builtin = BuiltIn::read(conn)?;
    check(&doc, &builtin)?;
    savepoint(conn, || {
        refuse_non_empty(conn)?;
        write(conn, &doc)?;
        write_check_ins(conn, &doc.check_ins, now)?;
        write_care_team(conn, doc.care_team.as_deref().unwrap_or_default())
    })?;
    Ok(summary(&doc))
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
            path: "version".into(),
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

/// What this journal's migration seeded: built-in kinds with their details, built-in words.
struct BuiltIn {
    kinds: HashMap<String, HashSet<String>>,
    words: HashSet<String>,
}

impl BuiltIn {
    fn read(conn: &Connection) -> Result<Self> {
        let mut kinds: HashMap<String, HashSet<String>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT k.id, d.id FROM moment_kind k
               LEFT JOIN moment_kind_detail d ON d.kind_id = k.id WHERE k.built_in = 1",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let details = kinds.entry(row.get(0)?).or_default();
            if let Some(detail) = row.get::<_, Option<String>>(1)? {
                details.insert(detail);
            }
        }
        let mut stmt = conn.prepare("SELECT word FROM feeling_word WHERE built_in = 1")?;
        let words = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Self { kinds, words })
    }
}

fn invalid(path: String) -> Error {
    Error::InvalidValue { path }
}

/// Checks every reference and range the schema would otherwise refuse less clearly.
fn check(doc: &Document, builtin: &BuiltIn) -> Result<()> {
    let kinds = check_kinds(&doc.kinds, builtin)?;
    let babies: HashSet<i64> = doc.babies.iter().map(|b| b.id).collect();
    for (i, b) in doc.babies.iter().enumerate() {
        check_len(&b.name, 1, 60, || format!("babies[{i}].name"))?;
    }
    let mut words = builtin.words.clone();
    for (i, w) in doc.feeling_words.iter().enumerate() {
        check_len(&w.word, 1, 40, || format!("feelingWords[{i}].word"))?;
        if !words.insert(w.word.clone()) {
            return Err(invalid(format!("feelingWords[{i}].word")));
        }
    }
    let refs = Refs {
        kinds: &kinds,
        babies: &babies,
        words: &words,
    };
    for (i, m) in doc.moments.iter().enumerate() {
        check_moment(m, &refs, &format!("moments[{i}]"))?;
    }
    for (i, t) in doc.timers.iter().enumerate() {
        check_timer(t, &refs, &format!("timers[{i}]"))?;
    }
    Ok(())
}

/// What moments and timers may refer to.
struct Refs<'a> {
    kinds: &'a HashMap<String, HashSet<String>>,
    babies: &'a HashSet<i64>,
    words: &'a HashSet<String>,
}

impl Refs<'_> {
    fn kind_and_detail(&self, kind: &str, detail: Option<&str>, at: &str) -> Result<()> {
        let Some(details) = self.kinds.get(kind) else {
            return Err(invalid(format!("{at}.kindId")));
        };
        match detail {
            Some(d) if !details.contains(d) => Err(invalid(format!("{at}.detail"))),
            _ => Ok(()),
        }
    }

    fn baby(&self, baby: Option<i64>, at: &str) -> Result<()> {
        match baby {
            Some(id) if !self.babies.contains(&id) => Err(invalid(format!("{at}.babyId"))),
            _ => Ok(()),
        }
    }
}

/// The kinds a moment may use: built-in ones, and the document's own with their details.
fn check_kinds(
    kinds: &[KindRecord],
    builtin: &BuiltIn,
) -> Result<HashMap<String, HashSet<String>>> {
    let mut known = builtin.kinds.clone();
    for (i, k) in kinds.iter().enumerate() {
        let at = format!("kinds[{i}]");
        match (k.built_in, builtin.kinds.contains_key(&k.id)) {
            (true, true) => continue,
            (true, false) | (false, true) => return Err(invalid(format!("{at}.id"))),
            (false, false) => {}
        }
        check_len(&k.name, 1, 40, || format!("{at}.name"))?;
        check_len(&k.emoji, 1, 16, || format!("{at}.emoji"))?;
        let details = k.details.iter().map(|d| d.id.clone()).collect();
        if known.insert(k.id.clone(), details).is_some() {
            return Err(invalid(format!("{at}.id")));
        }
    }
    Ok(known)
}

fn check_len(text: &str, min: usize, max: usize, path: impl Fn() -> String) -> Result<()> {
    let chars = text.chars().count();
    match (min..=max).contains(&chars) {
        true => Ok(()),
        false => Err(invalid(path())),
    }
}

fn check_offset(seconds: i64, at: &str) -> Result<()> {
    match (-43_200..=50_400).contains(&seconds) {
        true => Ok(()),
        false => Err(invalid(format!("{at}.utcOffsetSeconds"))),
    }
}

fn check_who(who: &Who, at: &str) -> Result<()> {
    match who {
        Who::Caregiver(name) => check_len(name, 1, 60, || format!("{at}.who.caregiver")),
        _ => Ok(()),
    }
}

fn check_moment(m: &MomentRecord, refs: &Refs<'_>, at: &str) -> Result<()> {
    refs.kind_and_detail(&m.kind_id, m.detail.as_deref(), at)?;
    refs.baby(m.baby_id, at)?;
    check_offset(m.utc_offset_seconds, at)?;
    check_who(&m.who, at)?;
    if let Some(end) = m.ended_at {
        let secs = (end - m.started_at).num_seconds();
        if !(0..=86_400).contains(&secs) {
            return Err(invalid(format!("{at}.endedAt")));
        }
    }
    for (name, rating) in [("connection", m.connection), ("energy", m.energy)] {
        if rating.is_some_and(|r| !(1..=5).contains(&r)) {
            return Err(invalid(format!("{at}.{name}")));
        }
    }
    check_len(&m.note, 0, nestling_journal::MAX_NOTE_CHARS, || {
        format!("{at}.note")
    })?;
    for (j, word) in m.feelings.iter().enumerate() {
        if !refs.words.contains(word) {
            return Err(invalid(format!("{at}.feelings[{j}]")));
        }
    }
    for (j, tag) in m.tags.iter().enumerate() {
        check_len(tag, 1, 40, || format!("{at}.tags[{j}]"))?;
    }
    Ok(())
}

fn check_timer(t: &TimerRecord, refs: &Refs<'_>, at: &str) -> Result<()> {
    refs.kind_and_detail(&t.kind_id, t.detail.as_deref(), at)?;
    refs.baby(t.baby_id, at)?;
    check_offset(t.utc_offset_seconds, at)?;
    check_who(&t.who, at)
}

/// Runs `change` in a savepoint: released on success, rolled back on failure.
fn savepoint<T>(conn: &Connection, change: impl FnOnce() -> Result<T>) -> Result<T> {
    conn.execute_batch("SAVEPOINT nestling_import")?;
    match change() {
        Ok(value) => {
            conn.execute_batch("RELEASE nestling_import")?;
            Ok(value)
        }
        Err(err) => {
            conn.execute_batch("ROLLBACK TO nestling_import; RELEASE nestling_import")?;
            Err(err)
        }
    }
}

fn refuse_non_empty(conn: &Connection) -> Result<()> {
    let (moments, babies, other): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM moment), (SELECT count(*) FROM baby),
                (SELECT count(*) FROM moment_kind WHERE built_in = 0)
              + (SELECT count(*) FROM feeling_word WHERE built_in = 0)
              + (SELECT count(*) FROM timer) + (SELECT count(*) FROM check_in)
              + (SELECT count(*) FROM care_contact)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    match moments + babies + other {
        0 => Ok(()),
        _ => Err(Error::JournalNotEmpty {
            moments: moments.unsigned_abs(),
            babies: babies.unsigned_abs(),
            other: other.unsigned_abs(),
        }),
    }
}

fn write(conn: &Connection, doc: &Document) -> Result<()> {
    write_babies(conn, doc)?;
    write_kinds(conn, &doc.kinds)?;
    write_words(conn, doc)?;
    for m in &doc.moments {
        write_moment(conn, m)?;
    }
    for t in &doc.timers {
        write_timer(conn, t)?;
    }
    Ok(())
}

fn write_babies(conn: &Connection, doc: &Document) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO baby (id, name, birth_date, archived_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for b in &doc.babies {
        let birth = b.birth_date.map(|d| d.format("%Y-%m-%d").to_string());
        let archived = b.archived_at.map(|t| t.timestamp());
        insert.execute(params![
            b.id,
            b.name,
            birth,
            archived,
            b.created_at.timestamp()
        ])?;
    }
    Ok(())
}

fn write_kinds(conn: &Connection, kinds: &[KindRecord]) -> Result<()> {
    for k in kinds {
        match k.built_in {
            true => {
                conn.execute(
                    "UPDATE moment_kind SET hidden = ?2 WHERE id = ?1 AND built_in = 1",
                    params![k.id, k.hidden],
                )?;
            }
            false => write_custom_kind(conn, k)?,
        }
    }
    Ok(())
}

fn write_custom_kind(conn: &Connection, k: &KindRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO moment_kind (id, name, emoji, timed, built_in, hidden, position, created_at)
         VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7)",
        params![
            k.id,
            k.name,
            k.emoji,
            k.timed,
            k.hidden,
            k.position,
            k.created_at.timestamp()
        ],
    )?;
    for d in &k.details {
        conn.execute(
            "INSERT INTO moment_kind_detail (kind_id, id, name, position) VALUES (?1, ?2, ?3, ?4)",
            params![k.id, d.id, d.name, d.position],
        )?;
    }
    Ok(())
}

fn write_words(conn: &Connection, doc: &Document) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO feeling_word (word, built_in, position, created_at) VALUES (?1, 0, ?2, ?3)",
    )?;
    for w in &doc.feeling_words {
        insert.execute(params![w.word, w.position, w.created_at.timestamp()])?;
    }
    Ok(())
}

/// `who` and `caregiver` as stored.
fn who_columns(who: &Who) -> (&'static str, Option<&str>) {
    match who {
        Who::Me => ("me", None),
        Who::Partner => ("partner", None),
        Who::Caregiver(name) => ("caregiver", Some(name.as_str())),
    }
}

fn write_moment(conn: &Connection, m: &MomentRecord) -> Result<()> {
    let (who, caregiver) = who_columns(&m.who);
    conn.prepare_cached(
        "INSERT INTO moment (id, kind_id, detail, started_at, utc_offset, ended_at, baby_id, who,
                             caregiver, connection, energy, private, created_at, updated_at,
                             deleted_at, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        m.id,
        m.kind_id,
        m.detail,
        m.started_at.timestamp(),
        m.utc_offset_seconds,
        m.ended_at.map(|t| t.timestamp()),
        m.baby_id,
        who,
        caregiver,
        m.connection,
        m.energy,
        m.private,
        m.created_at.timestamp(),
        m.updated_at.timestamp(),
        m.deleted_at.map(|t| t.timestamp()),
        m.note,
    ])?;
    let mut feeling = conn.prepare_cached(
        "INSERT INTO moment_feeling (moment_id, position, word) VALUES (?1, ?2, ?3)",
    )?;
    for (position, word) in m.feelings.iter().enumerate() {
        feeling.execute(params![m.id, position as i64, word])?;
    }
    let mut tag = conn
        .prepare_cached("INSERT INTO moment_tag (moment_id, position, tag) VALUES (?1, ?2, ?3)")?;
    for (position, t) in m.tags.iter().enumerate() {
        tag.execute(params![m.id, position as i64, t])?;
    }
    Ok(())
}

fn write_timer(conn: &Connection, t: &TimerRecord) -> Result<()> {
    let (who, caregiver) = who_columns(&t.who);
    conn.execute(
        "INSERT INTO timer (id, kind_id, detail, baby_id, who, caregiver, started_at, utc_offset)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            t.id,
            t.kind_id,
            t.detail,
            t.baby_id,
            who,
            caregiver,
            t.started_at.timestamp(),
            t.utc_offset_seconds
        ],
    )?;
    Ok(())
}

/// Each check-in through the journal's own checks, keeping its id, times, trash and choice to
/// share.
fn write_check_ins(conn: &Connection, records: &[CheckInRecord], now: DateTime<Utc>) -> Result<()> {
    for r in records {
        let input = CheckInInput {
            taken_at: r.taken_at,
            utc_offset_seconds: r.utc_offset_seconds,
            mood: r.mood,
            closeness: r.closeness,
            worry: r.worry,
            sleep_minutes: r.sleep_minutes,
            supported: r.supported,
            safety: r.safety,
            note: r.note.clone(),
            in_report: r.in_report,
        };
        check_in::restore_row(
            conn,
            r.id,
            &input,
            r.created_at,
            r.updated_at,
            r.deleted_at,
            now,
        )?;
    }
    Ok(())
}

/// Each contact through the journal's own checks, keeping its id, position and times.
fn write_care_team(conn: &Connection, records: &[ContactRecord]) -> Result<()> {
    for r in records {
        let input = ContactInput {
            role: r.role,
            name: r.name.clone(),
            phone: r.phone.clone(),
            notes: r.notes.clone(),
        };
        care_team::restore_row(conn, r.id, &input, r.position, r.created_at, r.updated_at)?;
    }
    Ok(())
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
