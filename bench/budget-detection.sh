#!/usr/bin/env bash
# Detection of the reference faults under a request budget: for every fault of `convfuzz faults`,
# `convfuzz run --fault F --max-requests N` (seed 1, no corpus); a fault counts as caught when the run
# exits 1 (a new finding). Prints one row per N: caught / faults, the faults missed, and the median
# of requests sent. Usage: bench/budget-detection.sh [N ...] (default 300 500 1000); `default` as an N is
# the default run, without --max-requests (the reference the budgeted rows are compared with); `N:explore`
# adds --explore (what the bound leaves after the fixed plan goes to further ground).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CONVFUZZ:-.build/release/convfuzz}
[ -x "$BIN" ] || BIN=.build/debug/convfuzz
BUDGETS=("$@")
[ ${#BUDGETS[@]} -gt 0 ] || BUDGETS=(300 500 1000)
FAULTS=$("$BIN" faults | awk '{print $1}')
total=$(echo "$FAULTS" | wc -l)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in "${BUDGETS[@]}"; do
    caught=0; missed=(); : > "$tmp/requests"
    for fault in $FAULTS; do
        set +e
        budget=(--max-requests "${n%%:*}")
        [ "$n" = default ] && budget=()
        [ "${n#*:}" = explore ] && budget+=(--explore)
        "$BIN" run --seed 1 --no-corpus --fault "$fault" "${budget[@]}" --json "$tmp/r.json" > /dev/null 2>&1
        code=$?
        set -e
        if [ "$code" -eq 1 ]; then caught=$((caught + 1)); else missed+=("$fault"); fi
        python3 -c "import json;print(json.load(open('$tmp/r.json'))['result']['statistics']['requests'])" >> "$tmp/requests" 2>/dev/null || true
    done
    median=$(sort -n "$tmp/requests" | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}')
    echo "| $n | $caught / $total | $median | ${missed[*]:-none} |"
done
