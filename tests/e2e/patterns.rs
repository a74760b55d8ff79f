//! The Patterns screen: a few weeks of care logged through the app's own commands, read back
//! week by week, narrowed by range, baby and kind, and a week opened in the Journal.

use crate::support::{data_folder, journey, Page};

/// Adds Ada and Ben, then logs the last 27 days (never today, so nothing is in the future):
/// a feeding of Ada's each day, rated 2 for closeness in the older fortnight and 3 in the recent
/// one, given by the partner on even days; skin to skin with Ada every third day for 20 minutes;
/// a feeding of Ben's every other day, without ratings. Returns Ben's id.
async fn seed_four_weeks(page: &Page) -> i64 {
    let ben = page
        .script(
            "return (async () => {
               const invoke = window.__TAURI__.core.invoke;
               const ada = await invoke('add_baby', { input: { name: 'Ada', birthDate: null } });
               const ben = await invoke('add_baby', { input: { name: 'Ben', birthDate: null } });
               const at = (back, minutes) => {
                 const d = new Date(); d.setDate(d.getDate() - back); d.setHours(0, minutes, 0, 0);
                 return d;
               };
               const log = (d, input) => invoke('log_moment', { input: {
                 startedAt: d.toISOString(), utcOffsetSeconds: -d.getTimezoneOffset() * 60, ...input } });
               for (let back = 1; back <= 27; back += 1) {
                 await log(at(back, 10), { kindId: 'feeding', babyId: ada.id,
                   who: back % 2 === 0 ? 'partner' : 'me', connection: back >= 14 ? 2 : 3 });
                 if (back % 3 === 0) {
                   const start = at(back, 30);
                   await log(start, { kindId: 'skin_to_skin', babyId: ada.id, connection: back >= 14 ? 2 : 3,
                     endedAt: new Date(start.getTime() + 20 * 60000).toISOString() });
                 }
                 if (back % 2 === 1) await log(at(back, 50), { kindId: 'feeding', babyId: ben.id });
               }
               return ben.id;
             })();",
        )
        .await;
    ben.as_i64().expect("Ben's id")
}

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn four_weeks_of_care_read_back_week_by_week_and_a_week_opens_in_the_journal() {
    let engine = crate::a11y::engine_source();
    let data = data_folder();
    journey(data.path(), |page| async move {
        page.wait(".quick-grid").await;
        page.click("a[data-nav='patterns']").await;
        page.text_containing("#patterns-empty", "Nothing is logged")
            .await;

        let ben = seed_four_weeks(&page).await;
        // The screen reads the babies and kinds at start, as after a restart.
        page.script("location.reload();").await;
        page.wait("a[data-nav='patterns']").await;
        page.click("a[data-nav='patterns']").await;
        page.text_containing(
            "#pattern-words",
            "Over the last 4 weeks you held your baby skin to skin on",
        )
        .await;
        page.text_containing("#pattern-words", "went from mostly 2 to mostly 3")
            .await;
        assert_eq!(page.count("#patterns-empty").await, 0);
        for chart in ["care", "skin", "closeness", "who"] {
            let css = format!("#chart-{chart}");
            assert_eq!(
                page.attr(&css, "tabindex").await.as_deref(),
                Some("0"),
                "{css} takes focus"
            );
            let src = page
                .attr(&format!("{css} img"), "src")
                .await
                .unwrap_or_default();
            assert!(
                src.starts_with("data:image/svg+xml"),
                "{css} is an SVG image: {src:.40}"
            );
            let alt = page
                .attr(&format!("{css} img"), "alt")
                .await
                .unwrap_or_default();
            assert!(alt.len() > 20, "{css} says what it shows: {alt:?}");
        }
        for chart in ["closeness", "who"] {
            page.click(&format!("#chart-{chart} summary")).await;
        }
        page.text_containing("#chart-closeness table", "(from")
            .await;
        page.text_containing("#chart-who table", "Partner").await;
        page.screenshot("patterns-light").await;
        crate::a11y::check(&page, &engine, "Patterns with four weeks of care").await;
        page.script("document.getElementById('chart-closeness').scrollIntoView(); return null;")
            .await;
        page.screenshot("patterns-closeness-and-who").await;

        page.set_value("#patterns-baby", &ben.to_string()).await;
        page.text_containing("#pattern-words", "you logged").await;
        page.text_containing("#pattern-words", "not many closeness ratings yet")
            .await;
        page.set_value("#patterns-baby", "").await;

        page.set_value("#patterns-kind", "skin_to_skin").await;
        page.text_containing("#pattern-words", "skin to skin on")
            .await;
        page.set_value("#patterns-kind", "").await;

        page.set_value("#patterns-range", "all").await;
        page.text_containing("#pattern-words", "Since ").await;
        page.set_value("#patterns-range", "4").await;
        page.text_containing("#pattern-words", "Over the last 4 weeks")
            .await;

        // Drawn again for each filter, the screen keeps open the table the parent opened (who
        // gave the care, a chart every choice shows), and only that one, though every chart's
        // table has the same summary.
        let open = page
            .script("return ['care', 'who'].map((c) => document.querySelector(`#chart-${c} details`).open);")
            .await;
        assert_eq!(open, serde_json::json!([false, true]));
        page.click("#chart-care summary").await;
        page.screenshot("patterns-numbers").await;
        page.click("#chart-care a.week-link").await;
        page.text_containing("#journal-span", "Showing").await;
        assert!(
            page.count(".moment").await > 0,
            "the week's moments are listed"
        );
        page.click("#journal-recent").await;
        page.gone("#journal-span").await;

        for theme in ["dark", "night"] {
            page.click("a[data-nav='settings']").await;
            page.click(&format!("input[name='theme'][value='{theme}']"))
                .await;
            page.attr_becomes("html", "data-theme", theme).await;
            page.click("a[data-nav='patterns']").await;
            page.wait("#chart-care img").await;
            page.screenshot(&format!("patterns-{theme}")).await;
        }
        page.resize(420, 800).await;
        page.wait("#chart-care img").await;
        page.screenshot("patterns-narrow-night").await;
    });
}
