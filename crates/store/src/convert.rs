//! Faithful copies of a journal into a new file, encrypted or plain, and their verification.
//!
//! Encrypting or decrypting in place always goes through a copy: the engine's export function
//! writes every table, index, trigger and virtual table into a freshly attached file keyed (or
//! not) as asked; the copy is then opened on its own connection, integrity-checked, and every
//! table's row count compared with the original before anything is swapped in.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::connection::{self, APPLICATION_ID};
use crate::data_key::DataKey;
use crate::fault;
use crate::fsutil;
use crate::migrate;
use crate::{Error, Result};

/// Copies the database behind `conn` into the new file `dest`, keyed with `key` (plain when
/// `None`), and verifies the copy. On any failure `dest` is removed and `conn`'s file is
/// untouched; `original` names that file in errors.
pub(crate) fn export_verified(
    conn: &Connection,
    original: &Path,
    dest: &Path,
    key: Option<&DataKey>,
) -> Result<()> {
    fsutil::remove_database(dest)?;
    let result = export(conn, dest, key).and_then(|()| {
        fault::point(fault::COPY_WRITTEN);
        verify(conn, original, dest, key)
    });
    if result.is_err() {
        let _ = fsutil::remove_database(dest);
    }
    result
}

/// Copies the file `src` (keyed with `src_key`) into `dest` keyed with `dest_key`, verified.
pub(crate) fn convert_file(
    src: &Path,
    src_key: Option<&DataKey>,
    dest: &Path,
    dest_key: Option<&DataKey>,
) -> Result<()> {
    // The attached copy inherits these flags, so it may be created.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let conn = connection::connect(src, src_key, flags)?;
    connection::run_check(&conn, "PRAGMA integrity_check", src).map_err(|err| match err {
        Error::Damaged { path } => Error::BackupDamaged { path },
        other => other,
    })?;
    export_verified(&conn, src, dest, dest_key)
}

fn export(conn: &Connection, dest: &Path, key: Option<&DataKey>) -> Result<()> {
    let dest_name = dest.to_str().ok_or_else(|| Error::Io {
        path: dest.to_path_buf(),
        source: std::io::Error::other("the path is not valid text"),
    })?;
    let literal = key.map(DataKey::sql_literal);
    let key_text = literal.as_ref().map_or("", |k| k.as_str());
    conn.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        [dest_name, key_text],
    )?;
    let copied = copy_into_attached(conn);
    let detached = conn.execute_batch("DETACH DATABASE converted");
    copied?;
    detached?;
    sync_file(dest)
}

fn copy_into_attached(conn: &Connection) -> Result<()> {
    conn.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
    let version = migrate::current_version(conn)?;
    conn.pragma_update(Some("converted"), "user_version", version)?;
    conn.pragma_update(Some("converted"), "application_id", APPLICATION_ID)?;
    Ok(())
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(Error::io(path))
}

/// Opens the copy on its own connection: full integrity check, same version, same rows.
fn verify(conn: &Connection, original: &Path, dest: &Path, key: Option<&DataKey>) -> Result<()> {
    let mismatch = || Error::CopyMismatch {
        path: original.to_path_buf(),
    };
    let copy = connection::connect(dest, key, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    connection::run_check(&copy, "PRAGMA integrity_check", dest).map_err(|_| mismatch())?;
    let same_version = migrate::current_version(conn)? == migrate::current_version(&copy)?;
    let app_id: i64 = copy.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if !same_version || app_id != APPLICATION_ID || row_counts(conn)? != row_counts(&copy)? {
        return Err(mismatch());
    }
    Ok(())
}

/// Every table's name and row count, virtual tables and their shadow tables included.
pub(crate) fn row_counts(conn: &Connection) -> Result<BTreeMap<String, i64>> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names
        .into_iter()
        .map(|name| {
            let sql = format!(
                "SELECT count(*) FROM main.\"{}\"",
                name.replace('"', "\"\"")
            );
            let count = conn.query_row(&sql, [], |row| row.get(0))?;
            Ok((name, count))
        })
        .collect()
}
