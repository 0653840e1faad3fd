package nl.wijkzaken.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How big a benchmark run is. {@link #full()} reads {@code -Dbench.*} system properties (defaults: the documented
 * full run, see BENCHMARKS.md); {@link #smoke()} is the handful of cases that {@code ./mvnw verify} runs so the
 * harness cannot rot.
 *
 * @param cases          complete cases per lifecycle measurement (per thread count, per driver, per process)
 * @param warmupCases    cases driven before the first measurement (JIT, caches), not counted
 * @param threads        worker thread counts for the lifecycle measurements
 * @param historySizes   finished cases in the database for the interactive measurements, ascending
 * @param openCases      open cases in the database during the interactive measurements
 * @param queryRequests  requests per interactive query and history size (after {@code queryWarmup})
 * @param intakeRequests public intake requests at {@code intakeClients} concurrent clients
 * @param pgbenchScale   pgbench -s; 0 skips pgbench
 * @param pgbenchSeconds pgbench -T
 * @param output         where results.md/.json/.csv go
 */
public record BenchmarkSettings(
        int cases,
        int warmupCases,
        List<Integer> threads,
        List<Integer> historySizes,
        int openCases,
        int queryRequests,
        int queryWarmup,
        int intakeRequests,
        int intakeClients,
        int pgbenchScale,
        int pgbenchSeconds,
        Path output) {

    /** The documented run; every figure can be overridden, e.g. {@code -Dbench.cases=100}. */
    public static BenchmarkSettings full() {
        return new BenchmarkSettings(
                Integer.getInteger("bench.cases", 150),
                Integer.getInteger("bench.warmupCases", 40),
                ints(System.getProperty("bench.threads", "1,2,4,8")),
                ints(System.getProperty("bench.historySizes", "10000,100000")),
                Integer.getInteger("bench.openCases", 1000),
                Integer.getInteger("bench.queryRequests", 200),
                Integer.getInteger("bench.queryWarmup", 40),
                Integer.getInteger("bench.intakeRequests", 1000),
                Integer.getInteger("bench.intakeClients", 16),
                Integer.getInteger("bench.pgbenchScale", 10),
                Integer.getInteger("bench.pgbenchSeconds", 30),
                Path.of(System.getProperty("bench.output", "target/benchmark")));
    }

    /** A handful of cases and a tiny history: every phase runs, in seconds. */
    public static BenchmarkSettings smoke() {
        return new BenchmarkSettings(2, 0, List.of(2), List.of(12, 24), 4, 3, 1, 4, 2, 1, 1,
                Path.of("target/benchmark-smoke"));
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
