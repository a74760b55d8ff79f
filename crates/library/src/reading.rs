//! The parent's reading state, kept in the journal file: progress, bookmarks, highlights with
//! notes, and recently read articles (tables of migration `0003_library`).
//!
//! Every function takes the connection and, where an article must exist, the [`Library`];
//! functions that record a time take `now`. Rows about articles that are no longer in the
//! library (a deleted import) are kept but left out of lists.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::{Article, ArticleSummary, Error, Library, Result};

/// The longest highlighted passage, in characters.
pub const MAX_QUOTE_CHARS: usize = 2_000;

/// The longest note on a highlight, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// How far the parent has read an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// The article.
    pub slug: String,
    /// How far down the article, from 0 (top) to 1 (end).
    pub fraction: f64,
    /// The section being read, when known.
    pub anchor: Option<String>,
    /// When this was saved.
    pub updated_at: DateTime<Utc>,
}

/// A bookmarked article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bookmark {
    /// The article's summary fields.
    pub article: ArticleSummary,
    /// When it was bookmarked.
    pub created_at: DateTime<Utc>,
}

/// An article the parent opened, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecentRead {
    /// The article's summary fields.
    pub article: ArticleSummary,
    /// When it was last opened.
    pub opened_at: DateTime<Utc>,
}

/// A highlight to add, as the UI sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewHighlight {
    /// The article.
    pub slug: String,
    /// The selected text, 1 to [`MAX_QUOTE_CHARS`] characters.
    pub quote: String,
    /// The section the selection starts in; `None` before the first heading.
    pub anchor: Option<String>,
    /// Where the selection starts, in characters from the start of that section's text.
    pub offset: u32,
    /// An optional note, at most [`MAX_NOTE_CHARS`] characters.
    pub note: Option<String>,
}

/// A saved highlight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Highlight {
    /// Its id.
    pub id: i64,
    /// The article.
    pub slug: String,
    /// The highlighted text.
    pub quote: String,
    /// The section it starts in; `None` before the first heading.
    pub anchor: Option<String>,
    /// Where it starts, in characters from the start of that section's text.
    pub offset: u32,
    /// The parent's note.
    pub note: Option<String>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When it or its note last changed.
    pub updated_at: DateTime<Utc>,
}

/// Everything the reading view shows about the parent's own use of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadingState {
    /// Where they got to, if they have opened it.
    pub progress: Option<Progress>,
    /// Whether it is bookmarked.
    pub bookmarked: bool,
    /// Its highlights, in the order they appear in the article.
    pub highlights: Vec<Highlight>,
}

/// Saves how far the parent has read `slug`: `fraction` from 0 to 1, and the section.
pub fn set_progress(
    conn: &Connection,
    library: &Library,
    slug: &str,
    fraction: f64,
    anchor: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Progress> {
    let article = library.require(slug)?;
    if !(0.0..=1.0).contains(&fraction) {
        return Err(Error::ProgressOutOfRange { fraction });
    }
    check_anchor(article, anchor)?;
    conn.execute(
        "INSERT INTO reading_progress (slug, fraction, anchor, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (slug) DO UPDATE SET fraction = excluded.fraction,
             anchor = excluded.anchor, updated_at = excluded.updated_at",
        params![slug, fraction, anchor, now.timestamp()],
    )?;
    Ok(Progress {
        slug: slug.into(),
        fraction,
        anchor: anchor.map(Into::into),
        updated_at: at_second(now),
    })
}

/// How far the parent has read `slug`, if they have opened it.
pub fn progress(conn: &Connection, slug: &str) -> Result<Option<Progress>> {
    let mut stmt = conn.prepare_cached(
        "SELECT slug, fraction, anchor, updated_at FROM reading_progress WHERE slug = ?1",
    )?;
    Ok(stmt.query_row([slug], progress_row).optional()?)
}

/// The progress of every article that has some, for badges in the list.
pub fn all_progress(conn: &Connection, library: &Library) -> Result<Vec<Progress>> {
    let mut stmt = conn.prepare_cached(
        "SELECT slug, fraction, anchor, updated_at FROM reading_progress ORDER BY slug",
    )?;
    let rows = stmt.query_map([], progress_row)?;
    let all: Vec<Progress> = rows.collect::<rusqlite::Result<_>>()?;
    Ok(all
        .into_iter()
        .filter(|p| library.contains(&p.slug))
        .collect())
}

fn progress_row(row: &Row<'_>) -> rusqlite::Result<Progress> {
    Ok(Progress {
        slug: row.get(0)?,
        fraction: row.get(1)?,
        anchor: row.get(2)?,
        updated_at: instant(row, 3)?,
    })
}

/// Bookmarks `slug`, or removes its bookmark. Returns whether it is bookmarked afterwards.
pub fn toggle_bookmark(
    conn: &Connection,
    library: &Library,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    library.require(slug)?;
    let removed = conn.execute("DELETE FROM reading_bookmark WHERE slug = ?1", [slug])?;
    if removed > 0 {
        return Ok(false);
    }
    conn.execute(
        "INSERT INTO reading_bookmark (slug, created_at) VALUES (?1, ?2)",
        params![slug, now.timestamp()],
    )?;
    Ok(true)
}

/// Whether `slug` is bookmarked.
pub fn is_bookmarked(conn: &Connection, slug: &str) -> Result<bool> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM reading_bookmark WHERE slug = ?1")?;
    Ok(stmt.exists([slug])?)
}

/// Bookmarked articles that are in the library, most recently bookmarked first.
pub fn bookmarks(conn: &Connection, library: &Library) -> Result<Vec<Bookmark>> {
    let mut stmt = conn.prepare_cached(
        "SELECT slug, created_at FROM reading_bookmark ORDER BY created_at DESC, slug",
    )?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, instant(row, 1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (slug, created_at) = row?;
        if let Some(article) = library.get(&slug) {
            out.push(Bookmark {
                article: ArticleSummary::of(article),
                created_at,
            });
        }
    }
    Ok(out)
}

/// Records that `slug` was opened at `now`.
pub fn mark_opened(
    conn: &Connection,
    library: &Library,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    library.require(slug)?;
    conn.execute(
        "INSERT INTO reading_recent (slug, opened_at) VALUES (?1, ?2)
         ON CONFLICT (slug) DO UPDATE SET opened_at = excluded.opened_at",
        params![slug, now.timestamp()],
    )?;
    Ok(())
}

/// Up to `limit` articles in the library, most recently opened first.
pub fn recently_read(
    conn: &Connection,
    library: &Library,
    limit: usize,
) -> Result<Vec<RecentRead>> {
    let mut stmt = conn.prepare_cached(
        "SELECT slug, opened_at FROM reading_recent ORDER BY opened_at DESC, slug",
    )?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, instant(row, 1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        if out.len() == limit {
            break;
        }
        let (slug, opened_at) = row?;
        if let Some(article) = library.get(&slug) {
            out.push(RecentRead {
                article: ArticleSummary::of(article),
                opened_at,
            });
        }
    }
    Ok(out)
}

/// Saves a highlight after checking the article, the section, and the lengths.
pub fn add_highlight(
    conn: &Connection,
    library: &Library,
    new: &NewHighlight,
    now: DateTime<Utc>,
) -> Result<Highlight> {
    let article = library.require(&new.slug)?;
    check_anchor(article, new.anchor.as_deref())?;
    check_quote(&new.quote)?;
    let note = clean_note(new.note.as_deref())?;
    conn.execute(
        "INSERT INTO reading_highlight
         (slug, quote, anchor, text_offset, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            new.slug,
            new.quote,
            new.anchor,
            new.offset,
            note,
            now.timestamp()
        ],
    )?;
    highlight(conn, conn.last_insert_rowid())
}

/// Replaces the note of highlight `id`; `None` or blank text removes it.
pub fn set_highlight_note(
    conn: &Connection,
    id: i64,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Highlight> {
    let note = clean_note(note)?;
    let changed = conn.execute(
        "UPDATE reading_highlight SET note = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, note, now.timestamp()],
    )?;
    if changed == 0 {
        return Err(Error::HighlightNotFound { id });
    }
    highlight(conn, id)
}

/// Deletes highlight `id` and returns it, so the UI can offer to undo by adding it again.
pub fn delete_highlight(conn: &Connection, id: i64) -> Result<Highlight> {
    let deleted = highlight(conn, id)?;
    conn.execute("DELETE FROM reading_highlight WHERE id = ?1", [id])?;
    Ok(deleted)
}

/// The highlights of `slug`, in the order they appear in the article.
pub fn highlights(conn: &Connection, library: &Library, slug: &str) -> Result<Vec<Highlight>> {
    let article = library.require(slug)?;
    let mut stmt = conn.prepare_cached(&format!("{SELECT_HIGHLIGHT} WHERE slug = ?1"))?;
    let rows = stmt.query_map([slug], highlight_row)?;
    let mut found: Vec<Highlight> = rows.collect::<rusqlite::Result<_>>()?;
    found.sort_by_key(|h| (section_index(article, h.anchor.as_deref()), h.offset, h.id));
    Ok(found)
}

/// Every highlight of the articles in the library, newest first.
pub fn all_highlights(conn: &Connection, library: &Library) -> Result<Vec<Highlight>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT_HIGHLIGHT} ORDER BY created_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], highlight_row)?;
    let all: Vec<Highlight> = rows.collect::<rusqlite::Result<_>>()?;
    Ok(all
        .into_iter()
        .filter(|h| library.contains(&h.slug))
        .collect())
}

/// Progress, bookmark and highlights of `slug` in one call, for opening an article.
pub fn reading_state(conn: &Connection, library: &Library, slug: &str) -> Result<ReadingState> {
    Ok(ReadingState {
        highlights: highlights(conn, library, slug)?,
        progress: progress(conn, slug)?,
        bookmarked: is_bookmarked(conn, slug)?,
    })
}

const SELECT_HIGHLIGHT: &str = "SELECT id, slug, quote, anchor, text_offset, note, created_at, \
                                updated_at FROM reading_highlight";

fn highlight(conn: &Connection, id: i64) -> Result<Highlight> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT_HIGHLIGHT} WHERE id = ?1"))?;
    stmt.query_row([id], highlight_row)
        .optional()?
        .ok_or(Error::HighlightNotFound { id })
}

fn highlight_row(row: &Row<'_>) -> rusqlite::Result<Highlight> {
    Ok(Highlight {
        id: row.get(0)?,
        slug: row.get(1)?,
        quote: row.get(2)?,
        anchor: row.get(3)?,
        offset: row.get(4)?,
        note: row.get(5)?,
        created_at: instant(row, 6)?,
        updated_at: instant(row, 7)?,
    })
}

/// 0 before the first heading, then 1, 2… by heading; sections no longer there sort last.
fn section_index(article: &Article, anchor: Option<&str>) -> usize {
    match anchor {
        None => 0,
        Some(anchor) => article
            .toc()
            .iter()
            .position(|e| e.anchor == anchor)
            .map_or(usize::MAX, |i| i + 1),
    }
}

fn check_anchor(article: &Article, anchor: Option<&str>) -> Result<()> {
    match anchor {
        Some(anchor) if !article.toc().iter().any(|e| e.anchor == anchor) => {
            Err(Error::UnknownAnchor {
                slug: article.slug().into(),
                anchor: crate::error::shorten(anchor, 60),
            })
        }
        _ => Ok(()),
    }
}

fn check_quote(quote: &str) -> Result<()> {
    if quote.trim().is_empty() {
        return Err(Error::EmptyQuote);
    }
    let chars = quote.chars().count();
    if chars > MAX_QUOTE_CHARS {
        return Err(Error::QuoteTooLong {
            chars,
            max: MAX_QUOTE_CHARS,
        });
    }
    Ok(())
}

/// A blank note is no note.
fn clean_note(note: Option<&str>) -> Result<Option<&str>> {
    let Some(note) = note.filter(|n| !n.trim().is_empty()) else {
        return Ok(None);
    };
    let chars = note.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(Error::NoteTooLong {
            chars,
            max: MAX_NOTE_CHARS,
        });
    }
    Ok(Some(note))
}

/// Reads an instant stored as Unix seconds.
pub(crate) fn instant(row: &Row<'_>, index: usize) -> rusqlite::Result<DateTime<Utc>> {
    let seconds: i64 = row.get(index)?;
    DateTime::from_timestamp(seconds, 0)
        .ok_or(rusqlite::Error::IntegralValueOutOfRange(index, seconds))
}

/// `now` as stored: whole seconds.
pub(crate) fn at_second(now: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}
