#!/usr/bin/env bash
# Start-up cost of the agent: hello world with no agent, with an agent whose premain is empty
# (what any -javaagent costs), and with sprint-opt, side by side in one hyperfine run.
# Prints hyperfine's table and ratios; asserts nothing (machines are shared and noisy).
# Usage: src/bench/startup.sh [RUNS]     (JAVA_HOME selects the JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-40}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar=${JAVA_HOME:+$JAVA_HOME/bin/}jar
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -f agent/target/sprint-opt.jar ] || mvn -B -q package -DskipTests

empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
printf 'public class EmptyAgent { public static void premain(String a, java.lang.instrument.Instrumentation i) { } }\n' \
    > "$empty/EmptyAgent.java"
"$javac" -d "$empty" "$empty/EmptyAgent.java"
printf 'Premain-Class: EmptyAgent\n' > "$empty/manifest"
"$jar" cfm "$empty/empty-agent.jar" "$empty/manifest" -C "$empty" EmptyAgent.class

native=""
[ "$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')" -ge 21 ] \
    && native="--enable-native-access=ALL-UNNAMED"
hello="-cp agent-test-app/target/agent-test-app.jar io.sprint.opt.testapp.Hello"
"$java" -version 2>&1 | head -1
hyperfine -N --warmup 5 --runs "$runs" --export-csv "$empty/startup.csv" \
    -n "no agent" "$java $hello" \
    -n "empty agent" "$java -javaagent:$empty/empty-agent.jar $hello" \
    -n "level=basic" "$java -javaagent:agent/target/sprint-opt.jar=level=basic $hello" \
    -n "level=basic + strict" "$java -javaagent:agent/target/sprint-opt.jar=level=basic,strict=true $hello" \
    -n "turbo + pin=relay-*" "$java -javaagent:agent/target/sprint-opt.jar=level=turbo,pin=relay-* $hello" \
    -n "turbo + pin=relay-* + strict" "$java $native -javaagent:agent/target/sprint-opt.jar=level=turbo,pin=relay-*,strict=true $hello"

echo
echo "median start-up, and the difference to no agent (budgets: level=basic +60 ms, turbo,pin=relay-* +150 ms):"
echo "(strict=true applies before main: JNA and Byte Buddy on the start-up path; otherwise they load on the"
echo " sprint-opt thread after the application's first second, which hello world never reaches)"
awk -F, 'NR == 2 { base = $4 } NR > 1 { printf "  %-26s %6.1f ms  %+6.1f ms  x%.2f\n", $1, $4 * 1000, ($4 - base) * 1000, $4 / base }' \
    "$empty/startup.csv"
