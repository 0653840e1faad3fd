package nl.wijkzaken.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.WebappSession;

/**
 * Finding 5: wrong passwords from one client slow down that client for that account only, never lock the account
 * (the engine's own lock-out counted per account: anyone could lock anyone out, permanently after 10 attempts).
 * The test's own client is 127.0.0.1; strangers connect from other loopback addresses (127.0.0.2, …).
 * The test configuration waits 1 s after the 5 free attempts, 2 s at most.
 */
@ApplicationTest
class LoginThrottleTest {

    @LocalServerPort
    int port;

    /** An answer read from a raw socket: enough for status, headers and a small body. */
    record Raw(int status, String text) {
        String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }
    }

    /** GET with HTTP Basic from the given local address. */
    Raw basicFrom(String localAddress, String path, String user, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nAuthorization: Basic "
                    + credentials + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Raw(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    @Test
    void strangersGuessingFromOtherClientsNeitherLockTheAccountNorKeepItsUserOut() throws Exception {
        String user = "wm.maarssen-dorp";
        // Three strangers, 6 wrong passwords each: 15 reach the engine, more than its old permanent lock (10).
        for (String stranger : new String[] {"127.0.0.2", "127.0.0.3", "127.0.0.4"}) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(basicFrom(stranger, "/engine-rest/task/count", user, "guess" + attempt).status())
                        .as("attempt %d from %s", attempt, stranger).isEqualTo(401);
            }
            Raw throttled = basicFrom(stranger, "/engine-rest/task/count", user, "guess6");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).matches("[12]");
            assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
            assertThat(throttled.text()).contains("Te veel inlogpogingen", "Probeer het over")
                    .doesNotContain("ENGINE-", "Exception");
            // While it waits, the stranger gets nothing out of the right password either.
            assertThat(basicFrom(stranger, "/engine-rest/task/count", user, StaffApi.PASSWORD).status()).isEqualTo(429);
        }

        // The real user, from his own client, right away: over REST and in Tasklist.
        assertThat(StaffApi.as(user, port).get("/engine-rest/task/count").status()).isEqualTo(200);
        WebappSession tasklist = new WebappSession(port);
        tasklist.open();
        assertThat(tasklist.login(user, "tasklist", true).statusCode()).isEqualTo(200);
    }

    @Test
    void ownClientWaitsAfterFiveWrongPasswordsOverBasicAndThenLogsIn() throws Exception {
        String user = "adv.veiligheid";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(StaffApi.withPassword(user, "typo" + attempt, port).get("/engine-rest/task/count").status())
                    .isEqualTo(401);
        }
        StaffApi.Reply throttled = StaffApi.withPassword(user, "typo6", port).get("/engine-rest/task/count");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.message()).startsWith("Er is te vaak een verkeerd wachtwoord gegeven");
        long retryAfter = Long.parseLong(throttled.headers().getFirst("Retry-After"));
        assertThat(StaffApi.as(user, port).get("/engine-rest/task/count").status()).isEqualTo(429);

        Thread.sleep(retryAfter * 1000 + 300);

        assertThat(StaffApi.as(user, port).get("/engine-rest/task/count").status()).isEqualTo(200);
        // A success starts the count afresh: the next typo is a plain 401 again.
        assertThat(StaffApi.withPassword(user, "typo7", port).get("/engine-rest/task/count").status()).isEqualTo(401);
        assertThat(StaffApi.as(user, port).get("/engine-rest/task/count").status()).isEqualTo(200);
    }

    @Test
    void ownClientWaitsAfterFiveWrongPasswordsInTheWebappLoginAndThenLogsIn() throws Exception {
        String user = "adv.fysiek";
        WebappSession session = new WebappSession(port);
        session.open();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(session.login(user, "typo" + attempt, "tasklist", true).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = session.login(user, "typo6", "tasklist", true);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("Te veel inlogpogingen");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(session.login(user, "tasklist", true).statusCode()).isEqualTo(429);

        Thread.sleep(retryAfter * 1000 + 300);

        assertThat(session.login(user, "tasklist", true).statusCode()).isEqualTo(200);
    }

    @Test
    void theRestApiDoesNotCheckOtherUsersPasswords() {
        StaffApi.Reply reply = StaffApi.as("demo", port).post("/engine-rest/identity/verify",
                Map.of("username", "wethouder", "password", "guess"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.message()).isEqualTo("Een wachtwoord wordt alleen bij het inloggen gecontroleerd.");
    }
}
