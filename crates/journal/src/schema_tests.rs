//! The journal's migration against older files: every old schema version upgrades with its data.

use nestling_store::rusqlite::Connection;
use nestling_store::Store;

use crate::testing::{input, now};
use crate::{moment, query, Filter};

/// A version 1 journal as Nestling 0.1 wrote it: marked as Nestling's, with one setting.
fn version_1_file(path: &std::path::Path) {
    let conn = Connection::open(path).expect("create");
    conn.execute_batch(
        "PRAGMA application_id = 1313166164;
         CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
         INSERT INTO setting (key, value) VALUES ('theme', 'night');
         PRAGMA user_version = 1;",
    )
    .expect("version 1 schema");
}

#[test]
fn a_version_1_journal_upgrades_keeping_its_settings_and_gains_the_journal() {
    let dir = tempfile::tempdir().expect("folder");
    let path = dir.path().join("nestling.sqlite3");
    version_1_file(&path);
    let store = Store::open_file(&path).expect("upgraded");
    assert_eq!(
        store.schema_version().expect("version"),
        nestling_store::latest_version()
    );
    let theme = nestling_store::settings::get_all(store.conn())
        .expect("settings")
        .theme;
    assert_eq!(theme, nestling_store::settings::Theme::Night);
    let m = moment::insert(
        store.conn(),
        &input("feeding", "2024-05-06T08:00:00Z"),
        now(),
    )
    .expect("the journal works");
    let day = query::list_day(store.conn(), m.local_date, &Filter::default()).expect("day");
    assert_eq!(day.moments, [m]);
}

#[test]
fn the_journal_tables_are_strict() {
    let store = Store::open_in_memory().expect("store");
    let err = store.conn().execute(
        "INSERT INTO baby (name, created_at) VALUES ('Ada', 'yesterday')",
        [],
    );
    assert!(
        err.is_err(),
        "a STRICT table refuses text in an INTEGER column"
    );
}

#[test]
fn every_error_has_its_own_stable_kind() {
    use crate::Error;
    let errors = [
        Error::EndBeforeStart,
        Error::StartInFuture,
        Error::TooLong,
        Error::TagEmpty,
        Error::MomentNotFound { id: 1 },
        Error::TimerNotFound { id: 1 },
    ];
    let kinds: std::collections::HashSet<_> = errors.iter().map(Error::kind).collect();
    assert_eq!(kinds.len(), errors.len());
    assert_eq!(Error::EndBeforeStart.kind(), "end_before_start");
    assert!(Error::TooLong.is_invalid_input());
    assert!(!Error::MomentNotFound { id: 1 }.is_invalid_input());
}
