//! Backups: naming, listing, the automatic ones, pruning, and restoring.

mod common;

use std::path::Path;

use common::{add_note, journal_with, notes};
use nestling_store::rusqlite::Connection;
use nestling_store::{backups, settings, Error, Reason, Store, DATABASE_FILE_NAME};

fn reasons(dir: &Path) -> Vec<Reason> {
    backups::list(dir)
        .expect("listed")
        .into_iter()
        .map(|b| b.reason)
        .collect()
}

#[test]
fn a_backup_is_named_by_time_and_reason_and_listed_newest_first() {
    let (tmp, store) = journal_with("first");
    let first = store.backup(Reason::Manual).expect("backup");
    let second = store.backup(Reason::Manual).expect("backup");
    assert!(
        first.name.starts_with("nestling-") && first.name.contains("-manual"),
        "{}",
        first.name
    );
    assert!(first.name.ends_with(".sqlite3"));
    assert!(first.bytes > 0 && !first.encrypted);
    let listed = backups::list(tmp.path()).expect("listed");
    assert_eq!(listed[0].name, second.name);
    assert!(listed.iter().any(|b| b.name == first.name));
    assert!((chrono::Utc::now() - second.created_at).num_seconds() < 60);
}

#[test]
fn a_backup_holds_the_journal_as_it_was() {
    let (tmp, store) = journal_with("kept in the backup");
    let info = store.backup(Reason::Manual).expect("backup");
    add_note(store.conn(), "only in the journal");
    let copy = Connection::open(info.path_in(tmp.path())).expect("opens");
    assert_eq!(notes(&copy).len(), 1);
    assert_eq!(notes(&copy)[0].1, "kept in the backup");
    let mode: String = copy
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "delete", "a backup needs no log beside it");
}

#[test]
fn a_new_empty_journal_gets_no_daily_backup_and_one_with_data_gets_one_a_day() {
    let tmp = tempfile::tempdir().expect("folder");
    let store = Store::open_in(tmp.path()).expect("opens");
    assert!(reasons(tmp.path()).is_empty());
    add_note(store.conn(), "something worth keeping");
    drop(store);
    drop(Store::open_in(tmp.path()).expect("reopens"));
    assert_eq!(reasons(tmp.path()), [Reason::Daily]);
    drop(Store::open_in(tmp.path()).expect("reopens again the same day"));
    assert_eq!(reasons(tmp.path()), [Reason::Daily]);
}

#[test]
fn a_day_old_backup_makes_the_next_open_back_up_again() {
    let (tmp, store) = journal_with("note");
    drop(store);
    let folder = tmp.path().join(backups::BACKUPS_DIR);
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::copy(
        tmp.path().join(DATABASE_FILE_NAME),
        folder.join("nestling-20200101T000000Z-daily.sqlite3"),
    )
    .expect("an old backup");
    drop(Store::open_in(tmp.path()).expect("reopens"));
    assert_eq!(reasons(tmp.path()), [Reason::Daily, Reason::Daily]);
}

#[test]
fn a_journal_left_open_backs_up_again_once_its_newest_backup_is_a_day_old() {
    let (tmp, store) = journal_with("note");
    let first = store
        .daily_backup_if_due()
        .expect("checked")
        .expect("the first note is kept");
    assert_eq!(
        store.daily_backup_if_due().expect("checked"),
        None,
        "not twice a day"
    );
    let folder = tmp.path().join(backups::BACKUPS_DIR);
    std::fs::rename(
        first.path_in(tmp.path()),
        folder.join("nestling-20200101T000000Z-daily.sqlite3"),
    )
    .expect("made a day old");
    add_note(store.conn(), "written while the app stayed open");
    let made = store.daily_backup_if_due().expect("checked").expect("due");
    assert_eq!(made.reason, Reason::Daily);
    let copy = Connection::open(made.path_in(tmp.path())).expect("opens");
    assert_eq!(
        notes(&copy).len(),
        2,
        "the backup holds what was written since"
    );
    assert_eq!(
        store.daily_backup_if_due().expect("checked"),
        None,
        "once a day"
    );
    assert_eq!(reasons(tmp.path()), [Reason::Daily, Reason::Daily]);
}

#[test]
fn an_older_journal_is_backed_up_before_it_is_migrated() {
    let tmp = tempfile::tempdir().expect("folder");
    {
        let conn = Connection::open(tmp.path().join(DATABASE_FILE_NAME)).expect("create");
        conn.execute_batch(
            "PRAGMA application_id = 1313166164;
             CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
             INSERT INTO setting VALUES ('theme', 'night');
             PRAGMA user_version = 1;",
        )
        .expect("a version 1 journal");
    }
    let store = Store::open_in(tmp.path()).expect("migrates");
    assert_eq!(
        store.schema_version().expect("v"),
        nestling_store::latest_version()
    );
    let all = backups::list(tmp.path()).expect("listed");
    let migration = all
        .iter()
        .find(|b| b.reason == Reason::Migration)
        .expect("a migration backup");
    let copy = Connection::open(migration.path_in(tmp.path())).expect("opens");
    let version: u32 = copy
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, 1, "the backup holds the file before the upgrade");
}

#[test]
fn only_the_chosen_number_of_backups_is_kept_newest_first() {
    let (tmp, store) = journal_with("note");
    settings::set(store.conn(), "backupsToKeep", "3").expect("saved");
    let made: Vec<String> = (0..5)
        .map(|_| store.backup(Reason::Manual).expect("backup").name)
        .collect();
    let kept: Vec<String> = backups::list(tmp.path())
        .expect("listed")
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(kept, [made[4].clone(), made[3].clone(), made[2].clone()]);
}

#[test]
fn backups_of_an_encrypted_journal_are_encrypted_and_follow_a_change_of_passphrase() {
    let (tmp, mut store) = journal_with("secret note 8841");
    store
        .set_passphrase("quiet morning light")
        .expect("encrypted");
    let info = store.backup(Reason::Manual).expect("backup");
    assert!(info.encrypted);
    let code = store
        .change_passphrase("quiet morning light", "another long phrase")
        .expect("changed");
    drop(store);
    let restored =
        Store::restore_in(tmp.path(), &info.name, Some(code.as_str())).expect("still readable");
    assert_eq!(notes(restored.conn())[0].1, "secret note 8841");
    assert!(restored.is_encrypted());
}

#[test]
fn restoring_brings_back_the_backup_and_keeps_the_journal_it_replaced() {
    let (tmp, store) = journal_with("before");
    let info = store.backup(Reason::Manual).expect("backup");
    add_note(store.conn(), "after");
    drop(store);
    let restored = Store::restore_in(tmp.path(), &info.name, None).expect("restored");
    assert_eq!(notes(restored.conn()).len(), 1);
    let all = backups::list(tmp.path()).expect("listed");
    let kept = all
        .iter()
        .find(|b| b.reason == Reason::Restore)
        .expect("the replaced journal was backed up");
    let copy = Connection::open(kept.path_in(tmp.path())).expect("opens");
    assert_eq!(notes(&copy).len(), 2);
}

#[test]
fn a_damaged_backup_is_refused_and_nothing_changes() {
    let (tmp, store) = journal_with("before");
    let info = store.backup(Reason::Manual).expect("backup");
    add_note(store.conn(), "after");
    drop(store);
    let path = info.path_in(tmp.path());
    let bytes = std::fs::read(&path).expect("read");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("truncate");
    let journal_before = std::fs::read(tmp.path().join(DATABASE_FILE_NAME)).expect("read");
    let count_before = backups::list(tmp.path()).expect("listed").len();
    let err = Store::restore_in(tmp.path(), &info.name, None).expect_err("refused");
    assert!(matches!(err, Error::BackupDamaged { .. }), "{err:?}");
    assert_eq!(err.kind(), "backup_damaged");
    assert_eq!(
        std::fs::read(tmp.path().join(DATABASE_FILE_NAME)).expect("read"),
        journal_before
    );
    assert_eq!(
        backups::list(tmp.path()).expect("listed").len(),
        count_before
    );
}

#[test]
fn an_unknown_backup_name_or_a_path_is_not_found() {
    let (tmp, store) = journal_with("note");
    drop(store);
    for name in [
        "nestling-20200101T000000Z-manual.sqlite3",
        "../nestling.sqlite3",
    ] {
        let err = Store::restore_in(tmp.path(), name, None).expect_err("not found");
        assert!(matches!(err, Error::BackupNotFound { .. }), "{err:?}");
        assert_eq!(err.kind(), "backup_not_found");
    }
}

#[test]
fn an_encrypted_restore_needs_the_right_secret() {
    let (tmp, mut store) = journal_with("note");
    store
        .set_passphrase("quiet morning light")
        .expect("encrypted");
    let info = store.backup(Reason::Manual).expect("backup");
    drop(store);
    let err = Store::restore_in(tmp.path(), &info.name, None).expect_err("locked");
    assert!(matches!(err, Error::Locked), "{err:?}");
    let err = Store::restore_in(tmp.path(), &info.name, Some("nope nope nope")).expect_err("wrong");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    let store =
        Store::restore_in(tmp.path(), &info.name, Some("quiet morning light")).expect("restored");
    assert!(store.is_encrypted());
}
