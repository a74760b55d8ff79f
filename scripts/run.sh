#!/usr/bin/env bash
# Builds Nestling if needed and opens it. Usage: scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
exec cargo run --quiet
