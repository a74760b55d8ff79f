//! Reading state in the journal file: progress, bookmarks, highlights and recently read.

use chrono::{DateTime, Duration, TimeZone, Utc};
use nestling_library::reading::{self, NewHighlight, MAX_NOTE_CHARS, MAX_QUOTE_CHARS};
use nestling_library::{Error, Library};
use nestling_store::Store;

const SKIN: &str = "skin-to-skin-contact";
const MYTH: &str = "the-myth-of-instant-bonding";

fn setup() -> (Store, Library) {
    (
        Store::open_in_memory().expect("journal"),
        Library::shipped(),
    )
}

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 21, 0, 0)
        .single()
        .expect("valid")
        + Duration::minutes(minutes)
}

fn new_highlight(quote: &str, anchor: Option<&str>, offset: u32) -> NewHighlight {
    NewHighlight {
        slug: SKIN.into(),
        quote: quote.into(),
        anchor: anchor.map(Into::into),
        offset,
        note: None,
    }
}

#[test]
fn progress_is_saved_and_replaced() {
    let (store, library) = setup();
    let conn = store.conn();
    assert_eq!(reading::progress(conn, SKIN).expect("read"), None);
    reading::set_progress(conn, &library, SKIN, 0.25, Some("what-it-is"), at(0)).expect("saved");
    let saved = reading::set_progress(conn, &library, SKIN, 0.5, None, at(5)).expect("saved");
    let read = reading::progress(conn, SKIN).expect("read").expect("some");
    assert_eq!(read, saved);
    assert_eq!(
        (read.fraction, read.anchor, read.updated_at),
        (0.5, None, at(5))
    );
}

#[test]
fn progress_outside_zero_to_one_is_refused() {
    let (store, library) = setup();
    for bad in [-0.01, 1.01, f64::NAN, f64::INFINITY] {
        let err = reading::set_progress(store.conn(), &library, SKIN, bad, None, at(0))
            .expect_err("refused");
        assert!(matches!(err, Error::ProgressOutOfRange { .. }), "{err:?}");
    }
    let err =
        reading::set_progress(store.conn(), &library, SKIN, 2.0, None, at(0)).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "Reading progress must be a fraction from 0 to 1, not 2."
    );
    assert_eq!(err.kind(), "invalid_input");
}

#[test]
fn progress_in_a_section_the_article_does_not_have_is_refused() {
    let (store, library) = setup();
    let err = reading::set_progress(store.conn(), &library, SKIN, 0.5, Some("nope"), at(0))
        .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "The article \u{201c}skin-to-skin-contact\u{201d} has no section \u{201c}nope\u{201d}. It may have changed since; reopen it and try again."
    );
}

#[test]
fn an_unknown_article_is_not_found() {
    let (store, library) = setup();
    let err = reading::toggle_bookmark(store.conn(), &library, "nope", at(0)).expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "There is no article called \u{201c}nope\u{201d} in the library. It may have been deleted."
    );
    assert_eq!(err.kind(), "not_found");
}

#[test]
fn a_bookmark_toggles_on_and_off() {
    let (store, library) = setup();
    let conn = store.conn();
    assert!(reading::toggle_bookmark(conn, &library, SKIN, at(0)).expect("on"));
    assert!(reading::is_bookmarked(conn, SKIN).expect("read"));
    assert!(!reading::toggle_bookmark(conn, &library, SKIN, at(1)).expect("off"));
    assert!(!reading::is_bookmarked(conn, SKIN).expect("read"));
}

#[test]
fn bookmarks_list_newest_first_with_their_articles() {
    let (store, library) = setup();
    let conn = store.conn();
    reading::toggle_bookmark(conn, &library, SKIN, at(0)).expect("on");
    reading::toggle_bookmark(conn, &library, MYTH, at(3)).expect("on");
    let listed = reading::bookmarks(conn, &library).expect("list");
    let slugs: Vec<&str> = listed.iter().map(|b| b.article.slug.as_str()).collect();
    assert_eq!(slugs, [MYTH, SKIN]);
    assert_eq!(listed[0].created_at, at(3));
    let json = serde_json::to_value(&listed[1]).expect("serializes");
    assert_eq!(json["createdAt"], "2026-11-26T21:00:00Z");
    assert_eq!(json["article"]["title"], "Skin-to-skin contact");
}

#[test]
fn recently_read_lists_the_most_recent_first_once_each() {
    let (store, library) = setup();
    let conn = store.conn();
    reading::mark_opened(conn, &library, SKIN, at(0)).expect("opened");
    reading::mark_opened(conn, &library, MYTH, at(1)).expect("opened");
    reading::mark_opened(conn, &library, SKIN, at(2)).expect("opened again");
    let recent = reading::recently_read(conn, &library, 10).expect("list");
    let slugs: Vec<&str> = recent.iter().map(|r| r.article.slug.as_str()).collect();
    assert_eq!(slugs, [SKIN, MYTH]);
    assert_eq!(recent[0].opened_at, at(2));
    assert_eq!(
        reading::recently_read(conn, &library, 1)
            .expect("list")
            .len(),
        1
    );
}

#[test]
fn a_highlight_is_saved_with_its_position_and_note() {
    let (store, library) = setup();
    let conn = store.conn();
    let mut new = new_highlight(
        "both of your bodies release oxytocin",
        Some("why-it-can-help"),
        34,
    );
    new.note = Some("Ask the midwife about this".into());
    let saved = reading::add_highlight(conn, &library, &new, at(0)).expect("saved");
    assert_eq!(saved.quote, new.quote);
    assert_eq!(
        (saved.anchor.as_deref(), saved.offset),
        (Some("why-it-can-help"), 34)
    );
    assert_eq!(saved.note.as_deref(), Some("Ask the midwife about this"));
    assert_eq!((saved.created_at, saved.updated_at), (at(0), at(0)));
    let json = serde_json::to_value(&saved).expect("serializes");
    for key in [
        "id",
        "slug",
        "quote",
        "anchor",
        "offset",
        "note",
        "createdAt",
        "updatedAt",
    ] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
}

#[test]
fn highlights_are_listed_in_reading_order() {
    let (store, library) = setup();
    let conn = store.conn();
    let later = reading::add_highlight(
        conn,
        &library,
        &new_highlight("later", Some("how-long-and-how-often"), 0),
        at(0),
    )
    .expect("saved");
    let second = reading::add_highlight(
        conn,
        &library,
        &new_highlight("second", Some("what-it-is"), 40),
        at(1),
    )
    .expect("saved");
    let first = reading::add_highlight(
        conn,
        &library,
        &new_highlight("first", Some("what-it-is"), 3),
        at(2),
    )
    .expect("saved");
    let intro = reading::add_highlight(conn, &library, &new_highlight("intro", None, 10), at(3))
        .expect("saved");
    let ids: Vec<i64> = reading::highlights(conn, &library, SKIN)
        .expect("list")
        .iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(ids, [intro.id, first.id, second.id, later.id]);
    let newest: Vec<i64> = reading::all_highlights(conn, &library)
        .expect("all")
        .iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(newest, [intro.id, first.id, second.id, later.id]);
}

#[test]
fn a_highlight_of_nothing_is_refused() {
    let (store, library) = setup();
    let err = reading::add_highlight(
        store.conn(),
        &library,
        &new_highlight("  \n", None, 0),
        at(0),
    )
    .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "A highlight needs some text. Select a few words and try again."
    );
}

#[test]
fn a_highlight_may_be_2000_characters_but_not_more() {
    let (store, library) = setup();
    let conn = store.conn();
    let longest = "é".repeat(MAX_QUOTE_CHARS);
    reading::add_highlight(conn, &library, &new_highlight(&longest, None, 0), at(0)).expect("fits");
    let err = reading::add_highlight(
        conn,
        &library,
        &new_highlight(&format!("{longest}x"), None, 0),
        at(0),
    )
    .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "This highlight is 2001 characters long, and the most is 2000. Select a shorter passage."
    );
}

#[test]
fn a_note_may_be_10000_characters_but_not_more() {
    let (store, library) = setup();
    let conn = store.conn();
    let saved = reading::add_highlight(conn, &library, &new_highlight("quote", None, 0), at(0))
        .expect("saved");
    let longest = "ü".repeat(MAX_NOTE_CHARS);
    reading::set_highlight_note(conn, saved.id, Some(&longest), at(1)).expect("fits");
    let err = reading::set_highlight_note(conn, saved.id, Some(&format!("{longest}!")), at(2))
        .expect_err("refused");
    assert!(
        matches!(
            err,
            Error::NoteTooLong {
                chars: 10_001,
                max: 10_000
            }
        ),
        "{err:?}"
    );
    let kept = reading::highlights(conn, &library, SKIN).expect("list");
    assert_eq!(
        kept[0].note.as_deref(),
        Some(longest.as_str()),
        "the refused note changed nothing"
    );
}

#[test]
fn a_note_can_be_changed_and_a_blank_note_removes_it() {
    let (store, library) = setup();
    let conn = store.conn();
    let saved = reading::add_highlight(conn, &library, &new_highlight("quote", None, 0), at(0))
        .expect("saved");
    let noted = reading::set_highlight_note(conn, saved.id, Some("mine"), at(5)).expect("noted");
    assert_eq!(
        (noted.note.as_deref(), noted.updated_at, noted.created_at),
        (Some("mine"), at(5), at(0))
    );
    let cleared = reading::set_highlight_note(conn, saved.id, Some("   "), at(6)).expect("cleared");
    assert_eq!(cleared.note, None);
}

#[test]
fn deleting_a_highlight_returns_it_and_removes_it() {
    let (store, library) = setup();
    let conn = store.conn();
    let saved = reading::add_highlight(conn, &library, &new_highlight("quote", None, 0), at(0))
        .expect("saved");
    assert_eq!(
        reading::delete_highlight(conn, saved.id).expect("deleted"),
        saved
    );
    assert!(reading::highlights(conn, &library, SKIN)
        .expect("list")
        .is_empty());
    let err = reading::delete_highlight(conn, saved.id).expect_err("gone");
    assert_eq!(
        err.to_string(),
        format!(
            "There is no highlight number {}. It may already have been deleted.",
            saved.id
        )
    );
}

#[test]
fn the_reading_state_of_an_article_comes_in_one_call() {
    let (store, library) = setup();
    let conn = store.conn();
    reading::set_progress(conn, &library, SKIN, 0.4, None, at(0)).expect("saved");
    reading::toggle_bookmark(conn, &library, SKIN, at(0)).expect("on");
    reading::add_highlight(conn, &library, &new_highlight("quote", None, 0), at(0)).expect("saved");
    let state = reading::reading_state(conn, &library, SKIN).expect("state");
    assert!(state.bookmarked);
    assert_eq!(state.highlights.len(), 1);
    assert_eq!(state.progress.map(|p| p.fraction), Some(0.4));
    let other = reading::reading_state(conn, &library, MYTH).expect("state");
    assert!(!other.bookmarked && other.highlights.is_empty() && other.progress.is_none());
}

#[test]
fn the_schema_refuses_what_the_functions_refuse() {
    let (store, _) = setup();
    let conn = store.conn();
    let too_long = "x".repeat(MAX_QUOTE_CHARS + 1);
    let direct = conn.execute(
        "INSERT INTO reading_highlight (slug, quote, text_offset, created_at, updated_at) VALUES ('a', ?1, 0, 0, 0)",
        [too_long],
    );
    assert!(direct.is_err());
    let bad_progress = conn.execute(
        "INSERT INTO reading_progress (slug, fraction, updated_at) VALUES ('a', 1.5, 0)",
        [],
    );
    assert!(bad_progress.is_err());
    let wrong_type = conn.execute(
        "INSERT INTO reading_bookmark (slug, created_at) VALUES ('a', 'yesterday')",
        [],
    );
    assert!(wrong_type.is_err(), "tables are STRICT");
}
