//! The end-to-end harness: starts `tauri-driver` for the debug build with its own data folder,
//! connects a WebDriver client, runs one journey, and always cleans up.
//!
//! Every process started here lives in its own process group (tauri-driver, WebKitWebDriver and
//! the app), and the group gets SIGTERM when the journey ends, passed or failed. SIGTERM rather
//! than SIGKILL lets tauri-driver stop WebKitWebDriver, which otherwise keeps its port.

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// How long any single wait for the page may take before the journey fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// A running `tauri-driver`, stopped with its whole process group on drop.
struct Driver {
    child: Child,
    port: u16,
    native_port: u16,
}

impl Driver {
    fn start(data_dir: &Path) -> Driver {
        Driver::start_with(data_dir, &[])
    }

    /// A driver whose app also sees the variables `env`.
    fn start_with(data_dir: &Path, env: &[(&str, &Path)]) -> Driver {
        let [port, native_port] = free_ports();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log_path(data_dir))
            .expect("a log file beside the data folder");
        let child = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("NESTLING_DATA_DIR", data_dir)
            .env("TZ", midday_zone())
            .envs(env.iter().copied())
            .stdout(Stdio::from(log.try_clone().expect("log file")))
            .stderr(Stdio::from(log))
            .process_group(0)
            .spawn()
            .expect("tauri-driver starts (install it with `cargo install tauri-driver --locked`)");
        let driver = Driver {
            child,
            port,
            native_port,
        };
        driver.wait_until_listening();
        driver
    }

    /// Waits for both servers: tauri-driver starts the browser engine's driver and listens at
    /// once, and a session asked for before the engine's driver listens is dropped unanswered.
    fn wait_until_listening(&self) {
        let deadline = Instant::now() + PATIENCE;
        for port in [self.port, self.native_port] {
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "the WebDriver servers never listened on {port}"
                );
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }

    async fn connect(&self) -> Client {
        // `NESTLING_E2E_APP` drives another build of the app (the release build, to measure it);
        // the README's test command never sets it.
        let built = std::ffi::OsString::from(env!("CARGO_BIN_EXE_nestling"));
        let application = std::env::var_os("NESTLING_E2E_APP").unwrap_or(built);
        let application = application.to_string_lossy();
        let caps = json!({ "tauri:options": { "application": application, "args": [] } });
        let serde_json::Value::Object(caps) = caps else {
            unreachable!("a JSON object")
        };
        ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a WebDriver session opens on the app")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = -(self.child.id() as i32);
        // SAFETY: kill(2) with a negative pid signals the process group we created; no memory is involved.
        unsafe { libc::kill(group, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        // The app is the driver's grandchild: it may still be closing (and holding the data
        // folder's lock) after the driver itself has gone. Wait for the whole group.
        // SAFETY: signal 0 only asks whether any process of the group is still there.
        while Instant::now() < deadline && unsafe { libc::kill(group, 0) } == 0 {
            std::thread::sleep(Duration::from_millis(100));
        }
        // SAFETY: as above; the last resort for a group that ignored SIGTERM.
        unsafe { libc::kill(group, libc::SIGKILL) };
        let _ = self.child.wait();
        // SAFETY: as above, after the last resort.
        while Instant::now() < deadline + Duration::from_secs(5)
            && unsafe { libc::kill(group, 0) } == 0
        {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A fixed time zone in which it is now about midday, for the app and its page: no journey then
/// crosses midnight, where a moment moved 25 minutes earlier would leave Today. A zone set for
/// the whole run (`TZ`) is kept. The zone database names fixed offsets the POSIX way, west of
/// UTC: `Etc/GMT-3` is UTC+3 (the page's engine reads only named zones).
fn midday_zone() -> String {
    use chrono::Timelike;
    if let Ok(zone) = std::env::var("TZ") {
        return zone;
    }
    let hour = chrono::Utc::now().hour() as i32;
    let east = (12 - hour).rem_euclid(24);
    let east = if east > 12 { east - 24 } else { east };
    format!("Etc/GMT{:+}", -east)
}

fn tauri_driver() -> PathBuf {
    std::env::var_os("TAURI_DRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

/// Two distinct local ports free now. Both are held until both are known: a port asked for
/// alone and let go at once can be handed out again by the next request, and a driver whose two
/// ports were the same forwarded every request to itself.
fn free_ports() -> [u16; 2] {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let held = [bind(), bind()];
    held.map(|listener| listener.local_addr().expect("a bound address").port())
}

/// Where everything the driver, the browser engine and the app print is kept for `data_dir`.
fn log_path(data_dir: &Path) -> PathBuf {
    data_dir.with_extension("log")
}

/// Everything printed by the app and its helpers in journeys on `data_dir` so far.
pub(crate) fn app_log(data_dir: &Path) -> String {
    std::fs::read_to_string(log_path(data_dir)).unwrap_or_default()
}

/// A fresh, empty data folder for one test; removed when dropped.
pub(crate) fn data_folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary data folder")
}

/// Opens the app on `data_dir`, runs `journey` against its window, then closes everything.
///
/// A failing journey still closes the session and stops every process before its panic is
/// passed on, so one failure cannot leave a window or a port behind for the next test.
pub(crate) fn journey<F, Fut>(data_dir: &Path, journey: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    runtime.block_on(async {
        let driver = Driver::start(data_dir);
        let client = driver.connect().await;
        let outcome = tokio::spawn(journey(Page {
            client: client.clone(),
        }))
        .await;
        let _ = client.close().await;
        drop(driver);
        if let Err(err) = outcome {
            eprintln!("--- app log ---\n{}", app_log(data_dir));
            if err.is_panic() {
                std::panic::resume_unwind(err.into_panic());
            }
            panic!("the journey was cancelled: {err}");
        }
    });
}

/// Opens two copies of the app, each on its own data folder and with its own `tauri-driver`,
/// as two caregivers' computers; runs `journey` against both windows, then closes everything.
///
/// Both debug builds answer their folder dialog with `shared` (`NESTLING_TEST_SHARE_FOLDER`):
/// GTK's folder dialog does not take a typed folder the way the file dialogs do.
pub(crate) fn two_journeys<F, Fut>(first: &Path, second: &Path, shared: &Path, journey: F)
where
    F: FnOnce(Page, Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    runtime.block_on(async {
        let env = [("NESTLING_TEST_SHARE_FOLDER", shared)];
        let drivers = [
            Driver::start_with(first, &env),
            Driver::start_with(second, &env),
        ];
        let one = drivers[0].connect().await;
        let other = drivers[1].connect().await;
        let pages = (
            Page {
                client: one.clone(),
            },
            Page {
                client: other.clone(),
            },
        );
        let outcome = tokio::spawn(journey(pages.0, pages.1)).await;
        let _ = one.close().await;
        let _ = other.close().await;
        drop(drivers);
        if let Err(err) = outcome {
            eprintln!("--- first app's log ---\n{}", app_log(first));
            eprintln!("--- second app's log ---\n{}", app_log(second));
            if err.is_panic() {
                std::panic::resume_unwind(err.into_panic());
            }
            panic!("the journey was cancelled: {err}");
        }
    });
}

/// The app's window as a journey sees it.
#[derive(Clone)]
pub(crate) struct Page {
    client: Client,
}

/// Adds an empty, invisible one-pixel element 150 ms from now and removes it 300 ms later, so
/// the page paints once while a screenshot request waits for a paint.
const REPAINT_SOON: &str = "setTimeout(() => {
       const dot = document.createElement('div');
       dot.setAttribute('aria-hidden', 'true');
       dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
       document.documentElement.append(dot);
       setTimeout(() => dot.remove(), 300);
     }, 150);
     return true;";

/// The address, the notice and the first element of `main`, read in the page (see `whereabouts`).
const WHEREABOUTS: &str = "const notice = document.getElementById('notice'); \
     const first = document.getElementById('main')?.firstElementChild; \
     return {hash: location.hash, \
       notice: notice && !notice.hidden ? notice.textContent.trim() : null, \
       main: first ? [first.tagName, first.id, first.className].join(' ') : null};";

impl Page {
    /// Waits for the element matching `css` and returns it.
    pub(crate) async fn wait(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(found) => found,
            Err(err) => panic!("{css} never appeared: {err}; {}", self.whereabouts().await),
        }
    }

    /// Where the page is, for a failure's message: its address, the notice if one is shown,
    /// and the first element of `main` (or what the page answered when asked).
    async fn whereabouts(&self) -> String {
        let asked = self.client.execute(WHEREABOUTS, vec![]).await;
        match asked {
            Ok(found) => format!("the page shows {found}"),
            Err(err) => format!("the page could not be asked where it is: {err}"),
        }
    }

    /// Runs `act` on a fresh element matching `css` until it succeeds or patience runs out.
    ///
    /// The screens redraw after every change, so an element found a moment ago may have been
    /// replaced by the time it is read or clicked: the stale one is dropped and looked up again.
    async fn on_fresh<T, F, Fut>(&self, css: &str, what: &str, act: F) -> T
    where
        F: Fn(Element) -> Fut,
        Fut: Future<Output = Result<T, fantoccini::error::CmdError>>,
    {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match act(self.wait(css).await).await {
                Ok(value) => return value,
                Err(err) if Instant::now() >= deadline => panic!("{what} {css}: {err:?}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(150)).await,
            }
        }
    }

    /// The visible text of the element matching `css`, once it exists.
    pub(crate) async fn text(&self, css: &str) -> String {
        self.on_fresh(css, "read", |el| async move { el.text().await })
            .await
    }

    /// Waits until the text of `css` contains `needle`, and returns the whole text.
    pub(crate) async fn text_containing(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = self.text(css).await;
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "{css} never contained {needle:?}; it says {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element matching `css`.
    pub(crate) async fn click(&self, css: &str) {
        self.on_fresh(css, "click", |el| async move { el.click().await })
            .await
    }

    /// An attribute of the element matching `css`.
    pub(crate) async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.on_fresh(css, "read an attribute of", |el| async move {
            el.attr(name).await
        })
        .await
    }

    /// Waits until `css`'s attribute `name` equals `expected`.
    pub(crate) async fn attr_becomes(&self, css: &str, name: &str, expected: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let value = self.attr(css, name).await;
            if value.as_deref() == Some(expected) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{css}[{name}] stayed {value:?}, not {expected:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Types `text` into the field matching `css`, replacing what was there.
    ///
    /// Typing goes through WebDriver's send-keys; where the engine refuses it (a known problem of
    /// newer WebKitGTK with tauri-driver), the value is set by script and an `input` event sent.
    pub(crate) async fn fill(&self, css: &str, text: &str) {
        let field = self.wait(css).await;
        let typed = async {
            field.clear().await?;
            field.send_keys(text).await
        };
        if typed.await.is_err() {
            self.set_value(css, text).await;
        }
    }

    /// Sets the value of the field matching `css` by script and sends `input` and `change`.
    pub(crate) async fn set_value(&self, css: &str, value: &str) {
        let client = &self.client;
        self.on_fresh(css, "set the value of", |field| async move {
            let element = serde_json::to_value(&field).expect("element reference");
            client
                .execute(
                    "const [f, v] = arguments; f.value = v;\
                     f.dispatchEvent(new Event('input', { bubbles: true }));\
                     f.dispatchEvent(new Event('change', { bubbles: true }));",
                    vec![element, json!(value)],
                )
                .await
        })
        .await;
    }

    /// Runs `script` in the page and returns its result.
    pub(crate) async fn script(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|err| panic!("script failed: {err}"))
    }

    /// How many elements match `css` right now (no waiting).
    pub(crate) async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|found| found.len())
            .unwrap_or(0)
    }

    /// Waits until no element matches `css`.
    pub(crate) async fn gone(&self, css: &str) {
        let deadline = Instant::now() + PATIENCE;
        while self.count(css).await > 0 {
            assert!(Instant::now() < deadline, "{css} never went away");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Presses and releases one key on whatever has the focus, as a person typing would.
    pub(crate) async fn press(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(keys)
            .await
            .unwrap_or_else(|err| panic!("press {key:?}: {err}"));
    }

    /// Whether a JavaScript alert, confirm or prompt is open.
    pub(crate) async fn alert_open(&self) -> bool {
        self.client.get_alert_text().await.is_ok()
    }

    /// Resizes the window, as a person dragging its edge would (to look at its narrowest width).
    pub(crate) async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .unwrap_or_else(|err| panic!("resize to {width}x{height}: {err}"));
    }

    /// Saves a screenshot of the window as `target/e2e-screenshots/<name>.png`.
    pub(crate) async fn screenshot(&self, name: &str) {
        // Give WebKit a moment to paint what the DOM already shows.
        tokio::time::sleep(Duration::from_millis(400)).await;
        // Without the GPU compositor (the app's default on Linux), WebKit's driver answers a
        // screenshot only after the page's next paint, and a still screen never paints again: a
        // one-pixel empty element, added just after the request is sent and taken away soon
        // after, gives it that paint without changing what the picture shows.
        self.script(REPAINT_SOON).await;
        let png = self.client.screenshot().await.expect("screenshot taken");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("screenshot saved");
    }
}
