package nl.wijkzaken.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails to the resident of a case, sent or still waiting for the mail server: published so the dossier (audit)
 * reads them without knowing the resident_mail table.
 */
@Component
public class MailHistory {

    /** One mail as recorded; {@code sentAt} is null while it waits, {@code attempts} counts failed sends. */
    public record MailRecord(String messageId, MessageType type, String recipient, String status, int attempts,
                             String lastError, Instant createdAt, Instant sentAt) {

        public boolean sent() {
            return sentAt != null;
        }
    }

    private final JdbcClient jdbc;

    MailHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first. */
    public List<MailRecord> ofCase(String caseNumber) {
        return jdbc.sql("""
                        SELECT message_id, message_type, recipient, status, attempts, last_error, created_at, sent_at
                        FROM resident_mail WHERE case_number = ? ORDER BY created_at""")
                .param(caseNumber)
                .query((rs, i) -> {
                    Timestamp sentAt = rs.getTimestamp("sent_at");
                    return new MailRecord(rs.getString("message_id"), MessageType.valueOf(rs.getString("message_type")),
                            rs.getString("recipient"), rs.getString("status"), rs.getInt("attempts"),
                            rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                            sentAt == null ? null : sentAt.toInstant());
                })
                .list();
    }
}
