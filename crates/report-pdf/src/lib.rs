//! Nestling's therapist report as a PDF.
//!
//! This crate typesets a [`Report`] (built by the export crate, which owns choosing what is
//! shared) into PDF bytes with an embedded Typst compiler. The template reads the report only
//! as data from a virtual `report.json`, so anything the parent typed prints literally. It does
//! not choose moments, read the journal or write files.
//!
//! ```no_run
//! # fn demo(report: &nestling_export::Report) -> nestling_report_pdf::Result<()> {
//! use nestling_report_pdf::{Paper, Typesetter};
//! let typesetter = Typesetter::new(); // once; keep it
//! let pdf: Vec<u8> = typesetter.render(report, Paper::A4)?;
//! # Ok(()) }
//! ```

mod charts;
mod data;
mod error;
mod fonts;
mod world;

use std::path::Path;

use nestling_export::Report;
use serde::{Deserialize, Serialize};
use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use charts::report_charts;
pub use error::{Error, Result};
pub use fonts::SYSTEM_EMOJI_FONT;
pub use nestling_charts::{Chart, Theme};

/// The paper size of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    UsLetter,
}

/// Typesets reports. Holds the fonts, the parsed template and the standard library, so make one
/// and reuse it: it is `Send + Sync`, and each [`render`](Typesetter::render) is independent.
pub struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: typst::syntax::Source,
}

impl std::fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typesetter")
            .field("fonts", &self.fonts.len())
            .finish_non_exhaustive()
    }
}

impl Default for Typesetter {
    fn default() -> Self {
        Self::new()
    }
}

impl Typesetter {
    /// A typesetter with the shipped fonts and, when installed, the system's colour emoji font
    /// ([`SYSTEM_EMOJI_FONT`]).
    pub fn new() -> Self {
        Self::with_emoji_font(Some(Path::new(SYSTEM_EMOJI_FONT)))
    }

    /// A typesetter that reads its colour emoji font from `path` (none: no emoji font). Emoji
    /// that no font can draw are printed as their name in brackets, e.g. "[people hugging]".
    pub fn with_emoji_font(path: Option<&Path>) -> Self {
        let mut fonts = fonts::embedded();
        fonts.extend(fonts::emoji(path));
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: world::template(),
        }
    }

    /// Whether a colour emoji font was found and loaded.
    pub fn has_emoji_font(&self) -> bool {
        self.fonts
            .iter()
            .any(|f| f.info().family == "Noto Color Emoji")
    }

    /// Typesets `report` on `paper` and returns the PDF file's bytes. The same report gives the
    /// same bytes: the document's date is the report's `generated_on`, never the clock.
    pub fn render(&self, report: &Report, paper: Paper) -> Result<Vec<u8>> {
        let covered = |c: char| {
            self.fonts
                .iter()
                .any(|f| f.info().coverage.contains(c as u32))
        };
        let data = data::prepare(report, paper, &covered)?;
        let world = world::ReportWorld::new(self, data, report.generated_on);
        let document = typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|errors| Error::Template(describe(&world, &errors)))?;
        let (universal, tagged) = (pdf_options(true)?, pdf_options(false)?);
        let pdf = typst_pdf::pdf(&document, &universal)
            // PDF/UA-1 refuses glyphs no font has (a note in a script without a shipped font):
            // such a report is still written, tagged, without claiming PDF/UA conformance.
            .or_else(|_| typst_pdf::pdf(&document, &tagged))
            .map_err(|errors| Error::Pdf(describe(&world, &errors)));
        // Drop the compiler's memoised results: every report is different, and a long-running
        // app should not keep the last one's layout in memory.
        typst::comemo::evict(0);
        pdf
    }
}

/// Tagged PDF, and PDF/UA-1 when `universal` (the compiler then enforces its rules).
fn pdf_options(universal: bool) -> Result<PdfOptions> {
    let standards = if universal {
        PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|_| Error::Pdf("PDF/UA-1".into()))?
    } else {
        PdfStandards::default()
    };
    Ok(PdfOptions {
        ident: Smart::Custom("nestling-report".into()),
        creator: Smart::Custom(Some("Nestling".into())),
        standards,
        tagged: true,
        ..PdfOptions::default()
    })
}

/// Where in the template the diagnostics point. Their messages are left out on purpose: they
/// can quote the text being laid out, and journal text never goes into an error.
fn describe(world: &world::ReportWorld<'_>, errors: &[SourceDiagnostic]) -> String {
    let line = |e: &SourceDiagnostic| {
        let start = world.range(e.span)?.start;
        Some(world.template().lines().byte_to_line(start)? + 1)
    };
    let mut lines: Vec<String> = errors
        .iter()
        .map(|e| line(e).map_or_else(|| "report.typ".to_owned(), |n| format!("report.typ:{n}")))
        .collect();
    lines.dedup();
    format!("{} error(s) at {}", errors.len(), lines.join(", "))
}
