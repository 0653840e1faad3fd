package nl.wijkzaken.mail;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.wijkzaken.audit.DossierEntry;
import nl.wijkzaken.audit.DossierSource;

/** Every mail to the resident of a case, sent or still waiting for the mail server, for the dossier. */
@Component
class MailDossierSource implements DossierSource {

    private final JdbcClient jdbc;

    MailDossierSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DossierEntry> entriesFor(String caseNumber) {
        return jdbc.sql("""
                        SELECT message_id, message_type, recipient, status, attempts, last_error, created_at, sent_at
                        FROM resident_mail WHERE case_number = ? ORDER BY created_at""")
                .param(caseNumber)
                .query((rs, i) -> {
                    Timestamp sentAt = rs.getTimestamp("sent_at");
                    boolean sent = sentAt != null;
                    MessageType type = MessageType.valueOf(rs.getString("message_type"));
                    return new DossierEntry((sent ? sentAt : rs.getTimestamp("created_at")).toInstant(),
                            DossierEntry.Kind.MAIL, "systeem",
                            "E-mail '" + type.template() + "' aan " + rs.getString("recipient")
                                    + (sent ? " verstuurd" : " wacht op verzending" + failures(rs.getInt("attempts"))),
                            details(rs.getString("message_id"), type, rs.getString("status"), rs.getString("last_error")));
                })
                .list();
    }

    private static String failures(int attempts) {
        return attempts == 0 ? "" : attempts == 1 ? " (1 mislukte poging)" : " (" + attempts + " mislukte pogingen)";
    }

    private static Map<String, Object> details(String messageId, MessageType type, String status, String lastError) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageId", messageId);
        details.put("template", type.template());
        details.put("status", status);
        if (lastError != null) {
            details.put("lastError", lastError);
        }
        return details;
    }
}
