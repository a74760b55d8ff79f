//! Changing the passphrase or the recovery code changes the data key: a copy of the key file
//! kept from before, opened with the secrets of before, opens neither the journal nor any
//! backup afterwards, while the new secrets open everything.

mod common;

use std::path::{Path, PathBuf};

use common::{add_note, files_under, journal_with, notes};
use nestling_store::recovery::unreadable_backups;
use nestling_store::{backups, Error, Reason, Store, KEY_FILE_NAME};

const NOTE: &str = "zebra-lullaby-under-the-moon-4711";
const OLD: &str = "quiet morning light";
const NEW: &str = "a brand new phrase";

/// The key file and its spare, by path and bytes.
fn key_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    [
        dir.join(KEY_FILE_NAME),
        dir.join("backups").join(KEY_FILE_NAME),
    ]
    .into_iter()
    .map(|p| (p.clone(), std::fs::read(&p).expect("key file")))
    .collect()
}

/// A copy of the data folder `dir` with the key files put back as `keys` (taken from `dir`
/// earlier), as someone who kept an old copy of them would have it.
fn with_old_key_files(dir: &Path, keys: &[(PathBuf, Vec<u8>)]) -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("folder");
    for file in files_under(dir) {
        let target = copy.path().join(file.strip_prefix(dir).expect("inside"));
        std::fs::create_dir_all(target.parent().expect("parent")).expect("folder");
        std::fs::copy(&file, &target).expect("copied");
    }
    for (path, bytes) in keys {
        let target = copy.path().join(path.strip_prefix(dir).expect("inside"));
        std::fs::write(target, bytes).expect("old key file back");
    }
    copy
}

/// Nothing in `dir` opens with `secret`: not the journal, not one backup.
fn opens_nothing(dir: &Path, secret: &str) {
    let opened = Store::unlock_in(dir, secret);
    assert!(opened.is_err(), "the journal opened");
    let all = backups::list(dir).expect("listed");
    assert!(all.len() >= 3, "{all:?}");
    let unreadable = unreadable_backups(dir, Some(secret)).expect("checked");
    assert_eq!(unreadable, all);
}

/// An encrypted journal with a backup from before the change; returns the recovery code.
fn encrypted_with_a_backup() -> (tempfile::TempDir, Store, String) {
    let (tmp, mut store) = journal_with(NOTE);
    let code = store.set_passphrase(OLD).expect("encrypted");
    add_note(store.conn(), "a second note");
    store.backup(Reason::Manual).expect("a backup before");
    (tmp, store, code.as_str().to_owned())
}

#[test]
fn an_old_key_file_and_the_old_passphrase_open_nothing_after_a_change() {
    let (tmp, mut store, old_code) = encrypted_with_a_backup();
    let old_keys = key_files(tmp.path());
    store.change_passphrase(OLD, NEW).expect("changed");
    add_note(store.conn(), "written after the change");
    store.backup(Reason::Manual).expect("a backup after");
    let expected = notes(store.conn());
    drop(store);
    let old = with_old_key_files(tmp.path(), &old_keys);
    opens_nothing(old.path(), OLD);
    opens_nothing(old.path(), &old_code);
    let current = with_old_key_files(tmp.path(), &[]);
    let store = Store::unlock_in(current.path(), NEW).expect("the copy opens with the new one");
    assert_eq!(notes(store.conn()), expected);
    assert!(unreadable_backups(current.path(), Some(NEW))
        .expect("checked")
        .is_empty());
}

#[test]
fn an_old_key_file_and_the_unchanged_passphrase_open_nothing_after_a_new_recovery_code() {
    let (tmp, mut store, old_code) = encrypted_with_a_backup();
    let old_keys = key_files(tmp.path());
    let new_code = store.new_recovery_code(OLD).expect("new code");
    store.backup(Reason::Manual).expect("a backup after");
    drop(store);
    let old = with_old_key_files(tmp.path(), &old_keys);
    opens_nothing(old.path(), OLD);
    opens_nothing(old.path(), &old_code);
    for secret in [OLD, new_code.as_str()] {
        let store = Store::unlock_in(tmp.path(), secret).expect("the current secrets open it");
        assert_eq!(notes(store.conn()).len(), 2);
    }
    assert!(unreadable_backups(tmp.path(), Some(new_code.as_str()))
        .expect("checked")
        .is_empty());
}

#[test]
fn after_a_change_the_new_recovery_code_opens_the_journal_and_every_backup() {
    let (tmp, mut store, _old_code) = encrypted_with_a_backup();
    let code = store.change_passphrase(OLD, NEW).expect("changed");
    drop(store);
    let store = Store::unlock_in(tmp.path(), code.as_str()).expect("the new code");
    assert_eq!(notes(store.conn()).len(), 2);
    drop(store);
    assert!(unreadable_backups(tmp.path(), Some(code.as_str()))
        .expect("checked")
        .is_empty());
    let newest = backups::list(tmp.path()).expect("listed").remove(0);
    let restored = Store::restore_in(tmp.path(), &newest.name, Some(code.as_str()));
    assert_eq!(notes(restored.expect("restored").conn()).len(), 2);
}

#[test]
fn a_change_can_be_made_with_the_recovery_code_when_the_passphrase_is_forgotten() {
    let (tmp, mut store, old_code) = encrypted_with_a_backup();
    let new_code = store.change_passphrase(&old_code, NEW).expect("changed");
    drop(store);
    for old in [OLD, old_code.as_str()] {
        let err = Store::unlock_in(tmp.path(), old).expect_err("the old secrets are gone");
        assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    }
    drop(Store::unlock_in(tmp.path(), new_code.as_str()).expect("the new code"));
    drop(Store::unlock_in(tmp.path(), NEW).expect("the new passphrase"));
}

#[test]
fn a_failed_change_leaves_the_key_file_and_every_file_as_they_were() {
    let (tmp, mut store, _code) = encrypted_with_a_backup();
    let keys_before = key_files(tmp.path());
    let err = store.change_passphrase(OLD, "short").expect_err("weak");
    assert!(matches!(err, Error::WeakPassphrase { .. }), "{err:?}");
    let err = store.change_passphrase("not it", NEW).expect_err("wrong");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    assert_eq!(key_files(tmp.path()), keys_before);
    drop(store);
    drop(Store::unlock_in(tmp.path(), OLD).expect("still the old passphrase"));
}
