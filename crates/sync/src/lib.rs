//! Sharing one journal between two caregivers' computers, with no server: "share the care,
//! keep the feelings".
//!
//! This crate owns the shared document ([`Replica`]: an Automerge document, chosen by the
//! measurements in `docs/sync-engine.md`), how the journal's rows are written into it and read
//! back (the `fields` module), the pairing of this journal (`sync_pair`) and the exchange of files
//! through the shared folder. It does not own the journal's rows or their rules (the journal's
//! `shared` module does), the file format and the folder layout (`nestling-sync-folder`), nor
//! any screen. The design, with the threat model, is in `docs/sharing.md`.

mod error;
mod exchange;
mod fields;
pub mod pairing;
mod replica;

pub use error::{Error, Result};
pub use exchange::{FolderTrouble, Report, Sharing};
pub use nestling_sync_folder::{DeviceId, PairSecret};
pub use pairing::Pairing;
pub use replica::{has_document, Received, Replica};
