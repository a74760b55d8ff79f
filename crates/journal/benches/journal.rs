//! Benchmarks of the journal on a generated ten-year journal of 50,000 moments.
//!
//! The journal is generated once per run (see `nestling_journal::testdata`) into an in-memory
//! database, so the figures are the domain crate's own cost without disk latency; one more
//! benchmark inserts into a real file with WAL and `synchronous=FULL`, as the app does. Queries
//! cycle through days chosen at random across the ten years so no single cached page decides
//! the result. Budgets (DESIGN.md): a day or a week under 1 ms, a search under 5 ms, weekly
//! patterns for all time under 20 ms (medians).

use std::hint::black_box;
use std::time::Duration;

use chrono::{Days, NaiveDate, TimeDelta};
use criterion::Criterion;
use nestling_journal::patterns::{self, AllTime, Options, Span};
use nestling_journal::testdata::{self, Generated, Plan, Rng};
use nestling_journal::{moment, query, search, words, Filter, MomentInput};
use nestling_store::Store;

fn generated() -> (Store, Generated) {
    let store = Store::open_in_memory().expect("in-memory journal");
    let made = testdata::generate(store.conn(), &Plan::default()).expect("generated");
    (store, made)
}

/// `count` days chosen at random between the first and the last day of the journal.
fn random_days(made: &Generated, count: usize) -> Vec<NaiveDate> {
    let span = (made.last_day - made.first_day).num_days().max(1) as u64;
    let mut rng = Rng::new(7);
    (0..count)
        .map(|_| made.first_day + Days::new(rng.below(span)))
        .collect()
}

/// A moment like one a parent logs: a timed feed with a side, feelings, a tag and a note.
fn a_moment(rng: &mut Rng, made: &Generated) -> MomentInput {
    let start = made.now - TimeDelta::hours(2);
    MomentInput {
        kind_id: "feeding".into(),
        detail: Some("breast_left".into()),
        started_at: start,
        utc_offset_seconds: 3600,
        ended_at: Some(start + TimeDelta::minutes(25)),
        baby_id: made.baby_ids.last().copied(),
        connection: Some(4),
        feelings: vec!["tender".into(), "exhausted".into()],
        tags: vec!["night".into()],
        note: testdata::note(rng),
        ..MomentInput::default()
    }
}

fn bench_inserts(c: &mut Criterion, store: &Store, made: &Generated) {
    let mut rng = Rng::new(11);
    c.bench_function("insert a moment (in memory, 50k journal)", |b| {
        b.iter(|| {
            let input = a_moment(&mut rng, made);
            black_box(moment::insert(store.conn(), &input, made.now).expect("inserted"))
        })
    });
    let dir = tempfile::tempdir().expect("folder");
    let file = Store::open_in(dir.path()).expect("file journal");
    c.bench_function("insert a moment (file, WAL, synchronous=FULL)", |b| {
        b.iter(|| {
            let input = MomentInput {
                baby_id: None,
                ..a_moment(&mut rng, made)
            };
            black_box(moment::insert(file.conn(), &input, made.now).expect("inserted"))
        })
    });
}

fn bench_lists(c: &mut Criterion, store: &Store, made: &Generated) {
    let days = random_days(made, 997);
    let all = Filter::default();
    let mut i = 0;
    let mut next_day = move || {
        i = (i + 1) % days.len();
        days[i]
    };
    c.bench_function("list a day", |b| {
        b.iter(|| black_box(query::list_day(store.conn(), next_day(), &all).expect("day")))
    });
    c.bench_function("list a week", |b| {
        b.iter(|| black_box(query::list_week(store.conn(), next_day(), &all).expect("week")))
    });
    let feeding = Filter {
        kind_id: Some("feeding".into()),
        ..Filter::default()
    };
    c.bench_function("list a week, feeding only", |b| {
        b.iter(|| black_box(query::list_week(store.conn(), next_day(), &feeding).expect("week")))
    });
    c.bench_function("month totals", |b| {
        b.iter(|| {
            let from = next_day();
            let to = from + Days::new(30);
            black_box(query::totals_between(store.conn(), from, to, &all).expect("totals"))
        })
    });
}

fn bench_search(c: &mut Criterion, store: &Store) {
    let all = Filter::default();
    for (name, text) in [
        ("search a rare word", "résumé"),
        ("search a common word", "asleep"),
        ("search two word prefixes", "rock sof"),
        ("search the most common word", "the"),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let hits = search::search(store.conn(), text, &all, search::DEFAULT_LIMIT);
                black_box(hits.expect("search"))
            })
        });
    }
    let not_private = Filter {
        private: Some(false),
        ..Filter::default()
    };
    c.bench_function("search a common word, not private", |b| {
        b.iter(|| {
            let hits = search::search(store.conn(), "asleep", &not_private, search::DEFAULT_LIMIT);
            black_box(hits.expect("search"))
        })
    });
}

fn bench_suggestions(c: &mut Criterion, store: &Store) {
    c.bench_function("feeling word suggestions", |b| {
        b.iter(|| black_box(words::feeling_suggestions(store.conn()).expect("feelings")))
    });
    c.bench_function("tag suggestions", |b| {
        b.iter(|| black_box(words::tag_suggestions(store.conn()).expect("tags")))
    });
}

fn bench_patterns(c: &mut Criterion, store: &Store, made: &Generated) {
    let today = made.now.date_naive();
    let all = Span::All(AllTime::All);
    let app = Options {
        include_private: true,
        ..Options::default()
    };
    c.bench_function("patterns: weekly figures, all time", |b| {
        b.iter(|| black_box(patterns::patterns(store.conn(), all, &app, today).expect("patterns")))
    });
}

/// Refuses to measure an empty journal: every benchmark must do real work.
fn check_workload(store: &Store, made: &Generated) {
    let day = random_days(made, 1)[0];
    let week = query::list_week(store.conn(), day, &Filter::default()).expect("week");
    assert!(week.moments.len() > 50, "a week has moments");
    for text in ["résumé", "asleep", "rock sof", "the"] {
        let hits = search::search(
            store.conn(),
            text,
            &Filter::default(),
            search::DEFAULT_LIMIT,
        );
        assert_eq!(hits.expect("search").len(), 20, "{text} is found");
    }
    let all = Span::All(AllTime::All);
    let options = Options {
        include_private: true,
        ..Options::default()
    };
    let weekly = patterns::patterns(store.conn(), all, &options, made.now.date_naive());
    let weeks = weekly.expect("patterns").weeks;
    assert!(weeks.len() > 500, "ten years of weeks");
    let counted: u32 = weeks.iter().map(|w| w.moments).sum();
    assert!(counted > 49_000, "every live moment is counted");
}

fn benches(c: &mut Criterion) {
    let (store, made) = generated();
    check_workload(&store, &made);
    bench_lists(c, &store, &made);
    bench_patterns(c, &store, &made);
    bench_search(c, &store);
    bench_suggestions(c, &store);
    bench_inserts(c, &store, &made);
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
}

fn main() {
    // What `criterion_group!`/`criterion_main!` expand to, without their undocumented items.
    let mut criterion = config().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
}
