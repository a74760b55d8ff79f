//! Hardening checks: the page may call the app's own commands and nothing else (no plugin, no
//! system access), and the content security policy allows no remote or inline code.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open};

fn read(path: &str) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + path)
        .unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The commands `build.rs` registers: the quoted names in its `COMMANDS` list.
fn registered_commands() -> BTreeSet<String> {
    let build = read("src-tauri/build.rs");
    let list = build
        .split("const COMMANDS")
        .nth(1)
        .expect("a COMMANDS list");
    let list = &list[..list.find("];").expect("the list ends")];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_window_is_granted_exactly_the_apps_own_commands_and_no_plugin() {
    let capability: Value =
        serde_json::from_str(&read("src-tauri/capabilities/main-window.json")).expect("JSON");
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|p| p.as_str().expect("a plain permission name").to_owned())
        .collect();
    assert!(
        granted.iter().all(|p| !p.contains(':')),
        "a plugin or core permission is granted: {granted:?}"
    );
    let expected: BTreeSet<String> = registered_commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(
        granted, expected,
        "every registered command is granted, and nothing else"
    );
    assert_eq!(capability["windows"], json!(["main"]));
    let files: Vec<_> = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src-tauri/capabilities"
    ))
    .expect("folder")
    .collect();
    assert_eq!(files.len(), 1, "one capability file");
    let config: Value = serde_json::from_str(&read("tauri.conf.json")).expect("JSON");
    assert_eq!(
        config["app"]["security"]["capabilities"],
        json!(["main-window"])
    );
}

#[test]
fn the_content_security_policy_allows_only_the_apps_own_code() {
    let config: Value = serde_json::from_str(&read("tauri.conf.json")).expect("JSON");
    let csp = config["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string");
    for rule in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ] {
        assert!(csp.contains(rule), "the CSP lacks {rule}: {csp}");
    }
    for loose in [
        "unsafe-inline",
        "unsafe-eval",
        "https:",
        "*",
        "data: 'self'",
    ] {
        assert!(!csp.contains(loose), "the CSP allows {loose}: {csp}");
    }
    let remote: Vec<&str> = csp
        .split(|c: char| c.is_whitespace() || c == ';')
        .filter(|t| t.starts_with("http"))
        .collect();
    assert_eq!(
        remote,
        vec!["http://ipc.localhost"],
        "the only address is the app's own IPC: {csp}"
    );
    assert_eq!(config["app"]["security"]["freezePrototype"], true);
}

#[test]
fn the_page_cannot_open_a_dialog_or_reach_any_plugin_itself() {
    let tmp = folder();
    let app = open(tmp.path());
    for command in [
        "plugin:dialog|save",
        "plugin:dialog|open",
        "plugin:fs|read_file",
        "plugin:shell|open",
    ] {
        let result = app.call(command, json!({}));
        assert!(result.is_err(), "{command} was allowed");
    }
    // The app's own commands still answer.
    assert!(app.call("lock_state", json!({})).is_ok());
    let (kind, _) = error_kind(app.call("erase_everything", json!({ "confirmation": "" })));
    assert_eq!(kind, "not_confirmed");
}
