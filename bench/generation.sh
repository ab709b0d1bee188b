#!/usr/bin/env bash
# Times case generation: builds convfuzz in release and generates 100,000 cases.
#
# Usage: bench/generation.sh [seed] [count]
# Needs the `convfuzz generate --seed N --count K` command (CLI branch). Output goes to
# /dev/null; only the wall time and the byte count are reported. Uses its own scratch path
# so it does not disturb other builds.
set -euo pipefail
cd "$(dirname "$0")/.."
SEED="${1:-1}"
COUNT="${2:-100000}"
SCRATCH="${SCRATCH:-.build-bench}"
swift build -c release --product convfuzz --scratch-path "$SCRATCH"
BIN="$(swift build -c release --product convfuzz --scratch-path "$SCRATCH" --show-bin-path)/convfuzz"
echo "generating $COUNT cases with seed $SEED"
START=$(date +%s.%N)
BYTES=$("$BIN" generate --seed "$SEED" --count "$COUNT" | wc -c)
END=$(date +%s.%N)
awk -v s="$START" -v e="$END" -v n="$COUNT" -v b="$BYTES" \
    'BEGIN { t = e - s; printf "%.2f s, %.0f cases/s, %d bytes\n", t, n / t, b }'
