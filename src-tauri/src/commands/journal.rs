//! The journal's commands: moments, timers, the trash, days, search, the editor's drafts and the
//! choices the editor offers. Each unpacks its arguments, calls one function of
//! `nestling_journal` with the current time where the domain needs it, and maps the error.

use chrono::{NaiveDate, Utc};
use nestling_journal as journal;
use nestling_journal::{
    Baby, BabyInput, Draft, FeelingUse, Filter, Kind, KindInput, ListingRows, Moment, MomentInput,
    MomentRow, SearchRow, TagUse, Timer, TimerInput,
};
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// How many search results the page gets when it does not ask for a number: a few screens.
const SEARCH_PAGE: u32 = 50;

/// Every kind of moment, hidden ones included (the UI decides what to offer).
#[tauri::command]
pub(crate) async fn list_kinds(state: State<'_, AppState>) -> Result<Vec<Kind>> {
    state.with_store(|store| Ok(journal::kind::list(store.conn())?))
}

/// Adds one of the parent's own kinds.
#[tauri::command]
pub(crate) async fn add_kind(state: State<'_, AppState>, input: KindInput) -> Result<Kind> {
    state.with_store(|store| Ok(journal::kind::add(store.conn(), &input, Utc::now())?))
}

/// Renames one of the parent's own kinds or changes its emoji or timing.
#[tauri::command]
pub(crate) async fn update_kind(
    state: State<'_, AppState>,
    id: String,
    input: KindInput,
) -> Result<Kind> {
    state.with_store(|store| Ok(journal::kind::update(store.conn(), &id, &input)?))
}

/// Hides a kind from the choices, or shows it again; its moments are kept either way.
#[tauri::command]
pub(crate) async fn set_kind_hidden(
    state: State<'_, AppState>,
    id: String,
    hidden: bool,
) -> Result<Kind> {
    state.with_store(|store| Ok(journal::kind::set_hidden(store.conn(), &id, hidden)?))
}

/// Every baby, active ones first.
#[tauri::command]
pub(crate) async fn list_babies(state: State<'_, AppState>) -> Result<Vec<Baby>> {
    state.with_store(|store| Ok(journal::baby::list(store.conn())?))
}

/// Adds a baby.
#[tauri::command]
pub(crate) async fn add_baby(state: State<'_, AppState>, input: BabyInput) -> Result<Baby> {
    state.with_store(|store| Ok(journal::baby::add(store.conn(), &input, Utc::now())?))
}

/// Changes a baby's name or birth date.
#[tauri::command]
pub(crate) async fn update_baby(
    state: State<'_, AppState>,
    id: i64,
    input: BabyInput,
) -> Result<Baby> {
    state.with_store(|store| Ok(journal::baby::update(store.conn(), id, &input)?))
}

/// Archives a baby: their moments stay, new moments no longer offer them.
#[tauri::command]
pub(crate) async fn archive_baby(state: State<'_, AppState>, id: i64) -> Result<Baby> {
    state.with_store(|store| Ok(journal::baby::archive(store.conn(), id, Utc::now())?))
}

/// The feeling words to offer, most used first.
#[tauri::command]
pub(crate) async fn feeling_suggestions(state: State<'_, AppState>) -> Result<Vec<FeelingUse>> {
    state.with_store(|store| Ok(journal::words::feeling_suggestions(store.conn())?))
}

/// The tags the parent has used, most used first.
#[tauri::command]
pub(crate) async fn tag_suggestions(state: State<'_, AppState>) -> Result<Vec<TagUse>> {
    state.with_store(|store| Ok(journal::words::tag_suggestions(store.conn())?))
}

/// Saves a new moment (sharing how the parent felt when paired and chosen by default).
#[tauri::command]
pub(crate) async fn log_moment(state: State<'_, AppState>, input: MomentInput) -> Result<Moment> {
    Ok(state.log_moment(&input, Utc::now())?)
}

/// One moment, live or in the trash.
#[tauri::command]
pub(crate) async fn get_moment(state: State<'_, AppState>, id: i64) -> Result<Moment> {
    state.with_store(|store| Ok(journal::moment::get(store.conn(), id)?))
}

/// Replaces every field of a moment.
#[tauri::command]
pub(crate) async fn update_moment(
    state: State<'_, AppState>,
    id: i64,
    input: MomentInput,
) -> Result<Moment> {
    state.with_store(|store| {
        Ok(journal::moment::update(
            store.conn(),
            id,
            &input,
            Utc::now(),
        )?)
    })
}

/// Moves a moment to the trash, where it stays restorable for 30 days.
#[tauri::command]
pub(crate) async fn delete_moment(state: State<'_, AppState>, id: i64) -> Result<Moment> {
    state.with_store(|store| Ok(journal::trash::soft_delete(store.conn(), id, Utc::now())?))
}

/// Brings a moment back from the trash.
#[tauri::command]
pub(crate) async fn restore_moment(state: State<'_, AppState>, id: i64) -> Result<Moment> {
    state.with_store(|store| Ok(journal::trash::restore(store.conn(), id, Utc::now())?))
}

/// Deletes a moment from the trash for good.
#[tauri::command]
pub(crate) async fn purge_moment(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.with_store(|store| Ok(journal::trash::purge(store.conn(), id)?))
}

/// The moments in the trash, most recently deleted first, each note only as far as a row shows.
#[tauri::command]
pub(crate) async fn list_trash(state: State<'_, AppState>) -> Result<Vec<MomentRow>> {
    state.with_store(|store| {
        let trash = journal::trash::list(store.conn())?;
        Ok(trash.into_iter().map(MomentRow::from).collect())
    })
}

/// The moments of local days `from` to `to` (inclusive), with totals per kind; each note only
/// as far as a row shows it (`get_moment` reads it whole).
#[tauri::command]
pub(crate) async fn list_moments(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
    filter: Option<Filter>,
) -> Result<ListingRows> {
    let filter = filter.unwrap_or_default();
    state.with_store(|store| {
        Ok(journal::query::list_between(store.conn(), from, to, &filter)?.into())
    })
}

/// Finds moments by words in their notes, best match first, with highlighted snippets; each
/// note only as far as a row shows it. At most `limit` results (50 unless asked, never more than
/// the journal's own maximum): the page asks for more when the parent wants them.
#[tauri::command]
pub(crate) async fn search_moments(
    state: State<'_, AppState>,
    text: String,
    filter: Option<Filter>,
    limit: Option<u32>,
) -> Result<Vec<SearchRow>> {
    let filter = filter.unwrap_or_default();
    let limit = limit.unwrap_or(SEARCH_PAGE);
    state.with_store(|store| {
        let hits = journal::search::search(store.conn(), &text, &filter, limit)?;
        Ok(hits.into_iter().map(SearchRow::from).collect())
    })
}

/// Every running timer.
#[tauri::command]
pub(crate) async fn list_timers(state: State<'_, AppState>) -> Result<Vec<Timer>> {
    state.with_store(|store| Ok(journal::timer::list(store.conn(), Utc::now())?))
}

/// Starts a timer for a timed moment; it survives closing the app.
#[tauri::command]
pub(crate) async fn start_timer(state: State<'_, AppState>, input: TimerInput) -> Result<Timer> {
    state.with_store(|store| Ok(journal::timer::start(store.conn(), &input, Utc::now())?))
}

/// Stops a timer and saves the moment it timed (shared like a moment logged here).
#[tauri::command]
pub(crate) async fn stop_timer(state: State<'_, AppState>, id: i64) -> Result<Moment> {
    Ok(state.stop_timer(id, Utc::now())?)
}

/// Discards a running timer without saving a moment.
#[tauri::command]
pub(crate) async fn cancel_timer(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.with_store(|store| Ok(journal::timer::cancel(store.conn(), id)?))
}

/// Every unsaved note kept for the editor.
#[tauri::command]
pub(crate) async fn list_drafts(state: State<'_, AppState>) -> Result<Vec<Draft>> {
    state.with_store(|store| Ok(journal::draft::list(store.conn())?))
}

/// Keeps the editor's unsaved note (`key` is `new` or the id of the moment being edited).
#[tauri::command]
pub(crate) async fn save_draft(
    state: State<'_, AppState>,
    key: String,
    note: String,
) -> Result<()> {
    state.with_store(|store| Ok(journal::draft::save(store.conn(), &key, &note, Utc::now())?))
}

/// Forgets an unsaved note: its moment was saved, or the parent threw the changes away.
#[tauri::command]
pub(crate) async fn discard_draft(state: State<'_, AppState>, key: String) -> Result<()> {
    state.with_store(|store| Ok(journal::draft::discard(store.conn(), &key)?))
}
