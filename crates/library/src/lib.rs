//! Nestling's library of articles, with no Tauri and no UI.
//!
//! What this crate owns:
//! - the article file format (TOML front matter between `+++` lines, then Markdown) and its
//!   validation, with messages that name the file, the line and a fix ([`Article::parse`]);
//! - the library as a whole: unique names and orders, `related` links that resolve, the
//!   shipped articles embedded in the binary ([`Library`]);
//! - rendering to sanitized HTML with heading anchors, a table of contents and the article's
//!   sources ([`render`]);
//! - full-text search over an in-memory SQLite FTS5 index ([`search`]);
//! - the parent's reading state and imported articles, stored in the journal file through a
//!   [`rusqlite::Connection`] ([`reading`], [`imported`]).
//!
//! What it does not own: opening the database and its migrations (`nestling-store`), and the
//! commands that expose all this to the UI (the app).
//!
//! Design choices:
//! - The shipped articles under `content/articles` are embedded with `include_str!` over a list
//!   that `build.rs` writes: no dependency, and cargo rebuilds when an article changes or one is
//!   added or removed.
//! - The search index lives in its own in-memory SQLite connection, rebuilt from a [`Library`]
//!   (see [`search`] for why); the reading state and imports live in the journal file.
//! - A typical start: `let (library, problems) = imported::library(conn)?;` then
//!   `SearchIndex::build(&library)?`; after an import or a delete, both again.

mod article;
mod error;
mod front_matter;
pub mod imported;
mod library;
mod markdown;
pub mod reading;
pub mod render;
pub mod search;
pub mod slug;
mod snippet;
mod synonyms;
#[cfg(feature = "testdata")]
pub mod testdata;
mod topic;

pub use article::{
    Article, Source, TocEntry, MAX_SOURCES, MAX_SOURCE_CHARS, MAX_SUMMARY_CHARS, WORDS_PER_MINUTE,
};
pub use error::{Error, Result};
pub use library::{ArticleSummary, Library, RenderedArticle};
pub use render::{render_article, render_markdown, Rendered};
pub use search::{SearchHit, SearchIndex, Segment};
pub use topic::Topic;
