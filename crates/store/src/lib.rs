//! Nestling's storage foundation: one SQLite file in the parent's data folder, optionally
//! encrypted, with its backups.
//!
//! This crate owns opening (or creating) that file, encryption at rest, the key file, backups,
//! recovery from damage, erasing everything, the pragmas set on every connection, the numbered
//! schema migrations and the small settings table. It does not own any journal or library
//! logic: those crates receive a [`rusqlite::Connection`] from a [`Store`].
//!
//! # Using it
//! ```no_run
//! # fn main() -> nestling_store::Result<()> {
//! use nestling_store::{status, JournalStatus, Store};
//! # let dir = std::path::Path::new("/tmp/nestling");
//! let mut store = match status(dir)? {
//!     JournalStatus::New | JournalStatus::Plain => Store::open_in(dir)?,
//!     // The lock screen asks for the passphrase or the recovery code.
//!     JournalStatus::Locked => Store::unlock_in(dir, "the passphrase")?,
//! };
//! if !store.is_encrypted() {
//!     let code = store.set_passphrase("a long passphrase")?;
//!     println!("Write this down: {}", code.as_str()); // shown once
//! }
//! # Ok(()) }
//! ```
//! When opening fails with [`Error::Damaged`], the recovery screen calls
//! [`recovery::set_aside`], then [`recovery::newest_good_backup`] (or lets the parent pick from
//! [`backups::list`]) and [`Store::restore_in`].
//!
//! # Layers
//! Each module imports only modules above it in this list, so the crate has no import cycle;
//! every `impl Store` block sits with its concern, one block per concern.
//! 1. the floor, importing nothing of the crate but the error and the file helpers:
//!    `error`, `fsutil`, [`fault`], `paths` (the file and folder names of the data folder; only
//!    the tries file's stays with [`tries`]), `data_key` (the data key), `migrate` (the
//!    schema's versions);
//! 2. `connection`: connecting with a key, pragmas, application id and integrity checks (it
//!    builds on the data key and the schema version only);
//! 3. `keys` (the key file), [`settings`], [`tries`], `folder_lock`, and `store` (the
//!    [`Store`] type and its accessors);
//! 4. `convert`: verified copies in another form;
//! 5. [`backups`]: making, listing and pruning backups (`impl Store`: backing up);
//! 6. `open` (`impl Store`: opening), [`recovery`] (setting aside, finding a good backup),
//!    `erase`, `unfinished` (`impl Store`: giving up an interrupted passphrase);
//! 7. `swap` (`impl Store`: converting in place, reopening through `open`), `restore`
//!    (`impl Store`: restoring);
//! 8. `passphrase` (`impl Store`: setting and removing it), `rekey` (`impl Store`: changing
//!    the key).
//!
//! # Files in the data folder
//! - `nestling.sqlite3` (+ `-wal`, `-shm`): the journal, encrypted with a random data key when a
//!   passphrase is set;
//! - `nestling.keys`: the data key, sealed under the passphrase and under the recovery code
//!   (format in the `keys` module's source); losing it makes an encrypted journal unreadable,
//!   so a spare copy is kept as `backups/nestling.keys` and used when it is missing or damaged;
//! - `backups/nestling-<UTC time>-<reason>.sqlite3`: backups, encrypted like the journal;
//! - `damaged/<UTC time>/`: journals set aside after damage was found.
//!
//! # Safety rules it enforces
//! - a file that is not a SQLite database, or a SQLite database that is not a Nestling journal,
//!   is reported and never written to, and so is a damaged one (`PRAGMA quick_check` at open);
//! - a journal written by a newer version of Nestling is refused before anything is changed;
//! - migrations run in one `IMMEDIATE` transaction, all or none, after a backup;
//! - a wrong passphrase changes nothing, and the encryption engine prints nothing;
//! - encrypting, decrypting and restoring swap in a verified copy with an atomic rename, and a
//!   crash at any step of them loses nothing (the [`fault`] points and `tests/interrupted.rs`);
//!   the half-made copies a crash leaves, which may be plain, are removed at the next open.

pub mod backups;
mod connection;
mod convert;
mod data_key;
mod erase;
mod error;
pub mod fault;
mod folder_lock;
mod fsutil;
mod keys;
mod migrate;
mod open;
mod passphrase;
mod paths;
pub mod recovery;
mod rekey;
mod restore;
pub mod settings;
mod store;
mod swap;
pub mod tries;
mod unfinished;

pub use backups::{BackupInfo, Reason};
pub use erase::{erase_everything, plain_set_asides, remove_plain_set_asides};
pub use error::{Error, Result};
pub use folder_lock::FolderLock;
pub use keys::{RecoveryCode, MIN_PASSPHRASE_CHARS};
pub use migrate::{latest_version, Migration};
pub use open::{status, JournalStatus};
pub use paths::{data_dir, DATABASE_FILE_NAME, DATA_DIR_ENV, KEY_FILE_NAME, LOCK_FILE_NAME};
pub use rusqlite;
pub use store::Store;
