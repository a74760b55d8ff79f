//! Full-text search over the library: an SQLite FTS5 index in its own in-memory connection.
//!
//! Why in memory and not in the journal file: the index is derived data. Shipped articles
//! change with each release and imported ones live in the journal as Markdown, so the index is
//! rebuilt from a [`Library`] at start and after an import or delete (about 0.2 s for 1,000
//! articles, a few milliseconds for the shipped ones; see BENCHMARKS.md). Keeping it out of the
//! journal means no migration when the tokenizer or ranking changes, nothing to keep in sync
//! transactionally, and no second copy of the articles in the parent's backups.
//!
//! Matching: the `porter unicode61 remove_diacritics 2` tokenizer gives stemming ("bonded" finds
//! "bonding") and accent folding; every query word is a prefix ("bond" finds "bonding").
//! Hyphenated words are also indexed with the hyphens removed, so "skin to skin",
//! "skin-to-skin" and "skintoskin" all find skin-to-skin contact. Ranking: articles whose title
//! matches every word come first, then by `bm25` with title > summary > headings > body.
//! Highlights and snippets are built in Rust from the query's stems, as stemmed by SQLite.
//!
//! Queries are never passed to FTS5 as written: each word becomes a quoted prefix term, so
//! quotes, `*`, `-`, `:`, parentheses, `NEAR` or emoji never cause a syntax error.

use std::collections::BTreeSet;

use rusqlite::Connection;
use serde::Serialize;

use crate::synonyms::{self, Part};
use crate::{snippet, Article, ArticleSummary, Library, Result};

/// The most results one search returns.
pub const MAX_RESULTS: usize = 100;

/// The most words of a query that are searched for; a pasted paragraph uses its first words.
pub const MAX_QUERY_WORDS: usize = 12;

/// The index, and a scratch table whose only use is to stem the query's words with exactly
/// the tokenizer the index uses.
const SCHEMA: &str = "CREATE VIRTUAL TABLE article_fts USING fts5(
    title, title_joined, summary, headings, body, joined,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE probe USING fts5(words, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'row');";

/// Title matches first, then `bm25` with weights in the order of the columns of [`SCHEMA`].
const RANKED: &str = "SELECT rowid,
        rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?2) AS title_hit
    FROM article_fts WHERE article_fts MATCH ?1
    ORDER BY title_hit DESC, bm25(article_fts, 10.0, 10.0, 5.0, 3.0, 1.0, 1.0), rowid
    LIMIT ?3";

/// A run of text in a search result, highlighted when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    /// Plain text: the UI inserts it as text, never as HTML.
    pub text: String,
    /// Whether this run matched the query.
    pub highlighted: bool,
}

/// One article found by a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// The article's summary fields.
    pub article: ArticleSummary,
    /// The title, with the words that matched highlighted.
    pub title_segments: Vec<Segment>,
    /// A short passage of the body (or the summary) around the matches.
    pub snippet: Vec<Segment>,
}

/// A search index over one [`Library`]. Rebuild it when the library changes.
#[derive(Debug)]
pub struct SearchIndex {
    conn: Connection,
    /// Each indexed article, by rowid - 1.
    docs: Vec<Doc>,
}

/// What a hit shows of an article.
#[derive(Debug)]
struct Doc {
    article: ArticleSummary,
    body: snippet::Text,
}

impl SearchIndex {
    /// Indexes every article of `library`.
    pub fn build(library: &Library) -> Result<SearchIndex> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        let tx = conn.transaction()?;
        let docs = library
            .articles()
            .iter()
            .zip(1_i64..)
            .map(|(article, rowid)| index(&tx, rowid, article))
            .collect::<Result<_>>()?;
        tx.commit()?;
        Ok(SearchIndex { conn, docs })
    }

    /// The articles matching `query`, best first, at most `limit` (capped at [`MAX_RESULTS`]).
    ///
    /// Every word must match; when that finds nothing, every word looked up on its own in the
    /// synonym table (a phrase such as "postpartum anxiety" that no article uses still finds
    /// the articles with both words); when that finds nothing, any word may. A query with no
    /// letters or digits finds nothing and is not an error.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let limit = limit.min(MAX_RESULTS);
        let Some(all) = fts_query(query, " AND ") else {
            return Ok(Vec::new());
        };
        let mut rowids = self.ranked(&all, limit)?;
        if let Some(each) = fts_query_with(query, " AND ", synonyms::expand_each) {
            if rowids.is_empty() && each != all {
                rowids = self.ranked(&each, limit)?;
            }
        }
        if rowids.is_empty() && all.contains(" AND ") {
            let any = fts_query(query, " OR ").unwrap_or(all);
            rowids = self.ranked(&any, limit)?;
        }
        if rowids.is_empty() {
            return Ok(Vec::new());
        }
        let stems = self.stems(query)?;
        Ok(rowids
            .into_iter()
            .filter_map(|rowid| self.hit(rowid, &stems))
            .collect())
    }

    /// How many articles are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The rowids of the best `limit` matches of the FTS5 expression `expr`.
    fn ranked(&self, expr: &str, limit: usize) -> Result<Vec<i64>> {
        let in_title = format!("{{title title_joined}} : ({expr})");
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(RANKED)?;
        let rows = stmt.query_map(rusqlite::params![expr, in_title, limit], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The query's words as porter stems, from SQLite's own tokenizer, so that highlights
    /// mark what FTS5 matched.
    fn stems(&self, query: &str) -> Result<Vec<String>> {
        let words = highlight_words(query);
        self.conn.execute("DELETE FROM probe", [])?;
        self.conn
            .execute("INSERT INTO probe (rowid, words) VALUES (1, ?1)", [words])?;
        let mut stmt = self.conn.prepare_cached("SELECT term FROM probe_terms")?;
        let terms = stmt.query_map([], |row| row.get(0))?;
        Ok(terms.collect::<rusqlite::Result<_>>()?)
    }

    fn hit(&self, rowid: i64, stems: &[String]) -> Option<SearchHit> {
        let doc = self
            .docs
            .get(usize::try_from(rowid).ok()?.checked_sub(1)?)?;
        Some(SearchHit {
            title_segments: snippet::highlight(&doc.article.title, stems),
            snippet: best_snippet(&doc.body, &doc.article.summary, stems),
            article: doc.article.clone(),
        })
    }
}

/// Adds `article` to the index as `rowid`, and returns what its hits will show.
fn index(conn: &Connection, rowid: i64, article: &Article) -> Result<Doc> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO article_fts (rowid, title, title_joined, summary, headings, body, joined)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let row = Row::of(article);
    insert.execute(rusqlite::params![
        rowid,
        article.title(),
        row.title_joined,
        article.summary(),
        row.headings,
        article.plain_text(),
        row.joined
    ])?;
    Ok(Doc {
        article: ArticleSummary::of(article),
        body: snippet::Text::new(article.plain_text().to_owned()),
    })
}

/// The columns that are not taken as they are from the article.
struct Row {
    title_joined: String,
    headings: String,
    joined: String,
}

impl Row {
    fn of(article: &Article) -> Row {
        let headings: Vec<&str> = article.toc().iter().map(|e| e.text.as_str()).collect();
        let headings = headings.join("\n");
        let joined = [
            joined_words(article.summary()),
            joined_words(&headings),
            joined_words(article.plain_text()),
        ];
        Row {
            title_joined: joined_words(article.title()),
            headings,
            joined: joined.join(" "),
        }
    }
}

/// Each hyphenated word of `text` with its hyphens removed: "skin-to-skin" → "skintoskin".
fn joined_words(text: &str) -> String {
    let words: BTreeSet<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|word| word.trim_matches('-'))
        .filter(|word| word.contains('-'))
        .map(|word| word.replace('-', "").to_lowercase())
        .collect();
    words.into_iter().collect::<Vec<_>>().join(" ")
}

/// The FTS5 expression for a parent-typed query, joined by `joiner`: each word a quoted
/// prefix term, each word or phrase of the synonym table an OR group of its exact phrases
/// (see [`synonyms`]). `None` when no word has a letter or digit.
pub(crate) fn fts_query(query: &str, joiner: &str) -> Option<String> {
    fts_query_with(query, joiner, synonyms::expand)
}

/// [`fts_query`] with the query's words matched against the synonym table by `expand`.
fn fts_query_with(
    query: &str,
    joiner: &str,
    expand: for<'q> fn(&[&'q str]) -> Vec<Part<'q>>,
) -> Option<String> {
    let words = query_words(query);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut terms: Vec<String> = Vec::new();
    for part in expand(&words) {
        let expr = match part {
            Part::Typed(word) if is_stop_word(word) && words.len() > 1 => continue,
            Part::Typed(word) => term(word),
            Part::Group(group) => any_of(group.words),
        };
        if !terms.contains(&expr) {
            terms.push(expr);
        }
    }
    if terms.is_empty() {
        // Only stop words: search for them as typed.
        terms = words.iter().map(|w| term(w)).collect();
    }
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(joiner))
    }
}

/// The OR group of the table's `entries`, each an exact quoted phrase; the entries hold no
/// double quote (a unit test of [`synonyms`] checks).
fn any_of(entries: &[&str]) -> String {
    let phrases: Vec<String> = entries.iter().map(|e| format!("\"{e}\"")).collect();
    format!("({})", phrases.join(" OR "))
}

/// Words too common to narrow a search, dropped unless the query has nothing else.
fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "an", "the", "i", "im", "i'm", "me", "my", "of", "and", "or", "is", "am", "are", "it",
        "its", "for", "to", "with", "be", "so", "just", "really", "very", "in", "on", "at", "do",
        "does", "how", "what", "why", "can", "should", "will", "about", "during", "seeing", "new",
    ];
    STOP.contains(&word.to_lowercase().as_str())
}

/// The words of a query that are searched for, control characters taken as spaces: those
/// with a letter or digit, without repeats, at most [`MAX_QUERY_WORDS`].
fn query_words(query: &str) -> Vec<String> {
    // A NUL or other control character ends or breaks an FTS5 string; none is a word.
    let cleaned: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut words: Vec<String> = Vec::new();
    for word in cleaned.split_whitespace() {
        let searchable = word.chars().any(char::is_alphanumeric);
        if searchable && !words.iter().any(|w| w == word) && words.len() < MAX_QUERY_WORDS {
            words.push(word.to_owned());
        }
    }
    words
}

/// The query's words and the table's words they stand for, for highlighting.
fn highlight_words(query: &str) -> String {
    let words = query_words(query);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut out: Vec<&str> = Vec::new();
    for part in synonyms::expand(&words) {
        match part {
            Part::Typed(word) => out.push(word),
            Part::Group(group) => out.extend(group.words.iter().copied()),
        }
    }
    out.join(" ")
}

fn term(word: &str) -> String {
    let collapsed: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    let quoted = format!("\"{}\"*", word.replace('"', "\"\""));
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.chars().any(|c| !c.is_alphanumeric()) {
        // "skin-to-skin" is the phrase "skin to skin", or the word "skintoskin".
        format!("({quoted} OR \"{collapsed}\"*)")
    } else {
        quoted
    }
}

/// The passage of the body around the matches; else the summary when it matched; else the
/// start of the body.
fn best_snippet(body: &snippet::Text, summary: &str, stems: &[String]) -> Vec<Segment> {
    if let Some(passage) = body.around_matches(stems) {
        return passage;
    }
    let summary = snippet::highlight(summary, stems);
    if summary.iter().any(|s| s.highlighted) {
        return summary;
    }
    body.lead()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_becomes_a_quoted_prefix_term() {
        assert_eq!(
            fts_query("sleep baby", " AND ").as_deref(),
            Some("\"sleep\"* AND \"baby\"*")
        );
    }

    #[test]
    fn quotes_and_operators_are_quoted_away() {
        assert_eq!(
            fts_query("\"unbalanced NEAR(a) -x col:y", " AND ").as_deref(),
            Some("\"\"\"unbalanced\"* AND (\"NEAR(a)\"* OR \"NEARa\"*) AND \"-x\"* AND (\"col:y\"* OR \"coly\"*)")
        );
    }

    #[test]
    fn words_without_letters_or_digits_are_dropped() {
        assert_eq!(fts_query("* ( ) - \u{1f476} \u{e000}", " AND "), None);
        assert_eq!(fts_query("   ", " AND "), None);
    }

    #[test]
    fn repeated_words_count_once_and_long_queries_are_cut() {
        assert_eq!(
            fts_query("sleep sleep", " AND ").as_deref(),
            Some("\"sleep\"*")
        );
        let long: Vec<String> = (0..50).map(|i| format!("w{i}")).collect();
        let expr = fts_query(&long.join(" "), " AND ").expect("terms");
        assert_eq!(expr.matches(" AND ").count(), MAX_QUERY_WORDS - 1);
    }

    #[test]
    fn a_hyphenated_word_also_searches_its_joined_form() {
        assert_eq!(
            fts_query("well-being", " AND ").as_deref(),
            Some("(\"well-being\"* OR \"wellbeing\"*)")
        );
    }

    #[test]
    fn joined_words_collapse_only_hyphenated_words() {
        assert_eq!(
            joined_words("Skin-to-skin, good-enough care - and -x"),
            "goodenough skintoskin"
        );
    }
}
