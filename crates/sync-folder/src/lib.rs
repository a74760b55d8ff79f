//! Sharing one journal between two caregivers' computers through a plain shared folder.
//!
//! The folder is one both computers can see: kept in step by a file-sync service, a network
//! share, or a USB stick carried between them. Nestling never opens a network connection; it
//! only writes sealed files into the folder and reads the other computer's. This crate owns
//! pairing ([`PairSecret`], its code and check phrase), the ids and keys derived from it, the
//! file format, the folder layout, atomic writes, scanning with per-device [`Cursor`]s, and
//! pruning. It does not own what the payloads mean (the sync engine's changes and snapshots),
//! when to write or prune, or where the secret, the device id and the cursors are stored (the
//! app keeps them in the encrypted journal).
//!
//! # Using it
//! ```no_run
//! # fn main() -> nestling_sync_folder::Result<()> {
//! use nestling_sync_folder::{Cursors, DeviceId, Folder, Kind, PairSecret};
//! let secret = PairSecret::generate()?; // the other computer: PairSecret::from_code(typed)?
//! println!("Type this on the other computer: {}", secret.code().as_str());
//! println!("Check that both show: {}", secret.check_phrase());
//! let folder = Folder::new("/media/stick", &secret.keys(), DeviceId::generate()?);
//! folder.write(Kind::Hello, folder.next_seq()?, "Sam".as_bytes())?;
//! let mut cursors = Cursors::new();
//! for file in folder.scan(&cursors)?.incoming {
//!     // apply file.payload, then, in the same transaction as the journal:
//!     cursors.entry(file.device).or_default().mark(file.seq);
//! }
//! # Ok(()) }
//! ```
//!
//! # Folder layout
//! ```text
//! <chosen folder>/Nestling sharing/<pair tag>/<device id>/<seq>.nestling
//! ```
//! The pair tag is the [`PairId`] in 26 lower-case symbols; the device id is 32 lower-case hex
//! digits; `seq` is twelve decimal digits, from `000000000001`. Each device writes only in its
//! own folder, numbering its files 1, 2, 3…; temporary files are hidden (`.<name>.tmp`) until
//! renamed. Names of any other shape are ignored; folders of other pairs are counted, not read.
//!
//! # File format (version 1)
//! All integers big-endian. The 78-byte header is in the clear and is the associated data of
//! the seal, so no byte of it can change unnoticed.
//!
//! | offset | bytes | field |
//! |-------:|------:|-------|
//! | 0      | 8     | magic `NESTSYNC` |
//! | 8      | 2     | format version, `1` |
//! | 10     | 16    | pair id |
//! | 26     | 16    | device id (must match the folder the file is in) |
//! | 42     | 8     | seq (must match the file name) |
//! | 50     | 4     | sealed length *n*: the bytes after the header |
//! | 54     | 24    | random nonce |
//! | 78     | *n*   | XChaCha20-Poly1305 of `kind (1 byte) ‖ payload`, 16-byte tag last |
//!
//! The kind ([`Kind`]) is sealed with the payload rather than shown in the header: an unpairing
//! (`Goodbye`) is nobody else's business. The file key is keyed BLAKE2b of the pairing secret
//! (label `nestling.pair/1/file-key`), the pair id likewise (`nestling.pair/1/pair-id`).
//! A file is read in this order, the first failing check deciding its [`ProblemKind`]: a start
//! that is not the magic → damaged; shorter than the header → incomplete; a version other than
//! 1 → too new (0 → damaged); another pair id → other pair; device or seq not those of its path,
//! or an impossible length → damaged; fewer bytes than announced → incomplete, more → damaged;
//! failed authentication → damaged; an unknown kind inside → too new.
//!
//! # What the folder reveals
//! Anyone who can see the folder (the sync service, someone with the stick) learns the pair
//! tag, the device ids, how many files each device wrote and when, and their sizes, which hint
//! at what they are (an acknowledgement is tiny, a snapshot is large). They cannot read any
//! payload (notes, names), learn the kind of a file, or write a file either device accepts,
//! nor pass a file off under another number or device: both are sealed into the header. They
//! *can* delete, withhold, or put back old files; the app notices that only as silence from the
//! other computer (its acknowledgements stop advancing), and a file put back is one the cursor
//! has already applied. The pairing code is the secret: it must travel by voice or by hand,
//! never through the folder.

mod cursor;
mod error;
mod folder;
mod format;
mod ids;
mod pair;
mod words;

pub use cursor::Cursor;
pub use error::{Error, Result};
pub use folder::{Cursors, Folder, Incoming, Problem, Scan, MAX_SEQ, SHARING_DIR};
pub use format::{ack_payload, Kind, ProblemKind, MAX_PAYLOAD};
pub use ids::{DeviceId, PairId};
pub use pair::{PairKeys, PairSecret, CODE_SYMBOLS, SECRET_LEN};
