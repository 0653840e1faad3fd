package nl.wijkzaken.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Gives each test class its own empty PostgreSQL database on the configured server, dropped when the JVM
 * ends. Server and credentials: system properties {@code wijkzaken.postgres.url/user/password}, by default
 * the CI machine's {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres} without a password.
 */
public final class PostgresTestDatabase {

    private PostgresTestDatabase() {
    }

    public static String serverUrl() {
        return System.getProperty("wijkzaken.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return System.getProperty("wijkzaken.postgres.user", "postgres");
    }

    public static String password() {
        return System.getProperty("wijkzaken.postgres.password", "");
    }

    static boolean required() {
        return Boolean.getBoolean("wijkzaken.postgres.required");
    }

    /** @return null when the server answers, otherwise why not */
    static String unreachableReason() {
        try (Connection connection = connect(serverUrl())) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String createEmptyDatabase(String purpose) {
        String name = ("wz_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase().replaceAll("[^a-z0-9_]", "_");
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        String server = serverUrl();
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    private static void execute(String sql) {
        try (Connection connection = connect(serverUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed", e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url, user(), password());
    }
}
