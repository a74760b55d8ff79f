//! The gentle check-in through the journal's public API, on a real migrated journal: what is
//! accepted and refused, what is stored exactly, the trash, lists, the report filter, and the
//! two rules that offer help.

use chrono::{DateTime, Days, NaiveDate, Utc};
use nestling_journal::check_in::{
    self, low_mood_stretch, needs_help, CheckIn, CheckInInput, HelpNeed, SafetyAnswer, Supported,
};
use nestling_journal::{Error, MAX_NOTE_CHARS};
use nestling_store::Store;
use serde_json::json;

fn store() -> Store {
    Store::open_in_memory().expect("in-memory journal")
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("valid RFC 3339")
        .with_timezone(&Utc)
}

fn now() -> DateTime<Utc> {
    at("2025-01-01T12:00:00Z")
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("YYYY-MM-DD")
}

/// A check-in taken at `taken_at` (RFC 3339), in the offset it carries, with no answers.
fn input(taken_at: &str) -> CheckInInput {
    let parsed = DateTime::parse_from_rfc3339(taken_at).expect("valid RFC 3339");
    CheckInInput {
        taken_at: parsed.with_timezone(&Utc),
        utc_offset_seconds: parsed.offset().local_minus_utc().into(),
        ..CheckInInput::default()
    }
}

fn save(store: &Store, input: &CheckInInput) -> CheckIn {
    check_in::insert(store.conn(), input, now()).expect("saved")
}

fn refused(store: &Store, input: &CheckInInput) -> Error {
    check_in::insert(store.conn(), input, now()).expect_err("refused")
}

fn rows(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM check_in", [], |r| r.get(0))
        .expect("count")
}

fn ids(found: &[CheckIn]) -> Vec<i64> {
    found.iter().map(|c| c.id).collect()
}

#[test]
fn saves_every_answer_and_reads_it_back() {
    let store = store();
    let mut full = input("2024-05-01T21:30:00-04:00");
    (full.mood, full.closeness, full.worry) = (Some(2), Some(4), Some(5));
    full.sleep_minutes = Some(315);
    full.supported = Some(Supported::Somewhat);
    full.safety = Some(SafetyAnswer::No);
    full.note = Some("A long day.".into());
    full.in_report = true;
    let saved = save(&store, &full);
    assert_eq!(saved.local_date, day("2024-05-01"), "the day on the clock");
    assert_eq!(saved.taken_local.to_rfc3339(), "2024-05-01T21:30:00-04:00");
    assert_eq!(
        (saved.mood, saved.closeness, saved.worry),
        (Some(2), Some(4), Some(5))
    );
    assert_eq!(saved.sleep_minutes, Some(315));
    assert_eq!(saved.supported, Some(Supported::Somewhat));
    assert_eq!(
        (saved.safety, saved.help_need),
        (Some(SafetyAnswer::No), HelpNeed::None)
    );
    assert_eq!(saved.note.as_deref(), Some("A long day."));
    assert!(saved.in_report);
    assert_eq!(
        (saved.created_at, saved.updated_at, saved.deleted_at),
        (now(), now(), None)
    );
    assert_eq!(check_in::get(store.conn(), saved.id).expect("read"), saved);
}

#[test]
fn a_check_in_with_every_answer_skipped_is_kept_and_not_shared() {
    let store = store();
    let saved = save(&store, &input("2024-05-01T08:00:00Z"));
    assert_eq!(
        (saved.mood, saved.safety, saved.note.clone()),
        (None, None, None)
    );
    assert!(!saved.in_report, "nothing is shared unless chosen");
    let empty_note = CheckInInput {
        note: Some(String::new()),
        ..input("2024-05-01T09:00:00Z")
    };
    assert_eq!(
        save(&store, &empty_note).note,
        None,
        "an empty note is no note"
    );
}

#[test]
fn reads_the_ui_json_in_camel_case_with_answers_left_out() {
    let parsed: CheckInInput = serde_json::from_value(json!({
        "takenAt": "2024-05-01T08:00:00+02:00", "utcOffsetSeconds": 7200,
        "mood": 3, "sleepMinutes": 420, "supported": "yes", "safety": "unwanted_thoughts",
        "inReport": true
    }))
    .expect("the UI's JSON");
    assert_eq!(parsed.taken_at, at("2024-05-01T06:00:00Z"));
    assert_eq!(
        (parsed.mood, parsed.closeness, parsed.sleep_minutes),
        (Some(3), None, Some(420))
    );
    assert_eq!(parsed.safety, Some(SafetyAnswer::UnwantedThoughts));
    assert!(parsed.in_report);
    assert_eq!(parsed.note, None);
}

#[test]
fn serializes_for_the_ui_in_camel_case() {
    let store = store();
    let mut m = input("2024-05-01T08:00:00+02:00");
    (m.mood, m.sleep_minutes) = (Some(3), Some(60));
    m.safety = Some(SafetyAnswer::MightAct);
    m.supported = Some(Supported::No);
    m.note = Some("ok".into());
    let json = serde_json::to_value(save(&store, &m)).expect("serializes");
    assert_eq!(
        json,
        json!({
            "id": 1, "takenAt": "2024-05-01T06:00:00Z", "utcOffsetSeconds": 7200,
            "takenLocal": "2024-05-01T08:00:00+02:00", "localDate": "2024-05-01",
            "mood": 3, "closeness": null, "worry": null, "sleepMinutes": 60,
            "supported": "no", "safety": "might_act", "helpNeed": "now", "note": "ok",
            "inReport": false, "createdAt": "2025-01-01T12:00:00Z",
            "updatedAt": "2025-01-01T12:00:00Z", "deletedAt": null
        })
    );
}

#[test]
fn rejects_ratings_outside_one_to_five_naming_the_question() {
    let store = store();
    for bad in [0, 6, -1, i64::MAX, i64::MIN] {
        let mut m = input("2024-05-01T08:00:00Z");
        m.mood = Some(bad);
        let err = refused(&store, &m);
        assert!(matches!(err, Error::MoodOutOfRange { value } if value == bad));
        assert_eq!(err.kind(), "mood_out_of_range");
        assert_eq!(
            err.to_string(),
            "Mood is answered from 1 to 5. Please choose one of those, or leave it empty."
        );
        let mut m = input("2024-05-01T08:00:00Z");
        m.closeness = Some(bad);
        assert_eq!(
            refused(&store, &m).to_string(),
            "Closeness to your baby is answered from 1 to 5. Please choose one of those, or leave it empty."
        );
        let mut m = input("2024-05-01T08:00:00Z");
        m.worry = Some(bad);
        assert!(matches!(refused(&store, &m), Error::WorryOutOfRange { .. }));
    }
    let mut m = input("2024-05-01T08:00:00Z");
    (m.mood, m.closeness, m.worry) = (Some(1), Some(5), Some(3));
    assert_eq!(save(&store, &m).mood, Some(1));
    assert_eq!(rows(&store), 1, "only the valid one was saved");
}

#[test]
fn rejects_sleep_outside_a_day_or_between_quarter_hours() {
    let store = store();
    for bad in [-15, 1441, 1455, 7, 100] {
        let mut m = input("2024-05-01T08:00:00Z");
        m.sleep_minutes = Some(bad);
        let err = refused(&store, &m);
        assert!(matches!(err, Error::SleepOutOfRange { minutes } if minutes == bad));
        assert_eq!(
            err.to_string(),
            "Sleep is counted in quarter hours, from none to 24 hours. Please choose one of those, or leave it empty."
        );
    }
    for good in [0, 15, 450, 1440] {
        let mut m = input("2024-05-01T08:00:00Z");
        m.sleep_minutes = Some(good);
        assert_eq!(save(&store, &m).sleep_minutes, Some(good));
    }
}

#[test]
fn rejects_a_time_more_than_five_minutes_ahead_of_the_clock() {
    let store = store();
    let err = refused(&store, &input("2025-01-01T12:05:01Z"));
    assert!(matches!(err, Error::CheckInInFuture));
    assert_eq!(
        err.to_string(),
        "The check-in\u{2019}s time is more than 5 minutes in the future. Please check the time and the date."
    );
    assert_eq!(
        save(&store, &input("2025-01-01T12:05:00Z")).id,
        1,
        "rounding up is fine"
    );
}

#[test]
fn rejects_a_time_before_the_year_2000() {
    let store = store();
    let err = refused(&store, &input("1999-12-31T23:59:59Z"));
    assert!(matches!(err, Error::CheckInTooEarly));
    assert_eq!(
        err.to_string(),
        "The check-in\u{2019}s date is before the year 2000. Please check the date."
    );
    save(&store, &input("2000-01-01T00:00:00Z"));
}

#[test]
fn rejects_an_offset_no_time_zone_has() {
    let store = store();
    for seconds in [15 * 3600, -13 * 3600, i64::MAX] {
        let mut m = input("2024-05-01T08:00:00Z");
        m.utc_offset_seconds = seconds;
        assert!(matches!(
            refused(&store, &m),
            Error::OffsetOutOfRange { .. }
        ));
    }
    for seconds in [14 * 3600, -12 * 3600, 5 * 3600 + 45 * 60] {
        let mut m = input("2024-05-01T08:00:00Z");
        m.utc_offset_seconds = seconds;
        save(&store, &m);
    }
}

#[test]
fn rejects_an_unknown_safety_answer_or_support_answer_in_the_json() {
    for (field, value) in [
        ("safety", "maybe"),
        ("safety", "MIGHT_ACT"),
        ("supported", "lots"),
    ] {
        let mut sent = json!({"takenAt": "2024-05-01T08:00:00Z", "utcOffsetSeconds": 0});
        sent[field] = json!(value);
        let err = serde_json::from_value::<CheckInInput>(sent).expect_err("refused");
        assert!(err.to_string().contains("unknown variant"), "{err}");
    }
}

#[test]
fn the_table_refuses_an_unknown_safety_answer_written_around_the_module() {
    let store = store();
    let write = |safety: &str| {
        store.conn().execute(
            "INSERT INTO check_in (taken_at, utc_offset, safety, created_at, updated_at)
             VALUES (1714550400, 0, ?1, 1, 1)",
            [safety],
        )
    };
    assert!(
        write("maybe").is_err(),
        "the CHECK constraint mirrors the enum"
    );
    for known in ["no", "unwanted_thoughts", "might_act", "prefer_not"] {
        write(known).unwrap_or_else(|err| panic!("{known} is accepted: {err}"));
    }
    let read = check_in::list_between(store.conn(), day("2024-05-01"), day("2024-05-01"))
        .expect("every stored answer reads back");
    assert_eq!(read.len(), 4);
}

#[test]
fn rejects_a_note_over_100_000_characters_counting_characters_not_bytes() {
    let store = store();
    let mut m = input("2024-05-01T08:00:00Z");
    m.note = Some("🌙".repeat(MAX_NOTE_CHARS));
    assert_eq!(
        save(&store, &m).note.map(|n| n.chars().count()),
        Some(100_000)
    );
    m.note = Some(format!("secret {}", "a".repeat(MAX_NOTE_CHARS)));
    let err = refused(&store, &m);
    assert!(matches!(err, Error::CheckInNoteTooLong { chars: 100_007 }));
    assert_eq!(
        err.to_string(),
        "This note is longer than 100,000 characters. Please shorten it."
    );
    assert!(
        !format!("{err:?}").contains("secret"),
        "no note text in the error"
    );
    assert_eq!(rows(&store), 1);
}

#[test]
fn hostile_notes_round_trip_unchanged() {
    let store = store();
    let notes = [
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "<b>not bold</b> &amp; &lt; \"quotes\" 'single' `back`",
        "שלום — مرحبا \u{202e}reversed\u{202c} and back",
        "👨\u{200d}👩\u{200d}👧 ✌🏽 🏳️\u{200d}🌈 \u{fe0f}",
        "line one\n\tindented line two\n",
        "'; DROP TABLE check_in; --",
        "   spaces kept at both ends   ",
    ];
    for note in notes {
        let mut m = input("2024-05-01T08:00:00Z");
        m.note = Some(note.into());
        let saved = save(&store, &m);
        assert_eq!(saved.note.as_deref(), Some(note));
        let read = check_in::get(store.conn(), saved.id).expect("read");
        assert_eq!(read.note.as_deref(), Some(note));
    }
}

#[test]
fn control_characters_are_removed_from_notes_as_in_moment_notes() {
    let store = store();
    let mut m = input("2024-05-01T08:00:00Z");
    m.note = Some("a\r\nb\rc\u{0}d\u{1b}[31me\u{7}".into());
    assert_eq!(save(&store, &m).note.as_deref(), Some("a\nb\ncd[31me"));
}

#[test]
fn debug_output_redacts_the_note_and_the_safety_answer() {
    let store = store();
    let mut m = input("2024-05-01T08:00:00Z");
    m.note = Some("I cried in the shower".into());
    m.safety = Some(SafetyAnswer::MightAct);
    m.mood = Some(2);
    let shown = format!("{:?} {:?}", m, save(&store, &m));
    assert!(!shown.contains("cried"), "{shown}");
    assert!(
        !shown.contains("MightAct") && !shown.contains("might_act"),
        "{shown}"
    );
    assert!(shown.contains("<redacted: 21 characters>"), "{shown}");
    assert!(shown.contains("<answered>"), "{shown}");
}

#[test]
fn edits_every_answer_and_keeps_the_creation_time() {
    let store = store();
    let mut m = input("2024-05-01T08:00:00Z");
    (m.mood, m.note) = (Some(2), Some("first".into()));
    let saved = save(&store, &m);
    let later = at("2025-01-02T09:00:00Z");
    let changed = CheckInInput {
        taken_at: at("2024-05-02T20:00:00Z"),
        utc_offset_seconds: 3600,
        mood: Some(4),
        closeness: Some(5),
        worry: Some(1),
        sleep_minutes: Some(480),
        supported: Some(Supported::Yes),
        safety: Some(SafetyAnswer::PreferNot),
        note: None,
        in_report: true,
    };
    let edited = check_in::update(store.conn(), saved.id, &changed, later).expect("edited");
    assert_eq!(edited.taken_local.to_rfc3339(), "2024-05-02T21:00:00+01:00");
    assert_eq!(
        (edited.mood, edited.closeness, edited.worry),
        (Some(4), Some(5), Some(1))
    );
    assert_eq!(
        (edited.sleep_minutes, edited.supported),
        (Some(480), Some(Supported::Yes))
    );
    assert_eq!(
        (edited.safety, edited.note.clone(), edited.in_report),
        (Some(SafetyAnswer::PreferNot), None, true)
    );
    assert_eq!((edited.created_at, edited.updated_at), (now(), later));
}

#[test]
fn a_refused_edit_changes_nothing() {
    let store = store();
    let mut m = input("2024-05-01T08:00:00Z");
    m.note = Some("original".into());
    let saved = save(&store, &m);
    m.note = Some("replaced".into());
    m.worry = Some(9);
    check_in::update(store.conn(), saved.id, &m, now()).expect_err("refused");
    assert_eq!(check_in::get(store.conn(), saved.id).expect("read"), saved);
}

#[test]
fn soft_delete_hides_a_check_in_and_restore_brings_it_back_as_it_was() {
    let store = store();
    let mut m = input("2024-05-01T08:00:00Z");
    (m.mood, m.in_report) = (Some(3), true);
    let saved = save(&store, &m);
    let (first, second, third) = (
        at("2025-01-02T00:00:00Z"),
        at("2025-01-03T00:00:00Z"),
        at("2025-01-04T00:00:00Z"),
    );
    let deleted = check_in::soft_delete(store.conn(), saved.id, first).expect("trashed");
    assert_eq!(deleted.deleted_at, Some(first));
    let again = check_in::soft_delete(store.conn(), saved.id, second).expect("still trashed");
    assert_eq!(
        again.deleted_at,
        Some(first),
        "the first deletion time is kept"
    );
    let (from, to) = (day("2024-05-01"), day("2024-05-01"));
    assert!(check_in::list_between(store.conn(), from, to)
        .expect("list")
        .is_empty());
    assert!(check_in::list_for_report(store.conn(), from, to)
        .expect("list")
        .is_empty());
    let err = check_in::update(store.conn(), saved.id, &m, now()).expect_err("in the trash");
    assert!(matches!(err, Error::CheckInInTrash { .. }));
    assert!(!err.is_invalid_input());

    let restored = check_in::restore(store.conn(), saved.id, third).expect("restored");
    assert_eq!((restored.deleted_at, restored.updated_at), (None, third));
    assert_eq!((restored.mood, restored.in_report), (Some(3), true));
    assert_eq!(
        ids(&check_in::list_between(store.conn(), from, to).expect("list")),
        [saved.id]
    );
}

#[test]
fn the_trash_lists_only_trashed_check_ins_the_most_recently_deleted_first() {
    let store = store();
    let kept = save(&store, &input("2024-05-01T08:00:00Z"));
    let older = save(&store, &input("2024-05-02T08:00:00Z"));
    let newer = save(&store, &input("2024-05-03T08:00:00Z"));
    assert!(check_in::list_trashed(store.conn())
        .expect("list")
        .is_empty());
    check_in::soft_delete(store.conn(), newer.id, at("2025-01-02T00:00:00Z")).expect("trashed");
    check_in::soft_delete(store.conn(), older.id, at("2025-01-03T00:00:00Z")).expect("trashed");
    let trashed = check_in::list_trashed(store.conn()).expect("list");
    assert_eq!(ids(&trashed), [older.id, newer.id]);
    check_in::restore(store.conn(), older.id, now()).expect("restored");
    assert_eq!(
        ids(&check_in::list_trashed(store.conn()).expect("list")),
        [newer.id]
    );
    assert!(!ids(&check_in::list_trashed(store.conn()).expect("list")).contains(&kept.id));
}

#[test]
fn a_check_in_that_is_not_there_is_reported_by_its_number() {
    let store = store();
    let now = now();
    let err = check_in::get(store.conn(), 42).expect_err("none");
    assert_eq!(
        err.to_string(),
        "This check-in (number 42) is not in the journal any more."
    );
    assert_eq!(err.kind(), "check_in_not_found");
    assert!(matches!(
        check_in::soft_delete(store.conn(), 42, now),
        Err(Error::CheckInNotFound { id: 42 })
    ));
    assert!(matches!(
        check_in::restore(store.conn(), 42, now),
        Err(Error::CheckInNotFound { id: 42 })
    ));
    let m = input("2024-05-01T08:00:00Z");
    assert!(matches!(
        check_in::update(store.conn(), 42, &m, now),
        Err(Error::CheckInNotFound { id: 42 })
    ));
}

#[test]
fn lists_a_range_of_local_days_in_the_order_the_check_ins_were_taken() {
    let store = store();
    let late = save(&store, &input("2024-05-02T20:00:00Z"));
    // 23:30 at UTC−05:00 is already 2024-05-02 in UTC, but belongs to the evening of the 1st.
    let west = save(&store, &input("2024-05-01T23:30:00-05:00"));
    let early = save(&store, &input("2024-05-02T07:00:00Z"));
    let before = save(&store, &input("2024-04-30T23:59:00Z"));
    let after = save(&store, &input("2024-05-03T00:00:00Z"));
    let listed =
        check_in::list_between(store.conn(), day("2024-05-01"), day("2024-05-02")).expect("listed");
    assert_eq!(ids(&listed), [west.id, early.id, late.id]);
    let all =
        check_in::list_between(store.conn(), day("2024-04-30"), day("2024-05-03")).expect("all");
    assert_eq!(ids(&all), [before.id, west.id, early.id, late.id, after.id]);
    let one_day =
        check_in::list_between(store.conn(), day("2024-05-03"), day("2024-05-03")).expect("day");
    assert_eq!(ids(&one_day), [after.id]);
}

#[test]
fn rejects_a_reversed_range() {
    let store = store();
    let err = check_in::list_between(store.conn(), day("2024-05-02"), day("2024-05-01"))
        .expect_err("reversed");
    assert!(matches!(err, Error::RangeReversed { .. }));
    assert!(check_in::list_for_report(store.conn(), day("2024-05-02"), day("2024-05-01")).is_err());
}

#[test]
fn the_report_holds_only_live_check_ins_the_parent_chose_to_share() {
    let store = store();
    let share = |taken_at: &str, in_report: bool| {
        save(
            &store,
            &CheckInInput {
                in_report,
                ..input(taken_at)
            },
        )
    };
    let shared = share("2024-05-01T08:00:00Z", true);
    let kept_private = share("2024-05-01T09:00:00Z", false);
    let shared_then_trashed = share("2024-05-02T08:00:00Z", true);
    let shared_later = share("2024-05-03T08:00:00Z", true);
    let outside = share("2024-05-04T08:00:00Z", true);
    check_in::soft_delete(store.conn(), shared_then_trashed.id, now()).expect("trashed");
    let report = check_in::list_for_report(store.conn(), day("2024-05-01"), day("2024-05-03"))
        .expect("report");
    assert_eq!(ids(&report), [shared.id, shared_later.id]);
    let timeline = check_in::list_between(store.conn(), day("2024-05-01"), day("2024-05-03"))
        .expect("timeline");
    assert_eq!(
        ids(&timeline),
        [shared.id, kept_private.id, shared_later.id]
    );
    assert!(!ids(&report).contains(&outside.id));
}

#[test]
fn a_safety_answer_of_might_act_calls_for_help_now_and_unwanted_thoughts_for_help_soon() {
    assert_eq!(needs_help(Some(SafetyAnswer::MightAct)), HelpNeed::Now);
    assert_eq!(
        needs_help(Some(SafetyAnswer::UnwantedThoughts)),
        HelpNeed::Soon
    );
    assert_eq!(needs_help(Some(SafetyAnswer::No)), HelpNeed::None);
    assert_eq!(needs_help(Some(SafetyAnswer::PreferNot)), HelpNeed::None);
    assert_eq!(needs_help(None), HelpNeed::None);
    let store = store();
    let mut m = input("2024-05-01T08:00:00Z");
    m.safety = Some(SafetyAnswer::MightAct);
    assert_eq!(
        save(&store, &m).help_need,
        HelpNeed::Now,
        "known as soon as it is saved"
    );
}

// The low-mood rule. `today` is 2024-05-14 and the window is 2024-05-01 to 2024-05-14.

const TODAY: &str = "2024-05-14";

/// A live check-in at noon UTC on local day `date` with `mood`.
fn mood_on(date: NaiveDate, mood: Option<i64>) -> CheckIn {
    let taken_at = date.and_hms_opt(12, 0, 0).expect("noon").and_utc();
    CheckIn {
        id: 0,
        taken_at,
        utc_offset_seconds: 0,
        taken_local: taken_at.fixed_offset(),
        local_date: date,
        mood,
        closeness: None,
        worry: None,
        sleep_minutes: None,
        supported: None,
        safety: None,
        help_need: HelpNeed::None,
        note: None,
        in_report: false,
        created_at: taken_at,
        updated_at: taken_at,
        deleted_at: None,
    }
}

/// Check-ins on the days `days_ago` before today (0 is today), low (mood 2) on the first
/// `low` of them and fine (mood 4) on the rest.
fn days(days_ago: &[u64], low: usize) -> Vec<CheckIn> {
    let today = day(TODAY);
    days_ago
        .iter()
        .enumerate()
        .map(|(i, ago)| {
            let date = today.checked_sub_days(Days::new(*ago)).expect("date");
            mood_on(date, Some(if i < low { 2 } else { 4 }))
        })
        .collect()
}

fn stretch(check_ins: &[CheckIn]) -> bool {
    low_mood_stretch(check_ins, day(TODAY))
}

const FOURTEEN: [u64; 14] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

#[test]
fn low_mood_on_eight_of_fourteen_days_is_a_stretch() {
    assert!(stretch(&days(&FOURTEEN, 8)));
    assert!(stretch(&days(&FOURTEEN, 14)));
}

#[test]
fn low_mood_on_exactly_half_the_days_is_not_a_stretch() {
    assert!(!stretch(&days(&FOURTEEN, 7)));
}

#[test]
fn the_window_is_fourteen_days_counting_today_so_a_fifteenth_day_back_is_not_read() {
    // Eight low days, the oldest thirteen days ago: inside the window.
    let inside: Vec<u64> = vec![13, 12, 11, 10, 9, 8, 7, 0, 1, 2];
    assert!(stretch(&days(&inside, 8)));
    // The same pattern shifted one day back: the oldest low day falls out, leaving seven.
    let shifted: Vec<u64> = vec![14, 12, 11, 10, 9, 8, 7, 0, 1, 2, 3];
    assert!(!stretch(&days(&shifted, 8)));
}

#[test]
fn fewer_than_ten_answered_days_say_nothing_even_if_every_one_is_low() {
    assert!(!stretch(&days(&[0, 1, 2, 3, 4, 5, 6, 7, 8], 9)));
    assert!(stretch(&days(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10)));
}

#[test]
fn gaps_between_check_ins_are_fine_when_ten_days_are_answered() {
    // Every other day is missing in the first week; ten days answered, eight low.
    let gappy = [0, 1, 2, 3, 4, 5, 6, 7, 9, 11];
    assert!(stretch(&days(&gappy, 8)));
    assert!(!stretch(&days(&gappy, 7)));
}

#[test]
fn a_weekly_check_in_never_makes_a_stretch() {
    assert!(!stretch(&days(&[0, 7], 2)));
}

#[test]
fn several_check_ins_on_one_day_count_once_with_the_lowest_mood() {
    let today = day(TODAY);
    let mut found = days(&FOURTEEN, 7);
    // A better check-in later on a low day changes nothing; a low one on a fine day adds one.
    found.push(mood_on(today, Some(5)));
    assert!(!stretch(&found));
    let fine_day = today.checked_sub_days(Days::new(13)).expect("date");
    found.push(mood_on(fine_day, Some(1)));
    assert!(stretch(&found));
}

#[test]
fn check_ins_without_mood_in_the_trash_or_after_today_are_not_read() {
    let today = day(TODAY);
    let mut found = days(&FOURTEEN, 7);
    let mut trashed = mood_on(
        today.checked_sub_days(Days::new(13)).expect("date"),
        Some(1),
    );
    trashed.deleted_at = Some(now());
    found.push(trashed);
    found.push(mood_on(
        today.checked_add_days(Days::new(1)).expect("date"),
        Some(1),
    ));
    found.push(mood_on(today, None));
    assert!(!stretch(&found));
    // Days with a check-in but no mood answer do not count towards the ten.
    let mut unanswered = days(&[0, 1, 2, 3, 4, 5, 6, 7, 8], 9);
    unanswered.push(mood_on(
        today.checked_sub_days(Days::new(9)).expect("date"),
        None,
    ));
    assert!(!stretch(&unanswered));
}

#[test]
fn a_mood_of_three_is_not_low() {
    let found: Vec<CheckIn> = days(&FOURTEEN, 0)
        .into_iter()
        .map(|c| CheckIn { mood: Some(3), ..c })
        .collect();
    assert!(!stretch(&found));
}

#[test]
fn the_journal_finds_a_stretch_from_its_own_check_ins() {
    let store = store();
    let today = day(TODAY);
    for ago in 0..14 {
        let date = today.checked_sub_days(Days::new(ago)).expect("date");
        let mut m = input(&format!("{date}T21:00:00+02:00"));
        m.mood = Some(if ago < 8 { 1 } else { 4 });
        save(&store, &m);
    }
    assert!(check_in::low_mood_stretch_in(store.conn(), today).expect("read"));
    let next_week = today.checked_add_days(Days::new(7)).expect("date");
    assert!(!check_in::low_mood_stretch_in(store.conn(), next_week).expect("read"));
}

#[test]
fn list_all_holds_live_and_trashed_check_ins_by_id() {
    let store = store();
    let first = save(&store, &input("2024-12-30T08:00:00+01:00"));
    let second = save(&store, &input("2024-12-31T08:00:00+01:00"));
    check_in::soft_delete(store.conn(), first.id, now()).expect("trashed");
    let all = check_in::list_all(store.conn()).expect("listed");
    assert_eq!(ids(&all), vec![first.id, second.id]);
    assert!(all[0].deleted_at.is_some() && all[1].deleted_at.is_none());
}

#[test]
fn restore_row_keeps_the_id_times_trash_and_choice_to_share() {
    let store = store();
    let mut answers = input("2024-12-30T21:15:00+02:00");
    (answers.mood, answers.safety) = (Some(2), Some(SafetyAnswer::PreferNot));
    answers.note = Some("a note".into());
    answers.in_report = true;
    let (created, updated) = (at("2024-12-30T19:20:00Z"), at("2024-12-31T07:00:00Z"));
    let trashed = Some(at("2024-12-31T07:00:00Z"));
    let back = check_in::restore_row(store.conn(), 41, &answers, created, updated, trashed, now())
        .expect("restored");
    assert_eq!(check_in::get(store.conn(), 41).expect("read back"), back);
    assert_eq!(
        (back.id, back.created_at, back.updated_at),
        (41, created, updated)
    );
    assert_eq!((back.deleted_at, back.in_report), (trashed, true));
    assert_eq!(
        (back.mood, back.safety),
        (Some(2), Some(SafetyAnswer::PreferNot))
    );
    assert_eq!(back.local_date, day("2024-12-30"));
}

#[test]
fn restore_row_refuses_a_broken_rule_with_the_journal_error_and_writes_nothing() {
    let store = store();
    let mut answers = input("2024-12-30T21:15:00Z");
    answers.worry = Some(6);
    let t = at("2024-12-30T21:15:00Z");
    let err =
        check_in::restore_row(store.conn(), 3, &answers, t, t, None, now()).expect_err("refused");
    assert!(
        matches!(err, Error::WorryOutOfRange { value: 6 }),
        "{err:?}"
    );
    assert_eq!(rows(&store), 0);
}
