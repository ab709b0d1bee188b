#!/usr/bin/env bash
# Peak RSS of the harness walking 1,000,000 conversations (server in its own process).
source "$(dirname "$0")/common.sh"
PORT=${PORT:-18472}
SIZE=${SIZE:-1000000}
build_release
trap stop_server EXIT
start_server "$PORT" --size "$SIZE"
/usr/bin/time -v "$BIN" walk --target "http://127.0.0.1:$PORT" --page-size 100 --max-pages 20000 \
    >"$OUT/walk.txt" 2>"$OUT/walk-time.txt" || true
cat "$OUT/walk.txt"
grep -E "Maximum resident set size|Elapsed" "$OUT/walk-time.txt"
