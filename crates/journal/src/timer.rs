//! Timers: a timed moment that has started and not yet ended.
//!
//! A running timer is a row in the `timer` table, so it survives a restart or a crash. Stopping
//! it turns it into a moment ending now (or at a time the parent gives) and removes the timer,
//! in one savepoint. One timer per kind and baby can run at once: twins can each have a feeding
//! timer, but a second feeding timer for the same baby is refused. A timer running longer than
//! [`CONFIRM_AFTER`] is flagged so the UI can ask whether it was forgotten; one running longer
//! than a day cannot be stopped "now" (a moment lasts at most 24 hours) and needs
//! [`stop_at`] with the real end.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::moment::{self, who_at, Moment, MomentInput, Who};
use crate::time::{instant_at, offset_at};
use crate::tx::atomically;
use crate::validate::{self, Checked};
use crate::{Error, Result};

/// After how long a running timer asks to be confirmed.
pub const CONFIRM_AFTER: TimeDelta = TimeDelta::hours(12);

/// What the UI sends to start a timer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimerInput {
    /// The kind's id.
    pub kind_id: String,
    /// One of the kind's details, or none.
    #[serde(default)]
    pub detail: Option<String>,
    /// The baby, or none.
    #[serde(default)]
    pub baby_id: Option<i64>,
    /// Who is giving the care.
    #[serde(default)]
    pub who: Who,
    /// The UTC offset of the parent's clock, seconds east of UTC.
    pub utc_offset_seconds: i64,
    /// When it started, if not now (the parent forgot to tap at the start).
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
}

/// A running timer, as of the `now` it was read at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timer {
    /// The timer's id (not the id of the moment it will become).
    pub id: i64,
    /// The kind's id.
    pub kind_id: String,
    /// The kind's detail, if any.
    pub detail: Option<String>,
    /// The baby, if any.
    pub baby_id: Option<i64>,
    /// Who is giving the care.
    pub who: Who,
    /// The UTC instant it started.
    pub started_at: DateTime<Utc>,
    /// The UTC offset it was started in, seconds east of UTC.
    pub utc_offset_seconds: i32,
    /// The start on the clock it was started by.
    pub start_local: DateTime<FixedOffset>,
    /// Seconds since it started (zero if it starts a little in the future).
    pub elapsed_seconds: i64,
    /// Whether it has run longer than [`CONFIRM_AFTER`] and the UI should ask about it.
    pub needs_confirmation: bool,
}

const COLUMNS: &str = "id, kind_id, detail, baby_id, who, caregiver, started_at, utc_offset";

fn from_row(row: &Row<'_>, now: DateTime<Utc>) -> rusqlite::Result<Timer> {
    let started_at = instant_at(row, 6)?;
    let offset = offset_at(row, 7)?;
    let elapsed = (now - started_at).max(TimeDelta::zero());
    Ok(Timer {
        id: row.get(0)?,
        kind_id: row.get(1)?,
        detail: row.get(2)?,
        baby_id: row.get(3)?,
        who: who_at(row, 4)?,
        started_at,
        utc_offset_seconds: offset.local_minus_utc(),
        start_local: started_at.with_timezone(&offset),
        elapsed_seconds: elapsed.num_seconds(),
        needs_confirmation: elapsed > CONFIRM_AFTER,
    })
}

/// Starts a timer. Refused when one of the same kind is already running for the same baby.
pub fn start(conn: &Connection, input: &TimerInput, now: DateTime<Utc>) -> Result<Timer> {
    let checked = validate::check(&as_moment(input, now), now)?;
    atomically(conn, || {
        validate::check_references(conn, &checked, None)?;
        refuse_a_second(conn, &checked.kind_id, checked.baby_id)?;
        let id = insert_row(conn, None, &checked, None, None)?;
        get(conn, id, now)
    })
}

/// Inserts a checked timer with `id` (a new one when `None`), named `uid` and started on the
/// computer `author` (a fresh uid and this computer when `None`); returns its id. Starting,
/// restoring and a timer that arrived from the partner all write it here.
pub(crate) fn insert_row(
    conn: &Connection,
    id: Option<i64>,
    c: &Checked,
    uid: Option<&str>,
    author: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO timer (id, kind_id, detail, baby_id, who, caregiver, started_at, utc_offset,
                            uid, author)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        id,
        c.kind_id,
        c.detail,
        c.baby_id,
        c.who,
        c.caregiver,
        c.started_at,
        c.utc_offset,
        uid,
        author
    ])?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn as_moment(input: &TimerInput, now: DateTime<Utc>) -> MomentInput {
    MomentInput {
        kind_id: input.kind_id.clone(),
        detail: input.detail.clone(),
        started_at: input.started_at.unwrap_or(now),
        utc_offset_seconds: input.utc_offset_seconds,
        baby_id: input.baby_id,
        who: input.who.clone(),
        ..MomentInput::default()
    }
}

pub(crate) fn refuse_a_second(
    conn: &Connection,
    kind_id: &str,
    baby_id: Option<i64>,
) -> Result<()> {
    let running: Option<i64> = conn
        .query_row(
            "SELECT id FROM timer WHERE kind_id = ?1 AND baby_id IS ?2",
            params![kind_id, baby_id],
            |row| row.get(0),
        )
        .optional()?;
    match running {
        Some(timer_id) => Err(Error::TimerAlreadyRunning {
            timer_id,
            kind_id: kind_id.into(),
            baby_id,
        }),
        None => Ok(()),
    }
}

/// The running timer `id`, as of `now`.
pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Timer> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM timer WHERE id = ?1"),
        [id],
        |row| from_row(row, now),
    )
    .optional()?
    .ok_or(Error::TimerNotFound { id })
}

/// Every running timer, the longest-running first.
pub fn list(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Timer>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM timer ORDER BY started_at, id"
    ))?;
    let timers = stmt
        .query_map([], |row| from_row(row, now))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(timers)
}

/// Stops timer `id` now and saves it as a moment. A timer whose start is a little ahead of the
/// clock becomes a moment of no length rather than an error.
pub fn stop(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Moment> {
    let timer = get(conn, id, now)?;
    finish(conn, &timer, now.max(timer.started_at), now)
}

/// Stops timer `id` with the end the parent gives (for a timer left running by mistake).
pub fn stop_at(
    conn: &Connection,
    id: i64,
    ended_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Moment> {
    let timer = get(conn, id, now)?;
    finish(conn, &timer, ended_at, now)
}

fn finish(
    conn: &Connection,
    timer: &Timer,
    ended_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Moment> {
    let input = MomentInput {
        kind_id: timer.kind_id.clone(),
        detail: timer.detail.clone(),
        started_at: timer.started_at,
        utc_offset_seconds: timer.utc_offset_seconds.into(),
        ended_at: Some(ended_at),
        baby_id: timer.baby_id,
        who: timer.who.clone(),
        ..MomentInput::default()
    };
    let checked = validate::check(&input, now)?;
    atomically(conn, || {
        let moment = moment::insert_checked(conn, &checked, timer.baby_id, now)?;
        // The moment takes the timer's uid, so that a timer stopped on both computers at once
        // becomes one moment when they exchange; it is written by whoever stopped it. The uid
        // its insert gave it named nothing the partner will ever see: not a pending change.
        conn.execute(
            "DELETE FROM sync_pending WHERE entity = 'moment'
               AND uid = (SELECT uid FROM moment WHERE id = ?1)",
            [moment.id],
        )?;
        conn.execute(
            "UPDATE moment SET uid = (SELECT uid FROM timer WHERE id = ?2) WHERE id = ?1",
            [moment.id, timer.id],
        )?;
        match conn.execute("DELETE FROM timer WHERE id = ?1", [timer.id])? {
            0 => Err(Error::TimerNotFound { id: timer.id }),
            _ => moment::get(conn, moment.id),
        }
    })
}

/// Cancels timer `id` without saving a moment.
pub fn cancel(conn: &Connection, id: i64) -> Result<()> {
    match conn.execute("DELETE FROM timer WHERE id = ?1", [id])? {
        0 => Err(Error::TimerNotFound { id }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, rows, store};
    use crate::{baby, query, BabyInput, Filter};
    use nestling_store::Store;

    fn timer_for(kind: &str, baby_id: Option<i64>) -> TimerInput {
        TimerInput {
            kind_id: kind.into(),
            baby_id,
            utc_offset_seconds: 3600,
            ..TimerInput::default()
        }
    }

    fn add_baby(store: &Store, name: &str) -> i64 {
        let input = BabyInput {
            name: name.into(),
            birth_date: None,
        };
        baby::add(store.conn(), &input, at("2024-01-01T00:00:00Z"))
            .expect("baby")
            .id
    }

    #[test]
    fn a_started_timer_is_listed_with_its_elapsed_time() {
        let store = store();
        let input = TimerInput {
            detail: Some("breast_right".into()),
            ..timer_for("feeding", None)
        };
        let timer = start(store.conn(), &input, at("2024-02-01T03:00:00Z")).expect("started");
        assert_eq!(timer.start_local.to_rfc3339(), "2024-02-01T04:00:00+01:00");
        let listed = list(store.conn(), at("2024-02-01T03:12:30Z")).expect("list");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].elapsed_seconds, 750);
        assert_eq!(listed[0].detail.as_deref(), Some("breast_right"));
        assert!(!listed[0].needs_confirmation);
    }

    #[test]
    fn stopping_a_timer_saves_a_moment_ending_now_and_removes_the_timer() {
        let store = store();
        let timer = start(
            store.conn(),
            &timer_for("skin_to_skin", None),
            at("2024-02-01T03:00:00Z"),
        )
        .expect("started");
        let m = stop(store.conn(), timer.id, at("2024-02-01T03:40:00Z")).expect("stopped");
        assert_eq!(
            (m.kind_id.as_str(), m.duration_minutes),
            ("skin_to_skin", Some(40))
        );
        assert_eq!(m.start_local.to_rfc3339(), "2024-02-01T04:00:00+01:00");
        assert_eq!(rows(&store, "timer"), 0);
        let err =
            stop(store.conn(), timer.id, at("2024-02-01T03:41:00Z")).expect_err("already stopped");
        assert_eq!(
            err.to_string(),
            "This timer is not running any more: it may have been stopped or cancelled already."
        );
    }

    #[test]
    fn rejects_a_second_timer_of_the_same_kind_for_the_same_baby() {
        let store = store();
        let ada = add_baby(&store, "Ada");
        let now = at("2024-02-01T03:00:00Z");
        let first = start(store.conn(), &timer_for("feeding", Some(ada)), now).expect("first");
        let err = start(store.conn(), &timer_for("feeding", Some(ada)), now).expect_err("second");
        assert!(matches!(err, Error::TimerAlreadyRunning { timer_id, .. } if timer_id == first.id));
        assert_eq!(
            err.to_string(),
            "A timer for this kind of moment is already running for this baby. Please stop or cancel it before starting another one."
        );
        start(store.conn(), &timer_for("feeding", None), now).expect("no baby");
        let err =
            start(store.conn(), &timer_for("feeding", None), now).expect_err("second, no baby");
        assert_eq!(
            err.to_string(),
            "A timer for this kind of moment is already running. Please stop or cancel it before starting another one."
        );
        assert_eq!(rows(&store, "timer"), 2);
    }

    #[test]
    fn twins_can_each_have_a_feeding_timer_and_a_baby_can_have_two_kinds() {
        let store = store();
        let (ada, grace) = (add_baby(&store, "Ada"), add_baby(&store, "Grace"));
        let now = at("2024-02-01T03:00:00Z");
        start(store.conn(), &timer_for("feeding", Some(ada)), now).expect("Ada");
        start(store.conn(), &timer_for("feeding", Some(grace)), now).expect("Grace");
        start(store.conn(), &timer_for("skin_to_skin", Some(ada)), now).expect("another kind");
        assert_eq!(list(store.conn(), now).expect("list").len(), 3);
    }

    #[test]
    fn flags_a_timer_running_over_twelve_hours() {
        let store = store();
        start(
            store.conn(),
            &timer_for("skin_to_skin", None),
            at("2024-02-01T00:00:00Z"),
        )
        .expect("started");
        let at_twelve = list(store.conn(), at("2024-02-01T12:00:00Z")).expect("list");
        assert!(!at_twelve[0].needs_confirmation);
        let after = list(store.conn(), at("2024-02-01T12:00:01Z")).expect("list");
        assert!(after[0].needs_confirmation);
        let json = serde_json::to_value(&after[0]).expect("json");
        assert_eq!(json["needsConfirmation"], true);
        assert_eq!(json["elapsedSeconds"], 43_201);
    }

    #[test]
    fn a_timer_left_over_a_day_is_stopped_at_the_time_the_parent_gives() {
        let store = store();
        let timer = start(
            store.conn(),
            &timer_for("skin_to_skin", None),
            at("2024-02-01T00:00:00Z"),
        )
        .expect("started");
        let now = at("2024-02-02T06:00:00Z");
        let err = stop(store.conn(), timer.id, now).expect_err("over a day");
        assert!(matches!(err, Error::TooLong));
        assert_eq!(rows(&store, "timer"), 1, "the timer is still running");
        assert_eq!(rows(&store, "moment"), 0);
        let m = stop_at(store.conn(), timer.id, at("2024-02-01T01:15:00Z"), now).expect("stopped");
        assert_eq!(m.duration_minutes, Some(75));
        assert_eq!(rows(&store, "timer"), 0);
    }

    #[test]
    fn a_timer_survives_closing_and_reopening_the_journal() {
        let dir = tempfile::tempdir().expect("folder");
        let started = {
            let store = Store::open_in(dir.path()).expect("open");
            start(
                store.conn(),
                &timer_for("feeding", None),
                at("2024-02-01T03:00:00Z"),
            )
            .expect("started")
        };
        let store = Store::open_in(dir.path()).expect("reopen");
        let listed = list(store.conn(), at("2024-02-01T03:05:00Z")).expect("list");
        assert_eq!(listed.len(), 1);
        assert_eq!(
            (listed[0].id, listed[0].started_at),
            (started.id, started.started_at)
        );
        stop(store.conn(), started.id, at("2024-02-01T03:05:00Z")).expect("stopped after restart");
    }

    #[test]
    fn cancelling_removes_the_timer_without_saving_a_moment() {
        let store = store();
        let timer = start(
            store.conn(),
            &timer_for("feeding", None),
            at("2024-02-01T03:00:00Z"),
        )
        .expect("started");
        cancel(store.conn(), timer.id).expect("cancelled");
        assert_eq!((rows(&store, "timer"), rows(&store, "moment")), (0, 0));
        assert!(matches!(
            cancel(store.conn(), timer.id),
            Err(Error::TimerNotFound { .. })
        ));
    }

    #[test]
    fn a_timer_checks_its_kind_detail_baby_and_start_like_a_moment() {
        let store = store();
        let now = at("2024-02-01T03:00:00Z");
        let unknown = timer_for("juggling", None);
        assert!(matches!(
            start(store.conn(), &unknown, now),
            Err(Error::UnknownKind { .. })
        ));
        let bad_detail = TimerInput {
            detail: Some("spoon".into()),
            ..timer_for("feeding", None)
        };
        assert!(matches!(
            start(store.conn(), &bad_detail, now),
            Err(Error::UnknownDetail { .. })
        ));
        assert!(matches!(
            start(store.conn(), &timer_for("feeding", Some(9)), now),
            Err(Error::UnknownBaby { id: 9 })
        ));
        let future = TimerInput {
            started_at: Some(at("2024-02-01T03:06:00Z")),
            ..timer_for("feeding", None)
        };
        assert!(matches!(
            start(store.conn(), &future, now),
            Err(Error::StartInFuture)
        ));
        assert_eq!(rows(&store, "timer"), 0);
    }

    #[test]
    fn a_timer_started_a_little_ahead_of_the_clock_stops_as_a_moment_of_no_length() {
        let store = store();
        let input = TimerInput {
            started_at: Some(at("2024-02-01T03:04:00Z")),
            ..timer_for("feeding", None)
        };
        let timer = start(store.conn(), &input, at("2024-02-01T03:00:00Z")).expect("started");
        let m = stop(store.conn(), timer.id, at("2024-02-01T03:01:00Z")).expect("stopped");
        assert_eq!(m.duration_seconds, Some(0));
    }

    #[test]
    fn a_timer_for_a_baby_archived_meanwhile_can_still_be_stopped() {
        let store = store();
        let ada = add_baby(&store, "Ada");
        let timer = start(
            store.conn(),
            &timer_for("feeding", Some(ada)),
            at("2024-02-01T03:00:00Z"),
        )
        .expect("started");
        baby::archive(store.conn(), ada, at("2024-02-01T03:10:00Z")).expect("archived");
        let m = stop(store.conn(), timer.id, at("2024-02-01T03:20:00Z")).expect("stopped");
        assert_eq!(m.baby_id, Some(ada));
    }

    #[test]
    fn a_timer_across_the_spring_forward_hour_keeps_its_day_and_real_length() {
        let store = store();
        let input = TimerInput {
            utc_offset_seconds: 3600,
            ..timer_for("skin_to_skin", None)
        };
        // 01:45 +01:00 on 31 March 2024; stopped at 03:15 +02:00, 30 real minutes later.
        let timer = start(store.conn(), &input, at("2024-03-31T00:45:00Z")).expect("started");
        let m = stop(store.conn(), timer.id, at("2024-03-31T01:15:00Z")).expect("stopped");
        assert_eq!(m.duration_minutes, Some(30));
        assert_eq!(m.start_local.to_rfc3339(), "2024-03-31T01:45:00+01:00");
        let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).expect("date");
        let listed = query::list_day(store.conn(), day, &Filter::default()).expect("day");
        assert_eq!(listed.moments, [m]);
    }
}
