//! Instants, offsets and local days.
//!
//! # The rule
//! A moment stores the UTC instant it started (and ended) plus the UTC offset of the clock it
//! was logged by. **A moment belongs to the calendar day that clock showed when it started** —
//! its *local date*, `date(start + offset)` — and keeps that day for ever, whatever time zone the
//! parent is in when they look back. Listing a day, a week or a range takes local dates and
//! compares them with each moment's own local date; the offset the parent is in *today* plays no
//! part, so a day never gains or loses moments because of daylight saving time or travel.
//!
//! What follows from the rule:
//! - On the spring-forward day (23 hours long) and the fall-back day (25 hours long) every moment
//!   logged on that day's clock is on that day, including the hour that happens twice.
//! - A moment logged at 23:30 at UTC−05:00 is on that evening's date, although it is already the
//!   next day in UTC.
//! - After a flight, a day keeps exactly the moments that were logged on it; moments within a
//!   day are in the order they happened (by instant), and days are in calendar order, so across
//!   a westward flight a later day may contain a moment that happened, in absolute time, before
//!   the last one of the day before. That is how the parent lived it, and it is shown that way.
//! - Durations always come from the instants, so a feed across the spring-forward hour lasts
//!   what it lasted, not what the wall clock suggests.
//! - A moment's end is shown with the offset it was *started* in; the day belongs to the start.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Utc};

use crate::{Error, Result};

/// The smallest UTC offset in use anywhere (UTC−12:00), in seconds.
pub const MIN_OFFSET_SECONDS: i64 = -12 * 3600;
/// The largest UTC offset in use anywhere (UTC+14:00), in seconds.
pub const MAX_OFFSET_SECONDS: i64 = 14 * 3600;
/// How far ahead of the clock a start or end may be, for a parent rounding up to the minute.
pub const FUTURE_ALLOWANCE: TimeDelta = TimeDelta::minutes(5);
/// The longest a moment can last.
pub const MAX_DURATION: TimeDelta = TimeDelta::hours(24);

/// The offset for `seconds` east of UTC, when it is one a time zone can have.
pub(crate) fn offset(seconds: i64) -> Result<FixedOffset> {
    let in_range = (MIN_OFFSET_SECONDS..=MAX_OFFSET_SECONDS).contains(&seconds);
    i32::try_from(seconds)
        .ok()
        .filter(|_| in_range)
        .and_then(FixedOffset::east_opt)
        .ok_or(Error::OffsetOutOfRange { seconds })
}

/// The local date of `instant` on a clock at `offset`.
pub fn local_date(instant: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    instant.with_timezone(&offset).date_naive()
}

/// A date as it is stored and compared in SQL: `YYYY-MM-DD`.
pub(crate) fn date_key(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Parses `YYYY-MM-DD` as SQLite's `date()` writes it (faster than a format string, and this is
/// read for every moment listed).
fn parse_date_key(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-');
    let mut next = || parts.next().and_then(|p| p.parse::<u32>().ok());
    let (year, month, day) = (next()?, next()?, next()?);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Whole minutes in `seconds`, rounded to the nearest minute.
pub(crate) fn rounded_minutes(seconds: i64) -> i64 {
    (seconds + 30).div_euclid(60)
}

/// Reads an instant stored as Unix seconds in column `idx`.
pub(crate) fn instant_at(row: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let secs: i64 = row.get(idx)?;
    DateTime::from_timestamp(secs, 0).ok_or(rusqlite::Error::IntegralValueOutOfRange(idx, secs))
}

/// Reads an optional instant stored as Unix seconds in column `idx`.
pub(crate) fn optional_instant_at(
    row: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<i64>>(idx)? {
        None => Ok(None),
        Some(_) => instant_at(row, idx).map(Some),
    }
}

/// Reads a UTC offset stored as seconds in column `idx`.
pub(crate) fn offset_at(row: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<FixedOffset> {
    let secs: i64 = row.get(idx)?;
    offset(secs).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(idx, secs))
}

/// Reads a `YYYY-MM-DD` date in column `idx`.
pub(crate) fn date_at(row: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: &str = row.get_ref(idx)?.as_str()?;
    parse_date_key(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("not a YYYY-MM-DD date: {text:?}").into(),
        )
    })
}

/// Reads an optional `YYYY-MM-DD` date in column `idx`.
pub(crate) fn optional_date_at(
    row: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(_) => date_at(row, idx).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339)
            .expect("valid instant")
            .with_timezone(&Utc)
    }

    #[test]
    fn a_late_evening_west_of_utc_keeps_its_own_date() {
        let instant = at("2024-01-10T23:30:00-05:00");
        assert_eq!(instant.date_naive().to_string(), "2024-01-11");
        let minus_five = offset(-5 * 3600).expect("offset");
        assert_eq!(local_date(instant, minus_five).to_string(), "2024-01-10");
    }

    #[test]
    fn offsets_outside_minus_twelve_to_plus_fourteen_hours_are_refused() {
        assert!(offset(-12 * 3600).is_ok());
        assert!(offset(14 * 3600).is_ok());
        assert!(offset(5 * 3600 + 45 * 60).is_ok(), "Nepal is +05:45");
        let err = offset(15 * 3600).expect_err("too far east");
        assert!(matches!(err, Error::OffsetOutOfRange { seconds: 54_000 }));
        assert_eq!(
            err.to_string(),
            "The time zone offset must be between \u{2212}12:00 and +14:00. Please check the computer\u{2019}s time zone setting."
        );
        assert!(offset(i64::MIN).is_err());
    }

    #[test]
    fn date_keys_round_trip_and_refuse_what_is_not_a_date() {
        let date = NaiveDate::from_ymd_opt(2024, 2, 29).expect("leap day");
        assert_eq!(date_key(date), "2024-02-29");
        assert_eq!(parse_date_key("2024-02-29"), Some(date));
        assert_eq!(
            date_key(NaiveDate::from_ymd_opt(987, 1, 2).expect("date")),
            "0987-01-02"
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-01",
            "",
            "yesterday",
            "-1-01-01",
        ] {
            assert_eq!(parse_date_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn minutes_round_to_the_nearest_minute() {
        assert_eq!(rounded_minutes(0), 0);
        assert_eq!(rounded_minutes(29), 0);
        assert_eq!(rounded_minutes(30), 1);
        assert_eq!(rounded_minutes(89), 1);
        assert_eq!(rounded_minutes(90), 2);
    }
}
