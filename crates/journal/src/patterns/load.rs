//! Reading the facts of a range from SQLite, and the one call the app makes.
//!
//! Moments are read as the journal's daily sums (a few rows per day, never a note), check-ins
//! with a second query, both in no particular order (the figures do not need one); the kinds
//! and the baby's name come from their small tables. Everything else is computed in Rust by
//! [`super::weekly`].

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, Row};

use super::{
    weekly, CheckInFact, DayRatings, Facts, KindDay, KindName, Options, Patterns, Period, Span,
    WhoCounts,
};
use crate::time::{date_at, date_key, optional_date_at};
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
    let mut facts = Facts {
        check_ins: check_in_facts(conn, period, options)?,
        kinds: kind_names(conn)?,
        baby_name: match options.baby_id {
            Some(id) => Some(baby::get(conn, id)?.name),
            None => None,
        },
        ..Facts::default()
    };
    read_days(conn, period, options, &mut facts)?;
    Ok(facts)
}

/// The daily sums of the range, read from `moment_day`, which the schema's triggers keep
/// whatever writes a moment (see its migration). Scope 0 counts private moments and scope 1
/// does not; baby -1 counts every baby; kind '' holds the ratings and givers of every kind.
const DAYS_SQL: &str = "SELECT day, kind_id, moments, minutes, me, partner, other,
        connection_1, connection_2, connection_3, connection_4, connection_5,
        energy_count, energy_sum
   FROM moment_day
  WHERE scope = ?1 AND baby = ?2 AND day BETWEEN ?3 AND ?4";

/// Fills `facts` with the daily sums of `period`. Without a kind, each kind's rows give their
/// counts and minutes (four columns of most rows) and the '' rows give the day's ratings; with
/// a kind, that kind's rows give both.
fn read_days(
    conn: &Connection,
    period: &Period,
    options: &Options,
    facts: &mut Facts,
) -> Result<()> {
    let kinds: HashMap<&str, usize> = facts
        .kinds
        .iter()
        .enumerate()
        .map(|(i, k)| (k.id.as_str(), i))
        .collect();
    let mut unknown: Vec<String> = Vec::new();
    let sql = match options.kind_id {
        Some(_) => format!("{DAYS_SQL} AND kind_id = ?5"),
        None => format!("{DAYS_SQL} AND ?5 IS NULL"),
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let args = params![
        if options.include_private { 0 } else { 1 },
        options.baby_id.unwrap_or(-1),
        epoch_days(period.from),
        epoch_days(period.to),
        options.kind_id
    ];
    let mut rows = stmt.query(args)?;
    while let Some(row) = rows.next()? {
        let local_date = epoch_day(row, 0)?;
        let kind_id = row.get_ref(1)?.as_str().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
        })?;
        if !kind_id.is_empty() {
            let kind = match kinds.get(kind_id) {
                Some(&i) => i,
                None => unknown_kind(kind_id, facts.kinds.len(), &mut unknown),
            };
            facts.kind_days.push(KindDay {
                local_date,
                kind,
                moments: row.get(2)?,
                minutes: row.get(3)?,
            });
        }
        if kind_id.is_empty() || options.kind_id.is_some() {
            facts.day_ratings.push(day_ratings(row, local_date)?);
        }
    }
    facts.kinds.extend(unknown.into_iter().map(|id| KindName {
        name: id.clone(),
        id,
        emoji: String::new(),
    }));
    Ok(())
}

/// The place of a kind missing from the kinds' table (which its foreign key should prevent),
/// after the `known` kinds: it is then named by its id.
fn unknown_kind(kind_id: &str, known: usize, unknown: &mut Vec<String>) -> usize {
    match unknown.iter().position(|k| k == kind_id) {
        Some(i) => known + i,
        None => {
            unknown.push(kind_id.to_string());
            known + unknown.len() - 1
        }
    }
}

fn day_ratings(row: &Row<'_>, local_date: NaiveDate) -> rusqlite::Result<DayRatings> {
    Ok(DayRatings {
        local_date,
        who: WhoCounts {
            me: row.get(4)?,
            partner: row.get(5)?,
            other: row.get(6)?,
        },
        connection_values: [
            row.get(7)?,
            row.get(8)?,
            row.get(9)?,
            row.get(10)?,
            row.get(11)?,
        ],
        energy_count: row.get(12)?,
        energy_sum: row.get(13)?,
    })
}

/// `day` as whole days since 1970-01-01.
fn epoch_days(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce()) - EPOCH_DAYS_FROM_CE
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
