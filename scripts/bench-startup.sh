#!/usr/bin/env bash
# Measures Nestling's start-up time and memory against a blank Tauri window of the same version
# and size (benches/blank-window), both built in release, under a virtual display.
# Usage: scripts/bench-startup.sh [runs]   (default 7; see scripts/bench-startup.py for the method)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
scripts/deps.sh test
command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --locked --quiet
cargo build --release --quiet --features custom-protocol
cargo build --release --quiet -p nestling-blank-window --features custom-protocol
exec xvfb-run -a -s "-screen 0 1280x900x24" python3 scripts/bench-startup.py "$@"
