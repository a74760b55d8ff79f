//! Reading the facts of a range from SQLite, and the one call the app makes.
//!
//! Moments are read with one query and check-ins with a second, in no particular order (the
//! figures do not need one, and sorting 50,000 rows would cost more than the rest); the kinds
//! and the baby's name come from their small tables. Everything else is computed in Rust by
//! [`super::weekly`]. Only the columns the figures need are read: never a note.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::{
    weekly, CheckInFact, Facts, Giver, KindName, MomentFact, Options, Patterns, Period, Span,
};
use crate::time::{date_at, date_key, optional_date_at, rounded_minutes};
use crate::{baby, Result};

/// The weekly figures of `span` as of local day `today`, read from `conn`.
pub fn patterns(
    conn: &Connection,
    span: Span,
    options: &Options,
    today: NaiveDate,
) -> Result<Patterns> {
    let first = match span {
        Span::All(_) => first_day(conn)?,
        _ => None,
    };
    let period = span.period(today, first)?;
    Ok(weekly(&facts(conn, &period, options)?, &period, options))
}

/// The first local day with a live moment or check-in, if any.
pub fn first_day(conn: &Connection) -> Result<Option<NaiveDate>> {
    let day = conn.query_row(
        "SELECT min(d) FROM (
            SELECT min(local_date) AS d FROM moment WHERE deleted_at IS NULL
            UNION ALL
            SELECT min(local_date) FROM check_in WHERE deleted_at IS NULL)",
        [],
        |row| optional_date_at(row, 0),
    )?;
    Ok(day)
}

/// The facts of `period` that `options` can count: live moments and check-ins, with private
/// ones left out unless asked for, and the kinds and the chosen baby's name.
pub fn facts(conn: &Connection, period: &Period, options: &Options) -> Result<Facts> {
    Ok(Facts {
        moments: moment_facts(conn, period, options)?,
        check_ins: check_in_facts(conn, period, options)?,
        kinds: kind_names(conn)?,
        baby_name: match options.baby_id {
            Some(id) => Some(baby::get(conn, id)?.name),
            None => None,
        },
    })
}

/// Ranges longer than this many days read the whole table in storage order instead of the
/// local-date index: over years, looking each index entry's row up costs more than walking every
/// row once (a quarter of the time for all of a ten-year journal, in the benchmark's profile).
const SCAN_FROM_DAYS: i64 = 366;

/// The moments query; `{table}` is `moment m`, or `moment m NOT INDEXED` to walk the table, and
/// `{ratings}` is [`OWN_RATINGS`] or the plain columns.
const MOMENTS_SQL: &str = "SELECT (m.started_at + m.utc_offset) / 86400, m.kind_id,
        ifnull(m.ended_at - m.started_at, 0), {ratings},
        CASE m.who WHEN 'me' THEN 0 WHEN 'partner' THEN 1 ELSE 2 END, m.baby_id, m.private
   FROM {table}
  WHERE m.deleted_at IS NULL AND m.local_date BETWEEN ?1 AND ?2
    AND (?3 OR m.private = 0)
    AND (?4 IS NULL OR m.baby_id = ?4) AND (?5 IS NULL OR m.kind_id = ?5)";

/// Ratings count only for moments written on this computer: a partner's shared ratings are how
/// they felt, not how the parent did. `author` comes after the note in each row, so reading it
/// costs a sixth of the query; it is read only when the journal holds a partner's moment (the
/// partial index `moment_from_partner` answers that at once).
const OWN_RATINGS: &str =
    "iif(m.author IS NULL, m.connection, NULL), iif(m.author IS NULL, m.energy, NULL)";

fn moment_facts(conn: &Connection, period: &Period, options: &Options) -> Result<Vec<MomentFact>> {
    let long = (period.to - period.from).num_days() > SCAN_FROM_DAYS;
    let table = match long {
        true => "moment m NOT INDEXED",
        false => "moment m",
    };
    let shared: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM moment WHERE author IS NOT NULL)")?
        .query_row([], |row| row.get(0))?;
    let ratings = match shared {
        true => OWN_RATINGS,
        false => "m.connection, m.energy",
    };
    let sql = MOMENTS_SQL
        .replace("{table}", table)
        .replace("{ratings}", ratings);
    let mut stmt = conn.prepare_cached(&sql)?;
    let args = params![
        date_key(period.from),
        date_key(period.to),
        options.include_private,
        options.baby_id,
        options.kind_id
    ];
    let facts = stmt
        .query_map(args, moment_fact)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(facts)
}

/// Reads a moment's facts. Its local date is computed from its instant and offset as the
/// stored `local_date` is (`date(started_at + utc_offset, 'unixepoch')`, whole days since
/// 1970 for instants after 2000), which spares parsing 50,000 dates of text.
fn moment_fact(row: &Row<'_>) -> rusqlite::Result<MomentFact> {
    Ok(MomentFact {
        local_date: epoch_day(row, 0)?,
        kind_id: row.get(1)?,
        minutes: rounded_minutes(row.get(2)?),
        connection: row.get(3)?,
        energy: row.get(4)?,
        giver: match row.get::<_, u8>(5)? {
            0 => Giver::Me,
            1 => Giver::Partner,
            _ => Giver::Other,
        },
        baby_id: row.get(6)?,
        private: row.get(7)?,
    })
}

/// The date `days` days after 1970-01-01, read from column `idx`.
fn epoch_day(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    let days: i64 = row.get(idx)?;
    i32::try_from(days + EPOCH_DAYS_FROM_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or(rusqlite::Error::IntegralValueOutOfRange(idx, days))
}

/// 1970-01-01 counted in days from 0001-01-01 (day 1), as chrono counts them.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

fn check_in_facts(
    conn: &Connection,
    period: &Period,
    options: &Options,
) -> Result<Vec<CheckInFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT local_date, mood, sleep_minutes, in_report FROM check_in
          WHERE deleted_at IS NULL AND local_date BETWEEN ?1 AND ?2 AND (?3 OR in_report = 1)",
    )?;
    let args = params![
        date_key(period.from),
        date_key(period.to),
        options.include_private
    ];
    let facts = stmt
        .query_map(args, |row| {
            Ok(CheckInFact {
                local_date: date_at(row, 0)?,
                mood: row.get(1)?,
                sleep_minutes: row.get(2)?,
                private: !row.get::<_, bool>(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(facts)
}

fn kind_names(conn: &Connection) -> Result<Vec<KindName>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, emoji FROM moment_kind ORDER BY position")?;
    let kinds = stmt
        .query_map([], |row| {
            Ok(KindName {
                id: row.get(0)?,
                name: row.get(1)?,
                emoji: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(kinds)
}
