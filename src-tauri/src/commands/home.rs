//! What the home screen needs to draw itself.

use nestling_store::settings::{self, Settings};
use serde::Serialize;
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// The home screen's data.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Home {
    app_version: &'static str,
    schema_version: u32,
    data_dir: String,
    encrypted: bool,
    settings: Settings,
}

/// Returns the home screen's data, or why the journal could not be opened.
#[tauri::command]
pub(crate) async fn get_home(state: State<'_, AppState>) -> Result<Home> {
    state.with_store(|store| {
        Ok(Home {
            app_version: env!("CARGO_PKG_VERSION"),
            schema_version: store.schema_version()?,
            data_dir: state.data_dir().display().to_string(),
            encrypted: store.is_encrypted(),
            settings: settings::get_all(store.conn())?,
        })
    })
}
