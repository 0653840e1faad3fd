package nl.wijkzaken.benchmark;

import org.junit.jupiter.api.Test;

import nl.wijkzaken.support.RequiresPostgres;

/**
 * The full benchmark: {@code ./mvnw -Pbench verify} (the profile runs only this class, with a 512 MB heap and
 * PostgreSQL required). Not a test of behaviour: it always passes when it ran, and the figures, good or bad, are in
 * {@code target/benchmark/results.md} (+ .json, .csv). Named so that the ordinary test run does not pick it up.
 */
@RequiresPostgres
class PerformanceBenchmark {

    @Test
    void run() throws Exception {
        Benchmark benchmark = new Benchmark(BenchmarkSettings.full()).run();
        System.out.println("\nResults: " + benchmark.report.directory().toAbsolutePath().resolve("results.md"));
    }
}
