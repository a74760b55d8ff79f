//! The parent's care team: the people they can turn to (their GP, midwife, health visitor,
//! therapist, partner, a friend), with a phone number and notes.
//!
//! The Help screen shows these contacts first, before any national line, so they live in the
//! journal and are encrypted with it. The table is `care_contact`, created by the store's
//! migration `0005_care`; its CHECK constraints repeat the limits below, so a row written
//! around this module is refused too.
//!
//! Contacts keep the order the parent gives them (`position`): the first is the one the Help
//! screen shows at the top. Removing a contact removes the row (there is no trash: a contact is
//! not something the parent wrote about their baby, and the Settings screen asks first).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::clean;
use crate::time::instant_at;
use crate::tx::atomically;
use crate::{Error, Result};

/// The longest a contact's name can be, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest a phone number can be, in characters.
pub const MAX_PHONE_CHARS: usize = 40;
/// The longest a contact's notes can be, in characters.
pub const MAX_NOTES_CHARS: usize = 2000;

/// Who a contact is to the parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Their family doctor.
    Gp,
    /// Their midwife.
    Midwife,
    /// Their health visitor or child-health nurse.
    HealthVisitor,
    /// Their therapist or counsellor.
    Therapist,
    /// Their partner.
    Partner,
    /// A friend.
    Friend,
    /// Someone in the family.
    Family,
    /// Anyone else.
    Other,
}

impl Role {
    /// The value stored in the `role` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Gp => "gp",
            Role::Midwife => "midwife",
            Role::HealthVisitor => "health_visitor",
            Role::Therapist => "therapist",
            Role::Partner => "partner",
            Role::Friend => "friend",
            Role::Family => "family",
            Role::Other => "other",
        }
    }

    fn parse(text: &str) -> Option<Role> {
        [
            Role::Gp,
            Role::Midwife,
            Role::HealthVisitor,
            Role::Therapist,
            Role::Partner,
            Role::Friend,
            Role::Family,
            Role::Other,
        ]
        .into_iter()
        .find(|role| role.as_str() == text)
    }
}

/// A contact as the UI shows it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// The contact's id.
    pub id: i64,
    /// Who they are to the parent.
    pub role: Role,
    /// Their name, or how the parent calls them.
    pub name: String,
    /// Their phone number as the parent typed it, or empty.
    pub phone: String,
    /// The parent's notes (when to call, the surgery's hours), or empty.
    pub notes: String,
    /// When the contact was added.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// Names and notes are the parent's own words: `Debug` keeps them out of logs and panics.
impl std::fmt::Debug for Contact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contact")
            .field("id", &self.id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// What the parent types to add a contact or change one.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactInput {
    /// Who they are to the parent.
    pub role: Role,
    /// Their name, 1 to 80 characters.
    pub name: String,
    /// Their phone number, optional: digits, spaces, `+`, `-`, `.`, brackets.
    #[serde(default)]
    pub phone: String,
    /// Notes, optional, up to 2,000 characters.
    #[serde(default)]
    pub notes: String,
}

impl std::fmt::Debug for ContactInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContactInput")
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// A contact's fields once cleaned and checked.
struct Checked {
    name: String,
    phone: String,
    notes: String,
}

fn checked(input: &ContactInput) -> Result<Checked> {
    Ok(Checked {
        name: checked_name(&input.name)?,
        phone: checked_phone(&input.phone)?,
        notes: checked_notes(&input.notes)?,
    })
}

fn checked_name(raw: &str) -> Result<String> {
    let name = clean::short_text(raw);
    match clean::chars(&name) {
        0 => Err(Error::ContactNameEmpty),
        n if n > MAX_NAME_CHARS => Err(Error::ContactNameTooLong { chars: n }),
        _ => Ok(name),
    }
}

/// A phone number as typed, with its spaces folded; empty is allowed. It must hold a digit and
/// nothing a dialled number cannot have, so that a mistyped field is caught while the parent is
/// calm rather than found out in a crisis.
fn checked_phone(raw: &str) -> Result<String> {
    let phone = clean::short_text(raw);
    let allowed = |c: char| c.is_ascii_digit() || " +-.()".contains(c);
    let valid = phone.is_empty()
        || (clean::chars(&phone) <= MAX_PHONE_CHARS
            && phone.chars().all(allowed)
            && phone.chars().any(|c| c.is_ascii_digit()));
    match valid {
        true => Ok(phone),
        false => Err(Error::ContactPhoneInvalid),
    }
}

fn checked_notes(raw: &str) -> Result<String> {
    let notes = clean::note_text(raw).trim().to_owned();
    match clean::chars(&notes) {
        n if n > MAX_NOTES_CHARS => Err(Error::ContactNotesTooLong { chars: n }),
        _ => Ok(notes),
    }
}

const COLUMNS: &str = "id, role, name, phone, notes, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Contact> {
    let role: String = row.get(1)?;
    let role = Role::parse(&role).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            rusqlite::types::Type::Text,
            "unknown care-team role".into(),
        )
    })?;
    Ok(Contact {
        id: row.get(0)?,
        role,
        name: row.get(2)?,
        phone: row.get(3)?,
        notes: row.get(4)?,
        created_at: instant_at(row, 5)?,
        updated_at: instant_at(row, 6)?,
    })
}

/// Every contact, in the parent's order.
pub fn list(conn: &Connection) -> Result<Vec<Contact>> {
    let sql = format!("SELECT {COLUMNS} FROM care_contact ORDER BY position, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One contact.
pub fn get(conn: &Connection, id: i64) -> Result<Contact> {
    let sql = format!("SELECT {COLUMNS} FROM care_contact WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?
        .ok_or(Error::ContactNotFound { id })
}

/// Adds a contact at the end of the list.
pub fn add(conn: &Connection, input: &ContactInput, now: DateTime<Utc>) -> Result<Contact> {
    let fields = checked(input)?;
    atomically(conn, || {
        conn.execute(
            "INSERT INTO care_contact (role, name, phone, notes, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4,
                     (SELECT ifnull(max(position), 0) + 1 FROM care_contact), ?5, ?5)",
            params![
                input.role.as_str(),
                fields.name,
                fields.phone,
                fields.notes,
                now.timestamp()
            ],
        )?;
        get(conn, conn.last_insert_rowid())
    })
}

/// Changes a contact's role, name, phone and notes.
pub fn update(
    conn: &Connection,
    id: i64,
    input: &ContactInput,
    now: DateTime<Utc>,
) -> Result<Contact> {
    let fields = checked(input)?;
    let changed = conn.execute(
        "UPDATE care_contact SET role = ?2, name = ?3, phone = ?4, notes = ?5, updated_at = ?6
         WHERE id = ?1",
        params![
            id,
            input.role.as_str(),
            fields.name,
            fields.phone,
            fields.notes,
            now.timestamp()
        ],
    )?;
    found(conn, id, changed)
}

/// Removes a contact for good.
pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    match conn.execute("DELETE FROM care_contact WHERE id = ?1", [id])? {
        0 => Err(Error::ContactNotFound { id }),
        _ => Ok(()),
    }
}

/// Puts the contacts in the order of `ids` (every contact, each once); returns the new list.
/// Ids not in the care team are refused and nothing moves.
pub fn reorder(conn: &Connection, ids: &[i64]) -> Result<Vec<Contact>> {
    atomically(conn, || {
        for (position, id) in ids.iter().enumerate() {
            let changed = conn.execute(
                "UPDATE care_contact SET position = ?2 WHERE id = ?1",
                params![id, position as i64 + 1],
            )?;
            found(conn, *id, changed)?;
        }
        list(conn)
    })
}

fn found(conn: &Connection, id: i64, changed: usize) -> Result<Contact> {
    match changed {
        0 => Err(Error::ContactNotFound { id }),
        _ => get(conn, id),
    }
}

/// Every contact with its stored position, in the parent's order: what the complete JSON
/// export of the journal holds, so a restore keeps the order exactly.
pub fn list_with_positions(conn: &Connection) -> Result<Vec<(Contact, i64)>> {
    let sql = format!("SELECT {COLUMNS}, position FROM care_contact ORDER BY position, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |row| Ok((from_row(row)?, row.get(7)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes contact `id` back exactly as a complete export recorded it: the journal's import
/// uses this to restore a backup, keeping the id, the `position` and both times.
///
/// `input` is checked and cleaned exactly as [`add`] checks it, so a contact that breaks a
/// rule is refused with the same error and nothing is written. An id that is already taken is
/// refused by the table.
pub fn restore_row(
    conn: &Connection,
    id: i64,
    input: &ContactInput,
    position: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> Result<Contact> {
    let fields = checked(input)?;
    atomically(conn, || {
        conn.execute(
            "INSERT INTO care_contact (id, role, name, phone, notes, position, created_at,
                                       updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                input.role.as_str(),
                fields.name,
                fields.phone,
                fields.notes,
                position,
                created_at.timestamp(),
                updated_at.timestamp()
            ],
        )?;
        get(conn, id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, now, store};

    fn contact(role: Role, name: &str, phone: &str) -> ContactInput {
        ContactInput {
            role,
            name: name.into(),
            phone: phone.into(),
            notes: String::new(),
        }
    }

    fn names(conn: &Connection) -> Vec<String> {
        list(conn)
            .expect("list")
            .into_iter()
            .map(|c| c.name)
            .collect()
    }

    #[test]
    fn adds_contacts_in_the_order_they_were_given() {
        let store = store();
        let midwife = contact(Role::Midwife, " Jo\tat the\nclinic ", "+44 20 7946 0000");
        let added = add(store.conn(), &midwife, now()).expect("added");
        add(store.conn(), &contact(Role::Friend, "Sam", ""), now()).expect("second");
        assert_eq!(added.name, "Jo at the clinic");
        assert_eq!(added.role, Role::Midwife);
        assert_eq!(get(store.conn(), added.id).expect("read back"), added);
        assert_eq!(names(store.conn()), ["Jo at the clinic", "Sam"]);
    }

    #[test]
    fn keeps_hostile_text_in_notes_as_typed() {
        let store = store();
        let notes = "<script>alert(1)</script> 👶 \u{202E}مرحبا\u{0007}\r\nline two";
        let input = ContactInput {
            notes: notes.into(),
            ..contact(Role::Therapist, "Dr <b>K</b>", "(555) 010-0199")
        };
        let added = add(store.conn(), &input, now()).expect("added");
        assert_eq!(
            added.notes,
            "<script>alert(1)</script> 👶 \u{202E}مرحبا\nline two"
        );
        assert_eq!(added.name, "Dr <b>K</b>");
    }

    #[test]
    fn rejects_an_empty_or_overlong_name() {
        let store = store();
        let empty = add(store.conn(), &contact(Role::Gp, " \n ", ""), now());
        assert!(matches!(empty, Err(Error::ContactNameEmpty)));
        let long = add(store.conn(), &contact(Role::Gp, &"a".repeat(81), ""), now());
        assert!(matches!(long, Err(Error::ContactNameTooLong { chars: 81 })));
        assert!(names(store.conn()).is_empty());
    }

    #[test]
    fn rejects_a_phone_number_that_cannot_be_dialled() {
        let store = store();
        for phone in [
            "call me",
            "+",
            "12345678901234567890123456789012345678901",
            "1;2",
        ] {
            let result = add(store.conn(), &contact(Role::Gp, "Surgery", phone), now());
            assert!(
                matches!(result, Err(Error::ContactPhoneInvalid)),
                "{phone:?} was accepted"
            );
        }
        let fine = add(
            store.conn(),
            &contact(Role::Gp, "Surgery", "0161 496 0000"),
            now(),
        );
        assert_eq!(fine.expect("dialable").phone, "0161 496 0000");
    }

    #[test]
    fn rejects_overlong_notes() {
        let store = store();
        let input = ContactInput {
            notes: "n".repeat(2001),
            ..contact(Role::Family, "Mum", "")
        };
        let result = add(store.conn(), &input, now());
        assert!(matches!(
            result,
            Err(Error::ContactNotesTooLong { chars: 2001 })
        ));
    }

    #[test]
    fn updates_a_contact_and_its_time() {
        let store = store();
        let added = add(store.conn(), &contact(Role::Gp, "Surgery", ""), now()).expect("added");
        let later = at("2025-02-01T09:00:00Z");
        let changed = update(
            store.conn(),
            added.id,
            &contact(Role::Therapist, "Kim", "555 0100"),
            later,
        )
        .expect("updated");
        assert_eq!(
            (changed.role, changed.name.as_str(), changed.phone.as_str()),
            (Role::Therapist, "Kim", "555 0100")
        );
        assert_eq!((changed.created_at, changed.updated_at), (now(), later));
    }

    #[test]
    fn an_unknown_contact_is_reported_by_id() {
        let store = store();
        let result = update(store.conn(), 9, &contact(Role::Gp, "X", ""), now());
        assert!(matches!(result, Err(Error::ContactNotFound { id: 9 })));
        assert!(matches!(
            remove(store.conn(), 9),
            Err(Error::ContactNotFound { id: 9 })
        ));
    }

    #[test]
    fn removes_a_contact() {
        let store = store();
        let a = add(store.conn(), &contact(Role::Gp, "A", ""), now()).expect("a");
        add(store.conn(), &contact(Role::Gp, "B", ""), now()).expect("b");
        remove(store.conn(), a.id).expect("removed");
        assert_eq!(names(store.conn()), ["B"]);
    }

    #[test]
    fn reorders_and_a_bad_id_moves_nothing() {
        let store = store();
        let a = add(store.conn(), &contact(Role::Gp, "A", ""), now()).expect("a");
        let b = add(store.conn(), &contact(Role::Gp, "B", ""), now()).expect("b");
        reorder(store.conn(), &[b.id, a.id]).expect("reordered");
        assert_eq!(names(store.conn()), ["B", "A"]);
        let bad = reorder(store.conn(), &[a.id, 99]);
        assert!(matches!(bad, Err(Error::ContactNotFound { id: 99 })));
        assert_eq!(names(store.conn()), ["B", "A"]);
    }

    #[test]
    fn debug_output_names_no_one() {
        let store = store();
        let added = add(
            store.conn(),
            &contact(Role::Partner, "Alexandra", "1"),
            now(),
        )
        .expect("added");
        assert!(!format!("{added:?}").contains("Alexandra"));
    }

    #[test]
    fn restore_row_keeps_the_id_position_and_times_and_lists_them_back() {
        let store = store();
        let (created, updated) = (at("2024-03-01T10:00:00Z"), at("2024-04-01T10:00:00Z"));
        let gp = contact(Role::Gp, "Surgery", "0161 496 0000");
        let friend = contact(Role::Friend, "Sam", "");
        restore_row(store.conn(), 9, &gp, 7, created, updated).expect("restored");
        restore_row(store.conn(), 4, &friend, 2, created, created).expect("restored");
        let listed = list_with_positions(store.conn()).expect("listed");
        let got: Vec<(i64, i64)> = listed.iter().map(|(c, p)| (c.id, *p)).collect();
        assert_eq!(got, [(4, 2), (9, 7)]);
        assert_eq!(
            (listed[1].0.created_at, listed[1].0.updated_at),
            (created, updated)
        );
    }

    #[test]
    fn restore_row_refuses_what_add_refuses_and_writes_nothing() {
        let store = store();
        let t = at("2024-03-01T10:00:00Z");
        let bad = contact(Role::Gp, "Surgery", "call me");
        let result = restore_row(store.conn(), 1, &bad, 1, t, t);
        assert!(matches!(result, Err(Error::ContactPhoneInvalid)));
        assert!(names(store.conn()).is_empty());
    }
}
