//! Privacy and data safety: the lock, the passphrase and recovery code, backups, recovery from
//! a damaged journal, and the parent's control over all of their data.

use nestling_session::{PrivacySummary, RecoveryChoice, Saved};
use nestling_store::{BackupInfo, Reason, RecoveryCode};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::{dialog, AppState};

/// A passphrase or recovery code as the page sent it: wiped from memory when the command that
/// received it ends, whether it succeeded or not.
type Secret = Zeroizing<String>;

/// Whether the journal waits for its passphrase.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LockState {
    locked: bool,
}

/// A recovery code to write down, shown once.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct NewCode {
    recovery_code: String,
}

impl From<RecoveryCode> for NewCode {
    fn from(code: RecoveryCode) -> Self {
        NewCode {
            recovery_code: code.as_str().to_owned(),
        }
    }
}

/// Why the journal could not be opened, and the backup that can replace it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Recovery {
    problem: Error,
    encrypted: bool,
    newest_good: Option<BackupInfo>,
}

impl From<RecoveryChoice> for Recovery {
    fn from(choice: RecoveryChoice) -> Self {
        Recovery {
            problem: choice.problem.into(),
            encrypted: choice.encrypted,
            newest_good: choice.newest_good,
        }
    }
}

/// Where a damaged journal was kept.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Recovered {
    set_aside: String,
}

/// Whether the journal is locked.
#[tauri::command]
pub(crate) async fn lock_state(state: State<'_, AppState>) -> Result<LockState> {
    Ok(LockState {
        locked: state.is_locked()?,
    })
}

/// Opens the locked journal with the passphrase or the recovery code.
#[tauri::command]
pub(crate) async fn unlock(state: State<'_, AppState>, secret: Secret) -> Result<()> {
    Ok(state.unlock(&secret).await?)
}

/// Closes an encrypted journal until the passphrase is typed again.
#[tauri::command]
pub(crate) async fn lock(state: State<'_, AppState>) -> Result<()> {
    Ok(state.lock()?)
}

/// The page saw the parent use it: the idle time before the journal locks starts again.
#[tauri::command]
pub(crate) async fn still_here(state: State<'_, AppState>) -> Result<()> {
    state.touch();
    Ok(())
}

/// Whether the journal is encrypted, and its backups.
#[tauri::command]
pub(crate) async fn privacy(state: State<'_, AppState>) -> Result<PrivacySummary> {
    Ok(state.privacy()?)
}

/// Encrypts the journal with a passphrase and returns the recovery code, shown once.
#[tauri::command]
pub(crate) async fn set_passphrase(
    state: State<'_, AppState>,
    passphrase: Secret,
) -> Result<NewCode> {
    Ok(state.set_passphrase(&passphrase)?.into())
}

/// Changes the passphrase and the data key; returns the new recovery code, shown once (the old
/// one stops working).
#[tauri::command]
pub(crate) async fn change_passphrase(
    state: State<'_, AppState>,
    current: Secret,
    next: Secret,
) -> Result<NewCode> {
    Ok(state.change_passphrase(&current, &next).await?.into())
}

/// Decrypts the journal and its backups.
#[tauri::command]
pub(crate) async fn remove_passphrase(state: State<'_, AppState>, current: Secret) -> Result<()> {
    Ok(state.remove_passphrase(&current).await?)
}

/// Replaces the recovery code (and the data key) with a new one, shown once; needs the
/// passphrase.
#[tauri::command]
pub(crate) async fn new_recovery_code(
    state: State<'_, AppState>,
    current: Secret,
) -> Result<NewCode> {
    Ok(state.new_recovery_code(&current).await?.into())
}

/// Makes a backup now.
#[tauri::command]
pub(crate) async fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    state.with_store(|store| Ok(store.backup(Reason::Manual)?))
}

/// Replaces the journal with a backup; the journal as it was is backed up first.
#[tauri::command]
pub(crate) async fn restore_backup(
    state: State<'_, AppState>,
    name: String,
    secret: Option<Secret>,
) -> Result<()> {
    let secret = secret.as_ref().map(|s| s.as_str());
    Ok(state.restore_backup(&name, secret).await?)
}

/// Why the journal could not be opened, and the newest backup that reads correctly.
#[tauri::command]
pub(crate) async fn recovery_state(state: State<'_, AppState>) -> Result<Recovery> {
    Ok(state.recovery_choice()?.into())
}

/// Opens the chosen backup in place of the damaged journal, which is set aside (never
/// deleted). The secret and the backup are checked first: when either is wrong nothing moves.
#[tauri::command]
pub(crate) async fn recover_from_backup(
    state: State<'_, AppState>,
    name: String,
    secret: Option<Secret>,
) -> Result<Recovered> {
    let secret = secret.as_ref().map(|s| s.as_str());
    let kept = state.recover_from_backup(&name, secret).await?;
    let set_aside = kept.map(|p| p.display().to_string()).unwrap_or_default();
    Ok(Recovered { set_aside })
}

/// Saves the complete journal, private moments included, as JSON where the parent chooses.
#[tauri::command]
pub(crate) async fn export_everything<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Saved> {
    Ok(state.save_everything(|offer| dialog::ask_where(&app, offer))?)
}

/// Removes the journals set aside as damaged that are kept without encryption (a passphrase
/// cannot encrypt a damaged file); returns how many.
#[tauri::command]
pub(crate) async fn remove_plain_set_asides(state: State<'_, AppState>) -> Result<usize> {
    state.with_store(|store| Ok(nestling_store::remove_plain_set_asides(store.dir())?))
}

/// Removes the journal, its key and every backup, after the parent typed the confirmation, then
/// the window's own storage, which sits in the same folder when it is the platform's.
#[tauri::command]
pub(crate) async fn erase_everything<R: Runtime>(
    webview: tauri::Webview<R>,
    state: State<'_, AppState>,
    confirmation: String,
) -> Result<()> {
    state.erase_everything(&confirmation)?;
    webview
        .clear_all_browsing_data()
        .map_err(|_| Error::WebviewStorage)
}

/// Gives up an interrupted attempt to set a passphrase whose passphrase the parent no longer
/// knows; returns how many backups were removed because only that passphrase opened them.
#[tauri::command]
pub(crate) async fn abandon_unfinished_passphrase(state: State<'_, AppState>) -> Result<usize> {
    state.with_store(|store| Ok(store.abandon_unfinished_passphrase()?))
}

#[cfg(test)]
mod tests {
    /// Fails to compile if a secret from the page stops wiping itself.
    #[test]
    fn secrets_from_the_page_wipe_themselves_on_drop() {
        fn wipes_on_drop<T: zeroize::ZeroizeOnDrop>() {}
        wipes_on_drop::<super::Secret>();
    }
}
