//! IPC tests: what the UI sends to each command, what it gets back, and each error kind, through
//! the real setup and the real permission set on the mock runtime.

mod care;
mod check_in;
mod export;
mod foundation;
mod hardening;
mod harness;
mod journal;
mod library;
mod patterns;
mod privacy;
mod restore;
mod sharing;
