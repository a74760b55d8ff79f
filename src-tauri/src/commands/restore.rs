//! Restoring from a Nestling file: the parent picks it in the native open dialog (opened from
//! Rust, so the page never names a path), sees what it holds and how much of it the journal
//! already has, then restores it into an empty journal or merges it into this one. The checks
//! and the writing are the export crate's and the journal's; this module only holds the chosen
//! file's text between the steps.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use nestling_export::{Mode, RestorePreview, Restored};
use nestling_store::Reason;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{Error, Result};
use crate::saving::Saved;
use crate::AppState;

/// The text of the file chosen to restore from, kept between the preview and the restore.
#[derive(Default)]
pub struct Restoring {
    chosen: Mutex<Option<String>>,
}

impl Restoring {
    /// Keeps `json` as the chosen file's text (what the open dialog does; tests call it too).
    pub fn hold(&self, json: String) {
        *self.chosen.lock().unwrap_or_else(|e| e.into_inner()) = Some(json);
    }

    fn text(&self) -> Result<String> {
        let chosen = self.chosen.lock().unwrap_or_else(|e| e.into_inner());
        chosen.clone().ok_or(Error::NothingToRestore)
    }

    fn forget(&self) {
        *self.chosen.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// Asks which file to restore from and keeps its text; the name is `None` when the parent
/// closes the dialog.
#[tauri::command]
pub(crate) async fn restore_choose<R: Runtime>(
    app: AppHandle<R>,
    restoring: State<'_, Restoring>,
) -> Result<Saved> {
    let Some(path) = ask_which(&app) else {
        return Ok(Saved { file_name: None });
    };
    restoring.hold(read(&path)?);
    Ok(Saved::at(&path))
}

/// What the chosen file holds and how much of it the journal already has; writes nothing.
#[tauri::command]
pub(crate) async fn restore_preview(
    state: State<'_, AppState>,
    restoring: State<'_, Restoring>,
) -> Result<RestorePreview> {
    let json = restoring.text()?;
    let now = chrono::Utc::now();
    state.with_store(|store| Ok(nestling_export::preview_json(store.conn(), &json, now)?))
}

/// Restores the chosen file in `mode`, after a backup of the journal as it is.
#[tauri::command]
pub(crate) async fn restore_apply(
    state: State<'_, AppState>,
    restoring: State<'_, Restoring>,
    mode: Mode,
) -> Result<Restored> {
    let json = restoring.text()?;
    let now = chrono::Utc::now();
    let done = state.with_store(|store| {
        store.backup(Reason::Restore)?;
        Ok(nestling_export::restore_json(
            store.conn(),
            &json,
            mode,
            now,
        )?)
    })?;
    restoring.forget();
    Ok(done)
}

/// The native open dialog; `None` when the parent closes it.
fn ask_which<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title("Restore from a Nestling file")
        .add_filter("Nestling journal (JSON)", &["json"])
        .blocking_pick_file()
        .and_then(|path| path.into_path().ok())
}

/// The file's text; a file that is not text is not a Nestling journal.
fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Open {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| nestling_export::Error::NotAJournal.into())
}
