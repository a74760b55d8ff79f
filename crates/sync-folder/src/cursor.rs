//! What has been applied from one other device, so each of its files is delivered once.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// The numbers applied from one device: every number up to [`Cursor::through`], and any applied
/// out of order above it. The caller stores it (it is serde-serialisable) with what it applied,
/// in the same transaction, and marks a number only once its file is applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    through: u64,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    above: BTreeSet<u64>,
}

impl Cursor {
    /// The highest number such that it and every number below it are applied (0 for none):
    /// what an [`crate::Kind::Ack`] file reports.
    pub fn through(&self) -> u64 {
        self.through
    }

    /// Whether file `seq` is applied. Numbers start at 1, so 0 always is.
    pub fn contains(&self, seq: u64) -> bool {
        seq <= self.through || self.above.contains(&seq)
    }

    /// Records file `seq` as applied; marking it again changes nothing.
    pub fn mark(&mut self, seq: u64) {
        if self.contains(seq) {
            return;
        }
        self.above.insert(seq);
        while let Some(next) = self.through.checked_add(1) {
            if !self.above.remove(&next) {
                break;
            }
            self.through = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_out_of_order_and_advances_once_the_gap_is_filled() {
        let mut cursor = Cursor::default();
        cursor.mark(1);
        cursor.mark(3);
        assert_eq!(cursor.through(), 1);
        assert!(cursor.contains(3) && !cursor.contains(2));
        cursor.mark(2);
        assert_eq!(cursor.through(), 3);
        assert_eq!(
            cursor,
            Cursor {
                through: 3,
                above: BTreeSet::new()
            }
        );
    }

    #[test]
    fn round_trips_through_json() {
        let mut cursor = Cursor::default();
        cursor.mark(2);
        let json = serde_json::to_string(&cursor).expect("json");
        assert_eq!(json, r#"{"through":0,"above":[2]}"#);
        assert_eq!(serde_json::from_str::<Cursor>(&json).expect("back"), cursor);
    }
}
