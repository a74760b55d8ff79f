//! The two ids that name folders and files: the pair's (derived from the pairing secret) and each
//! install's (random), with their text forms.
//!
//! Also the five-bit symbols both the pair tag and the pairing code are written in. How the pair
//! id is derived is the `pair` module's.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{random_bytes, Error, Result};

/// Digits and capitals without I, L, O and U, which are easily misread: 32 symbols of 5 bits.
pub(crate) const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The length of both ids in bytes.
pub(crate) const ID_LEN: usize = 16;

/// The 5-bit values of `bytes`, most significant first; the last is padded with zero bits.
pub(crate) fn to_fives(bytes: &[u8]) -> Vec<u8> {
    let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for byte in bytes {
        acc = (acc << 8) | u32::from(*byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(((acc >> bits) & 31) as u8);
        }
    }
    if bits > 0 {
        out.push(((acc << (5 - bits)) & 31) as u8);
    }
    out
}

/// The bytes whose 5-bit values are `fives` (a whole number of bytes' worth, no padding).
pub(crate) fn from_fives(fives: &[u8]) -> Vec<u8> {
    let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for five in fives {
        acc = (acc << 5) | u32::from(*five & 31);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// The public id of a pair of computers sharing one journal. Not secret: it names the pair's
/// folder, and every file of the pair carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PairId(pub(crate) [u8; ID_LEN]);

impl PairId {
    /// The pair's folder name: 26 lower-case symbols of the code alphabet.
    pub fn tag(&self) -> String {
        to_fives(&self.0)
            .into_iter()
            .map(|five| char::from(ALPHABET[usize::from(five)].to_ascii_lowercase()))
            .collect()
    }

    /// Whether `name` has the shape of a pair tag (of this pair or any other).
    pub(crate) fn is_tag(name: &str) -> bool {
        name.len() == 26
            && name
                .bytes()
                .all(|b| !b.is_ascii_uppercase() && ALPHABET.contains(&b.to_ascii_uppercase()))
    }
}

impl fmt::Display for PairId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag())
    }
}

/// One install of Nestling: 16 random bytes made once and kept in its settings. Written as 32
/// lower-case hexadecimal digits, which name the install's folder in the shared folder.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceId(pub(crate) [u8; ID_LEN]);

impl DeviceId {
    /// A new random device id.
    pub fn generate() -> Result<Self> {
        let mut bytes = [0u8; ID_LEN];
        random_bytes(&mut bytes)?;
        Ok(Self(bytes))
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DeviceId({self})")
    }
}

impl FromStr for DeviceId {
    type Err = Error;

    /// Exactly 32 lower-case hexadecimal digits, as [`DeviceId`]'s `Display` writes them.
    fn from_str(text: &str) -> Result<Self> {
        let valid = text.len() == 2 * ID_LEN
            && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !valid {
            return Err(Error::InvalidDeviceId);
        }
        let mut bytes = [0u8; ID_LEN];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16)
                .map_err(|_| Error::InvalidDeviceId)?;
        }
        Ok(Self(bytes))
    }
}

impl Serialize for DeviceId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DeviceId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_id_round_trips_through_text_and_json() {
        let id = DeviceId::generate().expect("id");
        let text = id.to_string();
        assert_eq!(text.len(), 32);
        assert_eq!(text.parse::<DeviceId>().expect("parses"), id);
        let json = serde_json::to_string(&id).expect("json");
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<DeviceId>(&json).expect("back"), id);
    }

    #[test]
    fn refuses_device_ids_of_another_shape() {
        for text in ["", "abc", &"A".repeat(32), &"g".repeat(32), &"0".repeat(33)] {
            assert!(text.parse::<DeviceId>().is_err(), "{text}");
        }
    }

    #[test]
    fn a_pair_tag_is_26_lower_case_symbols() {
        let tag = PairId([0xff; ID_LEN]).tag();
        assert_eq!(tag.len(), 26);
        assert!(PairId::is_tag(&tag));
        assert!(!PairId::is_tag(&tag.to_uppercase()));
        assert!(!PairId::is_tag(&tag[1..]));
    }

    #[test]
    fn five_bit_symbols_round_trip() {
        let bytes: Vec<u8> = (0..20).map(|i| i * 13).collect();
        assert_eq!(from_fives(&to_fives(&bytes)), bytes);
    }
}
