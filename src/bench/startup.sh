#!/usr/bin/env bash
# Start-up cost of the agent: hello world with no agent, with an agent whose premain is empty
# (what any -javaagent costs), with sprint-opt at each level, and, for scale, with the Jolokia
# and Prometheus JMX exporter agents from Maven Central, side by side in one hyperfine run.
# Prints hyperfine's table and ratios; asserts nothing (machines are shared and noisy). With a
# file argument it also appends the table, in Markdown, to that file.
# Usage: src/bench/startup.sh [RUNS] [MARKDOWN-FILE]     (JAVA_HOME selects the JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-40}
markdown=${2:-}
. src/bench/common.sh
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar=${JAVA_HOME:+$JAVA_HOME/bin/}jar
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
printf 'public class EmptyAgent { public static void premain(String a, java.lang.instrument.Instrumentation i) { } }\n' \
    > "$empty/EmptyAgent.java"
"$javac" -d "$empty" "$empty/EmptyAgent.java"
printf 'Premain-Class: EmptyAgent\n' > "$empty/manifest"
"$jar" cfm "$empty/empty-agent.jar" "$empty/manifest" -C "$empty" EmptyAgent.class

# The other agents, for scale: fetched from Maven Central into the scratch directory.
others=()
if mvn -B -q dependency:copy -Dartifact=org.jolokia:jolokia-agent-jvm:2.2.9:jar:javaagent -DoutputDirectory="$empty" \
        >/dev/null 2>&1; then
    others+=(-n "Jolokia 2.2.9 agent" "$java -javaagent:$empty/jolokia-agent-jvm-2.2.9-javaagent.jar=port=0 \
        -cp agent-test-app/target/agent-test-app.jar io.sprint.opt.testapp.Hello")
fi
if mvn -B -q dependency:copy -Dartifact=io.prometheus.jmx:jmx_prometheus_javaagent:1.0.1 -DoutputDirectory="$empty" \
        >/dev/null 2>&1; then
    printf 'rules:\n  - pattern: ".*"\n' > "$empty/jmx-exporter.yml"
    others+=(-n "Prometheus JMX exporter 1.0.1 agent" "$java -javaagent:$empty/jmx_prometheus_javaagent-1.0.1.jar=0:$empty/jmx-exporter.yml \
        -cp agent-test-app/target/agent-test-app.jar io.sprint.opt.testapp.Hello")
fi

hello="-cp agent-test-app/target/agent-test-app.jar io.sprint.opt.testapp.Hello"
"$java" -version 2>&1 | head -1
hyperfine -N --warmup 5 --runs "$runs" --export-csv "$empty/startup.csv" \
    -n "no agent" "$java $hello" \
    -n "empty agent" "$java -javaagent:$empty/empty-agent.jar $hello" \
    -n "level=basic" "$java -javaagent:agent/target/sprint-opt.jar=level=basic $hello" \
    -n "level=standard" "$java -javaagent:agent/target/sprint-opt.jar=level=standard $hello" \
    -n "level=aggressive" "$java -javaagent:agent/target/sprint-opt.jar=level=aggressive $hello" \
    -n "level=enterprise" "$java -javaagent:agent/target/sprint-opt.jar=level=enterprise $hello" \
    -n "level=turbo" "$java -javaagent:agent/target/sprint-opt.jar=level=turbo $hello" \
    -n "level=basic + strict" "$java -javaagent:agent/target/sprint-opt.jar=level=basic,strict=true $hello" \
    -n "turbo + pin=relay-*" "$java -javaagent:agent/target/sprint-opt.jar=level=turbo,pin=relay-* $hello" \
    -n "turbo + pin=relay-* + strict" "$java ${native[*]:-} -javaagent:agent/target/sprint-opt.jar=level=turbo,pin=relay-*,strict=true $hello" \
    "${others[@]}"

echo
echo "median start-up, and the difference to no agent (budgets: level=basic +60 ms, turbo,pin=relay-* +150 ms):"
echo "(strict=true applies before main: JNA and the weaving on the start-up path; otherwise the agent's"
echo " threads apply the level while main runs, sharing the CPUs with it)"
awk -F, 'NR == 2 { base = $4 } NR > 1 { printf "  %-26s %6.1f ms  %+6.1f ms  x%.2f\n", $1, $4 * 1000, ($4 - base) * 1000, $4 / base }' \
    "$empty/startup.csv"

if [ -n "$markdown" ]; then
    {
        echo
        echo "## Start-up"
        echo
        echo "Hello world, median of $runs runs each, interleaved by hyperfine (\`src/bench/startup.sh $runs\`),"
        echo "$("$java" -version 2>&1 | head -1). Without \`strict\`, sprint-opt applies its level on its own"
        echo "threads while \`main\` runs, so hello world shares its CPUs with the agent's work until it exits."
        echo "The Jolokia and Prometheus JMX exporter agents (from"
        echo "Maven Central) are there for scale."
        echo
        echo "| JVM | median | vs no agent |"
        echo "|---|---|---|"
        awk -F, 'NR == 2 { base = $4 } NR > 1 { printf "| %s | %.1f ms | %+.1f ms (×%.2f) |\n", $1, $4 * 1000, ($4 - base) * 1000, $4 / base }' \
            "$empty/startup.csv"
    } >> "$markdown"
fi
