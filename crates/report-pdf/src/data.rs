//! The template's data file, `report.json`, made from a [`Report`].
//!
//! Text is passed through unchanged except for what would print badly: carriage returns and
//! tabs are normalised, other control characters are dropped, and an emoji that no loaded font
//! can draw is spelled out by name in brackets ("[people hugging]"), so it never prints as an
//! empty box.

use nestling_charts::Theme;
use nestling_export::Report;
use serde_json::{json, Value};

use crate::{report_charts, Paper, Result};

/// Builds the bytes of `report.json` for the template: the report, its weeks as a table of
/// words, and the week-by-week charts the Patterns screen draws (the same SVG, in the light
/// theme), for the figures the report shares.
pub(crate) fn prepare(
    report: &Report,
    paper: Paper,
    covered: &dyn Fn(char) -> bool,
) -> Result<Vec<u8>> {
    let mut value = serde_json::to_value(report)?;
    clean_strings(&mut value, covered);
    mark_note_direction(&mut value);
    let mut table = serde_json::to_value(report.summary.weekly_table(report.include))?;
    clean_strings(&mut table, covered);
    let file = json!({
        "paper": paper,
        "report": value,
        "weeklyTable": table,
        "charts": charts(report)?,
    });
    Ok(serde_json::to_vec(&file)?)
}

/// The report's charts in the light theme, each as `{id, title, alt, svg}` with the SVG as text.
fn charts(report: &Report) -> Result<Vec<Value>> {
    Ok(report_charts(report, Theme::Light)?
        .into_iter()
        .map(|c| json!({ "id": c.id.as_str(), "title": c.title, "alt": c.alt, "svg": c.svg }))
        .collect())
}

fn clean_strings(value: &mut Value, covered: &dyn Fn(char) -> bool) {
    match value {
        Value::String(s) => *s = clean(s, covered),
        Value::Array(items) => items.iter_mut().for_each(|v| clean_strings(v, covered)),
        Value::Object(map) => map.values_mut().for_each(|v| clean_strings(v, covered)),
        _ => {}
    }
}

/// Adds `noteRtl` to every entry and every check-in: whether its note starts with
/// right-to-left writing.
fn mark_note_direction(value: &mut Value) {
    if let Some(check_ins) = value.get_mut("checkIns").and_then(Value::as_array_mut) {
        mark_notes(check_ins);
    }
    let Some(days) = value.get_mut("days").and_then(Value::as_array_mut) else {
        return;
    };
    for day in days {
        if let Some(entries) = day.get_mut("entries").and_then(Value::as_array_mut) {
            mark_notes(entries);
        }
    }
}

fn mark_notes(items: &mut [Value]) {
    for item in items.iter_mut().filter_map(Value::as_object_mut) {
        let rtl = item
            .get("note")
            .and_then(Value::as_str)
            .is_some_and(starts_rtl);
        item.insert("noteRtl".into(), Value::Bool(rtl));
    }
}

/// Whether the first letter of `text` belongs to a right-to-left script (Hebrew, Arabic).
pub(crate) fn starts_rtl(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| {
        matches!(c as u32,
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
    })
}

/// Normalises control characters and spells out emoji no font can draw.
pub(crate) fn clean(text: &str, covered: &dyn Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((len, emoji)) = emoji_at(rest) {
            push_emoji(&mut out, &rest[..len], emoji, covered);
            rest = &rest[len..];
            continue;
        }
        push_char(&mut out, c, rest);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn push_char(out: &mut String, c: char, rest: &str) {
    match c {
        '\r' if rest[1..].starts_with('\n') => {}
        '\r' | '\n' => out.push('\n'),
        '\t' => out.push_str("    "),
        c if c.is_control() => {}
        c => out.push(c),
    }
}

fn push_emoji(out: &mut String, seq: &str, emoji: &emojis::Emoji, covered: &dyn Fn(char) -> bool) {
    let drawable = seq
        .chars()
        .filter(|c| !matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}'))
        .all(covered);
    if drawable {
        out.push_str(seq);
    } else {
        out.push('[');
        out.push_str(emoji.name());
        out.push(']');
    }
}

/// The longest emoji sequence at the start of `text`, with its length in bytes.
fn emoji_at(text: &str) -> Option<(usize, &'static emojis::Emoji)> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if !may_start_emoji(first, chars.next()) {
        return None;
    }
    let ends: Vec<usize> = text
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain([text.len()])
        .take(LONGEST_EMOJI)
        .collect();
    ends.iter()
        .rev()
        .find_map(|&end| emojis::get(&text[..end]).map(|e| (end, e)))
}

/// No emoji sequence is longer than this many code points (families with skin tones).
const LONGEST_EMOJI: usize = 12;

/// A cheap filter before the table look-up: every emoji starts with a keycap base (`#`, `*`,
/// a digit) followed by a selector or keycap mark, with (c) or (r), or at U+203C or above.
pub(crate) fn may_start_emoji(first: char, second: Option<char>) -> bool {
    if first.is_ascii() {
        return matches!(second, Some('\u{FE0F}' | '\u{20E3}'));
    }
    matches!(first, '\u{A9}' | '\u{AE}') || first >= '\u{203C}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin_only(c: char) -> bool {
        (c as u32) < 0x2000
    }

    #[test]
    fn keeps_newlines_and_expands_tabs_and_drops_other_controls() {
        let cleaned = clean("a\r\nb\rc\td\u{0}e\u{7}f\u{1b}[0m", &latin_only);
        assert_eq!(cleaned, "a\nb\nc    def[0m");
    }

    #[test]
    fn spells_out_emoji_no_font_can_draw() {
        let cleaned = clean("Held her 🫂, smiled 😊 and 👩🏽‍🍼 fed.", &latin_only);
        assert_eq!(
            cleaned,
            "Held her [people hugging], smiled [smiling face with smiling eyes] and [woman feeding baby: medium skin tone] fed."
        );
    }

    #[test]
    fn keeps_emoji_a_font_can_draw() {
        let all = |_: char| true;
        assert_eq!(clean("🫂 👩🏽‍🍼 ❤️", &all), "🫂 👩🏽‍🍼 ❤️");
    }

    #[test]
    fn leaves_digits_hashes_and_signs_alone_unless_they_are_keycaps() {
        assert_eq!(clean("#1 * 2 © ®", &latin_only), "#1 * 2 © ®");
        assert_eq!(clean("1\u{FE0F}\u{20E3}", &latin_only), "[keycap: 1]");
    }

    #[test]
    fn the_quick_filter_lets_every_emoji_through() {
        for emoji in emojis::iter() {
            let mut chars = emoji.as_str().chars();
            let first = chars.next().unwrap_or(' ');
            assert!(may_start_emoji(first, chars.next()), "{:?}", emoji.name());
        }
    }

    #[test]
    fn finds_right_to_left_notes_by_their_first_letter() {
        assert!(starts_rtl("  \"לילה ארוך\" at night"));
        assert!(starts_rtl("12:00 كانت ليلة"));
        assert!(!starts_rtl("Night, then לילה"));
        assert!(!starts_rtl("1234 ..."));
    }
}
