//! The encryption engine writes warnings to standard error by default (for example when a page
//! fails its check under a wrong key). A private app must print nothing: these tests run the
//! failing operations in a child process (this test binary, re-executed) and read its stderr.

mod common;

use std::path::Path;
use std::process::Command;

use nestling_store::{Error, Store, DATABASE_FILE_NAME};

const CHILD_ENV: &str = "NESTLING_STORE_QUIET_CHILD";
const PASSPHRASE: &str = "quiet morning light";

/// Runs one ignored test of this binary in a child process with `dir` in its environment.
fn run_child(test: &str, dir: &Path) -> (String, String) {
    let exe = std::env::current_exe().expect("test binary");
    let out = Command::new(exe)
        .args([
            test,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .output()
        .expect("child runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "child failed: {stdout}");
    (stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn child_dir() -> Option<std::path::PathBuf> {
    std::env::var_os(CHILD_ENV).map(Into::into)
}

/// An encrypted journal whose middle pages were overwritten, and its folder.
fn damaged_encrypted_journal() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("folder");
    let mut store = Store::open_in(tmp.path()).expect("opens");
    {
        let tx = store.conn_mut().transaction().expect("tx");
        for i in 0..300 {
            common::add_note(&tx, &format!("moment {i} {}", "x".repeat(200)));
        }
        tx.commit().expect("commit");
    }
    store.set_passphrase(PASSPHRASE).expect("encrypted");
    drop(store);
    let db = tmp.path().join(DATABASE_FILE_NAME);
    let mut bytes = std::fs::read(&db).expect("read");
    let page = 4096;
    let middle = (bytes.len() / page / 2) * page;
    for b in &mut bytes[middle..middle + 2 * page] {
        *b = 0x5A;
    }
    std::fs::write(&db, bytes).expect("damage");
    tmp
}

#[test]
#[ignore = "run by wrong_keys_and_damage_print_nothing in a child process"]
fn child_fails_to_unlock_quietly() {
    let Some(dir) = child_dir() else { return };
    let err = Store::unlock_in(&dir, "not the passphrase").expect_err("wrong");
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
    let err = Store::unlock_in(&dir, PASSPHRASE).expect_err("damaged");
    assert!(matches!(err, Error::Damaged { .. }), "{err:?}");
    println!("child: both failures seen");
}

#[test]
fn wrong_keys_and_damage_print_nothing() {
    let tmp = damaged_encrypted_journal();
    let (stdout, stderr) = run_child("child_fails_to_unlock_quietly", tmp.path());
    assert!(stdout.contains("child: both failures seen"), "{stdout}");
    assert_eq!(stderr, "");
}

#[test]
#[ignore = "run by the_engine_is_noisy_unless_silenced in a child process"]
fn child_reads_with_a_wrong_key_without_silencing() {
    let Some(dir) = child_dir() else { return };
    let conn = nestling_store::rusqlite::Connection::open(dir.join(DATABASE_FILE_NAME))
        .expect("opens lazily");
    conn.execute_batch("PRAGMA key = 'not the key';")
        .expect("key set");
    let read = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    assert!(read.is_err());
    println!("child: wrong key refused");
}

/// The control: without the crate's silencing the engine does print, so the test above can fail.
#[test]
fn the_engine_is_noisy_unless_silenced() {
    let tmp = damaged_encrypted_journal();
    let (stdout, stderr) = run_child("child_reads_with_a_wrong_key_without_silencing", tmp.path());
    assert!(stdout.contains("child: wrong key refused"), "{stdout}");
    assert!(
        !stderr.is_empty(),
        "the engine printed nothing even unsilenced"
    );
}
