//! Snippets: a short passage of an article's text around the words a query matched.
//!
//! Built in Rust rather than with FTS5's `snippet()`, which tokenizes the whole body twice for
//! every hit: with 20 hits that alone used most of the 5 ms search budget. The query's words are
//! stemmed once per search by SQLite's own porter tokenizer (see [`crate::search`]), and the
//! text is scanned here: a word matches when its lowercase, accent-free form starts with a
//! query stem. Porter stems are prefixes of their words, except that a final "y" becomes "i"
//! ("baby" → "babi"), which is allowed for, so this agrees with FTS5 for nearly every word.
//! A hyphenated word matches as a whole when its hyphen-free form does ("skintoskin").

use crate::search::Segment;

/// Words in a snippet.
pub(crate) const WINDOW: usize = 24;

/// Words shown before the first match, when the passage does not start the text.
const LEAD: usize = 4;

const ELLIPSIS: &str = "\u{2026}";

/// A word of the text: where it is, and which stem it matched.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    stem: Option<usize>,
}

/// A text split into words once, so that each search only has to match them.
#[derive(Debug, Clone)]
pub(crate) struct Text {
    text: String,
    words: Vec<Word>,
}

impl Text {
    /// Splits `text` into words.
    pub(crate) fn new(text: String) -> Text {
        let words = split_words(&text);
        Text { text, words }
    }

    /// The passage with the most different stems matched (then the most matches, then the
    /// earliest), or `None` when no word matches.
    pub(crate) fn around_matches(&self, stems: &[String]) -> Option<Vec<Segment>> {
        let words = self.matched(stems);
        let best = best_window(&words, stems.len())?;
        Some(segments(&self.text, &words, best))
    }

    /// The first [`WINDOW`] words, with no highlight.
    pub(crate) fn lead(&self) -> Vec<Segment> {
        segments(&self.text, &self.words, 0)
    }

    fn matched(&self, stems: &[String]) -> Vec<Word> {
        let mut words: Vec<Word> = self
            .words
            .iter()
            .map(|w| Word {
                stem: matching_stem(&self.text[w.start..w.end], stems),
                ..*w
            })
            .collect();
        mark_compounds(&self.text, &mut words, stems);
        words
    }
}

/// All of `text` (a title, a summary), with the words that match highlighted.
pub(crate) fn highlight(text: &str, stems: &[String]) -> Vec<Segment> {
    let words = Text::new(text.to_owned()).matched(stems);
    let mut out = Vec::new();
    let mut cursor = 0;
    for (index, word) in words.iter().enumerate() {
        let between = &text[cursor..word.start];
        push(&mut out, between, joins(&words, index, between));
        push(&mut out, &text[word.start..word.end], word.stem.is_some());
        cursor = word.end;
    }
    push(&mut out, &text[cursor..], false);
    out
}

/// Whether the text before word `index` is a hyphen inside a matched compound.
fn joins(words: &[Word], index: usize, between: &str) -> bool {
    between == "-" && index > 0 && words[index - 1].stem.is_some() && words[index].stem.is_some()
}

/// Runs of letters and digits, as the `unicode61` tokenizer sees words. ASCII is checked byte
/// by byte; other characters are decoded.
fn split_words(text: &str) -> Vec<Word> {
    let mut words = Vec::with_capacity(text.len() / 5);
    let mut start = None;
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let (letter, width) = match bytes[index] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => text[index..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        };
        match (letter, start) {
            (true, None) => start = Some(index),
            (false, Some(s)) => {
                words.push(Word {
                    start: s,
                    end: index,
                    stem: None,
                });
                start = None;
            }
            _ => {}
        }
        index += width;
    }
    if let Some(s) = start {
        words.push(Word {
            start: s,
            end: text.len(),
            stem: None,
        });
    }
    words
}

fn matching_stem(word: &str, stems: &[String]) -> Option<usize> {
    stems.iter().position(|stem| starts_with_stem(word, stem))
}

/// Whether `word`, lowercased and without accents, starts with `stem`, or with `stem` whose
/// final "i" is a "y". Compares as it goes: most words differ in their first letter.
fn starts_with_stem(word: &str, stem: &str) -> bool {
    // Most words differ from the stem in their first letter: stems are lowercase.
    match (word.as_bytes().first(), stem.as_bytes().first()) {
        (Some(w), Some(s)) if w.is_ascii() && s.is_ascii() && w.to_ascii_lowercase() != *s => {
            return false
        }
        _ => {}
    }
    if word.is_ascii() && stem.is_ascii() {
        return starts_with_ascii_stem(word.as_bytes(), stem.as_bytes());
    }
    let y_for_i = final_i_may_be_y(stem.as_bytes());
    let mut letters = word.chars().flat_map(char::to_lowercase).map(base_letter);
    let mut expected = stem.chars().peekable();
    while let Some(want) = expected.next() {
        match letters.next() {
            Some(got) if got == want => {}
            Some('y') if y_for_i && expected.peek().is_none() => {}
            _ => return false,
        }
    }
    true
}

/// [`starts_with_stem`] for ASCII, byte by byte.
fn starts_with_ascii_stem(word: &[u8], stem: &[u8]) -> bool {
    let Some((&last, init)) = stem.split_last() else {
        return true;
    };
    word.len() >= stem.len()
        && word[..init.len()].eq_ignore_ascii_case(init)
        && (word[init.len()].eq_ignore_ascii_case(&last)
            || (final_i_may_be_y(stem) && word[init.len()].eq_ignore_ascii_case(&b'y')))
}

/// Porter turns a final "y" into "i" only after a vowel somewhere before it ("happy" →
/// "happi", but "by" stays "by"), so only such a stem's "i" may stand for a "y".
fn final_i_may_be_y(stem: &[u8]) -> bool {
    match stem.split_last() {
        Some((b'i', init)) => init.iter().any(|b| b"aeiou".contains(b)),
        _ => false,
    }
}

/// Words joined by single hyphens also match through their joined form.
fn mark_compounds(text: &str, words: &mut [Word], stems: &[String]) {
    let mut first = 0;
    while first < words.len() {
        let mut last = first;
        while last + 1 < words.len() && &text[words[last].end..words[last + 1].start] == "-" {
            last += 1;
        }
        if last > first {
            let joined: String = words[first..=last]
                .iter()
                .map(|w| &text[w.start..w.end])
                .collect();
            // Only a stem that reaches past the first word ("skintoskin", not "skin").
            let reaches =
                matching_stem(&joined, stems).filter(|&stem| words[first].stem != Some(stem));
            if let Some(stem) = reaches {
                words[first..=last]
                    .iter_mut()
                    .for_each(|w| w.stem = Some(stem));
            }
        }
        first = last + 1;
    }
}

/// `c` without the accent of a common Latin letter (as `remove_diacritics 2` does).
fn base_letter(c: char) -> char {
    const ACCENTED: [(&str, char); 19] = [
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņň", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşš", 's'),
        ("ţťŧ", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    if c.is_ascii() {
        return c;
    }
    ACCENTED
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map_or(c, |(_, base)| *base)
}

/// The start of the best window, shifted so a few words lead into the first match.
fn best_window(words: &[Word], stem_count: usize) -> Option<usize> {
    let mut counts = vec![0_usize; stem_count];
    let (mut distinct, mut total) = (0, 0);
    let mut best: Option<(usize, usize, usize)> = None;
    for (end, word) in words.iter().enumerate() {
        if let Some(stem) = word.stem {
            counts[stem] += 1;
            distinct += usize::from(counts[stem] == 1);
            total += 1;
        }
        if let Some(stem) = end.checked_sub(WINDOW).and_then(|gone| words[gone].stem) {
            counts[stem] -= 1;
            distinct -= usize::from(counts[stem] == 0);
            total -= 1;
        }
        let start = (end + 1).saturating_sub(WINDOW);
        if total > 0 && best.is_none_or(|(d, t, _)| (distinct, total) > (d, t)) {
            best = Some((distinct, total, start));
        }
    }
    let (_, _, start) = best?;
    let first_match = (start..words.len()).find(|&i| words[i].stem.is_some())?;
    let last_start = words.len().saturating_sub(WINDOW);
    Some(first_match.saturating_sub(LEAD).min(last_start))
}

/// The window of words starting at `start`, as plain and highlighted runs.
fn segments(text: &str, words: &[Word], start: usize) -> Vec<Segment> {
    let end = (start + WINDOW).min(words.len());
    let mut out = Vec::new();
    if start > 0 {
        push(&mut out, ELLIPSIS, false);
    }
    let mut cursor = words.get(start).map_or(0, |w| w.start);
    for (index, word) in words.iter().enumerate().take(end).skip(start) {
        let between = &text[cursor..word.start];
        let joined = index > start && joins(words, index, between);
        push(&mut out, &spaced(between), joined);
        push(&mut out, &text[word.start..word.end], word.stem.is_some());
        cursor = word.end;
    }
    match words.get(end) {
        Some(next) => {
            push(&mut out, &spaced(&text[cursor..next.start]), false);
            push(&mut out, ELLIPSIS, false);
        }
        None => push(&mut out, spaced(&text[cursor..]).trim_end(), false),
    }
    out
}

/// Line breaks between blocks read as spaces in a one-line snippet.
fn spaced(between: &str) -> String {
    if between.chars().any(char::is_whitespace) {
        let kept: String = between.chars().filter(|c| !c.is_whitespace()).collect();
        format!("{kept} ")
    } else {
        between.to_owned()
    }
}

fn push(out: &mut Vec<Segment>, text: &str, highlighted: bool) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.highlighted == highlighted => last.text.push_str(text),
        _ => out.push(Segment {
            text: text.to_owned(),
            highlighted,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn render(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                if s.highlighted {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn highlights_words_that_start_with_a_stem() {
        let got =
            Text::new("Bonding grows. We bonded slowly.".into()).around_matches(&stems(&["bond"]));
        assert_eq!(
            render(&got.expect("matches")),
            "[Bonding] grows. We [bonded] slowly."
        );
    }

    #[test]
    fn a_stem_ending_in_i_matches_the_y_form() {
        let got = Text::new("A baby and two babies.".into()).around_matches(&stems(&["babi"]));
        assert_eq!(render(&got.expect("matches")), "A [baby] and two [babies].");
    }

    #[test]
    fn accents_and_case_are_ignored() {
        let got = Text::new("Café CAFÉ".into()).around_matches(&stems(&["cafe"]));
        assert_eq!(render(&got.expect("matches")), "[Café] [CAFÉ]");
    }

    #[test]
    fn a_joined_stem_highlights_the_whole_hyphenated_word() {
        let got =
            Text::new("Try skin-to-skin today.".into()).around_matches(&stems(&["skintoskin"]));
        assert_eq!(render(&got.expect("matches")), "Try [skin-to-skin] today.");
    }

    #[test]
    fn ascii_and_unicode_matching_agree() {
        for (word, stem, expected) in [
            ("Baby", "babi", true),
            ("babies", "babi", true),
            ("bab", "babi", false),
            ("BONDING", "bond", true),
            ("bon", "bond", false),
            ("anything", "", true),
            ("Bébé", "bebe", true),
            ("you", "i", false),
            ("Ýou", "i", false),
            ("happy", "happi", true),
        ] {
            assert_eq!(starts_with_stem(word, stem), expected, "{word} {stem}");
        }
    }

    #[test]
    fn highlight_marks_every_match_in_the_whole_text() {
        let got = highlight("Skin-to-skin contact, and skin.", &stems(&["skin", "to"]));
        assert_eq!(render(&got), "[Skin-to-skin] contact, and [skin].");
        let only_skin = highlight("Skin-to-skin contact", &stems(&["skin"]));
        assert_eq!(render(&only_skin), "[Skin]-to-[skin] contact");
    }

    #[test]
    fn no_match_is_none() {
        assert!(Text::new("Nothing here.".into())
            .around_matches(&stems(&["bond"]))
            .is_none());
    }

    #[test]
    fn a_long_text_is_cut_around_the_best_passage_with_ellipses() {
        let mut words: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        words[10] = "sleep".into();
        words[60] = "sleep".into();
        words[62] = "deprivation".into();
        let got = Text::new(words.join(" "))
            .around_matches(&stems(&["sleep", "depriv"]))
            .expect("matches");
        let text = render(&got);
        assert!(
            text.starts_with("\u{2026}w56 w57 w58 w59 [sleep] w61 [deprivation]"),
            "{text}"
        );
        assert!(text.ends_with(" \u{2026}"), "{text}");
        assert_eq!(text.split_whitespace().count(), WINDOW + 1);
    }

    #[test]
    fn line_breaks_become_spaces() {
        let got =
            Text::new("Rest.\n\nSleep when\nyou can.".into()).around_matches(&stems(&["sleep"]));
        assert_eq!(
            render(&got.expect("matches")),
            "Rest. [Sleep] when you can."
        );
    }

    #[test]
    fn the_lead_is_the_first_words() {
        let text = (0..30)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let lead = render(&Text::new(text).lead());
        assert!(
            lead.starts_with("w0 w1") && lead.ends_with("w23 \u{2026}"),
            "{lead}"
        );
    }
}
