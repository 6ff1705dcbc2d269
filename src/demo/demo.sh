#!/usr/bin/env bash
# The demo: build, start the relay test app with sprint-opt at level=enterprise, show what the
# agent did (status, read back with jcmd), restore it, and show the flags back as they were.
# Usage: src/demo/demo.sh [LEVEL]   (JAVA_HOME selects the JDK; default: the java on PATH)
set -euo pipefail
cd "$(dirname "$0")/../.."
level=${1:-enterprise}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
agent=agent/target/sprint-opt.jar
app=agent-test-app/target/agent-test-app.jar

echo "== building (mvn -B -q package -DskipTests)"
mvn -B -q package -DskipTests

echo "== starting the relay app with -javaagent:$agent=level=$level"
"$java" -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70 -javaagent:"$agent=level=$level" \
    -jar "$app" --duration 60s > /tmp/sprint-opt-demo.out 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
sleep 2
cat /tmp/sprint-opt-demo.out

echo "== java -jar $agent status $pid"
"$java" -jar "$agent" status "$pid"

echo "== read back from outside: $jcmd $pid VM.flags"
"$jcmd" "$pid" VM.flags | tr ' ' '\n' | grep -E 'HeapFreeRatio|G1PeriodicGCInterval'

echo "== java -jar $agent restore $pid"
"$java" -jar "$agent" restore "$pid"
"$jcmd" "$pid" VM.flags | tr ' ' '\n' | grep -E 'HeapFreeRatio|G1PeriodicGCInterval'

echo "== launch flags a running JVM cannot take: java -jar $agent flags $level"
"$java" -jar "$agent" flags "$level"
