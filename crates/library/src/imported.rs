//! Articles the parent imports from their own Markdown files (a clinic's handout, say).
//!
//! An import is validated exactly like a shipped article; its slug comes from the file name
//! (slugified, so "Sleep tips.md" becomes `sleep-tips`). A file that fails validation, whose
//! name is already taken, or whose `related` links do not resolve is refused with a message
//! naming the file and line, and nothing is stored. Imports are stored as the Markdown the
//! parent chose in `imported_article` and validated again whenever the library loads.
//! Deleting one is a soft delete that [`restore`] undoes.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::article::{Article, Source};
use crate::library::{broken_related, file_name, read_text};
use crate::reading::instant;
use crate::slug::{file_stem, is_valid_slug, slugify, MAX_SLUG_CHARS};
use crate::{ArticleSummary, Error, Library, Result};

/// The largest file that can be imported, in bytes.
pub const MAX_IMPORT_BYTES: usize = 512 * 1024;

/// An imported article as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportedArticle {
    /// Its slug in the library.
    pub slug: String,
    /// The name of the file it came from.
    pub file_name: String,
    /// When it was imported.
    pub imported_at: DateTime<Utc>,
}

/// Validates `text` (the contents of the file `file_name`) and stores it.
///
/// `library` is the current library, shipped and imported: the new slug must not be in it and
/// `related` must resolve in it. Load the library again with [`library`] afterwards.
pub fn import(
    conn: &Connection,
    library: &Library,
    file_name: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<ArticleSummary> {
    let article = validate(library, file_name, text)?;
    // A deleted import gives its name up to a new one; an active import keeps it.
    let stored = conn.execute(
        "INSERT INTO imported_article (slug, file_name, markdown, imported_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (slug) DO UPDATE SET file_name = excluded.file_name,
             markdown = excluded.markdown, imported_at = excluded.imported_at,
             deleted_at = NULL
         WHERE deleted_at IS NOT NULL",
        params![article.slug(), file_name, text, now.timestamp()],
    )?;
    if stored == 0 {
        return Err(taken(file_name, article.slug()));
    }
    Ok(ArticleSummary::of(&article))
}

/// Reads the file at `path` and imports it (see [`import`]).
pub fn import_file(
    conn: &Connection,
    library: &Library,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<ArticleSummary> {
    let name = file_name(path);
    let size = std::fs::metadata(path)
        .map_err(|source| Error::ReadFile {
            file: path.display().to_string(),
            source,
        })?
        .len();
    check_size(&name, usize::try_from(size).unwrap_or(usize::MAX))?;
    import(conn, library, &name, &read_text(path)?, now)
}

fn validate(library: &Library, file_name: &str, text: &str) -> Result<Article> {
    check_size(file_name, text.len())?;
    let slug = import_slug(file_name)?;
    let article = Article::parse_as(file_name, &slug, text, Source::Imported)?;
    if library.contains(&slug) {
        return Err(taken(file_name, &slug));
    }
    match broken_related(&article, |s| library.contains(s)) {
        Some(err) => Err(err),
        None => Ok(article),
    }
}

fn check_size(file: &str, bytes: usize) -> Result<()> {
    if bytes > MAX_IMPORT_BYTES {
        return Err(Error::ImportTooLarge {
            file: file.into(),
            bytes,
            max: MAX_IMPORT_BYTES,
        });
    }
    Ok(())
}

/// The slug of an imported file: its name, slugified and cut at a word to a usable length.
fn import_slug(file_name: &str) -> Result<String> {
    let mut slug = slugify(file_stem(file_name));
    if slug.chars().count() > MAX_SLUG_CHARS {
        slug = slug.chars().take(MAX_SLUG_CHARS).collect();
        slug = slug.trim_end_matches('-').to_owned();
    }
    if is_valid_slug(&slug) {
        Ok(slug)
    } else {
        Err(Error::InvalidSlug {
            file: file_name.into(),
        })
    }
}

fn taken(file: &str, slug: &str) -> Error {
    Error::SlugTaken {
        file: file.into(),
        slug: slug.into(),
    }
}

/// Removes the imported article `slug` from the library; [`restore`] brings it back.
pub fn delete(conn: &Connection, slug: &str, now: DateTime<Utc>) -> Result<()> {
    let changed = conn.execute(
        "UPDATE imported_article SET deleted_at = ?2 WHERE slug = ?1 AND deleted_at IS NULL",
        params![slug, now.timestamp()],
    )?;
    if changed == 0 {
        return Err(not_imported(slug));
    }
    Ok(())
}

/// Brings back a deleted import, unless the library has since got an article of that name.
pub fn restore(conn: &Connection, library: &Library, slug: &str) -> Result<()> {
    let file: Option<String> = conn
        .query_row(
            "SELECT file_name FROM imported_article WHERE slug = ?1 AND deleted_at IS NOT NULL",
            [slug],
            |row| row.get(0),
        )
        .optional()?;
    let file = file.ok_or_else(|| not_imported(slug))?;
    if library.contains(slug) {
        return Err(taken(&file, slug));
    }
    conn.execute(
        "UPDATE imported_article SET deleted_at = NULL WHERE slug = ?1",
        [slug],
    )?;
    Ok(())
}

fn not_imported(slug: &str) -> Error {
    Error::NotImported {
        slug: crate::error::shorten(slug, 60),
    }
}

/// The imported articles that are not deleted, oldest import first.
pub fn list(conn: &Connection) -> Result<Vec<ImportedArticle>> {
    let mut stmt = conn.prepare_cached(
        "SELECT slug, file_name, imported_at FROM imported_article
         WHERE deleted_at IS NULL ORDER BY imported_at, slug",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(ImportedArticle {
            slug: row.get(0)?,
            file_name: row.get(1)?,
            imported_at: instant(row, 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The whole library: the shipped articles, then the imported ones.
///
/// An import that no longer validates (a newer Nestling may check more), or whose name a
/// shipped article now uses, is reported and left out; it stays stored. `related` links to
/// imports deleted since are dropped quietly.
pub fn library(conn: &Connection) -> Result<(Library, Vec<Error>)> {
    let shipped = Library::shipped();
    let mut stmt = conn.prepare_cached(
        "SELECT slug, file_name, markdown FROM imported_article
         WHERE deleted_at IS NULL ORDER BY imported_at, slug",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for row in rows {
        let (slug, file, markdown) = row?;
        match Article::parse_as(&file, &slug, &markdown, Source::Imported) {
            Ok(_) if shipped.contains(&slug) => errors.push(taken(&file, &slug)),
            Ok(article) => articles.push(article),
            Err(err) => errors.push(err),
        }
    }
    Ok((shipped.with_imported(articles), errors))
}
