#!/usr/bin/env bash
# Builds Nestling's Debian package: a release build and .deb from the Tauri CLI, then the same
# package compressed again with xz, which makes it about a third smaller than the CLI's gzip
# (BENCHMARKS.md, "Binary size and the package"). The package lands in
# target/release/bundle/deb/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

scripts/deps.sh
for tool in dpkg-deb npx; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is needed: dpkg-deb packs the .deb, npx (from Node.js) runs the Tauri CLI." >&2
    exit 1
  fi
done

npx --yes @tauri-apps/cli@2 build --bundles deb

shopt -s nullglob
built=(target/release/bundle/deb/Nestling_*.deb)
if [ "${#built[@]}" -ne 1 ]; then
  echo "Expected one .deb in target/release/bundle/deb/, found ${#built[@]}." >&2
  exit 1
fi
deb="${built[0]}"

work="$(mktemp -d)"
trap 'rm -rf "$work" "$deb.part"' EXIT
dpkg-deb --raw-extract "$deb" "$work/package"
dpkg-deb --root-owner-group -Zxz -z9 --build "$work/package" "$deb.part" >/dev/null
# The repacked file replaces the first only once it is whole and reads back as a package.
dpkg-deb --info "$deb.part" >/dev/null
mv "$deb.part" "$deb"
echo "Built $deb ($(du -h "$deb" | cut -f1))"
