//! Writes sample reports as PDF files to look at, with how long each took:
//! `cargo run -p nestling-report-pdf --example sample -- OUT_DIR`.
//! The fixed test report on A4 and US Letter, then a week, a month and a year of generated
//! journal (about 3,000 moments in the year).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use chrono::{Days, NaiveDate};
use nestling_export::{build_report, Range, Report, Selection};
use nestling_journal::testdata::{generate, Plan};
use nestling_report_pdf::{Paper, Typesetter};
use nestling_store::Store;

fn write(typesetter: &Typesetter, report: &Report, paper: Paper, path: String) {
    let started = Instant::now();
    let pdf = typesetter.render(report, paper).expect("rendered");
    eprintln!(
        "{path}: {} moments, {} bytes in {:?}",
        report.summary.moments,
        pdf.len(),
        started.elapsed()
    );
    std::fs::write(path, pdf).expect("written");
}

fn generated(store: &Store, first: NaiveDate, days: u64) -> Report {
    let last = first + Days::new(days - 1);
    let selection = Selection::new(Range::Between { first, last });
    build_report(store.conn(), &selection, Some("Noa"), last + Days::new(1)).expect("report")
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let started = Instant::now();
    let typesetter = Typesetter::new();
    eprintln!("typesetter ready in {:?}", started.elapsed());
    let report = common::fixed_report();
    write(
        &typesetter,
        &report,
        Paper::A4,
        format!("{dir}/sample-a4.pdf"),
    );
    write(
        &typesetter,
        &report,
        Paper::UsLetter,
        format!("{dir}/sample-letter.pdf"),
    );
    let store = Store::open_in_memory().expect("journal");
    let first = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    generate(
        store.conn(),
        &Plan {
            moments: 3_000,
            years: 1,
            first_day: first,
            seed: 7,
        },
    )
    .expect("data");
    for (days, name) in [(7, "week"), (31, "month"), (366, "year")] {
        write(
            &typesetter,
            &generated(&store, first, days),
            Paper::A4,
            format!("{dir}/generated-{name}.pdf"),
        );
    }
}
