//! The outer `<svg>` element: a viewBox so the chart scales, a `<title>` and a `<desc>` with the
//! plain-text summary, and the data URL the UI shows it through.
//!
//! The drawing library writes its own opening tag with a fixed width and height; it is replaced
//! here so the chart takes the width of its container. Text the parent typed (a baby's or a
//! kind's name) only ever reaches the SVG through [`escape`] or the drawing library's own
//! escaping of labels.

use base64::Engine;

use crate::draw::{HEIGHT, WIDTH};

/// Escapes `text` for XML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `drawn` (the drawing library's SVG) with its opening tag replaced by one with a viewBox, an
/// accessible name, `title` and `desc`.
pub(crate) fn wrap(drawn: &str, title: &str, desc: &str) -> String {
    let body = drawn
        .find('>')
        .map_or(drawn, |end| &drawn[end + 1..])
        .trim_start();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"chart-title chart-desc\" font-family=\"sans-serif\">\n\
         <title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}</desc>\n{body}",
        escape(title),
        escape(desc)
    )
}

/// `svg` as a `data:image/svg+xml;base64,…` URL, which the app's CSP allows for images.
pub fn data_url(svg: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(svg);
    format!("data:image/svg+xml;base64,{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_ampersands_and_keeps_everything_else() {
        assert_eq!(
            escape("<script>&\"'\u{202e}שלום 🍼"),
            "&lt;script&gt;&amp;&quot;&apos;\u{202e}שלום 🍼"
        );
    }

    #[test]
    fn the_opening_tag_gets_a_view_box_a_title_and_a_description() {
        let drawn = "<svg width=\"480\" height=\"260\" xmlns=\"x\">\n<rect/>\n</svg>\n";
        let svg = wrap(drawn, "A & B", "<desc>");
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 260\"")
        );
        assert!(!svg.contains("width=\"480\""));
        assert!(svg.contains("<title id=\"chart-title\">A &amp; B</title>"));
        assert!(svg.contains("<desc id=\"chart-desc\">&lt;desc&gt;</desc>\n<rect/>"));
    }

    #[test]
    fn a_data_url_carries_the_svg_in_base64() {
        assert_eq!(data_url("<svg/>"), "data:image/svg+xml;base64,PHN2Zy8+");
    }
}
