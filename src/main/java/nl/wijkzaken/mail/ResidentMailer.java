package nl.wijkzaken.mail;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.wijkzaken.mail.internal.RenderedMail;
import nl.wijkzaken.mail.internal.MailTemplates;

import nl.wijkzaken.shared.EngineClock;

/**
 * Sends mail to residents from the templates, at most once per message id (table {@code resident_mail}).
 * Meant to be called from the process's message step (an external task, see notification/ResidentMessageWorker)
 * with no transaction open: {@link #send} talks to the mail server between two short transactions of its own,
 * so a mail server that hangs holds no database connection. It throws when the mail server does not take the
 * mail, so the step is retried and finally becomes an incident that an administrator retries in Cockpit.
 * Without a configured mail server ({@code spring.mail.host}) mails are written to the log instead.
 * <p>
 * Delivery is at least once, never twice on our side: a mail recorded as sent is never sent again. A mail server
 * that stored a mail but did not answer (killed, timed out) gets it again on retry; it then carries the same
 * {@code Message-ID} header (derived from the message id), so mail clients show it once.
 */
@Service
public class ResidentMailer {

    private static final Logger log = LoggerFactory.getLogger(ResidentMailer.class);
    private static final String PENDING = "PENDING";
    private static final String SENT = "SENT";

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ObjectMapper objectMapper;
    private final String from;
    private final TransactionTemplate ownTransaction;

    ResidentMailer(JdbcClient jdbc, MailTemplates templates, ObjectProvider<JavaMailSender> mailSender,
                   ObjectMapper objectMapper, PlatformTransactionManager transactionManager,
                   @Value("${wijkzaken.mail.from:noreply@wijkzaken.example}") String from) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.mailSender = mailSender;
        this.objectMapper = objectMapper;
        this.from = from;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores values for a mail that the process sends later under the same message id, in the caller's
     * transaction: how the status link, which exists in plain text only where the token is made, reaches the
     * acknowledgement. The values are deleted once the mail is sent.
     */
    @Transactional
    public void prepare(ResidentMail mail) {
        int updated = jdbc.sql("UPDATE resident_mail SET mail_values = ?, recipient = ? WHERE message_id = ? AND status = ?")
                .params(toJson(mail.values()), mail.recipient(), mail.messageId(), PENDING).update();
        if (updated == 0 && !exists(mail.messageId())) {
            insert(mail, toJson(mail.values()), 0, null);
        }
    }

    /**
     * Sends the mail unless a mail with this message id was sent before. Must be called with no transaction open:
     * it records and renders the mail in one short transaction, talks to the mail server with no transaction (and
     * no database connection) held, then records the mail as sent in another, so that once the mail server has
     * the mail it counts as sent whatever the caller does next. Values stored with {@link #prepare} fill in what
     * {@code mail} does not give. Throws {@link MailException} when the mail server does not accept it; the failed
     * attempt is counted, the mail is not marked sent.
     *
     * @return the text as sent (also when it was sent before), without the status link
     */
    public SentMail send(ResidentMail mail) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // A caller's transaction would stay open (idle in transaction) for as long as the mail server takes.
            throw new IllegalStateException("ResidentMailer.send must not be called inside a transaction");
        }
        Outgoing outgoing = ownTransaction.execute(status -> record(mail));
        if (outgoing.sentBefore()) {
            log.debug("Mail {} was sent before; not sending again", mail.messageId());
            return outgoing.copy();
        }
        try {
            deliver(mail, outgoing.rendered());
        } catch (RuntimeException e) {
            try {
                ownTransaction.executeWithoutResult(status -> recordFailure(mail, e));
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
            }
            throw e;
        }
        // The values may hold the status link: not kept once the mail is out.
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "UPDATE resident_mail SET status = ?, sent_at = ?, attempts = attempts + 1, mail_values = NULL, "
                                + "last_error = NULL, recipient = ? WHERE message_id = ?")
                .params(SENT, Timestamp.from(EngineClock.now()), mail.recipient(), mail.messageId()).update());
        return outgoing.copy();
    }

    /** Records the mail (once) and renders it from its stored and given values. */
    private Outgoing record(ResidentMail mail) {
        if (!exists(mail.messageId())) {
            insert(mail, null, 0, null);
        }
        Stored stored = jdbc.sql("SELECT status, mail_values FROM resident_mail WHERE message_id = ?")
                .param(mail.messageId())
                .query((rs, row) -> new Stored(rs.getString(1), fromJson(rs.getString(2))))
                .single();
        Map<String, String> values = new HashMap<>(stored.values());
        values.putAll(mail.values());
        RenderedMail rendered = templates.render(mail.type(), values);
        return new Outgoing(rendered, values, SENT.equals(stored.status()));
    }

    private record Outgoing(RenderedMail rendered, Map<String, String> values, boolean sentBefore) {
        SentMail copy() {
            return ResidentMailer.copy(rendered, values);
        }
    }

    private void deliver(ResidentMail mail, RenderedMail rendered) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("No mail server configured (spring.mail.host); mail {} to {}:\nOnderwerp: {}\n{}",
                    mail.messageId(), mail.recipient(), rendered.subject(), rendered.body());
            return;
        }
        sender.send(message(sender, mail, rendered));
    }

    /** The mail as MIME message, with a Message-ID that is the same on every attempt to send it. */
    private MimeMessage message(JavaMailSender sender, ResidentMail mail, RenderedMail rendered) {
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        MimeMessage message = new StableIdMessage(session, messageIdHeader(mail.messageId(), from));
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.recipient());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.body());
            for (ResidentMail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }

    /**
     * The Message-ID header for a message id: {@code <BV-2026-000042.besluit@domain>} with the domain of the
     * sender's address. Derived from the message's own identity only, so a retry carries the same header.
     */
    static String messageIdHeader(String messageId, String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "wijkzaken.invalid" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + messageId.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain + ">";
    }

    /** JavaMail replaces the Message-ID with a random one on every send (saveChanges); this one keeps ours. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** Counts the failed attempt, so the dossier shows a mail that waits for the mail server. */
    private void recordFailure(ResidentMail mail, RuntimeException error) {
        String message = truncate(error.getMessage());
        int updated = jdbc.sql("UPDATE resident_mail SET attempts = attempts + 1, last_error = ? "
                        + "WHERE message_id = ? AND status = ?")
                .params(message, mail.messageId(), PENDING).update();
        if (updated == 0 && !exists(mail.messageId())) {
            insert(mail, null, 1, message);
        }
        log.warn("Mail {} not sent, the process step will retry it: {}", mail.messageId(), message);
    }

    private boolean exists(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM resident_mail WHERE message_id = ?").param(messageId)
                .query(Integer.class).single() > 0;
    }

    private void insert(ResidentMail mail, String values, int attempts, String lastError) {
        jdbc.sql("""
                INSERT INTO resident_mail (message_id, message_type, recipient, mail_values, status, attempts, last_error,
                                           created_at, case_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(mail.messageId(), mail.type().name(), mail.recipient(), values, PENDING, attempts, lastError,
                        Timestamp.from(EngineClock.now()), mail.values().get("caseNumber"))
                .update();
    }

    private static SentMail copy(RenderedMail rendered, Map<String, String> values) {
        String link = values.get("statusUrl");
        String body = link == null || link.isBlank() ? rendered.body() : rendered.body().replace(link, SentMail.LINK_PLACEHOLDER);
        return new SentMail(rendered.subject(), body);
    }

    private record Stored(String status, Map<String, String> values) {
    }

    private String toJson(Map<String, String> values) {
        try {
            return objectMapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, String> fromJson(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return objectMapper.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
