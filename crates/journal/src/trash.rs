//! The trash: deleting a moment is soft and can be undone.
//!
//! [`soft_delete`] moves a moment to the trash (it leaves every list, total and search at once);
//! [`restore`] brings it back as it was; [`purge`] deletes one moment from the trash for good;
//! [`purge_expired`], which the app calls at start, deletes for good what has been in the trash
//! longer than [`RETENTION`]. Only moments in the trash can be purged. Purging also removes the
//! moment's feeling words, tags, full-text entry and unsaved note draft, in the same transaction.
//! Check-ins moved to the trash ([`crate::check_in::soft_delete`]) follow the same
//! [`RETENTION`]: [`purge_expired`] deletes them too.

use chrono::{DateTime, TimeDelta, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::moment::{self, from_row, Moment, COLUMNS};
use crate::tx::atomically;
use crate::{Error, Result};

/// How long a moment stays in the trash before [`purge_expired`] deletes it.
pub const RETENTION: TimeDelta = TimeDelta::days(30);

/// Moves moment `id` to the trash. A moment already there keeps its first deletion time.
pub fn soft_delete(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Moment> {
    conn.execute(
        "UPDATE moment SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now.timestamp()],
    )?;
    moment::get(conn, id)
}

/// Takes moment `id` out of the trash. A live moment is returned unchanged.
pub fn restore(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Moment> {
    conn.execute(
        "UPDATE moment SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL",
        params![id, now.timestamp()],
    )?;
    moment::get(conn, id)
}

/// Deletes moment `id` for good. Refused for a moment that is not in the trash.
pub fn purge(conn: &Connection, id: i64) -> Result<()> {
    let purged = atomically(conn, || {
        let deleted = conn.execute(
            "DELETE FROM moment WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id],
        )?;
        match (deleted, exists(conn, id)?) {
            (0, true) => Err(Error::PurgeLiveMoment { id }),
            (0, false) => Err(Error::MomentNotFound { id }),
            _ => crate::draft::discard(conn, &id.to_string()),
        }
    });
    purged.and_then(|()| forget_in_log(conn))
}

/// Folds the write-ahead log into the journal and empties it, so the pages that held purged
/// words do not wait there for the next checkpoint. Inside a caller's transaction this is left
/// to the caller, as SQLite cannot checkpoint there.
fn forget_in_log(conn: &Connection) -> Result<()> {
    if conn.is_autocommit() {
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    Ok(())
}

/// Deletes for good every moment and every check-in that has been in the trash longer than
/// [`RETENTION`]; returns how many.
pub fn purge_expired(conn: &Connection, now: DateTime<Utc>) -> Result<usize> {
    let cutoff = (now - RETENTION).timestamp();
    let purged = atomically(conn, || {
        let check_ins = conn.execute(
            "DELETE FROM check_in WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
            [cutoff],
        )?;
        // A draft's key is the moment id written in decimal, so the text forms are compared.
        conn.execute(
            "DELETE FROM note_draft WHERE key IN (
               SELECT CAST(id AS TEXT) FROM moment WHERE deleted_at IS NOT NULL AND deleted_at < ?1)",
            [cutoff],
        )?;
        let moments = conn.execute(
            "DELETE FROM moment WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
            [cutoff],
        )?;
        Ok(moments + check_ins)
    })?;
    if purged > 0 {
        forget_in_log(conn)?;
    }
    Ok(purged)
}

/// Every moment in the trash, the most recently deleted first.
pub fn list(conn: &Connection) -> Result<Vec<Moment>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM moment m WHERE m.deleted_at IS NOT NULL
          ORDER BY m.deleted_at DESC, m.id DESC"
    ))?;
    let moments = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(moments)
}

fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM moment WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, input, log, now, rows, store};
    use crate::{draft, MomentInput};

    fn draft_keys(store: &nestling_store::Store) -> Vec<String> {
        let drafts = draft::list(store.conn()).expect("drafts");
        drafts.into_iter().map(|d| d.key).collect()
    }

    #[test]
    fn deleting_moves_a_moment_to_the_trash_and_restoring_brings_it_back_whole() {
        let store = store();
        let original = log(
            &store,
            &MomentInput {
                feelings: vec!["calm".into()],
                tags: vec!["night".into()],
                note: "kept".into(),
                ..input("feeding", "2024-05-06T08:00:00Z")
            },
        );
        let later = at("2025-01-03T00:00:00Z");
        let trashed = soft_delete(store.conn(), original.id, later).expect("trashed");
        assert_eq!(trashed.deleted_at, Some(later));
        assert_eq!(list(store.conn()).expect("trash"), [trashed]);
        let restored = restore(store.conn(), original.id, later).expect("restored");
        assert_eq!(restored.deleted_at, None);
        assert_eq!(
            (restored.feelings, restored.tags, restored.note),
            (original.feelings, original.tags, original.note)
        );
        assert!(list(store.conn()).expect("trash").is_empty());
    }

    #[test]
    fn deleting_twice_keeps_the_first_deletion_time() {
        let store = store();
        let m = log(&store, &input("feeding", "2024-05-06T08:00:00Z"));
        soft_delete(store.conn(), m.id, now()).expect("trashed");
        let again = soft_delete(store.conn(), m.id, at("2025-02-01T00:00:00Z")).expect("again");
        assert_eq!(again.deleted_at, Some(now()));
    }

    #[test]
    fn the_trash_lists_the_most_recently_deleted_first() {
        let store = store();
        let a = log(&store, &input("feeding", "2024-05-06T08:00:00Z"));
        let b = log(&store, &input("rocking", "2024-05-06T09:00:00Z"));
        soft_delete(store.conn(), b.id, at("2025-01-02T00:00:00Z")).expect("trashed");
        soft_delete(store.conn(), a.id, at("2025-01-03T00:00:00Z")).expect("trashed");
        let ids: Vec<i64> = list(store.conn())
            .expect("trash")
            .iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(ids, [a.id, b.id]);
    }

    #[test]
    fn purging_deletes_a_moment_its_words_and_tags_for_good() {
        let store = store();
        let m = log(
            &store,
            &MomentInput {
                feelings: vec!["wistful".into()],
                tags: vec!["night".into()],
                ..input("feeding", "2024-05-06T08:00:00Z")
            },
        );
        soft_delete(store.conn(), m.id, now()).expect("trashed");
        purge(store.conn(), m.id).expect("purged");
        for table in ["moment", "moment_feeling", "moment_tag"] {
            assert_eq!(rows(&store, table), 0, "{table}");
        }
        assert_eq!(
            rows(&store, "feeling_word"),
            13,
            "the parent's word is still offered"
        );
        let err = moment::get(store.conn(), m.id).expect_err("gone");
        assert!(matches!(err, Error::MomentNotFound { .. }));
    }

    #[test]
    fn rejects_purging_a_moment_that_is_not_in_the_trash() {
        let store = store();
        let m = log(&store, &input("feeding", "2024-05-06T08:00:00Z"));
        let err = purge(store.conn(), m.id).expect_err("live");
        assert!(matches!(err, Error::PurgeLiveMoment { .. }));
        assert_eq!(
            err.to_string(),
            "Only moments in the trash can be deleted for good. Please move this moment to the trash first."
        );
        moment::get(store.conn(), m.id).expect("still there");
        assert!(matches!(
            purge(store.conn(), 999),
            Err(Error::MomentNotFound { id: 999 })
        ));
    }

    #[test]
    fn purges_only_what_has_been_in_the_trash_longer_than_thirty_days() {
        let store = store();
        let old = log(&store, &input("feeding", "2024-05-06T08:00:00Z"));
        let recent = log(&store, &input("rocking", "2024-05-06T09:00:00Z"));
        let live = log(&store, &input("bathing", "2024-05-06T10:00:00Z"));
        soft_delete(store.conn(), old.id, at("2025-01-01T00:00:00Z")).expect("trashed");
        soft_delete(store.conn(), recent.id, at("2025-01-02T00:00:01Z")).expect("trashed");
        let purged = purge_expired(store.conn(), at("2025-02-01T00:00:00Z")).expect("purged");
        assert_eq!(purged, 1);
        assert!(moment::get(store.conn(), old.id).is_err());
        moment::get(store.conn(), recent.id).expect("29 days and a bit in the trash");
        moment::get(store.conn(), live.id).expect("never in the trash");
    }

    #[test]
    fn check_ins_in_the_trash_for_thirty_days_are_purged_too() {
        use crate::check_in::{self, CheckInInput};
        let store = store();
        let taken = |when: &str| CheckInInput {
            taken_at: at(when),
            note: Some("kept private".into()),
            ..CheckInInput::default()
        };
        let old =
            check_in::insert(store.conn(), &taken("2024-05-06T08:00:00Z"), now()).expect("old");
        let recent =
            check_in::insert(store.conn(), &taken("2024-05-07T08:00:00Z"), now()).expect("recent");
        let live =
            check_in::insert(store.conn(), &taken("2024-05-08T08:00:00Z"), now()).expect("live");
        check_in::soft_delete(store.conn(), old.id, at("2025-01-01T00:00:00Z")).expect("trashed");
        check_in::soft_delete(store.conn(), recent.id, at("2025-01-02T00:00:01Z"))
            .expect("trashed");
        let purged = purge_expired(store.conn(), at("2025-02-01T00:00:00Z")).expect("purged");
        assert_eq!(purged, 1);
        assert!(matches!(
            check_in::get(store.conn(), old.id),
            Err(Error::CheckInNotFound { .. })
        ));
        check_in::get(store.conn(), recent.id).expect("29 days and a bit in the trash");
        check_in::get(store.conn(), live.id).expect("never in the trash");
    }

    #[test]
    fn purging_a_moment_forgets_its_draft_and_no_other() {
        let store = store();
        let gone = log(&store, &input("feeding", "2024-05-06T08:00:00Z"));
        let kept = log(&store, &input("rocking", "2024-05-06T09:00:00Z"));
        for key in [
            gone.id.to_string(),
            kept.id.to_string(),
            draft::NEW.to_string(),
        ] {
            draft::save(store.conn(), &key, "half a thought", now()).expect("draft");
        }
        soft_delete(store.conn(), gone.id, now()).expect("trashed");
        assert_eq!(
            draft_keys(&store).len(),
            3,
            "a draft waits while its moment is in the trash"
        );
        purge(store.conn(), gone.id).expect("purged");
        assert_eq!(draft_keys(&store), [kept.id.to_string(), "new".to_string()]);
    }

    #[test]
    fn a_refused_purge_keeps_the_draft() {
        let store = store();
        let live = log(&store, &input("feeding", "2024-05-06T08:00:00Z"));
        draft::save(store.conn(), &live.id.to_string(), "still writing", now()).expect("draft");
        purge(store.conn(), live.id).expect_err("live");
        assert_eq!(draft_keys(&store), [live.id.to_string()]);
    }

    #[test]
    fn expired_moments_take_their_drafts_with_them() {
        let store = store();
        let old = log(&store, &input("feeding", "2024-05-06T08:00:00Z"));
        let recent = log(&store, &input("rocking", "2024-05-06T09:00:00Z"));
        soft_delete(store.conn(), old.id, at("2025-01-01T00:00:00Z")).expect("trashed");
        soft_delete(store.conn(), recent.id, at("2025-01-30T00:00:00Z")).expect("trashed");
        for m in [&old, &recent] {
            draft::save(store.conn(), &m.id.to_string(), "words", now()).expect("draft");
        }
        purge_expired(store.conn(), at("2025-02-01T00:00:00Z")).expect("purged");
        assert_eq!(draft_keys(&store), [recent.id.to_string()]);
    }

    #[test]
    fn an_unknown_moment_cannot_be_deleted_or_restored() {
        let store = store();
        assert!(matches!(
            soft_delete(store.conn(), 5, now()),
            Err(Error::MomentNotFound { id: 5 })
        ));
        assert!(matches!(
            restore(store.conn(), 5, now()),
            Err(Error::MomentNotFound { id: 5 })
        ));
    }
}
