//! The data key and the key file that keeps it, wrapped twice.
//!
//! An encrypted journal is keyed with a random 32-byte *data key*, handed to the database engine
//! as a raw key so that its own slow derivation is skipped. The data key never touches the disk
//! in the clear: the key file `nestling.keys` beside the journal holds it twice, each copy sealed
//! with XChaCha20-Poly1305 under a key derived by Argon2id, once from the passphrase and once
//! from the recovery code.
//!
//! Changing the passphrase, or making a new recovery code, changes the data key itself (see the
//! `rekey` module): an old copy of the key file opened with an old secret yields only the old
//! data key, which opens nothing once the change is done. While the journal and its backups are
//! being re-encrypted, the key file also carries the old data key, sealed under a key derived
//! from the new one (`retiring`), so every file opens with the new secret whichever key it is
//! under at that moment; the last step of the change writes the key file without it.
//!
//! Key file format (JSON, version 1):
//! ```json
//! {
//!   "format": 1,
//!   "passphrase": { "kdf": { "algorithm": "argon2id", "memory_kib": 65536, "iterations": 3,
//!                            "parallelism": 1 },
//!                   "salt": "<32 hex>", "nonce": "<48 hex>", "sealed_key": "<96 hex>" },
//!   "recovery":   { …the same fields… },
//!   "retiring":   { "nonce": "<48 hex>", "sealed_key": "<96 hex>" }   (only during a change)
//!   "code_unseen": true                  (only while setting a passphrase is under way)
//! }
//! ```
//! A key file written by an operation that has not finished says so (`retiring` during a change
//! of key, `code_unseen` while a passphrase is being set): its recovery code was never shown, so
//! one found after a crash means the parent needs a new one (see [`KeyFile::code_unseen`]).
//! The associated data of each seal names its slot (`nestling.keys/1/passphrase`), so the
//! copies cannot be swapped. The retiring key is sealed with XChaCha20-Poly1305 under keyed
//! BLAKE2b of the current data key (personalised `nestling.keys/1/retiring`), never under the
//! data key itself. This module owns the format; it does not open databases.
//!
//! A spare copy of the key file is kept in the backups folder and written with it, because an
//! encrypted journal and all its backups are unreadable without it. The copy is as sealed as the
//! original, so it adds no way in. It is read only when the key file itself is missing or
//! unreadable; reading never repairs anything on disk (the next change of passphrase or
//! recovery code writes both files again).

use std::fmt;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::{ZeroizeOnDrop, Zeroizing};

use crate::data_key::{hex, random_bytes, DataKey, Keys, KEY_LEN};
use crate::fault;
use crate::fsutil;
use crate::paths;
use crate::{Error, Result};

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

const FORMAT: u32 = 1;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;

/// Argon2id cost: about 0.3–0.5 s on a current laptop core in an optimised build.
const MEMORY_KIB: u32 = 64 * 1024;
const ITERATIONS: u32 = 4;
const PARALLELISM: u32 = 1;

/// The largest costs accepted from a key file. A tampered file could otherwise ask for
/// gigabytes of memory or hours of work before the passphrase is even checked; these leave
/// room for stronger settings later (four times today's memory) and refuse anything beyond.
const MAX_MEMORY_KIB: u32 = 4 * MEMORY_KIB;
const MAX_ITERATIONS: u32 = 16;
const MAX_PARALLELISM: u32 = 8;

/// Symbols of a recovery code: digits and capitals without I, L, O and U, which are easily
/// misread. 32 symbols, so each carries exactly 5 random bits.
const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 28 symbols × 5 bits = 140 random bits, shown as seven groups of four.
const CODE_SYMBOLS: usize = 28;
const CODE_GROUP: usize = 4;

/// A recovery code: shown to the parent once, only its seal of the data key is stored.
///
/// Displayed as seven groups of four symbols (`K7QM-2XPA-…`); when typed back, case, spaces and
/// dashes do not matter, and `O`, `I` and `L` are read as `0`, `1` and `1`. Wiped from memory
/// when dropped; its `Debug` output is redacted.
#[derive(ZeroizeOnDrop)]
pub struct RecoveryCode(Zeroizing<String>);

impl RecoveryCode {
    fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; CODE_SYMBOLS]);
        random_bytes(bytes.as_mut())?;
        let mut code = String::with_capacity(CODE_SYMBOLS + CODE_SYMBOLS / CODE_GROUP);
        for (i, byte) in bytes.iter().enumerate() {
            if i > 0 && i % CODE_GROUP == 0 {
                code.push('-');
            }
            code.push(char::from(CODE_ALPHABET[usize::from(byte & 31)]));
        }
        Ok(Self(Zeroizing::new(code)))
    }

    /// The code as it is shown to the parent, dashes included.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(<redacted>)")
    }
}

/// The canonical form of a typed recovery code, or `None` when `typed` cannot be one.
fn normalize_code(typed: &str) -> Option<Zeroizing<String>> {
    let mut out = Zeroizing::new(String::with_capacity(CODE_SYMBOLS));
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && CODE_ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        out.push(c);
    }
    (out.len() == CODE_SYMBOLS).then_some(out)
}

/// Refuses a passphrase shorter than [`MIN_PASSPHRASE_CHARS`] characters.
pub(crate) fn check_strength(passphrase: &str) -> Result<()> {
    let found = passphrase.chars().count();
    if found < MIN_PASSPHRASE_CHARS {
        return Err(Error::WeakPassphrase {
            min: MIN_PASSPHRASE_CHARS,
            found,
        });
    }
    Ok(())
}

/// Which of the two copies of the data key.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Passphrase,
    Recovery,
}

impl Slot {
    fn associated_data(self) -> &'static [u8] {
        match self {
            Slot::Passphrase => b"nestling.keys/1/passphrase",
            Slot::Recovery => b"nestling.keys/1/recovery",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Kdf {
    algorithm: String,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
}

impl Kdf {
    /// Whether these are parameters Nestling could have written: Argon2id with costs that are
    /// neither zero nor beyond the bounds above.
    fn is_plausible(&self) -> bool {
        self.algorithm == "argon2id"
            && (1..=MAX_ITERATIONS).contains(&self.iterations)
            && (1..=MAX_PARALLELISM).contains(&self.parallelism)
            && (8 * self.parallelism..=MAX_MEMORY_KIB).contains(&self.memory_kib)
    }

    fn current() -> Self {
        Self {
            algorithm: "argon2id".into(),
            memory_kib: MEMORY_KIB,
            iterations: ITERATIONS,
            parallelism: PARALLELISM,
        }
    }

    fn derive(&self, secret: &[u8], salt: &[u8]) -> Option<Zeroizing<[u8; KEY_LEN]>> {
        if !self.is_plausible() {
            return None;
        }
        let params = argon2::Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_LEN),
        )
        .ok()?;
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        argon.hash_password_into(secret, salt, out.as_mut()).ok()?;
        Some(out)
    }
}

/// One sealed copy of the data key.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Seal {
    kdf: Kdf,
    salt: String,
    nonce: String,
    sealed_key: String,
}

impl Seal {
    fn create(key: &DataKey, secret: &[u8], slot: Slot) -> Result<Self> {
        let kdf = Kdf::current();
        let mut salt = [0u8; SALT_LEN];
        let mut nonce = [0u8; NONCE_LEN];
        random_bytes(&mut salt)?;
        random_bytes(&mut nonce)?;
        let wrapping = kdf.derive(secret, &salt).ok_or(Error::WrongPassphrase)?;
        let cipher = XChaCha20Poly1305::new(wrapping.as_ref().into());
        let payload = Payload {
            msg: key.bytes(),
            aad: slot.associated_data(),
        };
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), payload)
            .map_err(|_| Error::WrongPassphrase)?;
        Ok(Self {
            kdf,
            salt: hex(&salt).to_string(),
            nonce: hex(&nonce).to_string(),
            sealed_key: hex(&sealed).to_string(),
        })
    }

    /// The data key, or `None` when `secret` is not the one this copy was sealed with.
    fn open(&self, secret: &[u8], slot: Slot) -> Option<DataKey> {
        let salt = unhex(&self.salt)?;
        let nonce = unhex(&self.nonce)?;
        let sealed = unhex(&self.sealed_key)?;
        if nonce.len() != NONCE_LEN {
            return None;
        }
        let wrapping = self.kdf.derive(secret, &salt)?;
        let cipher = XChaCha20Poly1305::new(wrapping.as_ref().into());
        let payload = Payload {
            msg: &sealed,
            aad: slot.associated_data(),
        };
        let plain = Zeroizing::new(cipher.decrypt(XNonce::from_slice(&nonce), payload).ok()?);
        DataKey::from_slice(&plain)
    }
}

/// The key file: the data key sealed under the passphrase and under the recovery code.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct KeyFile {
    format: u32,
    passphrase: Seal,
    recovery: Seal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retiring: Option<Retiring>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    code_unseen: bool,
}

impl KeyFile {
    /// Seals a new data key under `passphrase` and a fresh recovery code.
    pub(crate) fn create(key: &DataKey, passphrase: &str) -> Result<(Self, RecoveryCode)> {
        let code = RecoveryCode::generate()?;
        let file = Self {
            format: FORMAT,
            passphrase: Seal::create(key, passphrase.as_bytes(), Slot::Passphrase)?,
            recovery: Self::seal_code(key, &code)?,
            retiring: None,
            code_unseen: false,
        };
        Ok((file, code))
    }

    fn seal_code(key: &DataKey, code: &RecoveryCode) -> Result<Seal> {
        let canonical = normalize_code(code.as_str()).ok_or(Error::WrongPassphrase)?;
        Seal::create(key, canonical.as_bytes(), Slot::Recovery)
    }

    /// The key file's path in `dir`.
    pub(crate) fn path_in(dir: &Path) -> PathBuf {
        paths::key_file_in(dir)
    }

    /// The spare copy's path: in the backups folder of `dir`.
    pub(crate) fn spare_path_in(dir: &Path) -> PathBuf {
        paths::spare_key_file_in(dir)
    }

    /// Whether `dir` has the key file or its spare copy.
    pub(crate) fn exists_in(dir: &Path) -> bool {
        Self::path_in(dir).exists() || Self::spare_path_in(dir).exists()
    }

    /// Reads the key file in `dir`, or its spare copy when the key file is missing or
    /// unreadable; `None` when there is neither. When both fail, the key file's error is given.
    pub(crate) fn read(dir: &Path) -> Result<Option<Self>> {
        match Self::read_at(&Self::path_in(dir)) {
            Ok(Some(file)) => Ok(Some(file)),
            Ok(None) => Self::read_at(&Self::spare_path_in(dir)),
            Err(err) => match Self::read_at(&Self::spare_path_in(dir)) {
                Ok(Some(spare)) => Ok(Some(spare)),
                _ => Err(err),
            },
        }
    }

    fn read_at(path: &Path) -> Result<Option<Self>> {
        let path = path.to_path_buf();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(Error::Io { path, source }),
        };
        Self::parse(&bytes, &path).map(Some)
    }

    /// Reads a key file's bytes; `path` only names the file in the error. Anything that is not
    /// a key file this version wrote (not JSON, another format, costs out of bounds) is
    /// [`Error::KeyFile`], which names the file and never its contents.
    fn parse(bytes: &[u8], path: &Path) -> Result<Self> {
        match serde_json::from_slice::<Self>(bytes) {
            Ok(file) if file.format == FORMAT && file.is_plausible() => Ok(file),
            _ => Err(Error::KeyFile {
                path: path.to_path_buf(),
            }),
        }
    }

    fn is_plausible(&self) -> bool {
        self.passphrase.kdf.is_plausible() && self.recovery.kdf.is_plausible()
    }

    /// Writes the key file into `dir` and its spare copy into the backups folder, each
    /// atomically. The spare is written first: when it cannot be, the key file is unchanged.
    pub(crate) fn write(&self, dir: &Path) -> Result<()> {
        let path = Self::path_in(dir);
        let json =
            serde_json::to_vec_pretty(self).map_err(|_| Error::KeyFile { path: path.clone() })?;
        let spare = Self::spare_path_in(dir);
        if let Some(folder) = spare.parent() {
            std::fs::create_dir_all(folder).map_err(Error::io(folder))?;
        }
        write_step(&spare, &json, fault::KEY_SPARE_TEMP_WRITTEN)?;
        fault::point(fault::KEY_SPARE_WRITTEN);
        write_step(&path, &json, fault::KEY_TEMP_WRITTEN)?;
        fault::point(fault::KEY_WRITTEN);
        Ok(())
    }

    /// Removes the key file and its spare copy from `dir` (with any half-written leftovers).
    /// The key file goes first, so a crash in between leaves the spare, never the reverse.
    pub(crate) fn remove_in(dir: &Path) -> Result<()> {
        let steps = [fault::KEY_REMOVED, fault::KEY_SPARE_REMOVED];
        for (path, step) in [Self::path_in(dir), Self::spare_path_in(dir)]
            .iter()
            .zip(steps)
        {
            fsutil::remove_if_present(path)?;
            fsutil::remove_if_present(&fsutil::with_suffix(path, ".tmp"))?;
            fault::point(step);
        }
        Ok(())
    }

    /// The data key, from either the passphrase or the recovery code.
    ///
    /// A secret shaped like a recovery code is tried as one first, then as a passphrase.
    pub(crate) fn unlock(&self, secret: &str) -> Result<DataKey> {
        self.unlock_all(secret).map(|(_, keys)| keys.current)
    }

    /// A key file for a change of key: `new` sealed under `passphrase` and a fresh recovery
    /// code, with `old` kept as the retiring key until [`KeyFile::retired`] drops it.
    pub(crate) fn changing(
        new: &DataKey,
        passphrase: &str,
        old: &DataKey,
    ) -> Result<(Self, RecoveryCode)> {
        let (mut file, code) = Self::create(new, passphrase)?;
        file.retiring = Some(Retiring::seal(old, new)?);
        Ok((file, code))
    }

    /// The same key file without its retiring key and without the unseen-code mark: the last
    /// step of a change of key, and of setting a passphrase.
    pub(crate) fn retired(&self) -> Self {
        Self {
            retiring: None,
            code_unseen: false,
            ..self.clone()
        }
    }

    /// The same key file, marked as written by an operation whose recovery code is not shown
    /// yet; [`KeyFile::retired`] drops the mark.
    pub(crate) fn unseen(&self) -> Self {
        Self {
            code_unseen: true,
            ..self.clone()
        }
    }

    /// Whether the recovery code sealed here was never shown to the parent: the operation that
    /// wrote this file (setting a passphrase, or a change of key) did not finish.
    pub(crate) fn code_unseen(&self) -> bool {
        self.code_unseen || self.retiring.is_some()
    }

    /// Which secret `secret` is, and every data key it opens: the current one and, during a
    /// change of key, the retiring one.
    pub(crate) fn unlock_all(&self, secret: &str) -> Result<(Secret, Keys)> {
        let by_code = normalize_code(secret)
            .and_then(|canonical| self.recovery.open(canonical.as_bytes(), Slot::Recovery));
        let (which, current) = match by_code {
            Some(key) => (Secret::RecoveryCode, key),
            None => {
                let key = self.passphrase.open(secret.as_bytes(), Slot::Passphrase);
                (Secret::Passphrase, key.ok_or(Error::WrongPassphrase)?)
            }
        };
        let retiring = self.retiring.as_ref().and_then(|r| r.open(&current));
        Ok((which, Keys { current, retiring }))
    }
}

/// Which of the two secrets unlocked the key file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Secret {
    /// The passphrase.
    Passphrase,
    /// The recovery code.
    RecoveryCode,
}

/// The retiring data key, sealed under a key derived from the current data key.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Retiring {
    nonce: String,
    sealed_key: String,
}

const RETIRING_AAD: &[u8] = b"nestling.keys/1/retiring";

impl Retiring {
    fn seal(old: &DataKey, under: &DataKey) -> Result<Self> {
        let mut nonce = [0u8; NONCE_LEN];
        random_bytes(&mut nonce)?;
        let payload = Payload {
            msg: old.bytes(),
            aad: RETIRING_AAD,
        };
        let sealed = sealing_cipher(under)
            .encrypt(XNonce::from_slice(&nonce), payload)
            .map_err(|_| Error::WrongPassphrase)?;
        Ok(Self {
            nonce: hex(&nonce).to_string(),
            sealed_key: hex(&sealed).to_string(),
        })
    }

    fn open(&self, under: &DataKey) -> Option<DataKey> {
        let nonce = unhex(&self.nonce).filter(|n| n.len() == NONCE_LEN)?;
        let sealed = unhex(&self.sealed_key)?;
        let payload = Payload {
            msg: &sealed,
            aad: RETIRING_AAD,
        };
        let plain = Zeroizing::new(
            sealing_cipher(under)
                .decrypt(XNonce::from_slice(&nonce), payload)
                .ok()?,
        );
        DataKey::from_slice(&plain)
    }
}

/// The cipher that seals a retiring key under `under`: keyed BLAKE2b of that key, so the data
/// key itself is only ever used by the database engine.
fn sealing_cipher(under: &DataKey) -> XChaCha20Poly1305 {
    use blake2::digest::{consts::U32, Mac};
    let mut mac = <blake2::Blake2bMac<U32> as Mac>::new_from_slice(under.bytes())
        .expect("a 32-byte key is a valid BLAKE2b key");
    mac.update(RETIRING_AAD);
    let derived = Zeroizing::new(<[u8; KEY_LEN]>::from(mac.finalize().into_bytes()));
    XChaCha20Poly1305::new(derived.as_ref().into())
}

/// Writes `path` atomically, with the fault point `written` before the rename.
fn write_step(path: &Path, bytes: &[u8], written: &str) -> Result<()> {
    fsutil::write_atomically_then(path, bytes, || fault::point(written))
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_code_has_seven_groups_of_four_unambiguous_symbols() {
        let code = RecoveryCode::generate().expect("code");
        let groups: Vec<&str> = code.as_str().split('-').collect();
        assert_eq!(groups.len(), 7);
        for group in groups {
            assert_eq!(group.len(), 4);
            assert!(group.bytes().all(|b| CODE_ALPHABET.contains(&b)));
            assert!(!group.contains(['I', 'L', 'O', 'U']));
        }
    }

    #[test]
    fn two_recovery_codes_differ() {
        let a = RecoveryCode::generate().expect("code");
        let b = RecoveryCode::generate().expect("code");
        assert_ne!(a.as_str(), b.as_str());
    }

    #[test]
    fn a_typed_code_ignores_case_spaces_and_dashes_and_reads_look_alikes() {
        let canonical = "0123456789ABCDEFGHJKMNPQRSTV";
        let typed = "oI23 4567-89ab cdef-ghjk mnpq rstv";
        assert!(normalize_code("0L23456789ABCDEFGHJKMNPQRSTV").is_some());
        assert_eq!(
            normalize_code(typed).as_deref().map(String::as_str),
            Some(canonical)
        );
        assert!(normalize_code("too short").is_none());
        assert!(normalize_code(&format!("{canonical}U")).is_none());
    }

    #[test]
    fn a_short_passphrase_is_refused_with_its_length_only() {
        let err = check_strength("sunrise").expect_err("7 characters");
        assert_eq!(
            err.to_string(),
            "Please choose a passphrase of at least 8 characters; this one has 7."
        );
        assert_eq!(err.kind(), "weak_passphrase");
        check_strength("sunrises").expect("8 characters");
        check_strength("ça va très").expect("characters, not bytes, are counted");
    }

    #[test]
    fn the_key_opens_with_the_passphrase_or_the_code_and_nothing_else() {
        let key = DataKey::generate().expect("key");
        let (file, code) = KeyFile::create(&key, "correct horse").expect("created");
        let by_pass = file.unlock("correct horse").expect("passphrase");
        let by_code = file
            .unlock(&code.as_str().to_lowercase().replace('-', " "))
            .expect("code");
        assert_eq!(by_pass.bytes(), key.bytes());
        assert_eq!(by_code.bytes(), key.bytes());
        assert!(matches!(
            file.unlock("correct horsE"),
            Err(Error::WrongPassphrase)
        ));
    }

    #[test]
    fn the_seals_cannot_be_swapped_between_slots() {
        let key = DataKey::generate().expect("key");
        let (file, _code) = KeyFile::create(&key, "correct horse").expect("created");
        let swapped = KeyFile {
            recovery: file.passphrase.clone(),
            ..file
        };
        assert!(swapped
            .recovery
            .open(b"correct horse", Slot::Recovery)
            .is_none());
    }

    #[test]
    fn debug_output_never_shows_secrets() {
        let key = DataKey::generate().expect("key");
        let code = RecoveryCode::generate().expect("code");
        assert_eq!(format!("{key:?}"), "DataKey(<redacted>)");
        assert!(!format!("{code:?}").contains(&code.as_str()[..4]));
    }

    fn tampered_key_file(edit: impl Fn(&mut serde_json::Value)) -> (tempfile::TempDir, PathBuf) {
        let key = DataKey::generate().expect("key");
        let (file, _code) = KeyFile::create(&key, "correct horse").expect("created");
        let mut json = serde_json::to_value(&file).expect("json");
        edit(&mut json);
        let tmp = tempfile::tempdir().expect("folder");
        let path = KeyFile::path_in(tmp.path());
        std::fs::write(&path, serde_json::to_vec(&json).expect("bytes")).expect("written");
        (tmp, path)
    }

    #[test]
    fn a_key_file_with_tampered_argon2_costs_is_refused_as_damaged() {
        let cases: [(&str, &str, u64); 7] = [
            ("passphrase", "memory_kib", u64::from(u32::MAX)),
            ("passphrase", "memory_kib", 0),
            ("recovery", "memory_kib", u64::from(MAX_MEMORY_KIB) + 1),
            ("passphrase", "iterations", u64::from(u32::MAX)),
            ("recovery", "iterations", 0),
            ("passphrase", "parallelism", 0),
            ("recovery", "parallelism", u64::from(u32::MAX >> 8)),
        ];
        for (slot, field, value) in cases {
            let (tmp, path) = tampered_key_file(|json| json[slot]["kdf"][field] = value.into());
            let started = std::time::Instant::now();
            let err = KeyFile::read(tmp.path()).expect_err("tampered costs");
            assert!(
                matches!(&err, Error::KeyFile { path: p } if *p == path),
                "{slot}.{field} = {value}: {err:?}"
            );
            assert_eq!(err.kind(), "key_file");
            assert!(err.to_string().contains("damaged"), "{err}");
            assert!(started.elapsed() < std::time::Duration::from_secs(2));
        }
    }

    #[test]
    fn a_key_file_with_another_algorithm_is_refused_as_damaged() {
        let (tmp, _path) =
            tampered_key_file(|json| json["passphrase"]["kdf"]["algorithm"] = "argon2d".into());
        assert!(matches!(
            KeyFile::read(tmp.path()),
            Err(Error::KeyFile { .. })
        ));
    }

    #[test]
    fn the_current_costs_are_within_the_accepted_bounds() {
        assert!(Kdf::current().is_plausible());
        let (tmp, _path) = tampered_key_file(|_| {});
        let file = KeyFile::read(tmp.path()).expect("read").expect("present");
        file.unlock("correct horse")
            .expect("an untampered file still unlocks");
    }

    /// Fails to compile when a type that holds a secret stops wiping itself when dropped.
    fn wipes_on_drop<T: ZeroizeOnDrop>() {}

    #[test]
    fn every_secret_holder_wipes_itself_when_dropped() {
        wipes_on_drop::<DataKey>();
        wipes_on_drop::<RecoveryCode>();
        wipes_on_drop::<Zeroizing<String>>(); // the type of `sql_literal` and `normalize_code`
        let literal: Zeroizing<String> = DataKey::generate().expect("key").sql_literal();
        assert_eq!(literal.len(), 67);
    }

    /// Whether the refusal names the key file and nothing of what it held.
    fn readable_refusal(err: &Error, input: &str) -> bool {
        let message = err.to_string();
        let echoed = input.len() >= 8 && message.contains(input);
        matches!(err, Error::KeyFile { .. })
            && message.contains("nestling.keys")
            && message.contains("damaged")
            && !echoed
    }

    /// A key file's JSON with one field replaced by `value` (`field` picks which).
    fn with_field_replaced(field: usize, value: serde_json::Value) -> String {
        // Sealing costs two slow derivations: one key file serves every case.
        static BASE: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
        let mut json = BASE
            .get_or_init(|| {
                let key = DataKey::generate().expect("key");
                let (file, _) = KeyFile::changing(&key, "correct horse", &key).expect("created");
                serde_json::to_value(&file).expect("json")
            })
            .clone();
        let paths: [&[&str]; 10] = [
            &["format"],
            &["passphrase"],
            &["recovery", "salt"],
            &["passphrase", "nonce"],
            &["recovery", "sealed_key"],
            &["passphrase", "kdf", "memory_kib"],
            &["recovery", "kdf", "algorithm"],
            &["passphrase", "kdf"],
            &["retiring", "nonce"],
            &["retiring", "sealed_key"],
        ];
        let mut here = &mut json;
        for step in paths[field % paths.len()] {
            here = &mut here[*step];
        }
        *here = value;
        json.to_string()
    }

    fn json_leaf() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        prop_oneof![
            Just(serde_json::Value::Null),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u32>().prop_map(serde_json::Value::from),
            "[0-9a-f]{0,100}".prop_map(serde_json::Value::from),
            "\\PC{0,30}".prop_map(serde_json::Value::from),
            Just(serde_json::json!({})),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 256, ..Default::default() })]

        #[test]
        fn arbitrary_bytes_are_read_as_a_key_file_or_refused_readably(
            bytes in proptest::collection::vec(proptest::arbitrary::any::<u8>(), 0..300)
        ) {
            let path = Path::new("/data/nestling.keys");
            if let Err(err) = KeyFile::parse(&bytes, path) {
                let input = String::from_utf8_lossy(&bytes);
                proptest::prop_assert!(readable_refusal(&err, &input), "{err}");
            }
        }

        #[test]
        fn a_key_file_with_any_field_replaced_is_read_or_refused_readably(
            field in 0usize..10,
            value in json_leaf(),
        ) {
            let text = with_field_replaced(field, value);
            match KeyFile::parse(text.as_bytes(), Path::new("nestling.keys")) {
                Ok(file) => proptest::prop_assert!(file.is_plausible()),
                Err(err) => proptest::prop_assert!(readable_refusal(&err, &text), "{err}"),
            }
        }

        #[test]
        fn a_retiring_key_with_any_nonce_and_seal_never_opens_by_chance(
            nonce in "[0-9a-f]{0,60}|\\PC{0,20}",
            sealed in "[0-9a-f]{0,120}|\\PC{0,20}",
        ) {
            let under = DataKey::generate().expect("key");
            let retiring = Retiring { nonce, sealed_key: sealed };
            proptest::prop_assert!(retiring.open(&under).is_none());
        }
    }

    #[test]
    fn a_retiring_key_opens_only_under_the_key_it_was_sealed_with() {
        let (old, new) = (
            DataKey::generate().expect("old"),
            DataKey::generate().expect("new"),
        );
        let sealed = Retiring::seal(&old, &new).expect("sealed");
        assert!(sealed.open(&new).expect("opens").same_as(&old));
        assert!(sealed.open(&old).is_none());
    }

    #[test]
    fn hex_round_trips() {
        let bytes = [0u8, 1, 127, 128, 255];
        assert_eq!(unhex(&hex(&bytes)).expect("valid"), bytes);
        assert!(unhex("abc").is_none());
        assert!(unhex("zz").is_none());
    }
}
