package nl.wijkzaken.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Item 6 and the summary against the goals of the issue. */
final class Resources {

    private Resources() {
    }

    static void write(Benchmark b) {
        Report report = b.report;
        report.heading("Resources (item 6)");
        long heapAfterGc = b.loadPhases.stream().mapToLong(PhaseMonitor.Stats::maxHeapAfterGcBytes).max().orElse(0);
        long heapUsed = b.loadPhases.stream().mapToLong(PhaseMonitor.Stats::maxHeapUsedBytes).max().orElse(0);
        long rss = b.loadPhases.stream().mapToLong(PhaseMonitor.Stats::maxRssBytes).max().orElse(0);
        long hwm = PhaseMonitor.statusKilobytes("VmHWM:") * 1024;
        report.table(List.of("what", "value"), List.of(
                List.of("start-up: SpringApplication.run() → ApplicationReadyEvent", "%.1f s".formatted(b.app.startupSeconds)),
                List.of("JVM uptime at ApplicationReadyEvent (incl. Surefire, JUnit and the pgbench phase before it)", "%.1f s".formatted(b.app.jvmUptimeAtReadySeconds)),
                List.of("max heap (-Xmx)", (Runtime.getRuntime().maxMemory() >> 20) + " MB"),
                List.of("heap used after GC, highest under load", (heapAfterGc >> 20) + " MB"),
                List.of("heap used (incl. garbage), highest under load", (heapUsed >> 20) + " MB"),
                List.of("RSS, highest sampled under load", (rss >> 20) + " MB"),
                List.of("RSS high-water mark of the JVM (VmHWM, whole run)", (hwm >> 20) + " MB")));
        report.metric("resources", "startup", b.app.startupSeconds, "s");
        report.metric("resources", "heap after GC max under load", heapAfterGc >> 20, "MB");
        report.metric("resources", "RSS max under load", rss >> 20, "MB");
        summary(b, heapAfterGc);
    }

    private static void summary(Benchmark b, long heapAfterGc) {
        Report report = b.report;
        report.heading("Summary against the goals");
        List<List<Object>> rows = new ArrayList<>();
        Optional<LifecycleLoad.Result> java = Lifecycles.best(b, "Java API");
        Optional<LifecycleLoad.Result> rest = Lifecycles.best(b, "REST");
        java.ifPresent(r -> rows.add(goal("completed cases/s, Java API (best: " + r.threads() + " threads)", r.casesPerSecond(), "≥ 50",
                r.casesPerSecond() >= 50)));
        rest.ifPresent(r -> rows.add(goal("completed cases/s, REST (best: " + r.threads() + " threads)", r.casesPerSecond(), "≥ 20",
                r.casesPerSecond() >= 20)));
        for (Optional<LifecycleLoad.Result> best : List.of(java, rest)) {
            best.flatMap(r -> Lifecycles.find(b, r.driver(), "plain", r.threads()).map(p -> new double[] {
                    p.casesPerSecond() / r.casesPerSecond(), r.threads()})).ifPresent(ratio -> rows.add(goal(
                    "ours / plain time per case, " + best.get().driver() + " at " + (int) ratio[1] + " threads", ratio[0],
                    "≤ 1.5", ratio[0] <= 1.5)));
        }
        if (b.interactive != null && b.interactive.length > 0) {
            InteractiveQueries.Result large = b.interactive[b.interactive.length - 1];
            InteractiveQueries.Result small = b.interactive[0];
            for (String query : InteractiveQueries.QUERIES) {
                double p95 = large.latencies().percentileMs(query, 95);
                rows.add(goal(query + ": p95 at " + large.finishedCases() + " finished", p95, "≤ 100 ms", p95 <= 100));
                if (b.interactive.length > 1) {
                    double growth = p95 / small.latencies().percentileMs(query, 95);
                    rows.add(goal(query + ": growth " + small.finishedCases() + " → " + large.finishedCases(), growth, "< 2x",
                            growth < 2));
                }
            }
        }
        if (b.intake != null) {
            double p99 = b.intake.latencies().percentileMs("intake", 99);
            rows.add(goal("public intake p99 at " + b.intake.clients() + " clients (" + Report.format(b.intake.requestsPerSecond())
                    + " requests/s)", p99, "≤ 200 ms", p99 <= 200));
        }
        rows.add(goal("start-up", b.app.startupSeconds, "≤ 20 s", b.app.startupSeconds <= 20));
        rows.add(goal("heap after GC under load (MB)", (double) (heapAfterGc >> 20), "≤ 512 MB", (heapAfterGc >> 20) <= 512));
        if (b.pgbench != null) {
            rows.add(List.of("pgbench TPC-B-like, 8 clients, prepared (ceiling)", b.pgbench.tps(), "TPS", "–"));
        }
        report.table(List.of("figure", "measured", "goal", "met"), rows);
    }

    private static List<Object> goal(String what, double value, String goal, boolean met) {
        return List.of(what, value, goal, met ? "yes" : "NO");
    }
}
