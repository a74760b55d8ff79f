//! Babies: the children moments are logged for. Several at once (twins, siblings) are normal.
//!
//! A baby is never deleted, only archived: an archived baby keeps every moment logged for them,
//! is listed after the active ones, and cannot be chosen for a new moment or timer until the
//! profile is brought back with [`unarchive`].

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::clean;
use crate::time::{instant_at, optional_date_at, optional_instant_at};
use crate::{Error, Result};

/// The longest a baby's name can be, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// A baby as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Baby {
    /// The baby's id.
    pub id: i64,
    /// Name or nickname.
    pub name: String,
    /// Date of birth, when the parent gave it.
    pub birth_date: Option<NaiveDate>,
    /// Whether the profile is archived.
    pub archived: bool,
    /// When the profile was archived.
    pub archived_at: Option<DateTime<Utc>>,
    /// When the baby was added.
    pub created_at: DateTime<Utc>,
}

/// What the parent types to add a baby or change one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BabyInput {
    /// Name or nickname, 1 to 60 characters.
    pub name: String,
    /// Date of birth, optional (`YYYY-MM-DD` in JSON).
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
}

const COLUMNS: &str = "id, name, birth_date, archived_at, created_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Baby> {
    let archived_at = optional_instant_at(row, 3)?;
    Ok(Baby {
        id: row.get(0)?,
        name: row.get(1)?,
        birth_date: optional_date_at(row, 2)?,
        archived: archived_at.is_some(),
        archived_at,
        created_at: instant_at(row, 4)?,
    })
}

/// Checks and cleans a baby's name.
pub(crate) fn checked_name(raw: &str) -> Result<String> {
    let name = clean::short_text(raw);
    match clean::chars(&name) {
        0 => Err(Error::BabyNameEmpty),
        n if n > MAX_NAME_CHARS => Err(Error::BabyNameTooLong { chars: n }),
        _ => Ok(name),
    }
}

/// Adds a baby.
pub fn add(conn: &Connection, input: &BabyInput, now: DateTime<Utc>) -> Result<Baby> {
    let name = checked_name(&input.name)?;
    let birth = input.birth_date.map(crate::time::date_key);
    conn.execute(
        "INSERT INTO baby (name, birth_date, created_at) VALUES (?1, ?2, ?3)",
        params![name, birth, now.timestamp()],
    )?;
    get(conn, conn.last_insert_rowid())
}

/// The baby with `id`, archived or not.
pub fn get(conn: &Connection, id: i64) -> Result<Baby> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM baby WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::UnknownBaby { id })
}

/// Every baby: active ones first, then archived ones, each in the order they were added.
pub fn list(conn: &Connection) -> Result<Vec<Baby>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM baby ORDER BY archived_at IS NOT NULL, id"
    ))?;
    let babies = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(babies)
}

/// Changes a baby's name and birth date.
pub fn update(conn: &Connection, id: i64, input: &BabyInput) -> Result<Baby> {
    let name = checked_name(&input.name)?;
    let birth = input.birth_date.map(crate::time::date_key);
    let changed = conn.execute(
        "UPDATE baby SET name = ?2, birth_date = ?3 WHERE id = ?1",
        params![id, name, birth],
    )?;
    found(conn, id, changed)
}

/// Renames a baby, keeping the birth date.
pub fn rename(conn: &Connection, id: i64, name: &str) -> Result<Baby> {
    let name = checked_name(name)?;
    let changed = conn.execute("UPDATE baby SET name = ?2 WHERE id = ?1", params![id, name])?;
    found(conn, id, changed)
}

/// Archives a baby's profile; their moments stay. Archiving twice keeps the first date.
pub fn archive(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Baby> {
    conn.execute(
        "UPDATE baby SET archived_at = ifnull(archived_at, ?2) WHERE id = ?1",
        params![id, now.timestamp()],
    )?;
    get(conn, id)
}

/// Brings an archived profile back, so new moments can be logged for the baby again.
pub fn unarchive(conn: &Connection, id: i64) -> Result<Baby> {
    conn.execute("UPDATE baby SET archived_at = NULL WHERE id = ?1", [id])?;
    get(conn, id)
}

fn found(conn: &Connection, id: i64, changed: usize) -> Result<Baby> {
    match changed {
        0 => Err(Error::UnknownBaby { id }),
        _ => get(conn, id),
    }
}

/// Refuses a baby that is unknown, or archived unless it is `keep` (the one already chosen).
pub(crate) fn check_choosable(conn: &Connection, id: i64, keep: Option<i64>) -> Result<()> {
    let archived: Option<bool> = conn
        .prepare_cached("SELECT archived_at IS NOT NULL FROM baby WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?;
    match archived {
        None => Err(Error::UnknownBaby { id }),
        Some(true) if keep != Some(id) => Err(Error::ArchivedBaby { id }),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, store};

    fn named(name: &str) -> BabyInput {
        BabyInput {
            name: name.into(),
            birth_date: None,
        }
    }

    #[test]
    fn adds_a_baby_with_a_birth_date() {
        let store = store();
        let input = BabyInput {
            name: "  Ada ".into(),
            birth_date: NaiveDate::from_ymd_opt(2024, 3, 1),
        };
        let baby = add(store.conn(), &input, at("2024-03-05T10:00:00Z")).expect("added");
        assert_eq!(baby.name, "Ada");
        assert_eq!(baby.birth_date, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert!(!baby.archived);
        assert_eq!(get(store.conn(), baby.id).expect("read back"), baby);
    }

    #[test]
    fn twins_are_two_babies() {
        let store = store();
        let now = at("2024-03-05T10:00:00Z");
        add(store.conn(), &named("Ada"), now).expect("first");
        add(store.conn(), &named("Grace"), now).expect("second");
        let names: Vec<_> = list(store.conn())
            .expect("list")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(names, ["Ada", "Grace"]);
    }

    #[test]
    fn rejects_an_empty_name() {
        let store = store();
        let err =
            add(store.conn(), &named(" \t\n "), at("2024-03-05T10:00:00Z")).expect_err("refused");
        assert!(matches!(err, Error::BabyNameEmpty));
        assert_eq!(
            err.to_string(),
            "Please type a name or a nickname for the baby."
        );
        assert!(list(store.conn()).expect("list").is_empty());
    }

    #[test]
    fn rejects_a_name_over_sixty_characters() {
        let store = store();
        let err = add(
            store.conn(),
            &named(&"é".repeat(61)),
            at("2024-03-05T10:00:00Z"),
        )
        .expect_err("refused");
        assert!(matches!(err, Error::BabyNameTooLong { chars: 61 }));
        assert_eq!(
            err.to_string(),
            "A baby\u{2019}s name can be up to 60 characters long. Please shorten it."
        );
        add(
            store.conn(),
            &named(&"é".repeat(60)),
            at("2024-03-05T10:00:00Z"),
        )
        .expect("sixty characters (120 bytes) fit");
    }

    #[test]
    fn renames_and_changes_the_birth_date() {
        let store = store();
        let baby = add(store.conn(), &named("Bean"), at("2024-03-05T10:00:00Z")).expect("added");
        let renamed = rename(store.conn(), baby.id, "Ada").expect("renamed");
        assert_eq!(renamed.name, "Ada");
        let input = BabyInput {
            name: "Ada Rose".into(),
            birth_date: NaiveDate::from_ymd_opt(2024, 2, 29),
        };
        let updated = update(store.conn(), baby.id, &input).expect("updated");
        assert_eq!(updated.name, "Ada Rose");
        assert_eq!(updated.birth_date, NaiveDate::from_ymd_opt(2024, 2, 29));
    }

    #[test]
    fn renaming_an_unknown_baby_says_so() {
        let store = store();
        let err = rename(store.conn(), 42, "Ada").expect_err("unknown");
        assert!(matches!(err, Error::UnknownBaby { id: 42 }));
        assert_eq!(
            err.to_string(),
            "This baby (number 42) is not in the journal. Please choose a baby from the list, or none."
        );
    }

    #[test]
    fn lists_active_babies_before_archived_ones() {
        let store = store();
        let now = at("2024-03-05T10:00:00Z");
        let first = add(store.conn(), &named("Older"), now).expect("first");
        add(store.conn(), &named("Younger"), now).expect("second");
        archive(store.conn(), first.id, now).expect("archived");
        let listed = list(store.conn()).expect("list");
        let names: Vec<_> = listed.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Younger", "Older"]);
        assert!(listed[1].archived);
        assert_eq!(listed[1].archived_at, Some(now));
    }

    #[test]
    fn unarchiving_makes_a_baby_choosable_again() {
        let store = store();
        let now = at("2024-03-05T10:00:00Z");
        let baby = add(store.conn(), &named("Ada"), now).expect("added");
        archive(store.conn(), baby.id, now).expect("archived");
        let err = check_choosable(store.conn(), baby.id, None).expect_err("archived");
        assert_eq!(
            err.to_string(),
            "This baby\u{2019}s profile is archived. Bring it back from the archive to log new moments for them."
        );
        check_choosable(store.conn(), baby.id, Some(baby.id)).expect("kept when already chosen");
        assert!(!unarchive(store.conn(), baby.id).expect("back").archived);
        check_choosable(store.conn(), baby.id, None).expect("choosable");
    }
}
