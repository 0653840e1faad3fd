package nl.wijkzaken.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.support.TestMailServer;
import nl.wijkzaken.mail.internal.MailTemplates;
import nl.wijkzaken.mail.internal.RenderedMail;

/**
 * The mailer as a slice: the real mailer, its templates and the resident_mail table over an embedded database with
 * the Flyway schema, sending to the tests' SMTP server ({@link TestMailServer}); no engine. Without the slice's test
 * transaction: the mailer must be called with no transaction open, as in the application.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ImportAutoConfiguration({MailSenderAutoConfiguration.class, JacksonAutoConfiguration.class})
@Import({ResidentMailer.class, MailTemplates.class})
class ResidentMailerTest {

    @Autowired ResidentMailer mailer;
    @Autowired TransactionTemplate transaction;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcClient jdbc;
    @Autowired MailTemplates templates;
    @Autowired ObjectMapper objectMapper;

    /** A case number of its own per test, so that the mails of other tests do not count. */
    static String newCaseNumber() {
        return "BV-2026-9" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000));
    }

    static ResidentMail besluit(String caseNumber) {
        return new ResidentMail(caseNumber + "/besluit", MessageType.BESLUIT, "jan@example.org", Map.of(
                "applicantName", "Jan de Vries",
                "caseNumber", caseNumber,
                "title", "Bankje bij de vijver",
                "statusUrl", "http://localhost:8080/status/abc",
                "decision", "uw verzoek is toegekend.",
                "amount", "€ 1.200,00",
                "motivation", "Het bankje past in het wijkplan."));
    }

    @Test
    void aDecisionMailCarriesTheOutcomeTheMotivationTheObjectionClauseAndTheLink() {
        String caseNumber = newCaseNumber();

        mailer.send(besluit(caseNumber));

        MimeMessage mail = TestMailServer.awaitMailsAbout(caseNumber, 1).get(0);
        assertThat(TestMailServer.subject(mail)).isEqualTo("Besluit op uw verzoek (" + caseNumber + ")");
        assertThat(TestMailServer.body(mail)).contains("Beste Jan de Vries", "Besluit: uw verzoek is toegekend.",
                "Toegekend bedrag: € 1.200,00", "Het bankje past in het wijkplan.", "binnen 6 weken", "bezwaar",
                "http://localhost:8080/status/abc");
    }

    @Test
    void everyMessageTypeHasADutchTemplateWithSubjectAndCaseNumber() {
        Map<String, String> values = Map.ofEntries(Map.entry("applicantName", "Jan"),
                Map.entry("caseNumber", "BV-2026-000042"), Map.entry("title", "Bankje"),
                Map.entry("team", "Team wijk Loenen"), Map.entry("statusUrl", "http://x/status/t"),
                Map.entry("deadline", "3 maart 2027"), Map.entry("repairTerm", "15 december 2026"),
                Map.entry("missingInformation", "Een tekening"), Map.entry("newDeadline", "1 februari 2027"),
                Map.entry("reason", "Advies duurt langer"), Map.entry("decision", "uw verzoek is afgewezen."),
                Map.entry("motivation", "Past niet in het budget."));
        for (MessageType type : MessageType.values()) {
            RenderedMail rendered = templates.render(type, values);
            assertThat(rendered.subject()).as(type.name()).contains("BV-2026-000042").doesNotContain("Onderwerp");
            assertThat(rendered.body()).as(type.name()).startsWith("Beste Jan,").contains("Team Wijkzaken")
                    .doesNotContain("null", "${");
        }
        assertThat(templates.render(MessageType.ONTVANGSTBEVESTIGING, values).body())
                .contains("http://x/status/t", "Team wijk Loenen behandelt uw verzoek", "uiterlijk 3 maart 2027");
        assertThat(templates.render(MessageType.AANVULLING_GEVRAAGD, values).body())
                .contains("uiterlijk 15 december 2026", "Een tekening", "http://x/status/t", "4:5");
        assertThat(templates.render(MessageType.TERMIJN_VERLENGD, values).body())
                .contains("uiterlijk 1 februari 2027", "De reden: Advies duurt langer");
        assertThat(templates.render(MessageType.BUITEN_BEHANDELING, values).body())
                .contains("uiterlijk 15 december 2026", "Een tekening", "artikel 4:5");
        Map<String, String> withoutLink = new HashMap<>(values);
        withoutLink.remove("statusUrl");
        assertThat(templates.render(MessageType.BESLUIT, withoutLink).body())
                .contains("persoonlijke link uit onze ontvangstbevestiging ziet u het besluit terug.")
                .doesNotContain("null", "Toegekend bedrag");
        assertThat(templates.render(MessageType.BESLUIT, values).body())
                .contains("persoonlijke link ziet u het besluit terug:\nhttp://x/status/t\n");
        for (MessageType withObjection : new MessageType[] {MessageType.BESLUIT, MessageType.BUITEN_BEHANDELING,
                MessageType.SNELLE_AFHANDELING}) {
            assertThat(templates.render(withObjection, values).body()).as(withObjection.name())
                    .contains("binnen 6 weken", "bezwaar");
        }
        // Not decisions: forwarding (Awb 2:3) and the answer to what is no application carry no objection clause.
        Map<String, String> forwarded = new HashMap<>(values);
        forwarded.put("competentBody", "Gedeputeerde Staten van Utrecht");
        assertThat(templates.render(MessageType.DOORGEZONDEN, forwarded).body())
                .contains("doorgestuurd naar Gedeputeerde Staten van Utrecht", "artikel 2:3", "geen besluit")
                .doesNotContain("binnen 6 weken");
        assertThat(templates.render(MessageType.DOORGEZONDEN, forwarded).subject()).contains("Gedeputeerde Staten van Utrecht");
        assertThat(templates.render(MessageType.GEEN_AANVRAAG, values).body())
                .contains("geen aanvraag om een besluit", "geen bezwaar").doesNotContain("binnen 6 weken");
        // Route verzoek (LEGAL.md 1): the answer to a request for the municipality to act is no decision at all.
        Map<String, String> answered = new HashMap<>(values);
        answered.putAll(Map.of("answer", "Wordt anders uitgevoerd", "what", "Een verkeersdrempel met borden.",
                "plannedOn", "1 maart 2027", "allocatedAmount", "€ 4.000,00", "letterAttached", "ja"));
        RenderedMail answer = templates.render(MessageType.ANTWOORD, answered);
        assertThat(answer.subject()).startsWith("Antwoord op uw verzoek");
        assertThat(answer.body()).contains("Ons antwoord: Wordt anders uitgevoerd.", "Past niet in het budget.",
                "Wat wij doen: Een verkeersdrempel met borden.", "op of rond 1 maart 2027", "€ 4.000,00", "als PDF")
                .doesNotContainIgnoringCase("bezwaar").doesNotContainIgnoringCase("dwangsom")
                .doesNotContainIgnoringCase("ingebrekestelling").doesNotContain("besluit");
        assertThat(templates.render(MessageType.ANTWOORD, Map.of("applicantName", "Jan", "caseNumber", "BV-2026-000042",
                "title", "Bankje", "answer", "Wordt niet uitgevoerd", "motivation", "Er staat er al een.")).body())
                .as("not doing it: no what, when or amount").doesNotContain("Wat wij doen", "Wanneer", "buurtbudget");
        for (MessageType withMotivation : new MessageType[] {MessageType.BESLUIT, MessageType.DOORGEZONDEN,
                MessageType.GEEN_AANVRAAG, MessageType.SNELLE_AFHANDELING}) {
            assertThat(templates.render(withMotivation, values).body()).as(withMotivation.name())
                    .contains("Past niet in het budget.");
        }
    }

    @Test
    void whileTheMailServerIsDownSendThrowsAndCountsTheAttemptAndAfterwardsTheMailArrivesExactlyOnce() {
        String caseNumber = newCaseNumber();
        ResidentMail mail = besluit(caseNumber);
        TestMailServer.stop();

        // What the engine's retried job sees: an exception, so the job is retried (and finally an incident).
        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailException.class);
        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailException.class);
        assertThat(sent(mail.messageId())).isFalse();
        assertThat(jdbc.sql("SELECT attempts FROM resident_mail WHERE message_id = ?").param(mail.messageId())
                .query(Integer.class).single()).isEqualTo(2);

        TestMailServer.start();
        SentMail first = mailer.send(mail);
        SentMail again = mailer.send(mail);

        assertThat(TestMailServer.awaitMailsAbout(caseNumber, 1)).hasSize(1);
        assertThat(TestMailServer.mailsAbout(caseNumber)).as("exactly once").hasSize(1);
        assertThat(sent(mail.messageId())).isTrue();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void preparedValuesFillInTheMailAndAreDeletedOnceItIsSentAndTheCopyHasNoLink() {
        String caseNumber = newCaseNumber();
        String id = ResidentMail.messageId(caseNumber, MessageType.ONTVANGSTBEVESTIGING, 1);
        transaction.executeWithoutResult(status -> mailer.prepare(new ResidentMail(id, MessageType.ONTVANGSTBEVESTIGING,
                "an@example.org", Map.of("caseNumber", caseNumber, "statusUrl", "http://localhost:8080/status/geheim"))));
        assertThat(sent(id)).isFalse();

        SentMail copy = mailer.send(new ResidentMail(id, MessageType.ONTVANGSTBEVESTIGING, "an@example.org",
                Map.of("applicantName", "An", "caseNumber", caseNumber, "title", "Fietsenrek",
                        "team", "Team wijk Breukelen", "deadline", "1 maart 2027")));

        List<MimeMessage> mails = TestMailServer.awaitMailsAbout(caseNumber, 1);
        assertThat(mails).hasSize(1);
        assertThat(TestMailServer.body(mails.get(0))).contains("Beste An", "http://localhost:8080/status/geheim");
        assertThat(jdbc.sql("SELECT mail_values FROM resident_mail WHERE message_id = ?").param(id)
                .query(String.class).optional()).isEmpty();
        assertThat(copy.body()).contains("Beste An", SentMail.LINK_PLACEHOLDER).doesNotContain("geheim");
    }

    @Test
    void theNthMailOfATypeHasItsOwnId() {
        assertThat(ResidentMail.messageId("BV-2026-000001", MessageType.AANVULLING_GEVRAAGD, 1))
                .isEqualTo("BV-2026-000001/aanvulling-gevraagd");
        assertThat(ResidentMail.messageId("BV-2026-000001", MessageType.AANVULLING_GEVRAAGD, 2))
                .isEqualTo("BV-2026-000001/aanvulling-gevraagd/2");
        assertThat(MessageType.ofTemplate("termijn-verlengd")).isEqualTo(MessageType.TERMIJN_VERLENGD);
        assertThatThrownBy(() -> MessageType.ofTemplate("onbekend")).hasMessageContaining("Onbekend berichttype");
    }

    @Test
    void withoutAMailServerConfiguredTheMailIsLoggedAndCountsAsSent() {
        // The mailer's own log, not the console: another application in this JVM (the benchmark) may switch the console off.
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ResidentMailer.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        ResidentMailer withoutServer = new ResidentMailer(jdbc, templates,
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), objectMapper, transactionManager,
                "noreply@test");
        String caseNumber = newCaseNumber();
        ResidentMail mail = besluit(caseNumber);

        try {
            withoutServer.send(mail);
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .reduce("", String::concat)).contains("No mail server configured",
                "Besluit op uw verzoek (" + caseNumber + ")", "binnen 6 weken");
        assertThat(sent(mail.messageId())).isTrue();
        assertThat(TestMailServer.mailsAbout(caseNumber)).isEmpty();
    }

    @Test
    void aMailTheServerStoredButNeverAcknowledgedIsSentAgainOnRetryWithTheSameMessageIdSoMailClientsShowItOnce() throws Exception {
        String caseNumber = newCaseNumber();
        ResidentMail mail = besluit(caseNumber);
        // A mail server that stores the mail and is "killed" before it answers the end of the message.
        try (AckLosingProxy proxy = new AckLosingProxy(TestMailServer.PORT)) {
            JavaMailSenderImpl throughProxy = new JavaMailSenderImpl();
            throughProxy.setHost("127.0.0.1");
            throughProxy.setPort(proxy.port());
            throughProxy.getJavaMailProperties().put("mail.smtp.timeout", "5000");
            ResidentMailer mailerThroughProxy = new ResidentMailer(jdbc, templates,
                    beanProvider(throughProxy), objectMapper, transactionManager, "noreply@wijkzaken.example");

            assertThatThrownBy(() -> mailerThroughProxy.send(mail)).isInstanceOf(MailException.class);
        }
        assertThat(TestMailServer.awaitMailsAbout(caseNumber, 1)).as("the server has it").hasSize(1);
        assertThat(sent(mail.messageId())).as("we never heard so").isFalse();

        mailer.send(mail);

        // At least once (twice here: exactly once is impossible over SMTP), with one Message-ID.
        List<MimeMessage> mails = TestMailServer.awaitMailsAbout(caseNumber, 2);
        assertThat(mails).hasSize(2);
        String expected = "<" + caseNumber + ".besluit@wijkzaken.example>";
        assertThat(mails).allSatisfy(m -> assertThat(m.getHeader("Message-ID")).containsExactly(expected));
        // Never twice on our side: once recorded as sent, a further send does nothing.
        mailer.send(mail);
        Thread.sleep(300);
        assertThat(TestMailServer.mailsAbout(caseNumber)).hasSize(2);
    }

    @Test
    void eachMessageHasItsOwnMessageIdHeader() {
        assertThat(ResidentMailer.messageIdHeader("BV-2026-000001/aanvulling-gevraagd/2", "Gemeente <noreply@gemeente.nl>"))
                .isEqualTo("<BV-2026-000001.aanvulling-gevraagd.2@gemeente.nl>");
        assertThat(ResidentMailer.messageIdHeader("BV-2026-000001/aanvulling-gevraagd", "noreply@gemeente.nl"))
                .isEqualTo("<BV-2026-000001.aanvulling-gevraagd@gemeente.nl>");
    }

    @Test
    void sendingInsideATransactionIsRefusedSoNoTransactionWaitsForTheMailServer() {
        ResidentMail mail = besluit(newCaseNumber());

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> mailer.send(mail)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sent(mail.messageId())).isFalse();
    }

    /** Whether the mail is recorded as sent (or, without a mail server, logged): what the dossier shows. */
    private boolean sent(String messageId) {
        return jdbc.sql("SELECT status FROM resident_mail WHERE message_id = ?").param(messageId)
                .query(String.class).optional().map("SENT"::equals).orElse(false);
    }

    private static ObjectProvider<JavaMailSender> beanProvider(JavaMailSender sender) {
        StaticListableBeanFactory factory = new StaticListableBeanFactory();
        factory.addBean("mailSender", sender);
        return factory.getBeanProvider(JavaMailSender.class);
    }

    /**
     * Relays one SMTP connection to the real server, but drops the server's answer to the end of the message
     * ("250 OK" after "&lt;CRLF&gt;.&lt;CRLF&gt;") and closes the connection: the server stored the mail, the sender
     * never learns it.
     */
    static final class AckLosingProxy implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final int target;
        private volatile boolean messageEnded;

        AckLosingProxy(int target) throws IOException {
            this.target = target;
            Thread accept = new Thread(this::serve, "ack-losing-proxy");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            try (Socket client = server.accept(); Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
                Thread toServer = new Thread(() -> relayClient(client, upstream), "ack-losing-proxy-up");
                toServer.setDaemon(true);
                toServer.start();
                InputStream in = upstream.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (messageEnded) {
                        return; // the answer to the end of the message: lost
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the connection ends
            }
        }

        private void relayClient(Socket client, Socket upstream) {
            try {
                InputStream in = client.getInputStream();
                OutputStream out = upstream.getOutputStream();
                byte[] window = new byte[5];
                int n;
                while ((n = in.read()) >= 0) {
                    System.arraycopy(window, 1, window, 0, 4);
                    window[4] = (byte) n;
                    if (new String(window, StandardCharsets.US_ASCII).equals("\r\n.\r\n")) {
                        messageEnded = true; // before the server can answer
                    }
                    out.write(n);
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the connection ends
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
