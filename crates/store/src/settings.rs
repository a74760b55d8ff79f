//! The parent's preferences: a small key–value table with a typed view over it.
//!
//! Only the keys listed in [`KEYS`] exist; each accepts a fixed set of values. Unknown keys and
//! values are refused with an error that lists what is accepted, and nothing is written.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::{Error, Result};

/// The names of every setting.
pub const KEYS: &[&str] = &[THEME, TEXT_SIZE];

const THEME: &str = "theme";
const TEXT_SIZE: &str = "text_size";

/// The colour theme of every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the operating system's light or dark preference.
    #[default]
    System,
    /// Light background, dark text.
    Light,
    /// Dark background, light text.
    Dark,
    /// Very dim, warm colours for feeds in the night.
    Night,
}

/// The size of reading and interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// Smaller than the default.
    Small,
    /// The default size.
    #[default]
    Medium,
    /// Larger than the default.
    Large,
    /// The largest size.
    Larger,
}

const THEMES: &[(&str, Theme)] = &[
    ("system", Theme::System),
    ("light", Theme::Light),
    ("dark", Theme::Dark),
    ("night", Theme::Night),
];

const TEXT_SIZES: &[(&str, TextSize)] = &[
    ("small", TextSize::Small),
    ("medium", TextSize::Medium),
    ("large", TextSize::Large),
    ("larger", TextSize::Larger),
];

/// Every setting with its current value (defaults for those never set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Settings {
    /// The colour theme.
    pub theme: Theme,
    /// The text size.
    pub text_size: TextSize,
}

/// Reads every setting.
pub fn get_all(conn: &Connection) -> Result<Settings> {
    let stored = |key: &str| -> Result<Option<String>> {
        Ok(conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    };
    Ok(Settings {
        theme: stored(THEME)?
            .and_then(|v| lookup(THEMES, &v))
            .unwrap_or_default(),
        text_size: stored(TEXT_SIZE)?
            .and_then(|v| lookup(TEXT_SIZES, &v))
            .unwrap_or_default(),
    })
}

/// Validates and stores one setting, returning every setting afterwards.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<Settings> {
    let (key, valid) = match key {
        THEME => (THEME, lookup(THEMES, value).is_some()),
        TEXT_SIZE => (TEXT_SIZE, lookup(TEXT_SIZES, value).is_some()),
        _ => {
            return Err(Error::UnknownSetting {
                key: truncate_for_message(key),
            })
        }
    };
    if !valid {
        return Err(Error::InvalidSetting {
            key,
            allowed: allowed(key).join(", "),
        });
    }
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    get_all(conn)
}

fn allowed(key: &str) -> Vec<&'static str> {
    match key {
        THEME => THEMES.iter().map(|(name, _)| *name).collect(),
        _ => TEXT_SIZES.iter().map(|(name, _)| *name).collect(),
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], value: &str) -> Option<T> {
    table
        .iter()
        .find(|(name, _)| *name == value)
        .map(|(_, v)| *v)
}

/// Keys come from the UI, never from journal text, but a message still stays short and printable.
fn truncate_for_message(key: &str) -> String {
    key.chars().filter(|c| !c.is_control()).take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn store() -> Store {
        Store::open_in_memory().expect("in-memory journal")
    }

    #[test]
    fn defaults_apply_when_nothing_was_chosen() {
        let store = store();
        assert_eq!(get_all(store.conn()).expect("read"), Settings::default());
    }

    #[test]
    fn a_chosen_theme_is_kept() {
        let store = store();
        let after = set(store.conn(), "theme", "night").expect("saved");
        assert_eq!(after.theme, Theme::Night);
        set(store.conn(), "theme", "light").expect("changed");
        assert_eq!(get_all(store.conn()).expect("read").theme, Theme::Light);
    }

    #[test]
    fn an_unknown_key_is_refused_with_its_name() {
        let store = store();
        let err = set(store.conn(), "colour", "blue").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "There is no setting called \u{201c}colour\u{201d}."
        );
    }

    #[test]
    fn an_invalid_value_is_refused_listing_the_choices_and_nothing_changes() {
        let store = store();
        set(store.conn(), "text_size", "large").expect("saved");
        let err = set(store.conn(), "text_size", "enormous").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "The setting \u{201c}text_size\u{201d} can be one of: small, medium, large, larger."
        );
        assert_eq!(
            get_all(store.conn()).expect("read").text_size,
            TextSize::Large
        );
    }

    #[test]
    fn a_hostile_key_is_shortened_and_stripped_of_control_characters() {
        let store = store();
        let key = format!("\u{1b}[31m{}", "x".repeat(500));
        let message = set(store.conn(), &key, "v")
            .expect_err("refused")
            .to_string();
        assert!(!message.contains('\u{1b}'));
        assert!(message.chars().count() < 80, "{message}");
    }

    #[test]
    fn every_key_is_listed() {
        let store = store();
        for key in KEYS {
            let value = allowed(key)[0];
            set(store.conn(), key, value).expect("each listed key is settable");
        }
    }
}
