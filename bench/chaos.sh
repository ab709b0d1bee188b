#!/usr/bin/env bash
# One row per chaos mode of the reference server: wall time and peak RSS of a bounded `convfuzz run`
# (and of `convfuzz walk` for the endless cursor), with the command. The run uses the embedded
# server (`run --chaos MODE`), so the RSS includes the server, as the issue's goal does.
#
#   BUDGET=30 bash bench/chaos.sh      # writes bench/out/chaos.md (a Markdown table) and prints it
#
# Every row must end within BUDGET + 5 s under 150 MB (README "Deadline"); the lead copies the
# table into bench/RESULTS.md.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
BUDGET=${BUDGET:-30}
build_release

rows=(
  "stall|run --chaos stall"
  "trickle|run --chaos trickle"
  "endless-cursor (run)|run --chaos endless-cursor"
  "endless-cursor (walk)|walk --chaos endless-cursor --max-pages 2000"
  "cursor-cycle|run --chaos cursor-cycle"
  "huge-page|run --chaos huge-page"
  "retry-after-day|run --chaos retry-after-day"
  "retry-after-day at 1%|run --chaos retry-after-day --chaos-rate 0.01"
  "throttle at 20%|run --chaos throttle --chaos-rate 0.2"
  "reset|run --chaos reset"
  "reset at 1%|run --chaos reset --chaos-rate 0.01"
  "truncate at 10%|run --chaos truncate --chaos-rate 0.1"
  "wrong-content-type|run --chaos wrong-content-type"
  "no-content-type|run --chaos no-content-type"
  "invalid-encoding|run --chaos invalid-encoding"
  "revoke-key (ELEVENLABS_API_KEY set)|run --chaos revoke-key"
  "1% stall or trickle|run --chaos stall,trickle --chaos-rate 0.01"
  "no chaos (default run)|run"
)

table="$OUT/chaos.md"
{
  echo "| mode | command | exit | wall s | peak RSS MB | first finding or condition |"
  echo "| --- | --- | --- | --- | --- | --- |"
} >"$table"
for row in "${rows[@]}"; do
  name=${row%%|*}
  args=${row#*|}
  extra=()
  case "$args" in run*) extra=(--time-budget "$BUDGET" --no-corpus) ;; esac
  log="$OUT/chaos-$(echo "$name" | tr -c 'a-z0-9' '-').log"
  set +e
  # A key is sent (the embedded server ignores it) so `revoke-key` can refuse it mid-run.
  ELEVENLABS_API_KEY=${ELEVENLABS_API_KEY:-bench-key} /usr/bin/time -f "%e %M" -o "$OUT/chaos-time.txt" "$BIN" $args "${extra[@]}" >"$log" 2>&1
  status=$?
  set -e
  read -r wall rss_kb < <(tail -n 1 "$OUT/chaos-time.txt")  # time(1) prepends "Command exited with …" on failure
  what=$(grep -m1 -oE '\[CF-[A-Z0-9-]+\]|could not be tested[^(]*|stopped early: [^;]*' "$log" | head -1 | tr '|' '/' || true)
  printf '| %s | `convfuzz %s %s` | %s | %s | %s | %s |\n' "$name" "$args" "${extra[*]}" "$status" "$wall" \
    "$((rss_kb / 1024))" "${what:--}" >>"$table"
done
cat "$table"
