//! Journeys of the library: search and read, jump through the contents, come back to the same
//! place after a restart, bookmarks and highlights that last, and a broken import explained.

use std::time::Duration;

use crate::support::{data_folder, journey, Page};

/// Opens the skin-to-skin article through the library's search.
async fn open_skin_to_skin(page: &Page) {
    page.click("a[data-nav='library']").await;
    page.fill("#library-search", "skin").await;
    // The results of this search, not of an earlier one still on screen while it runs.
    page.attr_becomes("#library-hits", "data-query", "skin")
        .await;
    page.text_containing("#library-hits", "Skin-to-skin contact")
        .await;
    page.click("#library-hits a[data-slug='skin-to-skin-contact']")
        .await;
    page.text_containing("#article-title", "Skin-to-skin contact")
        .await;
}

/// The id of the focused element.
async fn focused_id(page: &Page) -> String {
    let id = page
        .script("return document.activeElement ? document.activeElement.id : ''")
        .await;
    id.as_str().unwrap_or_default().to_owned()
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn search_finds_the_skin_to_skin_article_and_the_contents_jump_to_a_heading() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.click("a[data-nav='library']").await;
        page.wait("#shelf-topic-bonding").await;
        page.screenshot("library").await;
        for query in ["skin to skin", "skintoskin", "bond"] {
            page.fill("#library-search", query).await;
            page.attr_becomes("#library-hits", "data-query", query)
                .await;
            page.text_containing("#library-results", "min read").await;
            if query != "bond" {
                page.text_containing("#library-hits", "Skin-to-skin contact")
                    .await;
            }
        }
        page.text_containing("#library-hits mark", "ond").await;
        page.screenshot("library-search").await;
        open_skin_to_skin(&page).await;
        assert!(
            page.count("#article-body script, #article-body iframe")
                .await
                == 0
        );
        page.click(".toc-link[data-anchor='how-to-do-it-safely']")
            .await;
        assert_eq!(focused_id(&page).await, "how-to-do-it-safely");
        let top = page
            .script(
                "return document.getElementById('how-to-do-it-safely').getBoundingClientRect().top",
            )
            .await;
        assert!(
            top.as_f64().unwrap_or(999.0) < 100.0,
            "the heading is at the top: {top}"
        );
        page.screenshot("reader-light").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn the_reader_comes_back_to_the_same_place_after_a_restart() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        open_skin_to_skin(&page).await;
        page.click(".toc-link[data-anchor='how-long-and-how-often']")
            .await;
        page.script("window.scrollBy(0, 1); return null;").await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
    });
    journey(data.path(), |page| async move {
        page.click("a[data-nav='library']").await;
        page.text_containing("#shelf-continue", "Skin-to-skin contact")
            .await;
        page.click("#shelf-continue a[data-slug='skin-to-skin-contact']")
            .await;
        page.wait("#article-body").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let top = page
            .script("return document.getElementById('how-long-and-how-often').getBoundingClientRect().top")
            .await;
        let top = top.as_f64().unwrap_or(999.0);
        assert!(
            (-50.0..150.0).contains(&top),
            "back at the same heading: {top}"
        );
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn a_bookmark_and_a_highlight_survive_a_restart() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        open_skin_to_skin(&page).await;
        page.click("#bookmark").await;
        page.attr_becomes("#bookmark", "aria-pressed", "true").await;
        page.script(
            "const p = document.querySelector('#article-body p'); const t = p.firstChild; \
             const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, Math.min(40, t.length)); \
             const s = document.getSelection(); s.removeAllRanges(); s.addRange(r); \
             document.dispatchEvent(new Event('selectionchange')); return null;",
        )
        .await;
        page.click("#highlight-selection").await;
        page.wait("#highlight-list blockquote").await;
        page.fill(
            "#highlight-list .highlight-note",
            "This is what I needed to hear.",
        )
        .await;
        page.click("#highlight-list .save-note").await;
        page.text_containing("#toast", "Note saved").await;
    });
    journey(data.path(), |page| async move {
        page.click("a[data-nav='library']").await;
        page.text_containing("#shelf-bookmarks", "Skin-to-skin contact")
            .await;
        page.click("#shelf-bookmarks a[data-slug='skin-to-skin-contact']")
            .await;
        page.attr_becomes("#bookmark", "aria-pressed", "true").await;
        let quote = page.text("#highlight-list blockquote").await;
        assert!(quote.len() > 10, "the highlight kept its words: {quote}");
        let note = page
            .attr("#highlight-list .highlight-note", "value")
            .await
            .unwrap_or_default();
        let note = if note.is_empty() {
            let value = page
                .script("return document.querySelector('#highlight-list .highlight-note').value")
                .await;
            value.as_str().unwrap_or_default().to_owned()
        } else {
            note
        };
        assert_eq!(note, "This is what I needed to hear.");
        page.screenshot("reader-highlight").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn importing_a_malformed_article_names_the_file_and_the_library_still_lists_the_rest() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.click("a[data-nav='library']").await;
        page.wait("#import-file").await;
        page.script(
            "const text = '+++\\ntitle = \"From the clinic\"\\n+++\\n\\nHello <b>there</b>\\n'; \
             const file = new File([text], 'clinic-notes.md', { type: 'text/markdown' }); \
             const transfer = new DataTransfer(); transfer.items.add(file); \
             const input = document.getElementById('import-file'); input.files = transfer.files; \
             input.dispatchEvent(new Event('change', { bubbles: true })); return null;",
        )
        .await;
        let message = page
            .text_containing("#notice .notice-text", "clinic-notes.md")
            .await;
        assert!(
            message.contains("line"),
            "the message says where: {message}"
        );
        page.screenshot("import-error").await;
        assert!(
            page.count("a.article-link").await >= 12,
            "the shipped articles are all still listed"
        );
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn the_reader_in_the_night_theme() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.click("a[data-nav='settings']").await;
        page.click("input[name='theme'][value='night']").await;
        page.attr_becomes("html", "data-theme", "night").await;
        open_skin_to_skin(&page).await;
        page.screenshot("reader-night").await;
        page.press('/').await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(focused_id(&page).await, "library-search");
        page.screenshot("library-night").await;
    });
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn an_imported_article_can_be_read_then_removed_from_the_library() {
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.click("a[data-nav='library']").await;
        page.wait("#import-file").await;
        page.script(
            "const text = '+++\\ntitle = \"Notes from the clinic\"\\nsummary = \"What the midwife said.\"\\n\
             topics = [\"getting-help\"]\\norder = 1\\npublished = 2026-11-01\\nrelated = []\\n+++\\n\\n\
             A short word from the clinic.\\n\\n## First weeks\\n\\nRest when you can.\\n'; \
             const file = new File([text], 'clinic-notes.md', { type: 'text/markdown' }); \
             const transfer = new DataTransfer(); transfer.items.add(file); \
             const input = document.getElementById('import-file'); input.files = transfer.files; \
             input.dispatchEvent(new Event('change', { bubbles: true })); return null;",
        )
        .await;
        page.text_containing("#toast", "Imported").await;
        page.text_containing("#library-results", "Notes from the clinic")
            .await;
        let shipped = page.count("a.article-link").await;
        page.script(
            "[...document.querySelectorAll('a.article-link')].find((a) => a.textContent.includes('Notes from the clinic')).click(); return null;",
        )
        .await;
        page.text_containing("#article-title", "Notes from the clinic")
            .await;
        page.click("#remove-article").await;
        page.text_containing("#remove-article", "Yes, remove").await;
        page.click("#remove-article").await;
        page.text_containing("#toast", "Removed").await;
        page.wait("#import-file").await;
        let after = page.count("a.article-link").await;
        assert!(
            after < shipped,
            "the shelf lost the imported article: {shipped} then {after}"
        );
        let listed = page.text("#library-results").await;
        assert!(!listed.contains("Notes from the clinic"), "{listed}");
    });
}
