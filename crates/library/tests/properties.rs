//! Property tests of the article parser and validator: whatever text an article file holds,
//! parsing never panics, and every refusal is a typed error whose message names the file, is
//! one readable line, and is not empty.

use nestling_library::{Article, Error};
use proptest::prelude::*;

const FILE: &str = "an-article.md";

/// Lines that look like front matter: known and unknown keys with values of every shape.
fn front_matter_line() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("title"),
        Just("summary"),
        Just("topics"),
        Just("order"),
        Just("published"),
        Just("reviewed"),
        Just("related"),
        Just("sources"),
        Just("colour"),
    ];
    let value = prop_oneof![
        "\"[^\"\\\\\n]{0,40}\"",
        "-?[0-9]{1,12}",
        "20[0-9]{2}-[0-9]{2}-[0-9]{2}",
        "\\[(\"[a-z-]{0,12}\", ?){0,4}\\]",
        "[^\n]{0,30}",
    ];
    (key, value).prop_map(|(k, v)| format!("{k} = {v}"))
}

/// Bodies with headings, links, raw markup and arbitrary text.
fn body() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "#{1,7} [^\n]{0,30}",
        "\\[[a-z ]{0,10}\\]\\([^)\n]{0,30}\\)",
        "<[a-z]{1,8}[^>\n]{0,20}>",
        "[^\n]{0,60}",
        Just(String::new()),
    ];
    prop::collection::vec(line, 0..20).prop_map(|lines| lines.join("\n"))
}

/// A whole file: front matter (sometimes unclosed) and a body.
fn article_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(front_matter_line(), 0..10),
        any::<bool>(),
        body(),
    )
        .prop_map(|(fields, closed, body)| {
            let close = if closed { "+++\n" } else { "" };
            format!("+++\n{}\n{close}{body}", fields.join("\n"))
        })
}

/// The refusal is readable: non-empty, one line, naming the file it is about.
fn check_refusal(err: &Error) -> Result<(), TestCaseError> {
    let message = err.to_string();
    prop_assert!(!message.trim().is_empty());
    prop_assert!(!message.contains('\n'), "{message}");
    prop_assert!(message.contains(FILE), "{message}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_parsed_or_refused_with_a_readable_error(text in "\\PC{0,400}|[+\n=\"\\[\\]a-z ]{0,200}") {
        if let Err(err) = Article::parse(FILE, &text) {
            check_refusal(&err)?;
        }
    }

    #[test]
    fn any_front_matter_is_parsed_or_refused_with_a_readable_error(text in article_text()) {
        match Article::parse(FILE, &text) {
            Ok(article) => prop_assert!(!article.title().trim().is_empty()),
            Err(err) => check_refusal(&err)?,
        }
    }

    #[test]
    fn any_bytes_read_as_text_are_parsed_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(err) = Article::parse(FILE, &text) {
            check_refusal(&err)?;
        }
    }
}
