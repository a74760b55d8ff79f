//! Build script of the blank window: only what every Tauri app needs.

fn main() {
    println!("cargo:rerun-if-changed=ui");
    tauri_build::build();
}
