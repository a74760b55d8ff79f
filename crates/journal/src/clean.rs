//! Cleaning the text a parent types, before it is checked and stored.
//!
//! The rule, the same everywhere:
//! - **Short fields** (names, feeling words, tags, emoji, detail and kind ids): control
//!   characters are removed, every run of whitespace (newlines and tabs included) becomes one
//!   space, and the ends are trimmed. Pasted text with a stray tab or line break is accepted
//!   rather than refused, and lengths are counted afterwards, in characters.
//! - **Notes**: kept as typed — emoji, right-to-left text, text that looks like HTML — except
//!   that line endings become `\n` and control characters other than newline and tab are
//!   removed. Those are invisible, and removing them lets search snippets use two of them as
//!   highlight markers that no note can contain.

/// Cleans a short, single-line field.
pub(crate) fn short_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !c.is_control() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Cleans a note: normalises line endings and removes control characters but newline and tab.
pub(crate) fn note_text(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// A UI-supplied id made safe to quote in a message: printable and at most 40 characters.
pub(crate) fn for_message(raw: &str) -> String {
    short_text(raw).chars().take(40).collect()
}

/// The length of `text` in characters (not bytes), as the parent counts.
pub(crate) fn chars(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_fields_fold_newlines_and_tabs_into_single_spaces() {
        assert_eq!(short_text("  night\t\tfeed\r\nagain  "), "night feed again");
    }

    #[test]
    fn short_fields_lose_control_characters() {
        assert_eq!(short_text("Gr\u{0}an\u{7}dma\u{1b}[31m"), "Grandma[31m");
        assert_eq!(short_text("\u{85}x\u{9f}"), "x");
    }

    #[test]
    fn short_fields_made_only_of_spaces_and_controls_become_empty() {
        assert_eq!(short_text(" \t\n\u{1}\u{7f} "), "");
    }

    #[test]
    fn notes_keep_emoji_right_to_left_text_and_html_looking_text() {
        let note = "🍼 <b>fed</b> & <script>x()</script> — שלום עולם 👶🏽\n\tindented";
        assert_eq!(note_text(note), note);
    }

    #[test]
    fn notes_normalise_line_endings_and_drop_control_characters() {
        assert_eq!(note_text("a\r\nb\rc\u{2}d\u{3}e\u{0}"), "a\nb\ncde");
    }

    #[test]
    fn lengths_are_counted_in_characters_not_bytes() {
        assert_eq!(chars("👶🏽é"), 3);
        assert_eq!("👶🏽é".len(), 10);
    }
}
