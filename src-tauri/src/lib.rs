//! Nestling's Tauri shell: the window, the native dialogs, navigation, and the thin commands
//! the UI calls.
//!
//! Everything with logic lives in the crates under `crates/`: the session (the open or locked
//! journal, secrets, replacing the journal, the shelf, saving exports) is `nestling_session`.
//! This crate only opens the session at start, keeps it in managed state, runs its timers
//! (daily backup, idle lock) and its sharing thread, words its errors for the UI and adapts domain calls to IPC.
//! [`run_app`] builds the app on any runtime so the IPC tests can run the real setup on the
//! mock runtime.

mod commands;
mod dialog;
mod error;
mod navigation;
mod sharing;

use std::path::PathBuf;

use tauri::{Manager, Runtime};

/// Expands the one command list (`src-tauri/command_list.rs`) into the invoke handler, so a
/// command is registered exactly when `build.rs` grants it.
macro_rules! command_list {
    ($($area:ident::$name:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$area::$name),*]
    };
}

pub use error::Error;
pub use nestling_session::Restoring;
/// The session the commands share, kept in managed state.
pub use nestling_session::Session as AppState;
pub(crate) use sharing::PageChannel;

/// Starts Nestling with the real window and the platform data folder.
pub fn run() {
    draw_without_compositing();
    // The journal is opened on its own thread while this one makes the window, so that WebKit's
    // processes, which start with the window and ask this thread for the page, never wait on it.
    // The page's first command cannot arrive before `app.run` turns the event loop, and by then
    // the journal is managed.
    let app = build_app(single_instance(), tauri::generate_context!())
        .and_then(|app| {
            let dir = journal_dir(&app, None)?;
            let opening = std::thread::spawn(move || AppState::open(dir));
            open_main_window(&app)?;
            let session = opening
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            manage_journal(&app, session);
            Ok(app)
        })
        .expect("Nestling could not start its window");
    keep_daily_backups(app.handle().clone());
    lock_when_idle(app.handle().clone());
    sharing::keep_in_step(app.handle().clone());
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

/// The variable WebKitGTK reads, in this process, to draw pages without its compositor.
#[cfg(target_os = "linux")]
const COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// On Linux, the page is drawn without WebKit's GPU compositor. Nestling's pages have no video,
/// 3D or animation that needs it, and on a computer without a usable GPU driver the compositor
/// runs on a software OpenGL whose compiler alone is tens of MiB of the web process: measured
/// under Xvfb, the web process went from 194 to 114 MiB (BENCHMARKS.md, "Drawn without the
/// compositor"). A value already set by the person starting the app is kept, so `=0` brings the
/// compositor back. Called first thing in `run`, before any thread exists to read the
/// environment.
fn draw_without_compositing() {
    #[cfg(target_os = "linux")]
    if let Some(value) = compositing_value(std::env::var_os(COMPOSITING_ENV)) {
        std::env::set_var(COMPOSITING_ENV, value);
    }
}

/// What to set the compositing variable to, given its value at start: "1" when it is unset,
/// nothing when the person starting the app chose a value.
#[cfg(target_os = "linux")]
fn compositing_value(found: Option<std::ffi::OsString>) -> Option<&'static str> {
    match found {
        None => Some("1"),
        Some(_) => None,
    }
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
    let app = build_app(builder, context)?;
    open_journal(&app, data_dir)?;
    Ok(app)
}

/// The app with its plugins, window events and commands, before the journal is opened.
fn build_app<R: Runtime>(
    builder: tauri::Builder<R>,
    context: tauri::Context<R>,
) -> tauri::Result<tauri::App<R>> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .on_window_event(sharing::on_window_event)
        .invoke_handler(include!("../command_list.rs"))
        .build(context)
}

/// Opens the journal in `data_dir` (see [`run_app`]) and manages the state every command uses.
/// Called before the event loop turns, so before the page's first command arrives.
fn open_journal<R: Runtime>(app: &tauri::App<R>, data_dir: Option<PathBuf>) -> tauri::Result<()> {
    manage_journal(app, AppState::open(journal_dir(app, data_dir)?));
    Ok(())
}

/// The folder the journal is opened in: `data_dir` when given, else `$NESTLING_DATA_DIR` when
/// set, else the platform's app-data folder.
fn journal_dir<R: Runtime>(
    app: &tauri::App<R>,
    data_dir: Option<PathBuf>,
) -> tauri::Result<PathBuf> {
    Ok(match data_dir {
        Some(dir) => dir,
        None => nestling_store::data_dir(
            std::env::var_os(nestling_store::DATA_DIR_ENV),
            app.path().app_data_dir()?,
        ),
    })
}

/// Keeps the opened session, and the state beside it, where every command finds it.
fn manage_journal<R: Runtime>(app: &tauri::App<R>, session: AppState) {
    app.manage(session);
    app.manage(Restoring::default());
    app.manage(PageChannel::default());
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::compositing_value;

    #[test]
    fn the_compositor_is_turned_off_unless_the_person_starting_the_app_chose() {
        assert_eq!(compositing_value(None), Some("1"));
        assert_eq!(compositing_value(Some("0".into())), None);
        assert_eq!(compositing_value(Some("1".into())), None);
        assert_eq!(compositing_value(Some("".into())), None);
    }
}
