//! Which addresses the window may show: only the app's own pages, never the web.

use tauri::Url;

/// True for the app's own pages (`tauri://localhost/...`, or `http://tauri.localhost/...` where
/// the platform serves them over http); false for everything else, `data:` and `file:` included.
pub(crate) fn is_own_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(address: &str) -> bool {
        is_own_page(&Url::parse(address).expect("a valid address"))
    }

    #[test]
    fn the_apps_own_pages_are_allowed() {
        assert!(allowed("tauri://localhost/index.html"));
        assert!(allowed("tauri://localhost/#journal"));
        assert!(allowed("http://tauri.localhost/index.html"));
    }

    #[test]
    fn the_web_and_local_files_are_refused() {
        assert!(!allowed("https://example.com/"));
        assert!(!allowed("http://localhost:8080/"));
        assert!(!allowed("http://tauri.localhost.example.com/"));
        assert!(!allowed("file:///etc/passwd"));
        assert!(!allowed("data:text/html,<script>alert(1)</script>"));
        assert!(!allowed("javascript:alert(1)"));
        assert!(!allowed("tauri://elsewhere/"));
    }
}
