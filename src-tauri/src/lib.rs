//! Nestling's Tauri shell: window, state and the thin commands the UI calls.
//!
//! Everything with logic lives in the crates under `crates/`; this crate only opens the journal
//! at start, keeps it in managed state and adapts domain calls to IPC. [`run_app`] builds the
//! app on any runtime so the IPC tests can run the real setup on the mock runtime.

mod commands;
mod error;
mod navigation;
mod saving;
mod state;

use std::path::PathBuf;

use tauri::{Manager, Runtime};

pub use commands::restore::Restoring;
pub use error::Error;
pub use state::AppState;

/// Starts Nestling with the real window and the platform data folder.
pub fn run() {
    let app = run_app(single_instance(), tauri::generate_context!(), None)
        .and_then(|app| open_main_window(&app).map(|_| app))
        .expect("Nestling could not start its window");
    keep_daily_backups(app.handle().clone());
    lock_when_idle(app.handle().clone());
    // The only lines Nestling ever logs: no paths, names or journal text.
    eprintln!("nestling {}: started", env!("CARGO_PKG_VERSION"));
    if app.state::<AppState>().folder_in_use() {
        eprintln!("nestling: another copy has this data folder open; this one changes nothing");
    }
    app.run(|handle, event| {
        // A clean close folds the write-ahead log into the journal and frees the data folder.
        if let tauri::RunEvent::Exit = event {
            handle.state::<AppState>().close();
        }
    });
}

/// The builder of the real app: with the platform's data folder, a second launch only brings
/// the open window forward. With `$NESTLING_DATA_DIR` (tests, portable installs) copies on other
/// folders may run side by side; the data folder's own lock still keeps one copy per folder.
fn single_instance() -> tauri::Builder<tauri::Wry> {
    let builder = tauri::Builder::default();
    if std::env::var_os(nestling_store::DATA_DIR_ENV).is_some_and(|dir| !dir.is_empty()) {
        return builder;
    }
    builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    }))
}

/// How often an open app checks whether the daily backup is due.
const DAILY_BACKUP_CHECK: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// Opening the journal makes the daily backup; this makes it for an app left open for days too.
fn keep_daily_backups<R: Runtime>(app: tauri::AppHandle<R>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(DAILY_BACKUP_CHECK);
        // A failed backup is tried again at the next check; the parent is not interrupted.
        let _ = app.state::<AppState>().daily_backup_if_due();
    });
}

/// How often Rust checks whether the parent has been away for their chosen idle time.
const IDLE_CHECK: std::time::Duration = std::time::Duration::from_secs(15);

/// The page locks an idle journal too; this locks it even when the page cannot (frozen, hidden
/// or changed by someone at the computer).
fn lock_when_idle<R: Runtime>(app: tauri::AppHandle<R>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(IDLE_CHECK);
        let _ = app
            .state::<AppState>()
            .lock_if_idle(std::time::Instant::now());
    });
}

/// Opens the window described in `tauri.conf.json`, which may only ever show the app's own
/// pages: a link to anywhere else (in an imported article, say) goes nowhere.
fn open_main_window<R: Runtime>(app: &tauri::App<R>) -> tauri::Result<tauri::WebviewWindow<R>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == "main")
        .cloned()
        .unwrap_or_default();
    tauri::WebviewWindowBuilder::from_config(app, &config)?
        .on_navigation(navigation::is_own_page)
        .build()
}

/// Builds the app on any runtime, opening the journal in `data_dir`.
///
/// With `None`, the folder is `$NESTLING_DATA_DIR` when set, else the platform's app-data
/// folder. Opening failures do not stop the app: they are kept and shown by the UI.
pub fn run_app<R: Runtime>(
    builder: tauri::Builder<R>,
    context: tauri::Context<R>,
    data_dir: Option<PathBuf>,
) -> tauri::Result<tauri::App<R>> {
    let app = builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::home::get_home,
            commands::settings::get_settings,
            commands::settings::set_setting,
            commands::journal::list_kinds,
            commands::journal::add_kind,
            commands::journal::update_kind,
            commands::journal::set_kind_hidden,
            commands::journal::list_babies,
            commands::journal::add_baby,
            commands::journal::update_baby,
            commands::journal::archive_baby,
            commands::journal::feeling_suggestions,
            commands::journal::tag_suggestions,
            commands::journal::log_moment,
            commands::journal::get_moment,
            commands::journal::update_moment,
            commands::journal::delete_moment,
            commands::journal::restore_moment,
            commands::journal::purge_moment,
            commands::journal::list_trash,
            commands::journal::list_moments,
            commands::journal::search_moments,
            commands::journal::list_timers,
            commands::journal::start_timer,
            commands::journal::stop_timer,
            commands::journal::cancel_timer,
            commands::journal::list_drafts,
            commands::journal::save_draft,
            commands::journal::discard_draft,
            commands::library::list_articles,
            commands::library::search_articles,
            commands::library::get_article,
            commands::library::reading_state,
            commands::library::mark_opened,
            commands::library::set_progress,
            commands::library::all_progress,
            commands::library::recently_read,
            commands::library::toggle_bookmark,
            commands::library::list_bookmarks,
            commands::library::add_highlight,
            commands::library::set_highlight_note,
            commands::library::delete_highlight,
            commands::library::import_article,
            commands::library::delete_imported_article,
            commands::export::export_candidates,
            commands::export::export_preview,
            commands::export::export_save,
            commands::export::export_cancel,
            commands::privacy::lock_state,
            commands::privacy::unlock,
            commands::privacy::lock,
            commands::privacy::still_here,
            commands::privacy::privacy,
            commands::privacy::set_passphrase,
            commands::privacy::change_passphrase,
            commands::privacy::remove_passphrase,
            commands::privacy::new_recovery_code,
            commands::privacy::backup_now,
            commands::privacy::restore_backup,
            commands::privacy::recovery_state,
            commands::privacy::recover_from_backup,
            commands::privacy::export_everything,
            commands::restore::restore_choose,
            commands::restore::restore_preview,
            commands::restore::restore_apply,
            commands::privacy::erase_everything,
            commands::privacy::remove_plain_set_asides,
            commands::privacy::abandon_unfinished_passphrase,
            commands::care::help_lines,
            commands::care::list_contacts,
            commands::care::add_contact,
            commands::care::update_contact,
            commands::care::remove_contact,
            commands::care::reorder_contacts,
            commands::check_in::add_check_in,
            commands::check_in::get_check_in,
            commands::check_in::update_check_in,
            commands::check_in::delete_check_in,
            commands::check_in::restore_check_in,
            commands::check_in::list_check_ins,
            commands::check_in::list_trashed_check_ins,
            commands::check_in::check_in_prompts,
        ])
        .build(context)?;
    // Managed right after build, before the event loop delivers the page's first command.
    let dir = match data_dir {
        Some(dir) => dir,
        None => nestling_store::data_dir(
            std::env::var_os(nestling_store::DATA_DIR_ENV),
            app.path().app_data_dir()?,
        ),
    };
    app.manage(AppState::open(dir));
    app.manage(saving::Exports::default());
    app.manage(Restoring::default());
    Ok(app)
}
