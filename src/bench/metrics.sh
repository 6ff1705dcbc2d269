#!/usr/bin/env bash
# What the agent's monitoring costs, measured, never asserted (shared, noisy machines):
#  1. Stats over JMX and GET /metrics, each side by side with a JMX read of a platform MXBean
#     (java.lang:type=Memory) in the same loop, on the relay app with everything on.
#  2. What everything on keeps in the JVM: heap after full GC (lowest of five), Java threads and
#     metaspace, against the same app without the agent; repetitions interleaved, medians.
# Usage: src/bench/metrics.sh [ROUNDS] [READS]    (JAVA_HOME selects the JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
reads=${2:-2000}
. src/bench/common.sh
extra=("${native[@]}")
port=$(( 20000 + RANDOM % 20000 ))
everything="level=enterprise,pin=relay-*,metrics=$port,hiccup=true,adaptive=true,adaptive.min=enterprise,adaptive.max=enterprise,log=quiet"
pids=()
out=$(mktemp -d)
trap 'rm -rf "$out"; [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null' EXIT

relay() { # relay [agent options]: starts the relay app, prints its pid once it runs
    local agentArg=()
    [ -z "${1:-}" ] || agentArg=("-javaagent:$agent=$1")
    "$java" "${extra[@]}" -Xmx256m "${agentArg[@]}" -jar "$app" --duration 600s --rate 2000 >"$out/app.log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 100); do grep -q "relay app pid" "$out/app.log" && break; sleep 0.1; done
    sleep 3 # past the agent's start-up work and the first hiccup window
    echo "$pid"
}

"$java" -version 2>&1 | head -1
echo "$(nproc) CPUs; relay app at 2000 tx/s; agent: $everything"
echo
pid=$(relay "$everything")
"$java" src/bench/MetricsCost.java cost "$pid" "$port" "$reads"
kill "$pid"
echo
for round in $(seq "$rounds"); do
    for name in none everything; do
        [ $name = none ] && opts="" || opts=$everything
        pid=$(relay "$opts")
        "$java" src/bench/MetricsCost.java footprint "$pid" >> "$out/$name"
        kill "$pid"; wait "$pid" 2>/dev/null || true
    done
done
for name in none everything; do
    printf '%-10s heap %6.1f MB  threads %3d  metaspace %5.1f MB\n' "$name" \
        "$(cut -d' ' -f1 "$out/$name" | median | awk '{ print $1 / 1048576 }')" \
        "$(cut -d' ' -f2 "$out/$name" | median)" \
        "$(cut -d' ' -f3 "$out/$name" | median | awk '{ print $1 / 1048576 }')"
done
none_heap=$(cut -d' ' -f1 "$out/none" | median); all_heap=$(cut -d' ' -f1 "$out/everything" | median)
none_threads=$(cut -d' ' -f2 "$out/none" | median); all_threads=$(cut -d' ' -f2 "$out/everything" | median)
tr ',' '\n' <<<"$(tail -1 "$out/none" | cut -d' ' -f4)" | sort > "$out/names-none"
tr ',' '\n' <<<"$(tail -1 "$out/everything" | cut -d' ' -f4)" | sort > "$out/names-everything"
# the measuring JMX connection's own threads come and go in both
echo "threads only with the agent: $(comm -13 "$out/names-none" "$out/names-everything" \
    | grep -v -e '^JMX_server_connection_timeout' -e '^RMI_' | tr '\n' ' ')"
echo "  (process_reaper: the JDK's, for the one /sbin/ldconfig -p JNA runs when it loads; it ends after 60 s idle)"
echo "everything on adds: $(awk -v a="$all_heap" -v b="$none_heap" 'BEGIN { printf "%.1f", (a - b) / 1048576 }') MB of heap, $(awk -v a="$all_threads" -v b="$none_threads" 'BEGIN { print a - b }') Java threads 3 s after start (budget: 16 MB, 3 threads)"
