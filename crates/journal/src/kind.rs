//! Kinds of moment: the built-in ones the migration seeds, and the parent's own.
//!
//! Built-in kinds have stable ids (`skin_to_skin`, `feeding`, `changing`, `rocking`,
//! `soothing`, `bathing`, `talking_reading_singing`, `tummy_time`, `carrying_walking`); the
//! parent's own kinds get `custom_<n>`. Any kind can be hidden and shown again; only the
//! parent's own can be renamed. No kind is ever deleted (a trigger in the schema refuses it), so
//! no moment loses its kind. `timed` is a hint for the UI (offer a timer first); any kind can
//! have an end time or a timer.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::clean;
use crate::{Error, Result};

/// The longest a kind's name can be, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// The longest a kind's emoji can be, in characters (a family emoji is several).
pub const MAX_EMOJI_CHARS: usize = 16;
/// The prefix of the ids of the parent's own kinds.
pub const CUSTOM_PREFIX: &str = "custom_";

/// A kind of moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Kind {
    /// Stable id: a built-in name such as `feeding`, or `custom_<n>`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// An emoji or short symbol.
    pub emoji: String,
    /// Whether the UI offers a timer for it first.
    pub timed: bool,
    /// Whether it ships with Nestling.
    pub built_in: bool,
    /// Whether the parent hid it from the choices.
    pub hidden: bool,
    /// The details a moment of this kind can have (for feeding: the side, or a bottle).
    pub details: Vec<KindDetail>,
}

/// One choice of detail for a kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindDetail {
    /// Stable id, such as `breast_left`.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// What the parent types to add or change a kind of their own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KindInput {
    /// Display name, 1 to 40 characters, unique among kinds regardless of case.
    pub name: String,
    /// An emoji or short symbol, 1 to 16 characters.
    pub emoji: String,
    /// Whether the UI offers a timer for it first.
    #[serde(default)]
    pub timed: bool,
}

const COLUMNS: &str = "k.id, k.name, k.emoji, k.timed, k.built_in, k.hidden,
    (SELECT group_concat(d.id || char(30) || d.name, char(31) ORDER BY d.position)
       FROM moment_kind_detail d WHERE d.kind_id = k.id)";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Kind> {
    let details: Option<String> = row.get(6)?;
    Ok(Kind {
        id: row.get(0)?,
        name: row.get(1)?,
        emoji: row.get(2)?,
        timed: row.get(3)?,
        built_in: row.get(4)?,
        hidden: row.get(5)?,
        details: details.as_deref().map(parse_details).unwrap_or_default(),
    })
}

fn parse_details(joined: &str) -> Vec<KindDetail> {
    joined
        .split('\u{1f}')
        .filter_map(|pair| pair.split_once('\u{1e}'))
        .map(|(id, name)| KindDetail {
            id: id.into(),
            name: name.into(),
        })
        .collect()
}

/// Every kind, hidden ones included, built-in first in their fixed order, then the parent's own
/// in the order they were added.
pub fn list(conn: &Connection) -> Result<Vec<Kind>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM moment_kind k ORDER BY k.position"
    ))?;
    let kinds = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(kinds)
}

/// The kind with `id`.
pub fn get(conn: &Connection, id: &str) -> Result<Kind> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM moment_kind k WHERE k.id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::UnknownKind {
        id: clean::for_message(id),
    })
}

/// Adds a kind of the parent's own, with the next free `custom_<n>` id.
pub fn add(conn: &Connection, input: &KindInput, now: DateTime<Utc>) -> Result<Kind> {
    let (name, emoji) = checked(input)?;
    crate::tx::atomically(conn, || {
        refuse_taken_name(conn, &name, None)?;
        let id = next_custom_id(conn)?;
        conn.execute(
            "INSERT INTO moment_kind (id, name, emoji, timed, built_in, position, created_at)
             VALUES (?1, ?2, ?3, ?4, 0, (SELECT max(position) + 1 FROM moment_kind), ?5)",
            params![id, name, emoji, input.timed, now.timestamp()],
        )?;
        get(conn, &id)
    })
}

/// Renames one of the parent's own kinds, or changes its emoji or `timed` hint.
pub fn update(conn: &Connection, id: &str, input: &KindInput) -> Result<Kind> {
    let (name, emoji) = checked(input)?;
    crate::tx::atomically(conn, || {
        if get(conn, id)?.built_in {
            return Err(Error::BuiltInKindChanged { id: id.into() });
        }
        refuse_taken_name(conn, &name, Some(id))?;
        conn.execute(
            "UPDATE moment_kind SET name = ?2, emoji = ?3, timed = ?4 WHERE id = ?1",
            params![id, name, emoji, input.timed],
        )?;
        get(conn, id)
    })
}

/// Hides a kind from the choices, or shows it again. Its moments are untouched either way.
pub fn set_hidden(conn: &Connection, id: &str, hidden: bool) -> Result<Kind> {
    conn.execute(
        "UPDATE moment_kind SET hidden = ?2 WHERE id = ?1",
        params![id, hidden],
    )?;
    get(conn, id)
}

pub(crate) fn checked(input: &KindInput) -> Result<(String, String)> {
    let name = clean::short_text(&input.name);
    let emoji = clean::short_text(&input.emoji);
    match clean::chars(&name) {
        0 => return Err(Error::KindNameEmpty),
        n if n > MAX_NAME_CHARS => return Err(Error::KindNameTooLong { chars: n }),
        _ => {}
    }
    match clean::chars(&emoji) {
        n if n == 0 || n > MAX_EMOJI_CHARS => Err(Error::EmojiInvalid { chars: n }),
        _ => Ok((name, emoji)),
    }
}

pub(crate) fn refuse_taken_name(conn: &Connection, name: &str, except: Option<&str>) -> Result<()> {
    let lowered = name.to_lowercase();
    let mut stmt = conn.prepare("SELECT id, name FROM moment_kind")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (id, existing): (String, String) = (row.get(0)?, row.get(1)?);
        if existing.to_lowercase() == lowered && Some(id.as_str()) != except {
            return Err(Error::KindNameTaken { existing_id: id });
        }
    }
    Ok(())
}

pub(crate) fn next_custom_id(conn: &Connection) -> Result<String> {
    let highest: i64 = conn.query_row(
        "SELECT ifnull(max(CAST(substr(id, 8) AS INTEGER)), 0) FROM moment_kind
         WHERE built_in = 0 AND substr(id, 1, 7) = 'custom_'",
        [],
        |row| row.get(0),
    )?;
    Ok(format!("{CUSTOM_PREFIX}{}", highest + 1))
}

/// Refuses an unknown kind, or a detail the kind does not offer.
pub(crate) fn check_detail(conn: &Connection, kind_id: &str, detail: Option<&str>) -> Result<()> {
    let kind = get(conn, kind_id)?;
    match detail {
        Some(d) if !kind.details.iter().any(|k| k.id == d) => Err(Error::UnknownDetail {
            kind_id: kind.id,
            detail: clean::for_message(d),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, store};

    fn input(name: &str, emoji: &str) -> KindInput {
        KindInput {
            name: name.into(),
            emoji: emoji.into(),
            timed: false,
        }
    }

    fn now() -> DateTime<Utc> {
        at("2024-03-05T10:00:00Z")
    }

    #[test]
    fn the_built_in_kinds_are_seeded_in_order_with_names_and_emoji() {
        let store = store();
        let kinds = list(store.conn()).expect("list");
        let ids: Vec<_> = kinds.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "skin_to_skin",
                "feeding",
                "changing",
                "rocking",
                "soothing",
                "bathing",
                "talking_reading_singing",
                "tummy_time",
                "carrying_walking"
            ]
        );
        assert!(kinds.iter().all(|k| k.built_in && !k.hidden));
        assert!(kinds
            .iter()
            .all(|k| !k.name.is_empty() && !k.emoji.is_empty()));
        let timed: Vec<_> = kinds
            .iter()
            .filter(|k| k.timed)
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(timed, ["skin_to_skin", "feeding"]);
    }

    #[test]
    fn feeding_offers_the_breast_sides_and_a_bottle() {
        let store = store();
        let feeding = get(store.conn(), "feeding").expect("feeding");
        let details: Vec<_> = feeding.details.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            details,
            ["breast_left", "breast_right", "breast_both", "bottle"]
        );
        assert_eq!(feeding.details[0].name, "Left breast");
        assert!(get(store.conn(), "changing")
            .expect("changing")
            .details
            .is_empty());
    }

    #[test]
    fn custom_kinds_get_numbered_ids_and_come_after_the_built_in_ones() {
        let store = store();
        let first = add(store.conn(), &input("Baby massage", "👐"), now()).expect("first");
        let second = add(store.conn(), &input("Stargazing", "✨"), now()).expect("second");
        assert_eq!(first.id, "custom_1");
        assert_eq!(second.id, "custom_2");
        assert!(!first.built_in);
        let kinds = list(store.conn()).expect("list");
        assert_eq!(kinds.last().map(|k| k.id.as_str()), Some("custom_2"));
    }

    #[test]
    fn renames_a_custom_kind() {
        let store = store();
        let kind = add(store.conn(), &input("Massage", "👐"), now()).expect("added");
        let changed = KindInput {
            name: "Baby massage".into(),
            emoji: "🤲".into(),
            timed: true,
        };
        let renamed = update(store.conn(), &kind.id, &changed).expect("renamed");
        assert_eq!(
            (renamed.name.as_str(), renamed.emoji.as_str()),
            ("Baby massage", "🤲")
        );
        assert!(renamed.timed);
    }

    #[test]
    fn rejects_renaming_a_built_in_kind() {
        let store = store();
        let err = update(store.conn(), "feeding", &input("Milk", "🥛")).expect_err("refused");
        assert!(matches!(err, Error::BuiltInKindChanged { .. }));
        assert_eq!(
            err.to_string(),
            "The built-in kinds of moment keep their names. You can hide this one and add a kind of your own instead."
        );
        assert_eq!(get(store.conn(), "feeding").expect("kept").name, "Feeding");
    }

    #[test]
    fn rejects_a_name_another_kind_has_whatever_the_case() {
        let store = store();
        let err = add(store.conn(), &input("  FEEDING ", "🥛"), now()).expect_err("taken");
        assert!(
            matches!(err, Error::KindNameTaken { ref existing_id } if existing_id == "feeding")
        );
        assert_eq!(
            err.to_string(),
            "A kind of moment with this name already exists (it may be hidden). Please choose another name, or show the existing kind again."
        );
    }

    #[test]
    fn keeping_its_own_name_is_not_a_clash() {
        let store = store();
        let kind = add(store.conn(), &input("Massage", "👐"), now()).expect("added");
        update(store.conn(), &kind.id, &input("massage", "👐")).expect("same kind, new case");
    }

    #[test]
    fn rejects_empty_and_overlong_names_and_emoji() {
        let store = store();
        let cases = [
            (input(" ", "✨"), "Please type a name for this kind of moment."),
            (
                input(&"x".repeat(41), "✨"),
                "The name of a kind of moment can be up to 40 characters long. Please shorten it.",
            ),
            (
                input("Walks", ""),
                "Please choose an emoji or a short symbol (up to 16 characters) for this kind of moment.",
            ),
            (
                input("Walks", &"🌳".repeat(17)),
                "Please choose an emoji or a short symbol (up to 16 characters) for this kind of moment.",
            ),
        ];
        for (bad, message) in cases {
            let err = add(store.conn(), &bad, now()).expect_err("refused");
            assert_eq!(err.to_string(), message);
        }
        assert_eq!(
            list(store.conn()).expect("list").len(),
            9,
            "nothing was added"
        );
    }

    #[test]
    fn hides_and_shows_a_kind_again() {
        let store = store();
        assert!(
            set_hidden(store.conn(), "bathing", true)
                .expect("hidden")
                .hidden
        );
        assert!(list(store.conn())
            .expect("list")
            .iter()
            .any(|k| k.id == "bathing" && k.hidden));
        assert!(
            !set_hidden(store.conn(), "bathing", false)
                .expect("shown")
                .hidden
        );
    }

    #[test]
    fn a_kind_can_never_be_deleted() {
        let store = store();
        let kind = add(store.conn(), &input("Massage", "👐"), now()).expect("added");
        let result = store
            .conn()
            .execute("DELETE FROM moment_kind WHERE id = ?1", [&kind.id]);
        assert!(result.is_err(), "the schema refuses to delete a kind");
        get(store.conn(), &kind.id).expect("still there");
    }

    #[test]
    fn rejects_an_unknown_kind_and_an_unknown_detail() {
        let store = store();
        let err = check_detail(store.conn(), "juggling", None).expect_err("unknown");
        assert_eq!(
            err.to_string(),
            "There is no kind of moment called \u{201c}juggling\u{201d}. Please choose a kind from the list."
        );
        let err = check_detail(store.conn(), "changing", Some("bottle")).expect_err("no details");
        assert_eq!(
            err.to_string(),
            "\u{201c}bottle\u{201d} is not one of the choices for this kind of moment. Please choose one from the list, or leave it empty."
        );
        check_detail(store.conn(), "feeding", Some("bottle")).expect("bottle is a feeding detail");
        check_detail(store.conn(), "feeding", None).expect("a detail is optional");
    }
}
