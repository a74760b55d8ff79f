//! Atomic writes that nest: every change runs inside an SQLite savepoint.
//!
//! A savepoint outside a transaction starts one, and inside a caller's transaction it nests, so
//! the domain functions take a plain `&Connection` and still save all of a change or none of it.
//! A failure (or a panic) rolls back to the savepoint and leaves the database as it was.

use rusqlite::Connection;

use crate::Result;

/// Runs `change` inside a savepoint: released when it succeeds, rolled back when it fails.
pub(crate) fn atomically<T>(conn: &Connection, change: impl FnOnce() -> Result<T>) -> Result<T> {
    let guard = Guard::begin(conn)?;
    let value = change()?;
    guard.release()?;
    Ok(value)
}

/// Runs `change` inside a savepoint and always rolls it back: what a change would do, with
/// nothing kept (a preview).
pub(crate) fn rehearse<T>(conn: &Connection, change: impl FnOnce() -> Result<T>) -> Result<T> {
    let _guard = Guard::begin(conn)?;
    change()
}

/// An open savepoint that rolls back when dropped without being released.
struct Guard<'c> {
    conn: &'c Connection,
    open: bool,
}

impl<'c> Guard<'c> {
    fn begin(conn: &'c Connection) -> Result<Self> {
        conn.prepare_cached("SAVEPOINT nestling_journal")?
            .execute([])?;
        Ok(Self { conn, open: true })
    }

    fn release(mut self) -> Result<()> {
        self.conn
            .prepare_cached("RELEASE nestling_journal")?
            .execute([])?;
        self.open = false;
        Ok(())
    }
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing more can be done if the rollback itself fails; the connection reports it
            // on the next statement.
            let _ = self
                .conn
                .execute_batch("ROLLBACK TO nestling_journal; RELEASE nestling_journal");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn conn() -> Connection {
        let conn = Connection::open_in_memory().expect("in-memory database");
        conn.execute_batch("CREATE TABLE t (x INTEGER)")
            .expect("table");
        conn
    }

    fn count(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .expect("count")
    }

    #[test]
    fn a_successful_change_is_kept() {
        let conn = conn();
        atomically(&conn, || Ok(conn.execute("INSERT INTO t VALUES (1)", [])?)).expect("kept");
        assert_eq!(count(&conn), 1);
        assert!(conn.is_autocommit(), "no transaction is left open");
    }

    #[test]
    fn a_failed_change_leaves_nothing_behind() {
        let conn = conn();
        let result: Result<()> = atomically(&conn, || {
            conn.execute("INSERT INTO t VALUES (1)", [])?;
            Err(Error::TooLong)
        });
        assert!(matches!(result, Err(Error::TooLong)));
        assert_eq!(count(&conn), 0);
        assert!(conn.is_autocommit());
    }

    #[test]
    fn a_rehearsal_reports_its_result_and_keeps_nothing() {
        let conn = conn();
        let n = rehearse(&conn, || Ok(conn.execute("INSERT INTO t VALUES (1)", [])?));
        assert_eq!(n.expect("rehearsed"), 1);
        assert_eq!(count(&conn), 0);
        assert!(conn.is_autocommit());
    }

    #[test]
    fn savepoints_nest_inside_a_callers_transaction() {
        let mut conn = conn();
        let tx = conn.transaction().expect("outer transaction");
        let _ = atomically(&tx, || -> Result<()> {
            tx.execute("INSERT INTO t VALUES (1)", [])?;
            Err(Error::TooLong)
        });
        atomically(&tx, || Ok(tx.execute("INSERT INTO t VALUES (2)", [])?)).expect("inner");
        tx.commit().expect("outer commit");
        assert_eq!(count(&conn), 1);
    }
}
