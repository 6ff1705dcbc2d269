#!/usr/bin/env bash
# What applying a level at start-up costs a JVM, in CPU: `java -javaagent:…=ARGS -version` with
# strict=true in ARGS applies the level in premain, then the JVM prints its version and exits.
# Whole-process CPU (user + sys, from bash's time) and wall, each launch against none without the
# agent and, with SPRINT_OPT_BASELINE_JAR=an earlier build's jar, against that one, interleaved;
# medians of ROUNDS. CPU because a start on a small host is CPU-bound: its wall time moves with the
# host's load from run to run, its CPU much less. Asserts nothing.
# Usage: src/bench/startcost.sh [ROUNDS] [AGENT-ARGS ...]   (default: enterprise and turbo,pin, strict)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-20}
shift || true
launches=("$@")
[ ${#launches[@]} -gt 0 ] || launches=("level=enterprise,strict=true" "level=turbo,pin=relay-*,strict=true")
. src/bench/common.sh
"$java" -version 2>&1 | head -1
echo "$(nproc) CPUs; $rounds rounds"
jars=("$agent")
[ -z "${SPRINT_OPT_BASELINE_JAR:-}" ] || jars+=("$SPRINT_OPT_BASELINE_JAR")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
TIMEFORMAT='%3U %3S %3R'
measure() { # FILE JAVA-ARGS...: appends "cpu_ms wall_ms"
    local file=$1 times
    shift
    times=$( { time "$java" "${native[@]}" "$@" -version >/dev/null 2>&1; } 2>&1 )
    awk '{ printf "%d %d\n", ($1 + $2) * 1000, $3 * 1000 }' <<<"$times" >>"$file"
}
for ((round = 1; round <= rounds; round++)); do
    measure "$out/none"
    for i in "${!launches[@]}"; do
        for j in "${!jars[@]}"; do
            measure "$out/$i-$j" "-javaagent:${jars[$j]}=${launches[$i]}"
        done
    done
done
row() { # NAME FILE
    printf '%-60s cpu %5s ms   wall %5s ms\n' "$1" "$(cut -d' ' -f1 "$2" | median)" "$(cut -d' ' -f2 "$2" | median)"
}
echo "medians of $rounds launches, whole process:"
row "no agent" "$out/none"
for i in "${!launches[@]}"; do
    for j in "${!jars[@]}"; do
        row "${launches[$i]}$([ "$j" = 0 ] || echo ' (baseline)')" "$out/$i-$j"
    done
done
