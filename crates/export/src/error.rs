//! The export crate's error type.
//!
//! Every message is a plain sentence the UI shows to the parent as it is. Variants carry ids,
//! counts, dates and positions in a document, never journal text: no note, name, feeling word or
//! title ever appears in an error — not even the text a JSON parser would quote back.

use chrono::NaiveDate;

/// Everything that can go wrong while choosing, building, exporting or importing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A range whose first day is after its last (or a "since" day after today).
    #[error("The first day of the range is after the last day. Please check both dates.")]
    RangeReversed {
        /// The first day that was given.
        first: NaiveDate,
        /// The last day of the range.
        last: NaiveDate,
    },
    /// A range longer than ten years.
    #[error("A report can cover up to 10 years. Please choose a shorter range.")]
    RangeTooLong {
        /// How many days the range has.
        days: i64,
    },
    /// "The last N days" with N outside 1 to 366.
    #[error("Please choose between 1 and 366 days for the range.")]
    DaysOutOfRange {
        /// The number of days that was given.
        days: u32,
    },
    /// A title longer than 120 characters.
    #[error("The title can be up to 120 characters long. Please shorten it.")]
    TitleTooLong {
        /// How many characters it has.
        chars: usize,
    },
    /// A title with control characters (such as a line break).
    #[error("The title must be a single line of ordinary text. Please retype it.")]
    TitleHasControl,
    /// A "prepared for" longer than 120 characters.
    #[error("The name of the person this report is for can be up to 120 characters long. Please shorten it.")]
    PreparedForTooLong {
        /// How many characters it has.
        chars: usize,
    },
    /// A "prepared for" with control characters.
    #[error("The name of the person this report is for must be a single line of ordinary text. Please retype it.")]
    PreparedForHasControl,
    /// A document that is not JSON, or is cut short.
    #[error("This file is not a readable Nestling journal (the problem is at line {line}, column {column}). It may be damaged or incomplete; nothing was imported.")]
    Malformed {
        /// The line of the problem, from 1.
        line: usize,
        /// The column of the problem, from 1.
        column: usize,
    },
    /// JSON that is not a Nestling journal export at all.
    #[error("This file is not a Nestling journal export. Please choose a file that Nestling exported as JSON; nothing was imported.")]
    NotAJournal,
    /// A document written by a newer Nestling.
    #[error("This journal was exported by a newer version of Nestling (format version {found}; this version reads up to {supported}). Please update Nestling, then import it again; nothing was imported.")]
    TooNew {
        /// The version in the document.
        found: u64,
        /// The newest version this code reads.
        supported: u64,
    },
    /// A field with a wrong type or value, at a known place in the document.
    #[error("The journal file has a wrong value at {path} (line {line}, column {column}). Nothing was imported.")]
    BadField {
        /// Where the field is, such as `moments[3].connection`.
        path: String,
        /// The line of the problem, from 1.
        line: usize,
        /// The column of the problem, from 1.
        column: usize,
    },
    /// A field whose value is well-formed but not allowed (a rating of 9, an unknown kind).
    #[error("The journal file has a value that Nestling cannot accept at {path}.{} Nothing was imported.", because(path))]
    InvalidValue {
        /// Where the field is, such as `moments[3].kindId`, and the journal's rule it breaks.
        path: Place,
    },
    /// An import into a journal that already holds the parent's own data.
    #[error("A journal can only be imported into an empty journal, and this one already has moments, babies, check-ins, contacts or kinds of your own. Nothing was imported or merged.")]
    JournalNotEmpty {
        /// Moments already there (including the trash).
        moments: u64,
        /// Babies already there.
        babies: u64,
        /// The parent's own kinds, feeling words, running timers, check-ins (including the
        /// trash) and care-team contacts already there.
        other: u64,
    },
    /// A failure while writing CSV (it is written to memory, so this is not expected).
    #[error("The CSV export could not be written. Please try again.")]
    CsvWrite,
    /// A failure while writing JSON (it is written to memory, so this is not expected).
    #[error("The JSON export could not be written. Please try again.")]
    JsonWrite,
    /// A failure reported by the journal.
    #[error(transparent)]
    Journal(#[from] nestling_journal::Error),
    /// Any other failure reported by SQLite; nothing was changed.
    #[error("The journal database reported a problem, and nothing was changed: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl Error {
    /// A stable snake_case code for the UI to branch on (the message is for people).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::RangeReversed { .. } => "invalid_input",
            Error::RangeTooLong { .. } => "invalid_input",
            Error::DaysOutOfRange { .. } => "invalid_input",
            Error::TitleTooLong { .. } => "invalid_input",
            Error::TitleHasControl => "invalid_input",
            Error::PreparedForTooLong { .. } => "invalid_input",
            Error::PreparedForHasControl => "invalid_input",
            Error::Malformed { .. } => "malformed",
            Error::NotAJournal => "not_a_journal",
            Error::TooNew { .. } => "too_new",
            Error::BadField { .. } => "bad_field",
            Error::InvalidValue { path } => path.rule().map_or("invalid_value", |r| r.kind()),
            Error::JournalNotEmpty { .. } => "journal_not_empty",
            Error::CsvWrite => "internal",
            Error::JsonWrite => "internal",
            Error::Journal(err) => err.kind(),
            Error::Sqlite(_) => "storage",
        }
    }
}

/// Where in a document a value was refused: a path such as `moments[3].connection` (it reads
/// as that text), and the journal's rule the value breaks, when it was the journal that refused
/// it.
#[derive(Debug)]
pub struct Place {
    path: String,
    rule: Option<Box<nestling_journal::Error>>,
}

impl Place {
    /// `path`, refused by the journal's `rule`.
    pub fn refused(path: String, rule: nestling_journal::Error) -> Self {
        Self {
            path,
            rule: Some(Box::new(rule)),
        }
    }

    /// The journal's rule the value breaks, if the journal refused it.
    pub fn rule(&self) -> Option<&nestling_journal::Error> {
        self.rule.as_deref()
    }
}

impl From<&str> for Place {
    fn from(path: &str) -> Self {
        Self {
            path: path.into(),
            rule: None,
        }
    }
}

impl std::ops::Deref for Place {
    type Target = str;

    fn deref(&self) -> &str {
        &self.path
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)
    }
}

/// The journal's own sentence for the rule broken, after a space; nothing without one.
fn because(place: &Place) -> String {
    place.rule().map(|r| format!(" {r}")).unwrap_or_default()
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_new_tells_the_parent_to_update() {
        let err = Error::TooNew {
            found: 2,
            supported: 1,
        };
        assert_eq!(err.kind(), "too_new");
        assert_eq!(
            err.to_string(),
            "This journal was exported by a newer version of Nestling (format version 2; this version reads up to 1). Please update Nestling, then import it again; nothing was imported."
        );
    }

    #[test]
    fn malformed_and_bad_field_say_where() {
        let err = Error::Malformed { line: 3, column: 7 };
        assert!(err.to_string().contains("line 3, column 7"));
        let err = Error::BadField {
            path: "moments[0].connection".into(),
            line: 12,
            column: 20,
        };
        assert_eq!(
            err.to_string(),
            "The journal file has a wrong value at moments[0].connection (line 12, column 20). Nothing was imported."
        );
        assert_eq!(err.kind(), "bad_field");
    }

    #[test]
    fn a_non_empty_journal_is_refused_in_plain_words() {
        let err = Error::JournalNotEmpty {
            moments: 3,
            babies: 1,
            other: 0,
        };
        assert_eq!(err.kind(), "journal_not_empty");
        assert!(err.to_string().contains("Nothing was imported or merged."));
    }

    #[test]
    fn range_errors_have_stable_codes_and_messages() {
        let err = Error::DaysOutOfRange { days: 0 };
        assert_eq!(
            (err.kind(), err.to_string().as_str()),
            (
                "invalid_input",
                "Please choose between 1 and 366 days for the range."
            )
        );
        let err = Error::RangeTooLong { days: 4000 };
        assert_eq!(err.kind(), "invalid_input");
    }
}
