package nl.wijkzaken.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import nl.wijkzaken.audit.DossierEntry;

@SpringBootTest
class MailDossierSourceTest {

    @Autowired
    MailDossierSource source;

    @Autowired
    ResidentMailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aMailThatWaitsForTheMailServerIsInTheDossierAsWaiting() {
        // No SMTP server listens in this test context: the mail stays in the outbox.
        transactions.executeWithoutResult(status -> mailer.enqueue(new ResidentMail("BV-2026-888001/ontvangst",
                MessageType.ONTVANGSTBEVESTIGING, "bewoner@example.org",
                Map.of("caseNumber", "BV-2026-888001", "applicantName", "Bea", "title", "Bankje",
                        "statusUrl", "http://localhost/status/x"))));

        assertThat(source.entriesFor("BV-2026-888001")).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(DossierEntry.Kind.MAIL);
            assertThat(entry.summary()).contains("ontvangstbevestiging", "bewoner@example.org", "wacht op verzending");
        });
        assertThat(source.entriesFor("BV-2026-888002")).isEmpty();
    }
}
