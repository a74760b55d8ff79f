//! Sharing between two caregivers' computers, through two real windows: two copies of the app
//! on two data folders and one shared folder (a temporary folder standing in for a synced folder
//! or a USB stick). The debug build's folder dialog answers with that folder, named in a
//! test-only variable (GTK's folder dialog cannot be answered by typing, unlike its file dialogs).
//!
//! The journey: pair (the code read on one window, typed on the other, the same words on both),
//! a moment logged on one appears on the other, a timer started on one runs on the other and
//! stopped there becomes one moment on both, edits made on both while the folder is away merge
//! once it is back, and after unpairing nothing new arrives.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::a11y::{check, engine_source};
use crate::support::{data_folder, two_journeys, Page};

/// How long a change may take to reach the other window through the folder.
const CROSSING: Duration = Duration::from_secs(30);

async fn open_settings_at_sharing(page: &Page) {
    page.click("a[data-nav='settings']").await;
    page.wait("#sharing-title").await;
}

async fn open_today(page: &Page) {
    page.click("a[data-nav='home']").await;
    page.wait(".quick-grid").await;
}

/// Chooses the shared folder: the debug build's folder dialog answers with the folder named
/// in the test-only variable the harness set (see `two_journeys`), as GTK's folder dialog
/// cannot be answered by typing.
async fn choose_folder(page: &Page, folder: &Path) {
    page.click("#sharing-choose-folder").await;
    page.text_containing("#sharing-folder", &folder.display().to_string())
        .await;
}

/// The code on the page, as its groups joined by dashes.
async fn shown_code(page: &Page) -> String {
    // The code arrives from the app after the click: wait for it to be drawn.
    page.wait("#pairing-code .code-group").await;
    page.wait("#check-phrase").await;
    let code = page
        .script("return [...document.querySelectorAll('#pairing-code .code-group')].map((g) => g.textContent).join('-');")
        .await;
    code.as_str().expect("a code").to_owned()
}

/// How many moments Today lists, and how many of them came from the partner.
async fn today_counts(page: &Page) -> (u64, u64) {
    let counts = page
        .script("const rows = [...document.querySelectorAll('#today-list .moment')]; return [rows.length, rows.filter((r) => r.textContent.includes('from ')).length];")
        .await;
    let n = |i: usize| counts[i].as_u64().unwrap_or(0);
    (n(0), n(1))
}

/// Waits until Today lists `expected` moments.
async fn today_lists(page: &Page, expected: u64) {
    let deadline = Instant::now() + CROSSING;
    loop {
        let (all, _) = today_counts(page).await;
        if all == expected {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "Today lists {all} moments, not {expected}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn sync_now(page: &Page) {
    open_settings_at_sharing(page).await;
    page.click("#sharing-sync-now").await;
    page.wait("#sharing-status").await;
}

async fn theme(page: &Page, name: &str) {
    page.click("a[data-nav='settings']").await;
    page.click(&format!("input[name='theme'][value='{name}']"))
        .await;
    page.attr_becomes("html", "data-theme", name).await;
}

/// Opens the editor on the moment in Today's list whose row mentions `text`.
async fn open_row(page: &Page, text: &str) {
    page.text_containing("#today-list", text).await;
    page.script(&format!("[...document.querySelectorAll('#today-list .moment')].find((r) => r.textContent.includes('{text}')).querySelector('.moment-open').click();"))
        .await;
    page.wait("#editor[open]").await;
}

/// Edits the feeding in Today's list: `change` runs inside the open editor.
async fn edit_feeding<F, Fut>(page: &Page, change: F)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    open_today(page).await;
    open_row(page, "Feeding").await;
    change().await;
    page.click("#editor-save").await;
    page.gone("#editor[open]").await;
}

fn moved(shared: &Path) -> PathBuf {
    shared.with_extension("away")
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn two_computers_pair_share_the_care_merge_edits_made_apart_and_unpair() {
    let (a, b) = (data_folder(), data_folder());
    let outside = data_folder();
    let shared = outside.path().join("Shared with Noor");
    std::fs::create_dir(&shared).expect("the shared folder");
    let folder = shared.clone();
    two_journeys(a.path(), b.path(), &shared, |sam, noor| async move {
        let engine = engine_source();
        // Pairing: the code shown on Sam's window is typed on Noor's; both show the same words.
        open_settings_at_sharing(&sam).await;
        sam.click("#sharing-show-code").await;
        let code = shown_code(&sam).await;
        assert_eq!(code.split('-').count(), 9, "{code}");
        let phrase = sam.text("#check-phrase").await;
        open_settings_at_sharing(&noor).await;
        noor.click("#sharing-have-code").await;
        noor.fill("#sharing-code", &code.to_lowercase().replace('-', " "))
            .await;
        noor.click("#sharing-check-code").await;
        assert_eq!(noor.text("#check-phrase").await, phrase, "the same words");
        noor.text_containing(".pairing-card", "Do you both see these words?")
            .await;

        sam.fill("#sharing-name", "Sam").await;
        choose_folder(&sam, &folder).await;
        sam.screenshot("sharing-code-shown").await;
        check(&sam, &engine, "Settings, pairing code").await;
        sam.click("#sharing-confirm").await;
        sam.wait("#sharing-status").await;
        noor.fill("#sharing-name", "Noor").await;
        choose_folder(&noor, &folder).await;
        noor.screenshot("sharing-code-typed").await;
        noor.click("#sharing-confirm").await;
        noor.text_containing("#sharing-with", "Sharing with Sam\u{2019}s computer")
            .await;
        sam.text_containing("#sharing-with", "Sharing with Noor\u{2019}s computer")
            .await;
        sam.text_containing("#sharing-indicator", "Shared with Noor")
            .await;
        sam.screenshot("sharing-paired").await;
        check(&sam, &engine, "Settings, paired").await;

        // A moment logged on Sam's computer appears on Noor's, marked as Sam's.
        open_today(&noor).await;
        open_today(&sam).await;
        sam.click(".quick[data-kind='changing']").await;
        today_lists(&sam, 1).await;
        today_lists(&noor, 1).await;
        noor.text_containing("#today-list", "from Sam").await;
        sam.script("window.scrollTo(0, 0);").await;
        sam.screenshot("sharing-today-header").await;

        // Sam shares how they felt about it: the feeling word reaches Noor, read-only there.
        sam.click("#today-list .moment .moment-open").await;
        sam.wait("#editor[open]").await;
        sam.text_containing("label:has(#editor-share)", "Share how I felt with Noor")
            .await;
        sam.click(".feeling[data-word='calm']").await;
        sam.click("#editor-share").await;
        sam.click("#editor-save").await;
        sam.gone("#editor[open]").await;
        noor.text_containing("#today-list .moment", "calm").await;

        // A feed timer started on Noor's computer runs on Sam's; stopped there, it is one
        // moment on both and no timer anywhere.
        noor.click(".quick[data-kind='feeding']").await;
        noor.wait(".timer-card[data-kind='feeding']").await;
        sam.wait(".timer-card[data-kind='feeding']").await;
        sam.click(".timer-card[data-kind='feeding'] .stop-timer")
            .await;
        noor.gone(".timer-card").await;
        sam.gone(".timer-card").await;
        today_lists(&sam, 2).await;
        today_lists(&noor, 2).await;
        let (_, from_sam) = today_counts(&noor).await;
        assert_eq!(from_sam, 2, "both moments were written on Sam's computer");

        // The folder goes away (a drive unplugged); each edits a different field of the feed.
        std::fs::rename(&folder, moved(&folder)).expect("unplugged");
        edit_feeding(&sam, || async {
            sam.set_value("#editor-detail", "bottle").await;
        })
        .await;
        edit_feeding(&noor, || async {
            noor.set_value("#editor-who", "caregiver").await;
            noor.fill("#editor-caregiver", "Nana").await;
        })
        .await;
        sam.wait("#sharing-indicator.has-note").await;
        sam.script("window.scrollTo(0, 0);").await;
        sam.screenshot("sharing-header-note").await;
        sam.resize(420, 780).await;
        sam.script("window.scrollTo(0, 0);").await;
        sam.screenshot("sharing-header-narrow").await;
        sam.resize(1100, 780).await;
        sam.click("#sharing-indicator").await;
        sam.wait("#sharing-trouble").await;
        sam.text_containing(
            "#sharing-trouble",
            "The shared folder can\u{2019}t be found",
        )
        .await;
        sam.screenshot("sharing-trouble").await;

        // Back again: one merged feed on both.
        std::fs::rename(moved(&folder), &folder).expect("plugged in");
        sync_now(&sam).await;
        sync_now(&noor).await;
        sync_now(&sam).await;
        sam.gone("#sharing-trouble").await;
        for page in [&sam, &noor] {
            open_today(page).await;
            page.text_containing("#today-list", "Feeding \u{b7} Bottle")
                .await;
            edit_feeding(page, || async {
                let who = page.attr("#editor-caregiver", "value").await;
                assert_eq!(who.as_deref(), Some("Nana"), "Noor's change is kept");
                let detail = page
                    .script("return document.getElementById('editor-detail').value;")
                    .await;
                assert_eq!(detail, "bottle", "Sam's change is kept");
            })
            .await;
        }

        // The editor of a partner's moment: its care open, its feelings read-only.
        open_today(&noor).await;
        open_row(&noor, "Changing").await;
        noor.text_containing(
            "#editor-partner-note",
            "Written on Sam\u{2019}s computer: you can change the care, they keep their feelings.",
        )
        .await;
        noor.text_containing("#editor-their-feelings", "calm").await;
        assert_eq!(
            noor.count("#editor-note, #editor-share").await,
            0,
            "not Noor's to change"
        );
        noor.screenshot("sharing-partner-editor").await;
        check(&noor, &engine, "the editor of a partner's moment").await;
        noor.click("#editor-cancel").await;
        theme(&noor, "night").await;
        open_today(&noor).await;
        open_row(&noor, "Changing").await;
        noor.wait("#editor-partner-note").await;
        noor.screenshot("sharing-partner-editor-night").await;
        noor.click("#editor-cancel").await;
        open_settings_at_sharing(&noor).await;
        noor.screenshot("sharing-paired-night").await;

        // Sam unpairs; what Noor logs afterwards does not reach Sam.
        open_settings_at_sharing(&sam).await;
        sam.click("#sharing-unpair").await;
        sam.text_containing("#unpair-question", "Every moment stays on both computers")
            .await;
        sam.click("#sharing-unpair-yes").await;
        sam.wait("#sharing-show-code").await;
        sam.gone("#sharing-indicator").await;
        sync_now(&noor).await;
        noor.text_containing("#sharing-trouble", "Sam unpaired on their computer")
            .await;
        noor.screenshot("sharing-partner-left-night").await;
        open_today(&noor).await;
        noor.click(".quick[data-kind='rocking']").await;
        today_lists(&noor, 3).await;
        sync_now(&noor).await;
        open_today(&sam).await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        today_lists(&sam, 2).await;
    });
}
