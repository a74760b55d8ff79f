//! The handle on an open journal: its connection, its file and its data key.
//!
//! This module owns the [`Store`] type and what it tells about itself; what can be done with one
//! lives with each concern, each in one `impl Store` of its own module: opening (`open`),
//! backing up (`backups`), restoring (`restore`), converting in place (`swap`), setting and
//! removing the passphrase (`passphrase`), changing the key (`rekey`) and giving up an
//! interrupted attempt (`unfinished`).

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::data_key::DataKey;
use crate::migrate;
use crate::Result;

/// An open, checked and migrated journal file.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) key: Option<DataKey>,
}

impl Store {
    /// The journal file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The data folder: the folder holding the journal file, its key file and `backups/`.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// Whether the journal is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(migrate::current_version(&self.conn)?)
    }

    /// The connection, for the domain crates that keep their SQL beside their logic.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection, mutably, for transactions.
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}
