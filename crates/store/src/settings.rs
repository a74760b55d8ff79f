//! The parent's preferences: a small key–value table with a typed view over it.
//!
//! Only the settings listed in [`NAMES`] exist; each accepts a fixed set of values, except
//! `parentName`, which is short free text. Unknown names and values are refused with an error
//! that says what is accepted, and nothing is written. The app names each setting in camelCase,
//! as every other field on the wire; the table keeps the snake_case keys it always had, and
//! [`NAMES`] maps one to the other, so no migration was needed.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::{Error, Result};

/// The app's name of every setting, as [`set`] accepts it and [`Settings`] serializes it.
pub const NAMES: &[&str] = &[
    "theme",
    "textSize",
    "lockAfterMinutes",
    "backupsToKeep",
    "parentName",
    "helpRegion",
    "checkIn",
    "lowMoodCard",
    "lowMoodCardDismissedOn",
    "shareFeelingsByDefault",
];

/// The key each name in [`NAMES`] is stored under in the `setting` table, in the same order.
const KEYS: &[&str] = &[
    THEME,
    TEXT_SIZE,
    LOCK_AFTER_MINUTES,
    BACKUPS_TO_KEEP,
    PARENT_NAME,
    HELP_REGION,
    CHECK_IN,
    LOW_MOOD_CARD,
    LOW_MOOD_CARD_DISMISSED_ON,
    SHARE_FEELINGS_BY_DEFAULT,
];

const THEME: &str = "theme";
const TEXT_SIZE: &str = "text_size";
const LOCK_AFTER_MINUTES: &str = "lock_after_minutes";
const BACKUPS_TO_KEEP: &str = "backups_to_keep";
const PARENT_NAME: &str = "parent_name";
const HELP_REGION: &str = "help_region";
const CHECK_IN: &str = "check_in";
const LOW_MOOD_CARD: &str = "low_mood_card";
const LOW_MOOD_CARD_DISMISSED_ON: &str = "low_mood_card_dismissed_on";
const SHARE_FEELINGS_BY_DEFAULT: &str = "share_feelings_by_default";

/// The region value that means "somewhere the Help screen has no lines for".
pub const HELP_REGION_ELSEWHERE: &str = "elsewhere";

/// The longest parent's name accepted, in characters.
pub const PARENT_NAME_MAX_CHARS: usize = 60;

/// How many backups are kept when the parent has not chosen.
pub const DEFAULT_BACKUPS_TO_KEEP: u32 = 7;

/// Minutes of inactivity before an encrypted journal locks itself when none was chosen.
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 5;

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

/// How often the gentle check-in is offered on Today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInFrequency {
    /// Never offered on Today (the parent can still check in from the Journal).
    Off,
    /// Offered on a day with no check-in yet.
    Daily,
    /// Offered when there has been no check-in for a week.
    Weekly,
}

const CHECK_IN_FREQUENCIES: &[(&str, CheckInFrequency)] = &[
    ("off", CheckInFrequency::Off),
    ("daily", CheckInFrequency::Daily),
    ("weekly", CheckInFrequency::Weekly),
];

const ON_OFF: &[(&str, bool)] = &[("on", true), ("off", false)];

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

/// `never` is stored and accepted as text; `None` in [`Settings::lock_after_minutes`].
const LOCK_AFTER: &[(&str, Option<u32>)] = &[
    ("never", None),
    ("1", Some(1)),
    ("5", Some(5)),
    ("15", Some(15)),
    ("30", Some(30)),
    ("60", Some(60)),
];

const BACKUPS_KEPT: &[(&str, u32)] = &[("3", 3), ("7", 7), ("14", 14), ("30", 30)];

/// Every setting with its current value (defaults for those never set).
///
/// Serialized for the app as `{"theme": "night", "textSize": "medium",
/// "lockAfterMinutes": 5 | null, "backupsToKeep": 7, "parentName": "Sam" | null,
/// "helpRegion": "GB" | "elsewhere" | null, "checkIn": "off" | "daily" | "weekly" | null,
/// "lowMoodCard": true, "lowMoodCardDismissedOn": "2026-11-30" | null,
/// "shareFeelingsByDefault": false}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// The colour theme.
    pub theme: Theme,
    /// The text size.
    pub text_size: TextSize,
    /// Minutes without use before an encrypted journal locks; `None` means never
    /// (stored as `never`; choices `never`, `1`, `5`, `15`, `30`, `60`).
    pub lock_after_minutes: Option<u32>,
    /// How many backups are kept (`3`, `7`, `14` or `30`).
    pub backups_to_keep: u32,
    /// How the app addresses the parent; `None` when not given. At most
    /// [`PARENT_NAME_MAX_CHARS`] characters, trimmed, without control characters.
    pub parent_name: Option<String>,
    /// The region whose lines the Help screen shows: an ISO 3166 code of two capital letters,
    /// [`HELP_REGION_ELSEWHERE`], or `None` to follow the computer's language and region.
    pub help_region: Option<String>,
    /// How often the check-in is offered; `None` until the parent has answered the one-time
    /// offer (choices `off`, `daily`, `weekly`).
    pub check_in: Option<CheckInFrequency>,
    /// Whether Today may show the card about a stretch of low mood (`on`, the default, or
    /// `off`).
    pub low_mood_card: bool,
    /// The day the parent last put that card away (`YYYY-MM-DD`); empty clears it.
    pub low_mood_card_dismissed_on: Option<NaiveDate>,
    /// Whether a moment logged here while paired shares how the parent felt (its note, feeling
    /// words, tags and ratings) with the partner's computer: `on`, or `off` (the default).
    pub share_feelings_by_default: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::default(),
            text_size: TextSize::default(),
            lock_after_minutes: Some(DEFAULT_LOCK_AFTER_MINUTES),
            backups_to_keep: DEFAULT_BACKUPS_TO_KEEP,
            parent_name: None,
            help_region: None,
            check_in: None,
            low_mood_card: true,
            low_mood_card_dismissed_on: None,
            share_feelings_by_default: false,
        }
    }
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
    let defaults = Settings::default();
    Ok(Settings {
        theme: stored(THEME)?
            .and_then(|v| lookup(THEMES, &v))
            .unwrap_or_default(),
        text_size: stored(TEXT_SIZE)?
            .and_then(|v| lookup(TEXT_SIZES, &v))
            .unwrap_or_default(),
        lock_after_minutes: stored(LOCK_AFTER_MINUTES)?
            .and_then(|v| lookup(LOCK_AFTER, &v))
            .unwrap_or(defaults.lock_after_minutes),
        backups_to_keep: stored(BACKUPS_TO_KEEP)?
            .and_then(|v| lookup(BACKUPS_KEPT, &v))
            .unwrap_or(defaults.backups_to_keep),
        parent_name: stored(PARENT_NAME)?.filter(|name| !name.is_empty()),
        help_region: stored(HELP_REGION)?.filter(|region| valid_region(region)),
        check_in: stored(CHECK_IN)?.and_then(|v| lookup(CHECK_IN_FREQUENCIES, &v)),
        low_mood_card: stored(LOW_MOOD_CARD)?
            .and_then(|v| lookup(ON_OFF, &v))
            .unwrap_or(defaults.low_mood_card),
        low_mood_card_dismissed_on: stored(LOW_MOOD_CARD_DISMISSED_ON)?.and_then(|v| parse_day(&v)),
        share_feelings_by_default: stored(SHARE_FEELINGS_BY_DEFAULT)?
            .and_then(|v| lookup(ON_OFF, &v))
            .unwrap_or(defaults.share_feelings_by_default),
    })
}

/// The parent's name, when one was given (for reports and greetings).
pub fn parent_name(conn: &Connection) -> Result<Option<String>> {
    Ok(get_all(conn)?.parent_name)
}

/// Validates and stores one setting, named as in [`NAMES`], returning every setting afterwards.
///
/// `parentName` is trimmed first; an empty name removes it.
pub fn set(conn: &Connection, name: &str, value: &str) -> Result<Settings> {
    let key = stored_key(name)?;
    let value = match key {
        PARENT_NAME => clean_parent_name(value)?,
        HELP_REGION => checked_region(value)?,
        LOW_MOOD_CARD_DISMISSED_ON => checked_day(value)?,
        _ => checked_choice(key, value)?,
    };
    if value.is_empty() {
        conn.execute("DELETE FROM setting WHERE key = ?1", [key])?;
    } else {
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
    }
    get_all(conn)
}

/// The stored key of the setting the app calls `name`.
fn stored_key(name: &str) -> Result<&'static str> {
    NAMES
        .iter()
        .position(|known| *known == name)
        .map(|at| KEYS[at])
        .ok_or_else(|| Error::UnknownSetting {
            key: truncate_for_message(name),
        })
}

/// The app's name of the setting stored under `key`.
fn name_of(key: &str) -> &'static str {
    KEYS.iter()
        .position(|known| *known == key)
        .map_or("setting", |at| NAMES[at])
}

/// `value`, once it is known to be one of the choices of the setting stored under `key`.
fn checked_choice<'v>(key: &'static str, value: &'v str) -> Result<&'v str> {
    let valid = match key {
        THEME => lookup(THEMES, value).is_some(),
        TEXT_SIZE => lookup(TEXT_SIZES, value).is_some(),
        LOCK_AFTER_MINUTES => lookup(LOCK_AFTER, value).is_some(),
        BACKUPS_TO_KEEP => lookup(BACKUPS_KEPT, value).is_some(),
        CHECK_IN => lookup(CHECK_IN_FREQUENCIES, value).is_some(),
        _ => lookup(ON_OFF, value).is_some(),
    };
    match valid {
        true => Ok(value),
        false => Err(invalid(key)),
    }
}

/// The error for a value the setting stored under `key` does not accept.
fn invalid(key: &'static str) -> Error {
    Error::InvalidSetting {
        key: name_of(key),
        allowed: allowed(key).join(", "),
    }
}

/// Two capital letters, `elsewhere`, or empty (follow the computer).
fn checked_region(value: &str) -> Result<&str> {
    match value.is_empty() || valid_region(value) {
        true => Ok(value),
        false => Err(invalid(HELP_REGION)),
    }
}

/// A calendar day as `YYYY-MM-DD`, or empty (no day).
fn checked_day(value: &str) -> Result<&str> {
    match value.is_empty() || parse_day(value).is_some() {
        true => Ok(value),
        false => Err(invalid(LOW_MOOD_CARD_DISMISSED_ON)),
    }
}

fn parse_day(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

fn valid_region(value: &str) -> bool {
    value == HELP_REGION_ELSEWHERE
        || (value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A trimmed name of at most [`PARENT_NAME_MAX_CHARS`] characters, without control characters.
fn clean_parent_name(value: &str) -> Result<&str> {
    let name = value.trim();
    if name.chars().any(char::is_control) {
        return Err(Error::NameHasControlCharacters);
    }
    if name.chars().count() > PARENT_NAME_MAX_CHARS {
        return Err(Error::NameTooLong {
            max: PARENT_NAME_MAX_CHARS,
        });
    }
    Ok(name)
}

fn allowed(key: &str) -> Vec<&'static str> {
    fn names<T>(table: &[(&'static str, T)]) -> Vec<&'static str> {
        table.iter().map(|(name, _)| *name).collect()
    }
    match key {
        THEME => names(THEMES),
        LOCK_AFTER_MINUTES => names(LOCK_AFTER),
        BACKUPS_TO_KEEP => names(BACKUPS_KEPT),
        PARENT_NAME => vec!["a name"],
        HELP_REGION => vec!["a two-letter region code such as GB", HELP_REGION_ELSEWHERE],
        CHECK_IN => names(CHECK_IN_FREQUENCIES),
        LOW_MOOD_CARD | SHARE_FEELINGS_BY_DEFAULT => names(ON_OFF),
        LOW_MOOD_CARD_DISMISSED_ON => vec!["a date such as 2026-11-30"],
        _ => names(TEXT_SIZES),
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
        set(store.conn(), "textSize", "large").expect("saved");
        let err = set(store.conn(), "textSize", "enormous").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "The setting \u{201c}textSize\u{201d} can be one of: small, medium, large, larger."
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
    fn the_lock_waits_five_minutes_unless_chosen_otherwise() {
        let store = store();
        assert_eq!(
            get_all(store.conn()).expect("read").lock_after_minutes,
            Some(5)
        );
        assert_eq!(
            set(store.conn(), "lockAfterMinutes", "never")
                .expect("saved")
                .lock_after_minutes,
            None
        );
        assert_eq!(
            set(store.conn(), "lockAfterMinutes", "30")
                .expect("saved")
                .lock_after_minutes,
            Some(30)
        );
        let err = set(store.conn(), "lockAfterMinutes", "2").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "The setting \u{201c}lockAfterMinutes\u{201d} can be one of: never, 1, 5, 15, 30, 60."
        );
    }

    #[test]
    fn seven_backups_are_kept_unless_chosen_otherwise() {
        let store = store();
        assert_eq!(get_all(store.conn()).expect("read").backups_to_keep, 7);
        assert_eq!(
            set(store.conn(), "backupsToKeep", "14")
                .expect("saved")
                .backups_to_keep,
            14
        );
        let err = set(store.conn(), "backupsToKeep", "0").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "The setting \u{201c}backupsToKeep\u{201d} can be one of: 3, 7, 14, 30."
        );
        assert_eq!(get_all(store.conn()).expect("read").backups_to_keep, 14);
    }

    #[test]
    fn the_parent_name_is_trimmed_and_an_empty_one_means_none() {
        let store = store();
        let after = set(store.conn(), "parentName", "  Ama  ").expect("saved");
        assert_eq!(after.parent_name.as_deref(), Some("Ama"));
        assert_eq!(
            parent_name(store.conn()).expect("read").as_deref(),
            Some("Ama")
        );
        let after = set(store.conn(), "parentName", "   ").expect("cleared");
        assert_eq!(after.parent_name, None);
        assert_eq!(parent_name(store.conn()).expect("read"), None);
    }

    #[test]
    fn a_parent_name_of_sixty_characters_fits_and_sixty_one_do_not() {
        let store = store();
        set(store.conn(), "parentName", &"é".repeat(60)).expect("60 characters");
        let err = set(store.conn(), "parentName", &"é".repeat(61)).expect_err("61");
        assert_eq!(err.to_string(), "A name can be at most 60 characters long.");
        assert_eq!(err.kind(), "invalid_input");
        assert_eq!(
            get_all(store.conn()).expect("read").parent_name,
            Some("é".repeat(60))
        );
    }

    #[test]
    fn a_parent_name_with_control_characters_is_refused() {
        let store = store();
        let err = set(store.conn(), "parentName", "Ama\nBel").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "A name cannot contain line breaks, tabs or other control characters."
        );
        assert_eq!(get_all(store.conn()).expect("read").parent_name, None);
    }

    #[test]
    fn the_help_region_is_a_region_code_or_elsewhere_and_empty_follows_the_computer() {
        let store = store();
        assert_eq!(get_all(store.conn()).expect("read").help_region, None);
        let after = set(store.conn(), "helpRegion", "IE").expect("saved");
        assert_eq!(after.help_region.as_deref(), Some("IE"));
        let after = set(store.conn(), "helpRegion", "elsewhere").expect("saved");
        assert_eq!(after.help_region.as_deref(), Some("elsewhere"));
        for bad in ["ie", "IRL", "I", "<b>", "G\u{0}"] {
            let err = set(store.conn(), "helpRegion", bad).expect_err("refused");
            assert_eq!(err.kind(), "invalid_input", "{bad:?}");
        }
        assert_eq!(
            get_all(store.conn()).expect("read").help_region.as_deref(),
            Some("elsewhere")
        );
        assert_eq!(
            set(store.conn(), "helpRegion", "")
                .expect("cleared")
                .help_region,
            None
        );
    }

    #[test]
    fn settings_serialize_for_the_app() {
        let json = serde_json::to_value(Settings::default()).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"theme": "system", "textSize": "medium",
                "lockAfterMinutes": 5, "backupsToKeep": 7, "parentName": null,
                "helpRegion": null, "checkIn": null, "lowMoodCard": true,
                "lowMoodCardDismissedOn": null, "shareFeelingsByDefault": false})
        );
    }

    #[test]
    fn every_name_is_listed_with_its_stored_key() {
        let store = store();
        assert_eq!(NAMES.len(), KEYS.len());
        for (name, key) in NAMES.iter().zip(KEYS).filter(|(_, key)| {
            ![PARENT_NAME, HELP_REGION, LOW_MOOD_CARD_DISMISSED_ON].contains(*key)
        }) {
            let value = allowed(key)[0];
            set(store.conn(), name, value).expect("each listed name is settable");
            let stored: String = store
                .conn()
                .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                    row.get(0)
                })
                .expect("kept under its snake_case key");
            assert_eq!(stored, value, "{name}");
        }
    }

    #[test]
    fn a_stored_key_is_not_a_name_the_app_can_set() {
        let store = store();
        let err = set(store.conn(), "text_size", "large").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "There is no setting called \u{201c}text_size\u{201d}."
        );
    }

    #[test]
    fn the_check_in_is_not_chosen_until_the_offer_is_answered() {
        let store = store();
        let before = get_all(store.conn()).expect("read");
        assert_eq!(before.check_in, None);
        assert!(before.low_mood_card);
        assert_eq!(before.low_mood_card_dismissed_on, None);
        let after = set(store.conn(), "checkIn", "weekly").expect("saved");
        assert_eq!(after.check_in, Some(CheckInFrequency::Weekly));
        let after = set(store.conn(), "checkIn", "off").expect("saved");
        assert_eq!(after.check_in, Some(CheckInFrequency::Off));
        let err = set(store.conn(), "checkIn", "hourly").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "The setting \u{201c}checkIn\u{201d} can be one of: off, daily, weekly."
        );
    }

    #[test]
    fn the_low_mood_card_can_be_switched_off_and_its_dismissal_is_a_real_day() {
        let store = store();
        assert!(
            !set(store.conn(), "lowMoodCard", "off")
                .expect("off")
                .low_mood_card
        );
        let err = set(store.conn(), "lowMoodCard", "maybe").expect_err("refused");
        assert_eq!(err.kind(), "invalid_input");
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).expect("day");
        let after = set(store.conn(), "lowMoodCardDismissedOn", "2026-11-30").expect("saved");
        assert_eq!(after.low_mood_card_dismissed_on, Some(day));
        for bad in ["2026-02-30", "30/11/2026", "tomorrow"] {
            let err = set(store.conn(), "lowMoodCardDismissedOn", bad).expect_err("refused");
            assert_eq!(err.kind(), "invalid_input", "{bad:?}");
        }
        let after = set(store.conn(), "lowMoodCardDismissedOn", "").expect("cleared");
        assert_eq!(after.low_mood_card_dismissed_on, None);
    }

    #[test]
    fn feelings_are_not_shared_by_default_until_the_parent_says_so() {
        let store = store();
        assert!(
            !get_all(store.conn())
                .expect("read")
                .share_feelings_by_default
        );
        let after = set(store.conn(), "shareFeelingsByDefault", "on").expect("on");
        assert!(after.share_feelings_by_default);
        let err = set(store.conn(), "shareFeelingsByDefault", "yes").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "The setting \u{201c}shareFeelingsByDefault\u{201d} can be one of: on, off."
        );
        assert!(
            get_all(store.conn())
                .expect("read")
                .share_feelings_by_default
        );
    }
}
