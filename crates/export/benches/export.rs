//! Building a report and rendering it as Markdown and CSV, over a month and a year of a
//! generated journal (about 3,000 moments a year).
#![allow(missing_docs)]

use chrono::{Datelike, Days, NaiveDate};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use nestling_export::{build_report, csv, markdown, Range, Selection};
use nestling_journal::testdata::{generate, Plan};
use nestling_store::Store;

fn journal() -> (Store, NaiveDate) {
    let store = Store::open_in_memory().expect("in-memory journal");
    let plan = Plan {
        moments: 3_000,
        years: 1,
        first_day: NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
        seed: 2024,
    };
    let generated = generate(store.conn(), &plan).expect("generated");
    (store, generated.last_day)
}

fn bench(c: &mut Criterion) {
    let (store, last) = journal();
    let conn = store.conn();
    for (name, days) in [("month", 30u64), ("year", 365)] {
        let first = last
            .checked_sub_days(Days::new(days - 1))
            .expect("first day");
        let selection = Selection::new(Range::Between { first, last });
        let report = build_report(conn, &selection, None, last).expect("report");
        let entries: usize = report.days.iter().map(|d| d.entries.len()).sum();
        eprintln!(
            "{name}: {entries} moments from {first} ({})",
            first.weekday()
        );
        c.bench_function(&format!("build_report_{name}"), |b| {
            b.iter(|| build_report(conn, black_box(&selection), None, last).expect("report"))
        });
        c.bench_function(&format!("markdown_{name}"), |b| {
            b.iter(|| markdown(black_box(&report)))
        });
        c.bench_function(&format!("csv_{name}"), |b| {
            b.iter(|| csv(black_box(&report)))
        });
        c.bench_function(&format!("all_three_{name}"), |b| {
            b.iter(|| {
                let r = build_report(conn, black_box(&selection), None, last).expect("report");
                (markdown(&r).len(), csv(&r).len())
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
