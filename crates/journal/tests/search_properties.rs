//! Property tests of the journal's search query builder: whatever a parent types, the match
//! expression is well formed (quoted prefix terms, no control characters, at most
//! `MAX_TERMS`), and searching with it never fails or panics.

use chrono::{NaiveDate, Utc};
use nestling_journal::search::{match_expression, search, MAX_TERMS};
use nestling_journal::testdata::{generate, Plan};
use nestling_journal::{moment, Filter, MomentInput};
use nestling_store::Store;
use proptest::prelude::*;

/// A small journal with generated moments and notes full of search syntax.
fn journal() -> Store {
    let store = Store::open_in_memory().expect("journal");
    let plan = Plan {
        moments: 60,
        years: 1,
        first_day: NaiveDate::from_ymd_opt(2026, 1, 1).expect("day"),
        seed: 3,
    };
    generate(store.conn(), &plan).expect("generated");
    for note in [
        "feeding \"quoted\" NEAR(a b) OR -minus",
        "rocking* ^caret col:umn",
    ] {
        let input = MomentInput {
            kind_id: "rocking".into(),
            started_at: Utc::now(),
            note: note.into(),
            ..Default::default()
        };
        moment::insert(store.conn(), &input, Utc::now()).expect("saved");
    }
    store
}

/// What a parent might type: FTS5 syntax, quotes, control characters, any script.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,80}",
        "[\\x00-\\x1f\\x7f\"*:()^+\\- ]{0,30}",
        "((NEAR|OR|AND|NOT|\"|\\*|feed|rock|\\(|\\)|[a-z]{1,6}) ){0,40}",
        ".{0,200}",
    ]
}

/// Every term is one quoted prefix term: `"…"*` with any `"` inside doubled, one space apart.
fn well_formed(expression: &str) -> bool {
    let mut terms = 0;
    let mut chars = expression.chars().peekable();
    loop {
        if chars.next() != Some('"') {
            return false;
        }
        loop {
            match chars.next() {
                Some('"') if chars.peek() == Some(&'"') => drop(chars.next()),
                Some('"') => break,
                Some(_) => {}
                None => return false,
            }
        }
        if chars.next() != Some('*') {
            return false;
        }
        terms += 1;
        match chars.next() {
            None => return (1..=MAX_TERMS).contains(&terms),
            Some(' ') => continue,
            Some(_) => return false,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_typed_text_becomes_well_formed_terms_or_none(text in query()) {
        match match_expression(&text) {
            Some(expression) => {
                prop_assert!(well_formed(&expression), "{expression:?}");
                prop_assert!(!expression.chars().any(char::is_control));
            }
            None => prop_assert!(!text
                .split_whitespace()
                .any(|piece| piece.chars().any(char::is_alphanumeric))),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_typed_text_is_searched_without_error(text in query()) {
        let hits = JOURNAL.with(|j| search(j.conn(), &text, &Filter::default(), 20));
        prop_assert!(hits.is_ok(), "{:?}", hits.err().map(|e| e.to_string()));
    }
}

thread_local! {
    /// One journal per test thread, made once: searching only reads it.
    static JOURNAL: Store = journal();
}

#[test]
fn the_well_formed_check_refuses_what_is_not_quoted_prefix_terms() {
    assert!(well_formed("\"feed\"* \"a\"\"b\"*"));
    for bad in [
        "",
        "feed",
        "\"feed\"",
        "\"feed\"*  \"x\"*",
        "\"fe\"ed\"*",
        "\"feed\"*x",
    ] {
        assert!(!well_formed(bad), "{bad:?}");
    }
    let many = vec!["\"a\"*"; MAX_TERMS + 1].join(" ");
    assert!(!well_formed(&many));
}
