//! Embeds the shipped articles: writes `$OUT_DIR/shipped_articles.rs`, a list of
//! `(file name, include_str!(absolute path))` for every `*.md` in `content/articles`.
//!
//! A build script with no dependencies was chosen over the `include_dir` crate: the list is one
//! flat folder of text files, `include_str!` already makes cargo track each file's contents, and
//! `rerun-if-changed` on the folder catches files being added or removed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let articles = manifest_dir.join("../../content/articles");
    println!("cargo:rerun-if-changed={}", articles.display());
    let mut list = String::from("&[\n");
    for path in markdown_files(&articles)? {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("file name is not UTF-8")?;
        let absolute = path.canonicalize()?;
        writeln!(
            list,
            "    ({name:?}, include_str!({:?})),",
            absolute.display().to_string()
        )?;
    }
    list.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("shipped_articles.rs");
    std::fs::write(out, list)?;
    Ok(())
}

/// The `*.md` files directly inside `dir`, sorted by name so the build is reproducible.
fn markdown_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md") && path.is_file())
        .collect();
    files.sort();
    Ok(files)
}
