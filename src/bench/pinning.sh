#!/usr/bin/env bash
# What pin= costs and what it buys, side by side in one run, repetitions interleaved:
#  1. thread start+join throughput of threads pin= does not select: no agent, the hook alone
#     (level=basic,rt=true,pin=relay-*: no CPU change), and level=turbo,pin=relay-*
#  2. wake-up latency between two relay threads while other processes keep every CPU busy:
#     no agent vs level=turbo,pin=relay-*
# Prints medians over the rounds and ratios to no agent; asserts nothing (shared, noisy machines).
# Usage: src/bench/pinning.sh [ROUNDS]     (JAVA_HOME selects the JDK; run as root for SCHED_FIFO)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
. src/bench/common.sh
extra=("${native[@]}")
out=$(mktemp -d)
busy=()
trap 'rm -rf "$out"; [ ${#busy[@]} -eq 0 ] || kill "${busy[@]}" 2>/dev/null' EXIT


"$java" -version 2>&1 | head -1
echo "$(nproc) CPUs; $rounds rounds"
declare -A start=([none]="" [hook]="-javaagent:$agent=level=basic,rt=true,pin=relay-*,log=quiet"
                  [turbo]="-javaagent:$agent=level=turbo,pin=relay-*,log=quiet")
for round in $(seq "$rounds"); do
    for name in none hook turbo; do
        # shellcheck disable=SC2086
        "$java" "${extra[@]}" ${start[$name]} -cp "$app" io.sprint.opt.testapp.ThreadStartBench 3 \
            | tee -a "$out/start-$name" | sed "s/^/  round $round $name: /"
    done
done

echo
echo "contention: $(( $(nproc) * 2 )) busy-looping processes on every CPU"
for _ in $(seq $(( $(nproc) * 2 ))); do sh -c 'while :; do :; done' & busy+=($!); done
for round in $(seq "$rounds"); do
    for name in none turbo; do
        # shellcheck disable=SC2086
        "$java" "${extra[@]}" ${start[$name]} -cp "$app" io.sprint.opt.testapp.WakeupBench 5 \
            | tee -a "$out/wake-$name" | sed "s/^/  round $round $name: /"
    done
done
kill "${busy[@]}"; busy=()

echo
base=$(awk '{ print $3 }' "$out/start-none" | median)
echo "thread start+join/s, median of $rounds (ratio to no agent; goal for turbo: >= 0.97):"
for name in none hook turbo; do
    m=$(awk '{ print $3 }' "$out/start-$name" | median)
    printf '  %-6s %8.0f  x%.2f\n' "$name" "$m" "$(echo "$m / $base" | bc -l)"
done
echo "wake-up latency under contention, us, median of $rounds runs (goals: turbo p99.9 <= 1/5 of no agent, max <= 200):"
for name in none turbo; do
    p50=$(awk '{ print $4 }' "$out/wake-$name" | median)
    p99=$(awk '{ print $6 }' "$out/wake-$name" | median)
    p999=$(awk '{ print $8 }' "$out/wake-$name" | median)
    p9999=$(awk '{ print $12 }' "$out/wake-$name" | median)
    max=$(awk '{ print $10 }' "$out/wake-$name" | median)
    worst=$(awk '{ print $10 }' "$out/wake-$name" | sort -g | tail -1)
    printf '  %-6s p50 %8.1f  p99 %8.1f  p99.9 %8.1f  p99.99 %8.1f  max %8.1f  (worst run %.1f)\n' \
        "$name" "$p50" "$p99" "$p999" "$p9999" "$max" "$worst"
done
b999=$(awk '{ print $8 }' "$out/wake-none" | median)
t999=$(awk '{ print $8 }' "$out/wake-turbo" | median)
printf '  p99.9 turbo / no agent: %.3f\n' "$(echo "$t999 / $b999" | bc -l)"
