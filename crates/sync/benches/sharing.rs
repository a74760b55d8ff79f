//! Benchmarks of sharing on a generated ten-year journal of 50,000 moments, on real files: the
//! journals are SQLite files (WAL, `synchronous=FULL`, as the app opens them) and the shared
//! folder is a folder on disk. Budgets (DESIGN.md): the first sync of the whole journal under
//! 10 s; one new moment applied on the other side under 100 ms after its file appears.
//!
//! - "first sync, sending": a paired journal's first exchange: every row into the shared
//!   document, the document saved into the journal, the changes sealed into the folder.
//! - "first sync, receiving": the other computer's first exchange reading those files: the
//!   merge and 50,000 moments written into its journal.
//! - "one new moment, receiving": the partner logged one moment and exchanged; the time is the
//!   other computer's exchange that finds the file and writes the moment.
//!
//! The sizes of the journal file, the saved document and the folder are printed once.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{BatchSize, Criterion};
use nestling_journal::testdata::{self, Plan};
use nestling_journal::{moment, MomentInput};
use nestling_store::Store;
use nestling_sync::{pairing, PairSecret, Sharing};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_225_600, 0).unwrap_or_default()
}

/// A generated journal in its own folder, made once and copied for every run.
fn template(dir: &Path) -> PathBuf {
    let store = Store::open_in(dir).expect("journal");
    testdata::generate(store.conn(), &Plan::default()).expect("generated");
    store
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
    dir.join("nestling.sqlite3")
}

fn copy_of(template: &Path, dir: &Path) -> Store {
    let path = dir.join("journal.sqlite3");
    std::fs::copy(template, &path).expect("copied");
    Store::open_file(&path).expect("opened")
}

fn exchange(store: &Store) {
    let mut sharing = Sharing::open(store.conn()).expect("open").expect("paired");
    sharing.exchange(store.conn(), now()).expect("exchange");
}

fn size_of(path: &Path) -> u64 {
    match path.is_dir() {
        true => std::fs::read_dir(path)
            .expect("readable")
            .flatten()
            .map(|e| size_of(&e.path()))
            .sum(),
        false => std::fs::metadata(path).map_or(0, |m| m.len()),
    }
}

struct Run {
    _dirs: [tempfile::TempDir; 3],
    sender: Store,
    receiver: Store,
    folder: PathBuf,
}

fn paired_run(template: &Path) -> Run {
    let dirs = [(); 3].map(|_| tempfile::tempdir().expect("folder"));
    let secret = PairSecret::generate().expect("secret");
    let sender = copy_of(template, dirs[0].path());
    let receiver = Store::open_in(dirs[1].path()).expect("empty journal");
    let folder = dirs[2].path().to_path_buf();
    pairing::pair(sender.conn(), &secret, "Sam", &folder, now()).expect("paired");
    pairing::pair(receiver.conn(), &secret, "Noor", &folder, now()).expect("paired");
    Run {
        _dirs: dirs,
        sender,
        receiver,
        folder,
    }
}

fn report_sizes(template: &Path) {
    let run = paired_run(template);
    exchange(&run.sender);
    exchange(&run.receiver);
    let doc: i64 = run
        .sender
        .conn()
        .query_row("SELECT sum(length(bytes)) FROM sync_doc", [], |r| r.get(0))
        .expect("document size");
    eprintln!(
        "sizes: journal file {} bytes; shared document saved in it {doc} bytes; folder after the first sync {} bytes",
        size_of(template),
        size_of(&run.folder),
    );
}

fn bench_first_sync(c: &mut Criterion, template: &Path) {
    let mut group = c.benchmark_group("sharing 50k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60));
    group.bench_function("first sync, sending", |b| {
        b.iter_batched(
            || paired_run(template),
            |run| {
                exchange(&run.sender);
                run
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("first sync, receiving", |b| {
        b.iter_batched(
            || {
                let run = paired_run(template);
                exchange(&run.sender);
                run
            },
            |run| {
                exchange(&run.receiver);
                run
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn a_moment(n: u32) -> MomentInput {
    let start = now() - TimeDelta::minutes(90 - i64::from(n % 60));
    MomentInput {
        kind_id: "feeding".into(),
        started_at: start,
        utc_offset_seconds: 3600,
        ended_at: Some(start + TimeDelta::minutes(20)),
        connection: Some(4),
        note: "A quiet feed in the night".into(),
        ..MomentInput::default()
    }
}

fn bench_one_moment(c: &mut Criterion, template: &Path) {
    let run = paired_run(template);
    exchange(&run.sender);
    exchange(&run.receiver);
    exchange(&run.sender);
    // As in the app, each computer keeps its sharing open between exchanges.
    let open = |store: &Store| Sharing::open(store.conn()).expect("open").expect("paired");
    let (mut sender, mut receiver) = (open(&run.sender), open(&run.receiver));
    let mut n = 0;
    c.bench_function("sharing 50k: one new moment, receiving", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                moment::insert(run.sender.conn(), &a_moment(n), now()).expect("logged");
                sender.exchange(run.sender.conn(), now()).expect("sent");
                let start = Instant::now();
                let report = receiver
                    .exchange(run.receiver.conn(), now())
                    .expect("received");
                spent += start.elapsed();
                assert_eq!(report.received.written, 1);
            }
            spent
        })
    });
}

fn main() {
    let dir = tempfile::tempdir().expect("folder");
    let template = template(dir.path());
    report_sizes(&template);
    let mut c = Criterion::default().configure_from_args();
    bench_one_moment(&mut c, &template);
    bench_first_sync(&mut c, &template);
    c.final_summary();
}
