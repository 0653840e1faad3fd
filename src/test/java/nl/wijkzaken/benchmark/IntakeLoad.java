package nl.wijkzaken.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Item 5: the public intake, {@code POST /api/requests} without login, from C concurrent clients (each with its own
 * Idempotency-Key per request, as the residents' web form and apps send). Every case it creates stays open and
 * becomes one of the open cases of the interactive measurements.
 */
final class IntakeLoad {

    /** A case a resident submitted: its number and the secret status token. */
    record OpenCase(String caseNumber, String token, String neighbourhood) {
    }

    record Result(int requests, int clients, double seconds, Latencies latencies, List<OpenCase> openCases,
                  PhaseMonitor.Stats stats) {

        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private IntakeLoad() {
    }

    static Result run(Benchmark b) throws Exception {
        Http http = new Http(b.app.baseUrl);
        List<OpenCase> open = Collections.synchronizedList(new ArrayList<>());
        int clients = b.settings.intakeClients();
        // Warm-up (not measured): two requests per client.
        submitAll(http, clients, 2 * clients, new Latencies(), open, 900_000);
        b.awaitJobs();

        b.analyzeUnlessAutovacuum();
        Latencies latencies = new Latencies();
        PhaseMonitor monitor = b.monitor();
        long start = System.nanoTime();
        submitAll(http, clients, b.settings.intakeRequests(), latencies, open, 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        PhaseMonitor.Stats stats = monitor.stop();
        b.loadPhases.add(stats);
        Result result = new Result(b.settings.intakeRequests(), clients, seconds, latencies, List.copyOf(open), stats);
        b.awaitJobs();
        write(b, result);
        return result;
    }

    private static void submitAll(Http http, int clients, int requests, Latencies latencies, List<OpenCase> open,
                                  int offset) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < requests) {
                    String neighbourhood = Organisation.NEIGHBOURHOODS.get(i % 4);
                    Map<String, Object> body = new LinkedHashMap<>(CaseScript.regular(neighbourhood, 500_000 + offset + i)
                            .startVariables());
                    body.remove("channel");
                    try {
                        Http.Response response = latencies.time("intake", () -> http.post("/api/requests", null, body,
                                "application/json", Map.of("Idempotency-Key", UUID.randomUUID().toString())));
                        JsonNode created = http.ok(response, "POST /api/requests").json();
                        String url = created.get("statusUrl").asText();
                        open.add(new OpenCase(created.get("caseNumber").asText(), url.substring(url.lastIndexOf('/') + 1),
                                neighbourhood));
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-client-" + c);
            threads.add(client);
            client.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void write(Benchmark b, Result r) {
        Report report = b.report;
        report.heading("Public intake (item 5)");
        PhaseMonitor.Stats s = r.stats();
        report.table(List.of("clients", "requests", "requests/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "round trips / request",
                        "app CPU %", "PG CPU %", "machine busy %"),
                List.of(List.of(r.clients(), r.requests(), r.requestsPerSecond(), r.latencies().percentileMs("intake", 50),
                        r.latencies().percentileMs("intake", 95), r.latencies().percentileMs("intake", 99),
                        r.latencies().percentileMs("intake", 100), (double) s.jdbc().roundTrips() / r.requests(),
                        s.appCpuPercent(), s.postgresCpuPercent(), s.machineBusyPercent())));
        report.metric("intake", "requests/s", r.requestsPerSecond(), "1/s");
        report.metric("intake", "p99", r.latencies().percentileMs("intake", 99), "ms");
        report.metric("intake", "p95", r.latencies().percentileMs("intake", 95), "ms");
        report.metric("intake", "round trips/request", (double) s.jdbc().roundTrips() / r.requests(), "");
        List<List<Object>> statements = new ArrayList<>();
        for (Map.Entry<String, long[]> e : s.jdbc().top(8)) {
            String sql = e.getKey().length() > 110 ? e.getKey().substring(0, 110) + "…" : e.getKey();
            statements.add(List.of("`" + sql.replace("|", "\\|") + "`", (double) e.getValue()[0] / r.requests(),
                    e.getValue()[1] / 1e6 / e.getValue()[0]));
        }
        report.table(List.of("intake statement (top 8 by count)", "per request", "mean ms"), statements);
        List<List<Object>> waits = new ArrayList<>();
        s.postgresWaits().forEach((k, v) -> waits.add(List.of(k, v)));
        report.table(List.of("PostgreSQL backends during intake", "% of samples"), waits);
    }
}
