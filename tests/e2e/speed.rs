//! Figures through the real window on a ten-year, 50,000-moment journal: how long the Patterns
//! screen takes to be drawn after a click. Reported (printed and written beside the
//! screenshots), never asserted: the machines are shared and noisy.

use std::collections::BTreeMap;
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
/// well. The reply also names the weeks and words it asked for, so that the same domain calls
/// can be timed in the same run ([`domain_figures`]).
async fn ipc_figures(page: &Page) -> serde_json::Value {
    page.script(
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
           const word = (i) => words[i % words.length];
           return {
             trivial: await measure(() => invoke('list_timers')),
             empty: await measure(() => invoke('list_moments',
               { from: EMPTY_FROM, to: EMPTY_TO, filter: {} })),
             week: await measure((i) => invoke('list_moments', week(i))),
             search: await measure((i) => invoke('search_moments', { text: word(i), filter: {} })),
             weeks: Array.from({ length: 49 }, (_, i) => week(i)),
             words: Array.from({ length: 49 }, (_, i) => word(i)),
           };
         })();"
            .replace("EMPTY_FROM", &format!("'{}'", EMPTY.0))
            .replace("EMPTY_TO", &format!("'{}'", EMPTY.1))
            .as_str(),
    )
    .await
}

/// A week before the generated journal begins.
const EMPTY: (&str, &str) = ("2000-01-03", "2000-01-09");

/// One call's cost on the Rust side, mean over the 49 calls in milliseconds: the domain call
/// alone, and the domain call with the reply's JSON written as the command's reply is.
#[derive(Clone, Copy)]
struct Domain {
    call: f64,
    with_json: f64,
}

/// Times `call` once per argument, first alone and then with its result written as JSON.
fn domain<A, T: serde::Serialize>(args: &[A], call: impl Fn(&A) -> T) -> Domain {
    let mean = |with_json: bool| {
        let start = std::time::Instant::now();
        for arg in args {
            let reply = call(arg);
            if with_json {
                std::hint::black_box(serde_json::to_string(&reply).expect("json"));
            }
            std::hint::black_box(reply);
        }
        start.elapsed().as_secs_f64() * 1000.0 / args.len() as f64
    };
    Domain {
        call: mean(false),
        with_json: mean(true),
    }
}

/// The same calls as [`ipc_figures`] made on the same journal file straight through the journal
/// crate, in the same run, after the window has closed (the operating system still holds the
/// file's pages that the app read; the connection is new, as the app's was for most weeks).
fn domain_figures(dir: &Path, page: &serde_json::Value) -> BTreeMap<&'static str, Domain> {
    use nestling_journal::{query, search, timer, Filter, ListingRows, SearchRow};
    let store = Store::open_in(dir).expect("the journal again");
    let conn = store.conn();
    let all = Filter::default();
    let day = |v: &serde_json::Value| v.as_str().and_then(|s| s.parse().ok()).expect("a day");
    let weeks: Vec<_> = page["weeks"]
        .as_array()
        .expect("weeks")
        .iter()
        .map(|w| (day(&w["from"]), day(&w["to"])))
        .collect();
    let words: Vec<String> = serde_json::from_value(page["words"].clone()).expect("words");
    let empty = vec![(EMPTY.0.parse().expect("day"), EMPTY.1.parse().expect("day")); 49];
    let list = |(from, to): &(chrono::NaiveDate, chrono::NaiveDate)| {
        ListingRows::from(query::list_between(conn, *from, *to, &all).expect("listed"))
    };
    let mut out = BTreeMap::new();
    out.insert(
        "trivial",
        domain(&[(); 49], |()| {
            timer::list(conn, chrono::Utc::now()).expect("timers")
        }),
    );
    out.insert("empty", domain(&empty, list));
    out.insert("week", domain(&weeks, list));
    out.insert(
        "search",
        domain(&words, |text| {
            // 50: the first page of results, which the command gives when no limit is asked.
            let hits = search::search(conn, text, &all, 50).expect("found");
            hits.into_iter().map(SearchRow::from).collect::<Vec<_>>()
        }),
    );
    out
}

/// The page's figures beside the same calls' cost in the journal crate, and the week's listing
/// against the target (through IPC ≤ 2 × (domain + trivial command)).
fn ipc_report(page: &serde_json::Value, domain: &BTreeMap<&'static str, Domain>) -> String {
    let mut report = String::from(
        "IPC from the page on the same journal (49 calls each; page median and mean, then the \
         same calls in the journal crate in the same run, mean, alone and with the reply's JSON \
         written, in this test's build):\n",
    );
    for (name, what) in [
        ("trivial", "a trivial command (list_timers, no timers)"),
        (
            "empty",
            "a week's listing before the journal began (list_moments, no rows)",
        ),
        ("week", "one week's listing (list_moments)"),
        (
            "search",
            "a search (search_moments; asleep, the, rock sof, résumé in turn)",
        ),
    ] {
        let d = domain[name];
        report += &format!(
            "- {what}: {:.2} ms median, {:.2} ms mean, reply {} bytes of JSON; \
             domain {:.3} ms, with JSON {:.3} ms\n",
            page[name]["ms"].as_f64().unwrap_or(f64::NAN),
            page[name]["mean"].as_f64().unwrap_or(f64::NAN),
            page[name]["bytes"],
            d.call,
            d.with_json,
        );
    }
    // The journal calls above ran in this test's own build; against another build of the app
    // (`NESTLING_E2E_APP`, say a release build beside a debug test) they do not compare.
    if std::env::var_os("NESTLING_E2E_APP").is_some() {
        return report
            + "- no ratio: the app is another build than this test's own, whose journal calls \
               are timed above\n";
    }
    let trivial = page["trivial"]["mean"].as_f64().unwrap_or(f64::NAN);
    let week = page["week"]["mean"].as_f64().unwrap_or(f64::NAN);
    let floor = domain["week"].call + trivial;
    let target = 2.0 * floor;
    report
        + &format!(
            "- a week through IPC against domain + trivial command: {:.2}x (target 2x: {week:.2} \
         against {target:.2} ms)\n",
            week / floor,
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
    let found = std::sync::Arc::new(std::sync::Mutex::new(None));
    let seen = found.clone();
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
            Err(_) if cfg!(debug_assertions) => "debug build of the app".to_string(),
            Err(_) => "release build of the app".to_string(),
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
        let ipc = ipc_figures(&page).await;
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
        *seen.lock().expect("figures") = Some((report, ipc));
    });
    let (report, ipc) = found
        .lock()
        .expect("figures")
        .take()
        .expect("the journey's figures");
    let report = report + &ipc_report(&ipc, &domain_figures(data.path(), &ipc));
    println!("{report}");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("figures folder");
    std::fs::write(dir.join("patterns-speed.txt"), report).expect("figures saved");
}
