package nl.wijkzaken.process;

import nl.wijkzaken.support.TestAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;
import nl.wijkzaken.support.StandaloneApplication;
import nl.wijkzaken.support.TestMailServer;

/**
 * Issue 12, finding 4: a mail server that accepts connections and never answers took the application down (job
 * threads hung in SMTP holding connections "idle in transaction"; intake 503, status pages 500, health DOWN). On
 * PostgreSQL with the job executor and the mail worker on: while mail hangs, intake, status pages and health stay
 * up and no connection of the application waits idle in a transaction; once the mail server is back, every
 * acknowledgement arrives exactly once and the cases go on.
 */
@RequiresPostgres
class HangingMailServerPostgresTest {

    private static final int REQUESTS = 6;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aMailServerThatAcceptsAndNeverAnswersDoesNotTakeIntakeStatusPagesOrTheDatabaseDown() throws Exception {
        String url = PostgresTestDatabase.createEmptyDatabase("mailhang");
        // Case numbers start at BV-<year>-000001 again in this database: mails of earlier tests would match.
        TestMailServer.start().purgeEmailFromAllMailboxes();
        try (SilentMailServer silent = new SilentMailServer();
             ConfigurableApplicationContext app = StandaloneApplication.start("postgres,demo",
                     "--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresTestDatabase.user(),
                     "--spring.datasource.password=" + PostgresTestDatabase.password(),
                     "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + silent.port(),
                     // Longer than this test's checks: the worker stays stuck in SMTP throughout.
                     "--spring.mail.properties.mail.smtp.timeout=120000",
                     "--camunda.bpm.job-execution.enabled=true",
                     "--wijkzaken.mail.worker.enabled=true", "--wijkzaken.mail.worker.poll-interval=PT0.2S",
                     "--wijkzaken.mail.worker.retry-timeout=PT1S")) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();

            // The first request (its acknowledgement gets the worker stuck in SMTP), then more while mail hangs.
            List<String[]> cases = new ArrayList<>();
            cases.add(submit(base, 0));
            awaitTrue(() -> silent.connections() > 0, "the mail worker is talking to the silent mail server");
            List<Duration> took = new ArrayList<>();
            for (int i = 1; i < REQUESTS; i++) {
                long start = System.nanoTime();
                cases.add(submit(base, i));
                took.add(Duration.ofNanos(System.nanoTime() - start));
            }
            // Well below the pool's 30 s connection timeout after which intake used to answer 503 (the margin is for
            // a loaded build machine).
            assertThat(took).as("intake answers quickly").allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(10)));

            // While the mail server hangs: status pages, health (db UP), no transaction left open, mails pending.
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                for (String[] c : cases) {
                    HttpResponse<String> page = get(base + c[1]);
                    assertThat(page.statusCode()).isEqualTo(200);
                    assertThat(page.body()).contains(c[0]);
                }
                HttpResponse<String> health = get(base + "/actuator/health");
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                JsonNode status = json.readTree(health.body());
                assertThat(status.get("status").asText()).isEqualTo("UP");
                assertThat(status.at("/components/db/status").asText()).isEqualTo("UP");
                assertThat(idleInTransaction(url)).as("connections idle in transaction for more than a second").isEmpty();
                Thread.sleep(200);
            }
            assertThat(silent.connections()).as("still only the one worker connection").isEqualTo(1);
            for (String[] c : cases) {
                assertThat(TestMailServer.mailsAbout(c[0])).isEmpty();
            }
            assertThat(app.getBean(ExternalTaskService.class).createExternalTaskQuery().topicName("resident-message")
                    .count()).as("every acknowledgement waits").isEqualTo(REQUESTS);

            // The operator fixes the mail server: the hanging connection ends, mail goes to the real one.
            app.getBean(JavaMailSenderImpl.class).setPort(TestMailServer.PORT);
            silent.close();

            RuntimeService runtime = app.getBean(RuntimeService.class);
            TaskService tasks = app.getBean(TaskService.class);
            for (String[] c : cases) {
                List<MimeMessage> mails = TestMailServer.awaitMailsAbout(c[0], 1);
                assertThat(mails).as(c[0]).hasSize(1);
                String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c[0]).singleResult().getId();
                awaitTrue(() -> tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("CheckCompleteness")
                        .count() == 1, "case " + c[0] + " goes on after its acknowledgement");
            }
            Thread.sleep(500);
            for (String[] c : cases) {
                assertThat(TestMailServer.mailsAbout(c[0])).as("exactly once: " + c[0]).hasSize(1);
            }
            assertThat(runtime.createIncidentQuery().count()).isZero();
        }
    }

    /** Submits a request over the public API: 201 with the case number and the path of its status page. */
    private String[] submit(String base, int i) throws Exception {
        HttpResponse<String> created = post(base + "/api/requests", TestAddress.with(Map.of("applicantName", "Fatima el Amrani",
                "applicantEmail", "fatima" + i + "@example.org", "neighbourhood", "breukelen",
                "category", "spelen-en-sport", "title", "Nieuwe glijbaan " + i,
                "description", "De glijbaan is kapot.", "amountRequested", 2500, "urgency", "normaal")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String statusUrl = body.get("statusUrl").asText();
        return new String[] {body.get("caseNumber").asText(), statusUrl.substring(statusUrl.indexOf("/status/"))};
    }

    /** The application's connections that have been idle inside a transaction for more than a second. */
    private static List<String> idleInTransaction(String url) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.serverUrl(), PostgresTestDatabase.user(),
                PostgresTestDatabase.password());
             Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pid, query FROM pg_stat_activity WHERE datname = '" + database
                     + "' AND state LIKE 'idle in transaction%' AND now() - state_change > interval '1 second'")) {
            while (rs.next()) {
                found.add(rs.getInt(1) + ": " + rs.getString(2));
            }
        }
        return found;
    }

    private HttpResponse<String> post(String url, Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(100);
        }
    }

    /** An SMTP endpoint that accepts connections and never says a word (no greeting, no answer). */
    private static final class SilentMailServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentMailServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "silent-mail-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
