//! A blank Tauri window, the same size as Nestling's, showing one line of text. It is the floor
//! of `scripts/bench-startup.py`: Nestling's start-up time and memory are reported as ratios of
//! this window's, measured in the same run, so the figures say what Nestling itself adds.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .unwrap_or_else(|err| {
            eprintln!("the blank window could not start: {err}");
            std::process::exit(1);
        });
}
