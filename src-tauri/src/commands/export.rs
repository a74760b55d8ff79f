//! The export's commands: what a selection covers, its preview, and saving it as a file through
//! the native save dialog. The sequence of a save is the session's; the dialog is the shell's.

use nestling_export::{Candidates, Selection};
use nestling_report_pdf::{Paper, Theme};
use nestling_session::{Format, Preview, Progress, Saved};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::error::Result;
use crate::{dialog, AppState};

/// The moments a selection covers, for the parent to untick, and how many private ones it skips.
#[tauri::command]
pub(crate) async fn export_candidates(
    state: State<'_, AppState>,
    selection: Selection,
) -> Result<Candidates> {
    let today = chrono::Local::now().date_naive();
    state.with_store(|store| {
        Ok(nestling_export::candidates(
            store.conn(),
            &selection,
            today,
        )?)
    })
}

/// The report exactly as a file would hold it, for the preview, with its charts drawn in the
/// page's `theme` (light when not given).
#[tauri::command]
pub(crate) async fn export_preview(
    state: State<'_, AppState>,
    selection: Selection,
    theme: Option<Theme>,
) -> Result<Preview> {
    Ok(state.export_preview(&selection, theme.unwrap_or_default())?)
}

/// Asks where to save, then writes the chosen format there; `progress` hears each stage.
#[tauri::command]
pub(crate) async fn export_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    selection: Selection,
    format: Format,
    paper: Paper,
    progress: Channel<Progress>,
) -> Result<Saved> {
    // A page that stopped listening does not stop the save.
    let notify = |stage| drop(progress.send(stage));
    let choose = |offer| dialog::ask_where(&app, offer);
    Ok(state.save_export(&selection, format, paper, notify, choose)?)
}

/// Stops a save in progress before its file is written.
#[tauri::command]
pub(crate) async fn export_cancel(state: State<'_, AppState>) -> Result<()> {
    state.cancel_export();
    Ok(())
}
