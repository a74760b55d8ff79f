//! The typesetting world for one report: the template as the only source, `report.json` as the
//! only other file, the shipped fonts, and a fixed "today" (the report's own date), so nothing
//! depends on the machine, the clock or the network.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use crate::Typesetter;

/// The template, compiled into the binary.
const TEMPLATE: &str = include_str!("../template/report.typ");

static MAIN_ID: LazyLock<FileId> = LazyLock::new(|| file_id("report.typ"));
static DATA_ID: LazyLock<FileId> = LazyLock::new(|| file_id("report.json"));

fn file_id(name: &str) -> FileId {
    // Both names are fixed, valid relative paths; an invalid one would be a typo caught by
    // every test.
    let vpath = VirtualPath::new(name).unwrap_or_else(|_| unreachable!("fixed path {name}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The template as a parsed source (parsing is done once per typesetter).
pub(crate) fn template() -> Source {
    Source::new(*MAIN_ID, TEMPLATE.to_owned())
}

/// One render: the shared typesetter plus this report's data and date.
pub(crate) struct ReportWorld<'a> {
    typesetter: &'a Typesetter,
    data: Bytes,
    today: Option<Datetime>,
}

impl<'a> ReportWorld<'a> {
    /// A world whose `report.json` is `data` and whose today is `today`.
    pub(crate) fn new(typesetter: &'a Typesetter, data: Vec<u8>, today: NaiveDate) -> Self {
        let today = Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8);
        Self {
            typesetter,
            data: Bytes::new(data),
            today,
        }
    }
}

impl ReportWorld<'_> {
    /// The template's source.
    pub(crate) fn template(&self) -> &Source {
        &self.typesetter.main
    }
}

impl World for ReportWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.typesetter.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.typesetter.book
    }

    fn main(&self) -> FileId {
        *MAIN_ID
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN_ID {
            Ok(self.typesetter.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA_ID {
            Ok(self.data.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_with_slash().into())
}
