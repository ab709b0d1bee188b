#!/usr/bin/env bash
# Cases per second of convfuzz against the embedded reference server (release, loopback),
# compared in the same run with wrk (one fixed valid query: the box's ceiling) and
# Schemathesis (same server, the endpoint's OpenAPI document, a similar case budget).
# Medians of RUNS runs each. Needs: wrk (apt), python3 venv (Schemathesis from PyPI).
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}
CASES=${CASES:-3000}
PORT=${PORT:-18471}
build_release
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
SCHEMATHESIS=${SCHEMATHESIS:-1}   # SCHEMATHESIS=0 skips it (no PyPI access, or only the wrk ratio wanted)
if [ "$SCHEMATHESIS" = 1 ] && [ ! -x "$ROOT/bench/.venv/bin/st" ]; then
  python3 -m venv "$ROOT/bench/.venv"
  "$ROOT/bench/.venv/bin/pip" install -q schemathesis==4.32.5
fi
trap stop_server EXIT
start_server "$PORT"
URL="http://127.0.0.1:$PORT"

: >"$OUT/wrk.txt"; : >"$OUT/convfuzz.txt"; : >"$OUT/st.txt"
for run in $(seq 1 "$RUNS"); do
  wrk -t2 -c8 -d5s "$URL/v1/convai/conversations?page_size=30" | awk '/Requests\/sec/ {print $2}' >>"$OUT/wrk.txt"
  # Cases only (no walks, relations or shrinking) so that cases/s is comparable.
  start=$(date +%s.%N)
  "$BIN" run --target "$URL" --seed "$run" --max-cases "$CASES" --walks 0 --relations 0 --no-corpus \
      --json "$OUT/convfuzz-$run.json" --quiet >/dev/null || true
  end=$(date +%s.%N)
  python3 - "$OUT/convfuzz-$run.json" "$start" "$end" >>"$OUT/convfuzz.txt" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
stats = doc["result"]["statistics"]
wall = float(sys.argv[3]) - float(sys.argv[2])
print(f'{stats["cases"] / wall:.1f} {stats["cases"]} {stats["requests"]} {wall:.2f}')
PY
  [ "$SCHEMATHESIS" = 1 ] || { echo "0 0 0 1" >>"$OUT/st.txt"; continue; }
  start=$(date +%s.%N)
  "$ROOT/bench/.venv/bin/st" run "$ROOT/specs/openapi/elevenlabs-list-conversations.openapi.json" \
      --url "$URL" --max-examples 300 --phases examples,coverage,fuzzing --checks not_a_server_error \
      --workers 2 --no-color >"$OUT/st-$run.log" 2>&1 || true
  end=$(date +%s.%N)
  python3 - "$OUT/st-$run.log" "$start" "$end" >>"$OUT/st.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
wall = float(sys.argv[3]) - float(sys.argv[2])
m = re.findall(r"(\d+) generated", text) or re.findall(r"Test cases:\s*\n?\s*(\d+)", text)
cases = int(m[-1]) if m else 0
print(f'{cases / wall:.1f} {cases} 0 {wall:.2f}')
PY
done
WRK=$(median <"$OUT/wrk.txt")
CF=$(awk '{print $1}' "$OUT/convfuzz.txt" | median)
ST=$(awk '{print $1}' "$OUT/st.txt" | median)
CFREQ=$(awk '{print $3/$4}' "$OUT/convfuzz.txt" | median)
echo "wrk requests/s (median of $RUNS):           $WRK"
echo "convfuzz cases/s (median of $RUNS):         $CF   (requests/s: $CFREQ)"
echo "schemathesis cases/s (median of $RUNS):     $ST"
python3 -c "import sys; w,c,s,r=map(float,sys.argv[1:]); print(f'convfuzz / schemathesis cases/s: {c/s if s else float(\"inf\"):.1f}x'); print(f'convfuzz requests/s / wrk: {100*r/w:.0f}%')" "$WRK" "$CF" "$ST" "$CFREQ"
