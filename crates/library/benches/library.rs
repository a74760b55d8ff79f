//! Library benchmarks against DESIGN.md's budgets:
//! - build the search index of 1,000 generated articles: < 1 s;
//! - search 1,000 generated articles: < 5 ms median;
//! - render any shipped article: < 5 ms.
//!
//! Also measured, with no budget: loading (parsing and validating) the 1,000 articles.
//! Run: `cargo bench -p nestling-library --bench library`. Figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_main, BenchmarkId, Criterion};
use nestling_library::{testdata, Library, SearchIndex};

const ARTICLES: usize = 1_000;

/// Queries of different shapes: a prefix, words typed three ways, two and three words, a word
/// in every article (the worst case: every article is ranked and 20 snippets are built), and one
/// that matches nothing (which also runs the any-word fallback).
const QUERIES: &[&str] = &[
    "bond",
    "skin to skin",
    "skin-to-skin",
    "skintoskin",
    "sleep deprivation",
    "grief ambivalence rest",
    "baby",
    "zzzq nothing",
];

fn generated() -> Library {
    let (library, errors) = Library::load(&testdata::articles(ARTICLES));
    assert!(
        errors.is_empty(),
        "generated articles must be valid: {:?}",
        errors.first()
    );
    library
}

fn load(c: &mut Criterion) {
    let sources = testdata::articles(ARTICLES);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("parse_and_validate_1000", |b| {
        b.iter(|| Library::load(black_box(&sources)))
    });
    group.finish();
}

fn build_index(c: &mut Criterion) {
    let library = generated();
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build_1000", |b| {
        b.iter(|| SearchIndex::build(black_box(&library)).expect("builds"))
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let index = SearchIndex::build(&generated()).expect("builds");
    let mut group = c.benchmark_group("search_1000");
    for query in QUERIES {
        // A benchmark of a query that finds nothing by mistake would measure nothing.
        let found = index.search(query, 20).expect("searches").len();
        assert_eq!(
            found == 0,
            query.starts_with("zzzq"),
            "{query}: {found} hits"
        );
        group.bench_with_input(BenchmarkId::from_parameter(query), query, |b, query| {
            b.iter(|| index.search(black_box(query), 20).expect("searches"))
        });
    }
    group.finish();
}

fn render(c: &mut Criterion) {
    let library = Library::shipped();
    let mut group = c.benchmark_group("render");
    for article in library.articles() {
        group.bench_with_input(
            BenchmarkId::from_parameter(article.slug()),
            article.slug(),
            |b, slug| b.iter(|| library.render(black_box(slug)).expect("renders")),
        );
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

/// Every group, with the short settings of [`config`] (command-line flags still override them).
/// Written out rather than with `criterion_group!`, whose generated `pub fn` has no docs.
fn benches() {
    let mut criterion = config().configure_from_args();
    load(&mut criterion);
    build_index(&mut criterion);
    search(&mut criterion);
    render(&mut criterion);
}

criterion_main!(benches);
