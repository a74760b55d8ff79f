//! Rendering: a snapshot of a shipped article, and hostile Markdown that must never produce
//! script. Every tag and attribute of the output is checked against the allow-list, not just
//! searched for known-bad strings.

use std::path::PathBuf;

use nestling_library::{render_markdown, Library};

fn hostile_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/content/hostile")
}

const TAGS: &[&str] = &[
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

/// One start or end tag of serialized HTML: its name and its attributes.
#[derive(Debug)]
struct TagSeen {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The serializer escapes every `<` in text, so each `<` opens a tag and `"` never appears
/// inside an attribute value.
fn tags(html: &str) -> Vec<TagSeen> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            let inside = rest.split('>').next().expect("a closed tag");
            let inside = inside.trim_start_matches('/');
            let (name, attrs) = inside.split_once(' ').unwrap_or((inside, ""));
            TagSeen {
                name: name.to_owned(),
                attributes: attributes(attrs),
            }
        })
        .collect()
}

fn attributes(text: &str) -> Vec<(String, String)> {
    text.split('"')
        .collect::<Vec<_>>()
        .chunks(2)
        .filter(|pair| pair.len() == 2)
        .map(|pair| {
            (
                pair[0].trim().trim_end_matches('=').to_owned(),
                pair[1].to_owned(),
            )
        })
        .collect()
}

fn assert_safe(html: &str) {
    for tag in tags(html) {
        assert!(
            TAGS.contains(&tag.name.as_str()),
            "tag <{}> in {html}",
            tag.name
        );
        for (name, value) in &tag.attributes {
            let allowed = match tag.name.as_str() {
                "a" => ["href", "title", "rel", "data-external"].contains(&name.as_str()),
                "ol" => name == "start",
                "h2" | "h3" | "h4" | "h5" | "h6" => name == "id",
                _ => false,
            };
            assert!(allowed, "attribute {name} on <{}> in {html}", tag.name);
            if name == "href" {
                assert_safe_href(value, html);
            }
        }
    }
}

fn assert_safe_href(href: &str, html: &str) {
    let lower = href.to_ascii_lowercase();
    let web = ["https://", "http://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    let internal = !lower.contains(':') && !lower.starts_with("//");
    assert!(web || internal, "href {href} in {html}");
}

fn render_fixture(name: &str) -> String {
    let text = std::fs::read_to_string(hostile_dir().join(name)).expect("fixture");
    render_markdown(&text).html
}

#[test]
fn a_shipped_article_renders_as_in_its_snapshot() {
    let rendered = Library::shipped()
        .render("skin-to-skin-contact")
        .expect("shipped");
    assert_safe(&rendered.html);
    insta::assert_snapshot!("skin_to_skin_contact_html", rendered.html);
    let toc: Vec<String> = rendered
        .toc
        .iter()
        .map(|e| format!("{} {} #{}", "#".repeat(e.level.into()), e.text, e.anchor))
        .collect();
    insta::assert_snapshot!("skin_to_skin_contact_toc", toc.join("\n"));
}

#[test]
fn every_shipped_article_ends_with_its_sources_outside_the_contents() {
    let library = Library::shipped();
    for article in library.articles() {
        let rendered = library.render(article.slug()).expect("renders");
        let (_, sources) = rendered
            .html
            .rsplit_once("<h2>Sources</h2>\n<ul>\n")
            .unwrap_or_else(|| panic!("{} renders no Sources section", article.slug()));
        assert_eq!(
            sources.matches("<li>").count(),
            article.sources().len(),
            "{}",
            article.slug()
        );
        assert!(sources.ends_with("</ul>\n"), "{}", article.slug());
        assert_eq!(
            rendered.toc.last().map(|e| e.text.as_str()),
            Some("When to reach out"),
            "{}: Sources stays out of the contents",
            article.slug()
        );
    }
}

#[test]
fn every_shipped_article_renders_only_allowed_markup() {
    let library = Library::shipped();
    for article in library.articles() {
        assert_safe(&library.render(article.slug()).expect("renders").html);
    }
}

#[test]
fn hostile_scripts_never_reach_the_output() {
    let html = render_fixture("script.md");
    assert_safe(&html);
    insta::assert_snapshot!("hostile_script", html);
}

#[test]
fn hostile_event_handlers_never_reach_the_output() {
    let html = render_fixture("img-onerror.md");
    assert_safe(&html);
    assert!(!html.contains("<img"), "{html}");
    insta::assert_snapshot!("hostile_img_onerror", html);
}

#[test]
fn hostile_links_keep_their_text_and_lose_their_target() {
    let html = render_fixture("javascript-links.md");
    assert_safe(&html);
    for text in [
        "plain",
        "mixed case",
        "encoded",
        "reference",
        "data",
        "vb",
        "protocol relative",
    ] {
        assert!(html.contains(&format!("<p>{text}</p>")), "{text} in {html}");
    }
    assert!(html.contains("href=\"https://www.nhs.uk/mental-health/\" title=\"NHS mental health\" data-external=\"true\" rel=\"noopener noreferrer\""), "{html}");
    insta::assert_snapshot!("hostile_javascript_links", html);
}

#[test]
fn hostile_entities_stay_text() {
    let html = render_fixture("entities.md");
    assert_safe(&html);
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    insta::assert_snapshot!("hostile_entities", html);
}

#[test]
fn hostile_styles_frames_and_forms_never_reach_the_output() {
    let html = render_fixture("styles-and-frames.md");
    assert_safe(&html);
    insta::assert_snapshot!("hostile_styles_and_frames", html);
}

#[test]
fn huge_hostile_input_renders_safely() {
    let pieces = [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "&lt;script&gt;",
        "> ",
        "* ",
        "[",
        "](",
        "`",
        "**",
        "\n",
        "\n\n## heading\n\n",
    ];
    let mut input = String::new();
    let mut i = 0usize;
    while input.len() < 2_000_000 {
        input.push_str(pieces[(i * 7 + i / 3) % pieces.len()]);
        i += 1;
    }
    let rendered = render_markdown(&input);
    assert_safe(&rendered.html);
    assert!(rendered.toc.len() > 1_000, "{}", rendered.toc.len());
}

/// Regression: 50,000 nested quotes took over a minute in the sanitizer's HTML parser, and
/// 50,000 equal headings several minutes in anchor numbering. Both are linear now.
#[test]
fn deeply_nested_and_repetitive_input_renders_safely() {
    let inputs = [
        format!("{}<script>alert(1)</script>", "> ".repeat(50_000)),
        format!("{}x", "> - ".repeat(20_000)),
        format!(
            "{}x{}",
            "[".repeat(50_000),
            "](javascript:alert(1))".repeat(10_000)
        ),
        "## same\n".repeat(50_000),
    ];
    for input in inputs {
        assert_safe(&render_markdown(&input).html);
    }
}
