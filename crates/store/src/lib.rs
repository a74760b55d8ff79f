//! Nestling's storage foundation: one SQLite file in the parent's data folder.
//!
//! This crate owns opening (or creating) that file, the pragmas set on every connection, the
//! numbered schema migrations and the small settings table. It does not own any journal or
//! library logic: those crates receive a [`rusqlite::Connection`] from a [`Store`].
//!
//! Safety rules it enforces:
//! - a file that is not a SQLite database, or a SQLite database that is not a Nestling journal,
//!   is reported and never written to;
//! - a journal written by a newer version of Nestling is refused before anything is changed;
//! - migrations run in one `IMMEDIATE` transaction: all of them land, or none.

mod error;
mod migrate;
mod open;
pub mod settings;

pub use error::{Error, Result};
pub use migrate::{latest_version, Migration};
pub use open::{data_dir, Store, DATABASE_FILE_NAME, DATA_DIR_ENV};
pub use rusqlite;
