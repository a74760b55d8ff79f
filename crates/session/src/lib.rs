//! Nestling's session core, with no Tauri in it: what the app holds between the page's calls.
//!
//! It owns the journal's state (open, locked waiting for its passphrase, or failed with the
//! reason every call repeats), the data folder held by this copy of the app, the idle lock,
//! every use of a secret behind the persisted wait of wrong tries, replacing the journal on disk
//! without a dead end, the backup the recovery screen offers, the shelf of articles, restoring
//! from a chosen file, saving an export whole or not at all, and sharing with the partner's
//! computer: pairing step by step, exchanges that never hold up the parent, their status, and
//! when to exchange (a nudge, and a watch on the shared folder).
//!
//! It does not own the SQL, the file formats or the typesetting (the store, journal, library,
//! export, report and sync crates do), nor windows, dialogs or threads: the shell asks where to save and
//! passes the answer in as a closure. Its errors carry ids and paths; the shell words them.

mod atomic;
mod check_in;
mod error;
mod privacy;
mod replace;
mod restoring;
mod saving;
mod session;
mod sharing;
mod shelf;
#[cfg(test)]
mod testing;
mod watch;

pub use atomic::write_atomically;
pub use check_in::check_in_prompts;
pub use error::{Error, Result};
pub use privacy::PrivacySummary;
pub use replace::{RecoveryChoice, ERASE_WORDS};
pub use restoring::Restoring;
pub use saving::{Format, Preview, Progress, SaveOffer, Saved};
pub use session::Session;
pub use sharing::{Exchanged, FolderProblem, PairingOffer, SharingStatus, Trouble};
pub use shelf::Shelf;
pub use watch::{FolderWatch, Nudge, WatchTarget};
