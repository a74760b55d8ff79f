//! Migration 3 (`0003_library`) upgrades a journal at version 2 without touching what was in it,
//! and the library's tables are STRICT.

use nestling_store::{rusqlite::Connection, Store};

const V1: &str = include_str!("../../store/migrations/0001_settings.sql");
const V2: &str = include_str!("../../store/migrations/0002_journal.sql");

/// A journal file as version 2 of the app left it, with a setting in it.
fn version_two_journal(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("nestling.sqlite3");
    let conn = Connection::open(&path).expect("create");
    conn.execute_batch(V1).expect("version 1");
    conn.execute_batch(V2).expect("version 2");
    conn.execute(
        "INSERT INTO setting (key, value) VALUES ('theme', 'night')",
        [],
    )
    .expect("a setting");
    conn.pragma_update(None, "user_version", 2)
        .expect("version");
    path
}

#[test]
fn a_version_two_journal_upgrades_and_keeps_its_data() {
    let dir = tempfile::tempdir().expect("folder");
    let path = version_two_journal(dir.path());
    let store = Store::open_file(&path).expect("upgrades");
    assert_eq!(
        store.schema_version().expect("version"),
        nestling_store::latest_version()
    );
    let theme: String = store
        .conn()
        .query_row("SELECT value FROM setting WHERE key = 'theme'", [], |r| {
            r.get(0)
        })
        .expect("the setting survived");
    assert_eq!(theme, "night");
    for table in [
        "reading_progress",
        "reading_bookmark",
        "reading_highlight",
        "reading_recent",
        "imported_article",
    ] {
        let sql: String = store
            .conn()
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{table}: {e}"));
        assert!(
            sql.trim_end().ends_with("STRICT"),
            "{table} is not STRICT: {sql}"
        );
    }
}
