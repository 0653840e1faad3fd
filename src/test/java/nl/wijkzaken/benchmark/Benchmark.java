package nl.wijkzaken.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.wijkzaken.support.PostgresTestDatabase;

/**
 * The benchmark: one run, phase after phase, on a fresh PostgreSQL database that is dropped at the end. See
 * BENCHMARKS.md for what each phase measures and how to read the figures.
 */
final class Benchmark {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    final BenchmarkSettings settings;
    final Report report;
    final List<LifecycleLoad.Result> lifecycle = new ArrayList<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    final List<PhaseMonitor.Stats> loadPhases = new ArrayList<>();
    HistorySeeder seeder;
    InteractiveQueries.Result[] interactive;
    IntakeLoad.Result intake;
    PgBench.Result pgbench;
    BenchmarkApp app;
    String databaseName;
    String copiesChecked;
    boolean autovacuum = true;

    Benchmark(BenchmarkSettings settings) {
        this.settings = settings;
        this.report = new Report(settings.output());
    }

    /** Runs every phase; the report is written after each. The database is dropped at the end. */
    Benchmark run() throws Exception {
        databaseName = "wz_bench_" + UUID.randomUUID().toString().substring(0, 8);
        String url = createDatabase(databaseName);
        try {
            report.title("Wijkzaken benchmark results");
            machine();
            pgbench = PgBench.run(settings, report);
            report.write();

            app = BenchmarkApp.start(url, PostgresTestDatabase.user(), PostgresTestDatabase.password(),
                    settings.output().resolve("application.log"));
            try {
                JdbcCounter.ignoreThisThread(); // this thread is the harness from here on
                phases();
            } finally {
                app.close();
            }
            Resources.write(this);
            report.write();
            return this;
        } finally {
            if (Boolean.getBoolean("bench.keepDatabase")) {
                System.out.println("Database kept (bench.keepDatabase): " + databaseName);
            } else {
                dropDatabase(databaseName);
            }
        }
    }

    private void phases() throws Exception {
        int year = currentYear();
        int historyYears = HistorySeeder.HISTORY_YEARS;
        Organisation.create(app, year - historyYears - 1, year + 1);
        report.paragraph("Start-up: %.1f s from SpringApplication.run() to ApplicationReadyEvent (JVM uptime then: %.1f s)."
                .formatted(app.startupSeconds, app.jvmUptimeAtReadySeconds));
        figures.put("startupSeconds", app.startupSeconds);

        lifecycle();
        report.write();

        intake = IntakeLoad.run(this);
        report.write();
        OpenCases.progress(this, intake.openCases());
        awaitJobs();

        seeder = new HistorySeeder(this);
        List<InteractiveQueries.Result> results = new ArrayList<>();
        for (int size : settings.historySizes()) {
            seeder.seedTo(size);
            if (copiesChecked == null && seeder.clones() > 0) {
                copiesChecked = seeder.verify(new Http(app.baseUrl));
            }
            results.add(InteractiveQueries.measure(this, size, intake.openCases()));
            report.write();
        }
        interactive = results.toArray(InteractiveQueries.Result[]::new);
        InteractiveQueries.writeGrowth(this, interactive);
        seeder.writeSizes();
        report.write();
    }

    private void lifecycle() throws Exception {
        LifecycleLoad load = new LifecycleLoad(app);
        CaseDriver java = new JavaApiDriver(app);
        CaseDriver rest = new RestDriver(new Http(app.baseUrl));
        IntFunction<CaseScript> ours = i -> CaseScript.regular(Organisation.NEIGHBOURHOODS.get(i % 4), i);
        IntFunction<CaseScript> plain = CaseScript::plain;
        if (settings.warmupCases() > 0) {
            report.heading("Warm-up");
        }
        int warmThreads = Math.min(4, settings.threads().stream().mapToInt(Integer::intValue).max().orElse(1));
        for (CaseDriver driver : settings.warmupCases() > 0 ? List.of(java, rest) : List.<CaseDriver>of()) {
            for (boolean isOurs : List.of(true, false)) {
                LifecycleLoad.Result r = load.run(driver, isOurs ? "resident-request" : "plain", offset(isOurs ? ours : plain),
                        settings.warmupCases(), warmThreads, this::monitor);
                report.paragraph("warm-up: " + LifecycleLoad.summary(r));
                awaitJobs();
            }
        }
        for (CaseDriver driver : List.of(java, rest)) {
            for (int threads : settings.threads()) {
                for (boolean isOurs : List.of(true, false)) {
                    analyzeUnlessAutovacuum();
                    LifecycleLoad.Result r = load.run(driver, isOurs ? "resident-request" : "plain",
                            offset(isOurs ? ours : plain), settings.cases(), threads, this::monitor);
                    lifecycle.add(r);
                    loadPhases.add(r.stats());
                    System.out.println(LifecycleLoad.summary(r));
                    awaitJobs();
                    app.purgeMail();
                }
            }
        }
        Lifecycles.write(this);
    }

    private int caseCounter;

    /** Unique case indexes across runs (names, titles, plain business keys). */
    private IntFunction<CaseScript> offset(IntFunction<CaseScript> scripts) {
        int base = caseCounter;
        caseCounter += 100_000;
        return i -> scripts.apply(base + i);
    }

    PhaseMonitor monitor() {
        return new PhaseMonitor(serverUrl(), databaseName, PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    /** What autovacuum would have done by now: statistics for every table. */
    void analyze() throws SQLException {
        try (Connection c = DriverManager.getConnection(app.databaseUrl, PostgresTestDatabase.user(),
                PostgresTestDatabase.password()); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    void analyzeUnlessAutovacuum() throws SQLException {
        if (!autovacuum) {
            analyze();
        }
    }

    JdbcClient jdbc() {
        return app.bean(JdbcClient.class);
    }

    /** Waits until the job executor and the mail worker have run every due asynchronous step, so phases do not overlap. */
    void awaitJobs() throws InterruptedException {
        ManagementService management = app.bean(ManagementService.class);
        long deadline = System.nanoTime() + 600_000_000_000L;
        ExternalTaskService externalTasks = app.bean(ExternalTaskService.class);
        while (management.createJobQuery().executable().messages().count() > 0
                || externalTasks.createExternalTaskQuery().withRetriesLeft().count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The job executor did not catch up within 10 minutes");
            }
            Thread.sleep(50);
        }
    }

    private void machine() throws Exception {
        report.heading("Machine");
        String postgres;
        try (Connection c = DriverManager.getConnection(serverUrl(), PostgresTestDatabase.user(), PostgresTestDatabase.password());
             Statement s = c.createStatement(); var rs = s.executeQuery("SELECT version(), current_setting('shared_buffers'), "
                     + "current_setting('max_connections'), current_setting('synchronous_commit'), current_setting('autovacuum')")) {
            rs.next();
            postgres = rs.getString(1) + "; shared_buffers " + rs.getString(2) + ", max_connections " + rs.getString(3)
                    + ", synchronous_commit " + rs.getString(4) + ", autovacuum " + rs.getString(5);
            autovacuum = "on".equals(rs.getString(5));
        }
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.table(List.of("what", "value"), List.of(
                List.of("date", ZonedDateTime.now(ZONE).toString()),
                List.of("cores (nproc)", Runtime.getRuntime().availableProcessors()),
                List.of("CPU", cpu),
                List.of("memory", memory),
                List.of("load average at start (1 min)", load),
                List.of("PostgreSQL", postgres),
                List.of("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                        + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
                        + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList())),
                List.of("settings", settings.toString())));
        if (!autovacuum) {
            report.paragraph("**autovacuum is off on this PostgreSQL server.** Without it the engine's busy runtime tables "
                    + "(ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_VARIABLE, …) never get statistics and the planner picks "
                    + "nested loops over them (the team's task list took 5x longer). The harness therefore runs ANALYZE "
                    + "before every measurement, as autovacuum would in production (where it is on by default).");
        }
        report.metric("machine", "cores", Runtime.getRuntime().availableProcessors(), "");
        report.metric("machine", "postgresql", postgres, "");
        report.metric("machine", "memory", memory, "");
    }

    static String serverUrl() {
        return PostgresTestDatabase.serverUrl();
    }

    static String createDatabase(String name) {
        execute("CREATE DATABASE " + name);
        String server = serverUrl();
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    static void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl(), PostgresTestDatabase.user(),
                PostgresTestDatabase.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed", e);
        }
    }

    static int currentYear() {
        return LocalDate.now(ZONE).getYear();
    }
}
