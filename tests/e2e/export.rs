//! The therapist export through the real window: moments logged (one private, one hostile, one
//! left out by hand), chosen for the last 7 days, previewed, and saved as a PDF through the
//! native save dialog. The file is then checked by tools nobody here wrote.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::support::{data_folder, journey, Page};

const PRIVATE: &str = "Kept to myself: marker PRIVATE-7Q4.";
const LEFT_OUT: &str = "Not for the report: marker UNTICKED-3K9.";
const HOSTILE: &str = "Marker SHARED-5X2 #{panic()} *not bold* $x$ \\ <script>alert(1)</script> @me ] [ok] \u{05e9}\u{05dc}\u{05d5}\u{05dd} caf\u{e9} \u{1fac2}";

/// Logs a moment from Today with `note`, optionally private.
async fn log_note(page: &Page, note: &str, private: bool) {
    page.wait(".quick-grid").await;
    page.press('n').await;
    page.wait("#editor[open]").await;
    page.fill("#editor-note", note).await;
    if private {
        page.click("#editor-private").await;
    }
    page.click("#editor-save").await;
    page.gone("#editor[open]").await;
}

/// Types `path` into the native save dialog once it is open, and confirms it.
fn answer_save_dialog(path: &Path) {
    answer_file_dialog("Save the report", path, false);
}

/// Types `path` into the native file dialog titled `title` once it is open, and confirms it.
/// `open` is for an open dialog, whose location field ctrl+L brings up first.
pub(crate) fn answer_file_dialog(title: &str, path: &Path, open: bool) {
    let window = wait_for_window(title);
    let run = |args: &[&str]| {
        let status = Command::new("xdotool")
            .args(args)
            .status()
            .expect("xdotool runs (scripts/deps.sh test installs it)");
        assert!(status.success(), "xdotool {args:?} failed");
    };
    run(&["windowfocus", "--sync", &window]);
    if open {
        run(&["key", "--clearmodifiers", "ctrl+l"]);
    }
    run(&["key", "--clearmodifiers", "ctrl+a"]);
    run(&["type", "--delay", "15", &path.display().to_string()]);
    std::thread::sleep(Duration::from_millis(300));
    run(&["key", "Return"]);
}

/// The X window id of the window titled `title`, waiting for it to appear.
fn wait_for_window(title: &str) -> String {
    for _ in 0..100 {
        let out = Command::new("xdotool")
            .args(["search", "--name", title])
            .output()
            .expect("xdotool runs");
        let ids = String::from_utf8_lossy(&out.stdout);
        if let Some(id) = ids.lines().last() {
            // Let GTK finish mapping and focusing its entry.
            std::thread::sleep(Duration::from_millis(700));
            return id.to_owned();
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("the save dialog never opened");
}

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{program} runs (scripts/deps.sh test installs it): {err}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_chosen_week_is_previewed_and_saved_as_a_pdf_without_private_moments() {
    let data = data_folder();
    let out = data_folder();
    let pdf = out.path().join("report.pdf");
    let target = pdf.clone();
    journey(data.path(), |page| async move {
        log_note(&page, PRIVATE, true).await;
        log_note(&page, LEFT_OUT, false).await;
        log_note(&page, HOSTILE, false).await;

        page.click("a[data-nav='export']").await;
        page.click("input[name='export-range'][value='last7']")
            .await;
        page.text_containing("#export-count", "2 of 2 moments chosen")
            .await;
        page.text_containing("#export-count", "1 private moment is never included")
            .await;
        let preview = page.text("#export-preview").await;
        assert!(
            preview.contains("SHARED-5X2") && preview.contains("UNTICKED-3K9"),
            "{preview}"
        );
        assert!(
            preview.contains("<script>alert(1)</script>"),
            "hostile text shows as text: {preview}"
        );
        assert!(
            !preview.contains("PRIVATE-7Q4"),
            "the private moment is never previewed"
        );

        let unticked: serde_json::Value = page
            .script("return [...document.querySelectorAll('.candidate')].find((l) => l.textContent.includes('UNTICKED-3K9')).querySelector('input').dataset.moment;")
            .await;
        page.click(&format!(
            ".candidate input[data-moment='{}']",
            unticked.as_str().expect("an id")
        ))
        .await;
        page.text_containing("#export-count", "1 of 2 moments chosen")
            .await;
        let preview = page.text("#export-preview").await;
        assert!(
            !preview.contains("UNTICKED-3K9"),
            "an unticked moment leaves the preview"
        );
        let chart = page
            .attr("#preview-chart-care img", "src")
            .await
            .unwrap_or_default();
        assert!(
            chart.starts_with("data:image/svg+xml"),
            "the preview draws the report's own charts: {chart:.40}"
        );
        page.click("#preview-chart-care summary").await;
        page.text_containing("#preview-chart-care table", "Per day")
            .await;
        page.screenshot("export-preview").await;
        page.script("document.getElementById('preview-chart-care').scrollIntoView(); return null;")
            .await;
        page.screenshot("export-preview-charts").await;

        let dialog = std::thread::spawn(move || answer_save_dialog(&target));
        page.click("#export-save").await;
        page.text_containing("#toast", "Saved report.pdf").await;
        dialog.join().expect("the dialog was answered");
        page.screenshot("export-saved").await;
    });

    assert!(pdf.exists(), "the PDF was saved where the dialog said");
    let text = tool("pdftotext", &[&pdf.display().to_string(), "-"]);
    for needle in [
        "SHARED-5X2",
        "#{panic()}",
        "*not bold*",
        "$x$",
        "<script>alert(1)</script>",
        "@me ] [ok]",
        "café",
    ] {
        assert!(text.contains(needle), "the PDF holds {needle:?}:\n{text}");
    }
    assert!(
        !text.contains("PRIVATE-7Q4"),
        "the private note is not in the PDF"
    );
    assert!(
        !text.contains("UNTICKED-3K9"),
        "the unticked note is not in the PDF"
    );
    tool("qpdf", &["--check", &pdf.display().to_string()]);
    let names: Vec<_> = std::fs::read_dir(out.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no temporary file is left beside the report: {names:?}"
    );
    let pages = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../e2e-screenshots/export-pdf");
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "2",
            &pdf.display().to_string(),
            &pages.display().to_string(),
        ],
    );
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_save_cancelled_before_its_file_is_written_leaves_nothing() {
    let data = data_folder();
    let out = data_folder();
    let pdf = out.path().join("cancelled.pdf");
    let target = pdf.clone();
    journey(data.path(), |page| async move {
        log_note(&page, "Marker CANCELLED-8W1: a quiet feed.", false).await;
        page.click("a[data-nav='export']").await;
        page.click("input[name='export-range'][value='last7']")
            .await;
        page.text_containing("#export-count", "1 of 1 moment chosen.")
            .await;

        // The parent cancels while the save dialog is still open; a one-moment report lays
        // out too quickly to be caught later. The save then stops at its next check, before
        // it writes anything.
        page.click("#export-save").await;
        page.text_containing("#export-stage", "Choose where to save")
            .await;
        page.click("#export-cancel").await;
        page.screenshot("export-cancelling").await;
        answer_save_dialog(&target);
        page.text_containing("#toast", "The save was cancelled. No file was written.")
            .await;
        page.wait("#export-save").await;
    });

    assert!(!pdf.exists(), "a cancelled save writes no report");
    let left: Vec<_> = std::fs::read_dir(out.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(left.is_empty(), "nor any temporary file: {left:?}");
}

/// Saves one check-in through the app's own command, taken a minute ago.
async fn check_in(page: &Page, note: &str, in_report: bool) {
    let saved = page
        .script(&format!(
            "return (async () => {{
               const d = new Date(Date.now() - 60000);
               const input = {{ takenAt: d.toISOString(), utcOffsetSeconds: -d.getTimezoneOffset() * 60,
                                mood: 2, closeness: 4, sleepMinutes: 330, supported: 'somewhat',
                                note: {note}, inReport: {in_report} }};
               await window.__TAURI__.core.invoke('add_check_in', {{ input }});
               return true;
             }})();",
            note = serde_json::json!(note),
        ))
        .await;
    assert_eq!(saved, serde_json::json!(true), "the check-in was saved");
}

/// Saves the report shown on the Share screen as `path`, answering the native dialog.
async fn save_report(page: &Page, path: &Path) {
    let target = path.to_path_buf();
    let dialog = std::thread::spawn(move || answer_save_dialog(&target));
    page.click("#export-save").await;
    let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
    page.text_containing("#toast", &format!("Saved {name}"))
        .await;
    dialog.join().expect("the dialog was answered");
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_check_in_marked_for_the_report_reaches_the_pdf_and_markdown_as_the_parents_answers() {
    let data = data_folder();
    let out = data_folder();
    let (pdf, markdown) = (out.path().join("report.pdf"), out.path().join("report.md"));
    let (pdf_target, md_target) = (pdf.clone(), markdown.clone());
    journey(data.path(), |page| async move {
        log_note(&page, "Marker CARE-2P6: a long feed.", false).await;
        check_in(&page, "Marker SHARED-CHECKIN-4R8 tired but close", true).await;
        check_in(&page, "Marker KEPT-CHECKIN-9M3 a hard night", false).await;
        page.click("a[data-nav='export']").await;
        page.click("input[name='export-range'][value='last7']")
            .await;
        page.text_containing("#export-preview", "SHARED-CHECKIN-4R8")
            .await;
        let preview = page.text("#export-preview").await;
        assert!(
            !preview.contains("KEPT-CHECKIN-9M3"),
            "a check-in not marked for the report is not previewed: {preview}"
        );
        save_report(&page, &pdf_target).await;
    });
    // A second save in a new window: the first dialog's window would otherwise answer to the
    // same title.
    journey(data.path(), |page| async move {
        page.click("a[data-nav='export']").await;
        page.click("input[name='export-range'][value='last7']")
            .await;
        page.text_containing("#export-preview", "SHARED-CHECKIN-4R8")
            .await;
        page.set_value("#export-format", "markdown").await;
        save_report(&page, &md_target).await;
    });
    let pdf_text = tool("pdftotext", &[&pdf.display().to_string(), "-"]);
    let markdown = std::fs::read_to_string(&markdown).expect("the Markdown was saved");
    for (format, text) in [("PDF", &pdf_text), ("Markdown", &markdown)] {
        for needle in ["my own check-in answers", "SHARED-CHECKIN-4R8", "CARE-2P6"] {
            assert!(
                text.contains(needle),
                "the {format} holds {needle:?}:\n{text}"
            );
        }
        assert!(
            !text.contains("KEPT-CHECKIN-9M3"),
            "the {format} leaves out a check-in not marked for it"
        );
    }
}
