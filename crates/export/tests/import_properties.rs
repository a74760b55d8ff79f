//! Property tests of the JSON import: arbitrary bytes, arbitrary JSON values and real exports
//! with one value replaced never panic; every refusal is a typed error with a readable message
//! that never repeats journal text; and a refused import leaves the journal empty.

mod common;

use common::{hostile_journal, now, store, SECRET};
use nestling_export::{import_json, journal_json, Error, Scope};
use proptest::prelude::*;
use serde_json::Value;

/// A distinctive note written into every document, so an echo of journal text is easy to see.
const NOTE_MARK: &str = "zebra-lullaby-under-the-moon";

/// A complete export of the hostile fixture, with the mark in every note.
fn exported() -> Value {
    let store = store();
    hostile_journal(store.conn());
    let json = journal_json(store.conn(), Scope::Everything, now()).expect("export");
    let mut doc: Value = serde_json::from_str(&json).expect("valid JSON");
    for moment in doc["moments"].as_array_mut().expect("moments") {
        moment["note"] = Value::from(format!("{NOTE_MARK} {}", moment["note"]));
    }
    doc
}

/// Any JSON value, nested a few levels. The note mark is never one of them: a value put where
/// a kind or a baby is named may rightly be quoted back ("there is no kind called …"), while
/// the notes, which hold the mark, never may.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The refusal is typed, readable and repeats no journal text; the journal stayed empty.
fn check_refusal(err: &Error, conn: &rusqlite::Connection) -> Result<(), TestCaseError> {
    let message = err.to_string();
    prop_assert!(!message.trim().is_empty());
    prop_assert!(!err.kind().is_empty());
    prop_assert!(!message.contains(NOTE_MARK), "{message}");
    prop_assert!(!message.contains(SECRET), "{message}");
    let moments: i64 = conn
        .query_row("SELECT count(*) FROM moment", [], |r| r.get(0))
        .expect("counted");
    prop_assert_eq!(moments, 0);
    Ok(())
}

/// Imports `json` into a fresh journal and checks any refusal.
fn import_checked(json: &str) -> Result<(), TestCaseError> {
    let target = store();
    if let Err(err) = import_json(target.conn(), json, now()) {
        check_refusal(&err, target.conn())?;
    }
    Ok(())
}

/// Replaces the value at a path chosen by `picks` (object keys and array items, walked down
/// from the root) with `value`.
fn replace_somewhere(doc: &mut Value, picks: &[usize], value: Value) {
    let Some((pick, rest)) = picks.split_first() else {
        *doc = value;
        return;
    };
    let next = match doc {
        Value::Object(map) if !map.is_empty() => {
            let len = map.len();
            map.values_mut().nth(pick % len)
        }
        Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            items.get_mut(pick % len)
        }
        _ => None,
    };
    match next {
        Some(next) => replace_somewhere(next, rest, value),
        None => *doc = value,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_are_refused_readably(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        import_checked(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn arbitrary_json_values_are_refused_readably(value in json_value()) {
        import_checked(&value.to_string())?;
    }

    #[test]
    fn a_real_export_with_one_value_replaced_imports_or_is_refused_readably(
        picks in prop::collection::vec(any::<usize>(), 1..5),
        value in json_value(),
    ) {
        let mut doc = DOC.with(Clone::clone);
        replace_somewhere(&mut doc, &picks, value);
        import_checked(&doc.to_string())?;
    }

    #[test]
    fn a_real_export_cut_short_is_refused_readably(cut in 0usize..10_000) {
        let json = DOC.with(Value::to_string);
        let end = json.char_indices().map(|(i, _)| i).find(|i| *i >= cut % json.len());
        let target = store();
        let err = import_json(target.conn(), &json[..end.unwrap_or(0)], now());
        let err = err.expect_err("a document cut short is never whole");
        check_refusal(&err, target.conn())?;
    }
}

thread_local! {
    /// One exported document per test thread.
    static DOC: Value = exported();
}
