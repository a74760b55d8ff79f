//! What every IPC test needs: the real app built on the mock runtime with a window, and a way to
//! call a command with the JSON the UI would send.

use std::path::Path;

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub(crate) struct Harness {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

/// Closing a harness is the app ending: the journal is closed and the data folder let go, so the
/// next harness on the folder is a restart.
impl Drop for Harness {
    fn drop(&mut self) {
        self.state().close();
    }
}

pub(crate) fn open(dir: &Path) -> Harness {
    open_as(dir, "main")
}

pub(crate) fn open_as(dir: &Path, label: &str) -> Harness {
    let context = tauri::generate_context!(test = true, assets = noop_assets());
    let app = nestling::run_app(mock_builder(), context, Some(dir.to_path_buf()))
        .expect("the app builds on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, label, Default::default())
        .build()
        .expect("a window opens");
    Harness { _app: app, window }
}

impl Harness {
    /// The app's managed state, for what no command starts (the daily backup of an open app).
    pub(crate) fn state(&self) -> tauri::State<'_, nestling::AppState> {
        tauri::Manager::state(&self._app)
    }

    /// Keeps `json` as the file chosen to restore from, as the open dialog would.
    pub(crate) fn choose_file(&self, json: &str) {
        tauri::Manager::state::<nestling::Restoring>(&self._app).hold(json.to_owned());
    }

    pub(crate) fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request)
            .map(|body| body.deserialize::<Value>().expect("JSON body"))
    }
}

pub(crate) fn folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

pub(crate) fn error_kind(result: Result<Value, Value>) -> (String, String) {
    let err = result.expect_err("the command fails");
    (
        err["kind"].as_str().expect("kind is a string").to_owned(),
        err["message"]
            .as_str()
            .expect("message is a string")
            .to_owned(),
    )
}
