//! Named fault points in the steps that convert the journal and its backups, write and remove
//! the key file and its spare, restore a backup, and swap files, so tests can prove that a crash
//! at any of them loses nothing.
//!
//! The step names are always compiled (they are only text); the hook that acts on them exists
//! only with the `fault-points` cargo feature, which is off by default, so the app's builds
//! carry no hook at all. With the feature, a process started with
//! `NESTLING_FAULT_AT=<step>` (or `<step>#<n>` to stop at the n-th time the step is reached)
//! aborts there at once: no destructors, no buffered writes, like a power cut after the last
//! sync. This module does not decide what a crash must leave behind; the tests in
//! `tests/interrupted.rs` do.

/// The environment variable that names the step to stop at.
pub const FAULT_ENV: &str = "NESTLING_FAULT_AT";

/// The pre-operation backup of the journal has been made and checked.
pub const JOURNAL_BACKED_UP: &str = "journal-backed-up";
/// A backup's copy is written in full as `.partial`, before its rename to the backup's name.
pub const BACKUP_COPIED: &str = "backup-copied";
/// A converted copy (of the journal or a backup) is written and synced, not yet verified.
pub const COPY_WRITTEN: &str = "copy-written";
/// The journal's converted copy (`.converting`) is written and verified.
pub const JOURNAL_STAGED: &str = "journal-staged";
/// A restore: the chosen backup's verified copy (`.restoring`) is written beside the journal.
pub const RESTORE_STAGED: &str = "restore-staged";
/// A restore over an unreadable journal: the journal is linked into `damaged/`, its side files
/// not yet moved there.
pub const SET_ASIDE: &str = "set-aside";
/// A restore: the current journal is backed up (or set aside when unreadable), not yet replaced.
pub const CURRENT_KEPT: &str = "current-kept";
/// The spare key file's temporary copy is written and synced, not yet renamed.
pub const KEY_SPARE_TEMP_WRITTEN: &str = "key-spare-temp-written";
/// The spare key file is in place; the key file itself is not yet written.
pub const KEY_SPARE_WRITTEN: &str = "key-spare-written";
/// The key file's temporary copy is written and synced, not yet renamed.
pub const KEY_TEMP_WRITTEN: &str = "key-temp-written";
/// The key file is in place (after its spare).
pub const KEY_WRITTEN: &str = "key-written";
/// One backup's converted copy is written and verified beside it.
pub const BACKUP_STAGED: &str = "backup-staged";
/// One backup's converted copy has been renamed over it.
pub const BACKUP_SWAPPED: &str = "backup-swapped";
/// The journal's write-ahead log is checkpointed, before the journal is closed.
pub const JOURNAL_CHECKPOINTED: &str = "journal-checkpointed";
/// The journal is closed and its side files removed, before the converted copy is renamed in.
pub const JOURNAL_CLOSED: &str = "journal-closed";
/// The converted copy has been renamed over the journal, before it is reopened.
pub const JOURNAL_SWAPPED: &str = "journal-swapped";
/// During a change of key: the journal and every backup are under the new data key, and the key
/// file still holds the retiring one.
pub const REKEYED: &str = "rekeyed";
/// The key file has been removed, its spare not yet.
pub const KEY_REMOVED: &str = "key-removed";
/// The key file and its spare have both been removed.
pub const KEY_SPARE_REMOVED: &str = "key-spare-removed";

/// Every step, in the order an operation that passes all of them reaches them.
pub const ALL_STEPS: &[&str] = &[
    JOURNAL_BACKED_UP,
    BACKUP_COPIED,
    COPY_WRITTEN,
    JOURNAL_STAGED,
    RESTORE_STAGED,
    SET_ASIDE,
    CURRENT_KEPT,
    KEY_SPARE_TEMP_WRITTEN,
    KEY_SPARE_WRITTEN,
    KEY_TEMP_WRITTEN,
    KEY_WRITTEN,
    BACKUP_STAGED,
    BACKUP_SWAPPED,
    JOURNAL_CHECKPOINTED,
    JOURNAL_CLOSED,
    JOURNAL_SWAPPED,
    REKEYED,
    KEY_REMOVED,
    KEY_SPARE_REMOVED,
];

/// Aborts the process when [`FAULT_ENV`] names `step` and this is the asked-for occurrence.
#[cfg(feature = "fault-points")]
pub(crate) fn point(step: &str) {
    use std::sync::atomic::{AtomicU32, Ordering};
    static HITS: AtomicU32 = AtomicU32::new(0);
    let Some(wanted) = std::env::var(FAULT_ENV).ok() else {
        return;
    };
    let (name, nth) = parse(&wanted);
    if name == step && HITS.fetch_add(1, Ordering::SeqCst) + 1 == nth {
        std::process::abort();
    }
}

/// Without the `fault-points` feature there is no hook: the call compiles to nothing.
#[cfg(not(feature = "fault-points"))]
#[inline(always)]
pub(crate) fn point(_step: &str) {}

/// `step#3` → (`step`, 3); a bare step (or an unreadable count) means its first occurrence.
#[cfg(any(feature = "fault-points", test))]
fn parse(wanted: &str) -> (&str, u32) {
    match wanted.split_once('#') {
        Some((name, n)) => (name, n.parse().unwrap_or(1)),
        None => (wanted, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_may_name_which_occurrence_stops_the_process() {
        assert_eq!(parse(BACKUP_SWAPPED), (BACKUP_SWAPPED, 1));
        assert_eq!(parse("backup-swapped#2"), (BACKUP_SWAPPED, 2));
    }

    #[test]
    fn every_step_name_is_listed_once() {
        let unique: std::collections::BTreeSet<_> = ALL_STEPS.iter().collect();
        assert_eq!(unique.len(), ALL_STEPS.len());
        assert!(ALL_STEPS.iter().all(|s| !s.contains('#')));
    }
}
