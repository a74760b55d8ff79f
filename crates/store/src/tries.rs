//! Wrong secrets in a row, kept in a small file beside the key file so that a restart does not
//! reset the wait before the next try.
//!
//! The file `nestling.tries` holds two numbers as text: `failures <n>` and `last <unix seconds>`.
//! It holds no secret and nothing of the journal. A missing or unreadable file counts as no
//! failures: the wait protects against guessing, and a parent must never be locked out by a
//! damaged counter.
//!
//! A try is counted as wrong *before* the secret is checked ([`Tries::begin`]) and settled
//! afterwards, so tries made at the same time each wait longer than the one before.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use crate::fsutil;
use crate::Result;

/// The counter file's name inside the data folder.
pub const TRIES_FILE_NAME: &str = "nestling.tries";

/// How long a try waits after `failures` wrong secrets in a row: nothing for the first three,
/// then 1, 2, 4… seconds, never more than 30. Typing slips cost nothing; guessing is slow.
pub fn delay_after(failures: u32) -> Duration {
    match failures {
        0..=2 => Duration::ZERO,
        n => Duration::from_secs((1u64 << (n - 3).min(5)).min(30)),
    }
}

/// How a try that [`Tries::begin`] counted turned out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The secret was right: the count starts again from nothing.
    Right,
    /// The secret was wrong: it stays counted.
    Wrong,
    /// The secret was never checked (the backup was not found, say): the try is not counted.
    Unchecked,
}

/// The persisted count of wrong secrets for one data folder.
#[derive(Debug)]
pub struct Tries {
    path: PathBuf,
    lock: Mutex<()>,
}

/// What the counter file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count {
    /// Wrong secrets in a row.
    pub failures: u32,
    /// When the last try began, in seconds since the Unix epoch.
    pub last: i64,
}

impl Count {
    /// How long a try starting at `now` (Unix seconds) still has to wait: the delay for this
    /// count, less the time already passed since the last try.
    pub fn wait_at(self, now: i64) -> Duration {
        let passed = u64::try_from(now.saturating_sub(self.last)).unwrap_or(0);
        delay_after(self.failures).saturating_sub(Duration::from_secs(passed))
    }

    fn parse(text: &str) -> Count {
        let mut count = Count::default();
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("failures", n)) => count.failures = n.trim().parse().unwrap_or(0),
                Some(("last", t)) => count.last = t.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
        count
    }

    fn text(self) -> String {
        format!("failures {}\nlast {}\n", self.failures, self.last)
    }
}

impl Tries {
    /// The counter of the data folder `dir`.
    pub fn in_dir(dir: &Path) -> Tries {
        Tries {
            path: dir.join(TRIES_FILE_NAME),
            lock: Mutex::new(()),
        }
    }

    /// What the file says now.
    pub fn read(&self) -> Count {
        std::fs::read_to_string(&self.path)
            .map(|text| Count::parse(&text))
            .unwrap_or_default()
    }

    /// Counts a try starting at `now` as wrong until it is settled, and returns the count as it
    /// was before it, whose [`Count::wait_at`] the try must wait first.
    pub fn begin(&self, now: i64) -> Result<Count> {
        let _guard = self
            .lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let before = self.read();
        let next = Count {
            failures: before.failures.saturating_add(1),
            last: now.max(before.last),
        };
        self.write(next)?;
        Ok(before)
    }

    /// Settles a try that [`Tries::begin`] counted.
    pub fn settle(&self, outcome: Outcome) -> Result<()> {
        let _guard = self
            .lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = self.read();
        let failures = match outcome {
            Outcome::Right => 0,
            Outcome::Wrong => now.failures,
            Outcome::Unchecked => now.failures.saturating_sub(1),
        };
        self.write(Count { failures, ..now })
    }

    fn write(&self, count: Count) -> Result<()> {
        fsutil::write_atomically(&self.path, count.text().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_slips_cost_nothing_then_each_try_waits_longer_up_to_half_a_minute() {
        let waits: Vec<u64> = (0..12).map(|n| delay_after(n).as_secs()).collect();
        assert_eq!(waits, vec![0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30, 30]);
    }

    #[test]
    fn time_already_waited_counts_towards_the_wait() {
        let count = Count {
            failures: 6,
            last: 1_000,
        };
        assert_eq!(count.wait_at(1_000), Duration::from_secs(8));
        assert_eq!(count.wait_at(1_005), Duration::from_secs(3));
        assert_eq!(count.wait_at(2_000), Duration::ZERO);
        assert_eq!(
            count.wait_at(0),
            Duration::from_secs(8),
            "a clock set back waits in full"
        );
    }

    #[test]
    fn the_count_survives_a_new_counter_on_the_same_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let tries = Tries::in_dir(dir.path());
        for _ in 0..4 {
            tries.begin(10).expect("counted");
            tries.settle(Outcome::Wrong).expect("settled");
        }
        let again = Tries::in_dir(dir.path());
        assert_eq!(
            again.read(),
            Count {
                failures: 4,
                last: 10
            }
        );
        again.begin(11).expect("counted");
        again.settle(Outcome::Right).expect("settled");
        assert_eq!(again.read().failures, 0);
    }

    #[test]
    fn an_unchecked_try_is_not_counted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let tries = Tries::in_dir(dir.path());
        tries.begin(1).expect("counted");
        tries.settle(Outcome::Wrong).expect("settled");
        tries.begin(2).expect("counted");
        tries.settle(Outcome::Unchecked).expect("settled");
        assert_eq!(tries.read().failures, 1);
    }

    #[test]
    fn tries_made_at_the_same_time_each_wait_longer_than_the_one_before() {
        let dir = tempfile::tempdir().expect("temp dir");
        let tries = std::sync::Arc::new(Tries::in_dir(dir.path()));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let tries = tries.clone();
                std::thread::spawn(move || tries.begin(5).expect("counted").failures)
            })
            .collect();
        let mut seen: Vec<u32> = handles
            .into_iter()
            .map(|h| h.join().expect("joined"))
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..8).collect::<Vec<_>>());
        assert_eq!(tries.read().failures, 8);
    }

    #[test]
    fn a_damaged_counter_file_counts_as_no_failures() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(TRIES_FILE_NAME), b"\xff\x00garbage").expect("written");
        assert_eq!(Tries::in_dir(dir.path()).read(), Count::default());
    }
}
