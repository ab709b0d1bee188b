#!/usr/bin/env bash
# Generation throughput (release), median of RUNS runs:
#  - the engine alone: `convfuzz generate --discard` (generate and classify from the wire, no output);
#  - the `generate` command with its JSON lines written to /dev/null.
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}
COUNT=${COUNT:-100000}
build_release
: >"$OUT/gen-engine.txt"; : >"$OUT/gen-jsonl.txt"
for run in $(seq 1 "$RUNS"); do
  "$BIN" generate --seed "$run" --count "$COUNT" --discard | sed -E 's/.*: ([0-9]+) cases\/s/\1/' >>"$OUT/gen-engine.txt"
  start=$(date +%s.%N)
  "$BIN" generate --seed "$run" --count "$COUNT" >/dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; print(f'{int(sys.argv[1])/(float(sys.argv[3])-float(sys.argv[2])):.0f}')" "$COUNT" "$start" "$end" >>"$OUT/gen-jsonl.txt"
done
echo "engine cases/s (median of $RUNS, $COUNT cases, generate + classify): $(median <"$OUT/gen-engine.txt")"
echo "generate command cases/s (median of $RUNS, JSON lines to /dev/null): $(median <"$OUT/gen-jsonl.txt")"
