//! The fonts the report is set in.
//!
//! Noto Sans (four styles), Noto Sans Hebrew and Noto Naskh Arabic ship inside the binary (see
//! `fonts/OFL.txt`). The colour emoji font is too large to ship, so it is read at run time from
//! the path where the system package installs it, when it is there.

use std::path::Path;

use typst::foundations::Bytes;
use typst::text::Font;

/// Where the system package installs the colour emoji font.
pub const SYSTEM_EMOJI_FONT: &str = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

const EMBEDDED: [&[u8]; 8] = [
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../fonts/NotoSansHebrew-Regular.ttf"),
    include_bytes!("../fonts/NotoSansHebrew-Bold.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf"),
];

/// Every face of the shipped fonts.
pub(crate) fn embedded() -> Vec<Font> {
    EMBEDDED
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect()
}

/// The faces of the emoji font at `path`, or none when it is missing or unreadable.
pub(crate) fn emoji(path: Option<&Path>) -> Vec<Font> {
    path.and_then(|p| std::fs::read(p).ok())
        .map(|data| Font::iter(Bytes::new(data)).collect())
        .unwrap_or_default()
}
