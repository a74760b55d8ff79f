//! The PDF as a reader and the PDF tools see it, from hand-made reports.

mod common;

use std::path::Path;
use std::sync::LazyLock;

use common::{fixed_report, info_of, layout_text_of, run_tool, squash, text_of};
use nestling_report_pdf::{Paper, Typesetter, SYSTEM_EMOJI_FONT};

/// Without the emoji font, so output does not depend on what the machine has installed.
static PLAIN: LazyLock<Typesetter> = LazyLock::new(|| Typesetter::with_emoji_font(None));

const HOSTILE: &[&str] = &[
    "#",
    "*",
    "$",
    "\\",
    "<",
    "@",
    "]",
    "[",
    "_",
    "//",
    "#{panic()}",
    "#import \"x\"",
    "<script>alert(1)</script>",
    "*bold* _under_ $x^2$ @ref <label> ]] [[ \\\\",
];

fn hostile_line() -> String {
    HOSTILE.join(" ")
}

#[test]
fn qpdf_accepts_the_pdf() {
    let pdf = PLAIN.render(&fixed_report(), Paper::A4).expect("rendered");
    assert!(pdf.starts_with(b"%PDF-"));
    let (ok, out) = run_tool("qpdf", &["--check"], &[], &pdf);
    assert!(ok, "qpdf --check failed:\n{out}");
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let report = fixed_report();
    let first = PLAIN.render(&report, Paper::A4).expect("rendered");
    let second = Typesetter::with_emoji_font(None)
        .render(&report, Paper::A4)
        .expect("rendered");
    assert!(first == second, "two renders of one report differ");
}

#[test]
fn hostile_text_prints_literally_everywhere() {
    let mut report = fixed_report();
    let line = hostile_line();
    report.title = format!("T {line}");
    report.prepared_for = Some(format!("P {line}"));
    report.parent_name = Some(format!("N {line}"));
    report.days[0].entries[0].note = Some(format!("Note {line}\nsecond line {line}"));
    report.days[0].entries[0].feelings = vec!["#{panic()}".into(), "*x*".into()];
    report.days[0].entries[1].baby = Some("$baby$".into());
    report.days[0].entries[1].who = "<who>".into();
    report.days[0].entries[1].detail = Some("[detail]".into());
    let pdf = PLAIN
        .render(&report, Paper::A4)
        .expect("hostile text renders");
    let text = squash(&text_of(&pdf));
    for needle in ["T ", "P ", "N ", "Note ", "second line "] {
        let wanted = squash(&format!("{needle}{line}"));
        assert!(text.contains(&wanted), "missing {wanted:?} in:\n{text}");
    }
    for needle in ["#{panic()}, *x*", "$baby$", "<who>", "[detail]"] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn note_line_breaks_are_kept() {
    let mut report = fixed_report();
    report.days[0].entries[0].note = Some("first line\nsecond line\n\nafter a blank line".into());
    let text = text_of(&PLAIN.render(&report, Paper::A4).expect("rendered"));
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let first = lines
        .iter()
        .position(|l| *l == "first line")
        .expect("first line alone");
    assert_eq!(lines[first + 1], "second line");
    assert!(lines.contains(&"after a blank line"));
}

#[test]
fn a_snapshot_of_the_a4_text_layout() {
    let pdf = PLAIN.render(&fixed_report(), Paper::A4).expect("rendered");
    let text = layout_text_of(&pdf);
    let text: Vec<&str> = text.lines().map(str::trim_end).collect();
    insta::assert_snapshot!(text.join("\n"));
}

#[test]
fn us_letter_has_a_letter_page_size_and_a4_has_a4() {
    let report = fixed_report();
    let a4 = info_of(&PLAIN.render(&report, Paper::A4).expect("a4"));
    let letter = info_of(&PLAIN.render(&report, Paper::UsLetter).expect("letter"));
    let size = |info: &str| {
        info.lines()
            .find(|l| l.starts_with("Page size:"))
            .map(str::to_owned)
    };
    assert!(
        size(&a4).expect("a4 size").contains("595.276 x 841.89"),
        "{a4}"
    );
    assert!(
        size(&letter).expect("letter size").contains("612 x 792"),
        "{letter}"
    );
}

#[test]
fn metadata_title_and_tagging_are_set() {
    let mut report = fixed_report();
    report.title = "Our first weeks".into();
    let info = info_of(&PLAIN.render(&report, Paper::A4).expect("rendered"));
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("no {name} in:\n{info}"))
    };
    assert_eq!(field("Title:"), "Our first weeks");
    assert_eq!(field("Tagged:"), "yes");
    assert!(
        field("CreationDate:").contains("Mar  6 00:00:00 2025"),
        "{info}"
    );
}

fn claims_pdf_ua(pdf: &[u8]) -> bool {
    let (ok, meta) = run_tool("pdfinfo", &["-meta"], &[], pdf);
    assert!(ok, "{meta}");
    meta.contains("pdfuaid:part>1<")
}

#[test]
fn reports_are_pdf_ua_1() {
    let pdf = PLAIN.render(&fixed_report(), Paper::A4).expect("rendered");
    assert!(
        claims_pdf_ua(&pdf),
        "the fixed report should conform to PDF/UA-1"
    );
    let with_emoji = Typesetter::new()
        .render(&fixed_report(), Paper::UsLetter)
        .expect("rendered");
    assert!(claims_pdf_ua(&with_emoji));
}

#[test]
fn pages_after_the_cover_are_numbered() {
    let pdf = PLAIN.render(&fixed_report(), Paper::A4).expect("rendered");
    let info = info_of(&pdf);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let text = text_of(&pdf);
    assert!(!text.contains("Page 1 of"), "the cover has no number");
    for n in 2..=pages {
        assert!(
            text.contains(&format!("Page {n} of {pages}")),
            "page {n}:\n{text}"
        );
    }
}

#[test]
fn the_cover_says_who_it_is_for_and_what_it_is() {
    let text = squash(&text_of(
        &PLAIN.render(&fixed_report(), Paper::A4).expect("rendered"),
    ));
    for needle in [
        "Prepared for Dr. Amal Haddad",
        "Journal kept by Noa",
        "Generated on 6 March 2025",
        "3 March 2025 – 5 March 2025",
        "not a diagnostic or medical record",
    ] {
        assert!(text.contains(needle), "missing {needle:?}:\n{text}");
    }
}

#[test]
fn entries_show_times_kind_people_ratings_and_feelings() {
    let text = squash(&text_of(
        &PLAIN.render(&fixed_report(), Paper::A4).expect("rendered"),
    ));
    for needle in [
        "08:15–08:40",
        "25 min",
        "Skin-to-skin",
        "Feeding · Left breast",
        "Who: Partner",
        "Who: Grandma Rosa",
        "Baby: Mia",
        "Connection 4/5",
        "Energy 2/5",
        "Feelings: calm, tired",
        "Monday, 3 March 2025",
        "Café au lait",
    ] {
        assert!(text.contains(needle), "missing {needle:?}:\n{text}");
    }
}

#[test]
fn parts_not_shared_are_left_out() {
    let mut report = fixed_report();
    report.include.ratings = false;
    report.include.feelings = false;
    report.summary.ratings.clear();
    report.summary.top_feelings.clear();
    for e in report.days.iter_mut().flat_map(|d| d.entries.iter_mut()) {
        e.connection = None;
        e.energy = None;
        e.feelings.clear();
    }
    let text = text_of(&PLAIN.render(&report, Paper::A4).expect("rendered"));
    for absent in ["Connection", "Energy", "Feelings"] {
        assert!(
            !text.contains(absent),
            "{absent} should be left out:\n{text}"
        );
    }
}

#[test]
fn hebrew_arabic_and_accents_use_the_shipped_fonts() {
    let pdf = PLAIN.render(&fixed_report(), Paper::A4).expect("rendered");
    let (ok, fonts) = run_tool("pdffonts", &[], &[], &pdf);
    assert!(ok, "{fonts}");
    for family in [
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansHebrew",
        "NotoNaskhArabic",
    ] {
        assert!(fonts.contains(family), "{family} not embedded:\n{fonts}");
    }
    let text = text_of(&pdf);
    for word in ["Café", "חייכה", "هادئة"] {
        assert!(text.contains(word), "missing {word:?}:\n{text}");
    }
}

#[test]
fn emoji_without_the_emoji_font_are_spelled_out() {
    let typesetter = Typesetter::with_emoji_font(Some(Path::new("/nonexistent/emoji.ttf")));
    assert!(!typesetter.has_emoji_font());
    let mut report = fixed_report();
    report.days[0].entries[0].note = Some("Held her 🫂 and smiled 😊 #1 ©".into());
    let text = squash(&text_of(
        &typesetter.render(&report, Paper::A4).expect("rendered"),
    ));
    assert!(text.contains("[people hugging] Skin-to-skin"), "{text}");
    assert!(
        text.contains("Held her [people hugging] and smiled [smiling face with smiling eyes] #1 ©"),
        "{text}"
    );
}

#[test]
fn emoji_with_the_emoji_font_are_drawn() {
    assert!(
        Path::new(SYSTEM_EMOJI_FONT).exists(),
        "the colour emoji font is missing: `scripts/deps.sh test` installs fonts-noto-color-emoji"
    );
    let typesetter = Typesetter::new();
    assert!(typesetter.has_emoji_font());
    let pdf = typesetter
        .render(&fixed_report(), Paper::A4)
        .expect("rendered");
    let text = text_of(&pdf);
    assert!(text.contains("🫂"), "{text}");
    assert!(!text.contains("[people hugging]"), "{text}");
    let (ok, out) = run_tool("qpdf", &["--check"], &[], &pdf);
    assert!(ok, "{out}");
}

#[test]
fn a_very_long_note_flows_across_pages() {
    let mut report = fixed_report();
    let sentence = "We walked slowly around the kitchen while she dozed. ";
    let note: String = sentence.repeat(100_000 / sentence.len());
    report.days[0].entries[0].note = Some(note.clone());
    report.days[0].entries[1].note = Some(format!("x{}y", "a".repeat(3000)));
    let pdf = PLAIN.render(&report, Paper::A4).expect("rendered");
    let info = info_of(&pdf);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(pages > 10, "{pages} pages");
    // Footers sit between a page's last line and the next page's first: leave them out.
    let raw = text_of(&pdf);
    let body: Vec<&str> = raw
        .lines()
        .filter(|l| !l.starts_with("Page ") && l.trim() != report.title)
        .collect();
    let text = squash(&body.join("\n"));
    assert_eq!(
        text.matches("We walked slowly").count(),
        note.matches("We walked slowly").count()
    );
}

#[test]
fn a_report_with_no_moments_still_renders() {
    let mut report = fixed_report();
    report.days.clear();
    report.summary.moments = 0;
    report.summary.minutes = 0;
    report.summary.kinds.clear();
    for w in &mut report.summary.weeks {
        w.kinds.clear();
    }
    report
        .summary
        .skin_to_skin
        .iter_mut()
        .for_each(|d| d.minutes = 0);
    report.summary.ratings.iter_mut().for_each(|d| {
        d.connection = None;
        d.energy = None;
    });
    report.summary.top_feelings.clear();
    let text = text_of(&PLAIN.render(&report, Paper::A4).expect("rendered"));
    assert!(text.contains("No moments were chosen"), "{text}");
}

#[test]
fn a_typesetter_can_be_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Typesetter>();
    let report = fixed_report();
    let pdfs: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| PLAIN.render(&report, Paper::A4)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread").expect("rendered"))
            .collect()
    });
    assert_eq!(pdfs[0], pdfs[1]);
}

#[test]
fn text_in_scripts_without_a_shipped_font_still_renders() {
    let mut report = fixed_report();
    report.days[0].entries[0].note = Some("日本語のメモ नमस्ते 한국어 ☕ \u{E000} \u{10FFFD}".into());
    report.title = "   ".into();
    let pdf = PLAIN.render(&report, Paper::A4).expect("rendered");
    let (ok, out) = run_tool("qpdf", &["--check"], &[], &pdf);
    assert!(ok, "{out}");
    assert!(text_of(&pdf).contains("[hot beverage]"));
    let info = info_of(&pdf);
    assert!(
        info.contains("Tagged:          yes"),
        "still tagged:\n{info}"
    );
    assert!(
        !claims_pdf_ua(&pdf),
        "glyphs without a font cannot be PDF/UA-1"
    );
}

#[test]
fn errors_never_quote_the_report() {
    let error = nestling_report_pdf::Error::Template("2 error(s) at report.typ:12".into());
    assert_eq!(
        error.to_string(),
        "the report template failed to compile: 2 error(s) at report.typ:12"
    );
}

#[test]
fn shared_check_ins_print_as_the_parents_own_answers() {
    let mut report = fixed_report();
    report.check_ins = vec![common::check_in(9, "2025-03-04", "21:05")];
    report.check_ins[0].worry = None;
    report.check_ins[0] = report.check_ins[0].clone().with_answers();
    let pdf = PLAIN.render(&report, Paper::A4).expect("rendered");
    assert!(
        claims_pdf_ua(&pdf),
        "the check-in page keeps the report PDF/UA-1"
    );
    let text = squash(&text_of(&pdf));
    for needle in [
        "How I felt — my own check-in answers",
        "none of it is a score, a screening or a diagnosis",
        "Tuesday, 4 March 2025, 21:05",
        "Mood: I chose 2, on a scale from 1 very low to 5 very good",
        "Closeness to my baby: I chose 4, on a scale from 1 far away to 5 very close",
        "My sleep in the 24 hours before: 5 h 30 min",
        "Felt supported: somewhat",
        "we had a cuddle after the bath",
    ] {
        assert!(text.contains(needle), "missing {needle:?}:\n{text}");
    }
    assert!(!text.contains("Worry"), "a skipped answer prints nothing");
}

#[test]
fn a_report_without_shared_check_ins_has_no_check_in_section() {
    let text = text_of(&PLAIN.render(&fixed_report(), Paper::A4).expect("rendered"));
    assert!(!text.contains("How I felt"), "{text}");
}

#[test]
fn a_right_to_left_check_in_note_prints_with_the_shipped_fonts() {
    let mut report = fixed_report();
    report.check_ins = vec![common::check_in(9, "2025-03-04", "21:05")];
    report.check_ins[0].note = Some("לילה ארוך".into());
    let text = text_of(&PLAIN.render(&report, Paper::A4).expect("rendered"));
    assert!(text.contains("ארוך") || text.contains("ךורא"), "{text}");
}
