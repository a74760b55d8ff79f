//! Reading and changing the parent's preferences.

use nestling_store::settings::{self, Settings};
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// Changes one setting and returns every setting afterwards.
#[tauri::command]
pub(crate) async fn set_setting(
    state: State<'_, AppState>,
    key: String,
    value: String,
) -> Result<Settings> {
    state.with_store(|store| Ok(settings::set(store.conn(), &key, &value)?))
}
