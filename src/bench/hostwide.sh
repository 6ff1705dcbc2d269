#!/usr/bin/env bash
# What the host-wide knobs add to turbo's pinning, side by side in one run, rounds interleaved:
# wake-up latency between two pinned relay threads (WakeupBench), on a quiet host and with
# 2 busy-looping processes per CPU, for
#   none     no agent
#   process  level=turbo,pin=relay-*,idle=false,shield=false (pinning, RT, slack: the JVM's own)
#   host     level=turbo,pin=relay-* (also: /dev/cpu_dma_latency 0, IRQs off the dedicated CPU,
#            its pm_qos_resume_latency_us n/a)
# Prints medians over the rounds; asserts nothing (shared, noisy machines). Needs root; every
# host-wide setting is put back by the agent at each JVM's exit (checked at the end).
# Usage: src/bench/hostwide.sh [ROUNDS]     (JAVA_HOME selects the JDK)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
. src/bench/common.sh
out=$(mktemp -d)
busy=()
trap 'rm -rf "$out"; [ ${#busy[@]} -eq 0 ] || kill "${busy[@]}" 2>/dev/null' EXIT
snapshot() { for f in /proc/irq/*/smp_affinity_list /proc/irq/default_smp_affinity \
    /sys/devices/system/cpu/cpu*/power/pm_qos_resume_latency_us; do echo "$f $(cat "$f")"; done; }
snapshot > "$out/host-before"

"$java" -version 2>&1 | head -1
echo "$(nproc) CPUs; $rounds rounds; cpuidle driver: $(cat /sys/devices/system/cpu/cpuidle/current_driver 2>/dev/null || echo none)"
declare -A flags=([none]="" [process]="-javaagent:$agent=level=turbo,pin=relay-*,idle=false,shield=false,log=quiet"
                  [host]="-javaagent:$agent=level=turbo,pin=relay-*,log=quiet")
run() { # scenario
    for round in $(seq "$rounds"); do
        for name in none process host; do
            # shellcheck disable=SC2086
            "$java" "${native[@]}" ${flags[$name]} -cp "$app" io.sprint.opt.testapp.WakeupBench 5 \
                | tee -a "$out/$1-$name" | sed "s/^/  $1 round $round $name: /"
        done
    done
}
run quiet
for _ in $(seq $(( $(nproc) * 2 ))); do sh -c 'while :; do :; done' & busy+=($!); done
run busy
kill "${busy[@]}"; busy=()

echo
echo "wake-up latency, us, median of $rounds runs (worst run's max in brackets):"
for scenario in quiet busy; do
    for name in none process host; do
        f="$out/$scenario-$name"
        printf '  %-5s %-7s p50 %7.1f  p99 %7.1f  p99.9 %7.1f  p99.99 %7.1f  max %7.1f  (%.1f)\n' "$scenario" "$name" \
            "$(awk '{ print $4 }' "$f" | median)" "$(awk '{ print $6 }' "$f" | median)" \
            "$(awk '{ print $8 }' "$f" | median)" "$(awk '{ print $12 }' "$f" | median)" \
            "$(awk '{ print $10 }' "$f" | median)" "$(awk '{ print $10 }' "$f" | sort -g | tail -1)"
    done
done
if snapshot | diff -q - "$out/host-before" >/dev/null; then
    echo "host-wide settings after the run: as before (byte for byte)"
else
    echo "host-wide settings after the run: CHANGED"; snapshot | diff - "$out/host-before"; exit 1
fi
