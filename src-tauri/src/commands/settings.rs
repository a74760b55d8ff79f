//! Reading and changing the parent's preferences.

use nestling_store::settings::{self, Settings};
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// Returns every setting.
#[tauri::command]
pub(crate) async fn get_settings(state: State<'_, AppState>) -> Result<Settings> {
    state.with_store(|store| Ok(settings::get_all(store.conn())?))
}

/// Changes one setting and returns every setting afterwards.
#[tauri::command]
pub(crate) async fn set_setting(
    state: State<'_, AppState>,
    key: String,
    value: String,
) -> Result<Settings> {
    state.with_store(|store| Ok(settings::set(store.conn(), &key, &value)?))
}
