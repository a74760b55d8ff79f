//! Which addresses the window may show: only the app's own pages, never the web.

use tauri::Url;

/// True for the app's own pages (`tauri://localhost/...`, or `http://tauri.localhost/...` where
/// the platform serves them over http); false for everything else, `data:` and `file:` included.
/// The origin must match exactly: scheme, host and the default port, never another port.
pub(crate) fn is_own_page(url: &Url) -> bool {
    if url.port().is_some() || !url.username().is_empty() || url.password().is_some() {
        return false;
    }
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

    #[test]
    fn another_port_or_credentials_on_the_apps_host_are_refused() {
        // Regression: any port of tauri.localhost was allowed.
        assert!(!allowed("http://tauri.localhost:8080/index.html"));
        assert!(!allowed("https://tauri.localhost:4443/"));
        assert!(!allowed("tauri://localhost:1234/"));
        assert!(!allowed("http://someone@tauri.localhost/"));
        assert!(
            allowed("http://tauri.localhost:80/index.html"),
            "80 is the default port"
        );
    }
}
