//! Typesetting a month and a year (about 3,000 moments) of generated journal as PDF.
//!
//! Each iteration renders from the report model to PDF bytes (fonts and the standard library
//! are loaded once, as in the app; the compiler's memo cache is cleared after every render, so
//! repeated renders do not reuse the previous layout).

use chrono::{Days, NaiveDate};
use criterion::Criterion;
use nestling_export::{build_report, Range, Report, Selection};
use nestling_journal::testdata::{generate, Plan};
use nestling_report_pdf::{Paper, Typesetter};
use nestling_store::Store;

fn report(store: &Store, first: NaiveDate, days: u64) -> Report {
    let last = first + Days::new(days - 1);
    let selection = Selection::new(Range::Between { first, last });
    build_report(store.conn(), &selection, Some("Noa"), last + Days::new(1)).expect("report")
}

fn bench(c: &mut Criterion) {
    let store = Store::open_in_memory().expect("journal");
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    let plan = Plan {
        moments: 3_000,
        years: 1,
        first_day: first,
        seed: 7,
    };
    generate(store.conn(), &plan).expect("generated");
    let month = report(&store, first, 31);
    let year = report(&store, first, 366);
    eprintln!(
        "month: {} moments; year: {} moments",
        month.summary.moments, year.summary.moments
    );
    let typesetter = Typesetter::new();
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("one month", |b| {
        b.iter(|| typesetter.render(&month, Paper::A4).expect("pdf"))
    });
    group.bench_function("one year", |b| {
        b.iter(|| typesetter.render(&year, Paper::A4).expect("pdf"))
    });
    group.finish();
}

fn main() {
    // What `criterion_group!`/`criterion_main!` expand to, without their undocumented items.
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
