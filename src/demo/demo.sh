#!/usr/bin/env bash
# The demo: build, start the relay test app with sprint-opt (default level=enterprise), show what
# the agent did (status, then read back from outside with jcmd, taskset, chrt and /proc), restore it,
# and show everything back as it was.
# Usage: src/demo/demo.sh [OPTIONS]   default level=enterprise,pin=relay-*,metrics=9464,hiccup=true
#        (JAVA_HOME selects the JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
options=${1:-level=enterprise,pin=relay-*,metrics=9464,hiccup=true}
port=$(printf '%s' "$options" | sed -n 's/.*metrics=\([0-9.]*:\)\{0,1\}\([0-9]*\).*/\2/p')
level=$(printf '%s' "$options" | sed -n 's/.*level=\([a-z]*\).*/\1/p')
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
agent=agent/target/sprint-opt.jar
app=agent-test-app/target/agent-test-app.jar

# What an operator would check: the JVM's flags, every thread's CPUs, policy and timer slack
# (relay threads one by one, the others counted), locked memory.
outside() {
    "$jcmd" "$1" VM.flags | tr ' ' '\n' | grep -E 'HeapFreeRatio|G1PeriodicGCInterval' || true
    for tid in $(ls "/proc/$1/task"); do
        name=$(cat "/proc/$1/task/$tid/comm" 2>/dev/null) || continue
        case "$name" in relay-*) who="$name (tid $tid)" ;; *) who="other threads" ;; esac
        printf '%s: CPUs %s, %s, timer slack %s ns\n' "$who" "$(taskset -pc "$tid" | sed 's/.*: //')" \
            "$(chrt -p "$tid" | head -1 | sed 's/.*: //; s/|SCHED_RESET_ON_FORK//')" \
            "$(cat "/proc/$tid/timerslack_ns" 2>/dev/null || echo '?')"
    done | sort | uniq -c | sed 's/^ *1 relay/  relay/; s/^ *\([0-9]*\) other threads/  \1 other threads/'
    grep -E 'VmLck|VmRSS' "/proc/$1/status"
}

echo "== building (mvn -B -q package -DskipTests)"
mvn -B -q package -DskipTests

echo "== starting the relay app with -javaagent:$agent=$options"
"$java" -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70 --enable-native-access=ALL-UNNAMED \
    -javaagent:"$agent=$options" -jar "$app" --duration 60s > /tmp/sprint-opt-demo.out 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
sleep 2
cat /tmp/sprint-opt-demo.out

echo "== java -jar $agent status $pid"
"$java" -jar "$agent" status "$pid"

echo "== read back from outside the JVM (jcmd, taskset, chrt, /proc)"
outside "$pid"

if [ -n "$port" ]; then
    echo "== curl -s 127.0.0.1:$port/metrics | grep '^runtime_' (histogram buckets left out)"
    curl -s "127.0.0.1:$port/metrics" | grep '^runtime_' | grep -v '_bucket' || echo "(no endpoint on $port)"
fi
echo "== java -jar $agent health $pid"
"$java" -jar "$agent" health "$pid" || true

echo "== java -jar $agent restore $pid"
"$java" -jar "$agent" restore "$pid"
outside "$pid"

echo "== launch flags a running JVM cannot take: java -jar $agent flags ${level:-basic}"
"$java" -jar "$agent" flags "${level:-basic}"
