//! Nestling's journal of bonding moments: the domain, its rules and its SQL.
//!
//! This crate owns babies, the parent's care team, kinds of moment, moments (with feeling words, tags and notes),
//! drafts of notes being written, running timers, the trash, day/week/range queries with
//! totals, the weekly figures and sentences of [`patterns`], full-text search over notes,
//! every row as plain [`records`] (dumped and restored through the same rules), and the suggestions of words and tags the parent has
//! used. It does not own opening the file, pragmas or migrations —
//! [`nestling_store`](../nestling_store/index.html) does, and the schema this crate uses is its
//! migrations `0002_journal` and `0004_drafts` — nor anything about Tauri or the UI.
//!
//! Every function takes a `&rusqlite::Connection`; every change runs inside a savepoint, so it
//! is atomic on its own and nests inside a caller's transaction. Functions that depend on the
//! clock take `now` rather than reading it, so tests are deterministic. How days are counted
//! across time zones and daylight saving time is explained in [`time`].
//!
//! Journal text (notes, feeling words, tags, names) never appears in an [`Error`], and the
//! `Debug` output of a [`Moment`] redacts its note.
//!
//! # Text
//! What a parent types is cleaned before it is checked and stored, the same way everywhere:
//! - **Short fields** (names, feeling words, tags, emoji, kind and detail ids): control
//!   characters are removed, every run of whitespace (newlines and tabs included) becomes one
//!   space, and the ends are trimmed; lengths are then counted in characters, not bytes.
//!   Pasted text with a stray tab or line break is accepted rather than refused.
//! - **Notes** are kept as typed — emoji, right-to-left text, text that looks like HTML, stored
//!   verbatim for the UI to show as text — except that line endings become `\n` and control
//!   characters other than newline and tab are removed (they are invisible, and search
//!   snippets use two of them as highlight markers that no note can then contain).

mod clean;
mod error;
mod tx;
mod validate;

pub mod baby;
pub mod care_team;
pub mod check_in;
pub mod draft;
pub mod kind;
pub mod moment;
pub mod patterns;
pub mod prompts;
pub mod query;
pub mod records;
pub mod search;
pub mod shared;
pub mod time;
pub mod timer;
pub mod trash;
pub mod words;

#[cfg(feature = "testdata")]
pub mod testdata;

#[cfg(test)]
mod schema_tests;
#[cfg(test)]
mod testing;

pub use baby::{Baby, BabyInput};
pub use care_team::{Contact, ContactInput, Role};
pub use check_in::{CheckIn, CheckInInput, HelpNeed, SafetyAnswer, Supported};
pub use draft::Draft;
pub use error::{Error, Result};
pub use kind::{Kind, KindDetail, KindInput};
pub use moment::{Moment, MomentInput, MomentRow, Who};
pub use patterns::{Patterns, Span};
pub use query::{Filter, KindTotal, Listing, ListingRows};
pub use search::{SearchHit, SearchRow, Segment};
pub use timer::{Timer, TimerInput};
pub use validate::{MAX_CAREGIVER_CHARS, MAX_NOTE_CHARS};
pub use words::{FeelingUse, TagUse};
