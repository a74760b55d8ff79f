//! One pass over an article's Markdown that collects what validation, the table of contents and
//! the search index need: headings, raw HTML, images, links and the plain text.
//!
//! Rendering ([`crate::render`]) parses with the same [`options`], so a heading's text and anchor
//! are the same here and in the rendered HTML.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::slug::is_valid_slug;

/// The Markdown extensions articles may use: tables, ~~strikethrough~~ and smart punctuation.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// A heading as found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScannedHeading {
    /// 1 for `#`, 2 for `##`, …
    pub(crate) level: u8,
    /// The heading's text, whitespace collapsed.
    pub(crate) text: String,
    /// Byte offset of the heading in the body.
    pub(crate) offset: usize,
}

/// What one pass over a body found. Offsets are byte offsets into the body.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub(crate) headings: Vec<ScannedHeading>,
    /// Raw HTML (tags and comments) with where it starts.
    pub(crate) html: Vec<(usize, String)>,
    pub(crate) images: Vec<usize>,
    pub(crate) links: Vec<(usize, String)>,
    /// The text of everything but the headings, blocks separated by newlines.
    pub(crate) plain: String,
    /// Words in the headings (the plain text holds the rest).
    pub(crate) heading_words: usize,
    in_heading: Option<ScannedHeading>,
}

/// Scans `body` once.
pub(crate) fn scan(body: &str) -> Scan {
    let mut scan = Scan::default();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        scan.event(event, range.start);
    }
    scan
}

impl Scan {
    fn event(&mut self, event: Event<'_>, start: usize) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => self.open_heading(level, start),
            Event::End(TagEnd::Heading(_)) => self.close_heading(),
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Html(html) | Event::InlineHtml(html) => self.html.push((start, html.into())),
            Event::Start(Tag::Image { .. }) => self.images.push(start),
            Event::Start(Tag::Link { dest_url, .. }) => self.links.push((start, dest_url.into())),
            Event::End(end) if ends_block(&end) => self.plain.push('\n'),
            _ => {}
        }
    }

    fn open_heading(&mut self, level: HeadingLevel, offset: usize) {
        self.in_heading = Some(ScannedHeading {
            level: level_number(level),
            text: String::new(),
            offset,
        });
    }

    fn close_heading(&mut self) {
        if let Some(mut heading) = self.in_heading.take() {
            heading.text = collapse_whitespace(&heading.text);
            self.heading_words += heading.text.split_whitespace().count();
            self.headings.push(heading);
        }
    }

    fn text(&mut self, text: &str) {
        match &mut self.in_heading {
            Some(heading) => heading.text.push_str(text),
            None => self.plain.push_str(text),
        }
    }

    /// Every word of the body, headings included.
    pub(crate) fn word_count(&self) -> usize {
        self.heading_words + self.plain.split_whitespace().count()
    }
}

fn ends_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::CodeBlock
            | TagEnd::BlockQuote(_)
    )
}

/// The number of `#` marks of a heading level.
pub(crate) fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Text with every run of whitespace turned into one space, trimmed.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a link points, which decides how it is checked and rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkKind {
    /// Another article (`slug`), a section (`#anchor`) or both (`slug#anchor`).
    Internal,
    /// A web page or e-mail address (`https:`, `http:`, `mailto:`): the UI asks before leaving.
    External,
    /// Anything else (`javascript:`, `data:`, `file:`, `//host`, relative paths): never a link.
    Unsafe,
}

/// Classifies a link target.
pub(crate) fn classify_link(url: &str) -> LinkKind {
    if is_internal(url) {
        return LinkKind::Internal;
    }
    let lower = url.trim().to_ascii_lowercase();
    let external = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    if external {
        LinkKind::External
    } else {
        LinkKind::Unsafe
    }
}

fn is_internal(url: &str) -> bool {
    let (slug, anchor) = url.split_once('#').unwrap_or((url, ""));
    let slug_ok = slug.is_empty() || is_valid_slug(slug);
    let anchor_ok = anchor.is_empty() || is_valid_slug(anchor);
    slug_ok && anchor_ok && !url.is_empty() && url != "#"
}

/// Turns byte offsets in a body into 1-based file lines, given the line the body starts on.
#[derive(Debug)]
pub(crate) struct Lines {
    /// Byte offset of every newline in the body.
    newlines: Vec<usize>,
    first_line: usize,
}

impl Lines {
    /// Lines of `body`, whose first line is line `first_line` of the file.
    pub(crate) fn new(body: &str, first_line: usize) -> Self {
        let newlines = body
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| (b == b'\n').then_some(i))
            .collect();
        Self {
            newlines,
            first_line,
        }
    }

    /// The file line of byte `offset` of the body.
    pub(crate) fn at(&self, offset: usize) -> usize {
        self.first_line + self.newlines.partition_point(|&newline| newline < offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_headings_with_levels_text_and_offsets() {
        let scan = scan("Intro\n\n## It's *here*\n\ntext\n\n### Deeper `code`\n");
        let found: Vec<_> = scan
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str()))
            .collect();
        assert_eq!(found, [(2, "It\u{2019}s here"), (3, "Deeper code")]);
        assert_eq!(scan.headings[0].offset, 7);
    }

    #[test]
    fn finds_raw_html_blocks_inline_tags_and_comments() {
        let scan = scan("<div>x</div>\n\nA <b>bold</b> word.\n\n<!-- note -->\n");
        assert_eq!(scan.html.len(), 4, "{:?}", scan.html);
        assert_eq!(scan.html[0].0, 0);
    }

    #[test]
    fn entities_and_autolinks_are_not_html() {
        let scan = scan("&lt;script&gt; and <https://example.org>\n");
        assert!(scan.html.is_empty(), "{:?}", scan.html);
        assert_eq!(scan.links.len(), 1);
    }

    #[test]
    fn counts_words_of_text_headings_and_lists_but_not_markup() {
        let scan = scan("## Two words\n\nOne **two** [three](x).\n\n- four\n- five six\n");
        assert_eq!(scan.word_count(), 8);
        assert!(!scan.plain.contains("Two words"));
    }

    #[test]
    fn classifies_links() {
        assert_eq!(classify_link("skin-to-skin-contact"), LinkKind::Internal);
        assert_eq!(classify_link("#when-to-reach-out"), LinkKind::Internal);
        assert_eq!(classify_link("sleep#naps"), LinkKind::Internal);
        assert_eq!(classify_link("https://nhs.uk"), LinkKind::External);
        assert_eq!(classify_link("MAILTO:a@b.c"), LinkKind::External);
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "../x",
            "",
            "#",
            "https://",
        ] {
            assert_eq!(classify_link(bad), LinkKind::Unsafe, "{bad}");
        }
    }

    #[test]
    fn lines_count_from_the_body_start() {
        let lines = Lines::new("a\nb\nc", 10);
        assert_eq!(lines.at(0), 10);
        assert_eq!(lines.at(4), 12);
        assert_eq!(lines.at(99), 12);
    }
}
