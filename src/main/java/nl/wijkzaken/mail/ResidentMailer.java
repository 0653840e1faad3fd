package nl.wijkzaken.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends mail to residents, at most once per message id.
 * <ul>
 * <li>{@link #send} sends now and throws when the mail server fails: for a retried engine job (the job's retries
 * and, finally, an incident in Cockpit take care of a mail server that is down).</li>
 * <li>{@link #enqueue} stores the mail in the caller's transaction and sends it after commit; mails the server
 * refused are retried on a schedule until sent.</li>
 * </ul>
 * Without a configured mail server ({@code spring.mail.host}) mails are written to the log instead.
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

    ResidentMailer(JdbcClient jdbc, MailTemplates templates, ObjectProvider<JavaMailSender> mailSender,
                   ObjectMapper objectMapper, @Value("${wijkzaken.mail.from:noreply@wijkzaken.example}") String from) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.mailSender = mailSender;
        this.objectMapper = objectMapper;
        this.from = from;
    }

    /**
     * Sends the mail unless a mail with this message id was sent before. Throws {@link MailException} when the
     * mail server does not accept it; nothing is recorded as sent then, so a retry sends it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void send(ResidentMail mail) {
        record(mail);
        Optional<String> status = lockStatus(mail.messageId());
        if (status.isPresent() && SENT.equals(status.get())) {
            log.debug("Mail {} was sent before; not sending again", mail.messageId());
            return;
        }
        deliver(mail);
    }

    /** Stores the mail in the current transaction; it goes out after commit, or later when the server is down. */
    @Transactional
    public void enqueue(ResidentMail mail) {
        record(mail);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    trySend(mail.messageId());
                }
            });
        }
    }

    /** Whether a mail with this id has been sent (or, without a mail server, logged). */
    public boolean isSent(String messageId) {
        return jdbc.sql("SELECT status FROM resident_mail WHERE message_id = ?").param(messageId)
                .query(String.class).optional().map(SENT::equals).orElse(false);
    }

    /** Retries every mail still waiting; called on a schedule. */
    void sendPending() {
        List<String> ids = jdbc.sql("SELECT message_id FROM resident_mail WHERE status = ? ORDER BY created_at")
                .param(PENDING).query(String.class).list();
        ids.forEach(this::trySend);
    }

    private void trySend(String messageId) {
        try {
            ResidentMail mail = load(messageId);
            if (mail != null) {
                send(mail);
            }
        } catch (RuntimeException e) {
            log.warn("Mail {} not sent yet, will retry: {}", messageId, e.getMessage());
            jdbc.sql("UPDATE resident_mail SET attempts = attempts + 1, last_error = ? WHERE message_id = ? AND status = ?")
                    .params(truncate(e.getMessage()), messageId, PENDING).update();
        }
    }

    private void record(ResidentMail mail) {
        int existing = jdbc.sql("SELECT COUNT(*) FROM resident_mail WHERE message_id = ?").param(mail.messageId())
                .query(Integer.class).single();
        if (existing == 0) {
            jdbc.sql("""
                    INSERT INTO resident_mail (message_id, message_type, recipient, mail_values, status, attempts, created_at,
                                               case_number)
                    VALUES (?, ?, ?, ?, ?, 0, ?, ?)""")
                    .params(mail.messageId(), mail.type().name(), mail.recipient(), toJson(mail.values()), PENDING,
                            Timestamp.from(Instant.now()), mail.values().get("caseNumber"))
                    .update();
        }
    }

    private Optional<String> lockStatus(String messageId) {
        // The row lock makes a concurrent second sender wait, then see SENT.
        return jdbc.sql("SELECT status FROM resident_mail WHERE message_id = ? FOR UPDATE").param(messageId)
                .query(String.class).optional();
    }

    private void deliver(ResidentMail mail) {
        RenderedMail rendered = templates.render(mail.type(), mail.values());
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("No mail server configured (spring.mail.host); mail {} to {}:\nOnderwerp: {}\n{}",
                    mail.messageId(), mail.recipient(), rendered.subject(), rendered.body());
        } else {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.recipient());
            message.setSubject(rendered.subject());
            message.setText(rendered.body());
            sender.send(message);
        }
        // The values may hold the status link: not kept once the mail is out.
        jdbc.sql("UPDATE resident_mail SET status = ?, sent_at = ?, attempts = attempts + 1, mail_values = NULL, "
                        + "last_error = NULL WHERE message_id = ?")
                .params(SENT, Timestamp.from(Instant.now()), mail.messageId()).update();
    }

    private ResidentMail load(String messageId) {
        return jdbc.sql("SELECT message_id, message_type, recipient, mail_values FROM resident_mail "
                        + "WHERE message_id = ? AND status = ?")
                .params(messageId, PENDING)
                .query((rs, row) -> new ResidentMail(rs.getString(1), MessageType.valueOf(rs.getString(2)),
                        rs.getString(3), fromJson(rs.getString(4))))
                .optional().orElse(null);
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
