//! The journal's JSON: a complete round trip, and refusals that import nothing.

mod common;

use common::{hostile_journal, now, store, today, Fixture, CARE_TEAM, UNSHARED_CHECK_IN};
use nestling_export::{import_json, journal_json, Error, Range, Scope, Selection};
use nestling_journal::testdata::{generate, Plan};
use nestling_journal::{baby, care_team, check_in, kind, moment, timer, words};
use nestling_store::Store;
use rusqlite::Connection;

/// The hostile fixture plus a generated year, so every column sees many values.
fn full_journal() -> (Store, Fixture) {
    let store = store();
    let fx = hostile_journal(store.conn());
    let plan = Plan {
        moments: 400,
        years: 1,
        first_day: common::day("2025-01-01"),
        seed: 7,
    };
    generate(store.conn(), &plan).expect("generated");
    (store, fx)
}

fn ids(conn: &Connection) -> Vec<i64> {
    let mut stmt = conn
        .prepare("SELECT id FROM moment ORDER BY id")
        .expect("sql");
    stmt.query_map([], |r| r.get(0))
        .expect("ids")
        .collect::<Result<_, _>>()
        .expect("ids")
}

fn counts(conn: &Connection) -> (i64, i64, i64) {
    conn.query_row(
        "SELECT (SELECT count(*) FROM moment), (SELECT count(*) FROM baby), (SELECT count(*) FROM moment_kind WHERE built_in = 0)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .expect("counts")
}

#[test]
fn a_complete_journal_survives_export_import_export_exactly() {
    let (original, fx) = full_journal();
    let first = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let copy = store();
    let summary = import_json(copy.conn(), &first, now()).expect("import");
    assert_eq!(
        summary.private_moments as usize,
        fx.private_ids.len() + count_private_generated(&original)
    );
    assert_eq!(summary.timers, 1);
    assert_eq!((summary.check_ins, summary.care_contacts), (4, 2));
    let second = journal_json(copy.conn(), Scope::Everything, now()).expect("export again");
    assert_eq!(first, second);
    assert!(first.contains("\"version\": 2") && first.contains("\"format\": \"nestling-journal\""));
    same_check_ins_and_care_team(original.conn(), copy.conn());

    let (a, b) = (original.conn(), copy.conn());
    assert_eq!(ids(a), ids(b));
    for id in ids(a) {
        let (x, y) = (
            moment::get(a, id).expect("a"),
            moment::get(b, id).expect("b"),
        );
        assert_eq!(x.note, y.note, "note of {id}");
        assert_eq!(
            (x.private, x.deleted_at, x.created_at, x.updated_at),
            (y.private, y.deleted_at, y.created_at, y.updated_at)
        );
        assert_eq!(
            (x.start_local, x.end_local, x.local_date),
            (y.start_local, y.end_local, y.local_date)
        );
        assert_eq!(
            (&x.feelings, &x.tags, &x.who),
            (&y.feelings, &y.tags, &y.who)
        );
        assert_eq!(x, y, "moment {id}");
    }
    assert_eq!(baby::list(a).expect("a"), baby::list(b).expect("b"));
    assert_eq!(kind::list(a).expect("a"), kind::list(b).expect("b"));
    assert_eq!(
        timer::list(a, now()).expect("a"),
        timer::list(b, now()).expect("b")
    );
    assert_eq!(
        words::feeling_suggestions(a).expect("a"),
        words::feeling_suggestions(b).expect("b")
    );
    assert_eq!(
        words::tag_suggestions(a).expect("a"),
        words::tag_suggestions(b).expect("b")
    );
    assert!(kind::get(b, "bathing").expect("kind").hidden);
    assert!(baby::get(b, fx.babies[1]).expect("baby").archived);
    let hits = nestling_journal::search::search(b, "chest", &Default::default(), 10);
    assert!(
        hits.map(|h| !h.is_empty()).unwrap_or(false),
        "the restored notes are searchable"
    );
}

/// Check-ins (the trash, safety answers and choices to share included) and the care team in
/// its order, exactly alike in both journals.
fn same_check_ins_and_care_team(a: &Connection, b: &Connection) {
    let (x, y) = (
        check_in::list_all(a).expect("a"),
        check_in::list_all(b).expect("b"),
    );
    assert_eq!(x.len(), 4);
    assert_eq!(x, y);
    assert!(
        y.iter().any(|c| c.deleted_at.is_some()),
        "the trash is kept"
    );
    assert!(
        y.iter().any(|c| c.safety.is_some()),
        "safety answers are kept"
    );
    assert_eq!(
        care_team::list_with_positions(a).expect("a"),
        care_team::list_with_positions(b).expect("b")
    );
    assert_eq!(care_team::list(b).expect("b").len(), 2);
}

fn count_private_generated(store: &Store) -> usize {
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM moment WHERE private = 1", [], |r| {
            r.get(0)
        })
        .expect("n");
    n as usize - 3
}

#[test]
fn a_journal_that_is_not_empty_is_refused_and_nothing_is_merged() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let target = store();
    hostile_journal(target.conn());
    let before = journal_json(target.conn(), Scope::Everything, now()).expect("before");
    let err = import_json(target.conn(), &json, now()).expect_err("refused");
    assert_eq!(err.kind(), "journal_not_empty");
    assert!(
        matches!(err, Error::JournalNotEmpty { babies: 2, .. }),
        "{err:?}"
    );
    assert_eq!(
        journal_json(target.conn(), Scope::Everything, now()).expect("after"),
        before
    );
}

#[test]
fn a_document_from_a_newer_nestling_is_refused_with_a_request_to_update() {
    let target = store();
    let newer = r#"{"format": "nestling-journal", "version": 3, "exportedAt": "2030-01-01T00:00:00Z",
                   "somethingNew": {"we": "do not know"}, "moments": "not even a list"}"#;
    let err = import_json(target.conn(), newer, now()).expect_err("too new");
    assert!(
        matches!(
            err,
            Error::TooNew {
                found: 3,
                supported: 2
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.kind(), "too_new");
    assert!(err.to_string().contains("Please update Nestling"));
    assert_eq!(counts(target.conn()), (0, 0, 0));
}

#[test]
fn a_truncated_document_is_rejected_with_its_line_and_column_and_nothing_imported() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let cut = &json[..json.len() * 2 / 3];
    let target = store();
    let err = import_json(target.conn(), cut, now()).expect_err("truncated");
    let Error::Malformed { line, column } = err else {
        panic!("{err:?}")
    };
    assert_eq!(line, cut.lines().count(), "the end of the text");
    assert!(column >= 1);
    assert_eq!(counts(target.conn()), (0, 0, 0));
    let err = import_json(
        target.conn(),
        "{\"format\": \"nestling-journal\",\n  \"version\": 1,\n  oops}",
        now(),
    );
    assert!(
        matches!(err, Err(Error::Malformed { line: 3, column: 3 })),
        "{err:?}"
    );
    assert_eq!(
        import_json(target.conn(), "[1, 2]", now())
            .expect_err("list")
            .kind(),
        "not_a_journal"
    );
}

#[test]
fn a_wrong_type_is_rejected_with_its_path_line_and_column_and_nothing_imported() {
    let (original, fx) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    // The first moment of the fixture has connection 4; make it a word instead.
    let needle = "\"connection\": 4,";
    let at = json.find(needle).expect("a rated moment");
    let broken = format!(
        "{}\"connection\": \"very\",{}",
        &json[..at],
        &json[at + needle.len()..]
    );
    let line = json[..at].lines().count();
    let target = store();
    let err = import_json(target.conn(), &broken, now()).expect_err("wrong type");
    let Error::BadField {
        path,
        line: l,
        column,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(
        path.starts_with("moments[") && path.ends_with("].connection"),
        "{path}"
    );
    assert_eq!(*l, line);
    assert!(*column > 10);
    assert_eq!(counts(target.conn()), (0, 0, 0));
    let _ = fx;
    for note in common::HOSTILE_NOTES {
        assert!(!err.to_string().contains(note));
    }
}

#[test]
fn a_value_out_of_range_is_rejected_with_its_path_and_nothing_imported() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let broken = json.replacen("\"connection\": 4,", "\"connection\": 9,", 1);
    let target = store();
    let err = import_json(target.conn(), &broken, now()).expect_err("rating 9");
    let Error::InvalidValue { path } = &err else {
        panic!("{err:?}")
    };
    assert!(path.ends_with("].connection"), "{path}");
    let broken = json.replacen("\"kindId\": \"feeding\"", "\"kindId\": \"no_such_kind\"", 1);
    let err = import_json(target.conn(), &broken, now()).expect_err("unknown kind");
    assert!(
        matches!(&err, Error::InvalidValue { path } if path.ends_with("].kindId")),
        "{err:?}"
    );
    // A failure inside the write (a duplicated id) rolls back everything written before it.
    let mut doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    let first = doc["moments"][0].clone();
    doc["moments"].as_array_mut().expect("list").push(first);
    let err = import_json(target.conn(), &doc.to_string(), now()).expect_err("duplicate id");
    assert_eq!(err.kind(), "storage");
    assert_eq!(counts(target.conn()), (0, 0, 0));
}

#[test]
fn a_selection_document_shares_only_what_the_report_shares() {
    let store = store();
    let fx = hostile_journal(store.conn());
    let mut s = Selection::new(Range::Last { days: 7 });
    s.include.notes = false;
    s.excluded_ids = vec![fx.shared_ids[1]];
    let json = journal_json(store.conn(), Scope::Selection(&s, today()), now()).expect("json");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("parse");
    assert_eq!(doc["scope"], "selection");
    let moments = doc["moments"].as_array().expect("moments");
    assert_eq!(moments.len(), fx.shared_ids.len() - 1);
    assert!(moments
        .iter()
        .all(|m| m["note"] == "" && m["private"] == false && m["deletedAt"].is_null()));
    assert!(
        moments.iter().any(|m| m["connection"] == 4),
        "ratings are shared"
    );
    assert!(
        moments.iter().all(|m| m["tags"] == serde_json::json!([])),
        "tags are never shared"
    );
    assert!(doc["timers"].as_array().expect("timers").is_empty());
    let words: Vec<&str> = doc["feelingWords"]
        .as_array()
        .expect("w")
        .iter()
        .filter_map(|w| w["word"].as_str())
        .collect();
    assert!(
        words.is_empty(),
        "über-calm was only on the excluded moment: {words:?}"
    );
    // The document is itself importable into an empty journal.
    let copy = common::store();
    let summary = import_json(copy.conn(), &json, now()).expect("import selection");
    assert_eq!(summary.moments as usize, fx.shared_ids.len() - 1);
}

fn check_in_rows(conn: &Connection) -> (i64, i64) {
    conn.query_row(
        "SELECT (SELECT count(*) FROM check_in), (SELECT count(*) FROM care_contact)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .expect("counts")
}

#[test]
fn a_version_1_document_still_restores_with_no_check_ins_or_care_team() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let mut doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    let fields = doc.as_object_mut().expect("an object");
    fields.remove("checkIns").expect("check-ins written");
    fields.remove("careTeam").expect("care team written");
    fields.insert("version".into(), 1.into());
    let copy = store();
    let summary = import_json(copy.conn(), &doc.to_string(), now()).expect("v1 restores");
    assert_eq!((summary.check_ins, summary.care_contacts), (0, 0));
    assert_eq!(ids(copy.conn()), ids(original.conn()));
    assert_eq!(check_in_rows(copy.conn()), (0, 0));
}

#[test]
fn a_check_in_breaking_a_journal_rule_is_refused_with_the_journals_error_and_nothing_written() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let mut doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    doc["checkIns"][1]["sleepMinutes"] = 7.into();
    let target = store();
    let err = import_json(target.conn(), &doc.to_string(), now()).expect_err("refused");
    assert!(
        matches!(
            err,
            Error::Journal(nestling_journal::Error::SleepOutOfRange { minutes: 7 })
        ),
        "{err:?}"
    );
    assert_eq!(err.kind(), "sleep_out_of_range");
    assert_eq!(
        counts(target.conn()),
        (0, 0, 0),
        "the moments written first are rolled back"
    );
    assert_eq!(check_in_rows(target.conn()), (0, 0));
    assert!(!err.to_string().contains(common::SHARED_CHECK_IN));
}

#[test]
fn a_care_contact_breaking_a_journal_rule_is_refused_and_nothing_written() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let mut doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    doc["careTeam"][1]["phone"] = "call me".into();
    let target = store();
    let err = import_json(target.conn(), &doc.to_string(), now()).expect_err("refused");
    assert!(
        matches!(
            err,
            Error::Journal(nestling_journal::Error::ContactPhoneInvalid)
        ),
        "{err:?}"
    );
    assert_eq!(counts(target.conn()), (0, 0, 0));
    assert_eq!(check_in_rows(target.conn()), (0, 0));
}

#[test]
fn a_journal_holding_only_a_check_in_is_not_empty() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let target = store();
    let taken = common::at("2026-10-01T08:00:00Z");
    let input = nestling_journal::CheckInInput {
        taken_at: taken,
        ..Default::default()
    };
    check_in::insert(target.conn(), &input, now()).expect("check-in");
    let err = import_json(target.conn(), &json, now()).expect_err("refused");
    assert!(
        matches!(err, Error::JournalNotEmpty { other: 1, .. }),
        "{err:?}"
    );
    assert_eq!(counts(target.conn()), (0, 0, 0));
}

#[test]
fn a_selection_never_holds_the_safety_answer_the_care_team_or_unmarked_check_ins() {
    let store = store();
    let fx = hostile_journal(store.conn());
    let s = Selection::new(Range::Last { days: 7 });
    let json = journal_json(store.conn(), Scope::Selection(&s, today()), now()).expect("json");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("parse");
    let shared = doc["checkIns"].as_array().expect("check-ins");
    assert_eq!(
        shared.len(),
        1,
        "only the live one marked for the report, in the range"
    );
    assert_eq!(shared[0]["id"], fx.check_ins[0]);
    assert_eq!(shared[0]["mood"], 2);
    assert_eq!(shared[0]["note"], common::SHARED_CHECK_IN);
    for absent in [
        "safety",
        "unwanted_thoughts",
        "might_act",
        "careTeam",
        CARE_TEAM,
        UNSHARED_CHECK_IN,
    ] {
        assert!(!json.contains(absent), "{absent} in a selection");
    }
    let everything = journal_json(store.conn(), Scope::Everything, now()).expect("json");
    assert!(
        everything.contains("\"safety\": \"unwanted_thoughts\""),
        "the test can fail"
    );
    assert!(everything.contains(CARE_TEAM) && everything.contains(UNSHARED_CHECK_IN));
}

#[test]
fn a_selection_leaves_check_in_notes_out_when_notes_are_not_shared_and_check_ins_when_unticked() {
    let store = store();
    hostile_journal(store.conn());
    let mut s = Selection::new(Range::Last { days: 7 });
    s.include.notes = false;
    let json = journal_json(store.conn(), Scope::Selection(&s, today()), now()).expect("json");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("parse");
    assert_eq!(doc["checkIns"][0]["note"], serde_json::Value::Null);
    assert_eq!(doc["checkIns"][0]["worry"], 3);
    s.include.check_ins = false;
    let json = journal_json(store.conn(), Scope::Selection(&s, today()), now()).expect("json");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("parse");
    assert_eq!(doc["checkIns"], serde_json::json!([]));
}

/// Sets the value at `pointer` in the exported document.
fn broken(json: &str, pointer: &str, value: serde_json::Value) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(json).expect("json");
    *doc.pointer_mut(pointer).expect(pointer) = value;
    doc.to_string()
}

#[test]
fn a_document_breaking_each_journal_rule_gets_the_journals_own_error_and_nothing_written() {
    use serde_json::json;
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let many: Vec<String> = (0..21).map(|i| format!("t{i}")).collect();
    let cases = [
        (
            "/moments/0/connection",
            json!(9),
            "connection_out_of_range",
            "moments[0].connection",
        ),
        (
            "/moments/0/tags",
            json!(many),
            "too_many_tags",
            "moments[0].tags",
        ),
        (
            "/moments/0/feelings",
            json!(many),
            "too_many_feelings",
            "moments[0].feelings",
        ),
        (
            "/moments/0/tags",
            json!(["a,b"]),
            "tag_has_comma",
            "moments[0].tags",
        ),
        (
            "/moments/0/utcOffsetSeconds",
            json!(50_401),
            "offset_out_of_range",
            "moments[0].utcOffsetSeconds",
        ),
        (
            "/moments/0/kindId",
            json!("no_such_kind"),
            "unknown_kind",
            "moments[0].kindId",
        ),
        (
            "/moments/0/babyId",
            json!(999),
            "unknown_baby",
            "moments[0].babyId",
        ),
        (
            "/moments/0/startedAt",
            json!("1999-01-01T00:00:00Z"),
            "start_too_early",
            "moments[0].startedAt",
        ),
        (
            "/moments/0/who",
            json!({"caregiver": ""}),
            "caregiver_name_empty",
            "moments[0].who.caregiver",
        ),
        (
            "/babies/0/name",
            json!(" "),
            "baby_name_empty",
            "babies[0].name",
        ),
        (
            "/feelingWords/0/word",
            json!("w".repeat(41)),
            "feeling_word_too_long",
            "feelingWords[0].word",
        ),
        (
            "/timers/0/utcOffsetSeconds",
            json!(-43_201),
            "offset_out_of_range",
            "timers[0].utcOffsetSeconds",
        ),
    ];
    for (pointer, value, kind, at) in cases {
        let target = store();
        let err =
            import_json(target.conn(), &broken(&json, pointer, value), now()).expect_err(pointer);
        assert_eq!(err.kind(), kind, "{pointer}: {err:?}");
        let Error::InvalidValue { path } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((&**path, path.rule().map(|r| r.kind())), (at, Some(kind)));
        assert!(err.to_string().ends_with("Nothing was imported."), "{err}");
        assert_eq!(counts(target.conn()), (0, 0, 0), "{pointer}");
        assert!(check_in::list_all(target.conn()).expect("none").is_empty());
    }
}

#[test]
fn a_preview_counts_the_document_and_its_duplicates_and_writes_nothing() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let into_empty = nestling_export::preview_json(store().conn(), &json, now()).expect("preview");
    assert!(into_empty.journal_empty);
    assert_eq!(into_empty.duplicates, nestling_export::Counts::default());
    assert_eq!(into_empty.in_file.moments as i64, counts(original.conn()).0);
    let before = journal_json(original.conn(), Scope::Everything, now()).expect("before");
    let again = nestling_export::preview_json(original.conn(), &json, now()).expect("preview");
    assert!(!again.journal_empty);
    assert_eq!(
        again.duplicates, again.in_file,
        "everything is already there"
    );
    assert_eq!(
        journal_json(original.conn(), Scope::Everything, now()).expect("after"),
        before
    );
}

#[test]
fn a_merge_adds_what_is_new_and_skips_the_duplicates() {
    let (original, _) = full_journal();
    let json = journal_json(original.conn(), Scope::Everything, now()).expect("export");
    let target = store();
    hostile_journal(target.conn());
    let held = counts(target.conn()).0;
    let done =
        nestling_export::restore_json(target.conn(), &json, nestling_export::Mode::Merge, now())
            .expect("merge");
    let total = counts(original.conn()).0;
    assert_eq!(
        done.duplicates.moments as i64, held,
        "the hostile moments are already there"
    );
    assert_eq!(done.added.moments as i64, total - held);
    assert_eq!(counts(target.conn()).0, total);
    let err = nestling_export::restore_json(
        target.conn(),
        "{\"format\": \"other\"}",
        nestling_export::Mode::Merge,
        now(),
    )
    .expect_err("not ours");
    assert_eq!(err.kind(), "not_a_journal");
}
