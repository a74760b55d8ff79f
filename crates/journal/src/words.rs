//! Feeling words and tags: how they are cleaned, and the suggestions offered back.
//!
//! Both are cleaned like every short field (see [the crate's text rules](crate#text)) and then lower-cased, so
//! "Calm" and "calm " are one word. A tag may start with `#`, which is dropped. Every feeling
//! word the parent uses is kept in the journal's word list so it can be offered again, even
//! after the moment that used it is purged. Suggestions are ordered by how often the word or tag
//! is used on moments that are not in the trash, most frequent first.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row};
use serde::Serialize;

use crate::clean;
use crate::{Error, Result};

/// The longest feeling word or tag, in characters.
pub const MAX_WORD_CHARS: usize = 40;
/// The most feeling words, and the most tags, one moment can hold.
pub const MAX_PER_MOMENT: usize = 20;

/// A feeling word with how often it is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeelingUse {
    /// The word, lower-case.
    pub word: String,
    /// On how many moments (outside the trash) it is used.
    pub uses: i64,
    /// Whether it is one of Nestling's own words rather than the parent's.
    pub built_in: bool,
}

/// A tag with how often it is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TagUse {
    /// The tag, lower-case, without `#`.
    pub tag: String,
    /// On how many moments (outside the trash) it is used.
    pub uses: i64,
}

/// Cleans and checks one feeling word.
pub fn feeling_word(raw: &str) -> Result<String> {
    let word = clean::short_text(raw).to_lowercase();
    match clean::chars(&word) {
        0 => Err(Error::FeelingWordEmpty),
        n if n > MAX_WORD_CHARS => Err(Error::FeelingWordTooLong { chars: n }),
        _ => Ok(word),
    }
}

/// Cleans and checks one tag.
pub fn tag(raw: &str) -> Result<String> {
    let cleaned = clean::short_text(raw);
    let tag = clean::short_text(cleaned.trim_start_matches('#')).to_lowercase();
    match clean::chars(&tag) {
        0 => Err(Error::TagEmpty),
        _ if tag.contains(',') => Err(Error::TagHasComma),
        n if n > MAX_WORD_CHARS => Err(Error::TagTooLong { chars: n }),
        _ => Ok(tag),
    }
}

/// Cleans and checks a moment's feeling words, dropping repeats and keeping their order.
pub(crate) fn feeling_words(raw: &[String]) -> Result<Vec<String>> {
    let words = unique(raw.iter().map(|w| feeling_word(w)).collect::<Result<_>>()?);
    match words.len() {
        n if n > MAX_PER_MOMENT => Err(Error::TooManyFeelings { count: n }),
        _ => Ok(words),
    }
}

/// Cleans and checks a moment's tags, dropping repeats and keeping their order.
pub(crate) fn tags(raw: &[String]) -> Result<Vec<String>> {
    let tags = unique(raw.iter().map(|t| tag(t)).collect::<Result<_>>()?);
    match tags.len() {
        n if n > MAX_PER_MOMENT => Err(Error::TooManyTags { count: n }),
        _ => Ok(tags),
    }
}

fn unique(items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|i| seen.insert(i.clone()))
        .collect()
}

/// Keeps `word` in the word list (a no-op for a word already there).
pub(crate) fn remember(conn: &Connection, word: &str, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO feeling_word (word, built_in, position, created_at)
         VALUES (?1, 0, (SELECT max(position) + 1 FROM feeling_word), ?2)
         ON CONFLICT (word) DO NOTHING",
    )?
    .execute(params![word, now.timestamp()])?;
    Ok(())
}

/// Adds a feeling word of the parent's own to the list offered, without logging a moment.
pub fn add_feeling_word(conn: &Connection, raw: &str, now: DateTime<Utc>) -> Result<String> {
    let word = feeling_word(raw)?;
    remember(conn, &word, now)?;
    Ok(word)
}

/// Replaces the feeling words of moment `id` (already checked).
pub(crate) fn set_feelings(
    conn: &Connection,
    id: i64,
    words: &[String],
    now: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached("DELETE FROM moment_feeling WHERE moment_id = ?1")?
        .execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO moment_feeling (moment_id, word, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, word) in words.iter().enumerate() {
        remember(conn, word, now)?;
        insert.execute(params![id, word, position as i64])?;
    }
    Ok(())
}

/// Replaces the tags of moment `id` (already checked).
pub(crate) fn set_tags(conn: &Connection, id: i64, tags: &[String]) -> Result<()> {
    conn.prepare_cached("DELETE FROM moment_tag WHERE moment_id = ?1")?
        .execute([id])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO moment_tag (moment_id, tag, position) VALUES (?1, ?2, ?3)")?;
    for (position, tag) in tags.iter().enumerate() {
        insert.execute(params![id, tag, position as i64])?;
    }
    Ok(())
}

/// Every feeling word (Nestling's and the parent's own), most used first; words used equally
/// often keep the list's order (built-in words first, then the parent's in the order added).
pub fn feeling_suggestions(conn: &Connection) -> Result<Vec<FeelingUse>> {
    let mut stmt = conn.prepare_cached(&format!(
        "WITH {USES}
         SELECT w.word, w.built_in, ifnull(u.n, 0) - ifnull(t.n, 0) AS uses
           FROM feeling_word w
           LEFT JOIN used u ON u.label = w.word LEFT JOIN trashed t ON t.label = w.word
          ORDER BY uses DESC, w.position",
        USES = uses_sql("moment_feeling", "word")
    ))?;
    let words = stmt
        .query_map([], |row: &Row<'_>| {
            Ok(FeelingUse {
                word: row.get(0)?,
                built_in: row.get(1)?,
                uses: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(words)
}

/// Every tag in use on a moment outside the trash, most used first, then alphabetically.
pub fn tag_suggestions(conn: &Connection) -> Result<Vec<TagUse>> {
    let mut stmt = conn.prepare_cached(&format!(
        "WITH {USES}
         SELECT u.label, u.n - ifnull(t.n, 0) AS uses
           FROM used u LEFT JOIN trashed t ON t.label = u.label
          WHERE uses > 0
          ORDER BY uses DESC, u.label",
        USES = uses_sql("moment_tag", "tag")
    ))?;
    let tags = stmt
        .query_map([], |row: &Row<'_>| {
            Ok(TagUse {
                tag: row.get(0)?,
                uses: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tags)
}

/// Two named counts per label of `table` (`moment_feeling` or `moment_tag`): `used`, on every
/// moment, and `trashed`, on moments in the trash. Counting everything from the label's own
/// index and subtracting the trash (which is small) avoids looking up every moment that uses a
/// label, which took 80 ms on a ten-year journal. `CROSS JOIN` keeps SQLite from driving the
/// trash count from the labels instead of from the trash's own index.
fn uses_sql(table: &str, column: &str) -> String {
    format!(
        "used (label, n) AS (SELECT {column}, count(*) FROM {table} GROUP BY {column}),
         trashed (label, n) AS (
             SELECT x.{column}, count(*) FROM moment m CROSS JOIN {table} x ON x.moment_id = m.id
              WHERE m.deleted_at IS NOT NULL GROUP BY x.{column})"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, store};

    #[test]
    fn the_built_in_feeling_words_are_offered_in_order_before_any_use() {
        let store = store();
        let words: Vec<_> = feeling_suggestions(store.conn())
            .expect("suggestions")
            .into_iter()
            .map(|w| w.word)
            .collect();
        assert_eq!(
            words,
            [
                "calm",
                "tender",
                "proud",
                "joyful",
                "numb",
                "anxious",
                "overwhelmed",
                "exhausted",
                "tearful",
                "irritable",
                "guilty",
                "disconnected"
            ]
        );
    }

    #[test]
    fn feeling_words_are_trimmed_and_lower_cased() {
        assert_eq!(feeling_word("  Hopeful\t").expect("ok"), "hopeful");
        assert_eq!(feeling_word("ÉMU").expect("ok"), "ému");
    }

    #[test]
    fn rejects_an_empty_feeling_word() {
        let err = feeling_word(" \n ").expect_err("empty");
        assert!(matches!(err, Error::FeelingWordEmpty));
        assert_eq!(
            err.to_string(),
            "A feeling word cannot be empty. Please type a word, or remove the empty one."
        );
    }

    #[test]
    fn rejects_a_feeling_word_over_forty_characters() {
        assert!(feeling_word(&"ü".repeat(40)).is_ok());
        let err = feeling_word(&"ü".repeat(41)).expect_err("too long");
        assert!(matches!(err, Error::FeelingWordTooLong { chars: 41 }));
        assert_eq!(
            err.to_string(),
            "A feeling word can be up to 40 characters long. Please shorten it."
        );
    }

    #[test]
    fn rejects_more_than_twenty_feeling_words_but_counts_repeats_once() {
        let many: Vec<String> = (0..21).map(|i| format!("word{i}")).collect();
        let err = feeling_words(&many).expect_err("too many");
        assert_eq!(
            err.to_string(),
            "A moment can hold up to 20 feeling words. Please remove a few."
        );
        let repeated: Vec<String> = (0..30).map(|_| "Calm".to_string()).collect();
        assert_eq!(feeling_words(&repeated).expect("one word"), ["calm"]);
    }

    #[test]
    fn tags_drop_a_leading_hash_and_are_lower_cased() {
        assert_eq!(tag(" #Night Feed ").expect("ok"), "night feed");
        assert_eq!(tag("##grandma").expect("ok"), "grandma");
    }

    #[test]
    fn rejects_tag_that_is_empty_has_a_comma_or_is_too_long() {
        let cases = [
            (
                " # ",
                "A tag cannot be empty. Please type a tag, or remove the empty one.",
            ),
            (
                "night, day",
                "A tag cannot contain a comma. Please add each tag on its own.",
            ),
            (
                &"t".repeat(41) as &str,
                "A tag can be up to 40 characters long. Please shorten it.",
            ),
        ];
        for (raw, message) in cases {
            assert_eq!(tag(raw).expect_err("refused").to_string(), message);
        }
        let many: Vec<String> = (0..21).map(|i| format!("t{i}")).collect();
        assert_eq!(
            tags(&many).expect_err("too many").to_string(),
            "A moment can hold up to 20 tags. Please remove a few."
        );
    }

    #[test]
    fn a_word_of_the_parents_own_is_kept_to_offer_again() {
        let store = store();
        let word =
            add_feeling_word(store.conn(), " Hopeful ", at("2024-03-05T10:00:00Z")).expect("added");
        assert_eq!(word, "hopeful");
        add_feeling_word(store.conn(), "HOPEFUL", at("2024-03-05T10:00:00Z")).expect("again");
        let words = feeling_suggestions(store.conn()).expect("suggestions");
        assert_eq!(words.len(), 13);
        let last = words.last().expect("a word");
        assert_eq!(
            (last.word.as_str(), last.built_in, last.uses),
            ("hopeful", false, 0)
        );
    }
}

#[cfg(test)]
mod use_tests {
    use super::*;
    use crate::testing::{input, log, now, store};
    use crate::{trash, MomentInput};

    fn with(feelings: &[&str], tags: &[&str]) -> MomentInput {
        MomentInput {
            feelings: feelings.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            ..input("feeding", "2024-05-06T08:00:00Z")
        }
    }

    #[test]
    fn feeling_suggestions_put_the_most_used_first() {
        let store = store();
        log(&store, &with(&["exhausted", "tender"], &[]));
        log(&store, &with(&["exhausted", "hopeful"], &[]));
        log(&store, &with(&["exhausted", "hopeful"], &[]));
        let words = feeling_suggestions(store.conn()).expect("suggestions");
        let top: Vec<_> = words
            .iter()
            .take(4)
            .map(|w| (w.word.as_str(), w.uses, w.built_in))
            .collect();
        assert_eq!(
            top,
            [
                ("exhausted", 3, true),
                ("hopeful", 2, false),
                ("tender", 1, true),
                ("calm", 0, true)
            ]
        );
    }

    #[test]
    fn tag_suggestions_put_the_most_used_first_and_ignore_the_trash() {
        let store = store();
        log(&store, &with(&[], &["night", "colic"]));
        log(&store, &with(&[], &["night"]));
        let trashed = log(&store, &with(&[], &["visitors", "visitors2", "visitors3"]));
        trash::soft_delete(store.conn(), trashed.id, now()).expect("trashed");
        let tags: Vec<_> = tag_suggestions(store.conn())
            .expect("suggestions")
            .into_iter()
            .map(|t| (t.tag, t.uses))
            .collect();
        assert_eq!(tags, [("night".to_string(), 2), ("colic".to_string(), 1)]);
    }

    #[test]
    fn a_moment_in_the_trash_does_not_count_towards_a_feeling() {
        let store = store();
        let m = log(&store, &with(&["numb"], &[]));
        trash::soft_delete(store.conn(), m.id, now()).expect("trashed");
        let numb = feeling_suggestions(store.conn())
            .expect("suggestions")
            .into_iter()
            .find(|w| w.word == "numb")
            .expect("still offered");
        assert_eq!(numb.uses, 0);
    }
}
