//! The library crate's one error type.
//!
//! Every message is a plain sentence for the parent (or the writer of an article): what is wrong,
//! where (file name and 1-based line in the file, front matter included), and how to fix it.
//! Variants carry names, lines and ids; prose lives only in the `#[error]` attributes below.

use crate::topic::Topic;

/// Everything that can go wrong in the library: a malformed article, a bad import, a reading
/// action on something that does not exist, or the database.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file does not start with a `+++` line.
    #[error("{file}, line 1: the article must start with front matter. Put a line with only +++ at the very top, then the title, summary, topics, order and published date, then another line with only +++.")]
    MissingFrontMatter {
        /// The article's file name.
        file: String,
    },
    /// The opening `+++` line has no closing partner.
    #[error("{file}, line {line}: the front matter that starts here is never closed. Add a line with only +++ after the last field.")]
    UnclosedFrontMatter {
        /// The article's file name.
        file: String,
        /// The line of the opening `+++`.
        line: usize,
    },
    /// The front matter is not valid TOML, has an unknown field, or a value of the wrong type.
    #[error("{file}, line {line}: the front matter could not be read ({detail}). Check the field names, that text is in \"double quotes\", lists are in [brackets] and dates look like 2026-11-26.")]
    InvalidFrontMatter {
        /// The article's file name.
        file: String,
        /// The line the TOML parser pointed at.
        line: usize,
        /// What the TOML parser said, on one line.
        detail: String,
    },
    /// A required front-matter field is absent.
    #[error(
        "{file}, line {line}: the front matter has no {field}. Add a line such as {}.",
        field_example(field)
    )]
    MissingField {
        /// The article's file name.
        file: String,
        /// The line of the opening `+++`.
        line: usize,
        /// The missing field's name.
        field: &'static str,
    },
    /// A text field (title, summary) is empty or only spaces.
    #[error("{file}, line {line}: the {field} is empty. Write it between the quotes.")]
    EmptyField {
        /// The article's file name.
        file: String,
        /// The field's line.
        line: usize,
        /// The empty field's name.
        field: &'static str,
    },
    /// The summary is longer than the list view can show.
    #[error("{file}, line {line}: the summary is {chars} characters long, and the most is {max}. Shorten it to a sentence or two.")]
    SummaryTooLong {
        /// The article's file name.
        file: String,
        /// The summary's line.
        line: usize,
        /// Its length in characters.
        chars: usize,
        /// The longest summary allowed.
        max: usize,
    },
    /// `topics` is an empty list.
    #[error(
        "{file}, line {line}: the article has no topics. Add at least one of: {}.",
        Topic::list()
    )]
    NoTopics {
        /// The article's file name.
        file: String,
        /// The `topics` line.
        line: usize,
    },
    /// A topic outside the fixed set.
    #[error("{file}, line {line}: \u{201c}{topic}\u{201d} is not one of Nestling's topics. Use one of: {}.", Topic::list())]
    UnknownTopic {
        /// The article's file name.
        file: String,
        /// The `topics` line.
        line: usize,
        /// The unknown topic as written.
        topic: String,
    },
    /// `order` is zero or negative.
    #[error("{file}, line {line}: order is {order}, but it must be a whole number from 1 up. It sets where the article sits in the list.")]
    InvalidOrder {
        /// The article's file name.
        file: String,
        /// The `order` line.
        line: usize,
        /// The value found.
        order: i64,
    },
    /// A date field holds a time, an offset or only a time.
    #[error(
        "{file}, line {line}: {field} must be a plain date like 2026-11-26, with no time of day."
    )]
    InvalidDate {
        /// The article's file name.
        file: String,
        /// The field's line.
        line: usize,
        /// `published` or `reviewed`.
        field: &'static str,
    },
    /// The file name does not give a usable slug.
    #[error("{file}: this file name cannot name an article. Use lowercase letters, digits and hyphens ending in .md, such as skin-to-skin-contact.md.")]
    InvalidSlug {
        /// The article's file name.
        file: String,
    },
    /// Nothing follows the front matter.
    #[error("{file}, line {line}: the article has no text after its front matter. Write the article below the closing +++ line.")]
    EmptyBody {
        /// The article's file name.
        file: String,
        /// The first line after the front matter.
        line: usize,
    },
    /// The body holds raw HTML (a tag or a comment), which is never shown.
    #[error("{file}, line {line}: the text contains HTML ({snippet}), which Nestling never shows. Write it in Markdown instead: **bold**, *italic*, [a link](https://example.org).")]
    RawHtml {
        /// The article's file name.
        file: String,
        /// The line where the HTML starts.
        line: usize,
        /// The start of the HTML, shortened and stripped of control characters.
        snippet: String,
    },
    /// A link to something other than the web, an e-mail address or another article.
    #[error("{file}, line {line}: the link to \u{201c}{url}\u{201d} cannot be opened from Nestling. Link to an https:// address, a mailto: address or another article's name.")]
    UnsafeLink {
        /// The article's file name.
        file: String,
        /// The link's line.
        line: usize,
        /// The link target, shortened.
        url: String,
    },
    /// An image, which the offline reader does not show.
    #[error("{file}, line {line}: the article has an image, and Nestling's articles show no images. Remove it, or describe the picture in words.")]
    ImageNotSupported {
        /// The article's file name.
        file: String,
        /// The image's line.
        line: usize,
    },
    /// A `#` heading in the body: the title comes from the front matter.
    #[error("{file}, line {line}: the text has a top-level heading (#). The title comes from the front matter; start sections at ## instead.")]
    TitleHeadingInBody {
        /// The article's file name.
        file: String,
        /// The heading's line.
        line: usize,
    },
    /// A heading more than one level deeper than the one before it.
    #[error("{file}, line {line}: a level-{level} heading follows a level-{previous} heading, skipping a level. Use {} here, or add the missing level above it.", "#".repeat(usize::from(*previous) + 1))]
    SkippedHeadingLevel {
        /// The article's file name.
        file: String,
        /// The heading's line.
        line: usize,
        /// This heading's level (2–6).
        level: u8,
        /// The level of the heading before it (1 stands for the title).
        previous: u8,
    },
    /// A heading with no text.
    #[error(
        "{file}, line {line}: this heading is empty. Give it a few words, or remove the # marks."
    )]
    EmptyHeading {
        /// The article's file name.
        file: String,
        /// The heading's line.
        line: usize,
    },
    /// Two headings that would get the same anchor.
    #[error("{file}, line {line}: the heading \u{201c}{heading}\u{201d} repeats the one on line {first_line}. Give each section its own heading so links to it stay unique.")]
    DuplicateHeading {
        /// The article's file name.
        file: String,
        /// The repeated heading's line.
        line: usize,
        /// The heading's text.
        heading: String,
        /// The line of the first heading with that anchor.
        first_line: usize,
    },
    /// Two files give the same slug.
    #[error("{file}: the article name \u{201c}{slug}\u{201d} is already used by {other_file}. Rename one of the two files.")]
    DuplicateSlug {
        /// The second file, which was not loaded.
        file: String,
        /// The file that keeps the name.
        other_file: String,
        /// The shared slug.
        slug: String,
    },
    /// Two articles share an `order` value.
    #[error("{file}, line {line}: order {order} is already used by {other_file}. Give each article its own order number.")]
    DuplicateOrder {
        /// The second file, which was not loaded.
        file: String,
        /// Its `order` line.
        line: usize,
        /// The shared value.
        order: i64,
        /// The file that keeps the value.
        other_file: String,
    },
    /// `related` names an article that is not in the library.
    #[error("{file}, line {line}: related lists \u{201c}{missing}\u{201d}, but there is no article with that name. Check the spelling against the file names, or remove it from related.")]
    BrokenRelated {
        /// The article that holds the broken link.
        file: String,
        /// Its `related` line.
        line: usize,
        /// The slug that does not resolve.
        missing: String,
    },
    /// An article's `related` list names the article itself.
    #[error("{file}, line {line}: related lists the article itself. List other articles only.")]
    RelatedToItself {
        /// The article's file name.
        file: String,
        /// Its `related` line.
        line: usize,
    },
    /// An entry of `sources` that is empty or only spaces.
    #[error("{file}, line {line}: source number {number} is empty. Name the guideline or review and its year between the quotes, or remove the entry.")]
    EmptySource {
        /// The article's file name.
        file: String,
        /// The `sources` line.
        line: usize,
        /// Which entry, counting from 1.
        number: usize,
    },
    /// An entry of `sources` longer than a name and a year need.
    #[error("{file}, line {line}: source number {number} is {chars} characters long, and the most is {max}. Give the guideline or review by its name and year only.")]
    SourceTooLong {
        /// The article's file name.
        file: String,
        /// The `sources` line.
        line: usize,
        /// Which entry, counting from 1.
        number: usize,
        /// Its length in characters.
        chars: usize,
        /// The longest entry allowed.
        max: usize,
    },
    /// More entries in `sources` than a reader can use.
    #[error("{file}, line {line}: sources lists {count} entries, and the most is {max}. Keep the guidelines and reviews the article relies on most.")]
    TooManySources {
        /// The article's file name.
        file: String,
        /// The `sources` line.
        line: usize,
        /// How many entries were listed.
        count: usize,
        /// The most allowed.
        max: usize,
    },
    /// An import larger than any real article.
    #[error("\u{201c}{file}\u{201d} is too large to import ({bytes} bytes; the most is {max}). Articles are much shorter than that: check that this is the right file.")]
    ImportTooLarge {
        /// The file's name.
        file: String,
        /// Its size.
        bytes: usize,
        /// The largest import allowed.
        max: usize,
    },
    /// An import that is not UTF-8 text.
    #[error("\u{201c}{file}\u{201d} is not a text file Nestling can read. Save it as a UTF-8 Markdown (.md) file and import it again.")]
    NotText {
        /// The file's name.
        file: String,
    },
    /// A file that could not be read at all.
    #[error("Nestling could not read \u{201c}{file}\u{201d}: {source}. Check that the file exists and can be opened.")]
    ReadFile {
        /// The file's path.
        file: String,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// An import whose name is already used in the library.
    #[error("\u{201c}{file}\u{201d} cannot be imported: the library already has an article named \u{201c}{slug}\u{201d}. Rename the file and import it again.")]
    SlugTaken {
        /// The imported file's name.
        file: String,
        /// The slug it would have had.
        slug: String,
    },
    /// Delete or restore of something that is not an imported article.
    #[error("There is no imported article called \u{201c}{slug}\u{201d}. Only articles you imported can be deleted or restored.")]
    NotImported {
        /// The slug asked for.
        slug: String,
    },
    /// A reading action on an article that is not in the library.
    #[error("There is no article called \u{201c}{slug}\u{201d} in the library. It may have been deleted.")]
    UnknownArticle {
        /// The slug asked for.
        slug: String,
    },
    /// A position inside an article names a section the article does not have.
    #[error("The article \u{201c}{slug}\u{201d} has no section \u{201c}{anchor}\u{201d}. It may have changed since; reopen it and try again.")]
    UnknownAnchor {
        /// The article's slug.
        slug: String,
        /// The anchor asked for.
        anchor: String,
    },
    /// Reading progress outside 0..=1 (or not a number).
    #[error("Reading progress must be a fraction from 0 to 1, not {fraction}.")]
    ProgressOutOfRange {
        /// The value received.
        fraction: f64,
    },
    /// A highlight with no text.
    #[error("A highlight needs some text. Select a few words and try again.")]
    EmptyQuote,
    /// A highlight longer than the limit.
    #[error("This highlight is {chars} characters long, and the most is {max}. Select a shorter passage.")]
    QuoteTooLong {
        /// The selection's length in characters.
        chars: usize,
        /// The longest highlight allowed.
        max: usize,
    },
    /// A highlight note longer than the limit.
    #[error("This note is {chars} characters long, and the most is {max}. Shorten it, or split it across two highlights.")]
    NoteTooLong {
        /// The note's length in characters.
        chars: usize,
        /// The longest note allowed.
        max: usize,
    },
    /// A highlight id that does not exist.
    #[error("There is no highlight number {id}. It may already have been deleted.")]
    HighlightNotFound {
        /// The id asked for.
        id: i64,
    },
    /// Any failure reported by SQLite (the reading data or the search index).
    #[error("Nestling could not read or save the library's data: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A stable snake_case code the UI can branch on.
    pub fn kind(&self) -> &'static str {
        use Error as E;
        match self {
            E::ImportTooLarge { .. } | E::NotText { .. } | E::ReadFile { .. } => "unreadable_file",
            E::SlugTaken { .. } => "conflict",
            E::NotImported { .. }
            | E::UnknownArticle { .. }
            | E::UnknownAnchor { .. }
            | E::HighlightNotFound { .. } => "not_found",
            E::ProgressOutOfRange { .. }
            | E::EmptyQuote
            | E::QuoteTooLong { .. }
            | E::NoteTooLong { .. } => "invalid_input",
            E::Sqlite(_) => "storage",
            _ => "invalid_article",
        }
    }

    /// The file an article problem is in, when there is one.
    pub fn file(&self) -> Option<&str> {
        use Error as E;
        match self {
            E::MissingFrontMatter { file }
            | E::UnclosedFrontMatter { file, .. }
            | E::InvalidFrontMatter { file, .. }
            | E::MissingField { file, .. }
            | E::EmptyField { file, .. }
            | E::SummaryTooLong { file, .. }
            | E::NoTopics { file, .. }
            | E::UnknownTopic { file, .. }
            | E::InvalidOrder { file, .. }
            | E::InvalidDate { file, .. }
            | E::InvalidSlug { file }
            | E::EmptyBody { file, .. }
            | E::RawHtml { file, .. }
            | E::UnsafeLink { file, .. }
            | E::ImageNotSupported { file, .. }
            | E::TitleHeadingInBody { file, .. }
            | E::SkippedHeadingLevel { file, .. }
            | E::EmptyHeading { file, .. }
            | E::DuplicateHeading { file, .. }
            | E::DuplicateSlug { file, .. }
            | E::DuplicateOrder { file, .. }
            | E::BrokenRelated { file, .. }
            | E::RelatedToItself { file, .. }
            | E::EmptySource { file, .. }
            | E::SourceTooLong { file, .. }
            | E::TooManySources { file, .. }
            | E::ImportTooLarge { file, .. }
            | E::NotText { file }
            | E::ReadFile { file, .. }
            | E::SlugTaken { file, .. } => Some(file),
            _ => None,
        }
    }

    /// The 1-based line in the file an article problem is on, when there is one.
    pub fn line(&self) -> Option<usize> {
        use Error as E;
        match self {
            E::MissingFrontMatter { .. } => Some(1),
            E::UnclosedFrontMatter { line, .. }
            | E::InvalidFrontMatter { line, .. }
            | E::MissingField { line, .. }
            | E::EmptyField { line, .. }
            | E::SummaryTooLong { line, .. }
            | E::NoTopics { line, .. }
            | E::UnknownTopic { line, .. }
            | E::InvalidOrder { line, .. }
            | E::InvalidDate { line, .. }
            | E::EmptyBody { line, .. }
            | E::RawHtml { line, .. }
            | E::UnsafeLink { line, .. }
            | E::ImageNotSupported { line, .. }
            | E::TitleHeadingInBody { line, .. }
            | E::SkippedHeadingLevel { line, .. }
            | E::EmptyHeading { line, .. }
            | E::DuplicateHeading { line, .. }
            | E::DuplicateOrder { line, .. }
            | E::BrokenRelated { line, .. }
            | E::RelatedToItself { line, .. }
            | E::EmptySource { line, .. }
            | E::SourceTooLong { line, .. }
            | E::TooManySources { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// An example line for a missing front-matter field.
fn field_example(field: &str) -> &'static str {
    match field {
        "title" => "title = \"Skin-to-skin contact\"",
        "summary" => "summary = \"One or two sentences about the article.\"",
        "topics" => "topics = [\"bonding\"]",
        "order" => "order = 13",
        _ => "published = 2026-11-26",
    }
}

/// Shortens text quoted from an article for a message: one line, no control characters.
pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.trim();
    if clean.chars().count() <= max_chars {
        return clean.to_owned();
    }
    let cut: String = clean.chars().take(max_chars).collect();
    format!("{}\u{2026}", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_strips_control_characters_and_marks_the_cut() {
        assert_eq!(shorten("a\u{1b}b\nc", 10), "a b c");
        assert_eq!(shorten("abcdefghij", 4), "abcd\u{2026}");
    }

    #[test]
    fn article_problems_know_their_file_and_line() {
        let err = Error::RawHtml {
            file: "a.md".into(),
            line: 12,
            snippet: "<b>".into(),
        };
        assert_eq!((err.file(), err.line()), (Some("a.md"), Some(12)));
        assert_eq!(err.kind(), "invalid_article");
    }

    #[test]
    fn a_skipped_level_suggests_the_right_number_of_marks() {
        let err = Error::SkippedHeadingLevel {
            file: "a.md".into(),
            line: 20,
            level: 4,
            previous: 2,
        };
        assert_eq!(
            err.to_string(),
            "a.md, line 20: a level-4 heading follows a level-2 heading, skipping a level. \
             Use ### here, or add the missing level above it."
        );
    }

    #[test]
    fn a_missing_field_shows_an_example_line() {
        let err = Error::MissingField {
            file: "a.md".into(),
            line: 1,
            field: "title",
        };
        assert_eq!(
            err.to_string(),
            "a.md, line 1: the front matter has no title. Add a line such as title = \"Skin-to-skin contact\"."
        );
    }
}
