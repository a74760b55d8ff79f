//! Accessibility checks through the real window: the WCAG rules of the accessibility engine the
//! test command installs (`axe-core`, from npm) run in the page on every main screen, the Help
//! screen and the check-in form, in the light and the night theme, and on the lock screen.
//!
//! A journey fails on any violation the engine rates serious or critical, and names the rule and
//! the elements. Moderate and minor findings are printed, not failed, so they are seen in the
//! log and can be judged one by one.

use std::path::PathBuf;

use serde_json::Value;

use crate::privacy::{set_passphrase, unlock};
use crate::support::{data_folder, journey, Page};

/// Where the test command installs the engine; `NESTLING_AXE` overrides it.
fn engine_path() -> PathBuf {
    std::env::var_os("NESTLING_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js")
        })
}

pub(crate) fn engine_source() -> String {
    let path = engine_path();
    std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "the accessibility engine is missing at {} ({err}): run scripts/test.sh, which installs it",
            path.display()
        )
    })
}

/// Runs the engine on the whole page and returns its violations, shortened to what a reader of
/// the log needs: rule, impact, help text and up to five elements.
async fn violations(page: &Page, engine: &str) -> Vec<Value> {
    let loaded = page.script("return typeof window.axe === 'object';").await;
    if loaded != Value::Bool(true) {
        page.script(&format!("{engine}\nreturn true;")).await;
    }
    let found = page
        .script(
            "return window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
               JSON.stringify(r.violations.map((v) => ({
                 id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
               }))));",
        )
        .await;
    let text = found
        .as_str()
        .unwrap_or_else(|| panic!("the engine ran: {found}"));
    serde_json::from_str(text).expect("the engine's findings are JSON")
}

/// Checks the screen now shown: fails on serious or critical findings, prints the others.
pub(crate) async fn check(page: &Page, engine: &str, screen: &str) {
    let found = violations(page, engine).await;
    let (grave, mild): (Vec<&Value>, Vec<&Value>) = found
        .iter()
        .partition(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")));
    for finding in &mild {
        eprintln!("{screen}: {finding}");
    }
    assert!(grave.is_empty(), "{screen}: {grave:#?}");
}

/// Opens a screen from the navigation and waits for its heading.
async fn open(page: &Page, nav: &str, ready: &str) {
    page.click(&format!("a[data-nav='{nav}']")).await;
    page.wait(ready).await;
}

async fn every_screen(page: &Page, engine: &str, theme: &str) {
    open(page, "home", ".quick-grid").await;
    check(page, engine, &format!("Today ({theme})")).await;
    open(page, "journal", "#timeline-title").await;
    check(page, engine, &format!("Journal ({theme})")).await;
    page.click("#new-check-in").await;
    page.wait("#check-in[open]").await;
    check(page, engine, &format!("Check-in ({theme})")).await;
    page.press('\u{E00C}').await;
    page.gone("#check-in[open]").await;
    open(page, "patterns", "#patterns-title").await;
    check(page, engine, &format!("Patterns ({theme})")).await;
    open(page, "library", ".shelf").await;
    check(page, engine, &format!("Library ({theme})")).await;
    page.click("a.article-link").await;
    page.wait("article").await;
    check(page, engine, &format!("an article ({theme})")).await;
    open(page, "export", "#export-title").await;
    check(page, engine, &format!("Share ({theme})")).await;
    open(page, "settings", "input[name='theme']").await;
    check(page, engine, &format!("Settings ({theme})")).await;
    open(page, "help", "#help-now").await;
    check(page, engine, &format!("Help ({theme})")).await;
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn every_screen_passes_the_accessibility_rules_in_the_light_and_night_themes() {
    let engine = engine_source();
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.wait(".quick-grid").await;
        every_screen(&page, &engine, "light").await;
        open(&page, "settings", "input[name='theme']").await;
        page.click("input[name='theme'][value='night']").await;
        page.attr_becomes("html", "data-theme", "night").await;
        every_screen(&page, &engine, "night").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn the_lock_screen_passes_the_accessibility_rules() {
    let engine = engine_source();
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.wait(".quick-grid").await;
        let _code = set_passphrase(&page).await;
        page.click("#lock-now").await;
        page.wait("#unlock-secret").await;
        check(&page, &engine, "the lock screen").await;
        unlock(&page, crate::privacy::PASSPHRASE).await;
    });
}
