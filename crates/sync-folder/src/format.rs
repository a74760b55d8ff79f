//! One shared file's bytes: the clear header, the sealed body, and reading both back.
//!
//! Pure over bytes; the folder module does the reading and writing. The layout is documented at
//! the crate root.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::error::{random_bytes, Error, Result};
use crate::ids::{DeviceId, PairId, ID_LEN};
use crate::pair::PairKeys;

const MAGIC: &[u8; 8] = b"NESTSYNC";
const VERSION: u16 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// The length of the clear header in bytes.
pub(crate) const HEADER_LEN: usize = 8 + 2 + ID_LEN + ID_LEN + 8 + 4 + NONCE_LEN;
/// The largest payload one file carries: 1 GiB.
pub const MAX_PAYLOAD: usize = 1 << 30;
/// The largest file a scan reads; anything larger is damaged without being read.
pub(crate) const MAX_FILE_LEN: u64 = (HEADER_LEN + 1 + MAX_PAYLOAD + TAG_LEN) as u64;

/// What a file is for. Sealed inside the file, so the folder does not show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Kind {
    /// Changes to the journal since the device's previous file.
    Changes = 1,
    /// The whole journal, after which older files of the device may be pruned.
    Snapshot = 2,
    /// The device introduces itself; the payload is its display name in UTF-8.
    Hello = 3,
    /// The payload is the highest contiguous number applied from the other device, as eight
    /// big-endian bytes (see [`ack_payload`]).
    Ack = 4,
    /// The device has unpaired and will write no more; the payload is empty.
    Goodbye = 5,
}

impl Kind {
    fn from_byte(byte: u8) -> Option<Self> {
        [
            Kind::Changes,
            Kind::Snapshot,
            Kind::Hello,
            Kind::Ack,
            Kind::Goodbye,
        ]
        .into_iter()
        .find(|kind| *kind as u8 == byte)
    }
}

/// The payload of an [`Kind::Ack`] file acknowledging every number up to `through`.
pub fn ack_payload(through: u64) -> [u8; 8] {
    through.to_be_bytes()
}

/// Why a file found by a scan was not delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// Shorter than its header says: most likely still being copied in. Tried again on the next
    /// scan; worth telling the parent only if it stays this way.
    Incomplete,
    /// Not a file this pair's devices wrote as it is: corrupted, tampered with, or copied under
    /// another name.
    Damaged,
    /// A well-formed file naming another pair, found among this pair's files.
    OtherPair,
    /// Written by a newer Nestling, in a format or with a kind this version does not know.
    TooNew,
}

/// The sealed bytes of one file.
pub(crate) fn seal(
    keys: &PairKeys,
    device: DeviceId,
    seq: u64,
    kind: Kind,
    payload: &[u8],
) -> Result<Vec<u8>> {
    if payload.len() > MAX_PAYLOAD {
        let (len, max) = (payload.len(), MAX_PAYLOAD);
        return Err(Error::PayloadTooLarge { len, max });
    }
    let mut nonce = [0u8; NONCE_LEN];
    random_bytes(&mut nonce)?;
    let sealed_len = (1 + payload.len() + TAG_LEN) as u32;
    let mut file = header(keys.pair_id(), device, seq, sealed_len, &nonce);
    let mut plain = Zeroizing::new(Vec::with_capacity(1 + payload.len()));
    plain.push(kind as u8);
    plain.extend_from_slice(payload);
    // The cipher refuses only messages of hundreds of gigabytes, far beyond `MAX_PAYLOAD`.
    let sealed = cipher(keys)
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &plain,
                aad: &file,
            },
        )
        .map_err(|_| Error::PayloadTooLarge {
            len: payload.len(),
            max: MAX_PAYLOAD,
        })?;
    file.extend_from_slice(&sealed);
    Ok(file)
}

fn header(pair: PairId, device: DeviceId, seq: u64, sealed_len: u32, nonce: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + sealed_len as usize);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_be_bytes());
    out.extend_from_slice(&pair.0);
    out.extend_from_slice(&device.0);
    out.extend_from_slice(&seq.to_be_bytes());
    out.extend_from_slice(&sealed_len.to_be_bytes());
    out.extend_from_slice(nonce);
    out
}

/// The kind and payload of a file found as `device`'s number `seq`, or why it cannot be used.
pub(crate) fn open(
    bytes: &[u8],
    keys: &PairKeys,
    device: DeviceId,
    seq: u64,
) -> Result<(Kind, Vec<u8>), ProblemKind> {
    let sealed_len = check_header(bytes, keys.pair_id(), device, seq)?;
    let (head, sealed) = bytes.split_at(HEADER_LEN);
    if sealed.len() != sealed_len {
        let short = sealed.len() < sealed_len;
        return Err(if short {
            ProblemKind::Incomplete
        } else {
            ProblemKind::Damaged
        });
    }
    let nonce = XNonce::from_slice(&head[HEADER_LEN - NONCE_LEN..]);
    let plain = cipher(keys)
        .decrypt(
            nonce,
            Payload {
                msg: sealed,
                aad: head,
            },
        )
        .map_err(|_| ProblemKind::Damaged)?;
    let (kind, payload) = plain.split_first().ok_or(ProblemKind::Damaged)?;
    let kind = Kind::from_byte(*kind).ok_or(ProblemKind::TooNew)?;
    Ok((kind, payload.to_vec()))
}

/// The sealed length a header announces, once everything it says has been checked.
fn check_header(
    bytes: &[u8],
    pair: PairId,
    device: DeviceId,
    seq: u64,
) -> Result<usize, ProblemKind> {
    let start = &bytes[..bytes.len().min(MAGIC.len())];
    if !MAGIC.starts_with(start) {
        return Err(ProblemKind::Damaged);
    }
    let Some(head) = bytes.get(..HEADER_LEN) else {
        return Err(ProblemKind::Incomplete);
    };
    match u16::from_be_bytes([head[8], head[9]]) {
        VERSION => {}
        0 => return Err(ProblemKind::Damaged),
        _ => return Err(ProblemKind::TooNew),
    }
    if head[10..26] != pair.0 {
        return Err(ProblemKind::OtherPair);
    }
    let named = head[26..42] == device.0 && head[42..50] == seq.to_be_bytes();
    let sealed_len = u32::from_be_bytes([head[50], head[51], head[52], head[53]]) as usize;
    let plausible = (1 + TAG_LEN..=1 + MAX_PAYLOAD + TAG_LEN).contains(&sealed_len);
    (named && plausible)
        .then_some(sealed_len)
        .ok_or(ProblemKind::Damaged)
}

fn cipher(keys: &PairKeys) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(keys.file_key().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pair::PairSecret;

    fn keys() -> PairKeys {
        PairSecret::generate().expect("secret").keys()
    }

    #[test]
    fn the_header_is_78_bytes_and_the_file_carries_payload_kind_and_tag() {
        let (keys, me) = (keys(), DeviceId([7; ID_LEN]));
        let file = seal(&keys, me, 3, Kind::Hello, b"Sam").expect("sealed");
        assert_eq!(HEADER_LEN, 78);
        assert_eq!(file.len(), HEADER_LEN + 1 + 3 + TAG_LEN);
        assert_eq!(&file[..8], b"NESTSYNC");
        assert_eq!(
            open(&file, &keys, me, 3),
            Ok((Kind::Hello, b"Sam".to_vec()))
        );
    }

    #[test]
    fn no_single_flipped_bit_opens() {
        let (keys, me) = (keys(), DeviceId([7; ID_LEN]));
        let file = seal(&keys, me, 3, Kind::Ack, &ack_payload(2)).expect("sealed");
        for i in 0..file.len() * 8 {
            let mut bad = file.clone();
            bad[i / 8] ^= 1 << (i % 8);
            assert!(open(&bad, &keys, me, 3).is_err(), "bit {i}");
        }
    }

    #[test]
    fn an_empty_or_cut_file_is_incomplete_and_a_foreign_start_is_damaged() {
        let (keys, me) = (keys(), DeviceId([7; ID_LEN]));
        let file = seal(&keys, me, 1, Kind::Goodbye, b"").expect("sealed");
        for cut in [0, 5, HEADER_LEN - 1, HEADER_LEN, file.len() - 1] {
            assert_eq!(
                open(&file[..cut], &keys, me, 1),
                Err(ProblemKind::Incomplete)
            );
        }
        assert_eq!(open(b"{\"a\"", &keys, me, 1), Err(ProblemKind::Damaged));
    }

    #[test]
    fn a_known_version_with_an_unknown_kind_is_too_new() {
        let (keys, me) = (keys(), DeviceId([7; ID_LEN]));
        let mut file = header(keys.pair_id(), me, 1, 1 + TAG_LEN as u32, &[0; NONCE_LEN]);
        let sealed = cipher(&keys)
            .encrypt(
                XNonce::from_slice(&[0; NONCE_LEN]),
                Payload {
                    msg: &[9],
                    aad: &file,
                },
            )
            .expect("sealed");
        file.extend_from_slice(&sealed);
        assert_eq!(open(&file, &keys, me, 1), Err(ProblemKind::TooNew));
    }
}
