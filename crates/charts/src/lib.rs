//! Nestling's charts of the parent's weeks, drawn as self-contained SVG.
//!
//! This crate owns turning the journal's weekly figures ([`nestling_journal::patterns`]) into
//! five charts — care, skin-to-skin, closeness, check-ins and who gave the care — each an SVG
//! with a `<title>`, a `<desc>` that says in plain text what it shows, a viewBox so it scales,
//! the theme's colours (never red), generic `sans-serif` text, no script and no external
//! reference. The app shows them as `data:` images; the PDF report can place the same SVG.
//! It does not compute figures, read the database or know about Tauri.
//!
//! **Why it depends on the journal.** The charts draw exactly the journal's
//! [`Week`](nestling_journal::patterns::Week) figures, so taking those types keeps one
//! definition of a week instead of a copy to keep in step. It adds nothing to the build of any
//! crate that draws charts: the app and the report (through the export crate) already depend
//! on the journal. This crate itself runs no SQL.
//!
//! **Why plotters.** Axes, tick placement, scaling and legends are what a charting library does
//! well; plotters with only its SVG backend adds four small crates and a few seconds of build
//! (`docs/charts.md`). Its output is wrapped by [`svg`] to add the title, description and
//! viewBox it does not write.
//!
//! The only text the parent typed that reaches a chart is a baby's or a kind's name, in the
//! description; it is XML-escaped like every other text.

mod draw;
mod error;
mod palette;
pub mod svg;
mod weekly;

use serde::{Serialize, Serializer};

pub use error::{Error, Result};
pub use palette::{Palette, Theme};
pub use weekly::for_patterns;

/// Which chart. In JSON: `care`, `skin`, `closeness`, `checkIns`, `who`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ChartId {
    /// Moments of care per day, averaged week by week, as bars.
    Care,
    /// Skin-to-skin minutes per week, as bars.
    Skin,
    /// Average connection and energy per week, as two lines on the 1–5 scale.
    Closeness,
    /// Mood and sleep from check-ins, per week.
    CheckIns,
    /// Who gave the care, as stacked shares per week.
    Who,
}

impl ChartId {
    /// The id as it appears in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartId::Care => "care",
            ChartId::Skin => "skin",
            ChartId::Closeness => "closeness",
            ChartId::CheckIns => "checkIns",
            ChartId::Who => "who",
        }
    }
}

/// One chart. Serialized for the UI with its SVG as a `data:image/svg+xml;base64,…` URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    /// Which chart.
    pub id: ChartId,
    /// Its title, as plain text.
    pub title: String,
    /// The SVG document (in JSON: as a data URL).
    #[serde(serialize_with = "as_data_url")]
    pub svg: String,
    /// A plain-text description for screen readers (the SVG's `<desc>`).
    pub alt: String,
}

fn as_data_url<S: Serializer>(svg: &str, serializer: S) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_str(&svg::data_url(svg))
}
