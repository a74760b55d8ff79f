//! Help through the real window: one key from Today, lines that follow the chosen region, the
//! parent's care team added in Settings and shown on Help after a restart with a passphrase,
//! and Help on the lock and recovery screens without unlocking.

use nestling_store::{Reason, Store};

use crate::privacy::{damage_middle, set_passphrase, unlock, PASSPHRASE};
use crate::support::{data_folder, journey, Page};

/// WebDriver's code for the F1 key.
const F1: char = '\u{E031}';

/// Chooses a region in the Help screen's picker, as a person picking from the list does.
async fn choose_region(page: &Page, code: &str) {
    page.set_value("#help-region", code).await;
}

async fn add_contact(page: &Page) {
    page.click("a[data-nav='settings']").await;
    page.set_value("#contact-role-new", "midwife").await;
    page.fill("#contact-name-new", "Jo Rivers \u{202E}(midwife)")
        .await;
    page.fill("#contact-phone-new", "0161 496 0000").await;
    page.fill(
        "#contact-notes-new",
        "<b>Tuesdays</b> 9\u{2013}12 \u{1F476}",
    )
    .await;
    page.click("#contact-form-new button[type='submit']").await;
    page.text_containing("#contact-list", "Jo Rivers").await;
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn help_is_one_key_from_today_follows_the_region_and_shows_the_care_team() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.wait(".quick-grid").await;
        page.press('h').await;
        page.wait("#help-now").await;
        choose_region(&page, "GB").await;
        page.text_containing("#help-emergency", "999").await;
        page.text_containing("#help-now", "Samaritans").await;
        page.text_containing("#help-team", "Settings").await;
        page.screenshot("help-light").await;
        choose_region(&page, "IE").await;
        page.text_containing("#help-emergency", "112").await;
        choose_region(&page, "elsewhere").await;
        page.text_containing("#help-emergency", "your local emergency number")
            .await;
        choose_region(&page, "AU").await;
        page.text_containing("#help-emergency", "000").await;
        add_contact(&page).await;
        // The chosen region was saved: the link in the bar opens Help on Australia's lines.
        page.click("a.help-link").await;
        page.text_containing("#help-emergency", "000").await;
        page.text_containing("#help-team-list", "Jo Rivers").await;
        page.text_containing("#help-team-list", "<b>Tuesdays</b>")
            .await;
        page.text_containing("#help-team-list", "0161 496 0000")
            .await;
        page.click("a[data-nav='settings']").await;
        page.click("input[name='theme'][value='night']").await;
        page.click("a.help-link").await;
        page.wait("#help-team-list").await;
        page.screenshot("help-night").await;
        set_passphrase(&page).await;
    });
    let db = std::fs::read(data.path().join("nestling.sqlite3")).expect("the journal");
    assert!(
        !db.windows(9).any(|w| w == b"Jo Rivers"),
        "the care team is encrypted with the journal"
    );
    journey(data.path(), |page| async move {
        page.wait("#unlock-secret").await;
        page.press(F1).await;
        page.wait("#help-now").await;
        page.text_containing("#help-team", "Open your journal")
            .await;
        page.screenshot("help-locked").await;
        page.click("#help-back").await;
        unlock(&page, PASSPHRASE).await;
        page.wait(".quick-grid").await;
        page.click("a.help-link").await;
        page.text_containing("#help-team-list", "Jo Rivers").await;
        page.text_containing("#help-emergency", "000").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn help_opens_on_the_recovery_screen_and_going_back_finds_it_unchanged() {
    let data = data_folder();
    {
        let store = Store::open_in(data.path()).expect("a journal");
        store.backup(Reason::Manual).expect("a backup");
    }
    let db = data.path().join("nestling.sqlite3");
    damage_middle(&db);
    journey(data.path(), |page| async move {
        page.wait("#recovery").await;
        page.click("a.help-link").await;
        page.wait("#help-now").await;
        page.text_containing("#help-now", "postpartum psychosis")
            .await;
        page.click("#help-back").await;
        page.wait("#recovery-restore").await;
    });
}
