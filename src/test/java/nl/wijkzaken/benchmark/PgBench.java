package nl.wijkzaken.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.wijkzaken.support.PostgresTestDatabase;

/**
 * The ceiling: pgbench's TPC-B-like transactions (8 clients, 2 threads, prepared statements) on the same PostgreSQL,
 * in a database of its own, before the application starts. Each pgbench transaction is 5 statements + commit.
 */
final class PgBench {

    record Result(double tps, double latencyMs, int scale, int clients, int seconds, String version) {
    }

    private PgBench() {
    }

    static Result run(BenchmarkSettings settings, Report report) throws Exception {
        report.heading("pgbench ceiling");
        if (settings.pgbenchScale() <= 0) {
            report.paragraph("pgbench skipped (bench.pgbenchScale=0).");
            return null;
        }
        URI server = URI.create(Benchmark.serverUrl().substring("jdbc:".length()));
        String database = "wz_pgbench_" + UUID.randomUUID().toString().substring(0, 8);
        Benchmark.createDatabase(database);
        try {
            String version = exec(List.of("pgbench", "--version"), server).trim();
            exec(List.of("pgbench", "-i", "-q", "-s", String.valueOf(settings.pgbenchScale()), database), server);
            String out = exec(List.of("pgbench", "-c", "8", "-j", "2", "-M", "prepared", "-T",
                    String.valueOf(settings.pgbenchSeconds()), database), server);
            Result result = new Result(number(out, "tps = ([0-9.]+) \\(without initial connection time\\)"),
                    number(out, "latency average = ([0-9.]+) ms"), settings.pgbenchScale(), 8, settings.pgbenchSeconds(),
                    version);
            report.table(List.of("pgbench", "scale", "clients", "seconds", "TPS (TPC-B-like)", "latency avg ms",
                            "statements/s (×6 incl. commit)"),
                    List.of(List.of(version, result.scale(), result.clients(), result.seconds(), result.tps(),
                            result.latencyMs(), result.tps() * 6)));
            report.metric("pgbench", "tps", result.tps(), "1/s");
            report.metric("pgbench", "latency average", result.latencyMs(), "ms");
            return result;
        } finally {
            Benchmark.dropDatabase(database);
        }
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench output without " + regex + ":\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String exec(List<String> command, URI server) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        if (!command.contains("--version")) {
            full.addAll(1, List.of("-h", server.getHost(), "-p", String.valueOf(server.getPort() == -1 ? 5432 : server.getPort()),
                    "-U", PostgresTestDatabase.user()));
        }
        Path log = Files.createTempFile("pgbench", ".log");
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", PostgresTestDatabase.password());
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", full) + " did not finish");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
        return output;
    }
}
