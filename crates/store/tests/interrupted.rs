//! A crash at every step of setting, changing and removing the passphrase, of making a new
//! recovery code and of restoring a backup loses nothing: the journal opens with the old or the new secret and holds
//! every row, every backup opens with a secret the parent knows, and doing the same operation
//! again finishes it cleanly.
//!
//! Each crash is real: this test binary re-runs itself as a child that performs the operation
//! with `NESTLING_FAULT_AT` naming a step (see `nestling_store::fault`), and the child aborts
//! there. The parent then inspects the data folder the child left behind.
#![cfg(unix)]

mod common;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{add_note, files_containing, files_under, notes};
use nestling_store::fault::{self, ALL_STEPS, FAULT_ENV};
use nestling_store::recovery::unreadable_backups;
use nestling_store::{
    backups, status, Error, JournalStatus, Reason, Store, DATABASE_FILE_NAME, KEY_FILE_NAME,
};

const CHILD_DIR_ENV: &str = "NESTLING_INTERRUPTED_CHILD_DIR";
const CHILD_OP_ENV: &str = "NESTLING_INTERRUPTED_CHILD_OP";
const OLD: &str = "quiet morning light";
const NEW: &str = "a brand new phrase";
const NOTE: &str = "zebra-lullaby-under-the-moon-4711";

/// The operations that rewrite the journal, its backups or the key file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    /// Plain → encrypted with `NEW`.
    Set,
    /// `OLD` → `NEW`.
    Change,
    /// Encrypted with `OLD` → plain.
    Remove,
    /// A new recovery code, with `OLD`.
    NewCode,
    /// The `manual` backup restored over the journal (with `OLD` when it is encrypted).
    Restore,
    /// An interrupted attempt to set `NEW`, given up.
    GiveUp,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Set => "set",
            Op::Change => "change",
            Op::Remove => "remove",
            Op::NewCode => "new-code",
            Op::Restore => "restore",
            Op::GiveUp => "give-up",
        }
    }

    fn parse(name: &str) -> Self {
        [
            Op::Set,
            Op::Change,
            Op::Remove,
            Op::NewCode,
            Op::Restore,
            Op::GiveUp,
        ]
        .into_iter()
        .find(|op| op.name() == name)
        .expect("a known operation")
    }

    /// The secrets that may open the journal and its backups while the operation is under way.
    fn known_secrets(self) -> &'static [&'static str] {
        match self {
            Op::Set => &[NEW],
            Op::Change => &[OLD, NEW],
            Op::Remove | Op::NewCode | Op::Restore => &[OLD],
            Op::GiveUp => &[],
        }
    }

    /// Performs the operation on an open store, as the app would.
    fn run(self, store: &mut Store) -> nestling_store::Result<()> {
        match self {
            Op::Set => store.set_passphrase(NEW).map(drop),
            Op::Change => store.change_passphrase(OLD, NEW).map(drop),
            Op::Remove => store.remove_passphrase(OLD),
            Op::NewCode => store.new_recovery_code(OLD).map(drop),
            Op::Restore => unreachable!("a restore needs the journal closed: see `restore`"),
            Op::GiveUp => store.abandon_unfinished_passphrase().map(drop),
        }
    }
}

/// Restores the `manual` backup in `dir` as the app does: the journal is not open, and the
/// secret is given when the journal is encrypted.
fn restore(dir: &Path) -> nestling_store::Result<Store> {
    let all = backups::list(dir)?;
    let chosen = all
        .iter()
        .find(|b| b.reason == Reason::Manual)
        .expect("a manual backup");
    let secret = (status(dir)? == JournalStatus::Locked).then_some(OLD);
    Store::restore_in(dir, &chosen.name, secret)
}

/// A journal of a few notes with two backups, encrypted with `OLD` unless `op` sets the
/// passphrase. The backups also keep the child's open from making a daily one.
fn prepared(op: Op) -> (tempfile::TempDir, Vec<(i64, String)>) {
    let tmp = tempfile::tempdir().expect("folder");
    let mut store = Store::open_in(tmp.path()).expect("opens");
    for i in 0..3 {
        add_note(store.conn(), &format!("{NOTE} number {i}"));
    }
    store.backup(Reason::Manual).expect("first backup");
    store.backup(Reason::Daily).expect("second backup");
    if op != Op::Set {
        store.set_passphrase(OLD).expect("encrypted");
    }
    let before = notes(store.conn());
    (tmp, before)
}

/// How the child ended.
#[derive(Debug, PartialEq, Eq)]
enum Ending {
    /// Stopped at the fault point.
    Crashed,
    /// Never reached it, and finished the operation.
    Finished,
}

/// Runs `op` in a child process on `dir` that aborts at `at` (`step` or `step#n`).
fn run_child(op: Op, dir: &Path, at: &str) -> Ending {
    let exe = std::env::current_exe().expect("test binary");
    let out = Command::new(exe)
        .args(["child_performs_the_operation", "--exact", "--ignored"])
        .args(["--nocapture", "--test-threads=1"])
        .env(CHILD_DIR_ENV, dir)
        .env(CHILD_OP_ENV, op.name())
        .env(FAULT_ENV, at)
        .output()
        .expect("child runs");
    // 6 is SIGABRT, what `std::process::abort` ends the child with.
    match out.status.signal() {
        Some(6) => Ending::Crashed,
        _ if out.status.success() => Ending::Finished,
        _ => panic!(
            "{op:?} at {at}: the child failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// The child: opens the journal as the app would and performs the operation it is told to.
#[test]
#[ignore = "run only as the child of the interruption tests"]
fn child_performs_the_operation() {
    let (Some(dir), Ok(op)) = (std::env::var_os(CHILD_DIR_ENV), std::env::var(CHILD_OP_ENV)) else {
        return;
    };
    let (dir, op) = (PathBuf::from(dir), Op::parse(&op));
    if op == Op::Restore {
        restore(&dir).expect("the restore succeeds when nothing stops it");
        return;
    }
    let mut store = match status(&dir).expect("status") {
        JournalStatus::Locked => Store::unlock_in(&dir, OLD).expect("unlocks"),
        _ => Store::open_in(&dir).expect("opens"),
    };
    op.run(&mut store)
        .expect("the operation succeeds when nothing stops it");
}

/// Opens the journal with no secret or one `op` allows, and says which one opened it.
fn reopen(op: Op, dir: &Path) -> (Store, Option<&'static str>) {
    if status(dir).expect("status") != JournalStatus::Locked {
        return (Store::open_in(dir).expect("the plain journal opens"), None);
    }
    for secret in op.known_secrets() {
        match Store::unlock_in(dir, secret) {
            Ok(store) => return (store, Some(secret)),
            Err(Error::WrongPassphrase) => continue,
            Err(err) => panic!("{op:?}: the journal does not open: {err:?}"),
        }
    }
    panic!("{op:?}: no secret the parent knows opens the journal");
}

/// The backups that open with none of the secrets the parent knows (nor without one).
fn stranded_backups(dir: &Path, secrets: &[&str]) -> Vec<String> {
    let mut stranded: Vec<String> = names(unreadable_backups(dir, None).expect("checked"));
    for secret in secrets {
        let unreadable = names(unreadable_backups(dir, Some(secret)).expect("checked"));
        stranded.retain(|name| unreadable.contains(name));
    }
    stranded
}

fn names(list: Vec<nestling_store::BackupInfo>) -> Vec<String> {
    list.into_iter().map(|b| b.name).collect()
}

/// What the crash left: the journal opens, holds every row, and no backup is stranded.
fn check_after_crash(
    op: Op,
    dir: &Path,
    before: &[(i64, String)],
    at: &str,
) -> (Store, Option<&'static str>) {
    let (store, opened_with) = reopen(op, dir);
    assert_eq!(notes(store.conn()), before, "{op:?} at {at}: rows");
    let stranded = stranded_backups(dir, op.known_secrets());
    assert!(stranded.is_empty(), "{op:?} at {at}: stranded {stranded:?}");
    (store, opened_with)
}

/// Does the operation again on what the crash left; an operation that already finished (the
/// journal is already in its new form) needs no retry.
fn retry(op: Op, store: &mut Store, opened_with: Option<&str>, at: &str) {
    let code_unseen = store.recovery_code_unseen().expect("key file read");
    let finished = match op {
        Op::Set if code_unseen => {
            let made = store.new_recovery_code(NEW).map(drop);
            made.unwrap_or_else(|err| panic!("{op:?} at {at}: no new code: {err:?}"));
            return;
        }
        Op::Set => store.is_encrypted(),
        Op::Remove => !store.is_encrypted() && key_files(store.dir()) == (None, None),
        Op::Change | Op::NewCode | Op::Restore | Op::GiveUp => false,
    };
    let result = match (op, opened_with) {
        _ if finished => return,
        (Op::Change, Some(current)) => store.change_passphrase(current, NEW).map(drop),
        _ => op.run(store),
    };
    result.unwrap_or_else(|err| panic!("{op:?} at {at}: the retry failed: {err:?}"));
}

/// Files that only an interrupted step leaves behind.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            [".converting", ".partial", ".tmp", ".restoring"]
                .iter()
                .any(|s| name.contains(s))
        })
        .collect()
}

/// Everything is as the operation promises once it has finished.
fn check_finished(op: Op, dir: &Path, before: &[(i64, String)], at: &str) {
    check_finished_since(op, dir, before, at, None);
}

/// [`check_finished`], and for a change of key: the key file kept from before (`old_key`),
/// opened with the old passphrase, opens neither the journal nor any backup.
fn check_finished_since(
    op: Op,
    dir: &Path,
    before: &[(i64, String)],
    at: &str,
    old_key: Option<&[u8]>,
) {
    if let Some(old_key) = old_key {
        check_old_key_opens_nothing(dir, old_key, at);
    }
    let final_secret = match op {
        Op::Set | Op::Change => Some(NEW),
        Op::NewCode | Op::Restore => Some(OLD),
        Op::Remove | Op::GiveUp => None,
    };
    let store = match final_secret {
        Some(secret) => Store::unlock_in(dir, secret).expect("unlocks with the final secret"),
        None => Store::open_in(dir).expect("opens plain"),
    };
    assert_eq!(
        notes(store.conn()),
        before,
        "{op:?} at {at}: rows after the retry"
    );
    drop(store);
    let unreadable = names(unreadable_backups(dir, final_secret).expect("checked"));
    assert!(unreadable.is_empty(), "{op:?} at {at}: {unreadable:?}");
    let all = backups::list(dir).expect("listed");
    assert!(
        all.iter().all(|b| b.encrypted == final_secret.is_some()),
        "{op:?} at {at}: {all:?}"
    );
    assert_eq!(leftovers(dir), Vec::<PathBuf>::new(), "{op:?} at {at}");
    check_key_files(op, dir, at);
}

/// With the key file of before put back, the old passphrase opens neither the journal nor any
/// backup (a copy of the folder is checked, so `dir` is left as it is).
fn check_old_key_opens_nothing(dir: &Path, old_key: &[u8], at: &str) {
    let copy = tempfile::tempdir().expect("folder");
    for file in files_under(dir) {
        let target = copy.path().join(file.strip_prefix(dir).expect("inside"));
        std::fs::create_dir_all(target.parent().expect("parent")).expect("folder");
        std::fs::copy(&file, &target).expect("copied");
    }
    std::fs::write(copy.path().join(KEY_FILE_NAME), old_key).expect("old key file");
    std::fs::write(copy.path().join("backups").join(KEY_FILE_NAME), old_key).expect("spare");
    assert!(Store::unlock_in(copy.path(), OLD).is_err(), "at {at}");
    let all = names(backups::list(copy.path()).expect("listed"));
    let unreadable = names(unreadable_backups(copy.path(), Some(OLD)).expect("checked"));
    assert!(!all.is_empty() && unreadable == all, "at {at}: {all:?}");
}

/// The bytes of the key file and of its spare, when they exist.
fn key_files(dir: &Path) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    let main = std::fs::read(dir.join(KEY_FILE_NAME)).ok();
    (
        main,
        std::fs::read(dir.join("backups").join(KEY_FILE_NAME)).ok(),
    )
}

/// The key file and its spare agree (or are both gone), and the old passphrase is gone.
fn check_key_files(op: Op, dir: &Path, at: &str) {
    let (main, spare) = key_files(dir);
    assert!(
        main == spare,
        "{op:?} at {at}: the key file and its spare differ"
    );
    assert_eq!(main.is_some(), op != Op::Remove, "{op:?} at {at}: key file");
    if op == Op::Set {
        let plain = files_containing(dir, NOTE);
        assert_eq!(plain, Vec::<PathBuf>::new(), "{op:?} at {at}: plaintext");
    }
    if op == Op::Change {
        assert!(matches!(
            Store::unlock_in(dir, OLD),
            Err(Error::WrongPassphrase)
        ));
    }
    let text = String::from_utf8_lossy(main.as_deref().unwrap_or_default()).into_owned();
    assert!(
        !text.contains("retiring"),
        "{op:?} at {at}: the old key is still in the key file"
    );
    assert!(
        !text.contains("code_unseen"),
        "{op:?} at {at}: still marked as not finished"
    );
}

/// Crashes `op` at `at`, checks what was left, retries and checks the end state; `false` when
/// the child never reached `at`.
fn crash_check_and_retry(op: Op, at: &str) -> bool {
    let (tmp, before) = prepared(op);
    let old_key = key_files(tmp.path()).0;
    if run_child(op, tmp.path(), at) == Ending::Finished {
        return false;
    }
    let (mut store, opened_with) = check_after_crash(op, tmp.path(), &before, at);
    retry(op, &mut store, opened_with, at);
    drop(store);
    let rekeyed = matches!(op, Op::Change | Op::NewCode);
    let old_key = old_key.filter(|_| rekeyed);
    check_finished_since(op, tmp.path(), &before, at, old_key.as_deref());
    true
}

/// Every occurrence of every step `op` reaches, crashed, checked and retried; returns the steps
/// reached.
fn every_step(op: Op) -> Vec<&'static str> {
    steps_reached(|at| crash_check_and_retry(op, at))
}

/// Runs `crash` at every occurrence (`step#n`) of every fault step until it reports the child
/// never got there; returns the steps reached at least once, in the order of [`ALL_STEPS`].
fn steps_reached(mut crash: impl FnMut(&str) -> bool) -> Vec<&'static str> {
    let mut reached = Vec::new();
    for step in ALL_STEPS {
        let mut n = 1;
        while crash(&format!("{step}#{n}")) {
            n += 1;
        }
        if n > 1 {
            reached.push(*step);
        }
    }
    reached
}

const KEY_WRITE: [&str; 4] = [
    fault::KEY_SPARE_TEMP_WRITTEN,
    fault::KEY_SPARE_WRITTEN,
    fault::KEY_TEMP_WRITTEN,
    fault::KEY_WRITTEN,
];

const JOURNAL_SWAP: [&str; 3] = [
    fault::JOURNAL_CHECKPOINTED,
    fault::JOURNAL_CLOSED,
    fault::JOURNAL_SWAPPED,
];

#[test]
fn a_crash_at_any_step_of_setting_a_passphrase_loses_nothing_and_a_retry_finishes_it() {
    let mut expected = vec![
        fault::JOURNAL_BACKED_UP,
        fault::BACKUP_COPIED,
        fault::COPY_WRITTEN,
        fault::JOURNAL_STAGED,
    ];
    expected.extend(KEY_WRITE);
    expected.extend([fault::BACKUP_STAGED, fault::BACKUP_SWAPPED]);
    expected.extend(JOURNAL_SWAP);
    assert_eq!(every_step(Op::Set), expected);
}

/// The steps of a change of key: a backup, the key file with the retiring key, the journal and
/// the backups converted, the journal swapped, then the key file again without the old key.
fn rekey_steps() -> Vec<&'static str> {
    let mut expected = vec![
        fault::JOURNAL_BACKED_UP,
        fault::BACKUP_COPIED,
        fault::COPY_WRITTEN,
        fault::JOURNAL_STAGED,
    ];
    expected.extend(KEY_WRITE);
    expected.extend([fault::BACKUP_STAGED, fault::BACKUP_SWAPPED]);
    expected.extend(JOURNAL_SWAP);
    expected.push(fault::REKEYED);
    expected
}

#[test]
fn a_crash_at_any_step_of_changing_the_passphrase_loses_nothing_and_a_retry_finishes_it() {
    assert_eq!(every_step(Op::Change), rekey_steps());
}

#[test]
fn a_crash_at_any_step_of_removing_the_passphrase_loses_nothing_and_a_retry_finishes_it() {
    let mut expected = vec![
        fault::JOURNAL_BACKED_UP,
        fault::BACKUP_COPIED,
        fault::COPY_WRITTEN,
        fault::JOURNAL_STAGED,
        fault::BACKUP_STAGED,
        fault::BACKUP_SWAPPED,
    ];
    expected.extend(JOURNAL_SWAP);
    expected.extend([fault::KEY_REMOVED, fault::KEY_SPARE_REMOVED]);
    assert_eq!(every_step(Op::Remove), expected);
}

#[test]
fn a_crash_at_any_step_of_making_a_new_recovery_code_loses_nothing_and_a_retry_finishes_it() {
    assert_eq!(every_step(Op::NewCode), rekey_steps());
}

/// Regression: a retry of setting the passphrase after a crash between the backup swaps and the
/// journal swap wrote a new data key, stranding the backups already encrypted under the old one.
#[test]
fn a_retried_set_passphrase_keeps_the_backups_an_interrupted_attempt_encrypted_readable() {
    let (tmp, before) = prepared(Op::Set);
    let at = format!("{}#2", fault::BACKUP_SWAPPED);
    assert_eq!(run_child(Op::Set, tmp.path(), &at), Ending::Crashed);
    let mut store = Store::open_in(tmp.path()).expect("still plain");
    let encrypted = backups::list(tmp.path()).expect("listed");
    assert_eq!(
        encrypted.iter().filter(|b| b.encrypted).count(),
        2,
        "{encrypted:?}"
    );
    store.set_passphrase(NEW).expect("the retry succeeds");
    drop(store);
    let stranded = names(unreadable_backups(tmp.path(), Some(NEW)).expect("checked"));
    assert_eq!(stranded, Vec::<String>::new());
    check_finished(Op::Set, tmp.path(), &before, &at);
}

#[test]
fn a_retry_with_another_passphrase_than_the_interrupted_one_is_refused_and_changes_nothing() {
    let (tmp, _before) = prepared(Op::Set);
    let at = format!("{}#1", fault::BACKUP_SWAPPED);
    assert_eq!(run_child(Op::Set, tmp.path(), &at), Ending::Crashed);
    let mut store = Store::open_in(tmp.path()).expect("still plain");
    let files_before = sorted_files(tmp.path());
    let err = store
        .set_passphrase("not the one chosen then")
        .expect_err("refused");
    assert!(matches!(err, Error::UnfinishedPassphrase), "{err:?}");
    assert_eq!(err.kind(), "unfinished_passphrase");
    assert!(!store.is_encrypted());
    assert_eq!(sorted_files(tmp.path()), files_before);
    assert!(stranded_backups(tmp.path(), &[NEW]).is_empty());
    store
        .set_passphrase(NEW)
        .expect("the passphrase chosen then finishes it");
}

fn sorted_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = files_under(dir)
        .into_iter()
        .filter(|p| !p.to_string_lossy().ends_with("-shm"))
        .map(|p| (p.clone(), std::fs::read(&p).expect("readable")))
        .collect();
    files.sort();
    files
}

#[test]
fn a_removal_interrupted_after_the_journal_swap_is_finished_by_removing_again() {
    let (tmp, before) = prepared(Op::Remove);
    assert_eq!(
        run_child(Op::Remove, tmp.path(), fault::JOURNAL_SWAPPED),
        Ending::Crashed
    );
    assert_eq!(status(tmp.path()).expect("status"), JournalStatus::Plain);
    assert!(
        tmp.path().join(KEY_FILE_NAME).exists(),
        "the key file is still there"
    );
    let mut store = Store::open_in(tmp.path()).expect("opens plain");
    let err = store
        .remove_passphrase("not it at all")
        .expect_err("wrong secret");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    store.remove_passphrase(OLD).expect("finished");
    drop(store);
    check_finished(Op::Remove, tmp.path(), &before, "a second removal");
}

/// Copies of `src` where interrupted work leaves them: beside the journal, among the backups and
/// in `damaged/`; returns the set-aside one.
fn scatter_plain_copies(dir: &Path, src: &Path) -> PathBuf {
    let backup_name = src.file_name().and_then(|n| n.to_str()).expect("name");
    let damaged = dir.join("damaged").join("20261101T120000Z");
    std::fs::create_dir_all(&damaged).expect("damaged folder");
    let targets = [
        dir.join("nestling.sqlite3.converting"),
        dir.join("nestling.sqlite3.restoring"),
        dir.join("backups").join(format!("{backup_name}.partial")),
        dir.join("backups")
            .join(format!("{backup_name}.converting")),
        damaged.join("nestling.sqlite3"),
    ];
    for target in &targets {
        std::fs::copy(src, target).expect("copied");
    }
    damaged.join("nestling.sqlite3")
}

/// What stays in the clear after setting a passphrase: every half-made copy an interrupted
/// attempt, backup or restore left is gone, and only a journal set aside as damaged remains
/// (a damaged file cannot be converted), until the parent agrees to remove it: then no file
/// holds the note in the clear.
#[test]
fn after_setting_a_passphrase_only_a_journal_set_aside_as_damaged_stays_plain_until_removed() {
    let (tmp, _before) = prepared(Op::Set);
    let dir = tmp.path();
    let mut store = Store::open_in(dir).expect("opens");
    let newest = backups::list(dir).expect("listed").remove(0).path_in(dir);
    let set_aside = scatter_plain_copies(dir, &newest);
    assert_eq!(
        files_containing(dir, NOTE).len(),
        8,
        "the check sees every plain copy"
    );
    store.set_passphrase(NEW).expect("encrypted");
    drop(store);
    assert_eq!(files_containing(dir, NOTE), vec![set_aside.clone()]);
    assert_eq!(leftovers(dir), Vec::<PathBuf>::new());
    assert_eq!(
        nestling_store::plain_set_asides(dir).expect("listed"),
        vec![set_aside]
    );
    assert_eq!(
        nestling_store::remove_plain_set_asides(dir).expect("removed"),
        1
    );
    assert_eq!(files_containing(dir, NOTE), Vec::<PathBuf>::new());
    assert!(
        !dir.join("damaged").exists(),
        "the empty damaged folder is gone"
    );
    let store = Store::unlock_in(dir, NEW).expect("the journal still opens");
    assert!(store.is_encrypted());
}

/// A journal's notes: id and text.
type Rows = Vec<(i64, String)>;

/// A journal of five notes whose `manual` backup holds only the first three, encrypted with
/// `OLD` when `encrypted`; returns the notes of the journal and of the backup.
fn prepared_for_restore(encrypted: bool) -> (tempfile::TempDir, Rows, Rows) {
    let tmp = tempfile::tempdir().expect("folder");
    let mut store = Store::open_in(tmp.path()).expect("opens");
    for i in 0..5 {
        add_note(store.conn(), &format!("{NOTE} number {i}"));
        if i == 2 {
            store.backup(Reason::Manual).expect("the backup to restore");
        }
    }
    let journal = notes(store.conn());
    if encrypted {
        store.set_passphrase(OLD).expect("encrypted");
    }
    (tmp, journal.clone(), journal[..3].to_vec())
}

/// Opens the journal in `dir` as the app does after a restart.
fn open_after_restart(dir: &Path) -> Store {
    match status(dir).expect("status") {
        JournalStatus::Locked => Store::unlock_in(dir, OLD).expect("unlocks"),
        _ => Store::open_in(dir).expect("opens"),
    }
}

/// The rows of the journal that the `restore` backup in `dir` holds, read in a copy of `dir`.
fn rows_of_pre_restore_backup(dir: &Path) -> Rows {
    let copy = tempfile::tempdir().expect("folder");
    for file in files_under(dir) {
        let target = copy.path().join(file.strip_prefix(dir).expect("inside"));
        std::fs::create_dir_all(target.parent().expect("parent")).expect("folder");
        std::fs::copy(&file, &target).expect("copied");
    }
    let all = backups::list(copy.path()).expect("listed");
    let kept = all
        .iter()
        .find(|b| b.reason == Reason::Restore)
        .expect("a pre-restore backup");
    let secret = (status(copy.path()).expect("status") == JournalStatus::Locked).then_some(OLD);
    let store = Store::restore_in(copy.path(), &kept.name, secret).expect("it restores");
    notes(store.conn())
}

/// Crashes a restore at `at` and checks what the next open finds; `false` when the child
/// never reached `at`.
fn crash_a_restore(encrypted: bool, at: &str) -> bool {
    let (tmp, journal, backup) = prepared_for_restore(encrypted);
    let dir = tmp.path();
    if run_child(Op::Restore, dir, at) == Ending::Finished {
        return false;
    }
    let store = open_after_restart(dir);
    let rows = notes(store.conn());
    drop(store);
    assert!(rows == journal || rows == backup, "at {at}: {rows:?}");
    if rows == backup {
        assert_eq!(
            rows_of_pre_restore_backup(dir),
            journal,
            "at {at}: the journal of before"
        );
    }
    assert_eq!(leftovers(dir), Vec::<PathBuf>::new(), "at {at}");
    let unreadable = names(unreadable_backups(dir, Some(OLD)).expect("checked"));
    assert!(unreadable.is_empty(), "at {at}: {unreadable:?}");
    let store = restore(dir).unwrap_or_else(|err| panic!("at {at}: the retry failed: {err:?}"));
    assert_eq!(notes(store.conn()), backup, "at {at}: after the retry");
    true
}

/// Every occurrence of every step a restore reaches, crashed and checked; the steps reached.
fn every_restore_step(encrypted: bool) -> Vec<&'static str> {
    steps_reached(|at| crash_a_restore(encrypted, at))
}

/// The steps of a restore: the backup's verified copy, the current journal backed up, the swap.
const RESTORE_STEPS: [&str; 6] = [
    fault::BACKUP_COPIED,
    fault::COPY_WRITTEN,
    fault::RESTORE_STAGED,
    fault::CURRENT_KEPT,
    fault::JOURNAL_CLOSED,
    fault::JOURNAL_SWAPPED,
];

#[test]
fn a_crash_at_any_step_of_restoring_a_plain_backup_loses_nothing_and_leaves_nothing_behind() {
    assert_eq!(every_restore_step(false), RESTORE_STEPS);
}

#[test]
fn a_crash_at_any_step_of_restoring_an_encrypted_backup_loses_nothing_and_leaves_nothing_behind() {
    assert_eq!(every_restore_step(true), RESTORE_STEPS);
}

/// Regression: a crash after setting or changing the passphrase had sealed a new recovery code
/// left that code never shown, and nothing offered a new one. Now the journal says so once
/// unlocked, until a new recovery code is made.
#[test]
fn a_recovery_code_never_shown_after_a_crash_is_reported_until_a_new_one_is_made() {
    for (op, at) in [
        (Op::Set, fault::JOURNAL_SWAPPED),
        (Op::Change, fault::KEY_WRITTEN),
        (Op::Change, fault::JOURNAL_SWAPPED),
    ] {
        let (tmp, before) = prepared(op);
        assert_eq!(
            run_child(op, tmp.path(), at),
            Ending::Crashed,
            "{op:?} at {at}"
        );
        let mut store = Store::unlock_in(tmp.path(), NEW).expect("opens with the new passphrase");
        assert!(
            store.recovery_code_unseen().expect("read"),
            "{op:?} at {at}"
        );
        let code = store.new_recovery_code(NEW).expect("a new code");
        assert!(
            !store.recovery_code_unseen().expect("read"),
            "{op:?} at {at}"
        );
        drop(store);
        let store = Store::unlock_in(tmp.path(), code.as_str()).expect("the new code opens it");
        assert_eq!(notes(store.conn()), before, "{op:?} at {at}");
    }
}

#[test]
fn a_finished_or_no_passphrase_reports_no_recovery_code_missing() {
    let (tmp, _) = prepared(Op::Change);
    let store = Store::unlock_in(tmp.path(), OLD).expect("unlocks");
    assert!(!store.recovery_code_unseen().expect("read"));
    let (tmp, _) = prepared(Op::Set);
    let store = Store::open_in(tmp.path()).expect("opens");
    assert!(!store.recovery_code_unseen().expect("read"));
}

/// Regression: after a crashed set-passphrase that had already sealed a backup, a parent who
/// forgot the passphrase typed then could never set another one. Giving the attempt up keeps
/// the journal and every plain backup, removes only the backups sealed under the lost key (after
/// a fresh plain backup of the journal), and lets any passphrase be set afresh.
#[test]
fn an_interrupted_set_passphrase_whose_passphrase_is_forgotten_can_be_given_up() {
    let (tmp, before) = prepared(Op::Set);
    let dir = tmp.path();
    let at = format!("{}#1", fault::BACKUP_SWAPPED);
    assert_eq!(run_child(Op::Set, dir, &at), Ending::Crashed);
    let mut store = Store::open_in(dir).expect("still plain");
    let listed = backups::list(dir).expect("listed");
    let plain_before: Vec<String> =
        names(listed.iter().filter(|b| !b.encrypted).cloned().collect());
    assert_eq!(
        listed.iter().filter(|b| b.encrypted).count(),
        1,
        "{listed:?}"
    );
    let err = store
        .set_passphrase("forgot the old one")
        .expect_err("refused");
    assert!(matches!(err, Error::UnfinishedPassphrase), "{err:?}");
    assert_eq!(store.abandon_unfinished_passphrase().expect("given up"), 1);
    assert_eq!(key_files(dir), (None, None), "the lost key is gone");
    assert_eq!(leftovers(dir), Vec::<PathBuf>::new());
    let after = backups::list(dir).expect("listed");
    assert!(after.iter().all(|b| !b.encrypted), "{after:?}");
    assert!(
        plain_before
            .iter()
            .all(|n| after.iter().any(|b| &b.name == n)),
        "plain kept"
    );
    assert_eq!(
        after.len(),
        plain_before.len() + 1,
        "a fresh plain backup: {after:?}"
    );
    assert_eq!(notes(store.conn()), before);
    store
        .set_passphrase("forgot the old one")
        .expect("a new passphrase is set");
    drop(store);
    let store = Store::unlock_in(dir, "forgot the old one").expect("opens with the new one");
    assert_eq!(notes(store.conn()), before);
    let unreadable = names(unreadable_backups(dir, Some("forgot the old one")).expect("checked"));
    assert!(unreadable.is_empty(), "{unreadable:?}");
}

#[test]
fn giving_up_is_refused_when_there_is_nothing_unfinished() {
    let (tmp, _) = prepared(Op::Set);
    let mut store = Store::open_in(tmp.path()).expect("opens");
    let err = store
        .abandon_unfinished_passphrase()
        .expect_err("nothing to give up");
    assert!(matches!(err, Error::NotEncrypted), "{err:?}");
    store.set_passphrase(NEW).expect("encrypted");
    let err = store.abandon_unfinished_passphrase().expect_err("finished");
    assert!(matches!(err, Error::AlreadyEncrypted), "{err:?}");
    assert!(store.is_encrypted(), "still encrypted");
}

/// Overwrites every page of the file at `path` but the first, so it opens and fails its check.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).expect("read");
    for (i, b) in bytes.iter_mut().enumerate().skip(4096) {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(path, bytes).expect("damaged");
}

/// The damaged journal's bytes are kept in some folder of `damaged/`.
fn kept_in_damaged(dir: &Path, damaged: &[u8]) -> bool {
    files_under(&dir.join("damaged"))
        .iter()
        .any(|p| std::fs::read(p).is_ok_and(|b| b == damaged))
}

/// Crashes a restore over a damaged journal at `at`: after a restart the journal is the same
/// damaged file or the backup, never missing or empty, and the damaged file is kept once it is
/// replaced; `false` when the child never reached `at`.
fn crash_a_restore_over_damage(at: &str) -> bool {
    let (tmp, _journal, backup) = prepared_for_restore(false);
    let (dir, db) = (tmp.path(), tmp.path().join(DATABASE_FILE_NAME));
    damage(&db);
    let damaged = std::fs::read(&db).expect("read");
    if run_child(Op::Restore, dir, at) == Ending::Finished {
        return false;
    }
    match Store::open_in(dir) {
        Ok(store) => {
            assert_eq!(notes(store.conn()), backup, "at {at}");
            assert!(
                kept_in_damaged(dir, &damaged),
                "at {at}: the damaged journal"
            );
        }
        Err(Error::Damaged { .. }) => {
            assert_eq!(std::fs::read(&db).expect("read"), damaged, "at {at}")
        }
        Err(err) => panic!("at {at}: {err:?}"),
    }
    assert_eq!(leftovers(dir), Vec::<PathBuf>::new(), "at {at}");
    let store = restore(dir).unwrap_or_else(|err| panic!("at {at}: the retry failed: {err:?}"));
    assert_eq!(notes(store.conn()), backup, "at {at}: after the retry");
    assert!(kept_in_damaged(dir, &damaged), "at {at}: after the retry");
    true
}

/// Regression: a crash between setting the damaged journal aside and swapping the backup in
/// left no journal at all, and the next start opened a new, empty one.
#[test]
fn a_crash_at_any_step_of_restoring_over_a_damaged_journal_never_leaves_it_missing() {
    let reached = steps_reached(crash_a_restore_over_damage);
    let expected = [
        fault::COPY_WRITTEN,
        fault::RESTORE_STAGED,
        fault::SET_ASIDE,
        fault::CURRENT_KEPT,
        fault::JOURNAL_CLOSED,
        fault::JOURNAL_SWAPPED,
    ];
    assert_eq!(reached, expected);
}

/// A crash at any step of giving up an interrupted set-passphrase loses no moment, and after
/// it, giving up again (when the key file is still there) and setting another passphrase
/// leaves every backup readable with it.
#[test]
fn a_crash_at_any_step_of_giving_up_an_interrupted_passphrase_loses_nothing() {
    let reached = steps_reached(crash_giving_up);
    let expected = [
        fault::JOURNAL_BACKED_UP,
        fault::BACKUP_COPIED,
        fault::KEY_REMOVED,
        fault::KEY_SPARE_REMOVED,
    ];
    assert_eq!(reached, expected);
}

/// Crashes giving up at `at` and checks what is left; `false` when the child never reached it.
fn crash_giving_up(at: &str) -> bool {
    let (tmp, before) = prepared(Op::Set);
    let dir = tmp.path();
    let interrupted = format!("{}#1", fault::BACKUP_SWAPPED);
    assert_eq!(run_child(Op::Set, dir, &interrupted), Ending::Crashed);
    if run_child(Op::GiveUp, dir, at) == Ending::Finished {
        return false;
    }
    let mut store = Store::open_in(dir).expect("the journal is still plain");
    assert_eq!(notes(store.conn()), before, "at {at}");
    if key_files(dir) != (None, None) {
        store
            .abandon_unfinished_passphrase()
            .expect("given up again");
    }
    store
        .set_passphrase("another phrase")
        .expect("a new passphrase");
    drop(store);
    let store = Store::unlock_in(dir, "another phrase").expect("opens");
    assert_eq!(notes(store.conn()), before, "at {at}");
    let unreadable = names(unreadable_backups(dir, Some("another phrase")).expect("checked"));
    assert!(unreadable.is_empty(), "at {at}: {unreadable:?}");
    assert_eq!(leftovers(dir), Vec::<PathBuf>::new(), "at {at}");
    true
}
