package nl.wijkzaken.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Item 4: what people wait for while history piles up, over HTTP as their browsers ask it, one request at a time
 * on an otherwise idle system:
 * <ul>
 * <li>"Taken van mijn team": a wijkmanager opens the Tasklist filter ({@code POST /engine-rest/filter/{id}/list},
 *     HAL as Tasklist asks it, first page of 15, newest first, with the filter's variables);</li>
 * <li>the auditor's dossier of a finished case picked at random ({@code GET /api/dossiers/{caseNumber}});</li>
 * <li>a resident's status page ({@code GET /status/{token}}), half of an open case, half of a finished one;</li>
 * <li>a wijkmanager's budget overview of this year ({@code GET /api/budgets/{neighbourhood}/{year}}).</li>
 * </ul>
 */
final class InteractiveQueries {

    static final List<String> QUERIES = List.of("Taken van mijn team", "dossier", "status page", "budget overview");

    record Result(int finishedCases, Latencies latencies, Map<String, Double> roundTrips, Map<String, Double> bytes,
                  Map<String, List<Map.Entry<String, long[]>>> topStatements, Map<String, Integer> requests) {
    }

    private InteractiveQueries() {
    }

    static Result measure(Benchmark b, int finishedCases, List<IntakeLoad.OpenCase> open) throws Exception {
        b.analyze(); // fresh statistics for the runtime tables too, as autovacuum keeps them in production
        Http http = new Http(b.app.baseUrl);
        Random random = new Random(finishedCases);
        String filterId = http.ok(http.get("/engine-rest/filter?name=" + Http.encode("Taken van mijn team"), "wm.breukelen",
                "application/json"), "filter").json().get(0).get("id").asText();
        int n = b.settings.queryRequests();
        int warm = b.settings.queryWarmup();
        List<String> dossiers = b.seeder.sampleFinished(n + warm);
        List<String[]> copies = b.seeder.sampleCopies(n + warm);
        int year = Benchmark.currentYear();

        Latencies latencies = new Latencies();
        Map<String, Double> roundTrips = new LinkedHashMap<>();
        Map<String, Double> bytes = new LinkedHashMap<>();
        Map<String, Integer> requests = new LinkedHashMap<>();
        Map<String, List<Map.Entry<String, long[]>>> top = new LinkedHashMap<>();
        for (String query : QUERIES) {
            long totalBytes = 0;
            JdbcCounter.Snapshot before = null;
            for (int i = 0; i < warm + n; i++) {
                if (i == warm) {
                    before = JdbcCounter.snapshot();
                }
                String neighbourhood = Organisation.NEIGHBOURHOODS.get(i % 4);
                long start = System.nanoTime();
                Http.Response response = switch (query) {
                    case "Taken van mijn team" -> http.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                            Organisation.wijkmanager(neighbourhood),
                            Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))),
                            "application/hal+json", Map.of());
                    case "dossier" -> http.get("/api/dossiers/" + dossiers.get(i % dossiers.size()), "auditor", "application/json");
                    case "status page" -> http.get("/status/" + (i % 2 == 0 && !open.isEmpty()
                            ? open.get(random.nextInt(open.size())).token()
                            : HistorySeeder.token(copies.get(i % copies.size())[0])), null, "text/html");
                    default -> http.get("/api/budgets/" + neighbourhood + "/" + year, Organisation.wijkmanager(neighbourhood),
                            "application/json");
                };
                long nanos = System.nanoTime() - start;
                http.ok(response, query);
                check(query, response);
                if (i >= warm) {
                    latencies.record(query, nanos);
                    totalBytes += response.body().length();
                }
            }
            JdbcCounter.Snapshot delta = JdbcCounter.snapshot().minus(before);
            roundTrips.put(query, (double) delta.roundTrips() / n);
            bytes.put(query, (double) totalBytes / n);
            requests.put(query, n);
            top.put(query, delta.topByTime(5));
        }
        Result result = new Result(finishedCases, latencies, roundTrips, bytes, top, requests);
        write(b, result);
        return result;
    }

    /** The answer must be the real thing, not an error page or an empty list. */
    private static void check(String query, Http.Response response) {
        switch (query) {
            case "Taken van mijn team" -> {
                JsonNode tasks = response.json().path("_embedded").path("task");
                if (tasks.isMissingNode()) {
                    throw new IllegalStateException("No tasks in the team's filter: " + response.body());
                }
            }
            case "dossier" -> {
                if (response.json().path("timeline").size() < 20) {
                    throw new IllegalStateException("A dossier without its timeline: " + response.body());
                }
            }
            case "status page" -> {
                if (!response.body().contains("BV-")) {
                    throw new IllegalStateException("Status page without the case number");
                }
            }
            default -> {
                if (!response.json().has("remaining")) {
                    throw new IllegalStateException("Budget overview without remaining: " + response.body());
                }
            }
        }
    }

    private static void write(Benchmark b, Result r) {
        Report report = b.report;
        report.heading("Interactive latency at " + r.finishedCases() + " finished cases (item 4)");
        List<List<Object>> rows = new ArrayList<>();
        for (String query : QUERIES) {
            Latencies l = r.latencies();
            rows.add(List.of(query, r.requests().get(query), l.percentileMs(query, 50), l.percentileMs(query, 95),
                    l.percentileMs(query, 99), r.roundTrips().get(query), r.bytes().get(query) / 1024));
            report.metric("interactive", r.finishedCases() + " finished: " + query + " p95", l.percentileMs(query, 95), "ms");
            report.metric("interactive", r.finishedCases() + " finished: " + query + " p50", l.percentileMs(query, 50), "ms");
            report.metric("interactive", r.finishedCases() + " finished: " + query + " round trips", r.roundTrips().get(query), "");
        }
        report.table(List.of("query", "requests", "p50 ms", "p95 ms", "p99 ms", "round trips / request", "response KB"), rows);
        List<List<Object>> statements = new ArrayList<>();
        r.topStatements().forEach((query, top) -> top.forEach(e -> statements.add(List.of(query,
                "`" + (e.getKey().length() > 100 ? e.getKey().substring(0, 100) + "…" : e.getKey()).replace("|", "\\|") + "`",
                (double) e.getValue()[0] / r.requests().get(query), e.getValue()[1] / 1e6 / e.getValue()[0]))));
        report.table(List.of("query", "statement (top 5 by total time)", "per request", "mean ms"), statements);
    }

    static void writeGrowth(Benchmark b, Result[] results) {
        if (results.length < 2) {
            return;
        }
        Result small = results[0];
        Result large = results[results.length - 1];
        Report report = b.report;
        report.heading("Growth " + small.finishedCases() + " → " + large.finishedCases() + " finished cases (item 4)");
        List<List<Object>> rows = new ArrayList<>();
        for (String query : QUERIES) {
            double p95Small = small.latencies().percentileMs(query, 95);
            double p95Large = large.latencies().percentileMs(query, 95);
            double growth = p95Large / p95Small;
            rows.add(List.of(query, p95Small, p95Large, growth, p95Large <= 100 && growth < 2 ? "yes" : "NO"));
            report.metric("growth", query + " p95 growth", growth, "x");
        }
        report.table(List.of("query", "p95 ms at " + small.finishedCases(), "p95 ms at " + large.finishedCases(), "growth",
                "goal (p95 ≤ 100 ms and growth < 2x) met"), rows);
    }
}
