//! The native file dialogs, opened from Rust so that the page itself is granted no dialog or
//! file-system permission at all. What they offer is decided by the session; this module only
//! shows them.

use std::path::PathBuf;

use nestling_session::SaveOffer;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// The native save dialog as `offer` describes it; `None` when the parent closes it.
pub(crate) fn ask_where<R: Runtime>(app: &AppHandle<R>, offer: SaveOffer) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title(offer.title)
        .set_file_name(offer.file_name)
        .add_filter(offer.filter, &[offer.extension])
        .blocking_save_file()
        .and_then(|path| path.into_path().ok())
}

/// Read only by debug builds, for the end-to-end tests: the folder the folder dialog answers
/// with, without showing it (GTK's folder dialog cannot be answered by typing a path).
#[cfg(debug_assertions)]
const TEST_SHARE_FOLDER_ENV: &str = "NESTLING_TEST_SHARE_FOLDER";

/// The native folder dialog for the folder both computers can see; `None` when the parent
/// closes it.
pub(crate) fn ask_folder<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os(TEST_SHARE_FOLDER_ENV).filter(|f| !f.is_empty()) {
        return Some(PathBuf::from(folder));
    }
    app.dialog()
        .file()
        .set_title("Choose the shared folder")
        .blocking_pick_folder()
        .and_then(|path| path.into_path().ok())
}

/// The native open dialog for a Nestling file to restore from; `None` when the parent closes it.
pub(crate) fn ask_which<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_title("Restore from a Nestling file")
        .add_filter("Nestling journal (JSON)", &["json"])
        .blocking_pick_file()
        .and_then(|path| path.into_path().ok())
}
