package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.mail.MailException;

import nl.wijkzaken.mail.MailHistory;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.mail.ResidentMail;
import nl.wijkzaken.mail.ResidentMailer;
import nl.wijkzaken.mail.internal.MailTemplates;
import nl.wijkzaken.support.TestMailServer;

/**
 * A case's mails as dossier entries, as a slice: the real mailer, its templates and history over an embedded database
 * with the Flyway schema, sending to the tests' SMTP server ({@link TestMailServer}); no engine. Without the slice's
 * test transaction: the mailer sends with no transaction open, as in the application.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ImportAutoConfiguration({MailSenderAutoConfiguration.class, JacksonAutoConfiguration.class})
@Import({MailEntries.class, MailHistory.class, ResidentMailer.class, MailTemplates.class})
class MailEntriesTest {

    @Autowired
    MailEntries source;

    @Autowired
    ResidentMailer mailer;

    @Test
    void aMailThatWaitsForTheMailServerIsInTheDossierWithItsFailedAttemptsAndOnceSentAsSent() {
        ResidentMail mail = new ResidentMail("BV-2026-888001/ontvangstbevestiging", MessageType.ONTVANGSTBEVESTIGING,
                "bewoner@example.org", Map.of("caseNumber", "BV-2026-888001", "applicantName", "Bea", "title", "Bankje",
                        "statusUrl", "http://localhost/status/x"));
        TestMailServer.stop();
        assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailException.class);

        assertThat(source.entriesFor("BV-2026-888001")).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(DossierEntry.Kind.MAIL);
            assertThat(entry.summary()).contains("ontvangstbevestiging", "bewoner@example.org", "wacht op verzending",
                    "1 mislukte poging");
            assertThat(entry.details()).containsKey("lastError");
        });
        assertThat(source.entriesFor("BV-2026-888002")).isEmpty();

        TestMailServer.start();
        mailer.send(mail);

        assertThat(source.entriesFor("BV-2026-888001")).singleElement()
                .satisfies(entry -> assertThat(entry.summary()).endsWith("verstuurd"));
    }
}
