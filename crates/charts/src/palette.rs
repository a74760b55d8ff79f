//! The colours of a chart for each of the app's themes, taken from `ui/css/tokens.css`.
//!
//! Charts use the surface, text, border and accent tokens of the theme, and two more tokens
//! (focus and notice border) for a second and third series. None of them is red: a chart
//! never colours a week as missed or wrong.

use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};

/// The app's themes. In JSON: `light`, `dark`, `night`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    /// The light theme.
    #[default]
    Light,
    /// The dark theme.
    Dark,
    /// The dim night theme.
    Night,
}

/// The colours one chart is drawn with, as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The background (`--surface`).
    pub background: &'static str,
    /// Labels (`--text`).
    pub text: &'static str,
    /// Axes (`--text-soft`).
    pub soft: &'static str,
    /// Grid lines (`--border`).
    pub grid: &'static str,
    /// The series, in order (`--accent`, `--focus`, `--notice-border`).
    pub series: [&'static str; 3],
}

impl Theme {
    /// The colours of this theme.
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: "#ffffff",
                text: "#2d2420",
                soft: "#5e5049",
                grid: "#e2d4c8",
                series: ["#9c4f2e", "#2f5d9e", "#d9b96b"],
            },
            Theme::Dark => Palette {
                background: "#27211e",
                text: "#f1e8e1",
                soft: "#c7b8ad",
                grid: "#443832",
                series: ["#eaa27f", "#9cc0ff", "#8d7640"],
            },
            Theme::Night => Palette {
                background: "#171210",
                text: "#c9a995",
                soft: "#9a806f",
                grid: "#2e231e",
                series: ["#b7774f", "#c99a6b", "#5c4630"],
            },
        }
    }
}

/// The colour `#rrggbb` for the drawing library (black for anything else, which the palettes
/// above never hold).
pub(crate) fn rgb(hex: &str) -> RGBColor {
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    RGBColor(channel(1), channel(3), channel(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_from_hex() {
        assert_eq!(rgb("#9c4f2e"), RGBColor(0x9c, 0x4f, 0x2e));
    }

    #[test]
    fn no_theme_draws_in_red() {
        for theme in [Theme::Light, Theme::Dark, Theme::Night] {
            let p = theme.palette();
            for colour in p.series.iter().chain([&p.text, &p.soft, &p.grid]) {
                let RGBColor(r, g, b) = rgb(colour);
                let reddish = u16::from(r) > 2 * u16::from(g).max(u16::from(b)) && r > 0x90;
                assert!(!reddish, "{colour} in {theme:?} reads as red");
            }
        }
    }
}
