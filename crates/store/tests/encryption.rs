//! Proof that a passphrase really encrypts the journal, its write-ahead log and its backups, and
//! that unlocking, changing and removing the passphrase behave.

mod common;

use common::{add_note, files_containing, fingerprint, journal_with, notes};
use nestling_store::{backups, status, Error, JournalStatus, Reason, Store, DATABASE_FILE_NAME};

const SECRET_NOTE: &str = "zebra-lullaby-under-the-moon-4711";
const PASSPHRASE: &str = "quiet morning light";

#[test]
fn no_plaintext_remains_in_the_journal_its_log_or_any_backup_after_setting_a_passphrase() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    store.backup(Reason::Manual).expect("a plain backup first");
    assert!(
        !files_containing(tmp.path(), SECRET_NOTE).is_empty(),
        "the check can see plaintext when it is there"
    );
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    assert!(store.is_encrypted());
    drop(store);
    assert_eq!(
        files_containing(tmp.path(), SECRET_NOTE),
        Vec::<std::path::PathBuf>::new()
    );
    assert!(backups::list(tmp.path())
        .expect("listed")
        .iter()
        .all(|b| b.encrypted));
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Locked);
}

#[test]
fn a_note_added_while_encrypted_never_reaches_the_disk_in_the_clear() {
    let (tmp, mut store) = journal_with("first note");
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    add_note(store.conn(), SECRET_NOTE);
    let wal = tmp.path().join(format!("{DATABASE_FILE_NAME}-wal"));
    assert!(wal.exists(), "the new note sits in the write-ahead log");
    assert_eq!(
        files_containing(tmp.path(), SECRET_NOTE),
        Vec::<std::path::PathBuf>::new()
    );
    store.backup(Reason::Manual).expect("backup");
    drop(store);
    assert_eq!(
        files_containing(tmp.path(), SECRET_NOTE),
        Vec::<std::path::PathBuf>::new()
    );
    let store = Store::unlock_in(tmp.path(), PASSPHRASE).expect("unlocks");
    assert!(notes(store.conn()).iter().any(|(_, n)| n == SECRET_NOTE));
}

#[test]
fn a_wrong_passphrase_fails_calmly_and_leaves_every_byte_as_it_was() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    drop(store);
    let db = tmp.path().join(DATABASE_FILE_NAME);
    let keys = tmp.path().join(nestling_store::KEY_FILE_NAME);
    let (db_before, keys_before) = (fingerprint(&db), fingerprint(&keys));
    let files_before = common::files_under(tmp.path()).len();
    let err = Store::unlock_in(tmp.path(), "quiet morning lighT").expect_err("wrong");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    assert_eq!(err.kind(), "wrong_passphrase");
    assert_eq!(
        err.to_string(),
        "That passphrase or recovery code does not match. Nothing has been changed; please try again, taking care with capital letters."
    );
    assert_eq!(fingerprint(&db), db_before);
    assert_eq!(fingerprint(&keys), keys_before);
    assert_eq!(common::files_under(tmp.path()).len(), files_before);
}

#[test]
fn a_locked_journal_is_not_opened_without_its_passphrase() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    drop(store);
    let err = Store::open_in(tmp.path()).expect_err("locked");
    assert!(matches!(err, Error::Locked), "{err:?}");
    assert_eq!(err.kind(), "locked");
}

#[test]
fn encrypting_a_journal_of_a_thousand_moments_keeps_every_row() {
    let tmp = tempfile::tempdir().expect("folder");
    let mut store = Store::open_in(tmp.path()).expect("opens");
    {
        let tx = store.conn_mut().transaction().expect("tx");
        for i in 0..1000 {
            add_note(
                &tx,
                &format!(
                    "moment {i}: fed, then a long cuddle ✨ {}",
                    "z".repeat(i % 300)
                ),
            );
        }
        tx.commit().expect("commit");
    }
    let before = notes(store.conn());
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    drop(store);
    let store = Store::unlock_in(tmp.path(), PASSPHRASE).expect("unlocks");
    assert_eq!(notes(store.conn()).len(), 1000);
    assert_eq!(notes(store.conn()), before);
    let hits: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM moment_fts WHERE moment_fts MATCH 'cuddle'",
            [],
            |r| r.get(0),
        )
        .expect("full-text search works on the encrypted copy");
    assert_eq!(hits, 1000);
}

#[test]
fn the_recovery_code_unlocks_however_it_is_typed() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    let code = store.set_passphrase(PASSPHRASE).expect("encrypted");
    drop(store);
    let typed = code.as_str().to_lowercase().replace('-', " ");
    let store = Store::unlock_in(tmp.path(), &typed).expect("the code unlocks");
    assert_eq!(notes(store.conn())[0].1, SECRET_NOTE);
}

#[test]
fn after_a_change_the_old_passphrase_and_the_old_code_fail_and_the_new_ones_work() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    let old_code = store.set_passphrase(PASSPHRASE).expect("encrypted");
    let new_code = store
        .change_passphrase(PASSPHRASE, "a brand new phrase")
        .expect("changed");
    assert_ne!(old_code.as_str(), new_code.as_str());
    drop(store);
    for old in [PASSPHRASE, old_code.as_str()] {
        assert!(matches!(
            Store::unlock_in(tmp.path(), old),
            Err(Error::WrongPassphrase)
        ));
    }
    drop(Store::unlock_in(tmp.path(), "a brand new phrase").expect("new works"));
    let store = Store::unlock_in(tmp.path(), new_code.as_str()).expect("the new code works");
    assert_eq!(notes(store.conn())[0].1, SECRET_NOTE);
}

#[test]
fn a_change_with_the_wrong_current_passphrase_changes_nothing() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    let err = store
        .change_passphrase("not the passphrase", "another phrase")
        .expect_err("refused");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    drop(store);
    drop(Store::unlock_in(tmp.path(), PASSPHRASE).expect("the old one still works"));
}

#[test]
fn a_new_recovery_code_replaces_the_old_one() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    let old = store.set_passphrase(PASSPHRASE).expect("encrypted");
    let new = store.new_recovery_code(PASSPHRASE).expect("new code");
    assert_ne!(old.as_str(), new.as_str());
    drop(store);
    assert!(matches!(
        Store::unlock_in(tmp.path(), old.as_str()),
        Err(Error::WrongPassphrase)
    ));
    drop(Store::unlock_in(tmp.path(), new.as_str()).expect("new code works"));
    drop(Store::unlock_in(tmp.path(), PASSPHRASE).expect("the passphrase still works"));
}

#[test]
fn a_new_recovery_code_asks_for_the_passphrase_not_the_code_and_changes_nothing() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    let code = store.set_passphrase(PASSPHRASE).expect("encrypted");
    let key_before = fingerprint(&key_file(tmp.path()));
    let err = store
        .new_recovery_code(code.as_str())
        .expect_err("the code cannot seal a new key under the passphrase");
    assert!(matches!(err, Error::PassphraseNeeded), "{err:?}");
    assert_eq!(err.kind(), "passphrase_needed");
    assert!(err.to_string().contains("type your passphrase"), "{err}");
    assert_eq!(fingerprint(&key_file(tmp.path())), key_before);
    drop(store);
    drop(Store::unlock_in(tmp.path(), code.as_str()).expect("the code still works"));
}

#[test]
fn a_short_passphrase_is_refused_and_the_journal_stays_plain() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    let err = store.set_passphrase("short").expect_err("too short");
    assert_eq!(
        err.to_string(),
        "Please choose a passphrase of at least 8 characters; this one has 5."
    );
    assert!(!store.is_encrypted());
    drop(store);
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Plain);
}

#[test]
fn setting_a_second_passphrase_is_refused() {
    let (_tmp, mut store) = journal_with(SECRET_NOTE);
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    let err = store.set_passphrase("another phrase").expect_err("refused");
    assert!(matches!(err, Error::AlreadyEncrypted), "{err:?}");
}

#[test]
fn removing_the_passphrase_decrypts_the_journal_and_every_backup() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    let code = store.set_passphrase(PASSPHRASE).expect("encrypted");
    store.backup(Reason::Manual).expect("an encrypted backup");
    store.remove_passphrase(code.as_str()).expect("decrypted");
    assert!(!store.is_encrypted());
    add_note(store.conn(), "after");
    drop(store);
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Plain);
    assert!(!tmp.path().join(nestling_store::KEY_FILE_NAME).exists());
    let all = backups::list(tmp.path()).expect("listed");
    assert!(all.len() >= 3, "{all:?}");
    assert!(all.iter().all(|b| !b.encrypted), "{all:?}");
    let store = Store::open_in(tmp.path()).expect("opens plain");
    assert_eq!(notes(store.conn()).len(), 2);
}

#[test]
fn a_plain_journal_cannot_be_unlocked() {
    let (tmp, store) = journal_with(SECRET_NOTE);
    drop(store);
    let err = Store::unlock_in(tmp.path(), PASSPHRASE).expect_err("nothing to unlock");
    assert!(matches!(err, Error::NotEncrypted), "{err:?}");
}

#[test]
fn status_tells_new_plain_and_locked_apart() {
    let tmp = tempfile::tempdir().expect("folder");
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::New);
    assert!(
        common::files_under(tmp.path()).is_empty(),
        "status wrote nothing"
    );
    let mut store = Store::open_in(tmp.path()).expect("opens");
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Plain);
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Locked);
}

#[test]
fn a_failure_while_encrypting_leaves_the_plain_journal_as_it_was() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    let before = notes(store.conn());
    // The key file cannot be written: its temporary name is taken by a folder.
    std::fs::create_dir(tmp.path().join("nestling.keys.tmp")).expect("blocker");
    let err = store
        .set_passphrase(PASSPHRASE)
        .expect_err("cannot write the key file");
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(!store.is_encrypted());
    add_note(store.conn(), "still writable");
    drop(store);
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Plain);
    assert!(!tmp.path().join("nestling.sqlite3.converting").exists());
    let store = Store::open_in(tmp.path()).expect("opens plain");
    let after = notes(store.conn());
    assert_eq!(after[..1], before[..]);
    assert_eq!(after.len(), 2);
}

#[test]
fn removing_the_passphrase_with_a_wrong_secret_changes_nothing() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    let err = store.remove_passphrase("not it at all").expect_err("wrong");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    assert!(store.is_encrypted());
    drop(store);
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Locked);
    assert_eq!(
        files_containing(tmp.path(), SECRET_NOTE),
        Vec::<std::path::PathBuf>::new()
    );
}

fn key_file(dir: &std::path::Path) -> std::path::PathBuf {
    dir.join(nestling_store::KEY_FILE_NAME)
}

fn spare_key_file(dir: &std::path::Path) -> std::path::PathBuf {
    dir.join("backups").join(nestling_store::KEY_FILE_NAME)
}

#[test]
fn a_lost_key_file_is_replaced_by_its_spare_copy_in_the_backups_folder() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    let code = store.set_passphrase(PASSPHRASE).expect("encrypted");
    drop(store);
    assert_eq!(
        std::fs::read(key_file(tmp.path())).expect("key file"),
        std::fs::read(spare_key_file(tmp.path())).expect("spare copy"),
        "the spare is the same sealed file"
    );
    std::fs::remove_file(key_file(tmp.path())).expect("lost");
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Locked);
    assert!(matches!(
        Store::unlock_in(tmp.path(), "not the passphrase"),
        Err(Error::WrongPassphrase)
    ));
    let store = Store::unlock_in(tmp.path(), PASSPHRASE).expect("the spare unlocks");
    assert_eq!(notes(store.conn())[0].1, SECRET_NOTE);
    drop(store);
    drop(Store::unlock_in(tmp.path(), code.as_str()).expect("so does the code"));
    assert!(
        !key_file(tmp.path()).exists(),
        "unlocking reads the spare and writes nothing"
    );
    let listed = backups::list(tmp.path()).expect("listed");
    assert!(
        listed.iter().all(|b| b.name.ends_with(".sqlite3")),
        "the spare is not offered as a backup: {listed:?}"
    );
}

#[test]
fn a_damaged_key_file_falls_back_to_the_spare_and_a_damaged_spare_is_reported() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    drop(store);
    std::fs::write(key_file(tmp.path()), b"{\"format\": 1, \"trunc").expect("damaged");
    drop(Store::unlock_in(tmp.path(), PASSPHRASE).expect("the spare unlocks"));
    std::fs::write(spare_key_file(tmp.path()), b"\0\0\0").expect("damaged too");
    let err = Store::unlock_in(tmp.path(), PASSPHRASE).expect_err("nothing left to read");
    assert!(matches!(err, Error::KeyFile { .. }), "{err:?}");
}

#[test]
fn changing_the_passphrase_updates_the_spare_and_removing_it_deletes_the_spare() {
    let (tmp, mut store) = journal_with(SECRET_NOTE);
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    let code = store
        .change_passphrase(PASSPHRASE, "a brand new phrase")
        .expect("changed");
    drop(store);
    std::fs::remove_file(key_file(tmp.path())).expect("lost");
    assert!(matches!(
        Store::unlock_in(tmp.path(), PASSPHRASE),
        Err(Error::WrongPassphrase)
    ));
    let mut store = Store::unlock_in(tmp.path(), "a brand new phrase").expect("the new one");
    store.remove_passphrase(code.as_str()).expect("decrypted");
    assert!(!key_file(tmp.path()).exists());
    assert!(!spare_key_file(tmp.path()).exists());
}
