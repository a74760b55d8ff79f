//! Nestling's help lines by region, with no Tauri, no UI and no network.
//!
//! What this crate owns:
//! - the file format of `content/help/lines.toml` (documented in [`lines`]) and its validation,
//!   with messages that name the region, the entry and the fix ([`Lines::parse`]);
//! - the shipped list, embedded in the binary with `include_str!` so the Help screen works
//!   offline and while the journal is locked ([`Lines::shipped`]);
//! - the mapping from a system locale such as `en_GB.UTF-8` to one of the shipped regions
//!   ([`region_for_locale`]).
//!
//! What it does not own: which region the parent chose (a setting in the journal), and the
//! command and screen that show the lines (the app and `ui/`).
//!
//! Why so strict: a wrong number in a crisis is worse than none. Every entry carries the https
//! address of the page that states the number and the date that page was read, a date may not
//! lie in the future, and a number spelled with letters (`1-833-TLC-MAMA`) is kept only as a
//! display alias beside its digits, which must spell the same keys.
//!
//! Everything returned is `serde::Serialize` with camelCase field names, so a Tauri command can
//! return it as it is.

mod error;
pub mod lines;
mod locale;
mod validate;

pub use error::{Error, Place, Result};
pub use lines::{Emergency, Kind, Line, Lines, PhoneNumber, Region, TextLine};
pub use locale::{region_for_locale, SUPPORTED_REGIONS};
