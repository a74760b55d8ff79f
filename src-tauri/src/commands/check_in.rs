//! The gentle check-in: saving, changing and listing the parent's check-ins, and what Today may
//! offer from them. Each command calls one function of `nestling_journal`, or of
//! `nestling_session` for what the settings make Today offer.

use chrono::{NaiveDate, Utc};
use nestling_journal::check_in::{self, CheckIn, CheckInInput};
use nestling_journal::prompts::Prompts;
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// Saves a new check-in; its `helpNeed` tells the UI whether to open Help at once.
#[tauri::command]
pub(crate) async fn add_check_in(
    state: State<'_, AppState>,
    input: CheckInInput,
) -> Result<CheckIn> {
    state.with_store(|store| Ok(check_in::insert(store.conn(), &input, Utc::now())?))
}

/// One check-in, live or in the trash.
#[tauri::command]
pub(crate) async fn get_check_in(state: State<'_, AppState>, id: i64) -> Result<CheckIn> {
    state.with_store(|store| Ok(check_in::get(store.conn(), id)?))
}

/// Replaces every answer of a live check-in.
#[tauri::command]
pub(crate) async fn update_check_in(
    state: State<'_, AppState>,
    id: i64,
    input: CheckInInput,
) -> Result<CheckIn> {
    state.with_store(|store| Ok(check_in::update(store.conn(), id, &input, Utc::now())?))
}

/// Moves a check-in to the trash (purged after 30 days, like moments).
#[tauri::command]
pub(crate) async fn delete_check_in(state: State<'_, AppState>, id: i64) -> Result<CheckIn> {
    state.with_store(|store| Ok(check_in::soft_delete(store.conn(), id, Utc::now())?))
}

/// Takes a check-in out of the trash.
#[tauri::command]
pub(crate) async fn restore_check_in(state: State<'_, AppState>, id: i64) -> Result<CheckIn> {
    state.with_store(|store| Ok(check_in::restore(store.conn(), id, Utc::now())?))
}

/// The live check-ins of local days `from` to `to`, both included.
#[tauri::command]
pub(crate) async fn list_check_ins(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CheckIn>> {
    state.with_store(|store| Ok(check_in::list_between(store.conn(), from, to)?))
}

/// Every check-in in the trash, the most recently deleted first.
#[tauri::command]
pub(crate) async fn list_trashed_check_ins(state: State<'_, AppState>) -> Result<Vec<CheckIn>> {
    state.with_store(|store| Ok(check_in::list_trashed(store.conn())?))
}

/// What Today offers on the parent's local day `today`: a due check-in, the low-mood card.
#[tauri::command]
pub(crate) async fn check_in_prompts(
    state: State<'_, AppState>,
    today: NaiveDate,
) -> Result<Prompts> {
    state.with_store(|store| Ok(nestling_session::check_in_prompts(store, today)?))
}
