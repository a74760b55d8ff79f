//! Damage is found at open and never written over; a damaged journal can be set aside and the
//! newest good backup restored; erasing removes only Nestling's own files.

mod common;

use std::path::Path;

use common::{add_note, fingerprint, notes};
use nestling_store::{
    backups, erase_everything, recovery, status, Error, JournalStatus, Reason, Store,
    DATABASE_FILE_NAME,
};

const PAGE: usize = 4096;

/// A closed plain journal with `n` moments and one manual backup of it.
fn journal_with_moments(n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("folder");
    let mut store = Store::open_in(tmp.path()).expect("opens");
    let tx = store.conn_mut().transaction().expect("tx");
    for i in 0..n {
        add_note(&tx, &format!("moment {i} {}", "y".repeat(300)));
    }
    tx.commit().expect("commit");
    store.backup(Reason::Manual).expect("backup");
    tmp
}

fn db(dir: &Path) -> std::path::PathBuf {
    dir.join(DATABASE_FILE_NAME)
}

fn truncate_to_half(path: &Path) {
    let bytes = std::fs::read(path).expect("read");
    let half = (bytes.len() / PAGE / 2) * PAGE;
    std::fs::write(path, &bytes[..half]).expect("truncate");
}

fn scribble_over_middle_pages(path: &Path) {
    let mut bytes = std::fs::read(path).expect("read");
    let start = (bytes.len() / PAGE / 2) * PAGE;
    for (i, b) in bytes[start..start + 3 * PAGE].iter_mut().enumerate() {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(path, bytes).expect("scribble");
}

fn assert_damaged_and_untouched(dir: &Path) {
    let before = fingerprint(&db(dir));
    let err = Store::open_in(dir).expect_err("damaged");
    assert!(matches!(err, Error::Damaged { .. }), "{err:?}");
    assert_eq!(err.kind(), "damaged");
    assert!(err.to_string().contains("is damaged"), "{err}");
    assert_eq!(
        fingerprint(&db(dir)),
        before,
        "the damaged file was written"
    );
}

#[test]
fn a_truncated_journal_is_reported_damaged_and_never_written() {
    let tmp = journal_with_moments(500);
    truncate_to_half(&db(tmp.path()));
    assert_damaged_and_untouched(tmp.path());
}

#[test]
fn a_journal_with_garbage_in_its_middle_pages_is_reported_damaged_and_never_written() {
    let tmp = journal_with_moments(500);
    scribble_over_middle_pages(&db(tmp.path()));
    assert_damaged_and_untouched(tmp.path());
}

#[test]
fn a_damaged_encrypted_journal_is_reported_damaged_and_never_written() {
    let tmp = journal_with_moments(500);
    let mut store = Store::open_in(tmp.path()).expect("opens");
    store
        .set_passphrase("quiet morning light")
        .expect("encrypted");
    drop(store);
    scribble_over_middle_pages(&db(tmp.path()));
    let before = fingerprint(&db(tmp.path()));
    let err = Store::unlock_in(tmp.path(), "quiet morning light").expect_err("damaged");
    assert!(matches!(err, Error::Damaged { .. }), "{err:?}");
    assert_eq!(fingerprint(&db(tmp.path())), before);
}

#[test]
fn setting_aside_moves_the_journal_and_its_side_files_and_deletes_nothing() {
    let tmp = journal_with_moments(50);
    truncate_to_half(&db(tmp.path()));
    let original = fingerprint(&db(tmp.path()));
    std::fs::write(tmp.path().join(format!("{DATABASE_FILE_NAME}-wal")), b"wal").expect("wal");
    let folder = recovery::set_aside(tmp.path()).expect("set aside");
    assert!(folder.starts_with(tmp.path().join(recovery::DAMAGED_DIR)));
    assert_eq!(fingerprint(&folder.join(DATABASE_FILE_NAME)), original);
    assert!(folder.join(format!("{DATABASE_FILE_NAME}-wal")).exists());
    assert!(!db(tmp.path()).exists());
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::New);
    let second = recovery::set_aside(tmp.path()).expect("nothing left to move is fine");
    assert_ne!(second, folder);
}

#[test]
fn the_newest_good_backup_skips_damaged_ones() {
    let tmp = journal_with_moments(200);
    let store = Store::open_in(tmp.path()).expect("opens");
    let newest = store.backup(Reason::Manual).expect("second backup");
    drop(store);
    scribble_over_middle_pages(&newest.path_in(tmp.path()));
    let good = recovery::newest_good_backup(tmp.path(), None)
        .expect("checked")
        .expect("one is good");
    assert_ne!(good.name, newest.name);
    assert_eq!(good.reason, Reason::Manual);
}

#[test]
fn with_every_backup_damaged_there_is_no_good_one() {
    let tmp = journal_with_moments(200);
    for backup in backups::list(tmp.path()).expect("listed") {
        truncate_to_half(&backup.path_in(tmp.path()));
    }
    assert_eq!(
        recovery::newest_good_backup(tmp.path(), None).expect("checked"),
        None
    );
}

#[test]
fn encrypted_backups_are_checked_only_with_the_passphrase() {
    let tmp = journal_with_moments(20);
    let mut store = Store::open_in(tmp.path()).expect("opens");
    store
        .set_passphrase("quiet morning light")
        .expect("encrypted");
    drop(store);
    let err = recovery::newest_good_backup(tmp.path(), None).expect_err("needs the secret");
    assert!(matches!(err, Error::Locked), "{err:?}");
    let err = recovery::newest_good_backup(tmp.path(), Some("wrong phrase")).expect_err("wrong");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    let good = recovery::newest_good_backup(tmp.path(), Some("quiet morning light"))
        .expect("checked")
        .expect("good");
    assert!(good.encrypted);
}

#[test]
fn a_damaged_journal_is_recovered_from_the_newest_good_backup() {
    let tmp = journal_with_moments(100);
    scribble_over_middle_pages(&db(tmp.path()));
    assert!(matches!(
        Store::open_in(tmp.path()),
        Err(Error::Damaged { .. })
    ));
    let aside = recovery::set_aside(tmp.path()).expect("set aside");
    let good = recovery::newest_good_backup(tmp.path(), None)
        .expect("checked")
        .expect("found");
    let store = Store::restore_in(tmp.path(), &good.name, None).expect("restored");
    assert_eq!(notes(store.conn()).len(), 100);
    assert!(
        aside.join(DATABASE_FILE_NAME).exists(),
        "the damaged copy is kept"
    );
}

#[test]
fn erasing_removes_every_nestling_file_and_leaves_others_alone() {
    let tmp = journal_with_moments(10);
    let mut store = Store::open_in(tmp.path()).expect("opens");
    store
        .set_passphrase("quiet morning light")
        .expect("encrypted");
    drop(store);
    let dir = tmp.path();
    std::fs::write(dir.join("my notes.txt"), b"mine").expect("write");
    std::fs::write(dir.join("backups").join("photo.jpg"), b"mine").expect("write");
    std::fs::write(dir.join("nestling.sqlite3-shm"), b"x").expect("write");
    let aside = recovery::set_aside(dir).expect("set aside");
    erase_everything(dir).expect("erased");
    let left: Vec<_> = common::files_under(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).expect("inside").to_path_buf())
        .collect();
    let mut left: Vec<String> = left.iter().map(|p| p.display().to_string()).collect();
    left.sort();
    assert_eq!(left, ["backups/photo.jpg", "my notes.txt"]);
    assert!(!aside.exists(), "the emptied set-aside folder is removed");
    assert!(!dir.join(recovery::DAMAGED_DIR).exists());
    assert_eq!(status(dir).expect("status"), JournalStatus::New);
}
