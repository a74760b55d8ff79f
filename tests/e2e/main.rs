//! End-to-end journeys through the real window: the debug build driven by `tauri-driver` and
//! WebKitWebDriver. They need a display, so they are ignored by a plain `cargo test`; the README's
//! test command runs them under `xvfb-run` with `-- --ignored`.

mod a11y;
mod check_in;
mod export;
mod foundation;
mod help;
mod journal;
mod library;
mod patterns;
mod privacy;
mod restore;
mod sharing;
mod speed;
mod support;
