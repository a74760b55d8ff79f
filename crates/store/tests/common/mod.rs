//! Helpers shared by the store's integration tests.
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

use nestling_store::rusqlite::{params, Connection};
use nestling_store::Store;

/// A moment with `note`, written with plain SQL into the `moment` table.
pub fn add_note(conn: &Connection, note: &str) -> i64 {
    conn.execute(
        "INSERT INTO moment (kind_id, started_at, utc_offset, who, created_at, updated_at, note)
         VALUES ('feeding', 1764000000, 3600, 'me', 1764000000, 1764000000, ?1)",
        params![note],
    )
    .expect("moment inserted");
    conn.last_insert_rowid()
}

/// Every note, in id order.
pub fn notes(conn: &Connection) -> Vec<(i64, String)> {
    conn.prepare("SELECT id, note FROM moment ORDER BY id")
        .expect("prepare")
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// A journal in a fresh folder with one distinctive note.
pub fn journal_with(note: &str) -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().expect("folder");
    let store = Store::open_in(tmp.path()).expect("opens");
    add_note(store.conn(), note);
    (tmp, store)
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Whether `needle` occurs anywhere in the file's bytes.
pub fn file_contains(path: &Path, needle: &[u8]) -> bool {
    let bytes = std::fs::read(path).expect("readable");
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// The files under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &str) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| file_contains(p, needle.as_bytes()))
        .collect()
}

/// A cheap fingerprint of a file's bytes (for "unchanged" checks, not security).
pub fn fingerprint(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("readable")
}
