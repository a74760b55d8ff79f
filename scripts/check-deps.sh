#!/usr/bin/env bash
# Fails when the app can reach the network or a domain crate depends on Tauri.
# - No HTTP client (or raw HTTP/TLS stack) in the app's normal dependency tree.
# - No tauri crate in the normal dependency tree of any crate under crates/.
set -euo pipefail
cd "$(dirname "$0")/.."

clients='^(reqwest|hyper|hyper-util|h2|ureq|isahc|surf|curl|attohttpc|minreq|awc|rustls|native-tls|tokio-rustls|tokio-native-tls|async-tungstenite|tungstenite) '
found=$(cargo tree -e normal -p nestling --prefix none --no-dedupe 2>/dev/null | grep -E "$clients" | sort -u || true)
if [ -n "$found" ]; then
  echo "The app's dependency tree holds network code, which Nestling never ships:" >&2
  echo "$found" >&2
  exit 1
fi

status=0
for manifest in crates/*/Cargo.toml; do
  name=$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -n 1)
  if cargo tree -e normal -p "$name" --prefix none 2>/dev/null | grep -qE '^tauri'; then
    echo "$name depends on tauri; domain crates must not." >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "No network client in the app; no tauri in crates/."
exit "$status"
