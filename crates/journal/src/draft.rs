//! Notes being written: the editor's unsaved note, kept in the journal until the moment is
//! saved or the parent discards it.
//!
//! Keeping drafts in the journal file (table `note_draft`, migration `0004_drafts`) means a
//! crash, a lock or a restart loses none of what was typed, and a draft is encrypted with the
//! journal whenever a passphrase is set. A draft is named by what it belongs to: [`NEW`] for a
//! moment not saved yet, or the decimal id of the moment being edited. It is stored exactly as
//! typed; the note is cleaned when the moment is saved.

use std::fmt;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::validate::check_note_length;
use crate::{Error, Result};

/// The key of the draft for a moment that is not saved yet.
pub const NEW: &str = "new";

/// The longest key: the digits of the largest moment id.
const MAX_KEY_CHARS: usize = 19;

/// One unsaved note. Its `Debug` output leaves the note out.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// [`NEW`] or the id of the moment being edited.
    pub key: String,
    /// The note as typed.
    pub note: String,
    /// When it was last kept.
    pub updated_at: DateTime<Utc>,
}

impl fmt::Debug for Draft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Draft")
            .field("key", &self.key)
            .field("note_chars", &self.note.chars().count())
            .field("updated_at", &self.updated_at)
            .finish()
    }
}

/// Refuses a key that is neither [`NEW`] nor a moment id.
fn check_key(key: &str) -> Result<()> {
    let is_id = !key.is_empty()
        && key.len() <= MAX_KEY_CHARS
        && key.bytes().all(|b| b.is_ascii_digit())
        && !key.starts_with('0');
    if key == NEW || is_id {
        Ok(())
    } else {
        Err(Error::DraftKeyInvalid)
    }
}

/// Every draft, by key.
pub fn list(conn: &Connection) -> Result<Vec<Draft>> {
    let mut stmt =
        conn.prepare_cached("SELECT key, note, updated_at FROM note_draft ORDER BY key")?;
    let rows = stmt.query_map([], |row| {
        Ok(Draft {
            key: row.get(0)?,
            note: row.get(1)?,
            updated_at: DateTime::from_timestamp(row.get(2)?, 0).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keeps `note` as the draft named `key`, replacing the one before. An empty note is a draft
/// too (the parent may be clearing a moment's note).
pub fn save(conn: &Connection, key: &str, note: &str, now: DateTime<Utc>) -> Result<()> {
    check_key(key)?;
    check_note_length(note)?;
    conn.prepare_cached(
        "INSERT INTO note_draft (key, note, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
    )?
    .execute(params![key, note, now.timestamp()])?;
    Ok(())
}

/// Forgets the draft named `key`; nothing happens when there is none.
pub fn discard(conn: &Connection, key: &str) -> Result<()> {
    check_key(key)?;
    conn.prepare_cached("DELETE FROM note_draft WHERE key = ?1")?
        .execute([key])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{now, store};
    use crate::MAX_NOTE_CHARS;

    #[test]
    fn a_draft_is_kept_replaced_and_discarded() {
        let s = store();
        assert!(list(s.conn()).expect("listed").is_empty());
        save(s.conn(), NEW, "first words", now()).expect("kept");
        save(s.conn(), "42", "", now()).expect("an empty draft is kept");
        save(s.conn(), NEW, "first words, and more", now()).expect("replaced");
        let all = list(s.conn()).expect("listed");
        let keys: Vec<_> = all
            .iter()
            .map(|d| (d.key.as_str(), d.note.as_str()))
            .collect();
        assert_eq!(keys, [("42", ""), ("new", "first words, and more")]);
        assert_eq!(all[0].updated_at, now());
        discard(s.conn(), NEW).expect("discarded");
        discard(s.conn(), NEW).expect("discarding twice is fine");
        assert_eq!(list(s.conn()).expect("listed").len(), 1);
    }

    #[test]
    fn hostile_text_is_kept_exactly_as_typed() {
        let s = store();
        let note =
            "<script>alert(1)</script>\r\n\u{202e}ليلة طويلة 👨\u{200d}👩\u{200d}👧\u{7}\0end";
        save(s.conn(), "7", note, now()).expect("kept");
        assert_eq!(list(s.conn()).expect("listed")[0].note, note);
    }

    #[test]
    fn a_key_that_names_nothing_is_refused_and_changes_nothing() {
        let s = store();
        for key in [
            "",
            "0",
            "007",
            "-1",
            "new ",
            "NEW",
            "1e3",
            "12345678901234567890",
            "x'--",
        ] {
            let err = save(s.conn(), key, "words", now()).expect_err(key);
            assert!(matches!(err, Error::DraftKeyInvalid), "{key:?}: {err:?}");
            assert!(matches!(
                discard(s.conn(), key),
                Err(Error::DraftKeyInvalid)
            ));
        }
        assert!(list(s.conn()).expect("listed").is_empty());
        save(s.conn(), "9223372036854775807", "largest id", now()).expect("kept");
    }

    #[test]
    fn a_note_over_the_limit_is_refused_and_the_previous_draft_stays() {
        let s = store();
        save(s.conn(), NEW, "kept", now()).expect("kept");
        let long = "é".repeat(MAX_NOTE_CHARS + 1);
        let err = save(s.conn(), NEW, &long, now()).expect_err("too long");
        assert!(matches!(err, Error::NoteTooLong { chars } if chars == MAX_NOTE_CHARS + 1));
        assert_eq!(list(s.conn()).expect("listed")[0].note, "kept");
        save(s.conn(), NEW, &"é".repeat(MAX_NOTE_CHARS), now()).expect("the limit itself fits");
    }

    #[test]
    fn debug_output_leaves_the_note_out() {
        let draft = Draft {
            key: NEW.into(),
            note: "private words".into(),
            updated_at: now(),
        };
        let shown = format!("{draft:?}");
        assert!(!shown.contains("private"), "{shown}");
        assert!(shown.contains("note_chars: 13"), "{shown}");
    }
}
