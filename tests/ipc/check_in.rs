//! IPC tests of the check-in: saved and read back through the commands, the safety answer
//! reported as the help it calls for, what Today offers, and locked with the journal.

use chrono::{Days, Local, NaiveDate, Utc};
use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open, Harness as App};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The first instant of `day` on this computer's clock, as the form sends it: never in the
/// future for today, whatever the hour the test runs at (a check-in over five minutes ahead
/// is refused).
fn start_of(day: NaiveDate) -> Value {
    let local = day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(Local).earliest())
        .expect("a local midnight");
    json!({ "takenAt": local.with_timezone(&Utc).to_rfc3339(),
            "utcOffsetSeconds": local.offset().local_minus_utc() })
}

/// A check-in taken at the start of `day`, with `answers` merged in.
fn check_in(app: &App, day: NaiveDate, answers: Value) -> Value {
    let mut input = start_of(day);
    input
        .as_object_mut()
        .expect("object")
        .extend(answers.as_object().expect("answers").clone());
    app.call("add_check_in", json!({ "input": input }))
        .expect("saved")
}

#[test]
fn a_check_in_is_saved_changed_listed_and_trashed() {
    let tmp = folder();
    let app = open(tmp.path());
    let day = today().checked_sub_days(Days::new(1)).expect("yesterday");
    let saved = check_in(
        &app,
        day,
        json!({ "mood": 2, "closeness": 4, "sleepMinutes": 270, "supported": "somewhat",
                "note": "<b>long night</b> \u{202e}", "inReport": true }),
    );
    assert_eq!(saved["localDate"], day.to_string());
    assert_eq!(saved["note"], "<b>long night</b> \u{202e}");
    assert_eq!(saved["helpNeed"], "none");
    let id = saved["id"].clone();
    let changed = app
        .call(
            "update_check_in",
            json!({ "id": id, "input": start_of(day).as_object().map(|fields| {
                let mut fields = fields.clone();
                fields.insert("mood".into(), json!(3));
                fields
            }) }),
        )
        .expect("changed");
    assert_eq!(changed["mood"], 3);
    assert_eq!(changed["note"], Value::Null);
    let listed = app
        .call("list_check_ins", json!({ "from": day, "to": today() }))
        .expect("listed");
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    app.call("delete_check_in", json!({ "id": id }))
        .expect("trashed");
    let listed = app
        .call("list_check_ins", json!({ "from": day, "to": today() }))
        .expect("listed");
    assert_eq!(listed, json!([]));
    let trash = app
        .call("list_trashed_check_ins", json!({}))
        .expect("trash");
    assert_eq!(trash[0]["id"], id);
    assert_ne!(trash[0]["deletedAt"], Value::Null);
    app.call("restore_check_in", json!({ "id": id }))
        .expect("restored");
    let trash = app
        .call("list_trashed_check_ins", json!({}))
        .expect("trash");
    assert_eq!(trash, json!([]));
    let got = app.call("get_check_in", json!({ "id": id })).expect("read");
    assert_eq!(got["deletedAt"], Value::Null);
}

#[test]
fn the_safety_answer_comes_back_as_the_help_it_calls_for() {
    let tmp = folder();
    let app = open(tmp.path());
    let now = check_in(&app, today(), json!({ "safety": "might_act" }));
    assert_eq!(now["helpNeed"], "now");
    let soon = check_in(&app, today(), json!({ "safety": "unwanted_thoughts" }));
    assert_eq!(soon["helpNeed"], "soon");
    let quiet = check_in(&app, today(), json!({ "safety": "prefer_not" }));
    assert_eq!(quiet["helpNeed"], "none");
}

#[test]
fn a_check_in_out_of_bounds_is_refused_with_its_own_error_and_nothing_is_saved() {
    let tmp = folder();
    let app = open(tmp.path());
    let attempt = |answers: Value| {
        let mut input = start_of(today());
        let fields = input.as_object_mut().expect("object");
        fields.extend(answers.as_object().expect("answers").clone());
        app.call("add_check_in", json!({ "input": input }))
    };
    for (answers, expected) in [
        (json!({ "mood": 6 }), "mood_out_of_range"),
        (json!({ "worry": 0 }), "worry_out_of_range"),
        (json!({ "sleepMinutes": 1441 }), "sleep_out_of_range"),
        (
            json!({ "note": "x".repeat(100_001) }),
            "check_in_note_too_long",
        ),
    ] {
        let (kind, message) = error_kind(attempt(answers.clone()));
        assert_eq!(kind, expected, "{message}");
        assert!(!message.contains("xxxx"), "no note text in the message");
    }
    // An answer that is not one of the choices never reaches the journal.
    attempt(json!({ "safety": "maybe" })).expect_err("refused");
    let listed = app
        .call("list_check_ins", json!({ "from": today(), "to": today() }))
        .expect("listed");
    assert_eq!(listed, json!([]));
}

#[test]
fn today_offers_a_check_in_only_once_one_is_chosen_and_not_yet_taken() {
    let tmp = folder();
    let app = open(tmp.path());
    let prompts = |app: &App| {
        app.call("check_in_prompts", json!({ "today": today() }))
            .expect("prompts")
    };
    assert_eq!(prompts(&app)["checkInDue"], false, "not chosen yet");
    app.call("set_setting", json!({ "key": "checkIn", "value": "daily" }))
        .expect("daily");
    assert_eq!(prompts(&app)["checkInDue"], true);
    check_in(&app, today(), json!({ "mood": 4 }));
    assert_eq!(prompts(&app)["checkInDue"], false);
    assert_eq!(prompts(&app)["lastCheckIn"], today().to_string());
}

#[test]
fn two_low_weeks_show_the_low_mood_card_until_it_is_put_away() {
    let tmp = folder();
    let app = open(tmp.path());
    for back in 0..14 {
        let day = today().checked_sub_days(Days::new(back)).expect("day");
        check_in(&app, day, json!({ "mood": 1 }));
    }
    let card = |app: &App| {
        app.call("check_in_prompts", json!({ "today": today() }))
            .expect("prompts")["lowMoodCard"]
            .clone()
    };
    assert_eq!(card(&app), true);
    app.call(
        "set_setting",
        json!({ "key": "lowMoodCardDismissedOn", "value": today().to_string() }),
    )
    .expect("put away");
    assert_eq!(card(&app), false);
}

#[test]
fn check_ins_are_locked_with_the_journal() {
    let tmp = folder();
    {
        let app = open(tmp.path());
        check_in(&app, today(), json!({ "mood": 3, "note": "private words" }));
        app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
            .expect("encrypted");
    }
    let app = open(tmp.path());
    let (kind, _) =
        error_kind(app.call("list_check_ins", json!({ "from": today(), "to": today() })));
    assert_eq!(kind, "locked");
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("unlocked");
    let listed = app
        .call("list_check_ins", json!({ "from": today(), "to": today() }))
        .expect("listed");
    assert_eq!(listed[0]["note"], "private words");
}
