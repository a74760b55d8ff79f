//! Markdown to safe HTML, with heading anchors and a table of contents.
//!
//! The pipeline: `pulldown-cmark` events are rewritten (headings get stable anchors, raw HTML
//! becomes visible text, images become their description, links to the web are marked
//! `data-external`, links that are not safe lose their target), written as HTML, and then passed
//! through `ammonia` with an explicit allow-list. The allow-list is the real guarantee: whatever
//! the Markdown holds, the output has no script, style, iframe, event-handler attribute or
//! `javascript:` URL. Validation ([`crate::Article::parse`]) already refuses HTML, images and
//! unsafe links in articles; this module does not rely on it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::article::TocEntry;
use crate::markdown::{classify_link, collapse_whitespace, level_number, options, LinkKind};
use crate::slug::slugify;

/// Sanitized HTML and the table of contents of its headings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rendered {
    /// HTML that is safe to insert into the page as it is.
    pub html: String,
    /// Every heading in order, with the `id` it has in `html`.
    pub toc: Vec<TocEntry>,
}

/// Renders Markdown (without front matter) to sanitized HTML and a table of contents.
pub fn render_markdown(markdown: &str) -> Rendered {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    let toc = table_of_contents(&events);
    let rewritten = Rewriter::new(&toc).rewrite(events);
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    pulldown_cmark::html::push_html(&mut html, rewritten.into_iter());
    Rendered {
        html: sanitizer().clean(&html).to_string(),
        toc,
    }
}

/// Renders an article: its Markdown body as [`render_markdown`] does, then, when it names any,
/// its sources under a "Sources" heading.
///
/// The sources are plain text, never read as Markdown, and go through the same sanitizer. The
/// heading has no `id` and is not in the table of contents: the contents, reading positions
/// and highlights are anchored to the article's own sections, so an anchor here could never
/// clash with one of the body's, and "When to reach out" stays the last section listed.
pub fn render_article(markdown: &str, sources: &[String]) -> Rendered {
    let mut rendered = render_markdown(markdown);
    if !sources.is_empty() {
        rendered.html.push_str(&sources_html(sources));
    }
    rendered
}

/// `<h2>Sources</h2>` and a list of the sources, each as escaped text.
fn sources_html(sources: &[String]) -> String {
    let level = pulldown_cmark::HeadingLevel::H2;
    let mut events = vec![
        Event::Start(Tag::Heading {
            level,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        Event::Text("Sources".into()),
        Event::End(TagEnd::Heading(level)),
        Event::Start(Tag::List(None)),
    ];
    for source in sources {
        events.push(Event::Start(Tag::Item));
        events.push(Event::Text(source.as_str().into()));
        events.push(Event::End(TagEnd::Item));
    }
    events.push(Event::End(TagEnd::List(false)));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    sanitizer().clean(&html).to_string()
}

/// Every heading with an anchor unique within the document (`-2`, `-3`… added to repeats).
fn table_of_contents(events: &[Event<'_>]) -> Vec<TocEntry> {
    let mut toc = Vec::new();
    let mut anchors = Anchors::default();
    let mut current: Option<(u8, String)> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((level_number(*level), String::new()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading)) = &mut current {
                    heading.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = current.take() {
                    let text = collapse_whitespace(&text);
                    let anchor = anchors.unique(&text);
                    toc.push(TocEntry {
                        level,
                        text,
                        anchor,
                    });
                }
            }
            _ => {}
        }
    }
    toc
}

/// Hands out anchors that are unique within one document.
#[derive(Default)]
struct Anchors {
    used: HashSet<String>,
    /// The next number to try for each repeated slug, so 50,000 equal headings stay linear.
    next: HashMap<String, usize>,
}

impl Anchors {
    fn unique(&mut self, text: &str) -> String {
        let base = Some(slugify(text))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "section".into());
        if self.used.insert(base.clone()) {
            return base;
        }
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        let mut anchor = format!("{base}-{n}");
        while !self.used.insert(anchor.clone()) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        self.next.insert(base, n + 1);
        anchor
    }
}

/// How deeply elements may nest in the output. Real articles nest four or five deep; the HTML
/// parser inside the sanitizer slows down quadratically with depth (50,000 nested quotes took
/// over a minute), so deeper elements are flattened: their text is kept, their tags are not.
const MAX_DEPTH: usize = 32;

/// Rewrites events before they become HTML.
struct Rewriter<'t> {
    anchors: std::slice::Iter<'t, TocEntry>,
    /// What each open link became, so its end matches.
    links: Vec<LinkKind>,
    /// For each open element, whether its tags are kept (false beyond [`MAX_DEPTH`]).
    open: Vec<bool>,
}

impl<'t> Rewriter<'t> {
    fn new(toc: &'t [TocEntry]) -> Self {
        Self {
            anchors: toc.iter(),
            links: Vec::new(),
            open: Vec::new(),
        }
    }

    fn rewrite<'a>(mut self, events: Vec<Event<'a>>) -> Vec<Event<'a>> {
        events
            .into_iter()
            .filter_map(|event| self.limit_depth(event).and_then(|e| self.event(e)))
            .collect()
    }

    /// Drops the start and end tags of elements nested deeper than [`MAX_DEPTH`].
    fn limit_depth<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match &event {
            Event::Start(tag) => {
                let keep = self.open.len() < MAX_DEPTH;
                self.open.push(keep);
                if !keep && matches!(tag, Tag::Heading { .. }) {
                    // Keep the anchors of later headings in step with the table of contents.
                    self.anchors.next();
                }
                keep.then_some(event)
            }
            Event::End(_) => self.open.pop().unwrap_or(true).then_some(event),
            _ => Some(event),
        }
    }

    fn event<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match event {
            Event::Start(Tag::Heading { level, .. }) => Some(self.heading(level)),
            // Raw HTML is shown as the text it is, never interpreted.
            Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
            Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
            // An image keeps only its description: nothing is ever fetched.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => self.open_link(dest_url, title),
            Event::End(TagEnd::Link) => self.close_link(),
            other => Some(other),
        }
    }

    fn heading<'a>(&mut self, level: pulldown_cmark::HeadingLevel) -> Event<'a> {
        let id = self.anchors.next().map(|e| CowStr::from(e.anchor.clone()));
        Event::Start(Tag::Heading {
            level,
            id,
            classes: Vec::new(),
            attrs: Vec::new(),
        })
    }

    fn open_link<'a>(&mut self, url: CowStr<'a>, title: CowStr<'a>) -> Option<Event<'a>> {
        let kind = classify_link(&url);
        self.links.push(kind);
        match kind {
            LinkKind::Internal => Some(Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Inline,
                dest_url: url,
                title,
                id: CowStr::Borrowed(""),
            })),
            LinkKind::External => Some(Event::Html(external_link_tag(&url, &title).into())),
            LinkKind::Unsafe => None,
        }
    }

    fn close_link<'a>(&mut self) -> Option<Event<'a>> {
        match self.links.pop() {
            Some(LinkKind::Internal) => Some(Event::End(TagEnd::Link)),
            Some(LinkKind::External) => Some(Event::Html("</a>".into())),
            _ => None,
        }
    }
}

/// `<a href="…" data-external="true">`; `rel` is added by the sanitizer to every link.
fn external_link_tag(url: &str, title: &str) -> String {
    let mut tag = format!("<a href=\"{}\"", escape_attribute(url));
    if !title.is_empty() {
        tag.push_str(&format!(" title=\"{}\"", escape_attribute(title)));
    }
    tag.push_str(" data-external=\"true\">");
    tag
}

/// Escapes text for a double-quoted attribute. The sanitizer parses the result again, so this
/// only has to keep the value inside its quotes.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The allow-list. Anything not named here is removed (the text of unknown tags is kept,
/// except inside `script` and `style`, which are removed whole).
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::empty();
        builder
            .add_tags(ALLOWED_TAGS)
            .add_tag_attributes("a", ["href", "title", "data-external"])
            .add_tag_attributes("ol", ["start"])
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true)
            .clean_content_tags(HashSet::from(["script", "style"]));
        for heading in ["h2", "h3", "h4", "h5", "h6"] {
            builder.add_tag_attributes(heading, ["id"]);
        }
        builder
    })
}

/// `h1` is absent on purpose: the page's title is the only one.
const ALLOWED_TAGS: [&str; 25] = [
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "hr",
    "br",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str) -> String {
        render_markdown(markdown).html
    }

    #[test]
    fn headings_get_anchors_and_a_table_of_contents() {
        let out = render_markdown("## What it is\n\ntext\n\n### It's *safe*\n");
        assert_eq!(
            out.html,
            "<h2 id=\"what-it-is\">What it is</h2>\n<p>text</p>\n<h3 id=\"its-safe\">It\u{2019}s <em>safe</em></h3>\n"
        );
        let toc: Vec<_> = out
            .toc
            .iter()
            .map(|e| (e.level, e.text.as_str(), e.anchor.as_str()))
            .collect();
        assert_eq!(
            toc,
            [
                (2, "What it is", "what-it-is"),
                (3, "It\u{2019}s safe", "its-safe")
            ]
        );
    }

    #[test]
    fn repeated_headings_get_numbered_anchors() {
        let anchors: Vec<_> = render_markdown("## A\n## A\n## A-2\n## \u{1f319}\n")
            .toc
            .into_iter()
            .map(|e| e.anchor)
            .collect();
        assert_eq!(anchors, ["a", "a-2", "a-2-2", "section"]);
    }

    #[test]
    fn a_top_level_heading_keeps_its_text_but_not_its_tag() {
        assert_eq!(html("# Title\n"), "Title\n");
    }

    #[test]
    fn external_links_keep_their_text_and_are_marked() {
        assert_eq!(
            html("[NHS](https://www.nhs.uk/a?b=1&c=\"d\" \"Help\")"),
            "<p><a href=\"https://www.nhs.uk/a?b=1&amp;c=&quot;d&quot;\" title=\"Help\" data-external=\"true\" rel=\"noopener noreferrer\">NHS</a></p>\n"
        );
    }

    #[test]
    fn internal_links_are_plain_links() {
        assert_eq!(
            html("[skin](skin-to-skin-contact#how-to)"),
            "<p><a href=\"skin-to-skin-contact#how-to\" rel=\"noopener noreferrer\">skin</a></p>\n"
        );
    }

    #[test]
    fn a_javascript_link_keeps_only_its_text() {
        assert_eq!(html("[x](javascript:alert(1))"), "<p>x</p>\n");
        assert_eq!(
            html("<javascript:alert(1)>"),
            "<p>javascript:alert(1)</p>\n"
        );
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        assert_eq!(
            html("<script>alert(1)</script>\n"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;\n</p>\n"
        );
    }

    #[test]
    fn images_become_their_description() {
        assert_eq!(
            html("![a sleeping baby](https://example.org/x.png)"),
            "<p>a sleeping baby</p>\n"
        );
    }

    #[test]
    fn elements_nested_too_deeply_keep_their_text_but_not_their_tags() {
        let out = html(&format!("{}deep", "> ".repeat(MAX_DEPTH + 10)));
        assert_eq!(out.matches("<blockquote>").count(), MAX_DEPTH);
        assert!(out.contains("deep"));
    }

    #[test]
    fn sources_follow_the_body_as_text_without_an_anchor_or_a_toc_entry() {
        let sources = [
            "WHO (2022)".to_owned(),
            "<b>x</b> & [y](javascript:z)".to_owned(),
        ];
        let out = render_article("## Body\n\ntext\n", &sources);
        assert_eq!(
            out.html,
            "<h2 id=\"body\">Body</h2>\n<p>text</p>\n<h2>Sources</h2>\n<ul>\n<li>WHO (2022)</li>\n\
             <li>&lt;b&gt;x&lt;/b&gt; &amp; [y](javascript:z)</li>\n</ul>\n"
        );
        assert_eq!(out.toc.len(), 1);
    }

    #[test]
    fn no_sources_add_nothing() {
        assert_eq!(render_article("text", &[]), render_markdown("text"));
    }

    #[test]
    fn tables_render_without_inline_styles() {
        let out = html("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
        assert!(out.contains("<table>"), "{out}");
        assert!(!out.contains("style"), "{out}");
    }
}
