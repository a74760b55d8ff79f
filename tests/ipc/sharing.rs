//! IPC tests of sharing with the partner's computer: two apps on two data folders and one
//! shared folder, paired through the commands the page calls, and the error kinds the Settings
//! screen branches on. The native folder dialog cannot run here: the folder it would return is
//! handed to the session directly, as the dialog's command does.

use std::path::Path;

use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open, Harness};

fn chose(app: &Harness, shared: &Path) {
    app.state()
        .hold_share_folder(shared.to_path_buf())
        .expect("the folder is kept");
}

/// Pairs `sam` (who shows the code) with `noor` (who types it) through `shared`.
fn pair(sam: &Harness, noor: &Harness, shared: &Path) {
    let offer = sam.call("begin_pairing", json!({})).expect("a code");
    let checked = noor
        .call("check_pairing_code", json!({ "code": offer["code"] }))
        .expect("typed");
    assert_eq!(checked["phrase"], offer["phrase"]);
    chose(sam, shared);
    chose(noor, shared);
    sam.call("confirm_pairing", json!({ "name": "Sam" }))
        .expect("paired");
    noor.call("confirm_pairing", json!({ "name": "Noor" }))
        .expect("paired");
}

/// Exchanges on `from`, then on `to`: what `from` changed reaches `to`. Answers `to`'s status.
fn cross(from: &Harness, to: &Harness) -> Value {
    from.call("sync_now", json!({})).expect("sent");
    to.call("sync_now", json!({})).expect("received")
}

fn feed() -> Value {
    let start = chrono::Utc::now() - chrono::TimeDelta::hours(1);
    json!({
        "kindId": "feeding",
        "startedAt": start.to_rfc3339(),
        "utcOffsetSeconds": 0,
        "endedAt": (start + chrono::TimeDelta::minutes(15)).to_rfc3339(),
        "note": "Sleepy and warm",
        "feelings": ["tender"],
    })
}

fn listed(app: &Harness) -> Vec<Value> {
    let today = chrono::Local::now().date_naive();
    let listing = app
        .call(
            "list_moments",
            json!({ "from": (today - chrono::Days::new(1)).to_string(), "to": (today + chrono::Days::new(1)).to_string() }),
        )
        .expect("listed");
    listing["moments"].as_array().expect("moments").clone()
}

#[test]
fn begin_pairing_shows_nine_groups_of_four_and_three_words() {
    let tmp = folder();
    let app = open(tmp.path());
    let offer = app.call("begin_pairing", json!({})).expect("a code");
    let code = offer["code"].as_str().expect("a code");
    assert_eq!(code.split('-').count(), 9, "{code}");
    assert!(code.split('-').all(|group| group.len() == 4), "{code}");
    let phrase = offer["phrase"].as_str().expect("words");
    assert_eq!(phrase.split(' ').count(), 3, "{phrase}");
}

#[test]
fn a_typed_code_with_a_typo_or_a_missing_group_is_refused_in_words_a_parent_can_act_on() {
    let (a, b) = (folder(), folder());
    let (sam, noor) = (open(a.path()), open(b.path()));
    let offer = sam.call("begin_pairing", json!({})).expect("a code");
    let code = offer["code"].as_str().expect("a code");
    let changed = if code.starts_with('7') { "8" } else { "7" };
    let typo = format!("{changed}{}", &code[1..]);
    let (kind, message) = error_kind(noor.call("check_pairing_code", json!({ "code": typo })));
    assert_eq!(kind, "code_typo");
    assert_eq!(
        message,
        "This pairing code has a typo. Please compare it group by group with the code on the other computer."
    );
    let short = &code[..code.len() - 5];
    let (kind, message) = error_kind(noor.call("check_pairing_code", json!({ "code": short })));
    assert_eq!(kind, "invalid_code");
    assert!(
        message.starts_with("This pairing code has 32 letters and digits; a pairing code has 36."),
        "{message}"
    );
}

#[test]
fn confirming_needs_a_code_a_folder_and_a_name() {
    let (a, shared) = (folder(), folder());
    let app = open(a.path());
    let (kind, _) = error_kind(app.call("confirm_pairing", json!({ "name": "Sam" })));
    assert_eq!(kind, "no_pairing_code");
    app.call("begin_pairing", json!({})).expect("a code");
    let (kind, message) = error_kind(app.call("confirm_pairing", json!({ "name": "Sam" })));
    assert_eq!(kind, "no_share_folder");
    assert_eq!(
        message,
        "Please choose the folder both computers can see first."
    );
    chose(&app, shared.path());
    let (kind, message) = error_kind(app.call("confirm_pairing", json!({ "name": "  " })));
    assert_eq!(kind, "pair_name_invalid");
    assert_eq!(
        message,
        "Please give a name your partner will see, up to 60 characters."
    );
    let status = app.call("sharing_status", json!({})).expect("status");
    assert_eq!(status["paired"], false, "nothing was paired");
    app.call("cancel_pairing", json!({})).expect("cancelled");
    let (kind, _) = error_kind(app.call("confirm_pairing", json!({ "name": "Sam" })));
    assert_eq!(kind, "no_pairing_code");
}

#[test]
fn a_moment_logged_on_one_app_reaches_the_other_with_its_care_only() {
    let (a, b, shared) = (folder(), folder(), folder());
    let (sam, noor) = (open(a.path()), open(b.path()));
    pair(&sam, &noor, shared.path());
    sam.call("log_moment", json!({ "input": feed() }))
        .expect("logged");
    let status = cross(&sam, &noor);
    assert_eq!(status["partnerName"], "Sam");
    assert_eq!(status["myName"], "Noor");
    assert_eq!(status["paired"], true);
    assert_eq!(status["folder"], json!(shared.path()));
    assert!(status["lastReceivedAt"].is_string(), "{status}");
    assert_eq!(status["trouble"]["folder"], Value::Null);
    let rows = listed(&noor);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["fromPartner"], true);
    assert_eq!(rows[0]["note"], "", "Sam's note stays with Sam");
    let (kind, _) = error_kind(noor.call(
        "set_share_feelings",
        json!({ "id": rows[0]["id"], "share": true }),
    ));
    assert_eq!(
        kind, "partners_moment",
        "only its author shares its feelings"
    );
}

#[test]
fn feelings_go_with_a_moment_once_its_box_is_ticked_or_shared_by_default() {
    let (a, b, shared) = (folder(), folder(), folder());
    let (sam, noor) = (open(a.path()), open(b.path()));
    pair(&sam, &noor, shared.path());
    let own = sam
        .call("log_moment", json!({ "input": feed() }))
        .expect("logged");
    assert_eq!(own["shareFeelings"], false, "off by default");
    let ticked = sam
        .call(
            "set_share_feelings",
            json!({ "id": own["id"], "share": true }),
        )
        .expect("ticked");
    assert_eq!(ticked["shareFeelings"], true);
    sam.call(
        "set_setting",
        json!({ "key": "shareFeelingsByDefault", "value": "on" }),
    )
    .expect("chosen");
    let by_default = sam
        .call("log_moment", json!({ "input": feed() }))
        .expect("logged");
    assert_eq!(by_default["shareFeelings"], true);
    cross(&sam, &noor);
    let notes: Vec<Value> = listed(&noor).iter().map(|m| m["note"].clone()).collect();
    assert_eq!(
        notes,
        vec![json!("Sleepy and warm"), json!("Sleepy and warm")]
    );
}

#[test]
fn unpairing_keeps_every_moment_and_tells_the_other_app() {
    let (a, b, shared) = (folder(), folder(), folder());
    let (sam, noor) = (open(a.path()), open(b.path()));
    pair(&sam, &noor, shared.path());
    sam.call("log_moment", json!({ "input": feed() }))
        .expect("logged");
    cross(&sam, &noor);
    sam.call("unpair", json!({})).expect("unpaired");
    let status = sam.call("sharing_status", json!({})).expect("status");
    assert_eq!(status["paired"], false);
    let (kind, message) = error_kind(sam.call("sync_now", json!({})));
    assert_eq!(kind, "not_paired");
    assert_eq!(message, "This computer is not sharing with another one.");
    let told = noor.call("sync_now", json!({})).expect("exchanged");
    assert!(told["partnerLeftAt"].is_string(), "{told}");
    assert_eq!(listed(&sam).len(), 1);
    assert_eq!(listed(&noor).len(), 1);
}

#[test]
fn a_missing_folder_is_trouble_in_the_status_and_not_an_error() {
    let (a, b, shared) = (folder(), folder(), folder());
    let (sam, noor) = (open(a.path()), open(b.path()));
    let stick = shared.path().join("stick");
    std::fs::create_dir(&stick).expect("made");
    pair(&sam, &noor, &stick);
    std::fs::remove_dir_all(&stick).expect("unplugged");
    sam.call("log_moment", json!({ "input": feed() }))
        .expect("logging never waits for the folder");
    let status = sam.call("sync_now", json!({})).expect("no error");
    assert_eq!(status["trouble"]["folder"], "missing");
}

#[test]
fn the_page_can_listen_for_background_changes() {
    let tmp = folder();
    let app = open(tmp.path());
    app.call("watch_sharing", json!({ "changes": "__CHANNEL__:7" }))
        .expect("listening");
}
