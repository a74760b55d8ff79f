//! IPC tests of the library's commands: the shelf, search, the reader, reading state, imports,
//! and the error kinds the UI branches on.

use serde_json::{json, Value};

use crate::harness::{error_kind, folder, open};

const SKIN: &str = "skin-to-skin-contact";

const CLINIC_ARTICLE: &str = "+++
title = \"Notes from the clinic\"
summary = \"What the midwife said about the first weeks.\"
topics = [\"getting-help\"]
order = 1
published = 2026-11-01
related = []
+++

A short introduction from the clinic, in plain words.

## First weeks

Rest when you can, and ask for help early.

## Later

Things usually settle.
";

#[test]
fn list_articles_returns_every_shipped_article_in_order() {
    let tmp = folder();
    let app = open(tmp.path());
    let articles = app.call("list_articles", json!({})).expect("listed");
    let articles = articles.as_array().expect("a list");
    assert!(articles.len() >= 12, "{}", articles.len());
    assert_eq!(articles[0]["slug"], "the-myth-of-instant-bonding");
    assert!(articles
        .iter()
        .all(|a| a["readingMinutes"].as_u64() >= Some(1)));
}

#[test]
fn search_articles_finds_skin_to_skin_however_it_is_written() {
    let tmp = folder();
    let app = open(tmp.path());
    for query in ["skin to skin", "skin-to-skin", "skintoskin", "Skin"] {
        let hits = app
            .call("search_articles", json!({ "query": query }))
            .expect("searched");
        assert_eq!(hits[0]["article"]["slug"], SKIN, "{query}");
    }
    for query in ["\"", "NEAR(", "*", "", "\u{1f476}"] {
        app.call("search_articles", json!({ "query": query }))
            .unwrap_or_else(|err| panic!("{query:?} must not fail: {err}"));
    }
}

#[test]
fn get_article_returns_sanitized_html_contents_and_neighbours() {
    let tmp = folder();
    let app = open(tmp.path());
    let article = app
        .call("get_article", json!({ "slug": SKIN }))
        .expect("rendered");
    let html = article["html"].as_str().expect("html");
    assert!(html.contains("id=\"how-to-do-it-safely\""));
    assert!(!html.contains("<script"));
    assert!(article["toc"]
        .as_array()
        .expect("toc")
        .iter()
        .any(|entry| entry["anchor"] == "how-to-do-it-safely"));
    assert!(article["previousSlug"].is_string());
    let (kind, _) = error_kind(app.call("get_article", json!({ "slug": "no-such-article" })));
    assert_eq!(kind, "not_found");
}

#[test]
fn reading_state_keeps_progress_bookmarks_recents_and_highlights() {
    let tmp = folder();
    let app = open(tmp.path());
    app.call("mark_opened", json!({ "slug": SKIN }))
        .expect("opened");
    app.call(
        "set_progress",
        json!({ "slug": SKIN, "fraction": 0.4, "anchor": "how-long-and-how-often" }),
    )
    .expect("progress");
    assert_eq!(
        app.call("toggle_bookmark", json!({ "slug": SKIN })),
        Ok(json!(true))
    );
    let highlight = app
        .call(
            "add_highlight",
            json!({ "input": { "slug": SKIN, "quote": "simplest things", "anchor": null, "offset": 10 } }),
        )
        .expect("highlighted");
    let noted = app
        .call(
            "set_highlight_note",
            json!({ "id": highlight["id"], "note": "Kind words." }),
        )
        .expect("noted");
    assert_eq!(noted["note"], "Kind words.");
    let state = app
        .call("reading_state", json!({ "slug": SKIN }))
        .expect("state");
    assert_eq!(state["bookmarked"], true);
    assert_eq!(state["progress"]["anchor"], "how-long-and-how-often");
    assert_eq!(state["highlights"][0]["quote"], "simplest things");
    assert_eq!(
        app.call("recently_read", json!({})).expect("recent")[0]["article"]["slug"],
        SKIN
    );
    assert_eq!(
        app.call("list_bookmarks", json!({})).expect("bookmarks")[0]["article"]["slug"],
        SKIN
    );
    assert_eq!(
        app.call("all_progress", json!({})).expect("progress")[0]["fraction"],
        0.4
    );
    app.call("delete_highlight", json!({ "id": highlight["id"] }))
        .expect("removed");
    let (kind, _) = error_kind(app.call("delete_highlight", json!({ "id": highlight["id"] })));
    assert_eq!(kind, "not_found");
}

#[test]
fn impossible_reading_state_is_invalid_input() {
    let tmp = folder();
    let app = open(tmp.path());
    let (kind, _) = error_kind(app.call(
        "set_progress",
        json!({ "slug": SKIN, "fraction": 1.5, "anchor": null }),
    ));
    assert_eq!(kind, "invalid_input");
    let (kind, _) = error_kind(app.call(
        "add_highlight",
        json!({ "input": { "slug": SKIN, "quote": "   ", "anchor": null, "offset": 0 } }),
    ));
    assert_eq!(kind, "invalid_input");
}

#[test]
fn an_imported_article_is_listed_searchable_and_deletable() {
    let tmp = folder();
    let app = open(tmp.path());
    let summary = app
        .call(
            "import_article",
            json!({ "fileName": "notes-from-the-clinic.md", "text": CLINIC_ARTICLE }),
        )
        .expect("imported");
    assert_eq!(summary["source"], "imported");
    let slug = summary["slug"].clone();
    let listed = app.call("list_articles", json!({})).expect("listed");
    assert!(listed
        .as_array()
        .expect("list")
        .iter()
        .any(|a| a["slug"] == slug));
    let hits = app
        .call("search_articles", json!({ "query": "midwife" }))
        .expect("searched");
    assert_eq!(hits[0]["article"]["slug"], slug);
    let (kind, _) = error_kind(app.call(
        "import_article",
        json!({ "fileName": "notes-from-the-clinic.md", "text": CLINIC_ARTICLE }),
    ));
    assert_eq!(kind, "conflict");
    assert_eq!(
        app.call("delete_imported_article", json!({ "slug": slug })),
        Ok(Value::Null)
    );
    let hits = app
        .call("search_articles", json!({ "query": "midwife" }))
        .expect("searched");
    assert!(
        hits.as_array()
            .expect("hits")
            .iter()
            .all(|hit| hit["article"]["slug"] != slug),
        "the deleted import is no longer found"
    );
}

#[test]
fn a_malformed_import_names_the_file_and_line_and_stores_nothing() {
    let tmp = folder();
    let app = open(tmp.path());
    let broken = CLINIC_ARTICLE.replace(
        "Rest when you can",
        "Rest <script>x()</script> when you can",
    );
    let (kind, message) = error_kind(app.call(
        "import_article",
        json!({ "fileName": "clinic.md", "text": broken }),
    ));
    assert_eq!(kind, "invalid_article");
    assert!(message.starts_with("clinic.md, line 14"), "{message}");
    let listed = app.call("list_articles", json!({})).expect("listed");
    assert!(listed
        .as_array()
        .expect("list")
        .iter()
        .all(|a| a["source"] == "shipped"));
}
