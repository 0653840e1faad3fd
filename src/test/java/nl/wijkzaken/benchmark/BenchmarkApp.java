package nl.wijkzaken.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.wijkzaken.WijkzakenApplication;

/**
 * The application in its production set-up (profiles {@code prod,postgres}: engine authorization on, history level
 * full, job executor on, no demo data) on a fresh PostgreSQL database, in this JVM, with a real HTTP port and a
 * local SMTP server (GreenMail) for the residents' mail. Only the JDBC URL differs from production: it goes through
 * {@link JdbcCounter} so the benchmark can count database round trips.
 */
final class BenchmarkApp implements AutoCloseable {

    final String databaseUrl;
    final String databaseName;
    final ConfigurableApplicationContext context;
    final String baseUrl;
    final String adminUser = "beheerder";
    final String adminPassword;
    /** From SpringApplication.run() to ApplicationReadyEvent. */
    final double startupSeconds;
    /** JVM uptime at ApplicationReadyEvent (includes JVM, Maven Surefire and JUnit start-up). */
    final double jvmUptimeAtReadySeconds;
    private final GreenMail mail;

    private BenchmarkApp(String databaseUrl, ConfigurableApplicationContext context, String adminPassword,
                         double startupSeconds, double jvmUptimeAtReadySeconds, GreenMail mail) {
        this.databaseUrl = databaseUrl;
        this.databaseName = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        this.context = context;
        this.adminPassword = adminPassword;
        this.startupSeconds = startupSeconds;
        this.jvmUptimeAtReadySeconds = jvmUptimeAtReadySeconds;
        this.mail = mail;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** The engine's name; the REST API finds it under /engine-rest/engine/{name}/. */
    static final String ENGINE = "benchmark";

    static BenchmarkApp start(String databaseUrl, String dbUser, String dbPassword, java.nio.file.Path log) {
        int smtpPort = freePort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        mail.start();
        String adminPassword = randomPassword();
        AtomicLong readyAt = new AtomicLong();
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WijkzakenApplication.class)
                .profiles("prod", "postgres")
                .listeners((ApplicationListener<ApplicationReadyEvent>) event -> readyAt.set(System.nanoTime()))
                .run("--spring.datasource.url=" + JdbcCounter.countingUrl(databaseUrl),
                        "--spring.datasource.driver-class-name=" + JdbcCounter.class.getName(),
                        "--spring.datasource.username=" + dbUser,
                        "--spring.datasource.password=" + dbPassword,
                        "--camunda.bpm.admin-user.id=beheerder",
                        "--camunda.bpm.admin-user.password=" + adminPassword,
                        // Its own engine name (REST clients use /engine-rest/engine/{name}/, see Http) and no
                        // Camunda webapps: inside ./mvnw verify the shared test context owns the name "default" and
                        // the webapps' JVM-wide state, and stopping this application would take both away.
                        "--camunda.bpm.process-engine-name=" + ENGINE,
                        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                        // Production: the job executor runs the asynchronous steps, the mail worker the resident's mails.
                        "--camunda.bpm.job-execution.enabled=true",
                        "--wijkzaken.mail.worker.enabled=true",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        // All benchmark clients come from 127.0.0.1: the public limits are per address.
                        "--wijkzaken.residents.rate-limit.submissions=100000000",
                        "--wijkzaken.residents.rate-limit.page-views=100000000",
                        "--server.port=0",
                        // The application logs as in production (INFO), to a file: the console shows the figures.
                        "--logging.file.name=" + log.toAbsolutePath(),
                        "--logging.threshold.console=OFF",
                        "--spring.main.banner-mode=off");
        long ready = readyAt.get() == 0 ? System.nanoTime() : readyAt.get();
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        return new BenchmarkApp(databaseUrl, context, adminPassword, (ready - started) / 1e9, uptime, mail);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Drops the mails received so far (GreenMail keeps them in memory, which would distort the heap figures). */
    void purgeMail() {
        try {
            mail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            mail.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "Bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
