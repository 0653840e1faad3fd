package nl.wijkzaken.residents;

import nl.wijkzaken.residents.internal.ResidentsProperties;
import nl.wijkzaken.residents.internal.StatusTokens;
import java.sql.Timestamp;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.mail.ResidentMail;
import nl.wijkzaken.mail.ResidentMailer;
import nl.wijkzaken.shared.EngineClock;

/**
 * Every resident gets a status link in the acknowledgement. A request from the public form has one from the
 * moment it is submitted; for a request that staff registered (Tasklist start form, channel {@code balie}) the
 * acknowledgement step asks for one here.
 */
@Service
public class StatusLinks {

    private final JdbcClient jdbc;
    private final CaseFiles caseFiles;
    private final ResidentMailer mailer;
    private final ResidentsProperties properties;

    StatusLinks(JdbcClient jdbc, CaseFiles caseFiles, ResidentMailer mailer, ResidentsProperties properties) {
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.mailer = mailer;
        this.properties = properties;
    }

    /**
     * Makes sure the case has a status token and that its acknowledgement (the first {@link
     * MessageType#ONTVANGSTBEVESTIGING} mail of the case) carries the link. A token is issued only for a case
     * that has none. Runs in a transaction of its own: the token and its link are stored before the mail goes
     * out, and stay when the calling step fails after the mail was sent (its retry then finds them).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void provideForAcknowledgement(String caseNumber, String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return;
        }
        boolean hasToken = jdbc.sql("SELECT COUNT(*) FROM resident_access WHERE case_number = ?").param(caseNumber)
                .query(Integer.class).single() > 0;
        if (hasToken) {
            return;
        }
        CaseFile file = caseFiles.find(caseNumber)
                .orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has no case file"));
        String token = StatusTokens.newToken();
        jdbc.sql("""
                INSERT INTO resident_access (case_number, token_hash, process_instance_id, title, neighbourhood, received_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, StatusTokens.hash(token), file.processInstanceId(), file.title(), file.neighbourhood(),
                        new Timestamp(EngineClock.startOf(file.receivedOn()).getTime()))
                .update();
        mailer.prepare(new ResidentMail(ResidentMail.messageId(caseNumber, MessageType.ONTVANGSTBEVESTIGING, 1),
                MessageType.ONTVANGSTBEVESTIGING, recipient,
                Map.of("caseNumber", caseNumber, "statusUrl", url(properties, token))));
    }

    /**
     * A request a person registered in Tasklist (front office): the status link is issued at once, in the caller's
     * (the registration's) transaction, the acknowledgement is prepared with it, and the link is kept for the
     * receipt until the clerk has handed it over ({@link #receiptHandedOver}). Returns the link; null when the case
     * has a status token already (then only the resident's mailbox has it).
     */
    public String issueForReceipt(String caseNumber, String registeredBy) {
        boolean hasToken = jdbc.sql("SELECT COUNT(*) FROM resident_access WHERE case_number = ?").param(caseNumber)
                .query(Integer.class).single() > 0;
        if (hasToken) {
            return null;
        }
        CaseFile file = caseFiles.find(caseNumber)
                .orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has no case file"));
        String token = StatusTokens.newToken();
        String link = url(properties, token);
        jdbc.sql("""
                INSERT INTO resident_access (case_number, token_hash, process_instance_id, title, neighbourhood, received_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, StatusTokens.hash(token), file.processInstanceId(), file.title(), file.neighbourhood(),
                        new Timestamp(EngineClock.startOf(file.receivedOn()).getTime()))
                .update();
        mailer.prepare(new ResidentMail(ResidentMail.messageId(caseNumber, MessageType.ONTVANGSTBEVESTIGING, 1),
                MessageType.ONTVANGSTBEVESTIGING, file.applicantEmail(), Map.of("caseNumber", caseNumber, "statusUrl", link)));
        jdbc.sql("INSERT INTO front_office_receipt (case_number, registered_by, status_url, created_at) VALUES (?, ?, ?, ?)")
                .params(caseNumber, registeredBy, link, new Timestamp(EngineClock.now().toEpochMilli())).update();
        return link;
    }

    /** The link for the receipt, to the clerk who registered the case, until the receipt was handed over. */
    public java.util.Optional<String> receiptLink(String caseNumber, String registeredBy) {
        return jdbc.sql("SELECT status_url FROM front_office_receipt WHERE case_number = ? AND registered_by = ?")
                .params(caseNumber, registeredBy).query(String.class).optional();
    }

    /** The receipt was handed over: from now on the link exists only with the resident. */
    public void receiptHandedOver(String caseNumber) {
        jdbc.sql("DELETE FROM front_office_receipt WHERE case_number = ?").param(caseNumber).update();
    }

    public static String url(ResidentsProperties properties, String token) {
        return properties.publicBaseUrl() + "/status/" + token;
    }
}
