//! The data key: the random key an encrypted journal and its backups are keyed with, and the
//! pair of keys a secret opens while a change of key is under way.
//!
//! Part of the crate's floor: it imports nothing of the crate but its error. How the key is
//! sealed and stored is the `keys` module's; how a connection is keyed with it is the
//! `connection` module's.

use std::fmt;
use std::path::PathBuf;

use zeroize::{ZeroizeOnDrop, Zeroizing};

use crate::{Error, Result};

/// The length of a data key in bytes.
pub(crate) const KEY_LEN: usize = 32;

/// Fills `buf` from the operating system's random number generator.
pub(crate) fn random_bytes(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|err| Error::Io {
        path: PathBuf::from("<system random number generator>"),
        source: std::io::Error::other(err.to_string()),
    })
}

/// The random key the database is encrypted with. Wiped from memory when dropped.
#[derive(Clone, ZeroizeOnDrop)]
pub(crate) struct DataKey(Zeroizing<[u8; KEY_LEN]>);

impl DataKey {
    /// A fresh random data key.
    pub(crate) fn generate() -> Result<Self> {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        random_bytes(key.as_mut())?;
        Ok(Self(key))
    }

    /// A data key from exactly [`KEY_LEN`] bytes; `None` for any other length.
    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Self> {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        (bytes.len() == KEY_LEN).then(|| {
            key.copy_from_slice(bytes);
            Self(key)
        })
    }

    /// The key's bytes, for sealing it in the key file.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_ref()
    }

    /// Whether two data keys are the same key.
    pub(crate) fn same_as(&self, other: &DataKey) -> bool {
        self.0.as_ref() == other.0.as_ref()
    }

    /// The key as the engine's raw-key literal: `x'<64 hex digits>'`.
    pub(crate) fn sql_literal(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", hex(self.0.as_ref()).as_str()))
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(<redacted>)")
    }
}

/// The data keys a secret opens: the current one, and the retiring one while a change of key is
/// under way.
#[derive(Debug, Clone)]
pub(crate) struct Keys {
    /// The key every file is (or will be) encrypted with.
    pub(crate) current: DataKey,
    /// The key files may still be under until the change of key finishes.
    pub(crate) retiring: Option<DataKey>,
}

/// Lower-case hexadecimal digits of `bytes`, wiped from memory when dropped.
pub(crate) fn hex(bytes: &[u8]) -> Zeroizing<String> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = Zeroizing::new(String::with_capacity(bytes.len() * 2));
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}
