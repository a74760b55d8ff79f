//! Keeping the journal in step with the partner's computer while the app runs: one background
//! thread exchanges when asked (a change made here, the window gaining focus, the partner's
//! files arriving in the watched folder), at start, and every minute as a fallback, and tells
//! the page when an exchange changed something. When and how to exchange is the session's; this
//! module only owns the thread and the page's channel.

use std::sync::Mutex;
use std::time::Duration;

use chrono::Utc;
use nestling_session::{Exchanged, FolderWatch};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime};

use crate::AppState;

/// The longest the journal goes without an exchange while the app is open: a folder whose
/// changes the system does not report (some network shares) is still read.
const FALLBACK: Duration = Duration::from_secs(60);

/// How long a burst of requests settles before the exchange it asks for: a file written in
/// parts, or several quick edits, make one exchange.
const SETTLE: Duration = Duration::from_millis(300);

/// Where the page hears that a background exchange changed the journal or the status.
#[derive(Default)]
pub(crate) struct PageChannel(Mutex<Option<Channel<Exchanged>>>);

impl PageChannel {
    /// Tells `channel` from now on, in place of any before it.
    pub(crate) fn listen(&self, channel: Channel<Exchanged>) {
        if let Ok(mut current) = self.0.lock() {
            *current = Some(channel);
        }
    }

    /// Tells the page, if it listens; a page that stopped listening changes nothing.
    fn tell(&self, exchanged: Exchanged) {
        if let Ok(current) = self.0.lock() {
            if let Some(channel) = current.as_ref() {
                let _ = channel.send(exchanged);
            }
        }
    }
}

/// Starts the thread that exchanges with the partner's computer for as long as the app runs.
pub(crate) fn keep_in_step<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let work = state.sharing_work().clone();
        let mut watch = FolderWatch::new(work.clone());
        loop {
            if let Some(done) = state.exchange_in_background(Utc::now()) {
                if done.journal || done.status {
                    app.state::<PageChannel>().tell(done);
                }
            }
            watch.follow(state.watch_target());
            if work.wait(FALLBACK) {
                std::thread::sleep(SETTLE);
                let _ = work.wait(Duration::ZERO);
            }
        }
    });
}

/// Asks for an exchange when the window gains focus: the parent is back, perhaps from the
/// other computer.
pub(crate) fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &tauri::WindowEvent) {
    if let tauri::WindowEvent::Focused(true) = event {
        if let Some(state) = window.try_state::<AppState>() {
            state.sharing_work().nudge();
        }
    }
}
