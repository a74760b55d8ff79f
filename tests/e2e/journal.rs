//! Journeys of the journal: logging with the timer, editing, deleting and undoing, search,
//! hostile notes, a timer across a restart, and validation messages.

use std::time::Duration;

use crate::support::{data_folder, journey, Page};

const HOSTILE: &str = "tiny hands <img src=x onerror=\"document.title='pwned'\"> and <script>document.title='pwned'</script> \u{05e9}\u{05dc}\u{05d5}\u{05dd} \u{1f476}";

/// Opens the editor of the newest moment in Today's list.
async fn open_newest_today(page: &Page) {
    page.click("#today-list li:first-child .moment-open").await;
    page.wait("#editor[open]").await;
}

/// Saves the open editor and waits for it to close.
async fn save(page: &Page) {
    page.click("#editor-save").await;
    page.gone("#editor[open]").await;
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_skin_to_skin_moment_is_timed_felt_noted_edited_and_found() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        // The harness runs the app where it is about midday, so moving this moment 25 minutes
        // earlier cannot carry it into yesterday.
        if std::env::var_os("TZ").is_none() {
            let hour = page.script("return new Date().getHours();").await;
            let hour = hour.as_i64().expect("an hour");
            assert!((11..=14).contains(&hour), "the page's local hour is {hour}");
        }
        page.click(".quick[data-kind='skin_to_skin']").await;
        page.wait(".timer-card[data-kind='skin_to_skin'] .timer-elapsed")
            .await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        page.text_containing(".timer-elapsed", "0:0").await;
        page.screenshot("today-timer").await;
        page.click(".timer-card .stop-timer").await;
        page.text_containing("#toast", "Saved 0 min of skin-to-skin")
            .await;
        page.click("#toast .toast-action").await;
        page.wait("#editor[open]").await;
        page.click(".feeling[data-word='calm']").await;
        page.click("#editor-connection input[value='4']").await;
        page.fill("#editor-own-feeling", "wobbly").await;
        page.click("#editor-add-feeling").await;
        page.fill(
            "#editor-note",
            "She fell asleep on my chest and I felt steady for once.",
        )
        .await;
        page.text_containing("#draft-status", "Draft kept").await;
        page.screenshot("editor").await;
        save(&page).await;

        let row = page.text("#today-list li:first-child").await;
        assert!(row.contains("Skin-to-skin"), "{row}");
        assert!(row.contains("calm") && row.contains("wobbly"), "{row}");
        assert!(row.contains("connection 4/5"), "{row}");
        assert!(row.contains("felt steady for once"), "{row}");

        // Edit: it started 25 minutes before it ended.
        open_newest_today(&page).await;
        let end = page.attr("#editor-end", "value").await.unwrap_or_default();
        assert!(!end.is_empty(), "a timed moment has an end");
        let start: serde_json::Value = page
            .script("const e = document.getElementById('editor-end').value; const d = new Date(e); d.setMinutes(d.getMinutes() - 25); const p = (n) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;")
            .await;
        page.set_value("#editor-start", start.as_str().expect("a date string"))
            .await;
        save(&page).await;
        page.text_containing("#today-list li:first-child .moment-facts", "25 min")
            .await;
        page.text_containing("#today-totals", "25 min skin-to-skin")
            .await;
        page.screenshot("today-logged").await;

        page.click("a[data-nav='journal']").await;
        page.text_containing(".day:first-of-type .day-heading", "Today")
            .await;
        page.text_containing(".day:first-of-type .moment-list", "25 min")
            .await;
        page.fill("#journal-search", "steady").await;
        page.click(".search-form button[type='submit']").await;
        page.text_containing("#search-summary", "1 moment found")
            .await;
        assert_eq!(
            page.text("#search-results mark").await.to_lowercase(),
            "steady"
        );
        page.screenshot("timeline-search").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_deleted_moment_comes_back_with_undo_and_from_the_trash() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.click(".quick[data-kind='changing']").await;
        page.text_containing("#toast", "Logged changing").await;
        page.wait("#today-list li").await;

        open_newest_today(&page).await;
        page.click("#editor-delete").await;
        page.text_containing("#toast", "Moved to the trash").await;
        page.wait("#log-card").await;
        page.click("#toast .toast-action").await;
        page.wait("#today-list li").await;

        open_newest_today(&page).await;
        page.click("#editor-delete").await;
        page.wait("#log-card").await;
        page.click("a[data-nav='journal']").await;
        page.click("#open-trash").await;
        page.text_containing("#trash-list", "Changing").await;
        page.screenshot("trash").await;
        page.click("#trash-list .restore").await;
        page.wait("#trash-empty").await;
        page.click("a[data-nav='home']").await;
        page.text_containing("#today-list", "Changing").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_hostile_note_is_shown_as_text_and_runs_nothing() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.wait("#home-title").await;
        let title = page.script("return document.title").await;
        page.click("#new-moment").await;
        page.wait("#editor[open]").await;
        page.set_value("#editor-note", HOSTILE).await;
        save(&page).await;
        let note = page.text("#today-list .moment-note").await;
        assert!(note.contains("<img src=x onerror="), "{note}");
        assert!(note.contains("<script>"), "{note}");
        assert!(note.contains("\u{05e9}\u{05dc}\u{05d5}\u{05dd}"), "{note}");
        assert_eq!(page.count("#today-list img, #today-list script").await, 0);
        page.click("a[data-nav='journal']").await;
        page.fill("#journal-search", "tiny").await;
        page.click(".search-form button[type='submit']").await;
        page.text_containing("#search-results", "<script>").await;
        assert_eq!(
            page.count("#search-results img, #search-results script")
                .await,
            0
        );
        assert_eq!(page.script("return document.title").await, title);
        assert!(!page.alert_open().await, "no alert may open");
        page.screenshot("hostile-note").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_running_timer_survives_a_restart_of_the_app() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.click(".quick[data-kind='feeding']").await;
        page.wait(".timer-card[data-kind='feeding']").await;
    });
    journey(data.path(), |page| async move {
        page.wait(".timer-card[data-kind='feeding'] .timer-elapsed")
            .await;
        assert_eq!(
            page.count(".quick[data-kind='feeding']").await,
            0,
            "no second start button while it runs"
        );
        page.click(".timer-card .stop-timer").await;
        page.text_containing("#today-list", "Feeding").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn validation_errors_are_readable_and_save_nothing() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.click("#new-moment").await;
        page.wait("#editor[open]").await;
        page.set_value("#editor-start", "2026-01-10T10:00").await;
        page.set_value("#editor-end", "2026-01-10T09:00").await;
        page.click("#editor-save").await;
        page.text_containing("#editor-error", "The end time is before the start time.")
            .await;
        page.screenshot("editor-error").await;

        page.set_value("#editor-start", "2099-01-10T10:00").await;
        page.set_value("#editor-end", "").await;
        page.click("#editor-save").await;
        page.text_containing("#editor-error", "more than 5 minutes in the future")
            .await;

        page.set_value("#editor-start", "2026-01-10T08:00").await;
        page.set_value("#editor-end", "2026-01-11T09:00").await;
        page.click("#editor-save").await;
        page.text_containing("#editor-error", "A moment can last up to 24 hours")
            .await;

        page.click("#editor-cancel").await;
        page.click("a[data-nav='journal']").await;
        page.fill("#journal-search", "").await;
        page.click("#show-earlier").await;
        assert_eq!(page.count(".day").await, 0, "nothing was saved");
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn one_key_logs_a_moment_and_another_starts_and_stops_a_timer() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.wait(".quick[data-kind='changing']").await;
        page.press('c').await;
        page.text_containing("#today-list", "Changing").await;
        page.press('s').await;
        page.wait(".timer-card[data-kind='skin_to_skin']").await;
        page.press('s').await;
        page.gone(".timer-card").await;
        page.text_containing("#today-list", "Skin-to-skin").await;
        page.press('n').await;
        page.wait("#editor[open]").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_timer_left_running_for_over_twelve_hours_asks_what_happened() {
    let data = data_folder();
    {
        let store = nestling_store::Store::open_in(data.path()).expect("create a journal");
        let now = chrono::Utc::now();
        let input = nestling_journal::TimerInput {
            kind_id: "skin_to_skin".into(),
            utc_offset_seconds: 0,
            started_at: Some(now - chrono::TimeDelta::hours(13)),
            ..Default::default()
        };
        nestling_journal::timer::start(store.conn(), &input, now).expect("a forgotten timer");
    }
    journey(data.path(), |page| async move {
        page.text_containing(".timer-question", "more than 12 hours")
            .await;
        page.screenshot("timer-question").await;
        page.click(".keep-timer").await;
        page.gone(".timer-question").await;
        page.click(".stop-timer").await;
        page.text_containing("#toast", "Saved 13 h of skin-to-skin")
            .await;
    });
}
