package nl.wijkzaken.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import nl.wijkzaken.support.RequiresPostgres;

/**
 * The benchmark harness on a handful of cases and a tiny history, inside {@code ./mvnw verify}, so that it cannot
 * rot: every phase runs against the real application on PostgreSQL and writes its figures. The figures themselves
 * mean nothing at this size; the full run is {@code ./mvnw -Pbench verify} (BENCHMARKS.md).
 */
@RequiresPostgres
class BenchmarkSmokeTest {

    @Test
    void everyPhaseRunsOnAHandfulOfCasesAndWritesItsFigures() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.smoke();
        Benchmark benchmark = new Benchmark(settings).run();

        // Items 1-3: every driver, process and thread count completed its cases.
        assertThat(benchmark.lifecycle).hasSize(2 * 2 * settings.threads().size());
        assertThat(benchmark.lifecycle).allSatisfy(r -> {
            assertThat(r.cases()).isEqualTo(settings.cases());
            assertThat(r.casesPerSecond()).isPositive();
            // Seven tasks of the case; a request registered at the desk adds the front office's receipt.
            int tasks = r.process().equals("plain") ? 7 : 8;
            assertThat(r.latencies().count("complete")).isEqualTo(tasks * settings.cases());
            assertThat(r.stats().jdbc().roundTrips()).isPositive();
        });
        // Item 4: the copies read like real cases, and every query was answered at every history size.
        assertThat(benchmark.copiesChecked).contains("same");
        assertThat(benchmark.interactive).hasSize(settings.historySizes().size());
        assertThat(benchmark.interactive).allSatisfy(r -> InteractiveQueries.QUERIES.forEach(q ->
                assertThat(r.latencies().count(q)).isEqualTo(settings.queryRequests())));
        // Item 5 and the open cases.
        assertThat(benchmark.intake.requests()).isEqualTo(settings.intakeRequests());
        assertThat(benchmark.intake.openCases()).hasSize(settings.intakeRequests() + 2 * settings.intakeClients());
        // pgbench (when installed) and the report files.
        String markdown = Files.readString(settings.output().resolve("results.md"));
        assertThat(markdown).contains("Lifecycle throughput", "Ours / plain", "Public intake", "Interactive latency",
                "Growth", "Database size per finished case", "Resources", "Summary against the goals", "pgbench");
        assertThat(settings.output().resolve("results.json")).isNotEmptyFile();
        assertThat(Files.readAllLines(settings.output().resolve("results.csv"))).anyMatch(l -> l.startsWith("lifecycle;"));
    }
}
