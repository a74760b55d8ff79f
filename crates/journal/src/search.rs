//! Full-text search over notes (FTS5, Porter stemming, diacritics folded), ranked by bm25.
//!
//! Whatever a parent types is safe: the text is split on whitespace, every piece that has a
//! letter or digit becomes a quoted prefix term (`"feed"*`, with `"` doubled inside), and the
//! terms are joined with AND. Quotes, stars, parentheses, `-`, `:`, `NEAR`, `OR` and unbalanced
//! quotes are therefore just text, and no query can be an FTS5 syntax error. Stemming works on
//! whole words ("feeds" finds "feeding"); a word cut off mid-suffix ("feedin") may match only
//! once it is complete, because the index holds stems.
//!
//! Results are ranked by bm25 among the [`RANK_WINDOW`] most recently written matches that pass
//! the filter (all matches, when there are fewer): a word found in thousands of notes still
//! answers in a few milliseconds, at the price that an old note matching better than the newer
//! ones may not come first. Ties go to the newest.
//!
//! Snippets are returned as [`Segment`]s — plain text pieces, some highlighted — so the UI
//! builds them with text nodes and no HTML is ever made from a note. Moments in the trash never
//! appear.

use std::fmt;

use rusqlite::Connection;
use serde::Serialize;

use crate::moment::{from_row, Moment, MomentRow, Redacted, COLUMNS};
use crate::query::{Bound, Filter, FILTER_SQL};
use crate::Result;

/// The most results one search returns.
pub const MAX_LIMIT: u32 = 200;
/// A screenful of results: what the UI asks for first.
pub const DEFAULT_LIMIT: u32 = 20;
/// The most terms of a query that are used; more would only slow the search down.
pub const MAX_TERMS: usize = 16;
/// How many of the most recently written matches are ranked by bm25.
pub const RANK_WINDOW: u32 = 500;
/// How many words a snippet shows around the match.
const SNIPPET_TOKENS: u32 = 16;
const MARK_START: char = '\u{2}';
const MARK_END: char = '\u{3}';

/// One result: the moment and a short excerpt of its note.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// The moment found.
    pub moment: Moment,
    /// The excerpt, in order; matched words are highlighted.
    pub snippet: Vec<Segment>,
}

/// A hit as the page receives it: the moment as a row shows it ([`MomentRow`]) and the snippet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchRow {
    /// The moment found, as a row.
    pub moment: MomentRow,
    /// The excerpt, in order; matched words are highlighted.
    pub snippet: Vec<Segment>,
}

impl From<SearchHit> for SearchRow {
    fn from(h: SearchHit) -> SearchRow {
        SearchRow {
            moment: h.moment.into(),
            snippet: h.snippet,
        }
    }
}

/// A piece of a snippet: plain text, shown highlighted or not.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    /// The text, exactly as in the note (an ellipsis `…` marks a cut).
    pub text: String,
    /// Whether it matched the query.
    pub highlighted: bool,
}

impl fmt::Debug for SearchHit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchHit")
            .field("moment", &self.moment)
            .field("snippet", &self.snippet)
            .finish()
    }
}

impl fmt::Debug for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segment")
            .field("text", &Redacted(&self.text))
            .field("highlighted", &self.highlighted)
            .finish()
    }
}

/// The best matches for `text` among live moments that pass `filter`, best first, at most
/// `limit` (1 to [`MAX_LIMIT`]). A query with no letter or digit finds nothing.
///
/// Ranking is bm25 over the [`RANK_WINDOW`] most recently written matches (all of them, when
/// there are fewer), which bounds the time a very common word takes.
pub fn search(
    conn: &Connection,
    text: &str,
    filter: &Filter,
    limit: u32,
) -> Result<Vec<SearchHit>> {
    let Some(expression) = match_expression(text) else {
        return Ok(Vec::new());
    };
    let ranked = ranked_ids(conn, &expression, filter, limit.clamp(1, MAX_LIMIT))?;
    let mut hits = with_snippets(conn, &expression, &ranked)?;
    hits.sort_by_key(|hit| ranked.iter().position(|id| *id == hit.moment.id));
    Ok(hits)
}

/// The ids of the best `limit` matches, best first: the matches that pass the filter are walked
/// newest first, [`RANK_WINDOW`] of them are kept, and those are ordered by bm25.
fn ranked_ids(
    conn: &Connection,
    expression: &str,
    filter: &Filter,
    limit: u32,
) -> Result<Vec<i64>> {
    let sql = format!(
        "WITH recent AS MATERIALIZED (
             SELECT moment_fts.rowid AS id, bm25(moment_fts) AS score
               FROM moment_fts JOIN moment m ON m.id = moment_fts.rowid
              WHERE moment_fts MATCH ?1 AND m.deleted_at IS NULL AND {FILTER_SQL}
              ORDER BY moment_fts.rowid DESC LIMIT ?8)
         SELECT id FROM recent ORDER BY score, id DESC LIMIT ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let bound = Bound::new(filter);
    let mut params = bound.params(&expression, &limit).to_vec();
    params.push(&RANK_WINDOW);
    let ids = stmt
        .query_map(params.as_slice(), |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The moments `ids` with their snippets, in no particular order.
///
/// FTS5 makes a snippet only while scanning a match, so this scans the matches again, between
/// the lowest and highest id (seeking each id instead would reload the whole list of matches
/// every time), and keeps the rows whose id is in the JSON array `?4`.
fn with_snippets(conn: &Connection, expression: &str, ids: &[i64]) -> Result<Vec<SearchHit>> {
    let (Some(low), Some(high)) = (ids.iter().min(), ids.iter().max()) else {
        return Ok(Vec::new());
    };
    let wanted = format!(
        "[{}]",
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    );
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, snippet(moment_fts, 0, char(2), char(3), '…', {SNIPPET_TOKENS})
           FROM moment_fts JOIN moment m ON m.id = moment_fts.rowid
          WHERE moment_fts MATCH ?1 AND moment_fts.rowid BETWEEN ?2 AND ?3
            AND +moment_fts.rowid IN (SELECT value FROM json_each(?4))"
    ))?;
    let hits = stmt
        .query_map(rusqlite::params![expression, low, high, wanted], |row| {
            Ok(SearchHit {
                moment: from_row(row)?,
                snippet: segments(&row.get::<_, String>(21)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(hits)
}

/// Turns what the parent typed into an FTS5 expression of quoted prefix terms, or none.
pub fn match_expression(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .map(|piece| {
            piece
                .chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
        })
        .filter(|piece| piece.chars().any(char::is_alphanumeric))
        .take(MAX_TERMS)
        .map(|piece| format!("\"{}\"*", piece.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Splits a marked snippet into plain and highlighted pieces.
fn segments(marked: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut highlighted = false;
    for c in marked.chars() {
        if c == MARK_START || c == MARK_END {
            push_segment(&mut out, std::mem::take(&mut current), highlighted);
            highlighted = c == MARK_START;
        } else {
            current.push(c);
        }
    }
    push_segment(&mut out, current, highlighted);
    out
}

fn push_segment(out: &mut Vec<Segment>, text: String, highlighted: bool) {
    if !text.is_empty() {
        out.push(Segment { text, highlighted });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{input, log, now, store};
    use crate::{moment, trash, MomentInput};
    use nestling_store::Store;

    fn noted(store: &Store, start: &str, note: &str) -> Moment {
        log(
            store,
            &MomentInput {
                note: note.into(),
                ..input("soothing", start)
            },
        )
    }

    fn found(store: &Store, text: &str) -> Vec<i64> {
        search(store.conn(), text, &Filter::default(), 50)
            .expect("searched")
            .iter()
            .map(|hit| hit.moment.id)
            .collect()
    }

    fn index_is_consistent(store: &Store) {
        store
            .conn()
            .execute(
                "INSERT INTO moment_fts (moment_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .expect("the index matches the notes");
    }

    #[test]
    fn finds_words_by_their_beginning() {
        let store = store();
        let m = noted(&store, "2024-05-06T08:00:00Z", "Tummy time on the play mat");
        assert_eq!(found(&store, "tumm"), [m.id]);
        assert_eq!(found(&store, "pla ma"), [m.id]);
        assert!(
            found(&store, "ummy").is_empty(),
            "only beginnings of words match"
        );
    }

    #[test]
    fn finds_other_forms_of_a_word() {
        let store = store();
        let m = noted(
            &store,
            "2024-05-06T08:00:00Z",
            "She was feeding for ages, then slept",
        );
        assert_eq!(found(&store, "feeds"), [m.id]);
        assert_eq!(found(&store, "Feed"), [m.id]);
        assert_eq!(
            found(&store, "sleeping"),
            Vec::<i64>::new(),
            "slept is not a form of sleep to Porter"
        );
    }

    #[test]
    fn finds_words_without_regard_to_accents() {
        let store = store();
        let m = noted(
            &store,
            "2024-05-06T08:00:00Z",
            "Coffee at the café, naïve hopes",
        );
        assert_eq!(found(&store, "cafe naive"), [m.id]);
        assert_eq!(found(&store, "CAFÉ"), [m.id]);
    }

    #[test]
    fn every_word_must_match() {
        let store = store();
        let both = noted(&store, "2024-05-06T08:00:00Z", "bath then bottle");
        noted(&store, "2024-05-06T09:00:00Z", "bath only");
        assert_eq!(found(&store, "bath bottle"), [both.id]);
    }

    #[test]
    fn ranks_the_closest_match_first() {
        let store = store();
        let weak = noted(
            &store,
            "2024-05-06T08:00:00Z",
            "A long day of visitors, laundry, errands, phone calls and finally one lullaby before bed",
        );
        let strong = noted(&store, "2024-05-06T09:00:00Z", "Lullaby, lullaby, lullaby");
        assert_eq!(found(&store, "lullaby"), [strong.id, weak.id]);
    }

    #[test]
    fn snippets_are_plain_segments_with_the_match_highlighted() {
        let store = store();
        noted(
            &store,
            "2024-05-06T08:00:00Z",
            "<b>Rocked</b> her & sang \"Moon\" 🌙 softly",
        );
        let hits = search(store.conn(), "moon", &Filter::default(), 10).expect("searched");
        let segments: Vec<(&str, bool)> = hits[0]
            .snippet
            .iter()
            .map(|s| (s.text.as_str(), s.highlighted))
            .collect();
        assert_eq!(
            segments,
            [
                ("<b>Rocked</b> her & sang \"", false),
                ("Moon", true),
                ("\" 🌙 softly", false)
            ]
        );
        let json = serde_json::to_value(&hits[0].snippet[1]).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"text": "Moon", "highlighted": true})
        );
    }

    #[test]
    fn long_notes_give_a_short_snippet_around_the_match() {
        let store = store();
        let filler = "word ".repeat(200);
        noted(
            &store,
            "2024-05-06T08:00:00Z",
            &format!("{filler}giggled {filler}"),
        );
        let hits = search(store.conn(), "giggle", &Filter::default(), 10).expect("searched");
        let text: String = hits[0].snippet.iter().map(|s| s.text.as_str()).collect();
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.chars().count() < 120, "{text}");
        assert!(hits[0]
            .snippet
            .iter()
            .any(|s| s.highlighted && s.text == "giggled"));
    }

    #[test]
    fn anything_a_parent_types_is_a_safe_query() {
        let store = store();
        let m = noted(
            &store,
            "2024-05-06T08:00:00Z",
            "Baby NEAR the window said AND OR NOT",
        );
        for query in [
            "\"",
            "\"unbalanced",
            "baby\"",
            "(",
            ")",
            "(baby",
            "baby)",
            "*",
            "**baby",
            "baby*",
            "-baby",
            "baby -window",
            "note:baby",
            ":",
            "NEAR",
            "NEAR(baby window)",
            "baby NEAR",
            "AND",
            "OR",
            "NOT",
            "baby OR",
            "^baby",
            "+",
            "{note}: baby",
            "''",
            "\u{0}baby",
            "baby\u{2}",
            "🌙",
            "   ",
            "",
            "\"\"",
            "col:\"x\"*",
            "a\"b",
            "🌙 baby",
        ] {
            search(store.conn(), query, &Filter::default(), 10)
                .unwrap_or_else(|err| panic!("{query:?} failed: {err}"));
        }
        assert_eq!(found(&store, "(baby"), [m.id]);
        assert_eq!(
            found(&store, "baby-near"),
            [m.id],
            "joined words are a phrase"
        );
        assert_eq!(found(&store, "\"window"), [m.id]);
        assert_eq!(
            found(&store, "NOT"),
            [m.id],
            "operators are words like any other"
        );
    }

    #[test]
    fn the_expression_quotes_each_term_as_a_prefix() {
        assert_eq!(match_expression("  baby  ").as_deref(), Some("\"baby\"*"));
        assert_eq!(
            match_expression("a\"b NEAR").as_deref(),
            Some("\"a\"\"b\"* \"NEAR\"*")
        );
        assert_eq!(match_expression("- ( ) * 🌙"), None);
        let many = "w ".repeat(50);
        let terms = match_expression(&many).map(|e| e.split(' ').count());
        assert_eq!(terms, Some(MAX_TERMS));
    }

    #[test]
    fn moments_in_the_trash_are_not_found() {
        let store = store();
        let m = noted(&store, "2024-05-06T08:00:00Z", "cradle");
        trash::soft_delete(store.conn(), m.id, now()).expect("trashed");
        assert!(found(&store, "cradle").is_empty());
        trash::restore(store.conn(), m.id, now()).expect("restored");
        assert_eq!(found(&store, "cradle"), [m.id]);
    }

    #[test]
    fn the_index_follows_every_insert_edit_delete_restore_and_purge() {
        let store = store();
        let m = noted(&store, "2024-05-06T08:00:00Z", "first words");
        index_is_consistent(&store);
        let edited = MomentInput {
            note: "second thoughts".into(),
            ..input("soothing", "2024-05-06T08:00:00Z")
        };
        moment::update(store.conn(), m.id, &edited, now()).expect("edited");
        index_is_consistent(&store);
        assert!(found(&store, "first").is_empty());
        assert_eq!(found(&store, "thoughts"), [m.id]);
        trash::soft_delete(store.conn(), m.id, now()).expect("trashed");
        index_is_consistent(&store);
        trash::restore(store.conn(), m.id, now()).expect("restored");
        assert_eq!(found(&store, "second"), [m.id]);
        trash::soft_delete(store.conn(), m.id, now()).expect("trashed");
        trash::purge(store.conn(), m.id).expect("purged");
        index_is_consistent(&store);
        let indexed: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM moment_fts WHERE moment_fts MATCH 'second'",
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(indexed, 0);
    }

    #[test]
    fn filters_apply_to_search() {
        let store = store();
        let private = log(
            &store,
            &MomentInput {
                note: "walk".into(),
                private: true,
                ..input("carrying_walking", "2024-05-06T08:00:00Z")
            },
        );
        let open = noted(&store, "2024-05-06T09:00:00Z", "walk");
        let only = |filter: Filter| -> Vec<i64> {
            search(store.conn(), "walk", &filter, 10)
                .expect("searched")
                .iter()
                .map(|h| h.moment.id)
                .collect()
        };
        assert_eq!(
            only(Filter {
                private: Some(false),
                ..Filter::default()
            }),
            [open.id]
        );
        assert_eq!(
            only(Filter {
                kind_id: Some("carrying_walking".into()),
                ..Filter::default()
            }),
            [private.id]
        );
    }

    /// Logs `count` moments of `kind` noting `note`, a minute apart, in one transaction.
    fn many(store: &Store, count: usize, kind: &str, note: &str) {
        let tx = store.conn().unchecked_transaction().expect("transaction");
        for i in 0..count {
            let start = chrono::DateTime::from_timestamp(1_700_000_000 + 60 * i as i64, 0)
                .expect("instant")
                .to_rfc3339();
            log(
                store,
                &MomentInput {
                    note: note.into(),
                    ..input(kind, &start)
                },
            );
        }
        tx.commit().expect("committed");
    }

    #[test]
    fn ranking_covers_the_most_recent_matches_when_a_word_is_everywhere() {
        let store = store();
        let oldest = noted(&store, "2023-01-01T08:00:00Z", "apple apple apple");
        many(
            &store,
            RANK_WINDOW as usize,
            "rocking",
            "an apple among many other words today",
        );
        let hits = search(store.conn(), "apple", &Filter::default(), 5).expect("searched");
        assert_eq!(hits.len(), 5);
        assert!(
            hits.iter().all(|h| h.moment.id != oldest.id),
            "outside the ranked window"
        );
    }

    #[test]
    fn filters_narrow_the_matches_before_the_ranking_window() {
        let store = store();
        let bath = log(
            &store,
            &MomentInput {
                note: "apple".into(),
                ..input("bathing", "2023-01-01T08:00:00Z")
            },
        );
        many(&store, RANK_WINDOW as usize + 10, "rocking", "apple");
        let only_baths = Filter {
            kind_id: Some("bathing".into()),
            ..Filter::default()
        };
        let hits = search(store.conn(), "apple", &only_baths, 5).expect("searched");
        assert_eq!(
            hits.iter().map(|h| h.moment.id).collect::<Vec<_>>(),
            [bath.id]
        );
    }

    #[test]
    fn the_limit_caps_the_results() {
        let store = store();
        for hour in 0..5 {
            noted(&store, &format!("2024-05-06T0{hour}:00:00Z"), "same");
        }
        assert_eq!(
            search(store.conn(), "same", &Filter::default(), 3)
                .expect("ok")
                .len(),
            3
        );
        assert_eq!(
            search(store.conn(), "same", &Filter::default(), 0)
                .expect("ok")
                .len(),
            1
        );
    }

    #[test]
    fn debug_output_of_a_hit_redacts_the_snippet() {
        let store = store();
        noted(&store, "2024-05-06T08:00:00Z", "secret lullaby");
        let hits = search(store.conn(), "lullaby", &Filter::default(), 10).expect("searched");
        let shown = format!("{hits:?}");
        assert!(
            !shown.contains("secret") && !shown.contains("lullaby"),
            "{shown}"
        );
    }
}
