package nl.wijkzaken.mail;

import java.util.Map;
import java.util.Objects;

/**
 * One mail to a resident. {@code messageId} identifies it for good (e.g. {@code BV-2026-000042/besluit}): a
 * second send with the same id does nothing. {@code values} are the template's variables (see
 * templates/mail/README.md), e.g. applicantName, caseNumber, title, statusUrl, repairTerm, decision, motivation.
 */
public record ResidentMail(String messageId, MessageType type, String recipient, Map<String, String> values) {

    public ResidentMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /**
     * The id of the {@code occurrence}-th mail of this type in a case (from 1): {@code BV-2026-000042/besluit}, a
     * second request for a supplement {@code BV-2026-000042/aanvulling-gevraagd/2}.
     */
    public static String messageId(String caseNumber, MessageType type, int occurrence) {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence starts at 1");
        }
        return caseNumber + "/" + type.template() + (occurrence == 1 ? "" : "/" + occurrence);
    }
}
