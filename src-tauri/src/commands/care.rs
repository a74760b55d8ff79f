//! Care and safety: the Help screen's lines by region and the parent's own care team.
//!
//! `help_lines` needs no journal, so the Help screen works on the lock and recovery screens too;
//! the care team lives in the journal (encrypted with it) and is there only once it is open.

use chrono::Utc;
use nestling_help::{region_for_locale, Lines, Region};
use nestling_journal::care_team::{self, Contact, ContactInput};
use serde::Serialize;
use tauri::State;

use crate::error::Result;
use crate::AppState;

/// What the Help screen shows whatever the state of the journal.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HelpLines {
    /// Every shipped region with its emergency number and lines.
    regions: Vec<Region>,
    /// The region the computer's languages point to, if one is shipped.
    suggested: Option<&'static str>,
}

/// The shipped lines and the region the page's languages (most preferred first) suggest.
#[tauri::command]
pub(crate) async fn help_lines(locales: Vec<String>) -> Result<HelpLines> {
    let lines = Lines::shipped()?;
    let suggested = locales.iter().find_map(|locale| region_for_locale(locale));
    Ok(HelpLines {
        regions: lines.regions().to_vec(),
        suggested,
    })
}

/// The parent's care team, in their order.
#[tauri::command]
pub(crate) async fn list_contacts(state: State<'_, AppState>) -> Result<Vec<Contact>> {
    state.with_store(|store| Ok(care_team::list(store.conn())?))
}

/// Adds a contact at the end of the care team.
#[tauri::command]
pub(crate) async fn add_contact(
    state: State<'_, AppState>,
    input: ContactInput,
) -> Result<Contact> {
    state.with_store(|store| Ok(care_team::add(store.conn(), &input, Utc::now())?))
}

/// Changes a contact.
#[tauri::command]
pub(crate) async fn update_contact(
    state: State<'_, AppState>,
    id: i64,
    input: ContactInput,
) -> Result<Contact> {
    state.with_store(|store| Ok(care_team::update(store.conn(), id, &input, Utc::now())?))
}

/// Removes a contact for good (the screen asks first).
#[tauri::command]
pub(crate) async fn remove_contact(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.with_store(|store| Ok(care_team::remove(store.conn(), id)?))
}

/// Puts the care team in the order of `ids`.
#[tauri::command]
pub(crate) async fn reorder_contacts(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<Vec<Contact>> {
    state.with_store(|store| Ok(care_team::reorder(store.conn(), &ids)?))
}
