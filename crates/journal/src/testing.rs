//! Helpers shared by the unit tests.

use chrono::{DateTime, Utc};
use nestling_store::Store;

use crate::moment::{self, Moment, MomentInput};

/// A migrated in-memory journal.
pub(crate) fn store() -> Store {
    Store::open_in_memory().expect("in-memory journal")
}

/// An instant from RFC 3339 text (any offset).
pub(crate) fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("valid RFC 3339")
        .with_timezone(&Utc)
}

/// A moment of `kind` starting at `start` (RFC 3339), logged in the offset `start` carries.
pub(crate) fn input(kind: &str, start: &str) -> MomentInput {
    let parsed = DateTime::parse_from_rfc3339(start).expect("valid RFC 3339");
    MomentInput {
        kind_id: kind.into(),
        started_at: parsed.with_timezone(&Utc),
        utc_offset_seconds: parsed.offset().local_minus_utc().into(),
        ..MomentInput::default()
    }
}

/// A fixed "now" well after every moment the tests log.
pub(crate) fn now() -> DateTime<Utc> {
    at("2025-01-01T12:00:00Z")
}

/// Inserts `input` as of [`now`].
pub(crate) fn log(store: &Store, input: &MomentInput) -> Moment {
    moment::insert(store.conn(), input, now()).expect("logged")
}

/// Counts the rows of `table`.
pub(crate) fn rows(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}
