package nl.wijkzaken.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * A JDBC driver for URLs {@code jdbc:counting:postgresql://...} that hands out PostgreSQL connections and counts
 * what goes over them: statements executed, batches, commits and rollbacks (each one network round trip to the
 * server), and the time spent waiting for them, per SQL text. The pool (Hikari), the engine and Flyway see an
 * ordinary PostgreSQL connection; the benchmark reads the counters around each phase. Costs a few microseconds per
 * call, nothing beside a database round trip.
 */
public final class JdbcCounter implements Driver {

    static final String PREFIX = "jdbc:counting:";

    private static final Counts COUNTS = new Counts();
    /** Set on the benchmark's own threads (watchers, samplers): their queries are not the system's cost. */
    private static final ThreadLocal<Boolean> IGNORED = ThreadLocal.withInitial(() -> false);

    static {
        try {
            DriverManager.registerDriver(new JdbcCounter());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The counters since the JVM started; take two {@link Snapshot}s and subtract. */
    static Snapshot snapshot() {
        return COUNTS.snapshot();
    }

    /** From now on this thread's statements are not counted (it belongs to the harness, not to the system). */
    static void ignoreThisThread() {
        IGNORED.set(true);
    }

    /** A counting URL for a plain PostgreSQL JDBC URL. */
    static String countingUrl(String postgresUrl) {
        return PREFIX + postgresUrl.substring("jdbc:".length());
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return (Connection) Proxy.newProxyInstance(JdbcCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(real));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record ConnectionHandler(Connection real) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "commit", "rollback" -> {
                    long start = System.nanoTime();
                    try {
                        return JdbcCounter.invoke(real, method, args);
                    } finally {
                        COUNTS.record(name.toUpperCase(), System.nanoTime() - start, false);
                    }
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : real.unwrap((Class<?>) args[0]);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) || real.isWrapperFor((Class<?>) args[0]);
                }
                default -> {
                    Object result = JdbcCounter.invoke(real, method, args);
                    if (result instanceof Statement statement) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                        Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                                : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                        return Proxy.newProxyInstance(JdbcCounter.class.getClassLoader(), new Class<?>[] {type},
                                new StatementHandler(statement, sql, (Connection) proxy));
                    }
                    return result;
                }
            }
        }
    }

    private static final class StatementHandler implements InvocationHandler {

        private final Statement real;
        private final String preparedSql;
        private final Connection connection;

        StatementHandler(Statement real, String preparedSql, Connection connection) {
            this.real = real;
            this.preparedSql = preparedSql;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                boolean batch = name.equals("executeBatch") || name.equals("executeLargeBatch");
                long start = System.nanoTime();
                try {
                    return JdbcCounter.invoke(real, method, args);
                } finally {
                    COUNTS.record(sql == null ? "?" : sql, System.nanoTime() - start, batch);
                }
            }
            if (name.equals("getConnection")) {
                return connection;
            }
            if (name.equals("unwrap")) {
                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : real.unwrap((Class<?>) args[0]);
            }
            if (name.equals("isWrapperFor")) {
                return ((Class<?>) args[0]).isInstance(proxy) || real.isWrapperFor((Class<?>) args[0]);
            }
            return JdbcCounter.invoke(real, method, args);
        }
    }

    /** Round trips and the nanoseconds spent in them, in total and per SQL text. */
    private static final class Counts {

        private final Map<String, LongAdder[]> perSql = new ConcurrentHashMap<>();

        void record(String sql, long nanos, boolean batch) {
            if (IGNORED.get()) {
                return;
            }
            LongAdder[] counters = perSql.computeIfAbsent(normalise(sql),
                    s -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
            counters[0].increment();
            counters[1].add(nanos);
            if (batch) {
                counters[2].increment();
            }
        }

        Snapshot snapshot() {
            Map<String, long[]> copy = new java.util.HashMap<>();
            perSql.forEach((sql, c) -> copy.put(sql, new long[] {c[0].sum(), c[1].sum(), c[2].sum()}));
            return new Snapshot(copy);
        }

        private static String normalise(String sql) {
            return sql.replaceAll("\\s+", " ").trim();
        }
    }

    /** Counters at one moment; {@link #minus} gives those of a phase. */
    record Snapshot(Map<String, long[]> perSql) {

        Snapshot minus(Snapshot earlier) {
            Map<String, long[]> delta = new java.util.HashMap<>();
            perSql.forEach((sql, now) -> {
                long[] before = earlier.perSql.getOrDefault(sql, new long[3]);
                long[] d = {now[0] - before[0], now[1] - before[1], now[2] - before[2]};
                if (d[0] > 0) {
                    delta.put(sql, d);
                }
            });
            return new Snapshot(delta);
        }

        /** Round trips: statements, batches, commits and rollbacks. */
        long roundTrips() {
            return perSql.values().stream().mapToLong(c -> c[0]).sum();
        }

        long commits() {
            long[] c = perSql.get("COMMIT");
            return c == null ? 0 : c[0];
        }

        long batches() {
            return perSql.values().stream().mapToLong(c -> c[2]).sum();
        }

        /** Wall-clock time threads spent waiting for the database, summed over threads. */
        double databaseSeconds() {
            return perSql.values().stream().mapToLong(c -> c[1]).sum() / 1e9;
        }

        /** The statements that took the most time in total: sql, [count, nanos, batches]. */
        List<Map.Entry<String, long[]>> topByTime(int n) {
            return perSql.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
                    .limit(n)
                    .toList();
        }

        /** The statements with the most round trips: sql, [count, nanos, batches]. */
        List<Map.Entry<String, long[]>> top(int n) {
            return perSql.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                    .limit(n)
                    .toList();
        }
    }
}
