//! Helpers for the session's unit tests: real journals in temporary folders.

use std::path::Path;

use nestling_store::{BackupInfo, Reason};

use crate::error::Error;
use crate::session::Session;

/// The passphrase the tests encrypt with.
pub(crate) const PASSPHRASE: &str = "correct horse";

/// A new, empty data folder.
pub(crate) fn folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A session on `dir`, as the app opens it at start.
pub(crate) fn open(dir: &Path) -> Session {
    Session::open(dir.to_path_buf())
}

/// Logs a moment two hours ago with `note`; returns its id.
pub(crate) fn log(session: &Session, note: &str) -> i64 {
    let start = chrono::Utc::now() - chrono::TimeDelta::hours(2);
    let input: nestling_journal::MomentInput = serde_json::from_value(serde_json::json!({
        "kindId": "skin_to_skin",
        "startedAt": start.to_rfc3339(),
        "utcOffsetSeconds": 0,
        "endedAt": (start + chrono::TimeDelta::minutes(30)).to_rfc3339(),
        "connection": 4,
        "feelings": ["calm"],
        "note": note,
        "private": false,
    }))
    .expect("an input");
    session
        .with_store(|store| -> Result<_, Error> {
            Ok(nestling_journal::moment::insert(
                store.conn(),
                &input,
                chrono::Utc::now(),
            )?)
        })
        .expect("logged")
        .id
}

/// How many moments the open journal holds.
pub(crate) fn moments(session: &Session) -> usize {
    let today = chrono::Local::now().date_naive();
    session
        .with_store(|store| -> Result<_, Error> {
            let filter = nestling_journal::Filter::default();
            let listing = nestling_journal::query::list_between(
                store.conn(),
                today - chrono::Days::new(1),
                today,
                &filter,
            )?;
            Ok(listing.moments.len())
        })
        .expect("listed")
}

/// Makes a backup of the open journal now.
pub(crate) fn backup(session: &Session) -> BackupInfo {
    session
        .with_store(|store| -> Result<_, Error> { Ok(store.backup(Reason::Manual)?) })
        .expect("backed up")
}

/// Fills the journal with enough pages that damaging its middle hits data.
pub(crate) fn fill(session: &Session) {
    let long = "a quiet afternoon together ".repeat(40);
    for _ in 0..60 {
        log(session, &long);
    }
}

/// Writes garbage over two pages in the middle of the journal file, as after a disk fault.
pub(crate) fn damage(dir: &Path) {
    let db = dir.join(nestling_store::DATABASE_FILE_NAME);
    let mut bytes = std::fs::read(&db).expect("read");
    let start = bytes.len() / 4096 / 2 * 4096;
    for (i, b) in bytes[start..start + 2 * 4096].iter_mut().enumerate() {
        *b = (i * 31 % 251) as u8;
    }
    std::fs::write(&db, &bytes).expect("damaged");
}
