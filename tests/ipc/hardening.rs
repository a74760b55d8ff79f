//! Hardening checks: the page may call the app's own commands and nothing else (no plugin, no
//! system access), and the content security policy allows no remote or inline code.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open};

fn read(path: &str) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + path)
        .unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// Expands the one command list into the names it declares.
macro_rules! command_list {
    ($($area:ident::$name:ident),* $(,)?) => {
        const LISTED: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("../../src-tauri/command_list.rs");

/// The commands `ui/js/api.js` calls: every `call('name'` in it, in order.
fn called_by_api() -> Vec<String> {
    read("ui/js/api.js")
        .split("call('")
        .skip(1)
        .map(|rest| rest[..rest.find('\'').expect("a closing quote")].to_owned())
        .collect()
}

#[test]
fn the_window_is_granted_exactly_the_apps_own_commands_and_no_plugin() {
    let capability: Value =
        serde_json::from_str(&read("src-tauri/capabilities/main-window.json")).expect("JSON");
    assert_eq!(
        capability["permissions"],
        json!(["app-commands"]),
        "the window is granted the set derived from the command list, and nothing else"
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
fn every_listed_command_is_granted_to_the_main_window_only() {
    let mut context: tauri::Context<tauri::test::MockRuntime> =
        tauri::generate_context!(test = true, assets = tauri::test::noop_assets());
    let authority = context.runtime_authority_mut();
    let local = tauri::ipc::Origin::Local;
    for command in LISTED {
        assert!(
            authority
                .resolve_access(command, "main", "main", &local)
                .is_some(),
            "{command} is listed but not granted to the main window"
        );
        assert!(
            authority
                .resolve_access(command, "other", "other", &local)
                .is_none(),
            "{command} is granted to a window that is not the main one"
        );
    }
    for unlisted in [
        "plugin:dialog|save",
        "plugin:dialog|open",
        "no_such_command",
    ] {
        assert!(
            authority
                .resolve_access(unlisted, "main", "main", &local)
                .is_none(),
            "{unlisted} is granted"
        );
    }
}

#[test]
fn the_invoke_handler_is_expanded_from_the_command_list_alone() {
    // Calling every command to see it answer would run the ones that open a file dialog, so
    // this checks the one place that registers commands instead.
    let lib = read("src-tauri/src/lib.rs");
    assert_eq!(lib.matches("generate_handler!").count(), 1, "one handler");
    assert!(lib.contains("tauri::generate_handler![$(commands::$area::$name),*]"));
    assert!(lib.contains(".invoke_handler(include!(\"../command_list.rs\"))"));
    let tmp = folder();
    let app = open(tmp.path());
    let unknown = app.call("no_such_command", json!({})).expect_err("refused");
    assert!(unknown.to_string().contains("not"), "{unknown}");
    // A listed command answers: wrong arguments are reported as such, not as an unknown command.
    let wrong = app
        .call("get_article", json!({ "slug": 7 }))
        .expect_err("refused");
    assert!(wrong.to_string().contains("invalid args"), "{wrong}");
}

#[test]
fn the_ui_calls_exactly_the_listed_commands_once_each() {
    let called = called_by_api();
    let mut unique = called.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        called.len(),
        "a command has two functions in api.js"
    );
    let listed: BTreeSet<String> = LISTED.iter().map(|&c| c.to_owned()).collect();
    assert_eq!(
        called.into_iter().collect::<BTreeSet<_>>(),
        listed,
        "api.js calls exactly the commands in src-tauri/command_list.rs"
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
