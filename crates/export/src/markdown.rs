//! The report as Markdown, readable as plain text and safe to render.
//!
//! Layout: the title, the range, who it is for and by whom, a short summary table, the
//! check-ins the parent shared (as their own answers: each number is the answer chosen on its
//! scale, never a score, and there is no safety answer to show), then one `## <day>` section
//! per day with one entry each (time, kind, duration, ratings, feelings, and the note as a
//! block quote).
//!
//! Everything the parent typed is escaped so it reads literally in any renderer: markup
//! characters are backslash-escaped (CommonMark and the common extended dialects accept a
//! backslash before any ASCII punctuation), so a note that starts with `#`, holds `*`, `_`, `[`,
//! `|`, `<script>` or backslashes never becomes a heading, emphasis, a link, a table or HTML;
//! quotes, dashes and dots are escaped too so that "smart punctuation" leaves them as typed.
//! Line breaks in a note are kept: a blank line starts a new paragraph of the quote, a single
//! line break becomes a hard line break. Leading spaces and tabs are dropped from each line of a
//! note (indentation would otherwise turn it into a code block); runs of spaces are kept as
//! typed, though renderers show them as one. Control characters other than line breaks are
//! dropped.

use std::fmt::Write;

use crate::report::{CheckInAnswers, Day, Entry, Report};

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    header(&mut out, report);
    summary(&mut out, report);
    check_ins(&mut out, &report.check_ins);
    for day in &report.days {
        day_section(&mut out, day);
    }
    out
}

fn header(out: &mut String, r: &Report) {
    let _ = writeln!(out, "# {}\n", inline(&r.title));
    let _ = writeln!(
        out,
        "{} to {}  ",
        long_date(r.first_day),
        long_date(r.last_day)
    );
    if let Some(to) = &r.prepared_for {
        let _ = writeln!(out, "Prepared for {}  ", inline(to));
    }
    if let Some(by) = &r.parent_name {
        let _ = writeln!(out, "By {}  ", inline(by));
    }
    let _ = writeln!(out, "Made on {}\n", long_date(r.generated_on));
    let shared = shared_parts(r);
    let _ = writeln!(
        out,
        "Shared: {shared}\\. Private moments are never included\\.\n"
    );
}

fn shared_parts(r: &Report) -> String {
    let parts: Vec<&str> = [
        (r.include.notes, "notes"),
        (r.include.feelings, "feelings"),
        (r.include.ratings, "ratings"),
        (!r.check_ins.is_empty(), "check-in answers I chose"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    match parts.is_empty() {
        true => "times and kinds only".into(),
        false => format!("times, kinds, {}", parts.join(", ")),
    }
}

fn long_date(day: chrono::NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
}

fn summary(out: &mut String, r: &Report) {
    let s = &r.summary;
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(
        out,
        "{} moments of care, {} in all\\.\n",
        s.moments,
        minutes(s.minutes)
    );
    if !s.kinds.is_empty() {
        let _ = writeln!(out, "| Kind | Moments | Time |\n| --- | ---: | ---: |");
        for k in &s.kinds {
            let kind = inline(&format!("{} {}", k.emoji, k.name));
            let _ = writeln!(out, "| {kind} | {} | {} |", k.moments, minutes(k.minutes));
        }
        out.push('\n');
    }
    weekly(out, r);
    if !s.top_feelings.is_empty() {
        let words: Vec<String> = s
            .top_feelings
            .iter()
            .map(|w| format!("{} \\({}\\)", inline(&w.word), w.count))
            .collect();
        let _ = writeln!(out, "Feelings most often named: {}\n", words.join(", "));
    }
}

/// The weeks as the Patterns screen figures them, when the report has any moment or check-in.
fn weekly(out: &mut String, r: &Report) {
    let table = r.summary.weekly_table(r.include);
    if r.summary.moments == 0 && r.check_ins.is_empty() {
        return;
    }
    let _ = writeln!(out, "### Week by week\n");
    let head: Vec<String> = table.head.iter().map(|h| inline(h)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let rule: Vec<&str> = (0..head.len())
        .map(|i| if i == 0 { "---" } else { "---:" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| inline(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// "1 h 05 min", "12 min".
fn minutes(total: i64) -> String {
    match total >= 60 {
        true => format!("{} h {:02} min", total / 60, total % 60),
        false => format!("{total} min"),
    }
}

/// What the check-in section says before the answers.
const CHECK_IN_LEDE: &str = "My own answers to a short check-in, which I chose to share. Each \
    number is the answer I picked on a scale of 1 to 5: nothing is added up, and none of it is \
    a score, a screening or a diagnosis.";

fn check_ins(out: &mut String, check_ins: &[CheckInAnswers]) {
    if check_ins.is_empty() {
        return;
    }
    let _ = writeln!(out, "## How I felt — my own check-in answers\n");
    let _ = writeln!(out, "{CHECK_IN_LEDE}\n");
    for c in check_ins {
        check_in(out, c);
    }
}

fn check_in(out: &mut String, c: &CheckInAnswers) {
    let _ = writeln!(out, "### {}, {}\n", long_date(c.date), c.time);
    for line in &c.answers {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
    if let Some(note) = &c.note {
        let _ = writeln!(out, "{}\n", quote(note));
    }
}

fn day_section(out: &mut String, day: &Day) {
    let _ = writeln!(out, "## {}\n", long_date(day.date));
    for e in &day.entries {
        entry(out, e);
    }
}

fn entry(out: &mut String, e: &Entry) {
    let time = match &e.end {
        Some(end) => format!("{}–{}", e.start, end),
        None => e.start.clone(),
    };
    let mut line = format!("**{time}** {}", inline(&format!("{} {}", e.emoji, e.kind)));
    if let Some(d) = &e.detail {
        let _ = write!(line, " \\({}\\)", inline(d));
    }
    if let Some(m) = e.duration_minutes {
        let _ = write!(line, ", {}", minutes(m));
    }
    let _ = writeln!(out, "### {line}\n");
    facts(out, e);
    if let Some(note) = &e.note {
        let _ = writeln!(out, "{}\n", quote(note));
    }
}

fn facts(out: &mut String, e: &Entry) {
    let mut lines = Vec::new();
    if let Some(baby) = &e.baby {
        lines.push(format!("With {}", inline(baby)));
    }
    lines.push(format!("By {}", inline(&e.who)));
    if let Some(c) = e.connection {
        lines.push(format!("Connection {c} of 5"));
    }
    if let Some(en) = e.energy {
        lines.push(format!("Energy {en} of 5"));
    }
    if !e.feelings.is_empty() {
        let words: Vec<String> = e.feelings.iter().map(|w| inline(w)).collect();
        lines.push(format!("Feeling {}", words.join(", ")));
    }
    for l in lines {
        let _ = writeln!(out, "- {l}");
    }
    out.push('\n');
}

/// A note as a block quote: paragraphs split on blank lines, single breaks kept as hard breaks.
fn quote(note: &str) -> String {
    let normalized = note.replace("\r\n", "\n").replace('\r', "\n");
    let paragraphs: Vec<String> = normalized
        .split("\n\n")
        .map(|p| {
            let lines: Vec<String> = p
                .split('\n')
                .map(escape_line)
                .filter(|l| !l.is_empty())
                .collect();
            lines.join("\\\n> ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    format!("> {}", paragraphs.join("\n>\n> "))
}

/// Short text (a name, a word, a title) on one line, escaped.
fn inline(text: &str) -> String {
    let one_line: Vec<&str> = text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    escape(&one_line.join(" "), false)
}

/// Characters escaped wherever they are.
fn always_escaped(c: char) -> bool {
    matches!(
        c,
        '\\' | '`'
            | '*'
            | '_'
            | '{'
            | '}'
            | '['
            | ']'
            | '('
            | ')'
            | '<'
            | '>'
            | '#'
            | '|'
            | '~'
            | '^'
            | '$'
            | '@'
            | '&'
            | '"'
            | '\''
            | '!'
    )
}

/// Characters escaped only at the start of a line (list, definition, heading markers).
fn escaped_at_start(c: char) -> bool {
    matches!(c, '+' | '=' | ':')
}

/// One line of a note, which starts a line of the output.
fn escape_line(line: &str) -> String {
    escape(line, true)
}

/// User text with every character that could be markup escaped; `line_start` when it begins a
/// line of the output (where list, heading and definition markers count).
fn escape(line: &str, line_start: bool) -> String {
    let chars: Vec<char> = line
        .trim_start()
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    // A run of letters or digits from the start of a line could be a list number ("1." "a.").
    let number_run = match line_start {
        true => chars
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
            .count(),
        false => 0,
    };
    let mut out = String::with_capacity(chars.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if needs_escape(&chars, i, line_start, number_run) {
            out.push('\\');
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// Whether `chars[i]` must be escaped. `number_run` is how many letters, digits or `#` begin
/// the text, which followed by a dot could read as a list number.
fn needs_escape(chars: &[char], i: usize, line_start: bool, number_run: usize) -> bool {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    let at_start = line_start && i == 0;
    let list_number = line_start && i <= number_run;
    match c {
        _ if always_escaped(c) => true,
        _ if escaped_at_start(c) => at_start,
        '.' => list_number || prev == Some('.') || next == Some('.'),
        '-' => at_start || prev == Some('-') || next == Some('-'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_so_it_reads_literally() {
        assert_eq!(escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(
            escape_line("<script>x</script>"),
            "\\<script\\>x\\</script\\>"
        );
        assert_eq!(
            escape_line("a *b* _c_ [d](e)"),
            "a \\*b\\* \\_c\\_ \\[d\\]\\(e\\)"
        );
        assert_eq!(escape_line("back\\slash | pipe"), "back\\\\slash \\| pipe");
        assert_eq!(escape_line("1. first"), "1\\. first");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("wait... -- ok"), "wait\\.\\.\\. \\-\\- ok");
        assert_eq!(escape_line("a well-rested day."), "a well-rested day.");
        assert_eq!(inline("Dr. Who\n- again"), "Dr. Who - again");
    }

    #[test]
    fn a_very_long_note_is_escaped_in_linear_time() {
        let note = "a".repeat(100_000) + ". *";
        let started = std::time::Instant::now();
        let escaped = quote(&note);
        assert!(
            escaped.ends_with("a\\. \\*"),
            "{}",
            &escaped[escaped.len() - 8..]
        );
        assert!(
            started.elapsed().as_secs() < 2,
            "took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn a_note_keeps_its_paragraphs_and_line_breaks() {
        assert_eq!(quote("one\ntwo\n\nthree"), "> one\\\n> two\n>\n> three");
        assert_eq!(quote("\tindented\n    code?"), "> indented\\\n> code?");
    }
}
