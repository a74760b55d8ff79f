//! IPC tests of Patterns: the weekly figures, sentences and charts the screen receives for the
//! range, baby, kind and theme it sends, and the error kind for a range it cannot show.

use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open, Harness};

/// A moment of `kind` on the clock of UTC+02:00, `minutes` long, rated `connection`.
fn log(app: &Harness, kind: &str, start: &str, minutes: i64, connection: Option<u8>) {
    let start = chrono::DateTime::parse_from_rfc3339(start).expect("instant");
    let end = (minutes > 0).then(|| (start + chrono::TimeDelta::minutes(minutes)).to_rfc3339());
    let input = json!({ "kindId": kind, "startedAt": start.to_rfc3339(), "utcOffsetSeconds": 7200,
                        "endedAt": end, "connection": connection, "private": kind == "rocking" });
    app.call("log_moment", json!({ "input": input }))
        .expect("the moment is saved");
}

fn two_weeks(app: &Harness, extra: Value) -> Result<Value, Value> {
    let mut request = json!({ "range": { "from": "2024-05-06", "to": "2024-05-19" },
                              "babyId": null, "kindId": null, "theme": "dark" });
    let fields = request.as_object_mut().expect("object");
    fields.extend(extra.as_object().expect("extra").clone());
    app.call("patterns", json!({ "request": request }))
}

#[test]
fn patterns_returns_each_weeks_figures_sentences_and_svg_charts() {
    let tmp = folder();
    let app = open(tmp.path());
    log(
        &app,
        "skin_to_skin",
        "2024-05-06T21:00:00+02:00",
        30,
        Some(3),
    );
    log(
        &app,
        "skin_to_skin",
        "2024-05-12T23:30:00+02:00",
        45,
        Some(4),
    );
    log(&app, "feeding", "2024-05-14T08:00:00+02:00", 20, None);
    log(&app, "rocking", "2024-05-15T08:00:00+02:00", 0, Some(5));
    let reply = two_weeks(&app, json!({})).expect("patterns");
    assert_eq!(
        (reply["from"].as_str(), reply["to"].as_str()),
        (Some("2024-05-06"), Some("2024-05-19"))
    );
    let week = &reply["weeks"][0];
    assert_eq!(week["firstDay"], "2024-05-06");
    assert_eq!(week["lastDay"], "2024-05-12");
    assert_eq!(
        (week["moments"].as_u64(), week["skinToSkinMinutes"].as_u64()),
        (Some(2), Some(75))
    );
    assert_eq!(week["skinToSkinDays"], 2);
    assert_eq!(week["connection"], json!({ "average": 3.5, "count": 2 }));
    assert_eq!(week["who"], json!({ "me": 2, "partner": 0, "other": 0 }));
    assert_eq!(
        reply["weeks"][1]["moments"], 2,
        "private moments count on the parent's own screen"
    );
    assert_eq!(reply["weeks"][1]["mood"], Value::Null);
    assert_eq!(
        reply["sentences"][0],
        "From 6 May 2024 to 19 May 2024 you held your baby skin to skin on 2 days."
    );
    let ids: Vec<_> = reply["charts"]
        .as_array()
        .expect("charts")
        .iter()
        .map(|c| c["id"].clone())
        .collect();
    assert_eq!(
        ids,
        [
            json!("care"),
            json!("skin"),
            json!("closeness"),
            json!("who")
        ]
    );
    for chart in reply["charts"].as_array().expect("charts") {
        let url = chart["svg"].as_str().expect("svg");
        assert!(
            url.starts_with("data:image/svg+xml;base64,PHN2Zy"),
            "{}",
            chart["id"]
        );
        assert!(!chart["title"].as_str().unwrap_or_default().is_empty());
        assert!(!chart["alt"].as_str().unwrap_or_default().is_empty());
    }
}

#[test]
fn patterns_narrows_to_a_kind_and_accepts_weeks_or_all_as_the_range() {
    let tmp = folder();
    let app = open(tmp.path());
    log(&app, "skin_to_skin", "2024-05-06T21:00:00+02:00", 30, None);
    log(&app, "feeding", "2024-05-07T08:00:00+02:00", 20, None);
    let feeding = two_weeks(&app, json!({ "kindId": "feeding" })).expect("patterns");
    assert_eq!(feeding["weeks"][0]["moments"], 1);
    assert_eq!(feeding["weeks"][0]["kinds"][0]["kindId"], "feeding");
    let all = app
        .call(
            "patterns",
            json!({ "request": { "range": "all", "theme": "night" } }),
        )
        .expect("all time");
    assert_eq!(all["from"], "2024-05-06");
    let recent = app
        .call(
            "patterns",
            json!({ "request": { "range": { "weeks": 4 }, "theme": "light" } }),
        )
        .expect("last four weeks");
    assert_eq!(recent["weeks"].as_array().map(Vec::len), Some(4));
}

#[test]
fn patterns_refuses_a_range_it_cannot_show_with_a_kind_the_ui_can_branch_on() {
    let tmp = folder();
    let app = open(tmp.path());
    let none = app.call(
        "patterns",
        json!({ "request": { "range": { "weeks": 0 }, "theme": "light" } }),
    );
    let (kind, message) = error_kind(none);
    assert_eq!(kind, "weeks_out_of_range");
    assert!(message.contains("1 to 600 weeks"), "{message}");
    let reversed = two_weeks(
        &app,
        json!({ "range": { "from": "2024-05-19", "to": "2024-05-06" } }),
    );
    assert_eq!(error_kind(reversed).0, "range_reversed");
}
