//! One article: parsed from the text of its file, then validated, with no IO.
//!
//! [`Article::parse`] splits the front matter, reads the TOML, validates every field and the
//! Markdown body, and returns the first problem with its file, line and a hint. Checks that need
//! the whole library (unique slugs and orders, `related` links) are in [`crate::library`].

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::front_matter::{self, Parts, RawFrontMatter};
use crate::markdown::{self, classify_link, Lines, LinkKind, Scan};
use crate::slug::{file_stem, is_valid_slug, slugify};
use crate::{Error, Result, Topic};

/// The longest summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 240;

/// The most entries `sources` may list.
pub const MAX_SOURCES: usize = 12;

/// The longest entry of `sources`, in characters.
pub const MAX_SOURCE_CHARS: usize = 200;

/// Reading speed used for [`Article::reading_minutes`], in words per minute.
pub const WORDS_PER_MINUTE: usize = 200;

/// Where an article comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// Written for Nestling and built into the app.
    Shipped,
    /// Imported by the parent from a Markdown file.
    Imported,
}

/// One entry of a table of contents: a heading of the body and its anchor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TocEntry {
    /// 2 for `##`, 3 for `###`, …
    pub level: u8,
    /// The heading's text as displayed.
    pub text: String,
    /// The heading's `id` in the rendered HTML, unique within the article.
    pub anchor: String,
}

/// A valid article: front matter checked, body checked, reading time counted.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    slug: String,
    file: String,
    source: Source,
    title: String,
    summary: String,
    topics: Vec<Topic>,
    order: u32,
    published: NaiveDate,
    reviewed: Option<NaiveDate>,
    related: Vec<String>,
    sources: Vec<String>,
    body: String,
    toc: Vec<TocEntry>,
    word_count: usize,
    plain_text: String,
    lines: FieldLines,
}

/// Where fields checked later by the library were written, for its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FieldLines {
    pub(crate) order: usize,
    pub(crate) related: usize,
}

/// The validated front matter.
struct Meta {
    title: String,
    summary: String,
    topics: Vec<Topic>,
    order: u32,
    published: NaiveDate,
    reviewed: Option<NaiveDate>,
    related: Vec<String>,
    sources: Vec<String>,
}

/// The validated body.
struct Body {
    toc: Vec<TocEntry>,
    word_count: usize,
    plain_text: String,
}

impl Article {
    /// Parses and validates one shipped-style article. `file` is its file name (a path is
    /// fine); the slug is the name without folders and without `.md`.
    pub fn parse(file: &str, text: &str) -> Result<Article> {
        let slug = file_stem(file);
        if !is_valid_slug(slug) {
            return Err(Error::InvalidSlug { file: file.into() });
        }
        Self::parse_as(file, slug, text, Source::Shipped)
    }

    /// Parses and validates an article whose slug and source are already decided.
    pub(crate) fn parse_as(file: &str, slug: &str, text: &str, source: Source) -> Result<Article> {
        let parts = front_matter::split(file, text)?;
        let raw = front_matter::parse(file, &parts)?;
        let meta = validate_meta(file, slug, &parts, raw)?;
        let body = validate_body(file, &parts)?;
        Ok(Article {
            slug: slug.into(),
            file: file.into(),
            source,
            lines: FieldLines {
                order: front_matter::key_line(&parts, "order"),
                related: front_matter::key_line(&parts, "related"),
            },
            body: parts.body.into(),
            title: meta.title,
            summary: meta.summary,
            topics: meta.topics,
            order: meta.order,
            published: meta.published,
            reviewed: meta.reviewed,
            related: meta.related,
            sources: meta.sources,
            toc: body.toc,
            word_count: body.word_count,
            plain_text: body.plain_text,
        })
    }

    /// The stable name of the article, from its file name.
    pub fn slug(&self) -> &str {
        &self.slug
    }

    /// The file name it was loaded from.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Shipped with the app or imported by the parent.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The one- or two-sentence summary.
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// Its topics, without repeats, in the order written.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// Its place in the list (1 comes first).
    pub fn order(&self) -> u32 {
        self.order
    }

    /// The date it was published.
    pub fn published(&self) -> NaiveDate {
        self.published
    }

    /// The date it was last reviewed, when given.
    pub fn reviewed(&self) -> Option<NaiveDate> {
        self.reviewed
    }

    /// Slugs of related articles, without repeats.
    pub fn related(&self) -> &[String] {
        &self.related
    }

    /// The guidelines and reviews the article rests on, as plain text, without repeats.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The Markdown body (everything after the front matter).
    pub fn body(&self) -> &str {
        &self.body
    }

    /// Its headings with their anchors, in order.
    pub fn toc(&self) -> &[TocEntry] {
        &self.toc
    }

    /// Words in the body, headings included, markup excluded.
    pub fn word_count(&self) -> usize {
        self.word_count
    }

    /// Minutes to read at [`WORDS_PER_MINUTE`], rounded up, at least 1.
    pub fn reading_minutes(&self) -> u32 {
        let minutes = self.word_count.div_ceil(WORDS_PER_MINUTE).max(1);
        u32::try_from(minutes).unwrap_or(u32::MAX)
    }

    /// The body's text without markup or headings, for the search index.
    pub(crate) fn plain_text(&self) -> &str {
        &self.plain_text
    }

    /// Where `order` and `related` are written, for library-level messages.
    pub(crate) fn lines(&self) -> FieldLines {
        self.lines
    }

    /// Drops `related` slugs that are not in the library (after an import was deleted).
    pub(crate) fn retain_related(&mut self, keep: impl Fn(&str) -> bool) {
        self.related.retain(|slug| keep(slug));
    }
}

/// Each field in turn, in the order of the file format, so the first problem is reported.
fn validate_meta(file: &str, slug: &str, parts: &Parts<'_>, raw: RawFrontMatter) -> Result<Meta> {
    let line = |key| front_matter::key_line(parts, key);
    let published = required(file, "published", raw.published)?;
    Ok(Meta {
        title: required_text(
            file,
            line("title"),
            "title",
            required(file, "title", raw.title)?,
        )?,
        summary: validate_summary(
            file,
            line("summary"),
            required(file, "summary", raw.summary)?,
        )?,
        topics: validate_topics(file, line("topics"), required(file, "topics", raw.topics)?)?,
        order: validate_order(file, line("order"), required(file, "order", raw.order)?)?,
        published: date_only(file, line("published"), "published", published)?,
        reviewed: raw
            .reviewed
            .map(|date| date_only(file, line("reviewed"), "reviewed", date))
            .transpose()?,
        related: validate_related(file, line("related"), slug, raw.related.unwrap_or_default())?,
        sources: validate_sources(file, line("sources"), raw.sources.unwrap_or_default())?,
    })
}

/// The value of a required field, or [`Error::MissingField`] at the opening fence.
fn required<T>(file: &str, field: &'static str, value: Option<T>) -> Result<T> {
    value.ok_or_else(|| Error::MissingField {
        file: file.into(),
        line: 1,
        field,
    })
}

fn required_text(file: &str, line: usize, field: &'static str, value: String) -> Result<String> {
    let value = markdown::collapse_whitespace(&value);
    if value.is_empty() {
        return Err(Error::EmptyField {
            file: file.into(),
            line,
            field,
        });
    }
    Ok(value)
}

fn validate_summary(file: &str, line: usize, summary: String) -> Result<String> {
    let summary = required_text(file, line, "summary", summary)?;
    let chars = summary.chars().count();
    if chars > MAX_SUMMARY_CHARS {
        return Err(Error::SummaryTooLong {
            file: file.into(),
            line,
            chars,
            max: MAX_SUMMARY_CHARS,
        });
    }
    Ok(summary)
}

fn validate_topics(file: &str, line: usize, names: Vec<String>) -> Result<Vec<Topic>> {
    if names.is_empty() {
        return Err(Error::NoTopics {
            file: file.into(),
            line,
        });
    }
    let mut topics = Vec::with_capacity(names.len());
    for name in names {
        let topic = Topic::from_name(&name).ok_or_else(|| Error::UnknownTopic {
            file: file.into(),
            line,
            topic: crate::error::shorten(&name, 40),
        })?;
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    Ok(topics)
}

fn validate_order(file: &str, line: usize, order: i64) -> Result<u32> {
    u32::try_from(order)
        .ok()
        .filter(|&o| o >= 1)
        .ok_or(Error::InvalidOrder {
            file: file.into(),
            line,
            order,
        })
}

fn date_only(
    file: &str,
    line: usize,
    field: &'static str,
    value: toml::value::Datetime,
) -> Result<NaiveDate> {
    let invalid = || Error::InvalidDate {
        file: file.into(),
        line,
        field,
    };
    let date = match value {
        toml::value::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        } => date,
        _ => return Err(invalid()),
    };
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
    .ok_or_else(invalid)
}

fn validate_related(
    file: &str,
    line: usize,
    slug: &str,
    related: Vec<String>,
) -> Result<Vec<String>> {
    let mut unique: Vec<String> = Vec::with_capacity(related.len());
    for other in related {
        if other == slug {
            return Err(Error::RelatedToItself {
                file: file.into(),
                line,
            });
        }
        if !unique.contains(&other) {
            unique.push(other);
        }
    }
    Ok(unique)
}

/// Each entry on one line, not empty, not too long; no more than [`MAX_SOURCES`] of them.
fn validate_sources(file: &str, line: usize, sources: Vec<String>) -> Result<Vec<String>> {
    if sources.len() > MAX_SOURCES {
        return Err(Error::TooManySources {
            file: file.into(),
            line,
            count: sources.len(),
            max: MAX_SOURCES,
        });
    }
    let mut unique: Vec<String> = Vec::with_capacity(sources.len());
    for (index, source) in sources.iter().enumerate() {
        let source = validate_source(file, line, index + 1, source)?;
        if !unique.contains(&source) {
            unique.push(source);
        }
    }
    Ok(unique)
}

fn validate_source(file: &str, line: usize, number: usize, source: &str) -> Result<String> {
    let source = markdown::collapse_whitespace(source);
    if source.is_empty() {
        return Err(Error::EmptySource {
            file: file.into(),
            line,
            number,
        });
    }
    let chars = source.chars().count();
    if chars > MAX_SOURCE_CHARS {
        return Err(Error::SourceTooLong {
            file: file.into(),
            line,
            number,
            chars,
            max: MAX_SOURCE_CHARS,
        });
    }
    Ok(source)
}

fn validate_body(file: &str, parts: &Parts<'_>) -> Result<Body> {
    let lines = Lines::new(parts.body, parts.body_line);
    if parts.body.trim().is_empty() {
        return Err(Error::EmptyBody {
            file: file.into(),
            line: parts.body_line,
        });
    }
    let scan = markdown::scan(parts.body);
    check_markup(file, &lines, &scan)?;
    let toc = check_headings(file, &lines, &scan)?;
    Ok(Body {
        toc,
        word_count: scan.word_count(),
        plain_text: scan.plain,
    })
}

/// Raw HTML, images and links that cannot be followed safely.
fn check_markup(file: &str, lines: &Lines, scan: &Scan) -> Result<()> {
    if let Some((offset, html)) = scan.html.first() {
        return Err(Error::RawHtml {
            file: file.into(),
            line: lines.at(*offset),
            snippet: crate::error::shorten(html, 40),
        });
    }
    if let Some(offset) = scan.images.first() {
        return Err(Error::ImageNotSupported {
            file: file.into(),
            line: lines.at(*offset),
        });
    }
    let unsafe_link = scan
        .links
        .iter()
        .find(|(_, url)| classify_link(url) == LinkKind::Unsafe);
    match unsafe_link {
        Some((offset, url)) => Err(Error::UnsafeLink {
            file: file.into(),
            line: lines.at(*offset),
            url: crate::error::shorten(url, 60),
        }),
        None => Ok(()),
    }
}

/// No `#`, no skipped level, no empty heading, no two headings with the same anchor.
fn check_headings(file: &str, lines: &Lines, scan: &Scan) -> Result<Vec<TocEntry>> {
    let mut toc: Vec<TocEntry> = Vec::with_capacity(scan.headings.len());
    let mut first_lines: HashMap<String, usize> = HashMap::with_capacity(scan.headings.len());
    let mut previous = 1;
    for heading in &scan.headings {
        let line = lines.at(heading.offset);
        check_level(file, line, heading.level, previous)?;
        let anchor = Some(slugify(&heading.text))
            .filter(|anchor| !anchor.is_empty())
            .ok_or_else(|| Error::EmptyHeading {
                file: file.into(),
                line,
            })?;
        if let Some(&first_line) = first_lines.get(&anchor) {
            return Err(Error::DuplicateHeading {
                file: file.into(),
                line,
                heading: crate::error::shorten(&heading.text, 60),
                first_line,
            });
        }
        first_lines.insert(anchor.clone(), line);
        toc.push(TocEntry {
            level: heading.level,
            text: heading.text.clone(),
            anchor,
        });
        previous = heading.level;
    }
    Ok(toc)
}

fn check_level(file: &str, line: usize, level: u8, previous: u8) -> Result<()> {
    if level == 1 {
        return Err(Error::TitleHeadingInBody {
            file: file.into(),
            line,
        });
    }
    if level > previous + 1 {
        return Err(Error::SkippedHeadingLevel {
            file: file.into(),
            line,
            level,
            previous,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(front: &str, body: &str) -> String {
        format!("+++\n{front}+++\n{body}")
    }

    const FRONT: &str = "title = \"Sleep\"\nsummary = \"About sleep.\"\ntopics = [\"sleep\"]\norder = 3\npublished = 2026-11-26\n";

    fn parse(front: &str, body: &str) -> Result<Article> {
        Article::parse("sleep.md", &article(front, body))
    }

    #[test]
    fn a_valid_article_has_its_fields_toc_and_reading_time() {
        let body = "\nHello there.\n\n## Naps\n\nShort ones.\n\n### In the pram\n\nYes.\n";
        let a = parse(FRONT, body).expect("valid");
        assert_eq!((a.slug(), a.title(), a.order()), ("sleep", "Sleep", 3));
        assert_eq!(a.topics(), [Topic::Sleep]);
        assert_eq!(a.published().to_string(), "2026-11-26");
        assert_eq!(a.reviewed(), None);
        let anchors: Vec<_> = a
            .toc()
            .iter()
            .map(|t| (t.level, t.anchor.as_str()))
            .collect();
        assert_eq!(anchors, [(2, "naps"), (3, "in-the-pram")]);
        assert_eq!(a.word_count(), 9);
        assert_eq!(a.reading_minutes(), 1);
    }

    #[test]
    fn reading_time_rounds_up_at_two_hundred_words_a_minute() {
        let body = "word ".repeat(401);
        assert_eq!(parse(FRONT, &body).expect("valid").reading_minutes(), 3);
        let body = "word ".repeat(400);
        assert_eq!(parse(FRONT, &body).expect("valid").reading_minutes(), 2);
    }

    #[test]
    fn a_missing_title_names_the_field_and_shows_an_example() {
        let err = parse(&FRONT.replace("title = \"Sleep\"\n", ""), "Body").expect_err("refused");
        assert!(
            matches!(err, Error::MissingField { field: "title", .. }),
            "{err:?}"
        );
        assert_eq!(err.line(), Some(1));
    }

    #[test]
    fn every_required_field_is_required() {
        for field in ["title", "summary", "topics", "order", "published"] {
            let front: String = FRONT
                .lines()
                .filter(|l| !l.starts_with(field))
                .map(|l| format!("{l}\n"))
                .collect();
            let err = parse(&front, "Body").expect_err(field);
            assert!(
                matches!(err, Error::MissingField { field: f, .. } if f == field),
                "{err:?}"
            );
        }
    }

    #[test]
    fn a_blank_title_is_empty_and_reported_at_its_line() {
        let err = parse(&FRONT.replace("\"Sleep\"", "\"   \""), "Body").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "sleep.md, line 2: the title is empty. Write it between the quotes."
        );
    }

    #[test]
    fn a_summary_over_240_characters_is_refused_with_its_length() {
        let long = "a".repeat(241);
        let err = parse(&FRONT.replace("About sleep.", &long), "Body").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "sleep.md, line 3: the summary is 241 characters long, and the most is 240. Shorten it to a sentence or two."
        );
    }

    #[test]
    fn a_summary_of_exactly_240_characters_is_fine() {
        let exact = "é".repeat(240);
        assert!(parse(&FRONT.replace("About sleep.", &exact), "Body").is_ok());
    }

    #[test]
    fn an_unknown_topic_lists_the_known_ones() {
        let err = parse(
            &FRONT.replace("[\"sleep\"]", "[\"sleep\", \"napping\"]"),
            "B",
        )
        .expect_err("refused");
        assert_eq!(
            err.to_string(),
            "sleep.md, line 4: \u{201c}napping\u{201d} is not one of Nestling's topics. Use one of: \
             bonding, feelings, mental-health, birth, sleep, skin-to-skin, partners, getting-help, everyday-care."
        );
    }

    #[test]
    fn no_topics_is_refused() {
        let err = parse(&FRONT.replace("[\"sleep\"]", "[]"), "B").expect_err("refused");
        assert!(matches!(err, Error::NoTopics { line: 4, .. }), "{err:?}");
    }

    #[test]
    fn order_must_be_one_or_more() {
        let err = parse(&FRONT.replace("order = 3", "order = 0"), "B").expect_err("refused");
        assert!(
            matches!(
                err,
                Error::InvalidOrder {
                    line: 5,
                    order: 0,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn a_date_with_a_time_is_refused() {
        let front = FRONT.replace("2026-11-26", "2026-11-26T10:00:00");
        let err = parse(&front, "B").expect_err("refused");
        assert!(
            matches!(
                err,
                Error::InvalidDate {
                    line: 6,
                    field: "published",
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn a_quoted_date_is_a_type_error_at_its_line() {
        let front = FRONT.replace("2026-11-26", "\"2026-11-26\"");
        let err = parse(&front, "B").expect_err("refused");
        assert!(
            matches!(err, Error::InvalidFrontMatter { line: 6, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn related_to_itself_is_refused() {
        let front = format!("{FRONT}related = [\"sleep\"]\n");
        let err = parse(&front, "B").expect_err("refused");
        assert!(
            matches!(err, Error::RelatedToItself { line: 7, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn sources_are_optional_and_kept_in_order_trimmed_and_once() {
        assert!(parse(FRONT, "B").expect("valid").sources().is_empty());
        let front = format!(
            "{FRONT}sources = [\"  NICE guideline  CG192 (2014) \", \"WHO (2022)\", \"WHO (2022)\"]\n"
        );
        let a = parse(&front, "B").expect("valid");
        assert_eq!(a.sources(), ["NICE guideline CG192 (2014)", "WHO (2022)"]);
    }

    #[test]
    fn an_empty_source_is_refused_with_its_number_and_line() {
        let front = format!("{FRONT}sources = [\"WHO (2022)\", \"  \"]\n");
        let err = parse(&front, "B").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "sleep.md, line 7: source number 2 is empty. Name the guideline or review and its \
             year between the quotes, or remove the entry."
        );
    }

    #[test]
    fn a_source_over_200_characters_is_refused_and_200_is_fine() {
        let front = |source: &str| format!("{FRONT}sources = [\"{source}\"]\n");
        assert!(parse(&front(&"é".repeat(MAX_SOURCE_CHARS)), "B").is_ok());
        let err = parse(&front(&"a".repeat(MAX_SOURCE_CHARS + 1)), "B").expect_err("refused");
        assert!(
            matches!(
                err,
                Error::SourceTooLong {
                    line: 7,
                    number: 1,
                    chars: 201,
                    max: 200,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn more_than_twelve_sources_are_refused_and_twelve_are_fine() {
        let list = |n: usize| {
            let entries: Vec<String> = (1..=n).map(|i| format!("\"Review {i} (2020)\"")).collect();
            format!("{FRONT}sources = [{}]\n", entries.join(", "))
        };
        assert_eq!(
            parse(&list(MAX_SOURCES), "B")
                .expect("valid")
                .sources()
                .len(),
            12
        );
        let err = parse(&list(MAX_SOURCES + 1), "B").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "sleep.md, line 7: sources lists 13 entries, and the most is 12. Keep the guidelines \
             and reviews the article relies on most."
        );
    }

    #[test]
    fn sources_must_be_a_list_of_text() {
        let err = parse(&format!("{FRONT}sources = \"WHO (2022)\"\n"), "B").expect_err("refused");
        assert!(
            matches!(err, Error::InvalidFrontMatter { line: 7, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn raw_html_is_reported_at_its_file_line() {
        let err = parse(FRONT, "\nFine.\n\nA <span>tag</span>.\n").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "sleep.md, line 11: the text contains HTML (<span>), which Nestling never shows. \
             Write it in Markdown instead: **bold**, *italic*, [a link](https://example.org)."
        );
    }

    #[test]
    fn an_html_comment_is_raw_html_too() {
        let err = parse(FRONT, "Text\n\n<!-- hidden -->\n").expect_err("refused");
        assert!(matches!(err, Error::RawHtml { line: 10, .. }), "{err:?}");
    }

    #[test]
    fn a_javascript_link_is_refused() {
        let err = parse(FRONT, "[x](javascript:alert(1))\n").expect_err("refused");
        assert!(matches!(err, Error::UnsafeLink { line: 8, .. }), "{err:?}");
    }

    #[test]
    fn an_image_is_refused() {
        let err = parse(FRONT, "![a baby](https://example.org/b.png)\n").expect_err("refused");
        assert!(
            matches!(err, Error::ImageNotSupported { line: 8, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn a_top_level_heading_in_the_body_is_refused() {
        let err = parse(FRONT, "\n# Sleep\n").expect_err("refused");
        assert!(
            matches!(err, Error::TitleHeadingInBody { line: 9, .. }),
            "{err:?}"
        );
        let err = parse(FRONT, "Sleep\n=====\n").expect_err("setext too");
        assert!(
            matches!(err, Error::TitleHeadingInBody { line: 8, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn a_skipped_heading_level_is_refused() {
        let err = parse(FRONT, "## A\n\n#### B\n").expect_err("refused");
        assert!(
            matches!(
                err,
                Error::SkippedHeadingLevel {
                    line: 10,
                    level: 4,
                    previous: 2,
                    ..
                }
            ),
            "{err:?}"
        );
        let err = parse(FRONT, "### First\n").expect_err("must start at ##");
        assert!(
            matches!(
                err,
                Error::SkippedHeadingLevel {
                    level: 3,
                    previous: 1,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn going_back_up_several_levels_is_fine() {
        assert!(parse(FRONT, "## A\n\n### B\n\n#### C\n\n## D\n").is_ok());
    }

    #[test]
    fn a_repeated_heading_names_both_lines() {
        let err = parse(FRONT, "## Naps\n\n## Feeds\n\n## naps!\n").expect_err("refused");
        assert_eq!(
            err.to_string(),
            "sleep.md, line 12: the heading \u{201c}naps!\u{201d} repeats the one on line 8. \
             Give each section its own heading so links to it stay unique."
        );
    }

    #[test]
    fn an_empty_heading_is_refused() {
        let err = parse(FRONT, "## \u{1f319}\n").expect_err("refused");
        assert!(
            matches!(err, Error::EmptyHeading { line: 8, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn an_empty_body_is_refused() {
        let err = parse(FRONT, "\n  \n").expect_err("refused");
        assert!(matches!(err, Error::EmptyBody { line: 8, .. }), "{err:?}");
    }

    #[test]
    fn a_file_name_that_is_not_a_slug_is_refused() {
        let err = Article::parse("Sleep Tips.md", &article(FRONT, "B")).expect_err("refused");
        assert_eq!(
            err.to_string(),
            "Sleep Tips.md: this file name cannot name an article. Use lowercase letters, digits \
             and hyphens ending in .md, such as skin-to-skin-contact.md."
        );
    }

    #[test]
    fn repeated_topics_and_related_are_kept_once() {
        let front =
            FRONT.replace("[\"sleep\"]", "[\"sleep\", \"sleep\"]") + "related = [\"a\", \"a\"]\n";
        let a = parse(&front, "B").expect("valid");
        assert_eq!(a.topics(), [Topic::Sleep]);
        assert_eq!(a.related(), ["a"]);
    }
}
