//! Build script: registers every app command so that only granted ones can be called, derives
//! the `app-commands` permission set the window's capability grants, and points tauri-build at
//! the capabilities kept under `src-tauri/`.

use std::path::PathBuf;

/// Expands the one command list into the names tauri-build makes `allow-<name>` and
/// `deny-<name>` permissions for.
macro_rules! command_list {
    ($($area:ident::$name:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

include!("command_list.rs");

/// The permission set naming every command; `capabilities/main-window.json` grants only this.
const COMMAND_SET: &str = "app-commands";

fn main() {
    println!("cargo:rerun-if-changed=ui");
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/command_list.rs");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(
            tauri_build::AppManifest::new()
                .commands(COMMANDS)
                .permissions_path_pattern(write_command_set()),
        );
    tauri_build::try_build(attributes).expect("tauri-build failed; see the message above");
}

/// Writes the permission set that allows every listed command, and returns the glob that finds
/// it. The file is rewritten only when the list changed, so an unchanged list rebuilds nothing.
fn write_command_set() -> &'static str {
    let dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("app-set");
    std::fs::create_dir_all(&dir).expect("the build folder is writable");
    let allowed: Vec<String> = COMMANDS
        .iter()
        .map(|name| format!("\"allow-{}\"", name.replace('_', "-")))
        .collect();
    let toml = format!(
        "[[set]]\nidentifier = \"{COMMAND_SET}\"\n\
         description = \"Every command of the app, as listed in src-tauri/command_list.rs.\"\n\
         permissions = [{}]\n",
        allowed.join(", ")
    );
    let path = dir.join(format!("{COMMAND_SET}.toml"));
    if std::fs::read_to_string(&path).ok().as_deref() != Some(toml.as_str()) {
        std::fs::write(&path, toml).expect("the permission set is written");
    }
    // tauri-build takes a `'static` pattern; a build script runs once, so the leak is bounded.
    Box::leak(format!("{}/*.toml", dir.display()).into_boxed_str())
}
