#!/usr/bin/env bash
# Runs every check and test Nestling has, end to end included, installing what is missing first.
# Usage: scripts/test.sh     (exits non-zero on the first failure)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

scripts/deps.sh test
if ! command -v tauri-driver >/dev/null 2>&1; then
  step "Installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

# The JavaScript tools the checks use (type checker, formatter, accessibility engine) come from
# npm at the exact versions package-lock.json pins, into node_modules/ (ignored by git).
if ! npm ls --depth=0 >/dev/null 2>&1; then
  step "Installing the JavaScript check tools"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Property tests draw their cases from one fixed seed here, so a run can be repeated exactly;
# set PROPTEST_RNG_SEED to another number to explore, or to an empty value for random seeds.
export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED-20261204}"
[ -n "$PROPTEST_RNG_SEED" ] || unset PROPTEST_RNG_SEED

step "Formatting"
cargo fmt --all --check

step "Lints"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "Documentation"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

step "Privacy and layering of the dependency tree"
scripts/check-deps.sh

step "Front-end unit tests"
node --test tests/ui/

step "Type check of the UI (TypeScript's compiler over the JSDoc types)"
node_modules/.bin/tsc --noEmit -p .

step "Formatting of the UI (checked, never rewritten here)"
node_modules/.bin/prettier --check ui/js tests/ui

step "Unit and IPC tests"
cargo test --workspace --quiet

step "End-to-end tests in the real window"
# --workspace keeps the features of the step above, so no dependency is built a second time.
xvfb-run -a -s "-screen 0 1280x900x24" \
  cargo test --workspace --quiet --test e2e -- --ignored --test-threads=1
echo "Screenshots: target/e2e-screenshots/"
