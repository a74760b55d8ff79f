//! IPC tests of the journal's commands: each one's success through the JSON the UI sends, and
//! the error kinds the UI branches on.

use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open, Harness};

/// A moment an hour ago, lasting 20 minutes, in UTC+01:00.
fn skin_to_skin() -> Value {
    let start = chrono::Utc::now() - chrono::TimeDelta::hours(1);
    let end = start + chrono::TimeDelta::minutes(20);
    json!({
        "kindId": "skin_to_skin",
        "startedAt": start.to_rfc3339(),
        "utcOffsetSeconds": 3600,
        "endedAt": end.to_rfc3339(),
        "connection": 4,
        "feelings": ["calm", "tender"],
        "note": "Warm and quiet. \u{1f476} <b>not bold</b>",
        "tags": ["evening"],
    })
}

fn log(app: &Harness, input: Value) -> Value {
    app.call("log_moment", json!({ "input": input }))
        .expect("the moment is saved")
}

fn today_range(app: &Harness) -> Value {
    let today = chrono::Local::now().date_naive();
    let from = today - chrono::Days::new(2);
    app.call(
        "list_moments",
        json!({ "from": from.to_string(), "to": (today + chrono::Days::new(1)).to_string() }),
    )
    .expect("listed")
}

#[test]
fn log_moment_returns_the_saved_moment_with_its_duration() {
    let tmp = folder();
    let app = open(tmp.path());
    let saved = log(&app, skin_to_skin());
    assert_eq!(saved["kindId"], "skin_to_skin");
    assert_eq!(saved["durationMinutes"], 20);
    assert_eq!(saved["feelings"], json!(["calm", "tender"]));
    assert_eq!(saved["note"], "Warm and quiet. \u{1f476} <b>not bold</b>");
    assert_eq!(saved["utcOffsetSeconds"], 3600);
    let got = app
        .call("get_moment", json!({ "id": saved["id"] }))
        .expect("found");
    assert_eq!(got, saved);
}

#[test]
fn log_moment_with_the_end_before_the_start_is_refused_and_saves_nothing() {
    let tmp = folder();
    let app = open(tmp.path());
    let mut input = skin_to_skin();
    input["endedAt"] = json!((chrono::Utc::now() - chrono::TimeDelta::hours(3)).to_rfc3339());
    let (kind, message) = error_kind(app.call("log_moment", json!({ "input": input })));
    assert_eq!(kind, "end_before_start");
    assert_eq!(
        message,
        "The end time is before the start time. Please check both times."
    );
    assert_eq!(today_range(&app)["moments"], json!([]));
}

#[test]
fn log_moment_rejects_ratings_kinds_and_babies_that_do_not_exist() {
    let tmp = folder();
    let app = open(tmp.path());
    let cases = [
        ("connection", json!(9), "connection_out_of_range"),
        ("energy", json!(0), "energy_out_of_range"),
        ("kindId", json!("juggling"), "unknown_kind"),
        ("babyId", json!(42), "unknown_baby"),
        ("note", json!("x".repeat(100_001)), "note_too_long"),
    ];
    for (field, value, expected) in cases {
        let mut input = skin_to_skin();
        input[field] = value;
        let (kind, _) = error_kind(app.call("log_moment", json!({ "input": input })));
        assert_eq!(kind, expected, "{field}");
    }
}

#[test]
fn update_moment_changes_fields_and_an_unknown_id_is_moment_not_found() {
    let tmp = folder();
    let app = open(tmp.path());
    let saved = log(&app, skin_to_skin());
    let mut input = skin_to_skin();
    input["note"] = json!("Changed my mind about the words.");
    input["private"] = json!(true);
    let updated = app
        .call(
            "update_moment",
            json!({ "id": saved["id"], "input": input }),
        )
        .expect("updated");
    assert_eq!(updated["note"], "Changed my mind about the words.");
    assert_eq!(updated["private"], true);
    let (kind, _) = error_kind(app.call(
        "update_moment",
        json!({ "id": 9999, "input": skin_to_skin() }),
    ));
    assert_eq!(kind, "moment_not_found");
}

#[test]
fn delete_restore_and_purge_move_a_moment_through_the_trash() {
    let tmp = folder();
    let app = open(tmp.path());
    let id = log(&app, skin_to_skin())["id"].clone();
    let deleted = app
        .call("delete_moment", json!({ "id": id }))
        .expect("deleted");
    assert!(deleted["deletedAt"].is_string());
    assert_eq!(today_range(&app)["moments"], json!([]));
    let trash = app.call("list_trash", json!({})).expect("trash");
    assert_eq!(trash[0]["id"], id);
    app.call("restore_moment", json!({ "id": id }))
        .expect("restored");
    assert_eq!(today_range(&app)["moments"][0]["id"], id);
    let (kind, _) = error_kind(app.call("purge_moment", json!({ "id": id })));
    assert_eq!(kind, "purge_live_moment", "a live moment cannot be purged");
    app.call("delete_moment", json!({ "id": id }))
        .expect("deleted again");
    assert_eq!(
        app.call("purge_moment", json!({ "id": id })),
        Ok(Value::Null)
    );
    let (kind, _) = error_kind(app.call("get_moment", json!({ "id": id })));
    assert_eq!(kind, "moment_not_found");
}

#[test]
fn list_moments_groups_totals_and_applies_filters() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app, skin_to_skin());
    let mut changing = skin_to_skin();
    changing["kindId"] = json!("changing");
    changing["endedAt"] = Value::Null;
    changing["feelings"] = json!(["tired"]);
    log(&app, changing);
    let all = today_range(&app);
    assert_eq!(all["moments"].as_array().map(Vec::len), Some(2));
    let totals = all["totals"].as_array().expect("totals");
    assert!(totals.contains(&json!({"kindId": "skin_to_skin", "count": 1, "minutes": 20})));
    let today = chrono::Local::now().date_naive();
    let filtered = app
        .call(
            "list_moments",
            json!({
                "from": (today - chrono::Days::new(2)).to_string(),
                "to": (today + chrono::Days::new(1)).to_string(),
                "filter": { "feeling": "tired" },
            }),
        )
        .expect("filtered");
    assert_eq!(filtered["moments"][0]["kindId"], "changing");
    assert_eq!(filtered["moments"].as_array().map(Vec::len), Some(1));
    let (kind, _) = error_kind(app.call(
        "list_moments",
        json!({ "from": today.to_string(), "to": (today - chrono::Days::new(3)).to_string() }),
    ));
    assert_eq!(kind, "range_reversed");
}

#[test]
fn lists_and_searches_carry_the_start_of_a_long_note_and_opening_reads_it_whole() {
    let tmp = folder();
    let app = open(tmp.path());
    let long = format!(
        "lullaby {} END-OF-NOTE",
        "and then we rocked a while ".repeat(300)
    );
    let mut input = skin_to_skin();
    input["note"] = json!(long);
    let id = log(&app, input)["id"].clone();
    let listed = &today_range(&app)["moments"][0];
    let note = listed["note"].as_str().expect("a note");
    assert!(
        note.starts_with("lullaby and then") && note.ends_with('…'),
        "{note}"
    );
    assert!(note.chars().count() <= 141 && !note.contains("END-OF-NOTE"));
    assert_eq!(listed["noteCut"], true);
    let hits = app
        .call("search_moments", json!({ "text": "lullaby" }))
        .expect("found");
    assert_eq!(hits[0]["moment"]["noteCut"], true);
    assert!(
        !hits.to_string().contains("END-OF-NOTE"),
        "a hit carries no whole note"
    );
    assert!(
        hits.to_string().len() < 2_000,
        "the reply is small: {} bytes",
        hits.to_string().len()
    );
    let opened = app.call("get_moment", json!({ "id": id })).expect("opened");
    assert_eq!(opened["note"], json!(long));
    assert!(opened.get("noteCut").is_none(), "an opened moment is whole");
    app.call("delete_moment", json!({ "id": id }))
        .expect("trashed");
    let trash = app.call("list_trash", json!({})).expect("trash");
    assert_eq!(trash[0]["noteCut"], true);
}

#[test]
fn a_listed_row_leaves_out_a_detail_trash_date_and_flags_that_say_nothing() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app, skin_to_skin());
    let mut fed = skin_to_skin();
    fed["kindId"] = json!("feeding");
    fed["detail"] = json!("bottle");
    fed["private"] = json!(true);
    log(&app, fed);
    let listing = today_range(&app);
    let rows = listing["moments"].as_array().expect("rows");
    let plain = rows
        .iter()
        .find(|r| r["kindId"] == "skin_to_skin")
        .expect("the plain moment");
    for quiet in ["detail", "noteCut", "private", "deletedAt", "fromPartner"] {
        assert!(plain.get(quiet).is_none(), "{quiet} is left out: {plain}");
    }
    for kept in [
        "babyId",
        "durationMinutes",
        "energy",
        "connection",
        "feelings",
    ] {
        assert!(plain.get(kept).is_some(), "{kept} is always there: {plain}");
    }
    let private = rows
        .iter()
        .find(|r| r["kindId"] == "feeding")
        .expect("the private moment");
    assert_eq!(private["detail"], "bottle");
    assert_eq!(private["private"], true);
}

#[test]
fn search_moments_finds_by_a_stemmed_word_with_a_highlighted_snippet() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app, skin_to_skin());
    let hits = app
        .call("search_moments", json!({ "text": "warming" }))
        .expect("searched");
    assert_eq!(hits.as_array().map(Vec::len), Some(1));
    let highlighted: Vec<&Value> = hits[0]["snippet"]
        .as_array()
        .expect("segments")
        .iter()
        .filter(|s| s["highlighted"] == true)
        .collect();
    assert_eq!(highlighted[0]["text"], "Warm");
    for query in ["\"unbalanced", "(", "NEAR(", "*", "-", "a:b"] {
        app.call("search_moments", json!({ "text": query }))
            .unwrap_or_else(|err| panic!("{query:?} must not fail: {err}"));
    }
}

#[test]
fn search_moments_sends_fifty_results_unless_asked_for_another_number_up_to_the_journals_maximum() {
    let tmp = folder();
    let app = open(tmp.path());
    for n in 0..55 {
        let mut input = skin_to_skin();
        input["note"] = json!(format!("lullaby number {n}"));
        log(&app, input);
    }
    let count = |args: Value| {
        app.call("search_moments", args)
            .expect("searched")
            .as_array()
            .map(Vec::len)
    };
    assert_eq!(
        count(json!({ "text": "lullaby" })),
        Some(50),
        "a first page"
    );
    assert_eq!(count(json!({ "text": "lullaby", "limit": 10 })), Some(10));
    assert_eq!(
        count(json!({ "text": "lullaby", "limit": 51 })),
        Some(51),
        "one more than a page tells the page there are more"
    );
    assert_eq!(count(json!({ "text": "lullaby", "limit": 5000 })), Some(55));
    assert_eq!(count(json!({ "text": "lullaby", "limit": 0 })), Some(1));
}

#[test]
fn a_timer_starts_refuses_a_twin_and_stops_into_a_moment() {
    let tmp = folder();
    let app = open(tmp.path());
    let input = json!({ "kindId": "skin_to_skin", "utcOffsetSeconds": 0 });
    let timer = app
        .call("start_timer", json!({ "input": input }))
        .expect("started");
    assert_eq!(timer["needsConfirmation"], false);
    let (kind, message) = error_kind(app.call("start_timer", json!({ "input": input })));
    assert_eq!(kind, "timer_already_running");
    assert!(message.contains("already running"), "{message}");
    assert_eq!(
        app.call("list_timers", json!({})).expect("listed")[0]["id"],
        timer["id"]
    );
    let moment = app
        .call("stop_timer", json!({ "id": timer["id"] }))
        .expect("stopped");
    assert_eq!(moment["kindId"], "skin_to_skin");
    assert!(moment["endedAt"].is_string());
    assert_eq!(app.call("list_timers", json!({})), Ok(json!([])));
    let (kind, _) = error_kind(app.call("stop_timer", json!({ "id": timer["id"] })));
    assert_eq!(kind, "timer_not_found");
}

#[test]
fn cancel_timer_discards_it_without_a_moment() {
    let tmp = folder();
    let app = open(tmp.path());
    let timer = app
        .call(
            "start_timer",
            json!({ "input": { "kindId": "feeding", "detail": "bottle", "utcOffsetSeconds": 0 } }),
        )
        .expect("started");
    assert_eq!(
        app.call("cancel_timer", json!({ "id": timer["id"] })),
        Ok(Value::Null)
    );
    assert_eq!(today_range(&app)["moments"], json!([]));
}

#[test]
fn babies_are_added_renamed_and_archived() {
    let tmp = folder();
    let app = open(tmp.path());
    let baby = app
        .call(
            "add_baby",
            json!({ "input": { "name": "Pip", "birthDate": "2026-10-01" } }),
        )
        .expect("added");
    assert_eq!(baby["name"], "Pip");
    let renamed = app
        .call(
            "update_baby",
            json!({ "id": baby["id"], "input": { "name": "Pippa" } }),
        )
        .expect("renamed");
    assert_eq!(renamed["name"], "Pippa");
    let archived = app
        .call("archive_baby", json!({ "id": baby["id"] }))
        .expect("archived");
    assert_eq!(archived["archived"], true);
    assert_eq!(
        app.call("list_babies", json!({})).expect("listed")[0]["name"],
        "Pippa"
    );
    let mut input = skin_to_skin();
    input["babyId"] = baby["id"].clone();
    let (kind, _) = error_kind(app.call("log_moment", json!({ "input": input })));
    assert_eq!(kind, "archived_baby");
    let (kind, _) = error_kind(app.call("add_baby", json!({ "input": { "name": "  " } })));
    assert_eq!(kind, "baby_name_empty");
}

#[test]
fn the_parents_own_kinds_can_be_added_renamed_and_hidden() {
    let tmp = folder();
    let app = open(tmp.path());
    let kinds = app.call("list_kinds", json!({})).expect("listed");
    assert!(kinds
        .as_array()
        .expect("kinds")
        .iter()
        .any(|k| k["id"] == "skin_to_skin" && k["timed"] == true));
    let own = app
        .call(
            "add_kind",
            json!({ "input": { "name": "Baby massage", "emoji": "\u{1f450}", "timed": true } }),
        )
        .expect("added");
    let renamed = app
        .call(
            "update_kind",
            json!({ "id": own["id"], "input": { "name": "Massage", "emoji": "\u{1f450}", "timed": true } }),
        )
        .expect("renamed");
    assert_eq!(renamed["name"], "Massage");
    let hidden = app
        .call(
            "set_kind_hidden",
            json!({ "id": own["id"], "hidden": true }),
        )
        .expect("hidden");
    assert_eq!(hidden["hidden"], true);
    let (kind, _) = error_kind(app.call(
        "add_kind",
        json!({ "input": { "name": "massage", "emoji": "x", "timed": false } }),
    ));
    assert_eq!(kind, "kind_name_taken");
}

#[test]
fn suggestions_offer_the_words_and_tags_in_use() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app, skin_to_skin());
    let feelings = app.call("feeling_suggestions", json!({})).expect("words");
    assert_eq!(feelings[0]["word"], "calm");
    assert!(feelings
        .as_array()
        .expect("words")
        .iter()
        .any(|w| w["word"] == "numb"));
    let tags = app.call("tag_suggestions", json!({})).expect("tags");
    assert_eq!(tags, json!([{ "tag": "evening", "uses": 1 }]));
}

#[test]
fn every_remaining_validation_rule_has_its_own_error_kind() {
    let tmp = folder();
    let app = open(tmp.path());
    let future = (chrono::Utc::now() + chrono::TimeDelta::hours(2)).to_rfc3339();
    let long_ago = (chrono::Utc::now() - chrono::TimeDelta::hours(30)).to_rfc3339();
    let cases = [
        (
            json!({ "startedAt": future, "endedAt": null }),
            "start_in_future",
        ),
        (json!({ "startedAt": long_ago }), "too_long"),
        (json!({ "detail": "left_ear" }), "unknown_detail"),
        (
            json!({ "feelings": ["x".repeat(41)] }),
            "feeling_word_too_long",
        ),
        (json!({ "feelings": ["   "] }), "feeling_word_empty"),
        (json!({ "tags": ["a,b"] }), "tag_has_comma"),
        (json!({ "tags": ["t".repeat(41)] }), "tag_too_long"),
        (
            json!({ "who": { "caregiver": " " } }),
            "caregiver_name_empty",
        ),
        (json!({ "utcOffsetSeconds": 90_000 }), "offset_out_of_range"),
    ];
    for (patch, expected) in cases {
        let mut input = skin_to_skin();
        for (key, value) in patch.as_object().expect("a patch") {
            input[key] = value.clone();
        }
        let (kind, message) = error_kind(app.call("log_moment", json!({ "input": input })));
        assert_eq!(kind, expected, "{patch}");
        assert!(message.ends_with('.'), "a whole sentence: {message}");
    }
    assert_eq!(today_range(&app)["moments"], json!([]), "nothing was saved");
}

#[test]
fn a_moment_in_the_trash_cannot_be_edited_and_built_in_kinds_cannot_be_renamed() {
    let tmp = folder();
    let app = open(tmp.path());
    let id = log(&app, skin_to_skin())["id"].clone();
    app.call("delete_moment", json!({ "id": id }))
        .expect("deleted");
    let (kind, _) = error_kind(app.call(
        "update_moment",
        json!({ "id": id, "input": skin_to_skin() }),
    ));
    assert_eq!(kind, "moment_in_trash");
    let (kind, _) = error_kind(app.call(
        "update_kind",
        json!({ "id": "feeding", "input": { "name": "Meals", "emoji": "x", "timed": true } }),
    ));
    assert_eq!(kind, "built_in_kind_changed");
}
