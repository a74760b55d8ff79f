//! The broken fixture library (`tests/fixtures/content/broken`): the two good articles load, and
//! every broken one is reported with its file, its line and a hint, in words a writer can act on.

use std::path::PathBuf;

use nestling_library::{Error, Library};

fn broken_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/content/broken")
}

fn load() -> (Library, Vec<Error>) {
    Library::from_dir(&broken_dir()).expect("the fixture folder can be listed")
}

fn message_for(errors: &[Error], file: &str) -> String {
    let found: Vec<&Error> = errors.iter().filter(|e| e.file() == Some(file)).collect();
    assert_eq!(found.len(), 1, "one error for {file}: {errors:#?}");
    found[0].to_string()
}

#[test]
fn the_good_articles_still_load_beside_the_broken_ones() {
    let (library, _) = load();
    let slugs: Vec<&str> = library.articles().iter().map(|a| a.slug()).collect();
    assert_eq!(slugs, ["good-first", "good-second"]);
}

#[test]
fn every_broken_article_is_reported_once() {
    let (_, errors) = load();
    let mut files: Vec<&str> = errors.iter().filter_map(Error::file).collect();
    files.sort_unstable();
    assert_eq!(
        files,
        [
            "Bad_Name.md",
            "bad-toml.md",
            "broken-related.md",
            "duplicate-heading.md",
            "h1-in-body.md",
            "javascript-link.md",
            "long-summary.md",
            "missing-front-matter.md",
            "missing-title.md",
            "order-clash.md",
            "raw-html.md",
            "skipped-level.md",
            "unclosed-front-matter.md",
            "unknown-field.md",
            "unknown-topic.md",
        ]
    );
    assert!(errors.iter().all(|e| e.kind() == "invalid_article"));
}

#[test]
fn each_message_names_the_file_the_line_and_a_fix() {
    let (_, errors) = load();
    let expected = [
        ("missing-front-matter.md", "missing-front-matter.md, line 1: the article must start with front matter. Put a line with only +++ at the very top, then the title, summary, topics, order and published date, then another line with only +++."),
        ("unclosed-front-matter.md", "unclosed-front-matter.md, line 1: the front matter that starts here is never closed. Add a line with only +++ after the last field."),
        ("missing-title.md", "missing-title.md, line 1: the front matter has no title. Add a line such as title = \"Skin-to-skin contact\"."),
        ("unknown-topic.md", "unknown-topic.md, line 4: \u{201c}napping\u{201d} is not one of Nestling's topics. Use one of: bonding, feelings, mental-health, birth, sleep, skin-to-skin, partners, getting-help, everyday-care."),
        ("long-summary.md", "long-summary.md, line 3: the summary is 260 characters long, and the most is 240. Shorten it to a sentence or two."),
        ("raw-html.md", "raw-html.md, line 13: the text contains HTML (<span style=\"color:red\">), which Nestling never shows. Write it in Markdown instead: **bold**, *italic*, [a link](https://example.org)."),
        ("h1-in-body.md", "h1-in-body.md, line 9: the text has a top-level heading (#). The title comes from the front matter; start sections at ## instead."),
        ("skipped-level.md", "skipped-level.md, line 15: a level-4 heading follows a level-2 heading, skipping a level. Use ### here, or add the missing level above it."),
        ("duplicate-heading.md", "duplicate-heading.md, line 17: the heading \u{201c}When to reach out\u{201d} repeats the one on line 9. Give each section its own heading so links to it stay unique."),
        ("broken-related.md", "broken-related.md, line 7: related lists \u{201c}good-thrid\u{201d}, but there is no article with that name. Check the spelling against the file names, or remove it from related."),
        ("order-clash.md", "order-clash.md, line 5: order 1 is already used by good-first.md. Give each article its own order number."),
        ("javascript-link.md", "javascript-link.md, line 9: the link to \u{201c}javascript:alert(1)\u{201d} cannot be opened from Nestling. Link to an https:// address, a mailto: address or another article's name."),
        ("Bad_Name.md", "Bad_Name.md: this file name cannot name an article. Use lowercase letters, digits and hyphens ending in .md, such as skin-to-skin-contact.md."),
    ];
    for (file, message) in expected {
        assert_eq!(message_for(&errors, file), message, "{file}");
    }
}

#[test]
fn toml_problems_point_at_the_offending_line() {
    let (_, errors) = load();
    let bad = errors
        .iter()
        .find(|e| e.file() == Some("bad-toml.md"))
        .expect("reported");
    assert_eq!(bad.line(), Some(3), "{bad}");
    assert!(
        bad.to_string()
            .starts_with("bad-toml.md, line 3: the front matter could not be read ("),
        "{bad}"
    );
    let unknown = errors
        .iter()
        .find(|e| e.file() == Some("unknown-field.md"))
        .expect("reported");
    assert_eq!(unknown.line(), Some(7), "{unknown}");
    assert!(
        unknown.to_string().contains("unknown field `autor`"),
        "{unknown}"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_among_the_articles() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let good = std::fs::read(broken_dir().join("good-second.md")).expect("fixture");
    std::fs::write(dir.path().join("good-second.md"), good).expect("write");
    std::fs::write(dir.path().join("binary.md"), [0xff, 0xfe, 0x00, 0x80]).expect("write");
    let (library, errors) = Library::from_dir(dir.path()).expect("listed");
    assert_eq!(
        library.len(),
        0,
        "good-second's related link cannot resolve alone"
    );
    let kinds: Vec<&str> = errors.iter().map(Error::kind).collect();
    assert!(kinds.contains(&"unreadable_file"), "{errors:?}");
}

#[test]
fn a_folder_that_does_not_exist_is_an_error_naming_it() {
    let err = Library::from_dir(&broken_dir().join("nope")).expect_err("no folder");
    assert!(err.to_string().contains("nope"), "{err}");
    assert_eq!(err.kind(), "unreadable_file");
}
