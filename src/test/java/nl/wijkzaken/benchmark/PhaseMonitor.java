package nl.wijkzaken.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Watches one phase of the benchmark: database round trips ({@link JdbcCounter}), CPU of this JVM, of PostgreSQL and
 * of the whole machine, what PostgreSQL's busy backends wait for ({@code pg_stat_activity}, sampled), heap and RSS,
 * and where the application's threads spend their time (thread dumps, sampled). Start it, run the load, stop it.
 */
final class PhaseMonitor implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;
    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

    private final String databaseName;
    private final String serverUrl;
    private final String user;
    private final String password;

    private final JdbcCounter.Snapshot jdbcBefore = JdbcCounter.snapshot();
    private final long appCpuBefore = appCpuNanos();
    private final double postgresCpuBefore = postgresCpuSeconds();
    private final long[] machineBefore = machineTicks();
    private final long startNanos = System.nanoTime();
    private final long gcMillisBefore = gcMillis();

    private final Map<String, LongAdder> waits = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> threadStates = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> cpuMarkers = new ConcurrentHashMap<>();
    private final LongAdder cpuSamples = new LongAdder();
    private final LongAdder waitSamples = new LongAdder();
    private final LongAdder threadSamples = new LongAdder();
    private volatile long maxHeapAfterGc;
    private volatile long maxHeapUsed;
    private volatile long maxRss;
    private volatile boolean running = true;
    private final Thread sampler;

    PhaseMonitor(String serverUrl, String databaseName, String user, String password) {
        this.serverUrl = serverUrl;
        this.databaseName = databaseName;
        this.user = user;
        this.password = password;
        this.sampler = new Thread(this::sample, "bench-monitor");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /** What a phase cost. */
    record Stats(double seconds, JdbcCounter.Snapshot jdbc, double appCpuSeconds, double postgresCpuSeconds,
                 double machineBusyPercent, Map<String, Double> postgresWaits, Map<String, Double> appThreads,
                 long maxHeapAfterGcBytes, long maxHeapUsedBytes, long maxRssBytes, double gcSeconds,
                 Map<String, Double> cpuInclusive) {

        /** Share of the two cores: CPU seconds / (wall seconds × cores). */
        double appCpuPercent() {
            return 100 * appCpuSeconds / (seconds * Runtime.getRuntime().availableProcessors());
        }

        double postgresCpuPercent() {
            return 100 * postgresCpuSeconds / (seconds * Runtime.getRuntime().availableProcessors());
        }
    }

    Stats stop() {
        running = false;
        try {
            sampler.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] machineAfter = machineTicks();
        long total = machineAfter[0] - machineBefore[0];
        long idle = machineAfter[1] - machineBefore[1];
        return new Stats(seconds, JdbcCounter.snapshot().minus(jdbcBefore), (appCpuNanos() - appCpuBefore) / 1e9,
                postgresCpuSeconds() - postgresCpuBefore, total == 0 ? Double.NaN : 100.0 * (total - idle) / total,
                shares(waits, waitSamples.sum()), shares(threadStates, threadSamples.sum()), maxHeapAfterGc,
                maxHeapUsed, maxRss, (gcMillis() - gcMillisBefore) / 1000.0, inclusive());
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    @Override
    public void close() {
        running = false;
    }

    private void sample() {
        JdbcCounter.ignoreThisThread();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             PreparedStatement activity = connection.prepareStatement("""
                     SELECT CASE WHEN state = 'idle in transaction' THEN 'idle in transaction (app works inside a transaction)'
                                 ELSE coalesce(wait_event_type || ': ' || wait_event, 'CPU (running)') END, count(*)
                     FROM pg_stat_activity
                     WHERE datname = ? AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')
                     GROUP BY 1""")) {
            activity.setString(1, databaseName);
            while (running) {
                try (ResultSet rs = activity.executeQuery()) {
                    while (rs.next()) {
                        waits.computeIfAbsent(rs.getString(1), k -> new LongAdder()).add(rs.getLong(2));
                    }
                }
                waitSamples.increment();
                sampleThreads(threads);
                sampleMemory();
                Thread.sleep(SAMPLE_MILLIS);
            }
        } catch (Exception e) {
            if (running) {
                throw new IllegalStateException("Phase monitor failed", e);
            }
        }
    }

    /** Classifies each application thread that is doing something: where is it, and is it waiting for the database? */
    private void sampleThreads(ThreadMXBean threads) {
        for (ThreadInfo info : threads.dumpAllThreads(false, false, 256)) {
            String name = info.getThreadName();
            boolean appThread = name.startsWith("bench-worker") || name.startsWith("http-nio-")
                    || name.startsWith("camundaTaskExecutor") || name.startsWith("pool-") && name.contains("thread");
            if (!appThread) {
                continue;
            }
            String category = classify(info);
            if (category != null) {
                threadStates.computeIfAbsent(category, k -> new LongAdder()).increment();
                threadSamples.increment();
                if (category.startsWith("CPU")) {
                    cpuSamples.increment();
                    for (String marker : markers(info.getStackTrace())) {
                        cpuMarkers.computeIfAbsent(marker, k -> new LongAdder()).increment();
                    }
                }
            }
        }
    }

    /** Share of the CPU samples whose stack passes through each kind of work (one sample can count for several). */
    private Map<String, Double> inclusive() {
        Map<String, Double> result = new LinkedHashMap<>();
        long total = cpuSamples.sum();
        cpuMarkers.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .forEach(e -> result.put(e.getKey(), total == 0 ? 0 : 100.0 * e.getValue().sum() / total));
        return result;
    }

    private static final String[][] MARKERS = {
            {"org.camunda.bpm.dmn", "DMN evaluation"},
            {"org.camunda.feel", "FEEL (DMN expressions)"},
            {"org.camunda.bpm.impl.juel", "JUEL expressions"},
            {"java.io.ObjectOutputStream", "Java serialization (write)"},
            {"java.io.ObjectInputStream", "Java serialization (read)"},
            {"org.camunda.bpm.engine.impl.history", "history events"},
            {"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager", "authorization checks"},
            {"org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush", "flush (SQL for the commit)"},
            {"org.apache.ibatis", "MyBatis"},
            {"org.camunda.bpm.engine.impl.bpmn.parser", "BPMN parsing"},
            {"org.camunda.bpm.engine.impl.form", "forms"},
            {"org.camunda.bpm.engine.rest", "engine REST resources"},
            {"com.fasterxml.jackson", "Jackson JSON"},
            {"org.springframework.security", "Spring Security"},
            {"ch.qos.logback", "logging"},
            {"org.thymeleaf", "Thymeleaf"},
            {"org.springframework.jdbc", "Spring JDBC (our SQL)"},
            {"org.camunda.bpm.engine.impl.jobexecutor", "job executor"},
            {"nl.wijkzaken.", "application code (nl.wijkzaken)"},
    };

    private static List<String> markers(StackTraceElement[] stack) {
        List<String> found = new java.util.ArrayList<>();
        for (String[] marker : MARKERS) {
            for (StackTraceElement frame : stack) {
                String where = frame.getClassName() + "." + frame.getMethodName();
                if (where.startsWith(marker[0]) && !where.startsWith("nl.wijkzaken.benchmark")) {
                    found.add(marker[1]);
                    break;
                }
            }
        }
        return found;
    }

    static String classify(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        if (stack.length == 0) {
            return null;
        }
        boolean inJdbc = false;
        boolean inPool = false;
        boolean idle = false;
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("org.postgresql.core.") && (frame.getMethodName().startsWith("receive")
                    || cls.contains("VisibleBufferedInputStream") || cls.contains("PGStream"))) {
                inJdbc = true;
            }
            if (cls.startsWith("com.zaxxer.hikari.pool") && frame.getMethodName().equals("getConnection")) {
                inPool = true;
            }
            if (cls.startsWith("java.util.concurrent.LinkedBlockingQueue") || cls.startsWith("java.util.concurrent.SynchronousQueue")
                    || cls.contains("TaskQueue") || cls.startsWith("sun.nio.ch.EPoll") || cls.startsWith("org.apache.tomcat.util.net.NioEndpoint")
                    || cls.startsWith("org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable")) {
                idle = true;
            }
        }
        if (inJdbc) {
            return "waiting for PostgreSQL (JDBC round trip)";
        }
        if (inPool) {
            return "waiting for a pooled connection";
        }
        if (info.getThreadState() == Thread.State.BLOCKED) {
            return "blocked on a Java lock";
        }
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return idle || info.getThreadName().startsWith("bench-worker") ? null : "waiting (other)";
        }
        if (idle && stack[0].getClassName().startsWith("sun.nio.ch")) {
            return null; // a Tomcat or HTTP client thread waiting for a request
        }
        String top = stack[0].getClassName();
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("nl.wijkzaken.") && !frame.getClassName().startsWith("nl.wijkzaken.benchmark")) {
                return "CPU: in application code (nl.wijkzaken), self in " + packageGroup(top);
            }
        }
        return "CPU: " + packageGroup(top);
    }

    private static String packageGroup(String cls) {
        if (cls.startsWith("org.camunda.bpm.engine")) {
            return "Camunda engine";
        }
        if (cls.startsWith("org.camunda")) {
            return "Camunda (other)";
        }
        if (cls.startsWith("org.apache.ibatis")) {
            return "MyBatis";
        }
        if (cls.startsWith("org.postgresql")) {
            return "PostgreSQL JDBC driver";
        }
        if (cls.startsWith("com.fasterxml") || cls.startsWith("org.camunda.spin")) {
            return "JSON";
        }
        if (cls.startsWith("org.springframework")) {
            return "Spring";
        }
        if (cls.startsWith("org.apache.catalina") || cls.startsWith("org.apache.coyote") || cls.startsWith("org.apache.tomcat")
                || cls.startsWith("org.glassfish.jersey") || cls.startsWith("org.jboss.resteasy")) {
            return "Tomcat / JAX-RS";
        }
        if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
            return "JDK";
        }
        if (cls.startsWith("nl.wijkzaken")) {
            return "nl.wijkzaken";
        }
        int dot = cls.indexOf('.', cls.indexOf('.') + 1);
        return dot > 0 ? cls.substring(0, dot) : cls;
    }

    private void sampleMemory() {
        long afterGc = 0;
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
                if (pool.getCollectionUsage() != null) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
            }
        }
        maxHeapAfterGc = Math.max(maxHeapAfterGc, afterGc);
        maxHeapUsed = Math.max(maxHeapUsed, used);
        maxRss = Math.max(maxRss, rssBytes());
    }

    private static Map<String, Double> shares(Map<String, LongAdder> counts, long samples) {
        Map<String, Double> result = new LinkedHashMap<>();
        long total = counts.values().stream().mapToLong(LongAdder::sum).sum();
        counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .forEach(e -> result.put(e.getKey(), total == 0 ? 0 : 100.0 * e.getValue().sum() / total));
        return result;
    }

    static long appCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU seconds of every process named postgres on this machine (the server and its backends). */
    static double postgresCpuSeconds() {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(open + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / CLOCK_TICKS;
    }

    /** [total, idle] jiffies of the whole machine. */
    static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static long rssBytes() {
        return statusKilobytes("VmRSS:") * 1024;
    }

    static long statusKilobytes(String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : lines) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
