#!/usr/bin/env bash
# Harness CPU per checked request next to the server's, measured in one run (issue 18): the default
# `convfuzz run` against `convfuzz serve` in its own process. The harness's CPU is time(1)'s user +
# system (start-up, generation, curl, parsing and every check included); the server's is read from
# /proc/PID/stat before and after. Then wrk on the same server (one fixed valid query), for the
# ratio of requests per second. Medians of RUNS runs.
#
#   RUNS=5 bash bench/harness-cpu.sh          # BUILD=debug for the debug build
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RUNS=${RUNS:-5}
PORT=${PORT:-18473}
build_release
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || true; }
trap stop_server EXIT
start_server "$PORT"
URL="http://127.0.0.1:$PORT"
TICKS=$(getconf CLK_TCK)
server_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
: >"$OUT/harness-cpu.txt"
for run in $(seq 1 "$RUNS"); do
  before=$(server_ticks)
  /usr/bin/time -f "%U %S %e" -o "$OUT/harness-cpu-$run.time" "$BIN" run --target "$URL" --no-corpus \
      --json "$OUT/harness-cpu-$run.json" --quiet >/dev/null 2>&1 || true
  after=$(server_ticks)
  read -r user sys wall < <(tail -n 1 "$OUT/harness-cpu-$run.time")
  requests=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["statistics"]["requests"])' "$OUT/harness-cpu-$run.json")
  python3 -c 'import sys; u,s,w,r,b,a,t=map(float,sys.argv[1:]); print(f"{1000*(u+s)/r:.3f} {1000*(a-b)/t/r:.3f} {r/w:.0f} {int(r)}")' \
      "$user" "$sys" "$wall" "$requests" "$before" "$after" "$TICKS" >>"$OUT/harness-cpu.txt"
done
echo "harness CPU per checked request, ms (median of $RUNS): $(awk '{print $1}' "$OUT/harness-cpu.txt" | median)"
echo "server CPU per request, ms (median of $RUNS):          $(awk '{print $2}' "$OUT/harness-cpu.txt" | median)"
echo "requests per run (median):                            $(awk '{print $4}' "$OUT/harness-cpu.txt" | median)"
CF=$(awk '{print $3}' "$OUT/harness-cpu.txt" | median)
echo "convfuzz requests/s, start-up included (median):      $CF"
if command -v wrk >/dev/null; then
  : >"$OUT/harness-wrk.txt"
  for run in $(seq 1 "$RUNS"); do
    wrk -t2 -c8 -d5s "$URL/v1/convai/conversations?page_size=30" | awk '/Requests\/sec/ {print $2}' >>"$OUT/harness-wrk.txt"
  done
  WRK=$(median <"$OUT/harness-wrk.txt")
  echo "wrk requests/s (median of $RUNS):                     $WRK"
  python3 -c 'import sys; c,w=map(float,sys.argv[1:]); print(f"convfuzz / wrk requests/s: {100*c/w:.0f}%")' "$CF" "$WRK"
else
  echo "wrk: not installed and not installable here; no ratio"
fi
