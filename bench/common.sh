# Shared helpers for the benchmarks (sourced).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# BUILD=debug measures the debug build (the engine modules are compiled -O in every configuration,
# see Package.swift `optimised`); the default is a release build of the whole package.
BUILD=${BUILD:-release}
# BIN=/path/to/convfuzz measures another binary (e.g. one built from an earlier commit) and skips the build.
BIN_GIVEN=${BIN:+1}
BIN=${BIN:-"$ROOT/.build/$BUILD/convfuzz"}
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

build_release() {
  if [ -n "${BIN_GIVEN:-}" ]; then return 0; fi
  (cd "$ROOT" && make -s deps && swift build -c "$BUILD" --product convfuzz >/dev/null)
}

# start_server PORT [extra serve flags…]: starts `convfuzz serve` and waits until it answers.
start_server() {
  local port=$1; shift
  "$BIN" serve --port "$port" "$@" >"$OUT/serve-$port.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 200); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/v1/convai/conversations?page_size=1"; then return 0; fi
    sleep 0.05
  done
  echo "server on $port did not start" >&2
  return 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
