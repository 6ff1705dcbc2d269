#!/usr/bin/env bash
# /metrics under hostile-but-fair clients: a scraper once a second, first alone, then beside 200
# connections holding half a request, a client sending a byte every 4 s, and bursts of 50
# concurrent scrapes each second (src/bench/SlowClients.java). Figures only, nothing asserted.
# Usage: src/bench/slowclients.sh [SECONDS]   (JAVA_HOME selects the JDK; SPRINT_OPT_JAR another agent jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
. src/bench/common.sh
port=$(( 20000 + RANDOM % 20000 ))
out=$(mktemp -d)
pid=
trap 'rm -rf "$out"; [ -z "$pid" ] || kill "$pid" 2>/dev/null' EXIT

"$java" -version 2>&1 | head -1
echo "$(nproc) CPUs; relay app at 2000 tx/s with -javaagent:$agent=level=basic,metrics=$port; $seconds s per phase"
"$java" "${native[@]}" -javaagent:"$agent"=level=basic,metrics=$port,log=quiet -jar "$app" --duration 600s \
    --rate 2000 > "$out/app.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "relay app pid" "$out/app.log" && break; sleep 0.1; done
sleep 3
"$java" src/bench/SlowClients.java "$port" "$seconds"
