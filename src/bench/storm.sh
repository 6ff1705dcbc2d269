#!/usr/bin/env bash
# Thread storm: what applying pin= costs a JVM that already runs many matching threads.
# For each count (100, 1,000, 5,000 relay-N threads, each waking every second; ThreadStorm in
# the test app), rounds interleaved: the app's worst stall over 5 s without the agent doing
# anything (its 1 ms sleep loop, and a System.gc() each second), then `attach PID
# level=enterprise,pin=relay-*` timed from the command line and the app's worst stall while it
# ran, then `restore` the same way. Prints medians and the stall ratio to the quiet window.
# Asserts nothing (shared, noisy machines). Usage: src/bench/storm.sh [ROUNDS] [COUNTS...]
# (JAVA_HOME selects the JDK; run as root for SCHED_FIFO/RR)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
shift || true
counts=("${@:-100 1000 5000}")
# shellcheck disable=SC2206
counts=(${counts[*]})
. src/bench/common.sh
out=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"' EXIT

now() { date +%s.%N; }
# report FIFO LOG: asks the app for its worst stall and System.gc() time since the last report (ms)
report() {
    local before
    before=$(grep -c '^stall' "$2" || true)
    echo report > "$1"
    for _ in $(seq 200); do
        [ "$(grep -c '^stall' "$2" || true)" -gt "$before" ] && break
        sleep 0.05
    done
    grep '^stall' "$2" | tail -1 | awk '{ print $3, $6 }'
}

"$java" -version 2>&1 | head -1
echo "$(nproc) CPUs; $rounds rounds; counts ${counts[*]}"
for round in $(seq "$rounds"); do
    for n in "${counts[@]}"; do
        fifo=$out/in-$n-$round
        log=$out/log-$n-$round
        mkfifo "$fifo"
        # a writer that keeps the FIFO open for the app's whole life
        sleep 100000 > "$fifo" &
        holder=$!
        pids+=("$holder")
        "$java" "${native[@]}" -cp "$app" io.sprint.opt.testapp.ThreadStorm "$n" < "$fifo" > "$log" 2>&1 &
        pid=$!
        pids+=("$pid")
        for _ in $(seq 600); do grep -q "storm ready" "$log" && break; sleep 0.1; done
        sleep 2
        report "$fifo" "$log" > /dev/null
        sleep 5
        read -r quiet quietgc <<< "$(report "$fifo" "$log")"
        start=$(now)
        "$java" -jar "$agent" attach "$pid" level=enterprise,pin=relay-* > /dev/null
        attach=$(echo "$(now) - $start" | bc)
        read -r during duringgc <<< "$(report "$fifo" "$log")"
        start=$(now)
        "$java" -jar "$agent" restore "$pid" > /dev/null
        restore=$(echo "$(now) - $start" | bc)
        read -r after aftergc <<< "$(report "$fifo" "$log")"
        echo "$n $attach $quiet $during $restore $after $quietgc $duringgc $aftergc" >> "$out/results"
        printf '  round %d, %5d threads: attach %6.2f s (stall %7.1f ms, gc %7.1f ms; quiet %6.1f / %6.1f ms), restore %6.2f s (stall %7.1f ms, gc %7.1f ms)\n' \
            "$round" "$n" "$attach" "$during" "$duringgc" "$quiet" "$quietgc" "$restore" "$after" "$aftergc"
        kill "$pid" "$holder" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
done

echo
echo "medians of $rounds rounds; stall = the app's worst late wake-up from a 1 ms sleep, gc = its longest"
echo "System.gc(), both in ms, over 5 s with no agent at work (quiet), during attach, during restore:"
printf '  %7s %9s %12s %13s %6s %10s %10s %12s %10s\n' threads "attach s" "stall quiet" "stall attach" ratio \
    "restore s" "gc quiet" "gc attach" "gc restore"
for n in "${counts[@]}"; do
    col() { awk -v n="$n" -v c="$1" '$1 == n { print $c }' "$out/results" | median; }
    a=$(col 2); q=$(col 3); d=$(col 4); r=$(col 5); gq=$(col 7); ga=$(col 8); gr=$(col 9)
    printf '  %7d %9.2f %12.1f %13.1f %6s %10.2f %10.1f %12.1f %10.1f\n' "$n" "$a" "$q" "$d" \
        "x$(echo "scale=1; $d / $q" | bc)" "$r" "$gq" "$ga" "$gr"
done
