//! Figures through the real window on a ten-year, 50,000-moment journal: how long the Patterns
//! screen takes to be drawn after a click. Reported (printed and written beside the
//! screenshots), never asserted: the machines are shared and noisy.

use std::path::Path;

use chrono::{Days, Local};
use nestling_journal::testdata::{self, Plan};
use nestling_store::Store;

use crate::support::{data_folder, journey, Page};

/// Writes the generated journal into `dir`, ending today, as a plain (unencrypted) journal.
fn ten_years_in(dir: &Path) -> usize {
    let store = Store::open_in(dir).expect("a journal in the data folder");
    let today = Local::now().date_naive();
    let plan = Plan {
        first_day: today - Days::new(3649),
        ..Plan::default()
    };
    testdata::generate(store.conn(), &plan)
        .expect("generated")
        .moments
}

/// Runs `act` in the page, then waits for the next frame after `done` is true; returns the
/// milliseconds between the act and that frame.
async fn time(page: &Page, act: &str, done: &str) -> f64 {
    let value = page
        .script(&format!(
            "return (async () => {{
               const t0 = performance.now();
               {act};
               const frame = () => new Promise((r) => requestAnimationFrame(r));
               for (;;) {{
                 await frame();
                 if ({done}) break;
               }}
               await frame();
               return performance.now() - t0;
             }})();"
        ))
        .await;
    value.as_f64().expect("milliseconds")
}

/// A week's listing, the same command on a week with no moments (what the command and the
/// transport cost without rows), a search and a trivial command through IPC from the page, 49
/// calls each over weeks spread across the ten years, with the median size of the replies' JSON.
/// The page's clock may be coarse (whole milliseconds), so the mean over the 49 calls is given as
/// well.
async fn ipc_figures(page: &Page) -> String {
    let figures = page
        .script(
            "return (async () => {
               const invoke = window.__TAURI__.core.invoke;
               const iso = (d) => d.toISOString().slice(0, 10);
               const first = new Date(); first.setDate(first.getDate() - 3649);
               const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
               const measure = async (call) => {
                 const times = [], sizes = [];
                 let spent = 0;
                 for (let i = 0; i < 49; i += 1) {
                   const t0 = performance.now();
                   const reply = await call(i);
                   const t1 = performance.now();
                   times.push(t1 - t0);
                   spent += t1 - t0;
                   sizes.push(JSON.stringify(reply).length);
                 }
                 return { ms: median(times), mean: spent / 49, bytes: median(sizes) };
               };
               const week = (i) => {
                 const from = new Date(first); from.setDate(from.getDate() + (i * 73) % 3640);
                 const to = new Date(from); to.setDate(to.getDate() + 6);
                 return { from: iso(from), to: iso(to), filter: {} };
               };
               const words = ['asleep', 'the', 'rock sof', 'résumé'];
               return {
                 trivial: await measure(() => invoke('list_timers')),
                 empty: await measure(() => invoke('list_moments',
                   { from: '2000-01-03', to: '2000-01-09', filter: {} })),
                 week: await measure((i) => invoke('list_moments', week(i))),
                 search: await measure((i) => invoke('search_moments',
                   { text: words[i % words.length], filter: {} })),
               };
             })();",
        )
        .await;
    let line = |name: &str, what: &str| {
        format!(
            "- {what}: {:.2} ms median, {:.2} ms mean, reply {} bytes of JSON\n",
            figures[name]["ms"].as_f64().unwrap_or(f64::NAN),
            figures[name]["mean"].as_f64().unwrap_or(f64::NAN),
            figures[name]["bytes"]
        )
    };
    format!(
        "IPC from the page on the same journal (49 calls each, median):\n{}{}{}{}",
        line("trivial", "a trivial command (list_timers, no timers)"),
        line(
            "empty",
            "a week's listing before the journal began (list_moments, no rows)"
        ),
        line("week", "one week's listing (list_moments)"),
        line(
            "search",
            "a search (search_moments; asleep, the, rock sof, résumé in turn)"
        ),
    )
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

const DRAWN: &str = "document.querySelector('#chart-care img')?.complete === true";

#[test]
#[ignore = "needs a display and tauri-driver: run through scripts/test.sh"]
fn patterns_on_a_ten_year_journal_is_drawn_soon_after_a_click_reported() {
    let data = data_folder();
    let moments = ten_years_in(data.path());
    journey(data.path(), move |page| async move {
        page.wait(".quick-grid").await;
        let mut open = Vec::new();
        let mut all_time = Vec::new();
        for _ in 0..7 {
            let ms = time(
                &page,
                "document.querySelector(\"a[data-nav='patterns']\").click()",
                &format!("document.querySelector('#pattern-words') && {DRAWN}"),
            )
            .await;
            open.push(ms);
            let ms = time(
                &page,
                "const s = document.getElementById('patterns-range'); s.value = 'all'; \
                 s.dispatchEvent(new Event('change', { bubbles: true }))",
                &format!(
                    "document.getElementById('pattern-words')?.textContent.startsWith('Since') && {DRAWN}"
                ),
            )
            .await;
            all_time.push(ms);
            page.set_value("#patterns-range", "4").await;
            page.text_containing("#pattern-words", "Over the last 4 weeks")
                .await;
            page.click("a[data-nav='home']").await;
            page.wait(".quick-grid").await;
        }
        page.click("a[data-nav='patterns']").await;
        page.set_value("#patterns-range", "all").await;
        page.text_containing("#pattern-words", "Since").await;
        page.screenshot("patterns-ten-years").await;
        // The command alone (the journal's figures, the five SVGs and the reply's JSON), for
        // telling the window's share from the Rust side's.
        let mut command = Vec::new();
        for _ in 0..7 {
            let ms = page
                .script(
                    "return (async () => {
                       const t0 = performance.now();
                       await window.__TAURI__.core.invoke('patterns',
                         { request: { range: 'all', theme: 'light' } });
                       return performance.now() - t0;
                     })();",
                )
                .await;
            command.push(ms.as_f64().expect("milliseconds"));
        }
        let build = match std::env::var("NESTLING_E2E_APP") {
            Ok(path) => format!("the build at {path}"),
            Err(_) => "debug build of the app".to_string(),
        };
        let report = format!(
            "Patterns through the window on a generated journal of {moments} moments over ten years \
             ({build}, Xvfb, 7 runs each, median; reported, not asserted):\n\
             - open Patterns (last 4 weeks) from the navigation: {:.0} ms (runs: {:?})\n\
             - switch the range to all time: {:.0} ms (runs: {:?})\n\
             - of which the `patterns` command for all time, called alone: {:.0} ms (runs: {:?})\n",
            median(open.clone()),
            open.iter().map(|v| v.round()).collect::<Vec<_>>(),
            median(all_time.clone()),
            all_time.iter().map(|v| v.round()).collect::<Vec<_>>(),
            median(command.clone()),
            command.iter().map(|v| v.round()).collect::<Vec<_>>(),
        );
        let report = report + &ipc_figures(&page).await;
        // A word in thousands of notes: the first 50 results, then 50 more on request.
        page.click("a[data-nav='journal']").await;
        page.fill("#journal-search", "the").await;
        page.click(".search-form button[type='submit']").await;
        page.text_containing("#search-summary", "The 50 best matches for")
            .await;
        assert_eq!(page.count("#search-results > .moment").await, 50);
        page.click("#search-more").await;
        page.text_containing("#search-summary", "The 100 best matches for")
            .await;
        assert_eq!(page.count("#search-results > .moment").await, 100);
        println!("{report}");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("figures folder");
        std::fs::write(dir.join("patterns-speed.txt"), report).expect("figures saved");
    });
}
