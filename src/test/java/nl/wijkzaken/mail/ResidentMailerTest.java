package nl.wijkzaken.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ResidentMailerTest {

    /** Started and stopped per test: some tests begin with the mail server down. */
    final GreenMail mailServer = new GreenMail(new ServerSetup(39625, "127.0.0.1", "smtp"));

    @Autowired
    ResidentMailer mailer;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailTemplates templates;

    @Autowired
    ObjectMapper objectMapper;

    @AfterEach
    void stopMailServer() {
        mailServer.stop();
    }

    static ResidentMail besluit(String messageId) {
        return new ResidentMail(messageId, MessageType.BESLUIT, "jan@example.org", Map.of(
                "applicantName", "Jan de Vries",
                "caseNumber", "BV-2026-000042",
                "title", "Bankje bij de vijver",
                "statusUrl", "http://localhost:8080/status/abc",
                "decision", "Toegekend: 1.200 euro",
                "motivation", "Het bankje past in het wijkplan."));
    }

    @Test
    void aDecisionMailCarriesTheMotivationTheObjectionClauseAndTheLink() throws Exception {
        mailServer.start();

        mailer.send(besluit(UUID.randomUUID().toString()));

        assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = mailServer.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Besluit op uw verzoek (BV-2026-000042)");
        assertThat(mail.getAllRecipients()[0]).hasToString("jan@example.org");
        assertThat(GreenMailUtil.getBody(mail)).contains("Beste Jan de Vries", "Toegekend: 1.200 euro",
                "Het bankje past in het wijkplan.", "binnen 6 weken", "bezwaar",
                "http://localhost:8080/status/abc");
    }

    @Test
    void everyMessageTypeHasADutchTemplateWithSubjectAndCaseNumber() {
        Map<String, String> values = Map.of("applicantName", "Jan", "caseNumber", "BV-2026-000042", "title", "Bankje",
                "statusUrl", "http://x/status/t", "repairTerm", "15 december 2026", "missingInformation", "Een tekening",
                "newDeadline", "1 februari 2027", "reason", "Advies duurt langer", "decision", "Afgewezen",
                "motivation", "Past niet in het budget.");
        for (MessageType type : MessageType.values()) {
            RenderedMail rendered = templates.render(type, values);
            assertThat(rendered.subject()).as(type.name()).contains("BV-2026-000042").doesNotContain("Onderwerp");
            assertThat(rendered.body()).as(type.name()).startsWith("Beste Jan,").contains("Team Wijkzaken");
        }
        assertThat(templates.render(MessageType.AANVULLING_GEVRAAGD, values).body())
                .contains("uiterlijk 15 december 2026", "Een tekening", "http://x/status/t");
        assertThat(templates.render(MessageType.TERMIJN_VERLENGD, values).body())
                .contains("1 februari 2027", "Advies duurt langer");
        assertThat(templates.render(MessageType.ONTVANGSTBEVESTIGING, values).body()).contains("http://x/status/t");
        Map<String, String> withoutLink = new java.util.HashMap<>(values);
        withoutLink.remove("statusUrl");
        assertThat(templates.render(MessageType.BESLUIT, withoutLink).body())
                .contains("persoonlijke link uit onze ontvangstbevestiging ziet u het besluit terug.")
                .doesNotContain("null");
        assertThat(templates.render(MessageType.BESLUIT, values).body())
                .contains("persoonlijke link ziet u het besluit terug:\nhttp://x/status/t\n");
        for (MessageType withObjection : new MessageType[] {MessageType.BESLUIT, MessageType.BUITEN_BEHANDELING,
                MessageType.NIET_ONTVANKELIJK, MessageType.SNELLE_AFHANDELING}) {
            assertThat(templates.render(withObjection, values).body()).as(withObjection.name())
                    .contains("Past niet in het budget.", "binnen 6 weken", "bezwaar");
        }
    }

    @Test
    void whileTheMailServerIsDownSendThrowsAndAfterwardsTheMailArrivesExactlyOnce() throws Exception {
        ResidentMail mail = besluit(UUID.randomUUID().toString());

        // What the engine's retried job sees: an exception, so the job is retried (and finally an incident).
        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailException.class);
        assertThat(mailer.isSent(mail.messageId())).isFalse();

        mailServer.start();
        mailer.send(mail);
        mailer.send(mail);

        assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
        Thread.sleep(300);
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(mailer.isSent(mail.messageId())).isTrue();
    }

    @Test
    void aQueuedMailWaitsForTheMailServerAndIsThenSentOnceWithoutKeepingItsValues() throws Exception {
        ResidentMail mail = new ResidentMail(UUID.randomUUID().toString(), MessageType.ONTVANGSTBEVESTIGING,
                "an@example.org", Map.of("applicantName", "An", "caseNumber", "BV-2026-000007", "title", "Fietsenrek",
                        "statusUrl", "http://localhost:8080/status/geheim"));

        transaction.executeWithoutResult(status -> mailer.enqueue(mail));
        assertThat(mailer.isSent(mail.messageId())).isFalse();

        mailServer.start();
        mailer.sendPending();
        mailer.sendPending();

        assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(GreenMailUtil.getBody(mailServer.getReceivedMessages()[0])).contains("http://localhost:8080/status/geheim");
        assertThat(jdbc.sql("SELECT mail_values FROM resident_mail WHERE message_id = ?").param(mail.messageId())
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void withoutAMailServerConfiguredTheMailIsLoggedAndCountsAsSent(CapturedOutput output) {
        ResidentMailer withoutServer = new ResidentMailer(jdbc, templates,
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), objectMapper, "noreply@test");
        ResidentMail mail = besluit(UUID.randomUUID().toString());

        withoutServer.send(mail);

        assertThat(output.getOut()).contains("No mail server configured", "Besluit op uw verzoek (BV-2026-000042)",
                "binnen 6 weken");
        assertThat(mailer.isSent(mail.messageId())).isTrue();
    }
}
