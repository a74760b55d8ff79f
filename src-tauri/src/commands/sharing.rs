//! Sharing with the partner's computer: pairing step by step, the shared folder chosen in the
//! native dialog (opened from Rust, so the page never names a path), exchanges on demand, the
//! status, unpairing, the "share how I felt" box of one moment, and the channel on which the
//! page hears that an exchange in the background changed something. The logic is the
//! session's; each command unpacks, calls it, and maps the error.

use chrono::Utc;
use nestling_journal::Moment;
use nestling_session::{Exchanged, PairingOffer, SharingStatus};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::error::Result;
use crate::{dialog, AppState, PageChannel};

/// The check words of a typed code.
#[derive(Serialize)]
pub(crate) struct Checked {
    phrase: String,
}

/// Starts pairing here: a new code and the words both computers will show.
#[tauri::command]
pub(crate) async fn begin_pairing(state: State<'_, AppState>) -> Result<PairingOffer> {
    Ok(state.begin_pairing()?)
}

/// Reads a code typed from the other computer; answers with the words to compare.
#[tauri::command]
pub(crate) async fn check_pairing_code(
    state: State<'_, AppState>,
    code: String,
) -> Result<Checked> {
    let phrase = state.check_code(&code)?;
    Ok(Checked { phrase })
}

/// Forgets a pairing begun or typed here and not confirmed.
#[tauri::command]
pub(crate) async fn cancel_pairing(state: State<'_, AppState>) -> Result<()> {
    Ok(state.cancel_pairing()?)
}

/// Asks for the shared folder in the native dialog and keeps it for the pairing; answers with
/// where it is, or `null` when the parent closes the dialog.
#[tauri::command]
pub(crate) async fn choose_share_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>> {
    let Some(folder) = dialog::ask_folder(&app) else {
        return Ok(None);
    };
    let shown = folder.display().to_string();
    state.hold_share_folder(folder)?;
    Ok(Some(shown))
}

/// Pairs with the code and the folder chosen, showing the partner `name`.
#[tauri::command]
pub(crate) async fn confirm_pairing(
    state: State<'_, AppState>,
    name: String,
) -> Result<SharingStatus> {
    Ok(state.confirm_pairing(&name, Utc::now())?)
}

/// Sharing as it stands now.
#[tauri::command]
pub(crate) async fn sharing_status(state: State<'_, AppState>) -> Result<SharingStatus> {
    Ok(state.sharing_status()?)
}

/// Exchanges with the partner's computer now; answers with the status afterwards.
#[tauri::command]
pub(crate) async fn sync_now(state: State<'_, AppState>) -> Result<SharingStatus> {
    state.exchange_now(Utc::now())?;
    Ok(state.sharing_status()?)
}

/// Stops sharing on this computer; every moment stays.
#[tauri::command]
pub(crate) async fn unpair(state: State<'_, AppState>) -> Result<()> {
    Ok(state.unpair()?)
}

/// Ticks or unticks "share how I felt" on one of the parent's own moments.
#[tauri::command]
pub(crate) async fn set_share_feelings(
    state: State<'_, AppState>,
    id: i64,
    share: bool,
) -> Result<Moment> {
    Ok(state.set_share_feelings(id, share, Utc::now())?)
}

/// Where the page hears that a background exchange changed the journal or the status; a new
/// channel (the page loaded again) replaces the old one.
#[tauri::command]
pub(crate) async fn watch_sharing(
    page: State<'_, PageChannel>,
    changes: Channel<Exchanged>,
) -> Result<()> {
    page.listen(changes);
    Ok(())
}
