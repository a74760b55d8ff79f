//! The library's commands: the shelf, search, the reader, reading state and imports. Each
//! unpacks its arguments, calls one function of `nestling_library` on the current shelf (the
//! shipped articles plus the parent's imports) and maps the error.

use chrono::Utc;
use nestling_library as library;
use nestling_library::reading::{
    Bookmark, Highlight, NewHighlight, Progress, ReadingState, RecentRead,
};
use nestling_library::{ArticleSummary, RenderedArticle, SearchHit};
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// The most search results sent to the UI at once.
const SEARCH_LIMIT: usize = 30;
/// How many recently read articles "Continue reading" offers.
const RECENT_LIMIT: usize = 5;

/// Every article, in reading order.
#[tauri::command]
pub(crate) async fn list_articles(state: State<'_, AppState>) -> Result<Vec<ArticleSummary>> {
    state.with_shelf(|_, shelf| Ok(shelf.library.summaries()))
}

/// Finds articles by title, summary, headings and body, best first.
#[tauri::command]
pub(crate) async fn search_articles(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchHit>> {
    state.with_shelf(|_, shelf| Ok(shelf.index.search(&query, SEARCH_LIMIT)?))
}

/// One article rendered to sanitized HTML, with its contents, neighbours and related articles.
#[tauri::command]
pub(crate) async fn get_article(
    state: State<'_, AppState>,
    slug: String,
) -> Result<RenderedArticle> {
    state.with_shelf(|_, shelf| Ok(shelf.library.render(&slug)?))
}

/// Where the parent left off in an article, whether it is bookmarked, and their highlights.
#[tauri::command]
pub(crate) async fn reading_state(
    state: State<'_, AppState>,
    slug: String,
) -> Result<ReadingState> {
    state.with_shelf(|store, shelf| {
        Ok(library::reading::reading_state(
            store.conn(),
            &shelf.library,
            &slug,
        )?)
    })
}

/// Notes that the article was opened, for "Continue reading".
#[tauri::command]
pub(crate) async fn mark_opened(state: State<'_, AppState>, slug: String) -> Result<()> {
    state.with_shelf(|store, shelf| {
        Ok(library::reading::mark_opened(
            store.conn(),
            &shelf.library,
            &slug,
            Utc::now(),
        )?)
    })
}

/// Remembers how far into an article the parent has read.
#[tauri::command]
pub(crate) async fn set_progress(
    state: State<'_, AppState>,
    slug: String,
    fraction: f64,
    anchor: Option<String>,
) -> Result<Progress> {
    state.with_shelf(|store, shelf| {
        let conn = store.conn();
        let anchor = anchor.as_deref();
        Ok(library::reading::set_progress(
            conn,
            &shelf.library,
            &slug,
            fraction,
            anchor,
            Utc::now(),
        )?)
    })
}

/// How far the parent has read in every article.
#[tauri::command]
pub(crate) async fn all_progress(state: State<'_, AppState>) -> Result<Vec<Progress>> {
    state.with_shelf(|store, shelf| {
        Ok(library::reading::all_progress(
            store.conn(),
            &shelf.library,
        )?)
    })
}

/// The articles opened most recently.
#[tauri::command]
pub(crate) async fn recently_read(state: State<'_, AppState>) -> Result<Vec<RecentRead>> {
    state.with_shelf(|store, shelf| {
        Ok(library::reading::recently_read(
            store.conn(),
            &shelf.library,
            RECENT_LIMIT,
        )?)
    })
}

/// Bookmarks an article, or removes its bookmark; returns whether it is bookmarked now.
#[tauri::command]
pub(crate) async fn toggle_bookmark(state: State<'_, AppState>, slug: String) -> Result<bool> {
    state.with_shelf(|store, shelf| {
        Ok(library::reading::toggle_bookmark(
            store.conn(),
            &shelf.library,
            &slug,
            Utc::now(),
        )?)
    })
}

/// The bookmarked articles, newest bookmark first.
#[tauri::command]
pub(crate) async fn list_bookmarks(state: State<'_, AppState>) -> Result<Vec<Bookmark>> {
    state.with_shelf(|store, shelf| Ok(library::reading::bookmarks(store.conn(), &shelf.library)?))
}

/// Keeps a passage the parent selected, with an optional note.
#[tauri::command]
pub(crate) async fn add_highlight(
    state: State<'_, AppState>,
    input: NewHighlight,
) -> Result<Highlight> {
    state.with_shelf(|store, shelf| {
        Ok(library::reading::add_highlight(
            store.conn(),
            &shelf.library,
            &input,
            Utc::now(),
        )?)
    })
}

/// Writes, changes or (with no text) removes the note on a highlight.
#[tauri::command]
pub(crate) async fn set_highlight_note(
    state: State<'_, AppState>,
    id: i64,
    note: Option<String>,
) -> Result<Highlight> {
    state.with_store(|store| {
        let note = note.as_deref();
        Ok(library::reading::set_highlight_note(
            store.conn(),
            id,
            note,
            Utc::now(),
        )?)
    })
}

/// Removes a highlight.
#[tauri::command]
pub(crate) async fn delete_highlight(state: State<'_, AppState>, id: i64) -> Result<Highlight> {
    state.with_store(|store| Ok(library::reading::delete_highlight(store.conn(), id)?))
}

/// Adds an article of the parent's own from the text of a Markdown file they chose.
#[tauri::command]
pub(crate) async fn import_article(
    state: State<'_, AppState>,
    file_name: String,
    text: String,
) -> Result<ArticleSummary> {
    state.change_shelf(|store, shelf| {
        Ok(library::imported::import(
            store.conn(),
            &shelf.library,
            &file_name,
            &text,
            Utc::now(),
        )?)
    })
}

/// Removes one of the parent's imported articles.
#[tauri::command]
pub(crate) async fn delete_imported_article(
    state: State<'_, AppState>,
    slug: String,
) -> Result<()> {
    state.change_shelf(|store, _| Ok(library::imported::delete(store.conn(), &slug, Utc::now())?))
}
