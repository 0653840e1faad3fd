package nl.wijkzaken.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lifecycle figures (issue items 1-3) as tables, the ours/plain ratios and the profile of the best run. */
final class Lifecycles {

    private Lifecycles() {
    }

    static void write(Benchmark b) {
        Report report = b.report;
        report.heading("Lifecycle throughput (items 1-3)");
        report.paragraph("Each row: " + b.settings.cases() + " complete cases, timed from the first start to the end of the "
                + "last process instance. resident-request takes the regular path (3 advices, deliberation, co-signed "
                + "decision, budget reservation): 7 user tasks + the start (resident-request adds the front office's receipt); 'plain' is the same 7 tasks without DMN, "
                + "listeners, service tasks, messages or ledger. Latencies are per call as the client sees it. Round trips "
                + "are every JDBC statement, batch, commit and rollback the application sent (including the job executor and "
                + "the HTTP authentication), divided by the tasks completed.");
        List<List<Object>> rows = new ArrayList<>();
        for (LifecycleLoad.Result r : b.lifecycle) {
            PhaseMonitor.Stats s = r.stats();
            rows.add(List.of(r.driver(), r.process(), r.threads(), r.casesPerSecond(), r.tasksPerSecond(),
                    ms(r, "complete", 50) + " / " + ms(r, "complete", 95) + " / " + ms(r, "complete", 99),
                    Report.format(r.latencies().percentileMs("find", 95)) + " / " + Report.format(r.latencies().percentileMs("claim", 95))
                            + " / " + Report.format(r.latencies().percentileMs("start", 95)),
                    r.latencies().percentileMs("case", 50) / 1000,
                    (double) s.jdbc().roundTrips() / r.tasks(), 1000 * s.jdbc().databaseSeconds() / r.tasks(),
                    s.appCpuPercent(), s.postgresCpuPercent(), s.machineBusyPercent(), r.conflicts()));
            String key = r.driver() + " " + r.process() + " T" + r.threads();
            report.metric("lifecycle", key + " cases/s", r.casesPerSecond(), "1/s");
            report.metric("lifecycle", key + " tasks/s", r.tasksPerSecond(), "1/s");
            for (int p : new int[] {50, 95, 99}) {
                report.metric("lifecycle", key + " complete p" + p, r.latencies().percentileMs("complete", p), "ms");
            }
            report.metric("lifecycle", key + " round trips/task", (double) s.jdbc().roundTrips() / r.tasks(), "");
            report.metric("lifecycle", key + " app CPU", s.appCpuPercent(), "% of machine");
            report.metric("lifecycle", key + " PostgreSQL CPU", s.postgresCpuPercent(), "% of machine");
            report.metric("lifecycle", key + " optimistic-lock retries", r.conflicts(), "");
        }
        report.table(List.of("driver", "process", "threads", "cases/s", "tasks/s", "complete p50 / p95 / p99 ms",
                "p95 ms find / claim / start", "case lead time p50 s", "round trips / task", "DB wait ms / task", "app CPU %", "PG CPU %",
                "machine busy %", "lock retries"), rows);

        report.heading("Ours / plain (item 3)");
        report.paragraph("Cost ratio = time per case of resident-request / time per case of plain at the same driver and "
                + "thread count (= plain cases/s ÷ ours cases/s); goal ≤ 1.5. Also per task: round trips and CPU.");
        List<List<Object>> ratios = new ArrayList<>();
        for (String driver : List.of("Java API", "REST")) {
            for (int threads : b.settings.threads()) {
                Optional<LifecycleLoad.Result> ours = find(b, driver, "resident-request", threads);
                Optional<LifecycleLoad.Result> plain = find(b, driver, "plain", threads);
                if (ours.isEmpty() || plain.isEmpty()) {
                    continue;
                }
                double ratio = plain.get().casesPerSecond() / ours.get().casesPerSecond();
                double tripRatio = (double) ours.get().stats().jdbc().roundTrips() / Math.max(1, plain.get().stats().jdbc().roundTrips());
                double cpuRatio = (ours.get().stats().appCpuSeconds() + ours.get().stats().postgresCpuSeconds())
                        / (plain.get().stats().appCpuSeconds() + plain.get().stats().postgresCpuSeconds());
                ratios.add(List.of(driver, threads, ours.get().casesPerSecond(), plain.get().casesPerSecond(), ratio,
                        tripRatio, cpuRatio,
                        ours.get().latencies().percentileMs("complete", 95) / plain.get().latencies().percentileMs("complete", 95)));
                report.metric("ratio", driver + " T" + threads + " ours/plain time per case", ratio, "");
                report.metric("ratio", driver + " T" + threads + " ours/plain round trips", tripRatio, "");
                report.metric("ratio", driver + " T" + threads + " ours/plain CPU (app+PG)", cpuRatio, "");
            }
        }
        report.table(List.of("driver", "threads", "ours cases/s", "plain cases/s", "ours/plain time per case",
                "ours/plain round trips", "ours/plain CPU (app+PG)", "ours/plain complete p95"), ratios);

        for (String driver : List.of("Java API", "REST")) {
            best(b, driver).ifPresent(r -> {
                report.metric("best", driver + " threads", r.threads(), "");
                report.metric("best", driver + " cases/s", r.casesPerSecond(), "1/s");
                profile(report, r);
                find(b, driver, "plain", r.threads()).ifPresent(p -> {
                    profile(report, p);
                    difference(report, r, p);
                });
            });
        }
    }

    static Optional<LifecycleLoad.Result> best(Benchmark b, String driver) {
        return b.lifecycle.stream().filter(r -> r.driver().equals(driver) && r.process().equals("resident-request"))
                .max(Comparator.comparingDouble(LifecycleLoad.Result::casesPerSecond));
    }

    static Optional<LifecycleLoad.Result> find(Benchmark b, String driver, String process, int threads) {
        return b.lifecycle.stream().filter(r -> r.driver().equals(driver) && r.process().equals(process)
                && r.threads() == threads).findFirst();
    }

    /** Where the time of one run went: statements, PostgreSQL's waits, the application's threads. */
    static void profile(Report report, LifecycleLoad.Result r) {
        PhaseMonitor.Stats s = r.stats();
        report.heading("Profile: " + r.driver() + ", " + r.process() + ", " + r.threads() + " threads");
        report.paragraph("%.1f cases/s in %.1f s. Per case: %.1f round trips (%.1f statements in batches), %.1f commits, "
                .formatted(r.casesPerSecond(), r.seconds(), (double) s.jdbc().roundTrips() / r.cases(),
                        (double) s.jdbc().batches() / r.cases(), (double) s.jdbc().commits() / r.cases())
                + "%.1f ms waiting for the database (summed over threads); app CPU %.1f s (%.0f %% of the machine), PostgreSQL CPU %.1f s (%.0f %%), machine busy %.0f %%, heap after GC ≤ %d MB, RSS ≤ %d MB, GC pauses %.1f s."
                .formatted(1000 * s.jdbc().databaseSeconds() / r.cases(), s.appCpuSeconds(), s.appCpuPercent(),
                        s.postgresCpuSeconds(), s.postgresCpuPercent(), s.machineBusyPercent(),
                        s.maxHeapAfterGcBytes() >> 20, s.maxRssBytes() >> 20, s.gcSeconds()));
        List<List<Object>> statements = new ArrayList<>();
        for (Map.Entry<String, long[]> e : s.jdbc().top(12)) {
            String sql = e.getKey().length() > 110 ? e.getKey().substring(0, 110) + "…" : e.getKey();
            statements.add(List.of("`" + sql.replace("|", "\\|") + "`", (double) e.getValue()[0] / r.cases(),
                    e.getValue()[1] / 1e6 / e.getValue()[0]));
        }
        report.table(List.of("statement (top 12 by count)", "per case", "mean ms"), statements);
        List<List<Object>> waits = new ArrayList<>();
        s.postgresWaits().forEach((k, v) -> waits.add(List.of(k, v)));
        report.table(List.of("PostgreSQL backends of this database, sampled every 100 ms", "% of samples"), waits);
        List<List<Object>> threads = new ArrayList<>();
        s.appThreads().forEach((k, v) -> threads.add(List.of(k, v)));
        report.table(List.of("application threads doing work (workers, HTTP, job executor), sampled", "% of samples"), threads);
        List<List<Object>> cpu = new ArrayList<>();
        s.cpuInclusive().forEach((k, v) -> cpu.add(List.of(k, v)));
        report.table(List.of("CPU samples of those threads passing through", "% of CPU samples"), cpu);
    }

    /** Which statements resident-request sends that the plain process does not: per case, ours minus plain. */
    static void difference(Report report, LifecycleLoad.Result ours, LifecycleLoad.Result plain) {
        Map<String, long[]> o = ours.stats().jdbc().perSql();
        Map<String, long[]> p = plain.stats().jdbc().perSql();
        java.util.Set<String> all = new java.util.HashSet<>(o.keySet());
        all.addAll(p.keySet());
        List<Object[]> diffs = new ArrayList<>();
        for (String sql : all) {
            double perCaseOurs = o.containsKey(sql) ? (double) o.get(sql)[0] / ours.cases() : 0;
            double perCasePlain = p.containsKey(sql) ? (double) p.get(sql)[0] / plain.cases() : 0;
            double msOurs = o.containsKey(sql) ? o.get(sql)[1] / 1e6 / ours.cases() : 0;
            double msPlain = p.containsKey(sql) ? p.get(sql)[1] / 1e6 / plain.cases() : 0;
            diffs.add(new Object[] {sql, perCaseOurs - perCasePlain, msOurs - msPlain, perCaseOurs, perCasePlain});
        }
        diffs.sort(Comparator.comparingDouble((Object[] d) -> -(double) d[1]));
        List<List<Object>> rows = new ArrayList<>();
        double total = (double) ours.stats().jdbc().roundTrips() / ours.cases() - (double) plain.stats().jdbc().roundTrips() / plain.cases();
        for (Object[] d : diffs.subList(0, Math.min(18, diffs.size()))) {
            String sql = (String) d[0];
            sql = sql.length() > 110 ? sql.substring(0, 110) + "…" : sql;
            rows.add(List.of("`" + sql.replace("|", "\\|") + "`", d[1], d[3], d[4], d[2]));
        }
        report.heading("What resident-request adds to plain, " + ours.driver() + ", " + ours.threads() + " threads");
        report.paragraph("%.0f more round trips per case (%.0f vs %.0f); the statements with the largest difference:"
                .formatted(total, (double) ours.stats().jdbc().roundTrips() / ours.cases(),
                        (double) plain.stats().jdbc().roundTrips() / plain.cases()));
        report.table(List.of("statement", "extra per case", "ours per case", "plain per case", "extra DB ms per case"), rows);
    }

    private static String ms(LifecycleLoad.Result r, String op, int p) {
        return Report.format(r.latencies().percentileMs(op, p));
    }
}
