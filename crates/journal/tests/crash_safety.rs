//! Crash safety: a moment whose save has returned survives the process being killed, and a
//! journal killed at any point opens again.
//!
//! The parent test re-runs this test binary as a child process that opens one journal file and
//! saves moments in a loop, printing each id only after [`moment::insert`] has returned. The
//! parent kills the child with SIGKILL after a delay drawn from a seeded generator (so a failing
//! round can be replayed), anywhere from while the child is still starting and opening the file
//! to deep in the stream of saves, many times against the same, growing file. After every kill
//! it reopens the file with the store and checks that SQLite finds it sound and that every
//! moment the child confirmed is there with the note, kind, time and labels it was given.
//!
//! Two more tests aim at the first open of a new file, while it is still in rollback-journal
//! mode: one sweeps kills across the creation and migration of new journals (the dangerous
//! moment lasts a few milliseconds, so whether a round lands in it depends on timing), and one
//! leaves a hot rollback journal behind every time, by killing a child that holds an open
//! transaction, so the outcome does not depend on timing.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use nestling_journal::moment::{self, MomentInput};
use nestling_store::Store;
use nestling_testkit::Rng;

/// The journal file the child writes to; its absence means "not running as the child".
const DB_ENV: &str = "NESTLING_CRASH_TEST_DB";
/// Which round the child is in, so every note it writes is unique and known to the parent.
const ROUND_ENV: &str = "NESTLING_CRASH_TEST_ROUND";
/// The name of the child test, as `--exact` needs it.
const CHILD_TEST: &str = "child_inserts_moments_until_killed";

const ROUNDS: u32 = 100;
const SEED: u64 = 0x4E45_5354_C0FF_EE01;
/// One round in this many is killed early: while the child starts, opens, checks and migrates
/// the file, up to this long after the spawn.
const EARLY_EVERY: u32 = 4;
const EARLY_MAX_DELAY_MS: u64 = 150;
/// The other rounds are killed mid-stream, up to this long after the child reported the journal
/// open.
const STREAM_MAX_DELAY_MS: u64 = 250;
/// How long the parent waits at most for the marker a kill waits for.
const OPEN_TIMEOUT: Duration = Duration::from_secs(30);
/// Rounds of the test that kills the child while it creates and migrates a new journal, from
/// right after the child said it is about to open it to this long after.
const CREATION_ROUNDS: u32 = 31;
const CREATION_MAX_DELAY_MS: u64 = 30;
/// A child left running by a parent that died stops on its own after this long.
const CHILD_LIFETIME: Duration = Duration::from_secs(20);

const OPENING: &str = "@@OPENING";
const OPENED: &str = "@@OPENED";
const HOLDING: &str = "@@HOLDING";
/// The child that leaves a hot rollback journal behind.
const HOT_JOURNAL_CHILD: &str = "child_holds_a_rollback_transaction_until_killed";
const CONFIRMED: &str = "@@CONFIRMED ";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0)
        .single()
        .expect("valid instant")
}

/// The note of the child's `seq`-th moment in `round`: short, right-to-left, multi-line, long
/// (a few pages) or very long (many overflow pages), always unique.
fn note_for(round: u32, seq: u32) -> String {
    let head = format!("round {round} moment {seq}: ");
    let body = match seq % 6 {
        0 => "skin-to-skin after the night feed 🫂 she settled at once 💤".to_owned(),
        1 => "شعرت بالقرب منها الليلة — רגע של שקט".to_owned(),
        2 => "first line\n\tsecond line, indented\n夜中のおむつ替え 👩‍👩‍👧".to_owned(),
        3 => "she held my finger and the room went quiet. ".repeat(20 + (seq as usize * 7) % 100),
        4 => "<b>not bold</b> & \"quoted\" café naïve ✌🏽".to_owned(),
        _ if seq % 12 == 5 => "la ".repeat(1_500 + (round as usize * 131) % 3_000),
        _ => String::new(),
    };
    head + &body
}

fn input_for(round: u32, seq: u32) -> MomentInput {
    let kinds = ["skin_to_skin", "changing", "rocking", "soothing", "bathing"];
    let start = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("valid instant")
        + chrono::TimeDelta::minutes(i64::from(round) * 600 + i64::from(seq));
    MomentInput {
        kind_id: kinds[seq as usize % kinds.len()].to_owned(),
        started_at: start,
        utc_offset_seconds: 3600,
        connection: Some(i64::from(seq % 5) + 1),
        feelings: vec!["calm".to_owned(), "tender".to_owned()][..(seq % 3) as usize].to_vec(),
        note: note_for(round, seq),
        private: seq.is_multiple_of(4),
        tags: vec![format!("round {round}")],
        ..MomentInput::default()
    }
}

/// The child: saves moments until it is killed, confirming each one after its save returned.
/// Run alone (without the parent's environment) it does nothing.
#[test]
#[ignore = "the child process of the crash-safety test; that test runs it itself"]
fn child_inserts_moments_until_killed() {
    let Some(path) = std::env::var_os(DB_ENV) else {
        return;
    };
    let round: u32 = std::env::var(ROUND_ENV)
        .expect("round given")
        .parse()
        .expect("round is a number");
    let mut out = std::io::stdout().lock();
    writeln!(out, "{OPENING}").expect("stdout");
    out.flush().expect("stdout");
    let store = Store::open_file(Path::new(&path)).expect("the journal opens");
    writeln!(out, "{OPENED}").expect("stdout");
    out.flush().expect("stdout");
    let started = Instant::now();
    for seq in 0.. {
        let saved = moment::insert(store.conn(), &input_for(round, seq), now()).expect("saved");
        writeln!(out, "{CONFIRMED}{} {seq}", saved.id).expect("stdout");
        out.flush().expect("stdout");
        if started.elapsed() > CHILD_LIFETIME {
            return;
        }
    }
}

/// The child of the hot-journal test: opens the journal, switches it to a rollback journal and
/// saves moments in one transaction that never commits, with a cache so small that changed pages
/// reach the file; then waits to be killed. Run alone it does nothing.
#[test]
#[ignore = "the child process of the hot-journal test; that test runs it itself"]
fn child_holds_a_rollback_transaction_until_killed() {
    let Some(path) = std::env::var_os(DB_ENV) else {
        return;
    };
    let store = Store::open_file(Path::new(&path)).expect("the journal opens");
    let conn = store.conn();
    conn.pragma_update(None, "journal_mode", "DELETE")
        .expect("rollback journal");
    conn.pragma_update(None, "cache_size", 2)
        .expect("tiny cache");
    conn.execute_batch("BEGIN IMMEDIATE").expect("transaction");
    for seq in 0..300 {
        moment::insert(conn, &input_for(1, seq), now()).expect("saved, not committed");
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{HOLDING}").expect("stdout");
    out.flush().expect("stdout");
    thread::sleep(CHILD_LIFETIME);
}

/// Kills the child if the parent panics before it did so.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_child(name: &str, db: &Path, round: u32) -> KillOnDrop {
    let exe = std::env::current_exe().expect("the test binary's path");
    let child = Command::new(exe)
        .args([
            name,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DB_ENV, db)
        .env(ROUND_ENV, round.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the child starts");
    KillOnDrop(child)
}

fn read_all(stream: impl Read + Send + 'static) -> JoinHandle<String> {
    thread::spawn(move || {
        let mut text = String::new();
        let _ = BufReader::new(stream).read_to_string(&mut text);
        text
    })
}

/// Reads the child's stdout to its end, sending each marker (opening, opened) as it comes.
fn read_stdout(
    stream: impl Read + Send + 'static,
    markers: Sender<&'static str>,
) -> JoinHandle<String> {
    thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut bytes = Vec::new();
        loop {
            let start = bytes.len();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    let line = String::from_utf8_lossy(&bytes[start..]);
                    for marker in [OPENING, OPENED, HOLDING]
                        .into_iter()
                        .filter(|m| line.contains(m))
                    {
                        let _ = markers.send(marker);
                    }
                }
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Waits until the child printed `marker`, or a child that died or hung has been given up on.
fn wait_for(markers: &Receiver<&'static str>, marker: &str) {
    let deadline = Instant::now() + OPEN_TIMEOUT;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match markers.recv_timeout(left) {
            Ok(seen) if seen == marker => return,
            Ok(_) => {}
            Err(_) => return,
        }
    }
}

/// When the parent kills the child: `delay` after the child printed `marker`, or after the
/// spawn when there is none.
#[derive(Debug, Clone, Copy)]
struct Kill {
    marker: Option<&'static str>,
    delay: Duration,
}

/// What the child printed before it died.
struct Report {
    opened: bool,
    /// `(id, seq)` of every moment whose save had returned.
    confirmed: Vec<(i64, u32)>,
}

fn parse(stdout: &str) -> Report {
    let mut report = Report {
        opened: false,
        confirmed: Vec::new(),
    };
    // Only whole lines count: a line cut short was never fully confirmed.
    for line in stdout.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
        report.opened |= line.contains(OPENED);
        if let Some((_, rest)) = line.split_once(CONFIRMED) {
            let mut parts = rest
                .split_whitespace()
                .map(|p| p.parse::<i64>().expect("number"));
            let (id, seq) = (parts.next().expect("id"), parts.next().expect("seq"));
            report
                .confirmed
                .push((id, u32::try_from(seq).expect("seq")));
        }
    }
    report
}

/// Runs one child, kills it with SIGKILL at `kill` and returns what it confirmed.
fn run_and_kill(db: &Path, round: u32, kill: Kill) -> Report {
    run_child_and_kill(CHILD_TEST, db, round, kill)
}

/// Runs the child test `name`, kills it with SIGKILL at `kill` and returns what it confirmed.
fn run_child_and_kill(name: &str, db: &Path, round: u32, kill: Kill) -> Report {
    let mut child = spawn_child(name, db, round);
    let (markers_tx, markers) = mpsc::channel();
    let stdout = read_stdout(child.0.stdout.take().expect("stdout piped"), markers_tx);
    let stderr = read_all(child.0.stderr.take().expect("stderr piped"));
    // A child that dies before the marker is reported below, with what it said.
    if let Some(marker) = kill.marker {
        wait_for(&markers, marker);
    }
    let delay = kill.delay;
    thread::sleep(delay);
    if let Some(status) = child.0.try_wait().expect("child status") {
        let err = stderr.join().expect("stderr");
        panic!("round {round}: the child stopped by itself ({status}) before the kill:\n{err}");
    }
    child.0.kill().expect("SIGKILL sent");
    child.0.wait().expect("child reaped");
    parse(&stdout.join().expect("stdout"))
}

fn assert_sound(store: &Store, round: u32) {
    let check: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check runs");
    assert_eq!(check, "ok", "after the kill in round {round}");
}

fn assert_full_text_index_sound(store: &Store) {
    store
        .conn()
        .execute(
            "INSERT INTO moment_fts (moment_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .expect("the full-text index matches the notes");
}

fn assert_saved(store: &Store, round: u32, id: i64, seq: u32) {
    let found = moment::get(store.conn(), id)
        .unwrap_or_else(|err| panic!("round {round}: confirmed moment {id} is lost: {err}"));
    let expected = input_for(round, seq);
    assert!(
        found.note == expected.note,
        "round {round}: moment {id} has another note"
    );
    assert_eq!(
        found.kind_id, expected.kind_id,
        "round {round}, moment {id}"
    );
    assert_eq!(
        found.started_at, expected.started_at,
        "round {round}, moment {id}"
    );
    assert_eq!(
        found.feelings, expected.feelings,
        "round {round}, moment {id}"
    );
    assert_eq!(found.tags, expected.tags, "round {round}, moment {id}");
    assert_eq!(
        found.private, expected.private,
        "round {round}, moment {id}"
    );
}

fn moment_count(store: &Store) -> usize {
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM moment", [], |row| row.get(0))
        .expect("count");
    usize::try_from(n).expect("count")
}

/// The names and sizes of the files in `dir`, to tell what a kill left behind.
fn files_in(dir: &Path) -> Vec<(String, u64)> {
    let entries = std::fs::read_dir(dir).expect("folder readable");
    let mut files: Vec<(String, u64)> = entries
        .map(|e| e.expect("entry"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().map_or(0, |m| m.len()),
            )
        })
        .collect();
    files.sort();
    files
}

/// When to kill the child in `round`: early every few rounds, else mid-stream.
fn kill_for(rng: &mut Rng, round: u32) -> Kill {
    match round % EARLY_EVERY {
        0 => Kill {
            marker: None,
            delay: Duration::from_millis(rng.up_to(EARLY_MAX_DELAY_MS)),
        },
        _ => Kill {
            marker: Some(OPENED),
            delay: Duration::from_millis(rng.up_to(STREAM_MAX_DELAY_MS)),
        },
    }
}

/// What the rounds against one file have seen so far.
#[derive(Default)]
struct Tally {
    /// `(round, id, seq)` of every moment a child confirmed.
    confirmed: Vec<(u32, i64, u32)>,
    killed_before_open: u32,
    killed_mid_stream: u32,
}

/// One round: run a child, kill it, reopen the file and check what the child confirmed.
fn kill_and_check(dir: &Path, db: &Path, round: u32, kill: Kill, tally: &mut Tally) {
    let report = run_and_kill(db, round, kill);
    tally.killed_before_open += u32::from(!report.opened);
    tally.killed_mid_stream += u32::from(!report.confirmed.is_empty());
    let store = Store::open_file(db).unwrap_or_else(|err| {
        let left = files_in(dir);
        panic!("round {round} ({kill:?}, leaving {left:?}): the journal does not reopen: {err:?}")
    });
    assert_sound(&store, round);
    for &(id, seq) in &report.confirmed {
        assert_saved(&store, round, id, seq);
    }
    let confirmed = report.confirmed.iter().map(|&(id, seq)| (round, id, seq));
    tally.confirmed.extend(confirmed);
    assert!(
        moment_count(&store) >= tally.confirmed.len(),
        "round {round}: moments went missing"
    );
}

#[test]
fn moments_confirmed_before_a_kill_survive_it() {
    let started = Instant::now();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let db = tmp.path().join("journal.sqlite3");
    let mut rng = Rng::new(SEED);
    let mut tally = Tally::default();
    for round in 0..ROUNDS {
        kill_and_check(
            tmp.path(),
            &db,
            round,
            kill_for(&mut rng, round),
            &mut tally,
        );
    }
    let store = Store::open_file(&db).expect("the journal reopens at the end");
    assert_full_text_index_sound(&store);
    for &(round, id, seq) in &tally.confirmed {
        assert_saved(&store, round, id, seq);
    }
    let Tally {
        confirmed,
        killed_before_open,
        killed_mid_stream,
    } = tally;
    assert!(
        confirmed.len() > ROUNDS as usize,
        "too few moments were saved to test anything"
    );
    assert!(
        killed_before_open > 0,
        "no kill landed while the child was starting"
    );
    assert!(
        killed_mid_stream >= ROUNDS / 2,
        "too few kills landed mid-stream"
    );
    println!(
        "crash safety: {ROUNDS} rounds killed with SIGKILL ({killed_before_open} before the \
         journal had opened, {killed_mid_stream} mid-stream), {} confirmed moments all found \
         intact, {} moments in the file, {:.1} s",
        confirmed.len(),
        moment_count(&store),
        started.elapsed().as_secs_f64()
    );
}

/// One round of the creation test: kill the child `delay` into opening a new journal, then
/// open it. Returns whether the kill left a rollback journal behind.
fn kill_while_creating(round: u32, delay: Duration) -> bool {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let db = tmp.path().join("journal.sqlite3");
    let kill = Kill {
        marker: Some(OPENING),
        delay,
    };
    let report = run_and_kill(&db, round, kill);
    let left = files_in(tmp.path());
    let hot = left
        .iter()
        .any(|(name, len)| name.ends_with("-journal") && *len > 0);
    let store = Store::open_file(&db).unwrap_or_else(|err| {
        panic!("round {round} (killed {delay:?} into the open, leaving {left:?}): {err:?}")
    });
    assert_sound(&store, round);
    let version = store.schema_version().expect("version");
    assert_eq!(version, nestling_store::latest_version(), "round {round}");
    for &(id, seq) in &report.confirmed {
        assert_saved(&store, round, id, seq);
    }
    hot
}

#[test]
fn a_journal_killed_while_being_created_and_migrated_opens_afterwards() {
    // The delays sweep the open evenly: the crash that matters most (while the new file is
    // still in rollback-journal mode) lasts only a few milliseconds.
    let mut left_rollback_journal = 0;
    for round in 0..CREATION_ROUNDS {
        let delay = CREATION_MAX_DELAY_MS * u64::from(round) / u64::from(CREATION_ROUNDS - 1);
        left_rollback_journal +=
            u32::from(kill_while_creating(round, Duration::from_millis(delay)));
    }
    println!(
        "crash safety: {CREATION_ROUNDS} new journals killed 0 to {CREATION_MAX_DELAY_MS} ms into \
         their creation, {left_rollback_journal} leaving a rollback journal"
    );
}

#[test]
fn a_hot_rollback_journal_left_by_a_crash_is_rolled_back_when_the_journal_opens() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let db = tmp.path().join("journal.sqlite3");
    drop(Store::open_file(&db).expect("a new journal"));
    let kill = Kill {
        marker: Some(HOLDING),
        delay: Duration::ZERO,
    };
    run_child_and_kill(HOT_JOURNAL_CHILD, &db, 1, kill);
    let left = files_in(tmp.path());
    let journal_left = |(name, len): &(String, u64)| name.ends_with("-journal") && *len > 0;
    assert!(
        left.iter().any(journal_left),
        "no hot journal was left: {left:?}"
    );
    let store = Store::open_file(&db).unwrap_or_else(|err| {
        panic!("a journal with a hot rollback journal ({left:?}) does not open: {err:?}")
    });
    assert_sound(&store, 1);
    assert_eq!(
        moment_count(&store),
        0,
        "the uncommitted moments were rolled back"
    );
    assert_full_text_index_sound(&store);
}

#[test]
fn the_child_confirms_only_whole_lines() {
    let report = parse("test x ... @@OPENED\n@@CONFIRMED 4 0\n@@CONFIRMED 5 1\n@@CONFIRMED 6");
    assert!(report.opened);
    assert_eq!(report.confirmed, [(4, 0), (5, 1)]);
}

#[test]
fn the_seeded_generator_repeats_itself() {
    let draws = |seed| {
        let mut rng = Rng::new(seed);
        (0..5)
            .map(|_| rng.up_to(EARLY_MAX_DELAY_MS))
            .collect::<Vec<_>>()
    };
    assert_eq!(draws(SEED), draws(SEED));
    assert_ne!(draws(SEED), draws(SEED + 1));
    assert!(draws(SEED).iter().all(|&d| d <= EARLY_MAX_DELAY_MS));
}
