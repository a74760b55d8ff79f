//! The list of help lines: its file format, the validated model and the shipped copy.
//!
//! # File format (`content/help/lines.toml`)
//!
//! ```toml
//! [[region]]
//! code = "GB"                       # ISO 3166-1 alpha-2, upper case; GB for the United Kingdom
//! name = "United Kingdom"
//!
//! [region.emergency]
//! numbers = ["999"]                 # as dialled locally
//! source = "https://…"              # the page that states the number
//! checked = "2026-12-02"            # the day that page was read
//!
//! [[region.line]]
//! name = "Samaritans"
//! kind = "crisis"                   # crisis | perinatal | parent | support
//! phone = "116 123"                 # optional if text is given
//! phone_alias = "…"                 # optional spelling in letters, e.g. "1-833-TLC-MAMA"
//! text = { number = "85258", keyword = "SHOUT" }   # optional; keyword optional
//! hours = "24 hours, every day"     # as the source states them
//! description = "…"                 # one line in our own words
//! source = "https://…"
//! checked = "2026-12-02"
//! ```
//!
//! Dates are quoted strings so that a malformed one is reported with its region and entry.
//! Unknown fields are refused, so a misspelt `sorce` cannot silently drop a source.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::validate;

/// The shipped file, embedded so the Help screen needs neither the disk nor the journal.
const SHIPPED: &str = include_str!("../../../content/help/lines.toml");

/// What a line is for. A small fixed set, so the Help screen can order and label lines by
/// urgency without reading their descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// For someone who may be in danger now: suicidal thoughts, thoughts of harming the baby,
    /// a mental health crisis. Usually around the clock.
    Crisis,
    /// Specialist support for mental health in pregnancy and after birth; not a crisis service.
    Perinatal,
    /// Advice on caring for a baby or young child (feeding, sleep, illness).
    Parent,
    /// General emotional support and information, for anyone who needs to talk.
    Support,
}

impl Kind {
    /// Every kind, in the order of urgency the Help screen shows them.
    pub const ALL: [Kind; 4] = [Kind::Crisis, Kind::Perinatal, Kind::Parent, Kind::Support];

    /// The kind's name as written in the file and sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Crisis => "crisis",
            Kind::Perinatal => "perinatal",
            Kind::Parent => "parent",
            Kind::Support => "support",
        }
    }

    /// The kind written as `name` in the file, if it is one of the fixed set.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// A phone number as dialled locally, with the digits alone for a `tel:` link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumber {
    /// As printed: digits grouped with spaces or hyphens, optional leading `+` (`116 123`).
    pub display: String,
    /// Only the digits, with the leading `+` if any (`116123`): what a dialler needs.
    pub dial: String,
    /// A spelling in letters shown beside the digits (`1-833-TLC-MAMA`), never dialled.
    pub alias: Option<String>,
}

/// A number that takes text messages, and the word to send when the service asks for one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextLine {
    /// The number to text.
    pub number: PhoneNumber,
    /// The word to send first, when the service routes by keyword.
    pub keyword: Option<String>,
}

/// A region's emergency numbers (police, ambulance, fire).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Emergency {
    /// At least one number; where a country has two (Ireland's 112 and 999), both.
    pub numbers: Vec<PhoneNumber>,
    /// The https page that states the numbers.
    pub source: String,
    /// The day that page was read.
    pub checked: NaiveDate,
}

/// One service a parent can call or text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// The service's name.
    pub name: String,
    /// What it is for.
    pub kind: Kind,
    /// The number to call, if it takes calls.
    pub phone: Option<PhoneNumber>,
    /// The number to text, if it takes texts.
    pub text: Option<TextLine>,
    /// Opening hours as the source states them.
    pub hours: String,
    /// One line in our own words.
    pub description: String,
    /// The https page that states the number.
    pub source: String,
    /// The day that page was read.
    pub checked: NaiveDate,
}

/// One region: its emergency numbers and its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// ISO 3166-1 alpha-2 code, upper case (`GB`, `IE`, `US`).
    pub code: String,
    /// The region's name in English.
    pub name: String,
    /// The emergency numbers.
    pub emergency: Emergency,
    /// The lines, in file order.
    pub lines: Vec<Line>,
}

/// A validated list of regions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lines {
    regions: Vec<Region>,
}

impl Lines {
    /// The list shipped in the binary, validated in every way but one: its `checked` dates are
    /// not compared with the computer's clock. A clock set wrong must never hide a crisis line;
    /// the content tests check the dates against the real date instead.
    pub fn shipped() -> Result<Lines> {
        Lines::parse(SHIPPED, NaiveDate::MAX)
    }

    /// Parses and validates a file in the format above. `today` bounds the `checked` dates.
    pub fn parse(text: &str, today: NaiveDate) -> Result<Lines> {
        let raw: RawFile = toml::from_str(text).map_err(|err| Error::Parse {
            detail: err.message().replace('\n', " "),
        })?;
        let regions = validate::regions(raw.region, today)?;
        Ok(Lines { regions })
    }

    /// Every region, in file order.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The region with this ISO code; `uk` and `UK` find `GB`, and case does not matter.
    pub fn region(&self, code: &str) -> Option<&Region> {
        let code = crate::locale::normalise_region(code)?;
        self.regions.iter().find(|region| region.code == code)
    }
}

/// The file as written, before validation: everything a person can forget is optional here so
/// that its absence is reported with a place rather than as a parse error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    region: Vec<RawRegion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRegion {
    pub(crate) code: String,
    pub(crate) name: Option<String>,
    pub(crate) emergency: Option<RawEmergency>,
    #[serde(default)]
    pub(crate) line: Vec<RawLine>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEmergency {
    #[serde(default)]
    pub(crate) numbers: Vec<String>,
    pub(crate) source: Option<String>,
    pub(crate) checked: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLine {
    pub(crate) name: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) phone: Option<String>,
    pub(crate) phone_alias: Option<String>,
    pub(crate) text: Option<RawText>,
    pub(crate) hours: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) checked: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawText {
    pub(crate) number: String,
    pub(crate) keyword: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::{Kind, Line, Lines, SHIPPED};
    use crate::locale::SUPPORTED_REGIONS;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).expect("a real date")
    }

    #[test]
    fn the_shipped_file_validates() {
        if let Err(err) = Lines::shipped() {
            panic!("{err}");
        }
    }

    #[test]
    fn the_shipped_file_covers_every_supported_region_with_emergency_and_crisis() {
        let lines = Lines::shipped().expect("valid");
        let mut codes: Vec<&str> = lines.regions().iter().map(|r| r.code.as_str()).collect();
        codes.sort_unstable();
        assert_eq!(codes, SUPPORTED_REGIONS);
        for region in lines.regions() {
            assert!(
                !region.emergency.numbers.is_empty(),
                "{} has no emergency number",
                region.code
            );
            assert!(
                region.lines.iter().any(|line| line.kind == Kind::Crisis),
                "{} has no crisis line",
                region.code
            );
        }
    }

    #[test]
    fn every_region_but_ireland_has_a_perinatal_or_parent_line() {
        // No such line for Ireland could be confirmed on a page of its own service; the file says
        // why. When one is added, Ireland joins this list.
        let lines = Lines::shipped().expect("valid");
        let covered: Vec<&str> = lines
            .regions()
            .iter()
            .filter(|region| {
                let for_parents = |line: &Line| matches!(line.kind, Kind::Perinatal | Kind::Parent);
                region.lines.iter().any(for_parents)
            })
            .map(|region| region.code.as_str())
            .collect();
        assert_eq!(covered, ["US", "GB", "CA", "AU", "NZ"]);
    }

    #[test]
    fn the_shipped_file_was_checked_no_later_than_the_real_date() {
        let real_today = chrono::Utc::now().date_naive();
        if let Err(err) = Lines::parse(SHIPPED, real_today) {
            panic!("{err}");
        }
    }

    #[test]
    fn a_clock_set_before_the_checked_dates_still_shows_every_line() {
        // Regression: the shipped list was checked against the computer's date, so a clock set
        // to a day before the newest `checked` date hid every line, crisis lines included.
        let before = NaiveDate::from_ymd_opt(2020, 1, 1).expect("a real date");
        assert!(matches!(
            Lines::parse(SHIPPED, before),
            Err(crate::Error::FutureDate { .. })
        ));
        let lines = Lines::shipped().expect("loads whatever the clock says");
        assert_eq!(
            lines.regions().len(),
            Lines::parse(SHIPPED, today())
                .expect("valid")
                .regions()
                .len()
        );
    }

    #[test]
    fn finds_a_region_by_code_ignoring_case_and_uk() {
        let lines = Lines::shipped().expect("valid");
        for code in ["GB", "gb", "UK", "uk"] {
            assert_eq!(
                lines.region(code).map(|r| r.code.as_str()),
                Some("GB"),
                "{code}"
            );
        }
        assert!(lines.region("DE").is_none());
        assert!(lines.region("").is_none());
    }

    #[test]
    fn serializes_in_camel_case_for_the_ui() {
        let lines = Lines::shipped().expect("valid");
        let json = serde_json::to_value(lines.region("US").expect("US")).expect("json");
        assert_eq!(json["emergency"]["numbers"][0]["dial"], "911");
        assert_eq!(json["lines"][0]["kind"], "crisis");
        assert_eq!(json["lines"][0]["checked"], "2026-12-04");
        assert!(json["lines"][0].get("phone").is_some());
        let all = serde_json::to_value(&lines).expect("json");
        assert_eq!(snake_case_keys(&all), Vec::<String>::new());
    }

    fn snake_case_keys(value: &serde_json::Value) -> Vec<String> {
        match value {
            serde_json::Value::Object(map) => map
                .iter()
                .flat_map(|(key, value)| {
                    let own = key.contains('_').then(|| key.clone());
                    own.into_iter().chain(snake_case_keys(value))
                })
                .collect(),
            serde_json::Value::Array(items) => items.iter().flat_map(snake_case_keys).collect(),
            _ => Vec::new(),
        }
    }
}
