//! Reports built by the export crate from a real journal: what is shared is printed, what is
//! private or left out is not.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::{squash, text_of};

use nestling_export::{build_report, Range, Selection};
use nestling_journal::{baby, check_in, moment, BabyInput, CheckInInput, MomentInput, Who};
use nestling_journal::{SafetyAnswer, Supported};
use nestling_report_pdf::{Paper, Typesetter};
use nestling_store::Store;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("time")
        .with_timezone(&Utc)
}

fn log(store: &Store, kind: &str, start: &str, note: &str, private: bool) -> i64 {
    let input = MomentInput {
        kind_id: kind.into(),
        started_at: at(start),
        utc_offset_seconds: 3600,
        ended_at: Some(at(start) + chrono::Duration::minutes(20)),
        who: Who::Partner,
        connection: Some(4),
        feelings: vec!["calm".into()],
        note: note.into(),
        private,
        ..MomentInput::default()
    };
    moment::insert(store.conn(), &input, at("2025-04-01T12:00:00Z"))
        .expect("logged")
        .id
}

#[test]
fn prints_every_chosen_note_and_no_private_or_unticked_one() {
    let store = Store::open_in_memory().expect("journal");
    let now = at("2025-04-01T12:00:00Z");
    baby::add(
        store.conn(),
        &BabyInput {
            name: "Mia #{x}".into(),
            birth_date: None,
        },
        now,
    )
    .expect("baby");
    let hostile =
        "Shared note: #{panic()} *bold* $math$ \\ <b> @me [link] _x_ // #import \"x\" <script>";
    log(
        &store,
        "skin_to_skin",
        "2025-03-03T08:00:00+01:00",
        hostile,
        false,
    );
    log(
        &store,
        "feeding",
        "2025-03-04T09:00:00+01:00",
        "Second shared note, plain.",
        false,
    );
    log(
        &store,
        "feeding",
        "2025-03-04T10:00:00+01:00",
        "PRIVATE-SECRET never leaves",
        true,
    );
    let unticked = log(
        &store,
        "rocking",
        "2025-03-05T11:00:00+01:00",
        "UNTICKED-NOTE left out",
        false,
    );

    let first = NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
    let last = NaiveDate::from_ymd_opt(2025, 3, 31).expect("date");
    let mut selection = Selection::new(Range::Between { first, last });
    selection.excluded_ids = vec![unticked];
    selection.prepared_for = Some("Dr. <b>Who</b> #1".into());
    let today = NaiveDate::from_ymd_opt(2025, 4, 1).expect("date");
    let report = build_report(store.conn(), &selection, Some("Noa *"), today).expect("report");

    let pdf = Typesetter::with_emoji_font(None)
        .render(&report, Paper::A4)
        .expect("rendered");
    let text = squash(&text_of(&pdf));
    for needle in [
        squash(hostile).as_str(),
        "Second shared note, plain.",
        "Dr. <b>Who</b> #1",
        "Noa *",
    ] {
        assert!(text.contains(needle), "missing {needle:?}:\n{text}");
    }
    for absent in ["PRIVATE-SECRET", "UNTICKED-NOTE"] {
        assert!(!text.contains(absent), "{absent} leaked:\n{text}");
    }
}

#[test]
fn notes_are_left_out_when_the_parent_does_not_share_them() {
    let store = Store::open_in_memory().expect("journal");
    log(
        &store,
        "feeding",
        "2025-03-04T09:00:00+01:00",
        "A NOTE-NOT-SHARED here",
        false,
    );
    let day = NaiveDate::from_ymd_opt(2025, 3, 4).expect("date");
    let mut selection = Selection::new(Range::Between {
        first: day,
        last: day,
    });
    selection.include.notes = false;
    let report = build_report(store.conn(), &selection, None, day).expect("report");
    let text = text_of(
        &Typesetter::with_emoji_font(None)
            .render(&report, Paper::A4)
            .expect("pdf"),
    );
    assert!(!text.contains("NOTE-NOT-SHARED"), "{text}");
    assert!(text.contains("Feeding"), "{text}");
}

fn check_in_on(store: &Store, taken: &str, note: &str, in_report: bool) {
    let input = CheckInInput {
        taken_at: at(taken),
        utc_offset_seconds: 3600,
        mood: Some(3),
        sleep_minutes: Some(405),
        supported: Some(Supported::No),
        safety: Some(SafetyAnswer::UnwantedThoughts),
        note: Some(note.into()),
        in_report,
        ..CheckInInput::default()
    };
    check_in::insert(store.conn(), &input, at("2025-04-01T12:00:00Z")).expect("check-in");
}

#[test]
fn a_check_in_marked_for_the_report_prints_and_an_unmarked_one_does_not() {
    let store = Store::open_in_memory().expect("journal");
    check_in_on(&store, "2025-03-04T21:00:00+01:00", "MARKED-CHECK-IN", true);
    check_in_on(
        &store,
        "2025-03-05T21:00:00+01:00",
        "UNMARKED-CHECK-IN",
        false,
    );
    let first = NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
    let last = NaiveDate::from_ymd_opt(2025, 3, 31).expect("date");
    let selection = Selection::new(Range::Between { first, last });
    let report = build_report(store.conn(), &selection, None, last).expect("report");
    let pdf = Typesetter::with_emoji_font(None)
        .render(&report, Paper::A4)
        .expect("pdf");
    let text = squash(&text_of(&pdf));
    for needle in [
        "MARKED-CHECK-IN",
        "Mood: I chose 3",
        "6 h 45 min",
        "Felt supported: no",
    ] {
        assert!(text.contains(needle), "missing {needle:?}:\n{text}");
    }
    for absent in ["UNMARKED-CHECK-IN", "unwanted", "thoughts", "Safety"] {
        assert!(!text.contains(absent), "{absent} printed:\n{text}");
    }
}

#[test]
fn the_weekly_numbers_print_beside_the_charts_and_leave_private_moments_out() {
    let store = Store::open_in_memory().expect("journal");
    // The week of 3 March: one feeding a day and one skin-to-skin session of 20 minutes.
    for day in 3..=9 {
        log(
            &store,
            "feeding",
            &format!("2025-03-{day:02}T09:00:00+01:00"),
            "",
            false,
        );
    }
    log(
        &store,
        "skin_to_skin",
        "2025-03-05T20:00:00+01:00",
        "",
        false,
    );
    // The week of 10 March: two feedings a day, and a private moment that must not count.
    for day in 10..=16 {
        for hour in [9, 15] {
            log(
                &store,
                "feeding",
                &format!("2025-03-{day:02}T{hour:02}:00:00+01:00"),
                "",
                false,
            );
        }
    }
    log(
        &store,
        "skin_to_skin",
        "2025-03-12T20:00:00+01:00",
        "",
        true,
    );
    let first = NaiveDate::from_ymd_opt(2025, 3, 3).expect("date");
    let last = NaiveDate::from_ymd_opt(2025, 3, 16).expect("date");
    let report = build_report(
        store.conn(),
        &Selection::new(Range::Between { first, last }),
        None,
        last,
    )
    .expect("report");
    let pdf = Typesetter::with_emoji_font(None)
        .render(&report, Paper::A4)
        .expect("pdf");
    if let Some(path) = std::env::var_os("NESTLING_KEEP_PDF") {
        // For looking at the page by eye: NESTLING_KEEP_PDF=/tmp/weekly.pdf cargo test …
        std::fs::write(path, &pdf).expect("kept");
    }
    let text = squash(&text_of(&pdf));
    for needle in [
        "Week by week",
        "Moments of care per day",
        "Skin-to-skin minutes each week",
        "Connection and energy",
        "Moments a day",
        "3 Mar – 9 Mar 2025",
        "10 Mar – 16 Mar 2025",
        // 8 moments over 7 days, then 14 over 7: the private session is not counted.
        "1.1",
        "2.0",
        "20 min on 1 day",
        "4.0 (from 8 moments)",
        "4.0 (from 14 moments)",
    ] {
        assert!(text.contains(needle), "missing {needle:?}:\n{text}");
    }
}
