//! A blank Tauri window, the same size as Nestling's, showing one line of text. It is the floor
//! of `scripts/bench-startup.py`: Nestling's start-up time and memory are reported as ratios of
//! this window's, measured in the same run, so the figures say what Nestling itself adds.
//!
//! With `NESTLING_BLANK_PAGE=scripted.html` it opens a second page instead: one module that asks
//! one command for its line of text and then draws it. That is the least any page with an app
//! behind it does before its first screen, a second floor beside the static one.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use tauri::{WebviewUrl, WebviewWindowBuilder};

/// The scripted page's one line of text, asked for through IPC.
#[tauri::command]
fn greeting() -> &'static str {
    "A blank window, drawn by a script."
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![greeting])
        .setup(|app| {
            // The window is made here rather than from the configuration so that its page can
            // be chosen when the bench starts it; its size and title stay in the configuration.
            let mut window = app.config().app.windows[0].clone();
            if let Ok(page) = std::env::var("NESTLING_BLANK_PAGE") {
                window.url = WebviewUrl::App(page.into());
            }
            WebviewWindowBuilder::from_config(app.handle(), &window)?.build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("the blank window could not start: {err}");
            std::process::exit(1);
        });
}
