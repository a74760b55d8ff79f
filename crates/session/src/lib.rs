//! Nestling's session core, with no Tauri in it: what the app holds between the page's calls.
//!
//! It owns the journal's state (open, locked waiting for its passphrase, or failed with the
//! reason every call repeats), the data folder held by this copy of the app, the idle lock,
//! every use of a secret behind the persisted wait of wrong tries, replacing the journal on disk
//! without a dead end, the backup the recovery screen offers, the shelf of articles, restoring
//! from a chosen file, and saving an export whole or not at all.
//!
//! It does not own the SQL, the file formats or the typesetting (the store, journal, library,
//! export and report crates do), nor windows and dialogs: the shell asks where to save and
//! passes the answer in as a closure. Its errors carry ids and paths; the shell words them.

mod atomic;
mod check_in;
mod error;
mod privacy;
mod replace;
mod restoring;
mod saving;
mod session;
mod shelf;
#[cfg(test)]
mod testing;

pub use atomic::write_atomically;
pub use check_in::check_in_prompts;
pub use error::{Error, Result};
pub use privacy::PrivacySummary;
pub use replace::{RecoveryChoice, ERASE_WORDS};
pub use restoring::Restoring;
pub use saving::{Format, Preview, Progress, SaveOffer, Saved};
pub use session::Session;
pub use shelf::Shelf;
