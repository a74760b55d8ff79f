//! Reading the journal by local day: a day, a week, any range, and totals per kind.
//!
//! Days are local dates as described in [`crate::time`]: each moment is on the date its own
//! clock showed when it started, whatever zone the parent is in today. Lists are in the order
//! the moments happened — oldest first, day by day, like the pages of a diary — and never
//! include moments in the trash. Every query takes a [`Filter`].

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, Row, ToSql};
use serde::{Deserialize, Serialize};

use crate::moment::{from_row, Moment, MomentRow, COLUMNS};
use crate::time::{date_key, rounded_minutes};
use crate::{words, Error, Result};

/// Narrows a list, totals or a search; every field left out matches everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Filter {
    /// Only this kind.
    pub kind_id: Option<String>,
    /// Only this baby.
    pub baby_id: Option<i64>,
    /// Only moments with this feeling word (compared after cleaning, so case does not matter).
    pub feeling: Option<String>,
    /// Only moments with this tag (a leading `#` and case do not matter).
    pub tag: Option<String>,
    /// Only private moments (`true`) or only the others (`false`).
    pub private: Option<bool>,
}

/// The moments of a range of local days, with totals per kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listing {
    /// The first day, inclusive.
    pub from: NaiveDate,
    /// The last day, inclusive.
    pub to: NaiveDate,
    /// The moments, oldest first.
    pub moments: Vec<Moment>,
    /// How many moments, and how many minutes, of each kind.
    pub totals: Vec<KindTotal>,
}

/// A listing as the page receives it: each moment as a row shows it ([`MomentRow`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListingRows {
    /// The first day, inclusive.
    pub from: NaiveDate,
    /// The last day, inclusive.
    pub to: NaiveDate,
    /// The moments as rows, oldest first.
    pub moments: Vec<MomentRow>,
    /// How many moments, and how many minutes, of each kind.
    pub totals: Vec<KindTotal>,
}

impl From<Listing> for ListingRows {
    fn from(l: Listing) -> ListingRows {
        ListingRows {
            from: l.from,
            to: l.to,
            moments: l.moments.into_iter().map(MomentRow::from).collect(),
            totals: l.totals,
        }
    }
}

/// How many moments of one kind, and how long they lasted together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindTotal {
    /// The kind's id.
    pub kind_id: String,
    /// How many moments.
    pub count: i64,
    /// Their summed durations, rounded to the nearest minute (instants count as zero).
    pub minutes: i64,
}

/// A [`Filter`] with its words cleaned as stored, ready to bind as parameters `?3` to `?7`.
pub(crate) struct Bound {
    kind_id: Option<String>,
    baby_id: Option<i64>,
    feeling: Option<String>,
    tag: Option<String>,
    private: Option<bool>,
}

/// The conditions [`Bound`] binds, on `moment m`.
pub(crate) const FILTER_SQL: &str = "(?3 IS NULL OR m.kind_id = ?3)
    AND (?4 IS NULL OR m.baby_id = ?4)
    AND (?5 IS NULL OR EXISTS (SELECT 1 FROM moment_feeling f
                                WHERE f.moment_id = m.id AND f.word = ?5))
    AND (?6 IS NULL OR EXISTS (SELECT 1 FROM moment_tag t WHERE t.moment_id = m.id AND t.tag = ?6))
    AND (?7 IS NULL OR m.private = ?7)";

impl Bound {
    /// Cleans the filter's words; a word that could never be stored matches nothing.
    pub(crate) fn new(filter: &Filter) -> Self {
        let never = "\u{0}".to_string();
        Self {
            kind_id: filter.kind_id.clone(),
            baby_id: filter.baby_id,
            feeling: filter
                .feeling
                .as_deref()
                .map(|w| words::feeling_word(w).unwrap_or(never.clone())),
            tag: filter
                .tag
                .as_deref()
                .map(|t| words::tag(t).unwrap_or(never.clone())),
            private: filter.private,
        }
    }

    /// `first` and `second` as `?1` and `?2`, then the filter as `?3` to `?7`.
    pub(crate) fn params<'a>(
        &'a self,
        first: &'a dyn ToSql,
        second: &'a dyn ToSql,
    ) -> [&'a dyn ToSql; 7] {
        [
            first,
            second,
            &self.kind_id,
            &self.baby_id,
            &self.feeling,
            &self.tag,
            &self.private,
        ]
    }
}

/// The moments of one local day.
pub fn list_day(conn: &Connection, day: NaiveDate, filter: &Filter) -> Result<Listing> {
    list_between(conn, day, day, filter)
}

/// The moments of the seven local days starting with `first_day` (the UI picks the weekday).
pub fn list_week(conn: &Connection, first_day: NaiveDate, filter: &Filter) -> Result<Listing> {
    let last_day = first_day
        .checked_add_days(Days::new(6))
        .unwrap_or(NaiveDate::MAX);
    list_between(conn, first_day, last_day, filter)
}

/// The moments from local day `from` to local day `to`, both included.
pub fn list_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    filter: &Filter,
) -> Result<Listing> {
    check_range(from, to)?;
    Ok(Listing {
        from,
        to,
        moments: moments_between(conn, from, to, filter)?,
        totals: totals_between(conn, from, to, filter)?,
    })
}

fn moments_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    filter: &Filter,
) -> Result<Vec<Moment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM moment m
          WHERE m.deleted_at IS NULL AND m.local_date BETWEEN ?1 AND ?2 AND {FILTER_SQL}
          ORDER BY m.local_date, m.started_at, m.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let (bound, from, to) = (Bound::new(filter), date_key(from), date_key(to));
    let moments = stmt
        .query_map(bound.params(&from, &to), from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(moments)
}

/// Totals per kind from local day `from` to local day `to`, in the kinds' order; kinds with no
/// moment in the range are left out.
pub fn totals_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    filter: &Filter,
) -> Result<Vec<KindTotal>> {
    check_range(from, to)?;
    // Grouping before joining the kinds looks each kind up once, not once per moment.
    let sql = format!(
        "SELECT t.kind_id, t.count, t.seconds
           FROM (SELECT m.kind_id, count(*) AS count,
                        sum(ifnull(m.ended_at - m.started_at, 0)) AS seconds
                   FROM moment m
                  WHERE m.deleted_at IS NULL AND m.local_date BETWEEN ?1 AND ?2 AND {FILTER_SQL}
                  GROUP BY m.kind_id) t
           JOIN moment_kind k ON k.id = t.kind_id
          ORDER BY k.position"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let (bound, from, to) = (Bound::new(filter), date_key(from), date_key(to));
    let totals = stmt
        .query_map(bound.params(&from, &to), total_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(totals)
}

fn total_from_row(row: &Row<'_>) -> rusqlite::Result<KindTotal> {
    Ok(KindTotal {
        kind_id: row.get(0)?,
        count: row.get(1)?,
        minutes: rounded_minutes(row.get(2)?),
    })
}

fn check_range(from: NaiveDate, to: NaiveDate) -> Result<()> {
    match from > to {
        true => Err(Error::RangeReversed { from, to }),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, input, log, now, store};
    use crate::{baby, trash, BabyInput, MomentInput};
    use nestling_store::Store;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn starts(listing: &Listing) -> Vec<String> {
        listing
            .moments
            .iter()
            .map(|m| m.start_local.to_rfc3339())
            .collect()
    }

    fn day_of(store: &Store, text: &str) -> Listing {
        list_day(store.conn(), day(text), &Filter::default()).expect("listed")
    }

    fn timed(kind: &str, start: &str, end: &str) -> MomentInput {
        MomentInput {
            ended_at: Some(at(end)),
            ..input(kind, start)
        }
    }

    #[test]
    fn the_spring_forward_day_holds_every_moment_logged_on_its_clock() {
        // Central Europe, 31 March 2024: 02:00 +01:00 becomes 03:00 +02:00 (a 23-hour day).
        let store = store();
        for start in [
            "2024-03-30T23:59:00+01:00",
            "2024-03-31T00:30:00+01:00", // 23:30 UTC the day before
            "2024-03-31T01:59:00+01:00",
            "2024-03-31T03:00:00+02:00", // one UTC minute after the line above
            "2024-03-31T23:30:00+02:00",
            "2024-04-01T00:10:00+02:00", // still 31 March in UTC
        ] {
            log(&store, &input("rocking", start));
        }
        assert_eq!(
            starts(&day_of(&store, "2024-03-31")),
            [
                "2024-03-31T00:30:00+01:00",
                "2024-03-31T01:59:00+01:00",
                "2024-03-31T03:00:00+02:00",
                "2024-03-31T23:30:00+02:00"
            ]
        );
        assert_eq!(day_of(&store, "2024-03-30").moments.len(), 1);
        assert_eq!(day_of(&store, "2024-04-01").moments.len(), 1);
    }

    #[test]
    fn the_fall_back_day_holds_both_of_its_repeated_hours_in_the_order_they_happened() {
        // Central Europe, 27 October 2024: 03:00 +02:00 becomes 02:00 +01:00 (a 25-hour day).
        let store = store();
        for start in [
            "2024-10-27T02:30:00+01:00", // the second 02:30, logged first to test the order
            "2024-10-27T02:30:00+02:00",
            "2024-10-27T00:05:00+02:00",
            "2024-10-27T23:55:00+01:00",
        ] {
            log(&store, &input("soothing", start));
        }
        assert_eq!(
            starts(&day_of(&store, "2024-10-27")),
            [
                "2024-10-27T00:05:00+02:00",
                "2024-10-27T02:30:00+02:00",
                "2024-10-27T02:30:00+01:00",
                "2024-10-27T23:55:00+01:00"
            ]
        );
    }

    #[test]
    fn durations_across_a_clock_change_count_the_real_minutes() {
        let store = store();
        let spring = log(
            &store,
            &timed(
                "skin_to_skin",
                "2024-03-31T01:30:00+01:00",
                "2024-03-31T03:30:00+02:00",
            ),
        );
        assert_eq!(spring.duration_minutes, Some(60), "the wall clock says 120");
        let autumn = log(
            &store,
            &timed(
                "skin_to_skin",
                "2024-10-27T02:40:00+02:00",
                "2024-10-27T02:10:00+01:00",
            ),
        );
        assert_eq!(autumn.duration_minutes, Some(30), "the wall clock says -30");
        let totals = totals_between(
            store.conn(),
            day("2024-01-01"),
            day("2024-12-31"),
            &Filter::default(),
        )
        .expect("totals");
        assert_eq!(totals[0].minutes, 90);
    }

    #[test]
    fn a_moment_at_half_past_eleven_at_utc_minus_five_is_on_its_local_date() {
        let store = store();
        let m = log(&store, &input("feeding", "2024-01-10T23:30:00-05:00"));
        assert_eq!(m.started_at, at("2024-01-11T04:30:00Z"));
        assert_eq!(m.local_date, day("2024-01-10"));
        assert_eq!(day_of(&store, "2024-01-10").moments.len(), 1);
        assert!(day_of(&store, "2024-01-11").moments.is_empty());
    }

    #[test]
    fn a_day_keeps_its_moments_after_the_parent_flies_to_another_time_zone() {
        // Evening in New York, then the flight, then the next day in Berlin.
        let store = store();
        log(&store, &input("feeding", "2024-06-01T21:00:00-04:00"));
        log(&store, &input("rocking", "2024-06-01T23:50:00-04:00")); // 05:50 +02:00, 2 June
        log(&store, &input("changing", "2024-06-02T10:00:00+02:00"));
        log(&store, &input("soothing", "2024-06-02T05:00:00+02:00")); // 03:00 UTC
        assert_eq!(
            starts(&day_of(&store, "2024-06-01")),
            ["2024-06-01T21:00:00-04:00", "2024-06-01T23:50:00-04:00"]
        );
        // The 1 June rocking happened at 03:50 UTC, after this 2 June soothing at 03:00 UTC, yet
        // each stays on the day its clock showed.
        assert_eq!(
            starts(&day_of(&store, "2024-06-02")),
            ["2024-06-02T05:00:00+02:00", "2024-06-02T10:00:00+02:00"]
        );
        let both = list_between(
            store.conn(),
            day("2024-06-01"),
            day("2024-06-02"),
            &Filter::default(),
        )
        .expect("range");
        assert_eq!(both.moments.len(), 4);
        assert_eq!(
            both.moments[1].kind_id, "rocking",
            "days stay in calendar order"
        );
    }

    #[test]
    fn a_week_is_the_seven_local_days_from_its_first_day_oldest_first() {
        let store = store();
        for start in [
            "2024-05-05T23:59:00+02:00",
            "2024-05-12T12:00:00+02:00",
            "2024-05-06T00:00:00+02:00",
            "2024-05-12T23:59:00+02:00",
            "2024-05-13T00:00:00+02:00",
            "2024-05-08T09:00:00+02:00",
        ] {
            log(&store, &input("bathing", start));
        }
        let week = list_week(store.conn(), day("2024-05-06"), &Filter::default()).expect("week");
        assert_eq!((week.from, week.to), (day("2024-05-06"), day("2024-05-12")));
        assert_eq!(
            starts(&week),
            [
                "2024-05-06T00:00:00+02:00",
                "2024-05-08T09:00:00+02:00",
                "2024-05-12T12:00:00+02:00",
                "2024-05-12T23:59:00+02:00"
            ]
        );
    }

    #[test]
    fn totals_count_moments_and_minutes_per_kind_in_the_kinds_order() {
        let store = store();
        log(
            &store,
            &timed("feeding", "2024-05-06T01:00:00Z", "2024-05-06T01:20:00Z"),
        );
        log(
            &store,
            &timed("feeding", "2024-05-06T04:00:00Z", "2024-05-06T04:10:40Z"),
        );
        log(
            &store,
            &timed(
                "skin_to_skin",
                "2024-05-06T05:00:00Z",
                "2024-05-06T05:45:00Z",
            ),
        );
        log(&store, &input("changing", "2024-05-06T06:00:00Z"));
        let listing = day_of(&store, "2024-05-06");
        let totals: Vec<_> = listing
            .totals
            .iter()
            .map(|t| (t.kind_id.as_str(), t.count, t.minutes))
            .collect();
        assert_eq!(
            totals,
            [
                ("skin_to_skin", 1, 45),
                ("feeding", 2, 31),
                ("changing", 1, 0)
            ]
        );
    }

    #[test]
    fn filters_by_kind_baby_feeling_tag_and_private_flag() {
        let store = store();
        let baby_input = BabyInput {
            name: "Ada".into(),
            birth_date: None,
        };
        let ada = baby::add(store.conn(), &baby_input, now())
            .expect("baby")
            .id;
        let mut a = input("feeding", "2024-05-06T08:00:00Z");
        a.baby_id = Some(ada);
        a.feelings = vec!["tender".into()];
        let mut b = input("rocking", "2024-05-06T09:00:00Z");
        b.tags = vec!["Night".into()];
        b.private = true;
        let (a, b) = (log(&store, &a), log(&store, &b));
        let ids = |filter: Filter| -> Vec<i64> {
            list_day(store.conn(), day("2024-05-06"), &filter)
                .expect("listed")
                .moments
                .iter()
                .map(|m| m.id)
                .collect()
        };
        assert_eq!(
            ids(Filter {
                kind_id: Some("rocking".into()),
                ..Filter::default()
            }),
            [b.id]
        );
        assert_eq!(
            ids(Filter {
                baby_id: Some(ada),
                ..Filter::default()
            }),
            [a.id]
        );
        assert_eq!(
            ids(Filter {
                feeling: Some(" TENDER ".into()),
                ..Filter::default()
            }),
            [a.id]
        );
        assert_eq!(
            ids(Filter {
                tag: Some("#night".into()),
                ..Filter::default()
            }),
            [b.id]
        );
        assert_eq!(
            ids(Filter {
                private: Some(true),
                ..Filter::default()
            }),
            [b.id]
        );
        assert_eq!(
            ids(Filter {
                private: Some(false),
                ..Filter::default()
            }),
            [a.id]
        );
        assert!(ids(Filter {
            feeling: Some(String::new()),
            ..Filter::default()
        })
        .is_empty());
        assert_eq!(ids(Filter::default()), [a.id, b.id]);
    }

    #[test]
    fn a_filter_arrives_from_the_ui_as_camel_case_json_with_any_field_left_out() {
        let filter: Filter =
            serde_json::from_value(serde_json::json!({"kindId": "feeding", "private": false}))
                .expect("parses");
        assert_eq!(filter.kind_id.as_deref(), Some("feeding"));
        assert_eq!((filter.baby_id, filter.private), (None, Some(false)));
    }

    #[test]
    fn moments_in_the_trash_are_neither_listed_nor_counted() {
        let store = store();
        let gone = log(&store, &input("feeding", "2024-05-06T08:00:00Z"));
        log(&store, &input("rocking", "2024-05-06T09:00:00Z"));
        trash::soft_delete(store.conn(), gone.id, now()).expect("trashed");
        let listing = day_of(&store, "2024-05-06");
        assert_eq!(listing.moments.len(), 1);
        assert_eq!(listing.totals.len(), 1);
        assert_eq!(listing.totals[0].kind_id, "rocking");
    }

    #[test]
    fn rejects_a_range_that_ends_before_it_starts() {
        let store = store();
        let err = list_between(
            store.conn(),
            day("2024-05-07"),
            day("2024-05-06"),
            &Filter::default(),
        )
        .expect_err("reversed");
        assert_eq!(
            err.to_string(),
            "The first day of the range is after the last day. Please swap the two dates."
        );
    }

    #[test]
    fn a_listing_serializes_with_its_days_moments_and_totals() {
        let store = store();
        log(&store, &input("changing", "2024-05-06T06:00:00Z"));
        let value = serde_json::to_value(day_of(&store, "2024-05-06")).expect("json");
        assert_eq!(value["from"], "2024-05-06");
        assert_eq!(value["to"], "2024-05-06");
        assert_eq!(value["moments"][0]["kindId"], "changing");
        assert_eq!(
            value["totals"],
            serde_json::json!([{"kindId": "changing", "count": 1, "minutes": 0}])
        );
    }
}
