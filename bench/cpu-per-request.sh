#!/usr/bin/env bash
# CPU per checked request: the harness's (user + sys of `convfuzz run`, start-up included) and the
# reference server's (utime + stime of `convfuzz serve` from /proc, over the same run), then the
# server's CPU per request under wrk on the same target, all in one script run.
#
#   CASES=10000 bash bench/cpu-per-request.sh     # BIN=… to measure another binary
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
CASES=${CASES:-10000}
PORT=${PORT:-18473}
build_release
trap stop_server EXIT
start_server "$PORT"
URL="http://127.0.0.1:$PORT"
TICKS=$(getconf CLK_TCK)
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

before=$(server_ticks)
/usr/bin/time -f "%U %S %e" -o "$OUT/cpu-harness.time" "$BIN" run --target "$URL" --seed 1 --max-cases "$CASES" \
    --walks 0 --relations 0 --no-corpus --json "$OUT/cpu-run.json" --quiet >/dev/null 2>&1 || true
after=$(server_ticks)
requests=$(python3 -c "import json;print(json.load(open('$OUT/cpu-run.json'))['result']['statistics']['requests'])")
read -r user sys wall <"$OUT/cpu-harness.time"
python3 - "$user" "$sys" "$wall" "$requests" "$before" "$after" "$TICKS" <<'PY'
import sys
user, sys_, wall, requests, before, after, ticks = map(float, sys.argv[1:])
harness = (user + sys_) / requests * 1000
server = (after - before) / ticks / requests * 1000
print(f"convfuzz: {int(requests)} requests in {wall:.2f} s; harness CPU {harness:.3f} ms/request, server CPU {server:.3f} ms/request")
PY
if command -v wrk >/dev/null; then
  before=$(server_ticks)
  wrk -t2 -c8 -d5s "$URL/v1/convai/conversations?page_size=30" >"$OUT/cpu-wrk.txt"
  after=$(server_ticks)
  python3 - "$OUT/cpu-wrk.txt" "$before" "$after" "$TICKS" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
before, after, ticks = map(float, sys.argv[2:])
total = int(re.search(r"(\d+) requests in", text).group(1))
rate = float(re.search(r"Requests/sec:\s*([\d.]+)", text).group(1))
print(f"wrk: {total} requests ({rate:.0f}/s); server CPU {(after - before) / ticks / total * 1000:.3f} ms/request")
PY
else
  echo "wrk: not installed"
fi
