#!/usr/bin/env bash
# Reproduces every figure of docs/sync-engine.md. Run from anywhere:
#   bash benches/sync-spike/run.sh            # everything (about 15 minutes on 2 cores)
#   SKIP_CLEAN_BUILDS=1 bash benches/sync-spike/run.sh   # skip the clean compile timings
# Build output goes to $SPIKE_TARGET (default /work/spike-target), never into the repo's target/.
set -euo pipefail
cd "$(dirname "$0")"
T="${SPIKE_TARGET:-/work/spike-target}"
OUT="${SPIKE_OUT:-$T/out}"
REPS="${REPS:-3}"
mkdir -p "$OUT"

echo "== machine"
nproc; grep -m1 "model name" /proc/cpuinfo || true; free -m | sed -n 2p; uptime
rustc --version; cargo --version

echo "== crates each engine adds (cargo tree -e normal, unique name+version, this package included)"
count() { cargo tree -e normal --no-default-features $1 --prefix none | sed 's/ (\*)//' | sort -u | wc -l; }
base=$(count "")
for f in automerge loro; do
  n=$(count "--features $f")
  echo "$f: $n crates in the tree, $((n - base)) added over serde + serde_json alone ($base)"
done

echo "== networking crates in the tree (none expected)"
if cargo tree -e normal,build --prefix none | grep -iE "reqwest|hyper|tokio|socket|mio|rustls|openssl|curl|tungstenite|websocket|quinn|tower|h2 |http|url"; then
  echo "FOUND networking crates"; exit 1
else
  echo "none"
fi

if [ -z "${SKIP_CLEAN_BUILDS:-}" ]; then
  echo "== clean release builds, -j 1 (wall seconds; the engine's cost is the difference from 'none')"
  for f in none automerge loro; do
    d="$T/clean-$f"; rm -rf "$d"
    args="--no-default-features"; [ "$f" != none ] && args="$args --features $f"
    s=$(date +%s.%N)
    CARGO_TARGET_DIR="$d" cargo build --release -j 1 $args --quiet
    e=$(date +%s.%N)
    echo "$f: $(echo "$e - $s" | bc) s"
  done
fi

echo "== the spike (both engines, $REPS repetitions, medians)"
CARGO_TARGET_DIR="$T" cargo build --release -j 1 --quiet
"$T/release/sync-spike" all "$OUT" "$REPS"
echo "== gzip -6 of the saved documents, for scale"
for f in automerge loro; do
  echo "$f: $(stat -c %s "$OUT/$f-0.bin") bytes, gzip $(gzip -6 -c "$OUT/$f-0.bin" | wc -c) bytes"
done
echo "raw results: $OUT/results.json"
