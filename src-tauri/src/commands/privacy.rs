//! Privacy and data safety: the lock, the passphrase and recovery code, backups, recovery from
//! a damaged journal, and the parent's control over all of their data.

use nestling_store::{recovery, BackupInfo, Reason, Store};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::saving::{self, Saved};
use crate::AppState;

/// A passphrase or recovery code as the page sent it: wiped from memory when the command that
/// received it ends, whether it succeeded or not.
type Secret = Zeroizing<String>;

/// The words the parent types to confirm deleting everything.
pub(crate) const ERASE_WORDS: &str = "delete everything";

/// Whether the journal waits for its passphrase.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LockState {
    locked: bool,
}

/// What the privacy settings show.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Privacy {
    encrypted: bool,
    backups: Vec<BackupInfo>,
    /// Journals set aside as damaged that are stored without encryption.
    plain_set_asides: usize,
    /// Setting or changing the passphrase was interrupted after it sealed a recovery code that
    /// was never shown: a new recovery code finishes it.
    recovery_code_unseen: bool,
}

/// A recovery code to write down, shown once.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct NewCode {
    recovery_code: String,
}

/// Why the journal could not be opened, and the backup that can replace it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Recovery {
    problem: Error,
    encrypted: bool,
    newest_good: Option<BackupInfo>,
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
    state.unlock(&secret).await
}

/// Closes an encrypted journal until the passphrase is typed again.
#[tauri::command]
pub(crate) async fn lock(state: State<'_, AppState>) -> Result<()> {
    state.lock()
}

/// The page saw the parent use it: the idle time before the journal locks starts again.
#[tauri::command]
pub(crate) async fn still_here(state: State<'_, AppState>) -> Result<()> {
    state.touch();
    Ok(())
}

/// Whether the journal is encrypted, and its backups.
#[tauri::command]
pub(crate) async fn privacy(state: State<'_, AppState>) -> Result<Privacy> {
    state.with_store(|store| {
        Ok(Privacy {
            encrypted: store.is_encrypted(),
            backups: nestling_store::backups::list(store.dir())?,
            plain_set_asides: nestling_store::plain_set_asides(store.dir())?.len(),
            recovery_code_unseen: store.recovery_code_unseen()?,
        })
    })
}

/// Encrypts the journal with a passphrase and returns the recovery code, shown once.
#[tauri::command]
pub(crate) async fn set_passphrase(
    state: State<'_, AppState>,
    passphrase: Secret,
) -> Result<NewCode> {
    let code = state.with_store(|store| Ok(store.set_passphrase(&passphrase)?))?;
    Ok(NewCode {
        recovery_code: code.as_str().to_owned(),
    })
}

/// Changes the passphrase and the data key; returns the new recovery code, shown once (the old
/// one stops working).
#[tauri::command]
pub(crate) async fn change_passphrase(
    state: State<'_, AppState>,
    current: Secret,
    next: Secret,
) -> Result<NewCode> {
    let code = state
        .with_secret(|state| {
            state.with_store(|store| Ok(store.change_passphrase(&current, &next)?))
        })
        .await?;
    Ok(NewCode {
        recovery_code: code.as_str().to_owned(),
    })
}

/// Decrypts the journal and its backups.
#[tauri::command]
pub(crate) async fn remove_passphrase(state: State<'_, AppState>, current: Secret) -> Result<()> {
    state
        .with_secret(|state| state.with_store(|store| Ok(store.remove_passphrase(&current)?)))
        .await
}

/// Replaces the recovery code (and the data key) with a new one, shown once; needs the
/// passphrase.
#[tauri::command]
pub(crate) async fn new_recovery_code(
    state: State<'_, AppState>,
    current: Secret,
) -> Result<NewCode> {
    let code = state
        .with_secret(|state| state.with_store(|store| Ok(store.new_recovery_code(&current)?)))
        .await?;
    Ok(NewCode {
        recovery_code: code.as_str().to_owned(),
    })
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
    let restore = |state: &AppState| {
        let secret = secret.as_ref().map(|s| s.as_str());
        state.replace_journal(secret, |dir| Ok(Store::restore_in(dir, &name, secret)?))
    };
    state.with_secret_if(secret.is_some(), restore).await
}

/// Why the journal could not be opened, and the newest backup that reads correctly.
#[tauri::command]
pub(crate) async fn recovery_state(state: State<'_, AppState>) -> Result<Recovery> {
    let problem = state.failure()?.ok_or(Error::NothingToRecover)?;
    let dir = state.data_dir();
    let encrypted = nestling_store::status(dir)? == nestling_store::JournalStatus::Locked;
    let newest_good = if encrypted {
        nestling_store::backups::list(dir)?.into_iter().next()
    } else {
        recovery::newest_good_backup(dir, None)?
    };
    Ok(Recovery {
        problem,
        encrypted,
        newest_good,
    })
}

/// Opens the chosen backup in place of the damaged journal, which is set aside (never
/// deleted). The secret and the backup are checked first: when either is wrong nothing moves.
#[tauri::command]
pub(crate) async fn recover_from_backup(
    state: State<'_, AppState>,
    name: String,
    secret: Option<Secret>,
) -> Result<Recovered> {
    let recover = |state: &AppState| {
        let secret = secret.as_ref().map(|s| s.as_str());
        let mut kept = None;
        state.replace_journal(secret, |dir| {
            let (store, set_aside) = Store::recover_in(dir, &name, secret)?;
            kept = set_aside;
            Ok(store)
        })?;
        Ok(kept.map(|p| p.display().to_string()).unwrap_or_default())
    };
    let set_aside = state.with_secret_if(secret.is_some(), recover).await?;
    Ok(Recovered { set_aside })
}

/// Saves the complete journal, private moments included, as JSON where the parent chooses.
#[tauri::command]
pub(crate) async fn export_everything<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Saved> {
    let json = state.with_store(|store| {
        Ok(nestling_export::journal_json(
            store.conn(),
            nestling_export::Scope::Everything,
            chrono::Utc::now(),
        )?)
    })?;
    let name = format!(
        "Nestling journal {}.json",
        chrono::Local::now().date_naive()
    );
    let chosen = app
        .dialog()
        .file()
        .set_title("Save everything")
        .set_file_name(name)
        .add_filter("JSON", &["json"])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok());
    let Some(path) = chosen else {
        return Ok(Saved { file_name: None });
    };
    saving::write_atomically(state.data_dir(), &path, json.as_bytes())?;
    Ok(Saved::at(&path))
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
    if confirmation.trim().to_lowercase() != ERASE_WORDS {
        return Err(Error::NotConfirmed);
    }
    state.replace_journal(None, |dir| {
        nestling_store::erase_everything(dir)?;
        Ok(Store::open_in(dir)?)
    })?;
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
