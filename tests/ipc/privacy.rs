//! IPC tests of privacy and data safety: the lock, the passphrase, backups, recovery from a
//! damaged journal, and deleting everything.

use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open, Harness};

const NOTE: &str = "a distinctive note 7fQ2 about the night feed";

fn log(app: &Harness) -> i64 {
    let input = json!({
        "kindId": "soothing",
        "startedAt": chrono::Utc::now().to_rfc3339(),
        "utcOffsetSeconds": 0,
        "note": NOTE,
    });
    let saved = app
        .call("log_moment", json!({ "input": input }))
        .expect("saved");
    saved["id"].as_i64().expect("an id")
}

fn log_long(app: &Harness) {
    let input = json!({
        "kindId": "rocking",
        "startedAt": chrono::Utc::now().to_rfc3339(),
        "utcOffsetSeconds": 0,
        "note": "a long quiet evening ".repeat(40),
    });
    app.call("log_moment", json!({ "input": input }))
        .expect("saved");
}

/// The moment [`log`] wrote is there, found by a word of its note.
fn assert_the_note_is_found(app: &Harness) {
    let hits = app
        .call("search_moments", json!({ "text": "distinctive" }))
        .expect("searched");
    assert_eq!(hits.as_array().map(Vec::len), Some(1), "{hits}");
}

fn code_of(answer: Value) -> String {
    answer["recoveryCode"]
        .as_str()
        .expect("a recovery code")
        .to_owned()
}

#[test]
fn a_passphrase_locks_the_journal_across_a_restart_and_unlocks_it() {
    let tmp = folder();
    let id = {
        let app = open(tmp.path());
        let id = log(&app);
        let code = code_of(
            app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
                .expect("set"),
        );
        assert!(code.len() >= 20, "{code}");
        assert_eq!(
            app.call("get_home", json!({})).expect("home")["encrypted"],
            true
        );
        id
    };
    let app = open(tmp.path());
    assert_eq!(
        app.call("lock_state", json!({})).expect("state")["locked"],
        true
    );
    let (kind, _) = error_kind(app.call("get_moment", json!({ "id": id })));
    assert_eq!(kind, "locked", "nothing is readable while locked");
    let (kind, message) = error_kind(app.call("unlock", json!({ "secret": "wrong horse" })));
    assert_eq!(kind, "wrong_passphrase");
    assert!(
        !message.contains("wrong horse"),
        "the secret is never echoed: {message}"
    );
    assert_eq!(
        app.call("lock_state", json!({})).expect("state")["locked"],
        true
    );
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("unlocked");
    assert_eq!(
        app.call("get_moment", json!({ "id": id })).expect("read")["note"],
        NOTE
    );
}

#[test]
fn the_recovery_code_unlocks_and_lock_closes_the_journal_again() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app);
    let code = code_of(
        app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
            .expect("set"),
    );
    app.call("lock", json!({})).expect("locked");
    assert_eq!(
        app.call("lock_state", json!({})).expect("state")["locked"],
        true
    );
    app.call("unlock", json!({ "secret": code.to_lowercase() }))
        .expect("the code opens it");
    assert_eq!(
        app.call("lock_state", json!({})).expect("state")["locked"],
        false
    );
}

#[test]
fn changing_the_passphrase_answers_with_a_new_recovery_code_and_the_old_secrets_stop_working() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app);
    let old_code = code_of(
        app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
            .expect("set"),
    );
    let args = json!({ "current": "correct horse", "next": "another horse" });
    let new_code = code_of(app.call("change_passphrase", args).expect("changed"));
    assert_ne!(new_code, old_code);
    app.call("lock", json!({})).expect("locked");
    for old in ["correct horse", old_code.as_str()] {
        let (kind, _) = error_kind(app.call("unlock", json!({ "secret": old })));
        assert_eq!(kind, "wrong_passphrase", "an old secret opens nothing");
    }
    app.call("unlock", json!({ "secret": new_code }))
        .expect("the new code opens it");
    assert_the_note_is_found(&app);
    let (kind, message) = error_kind(app.call("new_recovery_code", json!({ "current": new_code })));
    assert_eq!(kind, "passphrase_needed", "{message}");
    let newer = code_of(
        app.call("new_recovery_code", json!({ "current": "another horse" }))
            .expect("with the passphrase"),
    );
    assert_ne!(newer, new_code);
}

#[test]
fn a_short_passphrase_is_refused_and_the_journal_stays_plain() {
    let tmp = folder();
    let app = open(tmp.path());
    let (kind, message) = error_kind(app.call("set_passphrase", json!({ "passphrase": "short" })));
    assert_eq!(kind, "weak_passphrase", "{message}");
    assert_eq!(
        app.call("privacy", json!({})).expect("privacy")["encrypted"],
        false
    );
}

#[test]
fn a_backup_is_listed_and_restoring_it_brings_back_what_it_held() {
    let tmp = folder();
    let app = open(tmp.path());
    let id = log(&app);
    let backup = app.call("backup_now", json!({})).expect("backed up");
    let name = backup["name"].as_str().expect("a name").to_owned();
    app.call("delete_moment", json!({ "id": id }))
        .expect("trashed");
    app.call("purge_moment", json!({ "id": id }))
        .expect("purged");
    let listed = app.call("privacy", json!({})).expect("privacy");
    assert!(listed["backups"]
        .as_array()
        .expect("list")
        .iter()
        .any(|b| b["name"] == name.as_str()));
    app.call("restore_backup", json!({ "name": name }))
        .expect("restored");
    assert_eq!(
        app.call("get_moment", json!({ "id": id })).expect("back")["note"],
        NOTE
    );
}

#[test]
fn an_app_left_open_makes_its_daily_backup_when_due_but_not_while_locked() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app);
    let first = app.state().daily_backup_if_due().expect("checked");
    assert!(
        first.is_some(),
        "a journal with a moment and no backup is due"
    );
    assert_eq!(app.state().daily_backup_if_due().expect("checked"), None);
    let backups = tmp.path().join("backups");
    let age_every_backup = || {
        for entry in std::fs::read_dir(&backups).expect("backups").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(rest) = name.strip_prefix("nestling-2") {
                let aged = format!("nestling-1{rest}");
                std::fs::rename(entry.path(), backups.join(aged)).expect("aged");
            }
        }
    };
    app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
        .expect("set");
    app.call("lock", json!({})).expect("locked");
    age_every_backup();
    assert_eq!(
        app.state().daily_backup_if_due().expect("checked"),
        None,
        "nothing is done while the journal is locked"
    );
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("unlocked, which checks too");
    assert_eq!(app.state().daily_backup_if_due().expect("checked"), None);
    age_every_backup();
    let made = app.state().daily_backup_if_due().expect("checked");
    let made = made.expect("due again once the newest backup is old");
    assert!(
        made.encrypted,
        "backups of an encrypted journal are encrypted"
    );
}

#[test]
fn a_damaged_journal_is_kept_aside_and_the_newest_good_backup_restored() {
    let tmp = folder();
    let name = {
        let app = open(tmp.path());
        for _ in 0..60 {
            log_long(&app);
        }
        let backup = app.call("backup_now", json!({})).expect("backed up");
        backup["name"].as_str().expect("a name").to_owned()
    };
    let db = tmp.path().join("nestling.sqlite3");
    // The mock app keeps its connection; fold the log into the file as a clean close would.
    let conn = nestling_store::rusqlite::Connection::open(&db).expect("opens");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
    drop(conn);
    let damaged = damage_middle(&db);

    let app = open(tmp.path());
    let (kind, message) = error_kind(app.call("get_home", json!({})));
    assert!(
        kind == "damaged" || kind == "not_a_database",
        "{kind}: {message}"
    );
    assert_eq!(
        std::fs::read(&db).expect("read"),
        damaged,
        "the damaged file is not touched"
    );
    let state = app.call("recovery_state", json!({})).expect("recovery");
    assert_eq!(state["newestGood"]["name"], name.as_str());
    let kept = app
        .call("recover_from_backup", json!({ "name": name }))
        .expect("recovered");
    let aside = std::path::PathBuf::from(kept["setAside"].as_str().expect("a folder"));
    assert_eq!(
        std::fs::read(aside.join("nestling.sqlite3")).expect("kept"),
        damaged
    );
    assert!(app.call("get_home", json!({})).is_ok());
}

#[test]
fn delete_everything_needs_the_typed_words_then_leaves_an_empty_journal() {
    let tmp = folder();
    let app = open(tmp.path());
    let id = log(&app);
    app.call("backup_now", json!({})).expect("backed up");
    let (kind, _) = error_kind(app.call("erase_everything", json!({ "confirmation": "yes" })));
    assert_eq!(kind, "not_confirmed");
    assert!(
        app.call("get_moment", json!({ "id": id })).is_ok(),
        "nothing was deleted"
    );
    app.call(
        "erase_everything",
        json!({ "confirmation": "delete everything" }),
    )
    .expect("erased");
    let (kind, _) = error_kind(app.call("get_moment", json!({ "id": id })));
    assert_eq!(kind, "moment_not_found");
    assert!(
        !tmp.path().join("backups").exists()
            || std::fs::read_dir(tmp.path().join("backups"))
                .expect("list")
                .next()
                .is_none()
    );
}

/// Every file under `dir`, read whole.
fn all_bytes_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)
        .expect("listed")
        .map(|e| e.expect("entry"))
    {
        let path = entry.path();
        if path.is_dir() {
            found.extend(all_bytes_under(&path));
        } else {
            found.push((path.clone(), std::fs::read(&path).expect("read")));
        }
    }
    found
}

#[test]
fn an_unsaved_note_survives_a_lock_and_a_restart_encrypted_with_the_journal() {
    const DRAFT: &str = "an unsaved draft 9kW3 — ليلة طويلة <b>";
    let tmp = folder();
    {
        let app = open(tmp.path());
        app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
            .expect("set");
        app.call("save_draft", json!({ "key": "new", "note": DRAFT }))
            .expect("kept");
        app.call("lock", json!({})).expect("locked");
        let (kind, _) = error_kind(app.call("list_drafts", json!({})));
        assert_eq!(kind, "locked", "drafts are not readable while locked");
    }
    for (path, bytes) in all_bytes_under(tmp.path()) {
        assert!(
            !bytes.windows(16).any(|w| w == &DRAFT.as_bytes()[..16]),
            "the draft is in the clear in {}",
            path.display()
        );
    }
    let app = open(tmp.path());
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("unlocked");
    let drafts = app.call("list_drafts", json!({})).expect("listed");
    assert_eq!(drafts[0]["key"], "new");
    assert_eq!(drafts[0]["note"], DRAFT);
    let (kind, _) = error_kind(app.call("save_draft", json!({ "key": "../x", "note": "y" })));
    assert_eq!(kind, "draft_key_invalid");
    app.call("discard_draft", json!({ "key": "new" }))
        .expect("discarded");
    assert_eq!(app.call("list_drafts", json!({})), Ok(json!([])));
}

/// Writes garbage over two pages in the middle of `db`, as after a disk fault.
fn damage_middle(db: &std::path::Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).expect("read");
    let start = bytes.len() / 4096 / 2 * 4096;
    for (i, b) in bytes[start..start + 2 * 4096].iter_mut().enumerate() {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(db, &bytes).expect("damaged");
    bytes
}

/// An encrypted journal with one backup, damaged, whose recovery is first tried with a wrong
/// passphrase.
fn damaged_encrypted_journal(dir: &std::path::Path) -> (String, Vec<u8>) {
    let app = open(dir);
    log(&app);
    for _ in 0..60 {
        log_long(&app);
    }
    app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
        .expect("set");
    let backup = app.call("backup_now", json!({})).expect("backed up");
    // Locking closes the connection, which folds the log into the file.
    app.call("lock", json!({})).expect("locked");
    let name = backup["name"].as_str().expect("a name").to_owned();
    (name, damage_middle(&dir.join("nestling.sqlite3")))
}

#[test]
fn a_wrong_passphrase_on_the_recovery_screen_moves_nothing_and_opens_no_new_journal() {
    // Regression: the damaged journal was set aside before the secret was checked, and the app
    // then opened a new, empty, unencrypted journal.
    let tmp = folder();
    let (name, damaged) = damaged_encrypted_journal(tmp.path());
    let db = tmp.path().join("nestling.sqlite3");
    let app = open(tmp.path());
    let (kind, _) = error_kind(app.call("unlock", json!({ "secret": "correct horse" })));
    assert!(kind == "damaged" || kind == "not_a_database", "{kind}");
    let state = app.call("recovery_state", json!({})).expect("recovery");
    assert_eq!(state["newestGood"]["name"], name.as_str());

    let wrong = json!({ "name": name, "secret": "wrong horse" });
    let (kind, _) = error_kind(app.call("recover_from_backup", wrong));
    assert_eq!(kind, "wrong_passphrase");
    assert_eq!(std::fs::read(&db).expect("still there"), damaged);
    assert!(
        !tmp.path().join("damaged").exists(),
        "nothing was set aside"
    );
    assert_eq!(
        app.call("recovery_state", json!({})).expect("same screen"),
        state,
        "the recovery screen stays exactly as it was"
    );
    let (kind, _) = error_kind(app.call("get_home", json!({})));
    assert!(kind == "damaged" || kind == "not_a_database", "{kind}");

    let right = json!({ "name": name, "secret": "correct horse" });
    let kept = app.call("recover_from_backup", right).expect("recovered");
    let aside = std::path::PathBuf::from(kept["setAside"].as_str().expect("a folder"));
    assert_eq!(
        std::fs::read(aside.join("nestling.sqlite3")).expect("kept"),
        damaged
    );
    assert_eq!(
        app.call("get_home", json!({})).expect("home")["encrypted"],
        true
    );
    assert_the_note_is_found(&app);
}

#[test]
fn a_wrong_passphrase_in_restore_backup_leaves_a_journal_that_unlocks() {
    // Regression: the session was left failed and unlock was a silent no-op until a restart.
    let tmp = folder();
    let app = open(tmp.path());
    log(&app);
    app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
        .expect("set");
    let backup = app.call("backup_now", json!({})).expect("backed up");
    let wrong = json!({ "name": backup["name"], "secret": "wrong horse" });
    let (kind, _) = error_kind(app.call("restore_backup", wrong));
    assert_eq!(kind, "wrong_passphrase");
    assert_eq!(
        app.call("lock_state", json!({})).expect("state")["locked"],
        true
    );
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("unlocks");
    let (kind, _) = error_kind(app.call("unlock", json!({ "secret": "correct horse" })));
    assert_eq!(kind, "not_locked", "unlocking an open journal says so");
    assert_the_note_is_found(&app);
}

#[test]
fn a_second_app_on_the_same_data_folder_opens_nothing_and_says_why() {
    let tmp = folder();
    let first = open(tmp.path());
    log(&first);
    let second = open(tmp.path());
    let (kind, message) = error_kind(second.call("get_home", json!({})));
    assert_eq!(kind, "in_use", "{message}");
    assert!(message.contains("already open"), "{message}");
    let (kind, _) = error_kind(second.call(
        "erase_everything",
        json!({ "confirmation": "delete everything" }),
    ));
    assert_eq!(kind, "in_use", "the second copy cannot touch the files");
    assert_the_note_is_found(&first);
    drop(first);
    let third = open(tmp.path());
    assert!(
        third.call("get_home", json!({})).is_ok(),
        "free once the first closed"
    );
}

fn failures(dir: &std::path::Path) -> u32 {
    nestling_store::tries::Tries::in_dir(dir).read().failures
}

#[test]
fn every_command_that_takes_a_secret_counts_a_wrong_one_and_a_restart_keeps_the_count() {
    // Regression: the wait lived in memory, only unlock used it, and a restart reset it.
    let tmp = folder();
    {
        let app = open(tmp.path());
        log(&app);
        app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
            .expect("set");
        let backup = app.call("backup_now", json!({})).expect("backed up");
        let wrong = "wrong horse";
        let calls = [
            (
                "change_passphrase",
                json!({ "current": wrong, "next": "another horse" }),
            ),
            ("remove_passphrase", json!({ "current": wrong })),
            ("new_recovery_code", json!({ "current": wrong })),
            (
                "restore_backup",
                json!({ "name": backup["name"], "secret": wrong }),
            ),
        ];
        for (n, (command, args)) in calls.into_iter().enumerate() {
            let (kind, _) = error_kind(app.call(command, args));
            assert_eq!(kind, "wrong_passphrase", "{command}");
            assert_eq!(
                failures(tmp.path()),
                n as u32 + 1,
                "{command} counts the try"
            );
        }
        // The failed restore left the journal locked; the wrong unlock counts too.
        let (kind, _) = error_kind(app.call("unlock", json!({ "secret": wrong })));
        assert_eq!(kind, "wrong_passphrase");
        assert_eq!(failures(tmp.path()), 5);
    }
    let app = open(tmp.path());
    assert_eq!(failures(tmp.path()), 5, "a restart keeps the count");
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("the right passphrase still opens it, after its wait");
    assert_eq!(
        failures(tmp.path()),
        0,
        "the right secret starts the count again"
    );
    let (kind, _) = error_kind(app.call(
        "restore_backup",
        json!({ "name": "none.sqlite3", "secret": "x" }),
    ));
    assert_eq!(kind, "backup_not_found");
    assert_eq!(
        failures(tmp.path()),
        0,
        "a try whose secret was never checked is not counted"
    );
}

#[test]
fn rust_locks_an_idle_encrypted_journal_by_itself_and_a_heartbeat_keeps_it_open() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app);
    let later =
        |minutes: u64| std::time::Instant::now() + std::time::Duration::from_secs(minutes * 60);
    let state = app.state();
    assert!(
        !state.lock_if_idle(later(6)).expect("checked"),
        "a plain journal never locks"
    );
    app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
        .expect("set");
    assert!(
        !state.lock_if_idle(later(4)).expect("checked"),
        "five minutes by default"
    );
    app.call("still_here", json!({})).expect("heartbeat");
    assert!(
        state.lock_if_idle(later(6)).expect("checked"),
        "locked after five idle minutes"
    );
    assert_eq!(
        app.call("lock_state", json!({})).expect("state")["locked"],
        true
    );
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("unlocked");
    app.call(
        "set_setting",
        json!({ "key": "lockAfterMinutes", "value": "never" }),
    )
    .expect("never");
    assert!(
        !state.lock_if_idle(later(600)).expect("checked"),
        "never means never"
    );
}

#[test]
fn every_file_and_folder_in_the_data_folder_is_private_to_the_parents_account() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = folder();
    let dir = tmp.path().join("data");
    let app = open(&dir);
    log(&app);
    app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
        .expect("set");
    app.call("backup_now", json!({})).expect("backed up");
    let mut seen = 0;
    let mut stack = vec![dir.clone()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::symlink_metadata(&path).expect("meta");
        let mode = meta.permissions().mode() & 0o777;
        if meta.is_dir() {
            assert_eq!(mode, 0o700, "{}", path.display());
            stack.extend(
                std::fs::read_dir(&path)
                    .expect("list")
                    .map(|e| e.expect("entry").path()),
            );
        } else {
            assert_eq!(mode, 0o600, "{}", path.display());
            seen += 1;
        }
    }
    assert!(
        seen >= 5,
        "the journal, its log, the key file, its spare and a backup: {seen}"
    );
}

#[test]
fn a_plain_journal_set_aside_as_damaged_is_reported_once_encrypted_and_removed_on_request() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app);
    app.call("backup_now", json!({})).expect("backed up");
    let backup = std::fs::read_dir(tmp.path().join("backups"))
        .expect("backups")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .expect("a backup file");
    let kept = tmp.path().join("damaged/2026-01-01T00-00-00Z");
    std::fs::create_dir_all(&kept).expect("folder");
    std::fs::copy(&backup, kept.join("nestling.sqlite3")).expect("copied");
    let privacy = |app: &Harness| app.call("privacy", json!({})).expect("privacy");
    assert_eq!(privacy(&app)["plainSetAsides"], 1);
    app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
        .expect("set");
    assert_eq!(
        privacy(&app)["plainSetAsides"],
        1,
        "a damaged copy cannot be encrypted, and the parent is told"
    );
    assert_eq!(app.call("remove_plain_set_asides", json!({})), Ok(json!(1)));
    assert!(!kept.exists(), "the plain copy is gone");
    assert_eq!(privacy(&app)["plainSetAsides"], 0);
    assert_the_note_is_found(&app);
}

/// Marks the key file (and its spare) in `dir` as a crash after the journal swap of setting a
/// passphrase leaves it: written by an attempt whose recovery code was never shown.
fn mark_key_file_unfinished(dir: &std::path::Path) {
    for path in [dir.join("nestling.keys"), dir.join("backups/nestling.keys")] {
        let bytes = std::fs::read(&path).expect("key file");
        let mut json: Value = serde_json::from_slice(&bytes).expect("json");
        json["code_unseen"] = json!(true);
        std::fs::write(&path, serde_json::to_vec(&json).expect("bytes")).expect("written");
    }
}

#[test]
fn an_interrupted_passphrase_change_asks_for_a_new_recovery_code_once_unlocked() {
    let tmp = folder();
    {
        let app = open(tmp.path());
        log(&app);
        app.call("set_passphrase", json!({ "passphrase": "correct horse" }))
            .expect("set");
        let privacy = app.call("privacy", json!({})).expect("privacy");
        assert_eq!(privacy["recoveryCodeUnseen"], false, "a finished set");
    }
    mark_key_file_unfinished(tmp.path());
    let app = open(tmp.path());
    app.call("unlock", json!({ "secret": "correct horse" }))
        .expect("unlocked");
    let privacy = |app: &Harness| app.call("privacy", json!({})).expect("privacy");
    assert_eq!(privacy(&app)["recoveryCodeUnseen"], true);
    let code = code_of(
        app.call("new_recovery_code", json!({ "current": "correct horse" }))
            .expect("a new code"),
    );
    assert_eq!(privacy(&app)["recoveryCodeUnseen"], false);
    drop(app);
    let app = open(tmp.path());
    app.call("unlock", json!({ "secret": code }))
        .expect("the new code opens it");
    assert_the_note_is_found(&app);
}

/// Leaves in `dir` what a set-passphrase that crashed after sealing one backup leaves: the
/// journal still plain, a key file (and spare) whose passphrase nobody remembers, and one
/// backup locked under its key.
fn leave_an_interrupted_set_passphrase(dir: &std::path::Path) {
    let other = folder();
    let mut store = nestling_store::Store::open_in(other.path()).expect("opens");
    store
        .backup(nestling_store::Reason::Manual)
        .expect("backup");
    store
        .set_passphrase("a passphrase nobody remembers")
        .expect("set");
    let sealed = nestling_store::backups::list(other.path()).expect("listed");
    let sealed = sealed[0].path_in(other.path());
    let target = dir.join("backups/nestling-20260101T000000Z-passphrase.sqlite3");
    std::fs::copy(sealed, target).expect("sealed backup");
    for key in ["nestling.keys", "backups/nestling.keys"] {
        std::fs::copy(other.path().join(key), dir.join(key)).expect("key file");
    }
}

#[test]
fn an_interrupted_set_passphrase_whose_passphrase_is_forgotten_can_be_started_again() {
    let tmp = folder();
    {
        let app = open(tmp.path());
        log(&app);
        app.call("backup_now", json!({})).expect("backed up");
    }
    leave_an_interrupted_set_passphrase(tmp.path());
    let app = open(tmp.path());
    let set = |app: &Harness| app.call("set_passphrase", json!({ "passphrase": "a fresh start" }));
    let (kind, message) = error_kind(set(&app));
    assert_eq!(kind, "unfinished_passphrase");
    assert!(message.contains("start again"), "{message}");
    assert_eq!(
        app.call("abandon_unfinished_passphrase", json!({})),
        Ok(json!(1)),
        "the one backup locked with the forgotten passphrase"
    );
    assert!(!tmp.path().join("nestling.keys").exists());
    code_of(set(&app).expect("a new passphrase is set"));
    drop(app);
    let app = open(tmp.path());
    app.call("unlock", json!({ "secret": "a fresh start" }))
        .expect("unlocked");
    assert_the_note_is_found(&app);
    let (kind, _) = error_kind(app.call("abandon_unfinished_passphrase", json!({})));
    assert_eq!(
        kind, "already_encrypted",
        "nothing to give up once encrypted"
    );
}
