#!/usr/bin/env bash
# Times process start to the first `/health` 200 on a fresh data directory (SQLite, the embedded default):
#   scripts/start-time.sh [-n STARTS] BUILD_DIR [BUILD_DIR...]
# Each BUILD_DIR holds a built server (RuleSuspension.Server.dll). With several, the starts alternate between them
# in one run, so that a loaded machine weighs on all of them alike: compare their ratios, not their seconds.
set -euo pipefail
starts=5
if [[ ${1:-} == -n ]]; then starts=$2; shift 2; fi
(($# > 0)) || { echo "usage: scripts/start-time.sh [-n STARTS] BUILD_DIR [BUILD_DIR...]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
port=$((20000 + RANDOM % 20000))
results=$(mktemp -d)

for ((run = 1; run <= starts; run++)); do
  for build in "$@"; do
    data=$(mktemp -d)
    begin=$(date +%s%N)
    dotnet "$build/RuleSuspension.Server.dll" --urls "http://127.0.0.1:$port" --Data:Directory="$data" \
      --Workflows:Directory="$root/workflows" --Serilog:MinimumLevel:Default=Warning >"$data/out.log" 2>&1 &
    server=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
      kill -0 "$server" 2>/dev/null || { echo "the server in $build stopped:" >&2; cat "$data/out.log" >&2; exit 1; }
      sleep 0.01
    done
    end=$(date +%s%N)
    kill "$server"; wait "$server" 2>/dev/null || true
    rm -rf "$data"
    echo $(((end - begin) / 1000000)) >>"$results/$(echo "$build" | md5sum | cut -c1-8)"
    echo "$build start $run: $(((end - begin) / 1000000)) ms"
  done
done

echo "build | starts | min | median | max (ms, process start to /health 200)"
for build in "$@"; do
  sort -n "$results/$(echo "$build" | md5sum | cut -c1-8)" | awk -v b="$build" '{ v[NR] = $1 } END { print b " | " NR " | " v[1] " | " v[int((NR + 1) / 2)] " | " v[NR] }'
done
rm -rf "$results"
