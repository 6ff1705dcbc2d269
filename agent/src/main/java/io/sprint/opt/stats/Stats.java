package io.sprint.opt.stats;

/**
 * The {@code Stats} attribute: the seed's GetStats in JVM form. Over JMX each component is an
 * item named in snake case ({@code numCpu} → {@code num_cpu}), the names Grafana dashboards and
 * scripts use.
 *
 * @param hiccupP99Ms the hiccup meter's p99 over its window, -1 when the meter is off
 * @param gcCpuFraction CPU time of the GC threads over the CPU time available since start
 */
public record Stats(boolean applied, String level, int numCpu, int maxThreads, int numThreads, int daemonThreads,
                    long heapAllocMb, long heapSysMb, long numGc, double gcCpuFraction, double gcPauseP50Ms,
                    double gcPauseP95Ms, double gcPauseP99Ms, double gcPauseMaxMs, double allocRateMbS,
                    double hiccupP99Ms, int pinnedThreads, String javaVersion, long uptimeS) {
}
