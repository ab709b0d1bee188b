#!/usr/bin/env bash
# Wall clock of the default `convfuzz run` against the embedded reference server (2,000 cases, filter
# probes, 12 sampled walks at two page sizes, page-size walks, 96 relations, auth variants), median of
# RUNS runs, with the peak RSS of each run.
#
#   RUNS=5 bash bench/default-run.sh          # BUILD=debug for the debug build
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RUNS=${RUNS:-5}
build_release
: >"$OUT/default-run.txt"
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$OUT/default-run-$run.time" "$BIN" run --no-corpus --quiet >/dev/null 2>&1 || true
  read -r wall rss < <(tail -n 1 "$OUT/default-run-$run.time")
  echo "$wall $rss" >>"$OUT/default-run.txt"
done
echo "default run wall s (median of $RUNS): $(awk '{print $1}' "$OUT/default-run.txt" | median)"
echo "default run peak RSS MB (median of $RUNS): $(awk '{printf "%.1f\n", $2/1024}' "$OUT/default-run.txt" | median)"
