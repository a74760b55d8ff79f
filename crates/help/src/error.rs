//! The help crate's one error type.
//!
//! Every message is a sentence for whoever edits `content/help/lines.toml`: which region and which
//! entry (the emergency numbers, or a line by its name), what is wrong, and how to fix it.
//! Variants carry codes, names and the offending value; prose lives only in `#[error]`.

/// Where in the file a problem is: the region's code and the entry within it.
///
/// The entry is `"emergency"` for the emergency numbers, `"region"` for the region's own fields,
/// or the line's name (or its 1-based position when the name itself is the problem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The region's code as written in the file (possibly malformed).
    pub region: String,
    /// The entry within the region.
    pub entry: String,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "region {}, {}", self.region, self.entry)
    }
}

/// Everything that can be wrong with a list of help lines.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// The file is not valid TOML, or a field has the wrong type or an unknown name.
    #[error("lines.toml could not be read ({detail}). Check the field names, that text is in \"double quotes\" and that each region starts with [[region]].")]
    Parse {
        /// What the TOML parser said, on one line.
        detail: String,
    },
    /// The file has no regions at all.
    #[error(
        "lines.toml lists no regions. Add at least one [[region]] with its emergency numbers."
    )]
    NoRegions,
    /// A region code is not two upper-case letters.
    #[error("region {code:?}: the code must be two upper-case letters from ISO 3166 (GB for the United Kingdom, IE for Ireland).")]
    BadRegionCode {
        /// The code as written.
        code: String,
    },
    /// Two regions share a code.
    #[error("region {code}: listed twice. Merge the two [[region]] blocks into one.")]
    DuplicateRegion {
        /// The repeated code.
        code: String,
    },
    /// A required field is absent.
    #[error("{place}: {field} is missing. Add it; every number needs its source page and the date it was checked.")]
    MissingField {
        /// Where.
        place: Place,
        /// The missing field's name.
        field: &'static str,
    },
    /// A text field is empty or only spaces.
    #[error("{place}: {field} is empty. Write it between the quotes.")]
    EmptyField {
        /// Where.
        place: Place,
        /// The empty field's name.
        field: &'static str,
    },
    /// A text field is longer than the Help screen can show on one line.
    #[error("{place}: {field} has {chars} characters; keep it to {max} or fewer.")]
    TooLong {
        /// Where.
        place: Place,
        /// The field's name.
        field: &'static str,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A text field holds a control character (a tab, a newline, an escape…).
    #[error("{place}: {field} contains a control character. Remove tabs, line breaks and other invisible characters.")]
    ControlCharacter {
        /// Where.
        place: Place,
        /// The field's name.
        field: &'static str,
    },
    /// A source is not an https address.
    #[error("{place}: the source {url:?} is not an https:// address. Link the organisation's own page, over https, that states the number.")]
    NotHttps {
        /// Where.
        place: Place,
        /// The source as written.
        url: String,
    },
    /// A checked date is not a calendar date in the form 2026-12-02.
    #[error("{place}: checked {value:?} is not a date. Write the day the source was read, like 2026-12-02.")]
    BadDate {
        /// Where.
        place: Place,
        /// The value as written.
        value: String,
    },
    /// A checked date lies after today.
    #[error("{place}: checked {date} is after today ({today}). Write the day the source was actually read.")]
    FutureDate {
        /// Where.
        place: Place,
        /// The date as parsed.
        date: chrono::NaiveDate,
        /// The day the list was validated.
        today: chrono::NaiveDate,
    },
    /// A number is not digits with spaces or hyphens, an optional leading +, 3 to 20 digits.
    #[error("{place}: the number {number:?} is not well formed. Write digits as dialled locally, grouped with spaces or hyphens, with an optional leading + (3 to 20 digits); put a spelling in letters in the alias field.")]
    BadNumber {
        /// Where.
        place: Place,
        /// The number as written.
        number: String,
    },
    /// An alias does not spell the same keys as its number.
    #[error("{place}: the alias {alias:?} does not spell the number {number:?} on a phone keypad. Fix whichever is wrong; the digits are what gets dialled.")]
    AliasMismatch {
        /// Where.
        place: Place,
        /// The alias as written.
        alias: String,
        /// The number it sits beside.
        number: String,
    },
    /// A text keyword is not a single word of letters and digits.
    #[error(
        "{place}: the text keyword {keyword:?} must be one word of letters and digits, at most 20."
    )]
    BadKeyword {
        /// Where.
        place: Place,
        /// The keyword as written.
        keyword: String,
    },
    /// A line's kind is not one of the fixed set.
    #[error("{place}: kind {kind:?} is not known. Use one of crisis, perinatal, parent, support.")]
    UnknownKind {
        /// Where.
        place: Place,
        /// The kind as written.
        kind: String,
    },
    /// A line has neither a phone number nor a text number.
    #[error(
        "{place}: there is no way to reach this line. Give a phone number, a text number, or both."
    )]
    NoWayToReach {
        /// Where.
        place: Place,
    },
    /// A region has no emergency number.
    #[error("region {region}: there is no emergency number. Add the national emergency number under [region.emergency].")]
    NoEmergencyNumber {
        /// The region's code.
        region: String,
    },
}

/// The help crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
