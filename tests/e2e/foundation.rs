//! Journeys of the foundation: the home screen, a round-trip through Rust, and errors from Rust
//! shown as readable messages.

use crate::support::{data_folder, journey};

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn the_home_screen_greets_the_parent_and_leads_to_logging_and_reading() {
    let data = data_folder();
    let expected_dir = data.path().display().to_string();
    journey(data.path(), |page| async move {
        let greeting = page.text("#home-title").await;
        assert!(
            [
                "Hello, night owl",
                "Good morning",
                "Good afternoon",
                "Good evening",
                "Good night"
            ]
            .contains(&greeting.as_str()),
            "unexpected greeting {greeting:?}"
        );
        assert!(!page.text("#today-date").await.is_empty());
        assert_eq!(page.text("#log-card button").await, "Log a moment");
        assert_eq!(page.text("#read-card a").await, "Read");
        // The data folder is only known to Rust: seeing it proves the command round-trip.
        page.text_containing("#data-note", &expected_dir).await;
        page.screenshot("home").await;
    });
    assert!(
        data.path().join("nestling.sqlite3").is_file(),
        "the journal file was created"
    );
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_theme_chosen_in_settings_is_saved_in_rust_and_survives_a_restart() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.wait("#home-title").await;
        page.click("a[data-nav='settings']").await;
        // A section the parent opened stays open when the change of theme draws Settings again.
        page.wait("#erase-form").await;
        page.script("document.querySelector('#erase-form').closest('details').querySelector('summary').click(); document.querySelector('main').firstElementChild.dataset.before = 'yes';")
            .await;
        page.click("input[name='theme'][value='night']").await;
        page.attr_becomes("html", "data-theme", "night").await;
        page.gone("main > [data-before]").await;
        let open = page
            .script("return document.querySelector('#erase-form').closest('details').open;")
            .await;
        assert_eq!(open, serde_json::json!(true), "the section stays open");
        page.screenshot("settings-night").await;
    });
    journey(data.path(), |page| async move {
        page.wait("#home-title").await;
        page.attr_becomes("html", "data-theme", "night").await;
        page.screenshot("home-night").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_journal_file_that_is_not_a_database_is_explained_with_no_backup_to_offer_and_left_alone() {
    let data = data_folder();
    let file = data.path().join("nestling.sqlite3");
    let garbage = b"a shopping list, not a journal: milk, nappies, sleep".to_vec();
    std::fs::write(&file, &garbage).expect("write the damaged file");
    journey(data.path(), |page| async move {
        page.wait("#recovery").await;
        page.text_containing("#recovery-reason", "is not a Nestling journal")
            .await;
        page.text_containing("#recovery-none", "no backup").await;
        page.screenshot("problem-not-a-database").await;
    });
    assert_eq!(std::fs::read(&file).expect("still there"), garbage);
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_journal_from_a_newer_nestling_is_refused_with_a_clear_message() {
    let data = data_folder();
    drop(nestling_store::Store::open_in(data.path()).expect("create a journal"));
    let conn = nestling_store::rusqlite::Connection::open(data.path().join("nestling.sqlite3"))
        .expect("open it");
    conn.pragma_update(None, "user_version", 77)
        .expect("pretend a newer version wrote it");
    drop(conn);
    journey(data.path(), |page| async move {
        assert_eq!(
            page.text("#problem-title").await,
            "This journal needs a newer Nestling"
        );
        page.text_containing("#problem-message", "format 77").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn the_window_refuses_to_leave_the_apps_own_pages() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.wait("#home-title").await;
        page.script("window.location.href = 'https://example.com/'; return null;")
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let here = page.script("return window.location.href").await;
        let here = here.as_str().unwrap_or_default();
        assert!(
            here.starts_with("tauri://localhost"),
            "the window went to {here}"
        );
        page.wait("#home-title").await;
    });
}
