//! Pairing: the secret two computers share, the code that carries it from one to the other, the
//! phrase the parents compare, and the keys derived from it.
//!
//! One computer makes a [`PairSecret`] and shows its code; the parent at the other computer
//! types it in. The code *is* the secret (160 random bits) followed by a check group, so a typo
//! is caught before any key is made from it. Both computers then show the check phrase, and the
//! parents confirm the two match. Everything else is derived with keyed BLAKE2b of the secret,
//! one label per use, so no two uses share a key. This module does not store the secret: the app
//! keeps the code in its encrypted journal and makes the secret again with
//! [`PairSecret::from_code`].

use std::fmt;

use blake2::digest::{consts::U32, Mac};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{random_bytes, Error, Result};
use crate::ids::{from_fives, to_fives, PairId, ALPHABET, ID_LEN};
use crate::words::WORDS;

/// The length of the pairing secret in bytes: 160 bits, exactly 32 code symbols.
pub const SECRET_LEN: usize = 20;
/// The length of the file key in bytes.
const KEY_LEN: usize = 32;
const DATA_SYMBOLS: usize = SECRET_LEN * 8 / 5;
const CHECK_SYMBOLS: usize = 4;
/// The number of symbols in a pairing code: 32 for the secret, 4 for the check group.
pub const CODE_SYMBOLS: usize = DATA_SYMBOLS + CHECK_SYMBOLS;
const GROUP: usize = 4;

const LABEL_CHECK: &[u8] = b"nestling.pair/1/code-check";
const LABEL_PHRASE: &[u8] = b"nestling.pair/1/check-phrase";
const LABEL_PAIR_ID: &[u8] = b"nestling.pair/1/pair-id";
const LABEL_FILE_KEY: &[u8] = b"nestling.pair/1/file-key";

// The secret must fill whole symbols, so that every code symbol carries secret bits.
const _: () = assert!((SECRET_LEN * 8).is_multiple_of(5));

/// The secret two paired computers share. Wiped from memory when dropped; `Debug` is redacted.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct PairSecret([u8; SECRET_LEN]);

impl PairSecret {
    /// A new random secret, made by the computer that starts the pairing.
    pub fn generate() -> Result<Self> {
        let mut secret = Self([0u8; SECRET_LEN]);
        random_bytes(&mut secret.0)?;
        Ok(secret)
    }

    /// The pairing code: nine groups of four symbols (`7KQM-2XPA-…`), the last group a check.
    pub fn code(&self) -> Zeroizing<String> {
        let mut fives = Zeroizing::new(to_fives(&self.0));
        fives.extend_from_slice(&check_group(&self.0));
        let mut code = Zeroizing::new(String::with_capacity(CODE_SYMBOLS + CODE_SYMBOLS / GROUP));
        for (i, five) in fives.iter().enumerate() {
            if i > 0 && i % GROUP == 0 {
                code.push('-');
            }
            code.push(char::from(ALPHABET[usize::from(*five)]));
        }
        code
    }

    /// The secret a typed pairing code carries. Case, spaces and dashes do not matter, and `O`,
    /// `I` and `L` are read as `0`, `1` and `1`. A code of the wrong length, with a character no
    /// code has, or whose check group does not match (any one mistyped symbol) is refused.
    pub fn from_code(typed: &str) -> Result<Self> {
        let fives = code_fives(typed)?;
        let bytes = Zeroizing::new(from_fives(&fives[..DATA_SYMBOLS]));
        let mut secret = Self([0u8; SECRET_LEN]);
        secret.0.copy_from_slice(&bytes);
        if fives[DATA_SYMBOLS..] != check_group(&secret.0) {
            return Err(Error::CodeTypo);
        }
        Ok(secret)
    }

    /// The secret as stored in the journal (encrypted with it), wiped when dropped.
    pub fn to_bytes(&self) -> Zeroizing<[u8; SECRET_LEN]> {
        Zeroizing::new(self.0)
    }

    /// The secret stored with [`PairSecret::to_bytes`]; `None` when `bytes` is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut secret = Self([0u8; SECRET_LEN]);
        secret.0.copy_from_slice(
            bytes
                .get(..SECRET_LEN)
                .filter(|_| bytes.len() == SECRET_LEN)?,
        );
        Some(secret)
    }

    /// Three words both computers show, for the parents to confirm that they match.
    pub fn check_phrase(&self) -> String {
        let hash = derive(&self.0, LABEL_PHRASE);
        let words: Vec<&str> = hash[..3].iter().map(|b| WORDS[usize::from(*b)]).collect();
        words.join(" ")
    }

    /// The keys the pair's files are named and sealed with.
    pub fn keys(&self) -> PairKeys {
        let id = derive(&self.0, LABEL_PAIR_ID);
        let mut pair_id = [0u8; ID_LEN];
        pair_id.copy_from_slice(&id[..ID_LEN]);
        PairKeys {
            pair_id: PairId(pair_id),
            file_key: derive(&self.0, LABEL_FILE_KEY),
        }
    }
}

impl fmt::Debug for PairSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PairSecret(<redacted>)")
    }
}

/// What a pair's files are named and sealed with: the public pair id and the secret file key.
/// Wiped from memory when dropped; `Debug` shows only the pair id.
#[derive(Clone, ZeroizeOnDrop)]
pub struct PairKeys {
    #[zeroize(skip)]
    pair_id: PairId,
    file_key: Zeroizing<[u8; KEY_LEN]>,
}

impl PairKeys {
    /// The pair's public id.
    pub fn pair_id(&self) -> PairId {
        self.pair_id
    }

    /// The key every file of the pair is sealed with.
    pub(crate) fn file_key(&self) -> &[u8; KEY_LEN] {
        &self.file_key
    }
}

impl fmt::Debug for PairKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PairKeys({}, <redacted>)", self.pair_id)
    }
}

/// Keyed BLAKE2b-256 of `label` under `key`.
fn derive(key: &[u8], label: &[u8]) -> Zeroizing<[u8; KEY_LEN]> {
    let mut mac = <blake2::Blake2bMac<U32> as Mac>::new_from_slice(key)
        .expect("a key of at most 64 bytes is a valid BLAKE2b key");
    mac.update(label);
    Zeroizing::new(<[u8; KEY_LEN]>::from(mac.finalize().into_bytes()))
}

/// The check group of a secret. Its first symbol is a sum of the secret's symbols with odd
/// weights modulo 32: changing any one symbol changes it, so a single typo is always caught.
/// The other three are 15 bits of a hash, which catch swapped and repeated typos too.
fn check_group(secret: &[u8; SECRET_LEN]) -> [u8; CHECK_SYMBOLS] {
    let fives = Zeroizing::new(to_fives(secret));
    let weighted = fives.iter().enumerate().fold(0usize, |sum, (i, five)| {
        sum + (2 * i + 1) * usize::from(*five)
    });
    let hash = derive(secret, LABEL_CHECK);
    let more = to_fives(&hash[..2]);
    [(weighted % 32) as u8, more[0], more[1], more[2]]
}

/// The 5-bit values of a typed code, refusing a foreign character or a wrong length.
fn code_fives(typed: &str) -> Result<Zeroizing<Vec<u8>>> {
    let mut fives = Zeroizing::new(Vec::with_capacity(CODE_SYMBOLS));
    let mut found = 0;
    for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        let five = symbol_value(c).ok_or(Error::CodeSymbol {
            group: found / GROUP + 1,
        })?;
        if found < CODE_SYMBOLS {
            fives.push(five);
        }
        found += 1;
    }
    if found != CODE_SYMBOLS {
        return Err(Error::CodeLength {
            expected: CODE_SYMBOLS,
            found,
        });
    }
    Ok(fives)
}

/// The value of one typed symbol, reading `O`, `I` and `L` as the digits they look like.
fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    let byte = u8::try_from(c).ok()?;
    ALPHABET.iter().position(|a| *a == byte).map(|i| i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret() -> PairSecret {
        PairSecret::generate().expect("secret")
    }

    #[test]
    fn stored_bytes_give_back_the_same_secret_and_other_lengths_are_refused() {
        let secret = secret();
        let back = PairSecret::from_bytes(secret.to_bytes().as_slice()).expect("reads");
        assert_eq!(back.0, secret.0);
        assert!(PairSecret::from_bytes(&[0u8; SECRET_LEN - 1]).is_none());
        assert!(PairSecret::from_bytes(&[0u8; SECRET_LEN + 1]).is_none());
    }

    #[test]
    fn a_code_is_nine_groups_of_four_and_reads_back_as_the_same_secret() {
        let secret = secret();
        let code = secret.code();
        let groups: Vec<&str> = code.split('-').collect();
        assert_eq!(groups.len(), 9);
        assert!(groups.iter().all(|g| g.len() == 4));
        assert_eq!(PairSecret::from_code(&code).expect("reads").0, secret.0);
    }

    #[test]
    fn a_code_typed_in_lower_case_with_spaces_and_look_alikes_is_accepted() {
        let secret = PairSecret([0; SECRET_LEN]);
        let typed = secret
            .code()
            .to_lowercase()
            .replace('-', "  ")
            .replace('0', "o");
        assert_eq!(PairSecret::from_code(&typed).expect("reads").0, secret.0);
    }

    #[test]
    fn every_single_changed_symbol_is_reported_as_a_typo() {
        let code: Vec<char> = secret().code().chars().collect();
        for (i, original) in code.iter().enumerate().filter(|(_, c)| **c != '-') {
            for other in ALPHABET.iter().map(|b| char::from(*b)) {
                let mut typed = code.clone();
                typed[i] = other;
                let typed: String = typed.into_iter().collect();
                let result = PairSecret::from_code(&typed);
                if other == *original {
                    assert!(result.is_ok());
                } else {
                    assert!(matches!(result, Err(Error::CodeTypo)), "{i} {other}");
                }
            }
        }
    }

    #[test]
    fn the_first_check_symbol_alone_catches_any_single_changed_symbol() {
        let secret = [0x5a; SECRET_LEN];
        let fives = to_fives(&secret);
        for i in 0..DATA_SYMBOLS {
            for delta in 1..32 {
                let mut typo = fives.clone();
                typo[i] = (typo[i] + delta) % 32;
                let typo: [u8; SECRET_LEN] = from_fives(&typo).try_into().expect("20 bytes");
                assert_ne!(
                    check_group(&typo)[0],
                    check_group(&secret)[0],
                    "{i} {delta}"
                );
            }
        }
    }

    #[test]
    fn a_code_with_a_missing_or_extra_symbol_is_refused_by_its_length() {
        let code = secret().code();
        let short = PairSecret::from_code(&code[1..]);
        assert!(matches!(
            short,
            Err(Error::CodeLength {
                expected: 36,
                found: 35
            })
        ));
        let long = PairSecret::from_code(&format!("{}7", code.as_str()));
        assert!(matches!(long, Err(Error::CodeLength { found: 37, .. })));
    }

    #[test]
    fn a_code_with_a_foreign_character_names_its_group() {
        let mut code = secret().code().to_string();
        code.replace_range(5..6, "U");
        assert!(matches!(
            PairSecret::from_code(&code),
            Err(Error::CodeSymbol { group: 2 })
        ));
    }

    #[test]
    fn the_same_secret_gives_the_same_phrase_and_pair_id_on_both_computers() {
        let first = secret();
        let second = PairSecret::from_code(&first.code()).expect("typed");
        assert_eq!(first.check_phrase(), second.check_phrase());
        assert_eq!(first.check_phrase().split(' ').count(), 3);
        assert_eq!(first.keys().pair_id(), second.keys().pair_id());
        assert_eq!(first.keys().file_key(), second.keys().file_key());
    }

    #[test]
    fn different_secrets_give_different_pair_ids_and_keys() {
        let (a, b) = (secret().keys(), secret().keys());
        assert_ne!(a.pair_id(), b.pair_id());
        assert_ne!(a.file_key(), b.file_key());
    }

    #[test]
    fn debug_output_shows_no_secret() {
        let secret = secret();
        let shown = format!("{secret:?} {:?}", secret.keys());
        assert!(!shown.contains(&secret.code()[..4]));
        assert!(shown.contains("redacted"));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics_as_a_code(text in "\\PC{0,60}|[0-9A-Za-z -]{30,50}") {
            let _ = PairSecret::from_code(&text);
        }
    }
}
