#!/usr/bin/env bash
# Generation throughput: cases per second of `convfuzz generate` (release), median of RUNS runs.
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-5}
COUNT=${COUNT:-100000}
build_release
: >"$OUT/gen.txt"
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  "$BIN" generate --seed "$run" --count "$COUNT" >/dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; print(f'{int(sys.argv[1])/(float(sys.argv[3])-float(sys.argv[2])):.0f}')" "$COUNT" "$start" "$end" >>"$OUT/gen.txt"
done
echo "generate cases/s (median of $RUNS, $COUNT cases, JSON lines to /dev/null): $(median <"$OUT/gen.txt")"
