//! IPC tests of the export's commands: what a selection covers, the preview, and the errors the
//! UI branches on. Saving needs the native dialog and is covered end to end.

use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open, Harness};

fn log(app: &Harness, note: &str, private: bool) -> i64 {
    let start = chrono::Utc::now() - chrono::TimeDelta::hours(2);
    let input = json!({
        "kindId": "skin_to_skin",
        "startedAt": start.to_rfc3339(),
        "utcOffsetSeconds": 0,
        "endedAt": (start + chrono::TimeDelta::minutes(30)).to_rfc3339(),
        "connection": 4,
        "feelings": ["calm"],
        "note": note,
        "private": private,
    });
    let saved = app
        .call("log_moment", json!({ "input": input }))
        .expect("saved");
    saved["id"].as_i64().expect("an id")
}

fn last_week() -> Value {
    json!({ "range": { "last": { "days": 7 } } })
}

#[test]
fn candidates_leave_out_private_moments_and_count_them() {
    let tmp = folder();
    let app = open(tmp.path());
    let shared = log(&app, "shared note", false);
    log(&app, "private note", true);
    let got = app
        .call("export_candidates", json!({ "selection": last_week() }))
        .expect("listed");
    let ids: Vec<i64> = got["moments"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|m| m["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, vec![shared]);
    assert_eq!(got["privateLeftOut"], 1);
}

#[test]
fn the_preview_is_the_report_without_private_or_unticked_moments() {
    let tmp = folder();
    let app = open(tmp.path());
    let kept = log(&app, "kept <b>as text</b> \u{1f476}", false);
    let unticked = log(&app, "left out by hand", false);
    log(&app, "private note", true);
    let mut selection = last_week();
    selection["excludedIds"] = json!([unticked]);
    selection["include"] = json!({ "notes": true, "feelings": false, "ratings": true });
    let report = app
        .call("export_preview", json!({ "selection": selection }))
        .expect("previewed");
    assert_eq!(report["summary"]["moments"], 1);
    assert_eq!(report["summary"]["minutes"], 30);
    let entry = &report["days"][0]["entries"][0];
    assert_eq!(entry["id"], kept);
    assert_eq!(entry["note"], "kept <b>as text</b> \u{1f476}");
    assert_eq!(entry["feelings"], json!([]), "feelings were not chosen");
    assert_eq!(entry["connection"], 4);
    let charts: Vec<&str> = report["charts"]
        .as_array()
        .expect("the report's charts")
        .iter()
        .map(|c| c["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(charts, ["care", "skin", "closeness"], "ratings are shared");
    let weeks = report["summary"]["weekly"].as_array().expect("the weeks");
    let counted: Vec<(u64, u64)> = weeks
        .iter()
        .map(|w| {
            (
                w["moments"].as_u64().unwrap_or(99),
                w["skinToSkinMinutes"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(counted.iter().map(|c| c.0).sum::<u64>(), 1, "{weeks:?}");
    assert_eq!(counted.iter().map(|c| c.1).sum::<u64>(), 30, "{weeks:?}");
    assert!(report["charts"][0]["svg"]
        .as_str()
        .is_some_and(|svg| svg.starts_with("data:image/svg+xml")));
    let text = report.to_string();
    assert!(!text.contains("private note") && !text.contains("left out by hand"));
}

#[test]
fn an_impossible_range_is_refused_with_a_clear_message() {
    let tmp = folder();
    let app = open(tmp.path());
    let selection =
        json!({ "range": { "between": { "first": "2026-11-20", "last": "2026-11-01" } } });
    let (kind, message) = error_kind(app.call("export_preview", json!({ "selection": selection })));
    assert_eq!(kind, "invalid_input", "{message}");
    assert!(!message.is_empty());
}

#[test]
fn cancelling_with_no_save_in_progress_is_harmless() {
    let tmp = folder();
    let app = open(tmp.path());
    assert_eq!(
        app.call("export_cancel", json!({})).expect("ok"),
        Value::Null
    );
}

fn check_in(app: &Harness, note: &str, in_report: bool) -> i64 {
    let taken = chrono::Utc::now() - chrono::TimeDelta::hours(2);
    let input = json!({
        "takenAt": taken.to_rfc3339(),
        "utcOffsetSeconds": 0,
        "mood": 2,
        "sleepMinutes": 375,
        "safety": "unwanted_thoughts",
        "note": note,
        "inReport": in_report,
    });
    let saved = app
        .call("add_check_in", json!({ "input": input }))
        .expect("saved");
    saved["id"].as_i64().expect("an id")
}

/// The Markdown a save writes: the previewed report, rendered as `saving::collect` renders it.
fn markdown_of(app: &Harness, selection: Value) -> String {
    let report = app
        .call("export_preview", json!({ "selection": selection }))
        .expect("previewed");
    let report: nestling_export::Report = serde_json::from_value(report).expect("a report");
    nestling_export::markdown(&report)
}

#[test]
fn a_shared_check_in_reaches_the_markdown_and_an_unshared_one_does_not() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app, "a moment", false);
    let shared = check_in(&app, "SHARED-CHECK-IN note", true);
    check_in(&app, "UNSHARED-CHECK-IN note", false);
    let report = app
        .call("export_preview", json!({ "selection": last_week() }))
        .expect("previewed");
    let ids: Vec<&Value> = report["checkIns"]
        .as_array()
        .expect("a list")
        .iter()
        .collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(ids[0]["id"], shared);
    let text = markdown_of(&app, last_week());
    assert!(
        text.contains("How I felt — my own check-in answers"),
        "{text}"
    );
    assert!(text.contains("Mood: I chose 2") && text.contains("6 h 15 min"));
    assert!(text.contains("SHARED-CHECK-IN note"), "{text}");
    for absent in ["UNSHARED", "unwanted", "thoughts"] {
        assert!(
            !text.contains(absent),
            "{absent} reached the Markdown:\n{text}"
        );
    }
    assert!(!report.to_string().contains("unwanted_thoughts"));
}

#[test]
fn unticking_check_ins_leaves_them_out_of_the_markdown() {
    let tmp = folder();
    let app = open(tmp.path());
    check_in(&app, "SHARED-CHECK-IN note", true);
    let mut selection = last_week();
    selection["include"] =
        json!({ "notes": true, "feelings": true, "ratings": true, "checkIns": false });
    let text = markdown_of(&app, selection);
    assert!(
        !text.contains("How I felt") && !text.contains("SHARED"),
        "{text}"
    );
}
