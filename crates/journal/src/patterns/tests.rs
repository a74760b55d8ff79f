//! Unit tests of the weekly figures, their loader and their sentences.

use chrono::{DateTime, NaiveDate};

use super::sentences::TOO_FEW_RATINGS;
use super::*;
use crate::check_in::{self, CheckInInput};
use crate::testing::{at, input, log, now, store};
use crate::Error;
use crate::{baby, trash, BabyInput, MomentInput, Who};
use nestling_store::Store;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn between(from: &str, to: &str) -> Span {
    Span::Between {
        from: day(from),
        to: day(to),
    }
}

fn app() -> Options {
    Options {
        include_private: true,
        ..Options::default()
    }
}

fn of(store: &Store, span: Span, options: &Options) -> Patterns {
    patterns(store.conn(), span, options, day("2024-12-31")).expect("patterns")
}

fn timed(kind: &str, start: &str, end: &str) -> MomentInput {
    MomentInput {
        ended_at: Some(at(end)),
        ..input(kind, start)
    }
}

fn rated(start: &str, connection: i64) -> MomentInput {
    MomentInput {
        connection: Some(connection),
        ..input("rocking", start)
    }
}

fn check_in_at(taken: &str, mood: Option<i64>, sleep: Option<i64>) -> CheckInInput {
    let parsed = DateTime::parse_from_rfc3339(taken).expect("valid RFC 3339");
    CheckInInput {
        taken_at: at(taken),
        utc_offset_seconds: parsed.offset().local_minus_utc().into(),
        mood,
        sleep_minutes: sleep,
        ..CheckInInput::default()
    }
}

fn moments(p: &Patterns) -> Vec<u32> {
    p.weeks.iter().map(|w| w.moments).collect()
}

#[test]
fn a_moment_at_half_past_eleven_at_plus_two_belongs_to_that_local_day() {
    let store = store();
    log(&store, &input("feeding", "2024-05-12T23:30:00+02:00"));
    // 23:30 UTC on 12 May, but 13 May on the clock it was logged by.
    log(&store, &input("feeding", "2024-05-13T01:30:00+02:00"));
    let p = of(&store, between("2024-05-06", "2024-05-19"), &app());
    assert_eq!(moments(&p), [1, 1]);
    assert_eq!(p.weeks[1].first_day, day("2024-05-13"));
}

#[test]
fn a_week_with_the_spring_clock_change_counts_its_real_minutes_and_every_day() {
    // Central Europe, 31 March 2024: 02:00 +01:00 becomes 03:00 +02:00.
    let store = store();
    let (start, end) = ("2024-03-31T01:30:00+01:00", "2024-03-31T03:30:00+02:00");
    log(&store, &timed("skin_to_skin", start, end));
    log(&store, &input("skin_to_skin", "2024-03-31T23:30:00+02:00"));
    log(&store, &input("rocking", "2024-03-25T00:10:00+01:00"));
    let p = of(&store, between("2024-03-25", "2024-03-31"), &app());
    let week = &p.weeks[0];
    assert_eq!((week.days, week.moments), (7, 3));
    assert_eq!(week.skin_to_skin_minutes, 60, "the wall clock says 120");
    assert_eq!(week.skin_to_skin_days, 1);
}

#[test]
fn empty_weeks_are_present_with_zeros_and_no_averages() {
    let store = store();
    log(&store, &rated("2024-05-20T09:00:00Z", 4));
    let p = of(&store, between("2024-05-06", "2024-05-26"), &app());
    assert_eq!(moments(&p), [0, 0, 1]);
    let empty = &p.weeks[0];
    assert_eq!((empty.days, empty.moments_per_day), (7, 0.0));
    assert_eq!((empty.connection, empty.mood), (None, None));
    assert!(empty.kinds.is_empty());
    assert_eq!(empty.who, WhoCounts::default());
}

#[test]
fn the_last_week_is_clipped_to_the_range() {
    let store = store();
    log(&store, &input("changing", "2024-05-15T09:00:00Z"));
    let p = of(&store, between("2024-05-06", "2024-05-15"), &app());
    let last = &p.weeks[1];
    assert_eq!(
        (last.first_day, last.last_day),
        (day("2024-05-13"), day("2024-05-15"))
    );
    assert_eq!((last.days, last.moments), (3, 1));
    assert!((last.moments_per_day - 1.0 / 3.0).abs() < 1e-9);
}

#[test]
fn a_moment_crossing_midnight_counts_whole_on_the_day_it_started() {
    let store = store();
    let (start, end) = ("2024-05-12T23:00:00+02:00", "2024-05-13T01:00:00+02:00");
    log(&store, &timed("skin_to_skin", start, end));
    let p = of(&store, between("2024-05-06", "2024-05-19"), &app());
    assert_eq!(p.weeks[0].skin_to_skin_minutes, 120);
    assert_eq!(p.weeks[0].kinds[0].minutes, 120);
    assert_eq!(p.weeks[1].skin_to_skin_minutes, 0);
    assert_eq!(p.weeks[1].skin_to_skin_days, 0);
}

#[test]
fn skin_to_skin_days_count_distinct_days_and_kinds_keep_their_order_and_names() {
    let store = store();
    log(
        &store,
        &timed("feeding", "2024-05-06T08:00:00Z", "2024-05-06T08:20:00Z"),
    );
    log(
        &store,
        &timed(
            "skin_to_skin",
            "2024-05-06T09:00:00Z",
            "2024-05-06T09:30:00Z",
        ),
    );
    log(
        &store,
        &timed(
            "skin_to_skin",
            "2024-05-06T20:00:00Z",
            "2024-05-06T20:10:00Z",
        ),
    );
    log(&store, &input("skin_to_skin", "2024-05-08T20:00:00Z"));
    let week = of(&store, between("2024-05-06", "2024-05-12"), &app()).weeks[0].clone();
    assert_eq!((week.skin_to_skin_days, week.skin_to_skin_minutes), (2, 40));
    let kinds: Vec<_> = week
        .kinds
        .iter()
        .map(|k| (k.kind_id.as_str(), k.name.as_str(), k.moments, k.minutes))
        .collect();
    assert_eq!(
        kinds,
        [
            ("skin_to_skin", "Skin-to-skin", 3, 40),
            ("feeding", "Feeding", 1, 20)
        ]
    );
}

#[test]
fn private_moments_and_unshared_check_ins_count_only_when_asked() {
    let store = store();
    log(
        &store,
        &MomentInput {
            private: true,
            ..input("feeding", "2024-05-06T08:00:00Z")
        },
    );
    log(&store, &input("feeding", "2024-05-06T09:00:00Z"));
    let c = check_in_at("2024-05-06T20:00:00Z", Some(2), None);
    check_in::insert(store.conn(), &c, now()).expect("check-in");
    let shared = CheckInInput {
        mood: Some(4),
        in_report: true,
        ..c
    };
    check_in::insert(store.conn(), &shared, now()).expect("check-in");
    let span = between("2024-05-06", "2024-05-12");
    let with = of(&store, span, &app()).weeks[0].clone();
    let without = of(&store, span, &Options::default()).weeks[0].clone();
    assert_eq!((with.moments, without.moments), (2, 1));
    assert_eq!(with.mood.map(|m| (m.average, m.count)), Some((3.0, 2)));
    assert_eq!(without.mood.map(|m| (m.average, m.count)), Some((4.0, 1)));
}

#[test]
fn moments_and_check_ins_in_the_trash_are_never_counted() {
    let store = store();
    let gone = log(&store, &rated("2024-05-06T08:00:00Z", 1));
    log(&store, &rated("2024-05-06T09:00:00Z", 5));
    let c = check_in_at("2024-05-06T20:00:00Z", Some(1), Some(300));
    let c = check_in::insert(store.conn(), &c, now()).expect("check-in");
    trash::soft_delete(store.conn(), gone.id, now()).expect("trashed");
    check_in::soft_delete(store.conn(), c.id, now()).expect("trashed");
    let week = of(&store, between("2024-05-06", "2024-05-12"), &app()).weeks[0].clone();
    assert_eq!(week.moments, 1);
    assert_eq!(week.connection_values, [0, 0, 0, 0, 1]);
    assert_eq!((week.mood, week.sleep_minutes), (None, None));
}

#[test]
fn baby_and_kind_filters_narrow_moments_but_never_check_ins() {
    let store = store();
    let ada = BabyInput {
        name: "Ada".into(),
        birth_date: None,
    };
    let ada = baby::add(store.conn(), &ada, now()).expect("baby").id;
    log(
        &store,
        &MomentInput {
            baby_id: Some(ada),
            ..input("feeding", "2024-05-06T08:00:00Z")
        },
    );
    log(
        &store,
        &MomentInput {
            baby_id: Some(ada),
            ..input("rocking", "2024-05-06T09:00:00Z")
        },
    );
    log(&store, &input("feeding", "2024-05-06T10:00:00Z"));
    let c = check_in_at("2024-05-06T20:00:00Z", Some(3), None);
    check_in::insert(store.conn(), &c, now()).expect("check-in");
    let span = between("2024-05-06", "2024-05-12");
    let for_ada = Options {
        baby_id: Some(ada),
        ..app()
    };
    let feeds = Options {
        kind_id: Some("feeding".into()),
        ..app()
    };
    let both = Options {
        kind_id: Some("feeding".into()),
        ..for_ada.clone()
    };
    assert_eq!(moments(&of(&store, span, &for_ada)), [2]);
    assert_eq!(moments(&of(&store, span, &feeds)), [2]);
    assert_eq!(moments(&of(&store, span, &both)), [1]);
    assert_eq!(of(&store, span, &for_ada).baby_name.as_deref(), Some("Ada"));
    assert!(of(&store, span, &both).weeks[0].mood.is_some());
}

#[test]
fn check_ins_give_mood_and_sleep_averages_with_their_counts() {
    let store = store();
    for (taken, mood, sleep) in [
        ("2024-05-06T20:00:00+02:00", Some(2), Some(240)),
        ("2024-05-07T20:00:00+02:00", Some(3), None),
        ("2024-05-08T20:00:00+02:00", None, Some(360)),
        ("2024-05-13T20:00:00+02:00", Some(5), Some(480)),
    ] {
        check_in::insert(store.conn(), &check_in_at(taken, mood, sleep), now()).expect("saved");
    }
    let p = of(&store, between("2024-05-06", "2024-05-19"), &app());
    let avg = |a: Option<Average>| a.map(|a| (a.average, a.count));
    assert_eq!(avg(p.weeks[0].mood), Some((2.5, 2)));
    assert_eq!(avg(p.weeks[0].sleep_minutes), Some((300.0, 2)));
    assert_eq!(avg(p.weeks[1].mood), Some((5.0, 1)));
    assert_eq!(avg(p.weeks[1].sleep_minutes), Some((480.0, 1)));
}

#[test]
fn connection_and_energy_average_over_rated_moments_and_who_gave_the_care_is_counted() {
    let store = store();
    let partner = MomentInput {
        who: Who::Partner,
        energy: Some(2),
        ..rated("2024-05-06T08:00:00Z", 2)
    };
    let nana = MomentInput {
        who: Who::Caregiver("Nana".into()),
        ..rated("2024-05-06T09:00:00Z", 3)
    };
    log(&store, &partner);
    log(&store, &nana);
    log(&store, &rated("2024-05-07T09:00:00Z", 3));
    log(&store, &input("changing", "2024-05-07T10:00:00Z"));
    let week = of(&store, between("2024-05-06", "2024-05-12"), &app()).weeks[0].clone();
    let connection = week.connection.expect("rated");
    assert_eq!(connection.count, 3);
    assert!((connection.average - 8.0 / 3.0).abs() < 1e-9);
    assert_eq!(week.energy.map(|e| (e.average, e.count)), Some((2.0, 1)));
    assert_eq!(week.connection_values, [0, 1, 2, 0, 0]);
    assert_eq!(
        week.who,
        WhoCounts {
            me: 2,
            partner: 1,
            other: 1
        }
    );
}

#[test]
fn the_last_n_weeks_end_today_and_start_seven_n_minus_one_days_before() {
    let today = day("2024-05-31");
    let period = Span::Weeks { weeks: 4 }
        .period(today, None)
        .expect("period");
    assert_eq!((period.from, period.to), (day("2024-05-04"), today));
    let err = Span::Weeks { weeks: 0 }
        .period(today, None)
        .expect_err("no weeks");
    assert!(matches!(err, Error::WeeksOutOfRange { weeks: 0 }));
    assert!(Span::Weeks {
        weeks: MAX_WEEKS + 1
    }
    .period(today, None)
    .is_err());
}

#[test]
fn all_time_starts_on_the_first_day_with_a_moment_or_a_check_in() {
    let store = store();
    let everything = Span::All(AllTime::All);
    assert_eq!(
        of(&store, everything, &app()).from,
        day("2024-12-31"),
        "empty: today alone"
    );
    log(&store, &input("changing", "2024-03-10T09:00:00Z"));
    let c = check_in_at("2024-02-20T23:30:00-05:00", Some(3), None);
    check_in::insert(store.conn(), &c, now()).expect("check-in");
    let p = of(&store, everything, &app());
    assert_eq!((p.from, p.to), (day("2024-02-20"), day("2024-12-31")));
    assert_eq!(p.weeks.len(), 46);
}

#[test]
fn a_range_that_ends_before_it_starts_is_refused() {
    let store = store();
    let err = patterns(
        store.conn(),
        between("2024-05-07", "2024-05-06"),
        &app(),
        now().date_naive(),
    )
    .expect_err("reversed");
    assert!(matches!(err, Error::RangeReversed { .. }));
}

#[test]
fn a_span_arrives_as_weeks_as_two_dates_or_as_all() {
    let parse = |v| serde_json::from_value::<Span>(v).expect("span");
    assert_eq!(
        parse(serde_json::json!({"weeks": 4})),
        Span::Weeks { weeks: 4 }
    );
    assert_eq!(
        parse(serde_json::json!({"from": "2024-05-01", "to": "2024-05-31"})),
        between("2024-05-01", "2024-05-31")
    );
    assert_eq!(parse(serde_json::json!("all")), Span::All(AllTime::All));
    assert!(serde_json::from_value::<Span>(serde_json::json!("everything")).is_err());
}

/// A journal of `weeks` weeks from 6 May 2024 where each week's moments are rated as given.
fn rated_weeks(ratings: &[&[u8]], skin_days: u32) -> Facts {
    let from = day("2024-05-06");
    let mut facts = Facts::default();
    for (w, values) in ratings.iter().enumerate() {
        for &c in *values {
            facts.moments.push(fact(
                from + chrono::Days::new(w as u64 * 7),
                "rocking",
                Some(c),
            ));
        }
    }
    for d in 0..skin_days {
        facts.moments.push(fact(
            from + chrono::Days::new(u64::from(d)),
            SKIN_TO_SKIN,
            None,
        ));
    }
    facts
}

fn fact(local_date: NaiveDate, kind: &str, connection: Option<u8>) -> MomentFact {
    MomentFact {
        local_date,
        kind_id: kind.into(),
        minutes: 0,
        connection,
        energy: None,
        giver: Giver::Me,
        baby_id: None,
        private: false,
    }
}

fn four_weeks() -> Period {
    Period {
        from: day("2024-05-06"),
        to: day("2024-06-02"),
        span: Span::Weeks { weeks: 4 },
    }
}

#[test]
fn the_sentences_name_the_skin_to_skin_days_and_how_closeness_ratings_moved() {
    let mut facts = rated_weeks(&[&[2, 2, 3], &[2, 2, 1], &[3, 3, 2], &[3, 4, 3]], 11);
    facts.baby_name = Some("Ada".into());
    let p = weekly(&facts, &four_weeks(), &app());
    assert_eq!(
        p.sentences,
        [
            "Over the last 4 weeks you held Ada skin to skin on 11 days.",
            "Your closeness ratings went from mostly 2 to mostly 3."
        ]
    );
}

#[test]
fn too_few_ratings_are_said_kindly_instead_of_a_pattern() {
    let facts = rated_weeks(&[&[1, 1], &[1], &[5, 5, 5], &[5, 5, 5]], 1);
    let p = weekly(&facts, &four_weeks(), &app());
    assert_eq!(
        p.sentences,
        [
            "Over the last 4 weeks you held your baby skin to skin on 1 day.",
            TOO_FEW_RATINGS
        ]
    );
}

#[test]
fn with_no_skin_to_skin_the_sentence_counts_moments_and_with_none_at_all_says_so() {
    let facts = rated_weeks(&[&[3; 5], &[], &[], &[3; 5]], 0);
    let p = weekly(&facts, &four_weeks(), &app());
    assert_eq!(
        p.sentences[0],
        "Over the last 4 weeks you logged 10 moments of care."
    );
    assert_eq!(
        p.sentences[1],
        "Your closeness ratings were mostly 3, in the first weeks as in the last."
    );
    let empty = weekly(&Facts::default(), &four_weeks(), &app());
    assert_eq!(
        empty.sentences[0],
        "There are no moments of care logged for these days yet."
    );
}

#[test]
fn large_counts_set_their_thousands_apart() {
    let facts = rated_weeks(&[&[3; 300], &[3; 300], &[3; 300], &[3; 334]], 0);
    let p = weekly(&facts, &four_weeks(), &app());
    assert_eq!(
        p.sentences[0],
        "Over the last 4 weeks you logged 1,234 moments of care."
    );
}

#[test]
fn the_sentences_never_judge_promise_or_count_streaks() {
    let scenarios: [&[&[u8]]; 5] = [
        &[&[5; 6], &[4; 3], &[1; 2], &[1; 6]],
        &[&[1; 6], &[], &[], &[5; 6]],
        &[&[], &[], &[], &[]],
        &[&[3], &[3], &[3], &[3]],
        &[&[2; 9], &[2; 9], &[2; 9], &[2; 9]],
    ];
    let banned = [
        "only", "should", "streak", "goal", "score", "better", "worse", "because", "must", "!",
    ];
    for (i, ratings) in scenarios.iter().enumerate() {
        for span in [
            Span::Weeks { weeks: 4 },
            Span::All(AllTime::All),
            between("2024-05-06", "2024-06-02"),
        ] {
            let period = Period {
                span,
                ..four_weeks()
            };
            let facts = rated_weeks(ratings, i as u32);
            for sentence in weekly(&facts, &period, &app()).sentences {
                let lower = sentence.to_lowercase();
                let words: Vec<_> = lower
                    .split(|c: char| !c.is_alphanumeric() && c != '!')
                    .collect();
                for word in banned {
                    assert!(!words.contains(&word), "{word:?} in {sentence:?}");
                }
            }
        }
    }
}

#[test]
fn the_opening_names_the_range_the_parent_chose() {
    let facts = rated_weeks(&[&[3]], 0);
    let period = |span| Period {
        from: day("2024-05-06"),
        to: day("2024-05-12"),
        span,
    };
    let first = |span| weekly(&facts, &period(span), &app()).sentences[0].clone();
    assert_eq!(
        first(Span::Weeks { weeks: 1 }),
        "Over the last week you logged 1 moment of care."
    );
    assert_eq!(
        first(Span::All(AllTime::All)),
        "Since 6 May 2024 you logged 1 moment of care."
    );
    assert_eq!(
        first(between("2024-05-06", "2024-05-12")),
        "From 6 May 2024 to 12 May 2024 you logged 1 moment of care."
    );
}

#[test]
fn the_pure_figures_apply_the_filters_the_loader_also_applies() {
    let mut facts = rated_weeks(&[&[3, 3]], 0);
    facts.moments[0].private = true;
    facts.moments[1].baby_id = Some(7);
    let week = |options: &Options| weekly(&facts, &four_weeks(), options).weeks[0].moments;
    assert_eq!(week(&app()), 2);
    assert_eq!(week(&Options::default()), 1);
    assert_eq!(
        week(&Options {
            baby_id: Some(7),
            ..app()
        }),
        1
    );
    assert_eq!(
        week(&Options {
            kind_id: Some(SKIN_TO_SKIN.into()),
            ..app()
        }),
        0
    );
}

#[test]
fn a_range_of_years_counts_exactly_the_moments_of_its_days_like_a_short_one() {
    let store = store();
    log(&store, &input("feeding", "2022-12-31T23:30:00+02:00"));
    log(&store, &input("feeding", "2023-01-01T00:30:00+02:00"));
    log(&store, &input("rocking", "2024-05-06T09:00:00+02:00"));
    log(&store, &input("rocking", "2024-12-30T09:00:00+02:00"));
    let total = |p: &Patterns| p.weeks.iter().map(|w| w.moments).sum::<u32>();
    let years = of(&store, between("2023-01-01", "2024-12-29"), &app());
    assert_eq!(years.weeks.len(), 105);
    assert_eq!(total(&years), 2, "the days just outside are left out");
    let short = of(&store, between("2024-05-06", "2024-05-12"), &app());
    assert_eq!(total(&short), 1);
    assert_eq!(years.weeks[0].moments, 1);
}

#[test]
fn ratings_written_on_the_partners_computer_are_not_the_parents_own() {
    let store = store();
    log(&store, &rated("2024-05-06T09:00:00Z", 2));
    let theirs = log(&store, &rated("2024-05-06T10:00:00Z", 5));
    store
        .conn()
        .execute(
            "UPDATE moment SET author = '0a1b2c3d4e5f60718293a4b5c6d7e8f9' WHERE id = ?1",
            [theirs.id],
        )
        .expect("from the partner");
    let week = of(&store, between("2024-05-06", "2024-05-12"), &app()).weeks[0].clone();
    let connection = week.connection.expect("rated");
    assert_eq!((connection.count, connection.average), (1, 2.0));
    assert_eq!(week.moments, 2, "their care still counts");
}
