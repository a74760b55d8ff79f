//! Front matter: the TOML block between two `+++` lines at the top of an article file.
//!
//! The file format:
//!
//! ```text
//! +++
//! title = "Skin-to-skin contact"            # required, not empty
//! summary = "What it is and how it helps."  # required, not empty, at most 240 characters
//! topics = ["skin-to-skin", "bonding"]      # required, at least one, from the fixed set
//! order = 8                                 # required, 1 or more, unique in the library
//! published = 2026-11-26                    # required, a TOML date
//! reviewed = 2026-11-26                     # optional, a TOML date
//! related = ["bonding-for-partners"]        # optional, slugs of other articles
//! sources = ["NICE guideline CG192 (2014)"] # optional, see below
//! +++
//! The body, in Markdown.
//! ```
//!
//! `sources` names the guidelines and reviews an article's facts rest on, each by name and
//! year, as plain text (not Markdown): at most 12 entries, each not empty and at most 200
//! characters. They are shown after the article under "Sources". The field is optional so that
//! an article written elsewhere still imports; every shipped article names at least one, which
//! the content test checks.
//!
//! This module only splits the file and reads the TOML into optional fields; [`crate::article`]
//! validates them. Lines are 1-based lines of the whole file.

use serde::Deserialize;

use crate::{Error, Result};

/// The fence that opens and closes the front matter.
const FENCE: &str = "+++";

/// A file cut into its front matter and its body, with the line each starts on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts<'a> {
    /// The TOML between the fences.
    pub(crate) front: &'a str,
    /// The file line of the first TOML line (the line after the opening fence).
    pub(crate) front_line: usize,
    /// The Markdown after the closing fence.
    pub(crate) body: &'a str,
    /// The file line the body starts on.
    pub(crate) body_line: usize,
}

/// The front matter as written: every field optional, so that missing ones get a precise error.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFrontMatter {
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) topics: Option<Vec<String>>,
    pub(crate) order: Option<i64>,
    pub(crate) published: Option<toml::value::Datetime>,
    pub(crate) reviewed: Option<toml::value::Datetime>,
    pub(crate) related: Option<Vec<String>>,
    pub(crate) sources: Option<Vec<String>>,
}

/// Cuts `text` at its two `+++` lines. A leading byte-order mark is ignored.
pub(crate) fn split<'a>(file: &str, text: &'a str) -> Result<Parts<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let opening = lines.next().unwrap_or("");
    if !is_fence(opening) {
        return Err(Error::MissingFrontMatter { file: file.into() });
    }
    let front_start = opening.len();
    let mut offset = front_start;
    for (index, line) in lines.enumerate() {
        if is_fence(line) {
            return Ok(Parts {
                front: &text[front_start..offset],
                front_line: 2,
                body: &text[offset + line.len()..],
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(Error::UnclosedFrontMatter {
        file: file.into(),
        line: 1,
    })
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == FENCE
}

/// Reads the TOML into [`RawFrontMatter`]; syntax errors, unknown fields and wrong types are
/// reported at the line the parser points to.
pub(crate) fn parse(file: &str, parts: &Parts<'_>) -> Result<RawFrontMatter> {
    toml::from_str(parts.front).map_err(|err| {
        let offset = err.span().map_or(0, |span| span.start);
        Error::InvalidFrontMatter {
            file: file.into(),
            line: parts.front_line + newlines_before(parts.front, offset),
            detail: one_line(err.message()),
        }
    })
}

/// The file line of the line that sets `key`, or the opening fence's line when none does.
pub(crate) fn key_line(parts: &Parts<'_>, key: &str) -> usize {
    parts
        .front
        .lines()
        .position(|line| sets_key(line, key))
        .map_or(1, |index| parts.front_line + index)
}

fn sets_key(line: &str, key: &str) -> bool {
    line.trim_start()
        .strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with('='))
}

fn newlines_before(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn one_line(message: &str) -> String {
    crate::error::shorten(message, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\ntitle = \"T\"\norder = 2\n+++\n\nBody\n";

    #[test]
    fn splits_front_matter_from_body_and_counts_lines() {
        let parts = split("a.md", GOOD).expect("splits");
        assert_eq!(parts.front, "title = \"T\"\norder = 2\n");
        assert_eq!(parts.body, "\nBody\n");
        assert_eq!(parts.body_line, 5);
    }

    #[test]
    fn tolerates_a_byte_order_mark_and_windows_line_endings() {
        let text = "\u{feff}+++\r\ntitle = \"T\"\r\n+++\r\nBody";
        let parts = split("a.md", text).expect("splits");
        assert_eq!(parts.body, "Body");
        assert_eq!(parts.body_line, 4);
    }

    #[test]
    fn a_file_without_an_opening_fence_is_missing_front_matter() {
        let err = split("a.md", "# Hello\n").expect_err("refused");
        assert!(matches!(err, Error::MissingFrontMatter { .. }), "{err:?}");
    }

    #[test]
    fn an_unclosed_fence_is_reported_at_line_one() {
        let err = split("a.md", "+++\ntitle = \"T\"\n").expect_err("refused");
        assert_eq!(err.line(), Some(1));
        assert!(matches!(err, Error::UnclosedFrontMatter { .. }), "{err:?}");
    }

    #[test]
    fn an_unknown_field_is_reported_at_its_line() {
        let text = "+++\ntitle = \"T\"\nautor = \"Me\"\n+++\nBody";
        let parts = split("a.md", text).expect("splits");
        let err = parse("a.md", &parts).expect_err("refused");
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("unknown field `autor`"), "{err}");
    }

    #[test]
    fn a_syntax_error_is_reported_at_its_line() {
        let text = "+++\ntitle = \"T\"\n\nsummary = \"unclosed\n+++\nBody";
        let parts = split("a.md", text).expect("splits");
        let err = parse("a.md", &parts).expect_err("refused");
        assert_eq!(err.line(), Some(4), "{err}");
    }

    #[test]
    fn key_line_finds_the_line_that_sets_a_key() {
        let parts = split("a.md", GOOD).expect("splits");
        assert_eq!(key_line(&parts, "order"), 3);
        assert_eq!(key_line(&parts, "topics"), 1);
    }
}
