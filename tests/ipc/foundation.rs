//! IPC tests of the foundation's commands: home, settings, and a journal that cannot be opened.

use serde_json::json;

use crate::harness::{error_kind, folder, open, open_as};

#[test]
fn get_home_returns_version_schema_folder_and_settings() {
    let tmp = folder();
    let app = open(tmp.path());
    let home = app.call("get_home", json!({})).expect("home loads");
    assert_eq!(home["appVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(home["schemaVersion"], nestling_store::latest_version());
    assert_eq!(home["dataDir"], tmp.path().display().to_string());
    assert_eq!(home["encrypted"], false);
    assert_eq!(
        home["settings"],
        json!({"theme": "system", "textSize": "medium", "lockAfterMinutes": 5, "backupsToKeep": 7, "parentName": null, "helpRegion": null, "checkIn": null, "lowMoodCard": true, "lowMoodCardDismissedOn": null, "shareFeelingsByDefault": false})
    );
    assert!(tmp
        .path()
        .join(nestling_store::DATABASE_FILE_NAME)
        .is_file());
}

#[test]
fn a_new_journal_starts_with_the_default_settings() {
    let tmp = folder();
    let app = open(tmp.path());
    assert_eq!(
        app.call("get_home", json!({}))
            .map(|home| home["settings"].clone()),
        Ok(
            json!({"theme": "system", "textSize": "medium", "lockAfterMinutes": 5, "backupsToKeep": 7, "parentName": null, "helpRegion": null, "checkIn": null, "lowMoodCard": true, "lowMoodCardDismissedOn": null, "shareFeelingsByDefault": false})
        )
    );
}

#[test]
fn set_setting_saves_and_the_choice_survives_a_restart() {
    let tmp = folder();
    {
        let app = open(tmp.path());
        let after = app
            .call("set_setting", json!({"key": "theme", "value": "night"}))
            .expect("saved");
        assert_eq!(after["theme"], "night");
    }
    let app = open(tmp.path());
    assert_eq!(
        app.call("get_home", json!({})).expect("read")["settings"]["theme"],
        "night"
    );
}

#[test]
fn set_setting_with_an_unknown_key_is_invalid_input() {
    let tmp = folder();
    let app = open(tmp.path());
    let (kind, message) =
        error_kind(app.call("set_setting", json!({"key": "volume", "value": "11"})));
    assert_eq!(kind, "invalid_input");
    assert_eq!(
        message,
        "There is no setting called \u{201c}volume\u{201d}."
    );
}

#[test]
fn set_setting_with_a_bad_value_is_invalid_input_and_lists_the_choices() {
    let tmp = folder();
    let app = open(tmp.path());
    let (kind, message) =
        error_kind(app.call("set_setting", json!({"key": "theme", "value": "neon"})));
    assert_eq!(kind, "invalid_input");
    assert_eq!(
        message,
        "The setting \u{201c}theme\u{201d} can be one of: system, light, dark, night."
    );
    assert_eq!(
        app.call("get_home", json!({})).expect("read")["settings"]["theme"],
        "system"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_reported_by_every_command_and_kept() {
    let tmp = folder();
    let path = tmp.path().join(nestling_store::DATABASE_FILE_NAME);
    std::fs::write(
        &path,
        b"these are not the bytes of a database, not even close",
    )
    .expect("write");
    let app = open(tmp.path());
    for cmd in ["get_home", "list_kinds"] {
        let (kind, message) = error_kind(app.call(cmd, json!({})));
        assert_eq!(kind, "not_a_database", "{cmd}");
        assert!(message.contains("left exactly as it is"), "{message}");
    }
    let (kind, _) = error_kind(app.call("set_setting", json!({"key": "theme", "value": "dark"})));
    assert_eq!(kind, "not_a_database");
    assert_eq!(
        std::fs::read(&path).expect("kept"),
        b"these are not the bytes of a database, not even close"
    );
}

#[test]
fn a_journal_from_a_newer_version_is_too_new() {
    let tmp = folder();
    let path = tmp.path().join(nestling_store::DATABASE_FILE_NAME);
    drop(nestling_store::Store::open_in(tmp.path()).expect("create"));
    {
        let conn = nestling_store::rusqlite::Connection::open(&path).expect("open");
        conn.pragma_update(None, "user_version", 4242)
            .expect("pretend newer");
    }
    let app = open(tmp.path());
    let (kind, message) = error_kind(app.call("get_home", json!({})));
    assert_eq!(kind, "too_new");
    assert!(message.contains("format 4242"), "{message}");
    assert!(message.contains("newer version of Nestling"), "{message}");
}

#[test]
fn a_database_of_another_program_is_foreign_database() {
    let tmp = folder();
    let path = tmp.path().join(nestling_store::DATABASE_FILE_NAME);
    {
        let conn = nestling_store::rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch("CREATE TABLE photos (id INTEGER)")
            .expect("fill");
    }
    let app = open(tmp.path());
    let (kind, _) = error_kind(app.call("get_home", json!({})));
    assert_eq!(kind, "foreign_database");
}

#[test]
fn a_data_folder_that_cannot_be_created_is_data_folder() {
    let tmp = folder();
    let blocker = tmp.path().join("a-file");
    std::fs::write(&blocker, b"x").expect("write");
    let app = open(&blocker.join("data"));
    let (kind, message) = error_kind(app.call("get_home", json!({})));
    assert_eq!(kind, "data_folder");
    assert!(
        message.contains("could not create its data folder"),
        "{message}"
    );
}

#[test]
fn a_window_without_the_capability_is_denied_the_apps_commands() {
    let tmp = folder();
    let app = open_as(tmp.path(), "stranger");
    for cmd in [
        "get_home",
        "set_setting",
        "log_moment",
        "search_moments",
        "list_articles",
        "import_article",
    ] {
        let err = app
            .call(cmd, json!({}))
            .expect_err("not granted to this window");
        let text = err.to_string();
        assert!(text.contains("not allowed"), "{cmd}: {text}");
    }
}
