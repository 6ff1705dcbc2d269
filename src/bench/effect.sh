#!/usr/bin/env bash
# How soon a level is in force after launch, and how long attach takes: src/bench/TimeToEffect.java
# launches the relay app with no agent, basic, enterprise, turbo with pin=, and turbo with pin= and
# strict, rounds interleaved, and times from the fork the app's first line (main has started), the
# agent's "level … applied" line and the moment /proc shows every relay-* thread on one CPU with a
# real-time policy; then times `attach PID level=turbo,pin=relay-*` on a running relay app.
# Prints medians; asserts nothing (shared, noisy machines). With a file argument it also writes
# the table, in Markdown, to that file. SPRINT_OPT_BASELINE_JAR=an earlier build's jar runs every
# agent launch with it too, interleaved in the same rounds. Run as root for SCHED_FIFO.
# Usage: src/bench/effect.sh [ROUNDS] [MARKDOWN-FILE]     (JAVA_HOME selects the JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
markdown=${2:-}
. src/bench/common.sh
"$java" -version 2>&1 | head -1
echo "$(nproc) CPUs; $rounds rounds"
"$java" src/bench/TimeToEffect.java "$java" "$agent" "$app" "$rounds" ${markdown:+--markdown "$markdown"} \
    ${SPRINT_OPT_BASELINE_JAR:+--baseline "$SPRINT_OPT_BASELINE_JAR"}
