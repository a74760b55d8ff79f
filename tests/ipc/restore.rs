//! IPC tests of restoring from a Nestling file: the preview, a restore into an empty journal, a
//! merge that skips duplicates, and files that are refused with nothing written. Choosing the
//! file needs the native dialog and is covered end to end; here the harness holds the file's
//! text as the dialog would.

use serde_json::json;

use crate::harness::{error_kind, folder, open, Harness};

fn log(app: &Harness, note: &str, hours_ago: i64) {
    let start = chrono::Utc::now() - chrono::TimeDelta::hours(hours_ago);
    let input = json!({
        "kindId": "rocking",
        "startedAt": start.to_rfc3339(),
        "utcOffsetSeconds": 0,
        "note": note,
    });
    app.call("log_moment", json!({ "input": input }))
        .expect("saved");
}

/// A journal of three moments and a baby, exported whole.
fn exported() -> String {
    let tmp = folder();
    let app = open(tmp.path());
    app.call("add_baby", json!({ "input": { "name": "Ada" } }))
        .expect("baby");
    for (note, hours) in [("one", 1), ("two", 2), ("a quiet night rocking", 3)] {
        log(&app, note, hours);
    }
    drop(app);
    let store = nestling_store::Store::open_in(tmp.path()).expect("the journal reopens");
    let scope = nestling_export::Scope::Everything;
    nestling_export::journal_json(store.conn(), scope, chrono::Utc::now()).expect("exported")
}

fn says_nothing_was_imported(message: &str) -> bool {
    message.to_lowercase().contains("nothing was imported")
}

#[test]
fn the_preview_counts_the_file_and_writes_nothing() {
    let json = exported();
    let tmp = folder();
    let app = open(tmp.path());
    app.choose_file(&json);
    let preview = app.call("restore_preview", json!({})).expect("preview");
    assert_eq!(preview["inFile"]["moments"], 3);
    assert_eq!(preview["inFile"]["babies"], 1);
    assert_eq!(preview["journalEmpty"], true);
    assert_eq!(preview["duplicates"]["moments"], 0);
    let babies = app.call("list_babies", json!({})).expect("babies");
    assert_eq!(babies, json!([]), "the preview wrote nothing");
}

#[test]
fn a_file_restores_into_an_empty_journal_with_every_moment() {
    let json = exported();
    let tmp = folder();
    let app = open(tmp.path());
    app.choose_file(&json);
    let done = app
        .call("restore_apply", json!({ "mode": "empty" }))
        .expect("restored");
    assert_eq!(done["added"]["moments"], 3);
    assert_eq!(done["journalWasEmpty"], true);
    let found = app
        .call("search_moments", json!({ "text": "quiet" }))
        .expect("search");
    assert!(found.to_string().contains("rocking"), "{found}");
    let (kind, _) = error_kind(app.call("restore_apply", json!({ "mode": "empty" })));
    assert_eq!(
        kind, "nothing_to_restore",
        "the file is forgotten once restored"
    );
}

#[test]
fn a_merge_skips_the_moments_already_in_the_journal() {
    let json = exported();
    let tmp = folder();
    let app = open(tmp.path());
    app.choose_file(&json);
    app.call("restore_apply", json!({ "mode": "empty" }))
        .expect("restored");
    log(&app, "a new one", 4);
    app.choose_file(&json);
    let preview = app.call("restore_preview", json!({})).expect("preview");
    assert_eq!(preview["journalEmpty"], false);
    assert_eq!(preview["duplicates"]["moments"], 3);
    assert_eq!(preview["duplicates"]["babies"], 1);
    let (kind, message) = error_kind(app.call("restore_apply", json!({ "mode": "empty" })));
    assert_eq!(kind, "journal_not_empty");
    assert!(says_nothing_was_imported(&message), "{message}");
    let done = app
        .call("restore_apply", json!({ "mode": "merge" }))
        .expect("merged");
    assert_eq!(done["added"]["moments"], 0);
    assert_eq!(done["duplicates"]["moments"], 3);
}

#[test]
fn a_file_that_is_not_a_nestling_journal_too_new_or_breaking_a_rule_is_refused_calmly() {
    let tmp = folder();
    let app = open(tmp.path());
    let json = exported();
    let newer = json.replacen("\"version\": 2", "\"version\": 99", 1);
    let rating = json.replacen("\"kindId\": \"rocking\"", "\"kindId\": \"no_such_kind\"", 1);
    for (text, expected) in [
        ("{\"hello\": 1}", "not_a_journal"),
        ("not json at all", "malformed"),
        (newer.as_str(), "too_new"),
        (rating.as_str(), "unknown_kind"),
    ] {
        app.choose_file(text);
        let (kind, message) = error_kind(app.call("restore_preview", json!({})));
        assert_eq!(kind, expected, "{message}");
        assert!(says_nothing_was_imported(&message), "{message}");
        let (kind, _) = error_kind(app.call("restore_apply", json!({ "mode": "merge" })));
        assert_eq!(kind, expected);
    }
    let babies = app.call("list_babies", json!({})).expect("babies");
    assert_eq!(babies, json!([]), "nothing was written");
}
