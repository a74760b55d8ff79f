//! Restoring from a Nestling file: the parent picks it in the native open dialog (opened from
//! Rust, so the page never names a path), sees what it holds and how much of it the journal
//! already has, then restores it into an empty journal or merges it into this one. Holding the
//! chosen file's text and the restore are the session's; the dialog is the shell's.

use nestling_export::{Mode, RestorePreview, Restored};
use nestling_session::{Restoring, Saved};
use tauri::{AppHandle, Runtime, State};

use crate::error::Result;
use crate::{dialog, AppState};

/// Asks which file to restore from and keeps its text; the name is `None` when the parent
/// closes the dialog.
#[tauri::command]
pub(crate) async fn restore_choose<R: Runtime>(
    app: AppHandle<R>,
    restoring: State<'_, Restoring>,
) -> Result<Saved> {
    let Some(path) = dialog::ask_which(&app) else {
        return Ok(Saved::nothing());
    };
    restoring.hold_file(&path)?;
    Ok(Saved::at(&path))
}

/// What the chosen file holds and how much of it the journal already has; writes nothing.
#[tauri::command]
pub(crate) async fn restore_preview(
    state: State<'_, AppState>,
    restoring: State<'_, Restoring>,
) -> Result<RestorePreview> {
    Ok(state.restore_preview(&restoring)?)
}

/// Restores the chosen file in `mode`, after a backup of the journal as it is.
#[tauri::command]
pub(crate) async fn restore_apply(
    state: State<'_, AppState>,
    restoring: State<'_, Restoring>,
    mode: Mode,
) -> Result<Restored> {
    Ok(state.restore_apply(&restoring, mode)?)
}
