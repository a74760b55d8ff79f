//! What Today may gently offer from the check-ins: a check-in when one is due, and the card
//! that suggests talking to someone after a stretch of low mood.
//!
//! The parent's choices (how often to check in, whether the card may show, when it was last
//! put away) are settings the store owns; the caller reads them and passes a [`Plan`], so this
//! module reads only the check-ins. Nothing here nags: a due check-in is a quiet card the
//! parent may ignore, and the low-mood card, once put away, stays away for a whole window of
//! [`crate::check_in::LOW_MOOD_WINDOW_DAYS`] days, even if the stretch goes on.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::check_in::{self, LOW_MOOD_WINDOW_DAYS};
use crate::Result;

/// The parent's choices that decide what Today offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Plan {
    /// Offer a check-in when there has been none for this many local days (1 daily, 7
    /// weekly); `None` when the parent chose not to be offered one or has not chosen yet.
    pub every_days: Option<u64>,
    /// Whether the low-mood card may show at all.
    pub low_mood_card: bool,
    /// The local day the parent last put the low-mood card away.
    pub dismissed_on: Option<NaiveDate>,
}

/// What Today offers, as the UI receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Prompts {
    /// A check-in is due under the plan.
    pub check_in_due: bool,
    /// The low-mood card shows.
    pub low_mood_card: bool,
    /// The local day of the latest live check-in in the year up to `today`, if any.
    pub last_check_in: Option<NaiveDate>,
}

/// What Today offers on local day `today` under `plan`.
///
/// A check-in is due when no live check-in falls on the `every_days` local days ending
/// `today`. The low-mood card shows when the plan allows it,
/// [`check_in::low_mood_stretch_in`] holds, and the card was not put away within the last
/// [`LOW_MOOD_WINDOW_DAYS`] days (put away on day *d*, it may return on *d* + 14).
pub fn prompts(conn: &Connection, plan: &Plan, today: NaiveDate) -> Result<Prompts> {
    let last_check_in = latest_day(conn, today)?;
    let check_in_due = plan
        .every_days
        .is_some_and(|every| !within(last_check_in, every, today));
    let resting = within(plan.dismissed_on, LOW_MOOD_WINDOW_DAYS, today);
    let low_mood_card =
        plan.low_mood_card && !resting && check_in::low_mood_stretch_in(conn, today)?;
    Ok(Prompts {
        check_in_due,
        low_mood_card,
        last_check_in,
    })
}

/// Whether `day` is one of the `days` local days ending `today` (a later day counts too, so a
/// clock set back does not make a check-in due again).
fn within(day: Option<NaiveDate>, days: u64, today: NaiveDate) -> bool {
    let first = today
        .checked_sub_days(Days::new(days.saturating_sub(1)))
        .unwrap_or(NaiveDate::MIN);
    day.is_some_and(|d| d >= first)
}

/// How far back [`Prompts::last_check_in`] looks, in days: a year, so Today reads few rows.
const LOOK_BACK_DAYS: u64 = 366;

/// The local day of the latest live check-in from a year before `today` to a week after it.
fn latest_day(conn: &Connection, today: NaiveDate) -> Result<Option<NaiveDate>> {
    let to = today.checked_add_days(Days::new(7)).unwrap_or(today);
    let from = today
        .checked_sub_days(Days::new(LOOK_BACK_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let found = check_in::list_between(conn, from, to)?;
    Ok(found.last().map(|c| c.local_date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_in::{insert, soft_delete, CheckInInput};
    use crate::testing::{at, store};
    use chrono::{DateTime, Utc};
    use nestling_store::Store;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("day")
    }

    fn late() -> DateTime<Utc> {
        at("2026-12-31T12:00:00Z")
    }

    fn check_in(store: &Store, date: &str, mood: i64) -> i64 {
        let input = CheckInInput {
            taken_at: at(&format!("{date}T20:00:00Z")),
            mood: Some(mood),
            ..CheckInInput::default()
        };
        insert(store.conn(), &input, late()).expect("saved").id
    }

    fn daily() -> Plan {
        Plan {
            every_days: Some(1),
            low_mood_card: true,
            dismissed_on: None,
        }
    }

    #[test]
    fn nothing_is_due_when_the_parent_has_not_asked_for_check_ins() {
        let store = store();
        let got = prompts(store.conn(), &Plan::default(), day("2026-11-20")).expect("read");
        assert!(!got.check_in_due);
        assert_eq!(got.last_check_in, None);
    }

    #[test]
    fn a_daily_check_in_is_due_until_one_is_taken_that_day() {
        let store = store();
        check_in(&store, "2026-11-19", 4);
        let today = day("2026-11-20");
        assert!(
            prompts(store.conn(), &daily(), today)
                .expect("read")
                .check_in_due
        );
        check_in(&store, "2026-11-20", 4);
        let got = prompts(store.conn(), &daily(), today).expect("read");
        assert!(!got.check_in_due);
        assert_eq!(got.last_check_in, Some(today));
    }

    #[test]
    fn a_weekly_check_in_is_due_seven_days_after_the_last() {
        let store = store();
        check_in(&store, "2026-11-13", 4);
        let weekly = Plan {
            every_days: Some(7),
            ..daily()
        };
        assert!(
            !prompts(store.conn(), &weekly, day("2026-11-19"))
                .expect("read")
                .check_in_due
        );
        assert!(
            prompts(store.conn(), &weekly, day("2026-11-20"))
                .expect("read")
                .check_in_due
        );
    }

    #[test]
    fn a_check_in_in_the_trash_does_not_count() {
        let store = store();
        let id = check_in(&store, "2026-11-20", 4);
        soft_delete(store.conn(), id, late()).expect("trashed");
        let got = prompts(store.conn(), &daily(), day("2026-11-20")).expect("read");
        assert!(got.check_in_due);
        assert_eq!(got.last_check_in, None);
    }

    fn two_low_weeks(store: &Store) {
        for d in 7..=20 {
            check_in(store, &format!("2026-11-{d:02}"), 2);
        }
    }

    #[test]
    fn the_low_mood_card_shows_after_two_low_weeks_unless_switched_off() {
        let store = store();
        two_low_weeks(&store);
        let today = day("2026-11-20");
        assert!(
            prompts(store.conn(), &daily(), today)
                .expect("read")
                .low_mood_card
        );
        let off = Plan {
            low_mood_card: false,
            ..daily()
        };
        assert!(
            !prompts(store.conn(), &off, today)
                .expect("read")
                .low_mood_card
        );
    }

    #[test]
    fn a_put_away_low_mood_card_rests_for_fourteen_days() {
        let store = store();
        two_low_weeks(&store);
        for d in 21..=30 {
            check_in(&store, &format!("2026-11-{d:02}"), 1);
        }
        let plan = Plan {
            dismissed_on: Some(day("2026-11-20")),
            ..daily()
        };
        assert!(
            !prompts(store.conn(), &plan, day("2026-11-20"))
                .expect("read")
                .low_mood_card
        );
        assert!(
            !prompts(store.conn(), &plan, day("2026-12-03"))
                .expect("read")
                .low_mood_card
        );
        check_in(&store, "2026-12-01", 1);
        check_in(&store, "2026-12-02", 1);
        check_in(&store, "2026-12-03", 1);
        check_in(&store, "2026-12-04", 1);
        assert!(
            prompts(store.conn(), &plan, day("2026-12-04"))
                .expect("read")
                .low_mood_card
        );
    }

    #[test]
    fn good_weeks_show_no_card() {
        let store = store();
        for d in 7..=20 {
            check_in(&store, &format!("2026-11-{d:02}"), 4);
        }
        assert!(
            !prompts(store.conn(), &daily(), day("2026-11-20"))
                .expect("read")
                .low_mood_card
        );
    }
}
