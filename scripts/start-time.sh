#!/usr/bin/env bash
# Times process start to the first `/health` 200 on a fresh data directory (SQLite, the embedded default):
#   scripts/start-time.sh [-n STARTS] [--publish DIR] [BUILD_DIR...]
# Each BUILD_DIR holds a built server (RuleSuspension.Server.dll). With several, the starts alternate between them
# in one run, so that a loaded machine weighs on all of them alike: compare their ratios, not their seconds.
# --publish DIR first publishes this tree into DIR as the Dockerfile does (ReadyToRun, linux-x64, self-contained,
# composite with the frameworks; several minutes) and times it beside the BUILD_DIRs: the form users deploy. A
# self-contained build is started the same way, with `dotnet RuleSuspension.Server.dll`. Extra publish arguments
# (e.g. -p:SkipWebBuild=true) can be given in PUBLISH_ARGS.
set -euo pipefail
starts=5
root=$(cd "$(dirname "$0")/.." && pwd)
builds=()
while (($# > 0)); do
  case $1 in
    -n) starts=$2; shift 2 ;;
    --publish)
      # The Dockerfile's own publish command, word for word but for the output directory.
      dotnet publish "$root/src/RuleSuspension.Server" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
        ${PUBLISH_ARGS:-} -o "$2" >&2
      builds+=("$2"); shift 2 ;;
    *) builds+=("$1"); shift ;;
  esac
done
((${#builds[@]} > 0)) || { echo "usage: scripts/start-time.sh [-n STARTS] [--publish DIR] [BUILD_DIR...]" >&2; exit 2; }
set -- "${builds[@]}"
port=$((20000 + RANDOM % 20000))
results=$(mktemp -d)
# Wall clocks mean little on a loaded machine: the load average is printed before and after, to be reported beside them.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

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
    # CPU time (user + system) the server spent until then: on a loaded machine it varies far less than the wall clock.
    cpu=$(awk -v tick="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tick) }' "/proc/$server/stat")
    kill "$server"; wait "$server" 2>/dev/null || true
    rm -rf "$data"
    key=$(echo "$build" | md5sum | cut -c1-8)
    echo $(((end - begin) / 1000000)) >>"$results/$key.wall"
    echo "$cpu" >>"$results/$key.cpu"
    echo "$build start $run: $(((end - begin) / 1000000)) ms, $cpu ms CPU"
  done
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build | measure | starts | min | median | max (ms, process start to the first /health 200)"
for build in "$@"; do
  key=$(echo "$build" | md5sum | cut -c1-8)
  for measure in wall cpu; do
    sort -n "$results/$key.$measure" | awk -v b="$build" -v m="$measure" '{ v[NR] = $1 } END { print b " | " m " | " NR " | " v[1] " | " v[int((NR + 1) / 2)] " | " v[NR] }'
  done
done
rm -rf "$results"
