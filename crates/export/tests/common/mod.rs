//! A small, hostile journal shared by the integration tests.
#![allow(dead_code, unreachable_pub)]

use chrono::{DateTime, NaiveDate, Utc};
use nestling_journal::{baby, care_team, check_in, kind, moment, timer, trash};
use nestling_journal::{BabyInput, CheckInInput, ContactInput, KindInput, MomentInput};
use nestling_journal::{Role, SafetyAnswer, Supported, TimerInput, Who};
use nestling_store::Store;
use rusqlite::Connection;

/// Notes that would become markup, break a CSV, or confuse a reader if not handled with care.
pub const HOSTILE_NOTES: &[&str] = &[
    "# Not a heading\n*not bold* _not em_ [not](a link) <script>alert('x')</script> | pipe \\ backslash",
    "שלום, she slept — مرحبا بالطفل 🫂👶🏽 on my chest",
    "She said \"again\", and 'again', then: commas, commas\nsecond line\n\nA new paragraph",
    "1. not a list\n- not a bullet\n> not a quote\n---\n~~no strike~~ $x^2$ @cite ^sup^ &amp; &lt;b&gt; {attr} 2*3=6 wait... -- ok",
    "bell\u{7}escape\u{1b}[31m and\ttab kept",
    "supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-supercalifragilisticexpialidocious",
    "<img src=x onerror=alert(1)> & `code` \\*literal\\* __dunder__ <!-- comment -->",
];

/// Marks every private note, so a leak is easy to spot.
pub const SECRET: &str = "PRIVATE-SECRET";
/// A feeling word used only on private moments.
pub const SECRET_WORD: &str = "secretword";

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

pub fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

/// The parent's "now" for the fixture: the evening of its last day.
pub fn now() -> DateTime<Utc> {
    at("2026-10-07T20:00:00Z")
}

/// The parent's local date for the fixture.
pub fn today() -> NaiveDate {
    day("2026-10-07")
}

pub fn store() -> Store {
    Store::open_in_memory().expect("in-memory journal")
}

/// Marks the notes of check-ins a report must never show (not marked, in the trash, or outside
/// the range); the shared one says [`SHARED_CHECK_IN`].
pub const UNSHARED_CHECK_IN: &str = "UNSHARED-CHECK-IN";
/// The note of the one check-in marked for the report in the fixture's week.
pub const SHARED_CHECK_IN: &str = "Hard evening, *but* we had a cuddle | 🫂";
/// Marks every care-team contact's name and notes.
pub const CARE_TEAM: &str = "CARE-TEAM";

/// What [`hostile_journal`] made.
pub struct Fixture {
    pub babies: Vec<i64>,
    pub custom_kind: String,
    pub private_ids: Vec<i64>,
    pub trashed_ids: Vec<i64>,
    pub shared_ids: Vec<i64>,
    /// The check-in marked for the report in the week, then the others.
    pub check_ins: Vec<i64>,
}

fn input(kind: &str, start: &str, minutes: Option<i64>) -> MomentInput {
    let parsed = DateTime::parse_from_rfc3339(start).expect("RFC 3339");
    let started_at = parsed.with_timezone(&Utc);
    MomentInput {
        kind_id: kind.into(),
        started_at,
        utc_offset_seconds: parsed.offset().local_minus_utc().into(),
        ended_at: minutes.map(|m| started_at + chrono::TimeDelta::minutes(m)),
        ..MomentInput::default()
    }
}

fn log(conn: &Connection, input: &MomentInput) -> i64 {
    moment::insert(conn, input, now()).expect("logged").id
}

/// Two babies (one archived afterwards), a custom kind with a hostile name, a hidden built-in
/// kind, hostile notes, private moments, a moment in the trash and a running timer, over the
/// week of 2026-10-01 to 2026-10-07, on clocks at +02:00 and one at −05:00.
pub fn hostile_journal(conn: &Connection) -> Fixture {
    let ada = baby::add(
        conn,
        &BabyInput {
            name: "Ada".into(),
            birth_date: Some(day("2026-09-20")),
        },
        now(),
    )
    .expect("baby")
    .id;
    let zoe = baby::add(
        conn,
        &BabyInput {
            name: "Zoë | <i>twin</i> *B*".into(),
            birth_date: None,
        },
        now(),
    )
    .expect("baby")
    .id;
    let custom = kind::add(
        conn,
        &KindInput {
            name: "Bed *time* <b>song</b>".into(),
            emoji: "🌛".into(),
            timed: false,
        },
        now(),
    )
    .expect("kind")
    .id;
    kind::set_hidden(conn, "bathing", true).expect("hidden");
    let mut shared = Vec::new();
    let starts = [
        "2026-10-01T03:10:00+02:00",
        "2026-10-01T14:00:00+02:00",
        "2026-10-02T23:30:00-05:00",
        "2026-10-03T08:05:00+02:00",
        "2026-10-04T21:45:00+02:00",
        "2026-10-05T06:00:00+02:00",
        "2026-10-06T12:30:00+02:00",
    ];
    for (i, (note, start)) in HOSTILE_NOTES.iter().zip(starts).enumerate() {
        let kinds = [
            "feeding",
            "skin_to_skin",
            custom.as_str(),
            "soothing",
            "skin_to_skin",
            "rocking",
            "changing",
        ];
        let mut m = input(
            kinds[i],
            start,
            [Some(22), Some(45), None, Some(10), Some(61), None, None][i],
        );
        m.detail = (kinds[i] == "feeding").then(|| "breast_left".to_string());
        m.baby_id = [
            Some(ada),
            Some(zoe),
            None,
            Some(ada),
            Some(zoe),
            Some(ada),
            None,
        ][i];
        m.who = match i {
            1 => Who::Partner,
            3 => Who::Caregiver("Nana \"Jo\", O'Neil".into()),
            _ => Who::Me,
        };
        m.connection = [Some(4), Some(5), None, Some(2), Some(3), None, Some(1)][i];
        m.energy = [Some(2), None, Some(3), Some(1), Some(4), None, Some(5)][i];
        m.feelings = match i {
            0 => vec!["tender".into(), "exhausted".into()],
            1 => vec!["calm".into(), "Über-calm".into()],
            3 => vec!["anxious".into(), "tender".into()],
            4 => vec!["calm".into()],
            _ => Vec::new(),
        };
        m.tags = match i {
            0 => vec!["night".into(), "#first time".into()],
            _ => Vec::new(),
        };
        m.note = (*note).into();
        shared.push(log(conn, &m));
    }
    let mut private_ids = Vec::new();
    for (i, start) in [
        "2026-10-02T10:00:00+02:00",
        "2026-10-05T22:00:00+02:00",
        "2026-10-07T09:00:00+02:00",
    ]
    .iter()
    .enumerate()
    {
        let kinds = ["feeding", "skin_to_skin", custom.as_str()];
        let mut m = input(kinds[i], start, Some(15));
        m.baby_id = [Some(ada), Some(zoe), None][i];
        m.private = true;
        m.connection = Some(1);
        m.feelings = vec![SECRET_WORD.into()];
        m.note = format!("{SECRET} {i}: thoughts I keep to myself");
        private_ids.push(log(conn, &m));
    }
    let mut gone = input("rocking", "2026-10-03T11:00:00+02:00", None);
    gone.note = "TRASHED-NOTE".into();
    let gone = log(conn, &gone);
    trash::soft_delete(conn, gone, now()).expect("trashed");
    baby::archive(conn, zoe, now()).expect("archived");
    timer::start(
        conn,
        &TimerInput {
            kind_id: "skin_to_skin".into(),
            baby_id: Some(ada),
            utc_offset_seconds: 7200,
            started_at: Some(at("2026-10-07T19:30:00Z")),
            ..TimerInput::default()
        },
        now(),
    )
    .expect("timer");
    let check_ins = check_ins(conn);
    care_contacts(conn);
    Fixture {
        check_ins,
        babies: vec![ada, zoe],
        custom_kind: custom,
        private_ids,
        trashed_ids: vec![gone],
        shared_ids: shared,
    }
}

fn check_in_at(taken: &str, note: &str, in_report: bool) -> CheckInInput {
    let parsed = DateTime::parse_from_rfc3339(taken).expect("RFC 3339");
    CheckInInput {
        taken_at: parsed.with_timezone(&Utc),
        utc_offset_seconds: parsed.offset().local_minus_utc().into(),
        note: Some(note.into()),
        in_report,
        ..CheckInInput::default()
    }
}

/// One check-in marked for the report in the week (with a safety answer that must never leave
/// for a therapist), one not marked, one marked but in the trash, one marked before the week.
fn check_ins(conn: &Connection) -> Vec<i64> {
    let mut shared = check_in_at("2026-10-03T21:05:00+02:00", SHARED_CHECK_IN, true);
    (shared.mood, shared.closeness, shared.worry) = (Some(2), Some(4), Some(3));
    shared.sleep_minutes = Some(330);
    shared.supported = Some(Supported::Somewhat);
    shared.safety = Some(SafetyAnswer::UnwantedThoughts);
    let mut unmarked = check_in_at("2026-10-05T08:00:00+02:00", UNSHARED_CHECK_IN, false);
    (unmarked.mood, unmarked.safety) = (Some(1), Some(SafetyAnswer::MightAct));
    let trashed = check_in_at("2026-10-04T08:00:00+02:00", UNSHARED_CHECK_IN, true);
    let early = check_in_at("2026-09-20T08:00:00+02:00", UNSHARED_CHECK_IN, true);
    let ids: Vec<i64> = [shared, unmarked, trashed, early]
        .iter()
        .map(|c| check_in::insert(conn, c, now()).expect("check-in").id)
        .collect();
    check_in::soft_delete(conn, ids[2], now()).expect("trashed");
    ids
}

fn care_contacts(conn: &Connection) {
    for (role, phone) in [(Role::Midwife, "+44 20 7946 0000"), (Role::Friend, "")] {
        let input = ContactInput {
            role,
            name: format!("{CARE_TEAM} {}", role.as_str()),
            phone: phone.into(),
            notes: format!("{CARE_TEAM} notes: call after 9"),
        };
        care_team::add(conn, &input, now()).expect("contact");
    }
}
