//! The exports read back by tools this project did not write: a CSV reader and a Markdown
//! converter. Both must be installed (`scripts/deps.sh test` installs them); a missing tool
//! fails the test rather than skipping it.

mod common;

use std::io::Write;
use std::process::{Command, Output};

use common::{day, hostile_journal, store, today};
use nestling_export::{build_report, csv, markdown, Range, Report, Selection, CSV_BOM, CSV_HEADER};

fn hostile_report() -> Report {
    let store = store();
    hostile_journal(store.conn());
    let mut s = Selection::new(Range::Between {
        first: day("2026-10-01"),
        last: day("2026-10-07"),
    });
    s.title = Some("# Title with *stars* | pipes & <b>tags</b>".into());
    s.prepared_for = Some("Dr. [Amal] Haddad — \"team\"".into());
    build_report(store.conn(), &s, Some("Sam_the_parent"), today()).expect("report")
}

fn run(program: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap_or_else(|e| {
        panic!("`{program}` could not be started ({e}); `scripts/deps.sh test` installs it")
    });
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("written");
    }
    child.wait_with_output().expect("finished")
}

const READ_CSV: &str = "import csv, json, sys\n\
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    rows = list(csv.reader(f, strict=True))\n\
print(json.dumps(rows))";

#[test]
fn a_csv_reader_reads_back_every_value_of_a_hostile_report() {
    let report = hostile_report();
    let text = csv(&report);
    assert!(
        text.starts_with(CSV_BOM),
        "a byte-order mark for spreadsheets"
    );
    assert!(
        text.ends_with("\r\n") && text.contains("\r\n"),
        "CRLF line endings"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.csv");
    std::fs::write(&path, &text).expect("written");
    let out = run(
        "python3",
        &["-c", READ_CSV, path.to_str().expect("path")],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).expect("rows");
    assert_eq!(rows[0], CSV_HEADER);
    // The rows as the reader sees them, reviewed once: every value whole, formula-like ones
    // as text.
    insta::assert_json_snapshot!("hostile_report_read_back", rows);
    assert!(
        rows.iter().any(|r| r[11].contains("\n\nA new paragraph")),
        "newlines kept"
    );
    assert!(
        rows.iter().any(|r| r[7] == "Nana \"Jo\", O'Neil"),
        "quotes and commas kept"
    );
}

/// Text as HTML shows it: `&`, `<` and `>` escaped, whitespace runs as one space.
fn as_html_text(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    squash(&escaped)
}

/// Every run of whitespace as one space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_markdown_converter_shows_every_hostile_note_literally_without_warnings() {
    let report = hostile_report();
    let md = markdown(&report);
    let out = run("pandoc", &["-f", "markdown", "-t", "html"], Some(&md));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "warnings: {stderr}");
    let html = String::from_utf8(out.stdout).expect("utf-8");
    // Line breaks become <br /> and paragraphs split; compare the text between them.
    let flat = squash(&html.replace("<br />", " ").replace("</p>\n<p>", " "));
    for e in report.days.iter().flat_map(|d| d.entries.iter()) {
        let note = e.note.as_deref().expect("every fixture note is shared");
        assert!(
            flat.contains(&as_html_text(note)),
            "note of {} not literal in:\n{html}",
            e.id
        );
        assert!(flat.contains(&as_html_text(&e.kind)), "kind {}", e.kind);
        assert!(flat.contains(&as_html_text(&e.who)), "who {}", e.who);
        if let Some(baby) = &e.baby {
            assert!(flat.contains(&as_html_text(baby)), "baby {baby}");
        }
    }
    for text in [
        &report.title,
        report.prepared_for.as_ref().expect("set"),
        report.parent_name.as_ref().expect("set"),
    ] {
        assert!(
            flat.contains(&as_html_text(text)),
            "{text} not literal in:\n{html}"
        );
    }
    for tag in [
        "<script",
        "<img",
        "<em>",
        "<strong>not",
        "<a ",
        "<ol",
        "<del",
        "<h1 id=\"not",
        "<table>\n<thead>\n<tr class=\"header\">\n<th>Title",
    ] {
        assert!(!html.contains(tag), "{tag} became markup:\n{html}");
    }
}

#[test]
fn a_spreadsheet_shows_formula_like_notes_as_text_and_runs_none() {
    let store = store();
    let notes = [
        "=HYPERLINK(\"x\")",
        "+44 20 7946",
        "-1",
        "@SUM(A1:A9)",
        "\tcell",
        "calm = kind",
    ];
    for (i, note) in notes.iter().enumerate() {
        let input = nestling_journal::MomentInput {
            kind_id: "soothing".into(),
            started_at: common::at(&format!("2026-10-0{}T10:00:00+02:00", i + 1)),
            utc_offset_seconds: 7200,
            note: (*note).into(),
            ..Default::default()
        };
        nestling_journal::moment::insert(
            store.conn(),
            &input,
            today().and_hms_opt(12, 0, 0).expect("noon").and_utc(),
        )
        .expect("logged");
    }
    let selection = Selection::new(Range::Between {
        first: day("2026-10-01"),
        last: day("2026-10-07"),
    });
    let report = build_report(store.conn(), &selection, None, today()).expect("report");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.csv");
    std::fs::write(&path, csv(&report)).expect("written");
    let out = run(
        "python3",
        &["-c", READ_CSV, path.to_str().expect("path")],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).expect("rows");
    let mut read: Vec<String> = rows[1..].iter().map(|r| r[11].clone()).collect();
    read.sort();
    let mut expected = vec![
        "'=HYPERLINK(\"x\")",
        "'+44 20 7946",
        "'-1",
        "'@SUM(A1:A9)",
        "'\tcell",
        "calm = kind",
    ];
    expected.sort();
    assert_eq!(read, expected);
}
