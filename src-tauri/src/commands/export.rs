//! The export's commands: what a selection covers, its preview, and saving it as a file through
//! the native save dialog. The dialog is opened from Rust, so the page itself is granted no
//! dialog or file-system permission at all.

use nestling_export::{Candidates, Report, Selection};
use nestling_report_pdf::Paper;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::Result;
use crate::saving::{self, Exports, Format, Progress, Saved};
use crate::AppState;

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

/// The report exactly as a file would hold it, for the preview.
#[tauri::command]
pub(crate) async fn export_preview(
    state: State<'_, AppState>,
    selection: Selection,
) -> Result<Report> {
    state.with_store(|store| saving::report(store, &selection))
}

/// Asks where to save, then writes the chosen format there; `progress` hears each stage.
#[tauri::command]
pub(crate) async fn export_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    exports: State<'_, Exports>,
    selection: Selection,
    format: Format,
    paper: Paper,
    progress: Channel<Progress>,
) -> Result<Saved> {
    exports.begin();
    let collected = step(&progress, &exports, "collecting", || {
        state.with_store(|store| saving::collect(store, &selection, format))
    })?;
    let name = format.suggested_name(&collected.report);
    let found = step(&progress, &exports, "choosing", || {
        Ok(ask_where(&app, name, format))
    })?;
    let Some(path) = found else {
        return Ok(Saved { file_name: None });
    };
    let bytes = step(&progress, &exports, "typesetting", || {
        saving::render(&exports, collected, paper)
    })?;
    step(&progress, &exports, "writing", || {
        saving::write_atomically(state.data_dir(), &path, &bytes)
    })?;
    Ok(Saved::at(&path))
}

/// Stops a save in progress before its file is written.
#[tauri::command]
pub(crate) async fn export_cancel(exports: State<'_, Exports>) -> Result<()> {
    exports.cancel();
    Ok(())
}

/// Tells the page which stage starts, runs it unless the parent cancelled, and checks again.
fn step<T>(
    progress: &Channel<Progress>,
    exports: &Exports,
    stage: &'static str,
    run: impl FnOnce() -> Result<T>,
) -> Result<T> {
    exports.check()?;
    // A page that stopped listening does not stop the save.
    let _ = progress.send(Progress { stage });
    let value = run()?;
    exports.check()?;
    Ok(value)
}

/// The native save dialog; `None` when the parent closes it.
fn ask_where<R: Runtime>(
    app: &AppHandle<R>,
    name: String,
    format: Format,
) -> Option<std::path::PathBuf> {
    app.dialog()
        .file()
        .set_title("Save the report")
        .set_file_name(name)
        .add_filter(format.label(), &[format.extension()])
        .blocking_save_file()
        .and_then(|path| path.into_path().ok())
}
