//! IPC tests of care and safety: the help lines answer whatever state the journal is in, and the
//! care team is kept in the journal, locked with it.

use serde_json::json;

use crate::harness::{error_kind, folder, open};

#[test]
fn help_lines_suggest_the_region_of_the_first_known_language() {
    let tmp = folder();
    let app = open(tmp.path());
    let lines = app
        .call("help_lines", json!({ "locales": ["en", "en-IE", "en-GB"] }))
        .expect("lines");
    assert_eq!(lines["suggested"], "IE");
    let codes: Vec<_> = lines["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .map(|r| r["code"].as_str().expect("code").to_owned())
        .collect();
    for code in ["US", "GB", "IE", "CA", "AU", "NZ"] {
        assert!(codes.iter().any(|c| c == code), "{code} is shipped");
    }
    let none = app
        .call("help_lines", json!({ "locales": ["C", ""] }))
        .expect("lines");
    assert_eq!(none["suggested"], serde_json::Value::Null);
}

#[test]
fn help_lines_answer_on_a_locked_journal_and_the_care_team_does_not() {
    let tmp = folder();
    {
        let app = open(tmp.path());
        app.call(
            "add_contact",
            json!({ "input": { "role": "health_visitor", "name": "Priya", "phone": "07700 900123" } }),
        )
        .expect("added");
        app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
            .expect("encrypted");
    }
    let app = open(tmp.path());
    let lines = app
        .call("help_lines", json!({ "locales": ["en-NZ"] }))
        .expect("lines while locked");
    assert_eq!(lines["suggested"], "NZ");
    let (kind, _) = error_kind(app.call("list_contacts", json!({})));
    assert_eq!(kind, "locked");
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("unlocked");
    let team = app.call("list_contacts", json!({})).expect("team");
    assert_eq!(team[0]["name"], "Priya");
    assert_eq!(team[0]["role"], "health_visitor");
    assert_eq!(team[0]["phone"], "07700 900123");
}

#[test]
fn a_care_team_is_added_changed_ordered_and_removed() {
    let tmp = folder();
    let app = open(tmp.path());
    let add = |name: &str| {
        app.call(
            "add_contact",
            json!({ "input": { "role": "friend", "name": name } }),
        )
        .expect("added")["id"]
            .as_i64()
            .expect("id")
    };
    let (a, b) = (add("Ama"), add("Bea"));
    let changed = app
        .call(
            "update_contact",
            json!({ "id": a, "input": { "role": "therapist", "name": "Ama K", "notes": "Thursdays" } }),
        )
        .expect("changed");
    assert_eq!(
        (&changed["name"], &changed["notes"]),
        (&json!("Ama K"), &json!("Thursdays"))
    );
    let order = app
        .call("reorder_contacts", json!({ "ids": [b, a] }))
        .expect("ordered");
    assert_eq!(order[0]["name"], "Bea");
    app.call("remove_contact", json!({ "id": b }))
        .expect("removed");
    let team = app.call("list_contacts", json!({})).expect("team");
    assert_eq!(team.as_array().map(Vec::len), Some(1));
}

#[test]
fn a_contact_that_breaks_a_rule_gets_the_journal_error_and_nothing_is_saved() {
    let tmp = folder();
    let app = open(tmp.path());
    let (kind, message) = error_kind(app.call(
        "add_contact",
        json!({ "input": { "role": "gp", "name": "Surgery", "phone": "ring me" } }),
    ));
    assert_eq!(kind, "contact_phone_invalid");
    assert!(message.contains("phone number"), "{message}");
    let unknown_role = app.call(
        "add_contact",
        json!({ "input": { "role": "stranger", "name": "X" } }),
    );
    assert!(
        unknown_role.is_err(),
        "an unknown role never reaches the journal"
    );
    assert_eq!(app.call("list_contacts", json!({})), Ok(json!([])));
}
