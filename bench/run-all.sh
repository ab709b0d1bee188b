#!/usr/bin/env bash
# Runs every benchmark in one go (release build) and prints the numbers for bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/throughput.sh
bash bench/generation.sh
bash bench/default-run.sh
bash bench/memory.sh
bash bench/chaos.sh
